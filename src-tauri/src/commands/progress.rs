//! Progress tracking: the reintroduction tracker, symptom check-ins and their chart and CSV.

use coachdesk_core::checkins::{self, Chart, CheckIn, CheckInInput, Symptom};
use coachdesk_core::documents::{self, Printable};
use coachdesk_core::files;
use coachdesk_core::reintro::{self, Food, FoodInput, LogInput, LogResult, ReintroBoard};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn reintro_foods(state: State<'_, AppState>) -> CommandResult<Vec<Food>> {
    Ok(reintro::foods(state.db()?)?)
}

#[tauri::command]
pub fn reintro_food_create(state: State<'_, AppState>, input: FoodInput) -> CommandResult<Food> {
    Ok(reintro::create_food(state.db()?, &input)?)
}

#[tauri::command]
pub fn reintro_food_update(
    state: State<'_, AppState>,
    id: i64,
    input: FoodInput,
) -> CommandResult<Food> {
    Ok(reintro::update_food(state.db()?, id, &input)?)
}

#[tauri::command]
pub fn reintro_food_archive(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(reintro::archive_food(state.db()?, id)?)
}

#[tauri::command]
pub fn reintro_board(state: State<'_, AppState>, client_id: i64) -> CommandResult<ReintroBoard> {
    Ok(reintro::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn reintro_warnings(
    state: State<'_, AppState>,
    client_id: i64,
    food_id: i64,
    on_date: String,
) -> CommandResult<Vec<String>> {
    Ok(reintro::warnings(
        state.db()?,
        client_id,
        food_id,
        &on_date,
    )?)
}

#[tauri::command]
pub fn reintro_log(state: State<'_, AppState>, input: LogInput) -> CommandResult<LogResult> {
    Ok(reintro::log(state.db()?, &input)?)
}

#[tauri::command]
pub fn reintro_settle(
    state: State<'_, AppState>,
    client_id: i64,
    food_id: i64,
    on_date: String,
) -> CommandResult<ReintroBoard> {
    Ok(reintro::settle(state.db()?, client_id, food_id, &on_date)?)
}

#[tauri::command]
pub fn reintro_lists_preview(
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Printable> {
    Ok(reintro::lists(state.db()?, client_id)?)
}

/// Saves her "tolerated" and "to retry" food lists as a PDF; None if the coach cancelled.
#[tauri::command]
pub async fn reintro_lists_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Option<String>> {
    let db = state.db()?;
    let lists = documents::Prepared::new(reintro::lists(db, client_id)?);
    dialog::save_with(
        &app,
        "Save food lists",
        &lists.file_name,
        dialog::PDF,
        |path| documents::save(db, &lists.doc, path).map(|()| dialog::shown(path)),
    )
}

#[tauri::command]
pub fn symptoms(state: State<'_, AppState>, include_archived: bool) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::symptoms(state.db()?, include_archived)?)
}

#[tauri::command]
pub fn symptom_add(state: State<'_, AppState>, name: String) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::add_symptom(state.db()?, &name)?)
}

#[tauri::command]
pub fn symptom_rename(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::rename_symptom(state.db()?, id, &name)?)
}

#[tauri::command]
pub fn symptom_set_archived(
    state: State<'_, AppState>,
    id: i64,
    archived: bool,
) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::set_symptom_archived(state.db()?, id, archived)?)
}

#[tauri::command]
pub fn symptom_move(state: State<'_, AppState>, id: i64, by: i32) -> CommandResult<Vec<Symptom>> {
    Ok(checkins::move_symptom(state.db()?, id, by)?)
}

#[tauri::command]
pub fn checkin_add(state: State<'_, AppState>, input: CheckInInput) -> CommandResult<CheckIn> {
    Ok(checkins::add(state.db()?, &input)?)
}

#[tauri::command]
pub fn checkin_update(
    state: State<'_, AppState>,
    id: i64,
    input: CheckInInput,
) -> CommandResult<CheckIn> {
    Ok(checkins::update(state.db()?, id, &input)?)
}

#[tauri::command]
pub fn checkin_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(checkins::delete(state.db()?, id)?)
}

#[tauri::command]
pub fn checkins_for_client(
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<Vec<CheckIn>> {
    Ok(checkins::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn checkin_chart(state: State<'_, AppState>, client_id: i64) -> CommandResult<Chart> {
    Ok(checkins::chart(state.db()?, client_id)?)
}

/// Saves her check-ins as CSV; None if the coach cancelled.
#[tauri::command]
pub async fn checkins_export_csv<R: Runtime>(
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
pub fn tracking_hidden(state: State<'_, AppState>, client_id: i64) -> CommandResult<bool> {
    Ok(checkins::tracking_hidden(state.db()?, client_id)?)
}

#[tauri::command]
pub fn tracking_set_hidden(
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
