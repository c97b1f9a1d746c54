//! The practice-wide symptom list she rates in check-ins: added, renamed, archived and put in
//! order; names unique ignoring case and accents.

use rusqlite::{params, Connection, OptionalExtension};

use super::Symptom;
use crate::check;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::text::fold;

const MAX_SYMPTOMS: i64 = 40;

/// What a symptom that is not there is called in the error.
const SYMPTOM: &str = "That symptom";

/// The symptom list in its order; archived ones only when asked for.
pub fn symptoms(db: &Db, include_archived: bool) -> Result<Vec<Symptom>> {
    symptoms_in(&db.conn(), include_archived)
}

pub(crate) fn symptoms_in(conn: &Connection, include_archived: bool) -> Result<Vec<Symptom>> {
    let list = row::all(
        conn,
        "SELECT id, name, archived_at IS NOT NULL AS archived FROM symptoms
         WHERE ?1 OR archived_at IS NULL ORDER BY position, id",
        [include_archived],
        |r| Ok(from_row!(r => Symptom { id, name, archived })),
    )?;
    Ok(list)
}

fn clean_symptom(conn: &Connection, name: &str, except: i64) -> Result<(String, String)> {
    let mut p = Vec::new();
    let name = check::line(&mut p, "name", name, "the symptom's name", 60, true);
    if !p.is_empty() {
        return Err(Error::Invalid(p));
    }
    let key = fold(&name);
    let taken: Option<String> = conn
        .query_row(
            "SELECT name FROM symptoms WHERE name_key = ?1 AND id <> ?2",
            params![key, except],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(taken) = taken {
        return Err(Error::invalid(
            "name",
            format!("“{taken}” is already on the list."),
        ));
    }
    Ok((name, key))
}

pub fn add_symptom(db: &Db, name: &str) -> Result<Vec<Symptom>> {
    let conn = db.conn();
    let (name, key) = clean_symptom(&conn, name, 0)?;
    let active: i64 = conn.query_row(
        "SELECT count(*) FROM symptoms WHERE archived_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    if active >= MAX_SYMPTOMS {
        return Err(Error::invalid(
            "name",
            format!("The list can hold {MAX_SYMPTOMS} symptoms; archive one first."),
        ));
    }
    conn.execute(
        "INSERT INTO symptoms (name, name_key, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM symptoms))",
        params![name, key],
    )?;
    symptoms_in(&conn, true)
}

/// Renaming keeps every rating she gave under the old name.
pub fn rename_symptom(db: &Db, id: i64, name: &str) -> Result<Vec<Symptom>> {
    let conn = db.conn();
    let (name, key) = clean_symptom(&conn, name, id)?;
    let sql = "UPDATE symptoms SET name = ?2, name_key = ?3 WHERE id = ?1";
    row::change_one(&conn, SYMPTOM, sql, params![id, name, key])?;
    symptoms_in(&conn, true)
}

pub fn set_symptom_archived(db: &Db, id: i64, archived: bool) -> Result<Vec<Symptom>> {
    let conn = db.conn();
    let sql = "UPDATE symptoms SET archived_at = CASE WHEN ?2 THEN ?3 END WHERE id = ?1";
    row::change_one(&conn, SYMPTOM, sql, params![id, archived, crate::now()])?;
    symptoms_in(&conn, true)
}

/// Moves a symptom one place up (`-1`) or down (`1`) in the list.
pub fn move_symptom(db: &Db, id: i64, by: i32) -> Result<Vec<Symptom>> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let ids: Vec<i64> = symptoms_in(&tx, true)?.iter().map(|s| s.id).collect();
    let at = ids.iter().position(|s| *s == id);
    let at = at.ok_or(Error::NotFound { what: SYMPTOM })?;
    let to = at.saturating_add_signed(by as isize).min(ids.len() - 1);
    let mut order = ids;
    let moved = order.remove(at);
    order.insert(to, moved);
    for (i, s) in order.iter().enumerate() {
        tx.execute(
            "UPDATE symptoms SET position = ?2 WHERE id = ?1",
            params![s, i as i64 + 1],
        )?;
    }
    let list = symptoms_in(&tx, true)?;
    tx.commit()?;
    Ok(list)
}
