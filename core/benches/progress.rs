//! `make bench`: five years of daily symptom check-ins for one client reach the chart within
//! the budget of issue #5 (≤ 50 ms from the command call). The measured call is what the
//! `checkin_chart` command does: `checkins::chart` and the JSON the IPC layer sends. Exits
//! non-zero when the budget is missed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Duration as Days, NaiveDate};
use coachdesk_core::checkins::{self, CheckInInput, Rating};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::protocols::{self, AssignInput, ProtocolStep};
use coachdesk_core::reintro::{self, FoodStatus, LogInput};
use common::{ms, percentile, report, timed};

const DAYS: i64 = 5 * 365 + 1;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    let client = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    let symptoms = checkins::symptoms(&db, false).unwrap();
    let start = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let (setup, ()) = timed(|| {
        for d in 0..DAYS {
            let day = start + Days::days(d);
            let ratings = symptoms
                .iter()
                .enumerate()
                .map(|(i, s)| Rating {
                    symptom_id: s.id,
                    value: u8::try_from((d * 7 + i as i64 * 3) % 11).unwrap(),
                })
                .collect();
            checkins::add(
                &db,
                &CheckInInput {
                    client_id: client.id,
                    on_date: day.format("%Y-%m-%d").to_string(),
                    notes: if d % 7 == 0 {
                        "A harder week; more rest.".into()
                    } else {
                        String::new()
                    },
                    ratings,
                },
            )
            .unwrap();
        }
    });
    // Two protocols through all their phases, and a reintroduction every week for a year.
    let templates = protocols::list_templates(&db).unwrap();
    let mut day = start;
    for t in &templates {
        let p = protocols::assign(
            &db,
            &AssignInput {
                client_id: client.id,
                template_id: t.id,
                start_date: day.format("%Y-%m-%d").to_string(),
            },
        )
        .unwrap();
        for _ in 1..t.phase_count {
            day += Days::days(60);
            protocols::step(
                &db,
                p.id,
                ProtocolStep::Advance,
                &day.format("%Y-%m-%d").to_string(),
            )
            .unwrap();
        }
        day += Days::days(60);
        protocols::step(
            &db,
            p.id,
            ProtocolStep::Complete,
            &day.format("%Y-%m-%d").to_string(),
        )
        .unwrap();
    }
    let foods = reintro::foods(&db).unwrap();
    for (i, food) in foods.iter().cycle().take(52).enumerate() {
        let on = start + Days::days(400 + 7 * i as i64);
        reintro::log(
            &db,
            &LogInput {
                client_id: client.id,
                food_id: food.id,
                on_date: on.format("%Y-%m-%d").to_string(),
                amount: "1 tsp".into(),
                symptoms: String::new(),
                severity: 0,
                outcome: FoodStatus::Tolerated,
                notes: String::new(),
            },
        )
        .unwrap();
    }
    println!(
        "set-up: {DAYS} daily check-ins × {} symptoms in {:.1} s",
        symptoms.len(),
        setup.as_secs_f64()
    );

    let mut samples = Vec::new();
    let mut bytes = 0;
    for _ in 0..100 {
        let (t, json) = timed(|| {
            let chart = checkins::chart(&db, client.id).unwrap();
            serde_json::to_vec(&chart).unwrap()
        });
        bytes = json.len();
        samples.push(t);
    }
    let chart = checkins::chart(&db, client.id).unwrap();
    assert_eq!(chart.dates.len(), usize::try_from(DAYS).unwrap());
    assert_eq!(chart.series.len(), symptoms.len());
    assert!(chart.bands.len() >= 11);
    assert_eq!(chart.markers.len(), 52);
    println!("chart JSON: {} KB", bytes / 1024);
    let ok = report("5 years of daily check-ins → chart", &mut samples, 50.0);

    let mut samples = Vec::new();
    for _ in 0..20 {
        samples.push(timed(|| checkins::csv(&db, client.id).unwrap()).0);
    }
    println!(
        "{:<40} n={:<5} p50 {:>7.3} ms  p95 {:>7.3} ms  (reported only)",
        "the same check-ins as CSV",
        samples.len(),
        ms(percentile(&mut samples, 0.5)),
        ms(percentile(&mut samples, 0.95))
    );
    if !ok {
        eprintln!("A budget was missed.");
        std::process::exit(1);
    }
}
