//! AIP reintroductions on a real store: the timing and reaction warnings, the food catalogue.

use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::documents::{self};
use coachdesk_core::reintro::{self, FoodStatus};

use crate::progress::*;

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
    let text = serde_json::to_string(&lists.doc.blocks).unwrap();
    assert!(text.contains("Egg yolks (stage 1)"), "{text}");
    assert!(text.contains("Ghee from grass-fed dairy (stage 1)"));
    let path = p.dir.path().join("lists.pdf");
    documents::save(&p.db, &lists.doc, &path).unwrap();
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
