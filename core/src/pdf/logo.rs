//! The practice logo as a PDF image, made once per logo and shared by every render: a bulk
//! export of 100 handouts reads, checks and compresses the logo once, not 100 times.
//!
//! A JPEG a viewer decodes as it is (8 bits a sample, grey or colour) is embedded byte for
//! byte (DCTDecode): no second lossy pass. A PNG becomes Flate-compressed pixels, its
//! transparency a soft mask. Any other JPEG the image decoder reads (CMYK) is embedded again
//! as a plain JPEG. Every logo is decoded once, so a damaged one is refused, not
//! printed.

use std::sync::{Arc, Mutex, PoisonError};

use image::{DynamicImage, GenericImageView};
use lopdf::{dictionary, Dictionary};

use super::PdfError;

/// JPEG quality for a JPEG logo that has to be encoded again (CMYK).
const JPEG_QUALITY: u8 = 90;

/// The logo, ready to embed: an image XObject's dictionary and its encoded bytes.
pub(crate) struct Logo {
    pub width: u32,
    pub height: u32,
    pub dict: Dictionary,
    pub content: Vec<u8>,
    /// Its transparency: a soft mask image's dictionary and Flate-compressed bytes.
    pub mask: Option<(Dictionary, Vec<u8>)>,
}

/// The last logo made, kept for the next render.
pub(crate) struct Kept(Mutex<Option<(Vec<u8>, Arc<Logo>)>>);

impl Kept {
    pub(crate) const fn new() -> Self {
        Self(Mutex::new(None))
    }

    /// The logo for `bytes` (a PNG or a JPEG): the one made last time when the bytes are the
    /// same, else made now.
    pub(crate) fn logo(&self, bytes: &[u8]) -> Result<Arc<Logo>, PdfError> {
        if let Some((kept, logo)) = self
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            if kept.as_slice() == bytes {
                return Ok(Arc::clone(logo));
            }
        }
        let logo = Arc::new(make(bytes)?);
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) =
            Some((bytes.to_vec(), Arc::clone(&logo)));
        Ok(logo)
    }
}

/// The logo every render shares.
pub(crate) static KEPT: Kept = Kept::new();

fn make(bytes: &[u8]) -> Result<Logo, PdfError> {
    let image = image::load_from_memory(bytes).map_err(|e| PdfError::Logo(e.to_string()))?;
    let (width, height) = image.dimensions();
    let grey = !image.color().has_color();
    let mut dict = image_dict(width, height, grey);
    let mut mask = None;
    let content = if plain_jpeg(bytes) {
        dict.set("Filter", "DCTDecode");
        bytes.to_vec()
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        dict.set("Filter", "DCTDecode");
        let mut out = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
        let plain = if grey {
            DynamicImage::ImageLuma8(image.to_luma8())
        } else {
            DynamicImage::ImageRgb8(image.to_rgb8())
        };
        plain
            .write_with_encoder(encoder)
            .map_err(|e| PdfError::Logo(e.to_string()))?;
        out
    } else {
        if let Some(alpha) = alpha(&image) {
            let mut mask_dict = image_dict(width, height, true);
            mask_dict.set("Filter", "FlateDecode");
            mask = Some((mask_dict, zlib(&alpha)?));
        }
        dict.set("Filter", "FlateDecode");
        let pixels = if grey {
            image.to_luma8().into_raw()
        } else {
            image.to_rgb8().into_raw()
        };
        zlib(&pixels)?
    };
    Ok(Logo {
        width,
        height,
        dict,
        content,
        mask,
    })
}

fn image_dict(width: u32, height: u32, grey: bool) -> Dictionary {
    dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(width),
        "Height" => i64::from(height),
        "ColorSpace" => if grey { "DeviceGray" } else { "DeviceRGB" },
        "BitsPerComponent" => 8,
    }
}

/// The image's alpha channel, when any pixel is less than opaque.
fn alpha(image: &DynamicImage) -> Option<Vec<u8>> {
    if !image.color().has_alpha() {
        return None;
    }
    let alpha: Vec<u8> = image.to_rgba8().pixels().map(|p| p.0[3]).collect();
    alpha.iter().any(|&a| a < 255).then_some(alpha)
}

/// Compressed as small as zlib can: a logo is made once a session.
fn zlib(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
    super::flate::compress_at(bytes, flate2::Compression::best())
}

/// Whether a JPEG can go into the PDF as it is: its frame is Huffman-coded (baseline,
/// extended or progressive) with 8 bits a sample and one (grey) or three (colour)
/// components, which every viewer's DCTDecode reads. CMYK, 12-bit, arithmetic-coded and
/// lossless JPEGs are not.
pub(crate) fn plain_jpeg(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    while let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) {
        match marker {
            // A fill byte before a marker.
            0xFF => i += 1,
            // Markers that stand alone.
            0x01 | 0xD0..=0xD8 => i += 2,
            // A scan or the end before any frame header.
            0xD9 | 0xDA => return false,
            _ => {
                let Some(len) = bytes.get(i + 2..i + 4) else {
                    return false;
                };
                let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                if let 0xC0..=0xCF = marker {
                    if matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                        // Huffman tables, a reserved marker, arithmetic conditioning.
                        i += 2 + len;
                        continue;
                    }
                    // Precision, height, width, components.
                    let Some(frame) = bytes.get(i + 4..i + 10) else {
                        return false;
                    };
                    return matches!(marker, 0xC0..=0xC2)
                        && frame[0] == 8
                        && matches!(frame[5], 1 | 3);
                }
                if len < 2 {
                    return false;
                }
                i += 2 + len;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::sample::{leaky_gut, photo_like};
    use crate::pdf::tests::{run, write_sample};
    use image::{GrayImage, ImageFormat, Luma, Rgba, RgbaImage};

    fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    /// The offset of a JPEG's frame header (SOF0) in `bytes`.
    fn frame_at(bytes: &[u8]) -> usize {
        bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap()
    }

    #[test]
    fn colour_and_grey_jpegs_are_plain_and_cmyk_12_bit_or_arithmetic_ones_are_not() {
        let colour = encoded(
            &DynamicImage::ImageRgb8(photo_like(40, 20)),
            ImageFormat::Jpeg,
        );
        let grey = encoded(
            &DynamicImage::ImageLuma8(GrayImage::from_pixel(40, 20, Luma([90]))),
            ImageFormat::Jpeg,
        );
        assert!(plain_jpeg(&colour));
        assert!(plain_jpeg(&grey));

        let sof = frame_at(&colour);
        let mut cmyk = colour.clone();
        cmyk[sof + 9] = 4;
        assert!(!plain_jpeg(&cmyk), "four components");
        let mut deep = colour.clone();
        deep[sof + 4] = 12;
        assert!(!plain_jpeg(&deep), "12 bits a sample");
        let mut arithmetic = colour.clone();
        arithmetic[sof + 1] = 0xC9;
        assert!(!plain_jpeg(&arithmetic), "arithmetic coding");

        let png = encoded(
            &DynamicImage::ImageRgb8(photo_like(40, 20)),
            ImageFormat::Png,
        );
        assert!(!plain_jpeg(&png));
        assert!(!plain_jpeg(&colour[..sof]), "cut before its frame");
        assert!(!plain_jpeg(b""));
    }

    #[test]
    fn a_jpeg_goes_in_byte_for_byte_and_a_png_as_pixels_with_its_transparency() {
        let jpeg = encoded(
            &DynamicImage::ImageRgb8(photo_like(60, 30)),
            ImageFormat::Jpeg,
        );
        let made = make(&jpeg).unwrap();
        assert_eq!((made.width, made.height), (60, 30));
        let name = |dict: &Dictionary, key: &str| {
            dict.get(key.as_bytes())
                .unwrap()
                .as_name()
                .unwrap()
                .to_vec()
        };
        assert_eq!(made.content, jpeg);
        assert_eq!(name(&made.dict, "Filter"), b"DCTDecode");
        assert_eq!(name(&made.dict, "ColorSpace"), b"DeviceRGB");

        let mut see_through = RgbaImage::from_pixel(30, 10, Rgba([20, 120, 60, 255]));
        see_through.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
        let png = encoded(&DynamicImage::ImageRgba8(see_through), ImageFormat::Png);
        let made = make(&png).unwrap();
        assert_eq!(name(&made.dict, "Filter"), b"FlateDecode");
        let Some((mask, _)) = &made.mask else {
            panic!("a transparent PNG has a soft mask");
        };
        assert_eq!(name(mask, "ColorSpace"), b"DeviceGray");

        let opaque = encoded(
            &DynamicImage::ImageRgba8(RgbaImage::from_pixel(30, 10, Rgba([1, 2, 3, 255]))),
            ImageFormat::Png,
        );
        assert!(make(&opaque).unwrap().mask.is_none());

        assert!(matches!(
            make(&jpeg[..jpeg.len() / 3]),
            Err(PdfError::Logo(_))
        ));
    }

    #[test]
    fn the_same_logo_is_made_once() {
        let png = encoded(
            &DynamicImage::ImageRgb8(photo_like(50, 20)),
            ImageFormat::Png,
        );
        let kept = Kept::new();
        let first = kept.logo(&png).unwrap();
        assert!(Arc::ptr_eq(&first, &kept.logo(&png).unwrap()));
        let other = encoded(
            &DynamicImage::ImageRgb8(photo_like(51, 20)),
            ImageFormat::Png,
        );
        assert_eq!(kept.logo(&other).unwrap().width, 51);
        assert!(
            !Arc::ptr_eq(&first, &kept.logo(&png).unwrap()),
            "made again"
        );
    }

    /// A JPEG logo goes into the PDF byte for byte (no second lossy pass); a transparent PNG keeps
    /// its transparency as a soft mask; both pass qpdf's check.
    #[test]
    fn a_jpeg_logo_is_embedded_as_it_is_and_a_png_keeps_its_transparency() {
        let jpeg = encoded(
            &DynamicImage::ImageRgb8(photo_like(300, 120)),
            ImageFormat::Jpeg,
        );
        let mut h = leaky_gut(crate::pdf::Paper::A4);
        h.brand.logo_png_or_jpeg = Some(jpeg.clone());
        let (path, rendered) = write_sample("jpeg-logo", &h);
        assert!(
            rendered.bytes.windows(jpeg.len()).any(|w| w == jpeg),
            "the JPEG's own bytes are in the PDF"
        );
        let list = run("pdfimages", &["-list"], &path);
        let image: Vec<&str> = list.lines().nth(2).unwrap().split_whitespace().collect();
        assert_eq!(list.lines().count(), 3, "one image:\n{list}");
        assert_eq!(
            (image[3], image[4], image[5], image[8]),
            ("300", "120", "rgb", "jpeg")
        );
        run("qpdf", &["--check"], &path);

        // The sample's logo is a PNG with transparency.
        let (path, _) = write_sample("png-logo", &leaky_gut(crate::pdf::Paper::A4));
        let list = run("pdfimages", &["-list"], &path);
        let kinds: Vec<&str> = list
            .lines()
            .skip(2)
            .map(|l| l.split_whitespace().nth(2).unwrap())
            .collect();
        assert_eq!(kinds, ["image", "smask"], "{list}");
        run("qpdf", &["--check"], &path);
    }
}
