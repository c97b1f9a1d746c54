//! Saves survive crashes. A child process (this test binary again, running the ignored
//! `crash_writer`) writes a stream of note autosaves, client edits and check-ins, with a
//! backup now and then, and prints each write once it is committed. The parent kills it with
//! SIGKILL at a random moment, starts the app's store again as the app does, and checks that
//! every acknowledged write is there, SQLite's integrity check passes and no temporary or
//! partial file is left. A second phase kills the child while it restores backups: the data is
//! then exactly one backup or the other, never a mix.
//!
//! `make test` runs 20 + 5 kills; `make bench` runs the soak (`CRASH_KILLS=500`).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use coachdesk_core::backups::{self, BackupReason};
use coachdesk_core::checkins::{self, CheckInInput, Rating};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::consults::{self, ConsultInput, NoteSection};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::practice::{self, FirstRunInput};
use coachdesk_lib::AppState;

const ROLE: &str = "COACHDESK_CRASH_ROLE";
const DATA: &str = "COACHDESK_CRASH_DATA";
const START: &str = "COACHDESK_CRASH_START";

/// A small random number without a dependency: the standard library's hasher is seeded
/// randomly for every `RandomState`.
fn random_below(n: u64) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(n);
    h.finish() % n
}

/// The day of check-in number `i` (one a day, so each write is its own row).
/// A distinct day for check-in number `i` (every third write): 1900 to 2100 holds 73,000 of
/// them, enough for the 500-kill soak (about 60,000 writes in a release build).
fn day(i: u64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    (base + chrono::Duration::days(i64::try_from(i / 3).unwrap()))
        .format("%Y-%m-%d")
        .to_string()
}

/// The child: writes until it is killed. Ignored unless started by the parent below.
#[test]
#[ignore = "the child process of saves_survive_sigkill"]
fn crash_writer() {
    let Some(data) = std::env::var_os(DATA) else {
        return;
    };
    let data = PathBuf::from(data);
    let db = Db::open(&data.join(DATABASE_FILE)).unwrap();
    let out = std::io::stdout();
    let mut out = out.lock();
    if std::env::var(ROLE).as_deref() == Ok("restorer") {
        let mut names: Vec<PathBuf> = ["a", "b"]
            .iter()
            .map(|n| data.join(format!("{n}.coachdesk-backup")))
            .collect();
        loop {
            backups::restore(&db, &names[0], "test", None).unwrap();
            writeln!(out, "restored").unwrap();
            out.flush().unwrap();
            names.reverse();
        }
    }
    let symptom = checkins::symptoms(&db, false).unwrap()[0].id;
    let mut i: u64 = std::env::var(START).unwrap().parse().unwrap();
    loop {
        match i % 3 {
            0 => {
                let notes = [NoteSection {
                    heading: "Symptoms since last time".into(),
                    body: format!("{i}"),
                }];
                consults::save_notes(&db, 1, &notes, i.is_multiple_of(2)).unwrap();
            }
            1 => {
                clients::update(&db, 1, &ClientInput::named(&format!("Client {i}"))).unwrap();
            }
            _ => {
                checkins::add(
                    &db,
                    &CheckInInput {
                        client_id: 1,
                        on_date: day(i),
                        notes: format!("{i}"),
                        ratings: vec![Rating {
                            symptom_id: symptom,
                            value: u8::try_from(i % 11).unwrap(),
                        }],
                    },
                )
                .unwrap();
            }
        }
        writeln!(out, "{i}").unwrap();
        out.flush().unwrap();
        if i.is_multiple_of(25) {
            backups::take(&db, &data, BackupReason::Daily, "test").unwrap();
        }
        i += 1;
    }
}

/// Runs the child until a random moment, kills it with SIGKILL, and returns what it printed.
fn run_and_kill(data: &Path, role: &str, start: u64, max_ms: u64) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::crash_writer",
            "--ignored",
            "--nocapture",
            "--quiet",
        ])
        .env(ROLE, role)
        .env(DATA, data)
        .env(START, start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut text);
        text
    });
    std::thread::sleep(Duration::from_millis(80 + random_below(max_ms)));
    // The child never stops by itself: if it did, a write failed.
    if let Some(status) = child.try_wait().unwrap() {
        panic!(
            "the {role} stopped by itself ({status}):\n{}",
            errors.join().unwrap()
        );
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    reader.join().unwrap()
}

/// Starts the store as the app does, and lists every file left in the data folder.
fn start_again(data: &Path) -> (AppState, Vec<String>) {
    let state = AppState::open(data.to_owned(), false);
    let mut files = Vec::new();
    for entry in walk(data) {
        files.push(
            entry
                .strip_prefix(data)
                .unwrap()
                .to_string_lossy()
                .into_owned(),
        );
    }
    (state, files)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn only_our_files(files: &[String]) {
    for f in files {
        let ok = matches!(
            f.as_str(),
            "coachdesk.db"
                | "coachdesk.db-wal"
                | "coachdesk.db-shm"
                | "coachdesk.lock"
                | "a.coachdesk-backup"
                | "b.coachdesk-backup"
        ) || (f.starts_with("backups/")
            && !f.contains("/.")
            && f.ends_with(".coachdesk-backup"));
        assert!(
            ok,
            "a temporary or partial file was left: {f} (all: {files:?})"
        );
    }
}

/// Backups kept between runs of the soak (the newest first).
const KEEP_BACKUPS: usize = 20;

fn kills() -> usize {
    std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(20)
}

fn set_up(data: &Path) {
    let db = Db::open(&data.join(DATABASE_FILE)).unwrap();
    practice::create(
        &db,
        &FirstRunInput {
            practice_name: "Gut & Glow".into(),
            coach_name: "Zoë 李小龙 🌿".into(),
        },
    )
    .unwrap();
    let client = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    assert_eq!(client.id, 1);
    let consult =
        consults::create(&db, &ConsultInput::follow_up(1, "2026-12-01T09:00:00Z", 50)).unwrap();
    assert_eq!(consult.id, 1);
}

#[test]
fn saves_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    set_up(data);
    let (mut note, mut client, mut checkins_acked) = (0u64, 0u64, Vec::new());
    let mut next = 1u64;
    let runs = kills();
    let mut written = 0;
    let mut checked = std::collections::HashSet::new();
    for run in 0..runs {
        let acked: Vec<u64> = run_and_kill(data, "writer", next, 600)
            .iter()
            .filter_map(|l| l.trim().parse().ok())
            .collect();
        written += acked.len();
        for &i in &acked {
            match i % 3 {
                0 => note = note.max(i),
                1 => client = client.max(i),
                _ => checkins_acked.push(i),
            }
        }
        if let Some(&last) = acked.last() {
            // The write after the last one printed may have been committed too.
            next = last + 2;
        }
        let (state, files) = start_again(data);
        only_our_files(&files);
        // Every backup this run left is complete (each is checked once). Then only the newest
        // few are kept, as the rotation would over days, so a long soak stays linear.
        let folder = backups::folder_in(data);
        let made = backups::list(&folder).unwrap();
        for b in &made {
            if checked.insert(b.file_name.clone()) {
                backups::check(Path::new(&b.path), &dir.path().join("scratch"), None).unwrap();
            }
        }
        for b in made.iter().skip(KEEP_BACKUPS) {
            std::fs::remove_file(&b.path).unwrap();
        }
        let db = state.db().unwrap();
        let conn = rusqlite::Connection::open_with_flags(
            data.join(DATABASE_FILE),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "run {run}");
        if note > 0 {
            let body = consults::get(db, 1).unwrap().sections[0].body.clone();
            let saved: u64 = body.parse().unwrap();
            assert!(
                saved >= note,
                "run {run}: note {saved} < acknowledged {note}"
            );
        }
        if client > 0 {
            let name = clients::get(db, 1).unwrap().name;
            let saved: u64 = name.trim_start_matches("Client ").parse().unwrap();
            assert!(
                saved >= client,
                "run {run}: client {saved} < acknowledged {client}"
            );
        }
        // One read of every check-in, then every acknowledged one looked up in it (a query
        // per check-in scanned the table each time, which made a long soak cubic).
        let stored: std::collections::HashSet<String> =
            crate::column(&conn, "SELECT notes FROM checkins", []);
        let missing: Vec<u64> = checkins_acked
            .iter()
            .copied()
            .filter(|i| !stored.contains(&i.to_string()))
            .collect();
        assert!(
            missing.is_empty(),
            "run {run}: acknowledged check-ins lost: {missing:?}"
        );
    }
    assert!(
        written > runs,
        "the child wrote too little to test anything: {written}"
    );
    // Every backup left is complete (a kill during a backup leaves none half-written).
    let scratch = dir.path().join("scratch");
    for b in backups::list(&backups::folder_in(data)).unwrap() {
        backups::check(Path::new(&b.path), &scratch, None).unwrap();
    }
    eprintln!(
        "{runs} kills, {written} acknowledged writes, none lost; {} backups made, all complete",
        checked.len()
    );

    // Kills during restores: the data is one backup or the other, never a mix.
    let db = Db::open(&data.join(DATABASE_FILE)).unwrap();
    let a = backups::back_up(&db, &data.join("a-dir"), BackupReason::Manual, "test").unwrap();
    clients::create(&db, &ClientInput::named("Only in b")).unwrap();
    let b = backups::back_up(&db, &data.join("b-dir"), BackupReason::Manual, "test").unwrap();
    drop(db);
    std::fs::rename(&a.path, data.join("a.coachdesk-backup")).unwrap();
    std::fs::rename(&b.path, data.join("b.coachdesk-backup")).unwrap();
    std::fs::remove_dir_all(data.join("a-dir")).unwrap();
    std::fs::remove_dir_all(data.join("b-dir")).unwrap();
    let restores = (runs / 4).max(5);
    let mut restored = 0;
    for run in 0..restores {
        restored += run_and_kill(data, "restorer", 0, 600).len();
        let (state, files) = start_again(data);
        only_our_files(&files);
        // The app opens its data again, whatever moment the restore was killed at.
        if let Err(e) = state.db() {
            panic!("restore run {run}: the store does not open: {}", e.message);
        }
        drop(state);
        let clients_now: i64 = rusqlite::Connection::open_with_flags(
            data.join(DATABASE_FILE),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap()
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap();
        assert!(
            clients_now == a.clients || clients_now == b.clients,
            "restore run {run}: {clients_now} clients, neither backup ({} or {})",
            a.clients,
            b.clients
        );
        let integrity: String = rusqlite::Connection::open_with_flags(
            data.join(DATABASE_FILE),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
        assert_eq!(integrity, "ok", "restore run {run}");
    }
    eprintln!("{restores} kills during restores ({restored} restores finished), never a mix");
}
