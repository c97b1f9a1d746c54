//! Protocols on a real store: starter templates, versions, her own copy, its steps, its phases in handouts and search.

use coachdesk_core::checkins::{self};
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::db::Db;
use coachdesk_core::documents::ResolvedBlock;
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
use coachdesk_core::protocols::{self, AssignInput, ItemKind, ProtocolStatus, ProtocolStep};
use coachdesk_core::timeline;
use coachdesk_core::Error;

use crate::progress::*;

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
    let given = assign(&p, zoe.id, "Autoimmune", "2026-09-01");
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
fn a_handout_with_a_protocol_block_prints_foods_side_by_side() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Zoë 李小龙")).unwrap();
    let hers = assign(&p, c.id, "Autoimmune", "2026-10-01");
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
        template_id: Some(template_id(&p.db, "Autoimmune")),
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
    let given = assign(&p, zoe.id, "Autoimmune", "2026-09-01");
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
