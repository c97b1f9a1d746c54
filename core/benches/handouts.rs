//! `cargo bench -p coachdesk-core --bench handouts`: a handout exported the way the coach
//! exports one. Her draft is checked and resolved, rendered with her practice's branding and a
//! realistic logo chosen through the practice profile (a 2 MB photo-like PNG, then a 300 KB
//! JPEG), written to a file and recorded on the client's timeline. Beside it, in the same run,
//! LibreOffice converts the same 100 handouts from equivalent HTML with the same fonts and
//! logo, warm, in one batch, against her own batch: the bulk export of that handout for 100
//! clients (its median of five runs; and, for reference, 100 exports one after another).
//! Budgets: export p95 ≤ 40 ms, file ≤ 250 KB, ≥ 30× LibreOffice's batch. Any error, and any
//! missed budget, fails the bench.
// The shared big-practice builder (common/practice.rs) unwraps; this bench returns its errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/mod.rs"]
mod common;
#[path = "../src/pdf/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::db::Db;
use coachdesk_core::documents::{Preview, ResolvedBlock, StyledText};
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
// Block, Brand, Handout and Span are for the shared sample handout (`sample`).
use coachdesk_core::pdf::{render, Block, Brand, Handout, Paper, Span};
use coachdesk_core::practice;
use common::her::{self, Failure};
use common::{ms, percentile, report, single};
use image::{DynamicImage, ImageFormat};

const EXPORTS: usize = 100;
const EXPORT_BUDGET_MS: f64 = 40.0;
const FILE_BUDGET: u64 = 250 * 1024;
const LIBREOFFICE_RATIO: f64 = 30.0;
/// Her bulk export is timed this many times; its median is compared with LibreOffice.
const BULK_RUNS: usize = 5;

/// A photo-like PNG of about `bytes` (grain compresses as badly as a photo does), and a JPEG.
fn logos(dir: &Path) -> Result<(PathBuf, PathBuf), Failure> {
    let png = dir.join("logo-photo.png");
    let mut side = 800;
    loop {
        let mut bytes = std::io::Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(sample::photo_like(side * 4 / 3, side))
            .write_to(&mut bytes, ImageFormat::Png)?;
        if bytes.get_ref().len() >= 2_000_000 {
            std::fs::write(&png, bytes.into_inner())?;
            break;
        }
        side += 100;
    }
    let jpg = dir.join("logo-photo.jpg");
    let mut quality = 95;
    loop {
        let mut bytes = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality);
        DynamicImage::ImageRgb8(sample::photo_like(1200, 900)).write_with_encoder(encoder)?;
        if bytes.len() <= 320 * 1024 || quality <= 40 {
            std::fs::write(&jpg, bytes)?;
            break;
        }
        quality -= 5;
    }
    Ok((png, jpg))
}

/// Her practice: a branded profile, three articles and a client.
fn practice(path: &Path) -> Result<(Db, HandoutDraft), Failure> {
    let db = Db::open(path)?;
    her::profile(&db)?;
    let mut blocks = vec![HandoutBlock::Intro {
        text: "Renée, here is what we talked about on Tuesday: why the gut lining matters, \
               and the **two things** to start this week."
            .into(),
    }];
    for article in her::articles(&db)? {
        blocks.extend(
            article
                .sections
                .iter()
                .map(|s| HandoutBlock::ArticleSection {
                    article_id: article.id,
                    section_id: s.id,
                }),
        );
    }
    blocks.push(HandoutBlock::NextSteps {
        title: "This week".into(),
        items: vec![
            "A cup of bone broth with breakfast".into(),
            "Ten minutes of walking after lunch".into(),
            "Note your energy each evening".into(),
        ],
    });
    blocks.push(HandoutBlock::CallToAction);
    blocks.push(HandoutBlock::Disclaimer);
    let client = clients::create(&db, &ClientInput::named("Renée Côté"))?;
    let draft = HandoutDraft {
        title: "Healing your gut, one bowl at a time".into(),
        client_id: Some(client.id),
        blocks,
    };
    Ok((db, draft))
}

/// `EXPORTS` exports of the draft to new files: their times and the largest file.
fn exports(db: &Db, draft: &HandoutDraft, dir: &Path) -> Result<(Vec<Duration>, u64), Failure> {
    std::fs::create_dir_all(dir)?;
    for i in 0..3 {
        handouts::export(db, draft, &dir.join(format!("warm-{i}.pdf")))?;
    }
    let mut times = Vec::with_capacity(EXPORTS);
    let mut largest = 0;
    for i in 0..EXPORTS {
        let path = dir.join(format!("handout-{i:03}.pdf"));
        let start = Instant::now();
        let prepared = handouts::prepare(db, draft)?;
        handouts::save(db, &prepared, &path)?;
        times.push(start.elapsed());
        largest = largest.max(std::fs::metadata(&path)?.len());
    }
    Ok((times, largest))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn spans_html(spans: &[StyledText]) -> String {
    spans
        .iter()
        .map(|s| match (s.emphasis, s.strong) {
            (true, true) => format!("<strong><em>{}</em></strong>", escape(&s.text)),
            (true, false) => format!("<em>{}</em>", escape(&s.text)),
            (false, true) => format!("<strong>{}</strong>", escape(&s.text)),
            (false, false) => escape(&s.text),
        })
        .collect()
}

/// The same handout as a styled HTML page for LibreOffice: the same text, fonts, colours
/// and logo.
fn as_html(preview: &Preview, logo: &str) -> String {
    let mut body = String::new();
    for (block, styled) in preview.doc.blocks.iter().zip(&preview.styled) {
        let texts: Vec<String> = styled.iter().map(|s| spans_html(s)).collect();
        let list = |items: &[String]| -> String {
            items.iter().map(|i| format!("<li>{i}</li>")).collect()
        };
        match block {
            ResolvedBlock::Heading { text } => body += &format!("<h2>{}</h2>\n", escape(text)),
            ResolvedBlock::Paragraph { .. } => body += &format!("<p>{}</p>\n", texts.concat()),
            ResolvedBlock::Bullets { .. } => body += &format!("<ul>{}</ul>\n", list(&texts)),
            ResolvedBlock::Checklist { title, items } => {
                let boxes: Vec<String> = items.iter().map(|i| format!("☐ {}", escape(i))).collect();
                body += &format!("<h2>{}</h2><ul>{}</ul>\n", escape(title), list(&boxes));
            }
            ResolvedBlock::CallToAction { text, label, url } => {
                body += &format!(
                    "<div class=cta><p>{}</p><p><a href=\"{url}\">{}</a> {url}</p></div>\n",
                    escape(text),
                    escape(label)
                );
            }
            ResolvedBlock::Disclaimer { text } => {
                body += &format!("<p class=small><em>{}</em></p>\n", escape(text));
            }
            ResolvedBlock::Columns {
                left_title,
                left,
                right_title,
                right,
            } => {
                body += "<table><tr>";
                for (title, items) in [(left_title, left), (right_title, right)] {
                    let items: Vec<String> = items.iter().map(|i| escape(i)).collect();
                    body += &format!(
                        "<td><h3>{}</h3><ul>{}</ul></td>",
                        escape(title),
                        list(&items)
                    );
                }
                body += "</tr></table>\n";
            }
        }
    }
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>{title}</title><style>\
         @page{{size:8.5in 11in;margin:0.8in}}\
         body{{font-family:'Noto Serif';font-size:10.5pt;line-height:1.5;text-align:justify}}\
         h1,h2,h3{{font-family:Lato;color:#2F6F62}} .band{{background:#2F6F62;color:white;padding:20pt}}\
         .cta{{background:#eef3f1;padding:12pt}} .small{{font-size:8.5pt}}</style></head><body>\
         <div class=band><img src=\"{logo}\" style=\"float:right;height:54pt\">\
         <b>Gut &amp; Glow Coaching</b><br>Food, rest and calm for women living with MS</div>\
         <h1>{title}</h1><p>Prepared for {client} on {date}</p>{body}\
         <p class=small>Marie-Ève Laurent, FNTP · marie@gutandglow.example</p></body></html>",
        title = escape(&preview.doc.title),
        client = escape(preview.doc.prepared_for.as_deref().unwrap_or("")),
        date = escape(&preview.doc.date_label),
    )
}

/// LibreOffice converting `files` to PDF in one run, with CoachDesk's fonts installed for it
/// alone (a private HOME); its profile is made by an untimed conversion first.
fn libreoffice(dir: &Path, files: &[PathBuf]) -> Result<Duration, Failure> {
    let home = dir.join("home");
    let fonts = home.join(".local/share/fonts");
    std::fs::create_dir_all(&fonts)?;
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "ttf") {
            std::fs::copy(&path, fonts.join(path.file_name().ok_or("font name")?))?;
        }
    }
    let out = dir.join("lo-out");
    let run = |inputs: &[PathBuf]| -> Result<Duration, Failure> {
        let start = Instant::now();
        let status = Command::new("soffice")
            .env("HOME", &home)
            .arg(format!(
                "-env:UserInstallation=file://{}/lo-profile",
                home.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&out)
            .args(inputs)
            .output()?;
        let took = start.elapsed();
        if !status.status.success() {
            return Err(String::from_utf8_lossy(&status.stderr).into_owned().into());
        }
        Ok(took)
    };
    run(&files[..1])?;
    let took = run(files)?;
    let made = std::fs::read_dir(&out)?
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        })
        .count();
    if made < files.len() {
        return Err(format!("LibreOffice made {made} of {} PDFs", files.len()).into());
    }
    Ok(took)
}

fn run() -> Result<bool, Failure> {
    let dir = tempfile::tempdir()?;
    let (png, jpg) = logos(dir.path())?;
    let (db, draft) = practice(&dir.path().join("practice.db"))?;
    let mut ok = true;
    println!("\nHandout export, end to end (check, resolve, render, write, record)\n");
    // The last logo's 100 exports, for the comparison with LibreOffice (which gets that logo).
    let mut last_total = Duration::ZERO;
    for (name, logo) in [("2 MB PNG", &png), ("300 KB JPEG", &jpg)] {
        let original = std::fs::metadata(logo)?.len();
        let start = Instant::now();
        practice::set_logo(&db, logo)?;
        let import = start.elapsed();
        let kept = practice::logo_bytes(&db)?
            .ok_or("the logo was not kept")?
            .len();
        println!(
            "logo {name}: {:.0} KB chosen, {:.0} KB kept for print, chosen in {:.0} ms",
            original as f64 / 1024.0,
            kept as f64 / 1024.0,
            ms(import)
        );
        let (mut times, largest) = exports(&db, &draft, &dir.path().join(name.replace(' ', "-")))?;
        last_total = times.iter().sum();
        ok &= report(
            &format!("export with the {name} logo"),
            &mut times,
            EXPORT_BUDGET_MS,
        );
        ok &= single(
            &format!("largest file with the {name} logo"),
            &format!("{:.1} KB", largest as f64 / 1024.0),
            largest <= FILE_BUDGET,
            "250 KB",
        );
    }

    // For reference: the PDF engine alone, in memory, with a 1.5 KB logo.
    let engine = sample::leaky_gut(Paper::Letter);
    let now = chrono::Utc::now();
    let mut times = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        render(&engine, now)?;
        times.push(start.elapsed());
    }
    println!(
        "{:<40} p50 {:.3} ms (reference: no database, no file, tiny logo)",
        "PDF engine alone, 3 pages",
        ms(percentile(&mut times, 0.5))
    );

    println!("\nLibreOffice, the same {EXPORTS} handouts from HTML (warm, one batch)\n");
    let prepared = handouts::prepare(&db, &draft)?;
    let logo = practice::logo_bytes(&db)?.ok_or("no logo")?;
    let html_dir = dir.path().join("html");
    std::fs::create_dir_all(&html_dir)?;
    std::fs::write(html_dir.join("logo.jpg"), &logo)?;
    let mut files = Vec::new();
    for i in 0..EXPORTS {
        let mut doc = prepared.doc.clone();
        doc.prepared_for = Some(format!("Client {i:03} Côté"));
        let file = html_dir.join(format!("handout-{i:03}.html"));
        std::fs::write(&file, as_html(&Preview::from(doc), "logo.jpg"))?;
        files.push(file);
    }
    let lo = libreoffice(dir.path(), &files).map_err(|e| {
        format!("LibreOffice could not convert the handouts ({e}); `make bench` installs libreoffice-writer-nogui")
    })?;

    // Her batch: the same handout for the same 100 names, as the bulk export makes it (rendered
    // on every core, written and recorded in her order).
    let ids = (0..EXPORTS)
        .map(|i| {
            clients::create(&db, &ClientInput::named(&format!("Client {i:03} Côté"))).map(|c| c.id)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let general = HandoutDraft {
        client_id: None,
        ..draft
    };
    // Her batch five times, each into a folder of its own; the median is compared.
    let mut bulks = Vec::new();
    for run in 0..BULK_RUNS {
        let bulk_dir = dir.path().join(format!("bulk-{run}"));
        std::fs::create_dir_all(&bulk_dir)?;
        let start = Instant::now();
        let bulk = handouts::export_for_clients(&db, &general, &ids, &bulk_dir, |_| true)?;
        bulks.push(start.elapsed());
        if bulk.written != EXPORTS as i64 || std::fs::read_dir(&bulk_dir)?.count() != EXPORTS {
            return Err(format!(
                "the bulk export wrote {} of {EXPORTS} handouts",
                bulk.written
            )
            .into());
        }
    }
    let bulk_took = percentile(&mut bulks, 0.5);
    println!(
        "{:<40} n={BULK_RUNS:<5} p50 {:>7.0} ms  max {:>7.0} ms",
        format!("bulk export for {EXPORTS} clients"),
        ms(bulk_took),
        ms(percentile(&mut bulks, 1.0))
    );

    let ratio = lo.as_secs_f64() / bulk_took.as_secs_f64();
    let fast = ratio >= LIBREOFFICE_RATIO;
    ok &= fast;
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!(
        "LibreOffice {EXPORTS} conversions {:>9.0} ms | CoachDesk bulk export for {EXPORTS} clients ({cores} cores, median) {:>7.0} ms | {ratio:.1}× {}",
        ms(lo),
        ms(bulk_took),
        if fast { "ok (budget ≥ 30×)" } else { "UNDER BUDGET (≥ 30×)" }
    );
    println!(
        "(for reference: {EXPORTS} exports one after another {:.0} ms, {:.1}× LibreOffice)",
        ms(last_total),
        lo.as_secs_f64() / last_total.as_secs_f64()
    );
    Ok(ok)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("\nA handout budget was missed.");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("\nThe handout benchmark failed: {e}");
            ExitCode::FAILURE
        }
    }
}
