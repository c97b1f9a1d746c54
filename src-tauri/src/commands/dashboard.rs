//! The home screen.

use coachdesk_core::dashboard::{self, Dashboard};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The dashboard for today in the coach's own time zone.
#[tauri::command]
pub fn dashboard_get(state: State<'_, AppState>) -> CommandResult<Dashboard> {
    Ok(dashboard::now(state.db()?)?)
}
