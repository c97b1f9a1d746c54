//! The client summary PDF, for the coach's own files.

use coachdesk_core::documents;
use coachdesk_core::summary;
use tauri::{AppHandle, Runtime, State};

use crate::dialog::{self, PDF};
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
    dialog::save_with(
        &app,
        "Save client summary",
        &summary.file_name,
        PDF,
        |path| documents::save(db, &summary.doc, path).map(|()| dialog::shown(path)),
    )
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
    let path = print::spool_path(&state)?;
    documents::save(db, &summary.doc, &path)?;
    print::print_pdf(&app, &path, &summary.doc.title)
}
