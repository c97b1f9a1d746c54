//! Protocols, the reintroduction tracker, check-ins, labs and erasure on a real store.

use std::path::Path;

use coachdesk_core::backups::{self, BackupReason};
use coachdesk_core::checkins::{self, CheckInInput, Rating};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::documents::{self, ResolvedBlock};
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
use coachdesk_core::labs::{self, LabInput};
use coachdesk_core::protocols::{self, AssignInput, ItemKind, ProtocolStatus, ProtocolStep};
use coachdesk_core::reintro::{self, FoodStatus, LogInput};
use coachdesk_core::summary;
use coachdesk_core::timeline;
use coachdesk_core::Error;

pub(crate) struct Practice {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) db: Db,
}

pub(crate) fn practice() -> Practice {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    crate::first_run(&db);
    Practice { dir, db }
}

fn template_id(db: &Db, starts_with: &str) -> i64 {
    protocols::list_templates(db)
        .unwrap()
        .into_iter()
        .find(|t| t.name.starts_with(starts_with))
        .unwrap()
        .id
}

fn food_id(db: &Db, name: &str) -> i64 {
    reintro::foods(db)
        .unwrap()
        .into_iter()
        .find(|f| f.name == name)
        .unwrap()
        .id
}

fn entry(client_id: i64, food_id: i64, on: &str, outcome: FoodStatus) -> LogInput {
    LogInput {
        client_id,
        food_id,
        on_date: on.into(),
        amount: "1 teaspoon".into(),
        symptoms: String::new(),
        severity: 0,
        outcome,
        notes: String::new(),
    }
}

fn problems(e: Error) -> Vec<String> {
    match e {
        Error::Invalid(p) => p
            .into_iter()
            .map(|f| format!("{}: {}", f.field, f.reason))
            .collect(),
        other => panic!("expected field problems, got {other:?}"),
    }
}

#[test]
fn the_starter_templates_are_there_and_fully_editable() {
    let p = practice();
    let list = protocols::list_templates(&p.db).unwrap();
    let names: Vec<&str> = list.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["5R gut-healing programme", "Autoimmune Protocol (AIP)"]
    );
    let aip = protocols::get_template(&p.db, template_id(&p.db, "Autoimmune")).unwrap();
    assert_eq!(aip.current.version, 1);
    let phases: Vec<&str> = aip
        .current
        .phases
        .iter()
        .map(|ph| ph.name.as_str())
        .collect();
    assert_eq!(phases.len(), 6);
    assert_eq!(phases[0], "Elimination");
    assert_eq!(phases[4], "Reintroduction, stage 4");
    let five_r = protocols::get_template(&p.db, template_id(&p.db, "5R")).unwrap();
    let steps: Vec<&str> = five_r
        .current
        .phases
        .iter()
        .map(|ph| ph.name.as_str())
        .collect();
    assert_eq!(
        steps,
        ["Remove", "Replace", "Reinoculate", "Repair", "Rebalance"]
    );
    // Every kind of item appears in the starters.
    let kinds: Vec<ItemKind> = aip.current.phases[0].items.iter().map(|i| i.kind).collect();
    for kind in [
        ItemKind::FoodInclude,
        ItemKind::FoodAvoid,
        ItemKind::Supplement,
        ItemKind::Sleep,
        ItemKind::Stress,
        ItemKind::Movement,
        ItemKind::Mindset,
    ] {
        assert!(
            kinds.contains(&kind),
            "{kind:?} missing from the AIP elimination phase"
        );
    }
}

#[test]
fn editing_a_template_after_assigning_it_leaves_her_copy_unchanged() {
    let p = practice();
    let zoe = clients::create(&p.db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let aip = template_id(&p.db, "Autoimmune");
    let given = protocols::assign(
        &p.db,
        &AssignInput {
            client_id: zoe.id,
            template_id: aip,
            start_date: "2026-09-01".into(),
        },
    )
    .unwrap();
    assert_eq!(given.template_version, Some(1));
    assert_eq!(given.status, ProtocolStatus::Active);
    assert_eq!(given.current_phase, 0);

    let mut edited = protocols::get_template(&p.db, aip).unwrap().current;
    edited.phases[0].name = "Calm the fire".into();
    edited.phases[0].items.clear();
    edited.phases.pop();
    let draft = protocols::ProtocolDraft {
        name: "AIP (2027 edition)".into(),
        summary: edited.summary.clone(),
        phases: edited.phases.clone(),
    };
    let after = protocols::save_template(&p.db, aip, &draft).unwrap();
    assert_eq!(after.current.version, 2);
    assert_eq!(after.versions.len(), 2);
    // Saving the same content again writes no new version.
    assert_eq!(
        protocols::save_template(&p.db, aip, &draft)
            .unwrap()
            .versions
            .len(),
        2
    );
    // The older version stays readable.
    let v1 = protocols::template_version(&p.db, aip, 1).unwrap();
    assert!(!v1.is_current);
    assert_eq!(v1.phases[0].name, "Elimination");

    let hers = protocols::for_client(&p.db, zoe.id).unwrap();
    assert_eq!(hers.len(), 1);
    assert_eq!(hers[0].name, "Autoimmune Protocol (AIP)");
    assert_eq!(hers[0].phases, v1.phases);
    assert_eq!(hers[0].phases.len(), 6);

    // Personalising her copy does not touch the template either.
    let mut mine = protocols::ProtocolDraft {
        name: hers[0].name.clone(),
        summary: hers[0].summary.clone(),
        phases: hers[0].phases.clone(),
    };
    mine.phases[0].items[0].text = "Extra greens for Zoë 🌿".into();
    protocols::save_client_protocol(&p.db, hers[0].id, &mine).unwrap();
    let template_now = protocols::get_template(&p.db, aip).unwrap();
    assert_eq!(template_now.current.version, 2);
    assert!(template_now.current.phases[0].items.is_empty());
}

#[test]
fn a_protocol_advances_pauses_resumes_and_completes_on_her_timeline() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Renée Côté")).unwrap();
    let five_r = template_id(&p.db, "5R");
    let input = AssignInput {
        client_id: c.id,
        template_id: five_r,
        start_date: "2026-01-05".into(),
    };
    let pr = protocols::assign(&p.db, &input).unwrap();
    let err = protocols::assign(&p.db, &input).unwrap_err();
    assert!(
        err.to_string()
            .contains("still on “5R gut-healing programme”"),
        "{err}"
    );

    let pr = protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-02-01").unwrap();
    assert_eq!(pr.current_phase, 1);
    let err = protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-01-20").unwrap_err();
    assert!(problems(err)[0].contains("on or after"));
    let err = protocols::step(&p.db, pr.id, ProtocolStep::Resume, "2026-02-02").unwrap_err();
    assert!(err.to_string().contains("is not paused"), "{err}");
    let pr = protocols::step(&p.db, pr.id, ProtocolStep::Pause, "2026-02-10").unwrap();
    assert_eq!(pr.status, ProtocolStatus::Paused);
    let err = protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-02-11").unwrap_err();
    assert!(err.to_string().contains("Resume it first"), "{err}");
    let pr = protocols::step(&p.db, pr.id, ProtocolStep::Resume, "2026-02-20").unwrap();
    for day in ["2026-03-01", "2026-04-01", "2026-05-01"] {
        protocols::step(&p.db, pr.id, ProtocolStep::Advance, day).unwrap();
    }
    let err = protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-06-01").unwrap_err();
    assert!(err.to_string().contains("last phase"), "{err}");
    let pr = protocols::step(&p.db, pr.id, ProtocolStep::Complete, "2026-06-01").unwrap();
    assert_eq!(pr.status, ProtocolStatus::Completed);
    assert_eq!(pr.history.len(), 8);

    let summaries: Vec<String> = timeline::for_client(&p.db, c.id)
        .unwrap()
        .into_iter()
        .map(|e| e.summary)
        .collect();
    assert!(
        summaries
            .iter()
            .any(|s| s.starts_with("Protocol started: 5R")),
        "{summaries:?}"
    );
    assert!(
        summaries.iter().any(|s| s.contains("now in Replace")),
        "{summaries:?}"
    );
    assert!(summaries
        .iter()
        .any(|s| s.contains("paused during Replace")));
    assert!(summaries.iter().any(|s| s.contains("completed")));

    // A completed protocol lets a new one start.
    protocols::assign(&p.db, &input).unwrap();
}

#[test]
fn reintroduction_warnings_for_timing_and_unresolved_reactions() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Zoë")).unwrap();
    let yolks = food_id(&p.db, "Egg yolks");
    let ghee = food_id(&p.db, "Ghee from grass-fed dairy");
    let cocoa = food_id(&p.db, "Cocoa and chocolate");

    let first = reintro::log(
        &p.db,
        &entry(c.id, yolks, "2026-12-01", FoodStatus::Testing),
    )
    .unwrap();
    assert!(first.warnings.is_empty());
    // Continuing the same food is not a new start.
    let again = reintro::log(
        &p.db,
        &entry(c.id, yolks, "2026-12-03", FoodStatus::Tolerated),
    )
    .unwrap();
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    let status = |b: &reintro::ReintroBoard, id: i64| {
        b.foods.iter().find(|f| f.food_id == id).unwrap().status
    };
    assert_eq!(status(&again.board, yolks), FoodStatus::Tolerated);

    let w = reintro::warnings(&p.db, c.id, ghee, "2026-12-05").unwrap();
    assert_eq!(w.len(), 1);
    assert!(
        w[0].starts_with("Egg yolks was logged on Thu 3 Dec 2026, only 2 days before."),
        "{w:?}"
    );
    assert!(reintro::warnings(&p.db, c.id, ghee, "2026-12-08")
        .unwrap()
        .is_empty());

    let reacted =
        reintro::log(&p.db, &entry(c.id, ghee, "2026-12-08", FoodStatus::Reacted)).unwrap();
    assert!(reacted.warnings.is_empty());
    let w = reintro::warnings(&p.db, c.id, cocoa, "2026-12-20").unwrap();
    assert_eq!(w, ["Her reaction to Ghee from grass-fed dairy has not settled yet. Wait until it has before starting a new food."]);
    let board = reintro::settle(&p.db, c.id, ghee, "2026-12-15").unwrap();
    assert_eq!(status(&board, ghee), FoodStatus::Reacted);
    assert!(reintro::warnings(&p.db, c.id, cocoa, "2026-12-20")
        .unwrap()
        .is_empty());
    assert!(reintro::settle(&p.db, c.id, cocoa, "2026-12-15").is_err());

    // Bad input is refused with reasons, and nothing is logged.
    let mut bad = entry(c.id, cocoa, "2026-02-30", FoodStatus::Untested);
    bad.severity = 4;
    let reasons = problems(reintro::log(&p.db, &bad).unwrap_err());
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert_eq!(reintro::for_client(&p.db, c.id).unwrap().log.len(), 3);

    // The printable lists.
    let lists = reintro::lists(&p.db, c.id).unwrap();
    let text = serde_json::to_string(&lists.blocks).unwrap();
    assert!(text.contains("Egg yolks (stage 1)"), "{text}");
    assert!(text.contains("Ghee from grass-fed dairy (stage 1)"));
    let path = p.dir.path().join("lists.pdf");
    documents::save(&p.db, &lists, &path).unwrap();
    let pdf = pdftotext(&path);
    let tolerate = pdf.find("Foods you tolerate").unwrap();
    let retry = pdf.find("Foods to try again later").unwrap();
    let yolk_at = pdf.find("Egg yolks").unwrap();
    let ghee_at = pdf.find("Ghee from grass-fed dairy").unwrap();
    assert!(
        tolerate < yolk_at && yolk_at < retry && retry < ghee_at,
        "{pdf}"
    );
}

#[test]
fn the_food_catalogue_is_editable_and_refuses_duplicates() {
    let p = practice();
    let n = reintro::foods(&p.db).unwrap().len();
    let input = reintro::FoodInput {
        name: "Grass-fed kefir".into(),
        stage: 3,
        notes: String::new(),
    };
    let kefir = reintro::create_food(&p.db, &input).unwrap();
    assert_eq!(reintro::foods(&p.db).unwrap().len(), n + 1);
    let dup = reintro::FoodInput {
        name: "EGG YOLKS".into(),
        ..input.clone()
    };
    assert!(problems(reintro::create_food(&p.db, &dup).unwrap_err())[0]
        .contains("already in the catalogue"));
    let bad = reintro::FoodInput { stage: 5, ..input };
    assert!(
        problems(reintro::update_food(&p.db, kefir.id, &bad).unwrap_err())[0].starts_with("stage:")
    );
    reintro::archive_food(&p.db, kefir.id).unwrap();
    assert_eq!(reintro::foods(&p.db).unwrap().len(), n);
}

fn ratings(pairs: &[(i64, u8)]) -> Vec<Rating> {
    pairs
        .iter()
        .map(|&(symptom_id, value)| Rating { symptom_id, value })
        .collect()
}

#[test]
fn check_ins_chart_and_csv() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Renée Côté")).unwrap();
    let symptoms = checkins::symptoms(&p.db, false).unwrap();
    let names: Vec<&str> = symptoms.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Fatigue",
            "Brain fog",
            "Pain",
            "Numbness/tingling",
            "Digestion/bloating",
            "Mood",
            "Sleep quality",
            "Energy"
        ]
    );
    let (fatigue, fog) = (symptoms[0].id, symptoms[1].id);
    let add = |on: &str, notes: &str, r: &[(i64, u8)]| {
        checkins::add(
            &p.db,
            &CheckInInput {
                client_id: c.id,
                on_date: on.into(),
                notes: notes.into(),
                ratings: ratings(r),
            },
        )
    };
    add(
        "2026-11-03",
        "=SUM(A1) \"tired\", Zoë 李小龙 🌿",
        &[(fatigue, 7), (fog, 5)],
    )
    .unwrap();
    add("2026-11-01", "", &[(fatigue, 8)]).unwrap();
    assert!(
        problems(add("2026-11-01", "", &[(fatigue, 2)]).unwrap_err())[0]
            .contains("already a check-in")
    );
    assert!(
        problems(add("2026-11-05", "", &[(fatigue, 11)]).unwrap_err())[0].contains("from 0 to 10")
    );
    assert!(problems(add("2026-11-05", "", &[]).unwrap_err())[0].contains("at least one"));
    assert!(problems(add("2026-11-05", "", &[(999, 1)]).unwrap_err())[0]
        .contains("no longer on the list"));

    // A protocol phase and a reintroduction show on the chart.
    let pr = protocols::assign(
        &p.db,
        &AssignInput {
            client_id: c.id,
            template_id: template_id(&p.db, "Autoimmune"),
            start_date: "2026-10-01".into(),
        },
    )
    .unwrap();
    protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-11-02").unwrap();
    reintro::log(
        &p.db,
        &entry(
            c.id,
            food_id(&p.db, "Egg yolks"),
            "2026-11-02",
            FoodStatus::Tolerated,
        ),
    )
    .unwrap();

    let chart = checkins::chart(&p.db, c.id).unwrap();
    assert_eq!(chart.dates, ["2026-11-01", "2026-11-03"]);
    assert_eq!(chart.series[0].values, [Some(8), Some(7)]);
    assert_eq!(chart.series[1].values, [None, Some(5)]);
    assert_eq!(chart.series.len(), 8);
    assert_eq!(chart.bands.len(), 2);
    assert_eq!(chart.bands[0].label, "Elimination");
    assert_eq!(chart.bands[0].to.as_deref(), Some("2026-11-02"));
    assert_eq!(chart.bands[1].label, "Reintroduction, stage 1");
    assert_eq!(chart.bands[1].to, None);
    assert_eq!(chart.markers.len(), 1);
    assert_eq!(chart.markers[0].food, "Egg yolks");

    let csv = checkins::csv(&p.db, c.id).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}Date,Fatigue,Brain fog,Pain,Numbness/tingling,Digestion/bloating,Mood,Sleep quality,Energy,Notes"
    );
    assert_eq!(lines[1], "2026-11-01,8,,,,,,,,");
    assert_eq!(
        lines[2],
        "2026-11-03,7,5,,,,,,,\"'=SUM(A1) \"\"tired\"\", Zoë 李小龙 🌿\""
    );

    // Archiving a symptom keeps her history on the chart.
    checkins::set_symptom_archived(&p.db, fog, true).unwrap();
    assert_eq!(checkins::symptoms(&p.db, false).unwrap().len(), 7);
    assert_eq!(checkins::chart(&p.db, c.id).unwrap().series.len(), 8);
}

#[test]
fn the_symptom_list_is_configurable() {
    let p = practice();
    let list = checkins::add_symptom(&p.db, "Heat sensitivity").unwrap();
    let heat = list.last().unwrap().id;
    assert!(
        problems(checkins::add_symptom(&p.db, "  fatigue ").unwrap_err())[0]
            .contains("already on the list")
    );
    assert!(problems(checkins::add_symptom(&p.db, "").unwrap_err())[0].starts_with("name:"));
    let list = checkins::move_symptom(&p.db, heat, -1).unwrap();
    assert_eq!(list[list.len() - 2].name, "Heat sensitivity");
    let list = checkins::rename_symptom(&p.db, heat, "Heat sensitivity (Uhthoff)").unwrap();
    assert!(list.iter().any(|s| s.name == "Heat sensitivity (Uhthoff)"));
    let list = checkins::move_symptom(&p.db, list[0].id, -1).unwrap();
    assert_eq!(list[0].name, "Fatigue");
}

#[test]
fn lab_files_are_copied_into_the_data_folder_and_bad_files_attach_nothing() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Zoë")).unwrap();
    let lab = labs::add(
        &p.db,
        &LabInput {
            client_id: c.id,
            name: "Vitamin D (25-OH)".into(),
            taken_on: "2026-10-12".into(),
            summary: "62 nmol/L, low end of normal".into(),
        },
    )
    .unwrap();
    let outside = tempfile::tempdir().unwrap();
    let report = outside.path().join("Blood panel – Zoë.pdf");
    std::fs::write(&report, b"%PDF-1.4 a lab report").unwrap();
    let empty = outside.path().join("empty.pdf");
    std::fs::write(&empty, b"").unwrap();

    let err = labs::attach(&p.db, lab.id, &[report.clone(), empty]).unwrap_err();
    assert!(err.to_string().contains("“empty.pdf” is empty"), "{err}");
    let missing = outside.path().join("gone.pdf");
    let err = labs::attach(&p.db, lab.id, &[report.clone(), missing]).unwrap_err();
    assert!(
        err.to_string().contains("“gone.pdf” could not be read"),
        "{err}"
    );
    assert!(labs::for_client(&p.db, c.id).unwrap()[0].files.is_empty());

    let lab = labs::attach(&p.db, lab.id, std::slice::from_ref(&report)).unwrap();
    assert_eq!(lab.files.len(), 1);
    assert_eq!(lab.files[0].original_name, "Blood panel – Zoë.pdf");
    // The copy is kept inside the database, and opened from a copy written for the viewer.
    let opened = labs::open_copy(&p.db, p.dir.path(), lab.files[0].id).unwrap();
    assert!(opened.starts_with(coachdesk_core::files::opened_folder(p.dir.path())));
    assert_eq!(std::fs::read(&opened).unwrap(), b"%PDF-1.4 a lab report");
    assert!(!p.dir.path().join("attachments").exists());
    // The original is untouched; removing the attachment removes only the copy.
    let lab = labs::remove_file(&p.db, lab.files[0].id).unwrap();
    assert!(lab.files.is_empty());
    assert!(report.exists());
    assert!(
        problems(
            labs::add(
                &p.db,
                &LabInput {
                    client_id: c.id,
                    name: String::new(),
                    taken_on: "soon".into(),
                    summary: String::new(),
                }
            )
            .unwrap_err()
        )
        .len()
            == 2
    );
}

fn rows_for(db_path: &std::path::Path, client_id: i64) -> Vec<(String, i64)> {
    let conn = rusqlite::Connection::open(db_path).unwrap();
    [
        ("client_protocols", "client_id = ?1"),
        (
            "client_protocol_events",
            "protocol_id IN (SELECT id FROM client_protocols WHERE client_id = ?1)",
        ),
        ("client_foods", "client_id = ?1"),
        ("reintro_log", "client_id = ?1"),
        ("checkins", "client_id = ?1"),
        (
            "checkin_ratings",
            "checkin_id IN (SELECT id FROM checkins WHERE client_id = ?1)",
        ),
        ("labs", "client_id = ?1"),
        ("lab_files", "stored_name LIKE 'client-' || ?1 || '/%'"),
    ]
    .into_iter()
    .map(|(table, filter)| {
        let n: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE {filter}"),
                [client_id],
                |r| r.get(0),
            )
            .unwrap();
        (table.to_owned(), n)
    })
    .collect()
}

pub(crate) fn give_her_everything(p: &Practice, client_id: i64) {
    let pr = protocols::assign(
        &p.db,
        &AssignInput {
            client_id,
            template_id: template_id(&p.db, "Autoimmune"),
            start_date: "2026-10-01".into(),
        },
    )
    .unwrap();
    protocols::step(&p.db, pr.id, ProtocolStep::Advance, "2026-11-01").unwrap();
    reintro::log(
        &p.db,
        &entry(
            client_id,
            food_id(&p.db, "Egg yolks"),
            "2026-11-02",
            FoodStatus::Tolerated,
        ),
    )
    .unwrap();
    let fatigue = checkins::symptoms(&p.db, false).unwrap()[0].id;
    checkins::add(
        &p.db,
        &CheckInInput {
            client_id,
            on_date: "2026-11-03".into(),
            notes: "secret-phrase-ZQX".into(),
            ratings: ratings(&[(fatigue, 4)]),
        },
    )
    .unwrap();
    let lab = labs::add(
        &p.db,
        &LabInput {
            client_id,
            name: "Ferritin".into(),
            taken_on: "2026-10-12".into(),
            summary: String::new(),
        },
    )
    .unwrap();
    let file = p.dir.path().join(format!("upload-{client_id}.pdf"));
    std::fs::write(&file, b"%PDF-1.4 ferritin").unwrap();
    labs::attach(&p.db, lab.id, &[file]).unwrap();
}

#[test]
fn erasing_a_client_removes_her_protocols_logs_check_ins_labs_and_files() {
    let p = practice();
    let her = clients::create(&p.db, &ClientInput::named("Renée Côté")).unwrap();
    let other = clients::create(&p.db, &ClientInput::named("Zoë")).unwrap();
    give_her_everything(&p, her.id);
    give_her_everything(&p, other.id);
    let db_path = p.dir.path().join(DATABASE_FILE);
    assert!(
        rows_for(&db_path, her.id).iter().all(|(_, n)| *n > 0),
        "{:?}",
        rows_for(&db_path, her.id)
    );
    // A copy of her file opened in the viewer, and one of the other client's.
    let file_of = |client_id| labs::for_client(&p.db, client_id).unwrap()[0].files[0].id;
    let her_copy = labs::open_copy(&p.db, p.dir.path(), file_of(her.id)).unwrap();
    let other_copy = labs::open_copy(&p.db, p.dir.path(), file_of(other.id)).unwrap();

    clients::erase(&p.db, her.id, "Renée Côté").unwrap();

    for (table, n) in rows_for(&db_path, her.id) {
        assert_eq!(n, 0, "{table} still holds her rows");
    }
    assert!(
        !her_copy.exists(),
        "a copy of her attached file is still on disk"
    );
    // The other client keeps everything.
    assert!(rows_for(&db_path, other.id).iter().all(|(_, n)| *n > 0));
    assert!(other_copy.exists());
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by make test");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_handout_with_a_protocol_block_prints_foods_side_by_side() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Zoë 李小龙")).unwrap();
    let aip = template_id(&p.db, "Autoimmune");
    let hers = protocols::assign(
        &p.db,
        &AssignInput {
            client_id: c.id,
            template_id: aip,
            start_date: "2026-10-01".into(),
        },
    )
    .unwrap();
    let draft = HandoutDraft {
        title: "Your elimination phase".into(),
        client_id: Some(c.id),
        blocks: vec![
            HandoutBlock::ProtocolPhase {
                client_protocol_id: Some(hers.id),
                template_id: None,
                phase: 0,
            },
            HandoutBlock::Disclaimer,
        ],
    };
    let preview = handouts::resolve(&p.db, &draft).unwrap();
    assert!(matches!(
        &preview.blocks[0],
        ResolvedBlock::Heading { text } if text == "Autoimmune Protocol (AIP): Elimination"
    ));
    let columns = preview
        .blocks
        .iter()
        .find_map(|b| match b {
            ResolvedBlock::Columns { left, right, .. } => Some((left.clone(), right.clone())),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        columns.0[0],
        "Plenty of vegetables, aiming for a rainbow each day"
    );
    assert_eq!(columns.1[0], "Grains, including gluten");
    let text = serde_json::to_string(&preview.blocks).unwrap();
    assert!(text.contains("Discuss with your doctor before starting."));
    assert!(text.contains("**Sleep:** Aim for 8–9 hours"));

    let path = p.dir.path().join("elimination.pdf");
    handouts::export(&p.db, &draft, &path).unwrap();
    let layout = pdftotext(&path);
    // Side by side: both column titles, and the first food of each, share a line.
    assert!(
        layout
            .lines()
            .any(|l| l.contains("Foods to enjoy") && l.contains("Foods to avoid")),
        "{layout}"
    );
    assert!(
        layout
            .lines()
            .any(|l| l.contains("Plenty of vegetables") && l.contains("Grains, including")),
        "{layout}"
    );
    // A picture of the first page to look at (target/pdf-samples/protocol-block-1.png).
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pdf-samples");
    std::fs::create_dir_all(&samples).unwrap();
    let png = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "70", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg(samples.join("protocol-block"))
        .status()
        .unwrap();
    assert!(png.success());
    let qpdf = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(qpdf.status.success());

    // Her personal copy never goes into someone else's handout.
    let other = clients::create(&p.db, &ClientInput::named("Renée Côté")).unwrap();
    let mut wrong = draft.clone();
    wrong.client_id = Some(other.id);
    assert!(problems(handouts::resolve(&p.db, &wrong).unwrap_err())[0].contains("another client"));

    // A template phase works without a client, and a missing phase says so.
    let mut general = draft;
    general.client_id = None;
    general.blocks[0] = HandoutBlock::ProtocolPhase {
        client_protocol_id: None,
        template_id: Some(template_id(&p.db, "5R")),
        phase: 4,
    };
    let preview = handouts::resolve(&p.db, &general).unwrap();
    assert!(
        matches!(&preview.blocks[0], ResolvedBlock::Heading { text } if text.ends_with(": Rebalance"))
    );
    general.blocks[0] = HandoutBlock::ProtocolPhase {
        client_protocol_id: None,
        template_id: Some(aip),
        phase: 9,
    };
    assert!(handouts::resolve(&p.db, &general).is_err());
}

/// Phases have stable ids: reordering her copy's phases, or removing one she has not been in,
/// leaves her in the same phase and the chart's bands on the same names; a phase she is in or
/// has been in cannot be removed.
#[test]
fn personalising_her_copy_keeps_her_phase_and_chart_bands_on_the_same_phases() {
    let p = practice();
    let zoe = clients::create(&p.db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let aip = template_id(&p.db, "Autoimmune");
    let given = protocols::assign(
        &p.db,
        &AssignInput {
            client_id: zoe.id,
            template_id: aip,
            start_date: "2026-09-01".into(),
        },
    )
    .unwrap();
    let ids: Vec<u32> = given.phases.iter().map(|ph| ph.id).collect();
    assert_eq!(
        ids,
        [1, 2, 3, 4, 5, 6],
        "stored without ids, numbered by place"
    );
    let now = protocols::step(&p.db, given.id, ProtocolStep::Advance, "2026-10-01").unwrap();
    assert_eq!(
        now.phases[now.current_phase as usize].name,
        "Reintroduction, stage 1"
    );
    let bands = |db: &Db| -> Vec<String> {
        checkins::chart(db, zoe.id)
            .unwrap()
            .bands
            .into_iter()
            .map(|b| b.label)
            .collect()
    };
    let before = bands(&p.db);
    assert_eq!(before.len(), 2, "{before:?}");

    // Maintenance moved to the top, stage 4 removed, a new phase added at the end.
    let mut phases = now.phases.clone();
    let maintenance = phases.pop().unwrap();
    phases.insert(0, maintenance);
    phases.retain(|ph| ph.name != "Reintroduction, stage 4");
    let mut extra = phases[1].clone();
    extra.id = 0;
    extra.name = "Gentle start again".into();
    phases.push(extra);
    let draft = protocols::ProtocolDraft {
        name: now.name.clone(),
        summary: now.summary.clone(),
        phases,
    };
    let after = protocols::save_client_protocol(&p.db, now.id, &draft).unwrap();
    assert_eq!(after.phases[0].name, "Maintenance");
    assert_eq!(
        after.phases[after.current_phase as usize].name, "Reintroduction, stage 1",
        "she is still in the phase she was in"
    );
    assert_eq!(
        after.phases.last().unwrap().id,
        7,
        "a new phase takes the next number"
    );
    assert_eq!(bands(&p.db), before, "the chart's bands keep their names");

    // The phase she is in, and one she has been in, cannot be removed.
    for gone in ["Reintroduction, stage 1", "Elimination"] {
        let mut without = draft.clone();
        without.phases = after.phases.clone();
        without.phases.retain(|ph| ph.name != gone);
        let Err(Error::Invalid(problems)) =
            protocols::save_client_protocol(&p.db, now.id, &without)
        else {
            panic!("removing {gone} should be refused")
        };
        assert!(problems[0].reason.contains(gone), "{problems:?}");
        assert!(
            problems[0].reason.contains("cannot be removed"),
            "{problems:?}"
        );
    }
    let still = protocols::get_protocol(&p.db, now.id).unwrap();
    assert_eq!(still.phases.len(), 6);
}

#[test]
fn protocol_templates_are_found_with_ctrl_k() {
    let p = practice();
    let hits = coachdesk_core::search::search(&p.db, "reinoculate kimchi").unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].kind, coachdesk_core::search::SearchKind::Protocol);
    assert_eq!(hits[0].title, "5R gut-healing programme");
    assert!(hits[0]
        .snippet
        .iter()
        .any(|part| part.hit && part.text.to_lowercase() == "reinoculate"));
    let hits = coachdesk_core::search::search(&p.db, "ÉLIMINATION").unwrap();
    assert!(hits.iter().any(|h| h.title == "Autoimmune Protocol (AIP)"));
    assert!(coachdesk_core::search::search(&p.db, "kimchi zzzz")
        .unwrap()
        .is_empty());
}

#[test]
fn the_client_summary_includes_her_protocol_and_progress() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Renée Côté")).unwrap();
    give_her_everything(&p, c.id);
    let summary = summary::get(&p.db, c.id).unwrap();
    let text = serde_json::to_string(&summary.blocks).unwrap();
    for expected in [
        "Protocol and progress",
        "**Autoimmune Protocol (AIP):** Reintroduction, stage 1, since Sun 1 Nov 2026",
        "**Tolerated:** Egg yolks",
        "**Latest check-in (Tue 3 Nov 2026, 1 in all):** Fatigue 4",
        "**Ferritin** (Mon 12 Oct 2026)",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
    // A client with none of it gets no empty section.
    let other = clients::create(&p.db, &ClientInput::named("Zoë")).unwrap();
    let text = serde_json::to_string(&summary::get(&p.db, other.id).unwrap().blocks).unwrap();
    assert!(!text.contains("Protocol and progress"));
}

#[test]
fn her_data_exports_as_one_zip_with_everything_and_nothing_of_anyone_else() {
    use std::io::Read;
    let p = practice();
    let her = clients::create(&p.db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let other = clients::create(&p.db, &ClientInput::named("Someone Else")).unwrap();
    give_her_everything(&p, her.id);
    give_her_everything(&p, other.id);
    let draft = HandoutDraft {
        title: "Broth basics".into(),
        client_id: Some(her.id),
        blocks: vec![HandoutBlock::Intro {
            text: "Hello Zoë 🌿, here is your plan.".into(),
        }],
    };
    handouts::export(&p.db, &draft, &p.dir.path().join("given.pdf")).unwrap();

    let name = coachdesk_core::client_export::file_name(&p.db, her.id).unwrap();
    assert!(name.starts_with("Zoë 李小龙 🌿 – her data, "), "{name}");
    let path = p.dir.path().join(&name);
    let exported = coachdesk_core::client_export::export(&p.db, her.id, &path).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut bytes = Vec::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("{name} is not in {:?}", exported.files))
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
    };
    for part in [
        "README.txt",
        "client.json",
        "consults.json",
        "follow-ups.json",
        "protocols.json",
        "reintroductions.json",
        "check-ins.json",
        "labs.json",
        "timeline.json",
    ] {
        let text = String::from_utf8(read(part)).unwrap();
        assert!(
            !text.contains("Someone Else"),
            "{part} holds another client's data"
        );
    }
    let client = String::from_utf8(read("client.json")).unwrap();
    assert!(client.contains("Zoë 李小龙 🌿"), "{client}");
    let csv = String::from_utf8(read("check-ins.csv")).unwrap();
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("Date,Fatigue"),
        "{csv}"
    );
    assert!(String::from_utf8(read("check-ins.json"))
        .unwrap()
        .contains("secret-phrase-ZQX"));
    let lab_file = exported
        .files
        .iter()
        .find(|f| f.starts_with("labs/"))
        .unwrap()
        .clone();
    assert_eq!(read(&lab_file), b"%PDF-1.4 ferritin");
    let handout = exported
        .files
        .iter()
        .find(|f| f.starts_with("handouts/"))
        .unwrap()
        .clone();
    assert!(read(&handout).starts_with(b"%PDF-"));
    assert!(read("summary.pdf").starts_with(b"%PDF-"));
    // Nothing half-written is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(p.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty());
}

/// Every row of every table (virtual tables' shadows aside), as text: what `.dump` would
/// compare, without needing the sqlite3 tool.
pub(crate) fn everything(path: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut row = format!("{table}:");
                for i in 0..columns {
                    row.push_str(&format!("{:?}|", r.get_ref(i)?));
                }
                Ok(row)
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        out.extend(rows);
    }
    out.sort();
    out
}

/// Attaches a 5 MB file (bytes that do not compress) to the client's first lab result, and
/// returns its bytes.
pub(crate) fn attach_a_big_file(p: &Practice, client_id: i64, name: &str) -> Vec<u8> {
    let big = p.dir.path().join(name);
    let bytes: Vec<u8> = (0..5 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(&big, &bytes).unwrap();
    let lab = labs::for_client(&p.db, client_id).unwrap()[0].id;
    labs::attach(&p.db, lab, &[big]).unwrap();
    bytes
}

#[test]
fn a_backup_restored_into_a_fresh_data_folder_is_identical() {
    let p = practice();
    let her = clients::create(&p.db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    give_her_everything(&p, her.id);
    let bytes = attach_a_big_file(&p, her.id, "scan.pdf");
    let made = backups::back_up(
        &p.db,
        &backups::folder_in(p.dir.path()),
        BackupReason::Manual,
        "t",
    )
    .unwrap();

    let fresh = tempfile::tempdir().unwrap();
    let restored = backups::recover(fresh.path(), Path::new(&made.path), None).unwrap();
    drop(restored);
    let original = p.dir.path().join(DATABASE_FILE);
    assert_eq!(
        everything(&original),
        everything(&fresh.path().join(DATABASE_FILE))
    );
    // The 5 MB file came back byte for byte.
    let db = Db::open(&fresh.path().join(DATABASE_FILE)).unwrap();
    let files = &labs::for_client(&db, her.id).unwrap()[0].files;
    let copy = files
        .iter()
        .find(|f| f.original_name == "scan.pdf")
        .unwrap();
    assert_eq!(labs::file_content(&db, copy.id).unwrap().unwrap(), bytes);
}
