//! Everything kept about one client, for her: one ZIP through the save dialog.

use coachdesk_core::client_export::{self, ClientExport};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

/// Everything kept about her, as one ZIP through the save dialog; None if the coach cancelled.
#[tauri::command]
pub async fn client_export_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Option<ClientExport>> {
    let db = state.db()?;
    let name = client_export::file_name(db, id)?;
    dialog::save_with(&app, "Save her data", &name, dialog::ZIP, |path| {
        client_export::export(db, id, path)
    })
}
