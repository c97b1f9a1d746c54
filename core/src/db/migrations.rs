//! Forward-only migrations: the SQL of each schema step embedded at build time (data such as
//! the starter protocols frozen as SQL too: no migration calls domain code), applied in its
//! own transaction, with a copy of the file saved beside it first.

use std::path::{Path, PathBuf};
use std::time::Duration;

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
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// Saves a consistent copy (WAL content included) beside the file before migrating it, with
/// SQLite's online backup, page by page.
pub(super) fn copy_before_migrating(
    path: &Path,
    version: i64,
    key: Option<&Key>,
) -> Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut copy = path.with_file_name(format!("{file_name}.v{version}-{stamp}.bak"));
    let mut n = 1;
    while copy.exists() {
        copy = path.with_file_name(format!("{file_name}.v{version}-{stamp}-{n}.bak"));
        n += 1;
    }
    let source = open_file(path, true, key)?;
    let mut target = open_file(&copy, false, key)?;
    rusqlite::backup::Backup::new(&source, &mut target)?.run_to_completion(
        i32::MAX,
        Duration::ZERO,
        None,
    )?;
    Ok(copy)
}

/// Brings a practice that was copied aside (`copy_before_migrating`) to [`SCHEMA_VERSION`],
/// then rewrites the file with only what is in use (VACUUM), so it shrinks to its contents and
/// no page freed by a migration keeps words. The migrations free pages without zeroing them
/// first (`secure_delete` off), since VACUUM leaves none behind: on the 200,000-note practice
/// of `make bench`, re-storing every note once (migration 11) took 23 s zeroing, and 15 s plus
/// 3 s of VACUUM without, the file then 438 MB instead of 1,521 MB.
pub(super) fn upgrade(conn: &mut Connection) -> Result<()> {
    conn.pragma_update(None, "secure_delete", "OFF")?;
    let migrated = migrate(conn, SCHEMA_VERSION);
    conn.pragma_update(None, "secure_delete", "ON")?;
    // Even after a failed step: the steps before it committed and may have freed pages.
    let vacuumed = conn.execute_batch("VACUUM");
    migrated?;
    vacuumed?;
    super::empty_journal(conn)?;
    Ok(())
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
