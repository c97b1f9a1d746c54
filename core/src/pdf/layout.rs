//! The page design and pagination: header band, title, body blocks as chunks that keep
//! headings with their text and avoid widows and orphans, running head and footer.

use std::sync::Arc;

use super::logo::{Logo, KEPT};

use super::text::{self, Align, Family, Line, Rgb, TextStyle};
use super::{Block, Handout, PdfError, Span};

pub(crate) const INK: Rgb = Rgb(0.13, 0.16, 0.17);
pub(crate) const MUTED: Rgb = Rgb(0.38, 0.42, 0.43);
pub(super) const HAIRLINE: Rgb = Rgb(0.80, 0.83, 0.83);
pub(super) const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);
const DEFAULT_BRAND: Rgb = Rgb(0.184, 0.435, 0.384);

const MARGIN_X: f32 = 76.0;
const FIRST_PAGE_GAP: f32 = 38.0;
const TOP: f32 = 78.0;
const BOTTOM: f32 = 80.0;

/// Something drawn on a page; `y` and `baseline` are measured down from the page top (or
/// from the top of the chunk while it is being laid out).
#[derive(Clone, Debug)]
pub(crate) enum Mark {
    Text {
        line: Line,
        x: f32,
        baseline: f32,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Stroke {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
        width: f32,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        url: String,
    },
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

impl Mark {
    pub(super) fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Mark::Text { baseline, .. } => *baseline += dy,
            Mark::Fill { y, .. }
            | Mark::Stroke { y, .. }
            | Mark::Link { y, .. }
            | Mark::Logo { y, .. } => {
                *y += dy;
            }
        }
        self
    }
}

pub(crate) struct Page {
    pub marks: Vec<Mark>,
}

pub(crate) struct Laid {
    pub pages: Vec<Page>,
    pub logo: Option<Arc<Logo>>,
    pub size: (f32, f32),
}

/// A vertically indivisible piece of the body.
#[derive(Debug)]
pub(crate) struct Chunk {
    pub(super) height: f32,
    /// Space above, dropped at the top of a page.
    pub(super) space_before: f32,
    pub(super) marks: Vec<Mark>,
    /// No page break between this chunk and the next.
    pub(super) keep_with_next: bool,
}

pub(super) struct Design {
    pub(super) brand: Rgb,
    pub(super) tint: Rgb,
    pub(super) left: f32,
    pub(super) measure: f32,
}

fn parse_colour(s: &str) -> Option<Rgb> {
    let hex = s.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| {
        u8::from_str_radix(&hex[i..i + 2], 16)
            .ok()
            .map(|v| f32::from(v) / 255.0)
    };
    Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    Rgb(
        a.0 + (b.0 - a.0) * t,
        a.1 + (b.1 - a.1) * t,
        a.2 + (b.2 - a.2) * t,
    )
}

pub(super) fn style(
    family: Family,
    bold: bool,
    size: f32,
    leading: f32,
    color: Rgb,
    align: Align,
) -> TextStyle {
    TextStyle {
        family,
        bold,
        size,
        leading,
        color,
        align,
        hyphenate: family == Family::Serif,
    }
}

pub(super) fn body(color: Rgb) -> TextStyle {
    style(Family::Serif, false, 10.5, 16.0, color, Align::Justify)
}

/// Where the baseline sits in a line box of `leading` for text of `size`.
pub(super) fn baseline_in(leading: f32, size: f32) -> f32 {
    (leading + size * 0.70) / 2.0
}

pub(super) fn line_chunk(
    line: Line,
    st: &TextStyle,
    x: f32,
    space_before: f32,
    keep: bool,
) -> Chunk {
    Chunk {
        height: st.leading,
        space_before,
        marks: vec![Mark::Text {
            line,
            x,
            baseline: baseline_in(st.leading, st.size),
        }],
        keep_with_next: keep,
    }
}

/// One chunk per line; short paragraphs stay whole, longer ones keep their first two and
/// last two lines together, so no line is ever alone at the top or bottom of a page.
pub(super) fn paragraph_chunks(
    lines: Vec<Line>,
    st: &TextStyle,
    x: f32,
    space_before: f32,
) -> Vec<Chunk> {
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let keep = if n <= 3 {
                i + 1 < n
            } else {
                i == 0 || i + 2 == n
            };
            line_chunk(line, st, x, if i == 0 { space_before } else { 0.0 }, keep)
        })
        .collect()
}

/// One line of `s`, cut short with "…" if it is wider than `max`.
pub(super) fn fit_line(s: &str, st: &TextStyle, max: f32) -> Result<Line, PdfError> {
    let full = text::one_line(s, st)?;
    if full.width <= max {
        return Ok(full);
    }
    let chars: Vec<char> = text::normalise(s).chars().collect();
    // Start near the right length instead of shaping every prefix of a long text.
    let estimate = (chars.len() as f32 * max / full.width.max(1.0)) as usize + 2;
    let mut keep = chars.len().min(estimate);
    while keep > 0 {
        keep -= 1;
        let cut: String = chars[..keep].iter().collect();
        let line = text::one_line(&format!("{}…", cut.trim_end()), st)?;
        if line.width <= max {
            return Ok(line);
        }
    }
    text::one_line("", st)
}

pub(super) fn spans_of(s: &str) -> Vec<Span> {
    vec![text::plain(s)]
}

/// Places chunks on pages: a chain of kept-together chunks moves whole to the next page
/// when it does not fit; a chain taller than a page is split where it must.
fn paginate(chunks: &[Chunk], first_top: f32, top: f32, bottom: f32) -> Vec<Vec<Mark>> {
    let mut pages: Vec<Vec<Mark>> = vec![Vec::new()];
    let mut cursor = first_top;
    let mut page_top = first_top;
    let mut i = 0;
    while i < chunks.len() {
        let mut j = i;
        while j + 1 < chunks.len() && chunks[j].keep_with_next {
            j += 1;
        }
        let at_top = (cursor - page_top).abs() < f32::EPSILON;
        let needed: f32 = chunks[i..=j]
            .iter()
            .enumerate()
            .map(|(k, c)| {
                c.height
                    + if k == 0 && at_top {
                        0.0
                    } else {
                        c.space_before
                    }
            })
            .sum();
        let fits = cursor + needed <= bottom;
        if !fits && !at_top && needed <= bottom - top {
            pages.push(Vec::new());
            cursor = top;
            page_top = top;
            continue;
        }
        for chunk in &chunks[i..=j] {
            let at_top = (cursor - page_top).abs() < f32::EPSILON;
            let space = if at_top { 0.0 } else { chunk.space_before };
            if !at_top && cursor + space + chunk.height > bottom {
                pages.push(Vec::new());
                cursor = top;
                page_top = top;
            } else {
                cursor += space;
            }
            let page = pages.len() - 1;
            pages[page].extend(chunk.marks.iter().cloned().map(|m| m.shifted(cursor)));
            cursor += chunk.height;
        }
        i = j + 1;
    }
    pages
}

pub(crate) fn lay_out(h: &Handout) -> Result<Laid, PdfError> {
    let (pw, ph) = h.brand.paper.size();
    let brand = parse_colour(&h.brand.brand_color).unwrap_or(DEFAULT_BRAND);
    let d = Design {
        brand,
        tint: mix(brand, WHITE, 0.91),
        left: MARGIN_X,
        measure: pw - 2.0 * MARGIN_X,
    };
    let logo = match &h.brand.logo_png_or_jpeg {
        Some(bytes) => Some(KEPT.logo(bytes)?),
        None => None,
    };
    let (header, band_h) = header_band(h, &d, pw, logo.as_deref())?;
    let mut chunks = title_chunks(h, &d)?;
    chunks.extend(body_chunks(h, &d)?);
    let pages = paginate(&chunks, band_h + FIRST_PAGE_GAP, TOP, ph - BOTTOM);
    Ok(Laid {
        pages: with_furniture(h, &d, ph, header, pages)?,
        logo,
        size: (pw, ph),
    })
}

/// The header band of page 1: practice name and tagline on the left, the logo on the right;
/// its marks and its height.
fn header_band(
    h: &Handout,
    d: &Design,
    pw: f32,
    logo: Option<&Logo>,
) -> Result<(Vec<Mark>, f32), PdfError> {
    let brand = d.brand;
    let mut header = Vec::new();
    let logo_box = logo.map(|img| {
        let (iw, ih) = (img.width.max(1) as f32, img.height.max(1) as f32);
        let scale = (54.0 / ih).min(150.0 / iw);
        (iw * scale, ih * scale)
    });
    let text_w = d.measure - logo_box.map_or(0.0, |(w, _)| w + 24.0);
    let name_st = style(Family::Sans, true, 19.0, 23.0, WHITE, Align::Left);
    let tag_st = style(
        Family::Sans,
        false,
        10.5,
        14.0,
        mix(WHITE, brand, 0.12),
        Align::Left,
    );
    let name_lines = text::set(&spans_of(&h.brand.practice_name), &name_st, text_w)?;
    let tag_lines = text::set(&spans_of(&h.brand.tagline), &tag_st, text_w)?;
    let text_h = name_st.leading * name_lines.len() as f32
        + if tag_lines.is_empty() {
            0.0
        } else {
            4.0 + tag_st.leading * tag_lines.len() as f32
        };
    let (padding, logo_padding, lowest) = if h.compact {
        (32.0, 24.0, 60.0)
    } else {
        (52.0, 40.0, 96.0)
    };
    let band_h = (text_h + padding)
        .max(logo_box.map_or(0.0, |(_, lh)| lh + logo_padding))
        .max(lowest);
    header.push(Mark::Fill {
        x: 0.0,
        y: 0.0,
        w: pw,
        h: band_h,
        color: brand,
    });
    // The practice's name, then 4 pt lower its tagline, the two centred in the band.
    let mut y = (band_h - text_h) / 2.0;
    for (gap, lines, st) in [(0.0, name_lines, &name_st), (4.0, tag_lines, &tag_st)] {
        y += gap;
        for line in lines {
            header.push(Mark::Text {
                line,
                x: d.left,
                baseline: y + baseline_in(st.leading, st.size),
            });
            y += st.leading;
        }
    }
    if let Some((lw, lh)) = logo_box {
        header.push(Mark::Logo {
            x: pw - MARGIN_X - lw,
            y: (band_h - lh) / 2.0,
            w: lw,
            h: lh,
        });
    }
    Ok((header, band_h))
}

/// The title, "Prepared for …", and a short rule in the brand colour.
fn title_chunks(h: &Handout, d: &Design) -> Result<Vec<Chunk>, PdfError> {
    let mut chunks = Vec::new();
    let title_st = if h.compact {
        style(Family::Sans, true, 20.0, 24.0, INK, Align::Left)
    } else {
        style(Family::Sans, true, 25.0, 30.0, INK, Align::Left)
    };
    for line in text::set(&spans_of(&h.title), &title_st, d.measure)? {
        chunks.push(line_chunk(line, &title_st, d.left, 0.0, true));
    }
    let meta_st = style(Family::Sans, false, 10.5, 15.0, MUTED, Align::Left);
    let meta = match &h.prepared_for {
        Some(name) if !name.trim().is_empty() => {
            format!("Prepared for {} on {}", name.trim(), h.date_label.trim())
        }
        _ => h.date_label.trim().to_string(),
    };
    for line in text::set(&spans_of(&meta), &meta_st, d.measure)? {
        chunks.push(line_chunk(line, &meta_st, d.left, 6.0, true));
    }
    chunks.push(Chunk {
        height: 2.0,
        space_before: 14.0,
        marks: vec![Mark::Fill {
            x: d.left,
            y: 0.0,
            w: 40.0,
            h: 2.0,
            color: d.brand,
        }],
        keep_with_next: false,
    });
    Ok(chunks)
}

/// The blocks, then the practice's disclaimer if no block printed it.
fn body_chunks(h: &Handout, d: &Design) -> Result<Vec<Chunk>, PdfError> {
    let mut chunks = Vec::new();
    let mut first = true;
    let mut has_disclaimer = false;
    for block in &h.blocks {
        let mut block_chunks = d.block(block, false)?;
        if first {
            if let Some(c) = block_chunks.first_mut() {
                c.space_before = 26.0;
            }
            first = false;
        }
        has_disclaimer |= matches!(block, Block::Disclaimer(_));
        chunks.extend(block_chunks);
    }
    if !has_disclaimer && !h.brand.disclaimer.trim().is_empty() {
        chunks.extend(d.disclaimer(&h.brand.disclaimer)?);
    }
    Ok(chunks)
}

/// Every page with its furniture: the header band on page 1, the running head on later
/// pages and the footer on every page; long texts are shortened with an ellipsis rather than
/// running into each other.
fn with_furniture(
    h: &Handout,
    d: &Design,
    ph: f32,
    mut header: Vec<Mark>,
    pages: Vec<Vec<Mark>>,
) -> Result<Vec<Page>, PdfError> {
    let total = pages.len();
    let small = style(Family::Sans, false, 8.0, 11.0, MUTED, Align::Left);
    let small_ink = style(Family::Sans, true, 8.0, 11.0, INK, Align::Left);
    let identity = [h.brand.practice_name.trim(), h.brand.coach_line.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let right_edge = d.left + d.measure;
    let head_name = fit_line(&h.brand.practice_name, &small, d.measure * 0.4)?;
    let head_title = fit_line(&h.title, &small, d.measure - head_name.width - 24.0)?;
    let contact = fit_line(&h.brand.contact_line, &small, d.measure)?;
    let mut out = Vec::with_capacity(total);
    for (n, mut body_marks) in pages.into_iter().enumerate() {
        let mut marks = Vec::new();
        if n == 0 {
            marks.append(&mut header);
        } else {
            let x = right_edge - head_name.width;
            marks.push(Mark::Text {
                line: head_title.clone(),
                x: d.left,
                baseline: 46.0,
            });
            marks.push(Mark::Text {
                line: head_name.clone(),
                x,
                baseline: 46.0,
            });
            marks.push(Mark::Fill {
                x: d.left,
                y: 53.0,
                w: d.measure,
                h: 0.5,
                color: HAIRLINE,
            });
        }
        marks.append(&mut body_marks);
        let rule_y = ph - 60.0;
        marks.push(Mark::Fill {
            x: d.left,
            y: rule_y,
            w: d.measure,
            h: 0.5,
            color: HAIRLINE,
        });
        let page_no = text::one_line(&format!("Page {} of {}", n + 1, total), &small)?;
        let page_x = right_edge - page_no.width;
        let who = fit_line(&identity, &small_ink, d.measure - page_no.width - 24.0)?;
        marks.push(Mark::Text {
            line: who,
            x: d.left,
            baseline: rule_y + 16.0,
        });
        marks.push(Mark::Text {
            line: contact.clone(),
            x: d.left,
            baseline: rule_y + 28.0,
        });
        marks.push(Mark::Text {
            line: page_no,
            x: page_x,
            baseline: rule_y + 16.0,
        });
        out.push(Page { marks });
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) fn paragraph_chunks_for_test(lines: Vec<Line>, leading: f32) -> Vec<Chunk> {
    let st = TextStyle {
        leading,
        ..body(INK)
    };
    paragraph_chunks(lines, &st, 0.0, 6.0)
}

/// Pages as the ids the test stored in each line's width.
#[cfg(test)]
pub(crate) fn paginate_for_test(
    chunks: &[Chunk],
    first_top: f32,
    top: f32,
    bottom: f32,
) -> Vec<Vec<usize>> {
    paginate(chunks, first_top, top, bottom)
        .into_iter()
        .map(|marks| {
            marks
                .into_iter()
                .filter_map(|m| match m {
                    Mark::Text { line, .. } => Some(line.width as usize),
                    _ => None,
                })
                .collect()
        })
        .collect()
}
