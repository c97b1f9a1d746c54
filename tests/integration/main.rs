//! Rust integration tests: one binary, a module per area, real temp-file databases.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod articles;
mod bindings;
mod checkins;
mod clients;
mod commands;
mod consults;
mod crash;
mod encryption;
mod erasure;
mod handouts;
mod labs;
#[path = "../common/logo.rs"]
mod logo;
mod practice_export;
mod prep;
mod privacy;
mod progress;
mod protocols;
mod reintro;
#[path = "../common/seed.rs"]
mod seed;
mod store;
mod suggestions;

use std::path::{Path, PathBuf};

/// Compares `actual` with the committed file at `path` (relative to the repository root);
/// with `UPDATE_SNAPSHOTS=1` it rewrites the file instead.
pub fn assert_matches_file(path: &str, actual: &str, how_to_update: &str) {
    let full: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&full, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        expected == actual,
        "{path} is out of date with the Rust code. Run `{how_to_update}` and commit the result.\n\
         --- committed\n{expected}\n--- generated\n{actual}"
    );
}

/// The text of a PDF as pdftotext reads it, on one line with single spaces.
pub fn pdftotext(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by make test");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every file below `dir`, in its folders too, by path.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The one number `sql` answers (a `count(*)`, say).
pub fn number(conn: &rusqlite::Connection, sql: &str, params: impl rusqlite::Params) -> i64 {
    conn.query_row(sql, params, |r| r.get(0)).unwrap()
}

/// The first column of every row `sql` finds, in order (into a `Vec`, a set…).
pub fn column<T: rusqlite::types::FromSql, C: FromIterator<T>>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> C {
    let mut stmt = conn.prepare(sql).unwrap();
    let rows = stmt.query_map(params, |r| r.get(0)).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// Every row of every table of a practice (search indexes' shadow tables included, not SQLite's
/// own), one line each as `table:cell|cell|`, sorted: two practices hold the same when these
/// are equal.
pub fn every_row(conn: &rusqlite::Connection) -> Vec<String> {
    let tables: Vec<String> = column(
        conn,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        [],
    );
    assert!(tables.len() > 20, "not a whole practice: {tables:?}");
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut row = format!("{table}:");
                for i in 0..columns {
                    row.push_str(&format!("{:?}|", r.get_ref(i)?));
                }
                Ok(row)
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        out.extend(rows);
    }
    out.sort();
    out
}

/// The practice every test starts from: "Gut & Glow", Marie-Ève's.
pub fn first_run(db: &coachdesk_core::db::Db) {
    coachdesk_core::practice::create(
        db,
        &coachdesk_core::practice::FirstRunInput {
            practice_name: "Gut & Glow".into(),
            coach_name: "Marie-Ève".into(),
        },
    )
    .unwrap();
}
