//! The trend chart's data for one client: each symptom's ratings aligned on dates, the bands
//! of her protocol phases, and her reintroductions as markers.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{Chart, FoodMarker, PhaseBand, Series};
use crate::clients;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::Result;
use crate::protocols::{self, ProtocolEventKind};
use crate::reintro::FoodStatus;

/// Everything the trend chart draws for her, in one query per kind of data.
pub fn chart(db: &Db, client_id: i64) -> Result<Chart> {
    let (dates, series, markers) = chart_data(&db.conn(), client_id)?;
    let bands = phase_bands(db, client_id)?;
    Ok(Chart {
        dates,
        series,
        bands,
        markers,
    })
}

type ChartData = (Vec<String>, Vec<Series>, Vec<FoodMarker>);

fn chart_data(conn: &Connection, client_id: i64) -> Result<ChartData> {
    clients::load(conn, client_id)?;
    let mut dates: Vec<String> = Vec::new();
    let mut stmt =
        conn.prepare_cached("SELECT on_date FROM checkins WHERE client_id = ?1 ORDER BY on_date")?;
    let mut rows = stmt.query([client_id])?;
    while let Some(r) = rows.next()? {
        dates.push(r.get(0)?);
    }
    let index: HashMap<&str, usize> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| (d.as_str(), i))
        .collect();
    // Every symptom she has ever rated, plus the current list, in list order.
    let mut series: Vec<Series> = row::all(
        conn,
        "SELECT s.id AS symptom_id, s.name FROM symptoms s
         WHERE s.archived_at IS NULL OR EXISTS (
            SELECT 1 FROM checkin_ratings r JOIN checkins c ON c.id = r.checkin_id
            WHERE c.client_id = ?1 AND r.symptom_id = s.id)
         ORDER BY s.position, s.id",
        [client_id],
        |r| Ok(from_row!(r => Series { symptom_id, name, values: vec![None; dates.len()] })),
    )?;
    let slot: HashMap<i64, usize> = series
        .iter()
        .enumerate()
        .map(|(i, s)| (s.symptom_id, i))
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT c.on_date, r.symptom_id, r.value FROM checkins c
         JOIN checkin_ratings r ON r.checkin_id = c.id WHERE c.client_id = ?1",
    )?;
    let mut rows = stmt.query([client_id])?;
    while let Some(r) = rows.next()? {
        let day = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let symptom: i64 = r.get(1)?;
        if let (Some(&i), Some(&s)) = (index.get(day), slot.get(&symptom)) {
            series[s].values[i] = Some(r.get(2)?);
        }
    }
    let markers = row::all(
        conn,
        "SELECT l.on_date, f.name AS food, l.outcome FROM reintro_log l
         JOIN reintro_foods f ON f.id = l.food_id WHERE l.client_id = ?1 ORDER BY l.on_date, l.id",
        [client_id],
        |r| {
            let outcome: String = r.get("outcome")?;
            Ok(from_row!(r => FoodMarker { on_date, food, outcome: FoodStatus::parse(&outcome) }))
        },
    )?;
    Ok((dates, series, markers))
}

/// Each phase she went through, from the day it began to the day the next began (or the
/// protocol was completed). Pauses do not end a phase.
fn phase_bands(db: &Db, client_id: i64) -> Result<Vec<PhaseBand>> {
    let mut bands = Vec::new();
    for p in protocols::for_client(db, client_id)?.into_iter().rev() {
        let mut open: Option<PhaseBand> = None;
        for e in &p.history {
            match e.kind {
                ProtocolEventKind::Phase => {
                    if let Some(mut b) = open.take() {
                        b.to = Some(e.on_date.clone());
                        bands.push(b);
                    }
                    let name = p
                        .phases
                        .get(e.phase as usize)
                        .map_or("", |ph| ph.name.as_str());
                    open = Some(PhaseBand {
                        label: name.to_owned(),
                        from: e.on_date.clone(),
                        to: None,
                    });
                }
                ProtocolEventKind::Completed => {
                    if let Some(mut b) = open.take() {
                        b.to = Some(e.on_date.clone());
                        bands.push(b);
                    }
                }
                ProtocolEventKind::Paused | ProtocolEventKind::Resumed => {}
            }
        }
        bands.extend(open);
    }
    Ok(bands)
}
