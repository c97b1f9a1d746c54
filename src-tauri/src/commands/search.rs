//! The Ctrl/Cmd+K search over clients and notes.

use coachdesk_core::search::{self, SearchHit};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn search_query(state: State<'_, AppState>, text: String) -> CommandResult<Vec<SearchHit>> {
    Ok(search::search(state.db()?, &text)?)
}
