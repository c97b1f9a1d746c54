//! `make bench`: consult history and search on a practice with 10,000 clients and 200,000
//! notes of about 1 KB, against the budgets of issue #3 (search p95 ≤ 30 ms, a client's
//! timeline ≤ 20 ms, the dashboard ≤ 50 ms). Prints a table and the database size; exits
//! non-zero when a budget is missed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::{dashboard, search, timeline};
use common::practice::{self, CLIENTS, NOTES};
use common::{ms, report, timed};

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

    let db = Db::open(&path).unwrap();
    let mut ok = true;

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
    for round in 0..10 {
        for q in queries {
            let (t, hits) = timed(|| search::search(&db, q).unwrap());
            assert!(hits.len() <= 30);
            if round == 0 && std::env::var_os("BENCH_VERBOSE").is_some() {
                println!("  {q:<24} {:>9.3} ms  {} hits", ms(t), hits.len());
            }
            samples.push(t);
        }
    }
    ok &= report("search (Ctrl+K), 18 kinds of query", &mut samples, 30.0);

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

    if !ok {
        eprintln!("A budget was missed.");
        std::process::exit(1);
    }
}
