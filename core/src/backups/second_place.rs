//! Her second place for backups (a USB stick, a synced folder): each backup copied there too,
//! rotation applied there as well, and a missing folder told calmly rather than failing.

use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::OptionalExtension;

use super::{back_up, folder_in, rotate, sync_folder, Backup, BackupReason, EXTENSION};
use crate::db::Db;
use crate::error::{Error, Result};

/// What became of the second copy of a backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecondCopy {
    /// No second place is chosen.
    NotChosen,
    Made,
    /// The folder is not there (a USB stick unplugged): a calm sentence to tell her once.
    Missing(String),
    /// The folder is there but the copy failed (full, read-only): what went wrong.
    Failed(String),
}

/// Backs up into the backups folder of `data_dir` and copies the backup to her second place,
/// if she chose one; rotation then drops what it no longer keeps, in both. A missing second
/// place never fails the backup: it is reported for her to be told.
pub fn take(
    db: &Db,
    data_dir: &Path,
    reason: BackupReason,
    app_version: &str,
) -> Result<(Backup, SecondCopy)> {
    let folder = folder_in(data_dir);
    let made = back_up(db, &folder, reason, app_version)?;
    rotate(&folder, Utc::now())?;
    let second = match copy_folder(db)? {
        None => SecondCopy::NotChosen,
        Some(place) if !place.is_dir() => SecondCopy::Missing(format!(
            "The second copy was not made because “{}” is not there (is the USB stick \
             plugged in?). Your backup on this computer is fine, and the next one will be \
             copied there once it is back.",
            place.display()
        )),
        Some(place) => match copy_to(Path::new(&made.path), &place) {
            Ok(()) => {
                let _ = rotate(&place, Utc::now());
                SecondCopy::Made
            }
            Err(e) => SecondCopy::Failed(format!(
                "The second copy in “{}” could not be made: {e}. Your backup on this computer \
                 is fine.",
                place.display()
            )),
        },
    };
    Ok((made, second))
}

/// Copies a backup file into `folder` (through a partial file and a rename).
fn copy_to(backup: &Path, folder: &Path) -> Result<()> {
    let name = backup
        .file_name()
        .ok_or_else(|| Error::WrongFile("That is not a backup file.".into()))?;
    let target = folder.join(name);
    let partial = folder.join(format!(".{}.partial", name.to_string_lossy()));
    // What an earlier copy cut short (the stick pulled out mid-copy) is only clutter.
    if let Ok(entries) = std::fs::read_dir(folder) {
        for entry in entries.flatten() {
            let n = entry.file_name().to_string_lossy().into_owned();
            if n.starts_with('.') && n.ends_with(&format!(".{EXTENSION}.partial")) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let copied = std::fs::copy(backup, &partial)
        .and_then(|_| std::fs::File::open(&partial)?.sync_all())
        .and_then(|()| std::fs::rename(&partial, &target));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(Error::io(
            format!("Could not copy the backup to {}", folder.display()),
            e,
        ));
    }
    sync_folder(folder);
    Ok(())
}

/// The second place she chose for a copy of every backup, if any.
pub fn copy_folder(db: &Db) -> Result<Option<PathBuf>> {
    let folder: Option<String> = db
        .conn()
        .query_row(
            "SELECT backup_copy_folder FROM practice WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(folder.filter(|f| !f.is_empty()).map(PathBuf::from))
}

/// Chooses (or with `None`, forgets) the second place. It must be a folder she can write to.
pub fn set_copy_folder(db: &Db, folder: Option<&Path>) -> Result<()> {
    let value = match folder {
        None => String::new(),
        Some(folder) => {
            let probe = folder.join(".coachdesk-write-test");
            let writable = std::fs::write(&probe, b"ok").is_ok();
            let _ = std::fs::remove_file(&probe);
            if !folder.is_dir() || !writable {
                return Err(Error::invalid(
                    "copyFolder",
                    format!(
                        "CoachDesk cannot save backups in “{}”. Please choose a folder you can \
                         write to.",
                        folder.display()
                    ),
                ));
            }
            folder.display().to_string()
        }
    };
    let changed = db.conn().execute(
        "UPDATE practice SET backup_copy_folder = ?1 WHERE id = 1",
        [value],
    )?;
    if changed == 0 {
        return Err(Error::NotFound {
            what: "The practice profile",
        });
    }
    Ok(())
}
