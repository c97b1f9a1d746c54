//! The whole practice as open files, for leaving CoachDesk or for her accountant or lawyer: one
//! ZIP holding `practice.json` (every row of every table, in the documented, versioned format
//! of docs/export-format.md), a CSV per table, the attached files, and a manifest with the
//! SHA-256 of each part. `import` brings such a ZIP into an empty CoachDesk, row for row, so
//! exporting again gives the same `practice.json`.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::Path;

use chrono::Utc;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::backups::{hex, Part};
use crate::db::{data_tables, Db, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::files::{safe_file_name, write_zip};
use crate::text::csv_cell;

/// What `practice.json` and the manifest say they are.
pub const FORMAT: &str = "coachdesk-practice-export";
/// The version of the format described in docs/export-format.md.
pub const FORMAT_VERSION: u32 = 1;
const DOCUMENT: &str = "practice.json";
const MANIFEST: &str = "manifest.json";
const STAGING: &str = ".import-staging.db";

const README: &str = "\
Your whole CoachDesk practice, exported on {date} by CoachDesk {version}.

practice.json    every record, table by table (the format is described below)
tables/*.csv     the same records, one spreadsheet per table (UTF-8)
files/           attached lab files and your logo, as they were added
manifest.json    when and by which CoachDesk this was made, rows per table, and the
                 SHA-256 of every part, so a changed or damaged part is noticed

In practice.json, dates are YYYY-MM-DD and times UTC (RFC 3339). A value that is a file
is written as {\"file\": \"files/...\", \"bytes\": N}. Every table and column is described in
CoachDesk's docs/export-format.md (format version {format}).

To bring this practice into CoachDesk on another computer, choose \"Bring in an export\" on
the welcome screen, or in Settings > Your data while the practice is still empty.
";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Manifest {
    format: String,
    format_version: u32,
    app_version: String,
    schema_version: i64,
    exported_at: String,
    /// Rows in each table.
    counts: BTreeMap<String, i64>,
    parts: Vec<Part>,
}

/// `practice.json`, as read back.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    format: String,
    format_version: u32,
    schema_version: i64,
    tables: BTreeMap<String, Vec<serde_json::Map<String, serde_json::Value>>>,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeExport {
    pub path: String,
    pub clients: i64,
    pub consults: i64,
    pub files: i64,
    pub rows: i64,
    pub bytes: i64,
}

/// What an import brought in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PracticeImport {
    pub clients: i64,
    pub consults: i64,
    pub files: i64,
    /// True when the file was a backup, restored rather than read row by row.
    pub was_backup: bool,
}

/// One table as the export reads it.
struct Table {
    name: String,
    columns: Vec<String>,
    /// The primary key's columns (or `rowid`): the order rows are written in, and how a file's
    /// row is found again.
    key: Vec<String>,
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn tables(conn: &Connection) -> Result<Vec<Table>> {
    data_tables(conn)?
        .into_iter()
        .map(|name| {
            let mut columns = Vec::new();
            let mut key: Vec<(i64, String)> = Vec::new();
            let mut stmt = conn.prepare(&format!("PRAGMA table_info({})", quoted(&name)))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let column: String = row.get(1)?;
                let pk: i64 = row.get(5)?;
                if pk > 0 {
                    key.push((pk, column.clone()));
                }
                columns.push(column);
            }
            key.sort();
            let mut key: Vec<String> = key.into_iter().map(|(_, c)| c).collect();
            if key.is_empty() {
                key.push("rowid".to_owned());
            }
            Ok(Table { name, columns, key })
        })
        .collect()
}

fn select(table: &Table) -> String {
    let columns: Vec<String> = table
        .columns
        .iter()
        .chain(&table.key)
        .map(|c| quoted(c))
        .collect();
    let key: Vec<String> = table.key.iter().map(|c| quoted(c)).collect();
    format!(
        "SELECT {} FROM {} ORDER BY {}",
        columns.join(", "),
        quoted(&table.name),
        key.join(", ")
    )
}

/// Counts what goes through it and hashes it.
struct Hashing<W: Write> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}

impl<W: Write> Hashing<W> {
    fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    fn part(self, name: &str) -> Part {
        Part {
            name: name.to_owned(),
            bytes: self.bytes,
            sha256: hex(&self.hasher.finalize()),
        }
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A file kept in a row, to be written into `files/`.
struct FileRef {
    table: usize,
    column: String,
    key: Vec<Value>,
    name: String,
}

/// The name of a file part: `files/lab_files/12-bloodwork.pdf`, `files/practice/1-logo.png`.
fn file_part(table: &Table, row: &rusqlite::Row, column: &str, bytes: &[u8]) -> Result<String> {
    let key = match row.get_ref(table.columns.len())? {
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Text(t) => safe_file_name(&String::from_utf8_lossy(t)),
        _ => "row".to_owned(),
    };
    let original = table
        .columns
        .iter()
        .position(|c| c == "original_name")
        .and_then(|i| row.get::<_, String>(i).ok());
    let name = match original {
        Some(original) => format!("{key}-{}", safe_file_name(&original)),
        None => {
            let ext = if bytes.starts_with(b"\x89PNG") {
                ".png"
            } else if bytes.starts_with(b"\xff\xd8") {
                ".jpg"
            } else if bytes.starts_with(b"%PDF") {
                ".pdf"
            } else {
                ""
            };
            format!("{key}-{column}{ext}")
        }
    };
    Ok(format!("files/{}/{name}", table.name))
}

/// Writes `value` as JSON; a file becomes a reference to its part.
fn write_value(out: &mut impl Write, value: ValueRef, file: Option<&str>) -> std::io::Result<()> {
    match value {
        ValueRef::Null => out.write_all(b"null"),
        ValueRef::Integer(i) => write!(out, "{i}"),
        ValueRef::Real(f) => match serde_json::Number::from_f64(f) {
            Some(n) => write!(out, "{n}"),
            None => out.write_all(b"null"),
        },
        ValueRef::Text(t) => serde_json::to_writer(&mut *out, &String::from_utf8_lossy(t))
            .map_err(std::io::Error::other),
        ValueRef::Blob(b) => write!(
            out,
            "{{\"file\":{},\"bytes\":{}}}",
            serde_json::Value::from(file.unwrap_or_default()),
            b.len()
        ),
    }
}

/// The name of the suggested file: "CoachDesk practice export 2026-12-02.zip".
pub fn file_name() -> String {
    format!(
        "CoachDesk practice export {}.zip",
        Utc::now().format("%Y-%m-%d")
    )
}

/// Writes the whole practice to a ZIP at `path`. The rows are read from one snapshot on a
/// connection of their own, so her saves go on while it is written.
pub fn export(db: &Db, path: &Path, app_version: &str) -> Result<PracticeExport> {
    let own;
    let shared;
    let conn: &Connection = match db.path() {
        Some(file) => {
            own = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            &own
        }
        None => {
            shared = db.conn();
            &shared
        }
    };
    conn.execute_batch("BEGIN")?;
    let written = write_export(conn, path, app_version);
    let _ = conn.execute_batch("COMMIT");
    written
}

fn write_export(conn: &Connection, path: &Path, app_version: &str) -> Result<PracticeExport> {
    let now = Utc::now();
    let tables = tables(conn)?;
    let mut counts = BTreeMap::new();
    let mut parts = Vec::new();
    let mut files: Vec<FileRef> = Vec::new();
    write_zip(path, |zip| {
        zip.add(
            "README.txt",
            README
                .replace("{date}", &now.format("%Y-%m-%d").to_string())
                .replace("{version}", app_version)
                .replace("{format}", &FORMAT_VERSION.to_string())
                .as_bytes(),
        )?;
        let shown = path.display().to_string();
        let fail = |e| Error::io(format!("Could not write {shown}"), e);
        // practice.json: one row a line, columns in the table's order.
        {
            let mut out = Hashing::new(std::io::BufWriter::new(zip.start(DOCUMENT)?));
            write!(
                out,
                "{{\n  \"format\": \"{FORMAT}\",\n  \"formatVersion\": {FORMAT_VERSION},\n  \
                 \"schemaVersion\": {SCHEMA_VERSION},\n  \"tables\": {{"
            )
            .map_err(fail)?;
            for (t, table) in tables.iter().enumerate() {
                let comma = if t == 0 { "" } else { "," };
                write!(
                    out,
                    "{comma}\n    {}: [",
                    serde_json::Value::from(&*table.name)
                )
                .map_err(fail)?;
                let mut stmt = conn.prepare(&select(table))?;
                let mut rows = stmt.query([])?;
                let mut n = 0i64;
                while let Some(row) = rows.next()? {
                    let comma = if n == 0 { "" } else { "," };
                    write!(out, "{comma}\n      {{").map_err(fail)?;
                    for (c, column) in table.columns.iter().enumerate() {
                        let value = row.get_ref(c)?;
                        let file = match value {
                            ValueRef::Blob(bytes) => {
                                let name = file_part(table, row, column, bytes)?;
                                files.push(FileRef {
                                    table: t,
                                    column: column.clone(),
                                    key: (table.columns.len()
                                        ..table.columns.len() + table.key.len())
                                        .map(|i| row.get::<_, Value>(i))
                                        .collect::<rusqlite::Result<_>>()?,
                                    name: name.clone(),
                                });
                                Some(name)
                            }
                            _ => None,
                        };
                        let comma = if c == 0 { "" } else { ", " };
                        write!(out, "{comma}{}: ", serde_json::Value::from(&**column))
                            .map_err(fail)?;
                        write_value(&mut out, value, file.as_deref()).map_err(fail)?;
                    }
                    out.write_all(b"}").map_err(fail)?;
                    n += 1;
                }
                let close = if n == 0 { "]" } else { "\n    ]" };
                out.write_all(close.as_bytes()).map_err(fail)?;
                counts.insert(table.name.clone(), n);
            }
            out.write_all(b"\n  }\n}\n").map_err(fail)?;
            out.flush().map_err(fail)?;
            parts.push(out.part(DOCUMENT));
        }
        // A spreadsheet per table; a file's cell names its part.
        let mut next_file = files.iter();
        for table in &tables {
            let name = format!("tables/{}.csv", table.name);
            let mut out = Hashing::new(std::io::BufWriter::new(zip.start(&name)?));
            let header: Vec<String> = table.columns.iter().map(|c| csv_cell(c)).collect();
            write!(out, "\u{feff}{}\r\n", header.join(",")).map_err(fail)?;
            let mut stmt = conn.prepare(&select(table))?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let mut cells = Vec::with_capacity(table.columns.len());
                for c in 0..table.columns.len() {
                    cells.push(match row.get_ref(c)? {
                        ValueRef::Null => String::new(),
                        ValueRef::Integer(i) => i.to_string(),
                        ValueRef::Real(f) => f.to_string(),
                        ValueRef::Text(t) => csv_cell(&String::from_utf8_lossy(t)),
                        ValueRef::Blob(_) => {
                            csv_cell(next_file.next().map_or("", |f| f.name.as_str()))
                        }
                    });
                }
                write!(out, "{}\r\n", cells.join(",")).map_err(fail)?;
            }
            out.flush().map_err(fail)?;
            parts.push(out.part(&name));
        }
        // The files, one at a time, from the same snapshot.
        for file in &files {
            let table = &tables[file.table];
            let condition: Vec<String> = table
                .key
                .iter()
                .map(|k| format!("{} = ?", quoted(k)))
                .collect();
            let bytes: Vec<u8> = conn.query_row(
                &format!(
                    "SELECT {} FROM {} WHERE {}",
                    quoted(&file.column),
                    quoted(&table.name),
                    condition.join(" AND ")
                ),
                rusqlite::params_from_iter(&file.key),
                |r| r.get(0),
            )?;
            let mut out = Hashing::new(zip.start(&file.name)?);
            out.write_all(&bytes).map_err(fail)?;
            parts.push(out.part(&file.name));
        }
        let manifest = Manifest {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            app_version: app_version.to_owned(),
            schema_version: SCHEMA_VERSION,
            exported_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            counts: counts.clone(),
            parts: std::mem::take(&mut parts),
        };
        let json = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| Error::Conflict(format!("The export could not be written: {e}")))?;
        zip.add(MANIFEST, &json)
    })?;
    let count = |t: &str| counts.get(t).copied().unwrap_or(0);
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    Ok(PracticeExport {
        path: path.display().to_string(),
        clients: count("clients"),
        consults: count("consults"),
        files: i64::try_from(files.len()).unwrap_or(i64::MAX),
        rows: counts.values().sum(),
        bytes: i64::try_from(bytes).unwrap_or(i64::MAX),
    })
}

const NOT_AN_EXPORT: &str = "This file is not a CoachDesk practice export.";

fn refused(why: impl std::fmt::Display) -> Error {
    Error::Conflict(format!(
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
pub fn import(db: &Db, path: &Path, app_version: &str) -> Result<PracticeImport> {
    ensure_empty(db)?;
    let is_backup = std::fs::File::open(path)
        .ok()
        .and_then(|f| zip::ZipArchive::new(f).ok())
        .is_some_and(|zip| zip.index_for_name(crate::db::DATABASE_FILE).is_some());
    if is_backup {
        let restored = crate::backups::restore(db, path, app_version)?;
        return Ok(PracticeImport {
            clients: restored.from.clients,
            consults: restored.from.consults,
            files: restored.from.files,
            was_backup: true,
        });
    }
    let Some(data_dir) = db.path().and_then(Path::parent).map(Path::to_owned) else {
        return Err(Error::Conflict(
            "A store that is not a file cannot take an import.".into(),
        ));
    };
    let staging = data_dir.join(STAGING);
    let _ = std::fs::remove_file(&staging);
    let built = build(path, &staging);
    let done = built.and_then(|imported| {
        ensure_empty(db)?;
        db.replace_file(&staging, || {})?;
        Ok(imported)
    });
    let _ = std::fs::remove_file(&staging);
    done
}

fn build(path: &Path, staging: &Path) -> Result<PracticeImport> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::io(format!("Could not open {}", path.display()), e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|_| Error::Conflict(NOT_AN_EXPORT.into()))?;
    let mut text = String::new();
    zip.by_name(MANIFEST)
        .map_err(|_| Error::Conflict(NOT_AN_EXPORT.into()))?
        .take(64 << 20)
        .read_to_string(&mut text)
        .map_err(|_| Error::Conflict(NOT_AN_EXPORT.into()))?;
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|_| Error::Conflict(NOT_AN_EXPORT.into()))?;
    if manifest.format != FORMAT {
        return Err(Error::Conflict(NOT_AN_EXPORT.into()));
    }
    if manifest.format_version > FORMAT_VERSION || manifest.schema_version > SCHEMA_VERSION {
        return Err(Error::Conflict(format!(
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

    let mut conn = Connection::open(staging)?;
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
