//! Facts about the running app: version and where the coach's data lives.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{CommandResult, ErrorCode, IpcError};
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub database_path: String,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: state.data_dir().display().to_string(),
        database_path: state.database_path().display().to_string(),
    })
}

/// Opens a file (or folder) CoachDesk saved in this run with the system's viewer. Any other
/// path is refused, so the window cannot open arbitrary files.
#[tauri::command]
pub fn app_open_exported(state: State<'_, AppState>, path: String) -> CommandResult<()> {
    let path = std::path::PathBuf::from(path);
    if !state.was_exported(&path) {
        return Err(IpcError {
            code: ErrorCode::Invalid,
            message: "CoachDesk only opens files it has just saved.".to_owned(),
            fields: Vec::new(),
        });
    }
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| IpcError {
        code: ErrorCode::Io,
        message: format!("The file could not be opened: {e}"),
        fields: Vec::new(),
    })
}
