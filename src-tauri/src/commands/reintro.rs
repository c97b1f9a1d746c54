//! The reintroduction tracker: the food catalogue, her board and log, timing warnings, and her
//! food lists as a PDF.

use coachdesk_core::documents::Preview;
use coachdesk_core::reintro::{self, Food, FoodInput, LogInput, LogResult, ReintroBoard};
use tauri::State;

use crate::error::CommandResult;
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
    Ok(reintro::lists(state.db()?, client_id)?.doc.into())
}

document_commands! {
    /// Her "tolerated" and "to retry" food lists, saved as a PDF or printed.
    fn reintro_lists_export, reintro_lists_print(client_id: i64) =
        reintro::lists(client_id), "Save food lists";
}
