//! Erasure that erases: after a client is erased, unique words from her record, her notes and
//! her lab file are in no file of the data folder (database, WAL, SHM, copies for the viewer),
//! and, when the coach asks, in none of her backups either.

use std::io::Read;
use std::path::Path;

use coachdesk_core::backups::{self, BackupReason};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::consults::{self, ConsultInput};
use coachdesk_core::labs;

use crate::progress::{client_with_everything, practice};

const RECORD: &str = "RQ7vK2mXp9LwT4sZ8nBd";
const NOTES: &str = "NH3jF6yQa1VcU5rE0oGk";
const FILE: &str = "LP8tW2zXe4MbY7qD1iSn";

/// How many times `token` occurs in the bytes of every file under `folder` (backups aside:
/// they are ZIPs, looked into on their own).
fn hits(folder: &Path, token: &str) -> usize {
    crate::files_under(folder)
        .into_iter()
        .filter(|path| {
            let inside = path.strip_prefix(folder).unwrap().parent().unwrap();
            !inside.components().any(|c| c.as_os_str() == "backups")
        })
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            bytes
                .windows(token.len())
                .filter(|w| *w == token.as_bytes())
                .count()
        })
        .sum()
}

fn database_in(backup: &Path) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(backup).unwrap()).unwrap();
    let mut bytes = Vec::new();
    zip.by_name("coachdesk.db")
        .unwrap()
        .read_to_end(&mut bytes)
        .unwrap();
    bytes
}

fn contains(bytes: &[u8], token: &str) -> bool {
    bytes.windows(token.len()).any(|w| w == token.as_bytes())
}

#[test]
fn an_erased_clients_words_are_in_no_file_of_the_data_folder_nor_her_backups() {
    let p = practice();
    let dir = p.dir.path();
    let mut input = ClientInput::named("Renée Côté");
    input.notes = format!("Private history {RECORD}");
    input.goals = format!("Walk again {RECORD}");
    let her = client_with_everything(&p, &input);
    let other = client_with_everything(&p, &ClientInput::named("Zoë 李小龙 🌿"));
    let consult = consults::create(
        &p.db,
        &ConsultInput::follow_up(her.id, "2026-11-25T10:00:00Z", 45),
    )
    .unwrap();
    let mut sections = consult.sections.clone();
    for n in 0..5 {
        sections[0].body = format!("Session words {NOTES} typed {n}");
        consults::save_notes(&p.db, consult.id, &sections, n % 2 == 0).unwrap();
    }
    let report = dir.join("her report.pdf");
    std::fs::write(&report, format!("%PDF-1.4 ferritin 12 {FILE}")).unwrap();
    let lab = labs::for_client(&p.db, her.id).unwrap()[0].id;
    labs::attach(&p.db, lab, std::slice::from_ref(&report)).unwrap();
    std::fs::remove_file(&report).unwrap();
    let file_id = labs::for_client(&p.db, her.id).unwrap()[0]
        .files
        .iter()
        .find(|f| f.original_name == "her report.pdf")
        .unwrap()
        .id;
    labs::open_copy(&p.db, dir, file_id).unwrap();
    let made =
        backups::back_up(&p.db, &backups::folder_in(dir), BackupReason::Manual, "t").unwrap();
    // The words are there before (so the test can fail).
    for token in [RECORD, NOTES, FILE] {
        assert!(hits(dir, token) > 0, "{token} is written somewhere first");
        assert!(contains(&database_in(Path::new(&made.path)), token));
    }
    assert_eq!(
        backups::holding(&backups::folder_in(dir), &her.created_at)
            .unwrap()
            .len(),
        1
    );

    // Her name typed in another case, without accents, with stray spaces.
    clients::erase(&p.db, her.id, "  RENEE   cote ").unwrap();
    let taken = backups::take_client_out(&p.db, dir, her.id, &her.name, &her.created_at).unwrap();
    assert_eq!(taken.rewritten, 1);

    for token in [RECORD, NOTES, FILE] {
        assert_eq!(hits(dir, token), 0, "{token} is still in the data folder");
        assert!(
            !contains(&database_in(Path::new(&made.path)), token),
            "{token} is still in the backup"
        );
    }
    // The backup is whole and still holds everyone else, under its own name and time.
    let checked = backups::check(Path::new(&made.path), dir, None).unwrap();
    assert_eq!(checked.clients, 1);
    assert_eq!(checked.created_at, made.created_at);
    assert_eq!(checked.file_name, made.file_name);
    assert_eq!(clients::get(&p.db, other.id).unwrap().name, "Zoë 李小龙 🌿");
    let leftovers: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging") || n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn her_name_is_matched_however_it_was_typed_but_never_partly() {
    let name = "Renée Côté";
    for typed in [
        "Renée Côté",
        "renee cote",
        " RENÉE  CÔTÉ ",
        "Rene\u{301}e Co\u{302}te\u{301}",
    ] {
        assert!(clients::same_name(typed, name), "{typed}");
    }
    for typed in ["Renée", "Renée Côtés", "", "   ", "René Côté"] {
        assert!(!clients::same_name(typed, name), "{typed}");
    }
    assert!(clients::same_name("zoë 李小龙 🌿", "Zoë 李小龙 🌿"));
    assert!(!clients::same_name("Zoe 李小龙", "Zoë 李小龙 🌿"));
}

#[test]
fn backups_made_before_she_was_added_are_left_alone() {
    let p = practice();
    let dir = p.dir.path();
    backups::back_up(&p.db, &backups::folder_in(dir), BackupReason::Manual, "t").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let her = clients::create(&p.db, &ClientInput::named("Ana")).unwrap();
    assert!(backups::holding(&backups::folder_in(dir), &her.created_at)
        .unwrap()
        .is_empty());
    clients::erase(&p.db, her.id, "ana").unwrap();
    let taken = backups::take_client_out(&p.db, dir, her.id, &her.name, &her.created_at).unwrap();
    assert_eq!(taken, backups::TakenOut::default());
}
