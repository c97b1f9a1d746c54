//! Bringing a whole-practice export into an empty CoachDesk: every part checked against the
//! manifest, the rows written into a staging file of the export's schema version, migrated,
//! checked and swapped in with one rename.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use rusqlite::types::Value;
use sha2::{Digest, Sha256};

use super::{
    quoted, tables, Document, Manifest, PracticeImport, DOCUMENT, FORMAT, FORMAT_VERSION, MANIFEST,
};
use crate::backups::{hex, Part};
use crate::db::{Db, SCHEMA_VERSION};
use crate::error::{Error, Result};

const STAGING: &str = ".import-staging.db";

const NOT_AN_EXPORT: &str = "This file is not a CoachDesk practice export.";

fn refused(why: impl std::fmt::Display) -> Error {
    Error::WrongFile(format!(
        "This export could not be brought in: {why}. Nothing was changed."
    ))
}

/// Refuses to bring an export over a practice that already holds clients or articles: an
/// import never overwrites her work (a restore from a backup is the way to replace it).
fn ensure_empty(db: &Db) -> Result<()> {
    let (clients, articles): (i64, i64) = db.conn().query_row(
        "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM articles)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if clients + articles == 0 {
        return Ok(());
    }
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let holds = match (clients, articles) {
        (0, a) => plural(a, "article", "articles"),
        (c, 0) => plural(c, "client", "clients"),
        (c, a) => format!(
            "{} and {}",
            plural(c, "client", "clients"),
            plural(a, "article", "articles")
        ),
    };
    Err(Error::Conflict(format!(
        "An export can only be brought into an empty CoachDesk, so nothing you have is \
         overwritten, and this one already holds {holds}. Nothing was changed. To replace \
         this practice with a backup, use Restore."
    )))
}

/// Reads one part whole, checking it against the manifest.
fn read_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    expected: &HashMap<&str, &Part>,
    name: &str,
) -> Result<Vec<u8>> {
    let part = expected
        .get(name)
        .ok_or_else(|| refused(format!("{name} is missing from it")))?;
    let mut bytes = Vec::new();
    zip.by_name(name)
        .map_err(|_| refused(format!("{name} is missing from it")))?
        .take(part.bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|_| refused(format!("{name} is damaged")))?;
    if bytes.len() as u64 != part.bytes || hex(&Sha256::digest(&bytes)) != part.sha256 {
        return Err(refused(format!(
            "{name} was changed or damaged after it was exported"
        )));
    }
    Ok(bytes)
}

/// Brings the export at `path` into this CoachDesk, which must be empty. The rows are written
/// into a staging file first (the schema of the export's version, then migrated to this
/// one), checked, and swapped in with one rename: any problem leaves the practice as it was.
/// A backup picked instead (moving computers, she may have either) is restored.
/// A backup encrypted on her old computer needs `secret`, its passphrase or recovery key.
pub fn import(
    db: &Db,
    path: &Path,
    app_version: &str,
    secret: Option<&str>,
) -> Result<PracticeImport> {
    ensure_empty(db)?;
    let is_backup = std::fs::File::open(path)
        .ok()
        .and_then(|f| zip::ZipArchive::new(f).ok())
        .is_some_and(|zip| zip.index_for_name(crate::db::DATABASE_FILE).is_some());
    if is_backup {
        let restored = crate::backups::restore(db, path, app_version, secret)?;
        return Ok(PracticeImport {
            clients: restored.from.clients,
            consults: restored.from.consults,
            files: restored.from.files,
            was_backup: true,
        });
    }
    let Some(data_dir) = db.path().and_then(Path::parent).map(Path::to_owned) else {
        return Err(Error::Internal(
            "A store that is not a file cannot take an import.".into(),
        ));
    };
    let staging = data_dir.join(STAGING);
    let _ = std::fs::remove_file(&staging);
    let key = db.key();
    let built = build(path, &staging, key.as_ref());
    let done = built.and_then(|imported| {
        ensure_empty(db)?;
        db.replace_file(&staging, || {})?;
        Ok(imported)
    });
    let _ = std::fs::remove_file(&staging);
    done
}

fn build(path: &Path, staging: &Path, key: Option<&crate::keys::Key>) -> Result<PracticeImport> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("Could not open {}", path.display()), e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|_| Error::WrongFile(NOT_AN_EXPORT.into()))?;
    let manifest: Manifest = crate::files::zip_json(&mut zip, MANIFEST, 64 << 20, NOT_AN_EXPORT)?;
    if manifest.format != FORMAT {
        return Err(Error::WrongFile(NOT_AN_EXPORT.into()));
    }
    if manifest.format_version > FORMAT_VERSION || manifest.schema_version > SCHEMA_VERSION {
        return Err(Error::WrongFile(format!(
            "This export was made by a newer CoachDesk ({}). Please update CoachDesk to bring \
             it in. Nothing was changed.",
            manifest.app_version
        )));
    }
    let expected: HashMap<&str, &Part> = manifest
        .parts
        .iter()
        .map(|p| (p.name.as_str(), p))
        .collect();
    let document: Document = serde_json::from_slice(&read_part(&mut zip, &expected, DOCUMENT)?)
        .map_err(|e| refused(format!("{DOCUMENT} cannot be read ({e})")))?;
    if document.format != FORMAT
        || document.format_version != manifest.format_version
        || document.schema_version != manifest.schema_version
        || document.schema_version < 1
    {
        return Err(refused(format!("{DOCUMENT} does not match its manifest")));
    }

    let mut conn = crate::db::open_file(staging, false, key)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    crate::db::migrate(&mut conn, document.schema_version)?;
    let tables = tables(&conn)?;
    if let Some(unknown) = document
        .tables
        .keys()
        .find(|name| !tables.iter().any(|t| t.name == **name))
    {
        return Err(refused(format!(
            "it has a table CoachDesk does not know ({unknown})"
        )));
    }
    let mut files = 0i64;
    {
        let tx = conn.transaction()?;
        // Checked at the commit, once every row is in.
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        // What a new practice starts with (starter protocols, symptoms, templates) makes way
        // for what the export holds.
        for table in tables.iter().rev() {
            tx.execute(&format!("DELETE FROM {}", quoted(&table.name)), [])?;
        }
        for table in &tables {
            for (n, row) in document
                .tables
                .get(&table.name)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let at = || format!("{}, row {}", table.name, n + 1);
                let mut columns = Vec::with_capacity(row.len());
                let mut values = Vec::with_capacity(row.len());
                for (column, value) in row {
                    if !table.columns.contains(column) {
                        return Err(refused(format!(
                            "{} has a column CoachDesk does not know ({column})",
                            at()
                        )));
                    }
                    columns.push(quoted(column));
                    values.push(match value {
                        serde_json::Value::Null => Value::Null,
                        serde_json::Value::String(s) => Value::Text(s.clone()),
                        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                            (Some(i), _) => Value::Integer(i),
                            (None, Some(f)) => Value::Real(f),
                            _ => {
                                return Err(refused(format!("{}: {column} is not a number", at())))
                            }
                        },
                        serde_json::Value::Object(o) => {
                            let Some(name) = o.get("file").and_then(|f| f.as_str()) else {
                                return Err(refused(format!("{}: {column} is not a file", at())));
                            };
                            files += 1;
                            Value::Blob(read_part(&mut zip, &expected, name)?)
                        }
                        _ => {
                            return Err(refused(format!(
                                "{}: {column} holds something CoachDesk never writes",
                                at()
                            )))
                        }
                    });
                }
                let placeholders = vec!["?"; columns.len()].join(", ");
                tx.prepare_cached(&format!(
                    "INSERT INTO {} ({}) VALUES ({placeholders})",
                    quoted(&table.name),
                    columns.join(", ")
                ))?
                .execute(rusqlite::params_from_iter(values))
                .map_err(|e| refused(format!("{} cannot be kept ({e})", at())))?;
            }
        }
        tx.commit()
            .map_err(|e| refused(format!("its records do not fit together ({e})")))?;
    }
    crate::db::migrate(&mut conn, SCHEMA_VERSION)?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(refused(format!("the result failed its check ({check})")));
    }
    let count = |table: &str| -> Result<i64> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let imported = PracticeImport {
        clients: count("clients")?,
        consults: count("consults")?,
        files,
        was_backup: false,
    };
    // The store runs in WAL mode; switching now means opening it after the swap writes nothing.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.close().map_err(|(_, e)| Error::from(e))?;
    Ok(imported)
}
