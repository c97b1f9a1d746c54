//! Protocols: versioned templates of phases and items, and each client's personal copy.
//!
//! A template is never edited in place: saving it writes a new version, and older versions stay
//! readable. Assigning copies the current version's phases into `client_protocols`, so later
//! template edits never reach a client, and her copy can be personalised on its own.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check;
use crate::clients;
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::timeline::{self, TimelineKind};

/// What an item asks of her.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    FoodInclude,
    FoodAvoid,
    Supplement,
    Sleep,
    Stress,
    Movement,
    Mindset,
}

impl ItemKind {
    /// The heading this kind of item is printed under.
    pub fn label(self) -> &'static str {
        match self {
            Self::FoodInclude => "Foods to enjoy",
            Self::FoodAvoid => "Foods to avoid",
            Self::Supplement => "Supplements",
            Self::Sleep => "Sleep",
            Self::Stress => "Stress",
            Self::Movement => "Movement",
            Self::Mindset => "Mindset practice",
        }
    }

    /// Sleep, stress, movement and mindset: the "lifestyle" part of a phase.
    pub fn is_lifestyle(self) -> bool {
        matches!(
            self,
            Self::Sleep | Self::Stress | Self::Movement | Self::Mindset
        )
    }
}

/// Printed beside every supplement, wherever it appears.
pub const SUPPLEMENT_CAUTION: &str = "Discuss with your doctor before starting.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolItem {
    pub kind: ItemKind,
    pub text: String,
    /// Supplements only: e.g. "1 capsule".
    #[serde(default)]
    pub dose: String,
    /// Supplements only: e.g. "with breakfast".
    #[serde(default)]
    pub timing: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    pub name: String,
    /// Free text, e.g. "30–90 days".
    pub duration: String,
    pub aims: String,
    pub items: Vec<ProtocolItem>,
}

/// What the template editor (and the client-copy editor) saves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolDraft {
    pub name: String,
    pub summary: String,
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateSummary {
    pub id: i64,
    pub name: String,
    pub summary: String,
    pub version: i64,
    pub phase_count: i64,
    pub updated_at: String,
    /// How many clients were given a copy of any version.
    pub assigned_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateVersion {
    pub template_id: i64,
    pub version: i64,
    pub name: String,
    pub summary: String,
    pub phases: Vec<Phase>,
    pub created_at: String,
    pub is_current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    pub version: i64,
    pub name: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateDetail {
    pub current: TemplateVersion,
    /// Newest first.
    pub versions: Vec<VersionInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolStatus {
    Active,
    Paused,
    Completed,
}

impl ProtocolStatus {
    fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Completed => "completed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Active, Self::Paused, Self::Completed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolEventKind {
    /// She began the phase numbered `phase`.
    Phase,
    Paused,
    Resumed,
    Completed,
}

impl ProtocolEventKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Phase => "phase",
            Self::Paused => "paused",
            Self::Resumed => "resumed",
            Self::Completed => "completed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Phase, Self::Paused, Self::Resumed, Self::Completed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolEvent {
    pub kind: ProtocolEventKind,
    /// Index into `phases`.
    pub phase: u32,
    pub on_date: String,
}

/// A client's personal copy of a protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientProtocol {
    pub id: i64,
    pub client_id: i64,
    pub template_id: Option<i64>,
    pub template_version: Option<i64>,
    pub name: String,
    pub summary: String,
    pub phases: Vec<Phase>,
    pub start_date: String,
    /// Index into `phases`.
    pub current_phase: u32,
    pub status: ProtocolStatus,
    /// Oldest first.
    pub history: Vec<ProtocolEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignInput {
    pub client_id: i64,
    pub template_id: i64,
    /// `YYYY-MM-DD`.
    pub start_date: String,
}

/// Advance, pause, resume or complete, dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolStep {
    Advance,
    Pause,
    Resume,
    Complete,
}

const MAX_PHASES: usize = 20;
const MAX_ITEMS: usize = 200;

/// Checks and tidies a draft; problems name the phase and item they are about.
fn clean(draft: &ProtocolDraft) -> Result<ProtocolDraft> {
    let mut p = Vec::new();
    let name = check::line(&mut p, "name", &draft.name, "a protocol name", 120, true);
    let summary = check::text(&mut p, "summary", &draft.summary, "the summary", 2000);
    if draft.phases.is_empty() {
        p.push(FieldProblem::new(
            "phases",
            "A protocol needs at least one phase.",
        ));
    } else if draft.phases.len() > MAX_PHASES {
        p.push(FieldProblem::new(
            "phases",
            format!("A protocol can have at most {MAX_PHASES} phases."),
        ));
    }
    let mut phases = Vec::with_capacity(draft.phases.len());
    for (i, phase) in draft.phases.iter().enumerate() {
        let n = i + 1;
        let f = |field: &str| format!("phases.{i}.{field}");
        let name = check::line(
            &mut p,
            &f("name"),
            &phase.name,
            &format!("a name for phase {n}"),
            120,
            true,
        );
        let duration = check::line(
            &mut p,
            &f("duration"),
            &phase.duration,
            &format!("phase {n}'s duration"),
            60,
            false,
        );
        let aims = check::text(
            &mut p,
            &f("aims"),
            &phase.aims,
            &format!("phase {n}'s aims"),
            2000,
        );
        if phase.items.len() > MAX_ITEMS {
            p.push(FieldProblem::new(
                &f("items"),
                format!("Phase {n} can hold at most {MAX_ITEMS} items."),
            ));
        }
        let mut items = Vec::with_capacity(phase.items.len());
        for (k, item) in phase.items.iter().enumerate() {
            let g = |field: &str| format!("phases.{i}.items.{k}.{field}");
            let what = format!("item {} of phase {n}", k + 1);
            items.push(ProtocolItem {
                kind: item.kind,
                text: check::line(&mut p, &g("text"), &item.text, &what, 300, true),
                dose: check::line(&mut p, &g("dose"), &item.dose, "the dose", 120, false),
                timing: check::line(&mut p, &g("timing"), &item.timing, "the timing", 120, false),
                notes: check::text(&mut p, &g("notes"), &item.notes, "the notes", 2000),
            });
        }
        phases.push(Phase {
            name,
            duration,
            aims,
            items,
        });
    }
    if !p.is_empty() {
        return Err(Error::Invalid(p));
    }
    Ok(ProtocolDraft {
        name,
        summary,
        phases,
    })
}

fn phases_json(phases: &[Phase]) -> Result<String> {
    serde_json::to_string(phases)
        .map_err(|e| Error::Conflict(format!("The protocol could not be saved: {e}")))
}

fn phases_from(row: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<Phase>> {
    let json: String = row.get(idx)?;
    serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

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

/// Every template that is not archived, by name, with its current version.
pub fn list_templates(db: &Db) -> Result<Vec<TemplateSummary>> {
    let conn = db.conn();
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, v.name, v.summary, v.version, json_array_length(v.phases), v.created_at,
                (SELECT count(DISTINCT client_id) FROM client_protocols c WHERE c.template_id = t.id)
         FROM protocol_templates t
         JOIN protocol_template_versions v ON v.template_id = t.id
          AND v.version = (SELECT max(version) FROM protocol_template_versions WHERE template_id = t.id)
         WHERE t.archived_at IS NULL
         ORDER BY v.name COLLATE NOCASE, t.id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(TemplateSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                summary: r.get(2)?,
                version: r.get(3)?,
                phase_count: r.get(4)?,
                updated_at: r.get(5)?,
                assigned_count: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn latest_version(conn: &Connection, template_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT max(version) FROM protocol_template_versions WHERE template_id = ?1",
        [template_id],
        |r| r.get::<_, Option<i64>>(0),
    )?
    .ok_or(Error::NotFound {
        what: "That protocol template",
    })
}

fn load_version(conn: &Connection, template_id: i64, version: i64) -> Result<TemplateVersion> {
    let latest = latest_version(conn, template_id)?;
    conn.query_row(
        "SELECT name, summary, phases, created_at FROM protocol_template_versions
         WHERE template_id = ?1 AND version = ?2",
        params![template_id, version],
        |r| {
            Ok(TemplateVersion {
                template_id,
                version,
                name: r.get(0)?,
                summary: r.get(1)?,
                phases: phases_from(r, 2)?,
                created_at: r.get(3)?,
                is_current: version == latest,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "That version of the protocol",
    })
}

fn detail(conn: &Connection, template_id: i64) -> Result<TemplateDetail> {
    let current = load_version(conn, template_id, latest_version(conn, template_id)?)?;
    let mut stmt = conn.prepare_cached(
        "SELECT version, name, created_at FROM protocol_template_versions
         WHERE template_id = ?1 ORDER BY version DESC",
    )?;
    let versions = stmt
        .query_map([template_id], |r| {
            Ok(VersionInfo {
                version: r.get(0)?,
                name: r.get(1)?,
                created_at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
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
    let n = db.conn().execute(
        "UPDATE protocol_templates SET archived_at = ?2 WHERE id = ?1",
        params![template_id, crate::now()],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "That protocol template",
        });
    }
    Ok(())
}

const PROTOCOL_COLUMNS: &str = "id, client_id, template_id, template_version, name, summary, \
    phases, start_date, current_phase, status";

fn protocol_from(row: &Row<'_>) -> rusqlite::Result<ClientProtocol> {
    let status: String = row.get(9)?;
    Ok(ClientProtocol {
        id: row.get(0)?,
        client_id: row.get(1)?,
        template_id: row.get(2)?,
        template_version: row.get(3)?,
        name: row.get(4)?,
        summary: row.get(5)?,
        phases: phases_from(row, 6)?,
        start_date: row.get(7)?,
        current_phase: row.get(8)?,
        status: ProtocolStatus::parse(&status).unwrap_or(ProtocolStatus::Active),
        history: Vec::new(),
    })
}

fn history(conn: &Connection, protocol_id: i64) -> Result<Vec<ProtocolEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, phase, on_date FROM client_protocol_events
         WHERE protocol_id = ?1 ORDER BY on_date, id",
    )?;
    let events = stmt
        .query_map([protocol_id], |r| {
            let kind: String = r.get(0)?;
            Ok(ProtocolEvent {
                kind: ProtocolEventKind::parse(&kind).unwrap_or(ProtocolEventKind::Phase),
                phase: r.get(1)?,
                on_date: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(events)
}

fn load_protocol(conn: &Connection, id: i64) -> Result<ClientProtocol> {
    let sql = format!("SELECT {PROTOCOL_COLUMNS} FROM client_protocols WHERE id = ?1");
    let mut p = conn
        .query_row(&sql, [id], protocol_from)
        .optional()?
        .ok_or(Error::NotFound {
            what: "That client's protocol",
        })?;
    p.history = history(conn, id)?;
    Ok(p)
}

/// Her protocols, newest first (at most one is active or paused at a time).
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<ClientProtocol>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    let sql = format!(
        "SELECT {PROTOCOL_COLUMNS} FROM client_protocols WHERE client_id = ?1
         ORDER BY start_date DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut list: Vec<ClientProtocol> = stmt
        .query_map([client_id], protocol_from)?
        .collect::<rusqlite::Result<_>>()?;
    for p in &mut list {
        p.history = history(&conn, p.id)?;
    }
    Ok(list)
}

/// One protocol of hers.
pub fn get_protocol(db: &Db, id: i64) -> Result<ClientProtocol> {
    load_protocol(&db.conn(), id)
}

fn add_event(
    tx: &Transaction<'_>,
    protocol_id: i64,
    kind: ProtocolEventKind,
    phase: u32,
    on: NaiveDate,
) -> Result<()> {
    tx.execute(
        "INSERT INTO client_protocol_events (protocol_id, kind, phase, on_date, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            protocol_id,
            kind.as_str(),
            phase,
            check::iso(on),
            crate::now()
        ],
    )?;
    Ok(())
}

fn phase_name(p: &ClientProtocol, phase: u32) -> &str {
    p.phases
        .get(phase as usize)
        .map_or("", |ph| ph.name.as_str())
}

/// Gives her a personal copy of the template's current version, starting in its first phase.
pub fn assign(db: &Db, input: &AssignInput) -> Result<ClientProtocol> {
    let mut p = Vec::new();
    let start = check::date(&mut p, "startDate", &input.start_date, "a start date");
    let Some(start) = start else {
        return Err(Error::Invalid(p));
    };
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let client = clients::load(&tx, input.client_id)?;
    let open: Option<String> = tx
        .query_row(
            "SELECT name FROM client_protocols WHERE client_id = ?1 AND status <> 'completed'",
            [input.client_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = open {
        return Err(Error::Conflict(format!(
            "{} is still on “{name}”. Complete it before starting another protocol.",
            client.name
        )));
    }
    let version = load_version(
        &tx,
        input.template_id,
        latest_version(&tx, input.template_id)?,
    )?;
    let now = crate::now();
    tx.execute(
        "INSERT INTO client_protocols (client_id, template_id, template_version, name, summary,
            phases, start_date, current_phase, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 'active', ?8, ?8)",
        params![
            input.client_id,
            input.template_id,
            version.version,
            version.name,
            version.summary,
            phases_json(&version.phases)?,
            check::iso(start),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    add_event(&tx, id, ProtocolEventKind::Phase, 0, start)?;
    let first = version.phases.first().map_or("", |ph| ph.name.as_str());
    timeline::record(
        &tx,
        input.client_id,
        TimelineKind::ProtocolAssigned,
        &format!(
            "Protocol started: {} (from {}), {first}",
            version.name,
            check::date_label(start)
        ),
    )?;
    let protocol = load_protocol(&tx, id)?;
    tx.commit()?;
    Ok(protocol)
}

/// Personalises her copy (foods, supplements, phase names): the template stays as it was.
pub fn save_client_protocol(db: &Db, id: i64, draft: &ProtocolDraft) -> Result<ClientProtocol> {
    let draft = clean(draft)?;
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load_protocol(&tx, id)?;
    let current = before
        .current_phase
        .min(u32::try_from(draft.phases.len() - 1).unwrap_or(0));
    tx.execute(
        "UPDATE client_protocols SET name = ?2, summary = ?3, phases = ?4, current_phase = ?5,
            updated_at = ?6 WHERE id = ?1",
        params![
            id,
            draft.name,
            draft.summary,
            phases_json(&draft.phases)?,
            current,
            crate::now()
        ],
    )?;
    if before.name != draft.name || before.summary != draft.summary || before.phases != draft.phases
    {
        timeline::record(
            &tx,
            before.client_id,
            TimelineKind::ProtocolChanged,
            &format!("Protocol personalised: {}", draft.name),
        )?;
    }
    let after = load_protocol(&tx, id)?;
    tx.commit()?;
    Ok(after)
}

/// Moves her protocol on: to the next phase, paused, resumed or completed, on `on_date`.
pub fn step(db: &Db, id: i64, step: ProtocolStep, on_date: &str) -> Result<ClientProtocol> {
    let mut p = Vec::new();
    let Some(on) = check::date(&mut p, "onDate", on_date, "the date") else {
        return Err(Error::Invalid(p));
    };
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load_protocol(&tx, id)?;
    let last_date = before
        .history
        .last()
        .map_or(before.start_date.as_str(), |e| e.on_date.as_str());
    if check::iso(on).as_str() < last_date {
        return Err(Error::invalid(
            "onDate",
            format!(
                "Choose a date on or after {}, when the protocol last changed.",
                check::date_label(NaiveDate::parse_from_str(last_date, "%Y-%m-%d").unwrap_or(on))
            ),
        ));
    }
    let phase = before.current_phase;
    let (status, new_phase, kind, summary) = match (step, before.status) {
        (ProtocolStep::Advance, ProtocolStatus::Active) => {
            let next = phase + 1;
            if next as usize >= before.phases.len() {
                return Err(Error::Conflict(format!(
                    "“{}” is the last phase. Complete the protocol instead.",
                    phase_name(&before, phase)
                )));
            }
            (
                ProtocolStatus::Active,
                next,
                ProtocolEventKind::Phase,
                format!("{}: now in {}", before.name, phase_name(&before, next)),
            )
        }
        (ProtocolStep::Pause, ProtocolStatus::Active) => (
            ProtocolStatus::Paused,
            phase,
            ProtocolEventKind::Paused,
            format!(
                "{} paused during {}",
                before.name,
                phase_name(&before, phase)
            ),
        ),
        (ProtocolStep::Resume, ProtocolStatus::Paused) => (
            ProtocolStatus::Active,
            phase,
            ProtocolEventKind::Resumed,
            format!("{} resumed in {}", before.name, phase_name(&before, phase)),
        ),
        (ProtocolStep::Complete, ProtocolStatus::Active | ProtocolStatus::Paused) => (
            ProtocolStatus::Completed,
            phase,
            ProtocolEventKind::Completed,
            format!("{} completed", before.name),
        ),
        (_, ProtocolStatus::Completed) => {
            return Err(Error::Conflict(format!(
                "“{}” is already completed.",
                before.name
            )))
        }
        (_, ProtocolStatus::Paused) => {
            return Err(Error::Conflict(format!(
                "“{}” is paused. Resume it first.",
                before.name
            )))
        }
        (ProtocolStep::Resume, ProtocolStatus::Active) => {
            return Err(Error::Conflict(format!("“{}” is not paused.", before.name)))
        }
    };
    tx.execute(
        "UPDATE client_protocols SET status = ?2, current_phase = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, status.as_str(), new_phase, crate::now()],
    )?;
    add_event(&tx, id, kind, new_phase, on)?;
    timeline::record(
        &tx,
        before.client_id,
        TimelineKind::ProtocolChanged,
        &format!("{summary} ({})", check::date_label(on)),
    )?;
    let after = load_protocol(&tx, id)?;
    tx.commit()?;
    Ok(after)
}

/// The name and phases a handout's protocol block prints: her copy, or a template's current
/// version.
pub(crate) fn phases_for_handout(
    conn: &Connection,
    for_client: Option<i64>,
    client_protocol_id: Option<i64>,
    template_id: Option<i64>,
) -> Result<(String, Vec<Phase>)> {
    match (client_protocol_id, template_id) {
        (Some(id), _) => {
            let p = load_protocol(conn, id)?;
            // One client's personal copy never goes into another client's handout.
            if for_client != Some(p.client_id) {
                return Err(Error::invalid(
                    "blocks",
                    "The protocol block shows another client's personal protocol. Choose a \
                     template, or her own copy.",
                ));
            }
            Ok((p.name, p.phases))
        }
        (None, Some(t)) => {
            let v = load_version(conn, t, latest_version(conn, t)?)?;
            Ok((v.name, v.phases))
        }
        (None, None) => Err(Error::invalid(
            "blocks",
            "Choose which protocol the block shows.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The starter templates a new CoachDesk holds (written by migration 6, frozen as data),
    /// as drafts: AIP first, then the 5R programme.
    fn starters() -> Vec<ProtocolDraft> {
        let db = Db::open_in_memory().unwrap();
        let mut drafts: Vec<ProtocolDraft> = list_templates(&db)
            .unwrap()
            .iter()
            .map(|t| {
                let v = get_template(&db, t.id).unwrap().current;
                ProtocolDraft {
                    name: v.name,
                    summary: v.summary,
                    phases: v.phases,
                }
            })
            .collect();
        drafts.sort_by_key(|d| !d.name.starts_with("Autoimmune"));
        drafts
    }

    /// Migration 6's frozen starters still pass today's checks unchanged, so a coach can save
    /// her edited copy of one without being asked to fix what she did not write.
    #[test]
    fn starters_pass_their_own_checks() {
        let starters = starters();
        assert_eq!(starters.len(), 2);
        for s in &starters {
            assert_eq!(&clean(s).unwrap(), s, "{} is tidy", s.name);
        }
        let names: Vec<&str> = starters[0].phases.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 6);
        assert_eq!(names[0], "Elimination");
        assert!(names[1..5].iter().all(|n| n.starts_with("Reintroduction")));
        assert_eq!(names[5], "Maintenance");
        assert!(starters[1].name.contains("5R"), "{}", starters[1].name);
    }

    #[test]
    fn problems_name_the_phase_and_item() {
        let mut d = starters().remove(1);
        d.phases[2].items[1].text = "  ".into();
        d.phases[0].name = String::new();
        let Err(Error::Invalid(p)) = clean(&d) else {
            panic!("should be refused")
        };
        let fields: Vec<&str> = p.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["phases.0.name", "phases.2.items.1.text"]);
        assert_eq!(p[1].reason, "Please enter item 2 of phase 3.");
    }
}
