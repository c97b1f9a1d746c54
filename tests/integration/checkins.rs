//! Symptom check-ins on a real store: the chart, the CSV and the configurable symptom list.

use coachdesk_core::checkins::{self, CheckInInput};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::protocols::{self, ProtocolStep};
use coachdesk_core::reintro::{self, FoodStatus};

use crate::progress::*;

#[test]
fn check_ins_chart_and_csv() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Renée Côté")).unwrap();
    let symptoms = checkins::symptoms(&p.db, false).unwrap();
    let names: Vec<&str> = symptoms.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Fatigue",
            "Brain fog",
            "Pain",
            "Numbness/tingling",
            "Digestion/bloating",
            "Mood",
            "Sleep quality",
            "Energy"
        ]
    );
    let (fatigue, fog) = (symptoms[0].id, symptoms[1].id);
    let add = |on: &str, notes: &str, r: &[(i64, u8)]| {
        checkins::add(
            &p.db,
            &CheckInInput {
                client_id: c.id,
                on_date: on.into(),
                notes: notes.into(),
                ratings: ratings(r),
            },
        )
    };
    add(
        "2026-11-03",
        "=SUM(A1) \"tired\", Zoë 李小龙 🌿",
        &[(fatigue, 7), (fog, 5)],
    )
    .unwrap();
    add("2026-11-01", "", &[(fatigue, 8)]).unwrap();
    assert!(
        problems(add("2026-11-01", "", &[(fatigue, 2)]).unwrap_err())[0]
            .contains("already a check-in")
    );
    assert!(
        problems(add("2026-11-05", "", &[(fatigue, 11)]).unwrap_err())[0].contains("from 0 to 10")
    );
    assert!(problems(add("2026-11-05", "", &[]).unwrap_err())[0].contains("at least one"));
    assert!(problems(add("2026-11-05", "", &[(999, 1)]).unwrap_err())[0]
        .contains("no longer on the list"));

    // A protocol phase and a reintroduction show on the chart.
    let pr = assign(&p, c.id, "Autoimmune", "2026-10-01");
    protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-11-02").unwrap();
    reintro::log(
        &p.db,
        &entry(
            c.id,
            food_id(&p.db, "Egg yolks"),
            "2026-11-02",
            FoodStatus::Tolerated,
        ),
    )
    .unwrap();

    let chart = checkins::chart(&p.db, c.id).unwrap();
    assert_eq!(chart.dates, ["2026-11-01", "2026-11-03"]);
    assert_eq!(chart.series[0].values, [Some(8), Some(7)]);
    assert_eq!(chart.series[1].values, [None, Some(5)]);
    assert_eq!(chart.series.len(), 8);
    assert_eq!(chart.bands.len(), 2);
    assert_eq!(chart.bands[0].label, "Elimination");
    assert_eq!(chart.bands[0].to.as_deref(), Some("2026-11-02"));
    assert_eq!(chart.bands[1].label, "Reintroduction, stage 1");
    assert_eq!(chart.bands[1].to, None);
    assert_eq!(chart.markers.len(), 1);
    assert_eq!(chart.markers[0].food, "Egg yolks");

    let csv = checkins::csv(&p.db, c.id).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}Date,Fatigue,Brain fog,Pain,Numbness/tingling,Digestion/bloating,Mood,Sleep quality,Energy,Notes"
    );
    assert_eq!(lines[1], "2026-11-01,8,,,,,,,,");
    assert_eq!(
        lines[2],
        "2026-11-03,7,5,,,,,,,\"'=SUM(A1) \"\"tired\"\", Zoë 李小龙 🌿\""
    );

    // Archiving a symptom keeps her history on the chart.
    checkins::set_symptom_archived(&p.db, fog, true).unwrap();
    assert_eq!(checkins::symptoms(&p.db, false).unwrap().len(), 7);
    assert_eq!(checkins::chart(&p.db, c.id).unwrap().series.len(), 8);
}

#[test]
fn the_symptom_list_is_configurable() {
    let p = practice();
    let list = checkins::add_symptom(&p.db, "Heat sensitivity").unwrap();
    let heat = list.last().unwrap().id;
    assert!(
        problems(checkins::add_symptom(&p.db, "  fatigue ").unwrap_err())[0]
            .contains("already on the list")
    );
    assert!(problems(checkins::add_symptom(&p.db, "").unwrap_err())[0].starts_with("name:"));
    let list = checkins::move_symptom(&p.db, heat, -1).unwrap();
    assert_eq!(list[list.len() - 2].name, "Heat sensitivity");
    let list = checkins::rename_symptom(&p.db, heat, "Heat sensitivity (Uhthoff)").unwrap();
    assert!(list.iter().any(|s| s.name == "Heat sensitivity (Uhthoff)"));
    let list = checkins::move_symptom(&p.db, list[0].id, -1).unwrap();
    assert_eq!(list[0].name, "Fatigue");
}
