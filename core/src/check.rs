//! Shared input checks: every form field is trimmed, bounded and free of control characters,
//! and each problem is reported against its field in words the coach understands.

use chrono::{Datelike, NaiveDate};

use crate::error::FieldProblem;
use crate::text::{has_control_chars, hidden_char, nfc};

/// One line of text (a name, a title): trimmed, at most `max` characters, no line breaks.
pub(crate) fn line(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: &str,
    what: &str,
    max: usize,
    required: bool,
) -> String {
    let value = value.trim();
    let count = value.chars().count();
    if required && value.is_empty() {
        problems.push(FieldProblem::new(field, format!("Please enter {what}.")));
    } else if count > max {
        problems.push(FieldProblem::new(
            field,
            format!("Keep {what} to {max} characters (this one has {count})."),
        ));
    } else if value.contains(['\n', '\r']) || has_control_chars(value) {
        problems.push(FieldProblem::new(
            field,
            format!("Keep {what} to one line of ordinary text."),
        ));
    } else if let Some(c) = hidden_char(value) {
        problems.push(hidden(field, what, c));
    }
    nfc(value)
}

/// The problem with an invisible character that changes how text reads.
pub(crate) fn hidden(field: &str, what: &str, c: char) -> FieldProblem {
    FieldProblem::new(
        field,
        format!(
            "{} holds an invisible character (U+{:04X}) that can change how the text reads; \
             please type it again without it.",
            capitalise(what),
            u32::from(c)
        ),
    )
}

/// Free text (notes, a summary): trimmed, at most `max` characters, line breaks allowed.
pub(crate) fn text(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: &str,
    what: &str,
    max: usize,
) -> String {
    let value = value.trim();
    let count = value.chars().count();
    if count > max {
        problems.push(FieldProblem::new(
            field,
            format!("Keep {what} to {max} characters (this has {count})."),
        ));
    } else if has_control_chars(value) {
        problems.push(FieldProblem::new(
            field,
            format!("{} holds characters that are not text.", capitalise(what)),
        ));
    }
    value.replace("\r\n", "\n")
}

/// A calendar date as `YYYY-MM-DD`, between 1900 and 2100.
pub(crate) fn date(
    problems: &mut Vec<FieldProblem>,
    field: &str,
    value: &str,
    what: &str,
) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
        Ok(d) if (1900..=2100).contains(&d.year()) => Some(d),
        _ => {
            problems.push(FieldProblem::new(
                field,
                format!("Please choose {what} (a real calendar date)."),
            ));
            None
        }
    }
}

/// The date as it reads on the timeline: "Tue 3 Dec 2026".
pub(crate) fn date_label(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_bounded_and_single() {
        let mut p = Vec::new();
        assert_eq!(
            line(&mut p, "name", "  Zoë 李小龙 🌿 ", "a name", 10, true),
            "Zoë 李小龙 🌿"
        );
        assert!(p.is_empty());
        line(&mut p, "name", "   ", "a name", 10, true);
        line(&mut p, "name", "two\nlines", "a name", 20, true);
        line(&mut p, "name", &"x".repeat(11), "a name", 10, true);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].reason, "Please enter a name.");
        assert!(p[2].reason.contains("(this one has 11)"));
    }

    #[test]
    fn dates_must_be_real() {
        let mut p = Vec::new();
        assert!(date(&mut p, "d", "2026-02-28", "a date").is_some());
        assert!(date(&mut p, "d", "2026-02-30", "a date").is_none());
        assert!(date(&mut p, "d", "", "a date").is_none());
        assert!(date(&mut p, "d", "3026-01-01", "a date").is_none());
        assert_eq!(p.len(), 3);
    }
}
