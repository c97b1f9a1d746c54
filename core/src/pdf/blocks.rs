//! Each kind of block of a document as chunks for the paginator: headings kept with their
//! text, paragraphs, bullets, checklists, the two-column food lists, the call to action and
//! the disclaimer.

use super::layout::{
    baseline_in, body, fit_line, line_chunk, paragraph_chunks, spans_of, style, Chunk, Design,
    Mark, HAIRLINE, INK, MUTED, WHITE,
};
use super::text::{self, Align, Family, TextStyle};
use super::{Block, PdfError, Span};

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

    pub(super) fn block(&self, block: &Block, first: bool) -> Result<Vec<Chunk>, PdfError> {
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

    pub(super) fn disclaimer(&self, t: &str) -> Result<Vec<Chunk>, PdfError> {
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
