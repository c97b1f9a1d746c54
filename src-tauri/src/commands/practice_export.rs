//! The whole practice as open files (JSON, CSV and the attached files in one ZIP), and bringing
//! such a ZIP into an empty CoachDesk.

use coachdesk_core::practice_export::{self, PracticeExport, PracticeImport};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

/// Exports everything through the save dialog; None if she cancels.
#[tauri::command]
pub async fn practice_export_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<PracticeExport>> {
    let (db, version) = (state.db()?, app.package_info().version.to_string());
    let name = practice_export::file_name();
    dialog::save_with(
        &app,
        "Export the whole practice",
        &name,
        dialog::ZIP,
        |path| practice_export::export(db, path, &version),
    )
}

/// Brings in an export (or a backup) she picks, into this CoachDesk while it is empty; None if
/// she cancels. With `secret` (the passphrase of an encrypted backup from her old computer),
/// the file picked last is tried again.
#[tauri::command]
pub async fn practice_export_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    secret: Option<String>,
) -> CommandResult<Option<PracticeImport>> {
    let db = state.db()?;
    let Some(path) = state.picked_again(secret.is_some(), || dialog::pick_export(&app)) else {
        return Ok(None);
    };
    let version = app.package_info().version.to_string();
    Ok(Some(practice_export::import(
        db,
        &path,
        &version,
        secret.as_deref(),
    )?))
}
