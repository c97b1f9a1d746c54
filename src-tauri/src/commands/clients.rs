//! Clients: list, record, status, archive, erase, timeline.

use coachdesk_core::backups::{self, Backup, TakenOut};
use coachdesk_core::clients::{self, Client, ClientInput, ClientPage, ClientQuery, ClientStatus};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

db_commands! {
    fn clients_list(query: ClientQuery) -> ClientPage = clients::list(&query);

    fn clients_get(id: i64) -> Client = clients::get(id);

    fn clients_create(input: ClientInput) -> Client = clients::create(&input);

    fn clients_update(id: i64, input: ClientInput) -> Client = clients::update(id, &input);

    fn clients_set_status(id: i64, status: ClientStatus) -> Client =
        clients::set_status(id, status);

    fn clients_archive(id: i64) -> Client = clients::archive(id);

    fn clients_restore(id: i64) -> Client = clients::restore(id);
}

/// Erases her for good; with `from_backups`, she is taken out of the backups that hold her
/// too (here and in the second place).
#[tauri::command]
pub async fn clients_erase(
    state: State<'_, AppState>,
    id: i64,
    confirm_name: String,
    from_backups: bool,
) -> CommandResult<TakenOut> {
    let (db, dir) = (state.db()?, state.data_dir());
    Ok(backups::erase_client(
        db,
        dir,
        id,
        &confirm_name,
        from_backups,
    )?)
}

/// The backups that still hold her record, for the erase dialog to say so.
#[tauri::command]
pub fn clients_erase_backups(state: State<'_, AppState>, id: i64) -> CommandResult<Vec<Backup>> {
    Ok(backups::holding_client(state.db()?, state.data_dir(), id)?)
}
