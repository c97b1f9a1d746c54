//! Importing articles from real files on disk: every format, a WordPress export with many
//! posts, and every kind of bad file, each reported by name without stopping the batch.

use coachdesk_core::articles;
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::import::{NoteKind, PostStatus};

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

/// Real files nobody on the team wrote (tests/fixtures/import/SOURCES.md says where each
/// comes from).
fn fixture(path: &str) -> (String, Vec<u8>) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(path);
    let name = full.file_name().unwrap().to_string_lossy().into_owned();
    (name, std::fs::read(&full).unwrap())
}

fn draft_of(path: &str) -> coachdesk_core::import::ArticleDraft {
    let (name, bytes) = fixture(path);
    let mut drafts = coachdesk_core::import::read_file(&name, &bytes).unwrap();
    assert_eq!(drafts.len(), 1, "{path}");
    drafts.remove(0)
}

#[test]
fn front_matter_of_real_jekyll_hugo_and_hexo_posts() {
    // (file, title, date, tags, series from a category or Hugo's series)
    let cases: [(&str, &str, &str, &[&str], &str); 8] = [
        (
            "markdown/jekyll/2014-06-04-jekyll-stickers-1-dollar-stickermule.markdown",
            "Pick Up your $1 Jekyll Sticker",
            "2014-06-04",
            &[],
            "partners",
        ),
        (
            "markdown/jekyll/2016-10-06-jekyll-3-3-is-here.md",
            "Jekyll 3.3 is here with better theme support, new URL filters, and tons more",
            "2016-10-06",
            &[],
            "release",
        ),
        (
            // No date in the front matter: Jekyll takes it from the file name, and so do we.
            "markdown/jekyll/2018-01-11-customer-service.md",
            "Inception Movie",
            "2018-01-11",
            &["red", "yellow"],
            "Jekyll",
        ),
        (
            "markdown/hugo/markdown-syntax.md",
            "Markdown Syntax Guide",
            "2019-03-11",
            &["markdown", "css", "html"],
            "Themes Guide",
        ),
        (
            "markdown/hugo/emoji-support.md",
            "Emoji Support",
            "2019-03-05",
            &["emoji"],
            "",
        ),
        (
            "markdown/hugo/chapter-1.md",
            "Chapter I: The Grand Hall",
            "2017-04-09",
            &["scene"],
            "",
        ),
        (
            // Hexo's form with no opening `---`.
            "markdown/hexo/tags.md",
            "Tags",
            "2013-12-24",
            &["Foo", "Bar", "Baz"],
            "",
        ),
        (
            "markdown/hexo/2019-01-11-hexo-deployer-git-1.0.0_released.md",
            "Official plugin hexo-deployer-git 1.0.0 Released!!",
            "2019-01-11",
            &[],
            "",
        ),
    ];
    for (path, title, date, tags, series) in cases {
        let d = draft_of(path);
        assert_eq!(
            (d.title.as_str(), d.published.as_str(), d.series.as_str()),
            (title, date, series),
            "{path}"
        );
        assert_eq!(d.tags, tags, "{path}");
        assert!(
            d.notes.iter().all(|n| n.kind == NoteKind::LeftOut),
            "{path}"
        );
        // The body starts after the front matter (one post quotes front matter in a code
        // block further down, which stays).
        let first = &d.sections[0].paragraphs[0];
        assert!(
            !first.contains("title:") && !first.contains("title =") && !first.contains("+++"),
            "{path}: {first}"
        );
        let text = format!("{:?}", d.sections);
        assert!(!text.contains("{{<"), "shortcodes are left out: {text}");
    }
    // The body's own headings and lists survive the front matter.
    let hexo = draft_of("markdown/hexo/2019-01-11-hexo-deployer-git-1.0.0_released.md");
    assert_eq!(hexo.sections[1].heading, "BREAKING Changes");
    assert_eq!(
        hexo.sections[1].paragraphs[0],
        "• Replace swig with swig-templates #100"
    );
    // Hexo's category list, and a post with no title gets one to check, never a refusal.
    assert_eq!(draft_of("markdown/hexo/categories.md").series, "Foo");
    let untitled = draft_of("markdown/hexo/no-title.md");
    assert!(untitled.title.starts_with("This post doesn't have a title"));
    assert_eq!(untitled.notes[0].kind, NoteKind::Check);

    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let all: Vec<_> = [
        "markdown/jekyll/2015-01-20-jekyll-meet-and-greet.markdown",
        "markdown/hugo/math-typesetting.md",
        "markdown/hexo/no-title.md",
    ]
    .map(draft_of)
    .into();
    let saved = articles::commit(&db, &all).unwrap();
    assert_eq!(saved[0].published, "2015-01-20");
    assert_eq!(saved[1].published, "2019-03-08");
}

#[test]
fn word_documents_from_libreoffice_google_docs_and_word() {
    // The same essay as Google Docs saved it and as LibreOffice 7.4 saved it again.
    for path in [
        "docx/poi_61787.google-docs.docx",
        "docx/poi_61787.libreoffice-7.4-converted.docx",
    ] {
        let d = draft_of(path);
        assert_eq!(d.title, "Personal Worldview Essay", "{path}");
        let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "",
                "Basics",
                "Body",
                "Introduction",
                "Body Paragraphs",
                "Your worldview",
                "The origins of your worldviews",
                "Conclusion",
                "Essay Memo"
            ],
            "{path}"
        );
        let basics = &d.sections[1].paragraphs;
        assert_eq!(basics.len(), 3, "{path}");
        assert!(basics.iter().all(|p| p.starts_with("• ")), "{path}");
        assert_eq!(
            basics[1], "• You **must** answer all questions asked in each section below.",
            "{path}"
        );
        assert!(
            d.sections[8].paragraphs[0]
                .starts_with("*Attached to the end of your essay in the same document*, type"),
            "{path}"
        );
    }

    // Word 2007: Title and Subtitle styles, bold and italic runs, tables left out.
    let word = draft_of("docx/poi_bug65738.ms-word.docx");
    assert_eq!(word.title, "Sample Word Document Title");
    assert_eq!(word.tagline, "And now for a subtitle");
    assert_eq!(word.sections[3].heading, "Heading Level 3");
    assert!(word.sections[3]
        .paragraphs
        .contains(&"This document includes text that is **BOLD** and *ITALIC*.".to_owned()));
    assert_eq!(word.notes[0].text, "1 table was left out.");
    let text = format!("{word:?}");
    assert!(!text.contains("Row 1"), "table cells are not article text");

    // Word Online keeps its main part at word/document2.xml.
    let online = draft_of("docx/pandoc_alternate_document_path.word-online.docx");
    assert_eq!(online.title, "Test");
    assert!(online.sections[0].paragraphs[0].starts_with("This is *italic*, **bold**, underlined"));

    // LibreOffice 6.2 (Russian locale, numeric style ids): nested lists.
    let lists = draft_of("docx/pandoc_lists.libreoffice-6.2.docx");
    assert_eq!(lists.sections[0].heading, "Some nested lists");
    assert_eq!(&lists.sections[0].paragraphs[..2], ["• one", "• two"]);

    // A damaged document is refused in words, and the rest of the batch goes on.
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let (name, bytes) = fixture("docx/poi_61787.google-docs.docx");
    let files = vec![
        ("cut.docx".to_owned(), bytes[..bytes.len() / 2].to_vec()),
        (name, bytes),
    ];
    let preview = articles::preview(&db, &files).unwrap();
    assert_eq!(preview.drafts.len(), 1);
    assert!(
        preview.problems[0].reason.contains("Word document"),
        "{:?}",
        preview.problems
    );
}

#[test]
fn the_wordpress_theme_unit_test_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let files = vec![fixture("wordpress/themeunittestdata.wordpress.xml")];
    let preview = articles::preview(&db, &files).unwrap();
    assert!(preview.problems.is_empty());
    assert_eq!(
        preview.drafts.len(),
        58,
        "every post, not pages or menu items"
    );
    assert_eq!(
        preview.left_out[0].what,
        "Only posts are imported: 21 pages, 37 attachments and 70 menu items were left out."
    );
    let with_status = |s: PostStatus| {
        preview
            .drafts
            .iter()
            .filter(|d| d.draft.status == s)
            .map(|d| d.draft.title.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(with_status(PostStatus::Draft), ["Draft"]);
    assert_eq!(with_status(PostStatus::Scheduled), ["Scheduled"]);
    assert_eq!(with_status(PostStatus::Published).len(), 56);
    let find = |start: &str| {
        &preview
            .drafts
            .iter()
            .find(|d| d.draft.title.starts_with(start))
            .unwrap_or_else(|| panic!("{start}"))
            .draft
    };
    let untitled = find("This post has no title");
    assert!(untitled.notes[0].text.contains("no title"));
    assert_eq!(untitled.published, "2009-09-05");
    assert!(find("Password Protected").notes[0]
        .text
        .contains("password-protected"));
    assert_eq!(find("Title With Markup").title, "Title With Markup");
    assert!(find("Edge Case: No Content").notes[0]
        .text
        .contains("no text"));

    // The whole batch of published posts goes in: nothing blocks it.
    let published: Vec<_> = preview
        .drafts
        .iter()
        .filter(|d| d.draft.status == PostStatus::Published)
        .map(|d| d.draft.clone())
        .collect();
    assert_eq!(articles::commit(&db, &published).unwrap().len(), 56);
}
