//! The home screen: today's and this week's consults, follow-ups due and overdue, leads with
//! no consult booked, and active clients not seen for 30 days.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::clients::{self, ClientSummary};
use crate::consults::{self, ConsultSummary};
use crate::db::row;
use crate::db::Db;
use crate::error::Result;
use crate::follow_ups::{self, FollowUp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotSeenClient {
    pub client: ClientSummary,
    /// When her last completed consult was (UTC), if she ever had one.
    pub last_seen: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// The coach's local date the dashboard was made for.
    pub today: String,
    pub today_consults: Vec<ConsultSummary>,
    /// Scheduled consults from tomorrow through the next seven days.
    pub week_consults: Vec<ConsultSummary>,
    pub overdue_follow_ups: Vec<FollowUp>,
    /// Open follow-ups due today or in the next seven days.
    pub upcoming_follow_ups: Vec<FollowUp>,
    pub leads_without_consult: Vec<ClientSummary>,
    pub not_seen_recently: Vec<NotSeenClient>,
}

const LIST_LIMIT: i64 = 25;
const NOT_SEEN_DAYS: u64 = 30;

/// The start of a local calendar day, as a UTC timestamp text: the first instant of that day
/// on her clock. Where the clocks jump forward at midnight (Santiago, Havana, Beirut), 00:00
/// does not exist and the day starts when the jump lands (01:00, or 00:30 for a half-hour
/// change).
fn day_start<Tz: TimeZone>(tz: &Tz, day: NaiveDate) -> String {
    day_start_instant(tz, day)
        .with_timezone(&Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn day_start_instant<Tz: TimeZone>(tz: &Tz, day: NaiveDate) -> DateTime<Tz> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // No time zone skips more than a day; minutes are the finest step any zone has used.
    (0..24 * 60)
        .find_map(|minute| {
            tz.from_local_datetime(&(midnight + chrono::Duration::minutes(minute)))
                .earliest()
        })
        .unwrap_or_else(|| tz.from_utc_datetime(&midnight))
}

/// The dashboard for this moment, in the coach's own time zone.
pub fn now(db: &Db) -> Result<Dashboard> {
    at(db, &chrono::Local::now())
}

/// The dashboard as of `now`, with day boundaries in `now`'s time zone (the coach's).
pub fn at<Tz: TimeZone>(db: &Db, now: &DateTime<Tz>) -> Result<Dashboard> {
    let tz = now.timezone();
    let today = now.date_naive();
    let tomorrow = today + Days::new(1);
    let week_end = today + Days::new(8);
    let fmt = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let now_utc = now.with_timezone(&Utc);
    let since = (now_utc - chrono::Duration::days(NOT_SEEN_DAYS as i64))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let now_text = now_utc.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);

    let conn = db.conn();
    let consults_between =
        |from: &str, to: &str, only_scheduled: bool| -> Result<Vec<ConsultSummary>> {
            // Both lists read the index of consults not cancelled (migration 14), which SQLite
            // uses only when the query says "not cancelled" in those words.
            let status = if only_scheduled {
                "c.status != 'cancelled' AND c.status = 'scheduled'"
            } else {
                "c.status != 'cancelled'"
            };
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {} FROM consults c JOIN clients cl ON cl.id = c.client_id
             WHERE c.scheduled_at >= ?1 AND c.scheduled_at < ?2 AND {status}
               AND cl.archived_at IS NULL
             ORDER BY c.scheduled_at LIMIT 100",
                consults::SUMMARY_COLUMNS
            ))?;
            let rows = stmt.query_map([from, to], consults::summary_from)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
    let today_consults =
        consults_between(&day_start(&tz, today), &day_start(&tz, tomorrow), false)?;
    let week_consults =
        consults_between(&day_start(&tz, tomorrow), &day_start(&tz, week_end), true)?;

    let follow_ups_where = |condition: &str, args: &[&str]| -> Result<Vec<FollowUp>> {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {} FROM follow_ups f JOIN clients cl ON cl.id = f.client_id
             WHERE f.done_at IS NULL AND cl.archived_at IS NULL AND {condition}
             ORDER BY f.due_date, f.id LIMIT 100",
            follow_ups::COLUMNS
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), follow_ups::follow_up_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let overdue_follow_ups = follow_ups_where("f.due_date < ?1", &[&fmt(today)])?;
    let upcoming_follow_ups = follow_ups_where(
        "f.due_date >= ?1 AND f.due_date < ?2",
        &[&fmt(today), &fmt(week_end)],
    )?;

    let leads_without_consult = clients::summaries_where(
        &conn,
        "c.status = 'lead' AND c.archived_at IS NULL AND NOT EXISTS (
            SELECT 1 FROM consults k WHERE k.client_id = c.id AND k.status = 'scheduled'
              AND k.scheduled_at >= ?1)",
        &[&now_text],
        "c.created_at DESC",
        (LIST_LIMIT, 0),
    )?;

    // Her last completed consult is kept on her row (migration 14), and the index walked here
    // lists the active clients by it, never seen first, with what the list shows of each: 25
    // entries answer, and her row is not read. The dates come from the same entries.
    let quiet = "c.status = 'active' AND c.archived_at IS NULL
        AND (c.last_seen_at IS NULL OR c.last_seen_at < ?1)";
    let by_last_seen = "c.last_seen_at, c.sort_name";
    let mut last_seen: HashMap<i64, Option<String>> = row::all(
        &conn,
        &format!(
            "SELECT c.id, c.last_seen_at FROM clients c WHERE {quiet}
         ORDER BY {by_last_seen} LIMIT ?2"
        ),
        rusqlite::params![since, LIST_LIMIT],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let not_seen_recently =
        clients::summaries_where(&conn, quiet, &[&since], by_last_seen, (LIST_LIMIT, 0))?
            .into_iter()
            .map(|client| NotSeenClient {
                last_seen: last_seen.remove(&client.id).flatten(),
                client,
            })
            .collect();

    Ok(Dashboard {
        today: fmt(today),
        today_consults,
        week_consults,
        overdue_follow_ups,
        upcoming_follow_ups,
        leads_without_consult,
        not_seen_recently,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    /// Over two years in zones whose clocks jump at midnight (and two that jump at night),
    /// each day starts at the first instant of that day on the local clock, and day starts
    /// only ever increase.
    #[test]
    fn a_day_starts_at_its_first_valid_local_instant_across_dst_changes() {
        let zones: [chrono_tz::Tz; 5] = [
            chrono_tz::America::Santiago,
            chrono_tz::America::Havana,
            chrono_tz::Asia::Beirut,
            chrono_tz::America::New_York,
            chrono_tz::Europe::London,
        ];
        let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let mut late_starts = 0;
        for tz in zones {
            let mut previous: Option<DateTime<Utc>> = None;
            for offset in 0..730 {
                let day = first + Days::new(offset);
                let start = day_start_instant(&tz, day);
                assert_eq!(start.date_naive(), day, "{tz} {day}: {start}");
                let minute_before = (start - chrono::Duration::minutes(1)).date_naive();
                assert!(minute_before < day, "{tz} {day}: {start} is not the first");
                if start.hour() != 0 || start.minute() != 0 {
                    late_starts += 1;
                }
                let utc = start.with_timezone(&Utc);
                if let Some(p) = previous {
                    assert!(utc > p, "{tz} {day}: {utc} after {p}");
                }
                previous = Some(utc);
                assert_eq!(
                    day_start(&tz, day),
                    utc.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                );
            }
        }
        // Santiago, Havana and Beirut each skip a midnight every spring: at least six days.
        assert!(
            late_starts >= 6,
            "{late_starts} days started after midnight"
        );
    }
}
