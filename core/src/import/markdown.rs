//! Markdown articles: the first `#` heading is the title, `##`/`###` start sections, list items
//! become "• " paragraphs; inline formatting is kept as plain text.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::shape::{sections_from, split_series, take_call_to_action, tidy};
use super::ArticleDraft;

pub fn read(content: &str, source: &str) -> ArticleDraft {
    let mut title = String::new();
    let mut tagline = String::new();
    let mut blocks: Vec<(bool, String)> = Vec::new();
    let mut current = String::new();
    let mut in_heading: Option<HeadingLevel> = None;
    let mut in_item = false;
    for event in Parser::new(content) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = Some(level);
                current.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = tidy(&current);
                if in_heading == Some(HeadingLevel::H1) && title.is_empty() {
                    // Paragraphs before the title are a tagline or bio.
                    tagline = blocks
                        .drain(..)
                        .map(|(_, t)| t)
                        .collect::<Vec<_>>()
                        .join(" ");
                    title = text;
                } else if !text.is_empty() {
                    blocks.push((true, text));
                }
                in_heading = None;
                current.clear();
            }
            Event::Start(Tag::Item) => {
                in_item = true;
                current.clear();
            }
            Event::End(TagEnd::Item) => {
                blocks.push((false, format!("• {}", tidy(&current))));
                in_item = false;
                current.clear();
            }
            Event::Start(Tag::Paragraph) if !in_item => current.clear(),
            Event::End(TagEnd::Paragraph) if !in_item => {
                let text = tidy(&current);
                if !text.is_empty() {
                    blocks.push((false, text));
                }
                current.clear();
            }
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            _ => {}
        }
    }
    let (series, title) = split_series(&title);
    let mut draft = ArticleDraft {
        title,
        series,
        tagline,
        sections: sections_from(blocks),
        call_to_action: String::new(),
        tags: Vec::new(),
        source: source.to_owned(),
    };
    take_call_to_action(&mut draft);
    draft
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_headings_lists_and_emphasis() {
        let md = "A note from your coach.\n\n# MSMonday: Sleep & “Brain Fog”\n\nSleep is *where* the brain **clears** itself.\n\n## Three small steps\n\n- Dim the lights\n- No screens — really\n\n[Book a free consult call](https://example.com/book) and let’s plan yours.\n";
        let d = super::read(md, "sleep.md");
        assert_eq!(d.tagline, "A note from your coach.");
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.title, "Sleep & “Brain Fog”");
        assert_eq!(
            d.sections[0].paragraphs,
            ["Sleep is where the brain clears itself."]
        );
        assert_eq!(d.sections[1].heading, "Three small steps");
        assert_eq!(
            d.sections[1].paragraphs,
            ["• Dim the lights", "• No screens — really"]
        );
        assert_eq!(
            d.call_to_action,
            "Book a free consult call and let’s plan yours."
        );
    }
}
