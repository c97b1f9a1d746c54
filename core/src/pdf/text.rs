//! Setting a paragraph: normalising its text, choosing a face per character, shaping,
//! hyphenating, breaking lines with textwrap's optimal fit, and justifying.

use std::sync::{Arc, OnceLock};

use hyphenation::{Hyphenator, Language, Load, Standard};
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{wrap_optimal_fit, Penalties};
use unicode_normalization::UnicodeNormalization;

use super::fonts::{face_for, is_ignorable, shape_into, Face, Glyph};
use super::memo::{self, Remembered};
use super::{PdfError, Span};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Family {
    Serif,
    Sans,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Align {
    Left,
    Justify,
}

#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

#[derive(Clone, Copy, Debug)]
pub(crate) struct TextStyle {
    pub family: Family,
    pub bold: bool,
    pub size: f32,
    pub leading: f32,
    pub color: Rgb,
    pub align: Align,
    /// Hyphenate justified text (ragged text is set without hyphens).
    pub hyphenate: bool,
}

impl TextStyle {
    fn face(&self, emphasis: bool, strong: bool) -> Face {
        let bold = self.bold || strong;
        match (self.family, bold, emphasis) {
            (Family::Serif, false, false) => Face::SerifRegular,
            (Family::Serif, false, true) => Face::SerifItalic,
            (Family::Serif, true, false) => Face::SerifBold,
            (Family::Serif, true, true) => Face::SerifBoldItalic,
            // Lato italics are not vendored: sans text is only ever labels and headings.
            (Family::Sans, false, _) => Face::SansRegular,
            (Family::Sans, true, _) => Face::SansBold,
        }
    }
}

/// A glyph as it is drawn: its advance may include justification space.
#[derive(Clone, Debug)]
pub(crate) struct PlacedGlyph {
    pub gid: u16,
    pub advance: f32,
    /// The text this glyph stands for in the PDF text layer (ToUnicode). Shared: a set
    /// paragraph is copied for every handout of a bulk export.
    pub text: Option<Arc<str>>,
}

/// Glyphs of one face drawn from `x` on a baseline.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    pub x: f32,
    pub glyphs: Vec<PlacedGlyph>,
}

/// One set line; run positions are relative to the start of the measure.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub runs: Vec<Run>,
    pub width: f32,
}

/// Text with each span's style, normalised (NFC, whitespace collapsed, invisible characters
/// dropped).
struct Prepared {
    text: String,
    /// (byte start, preferred face) for each styled stretch, ascending.
    styles: Vec<(usize, Face)>,
}

pub(crate) fn normalise(s: &str) -> String {
    // Most text is in NFC already, which the quick check tells without composing it.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        collapse(s.chars(), s.len())
    } else {
        collapse(s.nfc(), s.len())
    }
}

/// The characters without the ignorable ones, runs of white space made one space.
fn collapse(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if is_ignorable(c) {
            continue;
        }
        // A no-break space stays a glyph, so "10 g" never splits.
        if c.is_whitespace() && c != '\u{00A0}' {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

fn prepare(spans: &[Span], style: &TextStyle) -> Prepared {
    let mut text = String::new();
    let mut styles = Vec::new();
    for span in spans {
        let face = style.face(span.emphasis, span.strong);
        let piece = normalise(&span.text);
        let leading_space = span.text.starts_with(char::is_whitespace);
        let trailing_space = span.text.ends_with(char::is_whitespace);
        if (leading_space || piece.is_empty() && trailing_space)
            && !text.is_empty()
            && !text.ends_with(' ')
        {
            text.push(' ');
        }
        if piece.is_empty() {
            continue;
        }
        styles.push((text.len(), face));
        text.push_str(&piece);
        if trailing_space {
            text.push(' ');
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    Prepared { text, styles }
}

/// Splits the text into stretches of one face, falling back per character.
fn itemise(p: &Prepared) -> Result<Vec<(std::ops::Range<usize>, Face)>, PdfError> {
    let mut items: Vec<(std::ops::Range<usize>, Face)> = Vec::new();
    let mut style_idx = 0;
    for (i, c) in p.text.char_indices() {
        while style_idx + 1 < p.styles.len() && p.styles[style_idx + 1].0 <= i {
            style_idx += 1;
        }
        let preferred = p.styles.get(style_idx).map_or(Face::SerifRegular, |s| s.1);
        // Unprintable characters are refused before layout; skipping here is a safety net.
        let Some(face) = face_for(c, preferred)? else {
            continue;
        };
        let end = i + c.len_utf8();
        match items.last_mut() {
            Some((range, f)) if *f == face && range.end == i => range.end = end,
            _ => items.push((i..end, face)),
        }
    }
    Ok(items)
}

fn dictionary() -> Option<&'static Standard> {
    static EN_US: OnceLock<Option<Standard>> = OnceLock::new();
    EN_US
        .get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok())
        .as_ref()
}

/// A piece of a word between break opportunities.
#[derive(Debug)]
struct Piece {
    glyphs: std::ops::Range<usize>,
    width: f64,
    space: f64,
    /// Width of the hyphen added if the line breaks after this piece.
    penalty: f64,
    /// Index of the space glyph after this piece, if any.
    space_glyph: Option<usize>,
    hyphen: bool,
}

/// textwrap's optimal-fit penalties are tuned for widths in characters; measuring in
/// half-ems of the body size keeps them meaningful.
struct Scaled<'a> {
    piece: &'a Piece,
    unit: f64,
}

impl std::fmt::Debug for Scaled<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.piece.fmt(f)
    }
}

impl Fragment for Scaled<'_> {
    fn width(&self) -> f64 {
        self.piece.width / self.unit
    }
    fn whitespace_width(&self) -> f64 {
        self.piece.space / self.unit
    }
    fn penalty_width(&self) -> f64 {
        self.piece.penalty / self.unit
    }
}

/// Byte offsets inside `word` (relative to its start) where it may break: hyphenation
/// points of its alphabetic core, and after hyphens and dashes written in the word.
fn break_points(word: &str, hyphenate: bool) -> Vec<(usize, bool)> {
    let mut points = Vec::new();
    for (i, c) in word.char_indices() {
        let after = i + c.len_utf8();
        if matches!(c, '-' | '–' | '—' | '/') && after < word.len() && i > 0 {
            points.push((after, false));
        }
    }
    if !hyphenate || !points.is_empty() {
        return points;
    }
    let core_start = word.find(char::is_alphabetic).unwrap_or(word.len());
    let core_end = word.rfind(char::is_alphabetic).map_or(core_start, |i| {
        i + word[i..].chars().next().map_or(0, char::len_utf8)
    });
    if core_end <= core_start {
        return points;
    }
    let core = &word[core_start..core_end];
    if core.chars().count() < 6 || !core.chars().all(char::is_alphabetic) {
        return points;
    }
    let lower = core.to_lowercase();
    if lower.len() != core.len() {
        return points;
    }
    if let Some(dict) = dictionary() {
        for b in dict.hyphenate(&lower).breaks {
            points.push((core_start + b, true));
        }
    }
    points
}

/// Normalises, itemises and shapes `spans`.
fn shape(spans: &[Span], style: &TextStyle) -> Result<(String, Vec<Glyph>), PdfError> {
    let prepared = prepare(spans, style);
    let mut glyphs: Vec<Glyph> = Vec::new();
    for (range, face) in itemise(&prepared)? {
        shape_into(&prepared.text, range, face, style.size, &mut glyphs)?;
    }
    Ok((prepared.text, glyphs))
}

/// What a paragraph's lines depend on besides its spans: every part of its style, and the
/// width.
type SetKey = ([u32; 6], Family, Align, bool, bool);

thread_local! {
    /// Paragraphs already set into lines (a handout has a few hundred).
    static SET: Remembered<SetKey, Vec<Span>, Vec<Line>> = Remembered::new(2048);
}

/// Sets `spans` into lines no wider than `width` points. On a thread that remembers
/// (`pdf::remember_rendering`), a paragraph set before in the same style and width is copied.
pub(crate) fn set(spans: &[Span], style: &TextStyle, width: f32) -> Result<Vec<Line>, PdfError> {
    let key: SetKey = (
        [
            style.size,
            style.leading,
            style.color.0,
            style.color.1,
            style.color.2,
            width,
        ]
        .map(f32::to_bits),
        style.family,
        style.align,
        style.hyphenate,
        style.bold,
    );
    memo::remembered(&SET, key, spans, || set_anew(spans, style, width))
}

fn set_anew(spans: &[Span], style: &TextStyle, width: f32) -> Result<Vec<Line>, PdfError> {
    let (text, glyphs) = shape(spans, style)?;
    if glyphs.is_empty() {
        return Ok(Vec::new());
    }
    let text = text.as_str();

    // Words are the glyphs between spaces; each word is cut into pieces at its breaks.
    let mut pieces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        let word_start = i;
        while i < glyphs.len() && &text[glyphs[i].start..glyphs[i].end] != " " {
            i += 1;
        }
        let word_end = i;
        let space_glyph = (i < glyphs.len()).then_some(i);
        if space_glyph.is_some() {
            i += 1;
        }
        if word_end == word_start {
            continue;
        }
        let byte_start = glyphs[word_start].start;
        let byte_end = glyphs[word_end - 1].end.max(glyphs[word_end - 1].start);
        let word = &text[byte_start..byte_end];
        let mut cuts: Vec<(usize, bool)> =
            break_points(word, style.hyphenate && style.align == Align::Justify)
                .into_iter()
                .filter_map(|(b, hyphen)| {
                    let abs = byte_start + b;
                    (word_start + 1..word_end)
                        .find(|&g| glyphs[g].start == abs && glyphs[g].end > abs)
                        .map(|g| (g, hyphen))
                })
                .collect();
        cuts.sort_unstable();
        cuts.dedup_by_key(|c| c.0);
        let mut from = word_start;
        let bounds = cuts
            .iter()
            .copied()
            .chain(std::iter::once((word_end, false)));
        for (to, hyphen) in bounds {
            let last = to == word_end;
            let face = glyphs[to - 1].face;
            let width: f32 = glyphs[from..to].iter().map(|g| g.advance).sum();
            let penalty = if hyphen {
                hyphen_width(face, style.size)?
            } else {
                0.0
            };
            pieces.push(Piece {
                glyphs: from..to,
                width: f64::from(width),
                space: if last {
                    space_glyph.map_or(0.0, |s| f64::from(glyphs[s].advance))
                } else {
                    0.0
                },
                penalty: f64::from(penalty),
                space_glyph: if last { space_glyph } else { None },
                hyphen,
            });
            from = to;
        }
    }

    let unit = f64::from(style.size) * 0.5;
    let scaled: Vec<Scaled> = pieces.iter().map(|piece| Scaled { piece, unit }).collect();
    let penalties = Penalties {
        hyphen_penalty: 12,
        ..Penalties::new()
    };
    let measure = f64::from(width) / unit;
    let broken = wrap_optimal_fit(&scaled, &[measure], &penalties)
        .map_err(|_| PdfError::Layout("a paragraph could not be broken into lines".into()))?;

    let count = broken.len();
    let mut lines = Vec::with_capacity(count);
    for (n, line) in broken.iter().enumerate() {
        let last_line = n + 1 == count;
        let Some(last) = line.last() else { continue };
        let ends_with_hyphen = last.piece.hyphen;
        let natural: f64 = line
            .iter()
            .enumerate()
            .map(|(k, s)| {
                s.piece.width
                    + if k + 1 < line.len() {
                        s.piece.space
                    } else {
                        0.0
                    }
            })
            .sum::<f64>()
            + if ends_with_hyphen {
                last.piece.penalty
            } else {
                0.0
            };
        let gaps = line[..line.len() - 1]
            .iter()
            .filter(|s| s.piece.space_glyph.is_some())
            .count();
        let extra = if style.align == Align::Justify && !last_line && gaps > 0 {
            ((f64::from(width) - natural) / gaps as f64) as f32
        } else {
            0.0
        };
        let set_width = natural as f32 + extra * gaps as f32;
        let mut runs: Vec<Run> = Vec::new();
        let mut x = 0.0;
        let mut push = |face: Face, glyph: PlacedGlyph, x: &mut f32| {
            let advance = glyph.advance;
            match runs.last_mut() {
                Some(run) if run.face == face => run.glyphs.push(glyph),
                _ => runs.push(Run {
                    face,
                    size: style.size,
                    color: style.color,
                    x: *x,
                    glyphs: vec![glyph],
                }),
            }
            *x += advance;
        };
        for (k, s) in line.iter().enumerate() {
            for g in &glyphs[s.piece.glyphs.clone()] {
                let t = (g.end > g.start).then(|| Arc::from(&text[g.start..g.end]));
                push(
                    g.face,
                    PlacedGlyph {
                        gid: g.gid,
                        advance: g.advance,
                        text: t,
                    },
                    &mut x,
                );
            }
            if k + 1 < line.len() {
                if let Some(sg) = s.piece.space_glyph {
                    let g = &glyphs[sg];
                    let placed = PlacedGlyph {
                        gid: g.gid,
                        advance: g.advance + extra,
                        text: Some(Arc::from(" ")),
                    };
                    push(g.face, placed, &mut x);
                }
            } else if ends_with_hyphen {
                let face = glyphs[s.piece.glyphs.end - 1].face;
                let (gid, advance) = hyphen_glyph(face, style.size)?;
                push(
                    face,
                    PlacedGlyph {
                        gid,
                        advance,
                        text: Some(Arc::from("-")),
                    },
                    &mut x,
                );
            }
        }
        lines.push(Line {
            runs,
            width: set_width,
        });
    }
    Ok(lines)
}

fn hyphen_glyph(face: Face, size: f32) -> Result<(u16, f32), PdfError> {
    let shaper = face.shaper()?;
    let gid = shaper.glyph_index('-').map_or(0, |g| g.0);
    let advance = shaper
        .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
        .unwrap_or(0);
    Ok((
        gid,
        f32::from(advance) * size / shaper.units_per_em() as f32,
    ))
}

fn hyphen_width(face: Face, size: f32) -> Result<f32, PdfError> {
    hyphen_glyph(face, size).map(|(_, w)| w)
}

/// Sets plain text on one line, unbroken (labels, footers).
pub(crate) fn one_line(text: &str, style: &TextStyle) -> Result<Line, PdfError> {
    let (text, glyphs) = shape(&[plain(text)], style)?;
    let mut runs: Vec<Run> = Vec::new();
    let mut x = 0.0;
    for g in &glyphs {
        let t = (g.end > g.start).then(|| Arc::from(&text[g.start..g.end]));
        let placed = PlacedGlyph {
            gid: g.gid,
            advance: g.advance,
            text: t,
        };
        match runs.last_mut() {
            Some(run) if run.face == g.face => run.glyphs.push(placed),
            _ => runs.push(Run {
                face: g.face,
                size: style.size,
                color: style.color,
                x,
                glyphs: vec![placed],
            }),
        }
        x += g.advance;
    }
    Ok(Line { runs, width: x })
}

pub(crate) fn plain(text: &str) -> Span {
    Span {
        text: text.to_string(),
        emphasis: false,
        strong: false,
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn text_is_composed_and_its_white_space_and_invisible_characters_tidied() {
        // Composed already: the quick path.
        assert_eq!(normalise("  Renée\u{00AD} Côté\n\tZoë  "), "Renée Côté Zoë");
        // Decomposed (as macOS names files and some pasted text comes): composed here.
        assert_eq!(normalise("Rene\u{301}e Co\u{302}te\u{301}"), "Renée Côté");
        assert_eq!(
            normalise("10\u{00A0}g \u{200B}李小龙 🌿"),
            "10\u{00A0}g 李小龙 🌿"
        );
        assert_eq!(normalise(""), "");
    }
}
