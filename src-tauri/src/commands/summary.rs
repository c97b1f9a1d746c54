//! The client summary PDF, for the coach's own files.

use coachdesk_core::summary;
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::print;
use crate::state::AppState;

/// Saves a printable summary of a client (profile, follow-ups, consult history) as a PDF.
#[tauri::command]
pub async fn summary_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Option<String>> {
    let db = state.db()?;
    let summary = summary::prepare(db, client_id)?;
    dialog::save_document(&app, db, "Save client summary", &summary)
}

/// Prints the client summary through the print dialog; false if the coach cancelled.
#[tauri::command]
pub async fn summary_print<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<bool> {
    let db = state.db()?;
    let summary = summary::prepare(db, client_id)?;
    print::print_document(&app, &state, db, &summary.doc)
}
