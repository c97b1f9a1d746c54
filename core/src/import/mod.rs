//! Importing the coach's own articles: plain text, Markdown, HTML and WordPress exports (WXR)
//! become drafts (title, series, tagline, sections, call to action) she checks and corrects in
//! a preview before anything is stored. Each bad file is reported by name and reason; the
//! rest of the batch goes on.

mod docx;
mod front_matter;
mod html;
mod markdown;
mod shape;
mod text;
mod wxr;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The largest file the importer reads.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// One section of an article: a heading (empty for the opening) and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftSection {
    pub heading: String,
    /// Paragraphs, in order; a list item is a paragraph starting with "• ".
    pub paragraphs: Vec<String>,
}

/// An article as read from a file, before the coach confirms it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleDraft {
    pub title: String,
    /// A series name such as "MSMonday", from a title line "MSMonday: …" or a WordPress category.
    pub series: String,
    /// A one-paragraph tagline or bio found before the title.
    pub tagline: String,
    pub sections: Vec<DraftSection>,
    /// The closing call to action (e.g. "Book a free consult call …").
    pub call_to_action: String,
    pub tags: Vec<String>,
    /// The file it came from (and the post's position within a WordPress export).
    pub source: String,
    /// The day it was published (`YYYY-MM-DD`), from front matter, the WordPress export or
    /// the document's properties; empty when unknown.
    #[serde(default)]
    pub published: String,
    /// A WordPress post that was not published (a draft, private, scheduled or pending).
    #[serde(default)]
    pub status: PostStatus,
    /// What the importer wants her to check, and what it left out.
    #[serde(default)]
    pub notes: Vec<DraftNote>,
}

/// Where a post stood on her blog. Everything that is not a WordPress post is `Published`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PostStatus {
    #[default]
    Published,
    Draft,
    Private,
    Pending,
    Scheduled,
}

impl PostStatus {
    fn from_wordpress(status: &str) -> Self {
        match status {
            "draft" | "auto-draft" => Self::Draft,
            "private" => Self::Private,
            "pending" => Self::Pending,
            "future" => Self::Scheduled,
            _ => Self::Published,
        }
    }
}

/// A remark on one draft: something to check before importing (`check`, e.g. a proposed
/// title), or something the importer left out (`leftOut`, e.g. two images).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftNote {
    pub kind: NoteKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NoteKind {
    Check,
    LeftOut,
}

impl DraftNote {
    pub(crate) fn check(text: impl Into<String>) -> Self {
        Self {
            kind: NoteKind::Check,
            text: text.into(),
        }
    }

    pub(crate) fn left_out(text: impl Into<String>) -> Self {
        Self {
            kind: NoteKind::LeftOut,
            text: text.into(),
        }
    }
}

/// Why a file could not be imported, in words the coach understands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProblem {
    pub file: String,
    pub reason: String,
}

/// What one file held: its drafts, and (for a WordPress export) what was found and left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileContents {
    pub drafts: Vec<ArticleDraft>,
    /// E.g. "12 pages, 30 menu items and 2 revisions were left out."
    pub left_out: Option<String>,
}

/// Reads one file into drafts (a WordPress export holds many), or says why it cannot.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Vec<ArticleDraft>, ImportProblem> {
    read_contents(name, bytes).map(|c| c.drafts)
}

/// Reads one file into drafts and what was left out of it, or says why it cannot.
pub fn read_contents(name: &str, bytes: &[u8]) -> Result<FileContents, ImportProblem> {
    let problem = |Unreadable(reason): Unreadable| ImportProblem {
        file: name.to_owned(),
        reason,
    };
    if bytes.is_empty() || bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(problem("The file is empty.".into()));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(problem(Unreadable(format!(
            "The file is {:.1} MB; articles can be at most 10 MB.",
            bytes.len() as f64 / 1_048_576.0
        ))));
    }
    let lower = name.to_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    if ext == "docx" || (bytes.starts_with(b"PK\x03\x04") && docx::is_docx(bytes)) {
        let draft = docx::read(bytes, name).map_err(problem)?;
        return finish(vec![draft], None).map_err(problem);
    }
    if looks_binary(bytes) {
        return Err(problem(
            "This is not a text file (it may be a picture, a PDF or an older Word .doc file). \
             Please save the article as plain text, Markdown, HTML or a Word document (.docx)."
                .into(),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(content) = std::str::from_utf8(bytes) else {
        return Err(problem(
            "The text is not in UTF-8, so accented letters would come out wrong. Please save \
             the file as UTF-8 (most editors offer it under “Save as” → “Encoding”)."
                .into(),
        ));
    };
    let trimmed = content.trim_start();
    let is_html = |t: &str| {
        let head = t.get(..15).unwrap_or(t).to_ascii_lowercase();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    };
    let (drafts, left_out) = match ext {
        "xml" => wxr::read(content, name).map_err(problem)?,
        "md" | "markdown" | "mdown" | "mkd" => (vec![markdown::read(content, name)], None),
        "html" | "htm" => (vec![html::read(content, name).map_err(problem)?], None),
        _ if trimmed.starts_with("<?xml") && content.contains("<rss") => {
            wxr::read(content, name).map_err(problem)?
        }
        _ if is_html(trimmed) => (vec![html::read(content, name).map_err(problem)?], None),
        _ if front_matter::split(content).is_some() => (vec![markdown::read(content, name)], None),
        _ => (vec![text::read(content, name)], None),
    };
    finish(drafts, left_out).map_err(problem)
}

/// Why a file could not be read as articles, in words the coach understands (it becomes the
/// reason of an `ImportProblem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl From<&str> for Unreadable {
    fn from(reason: &str) -> Self {
        Self(reason.to_owned())
    }
}

impl From<String> for Unreadable {
    fn from(reason: String) -> Self {
        Self(reason)
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn finish(drafts: Vec<ArticleDraft>, left_out: Option<String>) -> Result<FileContents, Unreadable> {
    let mut drafts: Vec<ArticleDraft> = drafts.into_iter().filter(has_text).collect();
    if drafts.is_empty() {
        return Err("No article text was found in this file.".into());
    }
    // An untitled article never blocks a batch: it gets a title to check.
    for draft in drafts.iter_mut().filter(|d| d.title.trim().is_empty()) {
        draft.title = shape::proposed_title(&draft.sections, &draft.published);
        draft.notes.insert(
            0,
            DraftNote::check("It has no title: this one is proposed. Please check it."),
        );
    }
    for draft in &mut drafts {
        if draft.sections.iter().all(|s| s.paragraphs.is_empty()) {
            draft.notes.push(DraftNote::check(
                "It has no text to use in handouts (only a title, headings or pictures).",
            ));
        }
    }
    Ok(FileContents { drafts, left_out })
}

/// Reads pasted text as a plain-text article.
pub fn read_pasted(content: &str) -> Result<ArticleDraft, ImportProblem> {
    read_file("Pasted text", content.as_bytes()).map(|mut d| d.remove(0))
}

fn has_text(draft: &ArticleDraft) -> bool {
    !draft.title.trim().is_empty() || draft.sections.iter().any(|s| !s.paragraphs.is_empty())
}

/// What an XML reference stands for: a character reference, or one of XML's five named
/// entities (anything else, which XML does not define without a DTD, stands for nothing).
fn xml_entity(r: &quick_xml::events::BytesRef<'_>) -> String {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => match AsRef::<str>::as_ref(r) {
            "amp" => "&".into(),
            "lt" => "<".into(),
            "gt" => ">".into(),
            "quot" => "\"".into(),
            "apos" => "'".into(),
            _ => String::new(),
        },
    }
}

/// NUL bytes or many control characters mean a binary file, not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|b| b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 20 > sample.len()
}

/// A stable fingerprint of an article's words (case, accents, spacing and punctuation
/// ignored), used to spot an article imported twice.
pub fn fingerprint(draft: &ArticleDraft) -> String {
    let mut text = draft.title.clone();
    for section in &draft.sections {
        text.push(' ');
        text.push_str(&section.heading);
        for p in &section.paragraphs {
            text.push(' ');
            text.push_str(p);
        }
    }
    let folded: String = crate::text::fold(&text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    // FNV-1a, 64 bits: stable across builds, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for word in folded.split_whitespace() {
        for b in word.bytes().chain(std::iter::once(b' ')) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_reported_by_reason() {
        let reason = |name: &str, bytes: &[u8]| read_file(name, bytes).unwrap_err().reason;
        assert!(reason("empty.txt", b"").contains("empty"));
        assert!(reason("blank.txt", b"  \n\n ").contains("empty"));
        assert!(
            reason("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").contains("not a text file")
        );
        assert!(reason("latin1.txt", b"Caf\xe9 au lait\n\nThis is text.").contains("UTF-8"));
        let huge = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(reason("huge.txt", &huge).contains("at most 10 MB"));
        assert!(reason(
            "bad.xml",
            b"<?xml version=\"1.0\"?><rss><channel><item><title>x</titl></item>"
        )
        .contains("WordPress export"));
    }

    #[test]
    fn fingerprints_ignore_formatting_but_not_words() {
        let a = read_file("a.txt", "Leaky Gut\n\nThe gut  lining—matters.".as_bytes()).unwrap();
        let b = read_file(
            "b.md",
            "# leaky gut\n\nThe **gut** lining matters!".as_bytes(),
        )
        .unwrap();
        let c = read_file(
            "c.txt",
            "Leaky Gut\n\nThe gut lining matters a lot.".as_bytes(),
        )
        .unwrap();
        assert_eq!(fingerprint(&a[0]), fingerprint(&b[0]));
        assert_ne!(fingerprint(&a[0]), fingerprint(&c[0]));
    }
}

#[cfg(test)]
mod hostile {
    use super::read_contents;

    /// Nested structures in every format the importer reads, 10 MB each: each is read or
    /// refused in words within seconds (debug build), never a crash.
    #[test]
    fn ten_megabytes_of_nesting_in_every_format() {
        let ten = 10 * 1024 * 1024 - 64;
        let cases: Vec<(&str, String)> = vec![
            ("deep.md", format!("# Deep\n\n{}text", ">".repeat(ten - 20))),
            (
                "list.md",
                format!("# Deep\n\n{}", "- ".repeat((ten - 20) / 2)),
            ),
            ("indent.md", {
                let mut s = String::from("# Deep\n\n");
                let mut n = 0;
                while s.len() < ten - 200 {
                    s.push_str(&" ".repeat(n % 64));
                    s.push_str("- item\n");
                    n += 1;
                }
                s
            }),
            ("emph.md", format!("# Deep\n\n{}", "*a _b ".repeat(ten / 6))),
            ("deep.txt", "(".repeat(ten)),
            (
                "deep.html",
                format!("<h1>x</h1>{}", "<div>".repeat(ten / 5 - 10)),
            ),
            (
                "deep.xml",
                format!(
                    "<?xml version=\"1.0\"?><rss><channel>{}</channel></rss>",
                    "<item>".repeat(ten / 6 - 20)
                ),
            ),
        ];
        for (name, text) in cases {
            let started = std::time::Instant::now();
            let result = read_contents(name, text.as_bytes());
            let took = started.elapsed();
            println!("{name}: {took:?}");
            // A guard against the quadratic or runaway cases (those take minutes), not a
            // speed budget: `make bench` measures speed. Generous, for a busy 2-core machine.
            assert!(took.as_secs() < 30, "{name}: {took:?}");
            if let Err(problem) = result {
                assert!(!problem.reason.is_empty(), "{name}");
            }
        }
    }
}
