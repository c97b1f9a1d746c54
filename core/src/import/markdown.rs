//! Markdown articles: front matter (title, date, tags, categories) if there is one, else the
//! first `#` heading is the title; `##`/`###` start sections; list items become "• "
//! paragraphs; emphasis and strong text keep the composer's `*`/`**` marks; images are left
//! out and counted.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::front_matter::{self, FrontMatter};
use super::shape::{images_left_out, sections_from, split_series, take_call_to_action, tidy};
use super::ArticleDraft;

pub fn read(content: &str, source: &str) -> ArticleDraft {
    let (matter, body) =
        front_matter::split(content).unwrap_or_else(|| (FrontMatter::default(), content));
    let mut title = String::new();
    let mut tagline = String::new();
    let mut blocks: Vec<(bool, String)> = Vec::new();
    let mut current = String::new();
    let mut in_heading: Option<HeadingLevel> = None;
    let mut in_item = false;
    let mut in_image = false;
    let mut images = 0;
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = Some(level);
                current.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = tidy(&without_templates(&current));
                let is_title = in_heading == Some(HeadingLevel::H1)
                    && title.is_empty()
                    && (matter.title.is_empty() || text == matter.title);
                if is_title {
                    // Paragraphs before the title are a tagline or bio.
                    if matter.title.is_empty() {
                        tagline = blocks
                            .drain(..)
                            .map(|(_, t)| t)
                            .collect::<Vec<_>>()
                            .join(" ");
                    }
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
                let text = tidy(&without_templates(&current));
                if !text.is_empty() {
                    blocks.push((false, format!("• {text}")));
                }
                in_item = false;
                current.clear();
            }
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_)) if !in_item => current.clear(),
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock) if !in_item => {
                let text = tidy(&without_templates(&current));
                if !text.is_empty() {
                    blocks.push((false, text));
                }
                current.clear();
            }
            Event::Start(Tag::Image { .. }) => {
                in_image = true;
                images += 1;
            }
            Event::End(TagEnd::Image) => in_image = false,
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) if in_heading.is_none() => {
                current.push('*');
            }
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) if in_heading.is_none() => {
                current.push_str("**");
            }
            Event::Text(t) | Event::Code(t) if !in_image => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            _ => {}
        }
    }
    if title.is_empty() {
        title.clone_from(&matter.title);
    }
    let (mut series, title) = split_series(&title);
    for fallback in [
        &matter.series,
        matter.categories.first().unwrap_or(&matter.series),
    ] {
        if series.is_empty() {
            series.clone_from(fallback);
        }
    }
    // Jekyll names posts 2016-10-06-title.md and may leave the date out of the front matter.
    let published = if matter.date.is_empty() {
        let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
        front_matter::iso_date(name.get(..10).unwrap_or(""))
    } else {
        matter.date
    };
    let mut draft = ArticleDraft {
        title,
        series,
        tagline,
        sections: sections_from(blocks),
        tags: matter.tags,
        source: source.to_owned(),
        published,
        notes: images_left_out(images),
        ..ArticleDraft::default()
    };
    take_call_to_action(&mut draft);
    draft
}

/// The text without static-site template tags: Hugo shortcodes (`{{< x >}}`, `{{% x %}}`) and
/// Liquid tags (`{% raw %}`), which mean nothing outside the blog.
fn without_templates(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let open = ["{{<", "{{%", "{%"]
            .iter()
            .filter_map(|o| rest.find(o).map(|i| (i, *o)))
            .min();
        let Some((at, open)) = open else { break };
        let close = match open {
            "{{<" => ">}}",
            "{{%" => "%}}",
            _ => "%}",
        };
        let Some(end) = rest[at..].find(close) else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + end + close.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_headings_lists_and_emphasis() {
        let md = "A note from your coach.\n\n# MSMonday: Sleep & “Brain Fog”\n\nSleep is *where* the brain **clears** itself.\n\n## Three small steps\n\n- Dim the lights\n- No screens — really\n\n![a bedroom](bed.jpg)\n\n[Book a free consult call](https://example.com/book) and let’s plan yours.\n";
        let d = super::read(md, "sleep.md");
        assert_eq!(d.tagline, "A note from your coach.");
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.title, "Sleep & “Brain Fog”");
        assert_eq!(
            d.sections[0].paragraphs,
            ["Sleep is *where* the brain **clears** itself."]
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
        assert_eq!(d.notes[0].text, "1 image was left out.");
    }

    #[test]
    fn front_matter_gives_title_date_tags_and_series() {
        let md = "---\ntitle: \"Bone broth, three ways\"\ndate: 2021-10-04 09:00:00\ntags: [AIP, recipes]\ncategories: [MSMonday]\n---\n\nA warm cup a day.\n\n## Why it helps\n\nGelatin and minerals.\n";
        let d = super::read(md, "broth.md");
        assert_eq!(d.title, "Bone broth, three ways");
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.published, "2021-10-04");
        assert_eq!(d.tags, ["AIP", "recipes"]);
        assert_eq!(d.sections[0].paragraphs, ["A warm cup a day."]);
        assert_eq!(d.sections[1].heading, "Why it helps");
        assert!(d.tagline.is_empty());
    }

    #[test]
    fn template_tags_are_left_out() {
        assert_eq!(
            super::without_templates("a {{< highlight html >}}b{{< /highlight >}} {% raw %}c"),
            "a b c"
        );
        assert_eq!(super::without_templates("50% {of} it"), "50% {of} it");
    }

    #[test]
    fn a_jekyll_post_without_a_date_takes_it_from_its_file_name() {
        let d = super::read("---\ntitle: Hi\n---\nText.\n", "2018-01-11-hi.md");
        assert_eq!(d.published, "2018-01-11");
    }
}
