//! The AIP reintroduction tracker: a practice-wide food catalogue by stage, each client's
//! status per food, and her dated log of tests with the warnings a careful coach would give.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check;
use crate::clients;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::documents::{self, ResolvedBlock};
use crate::error::{Error, Result};
use crate::text::fold;
use crate::timeline::{self, TimelineKind};

/// Days to leave between starting one new food and the next.
pub const DAYS_BETWEEN_FOODS: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FoodStatus {
    Untested,
    Testing,
    Tolerated,
    Reacted,
    RetestLater,
}

impl FoodStatus {
    const ALL: [Self; 5] = [
        Self::Untested,
        Self::Testing,
        Self::Tolerated,
        Self::Reacted,
        Self::RetestLater,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Self::Untested => "untested",
            Self::Testing => "testing",
            Self::Tolerated => "tolerated",
            Self::Reacted => "reacted",
            Self::RetestLater => "retest_later",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Untested => "untested",
            Self::Testing => "testing",
            Self::Tolerated => "tolerated",
            Self::Reacted => "reacted",
            Self::RetestLater => "retest later",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .unwrap_or(Self::Untested)
    }
}

/// A food in the practice's reintroduction catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Food {
    pub id: i64,
    pub name: String,
    /// 1 (least likely to react) to 4.
    pub stage: u8,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FoodInput {
    pub name: String,
    pub stage: u8,
    pub notes: String,
}

/// One food of the catalogue as it stands for one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientFood {
    pub food_id: i64,
    pub name: String,
    pub stage: u8,
    pub status: FoodStatus,
    /// For a reaction: when the coach recorded that it settled (`None` while unresolved).
    pub settled_on: Option<String>,
    pub last_logged_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    pub id: i64,
    pub food_id: i64,
    pub food_name: String,
    pub on_date: String,
    pub amount: String,
    pub symptoms: String,
    /// 0 none, 1 mild, 2 moderate, 3 severe.
    pub severity: u8,
    pub outcome: FoodStatus,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogInput {
    pub client_id: i64,
    pub food_id: i64,
    pub on_date: String,
    pub amount: String,
    pub symptoms: String,
    pub severity: u8,
    /// Her status for the food after this entry (not `untested`).
    pub outcome: FoodStatus,
    pub notes: String,
}

/// Everything the tracker shows for one client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReintroBoard {
    pub client_id: i64,
    /// The whole catalogue by stage, with her status for each.
    pub foods: Vec<ClientFood>,
    /// Newest first.
    pub log: Vec<LogEntry>,
}

/// What logging an entry returns: the board, and any warnings about the timing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogResult {
    pub board: ReintroBoard,
    pub warnings: Vec<String>,
}

fn food_from(r: &Row<'_>) -> rusqlite::Result<Food> {
    Ok(from_row!(r => Food { id, name, stage, notes }))
}

/// The catalogue, by stage then name.
pub fn foods(db: &Db) -> Result<Vec<Food>> {
    let conn = db.conn();
    let list = row::all(
        &conn,
        "SELECT id, name, stage, notes FROM reintro_foods WHERE archived_at IS NULL
         ORDER BY stage, name_key",
        [],
        food_from,
    )?;
    Ok(list)
}

fn clean_food(input: &FoodInput) -> Result<FoodInput> {
    let mut p = Vec::new();
    let name = check::line(&mut p, "name", &input.name, "the food's name", 120, true);
    let notes = check::text(&mut p, "notes", &input.notes, "the notes", 1000);
    if !(1..=4).contains(&input.stage) {
        p.push(crate::FieldProblem::new(
            "stage",
            "Choose a stage from 1 to 4.",
        ));
    }
    if !p.is_empty() {
        return Err(Error::Invalid(p));
    }
    Ok(FoodInput {
        name,
        stage: input.stage,
        notes,
    })
}

fn duplicate(conn: &Connection, key: &str, except: i64) -> Result<()> {
    let taken: Option<String> = conn
        .query_row(
            "SELECT name FROM reintro_foods WHERE name_key = ?1 AND id <> ?2",
            params![key, except],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(name) => Err(Error::invalid(
            "name",
            format!("“{name}” is already in the catalogue."),
        )),
        None => Ok(()),
    }
}

pub fn create_food(db: &Db, input: &FoodInput) -> Result<Food> {
    let f = clean_food(input)?;
    let conn = db.conn();
    let key = fold(&f.name);
    duplicate(&conn, &key, 0)?;
    conn.execute(
        "INSERT INTO reintro_foods (name, name_key, stage, notes) VALUES (?1, ?2, ?3, ?4)",
        params![f.name, key, f.stage, f.notes],
    )?;
    let id = conn.last_insert_rowid();
    Ok(conn.query_row(
        "SELECT id, name, stage, notes FROM reintro_foods WHERE id = ?1",
        [id],
        food_from,
    )?)
}

pub fn update_food(db: &Db, id: i64, input: &FoodInput) -> Result<Food> {
    let f = clean_food(input)?;
    let conn = db.conn();
    let key = fold(&f.name);
    duplicate(&conn, &key, id)?;
    row::change_one(
        &conn,
        "That food",
        "UPDATE reintro_foods SET name = ?2, name_key = ?3, stage = ?4, notes = ?5 WHERE id = ?1",
        params![id, f.name, key, f.stage, f.notes],
    )?;
    Ok(conn.query_row(
        "SELECT id, name, stage, notes FROM reintro_foods WHERE id = ?1",
        [id],
        food_from,
    )?)
}

/// Takes a food out of the catalogue; clients' logs about it stay.
pub fn archive_food(db: &Db, id: i64) -> Result<()> {
    let conn = db.conn();
    row::change_one(
        &conn,
        "That food",
        "UPDATE reintro_foods SET archived_at = ?2, name_key = name_key || ' #' || id
         WHERE id = ?1 AND archived_at IS NULL",
        params![id, crate::now()],
    )
}

fn board(conn: &Connection, client_id: i64) -> Result<ReintroBoard> {
    clients::load(conn, client_id)?;
    // Archived foods still show when she has a status for them.
    let foods = row::all(
        conn,
        "SELECT f.id AS food_id, f.name, f.stage, coalesce(c.status, 'untested') AS status,
                c.settled_on,
                (SELECT max(on_date) FROM reintro_log l WHERE l.client_id = ?1 AND l.food_id = f.id)
                    AS last_logged_on
         FROM reintro_foods f
         LEFT JOIN client_foods c ON c.food_id = f.id AND c.client_id = ?1
         WHERE f.archived_at IS NULL OR c.status IS NOT NULL
         ORDER BY f.stage, f.name_key",
        [client_id],
        |r| {
            Ok(from_row!(r => ClientFood {
                food_id,
                name,
                stage,
                status: FoodStatus::parse(&r.get::<_, String>("status")?),
                settled_on,
                last_logged_on,
            }))
        },
    )?;
    let sql = "SELECT l.id, l.food_id, f.name AS food_name, l.on_date, l.amount, l.symptoms,
                l.severity, l.outcome, l.notes
         FROM reintro_log l JOIN reintro_foods f ON f.id = l.food_id
         WHERE l.client_id = ?1 ORDER BY l.on_date DESC, l.id DESC";
    let log = row::all(conn, sql, [client_id], |r| {
        Ok(from_row!(r => LogEntry {
            id,
            food_id,
            food_name,
            on_date,
            amount,
            symptoms,
            severity,
            outcome: FoodStatus::parse(&r.get::<_, String>("outcome")?),
            notes,
        }))
    })?;
    Ok(ReintroBoard {
        client_id,
        foods,
        log,
    })
}

/// Her tracker: every food with its status, and her log.
pub fn for_client(db: &Db, client_id: i64) -> Result<ReintroBoard> {
    board(&db.conn(), client_id)
}

fn food_status(conn: &Connection, client_id: i64, food_id: i64) -> Result<FoodStatus> {
    let s: Option<String> = conn
        .query_row(
            "SELECT status FROM client_foods WHERE client_id = ?1 AND food_id = ?2",
            params![client_id, food_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(s.map_or(FoodStatus::Untested, |s| FoodStatus::parse(&s)))
}

fn days_phrase(days: i64) -> String {
    match days {
        0 => "the same day".to_owned(),
        1 => "only 1 day before".to_owned(),
        n => format!("only {n} days before"),
    }
}

/// Why starting `food_id` on `on` may be too soon. Empty when the timing is fine, or when she
/// is simply continuing a food she is already testing.
fn timing_warnings(
    conn: &Connection,
    client_id: i64,
    food_id: i64,
    on: NaiveDate,
) -> Result<Vec<String>> {
    if food_status(conn, client_id, food_id)? == FoodStatus::Testing {
        return Ok(Vec::new());
    }
    let mut warnings = Vec::new();
    let previous: Option<(String, String)> = conn
        .query_row(
            "SELECT f.name, l.on_date FROM reintro_log l JOIN reintro_foods f ON f.id = l.food_id
             WHERE l.client_id = ?1 AND l.food_id <> ?2 AND l.on_date <= ?3
             ORDER BY l.on_date DESC, l.id DESC LIMIT 1",
            params![client_id, food_id, check::iso(on)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((name, date)) = previous {
        if let Ok(last) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") {
            let gap = (on - last).num_days();
            if gap < DAYS_BETWEEN_FOODS {
                warnings.push(format!(
                    "{name} was logged on {}, {}. Leave at least {DAYS_BETWEEN_FOODS} days \
                     between new foods so a late reaction is not blamed on the wrong one.",
                    check::date_label(last),
                    days_phrase(gap)
                ));
            }
        }
    }
    let unresolved: Vec<String> = row::all(
        conn,
        "SELECT f.name FROM client_foods c JOIN reintro_foods f ON f.id = c.food_id
         WHERE c.client_id = ?1 AND c.food_id <> ?2 AND c.status = 'reacted'
           AND c.settled_on IS NULL ORDER BY f.name_key",
        params![client_id, food_id],
        |r| r.get(0),
    )?;
    for name in unresolved {
        warnings.push(format!(
            "Her reaction to {name} has not settled yet. Wait until it has before starting \
             a new food."
        ));
    }
    Ok(warnings)
}

/// The warnings the log form shows while the coach fills it in.
pub fn warnings(db: &Db, client_id: i64, food_id: i64, on_date: &str) -> Result<Vec<String>> {
    let mut p = Vec::new();
    let Some(on) = check::date(&mut p, "onDate", on_date, "the date") else {
        return Err(Error::Invalid(p));
    };
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    timing_warnings(&conn, client_id, food_id, on)
}

/// Records a test and sets her status for the food. Timing warnings do not stop it: they are
/// returned so the coach sees them (and were shown before she saved).
pub fn log(db: &Db, input: &LogInput) -> Result<LogResult> {
    let mut p = Vec::new();
    let on = check::date(&mut p, "onDate", &input.on_date, "the date");
    let amount = check::line(&mut p, "amount", &input.amount, "the amount", 200, false);
    let symptoms = check::text(&mut p, "symptoms", &input.symptoms, "the symptoms", 2000);
    let notes = check::text(&mut p, "notes", &input.notes, "the notes", 4000);
    if input.severity > 3 {
        p.push(crate::FieldProblem::new(
            "severity",
            "Severity goes from 0 (none) to 3 (severe).",
        ));
    }
    if input.outcome == FoodStatus::Untested {
        p.push(crate::FieldProblem::new(
            "outcome",
            "Choose how it went: testing, tolerated, reacted or retest later.",
        ));
    }
    let Some(on) = on.filter(|_| p.is_empty()) else {
        return Err(Error::Invalid(p));
    };
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    clients::load(&tx, input.client_id)?;
    let sql = "SELECT name FROM reintro_foods WHERE id = ?1";
    let food: String = row::one(&tx, "That food", sql, [input.food_id], |r| r.get(0))?;
    let warnings = timing_warnings(&tx, input.client_id, input.food_id, on)?;
    let now = crate::now();
    tx.execute(
        "INSERT INTO reintro_log (client_id, food_id, on_date, amount, symptoms, severity, outcome,
            notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            input.client_id,
            input.food_id,
            check::iso(on),
            amount,
            symptoms,
            input.severity,
            input.outcome.as_str(),
            notes,
            now
        ],
    )?;
    tx.execute(
        "INSERT INTO client_foods (client_id, food_id, status, settled_on, updated_at)
         VALUES (?1, ?2, ?3, NULL, ?4)
         ON CONFLICT (client_id, food_id) DO UPDATE SET status = ?3, settled_on = NULL,
            updated_at = ?4",
        params![input.client_id, input.food_id, input.outcome.as_str(), now],
    )?;
    timeline::record(
        &tx,
        input.client_id,
        TimelineKind::FoodTested,
        &format!(
            "Reintroduction: {food}, {} ({})",
            input.outcome.label(),
            check::date_label(on)
        ),
    )?;
    let board = board(&tx, input.client_id)?;
    tx.commit()?;
    Ok(LogResult { board, warnings })
}

/// Records that her reaction to a food has settled, so new foods can start.
pub fn settle(db: &Db, client_id: i64, food_id: i64, on_date: &str) -> Result<ReintroBoard> {
    let mut p = Vec::new();
    let Some(on) = check::date(&mut p, "onDate", on_date, "the date") else {
        return Err(Error::Invalid(p));
    };
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let n = tx.execute(
        "UPDATE client_foods SET settled_on = ?3, updated_at = ?4
         WHERE client_id = ?1 AND food_id = ?2 AND status = 'reacted'",
        params![client_id, food_id, check::iso(on), crate::now()],
    )?;
    if n == 0 {
        return Err(Error::Conflict(
            "There is no reaction to this food to mark as settled.".to_owned(),
        ));
    }
    let board = board(&tx, client_id)?;
    tx.commit()?;
    Ok(board)
}

/// Her tolerated foods and the foods to try again, as a printable document.
pub fn lists(db: &Db, client_id: i64) -> Result<documents::Prepared> {
    let client = clients::get(db, client_id)?;
    let board = for_client(db, client_id)?;
    let names = |wanted: &[FoodStatus]| -> Vec<String> {
        board
            .foods
            .iter()
            .filter(|f| wanted.contains(&f.status))
            .map(|f| format!("{} (stage {})", f.name, f.stage))
            .collect()
    };
    let tolerated = names(&[FoodStatus::Tolerated]);
    let retry = names(&[FoodStatus::Reacted, FoodStatus::RetestLater]);
    let mut blocks = Vec::new();
    for (heading, items, empty) in [
        (
            "Foods you tolerate",
            tolerated,
            "None yet: each food you reintroduce successfully will be listed here.",
        ),
        (
            "Foods to try again later",
            retry,
            "None: no food needs another try at the moment.",
        ),
    ] {
        blocks.push(ResolvedBlock::Heading {
            text: heading.to_owned(),
        });
        if items.is_empty() {
            blocks.push(ResolvedBlock::Paragraph {
                text: format!("*{empty}*"),
            });
        } else {
            blocks.push(ResolvedBlock::Bullets { items });
        }
    }
    blocks.push(ResolvedBlock::Disclaimer {
        text: crate::practice::get(db)?
            .map(|p| p.disclaimer)
            .unwrap_or_default(),
    });
    let name = if client.preferred_name.is_empty() {
        client.name
    } else {
        client.preferred_name
    };
    documents::new(db, "Your reintroduction foods", Some(name), blocks)
        .map(documents::Prepared::new)
}
