//! Protocols: versioned templates of phases and items, and each client's personal copy.
//!
//! A template is never edited in place: saving it writes a new version, and older versions stay
//! readable. Assigning copies the current version's phases into `client_protocols`, so later
//! template edits never reach a client, and her copy can be personalised on its own.

mod client_copy;
mod templates;

pub(crate) use client_copy::phases_for_handout;
pub use client_copy::{assign, for_client, get_protocol, save_client_protocol, step};
pub(crate) use templates::current_versions_in;
pub use templates::{
    archive_template, create_template, current_versions, get_template, list_templates,
    save_template, template_version,
};

use rusqlite::Row;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check;
use crate::error::{Error, FieldProblem, Result};

/// What an item asks of her.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    FoodInclude,
    FoodAvoid,
    Supplement,
    Sleep,
    Stress,
    Movement,
    Mindset,
}

impl ItemKind {
    pub const ALL: [Self; 7] = [
        Self::FoodInclude,
        Self::FoodAvoid,
        Self::Supplement,
        Self::Sleep,
        Self::Stress,
        Self::Movement,
        Self::Mindset,
    ];

    /// Sleep, stress, movement and mindset: the "lifestyle" part of a phase, in this order.
    pub const LIFESTYLE: [Self; 4] = [Self::Sleep, Self::Stress, Self::Movement, Self::Mindset];

    /// One item of this kind, as the kind select names it.
    pub fn item_label(self) -> &'static str {
        match self {
            Self::Supplement => "Supplement",
            other => other.label(),
        }
    }

    /// The heading this kind of item is printed under.
    pub fn label(self) -> &'static str {
        match self {
            Self::FoodInclude => "Foods to enjoy",
            Self::FoodAvoid => "Foods to avoid",
            Self::Supplement => "Supplements",
            Self::Sleep => "Sleep",
            Self::Stress => "Stress",
            Self::Movement => "Movement",
            Self::Mindset => "Mindset practice",
        }
    }

    /// Sleep, stress, movement and mindset: the "lifestyle" part of a phase.
    pub fn is_lifestyle(self) -> bool {
        Self::LIFESTYLE.contains(&self)
    }
}

/// Printed beside every supplement, wherever it appears.
pub const SUPPLEMENT_CAUTION: &str = "Discuss with your doctor before starting.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolItem {
    pub kind: ItemKind,
    pub text: String,
    /// Supplements only: e.g. "1 capsule".
    #[serde(default)]
    pub dose: String,
    /// Supplements only: e.g. "with breakfast".
    #[serde(default)]
    pub timing: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    /// Which phase this is within its protocol, kept when phases are renamed, reordered or
    /// others removed, so her current phase and the chart's bands follow the phase, not its
    /// place. 0 for a phase just added: saving gives it the next number. (Phases stored
    /// before ids existed are numbered by their place when read.)
    #[serde(default)]
    pub id: u32,
    pub name: String,
    /// Free text, e.g. "30–90 days".
    pub duration: String,
    pub aims: String,
    pub items: Vec<ProtocolItem>,
}

/// What the template editor (and the client-copy editor) saves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolDraft {
    pub name: String,
    pub summary: String,
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateSummary {
    pub id: i64,
    pub name: String,
    pub summary: String,
    pub version: i64,
    pub phase_count: i64,
    pub updated_at: String,
    /// How many clients were given a copy of any version.
    pub assigned_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateVersion {
    pub template_id: i64,
    pub version: i64,
    pub name: String,
    pub summary: String,
    pub phases: Vec<Phase>,
    pub created_at: String,
    pub is_current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    pub version: i64,
    pub name: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateDetail {
    pub current: TemplateVersion,
    /// Newest first.
    pub versions: Vec<VersionInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolStatus {
    Active,
    Paused,
    Completed,
}

impl ProtocolStatus {
    pub const ALL: [Self; 3] = [Self::Active, Self::Paused, Self::Completed];

    /// The steps a protocol in this status accepts (`step` refuses the others); on the last
    /// phase there is no next one to advance to.
    pub fn allowed_steps(self, on_last_phase: bool) -> &'static [ProtocolStep] {
        use ProtocolStep::{Advance, Complete, Pause, Resume};
        match (self, on_last_phase) {
            (Self::Active, false) => &[Advance, Pause, Complete],
            (Self::Active, true) => &[Pause, Complete],
            (Self::Paused, _) => &[Resume, Complete],
            (Self::Completed, _) => &[],
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Completed => "completed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Active, Self::Paused, Self::Completed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolEventKind {
    /// She began the phase numbered `phase`.
    Phase,
    Paused,
    Resumed,
    Completed,
}

impl ProtocolEventKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Phase => "phase",
            Self::Paused => "paused",
            Self::Resumed => "resumed",
            Self::Completed => "completed",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Phase, Self::Paused, Self::Resumed, Self::Completed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProtocolEvent {
    pub kind: ProtocolEventKind,
    /// Index into `phases`.
    pub phase: u32,
    pub on_date: String,
}

/// A client's personal copy of a protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientProtocol {
    pub id: i64,
    pub client_id: i64,
    pub template_id: Option<i64>,
    pub template_version: Option<i64>,
    pub name: String,
    pub summary: String,
    pub phases: Vec<Phase>,
    pub start_date: String,
    /// Index into `phases`.
    pub current_phase: u32,
    pub status: ProtocolStatus,
    /// Oldest first.
    pub history: Vec<ProtocolEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignInput {
    pub client_id: i64,
    pub template_id: i64,
    /// `YYYY-MM-DD`.
    pub start_date: String,
}

/// Advance, pause, resume or complete, dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProtocolStep {
    Advance,
    Pause,
    Resume,
    Complete,
}

const MAX_PHASES: usize = 20;
const MAX_ITEMS: usize = 200;

/// Checks and tidies a draft; problems name the phase and item they are about.
pub(super) fn clean(draft: &ProtocolDraft) -> Result<ProtocolDraft> {
    let mut p = Vec::new();
    let name = check::line(&mut p, "name", &draft.name, "a protocol name", 120, true);
    let summary = check::text(&mut p, "summary", &draft.summary, "the summary", 2000);
    if draft.phases.is_empty() {
        p.push(FieldProblem::new(
            "phases",
            "A protocol needs at least one phase.",
        ));
    } else if draft.phases.len() > MAX_PHASES {
        p.push(FieldProblem::new(
            "phases",
            format!("A protocol can have at most {MAX_PHASES} phases."),
        ));
    }
    let mut phases = Vec::with_capacity(draft.phases.len());
    for (i, phase) in draft.phases.iter().enumerate() {
        let n = i + 1;
        let f = |field: &str| format!("phases.{i}.{field}");
        let name = check::line(
            &mut p,
            &f("name"),
            &phase.name,
            &format!("a name for phase {n}"),
            120,
            true,
        );
        let duration = check::line(
            &mut p,
            &f("duration"),
            &phase.duration,
            &format!("phase {n}'s duration"),
            60,
            false,
        );
        let aims = check::text(
            &mut p,
            &f("aims"),
            &phase.aims,
            &format!("phase {n}'s aims"),
            2000,
        );
        if phase.items.len() > MAX_ITEMS {
            p.push(FieldProblem::new(
                &f("items"),
                format!("Phase {n} can hold at most {MAX_ITEMS} items."),
            ));
        }
        let mut items = Vec::with_capacity(phase.items.len());
        for (k, item) in phase.items.iter().enumerate() {
            let g = |field: &str| format!("phases.{i}.items.{k}.{field}");
            let what = format!("item {} of phase {n}", k + 1);
            items.push(ProtocolItem {
                kind: item.kind,
                text: check::line(&mut p, &g("text"), &item.text, &what, 300, true),
                dose: check::line(&mut p, &g("dose"), &item.dose, "the dose", 120, false),
                timing: check::line(&mut p, &g("timing"), &item.timing, "the timing", 120, false),
                notes: check::text(&mut p, &g("notes"), &item.notes, "the notes", 2000),
            });
        }
        phases.push(Phase {
            id: phase.id,
            name,
            duration,
            aims,
            items,
        });
    }
    if !p.is_empty() {
        return Err(Error::Invalid(p));
    }
    number_phases(&mut phases);
    Ok(ProtocolDraft {
        name,
        summary,
        phases,
    })
}

pub(super) fn phases_json(phases: &[Phase]) -> Result<String> {
    serde_json::to_string(phases)
        .map_err(|e| Error::Internal(format!("The protocol could not be saved: {e}")))
}

pub(super) fn phases_from(row: &Row<'_>) -> rusqlite::Result<Vec<Phase>> {
    let mut phases: Vec<Phase> = crate::db::row::json(row, "phases")?;
    number_phases(&mut phases);
    Ok(phases)
}

/// Gives every phase without a number (just added, or stored before phases had ids) or with
/// one already taken the next free number, in order.
fn number_phases(phases: &mut [Phase]) {
    let mut taken = std::collections::BTreeSet::new();
    let mut next = phases.iter().map(|p| p.id).max().unwrap_or(0) + 1;
    for phase in phases.iter_mut() {
        if phase.id == 0 || !taken.insert(phase.id) {
            phase.id = next;
            taken.insert(next);
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    /// The starter templates a new CoachDesk holds (written by migration 6, frozen as data),
    /// as drafts: AIP first, then the 5R programme.
    fn starters() -> Vec<ProtocolDraft> {
        let db = Db::open_in_memory().unwrap();
        let mut drafts: Vec<ProtocolDraft> = list_templates(&db)
            .unwrap()
            .iter()
            .map(|t| {
                let v = get_template(&db, t.id).unwrap().current;
                ProtocolDraft {
                    name: v.name,
                    summary: v.summary,
                    phases: v.phases,
                }
            })
            .collect();
        drafts.sort_by_key(|d| !d.name.starts_with("Autoimmune"));
        drafts
    }

    /// Migration 6's frozen starters still pass today's checks unchanged, so a coach can save
    /// her edited copy of one without being asked to fix what she did not write.
    #[test]
    fn starters_pass_their_own_checks() {
        let starters = starters();
        assert_eq!(starters.len(), 2);
        for s in &starters {
            assert_eq!(&clean(s).unwrap(), s, "{} is tidy", s.name);
        }
        let names: Vec<&str> = starters[0].phases.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 6);
        assert_eq!(names[0], "Elimination");
        assert!(names[1..5].iter().all(|n| n.starts_with("Reintroduction")));
        assert_eq!(names[5], "Maintenance");
        assert!(starters[1].name.contains("5R"), "{}", starters[1].name);
    }

    #[test]
    fn problems_name_the_phase_and_item() {
        let mut d = starters().remove(1);
        d.phases[2].items[1].text = "  ".into();
        d.phases[0].name = String::new();
        let Err(Error::Invalid(p)) = clean(&d) else {
            panic!("should be refused")
        };
        let fields: Vec<&str> = p.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["phases.0.name", "phases.2.items.1.text"]);
        assert_eq!(p[1].reason, "Please enter item 2 of phase 3.");
    }
}
