//! Encryption at rest: the lock screen (state, unlock, lock), turning encryption on, changing
//! the passphrase, turning it off, the idle lock and the recovery sheet.

use coachdesk_core::encryption::{self, EncryptionStatus, TurnedOn};
use coachdesk_core::keys::KdfCost;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::CommandResult;
use crate::state::AppState;

/// What the window needs before anything else: is there a lock screen to show, or is the
/// practice still being brought up to date?
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LockState {
    pub encrypted: bool,
    pub locked: bool,
    /// The idle lock (None: never).
    pub lock_after_minutes: Option<u32>,
    /// A practice of an older schema is being brought up to date: the window waits and says so.
    pub upgrading: bool,
}

/// Callable while locked: it says nothing about her practice.
#[tauri::command]
pub fn encryption_lock_state(state: State<'_, AppState>) -> CommandResult<LockState> {
    Ok(LockState {
        encrypted: encryption::is_on(state.data_dir()),
        locked: state.is_locked(),
        lock_after_minutes: encryption::lock_after(state.data_dir()),
        upgrading: state.is_upgrading(),
    })
}

/// Opens the practice with her passphrase or recovery key (at start, or after the idle lock).
#[tauri::command]
pub async fn encryption_unlock(state: State<'_, AppState>, secret: String) -> CommandResult<()> {
    state.unlock(&secret)
}

/// Locks the window now (idle minutes passed, or she asked).
#[tauri::command]
pub fn encryption_lock_now(state: State<'_, AppState>) -> CommandResult<()> {
    state.lock_now()
}

db_commands! {
    fn encryption_status() -> EncryptionStatus = encryption::status();
}

/// Encrypts the practice, its backups and pre-migration copies; returns the recovery key to
/// show once.
#[tauri::command]
pub async fn encryption_turn_on(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<TurnedOn> {
    Ok(encryption::turn_on(
        state.db()?,
        &passphrase,
        KdfCost::DEFAULT,
    )?)
}

#[tauri::command]
pub async fn encryption_change(
    state: State<'_, AppState>,
    current: String,
    new: String,
) -> CommandResult<()> {
    Ok(encryption::change_passphrase(state.db()?, &current, &new)?)
}

/// Decrypts the practice and its copies; returns how many copies were decrypted.
#[tauri::command]
pub async fn encryption_turn_off(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<usize> {
    Ok(encryption::turn_off(state.db()?, &passphrase)?)
}

db_commands! {
    fn encryption_lock_after(minutes: Option<u32>) -> () = encryption::set_lock_after(minutes);
}

file_commands! {
    /// Saves the recovery sheet through the save dialog; None if she cancels.
    fn encryption_recovery_sheet(recovery_key: String) =
        encryption::recovery_sheet_file(&recovery_key), "Save your recovery sheet";
}

/// A new recovery key (the old sheet is lost), shown once; her passphrase first.
#[tauri::command]
pub async fn encryption_recovery_key_create(
    state: State<'_, AppState>,
    passphrase: String,
) -> CommandResult<String> {
    Ok(encryption::new_recovery_key(state.db()?, &passphrase)?)
}
