//! A consult as a calendar file (.ics, RFC 5545), for the coach's calendar. Notes are never
//! included: the file may leave the computer.

use chrono::{DateTime, Duration, Utc};

use super::{get, ConsultStatus};
use crate::db::Db;
use crate::error::{Error, Result};
use crate::files::{Kind, Made};

/// Escapes text for an iCalendar property value (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn ics_time(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The consult as an iCalendar file (times in UTC, so every calendar shows the right local
/// time). Notes are never included: the file may leave the computer.
pub fn ics(db: &Db, id: i64) -> Result<String> {
    let consult = get(db, id)?;
    let start = DateTime::parse_from_rfc3339(&consult.scheduled_at)
        .map_err(|e| Error::Unreadable(format!("The consult's time could not be read: {e}")))?
        .with_timezone(&Utc);
    let end = start + Duration::minutes(i64::from(consult.duration_minutes));
    let practice = crate::practice::get(db)?;
    let mut summary = format!("{} with {}", consult.kind.label(), consult.client_name);
    if let Some(p) = &practice {
        summary.push_str(&format!(" ({})", p.practice_name));
    }
    let status = if consult.status == ConsultStatus::Cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//CoachDesk//CoachDesk//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!(
            "UID:consult-{}-{}@coachdesk.invalid",
            consult.id,
            consult.created_at.replace([':', '.', '-'], "")
        ),
        format!("DTSTAMP:{}", ics_time(Utc::now())),
        format!("DTSTART:{}", ics_time(start)),
        format!("DTEND:{}", ics_time(end)),
        format!("SUMMARY:{}", ics_text(&summary)),
        format!("STATUS:{status}"),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in &lines {
        fold_line(line, &mut out);
    }
    Ok(out)
}

/// The consult's calendar file to save, with its name.
pub fn ics_file(db: &Db, id: i64) -> Result<Made> {
    Ok(Made {
        bytes: ics(db, id)?.into_bytes(),
        name: ics_file_name(db, id)?,
        kind: Kind::Calendar,
    })
}

/// A sensible file name for the consult's calendar file.
pub fn ics_file_name(db: &Db, id: i64) -> Result<String> {
    let consult = get(db, id)?;
    let day = consult.scheduled_at.get(..10).unwrap_or("consult");
    let name: String = consult
        .client_name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let name = name
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    Ok(format!("{} {name} {day}.ics", consult.kind.label()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_lines_are_escaped_and_folded() {
        let mut out = String::new();
        fold_line(
            &format!("SUMMARY:{}", ics_text(&"Zoë, 李小龙; 🌿 ".repeat(8))),
            &mut out,
        );
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert!(out.contains("Zoë\\, 李小龙\\; 🌿"));
    }
}
