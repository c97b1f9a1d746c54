//! `make bench`: consult history and search on a practice with 10,000 clients and 200,000
//! notes of about 1 KB, against the budgets of issue #3 (search p95 ≤ 30 ms, a client's
//! timeline ≤ 20 ms, the dashboard ≤ 50 ms). Prints a table and the database size; exits
//! non-zero when a budget is missed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use coachdesk_core::clients::{self, ClientInput, ClientStatus};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::{dashboard, search, timeline};
use rusqlite::params;

const CLIENTS: i64 = 10_000;
const NOTES: i64 = 200_000;

const WORDS: &[&str] = &[
    "energy",
    "fatigue",
    "gut",
    "healing",
    "bloating",
    "sleep",
    "stress",
    "walk",
    "yoga",
    "breathing",
    "journal",
    "bone",
    "broth",
    "sauerkraut",
    "kefir",
    "collagen",
    "liver",
    "salmon",
    "sardines",
    "greens",
    "sweet",
    "potato",
    "avocado",
    "olive",
    "oil",
    "coconut",
    "turmeric",
    "ginger",
    "elimination",
    "reintroduction",
    "eggs",
    "yolks",
    "ghee",
    "seeds",
    "nightshades",
    "tomatoes",
    "peppers",
    "dairy",
    "gluten",
    "sugar",
    "coffee",
    "alcohol",
    "numbness",
    "tingling",
    "brain",
    "fog",
    "vision",
    "balance",
    "mood",
    "anxiety",
    "calm",
    "grateful",
    "wins",
    "challenges",
    "homework",
    "recipes",
    "batch",
    "cooking",
    "family",
    "work",
    "neurologist",
    "relapse",
    "MRI",
    "vitamin",
    "D",
    "omega",
    "magnesium",
    "doctor",
    "she",
    "felt",
    "better",
    "worse",
    "after",
    "before",
    "week",
    "morning",
    "evening",
    "tired",
    "steady",
    "flare",
    "symptoms",
    "improved",
    "plan",
    "next",
    "steps",
    "goal",
    "café",
    "purée",
    "naïve",
    "crème",
    "déjà",
];

/// A small deterministic generator, so every run builds the same practice.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn note(rng: &mut Rng, id: i64) -> String {
    let mut text = String::with_capacity(1100);
    while text.len() < 1000 {
        let words = 8 + rng.next() % 10;
        for i in 0..words {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(rng.pick(WORDS));
        }
        text.push_str(". ");
    }
    // A word that appears in exactly one note, as a coach's specific detail would.
    text.push_str(&format!("Detail{id}."));
    text
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, samples: &mut [Duration], budget_ms: f64) -> bool {
    let p50 = ms(percentile(samples, 0.5));
    let p95 = ms(percentile(samples, 0.95));
    let max = ms(*samples.iter().max().unwrap());
    let ok = p95 <= budget_ms;
    println!(
        "{what:<40} n={:<5} p50 {p50:>7.3} ms  p95 {p95:>7.3} ms  max {max:>7.3} ms  {}",
        samples.len(),
        if ok {
            format!("ok (budget {budget_ms} ms)")
        } else {
            format!("OVER BUDGET ({budget_ms} ms)")
        }
    );
    ok
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let db = Db::open(&path).unwrap();
    let start = Instant::now();
    for i in 0..CLIENTS {
        let mut c = ClientInput::named(&format!("Client {i} Côté"));
        c.status = ClientStatus::ALL[(i % 6) as usize];
        c.email = format!("client{i}@example.com");
        clients::create(&db, &c).unwrap();
    }
    drop(db);

    // Consults and notes go in through SQL in large transactions (the same triggers keep the
    // search index), because 200,000 separate bookings would take minutes to set up.
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let now = chrono::Utc::now();
    for batch in 0..(NOTES / 10_000) {
        let tx = conn.transaction().unwrap();
        {
            let mut consult = tx
                .prepare(
                    "INSERT INTO consults (client_id, kind, scheduled_at, duration_minutes, status,
                        template_name, sections, notes_text, notes_updated_at, created_at, updated_at)
                     VALUES (?1, 'follow_up', ?2, 60, ?3, 'Coaching session', ?4, ?5, ?2, ?2, ?2)",
                )
                .unwrap();
            let mut revision = tx
                .prepare(
                    "INSERT INTO note_revisions (consult_id, sections, started_at, saved_at, sealed)
                     VALUES (?1, ?2, ?3, ?3, 1)",
                )
                .unwrap();
            let mut event = tx
                .prepare(
                    "INSERT INTO timeline_events (client_id, consult_id, kind, summary, occurred_at)
                     VALUES (?1, ?2, 'consult_completed', 'Follow-up completed', ?3)",
                )
                .unwrap();
            for j in 0..10_000 {
                let n = batch * 10_000 + j;
                let client_id = 1 + n % CLIENTS;
                // Spread over the last two years and the next two weeks.
                let at =
                    now - chrono::Duration::minutes(((n * 5) % (2 * 365 * 24 * 60)) - 14 * 24 * 60);
                let at = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
                let status = if at > now.to_rfc3339() {
                    "scheduled"
                } else {
                    "completed"
                };
                let body = note(&mut rng, n);
                let sections =
                    serde_json::json!([{ "heading": "Symptoms since last time", "body": body }])
                        .to_string();
                consult
                    .execute(params![
                        client_id,
                        at,
                        status,
                        sections,
                        format!("Symptoms since last time\n{body}")
                    ])
                    .unwrap();
                let consult_id = tx.last_insert_rowid();
                revision.execute(params![consult_id, sections, at]).unwrap();
                event.execute(params![client_id, consult_id, at]).unwrap();
            }
        }
        tx.commit().unwrap();
    }
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    drop(conn);
    let size: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "CoachDesk consults benchmark: {CLIENTS} clients, {NOTES} notes of ~1 KB built in {:.0} s; \
         database {:.0} MB",
        start.elapsed().as_secs_f64(),
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
