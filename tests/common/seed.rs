//! Small seeds the integration and end-to-end suites share (`#[path]`): dates counted back from
//! today, and check-ins that rate one symptom over the weeks.

use coachdesk_core::checkins::{self, CheckInInput, Rating};
use coachdesk_core::db::Db;

/// The day `ago` days before today, written as the forms write it (2026-11-03).
pub fn days_ago(ago: i64) -> String {
    (chrono::Utc::now().date_naive() - chrono::Duration::days(ago))
        .format("%Y-%m-%d")
        .to_string()
}

/// One check-in per (days ago, value), each rating only the first symptom of her list (fatigue,
/// in the starter list).
pub fn rate_first_symptom(db: &Db, client_id: i64, ratings: &[(i64, u8)]) {
    let first = checkins::symptoms(db, false).unwrap()[0].id;
    for &(ago, value) in ratings {
        checkins::add(
            db,
            &CheckInInput {
                client_id,
                on_date: days_ago(ago),
                notes: String::new(),
                ratings: vec![Rating {
                    symptom_id: first,
                    value,
                }],
            },
        )
        .unwrap();
    }
}
