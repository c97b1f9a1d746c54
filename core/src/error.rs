//! The errors core can return: each variant is something the coach (or the shell) can act on.

use serde::Serialize;
use ts_rs::TS;

/// One problem with one input field, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    /// The camelCase name of the input field, as the UI knows it.
    pub field: String,
    /// What is wrong, in words the coach understands.
    pub reason: String,
}

impl FieldProblem {
    pub fn new(field: &str, reason: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} was not found. It may have been erased.")]
    NotFound { what: &'static str },

    #[error("{}", summarise(.0))]
    Invalid(Vec<FieldProblem>),

    /// What she asked for clashes with how things stand (a protocol still running, a practice
    /// already encrypted, an export into a CoachDesk that holds data).
    #[error("{0}")]
    Conflict(String),
    /// The file she chose cannot be used for this: not a CoachDesk database, backup or
    /// export, a program instead of a document, empty or too big.
    #[error("{0}")]
    WrongFile(String),
    /// Something CoachDesk stored (a row's JSON, a template, the key file, an attached file)
    /// cannot be read back.
    #[error("{0}")]
    Unreadable(String),
    /// A PDF could not be made.
    #[error("The PDF could not be made: {0}")]
    Pdf(String),
    /// Updating the database to this version's schema failed; the file keeps its last good
    /// version (each step is one transaction) and the copy saved before.
    #[error("Updating the database ({name}) failed: {detail}")]
    Migration { name: &'static str, detail: String },
    /// What should never happen (a random-number source that fails, a store in memory asked
    /// to do what only a file can): a bug to report, not something she did.
    #[error("{0}")]
    Internal(String),

    #[error(
        "This data was written by a newer version of CoachDesk (schema version {found}; this \
         version understands up to {supported}). Please update CoachDesk. The file was not changed."
    )]
    NewerSchema { found: i64, supported: i64 },

    /// `detail` is SQLite's own report, for whoever investigates; the coach reads the message.
    #[error(
        "Your practice file is damaged, so CoachDesk cannot open it. It was not changed: it is \
         kept aside when you carry on from a backup."
    )]
    Damaged { detail: String },

    /// Something encrypted needs a passphrase first: the practice (locked at start or after
    /// idle minutes) or a backup made with another key.
    #[error("{0}")]
    Locked(String),

    #[error("The database could not be read or written: {0}")]
    Storage(#[from] rusqlite::Error),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

fn summarise(problems: &[FieldProblem]) -> String {
    match problems {
        [] => "Some details need attention.".to_owned(),
        [one] => one.reason.clone(),
        [first, rest @ ..] => format!("{} (and {} more to fix)", first.reason, rest.len()),
    }
}

impl Error {
    /// A single-field validation error.
    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldProblem::new(field, reason)])
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }

    /// The field problems of a validation error (empty for every other kind).
    pub fn fields(&self) -> &[FieldProblem] {
        match self {
            Self::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
