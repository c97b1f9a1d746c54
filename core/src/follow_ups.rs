//! Follow-ups: small tasks tied to a client, with an optional due date and a done toggle.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clients;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::text::has_control_chars;
use crate::timeline::{self, TimelineKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub title: String,
    /// Local calendar date, YYYY-MM-DD.
    pub due_date: Option<String>,
    pub done_at: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpInput {
    pub client_id: i64,
    pub title: String,
    pub due_date: Option<String>,
}

pub(crate) const COLUMNS: &str =
    "f.id, f.client_id, cl.name AS client_name, f.title, f.due_date, f.done_at, f.created_at";

pub(crate) fn follow_up_from(row: &Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(from_row!(row => FollowUp {
        id,
        client_id,
        client_name,
        title,
        due_date,
        done_at,
        created_at,
    }))
}

fn load(conn: &Connection, id: i64) -> Result<FollowUp> {
    row::one(
        conn,
        "That follow-up",
        &format!("SELECT {COLUMNS} FROM follow_ups f JOIN clients cl ON cl.id = f.client_id WHERE f.id = ?1"),
        [id],
        follow_up_from,
    )
}

/// Adds a follow-up for a client; it lands on her timeline.
pub fn create(db: &Db, input: &FollowUpInput) -> Result<FollowUp> {
    let mut problems = Vec::new();
    let title = input.title.trim().to_owned();
    if title.is_empty() {
        problems.push(FieldProblem::new(
            "title",
            "Please say what needs following up.",
        ));
    } else if title.chars().count() > 300 || has_control_chars(&title) {
        problems.push(FieldProblem::new(
            "title",
            "Keep a follow-up to one line of up to 300 characters.",
        ));
    } else if let Some(c) = crate::text::hidden_char(&title) {
        problems.push(crate::check::hidden("title", "the follow-up", c));
    }
    let due = match input
        .due_date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        None => None,
        Some(d) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(date) if (2000..=2100).contains(&chrono::Datelike::year(&date)) => Some(date),
            _ => {
                problems.push(FieldProblem::new("dueDate", "Please choose a due date."));
                None
            }
        },
    };
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    clients::load(&tx, input.client_id)?;
    tx.execute(
        "INSERT INTO follow_ups (client_id, title, due_date, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            input.client_id,
            title,
            due.map(|d| d.format("%Y-%m-%d").to_string()),
            crate::now()
        ],
    )?;
    let id = tx.last_insert_rowid();
    let summary = match &due {
        Some(d) => format!(
            "Follow-up added: {title} (due {})",
            d.format("%a %-d %b %Y")
        ),
        None => format!("Follow-up added: {title}"),
    };
    timeline::record(&tx, input.client_id, TimelineKind::FollowUpAdded, &summary)?;
    let follow_up = load(&tx, id)?;
    tx.commit()?;
    Ok(follow_up)
}

/// Marks a follow-up done (on the timeline) or open again.
pub fn set_done(db: &Db, id: i64, done: bool) -> Result<FollowUp> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load(&tx, id)?;
    if before.done_at.is_some() != done {
        let now = crate::now();
        tx.execute(
            "UPDATE follow_ups SET done_at = ?2 WHERE id = ?1",
            params![id, done.then_some(&now)],
        )?;
        if done {
            let summary = format!("Follow-up done: {}", before.title);
            timeline::record(&tx, before.client_id, TimelineKind::FollowUpDone, &summary)?;
        }
    }
    let follow_up = load(&tx, id)?;
    tx.commit()?;
    Ok(follow_up)
}

/// Deletes a follow-up added by mistake.
pub fn delete(db: &Db, id: i64) -> Result<()> {
    let sql = "DELETE FROM follow_ups WHERE id = ?1";
    row::change_one(&db.conn(), "That follow-up", sql, [id])
}

/// A client's follow-ups: open ones first by due date (undated last), then done ones.
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<FollowUp>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    row::all(
        &conn,
        &format!(
            "SELECT {COLUMNS} FROM follow_ups f JOIN clients cl ON cl.id = f.client_id
         WHERE f.client_id = ?1
         ORDER BY f.done_at IS NOT NULL, f.done_at DESC, f.due_date IS NULL, f.due_date, f.id"
        ),
        [client_id],
        follow_up_from,
    )
}
