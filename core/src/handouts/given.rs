//! Handouts given to a client: each export for her keeps a snapshot of the document's text,
//! so it can be listed on her page and exported again identically.

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use crate::clients;
use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::documents;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GivenHandout {
    pub id: i64,
    pub client_id: i64,
    pub title: String,
    pub file_name: String,
    pub given_at: String,
}

/// A handout given earlier, ready to export again: its snapshot read (so a damaged one is told
/// before the save dialog) and the file name it was given under.
///
/// What it keeps: the text exactly as it was given (title, for whom, the date it was given,
/// every block, even if the article or protocol has changed since). What follows today's
/// settings: the practice's branding (name, tagline, logo, colour, contact line, paper size
/// and the footer's disclaimer), so a copy printed today looks like her practice today.
pub fn prepare_given(db: &Db, id: i64) -> Result<documents::Prepared> {
    let sql = "SELECT snapshot, file_name FROM handouts_given WHERE id = ?1";
    let (snapshot, file_name): (String, String) =
        row::one(&db.conn(), "That handout", sql, [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    Ok(documents::Prepared {
        doc: super::snapshot::read(&snapshot)?,
        file_name,
    })
}

/// Exports a handout given earlier again, from its snapshot (see `prepare_given`).
pub fn reexport(db: &Db, id: i64, path: &std::path::Path) -> Result<()> {
    documents::save(db, &prepare_given(db, id)?.doc, path)
}

/// The PDF of a handout given earlier, rendered again from its snapshot.
pub fn render_given(db: &Db, id: i64) -> Result<Vec<u8>> {
    documents::render(db, &prepare_given(db, id)?.doc, Utc::now())
}

/// A client's handouts, newest first.
pub fn for_client(db: &Db, client_id: i64) -> Result<Vec<GivenHandout>> {
    let conn = db.conn();
    clients::load(&conn, client_id)?;
    row::all(
        &conn,
        "SELECT id, client_id, title, file_name, given_at FROM handouts_given
         WHERE client_id = ?1 ORDER BY given_at DESC, id DESC",
        [client_id],
        |r| Ok(from_row!(r => GivenHandout { id, client_id, title, file_name, given_at })),
    )
}

/// An article section in a handout she was given: its heading and the first words under it,
/// as the handout's snapshot keeps them, and the day it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenSection {
    heading: Vec<String>,
    opening: Vec<String>,
    given_at: String,
}

/// How many words of a section's first paragraph tell it apart.
const OPENING_WORDS: usize = 12;

fn opening(text: &str) -> Vec<String> {
    crate::text::words(text)
        .into_iter()
        .take(OPENING_WORDS)
        .collect()
}

/// The article sections in the handouts she was given (newest first). A snapshot that cannot
/// be read is passed over: it cannot say what it held.
pub fn given_sections(db: &Db, client_id: i64) -> Result<Vec<GivenSection>> {
    let rows: Vec<(String, String)> = row::all(
        &db.conn(),
        "SELECT snapshot, given_at FROM handouts_given WHERE client_id = ?1
             ORDER BY given_at DESC, id DESC",
        [client_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut out = Vec::new();
    for (json, given_at) in rows {
        let Ok(doc) = super::snapshot::read(&json) else {
            continue;
        };
        for pair in doc.blocks.windows(2) {
            let first = match &pair[1] {
                documents::ResolvedBlock::Paragraph { text } => text.as_str(),
                documents::ResolvedBlock::Bullets { items } => {
                    items.first().map_or("", String::as_str)
                }
                _ => continue,
            };
            if let documents::ResolvedBlock::Heading { text } = &pair[0] {
                out.push(GivenSection {
                    heading: crate::text::words(text),
                    opening: opening(first),
                    given_at: given_at.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// When a section (its heading as printed, and its first paragraph) was given to her, if it
/// was: the newest day.
pub fn given_on(given: &[GivenSection], heading: &str, first_paragraph: &str) -> Option<String> {
    let heading = crate::text::words(heading);
    let start = opening(first_paragraph);
    given
        .iter()
        .find(|g| g.heading == heading && g.opening == start)
        .map(|g| g.given_at.clone())
}
