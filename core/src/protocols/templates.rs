//! Protocol templates: every save is a new version (a client keeps the version she was given;
//! the history stays readable), listed by name, archived rather than deleted.

use rusqlite::{params, Connection, Row, Transaction};

use super::{
    clean, phases_from, phases_json, ProtocolDraft, TemplateDetail, TemplateSummary,
    TemplateVersion, VersionInfo,
};
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, Result};

fn insert_version(
    tx: &Transaction<'_>,
    template_id: i64,
    version: i64,
    d: &ProtocolDraft,
) -> Result<()> {
    tx.execute(
        "INSERT INTO protocol_template_versions (template_id, version, name, summary, phases, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![template_id, version, d.name, d.summary, phases_json(&d.phases)?, crate::now()],
    )?;
    Ok(())
}

fn insert_template(tx: &Transaction<'_>, d: &ProtocolDraft) -> Result<i64> {
    tx.execute(
        "INSERT INTO protocol_templates (created_at) VALUES (?1)",
        [crate::now()],
    )?;
    let id = tx.last_insert_rowid();
    insert_version(tx, id, 1, d)?;
    Ok(id)
}

/// Templates that are not archived (`t`) with their current version (`v`), by name.
const CURRENT: &str = "FROM protocol_templates t
    JOIN protocol_template_versions v ON v.template_id = t.id
     AND v.version = (SELECT max(version) FROM protocol_template_versions WHERE template_id = t.id)
    WHERE t.archived_at IS NULL
    ORDER BY v.name COLLATE NOCASE, t.id";

/// A template version read as `SELECT {VERSION} FROM protocol_template_versions v …`.
const VERSION: &str = "v.template_id, v.version, v.name, v.summary, v.phases, v.created_at";

fn version_from(r: &Row<'_>, is_current: bool) -> rusqlite::Result<TemplateVersion> {
    Ok(from_row!(r => TemplateVersion {
        template_id,
        version,
        name,
        summary,
        phases: phases_from(r)?,
        created_at,
        is_current: is_current,
    }))
}

/// The current version of every template that is not archived, whole, by name (what search
/// reads as she types: one statement, no per-template queries or counts).
pub fn current_versions(db: &Db) -> Result<Vec<TemplateVersion>> {
    current_versions_in(&db.conn())
}

/// `current_versions` on a connection already taken.
pub(crate) fn current_versions_in(conn: &Connection) -> Result<Vec<TemplateVersion>> {
    row::all(conn, &format!("SELECT {VERSION} {CURRENT}"), [], |r| {
        version_from(r, true)
    })
}

/// Every template that is not archived, by name, with its current version.
pub fn list_templates(db: &Db) -> Result<Vec<TemplateSummary>> {
    let conn = db.conn();
    let sql = format!(
        "SELECT t.id, v.name, v.summary, v.version, json_array_length(v.phases) AS phase_count,
                v.created_at AS updated_at,
                (SELECT count(DISTINCT client_id) FROM client_protocols c WHERE c.template_id = t.id)
                    AS assigned_count
         {CURRENT}"
    );
    row::all(&conn, &sql, [], |r| {
        Ok(from_row!(r => TemplateSummary {
            id,
            name,
            summary,
            version,
            phase_count,
            updated_at,
            assigned_count,
        }))
    })
}

pub(super) fn latest_version(conn: &Connection, template_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT max(version) FROM protocol_template_versions WHERE template_id = ?1",
        [template_id],
        |r| r.get::<_, Option<i64>>(0),
    )?
    .ok_or(Error::NotFound {
        what: "That protocol template",
    })
}

pub(super) fn load_version(
    conn: &Connection,
    template_id: i64,
    version: i64,
) -> Result<TemplateVersion> {
    let latest = latest_version(conn, template_id)?;
    row::one(
        conn,
        "That version of the protocol",
        &format!(
            "SELECT {VERSION} FROM protocol_template_versions v
             WHERE v.template_id = ?1 AND v.version = ?2"
        ),
        params![template_id, version],
        |r| version_from(r, version == latest),
    )
}

fn detail(conn: &Connection, template_id: i64) -> Result<TemplateDetail> {
    let current = load_version(conn, template_id, latest_version(conn, template_id)?)?;
    let versions = row::all(
        conn,
        "SELECT version, name, created_at FROM protocol_template_versions
         WHERE template_id = ?1 ORDER BY version DESC",
        [template_id],
        |r| Ok(from_row!(r => VersionInfo { version, name, created_at })),
    )?;
    Ok(TemplateDetail { current, versions })
}

/// A template with its current version and the list of every version.
pub fn get_template(db: &Db, template_id: i64) -> Result<TemplateDetail> {
    detail(&db.conn(), template_id)
}

/// One version of a template, current or older, to read.
pub fn template_version(db: &Db, template_id: i64, version: i64) -> Result<TemplateVersion> {
    load_version(&db.conn(), template_id, version)
}

pub fn create_template(db: &Db, draft: &ProtocolDraft) -> Result<TemplateDetail> {
    let draft = clean(draft)?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let id = insert_template(&tx, &draft)?;
    let d = detail(&tx, id)?;
    tx.commit()?;
    Ok(d)
}

/// Saves an edit as a new version. Saving what is already current writes nothing.
pub fn save_template(db: &Db, template_id: i64, draft: &ProtocolDraft) -> Result<TemplateDetail> {
    let draft = clean(draft)?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let current = load_version(&tx, template_id, latest_version(&tx, template_id)?)?;
    if current.name != draft.name
        || current.summary != draft.summary
        || current.phases != draft.phases
    {
        insert_version(&tx, template_id, current.version + 1, &draft)?;
    }
    let d = detail(&tx, template_id)?;
    tx.commit()?;
    Ok(d)
}

/// Hides a template from the list; clients' copies are untouched.
pub fn archive_template(db: &Db, template_id: i64) -> Result<()> {
    let sql = "UPDATE protocol_templates SET archived_at = ?2 WHERE id = ?1";
    let params = params![template_id, crate::now()];
    row::change_one(&db.conn(), "That protocol template", sql, params)
}
