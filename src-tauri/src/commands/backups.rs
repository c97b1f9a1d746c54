//! Backups: Back up now, the list in Settings, Check and Restore (from the list or a file she
//! picks). The window names a backup by its file name in the backups folder, never by a path.

use coachdesk_core::backups::{self, Backup, BackupOverview, BackupReason, Restored};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

/// Where her backups stand, and things to tell her once (what became of a restore the app
/// stopped in the middle of; a second place that was not there).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatus {
    pub overview: BackupOverview,
    pub notices: Vec<String>,
}

fn version<R: Runtime>(app: &AppHandle<R>) -> String {
    app.package_info().version.to_string()
}

#[tauri::command]
pub fn backups_status(state: State<'_, AppState>) -> CommandResult<BackupStatus> {
    Ok(BackupStatus {
        overview: backups::overview(state.db()?, state.data_dir())?,
        notices: state.take_backup_notices(),
    })
}

/// Chooses the second place for a copy of every backup with the native folder dialog; None
/// if she cancels.
#[tauri::command]
pub async fn backups_copy_choose<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<BackupOverview>> {
    let db = state.db()?;
    let Some(folder) = dialog::pick_folder(&app, "Choose a second place for your backups") else {
        return Ok(None);
    };
    backups::set_copy_folder(db, Some(&folder))?;
    Ok(Some(backups::overview(db, state.data_dir())?))
}

/// Stops copying backups to a second place.
#[tauri::command]
pub fn backups_copy_stop(state: State<'_, AppState>) -> CommandResult<BackupOverview> {
    backups::set_copy_folder(state.db()?, None)?;
    Ok(backups::overview(state.db()?, state.data_dir())?)
}

/// "Back up now", then the rotation.
#[tauri::command]
pub fn backups_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Backup> {
    let (made, second) = backups::take(
        state.db()?,
        state.data_dir(),
        BackupReason::Manual,
        &version(&app),
    )?;
    state.note_second_copy(second);
    Ok(made)
}

#[tauri::command]
pub fn backups_check(state: State<'_, AppState>, file_name: String) -> CommandResult<Backup> {
    let key = state.db()?.key();
    let path = backups::in_folder(state.data_dir(), &file_name)?;
    Ok(backups::check(&path, state.data_dir(), key.as_ref())?)
}

#[tauri::command]
pub fn backups_restore<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file_name: String,
    secret: Option<String>,
) -> CommandResult<Restored> {
    let db = state.db()?;
    let path = backups::in_folder(state.data_dir(), &file_name)?;
    Ok(backups::restore(
        db,
        &path,
        &version(&app),
        secret.as_deref(),
    )?)
}

/// Checks a backup file she picks anywhere (a USB stick); None if she cancels.
#[tauri::command]
pub async fn backups_check_pick<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<Backup>> {
    let key = state.db()?.key();
    let Some(path) = dialog::pick_backup(&app) else {
        return Ok(None);
    };
    Ok(Some(backups::check(&path, state.data_dir(), key.as_ref())?))
}

/// Restores from a backup file she picks anywhere; None if she cancels. With `secret` (the
/// passphrase a locked backup was made with), the file picked last is tried again.
#[tauri::command]
pub async fn backups_restore_pick<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    secret: Option<String>,
) -> CommandResult<Option<Restored>> {
    let db = state.db()?;
    let Some(path) = state.picked_again(secret.is_some(), || dialog::pick_backup(&app)) else {
        return Ok(None);
    };
    Ok(Some(backups::restore(
        db,
        &path,
        &version(&app),
        secret.as_deref(),
    )?))
}

/// The backups on this computer, for the recovery screen (the store may not be open).
#[tauri::command]
pub fn backups_recovery_list(state: State<'_, AppState>) -> CommandResult<Vec<Backup>> {
    Ok(backups::list(&backups::folder_in(state.data_dir()))?)
}

/// On the recovery screen: replaces the damaged practice file with a backup and opens it.
#[tauri::command]
pub fn backups_recovery_restore(
    state: State<'_, AppState>,
    file_name: String,
) -> CommandResult<()> {
    backups::in_folder(state.data_dir(), &file_name)?;
    state.recover_from(&file_name)
}
