//! The CoachDesk shell: wires core into a Tauri window. Commands live in `commands/`; all
//! domain logic lives in `coachdesk-core`.

pub mod bindings;
#[allow(clippy::needless_pass_by_value)] // Tauri hands every command its arguments by value
pub mod commands;
pub mod dialog;
pub mod error;
mod fonts;
pub mod print;
pub mod single_instance;
pub mod state;

use std::time::Duration;

use coachdesk_core::backups::{self, BackupReason};
use tauri::{Manager, Runtime};

pub use state::AppState;

/// The app's plugins and commands, generic over the runtime so that the same wiring runs
/// under `tauri::test::mock_builder()`.
pub fn setup<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    use commands::{
        app, articles, backups, checkins, client_export, clients, comfort, consults, dashboard,
        encryption, follow_ups, handouts, labs, note_templates, pipeline, practice,
        practice_export, prep, protocols, reintro, search, suggestions, summary, timeline,
    };
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            app::app_info,
            app::app_open_exported,
            app::app_first_screen,
            practice::practice_get,
            practice::practice_create,
            practice::practice_update,
            practice::practice_logo_pick,
            practice::practice_logo_get,
            practice::practice_logo_delete,
            clients::clients_list,
            clients::clients_get,
            clients::clients_create,
            clients::clients_update,
            clients::clients_set_status,
            clients::clients_archive,
            clients::clients_restore,
            clients::clients_erase,
            clients::clients_erase_backups,
            timeline::timeline_list,
            consults::consults_create,
            consults::consults_get,
            consults::consults_update,
            consults::consults_list,
            consults::consults_notes_update,
            consults::consults_revisions_list,
            consults::consults_revision_restore,
            consults::consults_ics_export,
            note_templates::note_templates_list,
            note_templates::note_templates_update,
            follow_ups::follow_ups_create,
            follow_ups::follow_ups_set_done,
            follow_ups::follow_ups_list,
            follow_ups::follow_ups_delete,
            dashboard::dashboard_get,
            pipeline::pipeline_get,
            search::search_query,
            articles::articles_import_pick,
            articles::articles_import_paste,
            articles::articles_import_commit,
            articles::articles_list,
            articles::articles_get,
            articles::articles_update,
            articles::articles_delete,
            handouts::handouts_preview,
            handouts::handouts_export,
            handouts::handouts_list,
            handouts::handouts_reexport,
            handouts::handouts_bulk_export,
            handouts::handouts_bulk_cancel,
            handouts::handouts_print,
            handouts::handouts_reprint,
            summary::summary_export,
            summary::summary_print,
            prep::prep_get,
            prep::prep_export,
            prep::prep_print,
            suggestions::suggestions_get,
            protocols::protocols_templates_list,
            protocols::protocols_template_get,
            protocols::protocols_template_version_get,
            protocols::protocols_template_create,
            protocols::protocols_template_update,
            protocols::protocols_template_archive,
            protocols::protocols_assign,
            protocols::protocols_list,
            protocols::protocols_update,
            protocols::protocols_step,
            reintro::reintro_foods_list,
            reintro::reintro_foods_create,
            reintro::reintro_foods_update,
            reintro::reintro_foods_archive,
            reintro::reintro_board_get,
            reintro::reintro_warnings_list,
            reintro::reintro_log,
            reintro::reintro_settle,
            reintro::reintro_lists_preview,
            reintro::reintro_lists_export,
            reintro::reintro_lists_print,
            checkins::checkins_symptoms_list,
            checkins::checkins_symptoms_create,
            checkins::checkins_symptoms_rename,
            checkins::checkins_symptoms_set_archived,
            checkins::checkins_symptoms_move,
            checkins::checkins_create,
            checkins::checkins_update,
            checkins::checkins_delete,
            checkins::checkins_list,
            checkins::checkins_chart,
            checkins::checkins_csv_export,
            checkins::checkins_tracking_hidden,
            checkins::checkins_tracking_set_hidden,
            labs::labs_list,
            labs::labs_create,
            labs::labs_update,
            labs::labs_delete,
            labs::labs_attach,
            labs::labs_file_delete,
            labs::labs_file_open,
            backups::backups_status,
            backups::backups_copy_choose,
            backups::backups_copy_stop,
            backups::backups_create,
            backups::backups_check,
            backups::backups_restore,
            backups::backups_check_pick,
            backups::backups_restore_pick,
            backups::backups_recovery_list,
            backups::backups_recovery_restore,
            client_export::client_export_save,
            practice_export::practice_export_save,
            practice_export::practice_export_import,
            encryption::encryption_lock_state,
            encryption::encryption_unlock,
            encryption::encryption_lock_now,
            encryption::encryption_status,
            encryption::encryption_turn_on,
            encryption::encryption_change,
            encryption::encryption_turn_off,
            encryption::encryption_lock_after,
            encryption::encryption_recovery_sheet,
            encryption::encryption_recovery_key_create,
            comfort::comfort_get,
            comfort::comfort_set_text_size,
            comfort::comfort_step_text_size,
            comfort::comfort_set_theme,
        ])
}

/// What happens when she closes CoachDesk: the backup at quit, and the copies written for the
/// system viewer are removed (if the app is killed instead, the next start removes them).
pub fn at_quit<R: Runtime>(app: &tauri::AppHandle<R>) {
    automatic_backup(app, BackupReason::AtQuit);
    let state = app.state::<AppState>();
    let _ = std::fs::remove_dir_all(coachdesk_core::files::opened_folder(state.data_dir()));
}

/// An automatic backup, when there is a practice to back up; a failure is reported on the
/// console and never stops the app (Settings shows when the last backup was made).
pub fn automatic_backup<R: Runtime>(app: &tauri::AppHandle<R>, reason: BackupReason) {
    let state = app.state::<AppState>();
    // Also while the idle lock is on: the practice is open, only hidden.
    let Some(db) = state.open_db() else { return };
    if !matches!(coachdesk_core::practice::get(db), Ok(Some(_))) {
        return;
    }
    let version = app.package_info().version.to_string();
    match backups::take(db, state.data_dir(), reason, &version) {
        Ok((_, second)) => state.note_second_copy(second),
        Err(e) => eprintln!("CoachDesk: the automatic backup failed: {e}"),
    }
}

/// At most one daily backup while the app runs: the first look is ten minutes after start
/// (short sessions are covered by the backup at quit), then every hour.
fn daily_backups<R: Runtime>(app: tauri::AppHandle<R>) {
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(10 * 60));
        loop {
            if backups::daily_due(app.state::<AppState>().data_dir()) {
                automatic_backup(&app, BackupReason::Daily);
            }
            std::thread::sleep(Duration::from_secs(60 * 60));
        }
    });
}

/// On Linux, WebKitGTK (2.46 and later; earlier ones ignore the variable) paints pages with
/// Skia on the graphics card by default, and keeps the textures, glyph atlases and shadow masks
/// it made in a cache that grows with what a page draws. CoachDesk's screens (text, borders,
/// small icons, soft shadows) paint as quickly on the processor, and the window's web process
/// then holds about 40 MB less (`make bench-app`: after 10 s idle on her dashboard, 475 MB
/// instead of 512–525 MB for the app and its WebKit processes; a bare Tauri app holds 415–457 MB
/// either way). A value already set in the environment wins. Called before any thread starts:
/// the environment is not shared yet.
#[cfg(target_os = "linux")]
fn paint_on_the_processor() {
    const VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
    if std::env::var_os(VAR).is_none() {
        std::env::set_var(VAR, "1");
    }
}

/// Starts the desktop app on the coach's data folder.
pub fn run() {
    #[cfg(target_os = "linux")]
    paint_on_the_processor();
    // Everything CoachDesk writes (the practice file, its journal, backups, exports) is
    // readable by her alone: 0600 files, 0700 folders.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let context = tauri::generate_context!("tauri.conf.json");
    fonts::find(context.package_info());
    if std::env::args().any(|arg| arg == "--check-fonts") {
        std::process::exit(if fonts::check() { 0 } else { 1 });
    }
    // The same folder Tauri's app_data_dir gives, found before any window exists, so that a
    // second launch can hand over to the first without opening anything.
    let identifier = context.config().identifier.clone();
    let data_dir = state::data_dir_from_env(|| dirs::data_dir().map(|d| d.join(&identifier)));
    let claim = match &data_dir {
        Some(dir) => single_instance::claim(dir),
        None => single_instance::Claim::First(None),
    };
    let claim = match claim {
        single_instance::Claim::HandedOver => return,
        single_instance::Claim::First(lock) => Some(lock),
        single_instance::Claim::Taken => None,
    };
    let app = setup(tauri::Builder::default()).setup(move |app| {
        let data_dir = data_dir.ok_or("CoachDesk could not find a folder for its data")?;
        let state = match claim {
            Some(lock) => {
                let handle = app.handle().clone();
                single_instance::listen(&data_dir, move || {
                    if let Some(window) = handle.get_webview_window("main") {
                        let _ = window.unminimize();
                        let _ = window.show();
                        let _ = window.set_focus();
                    }
                });
                AppState::open_holding(data_dir, lock, true)
            }
            None => AppState::open(data_dir, true),
        };
        // Her text size, before anything shows (the lock screen included).
        if let Some(window) = app.get_webview_window("main") {
            commands::comfort::apply(&window, coachdesk_core::comfort::read(state.data_dir()));
        }
        let upgrading = state.is_upgrading();
        app.manage(state);
        if upgrading {
            // A practice of an older schema: copied aside and migrated here, while the window
            // says so (on 200,000 notes this takes tens of seconds, once).
            let handle = app.handle().clone();
            std::thread::spawn(move || handle.state::<AppState>().finish_upgrade());
        }
        daily_backups(app.handle().clone());
        Ok(())
    });
    #[allow(clippy::expect_used)] // start-up wiring: without a window there is nothing to show
    app.build(context)
        .expect("CoachDesk could not start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                at_quit(app);
            }
        });
}
