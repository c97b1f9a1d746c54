//! Comfort: the text size of the whole window (WebKit's page zoom, so every layout scales),
//! kept in the data folder and applied at start, before the lock screen.

use coachdesk_core::comfort::{self, Comfort, ComfortView, Theme};
use tauri::{Runtime, State, WebviewWindow};

use crate::error::CommandResult;
use crate::state::AppState;

/// Sizes the window's content to `comfort.text_size`.
pub fn apply<R: Runtime>(window: &WebviewWindow<R>, comfort: Comfort) {
    if let Err(e) = window.set_zoom(f64::from(comfort.text_size) / 100.0) {
        eprintln!("CoachDesk: could not set the text size: {e}");
    }
}

/// Callable while locked: it says nothing about her practice.
#[tauri::command]
pub fn comfort_get(state: State<'_, AppState>) -> CommandResult<ComfortView> {
    Ok(comfort::read(state.data_dir()).into())
}

/// Sets the text size (Settings → Comfort).
#[tauri::command]
pub fn comfort_set_text_size<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    percent: u32,
) -> CommandResult<ComfortView> {
    let comfort = comfort::set_text_size(state.data_dir(), percent)?;
    apply(&window, comfort);
    Ok(comfort.into())
}

/// One size up (`steps` = 1), down (-1), or back to normal (0): Ctrl/Cmd + `=`, `-`, `0`.
#[tauri::command]
pub fn comfort_step_text_size<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    steps: i32,
) -> CommandResult<ComfortView> {
    let comfort = comfort::step_text_size(state.data_dir(), steps)?;
    apply(&window, comfort);
    Ok(comfort.into())
}

/// Sets the window's colours (Settings → Comfort); the window shows them itself.
#[tauri::command]
pub fn comfort_set_theme(state: State<'_, AppState>, theme: Theme) -> CommandResult<ComfortView> {
    Ok(comfort::set_theme(state.data_dir(), theme)?.into())
}
