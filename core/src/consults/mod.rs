//! Consults: free consult calls and coaching sessions, their notes (written into a copy of a
//! template), the notes' revision history, and calendar (.ics) export.

use chrono::{DateTime, Local, SecondsFormat, Utc};
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod ics;
mod notes;

pub use ics::{ics, ics_file, ics_file_name};
pub use notes::{restore_revision, revisions, save_notes};

use crate::clients::{self, ClientStatus};
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::note_templates::{self, TemplateKey};
use crate::timeline::{self, TimelineKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsultKind {
    FreeConsult,
    InitialSession,
    FollowUp,
    CheckIn,
}

impl ConsultKind {
    /// In the order the booking form offers them.
    pub const ALL: [Self; 4] = [
        Self::FreeConsult,
        Self::InitialSession,
        Self::FollowUp,
        Self::CheckIn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::FreeConsult => "free_consult",
            Self::InitialSession => "initial_session",
            Self::FollowUp => "follow_up",
            Self::CheckIn => "check_in",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::FreeConsult => "Free consult call",
            Self::InitialSession => "Initial session",
            Self::FollowUp => "Follow-up",
            Self::CheckIn => "Check-in",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsultStatus {
    Scheduled,
    Completed,
    NoShow,
    Cancelled,
}

impl ConsultStatus {
    const ALL: [Self; 4] = [
        Self::Scheduled,
        Self::Completed,
        Self::NoShow,
        Self::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Completed => "completed",
            Self::NoShow => "no_show",
            Self::Cancelled => "cancelled",
        }
    }
}

/// One part of a consult's notes: a heading from the template and what the coach wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteSection {
    pub heading: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Consult {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub kind: ConsultKind,
    /// UTC RFC 3339.
    pub scheduled_at: String,
    pub duration_minutes: i32,
    pub status: ConsultStatus,
    pub template_name: String,
    pub sections: Vec<NoteSection>,
    pub notes_updated_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// Booking a consult.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsultInput {
    pub client_id: i64,
    pub kind: ConsultKind,
    /// Any RFC 3339 instant (the UI sends UTC); stored in UTC.
    pub scheduled_at: String,
    pub duration_minutes: i32,
    pub template: TemplateKey,
}

impl ConsultInput {
    /// A free discovery consult with her (the Discovery notes), at `scheduled_at` (RFC 3339),
    /// for `duration_minutes`.
    pub fn free_consult(client_id: i64, scheduled_at: &str, duration_minutes: i32) -> Self {
        Self {
            kind: ConsultKind::FreeConsult,
            template: TemplateKey::Discovery,
            ..Self::follow_up(client_id, scheduled_at, duration_minutes)
        }
    }

    /// A coaching follow-up with her, at `scheduled_at` (RFC 3339), for `duration_minutes`.
    pub fn follow_up(client_id: i64, scheduled_at: &str, duration_minutes: i32) -> Self {
        Self {
            client_id,
            kind: ConsultKind::FollowUp,
            scheduled_at: scheduled_at.to_owned(),
            duration_minutes,
            template: TemplateKey::Coaching,
        }
    }
}

/// Changing a booked consult: its kind, time, length or status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsultChange {
    pub kind: ConsultKind,
    pub scheduled_at: String,
    pub duration_minutes: i32,
    pub status: ConsultStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsultSummary {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub kind: ConsultKind,
    pub scheduled_at: String,
    pub duration_minutes: i32,
    pub status: ConsultStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteSaved {
    pub updated_at: String,
    pub revision_count: i64,
}

/// A snapshot of a consult's notes. The newest one is always the current text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteRevision {
    pub id: i64,
    pub consult_id: i64,
    pub saved_at: String,
    pub sections: Vec<NoteSection>,
}

/// How long the newest revision keeps absorbing saves before a new one starts.
const REVISION_WINDOW_MINUTES: i64 = 5;
const MAX_SECTIONS: usize = 40;
const MAX_HEADING: usize = 200;
const MAX_SECTION_BODY: usize = 100_000;

pub(crate) fn parse_kind(s: &str) -> Option<ConsultKind> {
    ConsultKind::ALL.into_iter().find(|k| k.as_str() == s)
}

fn parse_status(s: &str) -> Option<ConsultStatus> {
    ConsultStatus::ALL.into_iter().find(|k| k.as_str() == s)
}

fn to_json(sections: &[NoteSection]) -> String {
    // Serialising plain strings cannot fail.
    serde_json::to_string(sections).unwrap_or_else(|_| "[]".to_owned())
}

/// Parses the time the UI sent and normalises it to UTC.
fn check_time(problems: &mut Vec<FieldProblem>, value: &str) -> Option<DateTime<Utc>> {
    match DateTime::parse_from_rfc3339(value.trim()) {
        Ok(t) if (2000..=2100).contains(&chrono::Datelike::year(&t)) => Some(t.with_timezone(&Utc)),
        Ok(_) => {
            problems.push(FieldProblem::new(
                "scheduledAt",
                "Please choose a date between 2000 and 2100.",
            ));
            None
        }
        Err(_) => {
            problems.push(FieldProblem::new(
                "scheduledAt",
                "Please choose a date and a time.",
            ));
            None
        }
    }
}

fn check_duration(problems: &mut Vec<FieldProblem>, minutes: i32) {
    if !(5..=480).contains(&minutes) {
        problems.push(FieldProblem::new(
            "durationMinutes",
            "A consult lasts between 5 minutes and 8 hours.",
        ));
    }
}

fn utc_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The consult's time as the coach reads it on her timeline, in her own time zone.
fn local_label(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local)
        .format("%a %-d %b %Y, %H:%M")
        .to_string()
}

/// A stored UTC timestamp as the coach reads it, in her own time zone.
pub(crate) fn local_label_text(utc: &str) -> String {
    DateTime::parse_from_rfc3339(utc)
        .map_or_else(|_| utc.to_owned(), |t| local_label(t.with_timezone(&Utc)))
}

/// Books a consult with empty notes copied from the chosen template. Booking for a Lead moves
/// her to "Consult booked"; both land on her timeline.
pub fn create(db: &Db, input: &ConsultInput) -> Result<Consult> {
    let mut problems = Vec::new();
    let at = check_time(&mut problems, &input.scheduled_at);
    check_duration(&mut problems, input.duration_minutes);
    let Some(at) = at.filter(|_| problems.is_empty()) else {
        return Err(Error::Invalid(problems));
    };
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let client = clients::load(&tx, input.client_id)?;
    let template = note_templates::load(&tx, input.template)?;
    let sections: Vec<NoteSection> = template
        .headings
        .iter()
        .map(|h| NoteSection {
            heading: h.clone(),
            body: String::new(),
        })
        .collect();
    let now = crate::now();
    tx.execute(
        "INSERT INTO consults (client_id, kind, scheduled_at, duration_minutes, template_name,
            sections, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            input.client_id,
            input.kind.as_str(),
            utc_text(at),
            input.duration_minutes,
            template.name,
            to_json(&sections),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    let summary = format!("{} booked for {}", input.kind.label(), local_label(at));
    timeline::record_for_consult(
        &tx,
        input.client_id,
        id,
        TimelineKind::ConsultBooked,
        &summary,
    )?;
    if client.status == ClientStatus::Lead {
        clients::change_status(
            &tx,
            input.client_id,
            ClientStatus::Lead,
            ClientStatus::ConsultBooked,
        )?;
    }
    let consult = load(&tx, id)?;
    tx.commit()?;
    Ok(consult)
}

/// Changes a consult's kind, time, length or status; each meaningful change is on the timeline.
pub fn update(db: &Db, id: i64, change: &ConsultChange) -> Result<Consult> {
    let mut problems = Vec::new();
    let at = check_time(&mut problems, &change.scheduled_at);
    check_duration(&mut problems, change.duration_minutes);
    let Some(at) = at.filter(|_| problems.is_empty()) else {
        return Err(Error::Invalid(problems));
    };
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load(&tx, id)?;
    let at_text = utc_text(at);
    tx.execute(
        "UPDATE consults SET kind = ?2, scheduled_at = ?3, duration_minutes = ?4, status = ?5,
            updated_at = ?6 WHERE id = ?1",
        params![
            id,
            change.kind.as_str(),
            at_text,
            change.duration_minutes,
            change.status.as_str(),
            crate::now()
        ],
    )?;
    let label = change.kind.label();
    if before.status != change.status {
        let (kind, summary) = match change.status {
            ConsultStatus::Completed => {
                (TimelineKind::ConsultCompleted, format!("{label} completed"))
            }
            ConsultStatus::NoShow => (
                TimelineKind::ConsultNoShow,
                format!("No-show for the {}", label.to_lowercase()),
            ),
            ConsultStatus::Cancelled => {
                (TimelineKind::ConsultCancelled, format!("{label} cancelled"))
            }
            ConsultStatus::Scheduled => (
                TimelineKind::ConsultChanged,
                format!("{label} set back to scheduled"),
            ),
        };
        timeline::record_for_consult(&tx, before.client_id, id, kind, &summary)?;
    }
    if before.scheduled_at != at_text {
        let summary = format!("{label} moved to {}", local_label(at));
        timeline::record_for_consult(
            &tx,
            before.client_id,
            id,
            TimelineKind::ConsultChanged,
            &summary,
        )?;
    }
    let consult = load(&tx, id)?;
    tx.commit()?;
    Ok(consult)
}

/// One consult with its notes.
pub fn get(db: &Db, id: i64) -> Result<Consult> {
    load(&db.conn(), id)
}

fn load(conn: &Connection, id: i64) -> Result<Consult> {
    row::one(
        conn,
        "That consult",
        &format!(
            "SELECT {SUMMARY_COLUMNS}, c.template_name, c.sections, c.notes_updated_at,
                c.created_at, c.updated_at
             FROM consults c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ?1"
        ),
        [id],
        |row| {
            Ok(from_row!(row => Consult {
                id,
                client_id,
                client_name,
                kind: kind_at(row)?,
                scheduled_at,
                duration_minutes,
                status: status_at(row)?,
                template_name,
                sections: row::json(row, "sections")?,
                notes_updated_at,
                created_at,
                updated_at,
            }))
        },
    )
}

pub(crate) const SUMMARY_COLUMNS: &str =
    "c.id, c.client_id, cl.name AS client_name, c.kind, c.scheduled_at, c.duration_minutes,
    c.status";

fn kind_at(row: &Row<'_>) -> rusqlite::Result<ConsultKind> {
    row::parsed(row, "kind", "consult kind", parse_kind)
}

fn status_at(row: &Row<'_>) -> rusqlite::Result<ConsultStatus> {
    row::parsed(row, "status", "consult status", parse_status)
}

pub(crate) fn summary_from(row: &Row<'_>) -> rusqlite::Result<ConsultSummary> {
    Ok(from_row!(row => ConsultSummary {
        id,
        client_id,
        client_name,
        kind: kind_at(row)?,
        scheduled_at,
        duration_minutes,
        status: status_at(row)?,
    }))
}

/// A client's consults, newest first.
/// Her most recent consult with notes written (or completed without notes), cancelled ones
/// left out; None when there is none yet.
pub fn last_with_notes(db: &Db, client_id: i64) -> Result<Option<Consult>> {
    let mut summaries = for_client(db, client_id)?;
    summaries.sort_by(|a, b| b.scheduled_at.cmp(&a.scheduled_at));
    for summary in summaries {
        if summary.status == ConsultStatus::Cancelled {
            continue;
        }
        let consult = get(db, summary.id)?;
        let written = consult.sections.iter().any(|s| !s.body.trim().is_empty());
        if written || summary.status == ConsultStatus::Completed {
            return Ok(Some(consult));
        }
    }
    Ok(None)
}

pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<ConsultSummary>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    row::all(
        &conn,
        &format!(
            "SELECT {SUMMARY_COLUMNS} FROM consults c JOIN clients cl ON cl.id = c.client_id
         WHERE c.client_id = ?1 ORDER BY c.scheduled_at DESC, c.id DESC"
        ),
        [client_id],
        summary_from,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients::ClientInput;

    fn setup() -> (Db, i64) {
        let db = Db::open_in_memory().unwrap();
        let client = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
        (db, client.id)
    }

    fn book(db: &Db, client_id: i64) -> Consult {
        let input = ConsultInput::free_consult(client_id, "2026-11-25T15:00:00+01:00", 30);
        create(db, &input).unwrap()
    }

    #[test]
    fn booking_copies_the_template_stores_utc_and_moves_a_lead_along() {
        let (db, client_id) = setup();
        let consult = book(&db, client_id);
        assert_eq!(consult.scheduled_at, "2026-11-25T14:00:00.000Z");
        assert_eq!(consult.sections.len(), 6);
        assert_eq!(consult.sections[0].heading, "Current state");
        assert_eq!(consult.template_name, "Discovery call");
        assert_eq!(
            clients::get(&db, client_id).unwrap().status,
            ClientStatus::ConsultBooked
        );
    }

    #[test]
    fn bad_times_and_lengths_are_refused_by_field() {
        let (db, client_id) = setup();
        let input = ConsultInput {
            client_id,
            kind: ConsultKind::CheckIn,
            scheduled_at: "tomorrow-ish".into(),
            duration_minutes: 0,
            template: TemplateKey::Coaching,
        };
        let err = create(&db, &input).unwrap_err();
        let fields: Vec<_> = err.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["scheduledAt", "durationMinutes"]);
    }

    #[test]
    fn saves_coalesce_into_one_revision_until_a_checkpoint() {
        let (db, client_id) = setup();
        let consult = book(&db, client_id);
        let mut sections = consult.sections.clone();
        for text in ["F", "Fa", "Fatigue"] {
            sections[0].body = text.into();
            assert_eq!(
                save_notes(&db, consult.id, &sections, false)
                    .unwrap()
                    .revision_count,
                1
            );
        }
        save_notes(&db, consult.id, &sections, true).unwrap();
        sections[1].body = "Energy all day".into();
        assert_eq!(
            save_notes(&db, consult.id, &sections, false)
                .unwrap()
                .revision_count,
            2
        );

        let history = revisions(&db, consult.id).unwrap();
        assert_eq!(history[0].sections[1].body, "Energy all day");
        assert_eq!(history[1].sections[1].body, "");

        let restored = restore_revision(&db, consult.id, history[1].id).unwrap();
        assert_eq!(restored.sections[1].body, "");
        assert_eq!(restored.sections[0].body, "Fatigue");
        let history = revisions(&db, consult.id).unwrap();
        assert_eq!(history.len(), 3, "the replaced text stays in the history");
        assert_eq!(history[1].sections[1].body, "Energy all day");
    }

    #[test]
    fn control_characters_are_dropped_from_notes() {
        let (db, client_id) = setup();
        let consult = book(&db, client_id);
        let mut sections = consult.sections;
        sections[0].body = "line one\r\nline\u{0} two\u{2}".into();
        save_notes(&db, consult.id, &sections, false).unwrap();
        assert_eq!(
            get(&db, consult.id).unwrap().sections[0].body,
            "line one\nline two"
        );
    }
}
