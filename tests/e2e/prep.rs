//! Issue #12's journeys: a client's prep sheet opened from the dashboard, checked against what
//! the journey entered, printed to the CUPS-PDF printer and saved; a handout printed from the
//! composer, the printed PDF read back and the handout on her timeline.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::consults::book_free_consult;
use crate::handouts::check_pdf;
use crate::harness::{files_in, App, Driver};
use crate::journeys::{create_client, first_run};

/// The CUPS-PDF printer `make test` sets up (.ci/cups-pdf-printer).
const PRINTER: &str = "CoachDesk-PDF";

/// Where CUPS-PDF writes what the printing user prints.
fn printed_dir() -> PathBuf {
    Path::new(&std::env::var("HOME").unwrap()).join("PDF")
}

/// Waits for the PDF CUPS-PDF writes for a job sent after `before` was listed.
async fn printed_after(before: &[PathBuf]) -> PathBuf {
    for _ in 0..300 {
        if let Some(new) = files_in(&printed_dir())
            .into_iter()
            .find(|p| !before.contains(p) && std::fs::metadata(p).is_ok_and(|m| m.len() > 1000))
        {
            // CUPS-PDF writes it in one go, but give it a moment to finish.
            tokio::time::sleep(Duration::from_millis(500)).await;
            return new;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("CUPS-PDF wrote nothing in {}", printed_dir().display());
}

fn text_of(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn in_order(text: &str, phrases: &[&str]) {
    let mut at = 0;
    for phrase in phrases {
        let found = text[at..]
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} is missing or out of order in:\n{text}"));
        at += found + phrase.len();
    }
}

async fn start(saves: &Path) -> (tempfile::TempDir, Driver) {
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(
        data.path(),
        &[
            ("COACHDESK_TEST_SAVE_DIR", saves),
            ("COACHDESK_TEST_PRINTER", Path::new(PRINTER)),
        ],
    );
    (data, driver)
}

async fn write_note_and_follow_up(app: &App) {
    app.fill("note-section-0", "Tired by 3 pm, sleeping badly")
        .await;
    app.click("note-section-1").await;
    app.wait_for_text("note-save-state", |t| t.contains("Saved"))
        .await;
    app.click("consult-client-link").await;
    app.wait_for_text("client-heading", |t| t.contains("Renée"))
        .await;
    app.fill("follow-up-title", "Send the broth recipe").await;
    app.click("follow-up-add").await;
    app.wait_for_text("follow-up-item", |t| t.contains("Send the broth recipe"))
        .await;
}

#[tokio::test]
async fn the_prep_sheet_from_the_dashboard_printed_and_saved() {
    let saves = tempfile::tempdir().unwrap();
    let (_data, driver) = start(saves.path()).await;
    let app = driver.open_app().await;
    first_run(&app).await;
    create_client(&app, "Renée Côté", "", &[]).await;
    book_free_consult(&app).await;
    write_note_and_follow_up(&app).await;

    app.click("nav-dashboard").await;
    app.wait_for_text("dash-today", |t| t.contains("Renée Côté"))
        .await;
    app.click("dash-prep").await;
    app.wait_for_text("prep-title", |t| t == "Before your call with Renée Côté")
        .await;
    app.wait_for_text("prep-last-consult", |t| {
        t.contains("Free consult call") && t.contains("Tired by 3 pm, sleeping badly")
    })
    .await;
    app.wait_for_text("prep-follow-ups", |t| t.contains("Send the broth recipe"))
        .await;
    app.wait_for_text("prep-protocol", |t| t.contains("No protocol yet."))
        .await;
    app.wait_for_text("prep-trends", |t| t.contains("No check-ins yet."))
        .await;
    app.screenshot("99-prep-sheet").await;

    let before = files_in(&printed_dir());
    app.click("prep-print").await;
    app.wait_for_any_text("toast", |t| {
        t.contains("The prep sheet sent to the printer")
    })
    .await;
    let printed = printed_after(&before).await;
    in_order(
        &text_of(&printed),
        &[
            "Before your call with Renée Côté",
            "Last consult",
            "Tired by 3 pm, sleeping badly",
            "Open follow-ups",
            "Send the broth recipe",
            "No protocol yet.",
        ],
    );

    app.click("prep-export").await;
    let saved = app.saved_into(saves.path()).await;
    assert_eq!(saved.len(), 1, "{saved:?}");
    check_pdf(
        &saved[0],
        &[
            "Before your call with Renée Côté",
            "Tired by 3 pm",
            "Send the broth recipe",
        ],
    );
}

#[tokio::test]
async fn a_handout_printed_from_the_composer_is_on_her_timeline() {
    let saves = tempfile::tempdir().unwrap();
    let (_data, driver) = start(saves.path()).await;
    let app = driver.open_app().await;
    first_run(&app).await;
    create_client(&app, "Renée Côté", "", &[]).await;
    app.click("client-new-handout").await;
    app.fill("handout-title", "Your broth week").await;
    app.fill(
        "block-intro-text",
        "Renée, here is the plan: **broth** every morning, a *walk* after lunch.",
    )
    .await;
    app.wait_for_text("handout-preview", |t| t.contains("broth every morning"))
        .await;
    // The preview styles the text as core parsed it for the PDF: bold, then italic.
    let styled = app
        .client
        .execute(
            "const p = document.querySelector('[data-testid=handout-preview]'); \
             return [p.querySelector('strong')?.textContent, p.querySelector('em')?.textContent];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(styled, serde_json::json!(["broth", "walk"]));
    let before = files_in(&printed_dir());
    app.click("handout-print").await;
    app.wait_for_any_text("toast", |t| t.contains("sent to the printer"))
        .await;
    let printed = printed_after(&before).await;
    in_order(
        &text_of(&printed),
        &[
            "Gut & Glow Coaching",
            "Your broth week",
            "Prepared for Renée Côté",
            "Renée, here is the plan: broth every morning, a walk after lunch.",
        ],
    );
    app.screenshot("99b-handout-printed").await;
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.wait_for_text("timeline", |t| t.contains("Handout given: Your broth week"))
        .await;
}
