//! Reading a backup without touching current data: its manifest, the list of backups in a
//! folder, unpacking and verifying one (SHA-256, integrity, row counts), whether it belongs to
//! this practice, and the key an encrypted one needs.

use std::io::{Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{
    counts, hex, io, pack, sync_folder, Backup, Manifest, DATABASE_PART, EXTENSION, FORMAT,
    MANIFEST,
};
use crate::db::{open_file, Db, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::keys::{Key, KeyFile, KEY_FILE};

const NOT_A_BACKUP: &str = "This file is not a CoachDesk backup.";

pub(super) fn read_manifest<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<Manifest> {
    let manifest: Manifest = crate::files::zip_json(zip, MANIFEST, 1 << 20, NOT_A_BACKUP)?;
    if manifest.format > FORMAT || manifest.schema_version > SCHEMA_VERSION {
        return Err(Error::WrongFile(format!(
            "This backup was made by a newer CoachDesk ({}). Please update CoachDesk to use it.",
            manifest.app_version
        )));
    }
    Ok(manifest)
}

pub(super) fn open_zip(path: &Path) -> Result<zip::ZipArchive<std::fs::File>> {
    let file =
        std::fs::File::open(path).map_err(io(format!("Could not open {}", path.display())))?;
    zip::ZipArchive::new(file).map_err(|_| Error::WrongFile(NOT_A_BACKUP.into()))
}

/// The backups in `folder`, newest first. Files that are not readable backups are skipped.
pub fn list(folder: &Path) -> Result<Vec<Backup>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(format!("Could not read {}", folder.display()), e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some(EXTENSION) {
            continue;
        }
        let Ok(mut zip) = open_zip(&path) else {
            continue;
        };
        let Ok(manifest) = read_manifest(&mut zip) else {
            continue;
        };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(Backup::from(&path, size, &manifest));
    }
    out.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// Unpacks the database part of the backup at `path` into `into` and verifies it: the part
/// matches the manifest's SHA-256 and size, SQLite's integrity check passes and every table
/// has the rows the manifest counted. Current data is never touched.
///
/// An encrypted backup is opened with `key`; a backup made with another key is refused with
/// `Error::Locked` (its own key file, unlocked with the passphrase of then, opens it: see
/// `key_file`).
pub fn unpack_verified(path: &Path, into: &Path, key: Option<&Key>) -> Result<Backup> {
    let mut zip = open_zip(path)?;
    let manifest = read_manifest(&mut zip)?;
    if let Some(id) = &manifest.key_id {
        if key.map(Key::id) != Some(id.as_str()) {
            return Err(Error::Locked(LOCKED_BACKUP.to_owned()));
        }
    }
    let key = manifest.key_id.as_ref().and(key);
    let part = manifest
        .parts
        .iter()
        .find(|p| p.name == DATABASE_PART)
        .ok_or_else(|| Error::WrongFile(NOT_A_BACKUP.into()))?;
    let damaged = || {
        Error::WrongFile(
            "This backup is damaged: its contents do not match what was recorded when it was \
             made. Please choose another backup."
                .into(),
        )
    };
    {
        let mut entry = zip.by_name(DATABASE_PART).map_err(|_| damaged())?;
        let mut out = std::fs::File::create(into)
            .map_err(io(format!("Could not write {}", into.display())))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let mut total = 0u64;
        loop {
            let n = entry.read(&mut buf).map_err(|_| damaged())?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > part.bytes {
                return Err(damaged());
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])
                .map_err(io(format!("Could not write {}", into.display())))?;
        }
        out.sync_all()
            .map_err(io(format!("Could not write {}", into.display())))?;
        if total != part.bytes || hex(&hasher.finalize()) != part.sha256 {
            return Err(damaged());
        }
    }
    let conn = open_file(into, true, key)?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| damaged())?;
    if integrity != "ok" || counts(&conn).map_err(|_| damaged())? != manifest.counts {
        return Err(damaged());
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(Backup::from(path, size, &manifest))
}

/// Brings the backups in `folder` in line with the practice when encryption is turned on or
/// off: each one made with another key (or plain while the practice is encrypted, or the
/// reverse) is written again under its own name, time and reason, encrypted with the
/// practice's key or plain. `old` opens those made with the key before; a backup locked with
/// a key neither holds, or that cannot be read, is left as it is. Returns how many were
/// written again.
pub fn match_practice(db: &Db, folder: &Path, old: Option<&Key>) -> Result<usize> {
    let Some(data_dir) = db.path().and_then(Path::parent) else {
        return Ok(0);
    };
    let target = db.key();
    let keys = match &target {
        Some(_) => KeyFile::read(data_dir)?.map(|f| f.to_bytes()).transpose()?,
        None => None,
    };
    let unpacked = data_dir.join(".rekey-unpacked-staging.db");
    let staging = data_dir.join(".rekey-backup-staging.db");
    let mut rewritten = 0;
    for backup in list(folder)? {
        let path = Path::new(&backup.path);
        let Ok(manifest) = open_zip(path).and_then(|mut zip| read_manifest(&mut zip)) else {
            continue;
        };
        if manifest.key_id.as_deref() == target.as_ref().map(Key::id) {
            continue;
        }
        let from = match &manifest.key_id {
            None => None,
            Some(id) if old.is_some_and(|k| k.id() == id) => old,
            Some(_) => continue,
        };
        let staged = unpack_verified(path, &unpacked, from).and_then(|_| {
            crate::db::export_keyed(
                &open_file(&unpacked, false, from)?,
                &staging,
                target.as_ref(),
            )?;
            // A backup's copy is a file of its own: no WAL beside it.
            open_file(&staging, false, target.as_ref())?.pragma_update(
                None,
                "journal_mode",
                "DELETE",
            )?;
            Ok(())
        });
        let _ = std::fs::remove_file(&unpacked);
        if staged.is_err() {
            let _ = std::fs::remove_file(&staging);
            continue;
        }
        let partial = folder.join(format!(".{}.partial", backup.file_name));
        let written = pack(
            &partial,
            manifest,
            &staging,
            target.as_ref(),
            keys.as_deref(),
        )
        .and_then(|_| {
            std::fs::rename(&partial, path)
                .map_err(io(format!("Could not write {}", path.display())))
        });
        let _ = std::fs::remove_file(&staging);
        if written.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        written?;
        sync_folder(folder);
        rewritten += 1;
    }
    Ok(rewritten)
}

/// Checks a backup without touching current data (the database part is unpacked into a
/// scratch file in `scratch_folder` and removed again).
pub fn check(path: &Path, scratch_folder: &Path, key: Option<&Key>) -> Result<Backup> {
    std::fs::create_dir_all(scratch_folder)
        .map_err(io(format!("Could not create {}", scratch_folder.display())))?;
    let scratch = scratch_folder.join(format!(".check-{}.db", std::process::id()));
    let result = unpack_verified(path, &scratch, key);
    let _ = std::fs::remove_file(&scratch);
    result
}

/// What an encrypted backup made with another key says: the passphrase of then opens it.
pub const LOCKED_BACKUP: &str = "This backup is encrypted. Type the passphrase CoachDesk \
     had when it was made (or the recovery key of then) to open it.";

/// The key file inside an encrypted backup (checked against its manifest), to unlock it with
/// the passphrase or recovery key of the day it was made; None for a plain backup.
pub fn key_file(path: &Path) -> Result<Option<KeyFile>> {
    let mut zip = open_zip(path)?;
    let manifest = read_manifest(&mut zip)?;
    if manifest.key_id.is_none() {
        return Ok(None);
    }
    let damaged = || Error::WrongFile("This backup is damaged: its key file is missing.".into());
    let part = manifest
        .parts
        .iter()
        .find(|p| p.name == KEY_FILE)
        .ok_or_else(damaged)?;
    let mut bytes = Vec::new();
    zip.by_name(KEY_FILE)
        .map_err(|_| damaged())?
        .take(1 << 20)
        .read_to_end(&mut bytes)
        .map_err(|_| damaged())?;
    if hex(&Sha256::digest(&bytes)) != part.sha256 {
        return Err(damaged());
    }
    let file = KeyFile::parse(&bytes)?;
    if Some(file.key_id()) != manifest.key_id.as_deref() {
        return Err(damaged());
    }
    Ok(Some(file))
}

/// The key of the backup at `path`: the practice's own when it was made with it, else the
/// one `secret` (the passphrase or recovery key of then) unlocks from the backup's key file.
/// None for a plain backup.
pub fn key_for(
    path: &Path,
    practice_key: Option<&Key>,
    secret: Option<&str>,
) -> Result<Option<Key>> {
    let mut zip = open_zip(path)?;
    let manifest = read_manifest(&mut zip)?;
    let Some(id) = manifest.key_id else {
        return Ok(None);
    };
    if let Some(key) = practice_key.filter(|k| k.id() == id) {
        return Ok(Some(key.clone()));
    }
    let Some(secret) = secret else {
        return Err(Error::Locked(LOCKED_BACKUP.to_owned()));
    };
    let file = key_file(path)?.ok_or_else(|| Error::Locked(LOCKED_BACKUP.to_owned()))?;
    file.unlock(secret).map(Some).map_err(|e| match e {
        Error::Invalid(_) => Error::invalid(
            "passphrase",
            "That passphrase does not open this backup. Check Caps Lock and the keyboard \
             layout, or type the recovery key of the day it was made.",
        ),
        other => other,
    })
}
