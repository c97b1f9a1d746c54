//! The home screen and the pipeline board.

use coachdesk_core::clients::{self, PipelineColumn};
use coachdesk_core::dashboard::{self, Dashboard};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The dashboard for today in the coach's own time zone.
#[tauri::command]
pub fn dashboard(state: State<'_, AppState>) -> CommandResult<Dashboard> {
    Ok(dashboard::now(state.db()?)?)
}

#[tauri::command]
pub fn pipeline(state: State<'_, AppState>) -> CommandResult<Vec<PipelineColumn>> {
    Ok(clients::pipeline(state.db()?)?)
}
