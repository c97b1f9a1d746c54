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
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::db::{open_file, Db, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::files::sync_folder;
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
        return Err(Error::Unreadable(format!(
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
    let json = serde_json::to_vec_pretty(manifest).map_err(|e| {
        Error::io(
            "The backup manifest could not be written",
            std::io::Error::other(e),
        )
    })?;
    let zip_error =
        |e: zip::result::ZipError| Error::io(format!("Could not write {shown}"), e.into());
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
mod second_place;
#[cfg(test)]
mod tests;
mod verify;

pub use erase::{erase_client, holding, holding_client, remove_client, take_client_out, TakenOut};
pub use restore::{clean_leftovers, finish_interrupted_restore, recover, restore, Restored};
#[cfg(test)]
use restore::{RestoreMarker, RESTORE_MARKER, STAGING};
pub use second_place::{copy_folder, set_copy_folder, take, SecondCopy};
pub use verify::{check, key_file, key_for, list, match_practice, unpack_verified, LOCKED_BACKUP};
