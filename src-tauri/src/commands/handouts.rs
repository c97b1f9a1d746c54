//! Handouts: live preview, PDF export through the native save dialog, and export again.

use std::sync::atomic::Ordering;

use coachdesk_core::documents::Preview;
use coachdesk_core::handouts::{self, BulkExport, GivenHandout, HandoutDraft};
use tauri::Emitter;
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::print;
use crate::state::AppState;

use crate::dialog::PDF;

#[tauri::command]
pub fn handouts_preview(state: State<'_, AppState>, draft: HandoutDraft) -> CommandResult<Preview> {
    Ok(handouts::resolve(state.db()?, &draft)?.into())
}

/// Asks where to save (suggesting a name), writes the PDF, records it for the client.
/// Returns the saved path, or None if the coach cancelled.
#[tauri::command]
pub async fn handouts_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: HandoutDraft,
) -> CommandResult<Option<String>> {
    let db = state.db()?;
    let prepared = handouts::prepare(db, &draft)?;
    dialog::save_with(&app, "Export handout", &prepared.file_name(), PDF, |path| {
        handouts::save(db, &prepared, path).map(|()| dialog::shown(path))
    })
}

db_commands! {
    fn handouts_list(client_id: i64) -> Vec<GivenHandout> = handouts::for_client(client_id);
}

document_commands! {
    /// A handout given earlier, exported or printed again from its snapshot.
    fn handouts_reexport, handouts_reprint(id: i64) =
        handouts::prepare_given(id), "Export handout again";
}

/// Asks for a folder, then writes one personalised handout per client into it, telling the
/// window after each ("handout-bulk-progress") and stopping early if cancelled.
#[tauri::command]
pub async fn handouts_bulk_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: HandoutDraft,
    client_ids: Vec<i64>,
) -> CommandResult<Option<BulkExport>> {
    let db = state.db()?;
    handouts::check_for_clients(&draft, &client_ids)?;
    let Some(folder) = dialog::pick_folder(&app, "Choose a folder for the handouts") else {
        return Ok(None);
    };
    state.bulk_cancel.store(false, Ordering::SeqCst);
    let result = handouts::export_for_clients(db, &draft, &client_ids, &folder, |progress| {
        // The window may be gone; the export goes on regardless.
        let _ = app.emit("handout-bulk-progress", progress);
        !state.bulk_cancel.load(Ordering::SeqCst)
    })?;
    state.remember_export(&folder);
    Ok(Some(result))
}

#[tauri::command]
pub fn handouts_bulk_cancel(state: State<'_, AppState>) {
    state.bulk_cancel.store(true, Ordering::SeqCst);
}

/// Prints a composed handout through the print dialog, and records it for her exactly as an
/// export does; false if the coach cancelled.
#[tauri::command]
pub async fn handouts_print<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    draft: HandoutDraft,
) -> CommandResult<bool> {
    let db = state.db()?;
    let prepared = handouts::prepare(db, &draft)?;
    let printed = print::print_document(&app, &state, db, &prepared.doc)?;
    if printed {
        handouts::record(db, &prepared, &prepared.file_name())?;
    }
    Ok(printed)
}
