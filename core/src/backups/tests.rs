//! Backups on real temp folders: rotation, check, tampering, restore and undo, the second
//! place, a damaged file recovered, an interrupted restore.
use super::*;
use crate::db::DATABASE_FILE;

fn backup_at(created_at: &str, reason: BackupReason) -> Backup {
    Backup {
        file_name: created_at.to_owned(),
        path: String::new(),
        created_at: created_at.to_owned(),
        reason,
        bytes: 0,
        app_version: String::new(),
        schema_version: SCHEMA_VERSION,
        clients: 0,
        consults: 0,
        files: 0,
        articles: 0,
        encrypted: false,
    }
}

#[test]
fn rotation_keeps_7_daily_4_weekly_12_monthly() {
    let now = DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    // Two a day (at 11:00 and 08:00) for 400 days, newest first.
    let mut backups = Vec::new();
    for day in 0..400 {
        for hour in [11, 8] {
            let at = now - chrono::Duration::days(day) - chrono::Duration::hours(12 - hour);
            backups.push(backup_at(
                &at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                BackupReason::Daily,
            ));
        }
    }
    let keep = kept(&backups, now);
    let kept_count = keep.iter().filter(|k| **k).count();
    // The last 24 hours, 7 days, and the weeks and months those do not already cover.
    assert!((18..=24).contains(&kept_count), "{kept_count}");
    assert!(
        keep[..3].iter().all(|k| *k),
        "everything from the last 24 hours"
    );
    assert!(!keep[3], "then only one a day");
    let oldest_kept = backups
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(b, _)| b.created_at.clone())
        .min()
        .unwrap();
    assert!(oldest_kept.as_str() > "2025-11-01", "{oldest_kept}");

    // Two the same day, days ago: the older goes, unless it holds the data from before a
    // restore.
    let mut same_day = backups[4..6].to_vec();
    assert_eq!(kept(&same_day, now), [true, false]);
    same_day[1].reason = BackupReason::BeforeRestore;
    assert_eq!(kept(&same_day, now), [true, true]);
}

#[test]
fn restore_brings_back_the_backup_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    crate::clients::create(&db, &crate::clients::ClientInput::named("Renée Côté")).unwrap();
    let folder = dir.path().join(FOLDER);
    let made = back_up(&db, &folder, BackupReason::Manual, "0.1.0").unwrap();
    crate::clients::create(&db, &crate::clients::ClientInput::named("Added later")).unwrap();

    let restored = restore(&db, Path::new(&made.path), "0.1.0", None).unwrap();
    assert_eq!(restored.from.clients, 1);
    assert_eq!(restored.before_restore.clients, 2);
    assert_eq!(restored.before_restore.reason, BackupReason::BeforeRestore);
    let names: Vec<String> = db
        .conn()
        .prepare("SELECT name FROM clients")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(names, ["Renée Côté"]);
    // The store keeps working after the swap, and the restore can be undone.
    crate::clients::create(&db, &crate::clients::ClientInput::named("Zoë")).unwrap();
    restore(&db, Path::new(&restored.before_restore.path), "0.1.0", None).unwrap();
    let count: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 2);
    assert!(!dir.path().join(STAGING).exists());
    assert!(!dir.path().join(RESTORE_MARKER).exists());
    assert_eq!(finish_interrupted_restore(dir.path()), None);
}

#[test]
fn a_second_copy_goes_to_her_usb_stick_and_a_missing_one_is_told_calmly() {
    let dir = tempfile::tempdir().unwrap();
    let db = crate::practice::made_in(dir.path());
    let (_, second) = take(&db, dir.path(), BackupReason::Manual, "t").unwrap();
    assert_eq!(second, SecondCopy::NotChosen);
    let usb = tempfile::tempdir().unwrap();
    let err = set_copy_folder(&db, Some(&usb.path().join("nope"))).unwrap_err();
    assert!(err.to_string().contains("cannot save backups"), "{err}");
    set_copy_folder(&db, Some(usb.path())).unwrap();
    let (made, second) = take(&db, dir.path(), BackupReason::Manual, "t").unwrap();
    assert_eq!(second, SecondCopy::Made);
    let copied = usb.path().join(&made.file_name);
    assert_eq!(
        std::fs::read(&copied).unwrap(),
        std::fs::read(&made.path).unwrap()
    );
    let seen = overview(&db, dir.path()).unwrap();
    assert_eq!(seen.last_copy_at.as_deref(), Some(made.created_at.as_str()));
    assert!(seen.copy_reachable && seen.reminder.is_none());

    // The stick is unplugged: the backup is still made, and she is told why no copy was.
    let gone = usb.path().to_owned();
    drop(usb);
    let (made, second) = take(&db, dir.path(), BackupReason::Daily, "t").unwrap();
    assert!(Path::new(&made.path).exists());
    let SecondCopy::Missing(text) = second else {
        panic!("{second:?}")
    };
    assert!(
        text.contains(&gone.display().to_string()) && text.contains("fine"),
        "{text}"
    );
    assert!(!overview(&db, dir.path()).unwrap().copy_reachable);
}

#[test]
fn the_reminder_comes_after_7_days_without_a_copy_outside() {
    assert_eq!(reminder(3, None), None, "a new practice is not nagged");
    assert!(reminder(8, None)
        .unwrap()
        .contains("Nothing has been backed up outside"));
    assert_eq!(reminder(30, Some(6)), None);
    assert!(reminder(30, Some(9)).unwrap().contains("9 days ago"));
}

#[test]
fn a_damaged_file_is_refused_at_open_and_recovered_from_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(DATABASE_FILE);
    let made = {
        let db = Db::open(&file).unwrap();
        for n in 0..300 {
            crate::clients::create(
                &db,
                &crate::clients::ClientInput::named(&format!("Client {n}")),
            )
            .unwrap();
        }
        back_up(&db, &folder_in(dir.path()), BackupReason::Daily, "t").unwrap()
    };
    // Scribble over the middle of the file, as a failing disk might.
    let mut bytes = std::fs::read(&file).unwrap();
    assert!(bytes.len() > 40_000, "{}", bytes.len());
    for b in &mut bytes[12_288..28_672] {
        *b = 0x5A;
    }
    std::fs::write(&file, &bytes).unwrap();
    let err = Db::open(&file).unwrap_err();
    assert!(matches!(err, crate::Error::Damaged { .. }), "{err}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "the damaged file is not changed"
    );

    let db = recover(dir.path(), Path::new(&made.path), None).unwrap();
    let count: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 300);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains(".damaged-") && !name.ends_with("-wal") && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
    assert_eq!(std::fs::read(kept[0].path()).unwrap(), bytes);
}

#[test]
fn a_zip_with_paths_that_climb_out_is_refused_and_nothing_is_written_outside() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.coachdesk-backup");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&evil).unwrap());
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("../../x", options).unwrap();
        zip.write_all(b"climbed out").unwrap();
        zip.start_file("../coachdesk.db", options).unwrap();
        zip.write_all(b"not a database").unwrap();
        zip.finish().unwrap();
    }
    let inner = dir.path().join("a/b");
    std::fs::create_dir_all(&inner).unwrap();
    let err = check(&evil, &inner, None).unwrap_err();
    assert!(err.to_string().contains("not a CoachDesk backup"), "{err}");
    // Only the named parts are ever read; nothing else is unpacked anywhere.
    assert!(!dir.path().join("x").exists() && !dir.path().join("a/x").exists());
    assert!(!dir.path().join("a/coachdesk.db").exists());
}

#[test]
fn a_restore_that_stopped_half_way_is_reported_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let marker = RestoreMarker {
        from: "CoachDesk 2026-12-01.coachdesk-backup".into(),
        sha256: "0".repeat(64),
        before_restore: "x".into(),
    };
    std::fs::write(
        dir.path().join(RESTORE_MARKER),
        serde_json::to_vec(&marker).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.path().join(STAGING), b"half").unwrap();
    std::fs::write(dir.path().join(crate::db::DATABASE_FILE), b"old").unwrap();
    let note = finish_interrupted_restore(dir.path()).unwrap();
    assert!(note.contains("did not finish"), "{note}");
    assert!(!dir.path().join(STAGING).exists());
    assert!(!dir.path().join(RESTORE_MARKER).exists());
}

#[test]
fn a_backup_is_checked_and_a_changed_byte_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let zoe =
        crate::clients::create(&db, &crate::clients::ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let folder = dir.path().join(FOLDER);
    let made = back_up(&db, &folder, BackupReason::Manual, "0.1.0").unwrap();
    assert_eq!(made.clients, 1);
    let checked = check(Path::new(&made.path), &dir.path().join("scratch"), None).unwrap();
    assert_eq!(checked, made);
    assert_eq!(list(&folder).unwrap(), std::slice::from_ref(&made));
    // Only the backup is left in the folder: no partial or scratch files.
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");

    // The database part with one byte changed (the zip rewritten around it).
    let tampered = folder.join("tampered.coachdesk-backup");
    {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&made.path).unwrap()).unwrap();
        let mut manifest = String::new();
        zip.by_name(MANIFEST)
            .unwrap()
            .read_to_string(&mut manifest)
            .unwrap();
        let mut data = Vec::new();
        zip.by_name(DATABASE_PART)
            .unwrap()
            .read_to_end(&mut data)
            .unwrap();
        let at = data
            .windows("Zoë".len())
            .position(|w| w == "Zoë".as_bytes())
            .unwrap();
        data[at] = b'X';
        let mut out = zip::ZipWriter::new(std::fs::File::create(&tampered).unwrap());
        let options = zip::write::SimpleFileOptions::default();
        out.start_file(MANIFEST, options).unwrap();
        out.write_all(manifest.as_bytes()).unwrap();
        out.start_file(DATABASE_PART, options).unwrap();
        out.write_all(&data).unwrap();
        out.finish().unwrap();
    }
    let err = check(&tampered, &dir.path().join("scratch"), None).unwrap_err();
    assert!(err.to_string().contains("damaged"), "{err}");

    // Not a backup at all, empty, cut short, from a newer CoachDesk.
    let junk = folder.join("junk.coachdesk-backup");
    std::fs::write(&junk, b"hello").unwrap();
    assert!(check(&junk, dir.path(), None)
        .unwrap_err()
        .to_string()
        .contains("not a CoachDesk backup"));
    std::fs::write(&junk, b"").unwrap();
    assert!(check(&junk, dir.path(), None)
        .unwrap_err()
        .to_string()
        .contains("not a CoachDesk backup"));
    let bytes = std::fs::read(&made.path).unwrap();
    std::fs::write(&junk, &bytes[..bytes.len() / 2]).unwrap();
    assert!(check(&junk, dir.path(), None).is_err());
    // The current data was never touched.
    assert_eq!(
        crate::clients::load(&db.conn(), zoe.id).unwrap().name,
        "Zoë 李小龙 🌿"
    );
}

#[test]
fn what_a_stopped_write_or_restore_left_is_tidied_at_start_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    std::fs::create_dir_all(folder_in(data)).unwrap();
    let leftovers = [
        ".restore-in-progress.json.tmp",
        ".restore-staging.db",
        ".import-staging.db",
        ".check-1.db",
    ];
    for name in leftovers {
        std::fs::write(data.join(name), b"x").unwrap();
    }
    std::fs::write(
        folder_in(data).join(".CoachDesk x.coachdesk-backup.partial"),
        b"x",
    )
    .unwrap();
    let kept = ["coachdesk.db", "keys.tmp.txt", "notes.tmp"];
    for name in kept {
        std::fs::write(data.join(name), b"x").unwrap();
    }
    assert_eq!(clean_leftovers(data), leftovers.len() + 1);
    for name in kept {
        assert!(data.join(name).exists(), "{name}");
    }
}
