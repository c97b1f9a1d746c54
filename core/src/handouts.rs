//! Handouts: the coach composes blocks (sections of her articles, a personal intro, free text,
//! next steps, a call to action, the disclaimer), previews them, and exports a branded PDF.
//! Every handout given to a client is kept as a snapshot of its text, on her timeline, so it
//! can be exported again identically.

use chrono::{DateTime, Local, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::articles;
use crate::clients;
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::pdf;
use crate::practice::{self, PaperSize, Practice};
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

/// A block with its text filled in: what the preview shows and the PDF prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum ResolvedBlock {
    Heading {
        text: String,
    },
    /// May hold `*emphasis*` and `**strong**`.
    Paragraph {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    Checklist {
        title: String,
        items: Vec<String>,
    },
    CallToAction {
        text: String,
        label: String,
        url: String,
    },
    Disclaimer {
        text: String,
    },
    /// Two lists side by side (a protocol phase's foods to enjoy and to avoid).
    Columns {
        left_title: String,
        left: Vec<String>,
        right_title: String,
        right: Vec<String>,
    },
}

impl ResolvedBlock {
    /// Prints straight quotes as typographic ones in every text it holds (not in links).
    fn with_typographic_quotes(&mut self) {
        let quote = |t: &mut String| *t = crate::text::typographic_quotes(t);
        match self {
            Self::Heading { text } | Self::Paragraph { text } | Self::Disclaimer { text } => {
                quote(text);
            }
            Self::Bullets { items } => items.iter_mut().for_each(quote),
            Self::Checklist { title, items } => {
                quote(title);
                items.iter_mut().for_each(quote);
            }
            Self::CallToAction { text, label, .. } => {
                quote(text);
                quote(label);
            }
            Self::Columns {
                left_title,
                left,
                right_title,
                right,
            } => {
                quote(left_title);
                quote(right_title);
                left.iter_mut().chain(right.iter_mut()).for_each(quote);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HandoutPreview {
    pub title: String,
    pub prepared_for: Option<String>,
    pub date_label: String,
    pub blocks: Vec<ResolvedBlock>,
    /// Characters no PDF font can print (a rare script): they are left out, and the coach told.
    pub unprintable: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GivenHandout {
    pub id: i64,
    pub client_id: i64,
    pub title: String,
    pub file_name: String,
    pub given_at: String,
}

/// Free text: blank lines separate paragraphs; lines starting with "- " are bullets.
fn text_blocks(text: &str, out: &mut Vec<ResolvedBlock>) {
    let normalised = text.replace("\r\n", "\n");
    for chunk in normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let mut paragraph: Vec<&str> = Vec::new();
        let mut bullets: Vec<String> = Vec::new();
        for line in chunk.lines().map(str::trim) {
            if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("• ")) {
                if !paragraph.is_empty() {
                    out.push(ResolvedBlock::Paragraph {
                        text: paragraph.join(" "),
                    });
                    paragraph.clear();
                }
                bullets.push(item.trim().to_owned());
            } else {
                if !bullets.is_empty() {
                    out.push(ResolvedBlock::Bullets {
                        items: std::mem::take(&mut bullets),
                    });
                }
                paragraph.push(line);
            }
        }
        if !paragraph.is_empty() {
            out.push(ResolvedBlock::Paragraph {
                text: paragraph.join(" "),
            });
        }
        if !bullets.is_empty() {
            out.push(ResolvedBlock::Bullets { items: bullets });
        }
    }
}

fn date_label(now: DateTime<Local>) -> String {
    now.format("%-d %B %Y").to_string()
}

/// The most blocks one handout can have: far more than any handout needs, few enough that
/// a preview stays quick.
pub const MAX_BLOCKS: usize = 200;

/// Fills in every block's text: the preview, and the snapshot a given handout keeps.
pub fn resolve(db: &Db, draft: &HandoutDraft) -> Result<HandoutPreview> {
    if draft.blocks.len() > MAX_BLOCKS {
        return Err(Error::invalid(
            "blocks",
            format!(
                "A handout can have at most {MAX_BLOCKS} blocks (this one has {}).",
                draft.blocks.len()
            ),
        ));
    }
    let practice = practice::get(db)?.ok_or(Error::NotFound {
        what: "The practice profile",
    })?;
    let conn = db.conn();
    let prepared_for = match draft.client_id {
        Some(id) => {
            let c = clients::load(&conn, id)?;
            Some(if c.preferred_name.is_empty() {
                c.name
            } else {
                c.preferred_name
            })
        }
        None => None,
    };
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
                text_blocks(text, &mut blocks);
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
    let mut preview = HandoutPreview {
        title,
        prepared_for,
        date_label: date_label(Local::now()),
        blocks,
        unprintable: Vec::new(),
    };
    preview.unprintable =
        pdf::unprintable_chars(&to_pdf(&practice, &preview, None, &practice.coach_name))
            .into_iter()
            .map(String::from)
            .collect();
    Ok(preview)
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

/// `*x*` and `**x**` in a paragraph become emphasis and strong spans.
pub(crate) fn spans(text: &str) -> Vec<pdf::Span> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let strong = rest.find("**");
        let em = rest.find('*');
        let (marker, start) = match (strong, em) {
            (Some(s), Some(e)) if s <= e => ("**", s),
            (_, Some(e)) => ("*", e),
            _ => ("", usize::MAX),
        };
        let closing = (start != usize::MAX)
            .then(|| rest[start + marker.len()..].find(marker))
            .flatten();
        let Some(close) = closing.filter(|c| *c > 0) else {
            out.push(pdf::Span {
                text: rest.to_owned(),
                emphasis: false,
                strong: false,
            });
            break;
        };
        if start > 0 {
            out.push(pdf::Span {
                text: rest[..start].to_owned(),
                emphasis: false,
                strong: false,
            });
        }
        let inner = &rest[start + marker.len()..start + marker.len() + close];
        out.push(pdf::Span {
            text: inner.to_owned(),
            emphasis: marker == "*",
            strong: marker == "**",
        });
        rest = &rest[start + 2 * marker.len() + close..];
    }
    out
}

/// The PDF engine's document for a resolved handout.
fn to_pdf(
    practice: &Practice,
    h: &HandoutPreview,
    logo: Option<Vec<u8>>,
    author: &str,
) -> pdf::Handout {
    let coach_line = if practice.credentials.is_empty() {
        practice.coach_name.clone()
    } else {
        format!("{}, {}", practice.coach_name, practice.credentials)
    };
    let contact_line = [&practice.email, &practice.phone, &practice.website]
        .into_iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ");
    let blocks = h
        .blocks
        .iter()
        .map(|b| match b {
            ResolvedBlock::Heading { text } => pdf::Block::Heading(text.clone()),
            ResolvedBlock::Paragraph { text } => pdf::Block::Paragraph(spans(text)),
            ResolvedBlock::Bullets { items } => {
                pdf::Block::Bullets(items.iter().map(|i| spans(i)).collect())
            }
            ResolvedBlock::Checklist { title, items } => pdf::Block::Checklist {
                title: title.clone(),
                items: items.clone(),
            },
            ResolvedBlock::CallToAction { text, label, url } => pdf::Block::CallToAction {
                text: text.clone(),
                label: label.clone(),
                url: url.clone(),
            },
            ResolvedBlock::Disclaimer { text } => pdf::Block::Disclaimer(text.clone()),
            ResolvedBlock::Columns {
                left_title,
                left,
                right_title,
                right,
            } => pdf::Block::Columns {
                left_title: left_title.clone(),
                left: left.clone(),
                right_title: right_title.clone(),
                right: right.clone(),
            },
        })
        .collect();
    pdf::Handout {
        title: h.title.clone(),
        prepared_for: h.prepared_for.clone(),
        date_label: h.date_label.clone(),
        author: author.to_owned(),
        brand: pdf::Brand {
            practice_name: practice.practice_name.clone(),
            tagline: practice.tagline.clone(),
            coach_line,
            contact_line,
            booking_url: practice.booking_url.clone(),
            brand_color: practice.brand_color.clone(),
            logo_png_or_jpeg: logo,
            paper: match practice.paper_size {
                PaperSize::A4 => pdf::Paper::A4,
                PaperSize::Letter => pdf::Paper::Letter,
            },
            disclaimer: practice.disclaimer.clone(),
        },
        blocks,
    }
}

/// A printable summary of a client: her profile, open follow-ups and consult history with
/// notes, in the practice's branding. Nothing is recorded: it is the coach's own record.
pub fn client_summary(db: &Db, client_id: i64) -> Result<HandoutPreview> {
    let client = clients::get(db, client_id)?;
    let consults = crate::consults::for_client(db, client_id)?;
    let follow_ups = crate::follow_ups::for_client(db, client_id)?;
    let mut blocks = vec![ResolvedBlock::Heading {
        text: "Profile".into(),
    }];
    let ms = match client.ms_type {
        clients::MsType::Unknown => String::new(),
        t => serde_json::to_value(t)
            .ok()
            .and_then(|v| v.as_str().map(str::to_uppercase))
            .unwrap_or_default(),
    };
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
        text_blocks(&client.notes, &mut blocks);
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
    document(
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

/// A printable document built by another area (a summary, her food lists): dated today,
/// with the characters no font can print listed.
pub(crate) fn document(
    db: &Db,
    title: &str,
    prepared_for: Option<String>,
    blocks: Vec<ResolvedBlock>,
) -> Result<HandoutPreview> {
    let mut preview = HandoutPreview {
        title: title.to_owned(),
        prepared_for,
        date_label: date_label(Local::now()),
        blocks,
        unprintable: Vec::new(),
    };
    let practice = practice::get(db)?.ok_or(Error::NotFound {
        what: "The practice profile",
    })?;
    preview.unprintable =
        pdf::unprintable_chars(&to_pdf(&practice, &preview, None, &practice.coach_name))
            .into_iter()
            .map(String::from)
            .collect();
    Ok(preview)
}

/// Writes a printable document (not a handout given to her) to `path`.
pub fn save_document(db: &Db, doc: &HandoutPreview, path: &std::path::Path) -> Result<()> {
    let bytes = render(db, doc, Utc::now())?;
    crate::files::write_atomic(path, &bytes)
}

/// Writes the client summary PDF to `path`.
pub fn save_client_summary(db: &Db, client_id: i64, path: &std::path::Path) -> Result<()> {
    save_document(db, &client_summary(db, client_id)?, path)
}

/// `s` without `chars`, and without the doubled or stray spaces their removal leaves
/// ("Hello Zoë 🌿, here" becomes "Hello Zoë, here").
fn tidy_removal(s: &str, chars: &[char]) -> String {
    let kept: String = s.chars().filter(|c| !chars.contains(c)).collect();
    let mut out = String::with_capacity(kept.len());
    for c in kept.chars() {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        if matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// Removes `chars` from every text the PDF prints.
fn leave_out(doc: &mut pdf::Handout, chars: &[char]) {
    let clean = |s: &mut String| {
        if s.chars().any(|c| chars.contains(&c)) {
            *s = tidy_removal(s, chars);
        }
    };
    let clean_spans =
        |spans: &mut Vec<pdf::Span>| spans.iter_mut().for_each(|sp| clean(&mut sp.text));
    clean(&mut doc.title);
    if let Some(p) = doc.prepared_for.as_mut() {
        clean(p);
    }
    clean(&mut doc.author);
    let b = &mut doc.brand;
    for s in [
        &mut b.practice_name,
        &mut b.tagline,
        &mut b.coach_line,
        &mut b.contact_line,
        &mut b.disclaimer,
    ] {
        clean(s);
    }
    for block in &mut doc.blocks {
        match block {
            pdf::Block::Heading(t) | pdf::Block::Disclaimer(t) => clean(t),
            pdf::Block::Paragraph(spans) => clean_spans(spans),
            pdf::Block::Bullets(items) => items.iter_mut().for_each(clean_spans),
            pdf::Block::Checklist { title, items } => {
                clean(title);
                items.iter_mut().for_each(clean);
            }
            pdf::Block::CallToAction { text, label, .. } => {
                clean(text);
                clean(label);
            }
            pdf::Block::Columns {
                left_title,
                left,
                right_title,
                right,
            } => {
                clean(left_title);
                clean(right_title);
                left.iter_mut().chain(right.iter_mut()).for_each(clean);
            }
        }
    }
}

/// A sensible file name: "Leaky gut basics – Renée Côté – 2026-11-24.pdf".
pub fn file_name(h: &HandoutPreview) -> String {
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '-'
                } else {
                    c
                }
            })
            .collect()
    };
    let day = Local::now().format("%Y-%m-%d");
    match &h.prepared_for {
        Some(name) => format!("{} – {} – {day}.pdf", safe(&h.title), safe(name)),
        None => format!("{} – {day}.pdf", safe(&h.title)),
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

/// Renders a resolved handout to PDF bytes with the practice's branding.
pub fn render(db: &Db, h: &HandoutPreview, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let practice = practice::get(db)?.ok_or(Error::NotFound {
        what: "The practice profile",
    })?;
    let logo = practice::logo_bytes(db)?;
    let mut doc = to_pdf(&practice, h, logo, &practice.coach_name);
    // The preview told the coach which characters no font can print; they are left out.
    let unprintable = pdf::unprintable_chars(&doc);
    if !unprintable.is_empty() {
        leave_out(&mut doc, &unprintable);
    }
    let rendered = pdf::render(&doc, now).map_err(|e| Error::Conflict(e.to_string()))?;
    Ok(rendered.bytes)
}

/// Exports a composed handout to `path`; when it is for a client it is recorded on her
/// timeline with a snapshot of its text.
pub fn export(db: &Db, draft: &HandoutDraft, path: &std::path::Path) -> Result<()> {
    check(draft)?;
    let preview = resolve(db, draft)?;
    let bytes = render(db, &preview, Utc::now())?;
    crate::files::write_atomic(path, &bytes)?;
    if let Some(client_id) = draft.client_id {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let snapshot = serde_json::to_string(&preview)
            .map_err(|e| Error::Conflict(format!("The handout could not be recorded: {e}")))?;
        let mut conn = db.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO handouts_given (client_id, title, file_name, snapshot, given_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![client_id, preview.title, file_name, snapshot, crate::now()],
        )?;
        timeline::record(
            &tx,
            client_id,
            TimelineKind::HandoutGiven,
            &format!("Handout given: {}", preview.title),
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// How a bulk export ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkExport {
    pub folder: String,
    pub written: i64,
    pub total: i64,
    pub cancelled: bool,
}

/// Progress of a bulk export, after each client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BulkProgress {
    pub done: i64,
    pub total: i64,
    pub client_name: String,
}

/// Exports one handout per client into `folder`, each personalised and recorded on her
/// timeline. `progress` is told after each client and returns false to stop early.
pub fn export_for_clients(
    db: &Db,
    draft: &HandoutDraft,
    client_ids: &[i64],
    folder: &std::path::Path,
    mut progress: impl FnMut(&BulkProgress) -> bool,
) -> Result<BulkExport> {
    check(draft)?;
    if client_ids.is_empty() {
        return Err(Error::invalid("clientIds", "Choose at least one client."));
    }
    let total = client_ids.len() as i64;
    let mut written = 0;
    let mut cancelled = false;
    for &client_id in client_ids {
        let personal = HandoutDraft {
            client_id: Some(client_id),
            ..draft.clone()
        };
        let preview = resolve(db, &personal)?;
        let mut path = folder.join(file_name(&preview));
        let mut n = 2;
        while path.exists() {
            path = folder.join(file_name(&preview).replace(".pdf", &format!(" ({n}).pdf")));
            n += 1;
        }
        export(db, &personal, &path)?;
        written += 1;
        let report = BulkProgress {
            done: written,
            total,
            client_name: preview.prepared_for.unwrap_or_default(),
        };
        if !progress(&report) && written < total {
            cancelled = true;
            break;
        }
    }
    Ok(BulkExport {
        folder: folder.display().to_string(),
        written,
        total,
        cancelled,
    })
}

/// Exports a handout given earlier again, from its snapshot, so the text is the same.
pub fn reexport(db: &Db, id: i64, path: &std::path::Path) -> Result<()> {
    crate::files::write_atomic(path, &render_given(db, id)?)
}

/// The PDF of a handout given earlier, rendered again from its snapshot.
pub fn render_given(db: &Db, id: i64) -> Result<Vec<u8>> {
    let snapshot: String = db
        .conn()
        .query_row(
            "SELECT snapshot FROM handouts_given WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "That handout",
        })?;
    let preview: HandoutPreview = serde_json::from_str(&snapshot)
        .map_err(|e| Error::Conflict(format!("The saved handout could not be read: {e}")))?;
    render(db, &preview, Utc::now())
}

/// The snapshot of a given handout and its suggested file name.
pub fn given_file_name(db: &Db, id: i64) -> Result<String> {
    db.conn()
        .query_row(
            "SELECT file_name FROM handouts_given WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "That handout",
        })
}

/// A client's handouts, newest first.
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<GivenHandout>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, client_id, title, file_name, given_at FROM handouts_given
         WHERE client_id = ?1 ORDER BY given_at DESC, id DESC",
    )?;
    let rows = stmt
        .query_map([client_id], |r| {
            Ok(GivenHandout {
                id: r.get(0)?,
                client_id: r.get(1)?,
                title: r.get(2)?,
                file_name: r.get(3)?,
                given_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_markers_become_spans() {
        let s = spans("Eat **more** greens, *gently*.");
        let parts: Vec<_> = s
            .iter()
            .map(|s| (s.text.as_str(), s.emphasis, s.strong))
            .collect();
        assert_eq!(
            parts,
            [
                ("Eat ", false, false),
                ("more", false, true),
                (" greens, ", false, false),
                ("gently", true, false),
                (".", false, false)
            ]
        );
        assert_eq!(spans("5 * 3 = 15").len(), 1);
    }

    #[test]
    fn left_out_characters_leave_no_stray_spaces() {
        assert_eq!(
            tidy_removal("Hello Zoë 🌿, here 🌿 is 🌿", &['🌿']),
            "Hello Zoë, here is"
        );
        assert_eq!(tidy_removal("🌿 Broth", &['🌿']), "Broth");
    }

    #[test]
    fn free_text_splits_into_paragraphs_and_bullets() {
        let mut out = Vec::new();
        text_blocks(
            "Hello Renée,\nthis is for you.\n\n- Rest\n- Broth\nThen walk.",
            &mut out,
        );
        assert_eq!(
            out,
            [
                ResolvedBlock::Paragraph {
                    text: "Hello Renée, this is for you.".into()
                },
                ResolvedBlock::Bullets {
                    items: vec!["Rest".into(), "Broth".into()]
                },
                ResolvedBlock::Paragraph {
                    text: "Then walk.".into()
                },
            ]
        );
    }
}
