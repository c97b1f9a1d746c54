//! Property tests: every importer, the emphasis parser, the search query builder, file-name
//! sanitising and the PDF renderer take thousands of generated inputs (any bytes, any
//! Unicode, hostile shapes) without a panic, and each input in under two seconds. `make test`
//! runs a few thousand cases; `make bench` sets `PROPTEST_CASES` to 100,000 a target.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use crate::db::Db;

/// Cases per target: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const SLOW: Duration = Duration::from_secs(2);

/// Text a coach, a blog or an attacker might produce: letters of many scripts, accents in both
/// forms, emoji and joiners, bidi controls, markup and its delimiters, quotes, line breaks.
fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Zoë",
        "e\u{301}",
        "李小龙",
        "🌿",
        "👩\u{200d}⚕\u{fe0f}",
        "\u{202e}",
        "\u{200b}",
        "مرحبا",
        "<",
        ">",
        "</p>",
        "<div>",
        "<h1>",
        "&amp;",
        "&#x0;",
        "*",
        "**",
        "_",
        "#",
        "- ",
        "> ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        " ",
        "\"",
        "'",
        "“",
        "”",
        "---",
        "+++",
        "[",
        "]",
        "(",
        ")",
        "`",
        "\\",
        "/",
        ":",
        "\u{0}",
        "\u{7f}",
        "\u{fffd}",
        "𐀀",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    ]);
    prop::collection::vec(pieces, 0..120).prop_map(|p| p.concat())
}

fn within_time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    assert!(
        started.elapsed() < SLOW,
        "{what} took {:?}",
        started.elapsed()
    );
    out
}

proptest! {
    #![proptest_config(cases(5000))]

    #[test]
    fn importers_take_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..4096),
        ext in prop::sample::select(vec!["txt", "md", "markdown", "html", "htm", "xml", "docx", "bin", ""]),
    ) {
        let name = format!("article.{ext}");
        let _ = within_time(&name, || crate::import::read_contents(&name, &bytes));
    }

    #[test]
    fn importers_take_any_text(
        text in awkward_text(),
        ext in prop::sample::select(vec!["txt", "md", "html", "xml"]),
    ) {
        let name = format!("article.{ext}");
        let _ = within_time(&name, || crate::import::read_contents(&name, text.as_bytes()));
    }

    #[test]
    fn wordpress_exports_take_any_post(title in awkward_text(), body in awkward_text()) {
        let escape = |s: &str| s.replace("]]>", "]]]]><![CDATA[>");
        let xml = format!(
            "<?xml version=\"1.0\"?><rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
             xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title><![CDATA[{}]]></title>\
             <content:encoded><![CDATA[{}]]></content:encoded><wp:post_type>post</wp:post_type>\
             <wp:status>publish</wp:status></item></channel></rss>",
            escape(&title),
            escape(&body)
        );
        let _ = within_time("wxr", || crate::import::read_contents("export.xml", xml.as_bytes()));
    }

    #[test]
    fn the_emphasis_parser_keeps_every_letter(text in awkward_text()) {
        let spans = within_time("spans", || crate::documents::spans(&text));
        let joined: String = spans.iter().map(|s| s.text.as_str()).collect();
        // Only the markers themselves may go.
        prop_assert_eq!(joined.replace('*', ""), text.replace('*', ""));
        if !text.contains('*') {
            prop_assert!(spans.iter().all(|s| !s.emphasis && !s.strong));
        }
    }

    #[test]
    fn file_names_are_always_safe(name in awkward_text()) {
        let safe = crate::files::safe_file_name(&name);
        prop_assert!(!safe.is_empty());
        prop_assert!(safe.len() <= crate::files::MAX_NAME_BYTES);
        prop_assert!(!safe.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']));
        prop_assert!(!safe.chars().any(char::is_control));
        prop_assert!(!safe.starts_with(['.', ' ']) && !safe.ends_with(['.', ' ']));
        let long = format!("{name}{}.pdf", "é".repeat(150));
        let capped = crate::files::cap_name(&long, crate::files::MAX_NAME_BYTES);
        prop_assert!(capped.len() <= crate::files::MAX_NAME_BYTES);
        prop_assert!(capped.ends_with(".pdf"));
    }
}

proptest! {
    #![proptest_config(cases(2000))]

    /// The query builder's output always runs: any text searched finds or not, never errors.
    #[test]
    fn search_takes_any_text_literally(text in awkward_text()) {
        thread_local! {
            static DB: Db = {
                let db = Db::open_in_memory().unwrap();
                crate::clients::create(&db, &crate::clients::ClientInput::named("Zoë 李小龙 🌿"))
                    .unwrap();
                db
            };
        }
        let query = crate::search::fts_query(&text);
        if let Some(q) = &query {
            prop_assert!(q.starts_with('"'));
        }
        DB.with(|db| within_time("search", || crate::search::search(db, &text)))
            .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
    }
}

proptest! {
    #![proptest_config(cases(1000))]

    /// Any text in any block: the renderer lays it out or says which characters it cannot
    /// print; it never panics.
    #[test]
    fn the_pdf_renderer_takes_any_text(
        title in awkward_text(),
        paragraphs in prop::collection::vec(awkward_text(), 0..6),
        bullets in prop::collection::vec(awkward_text(), 0..6),
    ) {
        use crate::pdf::{Block, Paper, Span};
        let span = |t: &str| Span { text: t.to_owned(), emphasis: false, strong: false };
        let mut handout = crate::pdf::sample::leaky_gut(Paper::A4);
        handout.title = title;
        handout.blocks = paragraphs
            .iter()
            .map(|p| Block::Paragraph(crate::documents::spans(p)))
            .chain([Block::Bullets(bullets.iter().map(|b| vec![span(b)]).collect())])
            .chain(bullets.first().map(|b| Block::Heading(b.clone())))
            .collect();
        let rendered = within_time("render", || {
            crate::pdf::render(&handout, chrono::Utc::now())
        });
        match rendered {
            Ok(pdf) => prop_assert!(pdf.bytes.starts_with(b"%PDF-") && pdf.pages >= 1),
            Err(crate::pdf::PdfError::Unprintable(chars)) => prop_assert!(!chars.is_empty()),
            Err(e) => prop_assert!(false, "{e}"),
        }
    }
}
