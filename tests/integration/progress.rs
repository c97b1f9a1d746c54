//! A practice with a bit of everything (protocol, reintroductions, check-ins, labs with files),
//! the helpers the area tests share, and the tests that cross areas: erasure, her summary, her
//! data as a ZIP, a backup restored elsewhere. Each area's own tests are in its file
//! (protocols.rs, reintro.rs, checkins.rs, labs.rs).

use std::path::Path;

use coachdesk_core::backups::{self, BackupReason};
use coachdesk_core::checkins::{self, CheckInInput, Rating};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
use coachdesk_core::labs::{self, LabInput};
use coachdesk_core::protocols::{self, AssignInput, ClientProtocol, ProtocolStep};
use coachdesk_core::reintro::{self, FoodStatus, LogInput};
use coachdesk_core::summary;
use coachdesk_core::Error;
pub(crate) struct Practice {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) db: Db,
}

pub(crate) fn practice() -> Practice {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    crate::first_run(&db);
    Practice { dir, db }
}

pub(crate) fn template_id(db: &Db, starts_with: &str) -> i64 {
    protocols::list_templates(db)
        .unwrap()
        .into_iter()
        .find(|t| t.name.starts_with(starts_with))
        .unwrap()
        .id
}

/// Gives her the starter template whose name begins with `template`, from `start_date`.
pub(crate) fn assign(
    p: &Practice,
    client_id: i64,
    template: &str,
    start_date: &str,
) -> ClientProtocol {
    protocols::assign(
        &p.db,
        &AssignInput {
            client_id,
            template_id: template_id(&p.db, template),
            start_date: start_date.into(),
        },
    )
    .unwrap()
}

pub(crate) fn food_id(db: &Db, name: &str) -> i64 {
    reintro::foods(db)
        .unwrap()
        .into_iter()
        .find(|f| f.name == name)
        .unwrap()
        .id
}

pub(crate) fn entry(client_id: i64, food_id: i64, on: &str, outcome: FoodStatus) -> LogInput {
    LogInput {
        client_id,
        food_id,
        on_date: on.into(),
        amount: "1 teaspoon".into(),
        symptoms: String::new(),
        severity: 0,
        outcome,
        notes: String::new(),
    }
}

pub(crate) fn problems(e: Error) -> Vec<String> {
    match e {
        Error::Invalid(p) => p
            .into_iter()
            .map(|f| format!("{}: {}", f.field, f.reason))
            .collect(),
        other => panic!("expected field problems, got {other:?}"),
    }
}

pub(crate) fn ratings(pairs: &[(i64, u8)]) -> Vec<Rating> {
    pairs
        .iter()
        .map(|&(symptom_id, value)| Rating { symptom_id, value })
        .collect()
}

pub(crate) fn rows_for(db_path: &std::path::Path, client_id: i64) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db_path).unwrap();
    [
        ("client_protocols", "client_id = ?1"),
        (
            "client_protocol_events",
            "protocol_id IN (SELECT id FROM client_protocols WHERE client_id = ?1)",
        ),
        ("client_foods", "client_id = ?1"),
        ("reintro_log", "client_id = ?1"),
        ("checkins", "client_id = ?1"),
        (
            "checkin_ratings",
            "checkin_id IN (SELECT id FROM checkins WHERE client_id = ?1)",
        ),
        ("labs", "client_id = ?1"),
        ("lab_files", "stored_name LIKE 'client-' || ?1 || '/%'"),
    ]
    .into_iter()
    .map(|(table, filter)| {
        let n = crate::number(
            &conn,
            &format!("SELECT count(*) FROM {table} WHERE {filter}"),
            [client_id],
        );
        (table.to_owned(), n)
    })
    .collect()
}

/// A client from `input`, with a bit of everything: a protocol moved on to its second phase, a
/// food reintroduced, a check-in and a lab result with a file.
pub(crate) fn client_with_everything(p: &Practice, input: &ClientInput) -> clients::Client {
    let her = clients::create(&p.db, input).unwrap();
    let client_id = her.id;
    let pr = assign(p, client_id, "Autoimmune", "2026-10-01");
    protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-11-01").unwrap();
    reintro::log(
        &p.db,
        &entry(
            client_id,
            food_id(&p.db, "Egg yolks"),
            "2026-11-02",
            FoodStatus::Tolerated,
        ),
    )
    .unwrap();
    let fatigue = checkins::symptoms(&p.db, false).unwrap()[0].id;
    checkins::add(
        &p.db,
        &CheckInInput {
            client_id,
            on_date: "2026-11-03".into(),
            notes: "secret-phrase-ZQX".into(),
            ratings: ratings(&[(fatigue, 4)]),
        },
    )
    .unwrap();
    let lab = labs::add(
        &p.db,
        &LabInput {
            client_id,
            name: "Ferritin".into(),
            taken_on: "2026-10-12".into(),
            summary: String::new(),
        },
    )
    .unwrap();
    let file = p.dir.path().join(format!("upload-{client_id}.pdf"));
    std::fs::write(&file, b"%PDF-1.4 ferritin").unwrap();
    labs::attach(&p.db, lab.id, &[file]).unwrap();
    her
}

#[test]
fn erasing_a_client_removes_her_protocols_logs_check_ins_labs_and_files() {
    let p = practice();
    let her = client_with_everything(&p, &ClientInput::named("Renée Côté"));
    let other = client_with_everything(&p, &ClientInput::named("Zoë"));
    let db_path = p.dir.path().join(DATABASE_FILE);
    assert!(
        rows_for(&db_path, her.id).iter().all(|(_, n)| *n > 0),
        "{:?}",
        rows_for(&db_path, her.id)
    );
    // A copy of her file opened in the viewer, and one of the other client's.
    let file_of = |client_id| labs::for_client(&p.db, client_id).unwrap()[0].files[0].id;
    let her_copy = labs::open_copy(&p.db, p.dir.path(), file_of(her.id)).unwrap();
    let other_copy = labs::open_copy(&p.db, p.dir.path(), file_of(other.id)).unwrap();

    clients::erase(&p.db, her.id, "Renée Côté").unwrap();

    for (table, n) in rows_for(&db_path, her.id) {
        assert_eq!(n, 0, "{table} still holds her rows");
    }
    assert!(
        !her_copy.exists(),
        "a copy of her attached file is still on disk"
    );
    // The other client keeps everything.
    assert!(rows_for(&db_path, other.id).iter().all(|(_, n)| *n > 0));
    assert!(other_copy.exists());
}

pub(crate) fn pdftotext(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by make test");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_client_summary_includes_her_protocol_and_progress() {
    let p = practice();
    let c = client_with_everything(&p, &ClientInput::named("Renée Côté"));
    let summary = summary::get(&p.db, c.id).unwrap();
    let text = serde_json::to_string(&summary.blocks).unwrap();
    for expected in [
        "Protocol and progress",
        "**Autoimmune Protocol (AIP):** Reintroduction, stage 1, since Sun 1 Nov 2026",
        "**Tolerated:** Egg yolks",
        "**Latest check-in (Tue 3 Nov 2026, 1 in all):** Fatigue 4",
        "**Ferritin** (Mon 12 Oct 2026)",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
    // A client with none of it gets no empty section.
    let other = clients::create(&p.db, &ClientInput::named("Zoë")).unwrap();
    let text = serde_json::to_string(&summary::get(&p.db, other.id).unwrap().blocks).unwrap();
    assert!(!text.contains("Protocol and progress"));
}

#[test]
fn her_data_exports_as_one_zip_with_everything_and_nothing_of_anyone_else() {
    use std::io::Read;
    let p = practice();
    let her = client_with_everything(&p, &ClientInput::named("Zoë 李小龙 🌿"));
    client_with_everything(&p, &ClientInput::named("Someone Else"));
    let draft = HandoutDraft {
        title: "Broth basics".into(),
        client_id: Some(her.id),
        blocks: vec![HandoutBlock::Intro {
            text: "Hello Zoë 🌿, here is your plan.".into(),
        }],
    };
    handouts::export(&p.db, &draft, &p.dir.path().join("given.pdf")).unwrap();

    let name = coachdesk_core::client_export::file_name(&p.db, her.id).unwrap();
    assert!(name.starts_with("Zoë 李小龙 🌿 – her data, "), "{name}");
    let path = p.dir.path().join(&name);
    let exported = coachdesk_core::client_export::export(&p.db, her.id, &path).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut bytes = Vec::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} is not in {:?}", exported.files))
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
    };
    for part in [
        "README.txt",
        "client.json",
        "consults.json",
        "follow-ups.json",
        "protocols.json",
        "reintroductions.json",
        "check-ins.json",
        "labs.json",
        "timeline.json",
    ] {
        let text = String::from_utf8(read(part)).unwrap();
        assert!(
            !text.contains("Someone Else"),
            "{part} holds another client's data"
        );
    }
    let client = String::from_utf8(read("client.json")).unwrap();
    assert!(client.contains("Zoë 李小龙 🌿"), "{client}");
    let csv = String::from_utf8(read("check-ins.csv")).unwrap();
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("Date,Fatigue"),
        "{csv}"
    );
    assert!(String::from_utf8(read("check-ins.json"))
        .unwrap()
        .contains("secret-phrase-ZQX"));
    let lab_file = exported
        .files
        .iter()
        .find(|f| f.starts_with("labs/"))
        .unwrap()
        .clone();
    assert_eq!(read(&lab_file), b"%PDF-1.4 ferritin");
    let handout = exported
        .files
        .iter()
        .find(|f| f.starts_with("handouts/"))
        .unwrap()
        .clone();
    assert!(read(&handout).starts_with(b"%PDF-"));
    assert!(read("summary.pdf").starts_with(b"%PDF-"));
    // Nothing half-written is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(p.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty());
}

/// Every row of every table of the practice at `path` (see `every_row`): what `.dump` would
/// compare, without needing the sqlite3 tool.
pub(crate) fn everything(path: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    crate::every_row(&conn)
}

/// Attaches a 5 MB file (bytes that do not compress) to the client's first lab result, and
/// returns its bytes.
pub(crate) fn attach_a_big_file(p: &Practice, client_id: i64, name: &str) -> Vec<u8> {
    let big = p.dir.path().join(name);
    let bytes: Vec<u8> = (0..5 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(&big, &bytes).unwrap();
    let lab = labs::for_client(&p.db, client_id).unwrap()[0].id;
    labs::attach(&p.db, lab, &[big]).unwrap();
    bytes
}

#[test]
fn a_backup_restored_into_a_fresh_data_folder_is_identical() {
    let p = practice();
    let her = client_with_everything(&p, &ClientInput::named("Zoë 李小龙 🌿"));
    let bytes = attach_a_big_file(&p, her.id, "scan.pdf");
    let made = backups::back_up(
        &p.db,
        &backups::folder_in(p.dir.path()),
        BackupReason::Manual,
        "t",
    )
    .unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let restored = backups::recover(fresh.path(), Path::new(&made.path), None).unwrap();
    drop(restored);
    let original = p.dir.path().join(DATABASE_FILE);
    assert_eq!(
        everything(&original),
        everything(&fresh.path().join(DATABASE_FILE))
    );
    // The 5 MB file came back byte for byte.
    let db = Db::open(&fresh.path().join(DATABASE_FILE)).unwrap();
    let files = &labs::for_client(&db, her.id).unwrap()[0].files;
    let copy = files
        .iter()
        .find(|f| f.original_name == "scan.pdf")
        .unwrap();
    assert_eq!(labs::file_content(&db, copy.id).unwrap().unwrap(), bytes);
}
