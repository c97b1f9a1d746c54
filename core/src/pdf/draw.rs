//! Turning laid-out pages into a PDF file (lopdf): each page's content stream (shapes, the
//! logo, then its text as glyph runs positioned with a text matrix and per-glyph offsets), the
//! fonts subset to what the handout prints (`embed`), the logo image, link annotations and
//! the document's information.
//!
//! The same handout made twice is the same file but for its dates: nothing in it is random.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream, StringFormat};

use super::embed::{fingerprint, text_string, Glyphs, Subset};
use super::flate::{compressed, flated};
use super::fonts::Face;
use super::layout::{Laid, Mark};
use super::logo::Logo;
use super::text::Rgb;
use super::{Handout, PdfError};

/// A number in a content stream: at most three decimals, no trailing zeros. Written by hand:
/// a handout has thousands of them, and the formatting machinery was a tenth of its render.
fn num(out: &mut String, v: f32) {
    let thousandths = (f64::from(v) * 1000.0).round() as i64;
    if thousandths < 0 {
        out.push('-');
    }
    let n = thousandths.unsigned_abs();
    digits(out, n / 1000);
    let mut fraction = n % 1000;
    if fraction != 0 {
        out.push('.');
        let mut places = 3;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            places -= 1;
        }
        for place in (0..places).rev() {
            out.push(char::from(b'0' + (fraction / 10_u64.pow(place) % 10) as u8));
        }
    }
}

fn digits(out: &mut String, n: u64) {
    if n >= 10 {
        digits(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// A glyph's code as a content stream writes it: four hexadecimal digits in angle brackets.
fn code(out: &mut String, code: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('<');
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[usize::from(code >> shift & 0xF)]));
    }
    out.push('>');
}

fn nums(out: &mut String, values: &[f32], op: &str) {
    for v in values {
        num(out, *v);
        out.push(' ');
    }
    out.push_str(op);
    out.push('\n');
}

fn colour(out: &mut String, c: Rgb, op: &str) {
    nums(out, &[c.0, c.1, c.2], op);
}

fn pdf_date(t: DateTime<Utc>) -> Object {
    Object::string_literal(t.format("D:%Y%m%d%H%M%S+00'00'").to_string())
}

/// Text state already set in the page's content stream, so it is not repeated.
#[derive(Default)]
struct State {
    font: Option<(Face, u32)>,
    fill: Option<(u32, u32, u32)>,
}

fn key(c: Rgb) -> (u32, u32, u32) {
    (c.0.to_bits(), c.1.to_bits(), c.2.to_bits())
}

/// The resource name of a face on every page.
fn font_name(face: Face) -> String {
    format!("F{}", face as u8)
}

pub(crate) fn write(h: &Handout, laid: &Laid, created: DateTime<Utc>) -> Result<Vec<u8>, PdfError> {
    let mut doc = lopdf::Document::with_version("1.7");

    // Only the faces actually used are embedded, each subset to the glyphs it prints.
    let mut used: BTreeMap<Face, Glyphs> = BTreeMap::new();
    for page in &laid.pages {
        for mark in &page.marks {
            if let Mark::Text { line, .. } = mark {
                for run in &line.runs {
                    let glyphs = used.entry(run.face).or_default();
                    for g in &run.glyphs {
                        let text = glyphs.entry(g.gid).or_default();
                        if text.is_empty() {
                            if let Some(t) = &g.text {
                                text.push_str(t);
                            }
                        }
                    }
                }
            }
        }
    }
    let mut subsets: BTreeMap<Face, Rc<Subset>> = BTreeMap::new();
    let mut fonts = Dictionary::new();
    for (face, glyphs) in &used {
        let subset = Subset::of(*face, glyphs)?;
        fonts.set(font_name(*face), subset.add_to(&mut doc));
        subsets.insert(*face, subset);
    }
    let mut resources = dictionary! { "Font" => fonts };
    if let Some(logo) = &laid.logo {
        let image = add_logo(&mut doc, logo);
        resources.set("XObject", dictionary! { "Logo" => image });
    }
    let resources = doc.add_object(resources);

    let pages_id = doc.new_object_id();
    let (pw, ph) = laid.size;
    let mut kids = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let mut ops = String::with_capacity(16 * 1024);
        let mut annots = Vec::new();
        // Marks are placed from the page's top left; a PDF counts from its bottom left.
        let rect = |out: &mut String, x: f32, y: f32, w: f32, h: f32, op: &str| {
            nums(out, &[x, ph - y - h, w, h], op);
        };
        // Shapes first, then all text in one text object.
        for mark in &page.marks {
            match mark {
                Mark::Fill {
                    x,
                    y,
                    w,
                    h: mh,
                    color,
                } => {
                    colour(&mut ops, *color, "rg");
                    rect(&mut ops, *x, *y, *w, *mh, "re f");
                }
                Mark::Stroke {
                    x,
                    y,
                    w,
                    h: mh,
                    color,
                    width,
                } => {
                    colour(&mut ops, *color, "RG");
                    nums(&mut ops, &[*width], "w");
                    rect(&mut ops, *x, *y, *w, *mh, "re S");
                }
                Mark::Link {
                    x,
                    y,
                    w,
                    h: mh,
                    url,
                } => {
                    let bottom = ph - y - mh;
                    let area = [*x, bottom, x + w, bottom + mh].map(Object::Real);
                    annots.push(doc.add_object(dictionary! {
                        "Type" => "Annot",
                        "Subtype" => "Link",
                        "Rect" => area.to_vec(),
                        "Border" => vec![0.into(), 0.into(), 0.into()],
                        "A" => dictionary! {
                            "S" => "URI",
                            "URI" => Object::String(url.as_bytes().to_vec(), StringFormat::Literal),
                        },
                    }));
                }
                Mark::Logo { x, y, w, h: mh } => {
                    if laid.logo.is_some() {
                        ops.push_str("q\n");
                        nums(&mut ops, &[*w, 0.0, 0.0, *mh, *x, ph - y - mh], "cm");
                        ops.push_str("/Logo Do\nQ\n");
                    }
                }
                Mark::Text { .. } => {}
            }
        }
        ops.push_str("BT\n");
        let mut state = State::default();
        for mark in &page.marks {
            let Mark::Text { line, x, baseline } = mark else {
                continue;
            };
            for run in &line.runs {
                let Some(subset) = subsets.get(&run.face) else {
                    continue;
                };
                if state.fill != Some(key(run.color)) {
                    colour(&mut ops, run.color, "rg");
                    state.fill = Some(key(run.color));
                }
                if state.font != Some((run.face, run.size.to_bits())) {
                    ops.push('/');
                    ops.push_str(&font_name(run.face));
                    ops.push(' ');
                    nums(&mut ops, &[run.size], "Tf");
                    state.font = Some((run.face, run.size.to_bits()));
                }
                nums(
                    &mut ops,
                    &[1.0, 0.0, 0.0, 1.0, x + run.x, ph - baseline],
                    "Tm",
                );
                // The viewer advances by the font's /W width (whole thousandths of an em);
                // a TJ number after a glyph pulls the pen back to the shaped (and justified)
                // position whenever the two drift apart by half a unit or more.
                ops.push('[');
                let (mut wanted, mut pen) = (0.0_f32, 0.0_f32);
                for g in &run.glyphs {
                    wanted += g.advance * 1000.0 / run.size;
                    pen += run.face.pdf_width(g.gid)?;
                    let offset = (pen - wanted).round();
                    pen -= offset;
                    code(&mut ops, subset.code(g.gid));
                    if offset != 0.0 {
                        num(&mut ops, offset);
                    }
                }
                ops.push_str("]TJ\n");
            }
        }
        ops.push_str("ET\n");
        let contents = flated(Dictionary::new(), compressed(ops.as_bytes())?);
        let paper = vec![0.into(), 0.into(), Object::Real(pw), Object::Real(ph)];
        let mut page_dict = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => paper.clone(),
            "TrimBox" => paper.clone(),
            "CropBox" => paper,
            "Resources" => resources,
            "Contents" => doc.add_object(contents),
        };
        if !annots.is_empty() {
            page_dict.set(
                "Annots",
                annots
                    .into_iter()
                    .map(Object::Reference)
                    .collect::<Vec<_>>(),
            );
        }
        kids.push(Object::Reference(doc.add_object(page_dict)));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let subject = match &h.prepared_for {
        Some(name) => format!(
            "Prepared for {} by {}",
            name.trim(),
            h.brand.practice_name.trim()
        ),
        None => h.brand.practice_name.trim().to_string(),
    };
    let info = doc.add_object(dictionary! {
        "Title" => text_string(h.title.trim()),
        "Author" => text_string(h.author.trim()),
        "Subject" => text_string(&subject),
        "Creator" => text_string("CoachDesk"),
        "Producer" => text_string("CoachDesk"),
        "CreationDate" => pdf_date(created),
        "ModDate" => pdf_date(created),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    // The file's identifier: the same for the same handout made at the same moment.
    let id = fingerprint(&(
        h.title.as_str(),
        &h.prepared_for,
        created.timestamp_micros(),
    ));
    let id = Object::String(format!("{id:016x}").into_bytes(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);

    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// Adds the logo image (and its transparency, a soft mask) to `doc`.
fn add_logo(doc: &mut lopdf::Document, logo: &Logo) -> ObjectId {
    let mut dict = logo.dict.clone();
    if let Some((mask, content)) = &logo.mask {
        let mask = Stream::new(mask.clone(), content.clone()).with_compression(false);
        dict.set("SMask", doc.add_object(mask));
    }
    doc.add_object(Stream::new(dict, logo.content.clone()).with_compression(false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{remember_rendering, render};

    /// A bulk export renders on threads that remember what they shaped, set, subset and
    /// compressed: what they make is the very file a fresh render makes, byte for byte.
    #[test]
    fn a_remembered_render_is_the_same_file_as_a_fresh_one() {
        let created = chrono::Utc::now();
        let mut h = crate::pdf::sample::leaky_gut(crate::pdf::Paper::Letter);
        let fresh = render(&h, created).expect("renders").bytes;
        assert_eq!(
            render(&h, created).expect("renders").bytes,
            fresh,
            "nothing in the file is random"
        );
        let memo = remember_rendering();
        let first = render(&h, created).expect("renders").bytes;
        let again = render(&h, created).expect("renders").bytes;
        assert_eq!(first, fresh);
        assert_eq!(again, fresh, "made from what the thread remembered");
        // Another client: her name is set anew, the rest is remembered.
        h.prepared_for = Some("李小龙 🌿".into());
        let _ = render(&h, created).expect("renders");
        let remembered = render(&h, created).expect("renders").bytes;
        drop(memo);
        assert_eq!(remembered, render(&h, created).expect("renders").bytes);
    }

    #[test]
    fn numbers_are_written_with_at_most_three_decimals_and_no_trailing_zeros() {
        for (v, written) in [
            (612.0, "612"),
            (595.276, "595.276"),
            (0.5, "0.5"),
            (-1.25, "-1.25"),
            (11.5, "11.5"),
            (0.0004, "0"),
            (-0.0004, "0"),
            (0.1, "0.1"),
            (1.0006, "1.001"),
            (-37.0, "-37"),
            (100.05, "100.05"),
        ] {
            let mut out = String::new();
            num(&mut out, v);
            assert_eq!(out, written, "{v}");
        }
        let mut out = String::new();
        for c in [0, 0x2A, 0xFFFF] {
            code(&mut out, c);
        }
        assert_eq!(out, "<0000><002A><FFFF>");
    }
}
