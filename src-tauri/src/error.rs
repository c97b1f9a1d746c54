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
