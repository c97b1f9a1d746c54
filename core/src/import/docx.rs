//! Word documents (.docx, as saved by Word, LibreOffice or Google Docs): a zip of XML parts.
//! The title is the Title-style paragraph, else the document's title property, else the first
//! Heading 1; Heading 1–3 start sections (4–6 become bold lines); numbered and bulleted
//! paragraphs become "• " items; bold and italic keep the composer's `**`/`*` marks. Images
//! and tables are left out, and counted in a note.
//!
//! Read with `zip` and `quick-xml` (both kept, both already the kind of thing we trust for
//! WordPress exports): the document model of a .docx crate would be larger than the little we
//! take from it.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::shape::{sections_from, split_series, take_call_to_action, tidy};
use super::{ArticleDraft, DraftNote, Unreadable};

/// A larger unpacked part than this is not an article (and could be a zip bomb).
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// True when a zip file holds a Word document's main part.
pub fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .is_ok_and(|z| z.index_for_name("word/document.xml").is_some())
}

pub fn read(bytes: &[u8], source: &str) -> Result<ArticleDraft, Unreadable> {
    const NOT_WORD: &str = "This is not a Word document that CoachDesk can read (it may be \
                            damaged, or an older .doc file). Please save it again as .docx.";
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| NOT_WORD.to_owned())?;
    // The main part is named in the package's relationships (Word Online calls it
    // word/document2.xml); its own relationships name the styles part.
    let main = part(&mut archive, "_rels/.rels")?
        .and_then(|rels| target_of(&rels, "/officeDocument", ""))
        .unwrap_or_else(|| "word/document.xml".to_owned());
    let document = part(&mut archive, &main)?.ok_or(NOT_WORD)?;
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let styles_part = part(&mut archive, &format!("{folder}/_rels/{file}.rels"))?
        .and_then(|rels| target_of(&rels, "/styles", folder))
        .unwrap_or_else(|| "word/styles.xml".to_owned());
    let styles = part(&mut archive, &styles_part)?
        .map(|x| heading_levels(&x))
        .unwrap_or_default();
    let doc_title = part(&mut archive, "docProps/core.xml")?
        .map(|x| element_text(&x, "dc:title"))
        .unwrap_or_default();
    let body = paragraphs(&document, &styles)
        .map_err(|e| format!("This Word document could not be read: its text is damaged ({e})."))?;

    let mut title = String::new();
    let mut tagline = String::new();
    let mut blocks: Vec<(bool, String)> = Vec::new();
    let title_style_used = body.paragraphs.iter().any(|p| p.role == Role::Title);
    let doc_title = tidy(&doc_title);
    for p in body.paragraphs {
        match p.role {
            Role::Title if title.is_empty() => title = plain(&p.text),
            Role::Subtitle if tagline.is_empty() && blocks.is_empty() => tagline = p.text,
            Role::Heading(1)
                if title.is_empty()
                    && !title_style_used
                    && (doc_title.is_empty() || plain(&p.text) == doc_title) =>
            {
                title = plain(&p.text);
            }
            Role::Heading(level) if level <= 3 => blocks.push((true, plain(&p.text))),
            Role::Heading(_) | Role::Title | Role::Subtitle => {
                blocks.push((false, format!("**{}**", plain(&p.text))));
            }
            Role::Item => blocks.push((false, format!("• {}", p.text))),
            Role::Body => blocks.push((false, p.text)),
        }
    }
    if title.is_empty() {
        title = doc_title;
    }
    let (series, title) = split_series(&title);
    let mut notes = Vec::new();
    let mut left_out = Vec::new();
    if body.images > 0 {
        left_out.push(plural(body.images, "image", "images"));
    }
    if body.tables > 0 {
        left_out.push(plural(body.tables, "table", "tables"));
    }
    if !left_out.is_empty() {
        let verb = if body.images + body.tables == 1 {
            "was"
        } else {
            "were"
        };
        notes.push(DraftNote::left_out(format!(
            "{} {verb} left out.",
            left_out.join(" and ")
        )));
    }
    let mut draft = ArticleDraft {
        title,
        series,
        tagline,
        sections: sections_from(blocks),
        source: source.to_owned(),
        notes,
        ..ArticleDraft::default()
    };
    take_call_to_action(&mut draft);
    Ok(draft)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The target of the first relationship whose type ends with `kind`, as a path inside the
/// package (relative targets are relative to `folder`).
fn target_of(rels: &str, kind: &str, folder: &str) -> Option<String> {
    let mut reader = Reader::from_str(rels);
    loop {
        match reader.read_event() {
            Ok(Event::Empty(e) | Event::Start(e))
                if e.local_name().as_ref() == "Relationship"
                    && attr(&e, "Type").is_some_and(|t| t.ends_with(kind)) =>
            {
                let target = attr(&e, "Target")?;
                return Some(match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None if folder.is_empty() => target,
                    None => format!("{folder}/{target}"),
                });
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// A part of the package as text; `None` when the package has no such part.
fn part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, Unreadable> {
    let Ok(file) = archive.by_name(name) else {
        return Ok(None);
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|_| {
            "This Word document could not be unpacked: it may be damaged. Please save it again."
                .to_owned()
        })?;
    if text.len() as u64 > MAX_PART_BYTES {
        return Err("This Word document is too large to be an article.".into());
    }
    Ok(Some(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }))
}

/// The text of the first element with this qualified name (e.g. the document title).
fn element_text(xml: &str, name: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut out = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == name => inside = true,
            Ok(Event::End(e)) if e.name().as_ref() == name => break,
            Ok(Event::Text(t)) if inside => out.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) if inside => out.push_str(&super::xml_entity(&r)),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

/// The role of a paragraph style, by style id.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Title,
    Subtitle,
    Heading(u8),
    Item,
    Body,
}

/// Style id → role, from the style's name ("heading 2", "Title", "List Bullet") or its
/// outline level, following `basedOn` so a custom style based on Heading 2 is a heading.
fn heading_levels(styles_xml: &str) -> HashMap<String, Role> {
    let mut reader = Reader::from_str(styles_xml);
    let mut own: HashMap<String, (Option<Role>, Option<String>)> = HashMap::new();
    let mut current: Option<(String, Option<Role>, Option<String>)> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "w:style" => {
                    current = attr(&e, "w:styleId").map(|id| (id, None, None));
                }
                "w:name" => {
                    if let (Some(c), Some(name)) = (current.as_mut(), attr(&e, "w:val")) {
                        c.1 = c.1.or(role_from_name(&name));
                    }
                }
                "w:outlineLvl" => {
                    let level = attr(&e, "w:val").and_then(|v| v.parse::<u8>().ok());
                    if let (Some(c), Some(level)) = (current.as_mut(), level) {
                        if level < 9 {
                            c.1 = c.1.or(Some(Role::Heading(level + 1)));
                        }
                    }
                }
                "w:basedOn" => {
                    if let Some(c) = current.as_mut() {
                        c.2 = attr(&e, "w:val");
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "w:style" => {
                if let Some((id, role, based_on)) = current.take() {
                    own.insert(id, (role, based_on));
                }
            }
            _ => {}
        }
    }
    let mut roles = HashMap::new();
    for id in own.keys() {
        let mut at = id.clone();
        for _ in 0..10 {
            match own.get(&at) {
                Some((Some(role), _)) => {
                    roles.insert(id.clone(), *role);
                    break;
                }
                Some((None, Some(parent))) => at.clone_from(parent),
                _ => break,
            }
        }
    }
    roles
}

fn role_from_name(name: &str) -> Option<Role> {
    let name = name.trim().to_lowercase();
    if name == "title" {
        return Some(Role::Title);
    }
    if name == "subtitle" {
        return Some(Role::Subtitle);
    }
    if let Some(level) = name.strip_prefix("heading ") {
        return level.parse::<u8>().ok().map(Role::Heading);
    }
    if name.starts_with("list bullet") || name.starts_with("list number") {
        return Some(Role::Item);
    }
    None
}

struct Paragraph {
    role: Role,
    text: String,
}

struct Body {
    paragraphs: Vec<Paragraph>,
    images: usize,
    tables: usize,
}

/// A run of text with the same emphasis.
struct Run {
    text: String,
    bold: bool,
    italic: bool,
}

/// `w:b`, `w:i`: on unless `w:val` says "0", "false" or "off".
fn toggled(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "w:val").as_deref(), Some("0" | "false" | "off"))
}

fn paragraphs(xml: &str, styles: &HashMap<String, Role>) -> Result<Body, Unreadable> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body {
        paragraphs: Vec::new(),
        images: 0,
        tables: 0,
    };
    let mut table_depth = 0usize;
    // Inside drawings, text boxes, deleted text and field codes: nothing is read.
    let mut skip_depth = 0usize;
    let mut role = Role::Body;
    let mut runs: Vec<Run> = Vec::new();
    let (mut in_run, mut in_text) = (false, false);
    let (mut bold, mut italic) = (false, false);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("near byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                match name {
                    "w:tbl" => {
                        if table_depth == 0 {
                            body.tables += 1;
                        }
                        table_depth += 1;
                    }
                    "w:drawing" | "w:pict" | "w:object" => {
                        body.images += 1;
                        skip_depth = 1;
                    }
                    "w:del"
                    | "w:instrText"
                    | "w:delText"
                    | "m:oMath"
                    | "w:footnoteReference"
                    | "mc:Fallback" => skip_depth = 1,
                    _ if table_depth > 0 => {}
                    "w:p" => {
                        role = Role::Body;
                        runs.clear();
                    }
                    "w:r" => {
                        in_run = true;
                        (bold, italic) = (false, false);
                    }
                    "w:t" => in_text = true,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip_depth > 0 || table_depth > 0 {
                    continue;
                }
                match e.name().as_ref() {
                    "w:pStyle" => {
                        if let Some(found) = attr(&e, "w:val").and_then(|id| styles.get(&id)) {
                            if role == Role::Body {
                                role = *found;
                            }
                        }
                    }
                    "w:numPr" | "w:numId" => {
                        let listed = attr(&e, "w:val").is_none_or(|v| v != "0");
                        if listed && role == Role::Body {
                            role = Role::Item;
                        }
                    }
                    "w:outlineLvl" => {
                        let level = attr(&e, "w:val").and_then(|v| v.parse::<u8>().ok());
                        if let (Some(level), Role::Body) = (level, role) {
                            if level < 9 {
                                role = Role::Heading(level + 1);
                            }
                        }
                    }
                    "w:b" if in_run => bold = toggled(&e),
                    "w:i" if in_run => italic = toggled(&e),
                    "w:tab" | "w:br" | "w:cr" if in_run => push(&mut runs, " ", bold, italic),
                    _ => {}
                }
            }
            Event::End(e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    "w:tbl" => table_depth = table_depth.saturating_sub(1),
                    _ if table_depth > 0 => {}
                    "w:p" => {
                        let text = marked(&runs);
                        if !text.is_empty() {
                            body.paragraphs.push(Paragraph { role, text });
                        }
                        runs.clear();
                    }
                    "w:r" => in_run = false,
                    "w:t" => in_text = false,
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip_depth == 0 && table_depth == 0 => {
                push(&mut runs, &t.xml10_content(), bold, italic);
            }
            Event::GeneralRef(r) if in_text && skip_depth == 0 && table_depth == 0 => {
                push(&mut runs, &super::xml_entity(&r), bold, italic);
            }
            _ => {}
        }
    }
    Ok(body)
}

fn push(runs: &mut Vec<Run>, text: &str, bold: bool, italic: bool) {
    match runs.last_mut() {
        Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_owned(),
            bold,
            italic,
        }),
    }
}

/// The paragraph's text with `**bold**` and `*italic*` marks around the words (never around
/// the spaces next to them); bold and italic together are marked bold.
fn marked(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        let marker = match (run.bold, run.italic) {
            (true, _) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let inner = run.text.trim();
        if marker.is_empty() || inner.is_empty() {
            out.push_str(&run.text);
            continue;
        }
        let lead = &run.text[..run.text.len() - run.text.trim_start().len()];
        let trail = &run.text[run.text.trim_end().len()..];
        out.push_str(lead);
        out.push_str(marker);
        out.push_str(inner);
        out.push_str(marker);
        out.push_str(trail);
    }
    tidy(
        &out.replace("****", "")
            .replace("**", "\u{1}")
            .replace("\u{1}", "**"),
    )
}

/// The text with emphasis marks taken out (for titles and headings).
fn plain(text: &str) -> String {
    tidy(&text.replace('*', ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal package, as a test double for the real fixtures in tests/fixtures/import.
    fn package(document_body: &str, core_title: &str) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{document_body}</w:body></w:document>"#
        );
        let styles = r#"<?xml version="1.0"?><w:styles xmlns:w="x"><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My heading"/><w:basedOn w:val="Heading2"/></w:style></w:styles>"#;
        let core = format!(
            r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{core_title}</dc:title></cp:coreProperties>"#
        );
        for (name, text) in [
            ("word/document.xml", doc.as_str()),
            ("word/styles.xml", styles),
            ("docProps/core.xml", core.as_str()),
        ] {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    fn p(style: &str, runs: &str) -> String {
        let style = if style.is_empty() {
            String::new()
        } else {
            format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
        };
        format!("<w:p>{style}{runs}</w:p>")
    }

    fn r(text: &str, props: &str) -> String {
        format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    #[test]
    fn styles_lists_and_emphasis() {
        let body = [
            p("Title", &r("MSMonday: Leaky Gut &amp; You", "")),
            p("", &(r("The gut is ", "") + &r("one cell ", "<w:b/>") + &r("thick", "<w:i/>") + &r(".", ""))),
            p("berschrift1", &r("What to eat", "")),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Bone broth</w:t></w:r></w:p>"#.to_owned(),
            p("MyHeading", &r("A custom heading", "")),
            r#"<w:p><w:r><w:drawing><wp:inline><a:p>caption</a:p></wp:inline></w:drawing></w:r></w:p>"#.to_owned(),
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_owned(),
            p("", &r("Not bold", r#"<w:b w:val="0"/>"#)),
            p("", &r("Ready? Book a free consult call.", "")),
        ]
        .concat();
        let d = read(&package(&body, "Old template title"), "gut.docx").unwrap();
        assert_eq!(d.series, "MSMonday");
        assert_eq!(d.title, "Leaky Gut & You");
        assert_eq!(
            d.sections[0].paragraphs,
            ["The gut is **one cell** *thick*."]
        );
        assert_eq!(d.sections[1].heading, "What to eat");
        assert_eq!(d.sections[1].paragraphs, ["• Bone broth"]);
        assert_eq!(d.sections[2].heading, "A custom heading");
        assert_eq!(d.sections[2].paragraphs, ["Not bold"]);
        assert_eq!(d.call_to_action, "Ready? Book a free consult call.");
        assert_eq!(d.notes[0].text, "1 image and 1 table were left out.");
        assert!(!format!("{d:?}").contains("cell\""));
    }

    #[test]
    fn the_document_title_is_used_when_no_paragraph_is_a_title() {
        let body = p("", &r("Just text.", ""));
        let d = read(&package(&body, "Sleep and MS"), "s.docx").unwrap();
        assert_eq!(d.title, "Sleep and MS");
    }

    #[test]
    fn damaged_documents_are_refused_in_words() {
        let err = read(b"PK\x03\x04 not really a zip", "bad.docx").unwrap_err();
        assert!(err.0.contains("not a Word document"), "{err}");
        let mut bytes = package(&p("", &r("Text", "")), "");
        let cut = bytes.len() / 2;
        bytes.truncate(cut);
        assert!(read(&bytes, "cut.docx").is_err());
    }
}
