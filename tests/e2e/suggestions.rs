//! Issue #12's suggestions in the real window: a client with a protocol, notes and rising
//! fatigue is offered sections of the coach's own articles with the reason, and the top one
//! goes into a new handout for her in one click; an empty library says how to fill it; with no
//! printer, printing says so and offers to export instead.

use std::path::Path;

use coachdesk_core::articles;
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::consults::{self, ConsultInput, NoteSection};
use coachdesk_core::import;
use coachdesk_core::protocols::{self, AssignInput};

use crate::handouts::check_pdf;
use crate::harness::{files_in, Driver};
use crate::seed::{days_ago, rate_first_symptom};

/// A practice with the labelled articles imported, and Renée: on the starter autoimmune
/// protocol, a last note about broth and her gut, and fatigue rising in her check-ins.
pub fn seed(dir: &Path, with_articles: bool) {
    let db = crate::journeys::new_practice(dir);
    if with_articles {
        let folder =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/suggestions/articles");
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let drafts = import::read_file(&name, &std::fs::read(&file).unwrap()).unwrap();
            articles::commit(&db, &drafts).unwrap();
        }
    }
    let her = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    let template = protocols::list_templates(&db)
        .unwrap()
        .into_iter()
        .find(|t| t.name.starts_with("Autoimmune"))
        .unwrap();
    protocols::assign(
        &db,
        &AssignInput {
            client_id: her.id,
            template_id: template.id,
            start_date: days_ago(20),
        },
    )
    .unwrap();
    let consult = consults::create(
        &db,
        &ConsultInput::follow_up(her.id, &format!("{}T15:00:00Z", days_ago(3)), 60),
    )
    .unwrap();
    consults::save_notes(
        &db,
        consult.id,
        &[
            NoteSection {
                heading: "Symptoms since last time".into(),
                body: "Wiped out by 3pm most days, tummy bloated after meals.".into(),
            },
            NoteSection {
                heading: "Diet".into(),
                body: "Started bone broth but forgets it; asked about her leaky gut.".into(),
            },
        ],
        true,
    )
    .unwrap();
    rate_first_symptom(&db, her.id, &[(22, 3), (15, 4), (8, 4), (1, 8)]);
}

#[tokio::test]
async fn the_top_suggestion_for_her_goes_into_a_new_handout() {
    let data = tempfile::tempdir().unwrap();
    let saves = tempfile::tempdir().unwrap();
    seed(data.path(), true);
    let (_driver, app) =
        Driver::open(data.path(), &[("COACHDESK_TEST_SAVE_DIR", saves.path())]).await;
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    let based_on = app
        .wait_for_text("suggestions-based-on", |t| !t.is_empty())
        .await;
    for what in [
        "her last note",
        "her Elimination phase",
        "her fatigue is getting worse",
    ] {
        assert!(based_on.contains(what), "{what} missing from {based_on:?}");
    }
    let items = app.texts("suggestion").await;
    assert!(items.len() >= 3, "{items:?}");
    assert!(
        items
            .iter()
            .any(|i| i.contains("bone broth") && i.contains("from her last note")),
        "no suggestion says it mentions bone broth from her last note: {items:?}"
    );
    assert!(
        items
            .iter()
            .any(|i| i.contains("as her fatigue is getting worse")),
        "no suggestion for her rising fatigue: {items:?}"
    );
    app.scroll_to("suggestions").await;
    app.screenshot("100-suggestions").await;

    let top = app.texts("suggestion-heading").await[0].clone();
    // Her prep sheet offers the same best sections, with their reasons.
    app.click("client-prep").await;
    app.wait_for_text("prep-suggested", |t| {
        t.contains(&top) && t.contains("Mentions")
    })
    .await;
    app.click("prep-export").await;
    let sheet = app.saved_into(saves.path()).await;
    assert_eq!(sheet.len(), 1, "{sheet:?}");
    check_pdf(
        &sheet[0],
        &[
            "Before your call with Renée Côté",
            "Suggested from your articles",
            &top,
        ],
    );
    let screens = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screens");
    std::fs::create_dir_all(&screens).unwrap();
    std::fs::copy(&sheet[0], screens.join("prep-sheet-suggested.pdf")).unwrap();
    app.click("prep-back").await;

    // One click: a new handout for her, starting with that section. Her page settles first
    // (its panels load one by one and grow, which can move the link from under a click).
    app.wait_for_text("suggestions-based-on", |t| t.contains("her last note"))
        .await;
    app.click("suggestion-add").await;
    app.wait_for_text("handout-preview", |t| {
        t.contains(&top) && t.contains("Renée Côté")
    })
    .await;
    app.screenshot("101-suggestion-in-handout").await;
    app.click("handout-export").await;
    let mut saved = Vec::new();
    for _ in 0..100 {
        saved = files_in(saves.path());
        saved.retain(|p| !sheet.contains(p));
        if !saved.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(saved.len(), 1, "{saved:?}");
    check_pdf(&saved[0], &["Prepared for Renée Côté", &top]);
    app.quit().await;
}

#[tokio::test]
async fn an_empty_library_says_how_to_import_and_no_printer_offers_export() {
    let data = tempfile::tempdir().unwrap();
    let saves = tempfile::tempdir().unwrap();
    seed(data.path(), false);
    let (_driver, app) = Driver::open(
        data.path(),
        &[
            ("COACHDESK_TEST_SAVE_DIR", saves.path()),
            ("COACHDESK_TEST_PRINTER", Path::new("No-Such-Printer")),
        ],
    )
    .await;
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    let empty = app
        .wait_for_text("suggestions-empty-library", |t| !t.is_empty())
        .await;
    assert!(empty.contains("Import your blog articles"), "{empty}");

    // No printer: the reason, and the same PDF saved instead in one click.
    app.click("client-prep").await;
    app.wait_for_text("prep-suggested", |t| t.contains("Nothing to suggest yet"))
        .await;
    app.click("prep-print").await;
    let said = app
        .wait_for_any_text("toast", |t| t.to_lowercase().contains("printer"))
        .await;
    app.screenshot("102-no-printer").await;
    assert!(!said.contains("sent to the printer"), "{said}");
    app.click("toast-action").await;
    let saved = app.saved_into(saves.path()).await;
    assert_eq!(saved.len(), 1, "{saved:?}");
    check_pdf(&saved[0], &["Before your call with Renée Côté"]);
    app.quit().await;
}
