//! The practice profile: first run, Settings and the logo.

use coachdesk_core::practice::{self, FirstRunInput, Practice, PracticeInput};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn practice_get(state: State<'_, AppState>) -> CommandResult<Option<Practice>> {
    Ok(practice::get(state.db()?)?)
}

#[tauri::command]
pub fn practice_create(
    state: State<'_, AppState>,
    input: FirstRunInput,
) -> CommandResult<Practice> {
    Ok(practice::create(state.db()?, &input)?)
}

#[tauri::command]
pub fn practice_update(
    state: State<'_, AppState>,
    input: PracticeInput,
) -> CommandResult<Practice> {
    Ok(practice::update(state.db()?, &input)?)
}

/// Opens the native open dialog off the main thread (async), then copies the chosen logo.
#[tauri::command]
pub async fn practice_logo_pick<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<Practice>> {
    let db = state.db()?;
    let Some(path) = dialog::pick_image(&app) else {
        return Ok(None);
    };
    Ok(Some(practice::set_logo(db, &path)?))
}

#[tauri::command]
pub fn practice_logo_get(state: State<'_, AppState>) -> CommandResult<Option<String>> {
    Ok(practice::logo_data_url(state.db()?)?)
}

#[tauri::command]
pub fn practice_logo_delete(state: State<'_, AppState>) -> CommandResult<Practice> {
    Ok(practice::remove_logo(state.db()?)?)
}
