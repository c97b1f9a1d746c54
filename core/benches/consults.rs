//! `make bench`: consult history and search on a practice with 10,000 clients and 200,000
//! notes of about 1 KB, against the budgets of issue #3 (search p95 ≤ 30 ms, a client's
//! timeline ≤ 20 ms, the dashboard ≤ 50 ms), with issue #13's references beside them: the same
//! words through a raw FTS5 query on the same database (Ctrl+K p95 ≤ 1.5× of it), the first
//! search after opening (≤ 100 ms), autosave of a note (p95 ≤ 5 ms), and a real upgrade of the
//! same practice from schema version 5 with its pre-migration copy (≤ 10 s), and what a note
//! costs on disk (≤ 3 KB). Prints a table; exits non-zero when a budget is missed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::{consults, dashboard, search, timeline};
use common::practice::{self, CLIENTS, NOTES};
use common::{ms, report, single, timed};

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let built = practice::seed(&path);
    let size: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "CoachDesk consults benchmark: {CLIENTS} clients, {NOTES} notes of ~1 KB built in {:.0} s; \
         database {:.0} MB",
        built.as_secs_f64(),
        size as f64 / 1e6
    );
    // What each note costs on disk (and in every backup and encrypted page): the database over
    // the notes, against ~1 KB of text each.
    let per_note = size as f64 / NOTES as f64 / 1024.0;
    let mut ok = single(
        "storage a note",
        &format!("{per_note:.1} KiB"),
        per_note <= 3.0,
        "3 KB",
    );

    // The first search after opening: nothing of the index in SQLite's cache yet.
    let db = Db::open(&path).unwrap();
    let (cold, _) = timed(|| search::search(&db, "brain fog").unwrap());
    ok &= single(
        "first search after opening (cold)",
        &format!("{:.3} ms", ms(cold)),
        ms(cold) <= 100.0,
        "100 ms",
    );

    let queries = [
        "energy",
        "gut heal",
        "brain fog",
        "reintroduction eggs",
        "Detail123456",
        "detail99",
        "café",
        "cafe",
        "sweet potato",
        "neurologist MRI",
        "\"leaky-gut\"",
        "NEAR(",
        "*",
        "zzzz",
        "Client 42",
        "coté",
        "s",
        "magnesium doctor week",
    ];
    let mut samples = Vec::new();
    let mut by_query = vec![Vec::new(); queries.len()];
    for _ in 0..10 {
        for (q, times) in queries.iter().zip(&mut by_query) {
            let (t, hits) = timed(|| search::search(&db, q).unwrap());
            assert!(hits.len() <= 30);
            samples.push(t);
            times.push((t, hits.len()));
        }
    }
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        for (q, times) in queries.iter().zip(&mut by_query) {
            times.sort();
            let (median, hits) = times[times.len() / 2];
            println!("  {q:<24} median {:>7.3} ms  {hits} hits", ms(median));
        }
    }
    ok &= report("search (Ctrl+K), 18 kinds of query", &mut samples, 30.0);
    let ctrl_k = common::percentile(&mut samples, 0.95);

    // The reference: the FTS5 query alone, raw, with the same words and limit.
    let raw = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = raw
        .prepare(
            "SELECT rowid, snippet(search_index, 1, char(2), char(3), '…', 14)
             FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT 30",
        )
        .unwrap();
    let mut samples = Vec::new();
    for _ in 0..10 {
        for q in queries.iter().filter_map(|q| search::fts_query(q)) {
            let (t, rows) = timed(|| {
                stmt.query_map([&q], |r| r.get::<_, i64>(0))
                    .unwrap()
                    .count()
            });
            assert!(rows <= 30);
            samples.push(t);
        }
    }
    let raw_p95 = common::percentile(&mut samples, 0.95);
    println!(
        "{:<40} n={:<5} p50 {:>7.3} ms  p95 {:>7.3} ms  (reference)",
        "raw FTS5 query, same words and limit",
        samples.len(),
        ms(common::percentile(&mut samples, 0.5)),
        ms(raw_p95)
    );
    let ratio = ctrl_k.as_secs_f64() / raw_p95.as_secs_f64();
    ok &= single(
        "Ctrl+K p95 against the raw query",
        &format!("{ratio:.2}×"),
        ratio <= 1.5,
        "1.5×",
    );

    let mut samples = Vec::new();
    for i in 0..300 {
        let client_id = 1 + (i * 37) % CLIENTS;
        let (t, events) = timed(|| timeline::for_client(&db, client_id).unwrap());
        assert!(events.len() >= 20);
        samples.push(t);
    }
    ok &= report("a client's timeline (~21 events)", &mut samples, 20.0);

    let mut samples = Vec::new();
    for _ in 0..50 {
        samples.push(timed(|| dashboard::now(&db).unwrap()).0);
    }
    ok &= report("dashboard", &mut samples, 50.0);

    // Autosave: her notes saved as she types, on a consult of this big practice.
    let consult = consults::get(&db, NOTES / 2).unwrap();
    let mut sections = consult.sections.clone();
    if sections.is_empty() {
        sections.push(consults::NoteSection {
            heading: "Notes".into(),
            body: String::new(),
        });
    }
    let mut samples = Vec::new();
    for i in 0..300 {
        sections[0]
            .body
            .push_str(if i % 10 == 9 { ".\n" } else { " word" });
        samples.push(timed(|| consults::save_notes(&db, consult.id, &sections, false).unwrap()).0);
    }
    ok &= report("autosave of a note", &mut samples, 5.0);
    drop(db);
    // The big practice is not needed any more: its disk space goes to the upgrade's.
    drop(dir);

    // A real upgrade: the same practice as CoachDesk's schema version 5 left it, opened by
    // today's CoachDesk, which copies it aside, migrates the copy (storing each note once,
    // migration 11), writes what is in use into a new file that takes the practice's place, and
    // keeps the practice as it was beside it (one run: building it takes a minute and the
    // upgrade happens once per practice).
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join(DATABASE_FILE);
    let built = practice::seed_version_5(&old);
    let before = std::fs::metadata(&old).unwrap().len();
    // What the notes' index answered before the upgrade (with its own copy of every note) is
    // what it answers after (reading the notes themselves): the same rows, the same snippets.
    let answers = |conn: &rusqlite::Connection| -> Vec<Vec<(i64, String)>> {
        let mut stmt = conn
            .prepare(
                "SELECT rowid, snippet(search_index, 1, char(2), char(3), '…', 14)
                 FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC LIMIT 30",
            )
            .unwrap();
        queries
            .iter()
            .filter_map(|q| search::fts_query(q))
            .map(|q| {
                stmt.query_map([q], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
                    .collect::<Result<_, _>>()
                    .unwrap()
            })
            .collect()
    };
    let answered_before = answers(&rusqlite::Connection::open(&old).unwrap());
    // Her practice has been on disk for a while, not written a moment ago: the 1.5 GB just
    // built is flushed first, so the upgrade is not timed with the disk still busy writing it
    // (that made the copy 0.5 to 3.5 s from run to run). Measured once with the page cache
    // dropped too (a cold start): 7.6 s.
    std::fs::File::open(&old).unwrap().sync_all().unwrap();
    let (upgrade, db) = timed(|| Db::open(&old).unwrap());
    let copy = db
        .pre_migration_copy()
        .expect("an upgrade keeps a copy of the practice as it was");
    let copied = std::fs::metadata(copy).unwrap().len();
    assert!(
        copied >= before / 10 * 9,
        "the copy is much smaller than the practice it copies"
    );
    let answered = search::search(&db, "Detail123456").unwrap();
    assert_eq!(answered.len(), 1, "the upgraded practice finds her notes");
    drop(db);
    let answered_after = answers(&rusqlite::Connection::open(&old).unwrap());
    let hits: usize = answered_before.iter().map(Vec::len).sum();
    assert!(hits > 100, "the queries find notes");
    assert!(
        answered_after == answered_before,
        "the upgrade changed what search finds or shows"
    );
    let after = std::fs::metadata(&old).unwrap().len();
    ok &= single(
        "upgrade v5 -> today, with its copy",
        &format!("{:.0} ms", ms(upgrade)),
        ms(upgrade) <= 10_000.0,
        "10 s",
    );
    println!(
        "  (a version 5 practice of {:.0} MB, built in {:.0} s; its copy {:.0} MB; upgraded {:.0} MB; \
         its search index answers the {} queries above the same, {hits} notes with their snippets)",
        before as f64 / 1e6,
        built.as_secs_f64(),
        copied as f64 / 1e6,
        after as f64 / 1e6,
        queries.len()
    );

    if !ok {
        eprintln!("A budget was missed.");
        std::process::exit(1);
    }
}
