//! Backups of the whole practice. Everything she keeps (records, notes, attached lab files and
//! the logo) is inside the one database file, so a backup is that file, copied with SQLite's
//! online backup (never a plain copy of a live WAL database), zipped together with a manifest:
//! app and schema version, when, why, rows per table and the SHA-256 of the database part.
//! `check` verifies a backup without touching current data; `rotate` keeps 7 daily, 4 weekly
//! and 12 monthly ones.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::db::{open_file, Db, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::keys::{Key, KeyFile, KEY_FILE};

/// The file name ending of a backup.
pub const EXTENSION: &str = "coachdesk-backup";
/// The folder inside the data folder where backups are kept.
pub const FOLDER: &str = "backups";
const MANIFEST: &str = "manifest.json";
const DATABASE_PART: &str = "coachdesk.db";
const FORMAT: u32 = 1;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BackupReason {
    /// "Back up now".
    Manual,
    /// Taken while the app runs, at most once a day.
    Daily,
    AtQuit,
    /// The data as it was just before a restore, so the restore can be undone.
    BeforeRestore,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Part {
    pub(crate) name: String,
    pub(crate) bytes: u64,
    pub(crate) sha256: String,
}

/// What a backup says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    format: u32,
    app_version: String,
    schema_version: i64,
    created_at: String,
    reason: BackupReason,
    /// Rows in each table of the database part.
    counts: BTreeMap<String, i64>,
    parts: Vec<Part>,
    /// Which key encrypts the database part (None: it is plain). The key file, sealed under
    /// the passphrase in force then and the recovery key, is a part of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key_id: Option<String>,
}

/// One backup, as listed in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    pub file_name: String,
    pub path: String,
    pub created_at: String,
    pub reason: BackupReason,
    pub bytes: i64,
    pub app_version: String,
    pub schema_version: i64,
    pub clients: i64,
    pub consults: i64,
    pub files: i64,
    pub articles: i64,
    /// The database inside is encrypted.
    pub encrypted: bool,
}

impl Backup {
    fn from(path: &Path, bytes: u64, m: &Manifest) -> Self {
        let count = |t: &str| m.counts.get(t).copied().unwrap_or(0);
        Self {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: path.display().to_string(),
            created_at: m.created_at.clone(),
            reason: m.reason,
            bytes: i64::try_from(bytes).unwrap_or(i64::MAX),
            app_version: m.app_version.clone(),
            schema_version: m.schema_version,
            clients: count("clients"),
            consults: count("consults"),
            files: count("lab_files"),
            articles: count("articles"),
            encrypted: m.key_id.is_some(),
        }
    }
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> Error {
    move |e| Error::io(context, e)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Rows per table (virtual tables and their shadow tables left out: they are rebuilt from the
/// others).
fn counts(conn: &Connection) -> Result<BTreeMap<String, i64>> {
    let mut out = BTreeMap::new();
    for table in crate::db::data_tables(conn)? {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?;
        out.insert(table, n);
    }
    Ok(out)
}

fn sha256_of(path: &Path) -> Result<(u64, String)> {
    let mut file =
        std::fs::File::open(path).map_err(io(format!("Could not read {}", path.display())))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = file
            .read(&mut buf)
            .map_err(io(format!("Could not read {}", path.display())))?;
        if n == 0 {
            break;
        }
        total += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((total, hex(&hasher.finalize())))
}

/// Makes a backup of the whole practice in `folder` and returns it.
pub fn back_up(db: &Db, folder: &Path, reason: BackupReason, app_version: &str) -> Result<Backup> {
    std::fs::create_dir_all(folder).map_err(io(format!(
        "Could not create the backup folder {}",
        folder.display()
    )))?;
    let now = Utc::now();
    let stamp = now.format("%Y-%m-%d %H%M%S%.3f");
    let name = format!("CoachDesk {stamp}.{EXTENSION}");
    let target = folder.join(&name);
    let copy = folder.join(format!(".{name}.db.partial"));
    let zipped = folder.join(format!(".{name}.partial"));
    let result = (|| -> Result<Backup> {
        // A second connection reads a consistent snapshot of the file (WAL lets it), so the
        // app keeps saving while the copy is made; an in-memory store copies from itself.
        let mut into = db.open_other(&copy, false)?;
        // All pages in one step, inside one read transaction: in WAL mode that never blocks
        // her saves, and saves made meanwhile cannot make the copy start over (they would,
        // page by page, on a busy practice).
        let copy_from = |source: &Connection, target: &mut Connection| -> rusqlite::Result<()> {
            let backup = rusqlite::backup::Backup::new(source, target)?;
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => return Ok(()),
                    // Busy or locked: another connection holds a lock for a moment.
                    _ => std::thread::sleep(std::time::Duration::from_millis(5)),
                }
            }
        };
        match db.path() {
            Some(path) => {
                let source = db.open_other(path, true)?;
                copy_from(&source, &mut into)?;
            }
            None => copy_from(&db.conn(), &mut into)?,
        }
        // The copy is a file of its own: no WAL beside it.
        into.pragma_update(None, "journal_mode", "DELETE")?;
        drop(into);
        let key = db.key();
        let manifest = Manifest {
            format: FORMAT,
            app_version: app_version.to_owned(),
            schema_version: SCHEMA_VERSION,
            created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            reason,
            counts: BTreeMap::new(),
            parts: Vec::new(),
            key_id: key.as_ref().map(|k| k.id().to_owned()),
        };
        let keys = match (&key, db.path().and_then(Path::parent)) {
            (Some(_), Some(data_dir)) => {
                KeyFile::read(data_dir)?.map(|f| f.to_bytes()).transpose()?
            }
            _ => None,
        };
        let manifest = pack(&zipped, manifest, &copy, key.as_ref(), keys.as_deref())?;
        std::fs::rename(&zipped, &target).map_err(io(format!(
            "Could not save the backup in {}",
            folder.display()
        )))?;
        sync_folder(folder);
        let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        Ok(Backup::from(&target, size, &manifest))
    })();
    let _ = std::fs::remove_file(&copy);
    let _ = std::fs::remove_file(&zipped);
    result
}

/// Writes the backup at `path` (a partial file: the caller renames it) from the database file
/// `database`, opened with `key`, and the key file's bytes: the manifest's counts and parts
/// are filled in from them.
fn pack(
    path: &Path,
    mut manifest: Manifest,
    database: &Path,
    key: Option<&Key>,
    keys: Option<&[u8]>,
) -> Result<Manifest> {
    if key.is_some() && keys.is_none() {
        return Err(Error::Conflict(format!(
            "The backup was not made: the key file ({KEY_FILE}) of your practice is missing."
        )));
    }
    manifest.counts = counts(&open_file(database, true, key)?)?;
    let (bytes, sha256) = sha256_of(database)?;
    manifest.parts = vec![Part {
        name: DATABASE_PART.to_owned(),
        bytes,
        sha256,
    }];
    manifest.key_id = key.map(|k| k.id().to_owned());
    if let Some(keys) = keys {
        manifest.parts.push(Part {
            name: KEY_FILE.to_owned(),
            bytes: keys.len() as u64,
            sha256: hex(&Sha256::digest(keys)),
        });
    }
    write_zip(path, &manifest, database, keys)?;
    Ok(manifest)
}

fn write_zip(path: &Path, manifest: &Manifest, database: &Path, keys: Option<&[u8]>) -> Result<()> {
    let shown = path.display().to_string();
    let file = std::fs::File::create(path).map_err(io(format!("Could not write {shown}")))?;
    let mut zip = zip::ZipWriter::new(file);
    // The fastest deflate level: notes still shrink to about a third, and attached PDFs and
    // photos (already compressed) pass through quickly instead of being squeezed for nothing.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    let json = serde_json::to_vec_pretty(manifest)
        .map_err(|e| Error::Conflict(format!("The backup manifest could not be written: {e}")))?;
    let zip_error =
        |e: zip::result::ZipError| Error::Conflict(format!("Could not write {shown}: {e}"));
    zip.start_file(MANIFEST, options).map_err(zip_error)?;
    zip.write_all(&json)
        .map_err(io(format!("Could not write {shown}")))?;
    zip.start_file(DATABASE_PART, options).map_err(zip_error)?;
    let mut source = std::fs::File::open(database)
        .map_err(io(format!("Could not read {}", database.display())))?;
    std::io::copy(&mut source, &mut zip).map_err(io(format!("Could not write {shown}")))?;
    if let Some(keys) = keys {
        zip.start_file(KEY_FILE, options).map_err(zip_error)?;
        zip.write_all(keys)
            .map_err(io(format!("Could not write {shown}")))?;
    }
    let file = zip.finish().map_err(zip_error)?;
    file.sync_all()
        .map_err(io(format!("Could not write {shown}")))?;
    Ok(())
}

/// Makes a rename in `folder` durable (best effort: not every system can sync a folder).
fn sync_folder(folder: &Path) {
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

const NOT_A_BACKUP: &str = "This file is not a CoachDesk backup.";

fn read_manifest<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Result<Manifest> {
    let mut text = String::new();
    zip.by_name(MANIFEST)
        .map_err(|_| Error::Conflict(NOT_A_BACKUP.into()))?
        .take(1 << 20)
        .read_to_string(&mut text)
        .map_err(|_| Error::Conflict(NOT_A_BACKUP.into()))?;
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|_| Error::Conflict(NOT_A_BACKUP.into()))?;
    if manifest.format > FORMAT || manifest.schema_version > SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
            "This backup was made by a newer CoachDesk ({}). Please update CoachDesk to use it.",
            manifest.app_version
        )));
    }
    Ok(manifest)
}

fn open_zip(path: &Path) -> Result<zip::ZipArchive<std::fs::File>> {
    let file =
        std::fs::File::open(path).map_err(io(format!("Could not open {}", path.display())))?;
    zip::ZipArchive::new(file).map_err(|_| Error::Conflict(NOT_A_BACKUP.into()))
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
        .ok_or_else(|| Error::Conflict(NOT_A_BACKUP.into()))?;
    let damaged = || {
        Error::Conflict(
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
    let damaged = || Error::Conflict("This backup is damaged: its key file is missing.".into());
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

/// Which backups rotation keeps, newest first: everything from the last 24 hours; then the
/// newest of each of the last 7 days, 4 weeks and 12 months that have one; and pre-restore
/// copies for 30 days.
fn kept(backups: &[Backup], now: DateTime<Utc>) -> Vec<bool> {
    let mut keep = vec![false; backups.len()];
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    let mut months = Vec::new();
    for (i, b) in backups.iter().enumerate() {
        let Ok(at) = DateTime::parse_from_rfc3339(&b.created_at) else {
            keep[i] = true; // never delete what we cannot date
            continue;
        };
        let at = at.with_timezone(&Utc);
        let age = now.signed_duration_since(at);
        let day = at.date_naive();
        let week = (at.iso_week().year(), at.iso_week().week());
        let month = (at.year(), at.month());
        if i == 0 || age < chrono::Duration::hours(24) {
            keep[i] = true;
        }
        if b.reason == BackupReason::BeforeRestore && age.num_days() < 30 {
            keep[i] = true;
        }
        if !days.contains(&day) && days.len() < 7 {
            days.push(day);
            keep[i] = true;
        }
        if !weeks.contains(&week) && weeks.len() < 4 {
            weeks.push(week);
            keep[i] = true;
        }
        if !months.contains(&month) && months.len() < 12 {
            months.push(month);
            keep[i] = true;
        }
    }
    keep
}

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
        .ok_or_else(|| Error::Conflict("That is not a backup file.".into()))?;
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

/// Where her backups stand, for Settings, the sidebar and the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    /// Newest first.
    pub backups: Vec<Backup>,
    pub copy_folder: Option<String>,
    /// When the newest backup in the second place was made (None if none, or unreachable).
    pub last_copy_at: Option<String>,
    pub copy_reachable: bool,
    /// A gentle reminder when nothing has been backed up outside this computer for 7 days.
    pub reminder: Option<String>,
}

/// The dashboard's gentle reminder: after 7 days of use with nothing backed up outside this
/// computer, or 7 days since the last copy there.
fn reminder(in_use_days: i64, outside_days: Option<i64>) -> Option<String> {
    match outside_days {
        Some(days) if days >= 7 => Some(format!(
            "Your last backup outside this computer was {days} days ago. Plug in your USB stick, \
             or back up now, so a lost or broken laptop cannot take your practice with it."
        )),
        None if in_use_days >= 7 => Some(
            "Nothing has been backed up outside this computer yet. Choose a second place for \
             your backups in Settings (a USB stick or a synced folder), so a lost or broken \
             laptop cannot take your practice with it."
                .to_owned(),
        ),
        _ => None,
    }
}

/// Where her backups stand now.
pub fn overview(db: &Db, data_dir: &Path) -> Result<BackupOverview> {
    let backups = list(&folder_in(data_dir))?;
    let place = copy_folder(db)?;
    let copy_reachable = place.as_deref().is_some_and(Path::is_dir);
    let last_copy_at = match &place {
        Some(place) if copy_reachable => latest(place)?.map(|b| b.created_at),
        _ => None,
    };
    let days_since = |at: &str| {
        DateTime::parse_from_rfc3339(at)
            .map(|t| Utc::now().signed_duration_since(t).num_days())
            .unwrap_or(0)
    };
    // How long she has been backing up here: the oldest backup on this computer.
    let in_use_days = backups.last().map_or(0, |b| days_since(&b.created_at));
    let outside_days = last_copy_at.as_deref().map(days_since);
    let reminder = reminder(in_use_days, outside_days);
    Ok(BackupOverview {
        backups,
        copy_folder: place.map(|p| p.display().to_string()),
        last_copy_at,
        copy_reachable,
        reminder,
    })
}

/// Deletes the backups in `folder` that rotation no longer keeps; returns how many.
pub fn rotate(folder: &Path, now: DateTime<Utc>) -> Result<usize> {
    let backups = list(folder)?;
    let keep = kept(&backups, now);
    let mut removed = 0;
    for (b, keep) in backups.iter().zip(keep) {
        if !keep && std::fs::remove_file(&b.path).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// True when the newest backup in the data folder is a day old or more, or there is none.
pub fn daily_due(data_dir: &Path) -> bool {
    let last = latest(&folder_in(data_dir))
        .ok()
        .flatten()
        .and_then(|b| DateTime::parse_from_rfc3339(&b.created_at).ok());
    last.is_none_or(|at| Utc::now().signed_duration_since(at) >= chrono::Duration::hours(24))
}

/// The newest backup in `folder`, if any.
pub fn latest(folder: &Path) -> Result<Option<Backup>> {
    Ok(list(folder)?.into_iter().next())
}

/// A backup in the backups folder of `data_dir`, named by its file name only (the window never
/// gives a path): anything with a separator, or not ending in the backup extension, is refused.
pub fn in_folder(data_dir: &Path, file_name: &str) -> Result<PathBuf> {
    let plain = !file_name.is_empty()
        && !file_name.contains(['/', '\\'])
        && file_name.ends_with(&format!(".{EXTENSION}"));
    if !plain {
        return Err(Error::invalid(
            "fileName",
            "That is not a backup in CoachDesk's backup folder.",
        ));
    }
    Ok(folder_in(data_dir).join(file_name))
}

/// The backup folder inside a data folder.
pub fn folder_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

mod erase;
mod restore;
#[cfg(test)]
mod tests;

pub use erase::{erase_client, holding, holding_client, remove_client, take_client_out, TakenOut};
pub use restore::{clean_leftovers, finish_interrupted_restore, recover, restore, Restored};
#[cfg(test)]
use restore::{RestoreMarker, RESTORE_MARKER, STAGING};
