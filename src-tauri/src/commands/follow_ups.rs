//! Follow-up tasks.

use coachdesk_core::follow_ups::{self, FollowUp, FollowUpInput};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn follow_ups_create(
    state: State<'_, AppState>,
    input: FollowUpInput,
) -> CommandResult<FollowUp> {
    Ok(follow_ups::create(state.db()?, &input)?)
}

#[tauri::command]
pub fn follow_ups_set_done(
    state: State<'_, AppState>,
    id: i64,
    done: bool,
) -> CommandResult<FollowUp> {
    Ok(follow_ups::set_done(state.db()?, id, done)?)
}

#[tauri::command]
pub fn follow_ups_list(state: State<'_, AppState>, client_id: i64) -> CommandResult<Vec<FollowUp>> {
    Ok(follow_ups::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn follow_ups_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(follow_ups::delete(state.db()?, id)?)
}
