//! One search over clients and consult notes, with highlighted snippets: clients whose name
//! matches as you type first, then (SQLite FTS5) the newest notes and records with the words.
//! Whatever the coach types is searched literally: FTS syntax never reaches SQLite unquoted.

use serde::Serialize;
use ts_rs::TS;

use crate::clients::{self, ClientStatus};
use crate::consults::{self, ConsultKind};
use crate::db::row;
use crate::db::Db;
use crate::error::Result;
use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Client,
    Consult,
    Article,
    Protocol,
}

/// A run of snippet text, highlighted when it matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The client's id, the consult's, the article's, or the protocol template's.
    pub id: i64,
    /// The client the hit belongs to (none for an article or a template).
    pub client_id: Option<i64>,
    pub title: String,
    pub subtitle: String,
    pub snippet: Vec<SnippetPart>,
}

const MAX_RESULTS: usize = 30;
/// Clients matched by name, email or tag, shown first.
const NAME_RESULTS: i64 = 8;
const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

/// Turns typed text into an FTS5 query that means "all of these words", each word quoted so
/// that `"`, `-`, `*`, `:`, `(`, `NEAR` and `AND` are plain text. None when nothing searchable
/// was typed. Words match whole (and without accents): prefix queries over years of notes
/// are too slow for search as you type, so names match as you type through the client list.
pub fn fts_query(text: &str) -> Option<String> {
    // Control characters are never part of a word (a NUL would even end SQLite's string).
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(12)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Marks where the folded `needle` occurs in `name`, when folding kept one character per
/// character (true for accented Latin names); otherwise the name is shown unmarked.
fn mark_name(name: &str, needle: &str) -> Vec<SnippetPart> {
    let plain = || {
        vec![SnippetPart {
            text: name.to_owned(),
            hit: false,
        }]
    };
    let folded: Vec<char> = fold(name).chars().collect();
    let original: Vec<char> = name.chars().collect();
    let needle: Vec<char> = fold(needle.trim()).chars().collect();
    if folded.len() != original.len() || needle.is_empty() {
        return plain();
    }
    let Some(start) = folded
        .windows(needle.len())
        .position(|w| w == needle.as_slice())
    else {
        return plain();
    };
    let end = start + needle.len();
    [
        (0, start, false),
        (start, end, true),
        (end, original.len(), false),
    ]
    .into_iter()
    .filter(|(a, b, _)| a < b)
    .map(|(a, b, hit)| SnippetPart {
        text: original[a..b].iter().collect(),
        hit,
    })
    .collect()
}

fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut hit = false;
    for c in marked.chars() {
        if c == HIT_START || c == HIT_END {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            current.push(if c == '\n' { ' ' } else { c });
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart { text: current, hit });
    }
    parts
}

/// Searches clients and notes: clients whose name, email or tags contain the text come first
/// (as you type), then notes and client records containing all the words, newest first.
pub fn search(db: &Db, text: &str) -> Result<Vec<SearchHit>> {
    let mut conn = db.conn();
    // One read transaction for every query below: one snapshot of her practice, and its read
    // lock taken once, not once per statement (about thirty of them).
    let tx = conn.transaction()?;
    let hits = search_in(&tx, text)?;
    tx.commit()?;
    Ok(hits)
}

fn search_in(conn: &rusqlite::Connection, text: &str) -> Result<Vec<SearchHit>> {
    let mut hits = Vec::new();
    for client in clients::matching_in(conn, text, NAME_RESULTS)? {
        hits.push(SearchHit {
            kind: SearchKind::Client,
            id: client.id,
            client_id: Some(client.id),
            snippet: mark_name(&client.name, text),
            subtitle: client_subtitle(client.status, &client.email, false),
            title: client.name,
        });
    }
    add_protocol_hits(conn, text, &mut hits)?;
    let Some(query) = fts_query(text) else {
        return Ok(hits);
    };

    // bm25 ranking counts every match of every word, far too slow over years of notes; FTS5
    // walks its index newest first and stops at the limit instead. Each match is a client's
    // record (an even rowid, twice her id) or a consult's notes (odd, twice its id plus one),
    // read in the same statement. (Its limit is written into the SQL: a limit bound as a
    // parameter is handed to FTS5, and SQLite then prepares the statement again at every run.)
    let mut stmt = conn.prepare_cached(&format!(
        "WITH m AS (
             SELECT rowid, snippet(search_index, 1, char(2), char(3), '…', 14) AS snippet
             FROM search_index WHERE search_index MATCH ?1 ORDER BY rowid DESC
             LIMIT {MAX_RESULTS})
         SELECT m.rowid, m.snippet, cl.name, cl.status, cl.email, cl.archived_at IS NOT NULL,
                c.client_id, ccl.name, c.kind, c.scheduled_at
         FROM m
         LEFT JOIN clients cl ON m.rowid % 2 = 0 AND cl.id = m.rowid / 2
         LEFT JOIN consults c ON m.rowid % 2 = 1 AND c.id = m.rowid / 2
         LEFT JOIN clients ccl ON ccl.id = c.client_id
         ORDER BY m.rowid DESC"
    ))?;
    let mut rows = stmt.query([&query])?;
    while let Some(r) = rows.next()? {
        if hits.len() >= MAX_RESULTS {
            break;
        }
        let rowid: i64 = r.get(0)?;
        let id = rowid / 2;
        let snippet = snippet_parts(&r.get::<_, String>(1)?);
        if rowid % 2 == 0 {
            let Some(name) = r.get::<_, Option<String>>(2)? else {
                continue;
            };
            if hits
                .iter()
                .any(|h| h.kind == SearchKind::Client && h.id == id)
            {
                continue;
            }
            let status = ClientStatus::parse(&r.get::<_, String>(3)?).unwrap_or(ClientStatus::Lead);
            hits.push(SearchHit {
                kind: SearchKind::Client,
                id,
                client_id: Some(id),
                title: name,
                subtitle: client_subtitle(status, &r.get::<_, String>(4)?, r.get(5)?),
                snippet,
            });
        } else {
            let (Some(client_id), Some(client_name)) =
                (r.get::<_, Option<i64>>(6)?, r.get::<_, Option<String>>(7)?)
            else {
                continue;
            };
            let kind =
                consults::parse_kind(&r.get::<_, String>(8)?).map_or("Consult", ConsultKind::label);
            hits.push(SearchHit {
                kind: SearchKind::Consult,
                id,
                client_id: Some(client_id),
                title: format!("{kind} with {client_name}"),
                subtitle: consults::local_label_text(&r.get::<_, String>(9)?),
                snippet,
            });
        }
    }
    drop(rows);
    add_article_hits(conn, &query, &mut hits)?;
    Ok(hits)
}

/// Protocol templates whose current version holds every typed word (accents and case
/// ignored, words matched as you type) in its name, summary, phases or items. A practice has
/// a handful of templates, so they are read whole rather than indexed.
fn add_protocol_hits(
    conn: &rusqlite::Connection,
    text: &str,
    hits: &mut Vec<SearchHit>,
) -> Result<()> {
    let words: Vec<String> = fold(text).split_whitespace().map(str::to_owned).collect();
    let Some(first) = words.first() else {
        return Ok(());
    };
    for version in crate::protocols::current_versions_in(conn)? {
        let mut lines = vec![version.name.clone(), version.summary.clone()];
        for phase in &version.phases {
            lines.push(phase.name.clone());
            lines.push(phase.aims.clone());
            lines.extend(phase.items.iter().map(|i| i.text.clone()));
        }
        let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
        let all = folded.join("\n");
        if !words.iter().all(|w| all.contains(w.as_str())) {
            continue;
        }
        // Show the line the first word is in (the name when it matched there).
        let at = folded
            .iter()
            .position(|l| l.contains(first.as_str()))
            .unwrap_or(0);
        let line = &lines[at];
        let word = text.split_whitespace().next().unwrap_or(text);
        hits.push(SearchHit {
            kind: SearchKind::Protocol,
            id: version.template_id,
            client_id: None,
            subtitle: format!("Protocol template · version {}", version.version),
            title: version.name,
            snippet: excerpt_parts(line, first, word),
        });
    }
    Ok(())
}

/// The excerpt of `line` around `folded_word`, with `word` marked and "…" where it was cut.
fn excerpt_parts(line: &str, folded_word: &str, word: &str) -> Vec<SnippetPart> {
    let (cut_before, text, cut_after) = one_line_excerpt(line, folded_word);
    let ellipsis = || SnippetPart {
        text: "…".to_owned(),
        hit: false,
    };
    let mut parts = Vec::new();
    if cut_before {
        parts.push(ellipsis());
    }
    parts.extend(mark_name(&text, word));
    if cut_after {
        parts.push(ellipsis());
    }
    parts
}

/// Up to 90 characters of `line` around the first place `folded_word` occurs, and whether
/// text was cut before and after them.
fn one_line_excerpt(line: &str, folded_word: &str) -> (bool, String, bool) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= 90 {
        return (false, line.to_owned(), false);
    }
    let folded: Vec<char> = fold(line).chars().collect();
    let word: Vec<char> = folded_word.chars().collect();
    // Folding keeps one character per character for most text; otherwise start at the top.
    let at = if folded.len() == chars.len() && !word.is_empty() {
        folded
            .windows(word.len())
            .position(|w| w == word.as_slice())
            .unwrap_or(0)
    } else {
        0
    };
    let start = at.saturating_sub(30);
    let end = (start + 90).min(chars.len());
    (
        start > 0,
        chars[start..end].iter().collect(),
        end < chars.len(),
    )
}

/// Sections of the coach's own articles that hold all the words, newest first; one hit per
/// article.
fn add_article_hits(
    conn: &rusqlite::Connection,
    query: &str,
    hits: &mut Vec<SearchHit>,
) -> Result<()> {
    if hits.len() >= MAX_RESULTS {
        return Ok(());
    }
    let rows: Vec<(i64, String, String, String, String)> = row::all(
        conn,
        &format!(
            "SELECT a.id, a.title, a.series, s.heading,
            snippet(article_index, 1, char(2), char(3), '…', 14)
         FROM article_index i JOIN article_sections s ON s.id = i.rowid
         JOIN articles a ON a.id = s.article_id
         WHERE article_index MATCH ?1 ORDER BY i.rowid DESC LIMIT {MAX_RESULTS}"
        ),
        [query],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    for (id, title, series, heading, snippet) in rows {
        if hits.len() >= MAX_RESULTS {
            break;
        }
        if hits
            .iter()
            .any(|h| h.kind == SearchKind::Article && h.id == id)
        {
            continue;
        }
        let subtitle = match (series.is_empty(), heading.is_empty()) {
            (true, true) => "Article".to_owned(),
            (true, false) => heading,
            (false, true) => series,
            (false, false) => format!("{series} · {heading}"),
        };
        hits.push(SearchHit {
            kind: SearchKind::Article,
            id,
            client_id: None,
            title,
            subtitle,
            snippet: snippet_parts(&snippet),
        });
    }
    Ok(())
}

fn client_subtitle(status: ClientStatus, email: &str, archived: bool) -> String {
    let mut subtitle = status.label().to_owned();
    if !email.is_empty() {
        subtitle = format!("{subtitle} · {email}");
    }
    if archived {
        subtitle.push_str(" · archived");
    }
    subtitle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_word() {
        let line = format!("{} bone broth {}", "a".repeat(100), "b".repeat(100));
        let (before, out, after) = one_line_excerpt(&line, "broth");
        assert!(before && after, "{out}");
        assert!(out.contains("bone broth"));
        assert_eq!(out.chars().count(), 90);
        let parts = excerpt_parts(&line, "broth", "BROTH");
        assert_eq!(parts.first().map(|p| p.text.as_str()), Some("…"));
        assert!(parts.iter().any(|p| p.hit && p.text == "broth"));
        assert_eq!(
            one_line_excerpt("Short line", "line"),
            (false, "Short line".to_owned(), false)
        );
    }

    #[test]
    fn typed_text_becomes_quoted_words() {
        assert_eq!(fts_query("leaky gut").unwrap(), "\"leaky\" \"gut\"");
        assert_eq!(fts_query("say \"hi\"").unwrap(), "\"say\" \"\"\"hi\"\"\"");
        assert_eq!(
            fts_query("NEAR(a b) AND -x *").unwrap(),
            "\"NEAR(a\" \"b)\" \"AND\" \"-x\""
        );
        assert_eq!(fts_query("  \"  - * 🌿 "), None);
    }

    #[test]
    fn names_are_marked_where_the_folded_text_matched() {
        let parts = mark_name("Renée Côté", "cote");
        assert_eq!(
            parts[0],
            SnippetPart {
                text: "Renée ".into(),
                hit: false
            }
        );
        assert_eq!(
            parts[1],
            SnippetPart {
                text: "Côté".into(),
                hit: true
            }
        );
        assert_eq!(
            mark_name("Zoë", "x"),
            [SnippetPart {
                text: "Zoë".into(),
                hit: false
            }]
        );
    }

    #[test]
    fn snippets_split_into_plain_and_hit_parts() {
        let parts = snippet_parts("…about \u{2}leaky\u{3} gut\n…");
        assert_eq!(
            parts,
            [
                SnippetPart {
                    text: "…about ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "leaky".into(),
                    hit: true
                },
                SnippetPart {
                    text: " gut …".into(),
                    hit: false
                },
            ]
        );
    }
}
