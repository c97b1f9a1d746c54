//! Encryption at rest through the window: a first run with a passphrase and the recovery sheet;
//! quit and start again on the lock screen (a wrong passphrase, then the right one); the idle
//! lock; encryption turned on for a practice that has records, every one of them still there,
//! and the recovery key opening it.

use std::path::Path;

use crate::handouts::check_pdf;
use crate::harness::{App, Driver};
use crate::journeys::{create_client, wait_for_rows};

const PASSPHRASE: &str = "lake walks at dawn";

fn is_plain_sqlite(file: &Path) -> bool {
    std::fs::read(file)
        .unwrap()
        .starts_with(b"SQLite format 3\0")
}

/// The lock screen shows CoachDesk's name only: nothing of her practice is in the page.
async fn assert_nothing_of_hers_shows(app: &App, words: &[&str]) {
    let page = app.client.source().await.unwrap();
    for word in words {
        assert!(!page.contains(word), "{word} shows on the lock screen");
    }
}

async fn unlock_with(app: &App, secret: &str) {
    app.fill("unlock-passphrase", secret).await;
    app.click("unlock-submit").await;
}

#[tokio::test]
async fn first_run_with_a_passphrase_then_the_lock_screen_the_recovery_sheet_and_the_idle_lock() {
    let data = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let (driver, app) = Driver::open(data.path(), &[("COACHDESK_TEST_SAVE_DIR", out.path())]).await;
    app.fill("firstrun-practice-name", "Gut & Glow Coaching")
        .await;
    app.fill("firstrun-coach-name", "Marie-Ève Laurent").await;
    app.click("firstrun-submit").await;
    app.wait_for("firstrun-protect").await;
    app.screenshot("84-first-run-protect").await;
    app.fill("encryption-passphrase", PASSPHRASE).await;
    app.fill("encryption-passphrase-repeat", "lake walks at noon")
        .await;
    app.click("encryption-turn-on-submit").await;
    app.wait_for_text("firstrun-protect", |t| t.contains("not the same"))
        .await;
    app.fill("encryption-passphrase-repeat", PASSPHRASE).await;
    app.click("encryption-turn-on-submit").await;
    let key = app
        .wait_for_text("encryption-recovery-key", |t| t.len() == 29)
        .await;
    app.screenshot("85-recovery-key").await;
    app.click("encryption-save-sheet").await;
    app.wait_for("encryption-sheet-saved").await;
    let sheet = out.path().join("CoachDesk recovery key.pdf");
    check_pdf(
        &sheet,
        &[
            "Your CoachDesk recovery key",
            &key,
            "Gut & Glow Coaching",
            "Without your passphrase or this recovery key, nobody can open your practice",
        ],
    );
    app.click("encryption-recovery-done").await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    create_client(&app, "Renée Côté", "renee@example.com", &[]).await;
    app.quit().await;
    drop(driver);
    assert!(data.path().join("keys.json").is_file());
    assert!(!is_plain_sqlite(&data.path().join("coachdesk.db")));

    // Start again: the lock screen, a wrong passphrase told in words, then the right one.
    let (_driver, app) = Driver::open(data.path(), &[]).await;
    app.wait_for("unlock").await;
    assert_nothing_of_hers_shows(&app, &["Gut &amp; Glow", "Renée", "Marie-Ève"]).await;
    app.screenshot("86-unlock").await;
    unlock_with(&app, "lake walks at dusk").await;
    let told = app.wait_for_text("unlock-problem", |t| !t.is_empty()).await;
    assert!(told.contains("does not open this practice"), "{told}");
    app.screenshot("87-unlock-wrong").await;
    unlock_with(&app, PASSPHRASE).await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Renée Côté"]).await;

    // The idle lock: one minute without a key press or a click.
    app.go("nav-settings", "encryption-idle").await;
    app.scroll_to("encryption-idle").await;
    app.select("encryption-idle", "1").await;
    app.wait_for_any_text("toast", |t| t.contains("lock after 1 minute"))
        .await;
    app.screenshot("88-encryption-settings").await;
    tokio::time::sleep(std::time::Duration::from_secs(63)).await;
    app.wait_for("unlock").await;
    let phase = app
        .wait_for("app-ready")
        .await
        .attr("data-phase")
        .await
        .unwrap();
    assert_eq!(phase.as_deref(), Some("locked"));
    app.screenshot("89-idle-locked").await;
    unlock_with(&app, PASSPHRASE).await;
    app.wait_for("encryption-state").await;
    app.wait_gone("unlock").await;

    // The sheet is lost: a new recovery key, her passphrase first.
    app.click("encryption-new-key-open").await;
    app.fill("encryption-new-key-passphrase", PASSPHRASE).await;
    app.click("encryption-new-key-submit").await;
    let fresh = app
        .wait_for_text("encryption-recovery-key", |t| t.len() == 29)
        .await;
    assert_ne!(fresh, key);
    app.scroll_to("encryption-recovery").await;
    app.screenshot("92-new-recovery-key").await;
    app.click("encryption-recovery-done").await;
    app.wait_gone("encryption-recovery").await;
    app.quit().await;
}

#[tokio::test]
async fn encryption_turned_on_for_a_practice_with_records_keeps_every_one() {
    use coachdesk_core::backups::{self, BackupReason};
    use coachdesk_core::clients::{self, ClientInput};
    use coachdesk_core::db::DATABASE_FILE;

    let data = tempfile::tempdir().unwrap();
    let names = ["Renée Côté", "Zoë 李小龙 🌿", "Marie O'Brien"];
    {
        let db = crate::journeys::new_practice(data.path());
        for name in names {
            clients::create(&db, &ClientInput::named(name)).unwrap();
        }
        backups::back_up(
            &db,
            &backups::folder_in(data.path()),
            BackupReason::Manual,
            "0.1.0",
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let (driver, app) = Driver::open(data.path(), &[("COACHDESK_TEST_SAVE_DIR", out.path())]).await;
    app.go("nav-settings", "encryption").await;
    app.scroll_to("encryption").await;
    app.wait_for_text("encryption-state", |t| t.contains("not encrypted"))
        .await;
    app.fill("encryption-passphrase", PASSPHRASE).await;
    app.fill("encryption-passphrase-repeat", PASSPHRASE).await;
    app.click("encryption-turn-on-submit").await;
    let key = app
        .wait_for_text("encryption-recovery-key", |t| t.len() == 29)
        .await;
    app.scroll_to("encryption").await;
    app.screenshot("90-encryption-turned-on").await;
    app.click("encryption-recovery-done").await;
    app.wait_for_text("encryption-state", |t| t.contains("encrypted"))
        .await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Marie O'Brien", "Renée Côté", "Zoë 李小龙 🌿"]).await;
    app.quit().await;
    drop(driver);
    assert!(!is_plain_sqlite(&data.path().join(DATABASE_FILE)));
    let listed = backups::list(&backups::folder_in(data.path())).unwrap();
    assert!(!listed.is_empty());
    assert!(listed.iter().all(|b| b.encrypted), "{listed:?}");

    // A new computer: the encrypted backup brought in from the welcome screen asks for its
    // passphrase, and the practice arrives encrypted.
    let backup = listed[0].path.clone();
    let elsewhere = tempfile::tempdir().unwrap();
    let (driver, app) = Driver::open(
        elsewhere.path(),
        &[("COACHDESK_TEST_OPEN_FILE", Path::new(&backup))],
    )
    .await;
    app.click("firstrun-import").await;
    app.wait_dialog("passphrase-prompt", true).await;
    app.fill("passphrase-prompt-secret", "not the passphrase")
        .await;
    app.click("passphrase-prompt-submit").await;
    app.wait_for_text("passphrase-prompt-problem", |t| t.contains("does not open"))
        .await;
    app.screenshot("91-backup-passphrase").await;
    app.fill("passphrase-prompt-secret", PASSPHRASE).await;
    app.click("passphrase-prompt-submit").await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Marie O'Brien", "Renée Côté", "Zoë 李小龙 🌿"]).await;
    app.quit().await;
    drop(driver);
    assert!(!is_plain_sqlite(&elsewhere.path().join(DATABASE_FILE)));
    assert!(elsewhere.path().join("keys.json").is_file());

    // The recovery key, typed in lower case, opens it after a restart.
    let (driver, app) = Driver::open(data.path(), &[]).await;
    app.wait_for("unlock").await;
    unlock_with(&app, &key.to_lowercase()).await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Marie O'Brien", "Renée Côté", "Zoë 李小龙 🌿"]).await;

    // A new passphrase, then encryption turned off with it: the files are plain again.
    app.go("nav-settings", "encryption-change-open").await;
    app.scroll_to("encryption-change-open").await;
    app.click("encryption-change-open").await;
    app.fill("encryption-current", PASSPHRASE).await;
    app.fill("encryption-new", "a brand new passphrase").await;
    app.fill("encryption-new-repeat", "a brand new passphrase")
        .await;
    app.click("encryption-change-submit").await;
    app.wait_for_any_text("toast", |t| t.contains("Passphrase changed"))
        .await;
    app.click("encryption-off-open").await;
    app.fill("encryption-off-passphrase", PASSPHRASE).await;
    app.click("encryption-off-submit").await;
    app.wait_for_text("error-passphrase", |t| t.contains("does not open"))
        .await;
    app.fill("encryption-off-passphrase", "a brand new passphrase")
        .await;
    app.click("encryption-off-submit").await;
    app.wait_for_text("encryption-state", |t| t.contains("not encrypted"))
        .await;
    app.scroll_to("encryption").await;
    app.screenshot("98-encryption-off").await;
    app.quit().await;
    drop(driver);
    assert!(is_plain_sqlite(&data.path().join(DATABASE_FILE)));
    assert!(!data.path().join("keys.json").exists());
    assert!(backups::list(&backups::folder_in(data.path()))
        .unwrap()
        .iter()
        .all(|b| !b.encrypted));
}
