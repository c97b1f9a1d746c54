//! The practice logo, made fit for print once, when she chooses it. A handout's header shows
//! the logo in a box of at most 150 × 54 pt; a photo or scan far larger than that would be
//! decoded, compressed and embedded again in every PDF. So a larger logo is scaled down, once,
//! to what that box holds at 300 dpi: a PNG stays a PNG (its transparency kept) unless it is a
//! photo with no transparency, which is kept as a JPEG; a JPEG stays a JPEG.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader};

/// The widest logo the header prints, in pixels: 150 pt at 300 dpi.
pub const MAX_WIDTH: u32 = 625;
/// The tallest: 54 pt at 300 dpi.
pub const MAX_HEIGHT: u32 = 225;
/// A scaled PNG with no transparency is a photo, kept as a JPEG, when the JPEG is this many
/// times smaller (line art compresses far better losslessly; a photo does not).
const PHOTO_GAIN: usize = 3;
/// JPEG quality for a scaled logo: no visible loss at print size.
const JPEG_QUALITY: u8 = 90;

/// The image formats a logo may have (they also embed cleanly in PDFs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
}

impl Kind {
    /// What the bytes are, from their signature; `None` for anything but PNG and JPEG.
    pub fn of(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    fn format(self) -> ImageFormat {
        match self {
            Self::Png => ImageFormat::Png,
            Self::Jpeg => ImageFormat::Jpeg,
        }
    }
}

/// The logo as it is kept: the same bytes when it already fits the header's box, otherwise
/// scaled down to fit it (proportions kept). Fails when the bytes are not a readable PNG or
/// JPEG.
pub fn fit_for_print(bytes: Vec<u8>) -> Result<Vec<u8>, image::ImageError> {
    let Some(kind) = Kind::of(&bytes) else {
        return Err(image::ImageError::Unsupported(
            image::error::UnsupportedError::from_format_and_kind(
                image::error::ImageFormatHint::Unknown,
                image::error::UnsupportedErrorKind::GenericFeature("not a PNG or JPEG".into()),
            ),
        ));
    };
    let image = ImageReader::with_format(Cursor::new(&bytes), kind.format()).decode()?;
    let (w, h) = (image.width(), image.height());
    if w <= MAX_WIDTH && h <= MAX_HEIGHT {
        return Ok(bytes);
    }
    let scale = (f64::from(MAX_WIDTH) / f64::from(w)).min(f64::from(MAX_HEIGHT) / f64::from(h));
    let (nw, nh) = (
        ((f64::from(w) * scale).round() as u32).max(1),
        ((f64::from(h) * scale).round() as u32).max(1),
    );
    let scaled = image.resize_exact(nw, nh, FilterType::CatmullRom);
    match kind {
        Kind::Jpeg => jpeg(&scaled),
        Kind::Png => {
            let png = encode(&scaled, ImageFormat::Png)?;
            if has_transparency(&scaled) {
                return Ok(png);
            }
            let jpeg = jpeg(&scaled)?;
            Ok(if jpeg.len() * PHOTO_GAIN < png.len() {
                jpeg
            } else {
                png
            })
        }
    }
}

/// Whether a logo fits the header's box already (read from its header alone, so it costs
/// nothing); an unreadable one counts as fitting and is left for the PDF engine to report.
pub fn fits(bytes: &[u8]) -> bool {
    let dims = Kind::of(bytes).and_then(|kind| {
        ImageReader::with_format(Cursor::new(bytes), kind.format())
            .into_dimensions()
            .ok()
    });
    dims.is_none_or(|(w, h)| w <= MAX_WIDTH && h <= MAX_HEIGHT)
}

/// The logo a PDF embeds: a logo kept before logos were scaled at import is scaled here.
pub fn for_print(bytes: Vec<u8>) -> Vec<u8> {
    if fits(&bytes) {
        return bytes;
    }
    fit_for_print(bytes.clone()).unwrap_or(bytes)
}

fn has_transparency(image: &DynamicImage) -> bool {
    image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255)
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format)?;
    Ok(out.into_inner())
}

fn jpeg(image: &DynamicImage) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    DynamicImage::ImageRgb8(image.to_rgb8()).write_with_encoder(encoder)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::sample::photo_like as photo;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn dims(bytes: &[u8]) -> (u32, u32) {
        ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .unwrap()
            .into_dimensions()
            .unwrap()
    }

    #[test]
    fn a_logo_that_fits_is_kept_byte_for_byte() {
        let small = encode(&DynamicImage::ImageRgb8(photo(300, 100)), ImageFormat::Png).unwrap();
        assert_eq!(fit_for_print(small.clone()).unwrap(), small);
    }

    #[test]
    fn a_large_photo_becomes_a_jpeg_that_fits_the_header() {
        let big = encode(
            &DynamicImage::ImageRgb8(photo(2000, 1500)),
            ImageFormat::Png,
        )
        .unwrap();
        let kept = fit_for_print(big.clone()).unwrap();
        assert_eq!(Kind::of(&kept), Some(Kind::Jpeg));
        assert_eq!(dims(&kept), (300, 225));
        assert!(
            kept.len() * 10 < big.len(),
            "{} of {}",
            kept.len(),
            big.len()
        );
    }

    #[test]
    fn a_wide_transparent_logo_stays_a_png_with_its_transparency() {
        let art = RgbaImage::from_fn(2500, 500, |x, _| {
            if x % 100 < 50 {
                Rgba([120, 40, 90, 255])
            } else {
                Rgba([0, 0, 0, 0])
            }
        });
        let big = encode(&DynamicImage::ImageRgba8(art), ImageFormat::Png).unwrap();
        let kept = fit_for_print(big).unwrap();
        assert_eq!(Kind::of(&kept), Some(Kind::Png));
        assert_eq!(dims(&kept), (MAX_WIDTH, 125));
        let decoded = image::load_from_memory(&kept).unwrap();
        assert!(has_transparency(&decoded));
    }

    #[test]
    fn large_opaque_line_art_stays_a_lossless_png() {
        let art = RgbImage::from_fn(1800, 600, |x, y| {
            if (x / 60 + y / 60) % 2 == 0 {
                Rgb([47, 111, 98])
            } else {
                Rgb([255, 255, 255])
            }
        });
        let big = encode(&DynamicImage::ImageRgb8(art), ImageFormat::Png).unwrap();
        let kept = fit_for_print(big).unwrap();
        assert_eq!(Kind::of(&kept), Some(Kind::Png));
        assert_eq!(dims(&kept), (MAX_WIDTH, 208));
    }

    #[test]
    fn a_large_jpeg_stays_a_jpeg() {
        let big = jpeg(&DynamicImage::ImageRgb8(photo(1600, 1200))).unwrap();
        let kept = fit_for_print(big).unwrap();
        assert_eq!(Kind::of(&kept), Some(Kind::Jpeg));
        assert_eq!(dims(&kept), (300, 225));
    }

    #[test]
    fn broken_or_foreign_bytes_are_an_error() {
        let mut broken = b"\x89PNG\r\n\x1a\n".to_vec();
        broken.extend_from_slice(&[7; 64]);
        assert!(fit_for_print(broken).is_err());
        assert!(fit_for_print(b"GIF89a".to_vec()).is_err());
        assert!(fit_for_print(Vec::new()).is_err());
    }
}
