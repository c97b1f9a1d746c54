//! Her own copy of a protocol: assigned from a template's current version (later template
//! edits never reach her), personalised on its own, and moved through its states (advance a
//! phase, pause, resume, complete) with a dated event each, on her timeline.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::templates::{latest_version, load_version};
use super::{
    clean, phases_from, phases_json, AssignInput, ClientProtocol, Phase, ProtocolDraft,
    ProtocolEvent, ProtocolEventKind, ProtocolStatus, ProtocolStep,
};
use crate::check;
use crate::clients;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::timeline::{self, TimelineKind};

const PROTOCOL_COLUMNS: &str = "id, client_id, template_id, template_version, name, summary, \
    phases, start_date, current_phase, status";

fn protocol_from(row: &Row<'_>) -> rusqlite::Result<ClientProtocol> {
    let status: String = row.get("status")?;
    Ok(from_row!(row => ClientProtocol {
        id,
        client_id,
        template_id,
        template_version,
        name,
        summary,
        phases: phases_from(row)?,
        start_date,
        current_phase,
        status: ProtocolStatus::parse(&status).unwrap_or(ProtocolStatus::Active),
        history: Vec::new(),
    }))
}

fn history(conn: &Connection, protocol_id: i64) -> Result<Vec<ProtocolEvent>> {
    let events = row::all(
        conn,
        "SELECT kind, phase, on_date FROM client_protocol_events
         WHERE protocol_id = ?1 ORDER BY on_date, id",
        [protocol_id],
        |r| {
            let kind: String = r.get("kind")?;
            Ok(from_row!(r => ProtocolEvent {
                kind: ProtocolEventKind::parse(&kind).unwrap_or(ProtocolEventKind::Phase),
                phase,
                on_date,
            }))
        },
    )?;
    Ok(events)
}

fn load_protocol(conn: &Connection, id: i64) -> Result<ClientProtocol> {
    let sql = format!("SELECT {PROTOCOL_COLUMNS} FROM client_protocols WHERE id = ?1");
    let mut p = row::one(conn, "That client's protocol", &sql, [id], protocol_from)?;
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
    let mut list: Vec<ClientProtocol> = row::all(&conn, &sql, [client_id], protocol_from)?;
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
    // Her current phase and every dated event follow their phase by its id to its new place.
    let places = new_places(&before, &draft.phases)?;
    let moved = |old: u32| places.get(old as usize).copied().flatten();
    let current = moved(before.current_phase).unwrap_or(0);
    for event in before
        .history
        .iter()
        .map(|e| e.phase)
        .collect::<std::collections::BTreeSet<_>>()
    {
        // Through a number no phase has, so that two phases trading places do not merge.
        tx.execute(
            "UPDATE client_protocol_events SET phase = ?3 + 1000 WHERE protocol_id = ?1 AND phase = ?2",
            params![id, event, moved(event).unwrap_or(event)],
        )?;
    }
    tx.execute(
        "UPDATE client_protocol_events SET phase = phase - 1000 WHERE protocol_id = ?1 AND phase >= 1000",
        [id],
    )?;
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

/// Where each phase of her copy lands in `phases` (matched by id): the new place of each old
/// one, None if removed. A phase she is in, or has been in (her chart and history show it),
/// cannot be removed: she is told which, and can rename it instead.
fn new_places(before: &ClientProtocol, phases: &[Phase]) -> Result<Vec<Option<u32>>> {
    let places: Vec<Option<u32>> = before
        .phases
        .iter()
        .map(|old| {
            phases
                .iter()
                .position(|p| p.id == old.id)
                .and_then(|i| u32::try_from(i).ok())
        })
        .collect();
    let lived = before
        .history
        .iter()
        .map(|e| e.phase)
        .chain([before.current_phase]);
    for old in lived {
        if places.get(old as usize).copied().flatten().is_none() {
            let name = phase_name(before, old);
            return Err(Error::invalid(
                "phases",
                if old == before.current_phase {
                    format!(
                        "“{name}” is the phase she is in now, so it cannot be removed. Move her on \
                         first, or rename it."
                    )
                } else {
                    format!(
                        "She has been in “{name}” (her chart and history show it), so it cannot \
                         be removed. You can rename it."
                    )
                },
            ));
        }
    }
    Ok(places)
}

/// Why `step` is refused for her protocol as it stands, in words she can act on.
fn refusal(step: ProtocolStep, p: &ClientProtocol) -> Error {
    let sentence = match (step, p.status) {
        (_, ProtocolStatus::Completed) => format!("“{}” is already completed.", p.name),
        (_, ProtocolStatus::Paused) => format!("“{}” is paused. Resume it first.", p.name),
        (ProtocolStep::Resume, ProtocolStatus::Active) => format!("“{}” is not paused.", p.name),
        (_, ProtocolStatus::Active) => format!(
            "“{}” is the last phase. Complete the protocol instead.",
            phase_name(p, p.current_phase)
        ),
    };
    Error::Conflict(sentence)
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
    let on_last = phase as usize + 1 >= before.phases.len();
    if !before.status.allowed_steps(on_last).contains(&step) {
        return Err(refusal(step, &before));
    }
    let (status, new_phase, kind, summary) = match step {
        ProtocolStep::Advance => {
            let next = phase + 1;
            (
                ProtocolStatus::Active,
                next,
                ProtocolEventKind::Phase,
                format!("{}: now in {}", before.name, phase_name(&before, next)),
            )
        }
        ProtocolStep::Pause => (
            ProtocolStatus::Paused,
            phase,
            ProtocolEventKind::Paused,
            format!(
                "{} paused during {}",
                before.name,
                phase_name(&before, phase)
            ),
        ),
        ProtocolStep::Resume => (
            ProtocolStatus::Active,
            phase,
            ProtocolEventKind::Resumed,
            format!("{} resumed in {}", before.name, phase_name(&before, phase)),
        ),
        ProtocolStep::Complete => (
            ProtocolStatus::Completed,
            phase,
            ProtocolEventKind::Completed,
            format!("{} completed", before.name),
        ),
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
