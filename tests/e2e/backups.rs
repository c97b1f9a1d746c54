//! Backups through the window: Back up now, Check it, add a client, Restore it (the client is
//! gone, the rest is back, and the data from before the restore is kept as a backup); a file
//! that is not a backup is refused in words. (The backup at quit is tested on the mock
//! runtime: WebKitWebDriver ends the app without the exit event a real close sends.)

use std::path::Path;

use crate::harness::Driver;
use crate::journeys::{after_first_run, create_client, first_run, wait_for_rows};

fn backups_in(data: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data.join("backups"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test]
async fn back_up_check_and_restore_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let junk = files.path().join("holiday photo.coachdesk-backup");
    std::fs::write(&junk, b"\x89PNG\r\n\x1a\n not a backup").unwrap();
    let usb = files.path().join("USB stick");
    std::fs::create_dir(&usb).unwrap();
    let (_driver, app) = Driver::open(
        data.path(),
        &[
            ("COACHDESK_TEST_OPEN_FILE", &junk),
            ("COACHDESK_TEST_SAVE_DIR", &usb),
        ],
    )
    .await;
    first_run(&app).await;
    create_client(&app, "Renée Côté", "renee@example.com", &[]).await;

    // Back up now.
    app.go("nav-settings", "backup-now").await;
    app.wait_for_text("backup-last", |t| t.contains("No backup yet"))
        .await;
    app.scroll_to("backup-now").await;
    app.click("backup-now").await;
    app.wait_for_text("backup-last", |t| t.starts_with("Last backup: Today"))
        .await;
    assert_eq!(app.all("backup-row").await.len(), 1);
    assert_eq!(
        backups_in(data.path()).len(),
        1,
        "only the backup, no partial files"
    );

    // Check it: complete, unchanged, and what it holds.
    app.click("backup-check").await;
    let result = app
        .wait_for_text("backup-check-result", |t| !t.is_empty())
        .await;
    assert!(result.contains("complete and unchanged"), "{result}");
    assert!(result.contains("1 client"), "{result}");
    app.scroll_to("backup-check-result").await;
    app.screenshot("70-backup-checked").await;

    // A file that is not a backup is refused, and nothing changes.
    app.click("backup-check-file").await;
    let refused = app
        .wait_for_text("backup-check-result", |t| {
            t.contains("not a CoachDesk backup")
        })
        .await;
    assert!(!refused.contains("complete"), "{refused}");

    // A client added after the backup...
    create_client(&app, "Added Later", "", &[]).await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Added Later", "Renée Côté"]).await;

    // ...is gone once the backup is restored; the rest is back.
    app.go("nav-settings", "backup-now").await;
    app.click("backup-restore").await;
    app.wait_for("restore-modal").await;
    app.screenshot("71-restore-confirm").await;
    app.click("restore-confirm").await;
    app.wait_for_any_text("toast", |t| t.contains("Restored the backup"))
        .await;
    let reasons = app.texts("backup-reason").await;
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0].starts_with("Your data before a restore"),
        "{reasons:?}"
    );
    assert!(reasons[1].starts_with("Backed up by you"), "{reasons:?}");
    app.scroll_to("backup-now").await;
    app.screenshot("72-backups-after-restore").await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Renée Côté"]).await;

    // Restoring from a file that is not a backup is refused, and nothing changes.
    app.go("nav-settings", "backup-restore-file").await;
    app.click("backup-restore-file").await;
    app.click("restore-confirm").await;
    app.wait_for_any_text("toast", |t| t.contains("not a CoachDesk backup"))
        .await;
    assert_eq!(app.all("backup-row").await.len(), 2);
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Renée Côté"]).await;

    // A second place through the folder dialog: every backup is copied there too.
    app.go("nav-settings", "backup-copy-choose").await;
    app.click("backup-copy-choose").await;
    app.wait_for_text("backup-copy-folder", |t| t.ends_with("USB stick"))
        .await;
    app.click("backup-now").await;
    app.wait_for_text("sidebar-backup", |t| t.contains("Second copy: Today"))
        .await;
    let on_usb: Vec<_> = std::fs::read_dir(&usb).unwrap().flatten().collect();
    assert_eq!(on_usb.len(), 1, "{on_usb:?}");
    app.scroll_to("backup-second-place").await;
    app.screenshot("73-backup-second-place").await;

    // The stick is unplugged: the backup is still made, and she is told once, calmly.
    std::fs::remove_dir_all(&usb).unwrap();
    app.click("backup-now").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app
        .texts("toast")
        .await
        .iter()
        .any(|t| t.contains("is not there") && t.contains("USB stick"))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no word about the missing USB stick"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.wait_for_text("sidebar-backup", |t| {
        t.contains("Second copy: not connected")
    })
    .await;
    app.screenshot("74-backup-usb-missing").await;
    app.quit().await;
    let names = backups_in(data.path());
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(
        names.iter().all(|n| n.ends_with(".coachdesk-backup")),
        "only backups, no partial or staging files: {names:?}"
    );
    assert!(!data.path().join(".restore-staging.db").exists());

    // Hers alone: the folder 0700, the practice file, its journal and the backups 0600.
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(data.path()), 0o700);
    assert_eq!(mode(&data.path().join("backups")), 0o700);
    assert_eq!(mode(&data.path().join("coachdesk.db")), 0o600);
    for name in names {
        assert_eq!(
            mode(&data.path().join("backups").join(&name)),
            0o600,
            "{name}"
        );
    }
}

/// A practice file damaged on disk opens a calm recovery screen, not a crash; one click carries
/// on from the newest backup, and the damaged file is kept aside.
#[tokio::test]
async fn a_damaged_practice_file_is_recovered_from_its_newest_backup() {
    use coachdesk_core::backups::{self, BackupReason};
    use coachdesk_core::clients::{self, ClientInput};
    use coachdesk_core::db::DATABASE_FILE;

    let data = tempfile::tempdir().unwrap();
    let file = data.path().join(DATABASE_FILE);
    {
        let db = crate::journeys::new_practice(data.path());
        for n in 0..300 {
            clients::create(&db, &ClientInput::named(&format!("Client {n:03}"))).unwrap();
        }
        clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
        backups::back_up(
            &db,
            &backups::folder_in(data.path()),
            BackupReason::AtQuit,
            "0.1.0",
        )
        .unwrap();
    }
    let mut bytes = std::fs::read(&file).unwrap();
    for b in &mut bytes[12_288..28_672] {
        *b = 0x5A;
    }
    std::fs::write(&file, &bytes).unwrap();

    let (_driver, app) = Driver::open(data.path(), &[]).await;
    let message = app.wait_for_text("app-error", |t| !t.is_empty()).await;
    assert!(message.contains("damaged"), "{message}");
    app.wait_for("recovery-backup").await;
    assert_eq!(app.all("recovery-backup").await.len(), 1);
    app.screenshot("75-recovery").await;
    app.click("recovery-restore").await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    app.go("nav-clients", "client-search").await;
    app.fill("client-search", "renee").await;
    wait_for_rows(&app, &["Renée Côté"]).await;
    let kept = std::fs::read_dir(data.path()).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with("coachdesk.db.damaged-")
    });
    assert!(kept, "the damaged file is kept aside");
    app.quit().await;
}

/// Export the whole practice from Settings, then bring it into a new, empty CoachDesk (another
/// computer) from the welcome screen: the clients are there; bringing it in again, over a
/// practice that now has clients, is refused in words.
#[tokio::test]
async fn the_whole_practice_is_exported_and_brought_into_a_new_computer() {
    use std::io::Read;

    let out = tempfile::tempdir().unwrap();
    let (_data, driver, app) = after_first_run(&[("COACHDESK_TEST_SAVE_DIR", out.path())]).await;
    create_client(&app, "Zoë 李小龙 🌿", "zoe@example.com", &["AIP"]).await;
    create_client(&app, "Renée Côté", "", &[]).await;
    app.go("nav-settings", "practice-export-button").await;
    app.scroll_to("practice-export-button").await;
    app.click("practice-export-button").await;
    app.wait_for_any_text("toast", |t| t.contains("Exported 2 clients"))
        .await;
    app.wait_for("practice-export-saved").await;
    app.scroll_to("practice-export").await;
    app.screenshot("80-practice-exported").await;
    app.quit().await;
    drop(driver);

    let zips: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(zips.len(), 1, "one ZIP, nothing partial: {zips:?}");
    let export = zips[0].clone();
    let name = export.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("CoachDesk practice export "), "{name}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&export).unwrap()).unwrap();
    let mut json = String::new();
    zip.by_name("practice.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    assert!(json.contains("\"name\": \"Zoë 李小龙 🌿\""), "{json}");
    assert!(zip.by_name("tables/clients.csv").is_ok());
    assert!(zip.by_name("manifest.json").is_ok());

    // Another computer: an empty CoachDesk, and the export brought in from the welcome screen.
    let elsewhere = tempfile::tempdir().unwrap();
    let (_driver, app) =
        Driver::open(elsewhere.path(), &[("COACHDESK_TEST_OPEN_FILE", &export)]).await;
    app.wait_for("firstrun-import").await;
    app.screenshot("81-first-run-bring-in").await;
    app.click("firstrun-import").await;
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    app.wait_for_any_text("toast", |t| t.contains("Welcome back"))
        .await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Renée Côté", "Zoë 李小龙 🌿"]).await;
    app.screenshot("82-brought-in").await;

    // Once she has clients, bringing an export in again is refused and nothing changes.
    app.go("nav-settings", "practice-import-button").await;
    app.scroll_to("practice-import-button").await;
    app.click("practice-import-button").await;
    app.wait_for_any_text("toast", |t| t.contains("already holds 2 clients"))
        .await;
    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Renée Côté", "Zoë 李小龙 🌿"]).await;
    app.quit().await;
}

/// A second launch while CoachDesk is open on the same practice hands over to the open window
/// and quits at once; if the open one cannot be reached, the second opens nothing of hers and
/// says why, because the data folder's lock is held.
#[tokio::test]
async fn a_second_coachdesk_never_opens_the_same_practice() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let (data, _driver, app) = after_first_run(&[]).await;

    // Launched again (a double-click on the icon): it hands over and quits at once.
    let mut second = Command::new(env!("CARGO_BIN_EXE_coachdesk"))
        .env("COACHDESK_DATA_DIR", data.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = second.kill();
            panic!("the second CoachDesk did not hand over to the first");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "{status:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // The first carries on as before.
    create_client(&app, "Renée Côté", "", &[]).await;

    // The open one cannot be reached (its socket is gone): the lock refuses, in words.
    std::fs::remove_file(data.path().join("coachdesk.sock")).unwrap();
    let (_other, refused) = Driver::open(data.path(), &[]).await;
    let message = refused.wait_for_text("app-error", |t| !t.is_empty()).await;
    assert!(
        message.contains("already open on this practice"),
        "{message}"
    );
    refused.screenshot("83-already-open").await;
    refused.quit().await;

    app.go("nav-clients", "client-search").await;
    wait_for_rows(&app, &["Renée Côté"]).await;
    app.quit().await;
}

/// A practice an older CoachDesk wrote (schema 10, 150,000 notes) is brought up to date in the
/// background while the window says so, then opens on her dashboard with everything in it; a
/// copy of it as it was is kept beside it.
#[tokio::test]
async fn an_older_practice_is_brought_up_to_date_while_the_window_says_so() {
    use coachdesk_core::db::{self, DATABASE_FILE, SCHEMA_VERSION};

    let data = tempfile::tempdir().unwrap();
    let file = data.path().join(DATABASE_FILE);
    {
        let mut conn = rusqlite::Connection::open(&file).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        db::migrate(&mut conn, 10).unwrap();
        conn.execute_batch(
            "INSERT INTO practice (id, practice_name, coach_name, created_at, updated_at)
                VALUES (1, 'Gut & Glow Coaching', 'Marie-Ève Laurent',
                    '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO clients (name, status, search_key, sort_name, created_at, updated_at)
                VALUES ('Renée Côté', 'active', 'renee cote  ', 'renee cote',
                    '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
             INSERT INTO consults (client_id, kind, scheduled_at, duration_minutes, status,
                template_name, sections, notes_text, notes_updated_at, created_at, updated_at)
             SELECT 1, 'follow_up', '2025-10-01T09:00:00.000Z', 60, 'completed',
                'Coaching session',
                json_array(json_object('heading', 'Diet', 'body',
                    'note ' || i || ' ' || hex(randomblob(400)))),
                'Diet' || char(10) || 'note ' || i, '2025-10-01T09:00:00.000Z',
                '2025-10-01T09:00:00.000Z', '2025-10-01T09:00:00.000Z'
             FROM n;",
        )
        .unwrap();
    }

    let (_driver, app) = Driver::open(data.path(), &[]).await;
    let said = app.wait_for_text("upgrading", |t| !t.is_empty()).await;
    assert!(said.contains("Bringing your practice up to date"), "{said}");
    app.screenshot("121-upgrading").await;
    // The upgrade takes several seconds here (more on a loaded machine): up to a minute.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !app.all("upgrading").await.is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the upgrade never finished"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.wait_for_text("sidebar-practice-name", |t| t == "Gut & Glow Coaching")
        .await;
    app.go("nav-clients", "client-search").await;
    app.fill("client-search", "renee").await;
    wait_for_rows(&app, &["Renée Côté"]).await;
    app.quit().await;

    let conn = rusqlite::Connection::open(&file).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let notes: i64 = conn
        .query_row("SELECT count(*) FROM consults", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 150_000);
    let copies = std::fs::read_dir(data.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("coachdesk.db.v10-")
        })
        .count();
    assert_eq!(
        copies, 1,
        "a copy of the practice as it was is kept beside it"
    );
}
