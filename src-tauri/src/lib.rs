//! The CoachDesk shell: wires core into a Tauri window. Commands live in `commands/`; all
//! domain logic lives in `coachdesk-core`.

pub mod bindings;
#[allow(clippy::needless_pass_by_value)] // Tauri hands every command its arguments by value
pub mod commands;
pub mod dialog;
pub mod error;
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
        app, articles, backups, clients, comfort, consults, dashboard, encryption, follow_ups,
        handouts, labs, pipeline, practice, practice_export, progress, protocols, search,
        templates,
    };
    builder
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            app::app_info,
            app::open_exported,
            practice::practice_get,
            practice::practice_create,
            practice::practice_update,
            practice::practice_pick_logo,
            practice::practice_logo,
            practice::practice_remove_logo,
            clients::clients_list,
            clients::client_get,
            clients::client_create,
            clients::client_update,
            clients::client_set_status,
            clients::client_archive,
            clients::client_restore,
            clients::client_erase,
            clients::client_erase_backups,
            clients::client_timeline,
            consults::consult_create,
            consults::consult_get,
            consults::consult_update,
            consults::consults_for_client,
            consults::consult_save_notes,
            consults::consult_revisions,
            consults::consult_restore_revision,
            consults::consult_export_ics,
            templates::note_templates_list,
            templates::note_template_update,
            follow_ups::follow_up_create,
            follow_ups::follow_up_set_done,
            follow_ups::follow_ups_for_client,
            follow_ups::follow_up_delete,
            dashboard::dashboard,
            pipeline::pipeline,
            search::search,
            articles::articles_import_pick,
            articles::articles_import_paste,
            articles::articles_import_commit,
            articles::articles_list,
            articles::article_get,
            articles::article_update,
            articles::article_delete,
            handouts::handout_preview,
            handouts::handout_export,
            handouts::handouts_for_client,
            handouts::handout_reexport,
            handouts::client_summary_export,
            handouts::handouts_bulk_export,
            handouts::handouts_bulk_cancel,
            protocols::protocol_templates,
            protocols::protocol_template,
            protocols::protocol_template_version,
            protocols::protocol_template_create,
            protocols::protocol_template_save,
            protocols::protocol_template_archive,
            protocols::protocol_assign,
            protocols::protocols_for_client,
            protocols::client_protocol_save,
            protocols::client_protocol_step,
            progress::reintro_foods,
            progress::reintro_food_create,
            progress::reintro_food_update,
            progress::reintro_food_archive,
            progress::reintro_board,
            progress::reintro_warnings,
            progress::reintro_log,
            progress::reintro_settle,
            progress::reintro_lists_preview,
            progress::reintro_lists_export,
            progress::symptoms,
            progress::symptom_add,
            progress::symptom_rename,
            progress::symptom_set_archived,
            progress::symptom_move,
            progress::checkin_add,
            progress::checkin_update,
            progress::checkin_delete,
            progress::checkins_for_client,
            progress::checkin_chart,
            progress::checkins_export_csv,
            progress::tracking_hidden,
            progress::tracking_set_hidden,
            labs::labs_for_client,
            labs::lab_add,
            labs::lab_update,
            labs::lab_delete,
            labs::lab_attach,
            labs::lab_file_remove,
            labs::lab_file_open,
            backups::backups_status,
            backups::backup_now,
            backups::backup_check,
            backups::backup_restore,
            backups::backup_check_pick,
            backups::backup_restore_pick,
            backups::backup_copy_choose,
            backups::backup_copy_stop,
            backups::recovery_backups,
            backups::recovery_restore,
            clients::client_export,
            practice_export::practice_export,
            practice_export::practice_import,
            encryption::lock_state,
            encryption::unlock,
            encryption::lock_now,
            encryption::encryption_status,
            encryption::encryption_turn_on,
            encryption::encryption_change,
            encryption::encryption_turn_off,
            encryption::encryption_lock_after,
            encryption::encryption_recovery_sheet,
            encryption::encryption_new_recovery_key,
            comfort::comfort_get,
            comfort::comfort_set_text_size,
            comfort::comfort_step_text_size,
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

/// Starts the desktop app on the coach's data folder.
pub fn run() {
    // Everything CoachDesk writes (the practice file, its journal, backups, exports) is
    // readable by her alone: 0600 files, 0700 folders.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let context = tauri::generate_context!("tauri.conf.json");
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
                AppState::open_holding(data_dir, lock)
            }
            None => AppState::open(data_dir),
        };
        // Her text size, before anything shows (the lock screen included).
        if let Some(window) = app.get_webview_window("main") {
            commands::comfort::apply(&window, coachdesk_core::comfort::read(state.data_dir()));
        }
        app.manage(state);
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
