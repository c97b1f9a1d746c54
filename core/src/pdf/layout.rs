//! The page design and pagination: header band, title, body blocks as chunks that keep
//! headings with their text and avoid widows and orphans, running head and footer.

use printpdf::RawImage;

use super::text::{self, Align, Family, Line, Rgb, TextStyle};
use super::{Block, Handout, PdfError, Span};

pub(crate) const INK: Rgb = Rgb(0.13, 0.16, 0.17);
pub(crate) const MUTED: Rgb = Rgb(0.38, 0.42, 0.43);
const HAIRLINE: Rgb = Rgb(0.80, 0.83, 0.83);
const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);
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
    fn shifted(mut self, dy: f32) -> Self {
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
    pub logo: Option<RawImage>,
    pub size: (f32, f32),
}

/// A vertically indivisible piece of the body.
#[derive(Debug)]
pub(crate) struct Chunk {
    height: f32,
    /// Space above, dropped at the top of a page.
    space_before: f32,
    marks: Vec<Mark>,
    /// No page break between this chunk and the next.
    keep_with_next: bool,
}

struct Design {
    brand: Rgb,
    tint: Rgb,
    left: f32,
    measure: f32,
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

fn style(
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

fn body(color: Rgb) -> TextStyle {
    style(Family::Serif, false, 10.5, 16.0, color, Align::Justify)
}

/// Where the baseline sits in a line box of `leading` for text of `size`.
fn baseline_in(leading: f32, size: f32) -> f32 {
    (leading + size * 0.70) / 2.0
}

fn line_chunk(line: Line, st: &TextStyle, x: f32, space_before: f32, keep: bool) -> Chunk {
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
fn paragraph_chunks(lines: Vec<Line>, st: &TextStyle, x: f32, space_before: f32) -> Vec<Chunk> {
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
fn fit_line(s: &str, st: &TextStyle, max: f32) -> Result<Line, PdfError> {
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

fn spans_of(s: &str) -> Vec<Span> {
    vec![text::plain(s)]
}

impl Design {
    fn heading(&self, t: &str, size: f32, space_before: f32) -> Result<Vec<Chunk>, PdfError> {
        let st = style(
            Family::Sans,
            true,
            size,
            size * 1.3,
            self.brand,
            Align::Left,
        );
        let lines = text::set(&spans_of(t), &st, self.measure)?;

        let mut chunks: Vec<Chunk> = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                line_chunk(
                    l,
                    &st,
                    self.left,
                    if i == 0 { space_before } else { 0.0 },
                    true,
                )
            })
            .collect();
        // A little air between the heading and its text.
        if let Some(last) = chunks.last_mut() {
            last.height += 3.0;
        }
        Ok(chunks)
    }

    fn block(&self, block: &Block, first: bool) -> Result<Vec<Chunk>, PdfError> {
        let b = body(INK);
        let gap = if first { 0.0 } else { 10.0 };
        match block {
            Block::Heading(t) => self.heading(t, 14.5, if first { 0.0 } else { 22.0 }),
            Block::Paragraph(spans) => {
                let lines = text::set(spans, &b, self.measure)?;
                Ok(paragraph_chunks(lines, &b, self.left, gap))
            }
            Block::Bullets(items) => {
                let indent = 18.0;
                let st = TextStyle {
                    align: Align::Left,
                    ..b
                };
                let dot = style(
                    Family::Serif,
                    true,
                    b.size,
                    b.leading,
                    self.brand,
                    Align::Left,
                );
                let mut chunks = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let lines = text::set(item, &st, self.measure - indent)?;
                    let space = if i == 0 { gap } else { 5.0 };
                    let mut item_chunks = paragraph_chunks(lines, &st, self.left + indent, space);
                    if let Some(first_line) = item_chunks.first_mut() {
                        first_line.marks.push(Mark::Text {
                            line: text::one_line("•", &dot)?,
                            x: self.left + 4.0,
                            baseline: baseline_in(b.leading, b.size),
                        });
                    }
                    chunks.extend(item_chunks);
                }
                Ok(chunks)
            }
            Block::Checklist { title, items } => {
                let mut chunks = self.heading(title, 13.0, if first { 0.0 } else { 24.0 })?;
                let st = TextStyle {
                    align: Align::Left,
                    ..b
                };
                let indent = 24.0;
                let count = items.len();
                for (i, item) in items.iter().enumerate() {
                    let lines = text::set(&spans_of(item), &st, self.measure - indent)?;
                    let height = st.leading * lines.len() as f32;
                    let base = baseline_in(st.leading, st.size);
                    let mut marks = vec![Mark::Stroke {
                        x: self.left + 1.0,
                        y: base - 9.6,
                        w: 10.5,
                        h: 10.5,
                        color: self.brand,
                        width: 0.9,
                    }];
                    for (k, line) in lines.into_iter().enumerate() {
                        marks.push(Mark::Text {
                            line,
                            x: self.left + indent,
                            baseline: base + st.leading * k as f32,
                        });
                    }
                    // Short lists stay together; long ones keep the title with two items.
                    let keep = i + 1 < count && (count <= 8 || i < 1);
                    chunks.push(Chunk {
                        height,
                        space_before: if i == 0 { 4.0 } else { 9.0 },
                        marks,
                        keep_with_next: keep,
                    });
                }
                Ok(chunks)
            }
            Block::CallToAction {
                text: t,
                label,
                url,
            } => Ok(vec![self.call_to_action(t, label, url, first)?]),
            Block::Disclaimer(t) => self.disclaimer(t),
            Block::Columns {
                left_title,
                left,
                right_title,
                right,
            } => self.columns([left_title, right_title], [left, right], gap),
        }
    }

    /// Two bulleted lists side by side, each under a tinted title bar; rows line up so the
    /// n-th items sit level, and a row never splits across pages.
    fn columns(
        &self,
        titles: [&String; 2],
        lists: [&Vec<String>; 2],
        gap: f32,
    ) -> Result<Vec<Chunk>, PdfError> {
        let gutter = 18.0;
        let width = (self.measure - gutter) / 2.0;
        let xs = [self.left, self.left + width + gutter];
        let head = style(Family::Sans, true, 10.5, 14.0, self.brand, Align::Left);
        let bar = 22.0;
        let mut marks = Vec::new();
        for (x, title) in xs.iter().zip(titles) {
            marks.push(Mark::Fill {
                x: *x,
                y: 0.0,
                w: width,
                h: bar,
                color: self.tint,
            });
            marks.push(Mark::Text {
                line: fit_line(title, &head, width - 16.0)?,
                x: x + 8.0,
                baseline: 15.0,
            });
        }
        let mut chunks = vec![Chunk {
            height: bar,
            space_before: gap.max(8.0),
            marks,
            keep_with_next: true,
        }];
        let st = TextStyle {
            align: Align::Left,
            ..body(INK)
        };
        let dot = style(
            Family::Serif,
            true,
            st.size,
            st.leading,
            self.brand,
            Align::Left,
        );
        let indent = 20.0;
        let item_gap = 4.0;
        let base = baseline_in(st.leading, st.size);
        // Each item's marks, with its height, per column.
        let mut columns: Vec<Vec<(f32, Vec<Mark>)>> = Vec::new();
        for (x, list) in xs.iter().zip(lists) {
            let mut items = Vec::new();
            for item in list {
                let lines = text::set(&spans_of(item), &st, width - indent)?;
                let height = st.leading * lines.len() as f32;
                let mut marks = vec![Mark::Text {
                    line: text::one_line("•", &dot)?,
                    x: x + 8.0,
                    baseline: base,
                }];
                for (k, line) in lines.into_iter().enumerate() {
                    marks.push(Mark::Text {
                        line,
                        x: x + indent,
                        baseline: base + st.leading * k as f32,
                    });
                }
                items.push((height, marks));
            }
            columns.push(items);
        }
        let stacked =
            |items: &[(f32, Vec<Mark>)]| -> f32 { items.iter().map(|(h, _)| h + item_gap).sum() };
        let tallest = columns.iter().map(|c| stacked(c)).fold(0.0, f32::max);
        if tallest <= 420.0 {
            // The usual case: each column flows on its own, and both stay on one page.
            let mut marks = Vec::new();
            for items in columns {
                let mut y = item_gap + 2.0;
                for (height, item_marks) in items {
                    marks.extend(item_marks.into_iter().map(|m| m.shifted(y)));
                    y += height + item_gap;
                }
            }
            chunks.push(Chunk {
                height: tallest + 2.0,
                space_before: 0.0,
                marks,
                keep_with_next: false,
            });
            return Ok(chunks);
        }
        // Very long lists: rows of the n-th items side by side, which may break across pages.
        let rows = lists[0].len().max(lists[1].len());
        let mut columns: Vec<std::collections::VecDeque<(f32, Vec<Mark>)>> =
            columns.into_iter().map(Into::into).collect();
        for row in 0..rows {
            let mut marks = Vec::new();
            let mut height: f32 = 0.0;
            for column in &mut columns {
                if let Some((h, item_marks)) = column.pop_front() {
                    height = height.max(h);
                    marks.extend(item_marks);
                }
            }
            chunks.push(Chunk {
                height,
                space_before: if row == 0 { 6.0 } else { item_gap },
                marks,
                // The title bar always takes the first row with it.
                keep_with_next: row == 0 && rows > 1,
            });
        }
        Ok(chunks)
    }

    fn call_to_action(
        &self,
        t: &str,
        label: &str,
        url: &str,
        first: bool,
    ) -> Result<Chunk, PdfError> {
        let pad = 18.0;
        let st = TextStyle {
            align: Align::Left,
            ..body(INK)
        };
        let lines = text::set(&spans_of(t), &st, self.measure - 2.0 * pad)?;
        let mut marks = Vec::new();
        let mut y = pad;
        for line in lines {
            marks.push(Mark::Text {
                line,
                x: self.left + pad,
                baseline: y + baseline_in(st.leading, st.size),
            });
            y += st.leading;
        }
        y += 10.0;
        let button_style = style(Family::Sans, true, 10.5, 14.0, WHITE, Align::Left);
        let label_line = text::one_line(label, &button_style)?;
        let (bw, bh) = (label_line.width + 32.0, 27.0);
        let bx = self.left + pad;
        marks.push(Mark::Fill {
            x: bx,
            y,
            w: bw,
            h: bh,
            color: self.brand,
        });
        marks.push(Mark::Text {
            line: label_line,
            x: bx + 16.0,
            baseline: y + bh / 2.0 + 10.5 * 0.35,
        });
        marks.push(Mark::Link {
            x: bx,
            y,
            w: bw,
            h: bh,
            url: url.to_string(),
        });
        let url_style = style(Family::Sans, false, 9.0, 12.0, MUTED, Align::Left);
        let url_line = text::one_line(url, &url_style)?;
        let ux = bx + bw + 14.0;
        if ux + url_line.width <= self.left + self.measure - pad {
            let uw = url_line.width;
            marks.push(Mark::Text {
                line: url_line,
                x: ux,
                baseline: y + bh / 2.0 + 9.0 * 0.35,
            });
            marks.push(Mark::Link {
                x: ux,
                y: y + 4.0,
                w: uw,
                h: bh - 8.0,
                url: url.to_string(),
            });
            y += bh;
        } else {
            y += bh + 6.0;
            let uw = url_line.width;
            marks.push(Mark::Text {
                line: url_line,
                x: bx,
                baseline: y + 9.0,
            });
            marks.push(Mark::Link {
                x: bx,
                y,
                w: uw,
                h: 12.0,
                url: url.to_string(),
            });
            y += 12.0;
        }
        y += pad;
        let mut all = vec![
            Mark::Fill {
                x: self.left,
                y: 0.0,
                w: self.measure,
                h: y,
                color: self.tint,
            },
            Mark::Fill {
                x: self.left,
                y: 0.0,
                w: 3.0,
                h: y,
                color: self.brand,
            },
        ];
        all.extend(marks);
        Ok(Chunk {
            height: y,
            space_before: if first { 0.0 } else { 22.0 },
            marks: all,
            keep_with_next: false,
        })
    }

    fn disclaimer(&self, t: &str) -> Result<Vec<Chunk>, PdfError> {
        let st = TextStyle {
            family: Family::Serif,
            bold: false,
            size: 8.5,
            leading: 12.0,
            color: MUTED,
            align: Align::Justify,
            hyphenate: true,
        };
        let spans = vec![Span {
            text: t.to_string(),
            emphasis: true,
            strong: false,
        }];
        let lines = text::set(&spans, &st, self.measure)?;
        let mut chunks = paragraph_chunks(lines, &st, self.left, 0.0);
        // A hairline above, kept with the text.
        chunks.insert(
            0,
            Chunk {
                height: 10.0,
                space_before: 28.0,
                marks: vec![Mark::Fill {
                    x: self.left,
                    y: 0.0,
                    w: 60.0,
                    h: 0.6,
                    color: HAIRLINE,
                }],
                keep_with_next: true,
            },
        );
        Ok(chunks)
    }
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
        Some(bytes) => {
            Some(RawImage::decode_from_bytes(bytes, &mut Vec::new()).map_err(PdfError::Logo)?)
        }
        None => None,
    };

    // Header band on page 1: practice name and tagline on the left, the logo on the right.
    let mut header = Vec::new();
    let logo_box = logo.as_ref().map(|img| {
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
    let band_h = (text_h + 52.0)
        .max(logo_box.map_or(0.0, |(_, lh)| lh + 40.0))
        .max(96.0);
    header.push(Mark::Fill {
        x: 0.0,
        y: 0.0,
        w: pw,
        h: band_h,
        color: brand,
    });
    let mut y = (band_h - text_h) / 2.0;
    for line in name_lines {
        header.push(Mark::Text {
            line,
            x: d.left,
            baseline: y + baseline_in(name_st.leading, name_st.size),
        });
        y += name_st.leading;
    }
    y += 4.0;
    for line in tag_lines {
        header.push(Mark::Text {
            line,
            x: d.left,
            baseline: y + baseline_in(tag_st.leading, tag_st.size),
        });
        y += tag_st.leading;
    }
    if let Some((lw, lh)) = logo_box {
        header.push(Mark::Logo {
            x: pw - MARGIN_X - lw,
            y: (band_h - lh) / 2.0,
            w: lw,
            h: lh,
        });
    }

    // Title, "Prepared for …", a short rule in the brand colour, then the body.
    let mut chunks = Vec::new();
    let title_st = style(Family::Sans, true, 25.0, 30.0, INK, Align::Left);
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
            color: brand,
        }],
        keep_with_next: false,
    });

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

    let bottom = ph - BOTTOM;
    let mut pages = paginate(&chunks, band_h + FIRST_PAGE_GAP, TOP, bottom);
    let total = pages.len();

    // Running head on later pages and the footer on every page; long texts are shortened
    // with an ellipsis rather than running into each other.
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
    for (n, body_marks) in pages.iter_mut().enumerate() {
        let mut marks = Vec::new();
        if n == 0 {
            marks.append(&mut header.clone());
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
        marks.append(body_marks);
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
    Ok(Laid {
        pages: out,
        logo,
        size: (pw, ph),
    })
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
