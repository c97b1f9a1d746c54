//! Importing articles from real files on disk: every format, a WordPress export with many
//! posts, and every kind of bad file, each reported by name without stopping the batch.

use coachdesk_core::articles;
use coachdesk_core::db::{Db, DATABASE_FILE};

const TXT: &str = "Helping women with MS feel like themselves again.\n\nMSMonday: Leaky Gut, What Comes First?\n\nIt’s the question I hear on almost every call: “gut or MS?” — let’s look.\n\nWhat the lining does\n\nThe lining is one cell thick.\n\nIf this sounds like you, book a Free Consult Call.\n";
const MD: &str = "# MSMonday: Sleep & Brain Fog\n\nSleep is where the brain *clears* itself.\n\n## Three small steps\n\n- Dim the lights\n- Same bedtime\n";
const HTML: &str = "<!DOCTYPE html><html><head><title>x</title><script>bad()</script></head><body><h1>MSMonday: Stress and Flares</h1><p>Stress matters &mdash; a lot.</p><h2>Breathe</h2><p>Box breathing, four counts.</p></body></html>";

fn wxr(posts: usize) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>"#,
    );
    for n in 0..posts {
        xml.push_str(&format!(
            "<item><title>MSMonday: Post {n}</title><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>Words of post {n}, unique{n}.</p><h2>Part two</h2><p>More.</p>]]></content:encoded></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    xml
}

#[test]
fn a_batch_of_every_format_and_every_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = files.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let mut huge = b"Title\n\n".to_vec();
    huge.resize(10 * 1024 * 1024 + 10, b'a');
    let paths = vec![
        write("leaky-gut.txt", TXT.as_bytes()),
        write("sleep.md", MD.as_bytes()),
        write("stress.html", HTML.as_bytes()),
        write("export.xml", wxr(300).as_bytes()),
        write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        write("empty.md", b""),
        write("huge.txt", &huge),
        write("latin1.txt", b"Caf\xe9\n\nText."),
        write("broken.xml", &wxr(2).as_bytes()[..300]),
        write(
            "nothing.html",
            b"<html><head><script>x()</script></head><body><img src=a.png></body></html>",
        ),
        files.join("missing.txt"),
    ];

    let preview = articles::preview_paths(&db, &paths).unwrap();
    assert_eq!(preview.drafts.len(), 3 + 300);
    let titles: Vec<_> = preview
        .drafts
        .iter()
        .take(3)
        .map(|d| d.draft.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Leaky Gut, What Comes First?",
            "Sleep & Brain Fog",
            "Stress and Flares"
        ]
    );
    assert!(preview.drafts.iter().all(|d| d.draft.series == "MSMonday"));
    assert_eq!(
        preview.drafts[0].draft.sections[0].paragraphs[0],
        "It’s the question I hear on almost every call: “gut or MS?” — let’s look."
    );
    assert_eq!(
        preview.drafts[2].draft.sections[0].paragraphs[0],
        "Stress matters — a lot."
    );

    let problems: Vec<(&str, &str)> = preview
        .problems
        .iter()
        .map(|p| (p.file.as_str(), p.reason.as_str()))
        .collect();
    let reason = |file: &str| {
        problems
            .iter()
            .find(|(f, _)| *f == file)
            .unwrap_or_else(|| panic!("{file} not reported: {problems:?}"))
            .1
    };
    assert!(reason("huge.txt").contains("at most 10 MB"));
    assert!(reason("missing.txt").contains("could not be read"));
    assert!(reason("photo.txt").contains("not a text file"));
    assert!(reason("empty.md").contains("empty"));
    assert!(reason("latin1.txt").contains("UTF-8"));
    assert!(reason("broken.xml").contains("WordPress export"));
    assert!(reason("nothing.html").contains("no readable article text"));
    assert_eq!(problems.len(), 7);

    // Nothing was stored by the preview; committing stores all the drafts at once.
    assert!(articles::list(&db, "").unwrap().is_empty());
    let drafts: Vec<_> = preview.drafts.into_iter().map(|d| d.draft).collect();
    assert_eq!(articles::commit(&db, &drafts).unwrap().len(), 303);
    let found: Vec<_> = articles::list(&db, "post 29")
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(found.len(), 11, "Post 29 and Post 290–299");
    assert!(found.contains(&"Post 29".to_owned()));
}

#[test]
fn articles_are_found_by_the_global_search_and_follow_edits() {
    use coachdesk_core::search::{self, SearchKind};
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let preview = articles::preview_pasted(&db, TXT).unwrap();
    let saved = articles::commit(&db, &[preview.drafts[0].draft.clone()]).unwrap();
    let hits = search::search(&db, "single layer").unwrap_or_default();
    assert!(hits.is_empty(), "not in this article");
    let hits = search::search(&db, "lining cell thick").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].kind, hits[0].id),
        (SearchKind::Article, saved[0].id)
    );
    assert_eq!(hits[0].title, "Leaky Gut, What Comes First?");
    assert_eq!(hits[0].client_id, None);
    assert!(hits[0].snippet.iter().any(|p| p.hit && p.text == "lining"));

    let mut article = preview.drafts[0].draft.clone();
    article.title = "Gut Lining Basics".into();
    article.sections[1].paragraphs = vec!["Now about tight junctions.".into()];
    articles::update(&db, saved[0].id, &article).unwrap();
    assert!(search::search(&db, "cell thick").unwrap().is_empty());
    assert_eq!(
        search::search(&db, "tight junctions").unwrap()[0].title,
        "Gut Lining Basics"
    );
    articles::delete(&db, saved[0].id).unwrap();
    assert!(search::search(&db, "tight junctions").unwrap().is_empty());
}
