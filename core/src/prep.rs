//! The consult prep sheet: what the coach needs in the five minutes before a call with a
//! client, on one screen and one printed page. Who she is, the last consult's notes, open
//! follow-ups (overdue first), her protocol and phase, her reintroductions and their timing,
//! each symptom's last rating against its 30-day average, her latest labs, and the handouts
//! she was given (so none is repeated). Nothing here is stored: it is read fresh each time.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::checkins;
use crate::clients::{self, ClientStatus};
use crate::consults;
use crate::db::Db;
use crate::documents::{self, Printable, ResolvedBlock};
use crate::error::Result;
use crate::follow_ups;
use crate::handouts;
use crate::labs;
use crate::protocols::{self, ProtocolStatus};
use crate::reintro::{self, FoodStatus};
use crate::suggestions::{self, Suggestion};
pub use crate::text::shorten;

/// The most characters of one note section the sheet shows before "more".
pub const NOTE_CHARS: usize = 220;
/// About how many characters one printed line holds (body text on Letter and A4).
const PRINT_LINE_CHARS: usize = 86;
/// Days between two new foods, as the reintroduction tracker warns.
const DAYS_BETWEEN_FOODS: i64 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrepSheet {
    pub client_id: i64,
    /// Her preferred name, or her name.
    pub called: String,
    pub name: String,
    pub status: ClientStatus,
    /// "RRMS, diagnosed 2019 (7 years ago)"; empty when nothing is recorded.
    pub ms: String,
    pub goals: String,
    /// "Working with you for 3 months" (since her record was created).
    pub with_you: String,
    pub last_consult: Option<LastConsult>,
    /// Open ones, overdue first, then by due date.
    pub follow_ups: Vec<FollowUpLine>,
    pub protocol: Option<ProtocolLine>,
    pub reintro: Option<ReintroLine>,
    pub trends: Vec<Trend>,
    /// The newest three.
    pub labs: Vec<LabLine>,
    /// Titles and dates of what she was given, newest first.
    pub handouts_given: Vec<String>,
    /// Her best three suggested article sections, each with its reason.
    pub suggested: Vec<Suggestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastConsult {
    pub id: i64,
    /// "Free consult call, Tue 3 Nov 2026".
    pub title: String,
    pub sections: Vec<NoteLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteLine {
    pub heading: String,
    /// At most [`NOTE_CHARS`], cut between words with an ellipsis.
    pub text: String,
    /// True when `text` was shortened: the screen offers "more".
    pub shortened: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpLine {
    pub title: String,
    pub due_date: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolLine {
    pub name: String,
    pub phase: String,
    pub paused: bool,
    pub days_in_phase: i64,
    /// "Next: Reintroduction, stage 1 (2–6 weeks): bring back one food at a time…"; None on
    /// the last phase.
    pub next: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReintroLine {
    pub testing: Vec<String>,
    pub tolerated: Vec<String>,
    pub to_retry: Vec<String>,
    /// "Egg yolks started 2 days ago: 3 more days before the next new food."
    pub timing: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Trend {
    pub symptom: String,
    pub last: u8,
    /// Her average over the 30 days before the last check-in (that one included).
    pub average_30: f32,
    /// Her last ratings, oldest first (at most 10), for a small sparkline.
    pub recent: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LabLine {
    pub name: String,
    pub taken_on: String,
    pub summary: String,
}

fn day(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()
}

fn plural(n: i64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn how_long(days: i64) -> String {
    match days {
        d if d < 14 => plural(d.max(0), "day"),
        d if d < 60 => plural(d / 7, "week"),
        d if d < 730 => plural(d / 30, "month"),
        d => plural(d / 365, "year"),
    }
}

/// The prep sheet for a client as of today on the coach's clock.
pub fn now(db: &Db, client_id: i64) -> Result<PrepSheet> {
    get(db, client_id, chrono::Local::now().date_naive())
}

/// The prep sheet, ready for the save dialog.
pub fn prepare(db: &Db, client_id: i64) -> Result<documents::Prepared> {
    Ok(documents::Prepared::new(printable(
        db,
        &now(db, client_id)?,
    )?))
}

/// The prep sheet for a client as of `today` (the coach's date).
pub fn get(db: &Db, client_id: i64, today: NaiveDate) -> Result<PrepSheet> {
    let client = clients::get(db, client_id)?;
    let called = if client.preferred_name.trim().is_empty() {
        client.name.clone()
    } else {
        client.preferred_name.clone()
    };
    let mut ms = client.ms_type.label().to_owned();
    if let Some(year) = client.diagnosis_year {
        let years = i64::from(
            today
                .format("%Y")
                .to_string()
                .parse::<i32>()
                .unwrap_or(year)
                - year,
        );
        let when = format!("diagnosed {year} ({} ago)", how_long(years * 365));
        ms = if ms.is_empty() {
            when
        } else {
            format!("{ms}, {when}")
        };
    }
    let with_you =
        day(&client.created_at).map_or(String::new(), |since| match (today - since).num_days() {
            d if d < 1 => "New: added today".to_owned(),
            d => format!("Working with you for {}", how_long(d)),
        });

    let last_consult = last_consult(db, client_id)?;
    let mut follow_ups: Vec<FollowUpLine> = follow_ups::for_client(db, client_id)?
        .into_iter()
        .filter(|f| f.done_at.is_none())
        .map(|f| FollowUpLine {
            overdue: f
                .due_date
                .as_deref()
                .and_then(day)
                .is_some_and(|d| d < today),
            title: f.title,
            due_date: f.due_date,
        })
        .collect();
    follow_ups.sort_by(|a, b| {
        (!a.overdue, a.due_date.is_none(), &a.due_date).cmp(&(
            !b.overdue,
            b.due_date.is_none(),
            &b.due_date,
        ))
    });

    let trends = trends(db, client_id)?;
    let mut labs: Vec<LabLine> = labs::for_client(db, client_id)?
        .into_iter()
        .map(|l| LabLine {
            name: l.name,
            taken_on: l.taken_on,
            summary: shorten(&l.summary, 160).0,
        })
        .collect();
    labs.sort_by(|a, b| b.taken_on.cmp(&a.taken_on));
    labs.truncate(3);
    let handouts_given = handouts::for_client(db, client_id)?
        .into_iter()
        .map(|h| match day(&h.given_at) {
            Some(d) => format!("{} ({})", h.title, crate::check::date_label(d)),
            None => h.title,
        })
        .collect();
    Ok(PrepSheet {
        client_id,
        called,
        name: client.name,
        status: client.status,
        ms,
        goals: shorten(&client.goals, 300).0,
        with_you,
        last_consult,
        follow_ups,
        protocol: protocol(db, client_id, today)?,
        reintro: reintro(db, client_id, today)?,
        trends,
        labs,
        handouts_given,
        suggested: suggestions::for_client(db, client_id)?
            .suggestions
            .into_iter()
            .filter(|s| s.given_on.is_none())
            .take(3)
            .collect(),
    })
}

/// Her most recent consult that has notes (completed, or any with notes written).
fn last_consult(db: &Db, client_id: i64) -> Result<Option<LastConsult>> {
    let Some(consult) = consults::last_with_notes(db, client_id)? else {
        return Ok(None);
    };
    let sections = consult
        .sections
        .iter()
        .filter(|s| !s.body.trim().is_empty())
        .map(|s| {
            let (text, shortened) = shorten(&s.body, NOTE_CHARS);
            NoteLine {
                heading: s.heading.clone(),
                text,
                shortened,
            }
        })
        .collect();
    Ok(Some(LastConsult {
        id: consult.id,
        title: format!(
            "{}, {}",
            consult.kind.label(),
            consults::local_label_text(&consult.scheduled_at)
        ),
        sections,
    }))
}

fn protocol(db: &Db, client_id: i64, today: NaiveDate) -> Result<Option<ProtocolLine>> {
    let Some(p) = protocols::for_client(db, client_id)?
        .into_iter()
        .find(|p| p.status != ProtocolStatus::Completed)
    else {
        return Ok(None);
    };
    let since = p
        .history
        .last()
        .map_or(p.start_date.as_str(), |e| e.on_date.as_str());
    let phase = p.phases.get(p.current_phase as usize);
    let next = p.phases.get(p.current_phase as usize + 1).map(|n| {
        let mut line = format!("Next: {}", n.name);
        if !n.duration.trim().is_empty() {
            line.push_str(&format!(" ({})", n.duration.trim()));
        }
        if !n.aims.trim().is_empty() {
            line.push_str(&format!(": {}", shorten(&n.aims, 160).0));
        }
        line
    });
    Ok(Some(ProtocolLine {
        name: p.name.clone(),
        phase: phase.map_or(String::new(), |ph| ph.name.clone()),
        paused: p.status == ProtocolStatus::Paused,
        days_in_phase: day(since).map_or(0, |d| (today - d).num_days().max(0)),
        next,
    }))
}

fn reintro(db: &Db, client_id: i64, today: NaiveDate) -> Result<Option<ReintroLine>> {
    let board = reintro::for_client(db, client_id)?;
    if board.log.is_empty() {
        return Ok(None);
    }
    let names = |wanted: &[FoodStatus]| -> Vec<String> {
        board
            .foods
            .iter()
            .filter(|f| wanted.contains(&f.status))
            .map(|f| f.name.clone())
            .collect()
    };
    // The newest food she started: the log is newest first.
    let timing = board.log.first().and_then(|newest| {
        let started = day(&newest.on_date)?;
        let days = (today - started).num_days();
        let wait = DAYS_BETWEEN_FOODS - days;
        Some(if wait > 0 {
            format!(
                "{} logged {} ago: {} more before the next new food.",
                newest.food_name,
                plural(days, "day"),
                plural(wait, "day")
            )
        } else {
            format!(
                "{} logged {} ago: she can try the next new food.",
                newest.food_name,
                plural(days, "day")
            )
        })
    });
    Ok(Some(ReintroLine {
        testing: names(&[FoodStatus::Testing]),
        tolerated: names(&[FoodStatus::Tolerated]),
        to_retry: names(&[FoodStatus::Reacted, FoodStatus::RetestLater]),
        timing,
    }))
}

/// Each symptom she rated: the last rating, the average over the 30 days before it, and her
/// last ten ratings for a sparkline.
fn trends(db: &Db, client_id: i64) -> Result<Vec<Trend>> {
    let mut checkins = checkins::for_client(db, client_id)?;
    checkins.sort_by(|a, b| a.on_date.cmp(&b.on_date));
    let Some(last_day) = checkins.last().and_then(|c| day(&c.on_date)) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for symptom in checkins::symptoms(db, true)? {
        let rated: Vec<(NaiveDate, u8)> = checkins
            .iter()
            .filter_map(|c| {
                let value = c.ratings.iter().find(|r| r.symptom_id == symptom.id)?.value;
                Some((day(&c.on_date)?, value))
            })
            .collect();
        let Some(&(_, last)) = rated.last() else {
            continue;
        };
        let month: Vec<f32> = rated
            .iter()
            .filter(|(d, _)| (last_day - *d).num_days() < 30)
            .map(|&(_, v)| f32::from(v))
            .collect();
        out.push(Trend {
            symptom: symptom.name,
            last,
            average_30: month.iter().sum::<f32>() / month.len().max(1) as f32,
            recent: rated.iter().rev().take(10).rev().map(|&(_, v)| v).collect(),
        });
    }
    Ok(out)
}

/// The characters left for a note section's text on `lines` printed lines after its heading.
fn room(lines: usize, heading: &str) -> usize {
    (lines * PRINT_LINE_CHARS)
        .saturating_sub(heading.chars().count() + 4)
        .max(30)
}

/// The prep sheet as one printable page (long notes already shortened), with a kind word
/// where there is nothing yet.
pub fn printable(db: &Db, sheet: &PrepSheet) -> Result<Printable> {
    let mut blocks = Vec::new();
    let heading = |text: &str, blocks: &mut Vec<ResolvedBlock>| {
        blocks.push(ResolvedBlock::Heading {
            text: text.to_owned(),
        });
    };
    let mut status = format!("**{}**", sheet.status.label());
    for part in [&sheet.ms, &sheet.with_you] {
        if !part.is_empty() {
            status.push_str(&format!(" · {part}"));
        }
    }
    let mut about = vec![status];
    if !sheet.goals.is_empty() {
        about.push(format!("**Goals:** {}", sheet.goals));
    }
    blocks.push(ResolvedBlock::Bullets { items: about });

    heading("Last consult", &mut blocks);
    match &sheet.last_consult {
        Some(last) if !last.sections.is_empty() => {
            // Two lines a section, or one when there are many, so the page stays one page.
            let lines = if last.sections.len() > 3 { 1 } else { 2 };
            blocks.push(ResolvedBlock::Paragraph {
                text: format!("**{}**", last.title),
            });
            blocks.push(ResolvedBlock::Bullets {
                items: last
                    .sections
                    .iter()
                    .map(|s| {
                        format!(
                            "**{}:** {}",
                            s.heading,
                            shorten(&s.text, room(lines, &s.heading)).0
                        )
                    })
                    .collect(),
            });
        }
        Some(last) => blocks.push(ResolvedBlock::Paragraph {
            text: format!("{}: no notes were written.", last.title),
        }),
        None => blocks.push(ResolvedBlock::Paragraph {
            text: "This is your first consult together: no notes yet.".into(),
        }),
    }

    if !sheet.follow_ups.is_empty() {
        heading("Open follow-ups", &mut blocks);
        let mut items: Vec<String> = sheet
            .follow_ups
            .iter()
            .take(4)
            .map(|f| match (&f.due_date, f.overdue) {
                (Some(d), true) => format!("{} (**overdue**, due {d})", f.title),
                (Some(d), false) => format!("{} (due {d})", f.title),
                (None, _) => f.title.clone(),
            })
            .collect();
        if sheet.follow_ups.len() > 4 {
            items.push(format!("and {} more", sheet.follow_ups.len() - 4));
        }
        blocks.push(ResolvedBlock::Bullets { items });
    }

    heading("Protocol and progress", &mut blocks);
    let mut progress = Vec::new();
    match &sheet.protocol {
        Some(p) => {
            progress.push(format!(
                "**{}:** {}{}, day {} of this phase",
                p.name,
                p.phase,
                if p.paused { " (paused)" } else { "" },
                p.days_in_phase + 1
            ));
            if let Some(next) = &p.next {
                progress.push(shorten(next, PRINT_LINE_CHARS - 2).0);
            }
        }
        None => progress.push("No protocol yet.".into()),
    }
    if let Some(r) = &sheet.reintro {
        let foods: Vec<String> = [
            ("Testing now", &r.testing),
            ("Tolerated", &r.tolerated),
            ("To retry", &r.to_retry),
        ]
        .into_iter()
        .filter(|(_, foods)| !foods.is_empty())
        .map(|(label, foods)| format!("**{label}:** {}", foods.join(", ")))
        .collect();
        if !foods.is_empty() {
            progress.push(shorten(&foods.join(" · "), 160).0);
        }
        if let Some(timing) = &r.timing {
            progress.push(timing.clone());
        }
    }
    if sheet.trends.is_empty() {
        progress.push("No check-ins yet.".into());
    } else {
        let trends: Vec<String> = sheet
            .trends
            .iter()
            .map(|t| {
                format!(
                    "**{}** {} now ({:.1} on average over 30 days)",
                    t.symptom, t.last, t.average_30
                )
            })
            .collect();
        progress.push(trends.join(" · "));
    }
    if !sheet.labs.is_empty() {
        let labs: Vec<String> = sheet
            .labs
            .iter()
            .map(|lab| {
                if lab.summary.is_empty() {
                    format!("**{}** ({})", lab.name, lab.taken_on)
                } else {
                    format!(
                        "**{}** ({}): {}",
                        lab.name,
                        lab.taken_on,
                        shorten(&lab.summary, 60).0
                    )
                }
            })
            .collect();
        progress.push(labs.join(" · "));
    }
    if !sheet.handouts_given.is_empty() {
        let given = format!("**Handouts given:** {}", sheet.handouts_given.join(" · "));
        progress.push(shorten(&given, 2 * PRINT_LINE_CHARS).0);
    }
    blocks.push(ResolvedBlock::Bullets { items: progress });

    if !sheet.suggested.is_empty() {
        heading("Suggested from your articles", &mut blocks);
        blocks.push(ResolvedBlock::Bullets {
            items: sheet
                .suggested
                .iter()
                .map(|s| {
                    let title = if s.heading.is_empty() {
                        format!("**{}**", s.article_title)
                    } else {
                        format!("**{}** ({})", s.heading, s.article_title)
                    };
                    shorten(&format!("{title}: {}", s.why), 2 * PRINT_LINE_CHARS - 4).0
                })
                .collect(),
        });
    }

    let mut doc = documents::new(
        db,
        &format!("Before your call with {}", sheet.called),
        Some(sheet.name.clone()),
        blocks,
    )?;
    doc.coach_only = true;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_notes_are_shortened_between_words_with_an_ellipsis() {
        assert_eq!(shorten("  Short   note ", 40), ("Short note".into(), false));
        let (text, cut) = shorten(
            "Broth every morning, walks after lunch, and sleep by ten",
            30,
        );
        assert!(cut);
        assert_eq!(text, "Broth every morning, walks…");
        assert!(text.chars().count() <= 30);
        let (word, _) = shorten("Supercalifragilisticexpialidocious", 10);
        assert_eq!(word, "Supercali…");
        let (zoe, _) = shorten("Zoë 李小龙 🌿 feels much better this week", 12);
        assert_eq!(zoe, "Zoë 李小龙 🌿…");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(how_long(1), "1 day");
        assert_eq!(how_long(20), "2 weeks");
        assert_eq!(how_long(95), "3 months");
        assert_eq!(how_long(800), "2 years");
    }
}
