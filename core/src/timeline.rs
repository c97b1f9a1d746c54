//! A client's timeline: everything that happened with her, newest first. Each area records
//! its own events here inside the same transaction as the change itself.

use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Created,
    StatusChanged,
    Archived,
    Restored,
    Edited,
    ConsultBooked,
    ConsultChanged,
    ConsultCompleted,
    ConsultNoShow,
    ConsultCancelled,
    FollowUpAdded,
    FollowUpDone,
    HandoutGiven,
    ProtocolAssigned,
    ProtocolChanged,
    FoodTested,
    CheckIn,
    LabAdded,
}

impl TimelineKind {
    const ALL: [Self; 18] = [
        Self::Created,
        Self::StatusChanged,
        Self::Archived,
        Self::Restored,
        Self::Edited,
        Self::ConsultBooked,
        Self::ConsultChanged,
        Self::ConsultCompleted,
        Self::ConsultNoShow,
        Self::ConsultCancelled,
        Self::FollowUpAdded,
        Self::FollowUpDone,
        Self::HandoutGiven,
        Self::ProtocolAssigned,
        Self::ProtocolChanged,
        Self::FoodTested,
        Self::CheckIn,
        Self::LabAdded,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::StatusChanged => "status_changed",
            Self::Archived => "archived",
            Self::Restored => "restored",
            Self::Edited => "edited",
            Self::ConsultBooked => "consult_booked",
            Self::ConsultChanged => "consult_changed",
            Self::ConsultCompleted => "consult_completed",
            Self::ConsultNoShow => "consult_no_show",
            Self::ConsultCancelled => "consult_cancelled",
            Self::FollowUpAdded => "follow_up_added",
            Self::FollowUpDone => "follow_up_done",
            Self::HandoutGiven => "handout_given",
            Self::ProtocolAssigned => "protocol_assigned",
            Self::ProtocolChanged => "protocol_changed",
            Self::FoodTested => "food_tested",
            Self::CheckIn => "check_in",
            Self::LabAdded => "lab_added",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent {
    pub id: i64,
    pub client_id: i64,
    pub kind: TimelineKind,
    pub summary: String,
    pub occurred_at: String,
    /// The consult this event is about, if any.
    pub consult_id: Option<i64>,
}

pub(crate) fn record(
    tx: &Transaction<'_>,
    client_id: i64,
    kind: TimelineKind,
    summary: &str,
) -> Result<()> {
    insert(tx, client_id, None, kind, summary)
}

/// Records an event about one of her consults, linked to it.
pub(crate) fn record_for_consult(
    tx: &Transaction<'_>,
    client_id: i64,
    consult_id: i64,
    kind: TimelineKind,
    summary: &str,
) -> Result<()> {
    insert(tx, client_id, Some(consult_id), kind, summary)
}

fn insert(
    tx: &Transaction<'_>,
    client_id: i64,
    consult_id: Option<i64>,
    kind: TimelineKind,
    summary: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO timeline_events (client_id, consult_id, kind, summary, occurred_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        client_id,
        consult_id,
        kind.as_str(),
        summary,
        crate::now()
    ])?;
    Ok(())
}

/// A client's timeline, newest first.
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<TimelineEvent>> {
    let conn = db.conn();
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM clients WHERE id = ?1)",
        [client_id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::NotFound {
            what: "That client",
        });
    }
    let events = row::all(
        &conn,
        "SELECT id, client_id, kind, summary, occurred_at, consult_id FROM timeline_events
         WHERE client_id = ?1 ORDER BY occurred_at DESC, id DESC",
        [client_id],
        |row| {
            let kind: String = row.get("kind")?;
            Ok(from_row!(row => TimelineEvent {
                id,
                client_id,
                kind: TimelineKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == kind)
                    .ok_or_else(|| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            format!("unknown timeline kind {kind:?}").into(),
                        )
                    })?,
                summary,
                occurred_at,
                consult_id,
            }))
        },
    )?;
    Ok(events)
}
