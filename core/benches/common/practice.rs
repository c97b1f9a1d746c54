//! A big practice for the benchmarks: 10,000 clients and 200,000 notes of about 1 KB, built
//! the same way every run.
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use coachdesk_core::clients::{self, ClientInput, ClientStatus};
use coachdesk_core::db::Db;
use rusqlite::params;

pub const CLIENTS: i64 = 10_000;
pub const NOTES: i64 = 200_000;

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
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
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

/// Builds the practice in a new database file at `path`; returns how long it took.
pub fn seed(path: &Path) -> Duration {
    let db = Db::open(path).unwrap();
    let start = Instant::now();
    for i in 0..CLIENTS {
        let mut c = ClientInput::named(&format!("Client {i} Côté"));
        c.status = ClientStatus::ALL[(i % 6) as usize];
        c.email = format!("client{i}@example.com");
        clients::create(&db, &c).unwrap();
    }
    drop(db);
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    add_notes(&mut conn, Layout::Today);
    drop(conn);
    start.elapsed()
}

/// How notes are stored: as this build stores them, or as schema version 5 did.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Today,
    Version5,
}

/// The same practice as a CoachDesk of schema version 5 left it (before protocols, the
/// dashboard's indexes and the client search key), to time a real upgrade; returns how long
/// it took to build.
pub fn seed_version_5(path: &Path) -> Duration {
    let start = Instant::now();
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    coachdesk_core::db::migrate(&mut conn, 5).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut client = tx
            .prepare(
                "INSERT INTO clients (name, email, status, created_at, updated_at)
                 VALUES (?1, ?2, 'active', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
            )
            .unwrap();
        for i in 0..CLIENTS {
            client
                .execute(params![
                    format!("Client {i} Côté"),
                    format!("client{i}@example.com")
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    add_notes(&mut conn, Layout::Version5);
    drop(conn);
    start.elapsed()
}

/// Consults and notes go in through SQL in large transactions (the same triggers keep the
/// search index), because 200,000 separate bookings would take minutes to set up. Each note is
/// stored as CoachDesk stores a note saved once: today the consult's sections and a newest
/// revision that keeps no copy of them; in version 5 also the sections as plain text and the
/// revision's copy.
fn add_notes(conn: &mut rusqlite::Connection, layout: Layout) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let now = chrono::Utc::now();
    for batch in 0..(NOTES / 10_000) {
        let tx = conn.transaction().unwrap();
        {
            let mut consult = tx
                .prepare(if layout == Layout::Version5 {
                    "INSERT INTO consults (client_id, kind, scheduled_at, duration_minutes, status,
                        template_name, sections, notes_text, notes_updated_at, created_at, updated_at)
                     VALUES (?1, 'follow_up', ?2, 60, ?3, 'Coaching session', ?4, ?5, ?2, ?2, ?2)"
                } else {
                    "INSERT INTO consults (client_id, kind, scheduled_at, duration_minutes, status,
                        template_name, sections, notes_updated_at, created_at, updated_at)
                     VALUES (?1, 'follow_up', ?2, 60, ?3, 'Coaching session', ?4, ?2, ?2, ?2)"
                })
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
                if layout == Layout::Version5 {
                    let plain = format!("Symptoms since last time\n{body}\n\n");
                    consult
                        .execute(params![client_id, at, status, sections, plain])
                        .unwrap();
                } else {
                    consult
                        .execute(params![client_id, at, status, sections])
                        .unwrap();
                }
                let consult_id = tx.last_insert_rowid();
                let kept = if layout == Layout::Version5 {
                    sections.as_str()
                } else {
                    ""
                };
                revision.execute(params![consult_id, kept, at]).unwrap();
                event.execute(params![client_id, consult_id, at]).unwrap();
            }
        }
        tx.commit().unwrap();
    }
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
}
