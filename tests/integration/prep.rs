//! The consult prep sheet on a real store: a client with a bit of everything, and one with
//! nothing yet.

use chrono::NaiveDate;
use coachdesk_core::checkins::{self, CheckInInput, Rating};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::consults::{self, ConsultInput, NoteSection};
use coachdesk_core::documents;
use coachdesk_core::follow_ups::{self, FollowUpInput};
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
use coachdesk_core::prep;

use crate::progress::{client_with_everything, practice};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 6).unwrap()
}

fn pages(path: &std::path::Path) -> usize {
    let out = std::process::Command::new("qpdf")
        .args(["--show-npages"])
        .arg(path)
        .output()
        .expect("qpdf is installed by make test");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn the_prep_sheet_gathers_her_last_notes_follow_ups_protocol_reintroductions_and_trends() {
    let p = practice();
    let mut input = ClientInput::named("Renée Côté");
    input.preferred_name = "Renée".into();
    input.diagnosis_year = Some(2019);
    input.ms_type = clients::MsType::Rrms;
    input.goals = "Steady energy to keep up with her grandchildren".into();
    let her = client_with_everything(&p, &input);

    let consult = consults::create(
        &p.db,
        &ConsultInput::free_consult(her.id, "2026-11-02T15:00:00Z", 30),
    )
    .unwrap();
    let long = "Broth every morning and a short walk after lunch; ".repeat(12);
    consults::save_notes(
        &p.db,
        consult.id,
        &[
            NoteSection {
                heading: "Current state".into(),
                body: "Tired by 3 pm, sleeping badly".into(),
            },
            NoteSection {
                heading: "Desired state".into(),
                body: long.clone(),
            },
            NoteSection {
                heading: "Obstacles".into(),
                body: long.clone(),
            },
            NoteSection {
                heading: "Objections".into(),
                body: long.clone(),
            },
            NoteSection {
                heading: "Next steps".into(),
                body: long,
            },
        ],
        true,
    )
    .unwrap();
    for (title, due) in [
        ("Send the broth recipe", Some("2026-11-01")),
        ("Book the next call", Some("2026-11-20")),
        ("Ask about the MRI", None),
    ] {
        follow_ups::create(
            &p.db,
            &FollowUpInput {
                client_id: her.id,
                title: title.into(),
                due_date: due.map(Into::into),
            },
        )
        .unwrap();
    }
    let fatigue = checkins::symptoms(&p.db, false).unwrap()[0].clone();
    for (on, value) in [("2026-10-20", 2), ("2026-10-27", 3), ("2026-11-05", 7)] {
        checkins::add(
            &p.db,
            &CheckInInput {
                client_id: her.id,
                on_date: on.into(),
                notes: String::new(),
                ratings: vec![Rating {
                    symptom_id: fatigue.id,
                    value,
                }],
            },
        )
        .unwrap();
    }

    handouts::export(
        &p.db,
        &HandoutDraft {
            title: "Broth basics".into(),
            client_id: Some(her.id),
            blocks: vec![HandoutBlock::FreeText {
                text: "Simmer bones for a day.".into(),
            }],
        },
        &p.dir.path().join("broth.pdf"),
    )
    .unwrap();

    let sheet = prep::get(&p.db, her.id, today()).unwrap();
    assert_eq!(sheet.called, "Renée");
    assert!(
        sheet.handouts_given[0].starts_with("Broth basics ("),
        "{:?}",
        sheet.handouts_given
    );
    assert_eq!(sheet.ms, "RRMS, diagnosed 2019 (7 years ago)");
    assert!(sheet.goals.contains("grandchildren"));
    let last = sheet.last_consult.as_ref().unwrap();
    assert!(
        last.title.starts_with("Free consult call, "),
        "{}",
        last.title
    );
    assert_eq!(last.sections[0].text, "Tired by 3 pm, sleeping badly");
    assert!(!last.sections[0].shortened);
    assert!(last.sections[1].shortened);
    assert!(last.sections[1].text.ends_with('…'));
    assert!(last.sections[1].text.chars().count() <= prep::NOTE_CHARS);
    let titles: Vec<(&str, bool)> = sheet
        .follow_ups
        .iter()
        .map(|f| (f.title.as_str(), f.overdue))
        .collect();
    assert_eq!(
        titles,
        [
            ("Send the broth recipe", true),
            ("Book the next call", false),
            ("Ask about the MRI", false)
        ]
    );
    let protocol = sheet.protocol.as_ref().unwrap();
    assert_eq!(protocol.phase, "Reintroduction, stage 1");
    assert_eq!(protocol.days_in_phase, 5);
    assert!(protocol
        .next
        .as_deref()
        .unwrap()
        .starts_with("Next: Reintroduction, stage 2"));
    let reintro = sheet.reintro.as_ref().unwrap();
    assert_eq!(reintro.tolerated, ["Egg yolks"]);
    assert_eq!(
        reintro.timing.as_deref(),
        Some("Egg yolks logged 4 days ago: 1 day more before the next new food.")
    );
    let trend = sheet
        .trends
        .iter()
        .find(|t| t.symptom == fatigue.name)
        .unwrap();
    assert_eq!(trend.last, 7);
    assert_eq!(trend.recent, [2, 3, 4, 7]);
    assert!(
        (trend.average_30 - 4.0).abs() < 0.01,
        "{}",
        trend.average_30
    );
    assert_eq!(sheet.labs[0].name, "Ferritin");

    // One printed page, in order.
    let doc = prep::printable(&p.db, &sheet).unwrap();
    let path = p.dir.path().join("prep.pdf");
    documents::save(&p.db, &doc, &path).unwrap();
    let _ = std::fs::copy(&path, "/tmp/prep-sheet.pdf");
    assert_eq!(pages(&path), 1, "the prep sheet fits on one page");
    let text = crate::pdftotext(&path);
    let mut at = 0;
    for words in [
        "Before your call with Renée",
        "RRMS, diagnosed 2019",
        "Last consult",
        "Tired by 3 pm, sleeping badly",
        "Send the broth recipe (overdue, due 2026-11-01)",
        "Protocol and progress",
        "Reintroduction, stage 1",
        "Tolerated: Egg yolks",
        "7 now (4.0 on average over 30 days)",
        "Ferritin",
        "Handouts given: Broth basics",
    ] {
        let found = text[at..]
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} after {at} in {text}"));
        at += found + words.len();
    }
}

#[test]
fn a_new_client_gets_a_prep_sheet_that_says_so_kindly() {
    let p = practice();
    let zoe = clients::create(&p.db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let sheet = prep::get(&p.db, zoe.id, today()).unwrap();
    assert!(sheet.last_consult.is_none());
    assert!(sheet.follow_ups.is_empty() && sheet.trends.is_empty() && sheet.labs.is_empty());
    assert!(sheet.protocol.is_none() && sheet.reintro.is_none());
    assert_eq!(sheet.ms, "");
    let path = p.dir.path().join("prep.pdf");
    documents::save(&p.db, &prep::printable(&p.db, &sheet).unwrap(), &path).unwrap();
    let text = crate::pdftotext(&path);
    for kind in [
        "This is your first consult together: no notes yet.",
        "No protocol yet.",
        "No check-ins yet.",
    ] {
        assert!(text.contains(kind), "{kind:?} in {text}");
    }
    assert!(!text.contains("Open follow-ups"), "no empty boxes: {text}");
}
