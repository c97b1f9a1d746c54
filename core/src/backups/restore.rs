//! Restoring: from a backup she picks (two phases, her current data saved first), from a
//! backup when the practice file is damaged, and what the next start says about a restore the
//! app stopped in the middle of, and tidying what a stopped backup left.

use std::path::Path;

use chrono::Utc;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{
    back_up, folder_in, key_file, key_for, sha256_of, sync_folder, unpack_verified, Backup,
    BackupReason,
};
use crate::db::{export_keyed, open_file, Db};
use crate::error::{Error, Result};
use crate::keys::Key;

/// The file that says a restore is under way, in the data folder.
pub(super) const RESTORE_MARKER: &str = "restore-in-progress.json";
pub(super) const STAGING: &str = ".restore-staging.db";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RestoreMarker {
    pub(super) from: String,
    /// SHA-256 of the database being put in place.
    pub(super) sha256: String,
    pub(super) before_restore: String,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The backup now in use.
    pub from: Backup,
    /// The data as it was just before, saved as a backup so the restore can be undone.
    pub before_restore: Backup,
}

/// Restores the practice from the backup at `path`, in two phases. First the backup is
/// unpacked into a staging file in the data folder and verified (hashes, integrity, counts; a
/// backup from a newer CoachDesk is refused), and the current data is saved as a backup. Then
/// the staged file is swapped in with one rename and reopened (an older backup is migrated).
/// A marker file says a restore is under way, so the next start can tell what happened if the
/// app stopped half-way.
///
/// Encryption stays as the practice has it: a plain backup restored into an encrypted practice
/// is encrypted with its key, and the reverse. A backup made with another key needs `secret`,
/// the passphrase (or recovery key) of the day it was made. A CoachDesk with nothing in it yet
/// (a new computer) takes the backup's encryption and key file as they are.
pub fn restore(db: &Db, path: &Path, app_version: &str, secret: Option<&str>) -> Result<Restored> {
    let Some(data_dir) = db.path().and_then(Path::parent).map(Path::to_owned) else {
        return Err(Error::Internal(
            "A store that is not a file cannot be restored.".into(),
        ));
    };
    let practice_key = db.key();
    let backup_key = key_for(path, practice_key.as_ref(), secret)?;
    let adopt =
        practice_key.is_none() && backup_key.is_some() && crate::practice::get(db)?.is_none();
    let target_key = if adopt {
        backup_key.clone()
    } else {
        practice_key
    };
    let staging = data_dir.join(STAGING);
    let from = match stage(path, &staging, backup_key.as_ref(), target_key.as_ref()) {
        Ok(from) => from,
        Err(e) => {
            let _ = std::fs::remove_file(&staging);
            return Err(e);
        }
    };
    if adopt {
        // The backup's key file comes with it: her passphrase of then opens the practice.
        if let Some(file) = key_file(path)? {
            file.write(&data_dir)?;
        }
    }
    let before_restore = back_up(
        db,
        &folder_in(&data_dir),
        BackupReason::BeforeRestore,
        app_version,
    )?;
    let (_, sha256) = sha256_of(&staging)?;
    let marker = RestoreMarker {
        from: from.file_name.clone(),
        sha256,
        before_restore: before_restore.file_name.clone(),
    };
    let json = serde_json::to_vec(&marker)
        .map_err(|e| Error::io("Could not start the restore", std::io::Error::other(e)))?;
    crate::files::write_atomic(&data_dir.join(RESTORE_MARKER), &json)?;
    let marker_path = data_dir.join(RESTORE_MARKER);
    let swapped = db.replace_file_keyed(&staging, target_key, || {
        let _ = std::fs::remove_file(&marker_path);
    });
    let _ = std::fs::remove_file(&staging);
    let _ = std::fs::remove_file(&marker_path);
    swapped?;
    Ok(Restored {
        from,
        before_restore,
    })
}

/// When the store cannot open because its file is damaged: checks the backup at `path`, puts
/// it in the file's place and opens it. The damaged file is kept aside
/// (`coachdesk.db.damaged-<time>`), never deleted. The last step is one rename, so a crash
/// leaves either the damaged file (and the offer of a backup again) or the restored one.
/// `key` is the practice's (None when it is not encrypted).
pub fn recover(data_dir: &Path, path: &Path, key: Option<Key>) -> Result<Db> {
    let staging = data_dir.join(STAGING);
    let staged = key_for(path, key.as_ref(), None)
        .and_then(|backup_key| stage(path, &staging, backup_key.as_ref(), key.as_ref()));
    if let Err(e) = staged {
        let _ = std::fs::remove_file(&staging);
        return Err(e);
    }
    let database = data_dir.join(crate::db::DATABASE_FILE);
    let aside = |suffix: &str| {
        data_dir.join(format!(
            "{}.damaged-{}{suffix}",
            crate::db::DATABASE_FILE,
            Utc::now().format("%Y%m%dT%H%M%SZ")
        ))
    };
    let keep = |e| Error::io("Could not keep the damaged file aside", e);
    if database.exists() {
        std::fs::copy(&database, aside("")).map_err(keep)?;
    }
    // The damaged file's WAL must not be applied to the restored one.
    for suffix in ["-wal", "-shm"] {
        let file = data_dir.join(format!("{}{suffix}", crate::db::DATABASE_FILE));
        if file.exists() {
            std::fs::rename(&file, aside(suffix)).map_err(keep)?;
        }
    }
    std::fs::rename(&staging, &database)
        .map_err(|e| Error::io("Could not put the backup in place", e))?;
    sync_folder(data_dir);
    Db::open_keyed(&database, key)
}

/// Unpacks and verifies the backup at `path` (encrypted with `backup_key`) into `staging`,
/// encrypted with `target_key` and in WAL mode: the store runs in WAL mode, so opening it
/// after the swap writes nothing, and a crash right after the swap leaves no journal to
/// recover.
fn stage(
    path: &Path,
    staging: &Path,
    backup_key: Option<&Key>,
    target_key: Option<&Key>,
) -> Result<Backup> {
    if backup_key.map(Key::id) == target_key.map(Key::id) {
        let from = unpack_verified(path, staging, backup_key)?;
        open_file(staging, false, target_key)?.pragma_update(None, "journal_mode", "WAL")?;
        return Ok(from);
    }
    let name = staging
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unpacked = staging.with_file_name(format!(".unpacked{name}"));
    let from = unpack_verified(path, &unpacked, backup_key).and_then(|from| {
        export_keyed(
            &open_file(&unpacked, false, backup_key)?,
            staging,
            target_key,
        )?;
        Ok(from)
    });
    let _ = std::fs::remove_file(&unpacked);
    from
}

/// At start, before the store opens: if a restore was under way when the app stopped, says
/// whether it finished (the file is the restored one) or not (the data is as it was), and
/// tidies up. `None` when no restore was under way.
pub fn finish_interrupted_restore(data_dir: &Path) -> Option<String> {
    let marker_path = data_dir.join(RESTORE_MARKER);
    let text = std::fs::read(&marker_path).ok()?;
    let _ = std::fs::remove_file(data_dir.join(STAGING));
    let note = match serde_json::from_slice::<RestoreMarker>(&text) {
        Ok(marker) => {
            let database = data_dir.join(crate::db::DATABASE_FILE);
            let finished = sha256_of(&database).is_ok_and(|(_, sha)| sha == marker.sha256);
            if finished {
                format!(
                    "The restore from “{}” finished before CoachDesk closed: you are working \
                     with the restored data.",
                    marker.from
                )
            } else {
                format!(
                    "The restore from “{}” did not finish before CoachDesk closed, so nothing was \
                     changed: your data is as it was. You can restore it again from Settings.",
                    marker.from
                )
            }
        }
        Err(_) => {
            "A restore did not finish before CoachDesk closed; your data is as it was.".to_owned()
        }
    };
    let _ = std::fs::remove_file(&marker_path);
    Some(note)
}

/// At start: removes what a backup or a check stopped half-way left behind (partial backup
/// files, scratch copies). Returns how many files were removed.
pub fn clean_leftovers(data_dir: &Path) -> usize {
    let mut removed = 0;
    let mut remove_if = |folder: &Path, leftover: &dyn Fn(&str) -> bool| {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if leftover(&name) && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
    };
    remove_if(&folder_in(data_dir), &|name| {
        name.starts_with('.') && (name.ends_with(".partial") || name.contains(".partial-"))
    });
    remove_if(data_dir, &|name| {
        // Scratch copies of a check, the staging files of a restore, an import or an erase
        // from the backups (".restore-staging.db", ".import-staging.db", …), and the temporary
        // file of a write stopped before its rename (".restore-in-progress.json.tmp": the
        // 500-kill soak found one).
        name.starts_with(".check-") && name.contains(".db")
            || name.starts_with('.') && name.contains("-staging.db")
            || name.starts_with('.') && name.ends_with(".tmp")
    });
    removed
}
