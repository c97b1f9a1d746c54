//! Consults: booking, changes, notes with autosave and revisions, calendar export.

use coachdesk_core::consults::{
    self, Consult, ConsultChange, ConsultInput, ConsultSummary, NoteRevision, NoteSaved,
    NoteSection,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

db_commands! {
    fn consults_create(input: ConsultInput) -> Consult = consults::create(&input);

    fn consults_get(id: i64) -> Consult = consults::get(id);

    fn consults_update(id: i64, change: ConsultChange) -> Consult = consults::update(id, &change);

    fn consults_list(client_id: i64) -> Vec<ConsultSummary> = consults::for_client(client_id);
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

db_commands! {
    fn consults_revisions_list(id: i64) -> Vec<NoteRevision> = consults::revisions(id);

    fn consults_revision_restore(id: i64, revision_id: i64) -> Consult =
        consults::restore_revision(id, revision_id);
}

file_commands! {
    /// Asks where to save the consult's .ics file (native save dialog), then writes it. Returns
    /// the saved path, or None if the coach cancelled.
    fn consults_ics_export(id: i64) = consults::ics_file(id), "Save to calendar";
}
