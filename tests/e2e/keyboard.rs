//! Issue #14's keyboard-only journey: with no mouse at all, only Tab, Enter and typed text
//! (WebDriver key actions, as a keyboard sends them), she creates a client, books a consult,
//! writes her notes and exports a handout, then opens the shortcut sheet with `?`. Every
//! control is reached by Tab from where the last step left the focus, so a control Tab never
//! reaches fails the test.

use std::path::Path;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};

use crate::handouts::check_pdf;
use crate::harness::{App, Driver};

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const ESCAPE: char = '\u{E00C}';
/// More presses than any screen needs to reach a control from the sidebar.
const MOST_TABS: usize = 90;

/// Presses and releases each key in turn, as a keyboard does.
async fn keys(app: &App, text: &str) {
    let mut actions = KeyActions::new("keyboard".into());
    for value in text.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    app.client.perform_actions(actions).await.unwrap();
}

async fn focused(app: &App) -> String {
    app.client
        .execute(
            "const e = document.activeElement; return e ? (e.getAttribute('data-testid') || '') : '';",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Presses Tab until the control `testid` has the focus.
async fn tab_to(app: &App, testid: &str) {
    // The control may still be on its way (a screen loading, a dialog opening).
    app.wait_for(testid).await;
    for _ in 0..MOST_TABS {
        if focused(app).await == testid {
            return;
        }
        keys(app, &TAB.to_string()).await;
    }
    app.screenshot(&format!("failed-tab-to-{testid}")).await;
    panic!("Tab never reached {testid}");
}

/// Tab to a button or link and press Enter.
async fn press(app: &App, testid: &str) {
    tab_to(app, testid).await;
    keys(app, &ENTER.to_string()).await;
}

/// Tab to a field and type into it.
async fn type_into(app: &App, testid: &str, text: &str) {
    tab_to(app, testid).await;
    keys(app, text).await;
}

#[tokio::test]
async fn a_client_a_consult_her_notes_and_a_handout_with_the_keyboard_only() {
    let data = tempfile::tempdir().unwrap();
    let saves = tempfile::tempdir().unwrap();
    crate::journeys::new_practice(data.path());
    let (_driver, app) = Driver::open(
        data.path(),
        &[("COACHDESK_TEST_SAVE_DIR", Path::new(saves.path()))],
    )
    .await;
    app.wait_for("sidebar-practice-name").await;

    // A new client.
    press(&app, "nav-clients").await;
    press(&app, "new-client").await;
    type_into(&app, "client-name", "Zoë Ward").await;
    type_into(&app, "client-email", "zoe@example.com").await;
    press(&app, "client-save").await;
    app.wait_for_text("client-heading", |t| t.contains("Zoë Ward"))
        .await;

    // A consult booked for her (the form's own date and time: the next free hour).
    press(&app, "book-consult").await;
    press(&app, "consult-book-submit").await;
    app.wait_for_text("consult-heading", |t| t.contains("Zoë Ward"))
        .await;

    // Her notes, saved as she types.
    type_into(
        &app,
        "note-section-0",
        "Tired by 3 pm; trying broth at lunch.",
    )
    .await;
    keys(&app, &TAB.to_string()).await;
    app.wait_for_text("note-save-state", |t| t.contains("Saved"))
        .await;

    // A handout for her, exported.
    press(&app, "consult-client-link").await;
    app.wait_for_text("client-heading", |t| t.contains("Zoë Ward"))
        .await;
    press(&app, "client-new-handout").await;
    type_into(&app, "handout-title", "Your broth week").await;
    type_into(
        &app,
        "block-intro-text",
        "Zoë, a mug of broth with lunch every day.",
    )
    .await;
    app.wait_for_text("handout-preview", |t| t.contains("a mug of broth"))
        .await;
    app.screenshot("117-keyboard-only-composer").await;
    press(&app, "handout-export").await;
    let saved = app.saved_into(saves.path()).await;
    assert_eq!(saved.len(), 1, "{saved:?}");
    check_pdf(
        &saved[0],
        &[
            "Your broth week",
            "Prepared for Zoë Ward",
            "Zoë, a mug of broth with lunch every day.",
        ],
    );

    // `?` lists the shortcuts; Escape closes the list.
    keys(&app, "?").await;
    app.wait_dialog("shortcut-sheet", true).await;
    app.screenshot("118-shortcut-sheet").await;
    keys(&app, &ESCAPE.to_string()).await;
    app.wait_dialog("shortcut-sheet", false).await;
    app.quit().await;
}
