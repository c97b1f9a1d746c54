//! Her real articles through the window: a public WordPress export with 58 posts (an untitled
//! one, a password-protected one, a draft, a scheduled one, long words, code and URLs).

use std::path::Path;

use crate::harness::{App, Driver};
use crate::journeys::first_run;

/// The main content area scrolls down, never sideways (the document itself never does).
async fn assert_no_sideways_scroll(app: &App, screen: &str) {
    let widths = app
        .client
        .execute(
            "const m = document.querySelector('main');
             return [m.scrollWidth, m.clientWidth, document.documentElement.scrollWidth,
                     document.documentElement.clientWidth];",
            vec![],
        )
        .await
        .unwrap();
    let w: Vec<i64> = serde_json::from_value(widths).unwrap();
    assert_eq!(
        w[0], w[1],
        "{screen}: the main area scrolls sideways: {w:?}"
    );
    assert_eq!(w[2], w[3], "{screen}: the window scrolls sideways: {w:?}");
}

/// The value of every draft title on the review page, by card number.
async fn titles(app: &App) -> Vec<(usize, String)> {
    let found = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid^=\"draft-title-\"]')]
                 .map(e => [Number(e.dataset.testid.slice(12)), e.value]);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

fn card_of(titles: &[(usize, String)], start: &str) -> usize {
    titles
        .iter()
        .find(|(_, t)| t.starts_with(start))
        .unwrap_or_else(|| panic!("no card titled {start:?} in {titles:?}"))
        .0
}

#[tokio::test]
async fn a_wordpress_export_is_reviewed_and_imported_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let export = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/wordpress/themeunittestdata.wordpress.xml");
    let (_driver, app) = Driver::open(data.path(), &[("COACHDESK_TEST_OPEN_FILES", &export)]).await;
    first_run(&app).await;

    app.go("nav-articles", "articles-import-files").await;
    app.click("articles-import-files").await;
    app.wait_for("import-draft").await;

    // Published posts are shown; the draft and the scheduled post wait behind a checkbox.
    assert_eq!(app.all("import-draft").await.len(), 56);
    let found = app.wait_for_text("import-found", |t| !t.is_empty()).await;
    assert!(
        found.contains("56 articles found, and 1 draft and 1 scheduled post not published"),
        "{found}"
    );
    let left_out = app
        .wait_for_text("import-left-out", |t| !t.is_empty())
        .await;
    assert!(
        left_out.contains("21 pages, 37 attachments and 70 menu items were left out"),
        "{left_out}"
    );
    assert_no_sideways_scroll(&app, "review").await;
    app.screenshot("60-import-wordpress").await;

    // The untitled post has a proposed title and says so; it blocks nothing.
    let cards = titles(&app).await;
    let untitled = card_of(&cards, "This post has no title");
    let notes = app
        .wait_for_text(&format!("draft-notes-{untitled}"), |t| !t.is_empty())
        .await;
    assert!(notes.contains("no title"), "{notes}");
    app.scroll_to(&format!("draft-title-{untitled}")).await;
    app.screenshot("61-import-untitled").await;

    // Long words, URLs and code wrap inside their card.
    let long = card_of(&cards, "Taumatawhakatangihanga");
    app.scroll_to(&format!("draft-title-{long}")).await;
    assert_no_sideways_scroll(&app, "long word").await;
    app.screenshot("62-import-long-word").await;
    let markup = card_of(&cards, "HTML Tags and Formatting");
    app.scroll_to(&format!("draft-title-{markup}")).await;
    assert_no_sideways_scroll(&app, "code and URLs").await;
    app.screenshot("63-import-code").await;

    // Leave out one post with a real click on its checkbox.
    let sticky = card_of(&cards, "Sticky");
    let include = format!("draft-include-{sticky}");
    app.scroll_to(&include).await;
    app.click(&include).await;
    assert_eq!(
        app.wait_for(&include).await.prop("checked").await.unwrap(),
        Some("false".into())
    );

    // Then every post with something to check, in one go.
    app.click("import-leave-out-problems").await;
    let button = app
        .wait_for_text("import-commit", |t| t.starts_with("Import "))
        .await;
    let count: usize = button
        .trim_start_matches("Import ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((45..55).contains(&count), "{button}");
    let include_untitled = app.wait_for(&format!("draft-include-{untitled}")).await;
    assert_eq!(
        include_untitled.prop("checked").await.unwrap(),
        Some("false".into())
    );

    // Drafts show up when she asks, marked, and still left out.
    app.click("import-show-unpublished").await;
    assert_eq!(app.all("import-draft").await.len(), 58);
    let draft_card = card_of(&titles(&app).await, "Draft");
    assert_eq!(
        app.wait_for_text(&format!("draft-status-{draft_card}"), |t| !t.is_empty())
            .await,
        "Draft"
    );
    assert_no_sideways_scroll(&app, "with drafts").await;
    app.scroll_to("import-commit").await;
    app.screenshot("64-import-footer").await;

    // Import: the library lists exactly what was chosen.
    app.click("import-commit").await;
    app.wait_for("article-row").await;
    let rows = app.texts("article-row-title").await;
    assert_eq!(rows.len(), count, "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with("Taumatawhakatangihanga")));
    assert!(!rows.iter().any(|r| r == "Sticky" || r == "Draft"));
    assert_no_sideways_scroll(&app, "library").await;
    app.screenshot("65-library-wordpress").await;
    app.quit().await;
}
