//! Symptom check-ins: the symptom list, her check-ins, their chart and CSV, and hiding tracking.

use coachdesk_core::checkins::{self, Chart, CheckIn, CheckInInput, Symptom};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

db_commands! {
    fn checkins_symptoms_list(include_archived: bool) -> Vec<Symptom> =
        checkins::symptoms(include_archived);

    fn checkins_symptoms_create(name: String) -> Vec<Symptom> = checkins::add_symptom(&name);

    fn checkins_symptoms_rename(id: i64, name: String) -> Vec<Symptom> =
        checkins::rename_symptom(id, &name);

    fn checkins_symptoms_set_archived(id: i64, archived: bool) -> Vec<Symptom> =
        checkins::set_symptom_archived(id, archived);

    fn checkins_symptoms_move(id: i64, by: i32) -> Vec<Symptom> = checkins::move_symptom(id, by);

    fn checkins_create(input: CheckInInput) -> CheckIn = checkins::add(&input);

    fn checkins_update(id: i64, input: CheckInInput) -> CheckIn = checkins::update(id, &input);

    fn checkins_delete(id: i64) -> () = checkins::delete(id);

    fn checkins_list(client_id: i64) -> Vec<CheckIn> = checkins::for_client(client_id);

    fn checkins_chart(client_id: i64) -> Chart = checkins::chart(client_id);
}

file_commands! {
    /// Saves her check-ins as CSV; None if the coach cancelled.
    fn checkins_csv_export(client_id: i64) = checkins::csv_file(client_id), "Export check-ins";
}

db_commands! {
    fn checkins_tracking_hidden(client_id: i64) -> bool = checkins::tracking_hidden(client_id);
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
