//! The practice profile: first run, Settings and the logo.

use coachdesk_core::practice::{self, FirstRunInput, Practice, PracticeInput};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

db_commands! {
    fn practice_get() -> Option<Practice> = practice::get();

    fn practice_create(input: FirstRunInput) -> Practice = practice::create(&input);

    fn practice_update(input: PracticeInput) -> Practice = practice::update(&input);
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

db_commands! {
    fn practice_logo_get() -> Option<String> = practice::logo_data_url();

    fn practice_logo_delete() -> Practice = practice::remove_logo();
}
