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
pub(crate) fn compressed(content: Vec<u8>) -> Result<Vec<u8>, PdfError> {
    if !memo::remembering() {
        return compress(&content);
    }
    if let Some(done) = COMPRESSED.with(|c| c.with(&(), content.as_slice(), Vec::clone)) {
        return Ok(done);
    }
    let done = compress(&content)?;
    COMPRESSED.with(|c| c.keep((), content, done.clone()));
    Ok(done)
}

/// A stream of content already Flate-compressed.
pub(crate) fn flated(mut dict: Dictionary, content: Vec<u8>) -> Stream {
    dict.set("Filter", "FlateDecode");
    Stream::new(dict, content).with_compression(false)
}

/// Flate (zlib) at level 6: the slowest level took 40% of a handout's render for about 3%
/// smaller files.
pub(crate) fn compress(content: &[u8]) -> Result<Vec<u8>, PdfError> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(content.len() / 2),
        flate2::Compression::new(6),
    );
    encoder
        .write_all(content)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    encoder.finish().map_err(|e| PdfError::Write(e.to_string()))
}
