//! Symptom check-ins: the symptom list, her check-ins, their chart and CSV, and hiding tracking.

use coachdesk_core::checkins::{self, Chart, CheckIn, CheckInInput, Symptom};
use coachdesk_core::files;
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn checkins_symptoms_list(
    state: State<'_, AppState>,
    include_archived: bool,
) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::symptoms(state.db()?, include_archived)?)
}

#[tauri::command]
pub fn checkins_symptoms_create(
    state: State<'_, AppState>,
    name: String,
) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::add_symptom(state.db()?, &name)?)
}

#[tauri::command]
pub fn checkins_symptoms_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::rename_symptom(state.db()?, id, &name)?)
}

#[tauri::command]
pub fn checkins_symptoms_set_archived(
    state: State<'_, AppState>,
    id: i64,
    archived: bool,
) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::set_symptom_archived(state.db()?, id, archived)?)
}

#[tauri::command]
pub fn checkins_symptoms_move(
    state: State<'_, AppState>,
    id: i64,
    by: i32,
) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::move_symptom(state.db()?, id, by)?)
}

#[tauri::command]
pub fn checkins_create(state: State<'_, AppState>, input: CheckInInput) -> CommandResult<CheckIn> {
    Ok(checkins::add(state.db()?, &input)?)
}

#[tauri::command]
pub fn checkins_update(
    state: State<'_, AppState>,
    id: i64,
    input: CheckInInput,
) -> CommandResult<CheckIn> {
    Ok(checkins::update(state.db()?, id, &input)?)
}

#[tauri::command]
pub fn checkins_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(checkins::delete(state.db()?, id)?)
}

#[tauri::command]
pub fn checkins_list(state: State<'_, AppState>, client_id: i64) -> CommandResult<Vec<CheckIn>> {
    Ok(checkins::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn checkins_chart(state: State<'_, AppState>, client_id: i64) -> CommandResult<Chart> {
    Ok(checkins::chart(state.db()?, client_id)?)
}

/// Saves her check-ins as CSV; None if the coach cancelled.
#[tauri::command]
pub async fn checkins_csv_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Option<String>> {
    let db = state.db()?;
    let (name, csv) = (
        checkins::csv_file_name(db, client_id)?,
        checkins::csv(db, client_id)?,
    );
    let filter = ("CSV spreadsheet", &["csv"][..]);
    dialog::save_with(&app, "Export check-ins", &name, filter, |path| {
        files::write_atomic(path, csv.as_bytes()).map(|()| dialog::shown(path))
    })
}

#[tauri::command]
pub fn checkins_tracking_hidden(state: State<'_, AppState>, client_id: i64) -> CommandResult<bool> {
    Ok(checkins::tracking_hidden(state.db()?, client_id)?)
}

#[tauri::command]
pub fn checkins_tracking_set_hidden(
    state: State<'_, AppState>,
    client_id: i64,
    hidden: bool,
) -> CommandResult<bool> {
    Ok(checkins::set_tracking_hidden(
        state.db()?,
        client_id,
        hidden,
    )?)
}
