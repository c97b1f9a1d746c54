//! The consult prep sheet: on screen, and as one printed page through the save dialog.

use coachdesk_core::prep::{self, PrepSheet};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::print;
use crate::state::AppState;

db_commands! {
    fn prep_get(client_id: i64) -> PrepSheet = prep::now(client_id);
}

/// Saves the prep sheet as a one-page PDF; None if the coach cancelled.
#[tauri::command]
pub async fn prep_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Option<String>> {
    let db = state.db()?;
    let sheet = prep::prepare(db, client_id)?;
    dialog::save_document(&app, db, "Save prep sheet", &sheet)
}

/// Prints the prep sheet through the print dialog; false if the coach cancelled.
#[tauri::command]
pub async fn prep_print<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<bool> {
    let db = state.db()?;
    let sheet = prep::prepare(db, client_id)?;
    print::print_document(&app, &state, db, &sheet.doc)
}
