//! `cargo bench -p coachdesk-core --bench handouts`: branded handout PDFs against the
//! budgets (3-page median ≤ 20 ms, 100 handouts ≤ 2 s, 3-page file ≤ 150 KB), and the same
//! content through LibreOffice headless for comparison when `soffice` is installed.
//! Exits non-zero when a budget is missed.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use chrono::Utc;
use coachdesk_core::pdf::{render, Block, Brand, Handout, Paper, Span};

#[path = "../src/pdf/sample.rs"]
#[allow(dead_code)]
mod sample;

const MEDIAN_BUDGET: Duration = Duration::from_millis(20);
const BULK_BUDGET: Duration = Duration::from_secs(2);
const SIZE_BUDGET: usize = 150 * 1024;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn spans_html(spans: &[Span]) -> String {
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

/// The same handout as a styled HTML page, for LibreOffice.
fn as_html(h: &Handout) -> String {
    let b: &Brand = &h.brand;
    let mut body = String::new();
    for block in &h.blocks {
        match block {
            Block::Heading(t) => body += &format!("<h2>{}</h2>\n", escape(t)),
            Block::Paragraph(s) => body += &format!("<p>{}</p>\n", spans_html(s)),
            Block::Bullets(items) => {
                body += "<ul>";
                for i in items {
                    body += &format!("<li>{}</li>", spans_html(i));
                }
                body += "</ul>\n";
            }
            Block::Checklist { title, items } => {
                body += &format!("<h2>{}</h2><ul>", escape(title));
                for i in items {
                    body += &format!("<li>☐ {}</li>", escape(i));
                }
                body += "</ul>\n";
            }
            Block::CallToAction { text, label, url } => {
                body += &format!(
                    "<div class=cta><p>{}</p><p><a href=\"{url}\">{}</a> {url}</p></div>\n",
                    escape(text),
                    escape(label)
                );
            }
            Block::Disclaimer(t) => body += &format!("<p class=small><em>{}</em></p>\n", escape(t)),
            Block::Columns {
                left_title,
                left,
                right_title,
                right,
            } => {
                body += "<table><tr>";
                for (title, list) in [(left_title, left), (right_title, right)] {
                    body += &format!("<td><h3>{}</h3><ul>", escape(title));
                    for i in list {
                        body += &format!("<li>{}</li>", escape(i));
                    }
                    body += "</ul></td>";
                }
                body += "</tr></table>\n";
            }
        }
    }
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>{title}</title><style>\
         body{{font-family:'Noto Serif';font-size:10.5pt;line-height:1.5;text-align:justify}}\
         h1,h2{{font-family:Lato;color:{c}}} .band{{background:{c};color:white;padding:20pt}}\
         .cta{{background:#eef3f1;padding:12pt}} .small{{font-size:8.5pt}}</style></head><body>\
         <div class=band><b>{name}</b><br>{tag}</div><h1>{title}</h1>\
         <p>Prepared for {client} on {date}</p>{body}\
         <p class=small>{name} · {coach}<br>{contact}</p></body></html>",
        title = escape(&h.title),
        c = b.brand_color,
        name = escape(&b.practice_name),
        tag = escape(&b.tagline),
        client = escape(h.prepared_for.as_deref().unwrap_or("")),
        date = escape(&h.date_label),
        coach = escape(&b.coach_line),
        contact = escape(&b.contact_line),
    )
}

fn soffice_on_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("soffice"))
        .find(|p| p.is_file())
}

/// Median wall time of `soffice --headless --convert-to pdf` over `runs` conversions.
fn libreoffice(h: &Handout, dir: &Path, runs: usize) -> Result<Duration, String> {
    let html = dir.join("handout.html");
    std::fs::write(&html, as_html(h)).map_err(|e| e.to_string())?;
    let profile = dir.join("lo-profile");
    let mut times = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(&html)
            .output()
            .map_err(|e| e.to_string())?;
        times.push(start.elapsed());
        if !out.status.success() || !dir.join("handout.pdf").is_file() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned());
        }
    }
    Ok(median(times))
}

fn main() -> ExitCode {
    let handout = sample::leaky_gut(Paper::Letter);
    let now = Utc::now();

    let cold_start = Instant::now();
    let first = match render(&handout, now) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("render failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let cold = cold_start.elapsed();

    let mut times = Vec::new();
    for _ in 0..30 {
        let start = Instant::now();
        let r = render(&handout, now);
        times.push(start.elapsed());
        assert!(r.is_ok());
    }
    let med = median(times);

    let clients: Vec<Handout> = (0..100)
        .map(|i| {
            let mut h = handout.clone();
            h.prepared_for = Some(format!("Client {i:03} Côté"));
            h
        })
        .collect();
    let bulk_start = Instant::now();
    let mut bulk_bytes = 0;
    for h in &clients {
        bulk_bytes += render(h, now).map(|r| r.bytes.len()).unwrap_or(0);
    }
    let bulk = bulk_start.elapsed();

    let size = first.bytes.len();
    let mut ok = true;
    let mut row = |what: &str, value: String, budget: String, pass: bool| {
        ok &= pass;
        println!(
            "| {what:<34} | {value:>12} | {budget:>10} | {:<4} |",
            if pass { "ok" } else { "MISS" }
        );
    };
    println!(
        "\nHandout PDF benchmark ({} pages, {} KB)\n",
        first.pages,
        size / 1024
    );
    println!(
        "| {:<34} | {:>12} | {:>10} | {:<4} |",
        "measure", "value", "budget", ""
    );
    println!("|{:-<36}|{:-<14}|{:-<12}|{:-<6}|", "", "", "", "");
    row(
        "3-page handout, first (cold) render",
        ms(cold),
        "-".into(),
        true,
    );
    row(
        "3-page handout, median of 30",
        ms(med),
        ms(MEDIAN_BUDGET),
        med <= MEDIAN_BUDGET,
    );
    row(
        "100 handouts, total",
        ms(bulk),
        ms(BULK_BUDGET),
        bulk <= BULK_BUDGET,
    );
    row(
        "3-page file size",
        format!("{:.1} KB", size as f64 / 1024.0),
        format!("{} KB", SIZE_BUDGET / 1024),
        size <= SIZE_BUDGET && first.pages == 3,
    );
    println!(
        "| {:<34} | {:>12} | {:>10} | {:<4} |",
        "100 handouts, bytes written",
        format!("{} KB", bulk_bytes / 1024),
        "-",
        ""
    );

    match soffice_on_path() {
        None => println!("\nLibreOffice: `soffice` is not on PATH here, so no side-by-side run."),
        Some(_) => {
            let dir = std::env::temp_dir().join(format!("coachdesk-bench-{}", std::process::id()));
            let _ = std::fs::create_dir_all(&dir);
            // One untimed conversion creates LibreOffice's profile.
            let result =
                libreoffice(&handout, &dir, 1).and_then(|_| libreoffice(&handout, &dir, 5));
            match result {
                Ok(lo) => println!(
                    "\nLibreOffice headless (HTML → PDF, same content): median {} per handout, \
                     {:.0}× the time of CoachDesk's {}",
                    ms(lo),
                    lo.as_secs_f64() / med.as_secs_f64(),
                    ms(med)
                ),
                Err(e) => println!("\nLibreOffice: conversion failed: {e}"),
            }
            let _ = std::fs::remove_dir_all(&dir);
        }
    }

    if ok {
        ExitCode::SUCCESS
    } else {
        eprintln!("\nA handout budget was missed.");
        ExitCode::FAILURE
    }
}
