//! Consults: free consult calls and coaching sessions, their notes (written into a copy of a
//! template), the notes' revision history, and calendar (.ics) export.

use chrono::{DateTime, Duration, Local, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clients::{self, ClientStatus};
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::templates::{self, TemplateKey};
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
    const ALL: [Self; 4] = [
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

fn bad_column(idx: usize, what: &str, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        rusqlite::types::Type::Text,
        format!("unknown {what} {value:?}").into(),
    )
}

fn kind_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<ConsultKind> {
    let s: String = row.get(idx)?;
    parse_kind(&s).ok_or_else(|| bad_column(idx, "consult kind", &s))
}

fn status_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<ConsultStatus> {
    let s: String = row.get(idx)?;
    parse_status(&s).ok_or_else(|| bad_column(idx, "consult status", &s))
}

fn sections_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<NoteSection>> {
    let json: String = row.get(idx)?;
    serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
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
    let template = templates::load(&tx, input.template)?;
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
    conn.query_row(
        "SELECT c.id, c.client_id, cl.name, c.kind, c.scheduled_at, c.duration_minutes, c.status,
            c.template_name, c.sections, c.notes_updated_at, c.created_at, c.updated_at
         FROM consults c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ?1",
        [id],
        |row| {
            Ok(Consult {
                id: row.get(0)?,
                client_id: row.get(1)?,
                client_name: row.get(2)?,
                kind: kind_at(row, 3)?,
                scheduled_at: row.get(4)?,
                duration_minutes: row.get(5)?,
                status: status_at(row, 6)?,
                template_name: row.get(7)?,
                sections: sections_at(row, 8)?,
                notes_updated_at: row.get(9)?,
                created_at: row.get(10)?,
                updated_at: row.get(11)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "That consult",
    })
}

pub(crate) const SUMMARY_COLUMNS: &str =
    "c.id, c.client_id, cl.name, c.kind, c.scheduled_at, c.duration_minutes, c.status";

pub(crate) fn summary_from(row: &Row<'_>) -> rusqlite::Result<ConsultSummary> {
    Ok(ConsultSummary {
        id: row.get(0)?,
        client_id: row.get(1)?,
        client_name: row.get(2)?,
        kind: kind_at(row, 3)?,
        scheduled_at: row.get(4)?,
        duration_minutes: row.get(5)?,
        status: status_at(row, 6)?,
    })
}

/// A client's consults, newest first.
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<ConsultSummary>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM consults c JOIN clients cl ON cl.id = c.client_id
         WHERE c.client_id = ?1 ORDER BY c.scheduled_at DESC, c.id DESC"
    ))?;
    let rows = stmt
        .query_map([client_id], summary_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

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

fn plain_text(sections: &[NoteSection]) -> String {
    let mut text = String::new();
    for s in sections.iter().filter(|s| !s.body.trim().is_empty()) {
        text.push_str(&s.heading);
        text.push('\n');
        text.push_str(s.body.trim());
        text.push_str("\n\n");
    }
    text
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
    load(&tx, id)?;
    let now = crate::now();
    let json = to_json(&sections);
    tx.execute(
        "UPDATE consults SET sections = ?2, notes_text = ?3, notes_updated_at = ?4 WHERE id = ?1",
        params![id, json, plain_text(&sections), now],
    )?;
    write_revision(&tx, id, &json, &now, checkpoint, false)?;
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

fn write_revision(
    tx: &Transaction<'_>,
    consult_id: i64,
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
    match latest {
        Some((rev, _, _, same)) if same == json && !force_new => {
            tx.execute(
                "UPDATE note_revisions SET sealed = max(sealed, ?2) WHERE id = ?1",
                params![rev, seal],
            )?;
        }
        Some((rev, started, false, _)) if started >= window_start && !force_new => {
            tx.execute(
                "UPDATE note_revisions SET sections = ?2, saved_at = ?3, sealed = ?4 WHERE id = ?1",
                params![rev, json, now, seal],
            )?;
        }
        _ => {
            tx.execute(
                "INSERT INTO note_revisions (consult_id, sections, started_at, saved_at, sealed)
                 VALUES (?1, ?2, ?3, ?3, ?4)",
                params![consult_id, json, now, seal],
            )?;
        }
    }
    Ok(())
}

/// The notes' history, newest (the current text) first.
pub fn revisions(db: &Db, id: i64) -> Result<Vec<NoteRevision>> {
    let conn = db.conn();
    load(&conn, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, consult_id, saved_at, sections FROM note_revisions WHERE consult_id = ?1
         ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([id], |row| {
            Ok(NoteRevision {
                id: row.get(0)?,
                consult_id: row.get(1)?,
                saved_at: row.get(2)?,
                sections: sections_at(row, 3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Brings back an earlier revision as the current notes. Nothing is lost: the text it
/// replaces stays in the history, and the restored text becomes a revision of its own.
pub fn restore_revision(db: &Db, id: i64, revision_id: i64) -> Result<Consult> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    load(&tx, id)?;
    let json: String = tx
        .query_row(
            "SELECT sections FROM note_revisions WHERE id = ?1 AND consult_id = ?2",
            params![revision_id, id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "That revision",
        })?;
    let sections: Vec<NoteSection> = serde_json::from_str(&json)
        .map_err(|e| Error::Conflict(format!("That revision could not be read: {e}")))?;
    let now = crate::now();
    tx.execute(
        "UPDATE consults SET sections = ?2, notes_text = ?3, notes_updated_at = ?4 WHERE id = ?1",
        params![id, json, plain_text(&sections), now],
    )?;
    tx.execute(
        "UPDATE note_revisions SET sealed = 1 WHERE consult_id = ?1",
        [id],
    )?;
    write_revision(&tx, id, &json, &now, true, true)?;
    let consult = load(&tx, id)?;
    tx.commit()?;
    Ok(consult)
}

/// Escapes text for an iCalendar property value (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn ics_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The consult as an iCalendar file (times in UTC, so every calendar shows the right local
/// time). Notes are never included: the file may leave the computer.
pub fn ics(db: &Db, id: i64) -> Result<String> {
    let consult = get(db, id)?;
    let start = DateTime::parse_from_rfc3339(&consult.scheduled_at)
        .map_err(|e| Error::Conflict(format!("The consult's time could not be read: {e}")))?
        .with_timezone(&Utc);
    let end = start + Duration::minutes(i64::from(consult.duration_minutes));
    let practice = crate::practice::get(db)?;
    let mut summary = format!("{} with {}", consult.kind.label(), consult.client_name);
    if let Some(p) = &practice {
        summary.push_str(&format!(" ({})", p.practice_name));
    }
    let status = if consult.status == ConsultStatus::Cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//CoachDesk//CoachDesk//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!(
            "UID:consult-{}-{}@coachdesk.invalid",
            consult.id,
            consult.created_at.replace([':', '.', '-'], "")
        ),
        format!("DTSTAMP:{}", ics_time(Utc::now())),
        format!("DTSTART:{}", ics_time(start)),
        format!("DTEND:{}", ics_time(end)),
        format!("SUMMARY:{}", ics_text(&summary)),
        format!("STATUS:{status}"),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in &lines {
        fold_line(line, &mut out);
    }
    Ok(out)
}

/// A sensible file name for the consult's calendar file.
pub fn ics_file_name(db: &Db, id: i64) -> Result<String> {
    let consult = get(db, id)?;
    let day = consult.scheduled_at.get(..10).unwrap_or("consult");
    let name: String = consult
        .client_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let name = name
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    Ok(format!("{} {name} {day}.ics", consult.kind.label()))
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
        create(
            db,
            &ConsultInput {
                client_id,
                kind: ConsultKind::FreeConsult,
                scheduled_at: "2026-11-25T15:00:00+01:00".into(),
                duration_minutes: 30,
                template: TemplateKey::Discovery,
            },
        )
        .unwrap()
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

    #[test]
    fn ics_lines_are_escaped_and_folded() {
        let mut out = String::new();
        fold_line(
            &format!("SUMMARY:{}", ics_text(&"Zoë, 李小龙; 🌿 ".repeat(8))),
            &mut out,
        );
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert!(out.contains("Zoë\\, 李小龙\\; 🌿"));
    }
}
