//! Note templates: the headings a consult's notes start from. Editing a template changes only
//! consults booked afterwards, because each consult keeps its own copy of the headings.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::row;
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::text::has_control_chars;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKey {
    /// For free consult calls: current state, desired state, obstacles, objections, fit, next steps.
    Discovery,
    /// For sessions: symptoms, diet, sleep/stress/movement, mindset, wins, challenges, …
    Coaching,
}

impl TemplateKey {
    fn as_str(self) -> &'static str {
        match self {
            Self::Discovery => "discovery",
            Self::Coaching => "coaching",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteTemplate {
    pub key: TemplateKey,
    pub name: String,
    pub headings: Vec<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteTemplateInput {
    pub name: String,
    pub headings: Vec<String>,
}

pub(crate) fn load(conn: &Connection, key: TemplateKey) -> Result<NoteTemplate> {
    let sql = "SELECT name, headings, updated_at FROM note_templates WHERE key = ?1";
    let (name, headings, updated_at): (String, String, String) =
        row::one(conn, "That template", sql, [key.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let headings = serde_json::from_str(&headings)
        .map_err(|e| Error::Unreadable(format!("The template “{name}” could not be read: {e}")))?;
    Ok(NoteTemplate {
        key,
        name,
        headings,
        updated_at,
    })
}

/// Both templates, discovery first.
pub fn list(db: &Db) -> Result<Vec<NoteTemplate>> {
    let conn = db.conn();
    [TemplateKey::Discovery, TemplateKey::Coaching]
        .into_iter()
        .map(|k| load(&conn, k))
        .collect()
}

/// Renames a template or changes its headings (blank lines dropped).
pub fn update(db: &Db, key: TemplateKey, input: &NoteTemplateInput) -> Result<NoteTemplate> {
    let mut problems = Vec::new();
    let name = input.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 80 || has_control_chars(&name) {
        problems.push(FieldProblem::new(
            "name",
            "Give the template a name of up to 80 characters.",
        ));
    }
    let headings: Vec<String> = input
        .headings
        .iter()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .collect();
    if headings.is_empty() {
        problems.push(FieldProblem::new(
            "headings",
            "A template needs at least one heading.",
        ));
    } else if headings.len() > 30 {
        problems.push(FieldProblem::new(
            "headings",
            "A template can have at most 30 headings.",
        ));
    } else if headings
        .iter()
        .any(|h| h.chars().count() > 200 || has_control_chars(h))
    {
        problems.push(FieldProblem::new(
            "headings",
            "Each heading can be at most 200 characters.",
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let conn = db.conn();
    let json = serde_json::to_string(&headings).unwrap_or_else(|_| "[]".to_owned());
    conn.execute(
        "UPDATE note_templates SET name = ?2, headings = ?3, updated_at = ?4 WHERE key = ?1",
        params![key.as_str(), name, json, crate::now()],
    )?;
    load(&conn, key)
}
