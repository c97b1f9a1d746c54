//! Lab results: name, date, summary and attached files. A file's bytes are kept inside the
//! database, so they stay with her record, are backed up with it and go when she is erased.
//! To open one with the system viewer, a copy is written to `opened/` in the data folder
//! (emptied at every start).

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check;
use crate::clients;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::timeline::{self, TimelineKind};

/// What an attached file that is not there is called in the error.
const ATTACHED: &str = "That attached file";

/// The largest file that can be attached.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The kinds of file a lab result can have attached (the dialog offers the same list; the rule
/// is here, so nothing else gets in by another path).
pub const FILE_KINDS: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "txt", "csv", "doc", "docx", "odt", "xls", "xlsx",
];

/// Refuses a file whose name says it is not a lab report, or whose first bytes say it is a
/// program (a renamed executable or script).
fn check_kind(shown: &str, bytes: &[u8]) -> Result<()> {
    let ext = std::path::Path::new(shown)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !FILE_KINDS.contains(&ext.as_str()) {
        return Err(Error::WrongFile(format!(
            "“{shown}” is not a kind of file CoachDesk keeps with lab results. PDFs, images \
             (PNG, JPEG, GIF, WebP), text, CSV, Word, OpenDocument and Excel files can be attached."
        )));
    }
    let program = bytes.starts_with(b"\x7fELF")
        || bytes.starts_with(b"MZ")
        || bytes.starts_with(b"#!")
        || bytes.starts_with(&[0xCF, 0xFA, 0xED, 0xFE])
        || bytes.starts_with(&[0xCA, 0xFE, 0xBA, 0xBE]);
    if program {
        return Err(Error::WrongFile(format!(
            "“{shown}” is a program, not a document, so it was not attached."
        )));
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabFile {
    pub id: i64,
    pub original_name: String,
    pub size_bytes: i64,
    pub added_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lab {
    pub id: i64,
    pub client_id: i64,
    pub name: String,
    pub taken_on: String,
    pub summary: String,
    pub files: Vec<LabFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabInput {
    pub client_id: i64,
    pub name: String,
    pub taken_on: String,
    pub summary: String,
}

fn clean(input: &LabInput) -> Result<(String, String, String)> {
    let mut p = Vec::new();
    let name = check::line(&mut p, "name", &input.name, "the test's name", 200, true);
    let on = check::date(&mut p, "takenOn", &input.taken_on, "the date of the test");
    let summary = check::text(&mut p, "summary", &input.summary, "the summary", 10_000);
    match on {
        Some(on) if p.is_empty() => Ok((name, check::iso(on), summary)),
        _ => Err(Error::Invalid(p)),
    }
}

fn load(conn: &Connection, id: i64) -> Result<Lab> {
    let mut lab = row::one(
        conn,
        "That lab result",
        "SELECT id, client_id, name, taken_on, summary FROM labs WHERE id = ?1",
        [id],
        |r| Ok(from_row!(r => Lab { id, client_id, name, taken_on, summary, files: Vec::new() })),
    )?;
    let sql = "SELECT id, original_name, size_bytes, added_at FROM lab_files WHERE lab_id = ?1
         ORDER BY id";
    lab.files = row::all(conn, sql, [id], |r| {
        Ok(from_row!(r => LabFile { id, original_name, size_bytes, added_at }))
    })?;
    Ok(lab)
}

/// Her lab results, newest first.
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<Lab>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    let ids: Vec<i64> = row::all(
        &conn,
        "SELECT id FROM labs WHERE client_id = ?1 ORDER BY taken_on DESC, id DESC",
        [client_id],
        |r| r.get(0),
    )?;
    ids.into_iter().map(|id| load(&conn, id)).collect()
}

pub fn add(db: &Db, input: &LabInput) -> Result<Lab> {
    let (name, taken_on, summary) = clean(input)?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    clients::load(&tx, input.client_id)?;
    let now = crate::now();
    tx.execute(
        "INSERT INTO labs (client_id, name, taken_on, summary, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![input.client_id, name, taken_on, summary, now],
    )?;
    let id = tx.last_insert_rowid();
    timeline::record(
        &tx,
        input.client_id,
        TimelineKind::LabAdded,
        &format!("Lab result added: {name} ({taken_on})"),
    )?;
    let lab = load(&tx, id)?;
    tx.commit()?;
    Ok(lab)
}

pub fn update(db: &Db, id: i64, input: &LabInput) -> Result<Lab> {
    let (name, taken_on, summary) = clean(input)?;
    let conn = db.conn();
    row::change_one(
        &conn,
        "That lab result",
        "UPDATE labs SET name = ?2, taken_on = ?3, summary = ?4, updated_at = ?5 WHERE id = ?1",
        params![id, name, taken_on, summary, crate::now()],
    )?;
    load(&conn, id)
}

/// A file name safe on every file system, keeping letters of any script.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim_matches(['.', ' ']);
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned.to_owned()
    }
}

/// Keeps a copy of each file inside the database and lists it on the lab result. Nothing is
/// attached unless every file can be read: a missing, empty or too-large file stops the lot.
pub fn attach(db: &Db, lab_id: i64, sources: &[PathBuf]) -> Result<Lab> {
    let mut contents = Vec::with_capacity(sources.len());
    for source in sources {
        let shown = source.file_name().map_or_else(
            || source.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let meta = std::fs::metadata(source)
            .map_err(|e| Error::io(format!("“{shown}” could not be read"), e))?;
        if !meta.is_file() {
            return Err(Error::WrongFile(format!("“{shown}” is not a file.")));
        }
        if meta.len() == 0 {
            return Err(Error::WrongFile(format!(
                "“{shown}” is empty, so it was not attached."
            )));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(Error::WrongFile(format!(
                "“{shown}” is {} MB; files up to {} MB can be attached.",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            )));
        }
        // What is read is bounded too: the file may have grown since it was looked at.
        let Some(bytes) = crate::files::read_at_most(source, MAX_FILE_BYTES)
            .map_err(|e| Error::io(format!("“{shown}” could not be read"), e))?
        else {
            return Err(Error::WrongFile(format!(
                "“{shown}” is over {} MB; files up to {} MB can be attached.",
                MAX_FILE_BYTES / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            )));
        };
        check_kind(&shown, &bytes)?;
        let shown = crate::files::cap_name(&shown, crate::files::MAX_NAME_BYTES);
        contents.push((shown, bytes));
    }
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let lab = load(&tx, lab_id)?;
    for (original, bytes) in &contents {
        tx.execute(
            "INSERT INTO lab_files (lab_id, original_name, stored_name, size_bytes, added_at,
                content)
             VALUES (?1, ?2, '', ?3, ?4, ?5)",
            params![
                lab_id,
                original,
                i64::try_from(bytes.len()).unwrap_or(i64::MAX),
                crate::now(),
                bytes
            ],
        )?;
        // stored_name stays unique: it names the file as an older CoachDesk stored it.
        let id = tx.last_insert_rowid();
        tx.execute(
            "UPDATE lab_files SET stored_name = ?2 WHERE id = ?1",
            params![
                id,
                format!("client-{}/{id}-{}", lab.client_id, safe_name(original))
            ],
        )?;
    }
    timeline::record(
        &tx,
        lab.client_id,
        TimelineKind::LabAdded,
        &format!(
            "{} file{} attached to {}",
            sources.len(),
            if sources.len() == 1 { "" } else { "s" },
            lab.name
        ),
    )?;
    let after = load(&tx, lab_id)?;
    tx.commit()?;
    Ok(after)
}

/// An attached file's bytes (None when it went missing before it could be moved inside).
pub fn file_content(db: &Db, file_id: i64) -> Result<Option<Vec<u8>>> {
    let sql = "SELECT content FROM lab_files WHERE id = ?1";
    row::one(&db.conn(), ATTACHED, sql, [file_id], |r| r.get(0))
}

/// Writes a copy of an attached file for the system viewer to open, and returns its path.
pub fn open_copy(db: &Db, data_dir: &Path, file_id: i64) -> Result<PathBuf> {
    let sql = "SELECT original_name, content FROM lab_files WHERE id = ?1";
    let (original, content): (String, Option<Vec<u8>>) =
        row::one(&db.conn(), ATTACHED, sql, [file_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let Some(content) = content else {
        return Err(Error::Unreadable(format!(
            "“{original}” is missing: it was not found in the data folder when CoachDesk \
             last started. Please attach it again."
        )));
    };
    let folder = crate::files::opened_folder(data_dir).join(file_id.to_string());
    std::fs::create_dir_all(&folder)
        .map_err(|e| Error::io(format!("Could not create {}", folder.display()), e))?;
    let path = folder.join(safe_name(&original));
    crate::files::write_atomic(&path, &content)?;
    Ok(path)
}

/// Removes one attached file.
pub fn remove_file(db: &Db, file_id: i64) -> Result<Lab> {
    let conn = db.conn();
    let sql = "SELECT lab_id FROM lab_files WHERE id = ?1";
    let lab_id: i64 = row::one(&conn, ATTACHED, sql, [file_id], |r| r.get(0))?;
    conn.execute("DELETE FROM lab_files WHERE id = ?1", [file_id])?;
    load(&conn, lab_id)
}

/// Deletes a lab result and its files.
pub fn delete(db: &Db, id: i64) -> Result<()> {
    let sql = "DELETE FROM labs WHERE id = ?1";
    row::change_one(&db.conn(), "That lab result", sql, [id])
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn stored_names_are_safe_and_keep_letters() {
        assert_eq!(safe_name("Blood panel.pdf"), "Blood panel.pdf");
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_name("Zoë 李小龙 🌿.pdf"), "Zoë 李小龙 _.pdf");
        assert_eq!(safe_name("..."), "file");
    }
}
