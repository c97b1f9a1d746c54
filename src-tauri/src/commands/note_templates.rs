//! Note templates, edited in Settings.

use coachdesk_core::note_templates::{self, NoteTemplate, NoteTemplateInput, TemplateKey};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn note_templates_list(state: State<'_, AppState>) -> CommandResult<Vec<NoteTemplate>> {
    Ok(note_templates::list(state.db()?)?)
}

#[tauri::command]
pub fn note_templates_update(
    state: State<'_, AppState>,
    key: TemplateKey,
    input: NoteTemplateInput,
) -> CommandResult<NoteTemplate> {
    Ok(note_templates::update(state.db()?, key, &input)?)
}
