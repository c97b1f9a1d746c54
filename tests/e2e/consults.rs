//! Issue #3's journeys: a free consult call from booking to notes, the dashboard, search and
//! revision history, and notes that survive the window closing mid-sentence.

use crate::harness::App;
use crate::journeys::{after_first_run, create_client};

const RENEE: &str = "Renée Côté";

fn local_date(days_from_today: i64) -> String {
    (chrono::Local::now().date_naive() + chrono::Duration::days(days_from_today))
        .format("%Y-%m-%d")
        .to_string()
}

/// Books a consult from the client's page and waits for the consult page.
pub(crate) async fn book_free_consult(app: &App) {
    app.click("book-consult").await;
    app.select("consult-kind", "free_consult").await;
    let date = app.wait_for("consult-date").await;
    app.paste(&date, &local_date(0)).await;
    let time = app.wait_for("consult-time").await;
    app.paste(&time, "23:30").await;
    app.screenshot("20-book-consult").await;
    app.click("consult-book-submit").await;
    app.wait_for_text("consult-heading", |t| {
        t.contains("Free consult call") && t.contains(RENEE)
    })
    .await;
}

/// A new practice with Renée, and a free consult call booked for her, open on its page.
async fn open_a_new_consult(app: &App) {
    create_client(app, RENEE, "", &[]).await;
    book_free_consult(app).await;
}

#[tokio::test]
async fn a_free_consult_from_booking_to_active_client_with_search_and_revisions() {
    let saves = tempfile::tempdir().unwrap();
    let (_data, _driver, app) = after_first_run(&[("COACHDESK_TEST_SAVE_DIR", saves.path())]).await;
    create_client(&app, RENEE, "renee@example.com", &["AIP"]).await;

    // Book a free consult call for the lead.
    book_free_consult(&app).await;

    // Discovery notes, autosaved; leaving a section closes a revision.
    app.fill(
        "note-section-0",
        "Wants steady energy to keep up with her grandchildren",
    )
    .await;
    app.click("note-section-1").await;
    app.fill("note-section-1", "Ready to try the elimination phase")
        .await;
    app.click("note-section-2").await;
    app.wait_for_text("note-save-state", |t| t.contains("Saved"))
        .await;
    app.select("consult-status-select", "completed").await;
    app.wait_for_text("revisions", |t| t.contains("Current"))
        .await;
    assert!(
        app.all("revision-item").await.len() >= 2,
        "two revisions were written"
    );
    app.screenshot("21-consult-notes").await;

    // Export it to the calendar (the save dialog is answered by the test seam).
    app.click("export-ics").await;
    let files = app.saved_into(saves.path()).await;
    assert_eq!(files.len(), 1);
    assert!(std::fs::read_to_string(&files[0])
        .unwrap()
        .contains("BEGIN:VEVENT"));

    // Convert the lead to Active and add a follow-up due tomorrow.
    app.click("consult-client-link").await;
    app.wait_for_text("client-heading", |t| t.contains(RENEE))
        .await;
    app.select("client-status-select", "active").await;
    app.wait_for_text("client-status-badge", |t| t == "Active")
        .await;
    app.fill("follow-up-title", "Send the AIP starter guide")
        .await;
    let due = app.wait_for("follow-up-due").await;
    app.paste(&due, &local_date(1)).await;
    app.click("follow-up-add").await;
    app.wait_for_text("follow-up-item", |t| {
        t.contains("Send the AIP starter guide")
    })
    .await;
    app.wait_for_text("timeline", |t| {
        t.contains("Status changed from Consult booked to Active")
            && t.contains("Free consult call completed")
    })
    .await;
    app.screenshot("22-client-with-consult").await;

    // The dashboard shows today's consult and the follow-up.
    app.click("nav-dashboard").await;
    app.wait_for_text("dash-followups", |t| {
        t.contains("Send the AIP starter guide")
    })
    .await;
    app.wait_for_text("dash-today", |t| t.contains(RENEE)).await;
    app.screenshot("23-dashboard").await;

    // Ctrl+K finds a phrase from the notes and opens the consult.
    app.press_ctrl('k').await;
    app.fill("search-input", "grandchildren").await;
    app.wait_for_text("search-result", |t| t.contains("Free consult call"))
        .await;
    app.screenshot("24-search").await;
    app.press(&app.all("search-result").await[0]).await;
    app.wait_for_text("consult-heading", |t| t.contains(RENEE))
        .await;

    // Restore the earlier revision: the second section goes back to empty.
    assert_eq!(
        app.value("note-section-1").await,
        "Ready to try the elimination phase"
    );
    let items = app.all("revision-restore").await;
    app.press(items.last().unwrap()).await;
    app.wait_for_any_text("toast", |t| t.contains("restored"))
        .await;
    assert_eq!(app.value("note-section-1").await, "");
    assert_eq!(
        app.value("note-section-0").await,
        "Wants steady energy to keep up with her grandchildren"
    );
    app.screenshot("25-revision-restored").await;
    app.quit().await;
}

#[tokio::test]
async fn notes_typed_just_before_the_window_closes_are_kept() {
    let (_data, driver, app) = after_first_run(&[]).await;
    open_a_new_consult(&app).await;
    let text = "Typed in a hurry, the window closes right after this";
    app.fill("note-section-0", text).await;
    // The window closes a quarter of a second after the last keystroke, sooner than a hand
    // can reach the close button, and before the page says "Saved": every keystroke is sent
    // at once, not after a pause. (Ending the session kills the app outright, which no
    // window close does; with no gap at all, a keystroke still in the IPC queue is lost.)
    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    app.quit().await;

    let app = driver.open_app().await;
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.press(&app.wait_for("consult-row").await).await;
    app.wait_for_text("consult-heading", |t| t.contains(RENEE))
        .await;
    assert_eq!(app.value("note-section-0").await, text);
    app.quit().await;
}

/// A save the app refuses (a section over 100,000 characters) shows a banner with the reason
/// and keeps every character on the page; leaving asks first; once fixed, it saves and the
/// banner goes.
#[tokio::test]
async fn a_refused_autosave_shows_a_banner_keeps_the_text_and_asks_before_leaving() {
    let (_data, _driver, app) = after_first_run(&[]).await;
    open_a_new_consult(&app).await;

    let huge = format!("Zoë 🌿 {}", "a".repeat(100_000));
    let field = app.wait_for("note-section-0").await;
    app.paste(&field, &huge).await;
    let banner = app
        .wait_for_text("note-save-failed", |t| !t.is_empty())
        .await;
    assert!(banner.contains("not saved"), "{banner}");
    assert!(banner.contains("100000 characters"), "{banner}");
    app.screenshot("26-note-save-refused").await;

    // Leaving asks first; staying keeps every character.
    app.click("nav-clients").await;
    app.wait_dialog("leave-dialog", true).await;
    app.screenshot("27-note-leave-asks").await;
    app.click("leave-stay").await;
    app.wait_dialog("leave-dialog", false).await;
    assert_eq!(app.value("note-section-0").await, huge);

    // Shortened: it saves, the banner goes, and leaving no longer asks.
    let field = app.wait_for("note-section-0").await;
    app.paste(&field, "Zoë 🌿 shortened").await;
    app.wait_for_text("note-save-state", |t| t.contains("Saved"))
        .await;
    app.wait_gone("note-save-failed").await;
    app.go("nav-clients", "client-row").await;
    app.quit().await;
}
