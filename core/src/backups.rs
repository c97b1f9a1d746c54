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
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::db::{Db, SCHEMA_VERSION};
use crate::error::{Error, Result};

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
struct Part {
    name: String,
    bytes: u64,
    sha256: String,
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
        }
    }
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> Error {
    move |e| Error::io(context, e)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Rows per table (virtual tables and their shadow tables left out: they are rebuilt from the
/// others).
fn counts(conn: &Connection) -> Result<BTreeMap<String, i64>> {
    let virtual_tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = BTreeMap::new();
    for table in tables {
        if virtual_tables
            .iter()
            .any(|v| table == *v || table.starts_with(&format!("{v}_")))
        {
            continue;
        }
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
        let mut into = Connection::open(&copy)?;
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
                let source = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
                copy_from(&source, &mut into)?;
            }
            None => copy_from(&db.conn(), &mut into)?,
        }
        // The copy is a file of its own: no WAL beside it.
        into.pragma_update(None, "journal_mode", "DELETE")?;
        drop(into);
        let counts = {
            let conn = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            counts(&conn)?
        };
        let (bytes, sha256) = sha256_of(&copy)?;
        let manifest = Manifest {
            format: FORMAT,
            app_version: app_version.to_owned(),
            schema_version: SCHEMA_VERSION,
            created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            reason,
            counts,
            parts: vec![Part {
                name: DATABASE_PART.to_owned(),
                bytes,
                sha256,
            }],
        };
        write_zip(&zipped, &manifest, &copy)?;
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

fn write_zip(path: &Path, manifest: &Manifest, database: &Path) -> Result<()> {
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
pub fn unpack_verified(path: &Path, into: &Path) -> Result<Backup> {
    let mut zip = open_zip(path)?;
    let manifest = read_manifest(&mut zip)?;
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
    let conn = Connection::open_with_flags(into, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| damaged())?;
    if integrity != "ok" || counts(&conn).map_err(|_| damaged())? != manifest.counts {
        return Err(damaged());
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(Backup::from(path, size, &manifest))
}

/// Checks a backup without touching current data (the database part is unpacked into a
/// scratch file in `scratch_folder` and removed again).
pub fn check(path: &Path, scratch_folder: &Path) -> Result<Backup> {
    std::fs::create_dir_all(scratch_folder)
        .map_err(io(format!("Could not create {}", scratch_folder.display())))?;
    let scratch = scratch_folder.join(format!(".check-{}.db", std::process::id()));
    let result = unpack_verified(path, &scratch);
    let _ = std::fs::remove_file(&scratch);
    result
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

/// The file that says a restore is under way, in the data folder.
const RESTORE_MARKER: &str = "restore-in-progress.json";
const STAGING: &str = ".restore-staging.db";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RestoreMarker {
    from: String,
    /// SHA-256 of the database being put in place.
    sha256: String,
    before_restore: String,
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
pub fn restore(db: &Db, path: &Path, app_version: &str) -> Result<Restored> {
    let Some(data_dir) = db.path().and_then(Path::parent).map(Path::to_owned) else {
        return Err(Error::Conflict(
            "A store that is not a file cannot be restored.".into(),
        ));
    };
    let staging = data_dir.join(STAGING);
    let from = match unpack_verified(path, &staging) {
        Ok(from) => from,
        Err(e) => {
            let _ = std::fs::remove_file(&staging);
            return Err(e);
        }
    };
    // The store runs in WAL mode: switching the staged file now means opening it after the
    // swap writes nothing, so a crash right after the swap leaves no journal to recover.
    {
        let staged = Connection::open(&staging)?;
        staged.pragma_update(None, "journal_mode", "WAL")?;
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
        .map_err(|e| Error::Conflict(format!("Could not start the restore: {e}")))?;
    crate::files::write_atomic(&data_dir.join(RESTORE_MARKER), &json)?;
    let marker_path = data_dir.join(RESTORE_MARKER);
    let swapped = db.replace_file(&staging, || {
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
pub fn recover(data_dir: &Path, path: &Path) -> Result<Db> {
    let staging = data_dir.join(STAGING);
    let staged = unpack_verified(path, &staging).and_then(|_| {
        let conn = Connection::open(&staging)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        Ok(())
    });
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
    Db::open(&database)
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
        name.starts_with(".check-") && name.contains(".db") || name.starts_with(STAGING)
    });
    removed
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

/// The backup folder inside a data folder.
pub fn folder_in(data_dir: &Path) -> PathBuf {
    data_dir.join(FOLDER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::DATABASE_FILE;

    fn backup_at(created_at: &str, reason: BackupReason) -> Backup {
        Backup {
            file_name: created_at.to_owned(),
            path: String::new(),
            created_at: created_at.to_owned(),
            reason,
            bytes: 0,
            app_version: String::new(),
            schema_version: SCHEMA_VERSION,
            clients: 0,
            consults: 0,
            files: 0,
            articles: 0,
        }
    }

    #[test]
    fn rotation_keeps_7_daily_4_weekly_12_monthly() {
        let now = DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        // Two a day (at 11:00 and 08:00) for 400 days, newest first.
        let mut backups = Vec::new();
        for day in 0..400 {
            for hour in [11, 8] {
                let at = now - chrono::Duration::days(day) - chrono::Duration::hours(12 - hour);
                backups.push(backup_at(
                    &at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    BackupReason::Daily,
                ));
            }
        }
        let keep = kept(&backups, now);
        let kept_count = keep.iter().filter(|k| **k).count();
        // The last 24 hours, 7 days, and the weeks and months those do not already cover.
        assert!((18..=24).contains(&kept_count), "{kept_count}");
        assert!(
            keep[..3].iter().all(|k| *k),
            "everything from the last 24 hours"
        );
        assert!(!keep[3], "then only one a day");
        let oldest_kept = backups
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(b, _)| b.created_at.clone())
            .min()
            .unwrap();
        assert!(oldest_kept.as_str() > "2025-11-01", "{oldest_kept}");

        // Two the same day, days ago: the older goes, unless it holds the data from before a
        // restore.
        let mut same_day = backups[4..6].to_vec();
        assert_eq!(kept(&same_day, now), [true, false]);
        same_day[1].reason = BackupReason::BeforeRestore;
        assert_eq!(kept(&same_day, now), [true, true]);
    }

    #[test]
    fn restore_brings_back_the_backup_and_keeps_what_was_there() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
        crate::clients::create(&db, &crate::clients::ClientInput::named("Renée Côté")).unwrap();
        let folder = dir.path().join(FOLDER);
        let made = back_up(&db, &folder, BackupReason::Manual, "0.1.0").unwrap();
        crate::clients::create(&db, &crate::clients::ClientInput::named("Added later")).unwrap();

        let restored = restore(&db, Path::new(&made.path), "0.1.0").unwrap();
        assert_eq!(restored.from.clients, 1);
        assert_eq!(restored.before_restore.clients, 2);
        assert_eq!(restored.before_restore.reason, BackupReason::BeforeRestore);
        let names: Vec<String> = db
            .conn()
            .prepare("SELECT name FROM clients")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(names, ["Renée Côté"]);
        // The store keeps working after the swap, and the restore can be undone.
        crate::clients::create(&db, &crate::clients::ClientInput::named("Zoë")).unwrap();
        restore(&db, Path::new(&restored.before_restore.path), "0.1.0").unwrap();
        let count: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 2);
        assert!(!dir.path().join(STAGING).exists());
        assert!(!dir.path().join(RESTORE_MARKER).exists());
        assert_eq!(finish_interrupted_restore(dir.path()), None);
    }

    #[test]
    fn a_second_copy_goes_to_her_usb_stick_and_a_missing_one_is_told_calmly() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
        crate::practice::create(
            &db,
            &crate::practice::FirstRunInput {
                practice_name: "P".into(),
                coach_name: "C".into(),
            },
        )
        .unwrap();
        let (_, second) = take(&db, dir.path(), BackupReason::Manual, "t").unwrap();
        assert_eq!(second, SecondCopy::NotChosen);
        let usb = tempfile::tempdir().unwrap();
        let err = set_copy_folder(&db, Some(&usb.path().join("nope"))).unwrap_err();
        assert!(err.to_string().contains("cannot save backups"), "{err}");
        set_copy_folder(&db, Some(usb.path())).unwrap();
        let (made, second) = take(&db, dir.path(), BackupReason::Manual, "t").unwrap();
        assert_eq!(second, SecondCopy::Made);
        let copied = usb.path().join(&made.file_name);
        assert_eq!(
            std::fs::read(&copied).unwrap(),
            std::fs::read(&made.path).unwrap()
        );
        let seen = overview(&db, dir.path()).unwrap();
        assert_eq!(seen.last_copy_at.as_deref(), Some(made.created_at.as_str()));
        assert!(seen.copy_reachable && seen.reminder.is_none());

        // The stick is unplugged: the backup is still made, and she is told why no copy was.
        let gone = usb.path().to_owned();
        drop(usb);
        let (made, second) = take(&db, dir.path(), BackupReason::Daily, "t").unwrap();
        assert!(Path::new(&made.path).exists());
        let SecondCopy::Missing(text) = second else {
            panic!("{second:?}")
        };
        assert!(
            text.contains(&gone.display().to_string()) && text.contains("fine"),
            "{text}"
        );
        assert!(!overview(&db, dir.path()).unwrap().copy_reachable);
    }

    #[test]
    fn the_reminder_comes_after_7_days_without_a_copy_outside() {
        assert_eq!(reminder(3, None), None, "a new practice is not nagged");
        assert!(reminder(8, None)
            .unwrap()
            .contains("Nothing has been backed up outside"));
        assert_eq!(reminder(30, Some(6)), None);
        assert!(reminder(30, Some(9)).unwrap().contains("9 days ago"));
    }

    #[test]
    fn a_damaged_file_is_refused_at_open_and_recovered_from_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(DATABASE_FILE);
        let made = {
            let db = Db::open(&file).unwrap();
            for n in 0..300 {
                crate::clients::create(
                    &db,
                    &crate::clients::ClientInput::named(&format!("Client {n}")),
                )
                .unwrap();
            }
            back_up(&db, &folder_in(dir.path()), BackupReason::Daily, "t").unwrap()
        };
        // Scribble over the middle of the file, as a failing disk might.
        let mut bytes = std::fs::read(&file).unwrap();
        assert!(bytes.len() > 40_000, "{}", bytes.len());
        for b in &mut bytes[12_288..28_672] {
            *b = 0x5A;
        }
        std::fs::write(&file, &bytes).unwrap();
        let err = Db::open(&file).unwrap_err();
        assert_eq!(err.code(), "damaged", "{err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            bytes,
            "the damaged file is not changed"
        );

        let db = recover(dir.path(), Path::new(&made.path)).unwrap();
        let count: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 300);
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.contains(".damaged-") && !name.ends_with("-wal") && !name.ends_with("-shm")
            })
            .collect();
        assert_eq!(kept.len(), 1, "the damaged file is kept aside");
        assert_eq!(std::fs::read(kept[0].path()).unwrap(), bytes);
    }

    #[test]
    fn a_zip_with_paths_that_climb_out_is_refused_and_nothing_is_written_outside() {
        let dir = tempfile::tempdir().unwrap();
        let evil = dir.path().join("evil.coachdesk-backup");
        {
            let mut zip = zip::ZipWriter::new(std::fs::File::create(&evil).unwrap());
            let options = zip::write::SimpleFileOptions::default();
            zip.start_file("../../x", options).unwrap();
            zip.write_all(b"climbed out").unwrap();
            zip.start_file("../coachdesk.db", options).unwrap();
            zip.write_all(b"not a database").unwrap();
            zip.finish().unwrap();
        }
        let inner = dir.path().join("a/b");
        std::fs::create_dir_all(&inner).unwrap();
        let err = check(&evil, &inner).unwrap_err();
        assert!(err.to_string().contains("not a CoachDesk backup"), "{err}");
        // Only the named parts are ever read; nothing else is unpacked anywhere.
        assert!(!dir.path().join("x").exists() && !dir.path().join("a/x").exists());
        assert!(!dir.path().join("a/coachdesk.db").exists());
    }

    #[test]
    fn a_restore_that_stopped_half_way_is_reported_at_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let marker = RestoreMarker {
            from: "CoachDesk 2026-12-01.coachdesk-backup".into(),
            sha256: "0".repeat(64),
            before_restore: "x".into(),
        };
        std::fs::write(
            dir.path().join(RESTORE_MARKER),
            serde_json::to_vec(&marker).unwrap(),
        )
        .unwrap();
        std::fs::write(dir.path().join(STAGING), b"half").unwrap();
        std::fs::write(dir.path().join(crate::db::DATABASE_FILE), b"old").unwrap();
        let note = finish_interrupted_restore(dir.path()).unwrap();
        assert!(note.contains("did not finish"), "{note}");
        assert!(!dir.path().join(STAGING).exists());
        assert!(!dir.path().join(RESTORE_MARKER).exists());
    }

    #[test]
    fn a_backup_is_checked_and_a_changed_byte_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
        let zoe = crate::clients::create(&db, &crate::clients::ClientInput::named("Zoë 李小龙 🌿"))
            .unwrap();
        let folder = dir.path().join(FOLDER);
        let made = back_up(&db, &folder, BackupReason::Manual, "0.1.0").unwrap();
        assert_eq!(made.clients, 1);
        let checked = check(Path::new(&made.path), &dir.path().join("scratch")).unwrap();
        assert_eq!(checked, made);
        assert_eq!(list(&folder).unwrap(), std::slice::from_ref(&made));
        // Only the backup is left in the folder: no partial or scratch files.
        let names: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");

        // The database part with one byte changed (the zip rewritten around it).
        let tampered = folder.join("tampered.coachdesk-backup");
        {
            let mut zip = zip::ZipArchive::new(std::fs::File::open(&made.path).unwrap()).unwrap();
            let mut manifest = String::new();
            zip.by_name(MANIFEST)
                .unwrap()
                .read_to_string(&mut manifest)
                .unwrap();
            let mut data = Vec::new();
            zip.by_name(DATABASE_PART)
                .unwrap()
                .read_to_end(&mut data)
                .unwrap();
            let at = data
                .windows("Zoë".len())
                .position(|w| w == "Zoë".as_bytes())
                .unwrap();
            data[at] = b'X';
            let mut out = zip::ZipWriter::new(std::fs::File::create(&tampered).unwrap());
            let options = zip::write::SimpleFileOptions::default();
            out.start_file(MANIFEST, options).unwrap();
            out.write_all(manifest.as_bytes()).unwrap();
            out.start_file(DATABASE_PART, options).unwrap();
            out.write_all(&data).unwrap();
            out.finish().unwrap();
        }
        let err = check(&tampered, &dir.path().join("scratch")).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");

        // Not a backup at all, empty, cut short, from a newer CoachDesk.
        let junk = folder.join("junk.coachdesk-backup");
        std::fs::write(&junk, b"hello").unwrap();
        assert!(check(&junk, dir.path())
            .unwrap_err()
            .to_string()
            .contains("not a CoachDesk backup"));
        std::fs::write(&junk, b"").unwrap();
        assert!(check(&junk, dir.path())
            .unwrap_err()
            .to_string()
            .contains("not a CoachDesk backup"));
        let bytes = std::fs::read(&made.path).unwrap();
        std::fs::write(&junk, &bytes[..bytes.len() / 2]).unwrap();
        assert!(check(&junk, dir.path()).is_err());
        // The current data was never touched.
        assert_eq!(
            crate::clients::load(&db.conn(), zoe.id).unwrap().name,
            "Zoë 李小龙 🌿"
        );
    }
}
