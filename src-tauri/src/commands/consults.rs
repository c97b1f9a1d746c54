//! Consults: booking, changes, notes with autosave and revisions, calendar export.

use coachdesk_core::consults::{
    self, Consult, ConsultChange, ConsultInput, ConsultSummary, NoteRevision, NoteSaved,
    NoteSection,
};
use coachdesk_core::files;
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn consults_create(state: State<'_, AppState>, input: ConsultInput) -> CommandResult<Consult> {
    Ok(consults::create(state.db()?, &input)?)
}

#[tauri::command]
pub fn consults_get(state: State<'_, AppState>, id: i64) -> CommandResult<Consult> {
    Ok(consults::get(state.db()?, id)?)
}

#[tauri::command]
pub fn consults_update(
    state: State<'_, AppState>,
    id: i64,
    change: ConsultChange,
) -> CommandResult<Consult> {
    Ok(consults::update(state.db()?, id, &change)?)
}

#[tauri::command]
pub fn consults_list(
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Vec<ConsultSummary>> {
    Ok(consults::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn consults_notes_update(
    state: State<'_, AppState>,
    id: i64,
    sections: Vec<NoteSection>,
    checkpoint: bool,
) -> CommandResult<NoteSaved> {
    Ok(consults::save_notes(
        state.db()?,
        id,
        &sections,
        checkpoint,
    )?)
}

#[tauri::command]
pub fn consults_revisions_list(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Vec<NoteRevision>> {
    Ok(consults::revisions(state.db()?, id)?)
}

#[tauri::command]
pub fn consults_revision_restore(
    state: State<'_, AppState>,
    id: i64,
    revision_id: i64,
) -> CommandResult<Consult> {
    Ok(consults::restore_revision(state.db()?, id, revision_id)?)
}

/// Asks where to save the consult's .ics file (native save dialog), then writes it. Returns the
/// saved path, or None if the coach cancelled.
#[tauri::command]
pub async fn consults_ics_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Option<String>> {
    let db = state.db()?;
    let (ics, name) = (consults::ics(db, id)?, consults::ics_file_name(db, id)?);
    let filter = ("Calendar", &["ics"][..]);
    dialog::save_with(&app, "Save to calendar", &name, filter, |path| {
        files::write_atomic(path, ics.as_bytes()).map(|()| dialog::shown(path))
    })
}
