//! Symptom check-ins: a practice-wide list of symptoms rated 0–10, dated check-ins per client,
//! the chart of her trends (with protocol phases and reintroductions) and a CSV export.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod chart;
mod symptoms;

pub use chart::chart;

/// True for the symptoms where 10 is best (energy, mood, sleep quality): for the others, 10 is
/// worst.
pub fn higher_is_better(symptom_name: &str) -> bool {
    matches!(
        crate::text::fold(symptom_name.trim()).as_str(),
        "energy" | "mood" | "sleep quality"
    )
}
use symptoms::symptoms_in;
pub use symptoms::{add_symptom, move_symptom, rename_symptom, set_symptom_archived, symptoms};

use crate::check;
use crate::clients;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::files::{Kind, Made};
use crate::reintro::FoodStatus;
use crate::text::csv_cell;
use crate::timeline::{self, TimelineKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Symptom {
    pub id: i64,
    pub name: String,
    /// Archived symptoms keep their history but are no longer asked about.
    pub archived: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    pub symptom_id: i64,
    /// 0 (none) to 10 (worst, or for energy, mood and sleep quality: best).
    pub value: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckInInput {
    pub client_id: i64,
    pub on_date: String,
    pub notes: String,
    /// Symptoms she did not rate are simply left out.
    pub ratings: Vec<Rating>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    pub id: i64,
    pub client_id: i64,
    pub on_date: String,
    pub notes: String,
    pub ratings: Vec<Rating>,
}

/// One symptom's values, aligned with [`Chart::dates`] (`None` where she did not rate it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Series {
    pub symptom_id: i64,
    pub name: String,
    pub values: Vec<Option<u8>>,
}

/// A protocol phase as a band behind the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PhaseBand {
    pub label: String,
    pub from: String,
    /// `None` while the phase is still going on.
    pub to: Option<String>,
}

/// A reintroduction on the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FoodMarker {
    pub on_date: String,
    pub food: String,
    pub outcome: FoodStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    /// Every check-in date, oldest first.
    pub dates: Vec<String>,
    pub series: Vec<Series>,
    pub bands: Vec<PhaseBand>,
    pub markers: Vec<FoodMarker>,
}

fn clean_checkin(
    conn: &Connection,
    input: &CheckInInput,
) -> Result<(chrono::NaiveDate, String, Vec<Rating>)> {
    let mut p = Vec::new();
    let on = check::date(&mut p, "onDate", &input.on_date, "the date");
    let notes = check::text(&mut p, "notes", &input.notes, "the notes", 4000);
    let known: HashMap<i64, String> = symptoms_in(conn, true)?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    let mut ratings: Vec<Rating> = Vec::new();
    for r in &input.ratings {
        match known.get(&r.symptom_id) {
            None => p.push(FieldProblem::new(
                "ratings",
                "One of the symptoms is no longer on the list. Reload and try again.",
            )),
            Some(name) if r.value > 10 => p.push(FieldProblem::new(
                &format!("rating.{}", r.symptom_id),
                format!("Rate {name} from 0 to 10."),
            )),
            Some(_) if ratings.iter().any(|x| x.symptom_id == r.symptom_id) => {}
            Some(_) => ratings.push(*r),
        }
    }
    if ratings.is_empty() && p.is_empty() {
        p.push(FieldProblem::new(
            "ratings",
            "Rate at least one symptom for this check-in.",
        ));
    }
    match on {
        Some(on) if p.is_empty() => Ok((on, notes, ratings)),
        _ => Err(Error::Invalid(p)),
    }
}

fn write_ratings(conn: &Connection, checkin_id: i64, ratings: &[Rating]) -> Result<()> {
    conn.execute(
        "DELETE FROM checkin_ratings WHERE checkin_id = ?1",
        [checkin_id],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO checkin_ratings (checkin_id, symptom_id, value) VALUES (?1, ?2, ?3)",
    )?;
    for r in ratings {
        stmt.execute(params![checkin_id, r.symptom_id, r.value])?;
    }
    Ok(())
}

fn date_taken(conn: &Connection, client_id: i64, on: &str, except: i64) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM checkins WHERE client_id = ?1 AND on_date = ?2 AND id <> ?3)",
        params![client_id, on, except],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::invalid(
            "onDate",
            "There is already a check-in on this date. Change that one instead.",
        ));
    }
    Ok(())
}

pub fn add(db: &Db, input: &CheckInInput) -> Result<CheckIn> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    clients::load(&tx, input.client_id)?;
    let (on, notes, ratings) = clean_checkin(&tx, input)?;
    let day = check::iso(on);
    date_taken(&tx, input.client_id, &day, 0)?;
    let now = crate::now();
    tx.execute(
        "INSERT INTO checkins (client_id, on_date, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![input.client_id, day, notes, now],
    )?;
    let id = tx.last_insert_rowid();
    write_ratings(&tx, id, &ratings)?;
    timeline::record(
        &tx,
        input.client_id,
        TimelineKind::CheckIn,
        &format!(
            "Symptom check-in for {} ({} rated)",
            check::date_label(on),
            ratings.len()
        ),
    )?;
    let saved = load(&tx, id)?;
    tx.commit()?;
    Ok(saved)
}

pub fn update(db: &Db, id: i64, input: &CheckInInput) -> Result<CheckIn> {
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let before = load(&tx, id)?;
    let input = CheckInInput {
        client_id: before.client_id,
        ..input.clone()
    };
    let (on, notes, ratings) = clean_checkin(&tx, &input)?;
    let day = check::iso(on);
    date_taken(&tx, before.client_id, &day, id)?;
    tx.execute(
        "UPDATE checkins SET on_date = ?2, notes = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, day, notes, crate::now()],
    )?;
    write_ratings(&tx, id, &ratings)?;
    let saved = load(&tx, id)?;
    tx.commit()?;
    Ok(saved)
}

pub fn delete(db: &Db, id: i64) -> Result<()> {
    let sql = "DELETE FROM checkins WHERE id = ?1";
    row::change_one(&db.conn(), "That check-in", sql, [id])
}

fn load(conn: &Connection, id: i64) -> Result<CheckIn> {
    let mut c = row::one(
        conn,
        "That check-in",
        "SELECT id, client_id, on_date, notes FROM checkins WHERE id = ?1",
        [id],
        |r| Ok(from_row!(r => CheckIn { id, client_id, on_date, notes, ratings: Vec::new() })),
    )?;
    c.ratings = row::all(
        conn,
        "SELECT r.symptom_id, r.value FROM checkin_ratings r JOIN symptoms s ON s.id = r.symptom_id
         WHERE r.checkin_id = ?1 ORDER BY s.position, s.id",
        [id],
        |r| Ok(from_row!(r => Rating { symptom_id, value })),
    )?;
    Ok(c)
}

/// Her check-ins, newest first.
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<CheckIn>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.client_id, c.on_date, c.notes, r.symptom_id, r.value
         FROM checkins c LEFT JOIN checkin_ratings r ON r.checkin_id = c.id
         LEFT JOIN symptoms s ON s.id = r.symptom_id
         WHERE c.client_id = ?1 ORDER BY c.on_date DESC, c.id DESC, s.position, s.id",
    )?;
    let mut rows = stmt.query([client_id])?;
    let mut list: Vec<CheckIn> = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if list.last().is_none_or(|c| c.id != id) {
            list.push(CheckIn {
                id,
                client_id: r.get(1)?,
                on_date: r.get(2)?,
                notes: r.get(3)?,
                ratings: Vec::new(),
            });
        }
        if let (Some(symptom_id), Some(value)) = (r.get(4)?, r.get(5)?) {
            if let Some(last) = list.last_mut() {
                last.ratings.push(Rating { symptom_id, value });
            }
        }
    }
    Ok(list)
}

/// Her check-ins as CSV (UTF-8 with a byte-order mark, so spreadsheets read accents right):
/// one row per check-in, oldest first, one column per symptom, then the notes.
pub fn csv(db: &Db, client_id: i64) -> Result<String> {
    let chart = chart(db, client_id)?;
    let notes: HashMap<String, String> = for_client(db, client_id)?
        .into_iter()
        .map(|c| (c.on_date, c.notes))
        .collect();
    let mut out = String::from("\u{feff}Date");
    for s in &chart.series {
        out.push(',');
        out.push_str(&csv_cell(&s.name));
    }
    out.push_str(",Notes\r\n");
    for (i, day) in chart.dates.iter().enumerate() {
        out.push_str(day);
        for s in &chart.series {
            out.push(',');
            if let Some(v) = s.values[i] {
                out.push_str(&v.to_string());
            }
        }
        out.push(',');
        out.push_str(&csv_cell(notes.get(day).map_or("", String::as_str)));
        out.push_str("\r\n");
    }
    Ok(out)
}

/// Her check-ins as a CSV file to save, with its name.
pub fn csv_file(db: &Db, client_id: i64) -> Result<Made> {
    Ok(Made {
        name: csv_file_name(db, client_id)?,
        kind: Kind::Csv,
        bytes: csv(db, client_id)?.into_bytes(),
    })
}

/// A sensible file name: "Check-ins – Renée Côté – 2026-11-25.csv".
fn csv_file_name(db: &Db, client_id: i64) -> Result<String> {
    let client = clients::get(db, client_id)?;
    let safe: String = client
        .name
        .chars()
        .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    Ok(format!(
        "Check-ins – {safe} – {}.csv",
        chrono::Local::now().format("%Y-%m-%d")
    ))
}

/// Whether tracking is hidden for her (some clients find numbers stressful).
pub fn tracking_hidden(db: &Db, client_id: i64) -> Result<bool> {
    let sql = "SELECT hide_tracking FROM clients WHERE id = ?1";
    row::one(&db.conn(), "That client", sql, [client_id], |r| r.get(0))
}

pub fn set_tracking_hidden(db: &Db, client_id: i64, hidden: bool) -> Result<bool> {
    let sql = "UPDATE clients SET hide_tracking = ?2 WHERE id = ?1";
    row::change_one(&db.conn(), "That client", sql, params![client_id, hidden])?;
    Ok(hidden)
}

#[cfg(test)]
mod tests {
    use crate::text::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(
            csv_cell("she said \"better\""),
            "\"she said \"\"better\"\"\""
        );
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-2 on pain"), "'-2 on pain");
        assert_eq!(csv_cell("Zoë 李小龙 🌿"), "Zoë 李小龙 🌿");
    }
}
