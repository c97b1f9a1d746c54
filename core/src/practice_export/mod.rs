//! The whole practice as open files, for leaving CoachDesk or for her accountant or lawyer: one
//! ZIP holding `practice.json` (every row of every table, in the documented, versioned format
//! of docs/export-format.md), a CSV per table, the attached files, and a manifest with the
//! SHA-256 of each part. `import` brings such a ZIP into an empty CoachDesk, row for row, so
//! exporting again gives the same `practice.json`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::Utc;
use rusqlite::types::{Value, ValueRef};
use rusqlite::Connection;
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
            own = db.open_other(file, true)?;
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
            .map_err(|e| Error::io("The export could not be written", std::io::Error::other(e)))?;
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

mod import;

pub use import::import;
