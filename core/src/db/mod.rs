//! The store: opening the coach's SQLite file safely and applying forward-only migrations.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

mod migrations;
pub(crate) mod row;

pub use migrations::{migrate, schema_snapshot, SCHEMA_VERSION};
use migrations::{remove_upgrade_leftovers, upgrade};

use crate::error::{Error, Result};
use crate::keys::Key;

/// The file name of the database inside the data folder.
pub const DATABASE_FILE: &str = "coachdesk.db";

/// The one handle to the store. Commands share it through Tauri state.
#[derive(Debug)]
pub struct Db {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
    pre_migration_copy: Option<PathBuf>,
    /// Whether opening read the whole file page by page (`inspect`); otherwise the app checks
    /// it in the background (`check_whole_file`).
    checked_at_open: bool,
    /// The data key when the practice is encrypted (SQLCipher); every connection to the file,
    /// its backups and its copies is opened with it.
    key: Mutex<Option<Key>>,
}

impl Db {
    /// Opens (creating if needed) the unencrypted database file at `path`; see `open_keyed`.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_keyed(path, None)
    }

    /// Opens (creating if needed) the database file at `path`, encrypted with `key` (plain
    /// with None), and brings it to [`SCHEMA_VERSION`]. A file from a newer CoachDesk is
    /// refused and left untouched; an existing file that needs migrating is upgraded aside
    /// (`migrations::upgrade`) and the practice as it was kept beside it (encrypted with the
    /// same key).
    pub fn open_keyed(path: &Path, key: Option<Key>) -> Result<Self> {
        Self::open_checking_within(path, key, CHECK_AT_OPEN)
    }

    /// `open_keyed`, reading the file page by page for up to `time` before it opens (tests
    /// give it none, to see the check left for later).
    #[doc(hidden)]
    pub fn open_checking_within(path: &Path, key: Option<Key>, time: Duration) -> Result<Self> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(format!("Could not create {}", parent.display()), e))?;
        }
        let existing = std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        remove_upgrade_leftovers(path);
        let mut pre_migration_copy = None;
        let mut checked_at_open = true;
        // One connection looks at the file and, when it is current, stays as the store's:
        // each connection reads the schema again (decrypting every page of it when encrypted).
        let mut conn = open_file(path, false, key.as_ref())?;
        if existing {
            let found;
            (found, checked_at_open) = inspect(&mut conn, path, time)?;
            if found < SCHEMA_VERSION {
                conn.close().map_err(|(_, e)| e)?;
                pre_migration_copy = Some(upgrade(path, found, key.as_ref())?);
                conn = open_file(path, false, key.as_ref())?;
            }
        }
        configure(&conn)?;
        migrate(&mut conn, SCHEMA_VERSION)?;
        Ok(Self {
            conn: Mutex::new(conn),
            path: Some(path.to_owned()),
            pre_migration_copy,
            checked_at_open,
            key: Mutex::new(key),
        })
    }

    /// A private in-memory store, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate(&mut conn, SCHEMA_VERSION)?;
        Ok(Self {
            conn: Mutex::new(conn),
            path: None,
            pre_migration_copy: None,
            checked_at_open: true,
            key: Mutex::new(None),
        })
    }

    /// Where the database file is (None for an in-memory store).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when opening read every page of the file and found no damage; false when that
    /// would have taken too long (`CHECK_AT_OPEN`): the file is then checked in the background
    /// (`check_whole_file`).
    pub fn checked_at_open(&self) -> bool {
        self.checked_at_open
    }

    /// The copy saved beside the file before this open migrated it, if it did.
    pub fn pre_migration_copy(&self) -> Option<&Path> {
        self.pre_migration_copy.as_deref()
    }

    /// For `make bench`: the same store with another `synchronous` setting (FULL is what the
    /// app uses; NORMAL is measured beside it).
    #[doc(hidden)]
    pub fn set_synchronous(&self, mode: &str) -> Result<()> {
        self.conn().pragma_update(None, "synchronous", mode)?;
        Ok(())
    }

    /// The data key, when the practice is encrypted.
    pub fn key(&self) -> Option<Key> {
        self.key
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Another connection to a file of this practice (the store itself for a consistent
    /// snapshot, a backup's copy, a staging file), opened with the practice's key.
    pub(crate) fn open_other(&self, path: &Path, read_only: bool) -> Result<Connection> {
        open_file(path, read_only, self.key().as_ref())
    }

    /// The connection, for one unit of work.
    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (transactions roll
        // back on drop), so a poisoned lock is safe to keep using.
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Db {
    /// Puts the complete, verified database file at `staged` in place of the store's file and
    /// reopens it (migrating it if it is older), while every other save waits on the lock. The
    /// swap is a rename: at any moment the file is either the old data or the new, never a mix.
    /// `swapped` runs right after the rename succeeds, before the file is opened again.
    pub(crate) fn replace_file(&self, staged: &Path, swapped: impl FnOnce()) -> Result<()> {
        self.replace_file_keyed(staged, self.key(), swapped)
    }

    /// `replace_file` for a staged file encrypted with `key` (None: plain), which the store
    /// uses from then on.
    pub(crate) fn replace_file_keyed(
        &self,
        staged: &Path,
        key: Option<Key>,
        swapped: impl FnOnce(),
    ) -> Result<()> {
        let mut conn = self.conn();
        self.swap_in(&mut conn, staged, key, swapped)
    }

    /// Rewrites the whole store encrypted with `to_key` (plain with None) and puts it in place
    /// of the file, while every other save waits on the lock: turning encryption on or off.
    /// `before_swap` runs once the new file is complete and checked, before the rename (it
    /// writes the key file). The old file is gone after the rename; its journal was emptied
    /// into it first, so no copy of it is left beside the new one.
    pub(crate) fn rewrite_with_key(
        &self,
        to_key: Option<Key>,
        before_swap: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        let Some(path) = self.path.clone() else {
            return Err(Error::Internal(
                "A store that is not a file cannot be encrypted.".into(),
            ));
        };
        let staging = path.with_file_name(format!(".{DATABASE_FILE}.rekey-staging.db"));
        let mut conn = self.conn();
        let written = (|| {
            conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
            export_keyed(&conn, &staging, to_key.as_ref())?;
            before_swap()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&staging);
            return Err(e);
        }
        let swapped = self.swap_in(&mut conn, &staging, to_key, || {});
        let _ = std::fs::remove_file(&staging);
        swapped
    }

    /// Closes the connection, renames `staged` over the file and opens it again with `key`
    /// (with the key it had if the rename failed). The caller holds the lock.
    fn swap_in(
        &self,
        conn: &mut Connection,
        staged: &Path,
        key: Option<Key>,
        swapped: impl FnOnce(),
    ) -> Result<()> {
        let Some(path) = self.path.clone() else {
            return Err(Error::Internal(
                "A store that is not a file cannot be replaced.".into(),
            ));
        };
        // Everything in the WAL goes into the file, so closing leaves no -wal behind.
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let old = std::mem::replace(conn, Connection::open_in_memory()?);
        if let Err((old, e)) = old.close() {
            *conn = old;
            return Err(e.into());
        }
        let renamed = std::fs::rename(staged, &path).map_err(|e| {
            Error::io(
                format!("Could not put the restored data in {}", path.display()),
                e,
            )
        });
        if let Some(folder) = path.parent() {
            crate::files::sync_folder(folder);
        }
        if renamed.is_ok() {
            *self
                .key
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = key;
            swapped();
        }
        // Reopen whichever file is there now (the old one if the rename failed).
        let mut fresh = self.open_other(&path, false)?;
        configure(&fresh)?;
        migrate(&mut fresh, SCHEMA_VERSION)?;
        *conn = fresh;
        renamed
    }
}

/// How each page of an encrypted file is authenticated (part of the file format: a file
/// written with one setting opens only with it).
const HMAC: &str = "HMAC_SHA256";

/// Opens a database file, encrypted with `key` (plain with None). The key is given before
/// anything is read, as SQLCipher requires; a wrong key shows at the first read as "file is
/// not a database".
pub fn open_file(path: &Path, read_only: bool, key: Option<&Key>) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    // A wrong key is an answer CoachDesk gives in words, not a log line on the console.
    // SQLCipher 4 with each page's HMAC in SHA-256 rather than its default SHA-512: as strong
    // a check, and reading every page of the 1.5 GB bench practice took 7.3 s instead of
    // 12.1 s (SHA-256 has instructions of its own on current processors; `make bench`). The default is set on every connection, plain ones
    // too, so that a file attached to any of them (`export_keyed`) is written the same way.
    conn.execute_batch(&format!(
        "PRAGMA cipher_log_level = NONE; PRAGMA cipher_default_hmac_algorithm = {HMAC};"
    ))?;
    if let Some(key) = key {
        conn.execute_batch(&format!(
            "PRAGMA key = {}; PRAGMA cipher_hmac_algorithm = {HMAC};",
            key.sql_literal().as_str()
        ))?;
    }
    Ok(conn)
}

/// True when the file at `path` exists and is not a plain SQLite file: an encrypted practice
/// (SQLCipher files start with random bytes where SQLite writes "SQLite format 3").
pub fn is_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header != b"SQLite format 3\0")
}

/// Writes everything in the database `conn` has open as `main` (opened for writing: the new
/// file is attached to it) into the new file `to`,
/// encrypted with `to_key` (plain with None): schema, rows, search indexes and the schema
/// version (SQLCipher's `sqlcipher_export`). The new file is then checked and set to WAL.
pub(crate) fn export_keyed(conn: &Connection, to: &Path, to_key: Option<&Key>) -> Result<()> {
    let _ = std::fs::remove_file(to);
    let literal = to_key.map_or_else(
        || zeroize::Zeroizing::new("''".to_owned()),
        Key::sql_literal,
    );
    let target = to.to_string_lossy();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS rekeyed KEY {}", literal.as_str()),
        [target.as_ref()],
    )?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))
        .and_then(|()| conn.pragma_update(Some("rekeyed"), "user_version", version));
    let detached = conn.execute_batch("DETACH DATABASE rekeyed");
    exported?;
    detached?;
    let check = open_file(to, false, to_key)?;
    let integrity: String = check.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(Error::Damaged { detail: integrity });
    }
    check.pragma_update(None, "journal_mode", "WAL")?;
    Ok(())
}

/// Writes everything in the journal (WAL) into the file and empties the journal, waiting up
/// to five seconds for a reader (a backup under way) to finish. After an erase, her words are
/// then in no file but where `secure_delete` has zeroed them. False if a reader held on: the
/// journal is emptied at the next checkpoint instead.
pub(crate) fn empty_journal(conn: &Connection) -> Result<bool> {
    for _ in 0..100 {
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy == 0 {
            return Ok(true);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(false)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // Deleted content is overwritten with zeros, so an erased client's words are not left in
    // free space inside the file.
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // Every commit reaches the disk before the save is acknowledged: a note survives a power
    // cut too. It costs a fraction of a millisecond a save (`make bench`, ARCHITECTURE.md).
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // 32 MB of page cache: a whole practice fits, so big migrations do not spill mid-way.
    conn.pragma_update(None, "cache_size", -32_000)?;
    // Index builds and big sorts stay in memory rather than temp files.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// True when the unencrypted file at `path` is a practice of an older schema, which opening it
/// will copy aside and migrate (the window can say so while it happens). False for anything
/// else: no file, the current version, or a file that opening will refuse or report.
pub fn needs_upgrade(path: &Path) -> bool {
    let version = || -> Result<i64> {
        let conn = open_file(path, true, None)?;
        Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    };
    std::fs::metadata(path).is_ok_and(|m| m.len() > 0)
        && version().is_ok_and(|v| v > 0 && v < SCHEMA_VERSION)
}

/// Reads the schema version of the existing file at `path` through `conn` without writing to
/// it, and refuses files that are not ours or are newer than this build.
fn inspect(conn: &mut Connection, path: &Path, time: Duration) -> Result<(i64, bool)> {
    let not_ours = || {
        Error::WrongFile(format!(
            "{} is not a CoachDesk database, or it is damaged. It was not changed.",
            path.display()
        ))
    };
    let version: i64 = match conn.pragma_query_value(None, "user_version", |row| row.get(0)) {
        Ok(v) => v,
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            return Err(not_ours());
        }
        Err(e) => return Err(e.into()),
    };
    if version > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 {
        let tables: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
        if tables > 0 {
            return Err(not_ours());
        }
    }
    // A damaged file is found here, before anything writes to it, so the app can offer a
    // backup instead of failing at some later save. Reading every page costs 0.6 to 5 ms a
    // megabyte plain (more for indexes than for note text or files) and several times that
    // encrypted (`make bench`), so a file too big to be read in `time` (CHECK_AT_OPEN) is not
    // begun, a check that is not done by then stops, and the whole file is then checked in the
    // background once open instead (`check_whole_file`).
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    if size(path) + size(&journal_of(path)) > CHECK_AT_OPEN_MAX_BYTES {
        return Ok((version, false));
    }
    let deadline = Instant::now() + time;
    conn.progress_handler(100, Some(move || Instant::now() > deadline))?;
    let checked = quick_check(conn);
    conn.progress_handler(0, None::<fn() -> bool>)?;
    let checked = match checked {
        Err(Error::Storage(rusqlite::Error::SqliteFailure(e, _)))
            if e.code == rusqlite::ErrorCode::OperationInterrupted =>
        {
            false
        }
        result => result.map(|()| true)?,
    };
    Ok((version, checked))
}

/// The write-ahead journal SQLite keeps beside the database at `path` (`<name>-wal`).
fn journal_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push("-wal");
    path.with_file_name(name)
}

/// How long opening may read the file page by page before it opens (a small practice is
/// read whole in this time); the store's benchmark holds opening to 50 ms.
pub const CHECK_AT_OPEN: Duration = Duration::from_millis(25);

/// A file (database and journal) bigger than this cannot be read in CHECK_AT_OPEN.
const CHECK_AT_OPEN_MAX_BYTES: u64 = 32 << 20;

/// Reads every page of the database at `path` (with `key` when encrypted) and checks its
/// structure: `Error::Damaged` when something is wrong. Read-only, on a connection of its
/// own, so she can work meanwhile.
pub fn check_whole_file(path: &Path, key: Option<&Key>) -> Result<()> {
    quick_check(&open_file(path, true, key)?)
}

fn quick_check(conn: &Connection) -> Result<()> {
    let check: rusqlite::Result<String> = conn.query_row("PRAGMA quick_check", [], |r| r.get(0));
    match check {
        Ok(ok) if ok == "ok" => Ok(()),
        Ok(problem) => Err(Error::Damaged { detail: problem }),
        Err(rusqlite::Error::SqliteFailure(e, detail))
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
            ) =>
        {
            Err(Error::Damaged {
                detail: detail.unwrap_or_else(|| "the file is malformed".to_owned()),
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// The tables that hold her data, each after the tables it refers to (so rows can be inserted
/// in this order), otherwise by name. Full-text indexes and their shadow tables are left out:
/// triggers fill them from the others.
pub(crate) fn data_tables(conn: &Connection) -> Result<Vec<String>> {
    use std::collections::{BTreeMap, BTreeSet};
    let virtual_tables: Vec<String> = row::all(
        conn,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'",
        [],
        |r| r.get(0),
    )?;
    let names: Vec<String> = row::all(
        conn,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             ORDER BY name",
        [],
        |r| r.get(0),
    )?;
    let mut parents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for name in names {
        if virtual_tables
            .iter()
            .any(|v| name == *v || name.starts_with(&format!("{v}_")))
        {
            continue;
        }
        let refers_to: BTreeSet<String> = conn
            .prepare(&format!("PRAGMA foreign_key_list(\"{name}\")"))?
            .query_map([], |r| r.get::<_, String>(2))?
            .collect::<rusqlite::Result<_>>()?;
        parents.insert(name, refers_to);
    }
    let mut ordered: Vec<String> = Vec::with_capacity(parents.len());
    while !parents.is_empty() {
        let ready: Vec<String> = parents
            .iter()
            .filter(|(name, refers_to)| {
                refers_to
                    .iter()
                    .all(|p| p == *name || !parents.contains_key(p))
            })
            .map(|(name, _)| name.clone())
            .collect();
        // A circle of references (there is none today) cannot be ordered: the rest by name.
        let next = if ready.is_empty() {
            parents.keys().cloned().collect()
        } else {
            ready
        };
        for name in next {
            parents.remove(&name);
            ordered.push(name);
        }
    }
    Ok(ordered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_store_is_at_the_latest_version_with_foreign_keys_on() {
        let db = Db::open_in_memory().unwrap();
        let conn = db.conn();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let fk: i64 = conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }
}
