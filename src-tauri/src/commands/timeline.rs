//! A client's timeline.

use coachdesk_core::timeline::{self, TimelineEvent};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn timeline_list(state: State<'_, AppState>, id: i64) -> CommandResult<Vec<TimelineEvent>> {
    Ok(timeline::for_client(state.db()?, id)?)
}
