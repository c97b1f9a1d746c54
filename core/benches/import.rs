//! `make bench`: bringing her articles in, from the file to the review page's preview (what
//! `articles_import_pick` does after the dialog: read, parse, find duplicates), against the
//! budgets of issue #15: a 300-post WordPress export within 1 s and a 50-page Word document
//! within 300 ms (p95). Beside each, a reference in the same run: only tokenising the same
//! XML with quick-xml (the least any importer must do). Exits non-zero on a missed budget or
//! an error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{Read, Write};

use coachdesk_core::articles;
use coachdesk_core::db::{Db, DATABASE_FILE};
use common::{ms, percentile, report, timed};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/import/wordpress/themeunittestdata.wordpress.xml"
);

/// The real export (58 posts, pages, attachments and menu items) with its posts repeated until
/// there are 300, each with its own title.
fn export_of_300_posts() -> String {
    let real = std::fs::read_to_string(FIXTURE).unwrap();
    let first_item = real.find("<item>").unwrap();
    let end = real.rfind("</channel>").unwrap();
    let items: Vec<&str> = real[first_item..end]
        .split_inclusive("</item>")
        .filter(|i| i.contains("<item>"))
        .collect();
    let posts: Vec<&str> = items
        .iter()
        .copied()
        .filter(|i| {
            i.contains("<wp:post_type><![CDATA[post]]>") || i.contains("<wp:post_type>post<")
        })
        .collect();
    let mut xml = real[..first_item].to_owned();
    for item in &items {
        xml.push_str(item);
    }
    for n in 0..300 - posts.len() {
        let post = posts[n % posts.len()];
        xml.push_str(&post.replacen("<title>", &format!("<title>Copy {n}: "), 1));
    }
    xml.push_str(&real[end..]);
    xml
}

/// A 50-page Word document: per page a heading, eight paragraphs of about 60 words with bold
/// and italic runs, and a five-item list.
fn document_of_50_pages() -> Vec<u8> {
    let words =
        "Gut healing starts with small steps that she can keep every day, like a warm cup of \
        broth in the morning, cooked greens at lunch, a walk after dinner and an early night, \
        because the lining of the gut renews itself within days when it is given the chance to \
        rest and the right food to rebuild.";
    let mut body = String::new();
    for page in 0..50 {
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Week {page}: what to try</w:t></w:r></w:p>"#
        ));
        for _ in 0..8 {
            body.push_str(&format!(
                r#"<w:p><w:r><w:t xml:space="preserve">{words} </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Be gentle</w:t></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>notice</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>"#
            ));
        }
        for item in 0..5 {
            body.push_str(&format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Step {item} of week {page}</w:t></w:r></w:p>"#
            ));
        }
        body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>A year of gut healing</w:t></w:r></w:p>{body}</w:body></w:document>"#
    );
    let styles = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("word/document.xml", document.as_str()),
        ("word/styles.xml", styles),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// The reference: every XML event of the text read once, nothing built.
fn tokenise(xml: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut events = 0;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Eof => return events,
            _ => events += 1,
        }
    }
}

fn reference(what: &str, samples: &mut [std::time::Duration], ours_p95: f64) {
    let p95 = ms(percentile(samples, 0.95));
    println!(
        "{what:<40} n={:<5} p50 {:>7.3} ms  p95 {p95:>7.3} ms  (reference; ours is {:.1}× it)",
        samples.len(),
        ms(percentile(samples, 0.5)),
        ours_p95 / p95
    );
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    // A library that already holds the real export's posts, so duplicates are looked up for real.
    let real = vec![("blog.xml".to_owned(), std::fs::read(FIXTURE).unwrap())];
    let first = articles::preview(&db, &real).unwrap();
    let drafts: Vec<_> = first.drafts.into_iter().map(|d| d.draft).collect();
    articles::commit(&db, &drafts).unwrap();

    let export = export_of_300_posts();
    println!("300-post export: {} KB", export.len() / 1024);
    let files = vec![("blog-300.xml".to_owned(), export.clone().into_bytes())];
    let mut samples = Vec::new();
    for _ in 0..30 {
        let (t, preview) = timed(|| articles::preview(&db, &files).unwrap());
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        assert_eq!(preview.drafts.len(), 300);
        samples.push(t);
    }
    let mut ok = report("300-post WordPress export → preview", &mut samples, 1000.0);
    let wxr_p95 = ms(percentile(&mut samples, 0.95));
    let mut refs = Vec::new();
    for _ in 0..30 {
        refs.push(timed(|| tokenise(&export)).0);
    }
    reference("the same XML, only tokenised", &mut refs, wxr_p95);

    let docx = document_of_50_pages();
    println!(
        "50-page Word document: {} KB zipped, {} paragraphs",
        docx.len() / 1024,
        1 + 50 * 14
    );
    let files = vec![("year.docx".to_owned(), docx.clone())];
    let mut samples = Vec::new();
    for _ in 0..50 {
        let (t, preview) = timed(|| articles::preview(&db, &files).unwrap());
        assert!(preview.problems.is_empty(), "{:?}", preview.problems);
        let draft = &preview.drafts[0].draft;
        assert_eq!(draft.title, "A year of gut healing");
        assert_eq!(draft.sections.len(), 50);
        samples.push(t);
    }
    ok &= report("50-page Word document → preview", &mut samples, 300.0);
    let docx_p95 = ms(percentile(&mut samples, 0.95));
    let mut refs = Vec::new();
    for _ in 0..50 {
        refs.push(
            timed(|| {
                let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
                let mut xml = String::new();
                zip.by_name("word/document.xml")
                    .unwrap()
                    .read_to_string(&mut xml)
                    .unwrap();
                tokenise(&xml)
            })
            .0,
        );
    }
    reference(
        "the same .docx, only unzipped and tokenised",
        &mut refs,
        docx_p95,
    );
    if !ok {
        eprintln!("A budget was missed.");
        std::process::exit(1);
    }
}
