//! An erased client taken out of the backups too, when the coach asks: "erase" then means her
//! record is in no file CoachDesk keeps. Each backup that holds her is unpacked and verified,
//! her rows are deleted (with `secure_delete`, the search index merged, the file vacuumed),
//! and the backup is written again under its own name, time and reason, with a new manifest.

use std::path::Path;

use chrono::DateTime;
use serde::Serialize;
use ts_rs::TS;

use super::verify::{open_zip, read_manifest};
use super::{list, pack, sync_folder, unpack_verified, Backup};
use crate::db::{open_file, Db};
use crate::error::Result;
use crate::keys::Key;

const STAGING: &str = ".erase-staging.db";

/// The backups in `folder` that may hold a client added at `added_at`: those made since.
pub fn holding(folder: &Path, added_at: &str) -> Result<Vec<Backup>> {
    let Ok(added) = DateTime::parse_from_rfc3339(added_at) else {
        return list(folder);
    };
    Ok(list(folder)?
        .into_iter()
        // A backup's time is kept to the second: one made in the same second may hold her.
        .filter(|b| {
            DateTime::parse_from_rfc3339(&b.created_at)
                .map_or(true, |made| made + chrono::Duration::seconds(1) > added)
        })
        .collect())
}

/// What taking her out of the backups did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TakenOut {
    /// Backups written again without her.
    pub rewritten: usize,
    /// Backups that could not be read (damaged): left as they are.
    pub unreadable: usize,
}

/// Erases the client for good (`clients::erase`, her name typed to confirm) and, with
/// `from_backups`, takes her out of every backup that holds her. Once she is erased, a backup
/// that cannot be rewritten is told as such, never as a failed erase.
pub fn erase_client(
    db: &Db,
    data_dir: &Path,
    client_id: i64,
    confirm_name: &str,
    from_backups: bool,
) -> Result<TakenOut> {
    let client = crate::clients::get(db, client_id)?;
    crate::clients::erase(db, client_id, confirm_name)?;
    if !from_backups {
        return Ok(TakenOut::default());
    }
    take_client_out(db, data_dir, client_id, &client.name, &client.created_at).map_err(|e| {
        crate::Error::io(
            format!(
                "{} was erased, but taking her out of the backups stopped",
                client.name
            ),
            std::io::Error::other(e.to_string()),
        )
    })
}

/// The backups in the data folder that still hold the client's record, for the erase dialog.
pub fn holding_client(db: &Db, data_dir: &Path, client_id: i64) -> Result<Vec<Backup>> {
    let client = crate::clients::get(db, client_id)?;
    holding(&super::folder_in(data_dir), &client.created_at)
}

/// Takes the client out of every backup that may hold her, in the backups folder and in the
/// second place when it is connected.
pub fn take_client_out(
    db: &Db,
    data_dir: &Path,
    client_id: i64,
    name: &str,
    added_at: &str,
) -> Result<TakenOut> {
    let key = db.key();
    let mut out = remove_client(
        data_dir,
        key.as_ref(),
        &super::folder_in(data_dir),
        client_id,
        name,
        added_at,
    )?;
    if let Some(second) = super::copy_folder(db)?.filter(|f| f.is_dir()) {
        let there = remove_client(data_dir, key.as_ref(), &second, client_id, name, added_at)?;
        out.rewritten += there.rewritten;
        out.unreadable += there.unreadable;
    }
    Ok(out)
}

/// Deletes the client (`client_id`, named `name`, so that a backup of another practice with
/// the same number is never touched) from every backup in `folder` made since `added_at`.
/// Each backup is replaced with one rename; a failure leaves it as it was. Backups are opened
/// with `key` (the practice's); one made with another key is counted as unreadable.
pub fn remove_client(
    data_dir: &Path,
    key: Option<&Key>,
    folder: &Path,
    client_id: i64,
    name: &str,
    added_at: &str,
) -> Result<TakenOut> {
    let staging = data_dir.join(STAGING);
    let mut out = TakenOut::default();
    for backup in holding(folder, added_at)? {
        let path = Path::new(&backup.path);
        let _ = std::fs::remove_file(&staging);
        let Ok(manifest) = open_zip(path)
            .and_then(|mut zip| read_manifest(&mut zip))
            .and_then(|m| unpack_verified(path, &staging, key).map(|_| m))
        else {
            out.unreadable += 1;
            continue;
        };
        let removed = {
            let conn = open_file(&staging, false, key)?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.pragma_update(None, "secure_delete", "ON")?;
            let n = conn.execute(
                "DELETE FROM clients WHERE id = ?1 AND name = ?2",
                rusqlite::params![client_id, name],
            )?;
            if n > 0 {
                // A backup from before a search index existed has none to merge.
                for index in ["search_index", "client_keys"] {
                    let _ = conn.execute(
                        &format!("INSERT INTO {index} ({index}) VALUES ('optimize')"),
                        [],
                    );
                }
                conn.execute_batch("VACUUM")?;
            }
            n > 0
        };
        if !removed {
            continue;
        }
        let keys = super::key_file(path)?.map(|f| f.to_bytes()).transpose()?;
        let partial = folder.join(format!(".{}.partial", backup.file_name));
        let backup_key = manifest.key_id.as_ref().and(key);
        let written =
            pack(&partial, manifest, &staging, backup_key, keys.as_deref()).and_then(|_| {
                std::fs::rename(&partial, path)
                    .map_err(|e| crate::Error::io(format!("Could not write {}", path.display()), e))
            });
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written?;
        sync_folder(folder);
        out.rewritten += 1;
    }
    let _ = std::fs::remove_file(&staging);
    Ok(out)
}
