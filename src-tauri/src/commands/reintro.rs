//! The reintroduction tracker: the food catalogue, her board and log, timing warnings, and her
//! food lists as a PDF.

use coachdesk_core::documents::{self, Preview};
use coachdesk_core::reintro::{self, Food, FoodInput, LogInput, LogResult, ReintroBoard};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::print;
use crate::state::AppState;

#[tauri::command]
pub fn reintro_foods_list(state: State<'_, AppState>) -> CommandResult<Vec<Food>> {
    Ok(reintro::foods(state.db()?)?)
}

#[tauri::command]
pub fn reintro_foods_create(state: State<'_, AppState>, input: FoodInput) -> CommandResult<Food> {
    Ok(reintro::create_food(state.db()?, &input)?)
}

#[tauri::command]
pub fn reintro_foods_update(
    state: State<'_, AppState>,
    id: i64,
    input: FoodInput,
) -> CommandResult<Food> {
    Ok(reintro::update_food(state.db()?, id, &input)?)
}

#[tauri::command]
pub fn reintro_foods_archive(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(reintro::archive_food(state.db()?, id)?)
}

#[tauri::command]
pub fn reintro_board_get(
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<ReintroBoard> {
    Ok(reintro::for_client(state.db()?, client_id)?)
}

#[tauri::command]
pub fn reintro_warnings_list(
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
pub fn reintro_lists_preview(state: State<'_, AppState>, client_id: i64) -> CommandResult<Preview> {
    Ok(reintro::lists(state.db()?, client_id)?.into())
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
    dialog::save_document(&app, db, "Save food lists", &lists)
}

/// Prints her food lists through the print dialog; false if the coach cancelled.
#[tauri::command]
pub async fn reintro_lists_print<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client_id: i64,
) -> CommandResult<bool> {
    let db = state.db()?;
    let lists = reintro::lists(db, client_id)?;
    print::print_document(&app, &state, db, &lists)
}
