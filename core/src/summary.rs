//! The client summary: a printable record of one client (her profile, open follow-ups,
//! protocols, reintroductions, latest check-in and labs, and every consult with its notes) for
//! the coach's own files. Nothing is recorded on her timeline.

use crate::clients;
use crate::db::Db;
use crate::documents::{self, Printable, ResolvedBlock};
use crate::error::Result;

/// A printable summary of a client: her profile, open follow-ups and consult history with
/// notes, in the practice's branding. Nothing is recorded: it is the coach's own record.
pub fn get(db: &Db, client_id: i64) -> Result<Printable> {
    let client = clients::get(db, client_id)?;
    let consults = crate::consults::for_client(db, client_id)?;
    let follow_ups = crate::follow_ups::for_client(db, client_id)?;
    let mut blocks = vec![ResolvedBlock::Heading {
        text: "Profile".into(),
    }];
    let ms = client.ms_type.label().to_owned();
    let diagnosed = client
        .diagnosis_year
        .map(|y| y.to_string())
        .unwrap_or_default();
    let facts = [
        ("Status", client.status.label().to_owned()),
        ("Preferred name", client.preferred_name.clone()),
        ("Email", client.email.clone()),
        ("Phone", client.phone.clone()),
        ("Birth date", client.birth_date.clone().unwrap_or_default()),
        ("MS type", ms),
        ("Diagnosed", diagnosed),
        ("Medications / DMT", client.medications.clone()),
        (
            "Last relapse",
            client.last_relapse.clone().unwrap_or_default(),
        ),
        ("Other conditions", client.other_conditions.clone()),
        ("Allergies and sensitivities", client.allergies.clone()),
        ("Diet approach", client.diet_approach.clone()),
        ("Supplements", client.supplements.clone()),
        ("Goals", client.goals.clone()),
        ("Referral source", client.referral_source.clone()),
        ("Tags", client.tags.join(", ")),
    ];
    let items: Vec<String> = facts
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("**{k}:** {}", v.trim()))
        .collect();
    if !items.is_empty() {
        blocks.push(ResolvedBlock::Bullets { items });
    }
    if !client.notes.trim().is_empty() {
        documents::text_blocks(&client.notes, &mut blocks);
    }
    let open: Vec<String> = follow_ups
        .iter()
        .filter(|f| f.done_at.is_none())
        .map(|f| match &f.due_date {
            Some(d) => format!("{} (due {d})", f.title),
            None => f.title.clone(),
        })
        .collect();
    if !open.is_empty() {
        blocks.push(ResolvedBlock::Checklist {
            title: "Open follow-ups".into(),
            items: open,
        });
    }
    progress_blocks(db, client_id, &mut blocks)?;
    blocks.push(ResolvedBlock::Heading {
        text: "Consult history".into(),
    });
    if consults.is_empty() {
        blocks.push(ResolvedBlock::Paragraph {
            text: "No consults yet.".into(),
        });
    }
    for summary in &consults {
        let consult = crate::consults::get(db, summary.id)?;
        let status = serde_json::to_value(consult.status)
            .ok()
            .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
            .unwrap_or_default();
        blocks.push(ResolvedBlock::Paragraph {
            text: format!(
                "**{} – {}** ({status}, {} min)",
                crate::consults::local_label_text(&consult.scheduled_at),
                consult.kind.label(),
                consult.duration_minutes
            ),
        });
        let notes: Vec<String> = consult
            .sections
            .iter()
            .filter(|s| !s.body.trim().is_empty())
            .map(|s| {
                format!(
                    "**{}:** {}",
                    s.heading,
                    s.body.split_whitespace().collect::<Vec<_>>().join(" ")
                )
            })
            .collect();
        if !notes.is_empty() {
            blocks.push(ResolvedBlock::Bullets { items: notes });
        }
    }
    documents::new(
        db,
        &format!("Client summary: {}", client.name),
        None,
        blocks,
    )
}

/// "Tue 3 Nov 2026" for an ISO date; the text itself if it is not one.
fn day_label(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map_or_else(|_| iso.to_owned(), crate::check::date_label)
}

/// Her protocols, reintroductions, latest check-in and lab results, for the client summary.
fn progress_blocks(db: &Db, client_id: i64, blocks: &mut Vec<ResolvedBlock>) -> Result<()> {
    use crate::protocols::ProtocolStatus;
    use crate::reintro::FoodStatus;
    let mut items = Vec::new();
    for p in crate::protocols::for_client(db, client_id)? {
        let phase = p
            .phases
            .get(p.current_phase as usize)
            .map_or("", |ph| ph.name.as_str());
        let since = p
            .history
            .last()
            .map_or(p.start_date.as_str(), |e| e.on_date.as_str());
        items.push(match p.status {
            ProtocolStatus::Active => {
                format!("**{}:** {phase}, since {}", p.name, day_label(since))
            }
            ProtocolStatus::Paused => {
                format!("**{}:** paused in {phase} on {}", p.name, day_label(since))
            }
            ProtocolStatus::Completed => format!(
                "**{}:** completed on {} (started {})",
                p.name,
                day_label(since),
                day_label(&p.start_date)
            ),
        });
    }
    let board = crate::reintro::for_client(db, client_id)?;
    for (status, label) in [
        (FoodStatus::Tolerated, "Tolerated"),
        (FoodStatus::Testing, "Testing"),
        (FoodStatus::Reacted, "Reacted"),
        (FoodStatus::RetestLater, "To retest later"),
    ] {
        let names: Vec<&str> = board
            .foods
            .iter()
            .filter(|f| f.status == status)
            .map(|f| f.name.as_str())
            .collect();
        if !names.is_empty() {
            items.push(format!("**{label}:** {}", names.join(", ")));
        }
    }
    let checkins = crate::checkins::for_client(db, client_id)?;
    if let Some(latest) = checkins.first() {
        let names: std::collections::HashMap<i64, String> = crate::checkins::symptoms(db, true)?
            .into_iter()
            .map(|s| (s.id, s.name))
            .collect();
        let ratings: Vec<String> = latest
            .ratings
            .iter()
            .filter_map(|r| names.get(&r.symptom_id).map(|n| format!("{n} {}", r.value)))
            .collect();
        items.push(format!(
            "**Latest check-in ({}, {} in all):** {}",
            day_label(&latest.on_date),
            checkins.len(),
            ratings.join(", ")
        ));
    }
    for lab in crate::labs::for_client(db, client_id)? {
        let summary = lab.summary.split_whitespace().collect::<Vec<_>>().join(" ");
        items.push(if summary.is_empty() {
            format!("**{}** ({})", lab.name, day_label(&lab.taken_on))
        } else {
            format!("**{}** ({}): {summary}", lab.name, day_label(&lab.taken_on))
        });
    }
    if !items.is_empty() {
        blocks.push(ResolvedBlock::Heading {
            text: "Protocol and progress".into(),
        });
        blocks.push(ResolvedBlock::Bullets { items });
    }
    Ok(())
}

/// The client summary, ready for the save dialog.
pub fn prepare(db: &Db, client_id: i64) -> Result<documents::Prepared> {
    Ok(documents::Prepared::new(get(db, client_id)?))
}

/// Writes the client summary PDF to `path`.
pub fn save(db: &Db, client_id: i64, path: &std::path::Path) -> Result<()> {
    documents::save(db, &get(db, client_id)?, path)
}
