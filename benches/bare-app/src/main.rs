//! A bare Tauri app: one window, one page. When its page is painted it says so, as CoachDesk's
//! window does, by writing to `COACHDESK_FIRST_SCREEN_FILE` (for `make bench-app`).

use std::path::PathBuf;

#[tauri::command]
fn first_screen(screen: String) -> Result<(), String> {
    let Some(path) = std::env::var_os("COACHDESK_FIRST_SCREEN_FILE").map(PathBuf::from) else {
        return Ok(());
    };
    let partial = path.with_extension("partial");
    std::fs::write(&partial, screen)
        .and_then(|()| std::fs::rename(&partial, &path))
        .map_err(|e| e.to_string())
}

fn main() {
    #[allow(clippy::expect_used)] // nothing to show the user of a benchmark's reference app
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_screen])
        .run(tauri::generate_context!())
        .expect("the bare Tauri app failed to start");
}
