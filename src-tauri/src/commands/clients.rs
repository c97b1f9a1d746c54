//! Clients: list, record, status, archive, erase, timeline.

use coachdesk_core::backups::{self, Backup, TakenOut};
use coachdesk_core::clients::{self, Client, ClientInput, ClientPage, ClientQuery, ClientStatus};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn clients_list(state: State<'_, AppState>, query: ClientQuery) -> CommandResult<ClientPage> {
    Ok(clients::list(state.db()?, &query)?)
}

#[tauri::command]
pub fn clients_get(state: State<'_, AppState>, id: i64) -> CommandResult<Client> {
    Ok(clients::get(state.db()?, id)?)
}

#[tauri::command]
pub fn clients_create(state: State<'_, AppState>, input: ClientInput) -> CommandResult<Client> {
    Ok(clients::create(state.db()?, &input)?)
}

#[tauri::command]
pub fn clients_update(
    state: State<'_, AppState>,
    id: i64,
    input: ClientInput,
) -> CommandResult<Client> {
    Ok(clients::update(state.db()?, id, &input)?)
}

#[tauri::command]
pub fn clients_set_status(
    state: State<'_, AppState>,
    id: i64,
    status: ClientStatus,
) -> CommandResult<Client> {
    Ok(clients::set_status(state.db()?, id, status)?)
}

#[tauri::command]
pub fn clients_archive(state: State<'_, AppState>, id: i64) -> CommandResult<Client> {
    Ok(clients::archive(state.db()?, id)?)
}

#[tauri::command]
pub fn clients_restore(state: State<'_, AppState>, id: i64) -> CommandResult<Client> {
    Ok(clients::restore(state.db()?, id)?)
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
