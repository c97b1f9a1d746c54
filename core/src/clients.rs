//! Clients: the record of each woman the coach works with, her status pipeline, tags,
//! archive/restore, permanent erasure and her timeline.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check;
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::text::{fold, has_control_chars, hidden_char, nfc, valid_email};
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

const MAX_NAME: usize = 200;
const MAX_SHORT: usize = 200;
const MAX_EMAIL: usize = 254;
const MAX_PHONE: usize = 40;
const MAX_TEXT: usize = 20_000;
const MAX_NOTES: usize = 200_000;
const MAX_TAG: usize = 40;
const MAX_TAGS: usize = 30;
const MAX_PAGE: i64 = 500;

/// A cleaned, validated input: trimmed text, tidy tags.
struct Valid(ClientInput);

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn check_len(problems: &mut Vec<FieldProblem>, field: &str, label: &str, value: &str, max: usize) {
    let n = chars(value);
    if n > max {
        problems.push(FieldProblem::new(
            field,
            format!("{label} can be at most {max} characters (this one has {n})."),
        ));
    }
}

fn check_date(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    label: &str,
    value: Option<&str>,
    today: NaiveDate,
) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") else {
        problems.push(FieldProblem::new(
            field,
            format!("{label} should be a date like 1984-03-21."),
        ));
        return None;
    };
    if date > today {
        problems.push(FieldProblem::new(
            field,
            format!("{label} can't be in the future."),
        ));
    } else if date.year() < 1900 {
        problems.push(FieldProblem::new(
            field,
            format!("{label} can't be before 1900."),
        ));
    }
    Some(date.format("%Y-%m-%d").to_string())
}

/// Cleans and checks a client input against the rules the coach would expect.
fn validate(input: &ClientInput, today: NaiveDate) -> Result<Valid> {
    let mut p = Vec::new();
    // Names are kept composed (NFC), so "é" typed two ways is one name.
    let name = nfc(input.name.trim());
    if name.is_empty() {
        p.push(FieldProblem::new("name", "Please enter the client's name."));
    } else if has_control_chars(&name) || name.contains('\n') {
        p.push(FieldProblem::new(
            "name",
            "The name contains line breaks or invisible characters.",
        ));
    } else if let Some(c) = hidden_char(&name) {
        p.push(check::hidden("name", "the name", c));
    }
    check_len(&mut p, "name", "A name", &name, MAX_NAME);
    let preferred_name = nfc(input.preferred_name.trim());
    check_len(
        &mut p,
        "preferredName",
        "A preferred name",
        &preferred_name,
        MAX_SHORT,
    );
    if let Some(c) = hidden_char(&preferred_name) {
        p.push(check::hidden("preferredName", "the preferred name", c));
    }

    let email = input.email.trim().to_owned();
    if chars(&email) > MAX_EMAIL {
        check_len(&mut p, "email", "An email address", &email, MAX_EMAIL);
    } else if !email.is_empty() && !valid_email(&email) {
        p.push(FieldProblem::new(
            "email",
            "That email address doesn't look right (for example: name@example.com).",
        ));
    }
    let phone = input.phone.trim().to_owned();
    check_len(&mut p, "phone", "A phone number", &phone, MAX_PHONE);

    let birth_date = check_date(
        &mut p,
        "birthDate",
        "A birth date",
        input.birth_date.as_deref(),
        today,
    );
    let last_relapse = check_date(
        &mut p,
        "lastRelapse",
        "The last relapse",
        input.last_relapse.as_deref(),
        today,
    );
    if let Some(year) = input.diagnosis_year {
        if year < 1900 || year > today.year() {
            p.push(FieldProblem::new(
                "diagnosisYear",
                format!(
                    "The diagnosis year should be between 1900 and {}.",
                    today.year()
                ),
            ));
        }
    }

    let mut tags: Vec<String> = Vec::new();
    for raw in &input.tags {
        let tag = raw.trim().trim_start_matches('#').trim();
        if tag.is_empty() || tags.iter().any(|t| fold(t) == fold(tag)) {
            continue;
        }
        if chars(tag) > MAX_TAG || has_control_chars(tag) || hidden_char(tag).is_some() {
            p.push(FieldProblem::new(
                "tags",
                format!("A tag can be at most {MAX_TAG} characters, on one line."),
            ));
            break;
        }
        tags.push(nfc(tag));
    }
    if tags.len() > MAX_TAGS {
        p.push(FieldProblem::new(
            "tags",
            format!("A client can have at most {MAX_TAGS} tags."),
        ));
    }

    let texts = [
        ("medications", "Medications", &input.medications, MAX_TEXT),
        (
            "otherConditions",
            "Other conditions",
            &input.other_conditions,
            MAX_TEXT,
        ),
        (
            "allergies",
            "Allergies and sensitivities",
            &input.allergies,
            MAX_TEXT,
        ),
        (
            "dietApproach",
            "Diet approach",
            &input.diet_approach,
            MAX_TEXT,
        ),
        ("supplements", "Supplements", &input.supplements, MAX_TEXT),
        ("goals", "Goals", &input.goals, MAX_TEXT),
        (
            "referralSource",
            "Referral source",
            &input.referral_source,
            MAX_SHORT,
        ),
        ("notes", "Notes", &input.notes, MAX_NOTES),
    ];
    for (field, label, value, max) in texts {
        check_len(&mut p, field, label, value.trim(), max);
    }

    if !p.is_empty() {
        return Err(Error::Invalid(p));
    }
    Ok(Valid(ClientInput {
        name,
        preferred_name,
        email,
        phone,
        birth_date,
        status: input.status,
        tags,
        ms_type: input.ms_type,
        diagnosis_year: input.diagnosis_year,
        medications: input.medications.trim().to_owned(),
        last_relapse,
        other_conditions: input.other_conditions.trim().to_owned(),
        allergies: input.allergies.trim().to_owned(),
        diet_approach: input.diet_approach.trim().to_owned(),
        supplements: input.supplements.trim().to_owned(),
        goals: input.goals.trim().to_owned(),
        referral_source: input.referral_source.trim().to_owned(),
        notes: input.notes.trim().to_owned(),
    }))
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

/// Creates a client and records it on her timeline.
pub fn create(db: &Db, input: &ClientInput) -> Result<Client> {
    let Valid(v) = validate(input, today())?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let now = crate::now();
    tx.execute(
        "INSERT INTO clients (name, preferred_name, email, phone, birth_date, status, ms_type,
            diagnosis_year, medications, last_relapse, other_conditions, allergies, diet_approach,
            supplements, goals, referral_source, notes, sort_name, search_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?20)",
        params![
            v.name,
            v.preferred_name,
            v.email,
            v.phone,
            v.birth_date,
            v.status.as_str(),
            v.ms_type.as_str(),
            v.diagnosis_year,
            v.medications,
            v.last_relapse,
            v.other_conditions,
            v.allergies,
            v.diet_approach,
            v.supplements,
            v.goals,
            v.referral_source,
            v.notes,
            fold(&v.name),
            search_key(&v.name, &v.preferred_name, &v.email, &v.tags),
            now,
        ],
    )?;
    let id = tx.last_insert_rowid();
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
    tx.execute(
        "UPDATE clients SET name = ?2, preferred_name = ?3, email = ?4, phone = ?5,
            birth_date = ?6, status = ?7, ms_type = ?8, diagnosis_year = ?9, medications = ?10,
            last_relapse = ?11, other_conditions = ?12, allergies = ?13, diet_approach = ?14,
            supplements = ?15, goals = ?16, referral_source = ?17, notes = ?18, sort_name = ?19,
            search_key = ?20, updated_at = ?21
         WHERE id = ?1",
        params![
            id,
            v.name,
            v.preferred_name,
            v.email,
            v.phone,
            v.birth_date,
            v.status.as_str(),
            v.ms_type.as_str(),
            v.diagnosis_year,
            v.medications,
            v.last_relapse,
            v.other_conditions,
            v.allergies,
            v.diet_approach,
            v.supplements,
            v.goals,
            v.referral_source,
            v.notes,
            fold(&v.name),
            search_key(&v.name, &v.preferred_name, &v.email, &v.tags),
            crate::now(),
        ],
    )?;
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

/// True when `typed` is `name` however it was typed: any case, with or without accents, in
/// any Unicode normal form, with any spacing.
pub fn same_name(typed: &str, name: &str) -> bool {
    let key = |s: &str| crate::text::fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    !typed.trim().is_empty() && key(typed) == key(name)
}

/// Erases a client and everything recorded about her, for good. The coach must type the
/// client's name, so that a slip of the mouse cannot erase anyone.
///
/// Her words go from the file itself, not only from its tables: the store runs with
/// `secure_delete` (freed space is overwritten with zeros), the search index is merged so no
/// segment keeps her words, and the journal (WAL) is written into the file and emptied.
pub fn erase(db: &Db, id: i64, confirm_name: &str) -> Result<()> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let client = load(&tx, id)?;
    if !same_name(confirm_name, &client.name) {
        return Err(Error::invalid(
            "confirmName",
            format!(
                "Type the client's name exactly (“{}”) to erase her record.",
                client.name
            ),
        ));
    }
    let her_files: Vec<i64> = tx
        .prepare(
            "SELECT f.id FROM lab_files f JOIN labs l ON l.id = f.lab_id WHERE l.client_id = ?1",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM clients WHERE id = ?1", [id])?;
    tx.execute(
        "INSERT INTO search_index (search_index) VALUES ('optimize')",
        [],
    )?;
    tx.commit()?;
    crate::db::empty_journal(&conn)?;
    drop(conn);
    // Her protocols, logs, check-ins, labs and their files went with the row (ON DELETE
    // CASCADE). Copies written for the viewer, and files an older CoachDesk left beside the
    // database that could not be moved inside, go too.
    if let Some(data_dir) = db.path().and_then(std::path::Path::parent) {
        for file in her_files {
            let copy = crate::files::opened_folder(data_dir).join(file.to_string());
            let _ = std::fs::remove_dir_all(copy);
        }
        let folder = crate::files::client_folder(data_dir, id);
        match std::fs::remove_dir_all(&folder) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::io(
                    format!(
                        "Her record was erased, but her attached files could not all be removed \
                         from {}",
                        folder.display()
                    ),
                    e,
                ))
            }
        }
    }
    Ok(())
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
            Ok(Client {
                id: row.get(0)?,
                name: row.get(1)?,
                preferred_name: row.get(2)?,
                email: row.get(3)?,
                phone: row.get(4)?,
                birth_date: row.get(5)?,
                status: status_at(row, 6)?,
                tags: Vec::new(),
                ms_type: MsType::parse(&row.get::<_, String>(7)?).unwrap_or(MsType::Unknown),
                diagnosis_year: row.get(8)?,
                medications: row.get(9)?,
                last_relapse: row.get(10)?,
                other_conditions: row.get(11)?,
                allergies: row.get(12)?,
                diet_approach: row.get(13)?,
                supplements: row.get(14)?,
                goals: row.get(15)?,
                referral_source: row.get(16)?,
                notes: row.get(17)?,
                archived_at: row.get(18)?,
                created_at: row.get(19)?,
                updated_at: row.get(20)?,
            })
        })
        .optional()?;
    let mut client = client.ok_or(Error::NotFound {
        what: "That client",
    })?;
    client.tags = tags_of(conn, id)?;
    Ok(client)
}

fn status_at(row: &Row<'_>, idx: usize) -> rusqlite::Result<ClientStatus> {
    let s: String = row.get(idx)?;
    ClientStatus::parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown client status {s:?}").into(),
        )
    })
}

fn tags_of(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM client_tags WHERE client_id = ?1 ORDER BY position")?;
    let tags = stmt
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
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

/// Lists clients for the list screen: search-as-you-type over name, preferred name, email and
/// tags (ignoring case and accents), a status filter, current or archived, sorted, paged.
pub fn list(db: &Db, query: &ClientQuery) -> Result<ClientPage> {
    let conn = db.conn();
    let needle = fold(query.search.trim());
    // The SQL is assembled from fixed pieces (never from the coach's text, which is bound), so
    // that SQLite can use the partial indexes for the archived/current split and the order.
    let mut filter = String::from(if query.archived {
        "archived_at IS NOT NULL"
    } else {
        "archived_at IS NULL"
    });
    let mut args: Vec<&dyn ToSql> = Vec::new();
    if !needle.is_empty() {
        // instr() on the pre-folded key matches the text literally: % and _ are not wildcards.
        filter.push_str(" AND instr(search_key, ?) > 0");
        args.push(&needle);
    }

    let mut counts_stmt = conn.prepare_cached(&format!(
        "SELECT status, count(*) FROM clients WHERE {filter} GROUP BY status"
    ))?;
    let mut status_counts: Vec<StatusCount> = counts_stmt
        .query_map(args.as_slice(), |row| {
            Ok(StatusCount {
                status: status_at(row, 0)?,
                count: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    status_counts.sort_by_key(|c| ClientStatus::ALL.iter().position(|s| *s == c.status));
    let total = status_counts
        .iter()
        .filter(|c| query.status.is_none_or(|s| s == c.status))
        .map(|c| c.count)
        .sum();

    let status = query.status.map(ClientStatus::as_str);
    if let Some(status) = &status {
        filter.push_str(" AND status = ?");
        args.push(status);
    }
    let order = match query.sort {
        ClientSort::Name => "c.sort_name, c.id",
        ClientSort::Recent => "c.updated_at DESC, c.id DESC",
        ClientSort::Created => "c.id DESC",
    };
    let page = (query.limit.clamp(1, MAX_PAGE), query.offset.max(0));
    let clients = summaries_where(&conn, &filter, &args, order, page)?;
    Ok(ClientPage {
        clients,
        total,
        status_counts,
    })
}

/// List rows for clients matching `condition` (SQL over `clients c`, with `?` bound to
/// `args`), in `order`, one page of (limit, offset).
pub(crate) fn summaries_where(
    conn: &Connection,
    condition: &str,
    args: &[&dyn ToSql],
    order: &str,
    (limit, offset): (i64, i64),
) -> Result<Vec<ClientSummary>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.name, c.preferred_name, c.email, c.status, c.archived_at, c.updated_at,
            (SELECT group_concat(tag, char(31)) FROM
                (SELECT tag FROM client_tags t WHERE t.client_id = c.id ORDER BY position))
         FROM clients c WHERE {condition} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    ))?;
    let rows = stmt
        .query_map(args, |row| {
            let tags: Option<String> = row.get(7)?;
            Ok(ClientSummary {
                id: row.get(0)?,
                name: row.get(1)?,
                preferred_name: row.get(2)?,
                email: row.get(3)?,
                status: status_at(row, 4)?,
                archived_at: row.get(5)?,
                updated_at: row.get(6)?,
                tags: tags
                    .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
                    .unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// One column of the pipeline board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PipelineColumn {
    pub status: ClientStatus,
    pub count: i64,
    /// The most recently updated clients of this status (up to 100).
    pub clients: Vec<ClientSummary>,
}

/// Current clients by status, in pipeline order, with counts.
pub fn pipeline(db: &Db) -> Result<Vec<PipelineColumn>> {
    ClientStatus::ALL
        .into_iter()
        .map(|status| {
            let query = ClientQuery {
                status: Some(status),
                sort: ClientSort::Recent,
                limit: 100,
                ..ClientQuery::default()
            };
            let page = list(db, &query)?;
            Ok(PipelineColumn {
                status,
                count: page.total,
                clients: page.clients,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn problems(input: &ClientInput) -> Vec<FieldProblem> {
        match validate(input, day("2026-11-24")) {
            Err(Error::Invalid(p)) => p,
            Err(e) => panic!("unexpected error {e}"),
            Ok(_) => Vec::new(),
        }
    }

    fn fields(input: &ClientInput) -> Vec<String> {
        problems(input).into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_name_is_required_and_bounded() {
        assert_eq!(fields(&ClientInput::named("   ")), ["name"]);
        let long = ClientInput::named(&"a".repeat(10_000));
        let p = problems(&long);
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].reason,
            "A name can be at most 200 characters (this one has 10000)."
        );
        assert!(fields(&ClientInput::named(&"é".repeat(200))).is_empty());
    }

    #[test]
    fn emails_are_checked_only_when_given() {
        let mut input = ClientInput::named("Renée Côté");
        for bad in [
            "renee",
            "renee@",
            "@x.com",
            "renee@x",
            "renee @x.com",
            "a@b@c.com",
            "a@x..com",
        ] {
            input.email = bad.into();
            assert_eq!(fields(&input), ["email"], "{bad}");
        }
        for good in ["", "renee@example.com", "zoë+coach@exämple.fr"] {
            input.email = good.into();
            assert!(fields(&input).is_empty(), "{good}");
        }
    }

    #[test]
    fn dates_must_be_real_and_not_in_the_future() {
        let mut input = ClientInput::named("Zoë");
        input.birth_date = Some("2026-11-25".into());
        assert_eq!(fields(&input), ["birthDate"]);
        input.birth_date = Some("1985-02-30".into());
        assert_eq!(fields(&input), ["birthDate"]);
        input.birth_date = Some("1985-02-28".into());
        input.last_relapse = Some("2027-01-01".into());
        input.diagnosis_year = Some(2030);
        assert_eq!(fields(&input), ["lastRelapse", "diagnosisYear"]);
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated_ignoring_case_and_accents() {
        let mut input = ClientInput::named("Zoë");
        input.tags = vec![
            " AIP ".into(),
            "#aip".into(),
            "".into(),
            "Café".into(),
            "cafe".into(),
        ];
        let Valid(v) = validate(&input, day("2026-11-24")).unwrap();
        assert_eq!(v.tags, ["AIP", "Café"]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut input = ClientInput::named("");
        input.email = "nope".into();
        input.notes = "x".repeat(MAX_NOTES + 1);
        assert_eq!(fields(&input), ["name", "email", "notes"]);
    }
}
