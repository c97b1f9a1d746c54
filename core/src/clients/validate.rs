//! The rules a client's record follows: names required and bounded, e-mails and dates checked,
//! tags tidied (trimmed, one line, no duplicates ignoring case and accents); every problem
//! reported at once, by field.

use chrono::{Datelike, NaiveDate};

use super::ClientInput;
use crate::check;
use crate::error::{Error, FieldProblem, Result};
use crate::text::{fold, has_control_chars, hidden_char, nfc, valid_email};

const MAX_NAME: usize = 200;
const MAX_SHORT: usize = 200;
const MAX_EMAIL: usize = 254;
const MAX_PHONE: usize = 40;
const MAX_TEXT: usize = 20_000;
const MAX_NOTES: usize = 200_000;
const MAX_TAG: usize = 40;
const MAX_TAGS: usize = 30;

/// A cleaned, validated input: trimmed text, tidy tags.
pub(super) struct Valid(pub(super) ClientInput);

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
pub(super) fn validate(input: &ClientInput, today: NaiveDate) -> Result<Valid> {
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
