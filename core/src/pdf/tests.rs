//! Handout PDFs checked with real tools (poppler's pdftotext, pdffonts, pdfinfo, pdftoppm,
//! and qpdf), plus the pagination rules on the layout itself. Rendered files and page
//! images go to target/pdf-samples/ for people to look at.

use std::path::PathBuf;
use std::process::Command;

use chrono::{TimeZone, Utc};

use super::layout::{paginate_for_test, Chunk};
use super::sample::leaky_gut;
use super::text::Line;
use super::*;

fn created() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0)
        .single()
        .expect("valid date")
}

fn samples_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/pdf-samples");
    std::fs::create_dir_all(&dir).expect("create target/pdf-samples");
    dir
}

/// Renders, writes `<name>.pdf` and its pages as PNGs (60 dpi), returns the PDF's path.
pub(super) fn write_sample(name: &str, h: &Handout) -> (PathBuf, Rendered) {
    let rendered = render(h, created()).expect("renders");
    let dir = samples_dir();
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, &rendered.bytes).expect("write pdf");
    let out = Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&path)
        .arg(dir.join(name))
        .output()
        .expect("pdftoppm is installed (poppler-utils)");
    assert!(
        out.status.success(),
        "pdftoppm failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (path, rendered)
}

/// What `tool` says of `h`, written as the sample `<name>.pdf`.
fn sample_says(tool: &str, args: &[&str], name: &str, h: &Handout) -> String {
    let (path, _) = write_sample(name, h);
    run(tool, args, &path)
}

/// Runs a tool on the PDF at `path`; pdftotext is told to write to stdout.
pub(super) fn run(tool: &str, args: &[&str], path: &PathBuf) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(path);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} is installed (poppler-utils / qpdf): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// pdftotext output with line-end hyphenation undone and whitespace collapsed.
fn flowing(text: &str) -> String {
    let joined = text.replace("-\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => {
                panic!("expected {needle:?} after byte {from} in the extracted text:\n{haystack}")
            }
        }
    }
}

#[test]
fn text_layer_reads_in_order_with_typography_intact() {
    let (path, rendered) = write_sample("leaky-gut-letter", &leaky_gut(Paper::Letter));
    assert_eq!(
        rendered.pages, 3,
        "the sample handout is three Letter pages"
    );
    let raw = run("pdftotext", &["-layout", "-enc", "UTF-8"], &path);
    let text =
        flowing(&run("pdftotext", &["-layout", "-enc", "UTF-8"], &path).replace('\u{c}', "\n"));
    assert_in_order(
        &text,
        &[
            "Rooted & Well Nutrition",
            "Food, lifestyle and mindset coaching for women living with MS",
            "#MSMonday: Leaky Gut, Where Does Healing Begin?",
            "Prepared for Renée Côté on 24 November 2026",
            "Renée, it was a joy to talk with you on Tuesday.",
            "— the “why” behind gut healing",
            "What does “leaky gut” actually mean?",
            "foods that don’t suit you",
            "Why it matters when you live with MS",
            "‘I want to feel like myself again.’",
            "Foods to enjoy on the Autoimmune Protocol",
            "Vegetables of every colour",
            "Foods to set aside for now",
            "A word on mindset",
            "Your next steps",
            "Write down three AIP breakfasts",
            "Drink a mug of warm bone broth",
            "Keep a simple food and symptom journal for fourteen days",
            "Book a free consult call",
            "https://rootedandwell.example/book",
            "It is not medical advice",
        ],
    );
    for footer in ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"] {
        assert!(raw.contains(footer), "footer {footer:?} missing:\n{raw}");
    }
    assert!(
        raw.contains("Marie-Ève Laurent, FNTP"),
        "coach line in the footer"
    );
    // Every page's footer sits on its own page, in page order.
    let pages: Vec<&str> = raw.split('\u{c}').collect();
    for (n, page) in pages.iter().take(3).enumerate() {
        assert!(
            page.contains(&format!("Page {} of 3", n + 1)),
            "page {} footer",
            n + 1
        );
    }
    for c in ['“', '”', '‘', '’', '—', 'é', 'È', 'ô'] {
        assert!(text.contains(c), "{c} survived into the text layer");
    }
    assert!(!text.contains('\u{FFFD}'), "no replacement characters");
}

/// The PDF at `path` embeds the font `font`, and every font it uses is embedded and subset.
fn assert_embeds(path: &PathBuf, font: &str) {
    let fonts = run("pdffonts", &[], path);
    assert!(fonts.contains(font), "{font} is embedded:\n{fonts}");
    assert_all_embedded_and_subset(&fonts);
}

/// Every row of `pdffonts`: embedded, subset (tagged name) and with a ToUnicode map.
fn assert_all_embedded_and_subset(listing: &str) -> usize {
    let rows: Vec<&str> = listing
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID: the yes/no columns precede the object id.
        let n = cols.len();
        let (emb, sub, uni) = (cols[n - 5], cols[n - 4], cols[n - 3]);
        assert_eq!(
            (emb, sub, uni),
            ("yes", "yes", "yes"),
            "embedded, subset, ToUnicode: {row}"
        );
        assert!(cols[0].contains('+'), "subset tag on the font name: {row}");
    }
    rows.len()
}

#[test]
fn every_font_is_embedded_and_subset() {
    let listing = sample_says("pdffonts", &[], "fonts-check", &leaky_gut(Paper::Letter));
    let count = assert_all_embedded_and_subset(&listing);
    assert!(
        count >= 4,
        "serif regular/italic/bold and sans are used:\n{listing}"
    );
}

#[test]
fn qpdf_finds_no_structural_problems() {
    let out = sample_says("qpdf", &["--check"], "qpdf-check", &leaky_gut(Paper::A4));
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
}

#[test]
fn metadata_and_paper_size_are_set() {
    let info = sample_says(
        "pdfinfo",
        &[],
        "leaky-gut-letter-info",
        &leaky_gut(Paper::Letter),
    );
    for line in [
        "Title:           #MSMonday: Leaky Gut, Where Does Healing Begin?",
        "Author:          Marie-Ève Laurent, FNTP",
        "Page size:       612 x 792 pts (letter)",
        "Pages:           3",
    ] {
        assert!(info.contains(line), "{line:?} in\n{info}");
    }
    let created_line = info
        .lines()
        .find(|l| l.starts_with("CreationDate:"))
        .expect("a creation date");
    assert!(
        created_line.contains("2026"),
        "creation date from `created`: {created_line}"
    );
    assert!(!info.contains("1970"), "not the epoch default: {info}");

    let info = sample_says("pdfinfo", &[], "leaky-gut-a4", &leaky_gut(Paper::A4));
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
}

#[test]
fn booking_link_is_a_clickable_uri_annotation() {
    let (path, _) = write_sample("link-check", &leaky_gut(Paper::Letter));
    let expanded = samples_dir().join("link-check.qdf.pdf");
    let out = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&path)
        .arg(&expanded)
        .output()
        .expect("qpdf is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&expanded).expect("read expanded pdf");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/Subtype /Link"), "a link annotation");
    assert!(
        text.contains("/URI (https://rootedandwell.example/book)"),
        "pointing at the booking URL"
    );
}

#[test]
fn three_page_handout_is_small() {
    let rendered = render(&leaky_gut(Paper::Letter), created()).expect("renders");
    assert!(
        rendered.bytes.len() <= 150 * 1024,
        "{} bytes",
        rendered.bytes.len()
    );
}

#[test]
fn cjk_name_prints_with_the_fallback_font_and_extracts() {
    let mut h = leaky_gut(Paper::Letter);
    h.prepared_for = Some("Zoë 李小龙".into());
    assert!(unprintable_chars(&h).is_empty());
    let (path, _) = write_sample("cjk-name", &h);
    let text = run("pdftotext", &["-enc", "UTF-8"], &path);
    assert!(
        text.contains("Prepared for Zoë 李小龙 on 24 November 2026"),
        "{text}"
    );
    assert_embeds(&path, "DroidSansFallback");
}

#[test]
fn emoji_print_with_the_monochrome_emoji_font() {
    let mut h = leaky_gut(Paper::Letter);
    h.prepared_for = Some("Zoë 李小龙 🌿".into());
    h.blocks.push(Block::Paragraph(vec![Span {
        text: "See you soon 🌿😊 (and again 🌿)".into(),
        emphasis: false,
        strong: false,
    }]));
    assert!(unprintable_chars(&h).is_empty());
    let (path, _) = write_sample("emoji", &h);
    let text = run("pdftotext", &["-enc", "UTF-8"], &path);
    assert!(text.contains("Zoë 李小龙 🌿"), "{text}");
    assert!(text.contains("See you soon 🌿😊 (and again 🌿)"), "{text}");
    assert_embeds(&path, "NotoEmoji");
}

#[test]
fn characters_no_font_has_are_reported_instead_of_printed_as_boxes() {
    let mut h = leaky_gut(Paper::Letter);
    // Old Hungarian and Linear B: no vendored font draws them.
    h.blocks.push(Block::Paragraph(vec![Span {
        text: "Runes 𐲀𐲁 and 𐀀 (and again 𐲀)".into(),
        emphasis: false,
        strong: false,
    }]));
    assert_eq!(unprintable_chars(&h), vec!['𐲀', '𐲁', '𐀀']);
    let err = render(&h, created()).expect_err("refuses to draw empty boxes");
    assert_eq!(err, PdfError::Unprintable(vec!['𐲀', '𐲁', '𐀀']));
    assert!(
        err.to_string().contains('𐲀'),
        "the coach is told which: {err}"
    );
    // Invisible characters (a variation selector after a heart) are not reported.
    let mut ok = leaky_gut(Paper::Letter);
    ok.title = "Gut healing\u{00AD} basics\u{FE0F}".into();
    assert!(unprintable_chars(&ok).is_empty());
}

/// Body lines of each page from `pdftotext -layout`, without the running head and footer.
fn body_lines(raw: &str, h: &Handout) -> Vec<Vec<String>> {
    raw.split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|page| {
            page.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .filter(|l| !l.contains(" of ") || !l.contains("Page "))
                .filter(|l| !l.starts_with(h.brand.practice_name.as_str()))
                .filter(|l| !l.starts_with(h.brand.contact_line.as_str()))
                .filter(|l| !l.starts_with(h.title.as_str()))
                .map(String::from)
                .collect()
        })
        .collect()
}

#[test]
fn a_heading_never_ends_a_page() {
    // Push a heading down the page one line at a time, so that at some point it would be
    // the last thing that fits; it must move to the next page with its text.
    let heading = "Keep this heading with its text";
    let mut checked_breaks = 0;
    for filler_sentences in 14..30 {
        let mut h = leaky_gut(Paper::Letter);
        let filler = "Small, steady changes add up over the weeks. ".repeat(filler_sentences);
        h.blocks = vec![
            Block::Paragraph(vec![Span {
                text: filler.repeat(2),
                emphasis: false,
                strong: false,
            }]),
            Block::Heading(heading.into()),
            Block::Paragraph(vec![Span {
                text: "This paragraph belongs under the heading and runs for several lines so \
                       that the rule about keeping two lines with the heading has something to \
                       hold on to, whatever the page decides."
                    .into(),
                emphasis: false,
                strong: false,
            }]),
        ];
        let rendered = render(&h, created()).expect("renders");
        let path = samples_dir().join("heading-keep.pdf");
        std::fs::write(&path, &rendered.bytes).expect("write");
        let raw = run("pdftotext", &["-layout", "-enc", "UTF-8"], &path);
        let pages = body_lines(&raw, &h);
        for page in &pages {
            if let Some(pos) = page.iter().position(|l| l.contains(heading)) {
                let after = page.len() - pos - 1;
                assert!(
                    after >= 2,
                    "heading followed by {after} lines on its page: {page:#?}"
                );
                if pos == 0 {
                    checked_breaks += 1;
                }
            }
        }
    }
    assert!(
        checked_breaks > 0,
        "some case moved the heading to the top of a new page"
    );
}

fn fake_line(id: f32) -> Line {
    Line {
        runs: Vec::new(),
        width: id,
    }
}

#[test]
fn no_widows_or_orphans_across_many_page_breaks() {
    // Paragraphs of 1–9 lines in a repeating pattern; every paragraph's lines are tagged
    // (paragraph * 100 + line) through the line width so pages can be inspected.
    let lengths = [5, 1, 4, 9, 2, 3, 7, 6, 8, 4, 5, 3, 9, 1, 2, 6];
    for top_offset in 0..14 {
        let mut chunks: Vec<Chunk> = Vec::new();
        for (p, &n) in lengths.iter().cycle().take(60).enumerate() {
            let lines = (0..n).map(|i| fake_line((p * 100 + i) as f32)).collect();
            chunks.extend(super::layout::paragraph_chunks_for_test(lines, 10.0));
        }
        let pages = paginate_for_test(&chunks, 100.0 + 16.0 * top_offset as f32, 80.0, 700.0);
        assert!(pages.len() > 3);
        for w in pages.windows(2) {
            let (end, start) = (&w[0], &w[1]);
            let (Some(&last), Some(&first)) = (end.last(), start.first()) else {
                continue;
            };
            let (lp, li) = (last / 100, last % 100);
            let (fp, fi) = (first / 100, first % 100);
            if lp == fp {
                let n = lengths[lp % lengths.len()];
                assert!(
                    li >= 1,
                    "orphan: paragraph {lp} has one line at a page bottom"
                );
                assert!(
                    n - fi >= 2,
                    "widow: paragraph {fp} has one line at a page top"
                );
                assert!(fi == li + 1);
            }
        }
    }
}

#[test]
fn brand_colour_and_logo_are_optional_and_lenient() {
    let mut h = leaky_gut(Paper::A4);
    h.brand.brand_color = "not a colour".into();
    h.brand.logo_png_or_jpeg = None;
    h.prepared_for = None;
    let text = sample_says("pdftotext", &["-enc", "UTF-8"], "no-logo-a4", &h);
    assert!(!text.contains("Prepared for"));
    assert!(text.contains("24 November 2026"));

    let mut bad = leaky_gut(Paper::A4);
    bad.brand.logo_png_or_jpeg = Some(b"not an image".to_vec());
    assert!(matches!(render(&bad, created()), Err(PdfError::Logo(_))));
}

/// (xMax, text) of every line on `page`, from `pdftotext -bbox-layout`.
fn line_boxes(path: &PathBuf, page: usize) -> Vec<(f32, String)> {
    let p = page.to_string();
    let xml = run(
        "pdftotext",
        &["-bbox-layout", "-f", &p, "-l", &p, "-enc", "UTF-8"],
        path,
    );
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).map_or(0, |i| i + key.len());
        tag[at..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(f32::NAN)
    };
    let mut lines = Vec::new();
    for chunk in xml.split("<line ").skip(1) {
        let body = chunk.split("</line>").next().unwrap_or("");
        let words: Vec<&str> = body
            .split("<word ")
            .skip(1)
            .filter_map(|w| w.split('>').nth(1)?.split('<').next())
            .collect();
        lines.push((attr(chunk, "xMax"), words.join(" ")));
    }
    lines
}

#[test]
fn paragraphs_are_justified_except_their_last_line() {
    let (path, _) = write_sample("justify-check", &leaky_gut(Paper::Letter));
    let right = 612.0 - 76.0;
    let lines = line_boxes(&path, 1);
    let flush = lines
        .iter()
        .filter(|(x, _)| (x - right).abs() < 0.6)
        .count();
    assert!(
        flush >= 10,
        "justified lines end at the right margin: {lines:#?}"
    );
    assert!(
        lines.iter().all(|(x, _)| *x <= right + 0.6),
        "nothing runs past the margin"
    );
    let last = lines
        .iter()
        .find(|(_, t)| t.ends_with("next time."))
        .expect("intro's last line");
    assert!(
        last.0 < right - 60.0,
        "a paragraph's last line is not stretched: {last:?}"
    );
    let first = lines
        .iter()
        .find(|(_, t)| t.starts_with("Renée, it was"))
        .expect("intro");
    assert!(
        (first.0 - right).abs() < 0.6,
        "the intro's first line is justified: {first:?}"
    );
}

#[test]
fn odd_input_still_renders() {
    // Nothing but the brand: one page with the header, date and disclaimer.
    let mut empty = leaky_gut(Paper::Letter);
    empty.title = String::new();
    empty.blocks.clear();
    let r = render(&empty, created()).expect("an empty handout renders");
    assert_eq!(r.pages, 1);

    // Long everything: a title that must be shortened in the running head, a paragraph
    // longer than a page, an unbreakable address, tabs and newlines inside spans, and
    // heading-only and empty blocks.
    let mut long = leaky_gut(Paper::A4);
    long.title = "A very long handout title that keeps going ".repeat(4);
    long.blocks = vec![
        Block::Heading(String::new()),
        Block::Paragraph(vec![Span {
            text: "Word\tafter\nword, ".repeat(600),
            emphasis: false,
            strong: false,
        }]),
        Block::Paragraph(vec![Span {
            text: "https://rootedandwell.example/a/very/long/path/that/does/not/fit/on/one/line/at/all/whatever/happens/next".into(),
            emphasis: false,
            strong: false,
        }]),
        Block::Bullets(vec![Vec::new()]),
        Block::Checklist { title: "Next".into(), items: Vec::new() },
        Block::Heading("A heading at the very end".into()),
    ];
    let (path, r) = write_sample("odd-input", &long);
    assert!(r.pages >= 3);
    let out = run("qpdf", &["--check"], &path);
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
    let text = run("pdftotext", &["-enc", "UTF-8"], &path);
    assert!(text.contains("A heading at the very end"));
    assert!(text.contains(&format!("Page {} of {}", r.pages, r.pages)));
}

#[test]
fn long_food_columns_break_across_pages_in_rows() {
    let mut h = sample::leaky_gut(Paper::Letter);
    let foods = |prefix: &str| -> Vec<String> {
        (1..=60)
            .map(|i| format!("{prefix} food number {i} with a longer description"))
            .collect()
    };
    h.blocks = vec![
        Block::Heading("Elimination".into()),
        Block::Columns {
            left_title: "Foods to enjoy".into(),
            left: foods("Enjoy"),
            right_title: "Foods to avoid".into(),
            right: foods("Avoid")[..30].to_vec(),
        },
    ];
    let (path, r) = write_sample("long-columns", &h);
    assert!(r.pages >= 2, "60 items take more than a page");
    let out = run("qpdf", &["--check"], &path);
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
    let text = run("pdftotext", &["-layout", "-enc", "UTF-8"], &path);
    // Row by row: the n-th items share a line while both columns have one.
    assert!(text
        .lines()
        .any(|l| l.contains("Enjoy food number 30") && l.contains("Avoid food number 30")));
    assert!(text.contains("Enjoy food number 60"));
}
