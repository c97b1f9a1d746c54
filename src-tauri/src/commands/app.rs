//! Facts about the running app: version and where the coach's data lives.

use std::path::PathBuf;

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
    let path = PathBuf::from(path);
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

/// The window shows its first screen (the welcome, the lock screen or her practice), or her
/// practice once she has unlocked it at start. When `COACHDESK_FIRST_SCREEN_FILE` is set (the
/// packaging test, `make bench-app`), the screen's name is written to that file, so a check
/// outside the window knows the app is up and usable.
#[tauri::command]
pub fn app_first_screen(screen: String) -> CommandResult<()> {
    let Some(path) = std::env::var_os("COACHDESK_FIRST_SCREEN_FILE").map(PathBuf::from) else {
        return Ok(());
    };
    let partial = path.with_extension("partial");
    std::fs::write(&partial, screen)
        .and_then(|()| std::fs::rename(&partial, &path))
        .map_err(|e| IpcError {
            code: ErrorCode::Io,
            message: format!("The first-screen marker could not be written: {e}"),
            fields: Vec::new(),
        })
}
