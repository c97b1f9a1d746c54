//! A large logo for the tests that choose one, and the check of what a PDF made with it holds.
//! Shared by the integration and end-to-end suites (`#[path]`).

use std::path::Path;

/// A photo-like picture (gradients with grain, which compresses as badly as a photo does),
/// saved as a PNG of over 2 MB.
pub fn write_large_photo(path: &Path) {
    let mut grain = 1_u32;
    image::RgbImage::from_fn(1500, 1100, |x, y| {
        grain = grain.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let g = (grain >> 26) as u8;
        image::Rgb([(x / 8) as u8 + g, (y / 6) as u8 + g, 90 + g])
    })
    .save(path)
    .unwrap();
    assert!(std::fs::metadata(path).unwrap().len() > 2_000_000);
}

/// A PDF made with that logo: at most 250 KB, and the photo embedded once, at print size
/// (within the header's 625 × 225 px), as a JPEG.
pub fn assert_small_with_one_photo(pdf: &Path) {
    let size = std::fs::metadata(pdf).unwrap().len();
    assert!(size <= 250 * 1024, "{size} bytes");
    let out = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages (poppler-utils) is installed by make test");
    let list = String::from_utf8_lossy(&out.stdout);
    // page num type width height color comp bpc enc …
    let images: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(images.len(), 1, "one image, embedded once:\n{list}");
    let (width, height): (u32, u32) =
        (images[0][3].parse().unwrap(), images[0][4].parse().unwrap());
    assert!(width <= 625 && height <= 225, "{width} × {height}");
    assert_eq!(
        images[0][8], "jpeg",
        "a photo is embedded as a JPEG:\n{list}"
    );
}
