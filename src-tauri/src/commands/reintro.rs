//! The reintroduction tracker: the food catalogue, her board and log, timing warnings, and her
//! food lists as a PDF.

use coachdesk_core::documents::{self, Preview};
use coachdesk_core::reintro::{self, Food, FoodInput, LogInput, LogResult, ReintroBoard};
use tauri::{AppHandle, Runtime, State};

use crate::dialog;
use crate::error::CommandResult;
use crate::print;
use crate::state::AppState;

db_commands! {
    fn reintro_foods_list() -> Vec<Food> = reintro::foods();

    fn reintro_foods_create(input: FoodInput) -> Food = reintro::create_food(&input);

    fn reintro_foods_update(id: i64, input: FoodInput) -> Food = reintro::update_food(id, &input);

    fn reintro_foods_archive(id: i64) -> () = reintro::archive_food(id);

    fn reintro_board_get(client_id: i64) -> ReintroBoard = reintro::for_client(client_id);
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

db_commands! {
    fn reintro_log(input: LogInput) -> LogResult = reintro::log(&input);

    fn reintro_settle(client_id: i64, food_id: i64, on_date: String) -> ReintroBoard =
        reintro::settle(client_id, food_id, &on_date);
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
