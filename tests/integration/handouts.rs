//! Handouts through core on a real store: an awkward name, and a snapshot that survives edits.

use crate::pdftotext;
use coachdesk_core::articles;
use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
use coachdesk_core::practice;
use coachdesk_core::summary;
use coachdesk_core::timeline::{self, TimelineKind};

fn setup() -> (tempfile::TempDir, Db, i64, HandoutDraft) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    crate::first_run(&db);
    let text = "MSMonday: Broth Basics\n\nSimmer bones for a day — “low and slow”.\n\nWhy it helps\n\nGelatine soothes the gut lining.";
    let preview = articles::preview_pasted(&db, text).unwrap();
    let saved = articles::commit(&db, &[preview.drafts[0].draft.clone()]).unwrap();
    let article = articles::get(&db, saved[0].id).unwrap();
    let client = clients::create(&db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let draft = HandoutDraft {
        title: "Broth for Zoë 🌿".into(),
        client_id: Some(client.id),
        blocks: vec![
            HandoutBlock::Intro {
                text: "Hello Zoë 🌿, here is your plan.".into(),
            },
            HandoutBlock::ArticleSection {
                article_id: article.id,
                section_id: article.sections[1].id,
            },
            HandoutBlock::NextSteps {
                title: String::new(),
                items: vec!["Make broth".into(), " ".into()],
            },
            HandoutBlock::Disclaimer,
        ],
    };
    (dir, db, article.id, draft)
}

#[test]
fn a_name_with_cjk_and_emoji_prints_whole_and_only_a_rare_script_is_left_out() {
    let (dir, db, _, mut draft) = setup();
    // Linear B: no vendored font has it.
    draft.blocks[0] = HandoutBlock::Intro {
        text: "Hello Zoë 🌿 𐀀, here is your plan.".into(),
    };
    let preview = handouts::resolve(&db, &draft).unwrap();
    assert_eq!(preview.unprintable, ["𐀀"]);
    assert_eq!(preview.prepared_for.as_deref(), Some("Zoë 李小龙 🌿"));
    let path = dir.path().join("zoe.pdf");
    handouts::export(&db, &draft, &path).unwrap();
    let text = pdftotext(&path);
    assert!(text.contains("Prepared for Zoë 李小龙 🌿"), "{text}");
    assert!(text.contains("Hello Zoë 🌿, here is your plan."), "{text}");
    assert!(
        text.contains("Why it helps Gelatine soothes the gut lining."),
        "{text}"
    );
    assert!(!text.contains('𐀀') && !text.contains('\u{fffd}'));
    let fonts = std::process::Command::new("pdffonts")
        .arg(&path)
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("NotoEmoji"), "{fonts}");
    let given = handouts::for_client(&db, draft.client_id.unwrap()).unwrap();
    assert_eq!(given[0].title, "Broth for Zoë 🌿");
}

#[test]
fn exporting_again_reproduces_the_same_text_after_the_article_changes() {
    let (dir, db, article_id, draft) = setup();
    let first = dir.path().join("first.pdf");
    handouts::export(&db, &draft, &first).unwrap();
    let mut article = articles::get(&db, article_id).unwrap();
    article.sections[1].paragraphs = vec!["Completely rewritten.".into()];
    let input = coachdesk_core::import::ArticleDraft {
        title: article.title,
        series: article.series,
        tagline: article.tagline,
        sections: article
            .sections
            .into_iter()
            .map(|s| coachdesk_core::import::DraftSection {
                heading: s.heading,
                paragraphs: s.paragraphs,
            })
            .collect(),
        call_to_action: article.call_to_action,
        tags: article.tags,
        source: article.source,
        published: article.published,
        ..Default::default()
    };
    articles::update(&db, article_id, &input).unwrap();
    let given = handouts::for_client(&db, draft.client_id.unwrap()).unwrap();
    let again = dir.path().join("again.pdf");
    handouts::reexport(&db, given[0].id, &again).unwrap();
    assert_eq!(pdftotext(&first), pdftotext(&again));
    assert!(!pdftotext(&again).contains("Completely rewritten"));
}

#[test]
fn the_client_summary_prints_her_profile_and_consult_notes() {
    use coachdesk_core::consults::{self, ConsultInput};
    let (dir, db, _, draft) = setup();
    let client_id = draft.client_id.unwrap();
    let mut input = ClientInput::named("Zoë 李小龙 🌿");
    input.goals = "Walk to the market and back".into();
    input.allergies = "Eggs — “mild”".into();
    clients::update(&db, client_id, &input).unwrap();
    let consult = consults::create(
        &db,
        &ConsultInput::free_consult(client_id, "2026-11-20T10:00:00Z", 30),
    )
    .unwrap();
    let mut sections = consult.sections.clone();
    sections[0].body = "Tired by noon most days".into();
    consults::save_notes(&db, consult.id, &sections, true).unwrap();

    let path = dir.path().join("summary.pdf");
    summary::save(&db, client_id, &path).unwrap();
    let text = pdftotext(&path);
    for phrase in [
        "Client summary: Zoë 李小龙",
        "Goals: Walk to the market and back",
        "Allergies and sensitivities: Eggs — “mild”",
        "Consult history",
        "Free consult call",
        "Current state: Tired by noon most days",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing from:\n{text}");
    }
}

/// A practice with a client for each of `names`, a handout for no one in particular and an
/// empty folder `bulk` for a bulk export: (its temporary folder, practice, handout, client ids).
fn bulk_setup(names: &[&str]) -> (tempfile::TempDir, Db, HandoutDraft, Vec<i64>) {
    let (dir, db, _, mut draft) = setup();
    draft.client_id = None;
    draft.title = "Broth basics".into();
    let ids = names
        .iter()
        .map(|n| clients::create(&db, &ClientInput::named(n)).unwrap().id)
        .collect();
    std::fs::create_dir(dir.path().join("bulk")).unwrap();
    (dir, db, draft, ids)
}

#[test]
fn one_handout_for_several_clients_with_progress_and_cancel() {
    let (dir, db, draft, ids) = bulk_setup(&["Anna", "Béatrice", "Chloé"]);
    let folder = dir.path().join("bulk");
    let mut seen = Vec::new();
    let result = handouts::export_for_clients(&db, &draft, &ids, &folder, |p| {
        seen.push((p.done, p.total, p.client_name.clone()));
        p.done < 2 // cancel after the second
    })
    .unwrap();
    assert_eq!(
        seen,
        [(1, 3, "Anna".to_owned()), (2, 3, "Béatrice".to_owned())]
    );
    assert_eq!(
        (result.written, result.total, result.cancelled),
        (2, 3, true)
    );
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2);
    assert!(files[0].starts_with("Broth basics – Anna – "), "{files:?}");
    assert!(pdftotext(&folder.join(&files[1])).contains("Prepared for Béatrice"));
    assert_eq!(handouts::for_client(&db, ids[1]).unwrap().len(), 1);
    assert!(handouts::for_client(&db, ids[2]).unwrap().is_empty());
    let given = |id| {
        timeline::for_client(&db, id)
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == TimelineKind::HandoutGiven)
            .count()
    };
    assert_eq!(
        (given(ids[1]), given(ids[2])),
        (1, 0),
        "nothing on Chloé's timeline"
    );
}

/// More clients than the computer has cores: the handouts are rendered side by side, yet
/// written, recorded and reported in her order, each with its own name (two clients of the
/// same name get a file each); a client who is not there stops the export before any file
/// is written.
#[test]
fn a_bulk_export_renders_side_by_side_and_writes_in_her_order() {
    let names = [
        "Zoë",
        "Renée Côté",
        "李小龙",
        "Anna",
        "Béa",
        "Chloé 🌿",
        "Anna",
        "Dana",
    ];
    let (dir, db, draft, ids) = bulk_setup(&names);
    let folder = dir.path().join("bulk");
    let mut seen = Vec::new();
    let result = handouts::export_for_clients(&db, &draft, &ids, &folder, |p| {
        seen.push(p.client_name.clone());
        true
    })
    .unwrap();
    assert_eq!(seen, names);
    assert_eq!((result.written, result.cancelled), (8, false));
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 8);
    for (id, name) in ids.iter().zip(names) {
        let given = handouts::for_client(&db, *id).unwrap();
        assert_eq!(given.len(), 1, "{name}");
        let text = pdftotext(&folder.join(&given[0].file_name));
        assert!(
            text.contains(&format!("Prepared for {name}")),
            "{name}: {text}"
        );
    }
    let second_anna = &handouts::for_client(&db, ids[6]).unwrap()[0].file_name;
    assert!(
        second_anna.contains("Anna") && second_anna.ends_with(" (2).pdf"),
        "{second_anna}"
    );

    let empty = dir.path().join("none");
    std::fs::create_dir(&empty).unwrap();
    let missing = [ids[0], 999_999];
    assert!(handouts::export_for_clients(&db, &draft, &missing, &empty, |_| true).is_err());
    assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
    assert_eq!(handouts::for_client(&db, ids[0]).unwrap().len(), 1);
}

/// Copied from a blog: a tagline, a title line, headings between blank lines, paragraphs one
/// per line with no blank line between them, and the call to action as the very last line.
const BLOG_POST: &str = "I help women with MS feel at home in their bodies again, one meal at a time.\n\nMSMonday: Leaky Gut, What Comes First?\n\nIt’s the question I hear on almost every call: did my gut start this, or did MS? Nobody can say for sure yet, and that is all right, because we can still act on what we know today.\nWhat we do know is that the gut lining and the immune system talk to each other all day long, and that the conversation changes with what we eat, how we sleep and how we rest.\nSo let’s start where you can make a difference this very week, gently and without perfection.\n\nWhat the lining does\n\nThe lining of the gut is a single layer of cells, thinner than a sheet of paper, and it decides what gets into the blood and what stays out of it.\nWhen the junctions between those cells loosen, bits of food and bacteria slip through and the immune system answers, again and again.\n\nWhere to begin\n\nA cup of warm bone broth in the morning is the kindest first step I know, and it costs very little.\nCooked greens at lunch and dinner feed the good bacteria that keep the lining strong.\nIf you’re interested in learning more, book a Free Consult Call with me.\n";

/// Paragraph texts on the page: runs of non-blank lines from `pdftotext -layout`, joined.
fn layout_paragraphs(path: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn a_blog_post_pasted_as_text_prints_with_its_paragraphs_apart() {
    let (dir, db, _, mut draft) = setup();
    let preview = articles::preview_pasted(&db, BLOG_POST).unwrap();
    let post = &preview.drafts[0].draft;
    assert_eq!(post.title, "Leaky Gut, What Comes First?");
    assert!(post.call_to_action.starts_with("If you’re interested"));
    let counts: Vec<usize> = post.sections.iter().map(|s| s.paragraphs.len()).collect();
    assert_eq!(counts, [3, 2, 2]);
    let saved = articles::commit(&db, std::slice::from_ref(post)).unwrap();
    let article = articles::get(&db, saved[0].id).unwrap();
    draft.blocks = article
        .sections
        .iter()
        .map(|s| HandoutBlock::ArticleSection {
            article_id: article.id,
            section_id: s.id,
        })
        .collect();
    let path = dir.path().join("blog.pdf");
    handouts::export(&db, &draft, &path).unwrap();
    let printed = layout_paragraphs(&path);
    // Every paragraph of the post is a paragraph of its own on the page.
    for paragraph in post.sections.iter().flat_map(|s| &s.paragraphs) {
        let wanted = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let dehyphenated: Vec<String> = printed.iter().map(|p| p.replace("- ", "")).collect();
        assert!(
            printed.contains(&wanted) || dehyphenated.contains(&wanted.replace("- ", "")),
            "{wanted:?} is not a paragraph of its own in:\n{printed:#?}"
        );
    }
}

#[test]
fn straight_quotes_print_as_typographic_ones_unless_she_turns_it_off() {
    let (dir, db, _, mut draft) = setup();
    let preview = articles::preview_pasted(
        &db,
        "Quotes\n\nShe said \"rest first\" and it's 'gentle', 5'2\" tall.\n",
    )
    .unwrap();
    let saved = articles::commit(&db, &[preview.drafts[0].draft.clone()]).unwrap();
    let article = articles::get(&db, saved[0].id).unwrap();
    draft.title = "Rest \"first\"".into();
    draft.blocks = vec![HandoutBlock::ArticleSection {
        article_id: article.id,
        section_id: article.sections[0].id,
    }];
    let path = dir.path().join("quotes.pdf");
    handouts::export(&db, &draft, &path).unwrap();
    let text = pdftotext(&path);
    assert!(
        text.contains("She said “rest first” and it’s ‘gentle’, 5'2\" tall."),
        "{text}"
    );
    assert!(text.contains("Rest “first”"), "{text}");

    let mut input = practice_input(&db);
    input.typographic_quotes = false;
    practice::update(&db, &input).unwrap();
    let plain = handouts::resolve(&db, &draft).unwrap();
    assert_eq!(plain.title, "Rest \"first\"");
    assert!(format!("{:?}", plain.blocks).contains("it's 'gentle'"));
}

fn practice_input(db: &Db) -> practice::PracticeInput {
    let p = practice::get(db).unwrap().unwrap();
    practice::PracticeInput {
        practice_name: p.practice_name,
        coach_name: p.coach_name,
        credentials: p.credentials,
        tagline: p.tagline,
        email: p.email,
        phone: p.phone,
        website: p.website,
        booking_url: p.booking_url,
        brand_color: p.brand_color,
        paper_size: p.paper_size,
        disclaimer: p.disclaimer,
        typographic_quotes: p.typographic_quotes,
    }
}

/// A handout given with today's snapshot format (frozen in tests/integration/snapshots/) and
/// one stored before snapshots carried a format number both export again with their text as
/// given; the branding follows today's practice settings.
#[test]
fn frozen_snapshots_export_again_with_their_text_and_todays_branding() {
    let (dir, db, _, draft) = setup();
    let client_id = draft.client_id.unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/integration/snapshots");
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    let mut ids = Vec::new();
    for file in [
        "handout_snapshot_v1.json",
        "handout_snapshot_before_format.json",
    ] {
        let json = std::fs::read_to_string(root.join(file)).unwrap();
        conn.execute(
            "INSERT INTO handouts_given (client_id, title, file_name, snapshot, given_at)
             VALUES (?1, 'frozen', 'frozen.pdf', ?2, '2026-12-01T09:00:00.000Z')",
            rusqlite::params![client_id, json],
        )
        .unwrap();
        ids.push(conn.last_insert_rowid());
    }
    drop(conn);
    let path = dir.path().join("again.pdf");
    handouts::reexport(&db, ids[0], &path).unwrap();
    let text = pdftotext(&path);
    let in_order = [
        "Gut & Glow",
        "Broth for Zoë",
        "Prepared for Zoë 李小龙 on 1 December 2026",
        "Hello Zoë, here is your plan for the week.",
        "Why it helps",
        "Gelatine soothes the gut lining, gently.",
        "Simmer bones for a day",
        "Make broth on Sunday",
        // The two columns side by side: pdftotext reads across them.
        "Enjoy",
        "Avoid for now",
        "Bone broth",
        "Gluten",
        "Book a free consult call",
        "This handout is education, not medical advice.",
    ];
    let mut at = 0;
    for words in in_order {
        let found = text[at..]
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} after {at} in {text}"));
        at += found + words.len();
    }

    // Today's branding: a new practice name prints on the same text.
    let mut input = practice_input(&db);
    input.practice_name = "Calm Gut Coaching".into();
    practice::update(&db, &input).unwrap();
    handouts::reexport(&db, ids[1], &path).unwrap();
    let text = pdftotext(&path);
    assert!(text.contains("Calm Gut Coaching"), "{text}");
    assert!(!text.contains("Gut & Glow"), "{text}");
    assert!(
        text.contains("Prepared for Renée Côté on 24 November 2026"),
        "{text}"
    );
    assert!(
        text.contains("The lining of the gut lets through what it should not."),
        "{text}"
    );
}

/// A 2 MB photo chosen as the logo is kept at print size, once: the handout embeds one image
/// that fits the header's box, as a JPEG, and stays small.
#[test]
fn a_large_photo_logo_is_scaled_once_and_the_handout_stays_small() {
    let (dir, db, _, draft) = setup();
    let photo = dir.path().join("portrait of me.png");
    crate::logo::write_large_photo(&photo);
    practice::set_logo(&db, &photo).unwrap();

    let path = dir.path().join("handout.pdf");
    handouts::export(&db, &draft, &path).unwrap();
    crate::logo::assert_small_with_one_photo(&path);
    assert!(pdftotext(&path).contains("Broth for Zo"));
}

/// `coachdesk --check-fonts` (and so the packaging test) makes this handout: every font is
/// found (here in the source tree's core/fonts) and each is embedded.
#[test]
fn the_font_check_finds_every_font_and_embeds_each() {
    for (file, found) in coachdesk_core::pdf::font_files() {
        let path = found.unwrap_or_else(|| panic!("{file} is in none of the font folders"));
        assert!(path.ends_with(file), "{}", path.display());
    }
    let rendered = coachdesk_core::pdf::check_fonts().expect("every font is found and prints");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("font-check.pdf");
    std::fs::write(&path, &rendered.bytes).unwrap();
    let listing = std::process::Command::new("pdffonts")
        .arg(&path)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    for font in [
        "NotoSerif-Regular",
        "NotoSerif-Italic",
        "NotoSerif-Bold ",
        "NotoSerif-BoldItalic",
        "Lato-Regular",
        "Lato-Bold",
        "DroidSansFallback",
        "NotoEmoji",
    ] {
        assert!(listing.contains(font), "{font} not embedded:\n{listing}");
    }
    assert!(pdftotext(&path).contains("Prepared for 李小龙 🌿"));
}
