//! Forward-only migrations: the SQL of each schema step embedded at build time (data such as
//! the starter protocols frozen as SQL too: no migration calls domain code), applied in its
//! own transaction; an existing practice is upgraded on a copy that takes its place when
//! complete, the practice as it was kept beside it (`upgrade`).

use std::path::{Path, PathBuf};

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

use super::{open_file, Db};
use crate::error::{Error, Result};
use crate::keys::Key;

/// One forward-only schema step: SQL embedded at build time.
struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_practice_and_clients",
        sql: include_str!("../../../migrations/0001_practice_and_clients.sql"),
    },
    Migration {
        version: 2,
        name: "0002_tags_timeline_search",
        sql: include_str!("../../../migrations/0002_tags_timeline_search.sql"),
    },
    Migration {
        version: 3,
        name: "0003_consults_follow_ups_search",
        sql: include_str!("../../../migrations/0003_consults_follow_ups_search.sql"),
    },
    Migration {
        version: 4,
        name: "0004_articles_handouts",
        sql: include_str!("../../../migrations/0004_articles_handouts.sql"),
    },
    Migration {
        version: 5,
        name: "0005_article_search",
        sql: include_str!("../../../migrations/0005_article_search.sql"),
    },
    Migration {
        version: 6,
        name: "0006_protocols_progress",
        // The tables, then the starter protocols frozen as data.
        sql: concat!(
            include_str!("../../../migrations/0006_protocols_progress.sql"),
            "\n",
            include_str!("../../../migrations/0006_starter_protocols.sql")
        ),
    },
    Migration {
        version: 7,
        name: "0007_published_and_typography",
        sql: include_str!("../../../migrations/0007_published_and_typography.sql"),
    },
    Migration {
        version: 8,
        name: "0008_files_inside_backup_copy",
        sql: include_str!("../../../migrations/0008_files_inside_backup_copy.sql"),
    },
    Migration {
        version: 9,
        name: "0009_dashboard_indexes",
        sql: include_str!("../../../migrations/0009_dashboard_indexes.sql"),
    },
    Migration {
        version: 10,
        name: "0010_client_search_index",
        sql: include_str!("../../../migrations/0010_client_search_index.sql"),
    },
    Migration {
        version: 11,
        name: "0011_each_note_once",
        sql: include_str!("../../../migrations/0011_each_note_once.sql"),
    },
    Migration {
        version: 12,
        name: "0012_client_key_trigrams",
        sql: include_str!("../../../migrations/0012_client_key_trigrams.sql"),
    },
    Migration {
        version: 13,
        name: "0013_client_counts_index",
        sql: include_str!("../../../migrations/0013_client_counts_index.sql"),
    },
    Migration {
        version: 14,
        name: "0014_first_screen_reads",
        sql: include_str!("../../../migrations/0014_first_screen_reads.sql"),
    },
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// Brings the practice at `path` (schema `version`, encrypted with `key`, plain with None) to
/// [`SCHEMA_VERSION`] and returns where the practice as it was is kept, beside it
/// (`coachdesk.db.v5-<UTC time>.bak`).
///
/// The file itself is never written, so a failure or a power cut at any moment leaves either
/// the practice as it was or the upgraded one, never a mix. Its journal is emptied into it, it
/// is copied aside, the copy is migrated with no journal (a crash loses only the copy), and
/// written compactly (`VACUUM INTO`: only what is in use, so no page a migration freed keeps
/// words) into a new file, synced to disk. The practice as it was then takes the copy's name
/// as a second name (a hard link: no second copy of it to write) and the new file takes its
/// place with one rename. On the 200,000-note practice of `make bench` this takes 8 s where
/// copying with SQLite's online backup and migrating in place through the WAL took 25 s.
pub(super) fn upgrade(path: &Path, version: i64, key: Option<&Key>) -> Result<PathBuf> {
    // `Db::open_keyed` has removed any leftovers of an upgrade cut short (VACUUM INTO writes
    // only to a file that does not exist).
    let [work, compact] = upgrade_files(path);
    let journal = super::journal_of(path);
    let closed = open_file(path, false, key).and_then(|conn| {
        let emptied = super::empty_journal(&conn)?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(emptied)
    })?;
    if !closed || std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0) {
        return Err(Error::Internal(format!(
            "{} is in use by another program, so it was not brought up to date.",
            path.display()
        )));
    }
    let migrated = (|| {
        std::fs::copy(path, &work).map_err(|e| Error::io("Could not copy the practice", e))?;
        let mut conn = open_file(&work, false, key)?;
        // A copy that only this function sees: no waiting for the disk (set first, so leaving
        // WAL mode does not write the whole copy out), no journal. Reading through a memory
        // map (plain files) saves copying each page into SQLite's cache.
        conn.execute_batch(
            "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF; PRAGMA secure_delete = OFF;
             PRAGMA foreign_keys = ON; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;
             PRAGMA mmap_size = 2147418112;",
        )?;
        migrate(&mut conn, SCHEMA_VERSION)?;
        conn.execute("VACUUM INTO ?1", [compact.to_string_lossy()])?;
        conn.close().map_err(|(_, e)| e)?;
        // The new file is hers alone as the practice was (SQLite creates it as the umask says).
        std::fs::metadata(path)
            .and_then(|m| std::fs::set_permissions(&compact, m.permissions()))
            .and_then(|()| std::fs::File::open(&compact)?.sync_all())
            .map_err(|e| Error::io("Could not write the upgraded practice", e))
    })();
    let _ = std::fs::remove_file(&work);
    if let Err(e) = migrated {
        let _ = std::fs::remove_file(&compact);
        return Err(e);
    }
    let copy = copy_name(path, version);
    let kept = std::fs::hard_link(path, &copy).or_else(|_| {
        std::fs::copy(path, &copy)?;
        std::fs::File::open(&copy)?.sync_all()
    });
    let swapped = kept
        .and_then(|()| std::fs::rename(&compact, path))
        .map_err(|e| Error::io(format!("Could not bring {} up to date", path.display()), e));
    if swapped.is_err() {
        // A second name of the practice in use would not stay a copy of what it was.
        let _ = std::fs::remove_file(&copy);
        let _ = std::fs::remove_file(&compact);
    }
    if let Some(folder) = path.parent() {
        crate::files::sync_folder(folder);
    }
    swapped.map(|()| copy)
}

/// The name of the copy kept before migrating from `version`: unused, with the UTC time.
fn copy_name(path: &Path, version: i64) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = file_name(path);
    let mut copy = path.with_file_name(format!("{name}.v{version}-{stamp}.bak"));
    let mut n = 1;
    while copy.exists() {
        copy = path.with_file_name(format!("{name}.v{version}-{stamp}-{n}.bak"));
        n += 1;
    }
    copy
}

/// The files an upgrade works in: the migrated copy and the compact file written from it.
fn upgrade_files(path: &Path) -> [PathBuf; 2] {
    let name = file_name(path);
    [".upgrading", ".upgraded"].map(|end| path.with_file_name(format!(".{name}{end}")))
}

/// Removes what an upgrade cut short (by a crash or a power cut) left beside the practice.
pub(super) fn remove_upgrade_leftovers(path: &Path) {
    for leftover in upgrade_files(path) {
        let _ = std::fs::remove_file(leftover);
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Applies every migration above the current version up to `target`, each in its own
/// transaction together with the new `user_version`, so a failure leaves the last good version.
#[doc(hidden)]
pub fn migrate(conn: &mut Connection, target: i64) -> Result<()> {
    // Accent and case folding, for migrations that compute search keys in SQL.
    conn.create_scalar_function(
        "coachdesk_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(crate::text::fold(&ctx.get::<String>(0)?)),
    )?;
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for migration in MIGRATIONS
        .iter()
        .filter(|m| m.version > current && m.version <= target)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(migration.sql)
            .map_err(|e| Error::Migration {
                name: migration.name,
                detail: e.to_string(),
            })?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    Ok(())
}

/// The schema as SQLite reports it, normalised for snapshot comparison.
pub fn schema_snapshot(db: &Db) -> Result<String> {
    let conn = db.conn();
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_schema \
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(format!(
            "-- {} {}\n{};\n",
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?
        ))
    })?;
    let mut out = format!("-- schema version {SCHEMA_VERSION}\n");
    for row in rows {
        out.push_str(&row?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_versions_are_consecutive_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
            assert!(m.name.starts_with(&format!("{:04}_", m.version)));
        }
    }
}
