//! Encryption at rest on real temp folders: with encryption on, no word of a seeded practice
//! is in any file of the data folder (database, WAL, backups opened up, pre-migration copies);
//! sqlite3 cannot read the file; a wrong passphrase is told; the recovery key opens it;
//! changing the passphrase and turning encryption off leave no plain copy behind; encrypted
//! backups restore here and on a new computer.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use coachdesk_core::backups::{self, BackupReason};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::consults::{self, ConsultInput};
use coachdesk_core::db::{self, Db, DATABASE_FILE};
use coachdesk_core::encryption;
use coachdesk_core::keys::{KdfCost, KEY_FILE};
use coachdesk_core::labs;
use coachdesk_core::practice::{self, FirstRunInput};
use coachdesk_core::Error;

use crate::progress::client_with_everything;
use crate::progress::Practice;

const RECORD: &str = "EQ4vK2mXp9LwT4sZ8nBd";
const NOTES: &str = "EH3jF6yQa1VcU5rE0oGk";
const FILE: &str = "EP8tW2zXe4MbY7qD1iSn";
const LATER: &str = "EW5uR8kLm2NxC6vB3hTy";
const PASSPHRASE: &str = "lake walks at dawn";

/// Every file under `folder` as the bytes a reader of the disk could see: plain files as they
/// are, and each part of a backup (a ZIP) unpacked, since deflate would hide a word.
fn readable_bytes(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for path in crate::files_under(folder) {
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(&bytes)) {
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                let name = format!("{} → {:?}", path.display(), part.name());
                let mut inner = Vec::new();
                part.read_to_end(&mut inner).unwrap();
                out.push((name, inner));
            }
        }
        out.push((path.display().to_string(), bytes));
    }
    out
}

fn files_holding(folder: &Path, token: &str) -> Vec<String> {
    readable_bytes(folder)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(token.len()).any(|w| w == token.as_bytes()))
        .map(|(name, _)| name)
        .collect()
}

/// A practice written by an older CoachDesk (schema 5) first, so that opening it today keeps
/// a pre-migration copy; then a client with words of her own everywhere, a lab file and a
/// backup. The lab file's source lives outside the data folder.
fn seeded() -> (Practice, tempfile::TempDir, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        db::migrate(&mut conn, 5).unwrap();
        conn.execute(
            "INSERT INTO clients (name, notes, status, created_at, updated_at)
             VALUES (?1, ?2, 'active', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')",
            ["Old Client", &format!("Old notes {RECORD}")],
        )
        .unwrap();
    }
    let db = Db::open(&path).unwrap();
    assert!(db.pre_migration_copy().is_some());
    crate::first_run(&db);
    let p = Practice { dir, db };
    let mut input = ClientInput::named("Renée Côté");
    input.goals = format!("Walk again {RECORD}");
    let her = client_with_everything(&p, &input);
    let consult = consults::create(
        &p.db,
        &ConsultInput::follow_up(her.id, "2026-11-25T10:00:00Z", 45),
    )
    .unwrap();
    let mut sections = consult.sections.clone();
    sections[0].body = format!("Session words {NOTES} 🌿");
    consults::save_notes(&p.db, consult.id, &sections, true).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let report = outside.path().join("her report.pdf");
    std::fs::write(&report, format!("%PDF-1.4 ferritin 12 {FILE}")).unwrap();
    let lab = labs::for_client(&p.db, her.id).unwrap()[0].id;
    labs::attach(&p.db, lab, std::slice::from_ref(&report)).unwrap();
    // The file `client_with_everything` attached was written into the data folder by the test,
    // not by CoachDesk: it goes.
    std::fs::remove_file(p.dir.path().join(format!("upload-{}.pdf", her.id))).unwrap();
    backups::back_up(
        &p.db,
        &backups::folder_in(p.dir.path()),
        BackupReason::Manual,
        "t",
    )
    .unwrap();
    (p, outside, her.id)
}

fn rows(db_path: &Path, key: Option<&coachdesk_core::keys::Key>) -> Vec<String> {
    crate::every_row(&db::open_file(db_path, true, key).unwrap())
}

#[test]
fn with_encryption_on_no_word_of_her_practice_is_in_any_file_of_the_data_folder() {
    let (p, _outside, her) = seeded();
    let dir = p.dir.path().to_owned();
    let before = rows(&dir.join(DATABASE_FILE), None);
    // The words are readable before (so this test can fail), in the file, the backup and the
    // pre-migration copy.
    for token in [RECORD, NOTES, FILE] {
        assert!(
            files_holding(&dir, token).len() >= 2,
            "{token}: {:?}",
            files_holding(&dir, token)
        );
    }

    let on = encryption::turn_on(&p.db, PASSPHRASE, KdfCost::CHEAP_FOR_TESTS).unwrap();
    assert_eq!(on.copies, 2, "the backup and the pre-migration copy");
    assert!(encryption::is_on(&dir));
    // Every record is still there, and more are written (into the encrypted journal).
    let key = p.db.key().unwrap();
    assert_eq!(rows(&dir.join(DATABASE_FILE), Some(&key)), before);
    let mut later = ClientInput::named("Zoë 李小龙");
    later.notes = format!("Written after {LATER}");
    clients::create(&p.db, &later).unwrap();
    assert!(dir.join(format!("{DATABASE_FILE}-wal")).exists());
    backups::back_up(&p.db, &backups::folder_in(&dir), BackupReason::Manual, "t").unwrap();

    for token in [RECORD, NOTES, FILE, LATER, "Renée", "Marie-Ève", "ferritin"] {
        assert_eq!(
            files_holding(&dir, token),
            Vec::<String>::new(),
            "{token} is readable"
        );
    }
    let leftovers: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging") || n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // sqlite3 itself cannot read it.
    let out = std::process::Command::new("sqlite3")
        .arg(dir.join(DATABASE_FILE))
        .arg("SELECT count(*) FROM clients;")
        .output()
        .expect("sqlite3 is installed by make test");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("file is not a database"), "{said}");

    // Every backup checks with the practice's key, and holds the key file.
    for b in backups::list(&backups::folder_in(&dir)).unwrap() {
        assert!(b.encrypted);
        let checked = backups::check(Path::new(&b.path), &dir, Some(&key)).unwrap();
        assert!(checked.clients >= 1);
        assert!(backups::key_file(Path::new(&b.path)).unwrap().is_some());
    }
    assert!(clients::get(&p.db, her).is_ok());
}

#[test]
fn a_wrong_passphrase_is_told_the_recovery_key_opens_and_a_change_keeps_every_record() {
    let (p, _outside, her) = seeded();
    let dir = p.dir.path().to_owned();
    let on = encryption::turn_on(&p.db, PASSPHRASE, KdfCost::CHEAP_FOR_TESTS).unwrap();
    assert_eq!(on.copies, 2);
    drop(p.db);

    // Without the key the store refuses in words, and changes nothing.
    let err = Db::open(&dir.join(DATABASE_FILE)).unwrap_err();
    assert!(
        err.to_string().contains("not a CoachDesk database"),
        "{err}"
    );
    let err = encryption::unlock(&dir, "lake walks at dusk").unwrap_err();
    assert!(matches!(err, Error::Invalid(_)));
    assert!(
        err.to_string().contains("does not open this practice"),
        "{err}"
    );

    // The recovery key, typed in lower case with spaces, opens it.
    let typed = on.recovery_key.to_lowercase().replace('-', " ");
    let key = encryption::unlock(&dir, &typed).unwrap();
    let db = Db::open_keyed(&dir.join(DATABASE_FILE), Some(key)).unwrap();
    assert_eq!(clients::get(&db, her).unwrap().name, "Renée Côté");

    // A new passphrase: the old one no longer opens, the new one and the recovery key do.
    let err = encryption::change_passphrase(&db, "wrong one", "a new passphrase").unwrap_err();
    assert_eq!(err.fields()[0].field, "currentPassphrase");
    let err = encryption::change_passphrase(&db, PASSPHRASE, "short").unwrap_err();
    assert_eq!(err.fields()[0].field, "newPassphrase");
    encryption::change_passphrase(&db, PASSPHRASE, "a new passphrase").unwrap();
    assert!(encryption::unlock(&dir, PASSPHRASE).is_err());
    assert!(encryption::unlock(&dir, "a new passphrase").is_ok());
    assert!(encryption::unlock(&dir, &on.recovery_key).is_ok());
    for token in [RECORD, NOTES, FILE] {
        assert_eq!(files_holding(&dir, token), Vec::<String>::new());
    }

    // A new recovery key (the sheet was lost): the old one no longer opens.
    let err = encryption::new_recovery_key(&db, "not it").unwrap_err();
    assert_eq!(err.fields()[0].field, "passphrase");
    let fresh = encryption::new_recovery_key(&db, "a new passphrase").unwrap();
    assert!(encryption::unlock(&dir, &on.recovery_key).is_err());
    assert!(encryption::unlock(&dir, &fresh).is_ok());
    let on = encryption::TurnedOn {
        recovery_key: fresh,
        copies: 0,
    };

    // The recovery sheet holds the recovery key, and only the real one is printed.
    let sheet = encryption::recovery_sheet(&db, &on.recovery_key, chrono::Utc::now()).unwrap();
    assert!(sheet.starts_with(b"%PDF"));
    let err = encryption::recovery_sheet(&db, "a new passphrase", chrono::Utc::now()).unwrap_err();
    assert!(err.to_string().contains("not the recovery key"), "{err}");
}

#[test]
fn turning_encryption_off_decrypts_everything_and_leaves_no_key_behind() {
    let (p, _outside, _) = seeded();
    let dir = p.dir.path().to_owned();
    let plain_rows = rows(&dir.join(DATABASE_FILE), None);
    encryption::turn_on(&p.db, PASSPHRASE, KdfCost::CHEAP_FOR_TESTS).unwrap();
    let err = encryption::turn_off(&p.db, "not it at all").unwrap_err();
    assert_eq!(err.fields()[0].field, "passphrase");
    assert!(encryption::is_on(&dir));

    let copies = encryption::turn_off(&p.db, PASSPHRASE).unwrap();
    assert_eq!(copies, 2);
    assert!(!encryption::is_on(&dir));
    assert!(!dir.join(KEY_FILE).exists());
    assert!(p.db.key().is_none());
    assert_eq!(rows(&dir.join(DATABASE_FILE), None), plain_rows);
    for b in backups::list(&backups::folder_in(&dir)).unwrap() {
        assert!(!b.encrypted);
        backups::check(Path::new(&b.path), &dir, None).unwrap();
    }
    // And on again, with another key: still every record.
    encryption::turn_on(&p.db, "second time round", KdfCost::CHEAP_FOR_TESTS).unwrap();
    let key = p.db.key().unwrap();
    assert_eq!(rows(&dir.join(DATABASE_FILE), Some(&key)), plain_rows);
}

#[test]
fn an_encrypted_backup_restores_here_and_on_a_new_computer_with_its_passphrase() {
    let (p, _outside, her) = seeded();
    let dir = p.dir.path().to_owned();
    encryption::turn_on(&p.db, PASSPHRASE, KdfCost::CHEAP_FOR_TESTS).unwrap();
    let made =
        backups::back_up(&p.db, &backups::folder_in(&dir), BackupReason::Manual, "t").unwrap();
    // Here: the practice's key opens it, no passphrase asked.
    clients::archive(&p.db, her).unwrap();
    backups::restore(&p.db, Path::new(&made.path), "t", None).unwrap();
    assert!(clients::get(&p.db, her).unwrap().archived_at.is_none());
    assert!(encryption::is_on(&dir));

    // A new computer: CoachDesk is empty and plain. Without the passphrase the backup is
    // refused in words; with it, the practice comes back encrypted, with its key file.
    let new = tempfile::tempdir().unwrap();
    let empty = Db::open(&new.path().join(DATABASE_FILE)).unwrap();
    let err = backups::restore(&empty, Path::new(&made.path), "t", None).unwrap_err();
    assert!(matches!(err, Error::Locked(_)), "{err}");
    let err =
        backups::restore(&empty, Path::new(&made.path), "t", Some("wrong words")).unwrap_err();
    assert!(err.to_string().contains("does not open"), "{err}");
    backups::restore(&empty, Path::new(&made.path), "t", Some(PASSPHRASE)).unwrap();
    assert_eq!(clients::get(&empty, her).unwrap().name, "Renée Côté");
    assert!(encryption::is_on(new.path()));
    drop(empty);
    let key = encryption::unlock(new.path(), PASSPHRASE).unwrap();
    let reopened = Db::open_keyed(&new.path().join(DATABASE_FILE), Some(key)).unwrap();
    assert_eq!(clients::get(&reopened, her).unwrap().name, "Renée Côté");

    // A plain backup restored into an encrypted practice is encrypted on the way in.
    let plain_dir = tempfile::tempdir().unwrap();
    let plain = Db::open(&plain_dir.path().join(DATABASE_FILE)).unwrap();
    practice::create(
        &plain,
        &FirstRunInput {
            practice_name: "Plain".into(),
            coach_name: "Plain".into(),
        },
    )
    .unwrap();
    let mut input = ClientInput::named("Plain Client");
    input.notes = LATER.into();
    clients::create(&plain, &input).unwrap();
    let plain_backup = backups::back_up(
        &plain,
        &plain_dir.path().join("b"),
        BackupReason::Manual,
        "t",
    )
    .unwrap();
    backups::restore(&p.db, Path::new(&plain_backup.path), "t", None).unwrap();
    assert!(encryption::is_on(&dir));
    let conn = db::open_file(&dir.join(DATABASE_FILE), true, p.db.key().as_ref()).unwrap();
    let names: Vec<String> = crate::column(&conn, "SELECT name FROM clients", []);
    assert_eq!(names, vec!["Plain Client".to_owned()]);
    assert_eq!(files_holding(&dir, LATER), Vec::<String>::new());
}

/// A practice file opening cannot read whole in its time (`db::CHECK_AT_OPEN`; reading costs
/// about ten times as much encrypted) opens without it; the whole-file check then runs on its
/// own and finds damage, plain or encrypted.
#[test]
fn a_file_not_checked_at_open_is_checked_whole_later_and_damage_is_found() {
    for encrypted in [false, true] {
        let (p, _outside, _) = seeded();
        let dir = p.dir.path().to_owned();
        if encrypted {
            encryption::turn_on(&p.db, PASSPHRASE, KdfCost::CHEAP_FOR_TESTS).unwrap();
        }
        let key = p.db.key();
        // 40 MB of attached files.
        let lab = labs::for_client(&p.db, 2).unwrap()[0].id;
        let outside = tempfile::tempdir().unwrap();
        let files: Vec<_> = (0..4)
            .map(|n| {
                let path = outside.path().join(format!("scan {n}.pdf"));
                let bytes: Vec<u8> = (0..10 * 1024 * 1024u32)
                    .map(|i| (i.wrapping_mul(2_654_435_761).wrapping_add(n) >> 24) as u8)
                    .collect();
                std::fs::write(&path, bytes).unwrap();
                path
            })
            .collect();
        labs::attach(&p.db, lab, &files).unwrap();
        drop(p.db);
        let file = dir.join(DATABASE_FILE);
        // No time for the check at open: it is left for later.
        let reopened = Db::open_checking_within(&file, key.clone(), Duration::ZERO).unwrap();
        assert!(!reopened.checked_at_open(), "{encrypted}");
        drop(reopened);
        db::check_whole_file(&file, key.as_ref()).unwrap();

        // Damage in the middle of the file: left unchecked at open, it still opens, and the
        // later check finds it.
        let mut bytes = std::fs::read(&file).unwrap();
        let middle = bytes.len() / 2 / 4096 * 4096;
        for b in &mut bytes[middle..middle + 8192] {
            *b = 0x5A;
        }
        std::fs::write(&file, &bytes).unwrap();
        let reopened = Db::open_checking_within(&file, key.clone(), Duration::ZERO);
        assert!(reopened.is_ok(), "{encrypted}: {reopened:?}");
        drop(reopened);
        let err = db::check_whole_file(&file, key.as_ref()).unwrap_err();
        assert!(matches!(err, Error::Damaged { .. }), "{encrypted}: {err:?}");
    }
}

#[test]
fn an_encrypted_practice_is_upgraded_and_rewritten_without_a_plain_page() {
    // A practice encrypted by an older CoachDesk (schema 10): opening it today copies it aside
    // encrypted, stores each note once and rewrites the file (VACUUM), all with her key.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let key = coachdesk_core::keys::KeyFile::create(PASSPHRASE, KdfCost::CHEAP_FOR_TESTS)
        .unwrap()
        .key;
    crate::store::version_10_practice(&mut db::open_file(&path, false, Some(&key)).unwrap());

    let db = Db::open_keyed(&path, Some(key.clone())).unwrap();
    let copy = db.pre_migration_copy().expect("a copy was made").to_owned();
    let found: Vec<i64> = coachdesk_core::search::search(&db, "sweet potato")
        .unwrap()
        .into_iter()
        .filter(|h| h.kind == coachdesk_core::search::SearchKind::Consult)
        .map(|h| h.id)
        .collect();
    assert_eq!(found, [1]);
    let history = consults::revisions(&db, 1).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].sections[0].body, "Started the elimination phase");
    drop(db);

    for word in ["Sweet potato", "elimination", "Renée", "calmer gut"] {
        assert!(
            files_holding(dir.path(), word).is_empty(),
            "{word:?} in {:?}",
            files_holding(dir.path(), word)
        );
    }
    for file in [&path, &copy] {
        let conn = db::open_file(file, true, Some(&key)).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "{}", file.display());
    }
    let conn = db::open_file(&path, true, Some(&key)).unwrap();
    let free: i64 = conn
        .pragma_query_value(None, "freelist_count", |r| r.get(0))
        .unwrap();
    assert_eq!(free, 0, "the upgraded file was rewritten");
}
