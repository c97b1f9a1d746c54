//! Handouts: the coach composes blocks (sections of her articles, a personal intro, free text,
//! next steps, a protocol phase, a call to action, the disclaimer), previews them, and exports
//! a branded PDF (printed through `documents`). Every handout given to a client is kept as a
//! snapshot of its text, on her timeline (`given`), so it can be exported again identically.

mod bulk;
mod given;
mod snapshot;

pub use bulk::{check_for_clients, export_for_clients, BulkExport, BulkProgress};
pub use given::{
    for_client, given_on, given_sections, prepare_given, reexport, render_given, GivenHandout,
    GivenSection,
};

use chrono::Utc;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::articles;
use crate::clients;
use crate::db::Db;
use crate::documents::{self, Printable, ResolvedBlock};
use crate::error::{Error, FieldProblem, Result};
use crate::practice::Practice;
use crate::timeline::{self, TimelineKind};

/// One block of a handout as the coach composes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum HandoutBlock {
    ArticleSection {
        article_id: i64,
        section_id: i64,
    },
    Intro {
        text: String,
    },
    FreeText {
        text: String,
    },
    NextSteps {
        title: String,
        items: Vec<String>,
    },
    /// One phase of a protocol: her own copy when `client_protocol_id` is set, otherwise the
    /// current version of the template `template_id`.
    ProtocolPhase {
        client_protocol_id: Option<i64>,
        template_id: Option<i64>,
        phase: u32,
    },
    CallToAction,
    Disclaimer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HandoutDraft {
    pub title: String,
    pub client_id: Option<i64>,
    pub blocks: Vec<HandoutBlock>,
}

/// The most blocks one handout can have: far more than any handout needs, few enough that
/// a preview stays quick.
pub const MAX_BLOCKS: usize = 200;

/// Fills in every block's text: the preview, and the snapshot a given handout keeps.
pub fn resolve(db: &Db, draft: &HandoutDraft) -> Result<Printable> {
    let prepared_for = match draft.client_id {
        Some(id) => Some(name_on_handout(db, id)?),
        None => None,
    };
    let (practice, title, blocks) = resolve_blocks(db, draft)?;
    Ok(Printable::new(&practice, title, prepared_for, blocks))
}

/// The name a handout for this client is prepared for: the one she goes by.
fn name_on_handout(db: &Db, client_id: i64) -> Result<String> {
    let c = clients::load(&db.conn(), client_id)?;
    Ok(if c.preferred_name.is_empty() {
        c.name
    } else {
        c.preferred_name
    })
}

/// The practice, the title and the blocks of a draft, every text filled in.
fn resolve_blocks(db: &Db, draft: &HandoutDraft) -> Result<(Practice, String, Vec<ResolvedBlock>)> {
    if draft.blocks.len() > MAX_BLOCKS {
        return Err(Error::invalid(
            "blocks",
            format!(
                "A handout can have at most {MAX_BLOCKS} blocks (this one has {}).",
                draft.blocks.len()
            ),
        ));
    }
    let practice = documents::practice_of(db)?;
    let conn = db.conn();
    let mut blocks = Vec::new();
    for block in &draft.blocks {
        match block {
            HandoutBlock::ArticleSection {
                article_id,
                section_id,
            } => {
                let (article_title, section) = articles::section(&conn, *article_id, *section_id)?;
                let heading = if section.heading.is_empty() {
                    article_title
                } else {
                    section.heading
                };
                blocks.push(ResolvedBlock::Heading { text: heading });
                let mut bullets = Vec::new();
                for p in section.paragraphs {
                    if let Some(item) = p.strip_prefix("• ") {
                        bullets.push(item.to_owned());
                    } else {
                        if !bullets.is_empty() {
                            blocks.push(ResolvedBlock::Bullets {
                                items: std::mem::take(&mut bullets),
                            });
                        }
                        blocks.push(ResolvedBlock::Paragraph { text: p });
                    }
                }
                if !bullets.is_empty() {
                    blocks.push(ResolvedBlock::Bullets { items: bullets });
                }
            }
            HandoutBlock::Intro { text } | HandoutBlock::FreeText { text } => {
                documents::text_blocks(text, &mut blocks);
            }
            HandoutBlock::NextSteps { title, items } => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| i.trim().to_owned())
                    .filter(|i| !i.is_empty())
                    .collect();
                if !items.is_empty() {
                    let title = if title.trim().is_empty() {
                        "Your next steps"
                    } else {
                        title.trim()
                    };
                    blocks.push(ResolvedBlock::Checklist {
                        title: title.to_owned(),
                        items,
                    });
                }
            }
            HandoutBlock::ProtocolPhase {
                client_protocol_id,
                template_id,
                phase,
            } => {
                let (name, phases) = crate::protocols::phases_for_handout(
                    &conn,
                    draft.client_id,
                    *client_protocol_id,
                    *template_id,
                )?;
                protocol_blocks(&name, &phases, *phase, &mut blocks)?;
            }
            HandoutBlock::CallToAction => blocks.push(call_to_action(&practice)),
            HandoutBlock::Disclaimer => {
                blocks.push(ResolvedBlock::Disclaimer {
                    text: practice.disclaimer.clone(),
                });
            }
        }
    }
    drop(conn);
    let mut title = draft.title.trim().to_owned();
    if practice.typographic_quotes {
        title = crate::text::typographic_quotes(&title);
        for block in &mut blocks {
            block.with_typographic_quotes();
        }
    }
    Ok((practice, title, blocks))
}

/// A phase as the handout prints it: its name and aims, the foods to enjoy and to avoid side
/// by side, then the lifestyle items and supplements (each with the doctor caution).
fn protocol_blocks(
    protocol: &str,
    phases: &[crate::protocols::Phase],
    phase: u32,
    out: &mut Vec<ResolvedBlock>,
) -> Result<()> {
    use crate::protocols::{ItemKind, SUPPLEMENT_CAUTION};
    let Some(p) = phases.get(phase as usize) else {
        return Err(Error::NotFound {
            what: "That phase of the protocol",
        });
    };
    out.push(ResolvedBlock::Heading {
        text: format!("{protocol}: {}", p.name),
    });
    let mut intro = p.aims.trim().to_owned();
    if !p.duration.trim().is_empty() {
        intro = format!("*Typical length: {}.* {intro}", p.duration.trim());
    }
    if !intro.trim().is_empty() {
        out.push(ResolvedBlock::Paragraph {
            text: intro.trim().to_owned(),
        });
    }
    let with_notes = |i: &crate::protocols::ProtocolItem| {
        if i.notes.trim().is_empty() {
            i.text.clone()
        } else {
            format!("{} ({})", i.text, i.notes.trim())
        }
    };
    let of = |kind: ItemKind| -> Vec<String> {
        p.items
            .iter()
            .filter(|i| i.kind == kind)
            .map(with_notes)
            .collect()
    };
    let (mut enjoy, mut avoid) = (of(ItemKind::FoodInclude), of(ItemKind::FoodAvoid));
    if !enjoy.is_empty() || !avoid.is_empty() {
        for side in [&mut enjoy, &mut avoid] {
            if side.is_empty() {
                side.push("Nothing listed for this phase".to_owned());
            }
        }
        out.push(ResolvedBlock::Columns {
            left_title: ItemKind::FoodInclude.label().to_owned(),
            left: enjoy,
            right_title: ItemKind::FoodAvoid.label().to_owned(),
            right: avoid,
        });
    }
    let lifestyle: Vec<String> = p
        .items
        .iter()
        .filter(|i| i.kind.is_lifestyle())
        .map(|i| format!("**{}:** {}", i.kind.label(), with_notes(i)))
        .collect();
    if !lifestyle.is_empty() {
        out.push(ResolvedBlock::Bullets { items: lifestyle });
    }
    let supplements: Vec<String> = p
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Supplement)
        .map(|i| {
            let how: Vec<&str> = [i.dose.trim(), i.timing.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            let how = if how.is_empty() {
                String::new()
            } else {
                format!(" ({})", how.join(", "))
            };
            format!("**{}**{how}. *{SUPPLEMENT_CAUTION}*", with_notes(i))
        })
        .collect();
    if !supplements.is_empty() {
        out.push(ResolvedBlock::Paragraph {
            text: "**Supplements**".to_owned(),
        });
        out.push(ResolvedBlock::Bullets { items: supplements });
    }
    Ok(())
}

fn call_to_action(practice: &Practice) -> ResolvedBlock {
    ResolvedBlock::CallToAction {
        text: format!(
            "Ready for your next step? {} offers a free consult call to talk it through.",
            practice.coach_name
        ),
        label: "Book a free consult call".to_owned(),
        url: practice.booking_url.clone(),
    }
}

fn check(draft: &HandoutDraft) -> Result<()> {
    let mut p = Vec::new();
    let title = draft.title.trim();
    if title.is_empty() {
        p.push(FieldProblem::new("title", "Give the handout a title."));
    } else if title.chars().count() > 200 {
        p.push(FieldProblem::new(
            "title",
            "Keep the title to 200 characters.",
        ));
    }
    if draft.blocks.is_empty() {
        p.push(FieldProblem::new(
            "blocks",
            "Add at least one block to the handout.",
        ));
    }
    if p.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(p))
    }
}

/// A handout checked and resolved, ready for the save dialog: validation happens here, before
/// she picks a file, and the draft is resolved once for the name and the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub doc: Printable,
    client_id: Option<i64>,
}

impl Prepared {
    /// The file name the save dialog suggests.
    pub fn file_name(&self) -> String {
        documents::file_name(&self.doc)
    }
}

/// Checks a draft and resolves it.
pub fn prepare(db: &Db, draft: &HandoutDraft) -> Result<Prepared> {
    check(draft)?;
    Ok(Prepared {
        doc: resolve(db, draft)?,
        client_id: draft.client_id,
    })
}

/// Writes a prepared handout to `path`; when it is for a client it is recorded on her
/// timeline with a snapshot of its text.
pub fn save(db: &Db, prepared: &Prepared, path: &std::path::Path) -> Result<()> {
    let bytes = documents::render(db, &prepared.doc, Utc::now())?;
    write_and_record(db, prepared, path, &bytes)
}

/// Writes a rendered handout to `path` and records it for her.
fn write_and_record(
    db: &Db,
    prepared: &Prepared,
    path: &std::path::Path,
    pdf: &[u8],
) -> Result<()> {
    crate::files::write_atomic(path, pdf)?;
    record(db, prepared, &file_name_of(path))
}

/// The name of the file at `path`, as her timeline shows it.
fn file_name_of(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Records a handout given to her (exported or printed) on her timeline, with a snapshot of
/// its text so it can be exported again identically; nothing for a handout with no client.
pub fn record(db: &Db, prepared: &Prepared, file_name: &str) -> Result<()> {
    if prepared.client_id.is_none() {
        return Ok(());
    }
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    record_in(&tx, prepared, file_name)?;
    tx.commit()?;
    Ok(())
}

/// The rows that record a handout given to her (`record_in`).
#[derive(Clone, Copy)]
struct Given {
    given: i64,
    event: i64,
}

/// What `record_in` made: nothing for a handout with no client.
type Recorded = Option<Given>;

/// `record` inside a transaction of the caller's.
fn record_in(tx: &rusqlite::Transaction, prepared: &Prepared, file_name: &str) -> Result<Recorded> {
    let Some(client_id) = prepared.client_id else {
        return Ok(None);
    };
    let preview = &prepared.doc;
    let snapshot = snapshot::write(preview)?;
    tx.execute(
        "INSERT INTO handouts_given (client_id, title, file_name, snapshot, given_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![client_id, preview.title, file_name, snapshot, crate::now()],
    )?;
    let given = tx.last_insert_rowid();
    timeline::record(
        tx,
        client_id,
        TimelineKind::HandoutGiven,
        &format!("Handout given: {}", preview.title),
    )?;
    Ok(Some(Given {
        given,
        event: tx.last_insert_rowid(),
    }))
}

/// Checks, resolves and writes a composed handout to `path` (recorded for her if it is for a
/// client).
pub fn export(db: &Db, draft: &HandoutDraft, path: &std::path::Path) -> Result<()> {
    save(db, &prepare(db, draft)?, path)
}
