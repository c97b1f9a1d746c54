//! `make bench`: backups of a big practice (10,000 clients, 200,000 notes of about 1 KB and
//! 500 MB of attached lab files), issue #9. Reports backup time and size, check time, restore
//! time, one client's export time, the whole-practice export and its import, and note autosaves
//! with synchronous=FULL (the app's) beside NORMAL; fails when saves made while a backup runs
//! take more than 50 ms (p95), or on any error. The reference beside the backup: copying the database file
//! with the file system (what a backup cannot be faster than).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use coachdesk_core::backups::{self, BackupReason};
use coachdesk_core::consults::{self, ConsultInput, NoteSection};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::practice::{self, FirstRunInput};
use common::practice::{seed, Rng};
use common::{ms, percentile, report, timed};
use rusqlite::params;

const ATTACHMENT_MB: usize = 500;

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let (setup, ()) = timed(|| {
        seed(&path);
        // 500 lab files of 1 MB each: incompressible, like the PDFs and photos they are.
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let tx = conn.transaction().unwrap();
        for n in 0..ATTACHMENT_MB as i64 {
            tx.execute(
                "INSERT INTO labs (client_id, name, taken_on, summary, created_at, updated_at)
                 VALUES (?1, 'Blood panel', '2026-10-01', '', '2026-10-01T00:00:00Z',
                         '2026-10-01T00:00:00Z')",
                [1 + n % 10_000],
            )
            .unwrap();
            let lab = tx.last_insert_rowid();
            let bytes: Vec<u8> = (0..1_048_576 / 8)
                .flat_map(|_| rng.next().to_le_bytes())
                .collect();
            tx.execute(
                "INSERT INTO lab_files (lab_id, original_name, stored_name, size_bytes, added_at,
                     content)
                 VALUES (?1, 'report.pdf', ?2, 1048576, '2026-10-01T00:00:00Z', ?3)",
                params![lab, format!("bench-{n}"), bytes],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    });
    let db = Db::open(&path).unwrap();
    practice::create(
        &db,
        &FirstRunInput {
            practice_name: "Gut & Glow".into(),
            coach_name: "Zoë".into(),
        },
    )
    .unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "set-up: 10,000 clients, 200,000 notes, {ATTACHMENT_MB} MB of files in {:.0} s; \
         database {:.0} MB",
        setup.as_secs_f64(),
        mb(size)
    );

    // The reference: a plain copy of the (checkpointed) file.
    db_checkpoint(&path);
    let (copy, _) = timed(|| std::fs::copy(&path, dir.path().join("plain-copy.db")).unwrap());
    std::fs::remove_file(dir.path().join("plain-copy.db")).unwrap();

    let folder = backups::folder_in(dir.path());
    let mut made = Vec::new();
    let mut times = Vec::new();
    for _ in 0..3 {
        let (t, b) =
            timed(|| backups::back_up(&db, &folder, BackupReason::Manual, "bench").unwrap());
        times.push(t);
        made.push(b);
    }
    let backup_p50 = ms(percentile(&mut times, 0.5));
    println!(
        "{:<40} n=3     p50 {:>9.0} ms  size {:.0} MB ({:.0}% of the database)",
        "backup (online backup + zip + manifest)",
        backup_p50,
        mb(made[0].bytes as u64),
        100.0 * made[0].bytes as f64 / size as f64
    );
    println!(
        "{:<40} n=1     {:>13.0} ms  (reference; the backup takes {:.1}× it)",
        "plain file copy of the database",
        ms(copy),
        backup_p50 / ms(copy)
    );

    let scratch = dir.path().join("scratch");
    let mut checks = Vec::new();
    for b in &made {
        checks.push(timed(|| backups::check(Path::new(&b.path), &scratch, None).unwrap()).0);
    }
    println!(
        "{:<40} n=3     p50 {:>9.0} ms",
        "check (unzip, SHA-256, integrity, counts)",
        ms(percentile(&mut checks, 0.5))
    );

    let consult =
        consults::create(&db, &ConsultInput::follow_up(1, "2026-12-01T09:00:00Z", 50)).unwrap();
    let save = |n: usize| {
        let notes = [NoteSection {
            heading: "Symptoms since last time".into(),
            body: format!("Typed while a backup runs, keystroke {n}."),
        }];
        timed(|| consults::save_notes(&db, consult.id, &notes, false).unwrap()).0
    };
    // Saves alone, then the same saves while backups run on another thread.
    let mut alone: Vec<Duration> = (0..200).map(save).collect();
    let running = Arc::new(AtomicBool::new(true));
    let during = std::thread::scope(|scope| {
        let flag = running.clone();
        let folder = folder.clone();
        let db_ref = &db;
        scope.spawn(move || {
            while flag.load(Ordering::SeqCst) {
                backups::back_up(db_ref, &folder, BackupReason::Daily, "bench").unwrap();
            }
        });
        std::thread::sleep(Duration::from_millis(200));
        let mut samples = Vec::new();
        for n in 0..400 {
            samples.push(save(n));
            std::thread::sleep(Duration::from_millis(20));
        }
        running.store(false, Ordering::SeqCst);
        samples
    });
    let mut during = during;
    report("note autosave, alone", &mut alone, 50.0);
    let ok = report("note autosave while a backup runs", &mut during, 50.0);

    // synchronous: FULL (what the app uses) against NORMAL, the same autosaves on the same
    // file, interleaved so the disk's mood is shared.
    let mut full = Vec::new();
    let mut normal = Vec::new();
    for n in 0..600 {
        let mode = if n % 2 == 0 { "FULL" } else { "NORMAL" };
        db.set_synchronous(mode).unwrap();
        let t = save(n);
        if n % 2 == 0 {
            full.push(t);
        } else {
            normal.push(t);
        }
    }
    db.set_synchronous("FULL").unwrap();
    let ok = report("note autosave, synchronous=FULL (app)", &mut full, 50.0) && ok;
    report(
        "note autosave, synchronous=NORMAL (ref.)",
        &mut normal,
        50.0,
    );
    println!(
        "{:<40} p50 ×{:.1}  p95 ×{:.1} (FULL against NORMAL)",
        "synchronous FULL costs",
        ms(percentile(&mut full, 0.5)) / ms(percentile(&mut normal, 0.5)).max(0.001),
        ms(percentile(&mut full, 0.95)) / ms(percentile(&mut normal, 0.95)).max(0.001),
    );

    let mut restores = Vec::new();
    for b in made.iter().take(2) {
        restores
            .push(timed(|| backups::restore(&db, Path::new(&b.path), "bench", None).unwrap()).0);
    }
    println!(
        "{:<40} n=2     p50 {:>9.0} ms  (includes the backup of the data before)",
        "restore",
        ms(percentile(&mut restores, 0.5))
    );

    let mut exports = Vec::new();
    for n in 0..5 {
        let out = dir.path().join(format!("client-{n}.zip"));
        exports.push(timed(|| coachdesk_core::client_export::export(&db, 1, &out).unwrap()).0);
    }
    report("one client's data export (ZIP)", &mut exports, 2000.0);

    // The whole practice as open files, and brought into an empty CoachDesk.
    let mut whole = Vec::new();
    let mut exported = None;
    for n in 0..2 {
        let out = dir.path().join(format!("practice-{n}.zip"));
        let (t, e) = timed(|| coachdesk_core::practice_export::export(&db, &out, "bench").unwrap());
        whole.push(t);
        exported = Some(e);
    }
    let exported = exported.unwrap();
    println!(
        "{:<40} n=2     p50 {:>9.0} ms  size {:.0} MB, {} rows, {} files",
        "whole-practice export (JSON, CSV, files)",
        ms(percentile(&mut whole, 0.5)),
        mb(exported.bytes as u64),
        exported.rows,
        exported.files
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let empty = Db::open(&elsewhere.path().join(DATABASE_FILE)).unwrap();
    let (t, imported) = timed(|| {
        coachdesk_core::practice_export::import(&empty, Path::new(&exported.path), "bench", None)
            .unwrap()
    });
    assert_eq!(imported.clients, exported.clients);
    println!(
        "{:<40} n=1     {:>13.0} ms  ({} clients, {} files)",
        "import of that export into an empty one",
        ms(t),
        imported.clients,
        imported.files
    );
    if !ok {
        eprintln!("A budget was missed.");
        std::process::exit(1);
    }
}

fn db_checkpoint(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}
