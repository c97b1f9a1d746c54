//! The pipeline board.

use coachdesk_core::pipeline::{self, PipelineColumn};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Current clients by status, in pipeline order, with counts.
#[tauri::command]
pub fn pipeline_get(state: State<'_, AppState>) -> CommandResult<Vec<PipelineColumn>> {
    Ok(pipeline::pipeline(state.db()?)?)
}
