//! Lab results and their attached files.

use coachdesk_core::labs::{self, Lab, LabInput};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::{CommandResult, ErrorCode, IpcError};
use crate::state::AppState;

#[tauri::command]
pub fn labs_list(state: State<'_, AppState>, client_id: i64) -> CommandResult<Vec<Lab>> {
    Ok(labs::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn labs_create(state: State<'_, AppState>, input: LabInput) -> CommandResult<Lab> {
    Ok(labs::add(state.db()?, &input)?)
}

#[tauri::command]
pub fn labs_update(state: State<'_, AppState>, id: i64, input: LabInput) -> CommandResult<Lab> {
    Ok(labs::update(state.db()?, id, &input)?)
}

#[tauri::command]
pub fn labs_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(labs::delete(state.db()?, id)?)
}

/// Asks for files and keeps a copy of each with the record; None if the coach cancelled.
#[tauri::command]
pub async fn labs_attach<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Option<Lab>> {
    let db = state.db()?;
    let filter = ("Lab reports (PDF, images, documents)", labs::FILE_KINDS);
    let Some(paths) = dialog::pick_files(&app, "Attach lab files", filter) else {
        return Ok(None);
    };
    Ok(Some(labs::attach(db, id, &paths)?))
}

#[tauri::command]
pub fn labs_file_delete(state: State<'_, AppState>, file_id: i64) -> CommandResult<Lab> {
    Ok(labs::remove_file(state.db()?, file_id)?)
}

/// Opens an attached file with the system viewer, from a copy written to `opened/` in the
/// data folder. The file comes from the database, never from a path the window gives.
#[tauri::command]
pub fn labs_file_open(state: State<'_, AppState>, file_id: i64) -> CommandResult<()> {
    let path = labs::open_copy(state.db()?, state.data_dir(), file_id)?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| IpcError {
        code: ErrorCode::Io,
        message: format!("The file could not be opened: {e}"),
        fields: Vec::new(),
    })
}
