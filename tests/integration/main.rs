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
