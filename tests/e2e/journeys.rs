//! The coach's journeys through the real window, as issue #2 names them.

use std::path::Path;

use crate::harness::{App, Driver, ENTER};

const RENEE: &str = "Renée Côté";
const ZOE: &str = "Zoë 李小龙 🌿";
const BOBBY: &str = "Robert'); DROP TABLE clients;--";

/// A practice made in `dir` before the app starts (Gut & Glow Coaching, Marie-Ève Laurent),
/// as the first run would make it; the store, to add records to.
pub fn new_practice(dir: &std::path::Path) -> coachdesk_core::db::Db {
    let db = coachdesk_core::db::Db::open(&dir.join(coachdesk_core::db::DATABASE_FILE)).unwrap();
    coachdesk_core::practice::create(
        &db,
        &coachdesk_core::practice::FirstRunInput {
            practice_name: "Gut & Glow Coaching".into(),
            coach_name: "Marie-Ève Laurent".into(),
        },
    )
    .unwrap();
    db
}

/// A new data folder with the app's window open on it, past the first run (see `first_run`).
pub async fn after_first_run(extra_env: &[(&str, &Path)]) -> (tempfile::TempDir, Driver, App) {
    let data = tempfile::tempdir().unwrap();
    let (driver, app) = Driver::open(data.path(), extra_env).await;
    first_run(&app).await;
    (data, driver, app)
}

pub async fn first_run(app: &App) {
    app.wait_for("firstrun-practice-name").await;
    app.screenshot("01-first-run").await;
    app.fill("firstrun-practice-name", "Gut & Glow Coaching")
        .await;
    app.fill("firstrun-coach-name", "Marie-Ève Laurent").await;
    app.click("firstrun-submit").await;
    // Encryption is offered next (tests/e2e/encryption.rs takes it); here she starts without.
    app.click("firstrun-skip-encryption").await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
}

pub async fn create_client(app: &App, name: &str, email: &str, tags: &[&str]) {
    app.go("nav-clients", "new-client").await;
    app.click("new-client").await;
    app.fill("client-name", name).await;
    app.fill("client-email", email).await;
    let tag_input = app.wait_for("client-tags").await;
    for tag in tags {
        app.paste(&tag_input, tag).await;
        tag_input.send_keys(ENTER).await.unwrap();
    }
    app.click("client-save").await;
    app.wait_for_text("client-heading", |t| t.contains(name))
        .await;
}

async fn row_names(app: &App) -> Vec<String> {
    app.texts("client-row-name").await
}

/// Waits until the client list shows exactly these names (first line of each row).
pub async fn wait_for_rows(app: &App, expected: &[&str]) {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let names = row_names(app).await;
        let firsts: Vec<&str> = names
            .iter()
            .map(|n| n.lines().next().unwrap_or(""))
            .collect();
        if firsts == expected {
            return;
        }
        if tokio::time::Instant::now() >= deadline {
            app.screenshot("failed-wait-for-rows").await;
            panic!("rows {firsts:?}, expected {expected:?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

fn write_logo(dir: &Path) -> std::path::PathBuf {
    // A real 2x2 PNG (teal pixels, checksums right: the logo is decoded when she chooses it),
    // written byte by byte.
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD,
        0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0xD0,
        0xCF, 0x4F, 0x02, 0x22, 0x06, 0x08, 0x05, 0x00, 0x1B, 0x42, 0x04, 0x01, 0xD5, 0x5B, 0xAD,
        0x9E, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    let path = dir.join("gut-and-glow-logo.png");
    std::fs::write(&path, PNG).unwrap();
    path
}

#[tokio::test]
async fn first_run_clients_archive_restore_settings_and_restart() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let logo = write_logo(files.path());
    let (driver, app) = Driver::open(data.path(), &[("COACHDESK_TEST_OPEN_FILE", &logo)]).await;

    // First run fills the practice profile.
    first_run(&app).await;
    app.wait_for("dashboard").await;
    app.click("nav-clients").await;
    app.wait_for("empty-state").await;
    app.screenshot("02-clients-empty").await;

    // Create Renée with tags; the form is looked at before saving.
    app.click("new-client").await;
    app.fill("client-name", RENEE).await;
    app.fill("client-email", "renee@example.com").await;
    app.select("client-msType", "rrms").await;
    app.fill("client-diagnosisYear", "2019").await;
    let tag_input = app.wait_for("client-tags").await;
    tag_input.send_keys(&format!("AIP{ENTER}")).await.unwrap();
    tag_input.send_keys(&format!("RRMS{ENTER}")).await.unwrap();
    let goals = "Steady energy through the afternoon; “calm” gut — café-free";
    app.fill("client-goals", goals).await;
    assert_eq!(app.value("client-goals").await, goals);
    app.screenshot("03-client-form").await;
    app.click("client-save").await;
    app.wait_for_text("client-heading", |t| t.contains(RENEE))
        .await;
    assert_eq!(app.texts("tag-chip").await, ["AIP", "RRMS"]);
    app.screenshot("04-client-page").await;

    // Awkward names are stored and shown exactly.
    create_client(&app, ZOE, "", &["gut 🌱"]).await;
    create_client(&app, BOBBY, "bobby@example.com", &[]).await;

    // Typing "ren" finds her, and only her.
    app.click("nav-clients").await;
    wait_for_rows(&app, &[RENEE, BOBBY, ZOE]).await;
    app.screenshot("05-clients-list").await;
    app.fill("client-search", "ren").await;
    wait_for_rows(&app, &[RENEE]).await;
    app.screenshot("06-search-ren").await;
    app.fill("client-search", "李小").await;
    wait_for_rows(&app, &[ZOE]).await;
    app.fill("client-search", "drop table").await;
    wait_for_rows(&app, &[BOBBY]).await;

    // Change her status to Active; the timeline records it.
    app.fill("client-search", "ren").await;
    wait_for_rows(&app, &[RENEE]).await;
    app.press(&app.all("client-row").await[0]).await;
    app.wait_for_text("client-heading", |t| t.contains(RENEE))
        .await;
    app.select("client-status-select", "active").await;
    app.wait_for_text("client-status-badge", |t| t == "Active")
        .await;
    app.wait_for_text("timeline", |t| {
        t.contains("Status changed from Lead to Active")
    })
    .await;

    // Archive: she leaves the current list and appears under "Show archived"; then restore.
    app.click("client-archive").await;
    app.wait_for("archived-banner").await;
    app.screenshot("07-client-archived").await;
    app.click("nav-clients").await;
    app.fill("client-search", "").await;
    wait_for_rows(&app, &[BOBBY, ZOE]).await;
    app.click("show-archived").await;
    wait_for_rows(&app, &[RENEE]).await;
    app.press(&app.all("client-row").await[0]).await;
    app.click("client-restore").await;
    app.wait_gone("archived-banner").await;
    app.wait_for_text("timeline", |t| t.contains("Restored"))
        .await;
    app.click("nav-clients").await;
    let archived_toggle = app.wait_for("show-archived").await;
    if archived_toggle.prop("checked").await.unwrap().as_deref() == Some("true") {
        app.press(&archived_toggle).await;
    }

    wait_for_rows(&app, &[RENEE, BOBBY, ZOE]).await;

    // Settings: the rest of the profile and a logo (the open dialog answered by the test seam).
    app.click("nav-settings").await;
    app.fill("settings-tagline", "Healing MS from the inside out")
        .await;
    app.fill("settings-bookingUrl", "www.example.com/free-consult")
        .await;
    app.click("settings-paperSize-a4").await;
    // Typographic quotes are on by default; she turns them off.
    let quotes = app.wait_for("settings-typographic-quotes").await;
    assert_eq!(quotes.prop("checked").await.unwrap(), Some("true".into()));
    app.press(&quotes).await;
    app.click("settings-save").await;
    app.wait_for_any_text("toast", |t| t.contains("Settings saved"))
        .await;
    app.click("settings-pick-logo").await;
    app.wait_for("logo-preview").await;
    app.screenshot("08-settings").await;
    assert_eq!(
        app.value("settings-bookingUrl").await,
        "https://www.example.com/free-consult"
    );
    app.quit().await;

    // Quit and start again on the same data folder: everything is still there.
    let app = driver.open_app().await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &[RENEE, BOBBY, ZOE]).await;
    app.screenshot("09-after-restart").await;
    app.fill("client-search", "renee").await;
    wait_for_rows(&app, &[RENEE]).await;
    app.press(&app.all("client-row").await[0]).await;
    app.wait_for_text("client-status-badge", |t| t == "Active")
        .await;
    assert_eq!(app.texts("tag-chip").await, ["AIP", "RRMS"]);
    app.wait_for_text("timeline", |t| {
        t.contains("Restored") && t.contains("Archived")
    })
    .await;
    app.click("nav-settings").await;
    assert_eq!(
        app.value("settings-tagline").await,
        "Healing MS from the inside out"
    );
    app.wait_for("logo-preview").await;
    let quotes = app.wait_for("settings-typographic-quotes").await;
    assert_eq!(quotes.prop("checked").await.unwrap(), Some("false".into()));
    app.quit().await;
}

#[tokio::test]
async fn invalid_input_shows_inline_errors_and_saves_nothing() {
    let data = tempfile::tempdir().unwrap();
    let (_driver, app) = Driver::open(data.path(), &[]).await;

    // The first run refuses empty names next to the fields.
    app.wait_for("firstrun-submit").await;
    app.click("firstrun-submit").await;
    app.wait_for_text("error-practiceName", |t| t.contains("practice name"))
        .await;
    first_run(&app).await;

    app.click("nav-clients").await;
    app.click("new-client").await;
    app.fill("client-name", ZOE).await;
    app.fill("client-email", "zoe-at-example").await;
    app.click("client-save").await;
    app.wait_for_text("error-email", |t| t.contains("doesn't look right"))
        .await;
    app.wait_for("form-error").await;
    app.screenshot("10-invalid-email").await;
    assert_eq!(
        app.value("client-email").await,
        "zoe-at-example",
        "what she typed is kept"
    );

    // A 10,000-character name (pasted, not typed) is refused with a clear message.
    app.fill("client-email", "").await;
    let name = app.wait_for("client-name").await;
    app.paste(&name, &"A".repeat(10_000)).await;
    app.click("client-save").await;
    app.wait_for_text("error-name", |t| t.contains("at most 200 characters"))
        .await;
    app.screenshot("11-name-too-long").await;

    // Nothing was saved.
    app.click("client-cancel").await;
    app.click("nav-clients").await;
    app.wait_for("empty-state").await;
    assert!(app.all("client-row").await.is_empty());
    app.quit().await;
}

#[tokio::test]
async fn erasing_a_client_needs_her_name_typed_exactly() {
    let (data, _driver, app) = after_first_run(&[]).await;
    create_client(&app, ZOE, "zoe-erased@example.com", &["AIP"]).await;
    // A backup holds her too.
    app.go("nav-settings", "backup-now").await;
    app.scroll_to("backup-now").await;
    app.click("backup-now").await;
    app.wait_for_text("backup-last", |t| t.starts_with("Last backup: Today"))
        .await;
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;

    app.click("client-erase").await;
    app.fill("erase-confirm-input", "Zoe").await;
    let confirm = app.wait_for("erase-confirm-button").await;
    assert_eq!(
        confirm.prop("disabled").await.unwrap().as_deref(),
        Some("true")
    );
    let held = app.wait_for_text("erase-backups", |t| !t.is_empty()).await;
    assert!(held.contains("1 backup made since she was added"), "{held}");
    app.screenshot("12-erase-dialog").await;
    // Her name in another case, and without its accent, is her name.
    app.fill("erase-confirm-input", "zoe 李小龙 🌿").await;
    assert_eq!(
        confirm.prop("disabled").await.unwrap().as_deref(),
        Some("false")
    );
    app.press(&confirm).await;
    app.wait_for_any_text("toast", |t| t.contains("taken out of 1 backup"))
        .await;
    app.click("nav-clients").await;
    app.wait_for("empty-state").await;
    assert!(app.all("client-row").await.is_empty());
    app.quit().await;

    // The backup no longer holds her.
    let backups: Vec<_> = std::fs::read_dir(data.path().join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&backups[0]).unwrap()).unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("coachdesk.db").unwrap(), &mut bytes).unwrap();
    let email = b"zoe-erased@example.com";
    assert!(!bytes.windows(email.len()).any(|w| w == email));
}

#[tokio::test]
async fn data_from_a_newer_coachdesk_is_refused_with_a_clear_message() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join(coachdesk_core::db::DATABASE_FILE);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE from_the_future (x TEXT); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let (_driver, app) = Driver::open(data.path(), &[]).await;
    app.wait_for_text("app-error", |t| t.contains("newer version of CoachDesk"))
        .await;
    app.screenshot("13-newer-database").await;
    app.quit().await;
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is left untouched"
    );
}

/// Leaving an edited client form asks first; staying keeps the typing, leaving drops it.
#[tokio::test]
async fn leaving_an_edited_client_form_asks_first() {
    let (_data, _driver, app) = after_first_run(&[]).await;
    create_client(&app, RENEE, "renee@example.com", &[]).await;
    app.click("client-edit").await;
    app.fill("client-phone", "+1 555 0199").await;

    app.click("nav-clients").await;
    app.wait_dialog("leave-dialog", true).await;
    app.screenshot("76-leave-without-saving").await;
    app.click("leave-stay").await;
    app.wait_dialog("leave-dialog", false).await;
    assert_eq!(app.value("client-phone").await, "+1 555 0199");

    app.click("nav-clients").await;
    app.click("leave-discard").await;
    wait_for_rows(&app, &[RENEE]).await;
    app.press(&app.all("client-row").await[0]).await;
    app.click("client-edit").await;
    for _ in 0..100 {
        if app.value("client-name").await == RENEE {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.value("client-name").await, RENEE);
    assert_eq!(
        app.value("client-phone").await,
        "",
        "the typing was dropped"
    );
    // Nothing typed yet: moving away does not ask.
    app.go("nav-dashboard", "dashboard").await;
    app.quit().await;
}
