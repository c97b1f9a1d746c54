//! Note templates, edited in Settings.

use coachdesk_core::templates::{self, NoteTemplate, NoteTemplateInput, TemplateKey};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn note_templates_list(state: State<'_, AppState>) -> CommandResult<Vec<NoteTemplate>> {
    Ok(templates::list(state.db()?)?)
}

#[tauri::command]
pub fn note_template_update(
    state: State<'_, AppState>,
    key: TemplateKey,
    input: NoteTemplateInput,
) -> CommandResult<NoteTemplate> {
    Ok(templates::update(state.db()?, key, &input)?)
}
