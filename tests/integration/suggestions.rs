//! Her own articles suggested for a client, on a real store: ranked by what is going on with
//! her, each with its reason, what she was given ranked lower, and kind answers when there is
//! nothing to go on.

use coachdesk_core::articles;
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::consults::{self, ConsultInput, NoteSection};
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
use coachdesk_core::import;
use coachdesk_core::suggestions::{self, SuggestionSource};

use crate::progress::{practice, Practice};
use crate::seed::{days_ago, rate_first_symptom};

const ARTICLES: &[(&str, &str)] = &[
    (
        "broth.md",
        "---\ntitle: Bone Broth for a Leaky Gut\n---\n\n\
         ## Why broth helps the gut lining\n\nBone broth brings gelatin and glycine that help \
         a leaky gut heal its lining.\n\n\
         ## Storing and freezing\n\nFreeze broth in jars, leaving room at the top.\n",
    ),
    (
        "fatigue.md",
        "---\ntitle: Living with MS Fatigue\n---\n\n\
         ## Pacing your energy\n\nMS fatigue is not ordinary tiredness: plan rest before you \
         need it and pace your energy through the day.\n\n\
         ## Cooling down\n\nHeat makes symptoms worse; a cool shower helps.\n",
    ),
    (
        "eggs.md",
        "---\ntitle: Reintroducing Eggs\n---\n\n\
         ## Egg yolks first\n\nStart the reintroduction with egg yolks: half a teaspoon, then \
         wait and watch for a reaction.\n\n\
         ## Baking without eggs\n\nGelatin eggs bind a batter well.\n",
    ),
];

fn import_articles(p: &Practice) {
    for (name, text) in ARTICLES {
        let drafts = import::read_file(name, text.as_bytes()).unwrap();
        articles::commit(&p.db, &drafts).unwrap();
    }
}

/// A client whose last note talks about broth and a leaky gut, with her fatigue rising.
fn renee(p: &Practice) -> i64 {
    let her = clients::create(&p.db, &ClientInput::named("Renée Côté")).unwrap();
    let consult = consults::create(
        &p.db,
        &ConsultInput::follow_up(her.id, &format!("{}T15:00:00Z", days_ago(2)), 60),
    )
    .unwrap();
    consults::save_notes(
        &p.db,
        consult.id,
        &[NoteSection {
            heading: "Diet".into(),
            body: "Started bone broth; worried about her leaky gut.".into(),
        }],
        true,
    )
    .unwrap();
    rate_first_symptom(&p.db, her.id, &[(22, 3), (15, 3), (8, 4), (1, 8)]);
    her.id
}

#[test]
fn her_notes_and_rising_fatigue_bring_the_sections_that_fit_with_the_reason() {
    let p = practice();
    import_articles(&p);
    let her = renee(&p);

    let found = suggestions::for_client(&p.db, her).unwrap();
    assert_eq!(found.articles, 3);
    assert_eq!(
        found.looked_at,
        ["her last note", "her fatigue is getting worse"]
    );
    // Her note leads; her rising fatigue brings its section too, each with its reason.
    let top = &found.suggestions[0];
    assert_eq!(top.heading, "Why broth helps the gut lining");
    assert_eq!(top.score, 1.0);
    assert_eq!(top.article_title, "Bone Broth for a Leaky Gut");
    assert!(
        top.why
            .starts_with("Mentions bone broth and leaky gut, from her last note"),
        "{}",
        top.why
    );
    let pacing = found
        .suggestions
        .iter()
        .find(|s| s.heading == "Pacing your energy")
        .expect("her rising fatigue brings the pacing section");
    assert_eq!(pacing.reasons[0].source, SuggestionSource::Symptom);
    assert!(
        pacing.why.contains("as her fatigue is getting worse"),
        "{}",
        pacing.why
    );
    // Nothing in her record is about eggs.
    assert!(found
        .suggestions
        .iter()
        .all(|s| s.heading != "Egg yolks first"));
    // The baseline finds the broth section from the note's words alone.
    let plain =
        suggestions::plain(&p.db, "Started bone broth; worried about her leaky gut.", 3).unwrap();
    assert_eq!(plain[0], top.section_id);
}

#[test]
fn a_section_she_was_given_ranks_lower_and_says_when() {
    let p = practice();
    import_articles(&p);
    let her = renee(&p);
    let top = suggestions::for_client(&p.db, her).unwrap().suggestions[0].clone();
    let dir = tempfile::tempdir().unwrap();
    handouts::export(
        &p.db,
        &HandoutDraft {
            title: "Broth".into(),
            client_id: Some(her),
            blocks: vec![HandoutBlock::ArticleSection {
                article_id: top.article_id,
                section_id: top.section_id,
            }],
        },
        &dir.path().join("broth.pdf"),
    )
    .unwrap();

    let after = suggestions::for_client(&p.db, her).unwrap().suggestions;
    let again = after
        .iter()
        .position(|s| s.section_id == top.section_id)
        .unwrap();
    assert!(again > 0, "the section she was given is no longer first");
    assert!(after[again].given_on.is_some());
    assert!(after.iter().filter(|s| s.given_on.is_some()).count() == 1);
}

#[test]
fn an_empty_library_or_an_empty_record_gives_no_suggestions_and_no_error() {
    let p = practice();
    let her = renee(&p);
    let found = suggestions::for_client(&p.db, her).unwrap();
    assert_eq!(found.articles, 0);
    assert!(found.suggestions.is_empty());

    import_articles(&p);
    let new = clients::create(&p.db, &ClientInput::named("Zoë")).unwrap();
    let found = suggestions::for_client(&p.db, new.id).unwrap();
    assert!(found.looked_at.is_empty());
    assert!(found.suggestions.is_empty());
}

#[test]
fn odd_words_in_her_record_are_searched_as_plain_text() {
    let p = practice();
    import_articles(&p);
    let mut input = ClientInput::named("李小龙");
    input.goals = "\"NEAR\" OR (eggs* AND -broth) : 🙂 Zoë's \u{0} yolks".into();
    input.other_conditions = "*".repeat(5_000);
    let her = clients::create(&p.db, &input).unwrap();
    let found = suggestions::for_client(&p.db, her.id).unwrap();
    assert_eq!(found.looked_at, ["her goals"]);
    assert!(found
        .suggestions
        .iter()
        .take(3)
        .any(|s| s.heading == "Egg yolks first"));
    assert!(suggestions::plain(&p.db, "\" OR * NEAR(", 10)
        .unwrap()
        .is_empty());
}
