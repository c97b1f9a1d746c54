//! Issue #14's audit: axe-core (from npm, ui/node_modules) run inside the real window on every
//! screen the journeys visit, in the default, dark and high-contrast themes (chosen in Settings
//! → Comfort) and at 200 % text. No serious or critical violation may remain; every count is
//! printed, and screenshots of each theme are kept.

use std::fmt::Write as _;
use std::time::Duration;

use serde_json::Value;

use crate::harness::{App, Driver};
use crate::suggestions::seed;

/// The screens, as the hash that shows each, and the tab to open there if any.
const SCREENS: &[(&str, Option<&str>)] = &[
    ("#/", None),
    ("#/clients", None),
    ("#/clients/1", None),
    ("#/clients/1/prep", None),
    ("#/clients/1/progress", Some("tab-protocol")),
    ("#/clients/1/progress", Some("tab-reintro")),
    ("#/clients/1/progress", Some("tab-checkins")),
    ("#/clients/1/progress", Some("tab-labs")),
    ("#/consults/1", None),
    ("#/handouts/new?client=1", None),
    ("#/articles", None),
    ("#/articles/1", None),
    ("#/articles/import", None),
    ("#/protocols", None),
    ("#/protocols/1", None),
    ("#/protocols/foods", None),
    ("#/pipeline", None),
    ("#/settings", None),
];

/// WCAG 2.0–2.2 A and AA rules, and axe's best practices.
const RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
  .then((r) => done(JSON.stringify(r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  })))))
  .catch((e) => done(JSON.stringify([{ id: "axe-failed", impact: "critical", help: String(e), nodes: 0, targets: [] }])));
"#;

async fn inject_axe(app: &App) {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("ui/node_modules/axe-core/axe.min.js"),
    )
    .expect("make test installs axe-core with npm ci");
    let loaded = app
        .client
        .execute(
            &format!("{source}\n;return typeof axe === 'object';"),
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(loaded.as_bool(), Some(true), "axe-core did not load");
}

async fn show(app: &App, hash: &str, tab: Option<&str>) {
    app.client
        .execute(&format!("window.location.hash = {hash:?};"), vec![])
        .await
        .unwrap();
    if let Some(tab) = tab {
        // (Through the page: WebKitWebDriver refuses pointer clicks on a zoomed page.)
        app.click_zoomed(tab).await;
    }
    // Each screen loads what it shows; give it time to arrive and paint.
    for _ in 0..50 {
        let busy = app
            .client
            .execute(
                "return !document.querySelector('h1') || /Loading…/.test(document.body.innerText);",
                vec![],
            )
            .await
            .unwrap();
        if busy.as_bool() == Some(false) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
}

/// Audits the screen on show; returns how many violations, and how many serious or critical.
async fn audit_here(app: &App, pass: &str, screen: &str, report: &mut String) -> (usize, usize) {
    let answer = app.client.execute_async(RUN, vec![]).await.unwrap();
    let violations: Vec<Value> = serde_json::from_str(answer.as_str().unwrap_or("[]")).unwrap();
    let mut grave = 0;
    for v in &violations {
        let impact = v["impact"].as_str().unwrap_or("");
        if matches!(impact, "serious" | "critical") {
            grave += 1;
        }
        let _ = writeln!(
            report,
            "  {pass:<9} {screen:<36} {impact:<9} {} ({} nodes) {}: {}",
            v["id"].as_str().unwrap_or(""),
            v["nodes"],
            v["help"].as_str().unwrap_or(""),
            v["targets"]
        );
    }
    (violations.len(), grave)
}

/// Audits every screen; returns how many serious or critical violations.
async fn audit(app: &App, pass: &str, report: &mut String) -> usize {
    let mut grave = 0;
    let mut total = 0;
    for (hash, tab) in SCREENS {
        show(app, hash, *tab).await;
        let screen = format!("{hash}{}", tab.map(|t| format!(" {t}")).unwrap_or_default());
        let (all, serious) = audit_here(app, pass, &screen, report).await;
        total += all;
        grave += serious;
    }
    let _ = writeln!(
        report,
        "{pass}: {} screens, {total} violations, {grave} serious or critical",
        SCREENS.len()
    );
    grave
}

async fn choose_theme(app: &App, theme: &str) {
    show(app, "#/settings", None).await;
    app.scroll_to(theme).await;
    app.click_zoomed(theme).await;
}

#[tokio::test]
async fn every_screen_passes_axe_in_every_theme_and_at_200_percent() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path(), true);
    let (driver, app) = Driver::open(data.path(), &[]).await;
    app.go("nav-clients", "client-row").await;
    inject_axe(&app).await;

    let mut report = String::new();
    let mut grave = 0;
    for pass in ["light", "dark", "contrast"] {
        choose_theme(&app, &format!("theme-{pass}")).await;
        app.scroll_to("comfort").await;
        app.screenshot(&format!("109-comfort-{pass}")).await;
        show(&app, "#/clients/1", None).await;
        app.screenshot(&format!("110-theme-{pass}")).await;
        grave += audit(&app, pass, &mut report).await;
    }

    // 200 % chosen in Settings, then CoachDesk started again: the size and theme are kept.
    choose_theme(&app, "theme-light").await;
    app.scroll_to("text-size-200").await;
    app.click_zoomed("text-size-200").await;
    app.quit().await;
    drop(driver);
    let (driver, app) = Driver::open(data.path(), &[]).await;
    app.wait_for("sidebar-practice-name").await;
    let width = app
        .client
        .execute("return window.innerWidth;", vec![])
        .await
        .unwrap();
    assert!(
        width.as_f64().unwrap() < 700.0,
        "not 200 % after a restart: {width}"
    );
    inject_axe(&app).await;
    grave += audit(&app, "200 %", &mut report).await;
    for (hash, tab, at, name) in [
        ("#/", None, None, "112-dashboard-200"),
        ("#/clients/1", None, None, "113-client-200"),
        (
            "#/handouts/new?client=1&article=1&section=2",
            None,
            Some("handout-preview"),
            "114-composer-200",
        ),
        (
            "#/clients/1/progress",
            Some("tab-checkins"),
            Some("checkin-chart"),
            "115-chart-200",
        ),
    ] {
        show(&app, hash, tab).await;
        if let Some(at) = at {
            app.scroll_to(at).await;
        }
        app.screenshot(name).await;
    }
    app.quit().await;
    drop(driver);

    // The first screen of a new practice, in each theme kept from an earlier run.
    for pass in ["light", "dark", "contrast"] {
        let fresh = tempfile::tempdir().unwrap();
        std::fs::write(
            fresh.path().join("comfort.json"),
            format!(r#"{{ "textSize": 100, "theme": "{pass}" }}"#),
        )
        .unwrap();
        let (_driver, app) = Driver::open(fresh.path(), &[]).await;
        app.wait_for("firstrun-practice-name").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        inject_axe(&app).await;
        let (all, serious) = audit_here(&app, pass, "first run", &mut report).await;
        let _ = writeln!(
            report,
            "{pass}: first run, {all} violations, {serious} serious or critical"
        );
        grave += serious;
        app.screenshot(&format!("116-first-run-{pass}")).await;
        app.quit().await;
    }

    println!("axe-core in the window:\n{report}");
    assert_eq!(grave, 0, "serious or critical violations:\n{report}");
}
