//! Importing articles, first step: files or pasted text read into drafts she corrects before
//! anything is stored, each with the library's articles it may duplicate (by word
//! fingerprint).

use rusqlite::OptionalExtension;

use super::{DuplicateOf, ImportPreview, LeftOut, PreviewDraft, MAX_DRAFTS};
use crate::db::row::from_row;
use crate::db::Db;
use crate::error::Result;
use crate::import::{self, ArticleDraft, ImportProblem};

/// Reads files (name, bytes) into a preview. Nothing is stored.
pub fn preview(db: &Db, files: &[(String, Vec<u8>)]) -> Result<ImportPreview> {
    let mut drafts = Vec::new();
    let mut problems = Vec::new();
    let mut left_out = Vec::new();
    for (name, bytes) in files {
        match import::read_contents(name, bytes) {
            Ok(found) => {
                drafts.extend(found.drafts);
                left_out.extend(found.left_out.map(|what| LeftOut {
                    file: name.clone(),
                    what,
                }));
            }
            Err(problem) => problems.push(problem),
        }
    }
    if drafts.len() > MAX_DRAFTS {
        problems.push(ImportProblem {
            file: files
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            reason: format!(
                "These files hold {} articles; CoachDesk brings in at most {MAX_DRAFTS} at a \
                 time, so the first {MAX_DRAFTS} are shown. Import the rest in a second go.",
                drafts.len()
            ),
        });
        drafts.truncate(MAX_DRAFTS);
    }
    let mut preview = with_duplicates(db, drafts, problems)?;
    preview.left_out = left_out;
    Ok(preview)
}

/// Reads the chosen files into a preview; a file that cannot be read is reported, not fatal.
pub fn preview_paths(db: &Db, paths: &[std::path::PathBuf]) -> Result<ImportPreview> {
    let mut files = Vec::with_capacity(paths.len());
    let mut unreadable = Vec::new();
    for path in paths {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > import::MAX_FILE_BYTES as u64 {
            unreadable.push(ImportProblem {
                file: name,
                reason: format!(
                    "The file is {:.1} MB; articles can be at most 10 MB.",
                    size as f64 / 1_048_576.0
                ),
            });
            continue;
        }
        match crate::files::read_at_most(path, import::MAX_FILE_BYTES as u64) {
            Ok(Some(bytes)) => files.push((name, bytes)),
            Ok(None) => unreadable.push(ImportProblem {
                file: name,
                reason: "The file is over 10 MB; articles can be at most 10 MB.".into(),
            }),
            Err(e) => unreadable.push(ImportProblem {
                file: name,
                reason: format!("It could not be read: {e}."),
            }),
        }
    }
    let mut preview = preview(db, &files)?;
    preview.problems.splice(0..0, unreadable);
    Ok(preview)
}

/// Reads pasted text into a preview.
pub fn preview_pasted(db: &Db, text: &str) -> Result<ImportPreview> {
    match import::read_pasted(text) {
        Ok(draft) => with_duplicates(db, vec![draft], Vec::new()),
        Err(problem) => Ok(ImportPreview {
            drafts: Vec::new(),
            problems: vec![problem],
            left_out: Vec::new(),
        }),
    }
}

fn with_duplicates(
    db: &Db,
    drafts: Vec<ArticleDraft>,
    problems: Vec<ImportProblem>,
) -> Result<ImportPreview> {
    let conn = db.conn();
    let mut stmt = conn.prepare_cached("SELECT id, title FROM articles WHERE fingerprint = ?1")?;
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut out = Vec::with_capacity(drafts.len());
    for draft in drafts {
        let print = import::fingerprint(&draft);
        let mut duplicate_of = stmt
            .query_row([&print], |r| Ok(from_row!(r => DuplicateOf { id, title })))
            .optional()?;
        if duplicate_of.is_none() {
            if let Some((_, title)) = seen.iter().find(|(p, _)| *p == print) {
                duplicate_of = Some(DuplicateOf {
                    id: 0,
                    title: title.clone(),
                });
            }
        }
        seen.push((print, draft.title.clone()));
        out.push(PreviewDraft {
            draft,
            duplicate_of,
        });
    }
    Ok(ImportPreview {
        drafts: out,
        problems,
        left_out: Vec::new(),
    })
}
