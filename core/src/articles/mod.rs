//! The article library: the coach's own articles, imported through a preview she corrects,
//! then listed, searched, viewed and edited; their sections feed handouts.

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use ts_rs::TS;

mod preview;

pub use preview::{preview, preview_pasted, preview_paths};

use crate::db::row::{self, from_row};
use crate::db::Db;
use crate::error::{Error, FieldProblem, Result};
use crate::import::{self, ArticleDraft, DraftSection, ImportProblem};
use crate::text::{fold, has_control_chars, visible};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateOf {
    pub id: i64,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewDraft {
    pub draft: ArticleDraft,
    /// An article already in the library (or earlier in this batch) with the same words.
    pub duplicate_of: Option<DuplicateOf>,
}

/// What a batch of files would import: drafts to check, the files that could not be read,
/// and what was left out of the files that could (a WordPress export's pages, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub drafts: Vec<PreviewDraft>,
    pub problems: Vec<ImportProblem>,
    pub left_out: Vec<LeftOut>,
}

/// What one file held that is not imported, in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LeftOut {
    pub file: String,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSection {
    pub id: i64,
    pub heading: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub id: i64,
    pub title: String,
    pub series: String,
    pub tagline: String,
    pub call_to_action: String,
    pub tags: Vec<String>,
    pub source: String,
    /// The day it was published on her blog (`YYYY-MM-DD`), or empty.
    pub published: String,
    pub sections: Vec<ArticleSection>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub series: String,
    pub tags: Vec<String>,
    pub section_count: i64,
    pub published: String,
    pub updated_at: String,
}

const MAX_TITLE: usize = 300;
const MAX_PARAGRAPH: usize = 50_000;
const MAX_SECTIONS: usize = 300;
/// The most articles one import brings in.
pub const MAX_DRAFTS: usize = 2000;
fn clean(draft: &ArticleDraft, at: &str, problems: &mut Vec<FieldProblem>) -> ArticleDraft {
    let field = |name: &str| format!("{at}{name}");
    let plain = |s: &str| visible(s).trim().to_owned();
    let title = visible(draft.title.trim()).trim().to_owned();
    if title.is_empty() {
        problems.push(FieldProblem::new(
            &field("title"),
            "Please give the article a title.",
        ));
    } else if title.chars().count() > MAX_TITLE || has_control_chars(&title) || title.contains('\n')
    {
        problems.push(FieldProblem::new(
            &field("title"),
            "Keep the title to one line of up to 300 characters.",
        ));
    }
    if draft.sections.len() > MAX_SECTIONS {
        problems.push(FieldProblem::new(
            &field("sections"),
            "An article can have at most 300 sections.",
        ));
    }
    let too_long = draft
        .sections
        .iter()
        .flat_map(|s| s.paragraphs.iter())
        .any(|p| p.chars().count() > MAX_PARAGRAPH);
    if too_long {
        problems.push(FieldProblem::new(
            &field("sections"),
            "A paragraph can be at most 50,000 characters.",
        ));
    }
    let published = draft.published.trim().to_owned();
    let is_day = chrono::NaiveDate::parse_from_str(&published, "%Y-%m-%d")
        .is_ok_and(|d| d.format("%Y-%m-%d").to_string() == published);
    if !published.is_empty() && !is_day {
        problems.push(FieldProblem::new(
            &field("published"),
            "Write the publication date as YYYY-MM-DD, or leave it empty.",
        ));
    }
    let mut tags: Vec<String> = Vec::new();
    for tag in &draft.tags {
        let tag = tag.trim();
        if !tag.is_empty()
            && tag.chars().count() <= 40
            && !tags.iter().any(|t| fold(t) == fold(tag))
        {
            tags.push(tag.to_owned());
        }
    }
    ArticleDraft {
        title,
        series: plain(&draft.series).chars().take(60).collect(),
        tagline: plain(&draft.tagline),
        sections: draft
            .sections
            .iter()
            .map(|s| DraftSection {
                heading: plain(&s.heading),
                paragraphs: s
                    .paragraphs
                    .iter()
                    .map(|p| plain(p))
                    .filter(|p| !p.is_empty())
                    .collect(),
            })
            .filter(|s| !s.heading.is_empty() || !s.paragraphs.is_empty())
            .collect(),
        call_to_action: plain(&draft.call_to_action),
        tags,
        source: draft.source.trim().to_owned(),
        published,
        status: draft.status,
        notes: Vec::new(),
    }
}

fn search_key(d: &ArticleDraft) -> String {
    fold(&format!("{} {} {}", d.title, d.series, d.tags.join(" ")))
}

fn insert(tx: &Transaction<'_>, d: &ArticleDraft) -> Result<i64> {
    let now = crate::now();
    tx.execute(
        "INSERT INTO articles (title, series, tagline, call_to_action, source, fingerprint, tags,
            search_key, published, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            d.title,
            d.series,
            d.tagline,
            d.call_to_action,
            d.source,
            import::fingerprint(d),
            serde_json::to_string(&d.tags).unwrap_or_else(|_| "[]".into()),
            search_key(d),
            d.published,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_sections(tx, id, &d.sections)?;
    Ok(id)
}

/// Writes an article's sections in order, keeping each existing section's id in place (so a
/// handout being composed from it keeps pointing at the same text) and adding or removing
/// sections at the end.
fn write_sections(tx: &Transaction<'_>, id: i64, sections: &[DraftSection]) -> Result<()> {
    let existing: Vec<i64> = row::all(
        tx,
        "SELECT id FROM article_sections WHERE article_id = ?1 ORDER BY position",
        [id],
        |r| r.get(0),
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO article_sections (article_id, position, heading, paragraphs) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE article_sections SET position = ?2, heading = ?3, paragraphs = ?4 WHERE id = ?1",
    )?;
    for (i, s) in sections.iter().enumerate() {
        let json = serde_json::to_string(&s.paragraphs).unwrap_or_else(|_| "[]".into());
        match existing.get(i) {
            Some(section_id) => update.execute(params![section_id, i as i64, s.heading, json])?,
            None => insert.execute(params![id, i as i64, s.heading, json])?,
        };
    }
    for section_id in existing.iter().skip(sections.len()) {
        tx.execute("DELETE FROM article_sections WHERE id = ?1", [section_id])?;
    }
    Ok(())
}

/// Stores the drafts the coach confirmed, all or none.
pub fn commit(db: &Db, drafts: &[ArticleDraft]) -> Result<Vec<ArticleSummary>> {
    let mut problems = Vec::new();
    let cleaned: Vec<ArticleDraft> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| clean(d, &format!("drafts[{i}]."), &mut problems))
        .collect();
    if drafts.is_empty() {
        problems.push(FieldProblem::new(
            "drafts",
            "Choose at least one article to import.",
        ));
    } else if drafts.len() > MAX_DRAFTS {
        problems.push(FieldProblem::new(
            "drafts",
            format!("Import at most {MAX_DRAFTS} articles at a time."),
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    let mut ids = Vec::with_capacity(cleaned.len());
    for d in &cleaned {
        ids.push(insert(&tx, d)?);
    }
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(summary(&tx, id)?);
    }
    tx.commit()?;
    Ok(out)
}

/// Replaces an article's text with the coach's corrections.
pub fn update(db: &Db, id: i64, input: &ArticleDraft) -> Result<Article> {
    let mut problems = Vec::new();
    let d = clean(input, "", &mut problems);
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let mut conn = db.conn();
    let tx = conn.transaction()?;
    load(&tx, id)?;
    tx.execute(
        "UPDATE articles SET title = ?2, series = ?3, tagline = ?4, call_to_action = ?5,
            fingerprint = ?6, tags = ?7, search_key = ?8, updated_at = ?9, published = ?10
         WHERE id = ?1",
        params![
            id,
            d.title,
            d.series,
            d.tagline,
            d.call_to_action,
            import::fingerprint(&d),
            serde_json::to_string(&d.tags).unwrap_or_else(|_| "[]".into()),
            search_key(&d),
            crate::now(),
            d.published
        ],
    )?;
    write_sections(&tx, id, &d.sections)?;
    let article = load(&tx, id)?;
    tx.commit()?;
    Ok(article)
}

pub fn delete(db: &Db, id: i64) -> Result<()> {
    if db
        .conn()
        .execute("DELETE FROM articles WHERE id = ?1", [id])?
        == 0
    {
        return Err(Error::NotFound {
            what: "That article",
        });
    }
    Ok(())
}

pub fn get(db: &Db, id: i64) -> Result<Article> {
    load(&db.conn(), id)
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<Article> {
    let mut article = row::one(
        conn,
        "That article",
        "SELECT id, title, series, tagline, call_to_action, tags, source, created_at, updated_at,
                published
             FROM articles WHERE id = ?1",
        [id],
        |r| {
            Ok(from_row!(r => Article {
                id,
                title,
                series,
                tagline,
                call_to_action,
                tags: row::json(r, "tags")?,
                source,
                published,
                sections: Vec::new(),
                created_at,
                updated_at,
            }))
        },
    )?;
    let sql =
        "SELECT id, heading, paragraphs FROM article_sections WHERE article_id = ?1 ORDER BY position";
    article.sections = row::all(conn, sql, [id], |r| {
        Ok(from_row!(r => ArticleSection {
            id,
            heading,
            paragraphs: row::json(r, "paragraphs")?,
        }))
    })?;
    Ok(article)
}

fn summary(conn: &Connection, id: i64) -> Result<ArticleSummary> {
    Ok(conn.query_row(
        &format!("{SUMMARY_SQL} WHERE a.id = ?1"),
        [id],
        summary_from,
    )?)
}

const SUMMARY_SQL: &str = "SELECT a.id, a.title, a.series, a.tags,
    (SELECT count(*) FROM article_sections s WHERE s.article_id = a.id) AS section_count,
    a.updated_at, a.published
    FROM articles a";

fn summary_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(from_row!(r => ArticleSummary {
        id,
        title,
        series,
        tags: row::json(r, "tags")?,
        section_count,
        published,
        updated_at,
    }))
}

/// The library, newest first, filtered by title, series or tag (case and accents ignored).
pub fn list(db: &Db, search: &str) -> Result<Vec<ArticleSummary>> {
    let conn = db.conn();
    let needle = fold(search.trim());
    let sql = format!(
        "{SUMMARY_SQL} WHERE ?1 = '' OR instr(a.search_key, ?1) > 0 ORDER BY a.id DESC LIMIT 500"
    );
    row::all(&conn, &sql, [needle], summary_from)
}

/// One section of an article, with the article's title (for handouts).
pub(crate) fn section(
    conn: &Connection,
    article_id: i64,
    section_id: i64,
) -> Result<(String, ArticleSection)> {
    row::one(
        conn,
        "That article section",
        "SELECT a.title, s.id, s.heading, s.paragraphs FROM article_sections s
         JOIN articles a ON a.id = s.article_id WHERE s.article_id = ?1 AND s.id = ?2",
        params![article_id, section_id],
        |r| {
            let section = from_row!(r => ArticleSection {
                id,
                heading,
                paragraphs: row::json(r, "paragraphs")?,
            });
            Ok((r.get("title")?, section))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "MSMonday: Leaky Gut, What Comes First?\n\nOpening words.\n\nWhat the lining does\n\nOne cell thick — really.\n\nBook a free consult call today.";

    #[test]
    fn import_preview_commit_and_duplicates() {
        let db = Db::open_in_memory().unwrap();
        let files = vec![
            ("one.txt".to_owned(), TEXT.as_bytes().to_vec()),
            ("same-again.txt".to_owned(), TEXT.as_bytes().to_vec()),
            ("empty.txt".to_owned(), Vec::new()),
        ];
        let p = preview(&db, &files).unwrap();
        assert_eq!(p.drafts.len(), 2);
        assert_eq!(
            p.problems,
            [ImportProblem {
                file: "empty.txt".into(),
                reason: "The file is empty.".into()
            }]
        );
        assert!(p.drafts[0].duplicate_of.is_none());
        assert_eq!(
            p.drafts[1].duplicate_of.as_ref().unwrap().title,
            "Leaky Gut, What Comes First?"
        );

        let mut draft = p.drafts[0].draft.clone();
        draft.title = "Leaky Gut: What Comes First?".into();
        let saved = commit(&db, &[draft]).unwrap();
        assert_eq!(saved[0].section_count, 2);
        let again = preview(&db, &files[..1]).unwrap();
        assert_eq!(
            again.drafts[0].duplicate_of.as_ref().unwrap().id,
            saved[0].id
        );

        let article = get(&db, saved[0].id).unwrap();
        assert_eq!(article.series, "MSMonday");
        let mut edit = p.drafts[0].draft.clone();
        edit.sections[1].heading = "What the gut lining does".into();
        let edited = update(&db, article.id, &edit).unwrap();
        assert_eq!(
            edited.sections[1].id, article.sections[1].id,
            "section ids are kept"
        );
        assert_eq!(edited.sections[1].heading, "What the gut lining does");
        assert_eq!(article.sections[1].paragraphs, ["One cell thick — really."]);
        assert_eq!(article.call_to_action, "Book a free consult call today.");
        assert_eq!(list(&db, "leaky").unwrap().len(), 1);
        assert_eq!(list(&db, "msmonday").unwrap().len(), 1);
        assert!(list(&db, "nothing").unwrap().is_empty());
    }

    #[test]
    fn a_bad_draft_stops_the_whole_batch() {
        let db = Db::open_in_memory().unwrap();
        let p = preview_pasted(&db, TEXT).unwrap();
        let good = p.drafts[0].draft.clone();
        let mut bad = good.clone();
        bad.title = "  ".into();
        let err = commit(&db, &[good, bad]).unwrap_err();
        assert_eq!(err.fields()[0].field, "drafts[1].title");
        assert!(
            list(&db, "").unwrap().is_empty(),
            "nothing partial is stored"
        );
    }
}
