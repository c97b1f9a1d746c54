//! A consult's notes as the coach types them: cleaned, saved, and kept in a revision
//! history (saves within a few minutes coalesce into one revision; leaving the editor seals
//! it; an earlier revision can be brought back without losing the text it replaces).

use chrono::{Duration, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::{
    load, to_json, utc_text, Consult, NoteRevision, NoteSaved, NoteSection, MAX_HEADING,
    MAX_SECTIONS, MAX_SECTION_BODY, REVISION_WINDOW_MINUTES,
};
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, Result};

/// Cleans what the editor sent: control characters (other than line breaks and tabs) are
/// dropped, sizes are bounded.
fn clean_sections(sections: &[NoteSection]) -> Result<Vec<NoteSection>> {
    if sections.len() > MAX_SECTIONS {
        return Err(Error::invalid(
            "sections",
            format!("Notes can have at most {MAX_SECTIONS} sections."),
        ));
    }
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .filter(|c| *c != '\r')
            .collect()
    };
    let mut out = Vec::with_capacity(sections.len());
    for section in sections {
        let heading = strip(section.heading.trim());
        let body = strip(&section.body);
        if heading.chars().count() > MAX_HEADING {
            return Err(Error::invalid(
                "sections",
                "A section heading can be at most 200 characters.",
            ));
        }
        if body.chars().count() > MAX_SECTION_BODY {
            return Err(Error::invalid(
                "sections",
                format!(
                    "“{heading}” is longer than {MAX_SECTION_BODY} characters; please split it."
                ),
            ));
        }
        out.push(NoteSection { heading, body });
    }
    Ok(out)
}

/// Saves the notes as the coach types. The newest revision absorbs saves for a few minutes;
/// `checkpoint` (leaving the editor) seals it, so the next typing starts a new revision.
pub fn save_notes(
    db: &Db,
    id: i64,
    sections: &[NoteSection],
    checkpoint: bool,
) -> Result<NoteSaved> {
    let sections = clean_sections(sections)?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let previous = current_json(&tx, id)?;
    let now = crate::now();
    let json = to_json(&sections);
    write_notes(&tx, id, &previous, &json, &now)?;
    write_revision(&tx, id, &previous, &json, &now, checkpoint, false)?;
    let revision_count = tx.query_row(
        "SELECT count(*) FROM note_revisions WHERE consult_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    tx.commit()?;
    Ok(NoteSaved {
        updated_at: now,
        revision_count,
    })
}

/// The consult's notes as stored (the sections' JSON): the text of its newest revision.
fn current_json(tx: &Transaction<'_>, id: i64) -> Result<String> {
    let sql = "SELECT sections FROM consults WHERE id = ?1";
    row::one(tx, "That consult", sql, [id], |r| r.get(0))
}

/// Stores `json` as the consult's notes. The search index is rewritten (by trigger) only
/// when the text changed.
fn write_notes(tx: &Transaction<'_>, id: i64, previous: &str, json: &str, now: &str) -> Result<()> {
    if previous == json {
        tx.execute(
            "UPDATE consults SET notes_updated_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
    } else {
        tx.execute(
            "UPDATE consults SET sections = ?2, notes_updated_at = ?3 WHERE id = ?1",
            params![id, json, now],
        )?;
    }
    Ok(())
}

/// Records the save of `json` (the consult's text was `previous`) in the history. The newest
/// revision stores no text of its own (`''`): its text is the consult's. When a newer revision
/// starts, the one before it is given its text (`previous`) to keep.
fn write_revision(
    tx: &Transaction<'_>,
    consult_id: i64,
    previous: &str,
    json: &str,
    now: &str,
    seal: bool,
    force_new: bool,
) -> Result<()> {
    let latest: Option<(i64, String, bool, String)> = tx
        .query_row(
            "SELECT id, started_at, sealed, sections FROM note_revisions WHERE consult_id = ?1
             ORDER BY id DESC LIMIT 1",
            [consult_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let window_start = utc_text(Utc::now() - Duration::minutes(REVISION_WINDOW_MINUTES));
    // The newest revision's text: the consult's (`previous`) when it stores none of its own.
    let unchanged = |stored: &str| (if stored.is_empty() { previous } else { stored }) == json;
    match latest {
        Some((rev, _, _, stored)) if unchanged(&stored) && !force_new => {
            tx.execute(
                "UPDATE note_revisions SET sealed = max(sealed, ?2) WHERE id = ?1",
                params![rev, seal],
            )?;
        }
        Some((rev, started, false, stored))
            if started >= window_start && !force_new && stored.is_empty() =>
        {
            tx.execute(
                "UPDATE note_revisions SET saved_at = ?2, sealed = ?3 WHERE id = ?1",
                params![rev, now, seal],
            )?;
        }
        latest => {
            if let Some((rev, _, _, stored)) = latest {
                if stored.is_empty() {
                    tx.execute(
                        "UPDATE note_revisions SET sections = ?2 WHERE id = ?1",
                        params![rev, previous],
                    )?;
                }
            }
            tx.execute(
                "INSERT INTO note_revisions (consult_id, sections, started_at, saved_at, sealed)
                 VALUES (?1, '', ?2, ?2, ?3)",
                params![consult_id, now, seal],
            )?;
        }
    }
    Ok(())
}

/// The notes' history, newest (the current text) first.
pub fn revisions(db: &Db, id: i64) -> Result<Vec<NoteRevision>> {
    let conn = db.conn();
    load(&conn, id)?;
    row::all(
        &conn,
        "SELECT r.id, r.consult_id, r.saved_at,
            iif(r.sections = '', c.sections, r.sections) AS sections
         FROM note_revisions r JOIN consults c ON c.id = r.consult_id
         WHERE r.consult_id = ?1 ORDER BY r.id DESC",
        [id],
        |row| {
            Ok(from_row!(row => NoteRevision {
                id,
                consult_id,
                saved_at,
                sections: row::json(row, "sections")?,
            }))
        },
    )
}

/// Brings back an earlier revision as the current notes. Nothing is lost: the text it
/// replaces stays in the history, and the restored text becomes a revision of its own.
pub fn restore_revision(db: &Db, id: i64, revision_id: i64) -> Result<Consult> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let previous = current_json(&tx, id)?;
    let json: String = row::one(
        &tx,
        "That revision",
        "SELECT iif(r.sections = '', c.sections, r.sections)
         FROM note_revisions r JOIN consults c ON c.id = r.consult_id
         WHERE r.id = ?1 AND r.consult_id = ?2",
        params![revision_id, id],
        |r| r.get(0),
    )?;
    serde_json::from_str::<Vec<NoteSection>>(&json)
        .map_err(|e| Error::Unreadable(format!("That revision could not be read: {e}")))?;
    let now = crate::now();
    write_notes(&tx, id, &previous, &json, &now)?;
    tx.execute(
        "UPDATE note_revisions SET sealed = 1 WHERE consult_id = ?1",
        [id],
    )?;
    write_revision(&tx, id, &previous, &json, &now, true, true)?;
    let consult = load(&tx, id)?;
    tx.commit()?;
    Ok(consult)
}
