//! Lab results and their attached files.

use coachdesk_core::labs::{self, Lab, LabInput};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::{CommandResult, ErrorCode, IpcError};
use crate::state::AppState;

db_commands! {
    fn labs_list(client_id: i64) -> Vec<Lab> = labs::for_client(client_id);

    fn labs_create(input: LabInput) -> Lab = labs::add(&input);

    fn labs_update(id: i64, input: LabInput) -> Lab = labs::update(id, &input);

    fn labs_delete(id: i64) -> () = labs::delete(id);
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

db_commands! {
    fn labs_file_delete(file_id: i64) -> Lab = labs::remove_file(file_id);
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
