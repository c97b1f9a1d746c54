//! Her practice as the handout benchmark and `make bench-app` have it: a branded profile and
//! three articles of the labelled set (about three pages), imported as she would import them.
#![allow(dead_code)]

use std::path::Path;

use coachdesk_core::articles::{self, Article};
use coachdesk_core::db::Db;
use coachdesk_core::import;
use coachdesk_core::practice::{self, FirstRunInput, PracticeInput};

pub type Failure = Box<dyn std::error::Error>;

const ARTICLES: [&str; 3] = [
    "02-leaky-gut-explained.md",
    "01-bone-broth-why-and-how.md",
    "25-bloating-and-better-digestion.md",
];

/// Her practice's profile, with her brand colour and contact details.
pub fn profile(db: &Db) -> Result<(), Failure> {
    practice::create(
        db,
        &FirstRunInput {
            practice_name: "Gut & Glow Coaching".into(),
            coach_name: "Marie-Ève Laurent".into(),
        },
    )?;
    let current = practice::get(db)?.ok_or("no practice")?;
    practice::update(
        db,
        &PracticeInput {
            practice_name: current.practice_name,
            coach_name: current.coach_name,
            credentials: "FNTP".into(),
            tagline: "Food, rest and calm for women living with MS".into(),
            email: "marie@gutandglow.example".into(),
            phone: "+1 514 555 0199".into(),
            website: "gutandglow.example".into(),
            booking_url: "https://gutandglow.example/book".into(),
            brand_color: "#2F6F62".into(),
            paper_size: current.paper_size,
            disclaimer: current.disclaimer,
            typographic_quotes: true,
        },
    )?;
    Ok(())
}

/// Her three articles, imported from their Markdown files.
pub fn articles(db: &Db) -> Result<Vec<Article>, Failure> {
    let fixtures =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/suggestions/articles");
    let mut out = Vec::new();
    for name in ARTICLES {
        let drafts =
            import::read_file(name, &std::fs::read(fixtures.join(name))?).map_err(|p| p.reason)?;
        let saved = articles::commit(db, &drafts)?;
        out.push(articles::get(db, saved[0].id)?);
    }
    Ok(out)
}
