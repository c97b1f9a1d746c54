//! HTML articles (a saved blog page or a WordPress post body): parsed with html5ever, scripts
//! and styles dropped, images ignored, entities decoded.

use scraper::{ElementRef, Html, Node};

use super::shape::{sections_from, split_series, take_call_to_action, tidy};
use super::{ArticleDraft, DraftNote, Unreadable};

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
    "iframe", "head",
];
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "td",
    "dd",
    "dt",
    "figcaption",
];

/// How deep elements may nest. Real articles, theme wrappers included, stay far below it; the
/// HTML parser slows down with depth (a 10 MB file of nested <div>s took minutes), so deeper
/// files are refused before parsing.
pub const MAX_DEPTH: usize = 100;

/// Elements that hold no content, or whose end tag may be left out (the next one closes
/// them): they do not deepen the page.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody",
    "thead", "tfoot", "colgroup", "rt", "rp", "html", "head", "body",
];

/// The deepest nesting of elements in `html`, found in one pass without parsing it (an
/// estimate: comments and the text of scripts and styles are skipped, end tags close).
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    let find = |from: usize, what: &[u8]| -> usize {
        bytes[from.min(bytes.len())..]
            .windows(what.len())
            .position(|w| w.eq_ignore_ascii_case(what))
            .map_or(bytes.len(), |at| from + at + what.len())
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if bytes[i..].starts_with(b"<!--") {
            i = find(i + 4, b"-->");
            continue;
        }
        let closing = bytes.get(i + 1) == Some(&b'/');
        let start = i + if closing { 2 } else { 1 };
        let mut end = start;
        while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'-') {
            end += 1;
        }
        if end == start {
            i += 1;
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        let tag_end = find(end, b">");
        let self_closing = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        i = tag_end;
        if NOT_NESTING.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            i = find(i, format!("</{name}").as_bytes());
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

fn too_deep(depth: usize) -> String {
    format!(
        "This HTML is nested {depth} levels deep; no article needs more than {MAX_DEPTH}, so \
         it was not imported (the file may be damaged)."
    )
}

pub fn read(content: &str, source: &str) -> Result<ArticleDraft, Unreadable> {
    let depth = nesting_depth(content);
    if depth > MAX_DEPTH {
        return Err(Unreadable(too_deep(depth)));
    }
    let document = Html::parse_document(content);
    let mut title = String::new();
    let mut blocks: Vec<(bool, String)> = Vec::new();
    walk(document.root_element(), &mut title, &mut blocks);
    if title.is_empty() {
        let selector = scraper::Selector::parse("title").map_err(|e| e.to_string())?;
        if let Some(t) = document.select(&selector).next() {
            title = tidy(&t.text().collect::<String>());
        }
    }
    if blocks.is_empty() && title.is_empty() {
        return Err("This HTML file has no readable article text.".into());
    }
    let (series, title) = split_series(&title);
    let mut draft = ArticleDraft {
        title,
        series,
        sections: sections_from(blocks),
        source: source.to_owned(),
        ..ArticleDraft::default()
    };
    take_call_to_action(&mut draft);
    Ok(draft)
}

/// A WordPress post body: its headings and paragraphs, and notes on what was left out.
pub struct Fragment {
    pub blocks: Vec<(bool, String)>,
    pub left_out: Vec<DraftNote>,
}

/// Reads a WordPress post body, where paragraphs are often separated by blank lines instead
/// of <p> tags.
pub fn read_fragment(content: &str) -> Fragment {
    let depth = nesting_depth(content);
    if depth > MAX_DEPTH {
        return Fragment {
            blocks: Vec::new(),
            left_out: vec![DraftNote::check(too_deep(depth))],
        };
    }
    let with_paragraphs = if content.contains("<p") {
        content.to_owned()
    } else {
        content
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    };
    let fragment = Html::parse_fragment(&with_paragraphs);
    let mut title = String::new();
    let mut blocks = Vec::new();
    walk(fragment.root_element(), &mut title, &mut blocks);
    if !title.is_empty() {
        blocks.insert(0, (true, title));
    }
    let images = scraper::Selector::parse("img")
        .map(|s| fragment.select(&s).count())
        .unwrap_or(0);
    Fragment {
        blocks,
        left_out: super::shape::images_left_out(images),
    }
}

/// The text of a bit of HTML, tags left out.
pub fn text_of_fragment(content: &str) -> String {
    tidy(&text_of(Html::parse_fragment(content).root_element()))
}

/// Reads the blocks of `root` in document order, with a stack instead of recursion, so a
/// deeply nested file cannot exhaust the call stack.
fn walk(root: ElementRef<'_>, title: &mut String, blocks: &mut Vec<(bool, String)>) {
    fn children(el: ElementRef<'_>) -> Vec<ElementRef<'_>> {
        let mut list: Vec<_> = el.children().filter_map(ElementRef::wrap).collect();
        list.reverse();
        list
    }
    let mut stack = children(root);
    while let Some(el) = stack.pop() {
        let name = el.value().name();
        if SKIPPED.contains(&name) {
            continue;
        }
        match name {
            "h1" => {
                let text = tidy(&text_of(el));
                if title.is_empty() {
                    *title = text;
                } else if !text.is_empty() {
                    blocks.push((true, text));
                }
            }
            "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = tidy(&text_of(el));
                if !text.is_empty() {
                    blocks.push((true, text));
                }
            }
            "ul" | "ol" => {
                for item in el.children().filter_map(ElementRef::wrap) {
                    let text = tidy(&text_of(item));
                    if !text.is_empty() {
                        blocks.push((false, format!("• {text}")));
                    }
                }
            }
            _ if BLOCKS.contains(&name) && !has_block_child(el) => {
                let text = tidy(&text_of(el));
                if !text.is_empty() {
                    blocks.push((false, text));
                }
            }
            _ => stack.extend(children(el)),
        }
    }
}

fn has_block_child(el: ElementRef<'_>) -> bool {
    el.children().filter_map(ElementRef::wrap).any(|c| {
        let n = c.value().name();
        BLOCKS.contains(&n) || matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol")
    })
}

/// The visible text of an element: scripts and styles left out, <br> as a space. A stack, not
/// recursion, as in [`walk`].
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut stack: Vec<_> = el.children().collect();
    stack.reverse();
    while let Some(node) = stack.pop() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if SKIPPED.contains(&e.name()) => {}
            Node::Element(e) if e.name() == "br" => out.push(' '),
            Node::Element(_) => {
                let at = stack.len();
                stack.extend(node.children());
                stack[at..].reverse();
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_pages_keep_text_and_drop_scripts_styles_and_images() {
        let page = r#"<!DOCTYPE html><html><head><title>Site</title><style>p{color:red}</style>
            <script>alert("x")</script></head><body><nav><a href="/">Home</a></nav>
            <article><h1>MSMonday: Leaky Gut, What Comes First?</h1>
            <p>It&rsquo;s the question I hear most: &ldquo;gut or MS?&rdquo; <img src="gut.png" alt="gut">Caf&eacute; talk.</p>
            <script>track()</script>
            <h2>Foods to enjoy</h2><ul><li>Bone broth</li><li>Cooked <em>greens</em></li></ul>
            <p>Ready? <a href="https://example.com">Book a Free Consult Call</a> today.</p></article>
            <footer>© 2026</footer></body></html>"#;
        let d = super::read(page, "page.html").unwrap();
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.title, "Leaky Gut, What Comes First?");
        assert_eq!(
            d.sections[0].paragraphs,
            ["It’s the question I hear most: “gut or MS?” Café talk."]
        );
        assert_eq!(d.sections[1].heading, "Foods to enjoy");
        assert_eq!(
            d.sections[1].paragraphs,
            ["• Bone broth", "• Cooked greens"]
        );
        assert_eq!(d.call_to_action, "Ready? Book a Free Consult Call today.");
        let all = format!("{d:?}");
        assert!(!all.contains("alert") && !all.contains("track") && !all.contains("color"));
    }
}

#[cfg(test)]
mod nesting {
    use super::{nesting_depth, read, MAX_DEPTH};

    #[test]
    fn depth_is_counted_in_one_pass_and_forgives_ordinary_html() {
        assert_eq!(nesting_depth("<div><p>One<p>Two<br><img src=x></div>"), 1);
        assert_eq!(
            nesting_depth("<ul><li>a<li>b<ul><li>c</ul></ul><!-- <div><div> -->"),
            2
        );
        assert_eq!(
            nesting_depth("<script>if (a<b) { '<div><div><div>' }</script><section/>"),
            0
        );
        let page = format!(
            "<html><body>{}</body></html>",
            "<div><p>Text</p></div>".repeat(5000)
        );
        assert_eq!(nesting_depth(&page), 1);
    }

    /// 10 MB of nested tags, each shape: refused at once, never a crash or a hang.
    #[test]
    fn ten_megabytes_of_nested_tags_are_refused_quickly() {
        for (open, close) in [
            ("<div>", "</div>"),
            ("<span>", "</span>"),
            ("<b>", "</b>"),
            ("<ul><li>", "</li></ul>"),
            ("<blockquote>", ""),
        ] {
            let n = 10 * 1024 * 1024 / (open.len() + close.len());
            let html = format!("{}Deep text{}", open.repeat(n), close.repeat(n));
            let started = std::time::Instant::now();
            let err = read(&html, "deep.html").unwrap_err();
            assert!(
                err.0.contains("nested") && err.0.contains(&MAX_DEPTH.to_string()),
                "{err}"
            );
            assert!(
                started.elapsed().as_secs() < 5,
                "{open}: {:?}",
                started.elapsed()
            );
        }
    }

    /// Just under the limit still reads, in little time (the parser's work grows with depth).
    #[test]
    fn a_deep_but_allowed_page_is_read() {
        let html = format!(
            "<h1>Deep</h1>{}<p>Gut healing text.</p>{}",
            "<div>".repeat(MAX_DEPTH - 1),
            "</div>".repeat(MAX_DEPTH - 1)
        )
        .repeat(2000);
        let started = std::time::Instant::now();
        let draft = read(&html, "deep.html").unwrap();
        assert_eq!(draft.title, "Deep");
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
