//! Her own articles, suggested for a client, each with the reason.

use coachdesk_core::suggestions::{self, Suggestions};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn suggestions_get(state: State<'_, AppState>, client_id: i64) -> CommandResult<Suggestions> {
    Ok(suggestions::for_client(state.db()?, client_id)?)
}
