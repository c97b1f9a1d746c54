//! CoachDesk's core: every domain rule and the store. The Tauri shell is a thin layer over
//! this crate, which never depends on Tauri.

pub mod articles;
pub mod backups;
mod check;
pub mod checkins;
pub mod client_export;
pub mod clients;
pub mod comfort;
pub mod consults;
pub mod dashboard;
pub mod db;
pub mod documents;
pub mod encryption;
pub mod error;
pub mod files;
pub mod follow_ups;
pub mod handouts;
pub mod import;
pub mod keys;
pub mod labs;
pub mod legacy_files;
pub mod note_templates;
pub mod pdf;
pub mod pipeline;
pub mod practice;
pub mod practice_export;
pub mod prep;
#[cfg(test)]
mod properties;
pub mod protocols;
pub mod reintro;
pub mod search;
pub mod suggestions;
pub mod summary;
pub mod text;
pub mod timeline;

pub use db::Db;
pub use error::{Error, FieldProblem, Result};

/// The current moment as UTC RFC 3339 text with milliseconds, the form every timestamp takes.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
