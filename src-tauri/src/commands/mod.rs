//! The IPC surface: thin commands, one module per area, each a few lines over core.

/// Commands that hand their arguments to one function of core over the open practice, and
/// return its answer. Each line
///
/// ```text
/// fn protocols_template_get(id: i64) -> TemplateDetail = protocols::get_template(id);
/// ```
///
/// is the command
///
/// ```text
/// #[tauri::command]
/// pub fn protocols_template_get(state: State<'_, AppState>, id: i64)
///     -> CommandResult<TemplateDetail> {
///     Ok(protocols::get_template(state.db()?, id)?)
/// }
/// ```
///
/// (`make types` reads these lines for the UI's command map, as it reads the other commands'
/// signatures.) Commands that save through the save dialog are lines of a `file_commands!` or
/// `document_commands!` block (below); those that do more (another dialog, the app's state)
/// are written out.
macro_rules! db_commands {
    ($(
        $(#[$attr:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty =
            $($f:ident)::+($($a:expr),* $(,)?);
    )*) => {$(
        $(#[$attr])*
        #[tauri::command]
        pub fn $name(
            state: tauri::State<'_, crate::state::AppState>,
            $($arg: $ty),*
        ) -> crate::error::CommandResult<$out> {
            Ok($($f)::+(state.db()?, $($a),*)?)
        }
    )*};
}

/// Commands that save what core prepares through the save dialog: a file it makes whole
/// (`coachdesk_core::files::Made`) or a document (`documents::Prepared`, saved as a PDF). Each line
///
/// ```text
/// fn consults_ics_export(id: i64) = consults::ics_file(id), "Save to calendar";
/// ```
///
/// is `consults_ics_export`, the path saved or None if the coach cancelled; `"Save to
/// calendar"` is the save dialog's title.
macro_rules! file_commands {
    ($(
        $(#[$attr:meta])*
        fn $save:ident($($arg:ident: $ty:ty),* $(,)?) =
            $($f:ident)::+($($a:expr),* $(,)?), $title:literal;
    )*) => {$(
        $(#[$attr])*
        #[tauri::command]
        pub async fn $save<R: tauri::Runtime>(
            app: tauri::AppHandle<R>,
            state: tauri::State<'_, crate::state::AppState>,
            $($arg: $ty),*
        ) -> crate::error::CommandResult<Option<String>> {
            let db = state.db()?;
            let prepared = $($f)::+(db, $($a),*)?;
            crate::dialog::Saveable::save(&prepared, &app, db, $title)
        }
    )*};
}

/// Pairs of commands that save a document core prepares as a PDF through the save dialog (as
/// `file_commands!` does), and print it through the print dialog. Each line
///
/// ```text
/// fn prep_export, prep_print(client_id: i64) = prep::prepare(client_id), "Save prep sheet";
/// ```
///
/// is `prep_export`, the path saved or None if the coach cancelled, and `prep_print`, false if
/// she cancelled; `"Save prep sheet"` is the save dialog's title.
macro_rules! document_commands {
    ($(
        $(#[$attr:meta])*
        fn $save:ident, $print:ident($($arg:ident: $ty:ty),* $(,)?) =
            $($f:ident)::+($($a:expr),* $(,)?), $title:literal;
    )*) => {$(
        file_commands! {
            $(#[$attr])*
            fn $save($($arg: $ty),*) = $($f)::+($($a),*), $title;
        }

        $(#[$attr])*
        #[tauri::command]
        pub async fn $print<R: tauri::Runtime>(
            app: tauri::AppHandle<R>,
            state: tauri::State<'_, crate::state::AppState>,
            $($arg: $ty),*
        ) -> crate::error::CommandResult<bool> {
            let db = state.db()?;
            let prepared = $($f)::+(db, $($a),*)?;
            crate::print::print_document(&app, &state, db, &prepared.doc)
        }
    )*};
}

pub mod app;
pub mod articles;
pub mod backups;
pub mod checkins;
pub mod client_export;
pub mod clients;
pub mod comfort;
pub mod consults;
pub mod dashboard;
pub mod encryption;
pub mod follow_ups;
pub mod handouts;
pub mod labs;
pub mod note_templates;
pub mod pipeline;
pub mod practice;
pub mod practice_export;
pub mod prep;
pub mod protocols;
pub mod reintro;
pub mod search;
pub mod suggestions;
pub mod summary;
pub mod timeline;
