//! WordPress exports (WXR): an RSS file whose <item>s are posts, with the body HTML in
//! <content:encoded>. Only posts are imported (not pages, attachments or menu items).

use quick_xml::events::Event;
use quick_xml::Reader;

use super::shape::{sections_from, split_series, take_call_to_action};
use super::ArticleDraft;

#[derive(Default)]
struct Item {
    title: String,
    content: String,
    post_type: String,
    status: String,
    categories: Vec<String>,
    tags: Vec<String>,
}

pub fn read(content: &str, source: &str) -> Result<Vec<ArticleDraft>, String> {
    let mut reader = Reader::from_str(content);
    let mut items: Vec<Item> = Vec::new();
    let mut item: Option<Item> = None;
    let mut path: Vec<String> = Vec::new();
    let mut domain = String::new();
    let mut saw_rss = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "This is not a valid WordPress export: the XML is broken near byte {} ({e}).",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                saw_rss |= name == "rss";
                if name == "item" {
                    item = Some(Item::default());
                }
                if name == "category" {
                    domain = e
                        .try_get_attribute("domain")
                        .ok()
                        .flatten()
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                }
                path.push(name);
            }
            // Every end tag pops the path (in the guard); the end of an <item> keeps the post.
            Event::End(_) if path.pop().as_deref() == Some("item") => items.extend(item.take()),
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                add_text(item.as_mut(), path.last(), &domain, &text);
            }
            Event::CData(t) => {
                let text = t.into_inner().into_owned();
                add_text(item.as_mut(), path.last(), &domain, &text);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match AsRef::<str>::as_ref(&r) {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                add_text(item.as_mut(), path.last(), &domain, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !path.is_empty() {
        return Err(format!(
            "This is not a valid WordPress export: it ends before <{}> is closed.",
            path.last().map_or("", String::as_str)
        ));
    }
    if !saw_rss {
        return Err("This XML file is not a WordPress export (WXR).".into());
    }
    let posts: Vec<ArticleDraft> = items
        .into_iter()
        .filter(|i| i.post_type.is_empty() || i.post_type == "post")
        .filter(|i| i.status != "trash")
        .enumerate()
        .map(|(n, i)| {
            let (series_from_title, title) = split_series(&i.title);
            let series = if series_from_title.is_empty() {
                i.categories.first().cloned().unwrap_or_default()
            } else {
                series_from_title
            };
            let mut draft = ArticleDraft {
                title,
                series,
                tagline: String::new(),
                sections: sections_from(super::html::read_fragment(&i.content)),
                call_to_action: String::new(),
                tags: i.tags,
                source: format!("{source} (post {})", n + 1),
            };
            take_call_to_action(&mut draft);
            draft
        })
        .collect();
    Ok(posts)
}

fn add_text(item: Option<&mut Item>, element: Option<&String>, domain: &str, text: &str) {
    let (Some(item), Some(element)) = (item, element) else {
        return;
    };
    match element.as_str() {
        "title" => item.title.push_str(text),
        "content:encoded" => item.content.push_str(text),
        "wp:post_type" => item.post_type.push_str(text.trim()),
        "wp:status" => item.status.push_str(text.trim()),
        "category" if domain == "post_tag" => item.tags.push(text.trim().to_owned()),
        "category" if domain == "category" && text.trim() != "Uncategorized" => {
            item.categories.push(text.trim().to_owned());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    pub fn export(posts: usize) -> String {
        let mut xml = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Gut &amp; Glow</title>
<item><title>About me</title><wp:post_type><![CDATA[page]]></wp:post_type><content:encoded><![CDATA[<p>I am a coach.</p>]]></content:encoded></item>
"#,
        );
        for n in 0..posts {
            xml.push_str(&format!(
                r#"<item><title>MSMonday: Week {n} &#8211; Caf&#233; &amp; Gut</title>
<category domain="category" nicename="msmonday"><![CDATA[MSMonday]]></category>
<category domain="post_tag" nicename="aip"><![CDATA[AIP]]></category>
<wp:post_type><![CDATA[post]]></wp:post_type><wp:status><![CDATA[publish]]></wp:status>
<content:encoded><![CDATA[Opening thoughts for week {n} — “small steps”.

<h2>What to eat</h2>
<ul><li>Bone broth</li><li>Greens</li></ul>
<img src="x.jpg" />

<script>evil()</script>If this resonates, book a Free Consult Call.]]></content:encoded></item>
"#
            ));
        }
        xml.push_str("</channel></rss>");
        xml
    }

    #[test]
    fn many_posts_come_out_of_one_export_and_pages_are_left_out() {
        let drafts = super::read(&export(250), "export.xml").unwrap();
        assert_eq!(drafts.len(), 250);
        let d = &drafts[7];
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.title, "Week 7 – Café & Gut");
        assert_eq!(d.tags, ["AIP"]);
        assert_eq!(
            d.sections[0].paragraphs,
            ["Opening thoughts for week 7 — “small steps”."]
        );
        assert_eq!(d.sections[1].heading, "What to eat");
        assert_eq!(d.sections[1].paragraphs, ["• Bone broth", "• Greens"]);
        assert_eq!(
            d.call_to_action,
            "If this resonates, book a Free Consult Call."
        );
        assert!(!format!("{d:?}").contains("evil"));
        assert_eq!(d.source, "export.xml (post 8)");
    }

    #[test]
    fn broken_xml_is_reported() {
        let mut xml = export(3);
        xml.truncate(xml.len() - 30);
        let err = super::read(&xml, "cut.xml").unwrap_err();
        assert!(err.contains("WordPress export"), "{err}");
    }
}
