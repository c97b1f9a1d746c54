//! Printable documents: the type every PDF CoachDesk writes is built from (a title, who it is
//! for, a date and blocks of text), the `*emphasis*` markup, the mapping to the PDF engine
//! with the practice's branding, the characters no font can print, rendering, saving and file
//! names. Handouts, the client summary and the reintroduction lists all print through here.

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::pdf;
use crate::practice::{self, PaperSize, Practice};

/// A block with its text filled in: what the preview shows and the PDF prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ResolvedBlock {
    Heading {
        text: String,
    },
    /// May hold `*emphasis*` and `**strong**`.
    Paragraph {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    Checklist {
        title: String,
        items: Vec<String>,
    },
    CallToAction {
        text: String,
        label: String,
        url: String,
    },
    Disclaimer {
        text: String,
    },
    /// Two lists side by side (a protocol phase's foods to enjoy and to avoid).
    Columns {
        left_title: String,
        left: Vec<String>,
        right_title: String,
        right: Vec<String>,
    },
}

impl ResolvedBlock {
    /// Prints straight quotes as typographic ones in every text it holds (not in links).
    pub(crate) fn with_typographic_quotes(&mut self) {
        let quote = |t: &mut String| *t = crate::text::typographic_quotes(t);
        match self {
            Self::Heading { text } | Self::Paragraph { text } | Self::Disclaimer { text } => {
                quote(text);
            }
            Self::Bullets { items } => items.iter_mut().for_each(quote),
            Self::Checklist { title, items } => {
                quote(title);
                items.iter_mut().for_each(quote);
            }
            Self::CallToAction { text, label, .. } => {
                quote(text);
                quote(label);
            }
            Self::Columns {
                left_title,
                left,
                right_title,
                right,
            } => {
                quote(left_title);
                quote(right_title);
                left.iter_mut().chain(right.iter_mut()).for_each(quote);
            }
        }
    }
}

/// A document ready to print: what the preview shows, the PDF prints and a given handout's
/// snapshot keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Printable {
    pub title: String,
    pub prepared_for: Option<String>,
    pub date_label: String,
    pub blocks: Vec<ResolvedBlock>,
    /// Characters no PDF font can print (a rare script): they are left out, and the coach told.
    pub unprintable: Vec<String>,
    /// For the coach's own use (the client summary, the prep sheet): the disclaimer written
    /// for clients is left off.
    #[serde(default)]
    pub coach_only: bool,
}

impl Printable {
    /// A document dated today, with the characters no font can print listed (they are left
    /// out of the PDF, and the coach is told).
    pub(crate) fn new(
        practice: &Practice,
        title: String,
        prepared_for: Option<String>,
        blocks: Vec<ResolvedBlock>,
    ) -> Self {
        let mut doc = Self {
            title,
            prepared_for,
            date_label: date_label(Local::now()),
            blocks,
            unprintable: Vec::new(),
            coach_only: false,
        };
        doc.unprintable =
            pdf::unprintable_chars(&to_pdf(practice, &doc, None, &practice.coach_name))
                .into_iter()
                .map(String::from)
                .collect();
        doc
    }
}

/// The practice profile every printed document is branded with.
pub(crate) fn practice_of(db: &Db) -> Result<Practice> {
    practice::get(db)?.ok_or(Error::NotFound {
        what: "The practice profile",
    })
}

/// Free text: blank lines separate paragraphs; lines starting with "- " are bullets.
pub(crate) fn text_blocks(text: &str, out: &mut Vec<ResolvedBlock>) {
    let normalised = text.replace("\r\n", "\n");
    for chunk in normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let mut paragraph: Vec<&str> = Vec::new();
        let mut bullets: Vec<String> = Vec::new();
        for line in chunk.lines().map(str::trim) {
            if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
                if !paragraph.is_empty() {
                    out.push(ResolvedBlock::Paragraph {
                        text: paragraph.join(" "),
                    });
                    paragraph.clear();
                }
                bullets.push(item.trim().to_owned());
            } else {
                if !bullets.is_empty() {
                    out.push(ResolvedBlock::Bullets {
                        items: std::mem::take(&mut bullets),
                    });
                }
                paragraph.push(line);
            }
        }
        if !paragraph.is_empty() {
            out.push(ResolvedBlock::Paragraph {
                text: paragraph.join(" "),
            });
        }
        if !bullets.is_empty() {
            out.push(ResolvedBlock::Bullets { items: bullets });
        }
    }
}

fn date_label(now: DateTime<Local>) -> String {
    now.format("%-d %B %Y").to_string()
}

/// A stretch of printed text in one style, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StyledText {
    pub text: String,
    pub emphasis: bool,
    pub strong: bool,
}

/// A document as the window's preview shows it: the document, and its styled text exactly as
/// the PDF prints it, so the preview never reads `*emphasis*` differently from the page (the
/// markup is parsed here, once, for both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preview {
    pub doc: Printable,
    /// For each block, the styled stretches of each of its texts: a paragraph's one text, each
    /// bullet of a list. Empty for a block that prints its text plain.
    pub styled: Vec<Vec<Vec<StyledText>>>,
}

impl From<Printable> for Preview {
    fn from(doc: Printable) -> Self {
        let styled_text = |text: &str| -> Vec<StyledText> {
            spans(text)
                .into_iter()
                .map(|s| StyledText {
                    text: s.text,
                    emphasis: s.emphasis,
                    strong: s.strong,
                })
                .collect()
        };
        let styled = doc
            .blocks
            .iter()
            .map(|b| match b {
                ResolvedBlock::Paragraph { text } => vec![styled_text(text)],
                ResolvedBlock::Bullets { items } => items.iter().map(|i| styled_text(i)).collect(),
                _ => Vec::new(),
            })
            .collect();
        Self { doc, styled }
    }
}

/// `*x*` and `**x**` in a paragraph become emphasis and strong spans.
pub(crate) fn spans(text: &str) -> Vec<pdf::Span> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let strong = rest.find("**");
        let em = rest.find('*');
        let (marker, start) = match (strong, em) {
            (Some(s), Some(e)) if s <= e => ("**", s),
            (_, Some(e)) => ("*", e),
            _ => ("", usize::MAX),
        };
        let closing = (start != usize::MAX)
            .then(|| rest[start + marker.len()..].find(marker))
            .flatten();
        let Some(close) = closing.filter(|c| *c > 0) else {
            out.push(pdf::Span {
                text: rest.to_owned(),
                emphasis: false,
                strong: false,
            });
            break;
        };
        if start > 0 {
            out.push(pdf::Span {
                text: rest[..start].to_owned(),
                emphasis: false,
                strong: false,
            });
        }
        let inner = &rest[start + marker.len()..start + marker.len() + close];
        out.push(pdf::Span {
            text: inner.to_owned(),
            emphasis: marker == "*",
            strong: marker == "**",
        });
        rest = &rest[start + 2 * marker.len() + close..];
    }
    out
}

/// The PDF engine's document for a printable one.
fn to_pdf(practice: &Practice, h: &Printable, logo: Option<Vec<u8>>, author: &str) -> pdf::Handout {
    let coach_line = if practice.credentials.is_empty() {
        practice.coach_name.clone()
    } else {
        format!("{}, {}", practice.coach_name, practice.credentials)
    };
    let contact_line = [&practice.email, &practice.phone, &practice.website]
        .into_iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    let blocks = h
        .blocks
        .iter()
        .map(|b| match b {
            ResolvedBlock::Heading { text } => pdf::Block::Heading(text.clone()),
            ResolvedBlock::Paragraph { text } => pdf::Block::Paragraph(spans(text)),
            ResolvedBlock::Bullets { items } => {
                pdf::Block::Bullets(items.iter().map(|i| spans(i)).collect())
            }
            ResolvedBlock::Checklist { title, items } => pdf::Block::Checklist {
                title: title.clone(),
                items: items.clone(),
            },
            ResolvedBlock::CallToAction { text, label, url } => pdf::Block::CallToAction {
                text: text.clone(),
                label: label.clone(),
                url: url.clone(),
            },
            ResolvedBlock::Disclaimer { text } => pdf::Block::Disclaimer(text.clone()),
            ResolvedBlock::Columns {
                left_title,
                left,
                right_title,
                right,
            } => pdf::Block::Columns {
                left_title: left_title.clone(),
                left: left.clone(),
                right_title: right_title.clone(),
                right: right.clone(),
            },
        })
        .collect();
    pdf::Handout {
        title: h.title.clone(),
        prepared_for: h.prepared_for.clone(),
        date_label: h.date_label.clone(),
        author: author.to_owned(),
        brand: pdf::Brand {
            practice_name: practice.practice_name.clone(),
            tagline: practice.tagline.clone(),
            coach_line,
            contact_line,
            booking_url: practice.booking_url.clone(),
            brand_color: practice.brand_color.clone(),
            logo_png_or_jpeg: logo,
            paper: match practice.paper_size {
                PaperSize::A4 => pdf::Paper::A4,
                PaperSize::Letter => pdf::Paper::Letter,
            },
            disclaimer: if h.coach_only {
                String::new()
            } else {
                practice.disclaimer.clone()
            },
        },
        blocks,
        compact: h.coach_only,
    }
}

/// A printable document built by another area (a summary, her food lists): dated today,
/// with the characters no font can print listed.
pub(crate) fn new(
    db: &Db,
    title: &str,
    prepared_for: Option<String>,
    blocks: Vec<ResolvedBlock>,
) -> Result<Printable> {
    Ok(Printable::new(
        &practice_of(db)?,
        title.to_owned(),
        prepared_for,
        blocks,
    ))
}

/// A document checked and filled in, ready for the save dialog: the name it suggests and what
/// it writes. Everything that can refuse happens before, so she never picks a file only to
/// be told something is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub doc: Printable,
    pub file_name: String,
}

impl Prepared {
    /// A document with the file name its title and client suggest.
    pub fn new(doc: Printable) -> Self {
        Self {
            file_name: file_name(&doc),
            doc,
        }
    }
}

/// Writes a printable document to `path`.
pub fn save(db: &Db, doc: &Printable, path: &std::path::Path) -> Result<()> {
    let bytes = render(db, doc, Utc::now())?;
    crate::files::write_atomic(path, &bytes)
}

/// `s` without `chars`, and without the doubled or stray spaces their removal leaves
/// ("Hello Zoë 🌿, here" becomes "Hello Zoë, here").
fn tidy_removal(s: &str, chars: &[char]) -> String {
    let kept: String = s.chars().filter(|c| !chars.contains(c)).collect();
    let mut out = String::with_capacity(kept.len());
    for c in kept.chars() {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        if matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// Removes `chars` from every text the PDF prints.
fn leave_out(doc: &mut pdf::Handout, chars: &[char]) {
    let clean = |s: &mut String| {
        if s.chars().any(|c| chars.contains(&c)) {
            *s = tidy_removal(s, chars);
        }
    };
    let clean_spans =
        |spans: &mut Vec<pdf::Span>| spans.iter_mut().for_each(|sp| clean(&mut sp.text));
    clean(&mut doc.title);
    if let Some(p) = doc.prepared_for.as_mut() {
        clean(p);
    }
    clean(&mut doc.author);
    let b = &mut doc.brand;
    for s in [
        &mut b.practice_name,
        &mut b.tagline,
        &mut b.coach_line,
        &mut b.contact_line,
        &mut b.disclaimer,
    ] {
        clean(s);
    }
    for block in &mut doc.blocks {
        match block {
            pdf::Block::Heading(t) | pdf::Block::Disclaimer(t) => clean(t),
            pdf::Block::Paragraph(spans) => clean_spans(spans),
            pdf::Block::Bullets(items) => items.iter_mut().for_each(clean_spans),
            pdf::Block::Checklist { title, items } => {
                clean(title);
                items.iter_mut().for_each(clean);
            }
            pdf::Block::CallToAction { text, label, .. } => {
                clean(text);
                clean(label);
            }
            pdf::Block::Columns {
                left_title,
                left,
                right_title,
                right,
            } => {
                clean(left_title);
                clean(right_title);
                left.iter_mut().chain(right.iter_mut()).for_each(clean);
            }
        }
    }
}

/// A sensible file name: "Leaky gut basics – Renée Côté – 2026-11-24.pdf".
pub fn file_name(h: &Printable) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '-'
                } else {
                    c
                }
            })
            .collect()
    };
    let day = Local::now().format("%Y-%m-%d");
    match &h.prepared_for {
        Some(name) => format!("{} – {} – {day}.pdf", safe(&h.title), safe(name)),
        None => format!("{} – {day}.pdf", safe(&h.title)),
    }
}

/// Renders a printable document to PDF bytes with the practice's branding.
pub fn render(db: &Db, h: &Printable, now: DateTime<Utc>) -> Result<Vec<u8>> {
    Letterhead::of(db)?.render(h, now)
}

/// What every document the practice prints is branded with: her profile and her logo, read
/// once for as many documents as she prints (a bulk export renders on several threads).
pub struct Letterhead {
    practice: Practice,
    logo: Option<Vec<u8>>,
}

impl Letterhead {
    pub fn of(db: &Db) -> Result<Self> {
        Ok(Self {
            practice: practice_of(db)?,
            logo: practice::logo_bytes(db)?.map(practice::logo::for_print),
        })
    }

    /// Renders a printable document to PDF bytes.
    pub fn render(&self, h: &Printable, now: DateTime<Utc>) -> Result<Vec<u8>> {
        let practice = &self.practice;
        let mut doc = to_pdf(practice, h, self.logo.clone(), &practice.coach_name);
        // The preview told the coach which characters no font can print; they are left out.
        let unprintable = pdf::unprintable_chars(&doc);
        if !unprintable.is_empty() {
            leave_out(&mut doc, &unprintable);
        }
        let rendered = pdf::render(&doc, now).map_err(|e| Error::Pdf(e.to_string()))?;
        Ok(rendered.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_carries_the_spans_the_pdf_prints() {
        let doc = Printable {
            title: "T".into(),
            prepared_for: None,
            date_label: String::new(),
            blocks: vec![
                ResolvedBlock::Heading {
                    text: "*not styled*".into(),
                },
                ResolvedBlock::Paragraph {
                    text: "Eat **more** greens".into(),
                },
                ResolvedBlock::Bullets {
                    items: vec!["*gently*".into(), "plain".into()],
                },
            ],
            unprintable: Vec::new(),
            coach_only: false,
        };
        let preview = Preview::from(doc);
        assert!(preview.styled[0].is_empty());
        let paragraph = &preview.styled[1][0];
        assert_eq!(paragraph.len(), 3);
        assert!(paragraph[1].strong && paragraph[1].text == "more");
        assert!(preview.styled[2][0][0].emphasis);
        assert_eq!(preview.styled[2][1][0].text, "plain");
        let printed: Vec<Vec<pdf::Span>> = vec![spans("Eat **more** greens")];
        assert_eq!(
            printed[0].len(),
            paragraph.len(),
            "the same split as the PDF's"
        );
    }

    #[test]
    fn emphasis_markers_become_spans() {
        let s = spans("Eat **more** greens, *gently*.");
        let parts: Vec<_> = s
            .iter()
            .map(|s| (s.text.as_str(), s.emphasis, s.strong))
            .collect();
        assert_eq!(
            parts,
            [
                ("Eat ", false, false),
                ("more", false, true),
                (" greens, ", false, false),
                ("gently", true, false),
                (".", false, false)
            ]
        );
        assert_eq!(spans("5 * 3 = 15").len(), 1);
    }

    #[test]
    fn left_out_characters_leave_no_stray_spaces() {
        assert_eq!(
            tidy_removal("Hello Zoë 🌿, here 🌿 is 🌿", &['🌿']),
            "Hello Zoë, here is"
        );
        assert_eq!(tidy_removal("🌿 Broth", &['🌿']), "Broth");
    }

    #[test]
    fn free_text_splits_into_paragraphs_and_bullets() {
        let mut out = Vec::new();
        text_blocks(
            "Hello Renée,\nthis is for you.\n\n- Rest\n- Broth\nThen walk.",
            &mut out,
        );
        assert_eq!(
            out,
            [
                ResolvedBlock::Paragraph {
                    text: "Hello Renée, this is for you.".into()
                },
                ResolvedBlock::Bullets {
                    items: vec!["Rest".into(), "Broth".into()]
                },
                ResolvedBlock::Paragraph {
                    text: "Then walk.".into()
                },
            ]
        );
    }
}
