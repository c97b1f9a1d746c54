//! Clients: the record of each woman the coach works with, her status pipeline, tags,
//! archive/restore, permanent erasure and her timeline.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod erase;
mod list;
mod validate;

pub use erase::{erase, same_name};
pub(crate) use list::matching_in;
pub(crate) use list::summaries_where;
pub use list::{list, matching};

use validate::{validate, Valid};

use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::text::fold;
use crate::timeline::{self, TimelineKind};

/// Where a client is in the coach's pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    Lead,
    ConsultBooked,
    Active,
    Paused,
    Alumni,
    NotAFit,
}

impl ClientStatus {
    pub const ALL: [Self; 6] = [
        Self::Lead,
        Self::ConsultBooked,
        Self::Active,
        Self::Paused,
        Self::Alumni,
        Self::NotAFit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::ConsultBooked => "consult_booked",
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Alumni => "alumni",
            Self::NotAFit => "not_a_fit",
        }
    }

    /// The label the coach sees.
    pub fn label(self) -> &'static str {
        match self {
            Self::Lead => "Lead",
            Self::ConsultBooked => "Consult booked",
            Self::Active => "Active",
            Self::Paused => "Paused",
            Self::Alumni => "Alumni",
            Self::NotAFit => "Not a fit",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == s)
    }
}

/// The kind of Multiple Sclerosis she was diagnosed with, if known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MsType {
    Unknown,
    Rrms,
    Spms,
    Ppms,
    Cis,
}

impl MsType {
    const ALL: [Self; 5] = [Self::Unknown, Self::Rrms, Self::Spms, Self::Ppms, Self::Cis];

    fn as_str(self) -> &'static str {
        match self {
            Self::Unknown => "unknown",
            Self::Rrms => "rrms",
            Self::Spms => "spms",
            Self::Ppms => "ppms",
            Self::Cis => "cis",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// As the coach writes it: "RRMS"; empty when unknown.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unknown => "",
            Self::Rrms => "RRMS",
            Self::Spms => "SPMS",
            Self::Ppms => "PPMS",
            Self::Cis => "CIS",
        }
    }
}

/// A client's full record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Client {
    pub id: i64,
    pub name: String,
    pub preferred_name: String,
    pub email: String,
    pub phone: String,
    pub birth_date: Option<String>,
    pub status: ClientStatus,
    pub tags: Vec<String>,
    pub ms_type: MsType,
    pub diagnosis_year: Option<i32>,
    pub medications: String,
    pub last_relapse: Option<String>,
    pub other_conditions: String,
    pub allergies: String,
    pub diet_approach: String,
    pub supplements: String,
    pub goals: String,
    pub referral_source: String,
    pub notes: String,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the coach fills in to create or edit a client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientInput {
    pub name: String,
    pub preferred_name: String,
    pub email: String,
    pub phone: String,
    pub birth_date: Option<String>,
    pub status: ClientStatus,
    pub tags: Vec<String>,
    pub ms_type: MsType,
    pub diagnosis_year: Option<i32>,
    pub medications: String,
    pub last_relapse: Option<String>,
    pub other_conditions: String,
    pub allergies: String,
    pub diet_approach: String,
    pub supplements: String,
    pub goals: String,
    pub referral_source: String,
    pub notes: String,
}

impl ClientInput {
    /// A new lead with just a name; the rest empty.
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            preferred_name: String::new(),
            email: String::new(),
            phone: String::new(),
            birth_date: None,
            status: ClientStatus::Lead,
            tags: Vec::new(),
            ms_type: MsType::Unknown,
            diagnosis_year: None,
            medications: String::new(),
            last_relapse: None,
            other_conditions: String::new(),
            allergies: String::new(),
            diet_approach: String::new(),
            supplements: String::new(),
            goals: String::new(),
            referral_source: String::new(),
            notes: String::new(),
        }
    }
}

/// One row of the client list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientSummary {
    pub id: i64,
    pub name: String,
    pub preferred_name: String,
    pub email: String,
    pub status: ClientStatus,
    pub tags: Vec<String>,
    pub archived_at: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientSort {
    /// A to Z, ignoring case and accents.
    Name,
    /// Most recently updated first.
    Recent,
    /// Newest clients first.
    Created,
}

/// What the client list shows: search text, status filter, archived or current, order, page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientQuery {
    pub search: String,
    pub status: Option<ClientStatus>,
    pub archived: bool,
    pub sort: ClientSort,
    pub offset: i64,
    pub limit: i64,
}

impl Default for ClientQuery {
    fn default() -> Self {
        Self {
            search: String::new(),
            status: None,
            archived: false,
            sort: ClientSort::Name,
            offset: 0,
            limit: 50,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    pub status: ClientStatus,
    pub count: i64,
}

/// A page of the client list, with the total and per-status counts for the filter chips.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientPage {
    pub clients: Vec<ClientSummary>,
    /// How many clients match the whole query (all pages).
    pub total: i64,
    /// Matches per status for the search and archived filter, ignoring the status filter.
    pub status_counts: Vec<StatusCount>,
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn search_key(name: &str, preferred_name: &str, email: &str, tags: &[String]) -> String {
    fold(&format!(
        "{name} {preferred_name} {email} {}",
        tags.join(" ")
    ))
}

/// The columns of her record that creating and editing write (the last two derived from the
/// others), bound as `?1` … `?19` by [`write_record`].
const RECORD_COLUMNS: [&str; 19] = [
    "name",
    "preferred_name",
    "email",
    "phone",
    "birth_date",
    "status",
    "ms_type",
    "diagnosis_year",
    "medications",
    "last_relapse",
    "other_conditions",
    "allergies",
    "diet_approach",
    "supplements",
    "goals",
    "referral_source",
    "notes",
    "sort_name",
    "search_key",
];

/// Writes her record ([`RECORD_COLUMNS`]): a new client when `id` is `None`, else the edits of
/// client `id`. Returns her id.
fn write_record(tx: &Transaction<'_>, v: &ClientInput, id: Option<i64>) -> Result<i64> {
    let sort_name = fold(&v.name);
    let key = search_key(&v.name, &v.preferred_name, &v.email, &v.tags);
    let (status, ms_type) = (v.status.as_str(), v.ms_type.as_str());
    let now = crate::now();
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![
        &v.name,
        &v.preferred_name,
        &v.email,
        &v.phone,
        &v.birth_date,
        &status,
        &ms_type,
        &v.diagnosis_year,
        &v.medications,
        &v.last_relapse,
        &v.other_conditions,
        &v.allergies,
        &v.diet_approach,
        &v.supplements,
        &v.goals,
        &v.referral_source,
        &v.notes,
        &sort_name,
        &key,
        &now,
    ];
    let now_at = values.len();
    let sql = match &id {
        None => {
            let placeholders: Vec<String> = (1..now_at).map(|n| format!("?{n}")).collect();
            format!(
                "INSERT INTO clients ({}, created_at, updated_at) VALUES ({}, ?{now_at}, ?{now_at})",
                RECORD_COLUMNS.join(", "),
                placeholders.join(", ")
            )
        }
        Some(id) => {
            values.push(id);
            let assignments: Vec<String> = RECORD_COLUMNS
                .iter()
                .zip(1..)
                .map(|(column, n)| format!("{column} = ?{n}"))
                .collect();
            format!(
                "UPDATE clients SET {}, updated_at = ?{now_at} WHERE id = ?{}",
                assignments.join(", "),
                now_at + 1
            )
        }
    };
    tx.execute(&sql, values.as_slice())?;
    Ok(id.unwrap_or_else(|| tx.last_insert_rowid()))
}

/// Creates a client and records it on her timeline.
pub fn create(db: &Db, input: &ClientInput) -> Result<Client> {
    let Valid(v) = validate(input, today())?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let id = write_record(&tx, &v, None)?;
    write_tags(&tx, id, &v.tags)?;
    timeline::record(
        &tx,
        id,
        TimelineKind::Created,
        &format!("Added as {}", v.status.label()),
    )?;
    let client = load(&tx, id)?;
    tx.commit()?;
    Ok(client)
}

/// Saves the coach's edits; a changed status lands on the timeline.
pub fn update(db: &Db, id: i64, input: &ClientInput) -> Result<Client> {
    let Valid(v) = validate(input, today())?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load(&tx, id)?;
    write_record(&tx, &v, Some(id))?;
    write_tags(&tx, id, &v.tags)?;
    if before.status == v.status {
        timeline::record(&tx, id, TimelineKind::Edited, "Profile updated")?;
    } else {
        record_status_change(&tx, id, before.status, v.status)?;
    }
    let client = load(&tx, id)?;
    tx.commit()?;
    Ok(client)
}

fn record_status_change(
    tx: &Transaction<'_>,
    id: i64,
    from: ClientStatus,
    to: ClientStatus,
) -> Result<()> {
    let summary = format!("Status changed from {} to {}", from.label(), to.label());
    timeline::record(tx, id, TimelineKind::StatusChanged, &summary)
}

/// Moves a client along the pipeline.
pub fn set_status(db: &Db, id: i64, status: ClientStatus) -> Result<Client> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load(&tx, id)?;
    change_status(&tx, id, before.status, status)?;
    let client = load(&tx, id)?;
    tx.commit()?;
    Ok(client)
}

/// Moves a client from one status to another inside a caller's transaction, on her timeline.
pub(crate) fn change_status(
    tx: &Transaction<'_>,
    id: i64,
    from: ClientStatus,
    to: ClientStatus,
) -> Result<()> {
    if from != to {
        tx.execute(
            "UPDATE clients SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, to.as_str(), crate::now()],
        )?;
        record_status_change(tx, id, from, to)?;
    }
    Ok(())
}

/// Archives a client: hidden from the current list, nothing deleted.
pub fn archive(db: &Db, id: i64) -> Result<Client> {
    set_archived(db, id, true)
}

/// Brings an archived client back to the current list.
pub fn restore(db: &Db, id: i64) -> Result<Client> {
    set_archived(db, id, false)
}

fn set_archived(db: &Db, id: i64, archived: bool) -> Result<Client> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load(&tx, id)?;
    if before.archived_at.is_some() != archived {
        let now = crate::now();
        tx.execute(
            "UPDATE clients SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, archived.then_some(&now), now],
        )?;
        let (kind, summary) = if archived {
            (TimelineKind::Archived, "Archived")
        } else {
            (TimelineKind::Restored, "Restored from the archive")
        };
        timeline::record(&tx, id, kind, summary)?;
    }
    let client = load(&tx, id)?;
    tx.commit()?;
    Ok(client)
}

/// One client's full record.
pub fn get(db: &Db, id: i64) -> Result<Client> {
    load(&db.conn(), id)
}

const CLIENT_COLUMNS: &str = "id, name, preferred_name, email, phone, birth_date, status, \
    ms_type, diagnosis_year, medications, last_relapse, other_conditions, allergies, \
    diet_approach, supplements, goals, referral_source, notes, archived_at, created_at, updated_at";

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Client> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1");
    let client = conn
        .query_row(&sql, [id], |row| {
            Ok(from_row!(row => Client {
                id,
                name,
                preferred_name,
                email,
                phone,
                birth_date,
                status: status_at(row, "status")?,
                tags: Vec::new(),
                // An MS type this version does not know reads as not known.
                ms_type: MsType::parse(&row.get::<_, String>("ms_type")?)
                    .unwrap_or(MsType::Unknown),
                diagnosis_year,
                medications,
                last_relapse,
                other_conditions,
                allergies,
                diet_approach,
                supplements,
                goals,
                referral_source,
                notes,
                archived_at,
                created_at,
                updated_at,
            }))
        })
        .optional()?;
    let mut client = client.ok_or(Error::NotFound {
        what: "That client",
    })?;
    client.tags = tags_of(conn, id)?;
    Ok(client)
}

fn status_at(row: &Row<'_>, name: &str) -> rusqlite::Result<ClientStatus> {
    row::parsed(row, name, "client status", ClientStatus::parse)
}

fn tags_of(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let tags = row::all(
        conn,
        "SELECT tag FROM client_tags WHERE client_id = ?1 ORDER BY position",
        [id],
        |row| row.get(0),
    )?;
    Ok(tags)
}

fn write_tags(tx: &Transaction<'_>, id: i64, tags: &[String]) -> Result<()> {
    tx.execute("DELETE FROM client_tags WHERE client_id = ?1", [id])?;
    let mut stmt = tx
        .prepare_cached("INSERT INTO client_tags (client_id, position, tag) VALUES (?1, ?2, ?3)")?;
    for (position, tag) in tags.iter().enumerate() {
        stmt.execute(params![id, position as i64, tag])?;
    }
    Ok(())
}
