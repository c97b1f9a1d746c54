//! HTML articles (a saved blog page or a WordPress post body): parsed with html5ever, scripts
//! and styles dropped, images ignored, entities decoded.

use scraper::{ElementRef, Html, Node};

use super::shape::{sections_from, split_series, take_call_to_action, tidy};
use super::{ArticleDraft, DraftNote};

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

pub fn read(content: &str, source: &str) -> Result<ArticleDraft, String> {
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

fn walk(element: ElementRef<'_>, title: &mut String, blocks: &mut Vec<(bool, String)>) {
    for child in element.children() {
        let Some(el) = ElementRef::wrap(child) else {
            continue;
        };
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
            _ => walk(el, title, blocks),
        }
    }
}

fn has_block_child(el: ElementRef<'_>) -> bool {
    el.children().filter_map(ElementRef::wrap).any(|c| {
        let n = c.value().name();
        BLOCKS.contains(&n) || matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol")
    })
}

/// The visible text of an element: scripts and styles left out, <br> as a space.
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in el.children() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if SKIPPED.contains(&e.name()) => {}
            Node::Element(e) if e.name() == "br" => out.push(' '),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(node) {
                    out.push_str(&text_of(child));
                }
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
