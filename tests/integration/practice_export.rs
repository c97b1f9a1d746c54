//! The whole-practice export and its import, on real temp-file stores: the round trip is
//! exact, the documented format names every table and column, and bad files change nothing.

use std::io::{Read, Write};
use std::path::Path;

use coachdesk_core::articles;
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::consults::{self, ConsultInput};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::follow_ups::{self, FollowUpInput};
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
use coachdesk_core::labs;
use coachdesk_core::practice;
use coachdesk_core::practice_export;

use crate::progress::{attach_a_big_file, client_with_everything, everything, practice, Practice};

fn read_part(zip_path: &Path, name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let mut bytes = Vec::new();
    zip.by_name(name).unwrap().read_to_end(&mut bytes).unwrap();
    bytes
}

/// A practice with every kind of record: clients with tags, consults with notes and their
/// revisions, follow-ups, protocols, reintroductions, check-ins, labs with a 5 MB file, an
/// article, a handout given, the logo.
fn full_practice() -> (Practice, Vec<u8>) {
    let p = practice();
    let mut input = ClientInput::named("Zoë 李小龙 🌿");
    input.tags = vec!["AIP".into(), "Gruppe Zürich".into()];
    input.goals = "Walk to the lake 🌊 without resting".into();
    input.birth_date = Some("1984-02-29".into());
    let her = client_with_everything(&p, &input);
    client_with_everything(&p, &ClientInput::named("Renée Côté"));
    let consult = consults::create(
        &p.db,
        &ConsultInput::free_consult(her.id, "2026-11-25T10:00:00Z", 45),
    )
    .unwrap();
    let mut sections = consult.sections.clone();
    sections[0].body = "Tired after lunch 😴; \"brain fog\", ça va mieux\nsecond line".into();
    consults::save_notes(&p.db, consult.id, &sections, true).unwrap();
    sections[1].body = "More energy".into();
    consults::save_notes(&p.db, consult.id, &sections, true).unwrap();
    follow_ups::create(
        &p.db,
        &FollowUpInput {
            client_id: her.id,
            title: "Send the broth guide".into(),
            due_date: Some("2026-12-05".into()),
        },
    )
    .unwrap();
    let text = "MSMonday: Broth Basics\n\nSimmer bones for a day — “low and slow”.\n\nWhy it helps\n\nGelatine soothes the gut lining.";
    let preview = articles::preview_pasted(&p.db, text).unwrap();
    let saved = articles::commit(&p.db, &[preview.drafts[0].draft.clone()]).unwrap();
    let article = articles::get(&p.db, saved[0].id).unwrap();
    let draft = HandoutDraft {
        title: "Broth for Zoë 🌿".into(),
        client_id: Some(her.id),
        blocks: vec![
            HandoutBlock::Intro {
                text: "Hello Zoë 🌿".into(),
            },
            HandoutBlock::ArticleSection {
                article_id: article.id,
                section_id: article.sections[1].id,
            },
        ],
    };
    handouts::export(&p.db, &draft, &p.dir.path().join("given.pdf")).unwrap();
    let logo = p.dir.path().join("logo.png");
    std::fs::write(
        &logo,
        include_bytes!("../../core/src/pdf/testdata/logo.png"),
    )
    .unwrap();
    practice::set_logo(&p.db, &logo).unwrap();
    let bytes = attach_a_big_file(&p, her.id, "MRI 2026 – Zoë.pdf");
    (p, bytes)
}

fn fresh() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    (dir, db)
}

#[test]
fn export_import_export_gives_the_same_document_and_the_same_files() {
    let (p, big) = full_practice();
    let first = p.dir.path().join("export one.zip");
    let made = practice_export::export(&p.db, &first, "test").unwrap();
    assert_eq!(made.clients, 2);
    assert_eq!(made.files, 4, "three lab files and the logo");

    let (dir, db) = fresh();
    let imported = practice_export::import(&db, &first, "t", None).unwrap();
    assert_eq!(imported.clients, 2);
    assert_eq!(imported.files, 4);
    let second = dir.path().join("export two.zip");
    practice_export::export(&db, &second, "test").unwrap();

    let one = read_part(&first, "practice.json");
    let two = read_part(&second, "practice.json");
    assert!(one == two, "the two documents differ");
    let json: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(json["format"], practice_export::FORMAT);
    assert_eq!(json["tables"]["clients"][0]["name"], "Zoë 李小龙 🌿");
    let document = String::from_utf8(one).unwrap();
    assert!(document.contains("😴"), "emoji kept as they are");

    // Every row of every table, the same in the imported practice, search indexes' text
    // included (only how the index lays out its pages may differ).
    drop(db);
    let rows = |path: &Path| -> Vec<String> {
        everything(path)
            .into_iter()
            .filter(|r| !r.contains("_index_data:") && !r.contains("_index_idx:"))
            .collect()
    };
    assert_eq!(
        rows(&p.dir.path().join(DATABASE_FILE)),
        rows(&dir.path().join(DATABASE_FILE))
    );
    // The 5 MB file is in the ZIP under its name and came back byte for byte.
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let her = clients::list(&db, &Default::default()).unwrap().clients;
    let her = her.iter().find(|c| c.name.starts_with("Zoë")).unwrap();
    let file = labs::for_client(&db, her.id).unwrap()[0]
        .files
        .iter()
        .find(|f| f.original_name.starts_with("MRI"))
        .unwrap()
        .clone();
    assert_eq!(labs::file_content(&db, file.id).unwrap().unwrap(), big);
    assert_eq!(
        read_part(
            &first,
            &format!("files/lab_files/{}-MRI 2026 – Zoë.pdf", file.id)
        ),
        big
    );
    // Search works on what came in (the indexes are filled by the rows).
    let found = coachdesk_core::search::search(&db, "brain fog").unwrap();
    assert!(!found.is_empty(), "{found:?}");
    // The spreadsheets read accents right and name the file parts.
    let csv = String::from_utf8(read_part(&first, "tables/clients.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}id,name,"), "{csv}");
    assert!(csv.contains("Zoë 李小龙 🌿"));
    let csv = String::from_utf8(read_part(&first, "tables/lab_files.csv")).unwrap();
    assert!(csv.contains("files/lab_files/"), "{csv}");
}

#[test]
fn the_documented_format_names_every_table_and_column() {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export-format.md"),
    )
    .unwrap();
    assert!(
        doc.contains(&format!(
            "Format version: {}",
            practice_export::FORMAT_VERSION
        )),
        "docs/export-format.md states the format version"
    );
    let (dir, db) = fresh();
    let path = dir.path().join("x.zip");
    practice_export::export(&db, &path, "t").unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&read_part(&path, "practice.json")).unwrap();
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    let mut missing = Vec::new();
    for table in json["tables"].as_object().unwrap().keys() {
        let heading = format!("### `{table}`");
        let Some(at) = doc.find(&heading) else {
            missing.push(heading);
            continue;
        };
        let section = &doc[at + heading.len()..];
        let section = &section[..section.find("\n### ").unwrap_or(section.len())];
        let sql = "SELECT name FROM pragma_table_info(?1)";
        for column in crate::column::<String, Vec<_>>(&conn, sql, [table]) {
            if !section.contains(&format!("| `{column}` |")) {
                missing.push(format!("{table}.{column}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/export-format.md does not describe: {missing:?}"
    );
}

#[test]
fn an_import_never_overwrites_a_practice_that_has_clients() {
    let (p, _) = full_practice();
    let path = p.dir.path().join("export.zip");
    practice_export::export(&p.db, &path, "t").unwrap();
    let (_dir, db) = fresh();
    clients::create(&db, &ClientInput::named("Ana")).unwrap();
    let err = practice_export::import(&db, &path, "t", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("already holds 1 client"), "{err}");
    assert_eq!(clients::list(&db, &Default::default()).unwrap().total, 1);
}

/// Rewrites the ZIP at `from` into `to`, changing the part `name` with `change`.
fn tampered(from: &Path, to: &Path, name: &str, change: impl Fn(&mut Vec<u8>)) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let part_name = part.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if part_name == name {
            change(&mut bytes);
        }
        out.start_file(part_name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn bad_exports_are_refused_in_words_and_change_nothing() {
    let (p, _) = full_practice();
    let good = p.dir.path().join("export.zip");
    practice_export::export(&p.db, &good, "t").unwrap();
    let backup = coachdesk_core::backups::back_up(
        &p.db,
        &p.dir.path().join("b"),
        coachdesk_core::backups::BackupReason::Manual,
        "t",
    )
    .unwrap();
    let dir = p.dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let changed_byte = dir.join("changed.zip");
    tampered(&good, &changed_byte, "practice.json", |b| {
        let at = b.len() / 2;
        b[at] ^= 1;
    });
    let changed_file = dir.join("changed-file.zip");
    tampered(&good, &changed_file, "files/practice/1-logo.png", |b| {
        b.push(0);
    });
    let newer = dir.join("newer.zip");
    tampered(&good, &newer, "manifest.json", |b| {
        let text = String::from_utf8(b.clone()).unwrap();
        *b = text
            .replace("\"formatVersion\": 1", "\"formatVersion\": 99")
            .into_bytes();
    });
    let truncated = {
        let bytes = std::fs::read(&good).unwrap();
        write("truncated.zip", &bytes[..bytes.len() / 2])
    };
    let cases = [
        (write("empty.zip", b""), "not a CoachDesk practice export"),
        (
            write("random.zip", &[7u8; 3000]),
            "not a CoachDesk practice export",
        ),
        (truncated, "not a CoachDesk practice export"),
        (changed_byte, "practice.json was changed or damaged"),
        (changed_file, "1-logo.png was changed or damaged"),
        (newer, "made by a newer CoachDesk"),
    ];
    let (fresh_dir, db) = fresh();
    for (path, expected) in cases {
        let err = practice_export::import(&db, &path, "t", None)
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{}: {err}", path.display());
        assert_eq!(clients::list(&db, &Default::default()).unwrap().total, 0);
        let left: Vec<String> = std::fs::read_dir(fresh_dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("staging"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
    // The good one still comes in after all that.
    let done = practice_export::import(&db, &good, "t", None).unwrap();
    assert!(!done.was_backup);
    assert_eq!(clients::list(&db, &Default::default()).unwrap().total, 2);

    // A backup picked instead, on a new computer, is restored.
    let (_other, empty) = fresh();
    let done = practice_export::import(&empty, Path::new(&backup.path), "t", None).unwrap();
    assert!(done.was_backup);
    assert_eq!(done.clients, 2);
    assert_eq!(clients::list(&empty, &Default::default()).unwrap().total, 2);
}
