//! Branded handout PDFs: the coach's blocks set in vendored fonts (core/fonts/) with
//! rustybuzz shaping, optimal line breaking with hyphenation, justified text, pagination
//! that keeps headings with their text and avoids widows and orphans, and a PDF written with
//! lopdf: fonts subset to what it prints (allsorts), a clickable booking link and real
//! metadata. A bulk export's threads remember what they shaped, set, subset and compressed
//! (`remember_rendering`).
//!
//! `render` refuses text a vendored font cannot draw (rare scripts) rather than
//! printing an empty box: `unprintable_chars` lists those characters so the coach can be
//! told before she exports.

mod blocks;
mod draw;
mod embed;
mod flate;
mod fonts;
mod layout;
mod logo;
mod memo;
mod text;

#[cfg(test)]
pub(crate) mod sample;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};

pub use fonts::{font_files, use_fonts_from};
pub use memo::{remember_rendering, RememberRendering};

/// Paper size from the practice profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// US Letter, 8.5 × 11 in (612 × 792 pt).
    Letter,
    /// ISO A4, 210 × 297 mm (595.28 × 841.89 pt).
    A4,
}

impl Paper {
    /// Width and height in points.
    pub(crate) fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (612.0, 792.0),
            Paper::A4 => (595.276, 841.89),
        }
    }
}

/// The practice's branding, as set in the practice profile.
#[derive(Clone, Debug)]
pub struct Brand {
    pub practice_name: String,
    pub tagline: String,
    /// e.g. "Marie-Ève Laurent, FNTP"
    pub coach_line: String,
    /// e.g. "hello@example.com · 555 0100 · example.com"
    pub contact_line: String,
    pub booking_url: String,
    /// "#2F6F62"; an unreadable value falls back to the default green.
    pub brand_color: String,
    pub logo_png_or_jpeg: Option<Vec<u8>>,
    pub paper: Paper,
    /// Printed at the end when the handout has no `Block::Disclaimer` of its own.
    pub disclaimer: String,
}

/// A stretch of text with one style.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub text: String,
    pub emphasis: bool,
    pub strong: bool,
}

/// One block of the handout body, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A section heading (level 2).
    Heading(String),
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    /// "Your next steps": each item with an empty box to tick.
    Checklist {
        title: String,
        items: Vec<String>,
    },
    /// A closing invitation with a clickable link, e.g. "Book a free consult call".
    CallToAction {
        text: String,
        label: String,
        url: String,
    },
    Disclaimer(String),
    /// Two lists side by side under their titles, e.g. foods to enjoy and foods to avoid.
    Columns {
        left_title: String,
        left: Vec<String>,
        right_title: String,
        right: Vec<String>,
    },
}

/// Everything printed on a handout.
#[derive(Clone, Debug)]
pub struct Handout {
    pub title: String,
    /// The client's name, shown as "Prepared for <name> on <date>".
    pub prepared_for: Option<String>,
    /// e.g. "24 November 2026", already formatted for the coach's locale.
    pub date_label: String,
    /// The PDF's Author metadata (the coach).
    pub author: String,
    pub brand: Brand,
    pub blocks: Vec<Block>,
    /// A denser first page (a lower header band, a smaller title) for what the coach prints
    /// for herself, such as the prep sheet, which must fit on one page.
    pub compact: bool,
}

/// A finished PDF file.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Why a handout could not be made into a PDF, in words the coach can act on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    #[error(
        "These characters cannot be printed with the handout fonts: {}. Remove or replace \
         them, then export again.",
        list_chars(.0)
    )]
    Unprintable(Vec<char>),
    #[error(
        "The practice logo could not be read ({0}). Choose a PNG or JPEG image in the practice \
         profile, or remove the logo."
    )]
    Logo(String),
    #[error(
        "The handout font {0} could not be found or read. Installing CoachDesk again puts it \
         back (on Linux it comes with the font packages CoachDesk needs)."
    )]
    Font(&'static str),
    #[error("The handout could not be laid out: {0}.")]
    Layout(String),
    #[error("The PDF could not be written: {0}.")]
    Write(String),
}

fn list_chars(chars: &[char]) -> String {
    chars
        .iter()
        .map(|c| format!("“{c}” (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every text the handout prints, including the brand fields.
fn printed_texts(h: &Handout) -> Vec<&str> {
    let b = &h.brand;
    let mut texts = vec![
        h.title.as_str(),
        h.date_label.as_str(),
        b.practice_name.as_str(),
        b.tagline.as_str(),
        b.coach_line.as_str(),
        b.contact_line.as_str(),
    ];
    if let Some(name) = &h.prepared_for {
        texts.push(name);
    }
    let mut has_disclaimer = false;
    for block in &h.blocks {
        match block {
            Block::Heading(t) => texts.push(t),
            Block::Disclaimer(t) => {
                has_disclaimer = true;
                texts.push(t);
            }
            Block::Paragraph(spans) => texts.extend(spans.iter().map(|s| s.text.as_str())),
            Block::Bullets(items) => {
                texts.extend(items.iter().flatten().map(|s| s.text.as_str()));
            }
            Block::Checklist { title, items } => {
                texts.push(title);
                texts.extend(items.iter().map(String::as_str));
            }
            Block::CallToAction { text, label, url } => {
                texts.extend([text, label, url].map(String::as_str));
            }
            Block::Columns {
                left_title,
                left,
                right_title,
                right,
            } => {
                texts.extend([left_title, right_title].map(String::as_str));
                texts.extend(left.iter().chain(right).map(String::as_str));
            }
        }
    }
    if !has_disclaimer {
        texts.push(&b.disclaimer);
    }
    texts
}

/// Characters in the handout that no vendored font can draw (rare scripts, emoji newer than
/// the font), each listed once in order of first appearance. Empty when everything prints.
pub fn unprintable_chars(h: &Handout) -> Vec<char> {
    let mut missing = Vec::new();
    for t in printed_texts(h) {
        let Ok(in_text) = memo::remembered(&UNPRINTABLE, (), t, || {
            Ok::<_, std::convert::Infallible>(unprintable_in(t))
        });
        for c in in_text {
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
    }
    missing
}

thread_local! {
    /// The characters of each text no font can draw, on a thread that remembers
    /// (`remember_rendering`): a bulk export's handouts print the same texts.
    static UNPRINTABLE: memo::Remembered<(), String, Vec<char>> = memo::Remembered::new(4096);
}

/// The characters of `text` no vendored font can draw, in order, with repeats.
fn unprintable_in(text: &str) -> Vec<char> {
    text::normalise(text)
        .chars()
        .filter(|&c| {
            // A face that fails to load is reported by `render` as PdfError::Font.
            fonts::face_for(c, fonts::Face::SerifRegular).is_ok_and(|f| f.is_none())
        })
        .collect()
}

/// Lays out and writes the handout as a PDF. `created` becomes the document's creation
/// date. Fails with `PdfError::Unprintable` when some characters cannot be drawn.
pub fn render(h: &Handout, created: DateTime<Utc>) -> Result<Rendered, PdfError> {
    let missing = unprintable_chars(h);
    if !missing.is_empty() {
        return Err(PdfError::Unprintable(missing));
    }
    let laid = layout::lay_out(h)?;
    let count = laid.pages.len();
    let bytes = draw::write(h, &laid, created)?;
    Ok(Rendered {
        bytes,
        pages: count,
    })
}

/// Makes a short handout that needs every font (body text in each style, headings, the
/// footer, a Chinese name, emoji), to show that the fonts are found and work where CoachDesk is
/// installed (`coachdesk --check-fonts`).
pub fn check_fonts() -> Result<Rendered, PdfError> {
    let span = |text: &str, emphasis, strong| Span {
        text: text.into(),
        emphasis,
        strong,
    };
    let handout = Handout {
        title: "Checking the handout fonts".into(),
        prepared_for: Some("李小龙 🌿".into()),
        date_label: "3 December 2026".into(),
        author: "CoachDesk".into(),
        brand: Brand {
            practice_name: "CoachDesk".into(),
            tagline: String::new(),
            coach_line: "Renée Côté".into(),
            contact_line: String::new(),
            booking_url: String::new(),
            brand_color: "#2F6F62".into(),
            logo_png_or_jpeg: None,
            paper: Paper::A4,
            disclaimer: String::new(),
        },
        blocks: vec![
            Block::Heading("Every style".into()),
            Block::Paragraph(vec![
                span("Regular, ", false, false),
                span("italic, ", true, false),
                span("bold, ", false, true),
                span("bold italic ", true, true),
                span("for Zoë 😊", false, false),
            ]),
        ],
        compact: false,
    };
    render(&handout, Utc::now())
}
