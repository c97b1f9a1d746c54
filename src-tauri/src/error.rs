//! How errors cross IPC: always `{ code, message, fields }`, never a bare string.

use coachdesk_core::{Error, FieldProblem};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    Invalid,
    Conflict,
    /// The file she chose cannot be used for this.
    WrongFile,
    /// Something stored cannot be read back.
    Unreadable,
    Pdf,
    Migration,
    /// No printer is set up: the window offers to export instead.
    NoPrinter,
    NewerSchema,
    /// The practice file is damaged: the window offers a backup.
    Damaged,
    /// The practice (or a backup) is encrypted and needs her passphrase.
    Locked,
    Storage,
    Io,
    Internal,
}

/// The error every command returns; the UI turns it into a `UserError`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub code: ErrorCode,
    /// A sentence the coach can act on.
    pub message: String,
    /// For validation errors: one problem per field, shown next to that field.
    pub fields: Vec<FieldProblem>,
}

impl IpcError {
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::Internal,
            message: message.into(),
            fields: Vec::new(),
        }
    }
}

impl From<Error> for IpcError {
    fn from(e: Error) -> Self {
        let code = match &e {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Invalid(_) => ErrorCode::Invalid,
            Error::Conflict(_) => ErrorCode::Conflict,
            Error::WrongFile(_) => ErrorCode::WrongFile,
            Error::Unreadable(_) => ErrorCode::Unreadable,
            Error::Pdf(_) => ErrorCode::Pdf,
            Error::Migration { .. } => ErrorCode::Migration,
            Error::Internal(_) => ErrorCode::Internal,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::Damaged { .. } => ErrorCode::Damaged,
            Error::Locked(_) => ErrorCode::Locked,
            Error::Storage(_) => ErrorCode::Storage,
            Error::Io { .. } => ErrorCode::Io,
        };
        Self {
            code,
            message: e.to_string(),
            fields: e.fields().to_vec(),
        }
    }
}

pub type CommandResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of core error crosses IPC with its own code, the coach's sentence and (only
    /// for validation) the field problems: one case per code the UI can receive.
    #[test]
    fn each_error_code_crosses_ipc_with_its_message() {
        let io = || std::io::Error::other("disk full");
        let cases: Vec<(Error, &str, &str)> = vec![
            (
                Error::NotFound {
                    what: "That client",
                },
                "not_found",
                "That client was not found",
            ),
            (
                Error::invalid("name", "Please enter her name."),
                "invalid",
                "Please enter her name.",
            ),
            (
                Error::Conflict("“AIP” is paused. Resume it first.".into()),
                "conflict",
                "is paused",
            ),
            (
                Error::WrongFile("This file is not a CoachDesk backup.".into()),
                "wrong_file",
                "not a CoachDesk backup",
            ),
            (
                Error::Unreadable("That revision could not be read: EOF".into()),
                "unreadable",
                "could not be read",
            ),
            (
                Error::Pdf("a font is missing".into()),
                "pdf",
                "The PDF could not be made: a font is missing",
            ),
            (
                Error::Migration {
                    name: "0009_dashboard_indexes",
                    detail: "disk I/O error".into(),
                },
                "migration",
                "Updating the database (0009_dashboard_indexes) failed",
            ),
            (
                Error::NewerSchema {
                    found: 12,
                    supported: 9,
                },
                "newer_schema",
                "newer version of CoachDesk",
            ),
            (
                Error::Damaged {
                    detail: "page 7".into(),
                },
                "damaged",
                "damaged",
            ),
            (
                Error::Locked("Your practice is locked.".into()),
                "locked",
                "locked",
            ),
            (
                Error::Storage(rusqlite::Error::InvalidQuery),
                "storage",
                "could not be read or written",
            ),
            (
                Error::io("Could not write summary.pdf", io()),
                "io",
                "Could not write summary.pdf: disk full",
            ),
            (
                Error::Internal("The key could not be sealed.".into()),
                "internal",
                "could not be sealed",
            ),
        ];
        for (error, code, words) in cases {
            let invalid = matches!(error, Error::Invalid(_));
            let json = serde_json::to_value(IpcError::from(error)).unwrap();
            assert_eq!(json["code"], code, "{json}");
            let message = json["message"].as_str().unwrap();
            assert!(message.contains(words), "{code}: {message}");
            let fields = json["fields"].as_array().unwrap();
            assert_eq!(fields.is_empty(), !invalid, "{code}: {json}");
        }
        let panic = serde_json::to_value(IpcError::internal("A bug.")).unwrap();
        assert_eq!(panic["code"], "internal");
    }
}
