//! WordPress exports (WXR): an RSS file whose <item>s are posts, with the body HTML in
//! <content:encoded>. Only posts are read (pages, attachments, menu items, revisions and the
//! bin are counted and left out); drafts and private posts come marked with their status, a
//! post with no title gets a proposed one for her to check, and password-protected posts are
//! flagged.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::shape::{sections_from, split_series, take_call_to_action};
use super::{ArticleDraft, DraftNote, PostStatus, Unreadable};

#[derive(Default)]
struct Item {
    title: String,
    content: String,
    post_type: String,
    status: String,
    date: String,
    password: String,
    categories: Vec<String>,
    tags: Vec<String>,
}

/// The posts of an export, and a sentence saying what else it held and was left out.
pub fn read(
    content: &str,
    source: &str,
) -> Result<(Vec<ArticleDraft>, Option<String>), Unreadable> {
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
                let text = super::xml_entity(&r);
                add_text(item.as_mut(), path.last(), &domain, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !path.is_empty() {
        return Err(Unreadable(format!(
            "This is not a valid WordPress export: it ends before <{}> is closed.",
            path.last().map_or("", String::as_str)
        )));
    }
    if !saw_rss {
        return Err("This XML file is not a WordPress export (WXR).".into());
    }
    let mut left_out: Vec<(String, usize)> = Vec::new();
    let mut posts = Vec::new();
    for item in items {
        let kind = if item.status == "trash" {
            "from the bin".to_owned()
        } else if item.post_type.is_empty() || item.post_type == "post" {
            posts.push(item);
            continue;
        } else {
            item.post_type.replace('_', " ")
        };
        match left_out.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => left_out.push((kind, 1)),
        }
    }
    let drafts = posts
        .into_iter()
        .enumerate()
        .map(|(n, i)| draft_of(i, &format!("{source} (post {})", n + 1)))
        .collect();
    Ok((drafts, left_out_sentence(&left_out)))
}

fn draft_of(i: Item, source: &str) -> ArticleDraft {
    // WordPress titles may hold markup ("Title <em>With</em> Markup").
    let title = if i.title.contains('<') {
        super::html::text_of_fragment(&i.title)
    } else {
        i.title.clone()
    };
    let (series_from_title, title) = split_series(&title);
    let series = if series_from_title.is_empty() {
        i.categories.first().cloned().unwrap_or_default()
    } else {
        series_from_title
    };
    let body = super::html::read_fragment(&i.content);
    let mut notes = Vec::new();
    if !i.password.trim().is_empty() {
        notes.push(DraftNote::check(
            "This post is password-protected on the blog. Check that it is meant for clients.",
        ));
    }
    let published = super::front_matter::iso_date(&i.date);
    let mut draft = ArticleDraft {
        title,
        series,
        sections: sections_from(body.blocks),
        tags: i.tags,
        source: source.to_owned(),
        published,
        status: PostStatus::from_wordpress(&i.status),
        notes,
        ..ArticleDraft::default()
    };
    draft.notes.extend(body.left_out);
    take_call_to_action(&mut draft);
    draft
}

/// "12 pages, 30 nav menu items and 2 attachments were left out." (None when nothing was.)
fn left_out_sentence(counts: &[(String, usize)]) -> Option<String> {
    let parts: Vec<String> = counts
        .iter()
        .map(|(kind, n)| match kind.as_str() {
            "from the bin" => format!("{n} item{} from the bin", if *n == 1 { "" } else { "s" }),
            "page" | "attachment" | "revision" if *n == 1 => format!("1 {kind}"),
            "page" | "attachment" | "revision" => format!("{n} {kind}s"),
            "nav menu item" => format!("{n} menu item{}", if *n == 1 { "" } else { "s" }),
            other => format!("{n} × {other}"),
        })
        .collect();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let list = match parts.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    Some(format!(
        "Only posts are imported: {list} {} left out.",
        if total == 1 { "was" } else { "were" }
    ))
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
        "wp:post_date" => item.date.push_str(text.trim()),
        "wp:post_password" => item.password.push_str(text),
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
        let (drafts, left_out) = super::read(&export(250), "export.xml").unwrap();
        assert_eq!(
            left_out.as_deref(),
            Some("Only posts are imported: 1 page was left out.")
        );
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
        assert!(err.0.contains("WordPress export"), "{err}");
    }

    #[test]
    fn statuses_untitled_and_protected_posts() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<item><title></title><wp:post_date><![CDATA[2013-01-09 09:00:00]]></wp:post_date><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[Bone broth is the first thing I suggest, every single time, to everyone.]]></content:encoded></item>
<item><title>Secret</title><wp:status>publish</wp:status><wp:post_password>pw</wp:post_password><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>Hidden.</p>]]></content:encoded></item>
<item><title>Not yet</title><wp:status>draft</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>Soon.</p>]]></content:encoded></item>
<item><title>Menu</title><wp:status>publish</wp:status><wp:post_type>nav_menu_item</wp:post_type></item>
<item><title>Menu 2</title><wp:status>publish</wp:status><wp:post_type>nav_menu_item</wp:post_type></item>
<item><title>Old</title><wp:status>trash</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>"#;
        let contents = super::super::read_contents("x.xml", xml.as_bytes()).unwrap();
        let (d, left_out) = (contents.drafts, contents.left_out);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].title, "Bone broth is the first thing I suggest…");
        assert_eq!(d[0].published, "2013-01-09");
        assert_eq!(d[0].notes[0].kind, super::super::NoteKind::Check);
        assert!(d[1].notes[0].text.contains("password-protected"));
        assert_eq!(d[2].status, super::PostStatus::Draft);
        assert_eq!(
            left_out.as_deref(),
            Some("Only posts are imported: 2 menu items and 1 item from the bin were left out.")
        );
    }
}
