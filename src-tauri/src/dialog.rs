//! The native file dialogs, in one place. Debug builds honour one test seam, because WebDriver
//! cannot drive a native GTK dialog: when `COACHDESK_TEST_OPEN_FILE` is set, the open dialog is
//! answered with that path (`COACHDESK_TEST_OPEN_FILES`, one per line, for a multiple choice);
//! when `COACHDESK_TEST_SAVE_DIR` is set, the save dialog is answered with the suggested file
//! name in that folder. Release builds never read them.

use std::path::{Path, PathBuf};

use coachdesk_core::db::Db;
use coachdesk_core::documents::{self, Prepared};
use coachdesk_core::files::{self, Kind, Made};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

use crate::error::CommandResult;
use crate::state::AppState;

/// What the first save dialog of a run adds to its title while her practice is encrypted:
/// what she saves (a PDF, a ZIP) is an ordinary file.
pub const PLAIN_FILES: &str = "the saved file is not encrypted";

/// The title of a save dialog: once per run, with an encrypted practice, it says that the
/// file will not be encrypted.
fn save_title<R: Runtime>(app: &AppHandle<R>, title: &str) -> String {
    let encrypted = app
        .try_state::<AppState>()
        .is_some_and(|state| state.tell_plain_files_once());
    if encrypted {
        format!("{title} ({PLAIN_FILES})")
    } else {
        title.to_owned()
    }
}

/// A file dialog that opens in her Documents folder (her home folder when she has none), not in
/// the folder CoachDesk was started from: started from an AppImage, that is the AppImage's own.
fn file_dialog<R: Runtime>(app: &AppHandle<R>, title: String) -> FileDialogBuilder<R> {
    let dialog = app.dialog().file().set_title(title);
    match dirs::document_dir()
        .filter(|folder| folder.is_dir())
        .or_else(dirs::home_dir)
    {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// The save-dialog filter for PDFs.
pub const PDF: (&str, &[&str]) = ("PDF document", &["pdf"]);

/// The save-dialog filter for ZIP archives.
pub const ZIP: (&str, &[&str]) = ("ZIP archive", &["zip"]);

/// Asks the coach for one image file; None if she cancels.
pub fn pick_image<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    pick_one(
        app,
        "Choose your logo",
        ("Images (PNG or JPEG)", &["png", "jpg", "jpeg"]),
    )
}

/// Asks the coach for a CoachDesk backup file; None if she cancels.
pub fn pick_backup<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    pick_one(
        app,
        "Choose a CoachDesk backup",
        ("CoachDesk backups", &[coachdesk_core::backups::EXTENSION]),
    )
}

/// Asks the coach for a whole-practice export (a ZIP) or a backup; None if she cancels.
pub fn pick_export<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    pick_one(
        app,
        "Choose a CoachDesk export or backup",
        (
            "CoachDesk exports and backups",
            &["zip", coachdesk_core::backups::EXTENSION],
        ),
    )
}

/// The open dialog for one file of the kinds `filter` names; None if she cancels.
fn pick_one<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    (filter_name, extensions): (&str, &[&str]),
) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(path) = std::env::var_os("COACHDESK_TEST_OPEN_FILE") {
        return Some(PathBuf::from(path));
    }
    file_dialog(app, title.to_owned())
        .add_filter(filter_name, extensions)
        .blocking_pick_file()
        .and_then(|file| file.into_path().ok())
}

/// Asks the coach where to save a file, suggesting `default_name`; None if she cancels.
pub fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    default_name: &str,
    (filter_name, extensions): (&str, &[&str]),
) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os("COACHDESK_TEST_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(default_name));
    }
    file_dialog(app, save_title(app, title))
        .set_file_name(default_name)
        .add_filter(filter_name, extensions)
        .blocking_save_file()
        .and_then(|file| file.into_path().ok())
}

/// Every export's last step: asks where to save `name`, writes it there with `write`, and
/// remembers the file so she can open it from the window; None if she cancels. Whatever can
/// refuse (a title missing, a damaged snapshot, a wrong recovery key) is checked in core
/// before, so she never picks a file only to be told something is wrong.
pub fn save_with<R: Runtime, T>(
    app: &AppHandle<R>,
    title: &str,
    name: &str,
    filter: (&str, &[&str]),
    write: impl FnOnce(&Path) -> coachdesk_core::Result<T>,
) -> CommandResult<Option<T>> {
    let Some(path) = save_file(app, title, name, filter) else {
        return Ok(None);
    };
    let written = write(&path)?;
    if let Some(state) = app.try_state::<AppState>() {
        state.remember_export(&path);
    }
    Ok(Some(written))
}

/// What an export that returns its path gives the window.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// What a save command hands the save dialog: a document core prepared (a summary, a prep
/// sheet, food lists, a handout given before), saved as a PDF, or a file core made whole (a CSV,
/// a calendar file, the recovery sheet).
pub trait Saveable {
    /// Through the save dialog: the path saved, or None if she cancels.
    fn save<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        db: &Db,
        title: &str,
    ) -> CommandResult<Option<String>>;
}

impl Saveable for Prepared {
    fn save<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        db: &Db,
        title: &str,
    ) -> CommandResult<Option<String>> {
        save_with(app, title, &self.file_name, PDF, |path| {
            documents::save(db, &self.doc, path).map(|()| shown(path))
        })
    }
}

impl Saveable for Made {
    fn save<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        _db: &Db,
        title: &str,
    ) -> CommandResult<Option<String>> {
        let filter = match self.kind {
            Kind::Csv => ("CSV spreadsheet", &["csv"][..]),
            Kind::Calendar => ("Calendar", &["ics"][..]),
            Kind::Pdf => PDF,
        };
        save_with(app, title, &self.name, filter, |path| {
            files::write_atomic(path, &self.bytes).map(|()| shown(path))
        })
    }
}

/// Asks the coach for one or more files of the kinds in `filter`; None if she cancels. In debug
/// builds, `COACHDESK_TEST_OPEN_FILES` (one path per line) answers instead.
pub fn pick_files<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    (filter_name, extensions): (&str, &[&str]),
) -> Option<Vec<PathBuf>> {
    #[cfg(debug_assertions)]
    if let Some(paths) = std::env::var_os("COACHDESK_TEST_OPEN_FILES") {
        return Some(paths.to_string_lossy().lines().map(PathBuf::from).collect());
    }
    file_dialog(app, title.to_owned())
        .add_filter(filter_name, extensions)
        .blocking_pick_files()
        .map(|files| {
            files
                .into_iter()
                .filter_map(|f| f.into_path().ok())
                .collect()
        })
}

/// Asks the coach for one or more article files; None if she cancels.
pub fn pick_articles<R: Runtime>(app: &AppHandle<R>) -> Option<Vec<PathBuf>> {
    pick_files(
        app,
        "Import articles",
        (
            "Articles (text, Markdown, Word, HTML, WordPress export)",
            &["txt", "md", "markdown", "docx", "html", "htm", "xml"],
        ),
    )
}

/// Asks the coach for a folder; None if she cancels. In debug builds `COACHDESK_TEST_SAVE_DIR`
/// answers instead.
pub fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os("COACHDESK_TEST_SAVE_DIR") {
        return Some(PathBuf::from(dir));
    }
    file_dialog(app, save_title(app, title))
        .blocking_pick_folder()
        .and_then(|folder| folder.into_path().ok())
}
