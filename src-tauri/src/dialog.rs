//! The native file dialogs, in one place. Debug builds honour one test seam: when
//! `COACHDESK_TEST_OPEN_FILE` is set, the open dialog is answered with that path instead of
//! being shown, because WebDriver cannot drive a native GTK dialog. Release builds never read it.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Asks the coach for one image file; None if she cancels.
pub fn pick_image<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os("COACHDESK_TEST_OPEN_FILE") {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .set_title("Choose your logo")
        .add_filter("Images (PNG or JPEG)", &["png", "jpg", "jpeg"])
        .blocking_pick_file()
        .and_then(|file| file.into_path().ok())
}
