//! Issue #5's journey: assign AIP to a client, advance to reintroduction, log egg yolks as
//! tolerated, start another food two days later and see the warning, add five check-ins, see
//! the chart, export the check-ins CSV, add a lab result with a file, and print a handout with
//! a protocol block and her food lists.

use crate::handouts::check_pdf;
use crate::harness::{files_in, App, Driver};
use crate::journeys::{after_first_run, create_client, first_run};

/// Waits for the export whose file name contains `part` to appear in `dir`. (Waiting for a
/// "Saved to" toast is not enough: the toast of an earlier export may still be showing.)
async fn wait_for_saved(dir: &std::path::Path, ext: &str, part: &str) -> std::path::PathBuf {
    for _ in 0..200 {
        let found: Vec<_> = files_in(dir)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .filter(|p| p.to_string_lossy().contains(part))
            .collect();
        if let [one] = found.as_slice() {
            return one.clone();
        }
        assert!(found.len() < 2, "{found:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "no .{ext} file with {part:?} was saved in {}",
        dir.display()
    );
}

/// Sets a date input the way picking from its calendar does.
async fn set_date(app: &App, testid: &str, iso: &str) {
    let el = app.wait_for(testid).await;
    app.paste(&el, iso).await;
}

#[tokio::test]
async fn protocol_reintroduction_check_ins_chart_csv_and_labs() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let saves = tempfile::tempdir().unwrap();
    let report = files.path().join("Vitamin D – Renée.pdf");
    std::fs::write(&report, b"%PDF-1.4 lab report from the clinic").unwrap();
    let (_driver, app) = Driver::open(
        data.path(),
        &[
            ("COACHDESK_TEST_OPEN_FILES", &report),
            ("COACHDESK_TEST_SAVE_DIR", saves.path()),
        ],
    )
    .await;
    first_run(&app).await;

    // The starter templates are there, with their versions.
    app.go("nav-protocols", "protocol-row").await;
    let rows = app.texts("protocol-row").await;
    assert!(
        rows.iter().any(|r| r.contains("Autoimmune Protocol (AIP)")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.contains("5R gut-healing programme")),
        "{rows:?}"
    );
    app.screenshot("50-protocols").await;
    let rows = app.all("protocol-row").await;
    app.press(&rows[1]).await;
    app.wait_for_text("protocol-version-label", |t| t == "Version 1")
        .await;
    app.screenshot("50b-protocol-editor").await;

    create_client(&app, "Renée Côté", "renee@example.com", &[]).await;
    app.click("client-progress-link").await;
    app.wait_for_text("progress-heading", |t| t.contains("Renée Côté"))
        .await;

    // Assign AIP, then advance to the first reintroduction stage.
    app.click("tab-protocol").await;
    app.select_text("assign-template", "Autoimmune").await;
    set_date(&app, "assign-start", "2026-09-01").await;
    app.click("assign-submit").await;
    app.wait_for_text("protocol-current-phase", |t| t == "Elimination")
        .await;
    set_date(&app, "protocol-step-date", "2026-11-01").await;
    app.click("protocol-advance").await;
    app.wait_for_text("protocol-current-phase", |t| t == "Reintroduction, stage 1")
        .await;
    app.screenshot("51-protocol-assigned").await;

    // Egg yolks, tolerated; then ghee two days later brings the warning.
    app.click("tab-reintro").await;
    app.select_text("reintro-food-select", "Egg yolks").await;
    set_date(&app, "reintro-date", "2026-11-02").await;
    app.fill("reintro-amount", "1 yolk, then 2").await;
    app.select("reintro-outcome", "tolerated").await;
    app.click("reintro-save").await;
    app.wait_for_text("reintro-log-entry", |t| t.contains("Egg yolks"))
        .await;
    let foods = app.texts("reintro-food").await;
    let yolks = foods.iter().find(|f| f.contains("Egg yolks")).unwrap();
    assert!(yolks.contains("Tolerated"), "{yolks}");

    app.select_text("reintro-food-select", "Ghee").await;
    set_date(&app, "reintro-date", "2026-11-04").await;
    app.wait_for_text("reintro-warning", |t| {
        t.contains("Egg yolks was logged on") && t.contains("only 2 days before")
    })
    .await;
    app.scroll_to("reintro-warning").await;
    app.screenshot("52-reintroduction-warning").await;
    app.select("reintro-outcome", "testing").await;
    app.click("reintro-save").await;
    app.wait_for_any_text("toast", |t| !t.is_empty()).await;
    app.wait_for_text("reintro-warning", |t| t.contains("only 2 days before"))
        .await;
    assert_eq!(app.all("reintro-log-entry").await.len(), 2);

    // Her food lists, printed.
    app.click("reintro-lists-export").await;
    let lists = wait_for_saved(saves.path(), "pdf", "Your reintroduction foods").await;
    check_pdf(
        &lists,
        &[
            "Your reintroduction foods",
            "Foods you tolerate",
            "Egg yolks",
            "Foods to try again later",
        ],
    );

    // Five check-ins, then the chart and its table.
    app.click("tab-checkins").await;
    let days = [
        "2026-11-01",
        "2026-11-03",
        "2026-11-05",
        "2026-11-07",
        "2026-11-09",
    ];
    for (i, day) in days.iter().enumerate() {
        set_date(&app, "checkin-date", day).await;
        let n = u8::try_from(i).unwrap();
        app.fill("checkin-rating-1", &(8 - n).to_string()).await; // fatigue
        app.fill("checkin-rating-2", &(7 - n).to_string()).await; // brain fog
        app.fill("checkin-rating-8", &(3 + n).to_string()).await; // energy
        if i == 2 {
            app.fill(
                "checkin-notes",
                "Better week — “more energy”, Zoë 李小龙 visited",
            )
            .await;
        }
        app.click("checkin-save").await;
        let want = i + 1;
        for _ in 0..100 {
            if app.all("checkin-row").await.len() == want {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(app.all("checkin-row").await.len(), want);
    }
    let chart = app.wait_for("checkin-chart").await;
    chart
        .find(fantoccini::Locator::Css("canvas"))
        .await
        .expect("the chart draws on a canvas");
    let table = app.texts("checkin-table").await.join(" ");
    assert!(
        table.contains("Fatigue") && table.contains("Energy"),
        "{table}"
    );
    app.screenshot("53-check-in-chart").await;

    app.click("checkins-export-csv").await;
    let csv = wait_for_saved(saves.path(), "csv", "Check-ins").await;
    let csv = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(
        lines[0].starts_with("\u{feff}Date,Fatigue,Brain fog,"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("2026-11-01,8,7,"), "{}", lines[1]);
    assert!(
        lines[3].contains("“more energy”, Zoë 李小龙 visited"),
        "{}",
        lines[3]
    );

    // A lab result with a file, copied into the data folder.
    app.click("tab-labs").await;
    app.fill("lab-name", "Vitamin D (25-OH)").await;
    set_date(&app, "lab-date", "2026-10-12").await;
    app.fill("lab-summary", "62 nmol/L: low end of normal")
        .await;
    app.click("lab-add").await;
    app.wait_for_text("lab-card", |t| t.contains("Vitamin D (25-OH)"))
        .await;
    app.click("lab-attach").await;
    app.wait_for_text("lab-file", |t| t.contains("Vitamin D – Renée.pdf"))
        .await;
    // The copy is kept inside the database (read while the app has it open, as WAL allows),
    // and nothing is written beside it.
    let kept: Vec<u8> = rusqlite::Connection::open_with_flags(
        data.path().join("coachdesk.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap()
    .query_row("SELECT content FROM lab_files", [], |r| r.get(0))
    .unwrap();
    assert_eq!(kept, std::fs::read(&report).unwrap());
    assert!(!data.path().join("attachments").exists());
    app.screenshot("54-labs").await;

    // Everything is on her timeline.
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.wait_for_text("timeline", |t| {
        t.contains("Protocol started") && t.contains("Egg yolks") && t.contains("Vitamin D")
    })
    .await;

    // A handout with a protocol block for her.
    app.click("client-new-handout").await;
    app.fill("handout-title", "Your first reintroductions")
        .await;
    app.click("add-protocol-block").await;
    app.select_text("protocol-block-source", "Her copy").await;
    app.select_text("protocol-block-phase", "Reintroduction, stage 1")
        .await;
    app.wait_for_text("preview-columns", |t| t.contains("Egg yolks"))
        .await;
    app.screenshot("55-handout-protocol-block").await;
    app.click("handout-export").await;
    let handout = wait_for_saved(saves.path(), "pdf", "Your first reintroductions").await;
    check_pdf(
        &handout,
        &[
            "Your first reintroductions",
            "Autoimmune Protocol (AIP): Reintroduction, stage 1",
            "Foods to enjoy",
            "Egg yolks",
        ],
    );

    // Her data, for her: one ZIP from her page, holding her lab file, check-ins and handout.
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.scroll_to("client-export-data").await;
    app.screenshot("56-her-data").await;
    app.click("client-export-data").await;
    // Written through a partial file and a rename: once it is there, it is complete.
    let zip_path = wait_for_saved(saves.path(), "zip", "her data").await;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned())
        .collect();
    for wanted in [
        "client.json",
        "consults.json",
        "check-ins.csv",
        "summary.pdf",
    ] {
        assert!(
            names.iter().any(|n| n == wanted),
            "{wanted} missing: {names:?}"
        );
    }
    let lab = names
        .iter()
        .find(|n| n.starts_with("labs/") && n.ends_with("Vitamin D – Renée.pdf"))
        .unwrap_or_else(|| panic!("no lab file in {names:?}"))
        .clone();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(&lab).unwrap(), &mut bytes).unwrap();
    assert_eq!(bytes, std::fs::read(&report).unwrap());
    assert!(
        names.iter().any(|n| n.starts_with("handouts/")),
        "{names:?}"
    );

    // Ctrl+K finds a protocol template by what it holds, and opens it.
    app.press_ctrl('k').await;
    app.fill("search-input", "kimchi").await;
    app.wait_for_text("search-result", |t| t.contains("5R gut-healing programme"))
        .await;
    app.press(&app.all("search-result").await[0]).await;
    app.wait_for_text("protocol-title", |t| t.contains("5R gut-healing programme"))
        .await;
    app.quit().await;
}

/// Editing a template after giving it to a client makes version 2 and leaves her copy as it
/// was; the older version stays readable. Also: a symptom added in Settings is asked about in
/// the check-in form, and tracking can be hidden for her and shown again.
#[tokio::test]
async fn template_versions_symptom_settings_and_hidden_tracking() {
    let (_data, _driver, app) = after_first_run(&[]).await;
    create_client(&app, "Zoë 李小龙", "zoe@example.com", &[]).await;
    app.click("client-progress-link").await;
    app.click("tab-protocol").await;
    app.select_text("assign-template", "5R").await;
    app.click("assign-submit").await;
    app.wait_for_text("protocol-current-phase", |t| t == "Remove")
        .await;

    // A new version of the template, with the first phase renamed.
    app.go("nav-protocols", "protocol-row").await;
    let rows = app.all("protocol-row").await;
    app.press(&rows[0]).await;
    app.wait_for_text("protocol-title", |t| t.contains("5R"))
        .await;
    app.fill("phase-name-0", "Remove and reset").await;
    app.click("protocol-save").await;
    app.wait_for_text("protocol-version-label", |t| t == "Version 2")
        .await;
    assert_eq!(app.all("protocol-version").await.len(), 2);
    let versions = app.all("protocol-version").await;
    app.press(&versions[1]).await;
    app.wait_for_text("protocol-old-version", |t| t.contains("version 1"))
        .await;
    app.screenshot("56-older-version").await;

    // The reintroduction food catalogue takes a new food.
    app.go("nav-protocols", "protocol-foods-link").await;
    app.click("protocol-foods-link").await;
    let before = app.all("food-row").await.len();
    app.fill("food-new-name", "Grass-fed kefir").await;
    app.select("food-new-stage", "3").await;
    app.click("food-add").await;
    for _ in 0..100 {
        if app.all("food-row").await.len() == before + 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.all("food-row").await.len(), before + 1);
    app.screenshot("56b-food-catalogue").await;

    // Her copy still says "Remove".
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.click("client-progress-link").await;
    app.click("tab-protocol").await;
    app.wait_for_text("protocol-current-phase", |t| t == "Remove")
        .await;

    // A new symptom is asked about at the next check-in.
    app.go("nav-settings", "symptom-new").await;
    app.fill("symptom-new", "Heat sensitivity").await;
    app.click("symptom-add").await;
    app.wait_for("symptom-rename-9").await;
    assert_eq!(app.value("symptom-rename-9").await, "Heat sensitivity");
    app.scroll_to("symptom-list").await;
    app.screenshot("57-symptom-settings").await;
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.click("client-progress-link").await;
    app.click("tab-checkins").await;
    app.wait_for("checkin-rating-9").await;

    // Hidden tracking keeps the data and says so calmly.
    app.click("tracking-hidden-toggle").await;
    app.wait_for("tracking-hidden-note").await;
    app.screenshot("58-tracking-hidden").await;
    app.click("tracking-show").await;
    app.wait_for("checkin-rating-9").await;
    app.quit().await;
}
