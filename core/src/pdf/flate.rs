//! Flate (zlib) compression of a PDF's streams, and the streams that carry it.

use lopdf::{Dictionary, Stream};

use super::memo::{self, Remembered};
use super::PdfError;

thread_local! {
    /// Page contents already compressed, by their content: most pages of a bulk export's
    /// handouts are the same.
    static COMPRESSED: Remembered<(), Vec<u8>, Vec<u8>> = Remembered::new(64);
}

/// `content` Flate-compressed; on a thread that remembers (`pdf::remember_rendering`), a page
/// compressed before is not compressed again.
pub(crate) fn compressed(content: &[u8]) -> Result<Vec<u8>, PdfError> {
    memo::remembered(&COMPRESSED, (), content, || compress(content))
}

/// A stream of content already Flate-compressed.
pub(crate) fn flated(mut dict: Dictionary, content: Vec<u8>) -> Stream {
    dict.set("Filter", "FlateDecode");
    Stream::new(dict, content).with_compression(false)
}

/// Flate (zlib) at level 6: the slowest level took 40% of a handout's render for about 3%
/// smaller files.
pub(crate) fn compress(content: &[u8]) -> Result<Vec<u8>, PdfError> {
    compress_at(content, flate2::Compression::new(6))
}

/// Flate (zlib) at `level`.
pub(crate) fn compress_at(content: &[u8], level: flate2::Compression) -> Result<Vec<u8>, PdfError> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::with_capacity(content.len() / 2), level);
    encoder
        .write_all(content)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    encoder.finish().map_err(|e| PdfError::Write(e.to_string()))
}
