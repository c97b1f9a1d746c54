//! Consults, notes, follow-ups, the dashboard and search on a real temp-file database.

use chrono::{FixedOffset, TimeZone};
use coachdesk_core::clients::{self, ClientInput, ClientStatus};
use coachdesk_core::consults::{self, ConsultChange, ConsultInput, ConsultStatus};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::follow_ups::{self, FollowUpInput};
use coachdesk_core::note_templates::{self, NoteTemplateInput, TemplateKey};
use coachdesk_core::{dashboard, search, timeline};
use icalendar::{Calendar, Component, DatePerhapsTime};

fn store() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    (dir, db)
}

/// A free consult of 45 minutes with her, booked at `at`.
fn free_consult(db: &Db, client_id: i64, at: &str) -> consults::Consult {
    consults::create(db, &ConsultInput::free_consult(client_id, at, 45)).unwrap()
}

/// The consult marked completed, at the time it was booked, having lasted `minutes`.
fn complete(db: &Db, consult: &consults::Consult, minutes: i32) -> consults::Consult {
    let change = ConsultChange {
        kind: consult.kind,
        scheduled_at: consult.scheduled_at.clone(),
        duration_minutes: minutes,
        status: ConsultStatus::Completed,
    };
    consults::update(db, consult.id, &change).unwrap()
}

/// A coaching follow-up of 45 minutes with her, booked at `at`.
fn follow_up(db: &Db, client_id: i64, at: &str) -> consults::Consult {
    consults::create(db, &ConsultInput::follow_up(client_id, at, 45)).unwrap()
}

#[test]
fn erasing_a_client_leaves_nothing_of_hers_anywhere() {
    let (dir, db) = store();
    let zoe = clients::create(&db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let other = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    let consult = free_consult(&db, zoe.id, "2026-11-25T10:00:00Z");
    let mut sections = consult.sections.clone();
    sections[0].body = "Her grandmother's sourdough ritual quinoaflakes".into();
    consults::save_notes(&db, consult.id, &sections, true).unwrap();
    sections[1].body = "More energy".into();
    consults::save_notes(&db, consult.id, &sections, true).unwrap();
    follow_ups::create(
        &db,
        &FollowUpInput {
            client_id: zoe.id,
            title: "Send AIP guide".into(),
            due_date: None,
        },
    )
    .unwrap();
    follow_up(&db, other.id, "2026-11-26T10:00:00Z");
    assert_eq!(search::search(&db, "quinoaflakes").unwrap().len(), 1);

    clients::erase(&db, zoe.id, "Zoë 李小龙 🌿").unwrap();

    assert!(search::search(&db, "quinoaflakes").unwrap().is_empty());
    assert!(search::search(&db, "sourdough ritual").unwrap().is_empty());
    assert!(search::search(&db, "Zoë").unwrap().is_empty());
    drop(db);
    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    for table in ["consults", "follow_ups", "timeline_events"] {
        let n = crate::number(
            &conn,
            &format!("SELECT count(*) FROM {table} WHERE client_id = ?1"),
            [zoe.id],
        );
        assert_eq!(n, 0, "{table} still holds rows of hers");
    }
    let revisions = crate::number(
        &conn,
        "SELECT count(*) FROM note_revisions WHERE consult_id = ?1",
        [consult.id],
    );
    assert_eq!(revisions, 0);
    let fts = crate::number(
        &conn,
        "SELECT count(*) FROM search_index WHERE search_index MATCH 'quinoaflakes'",
        [],
    );
    assert_eq!(fts, 0);
    let others = crate::number(&conn, "SELECT count(*) FROM consults", []);
    assert_eq!(others, 1, "other clients keep theirs");
}

#[test]
fn the_ics_file_parses_back_with_the_right_time() {
    let (_dir, db) = store();
    let renee = clients::create(&db, &ClientInput::named("Renée Côté, “Zoë”; 🌿")).unwrap();
    // 10:30 in UTC+01:00 is 09:30 UTC.
    let consult = free_consult(&db, renee.id, "2026-11-25T10:30:00+01:00");
    let text = consults::ics(&db, consult.id).unwrap();
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");

    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| c.as_event())
        .collect();
    assert_eq!(events.len(), 1);
    let event = events[0];
    let expected_start = chrono::Utc
        .with_ymd_and_hms(2026, 11, 25, 9, 30, 0)
        .unwrap();
    assert_eq!(
        event.get_start(),
        Some(DatePerhapsTime::DateTime(expected_start.into()))
    );
    let expected_end = chrono::Utc
        .with_ymd_and_hms(2026, 11, 25, 10, 15, 0)
        .unwrap();
    assert_eq!(
        event.get_end(),
        Some(DatePerhapsTime::DateTime(expected_end.into()))
    );
    assert_eq!(
        event.get_summary(),
        Some("Free consult call with Renée Côté, “Zoë”; 🌿")
    );
    let name = consults::ics_file_name(&db, consult.id).unwrap();
    assert_eq!(name, "Free consult call Renée-Côté-Zoë 2026-11-25.ics");
}

#[test]
fn search_takes_any_text_literally_and_never_errors() {
    let (_dir, db) = store();
    let client = clients::create(&db, &ClientInput::named("Amara Okafor")).unwrap();
    let consult = follow_up(&db, client.id, "2026-11-20T10:00:00Z");
    let mut sections = consult.sections.clone();
    sections[0].body =
        "Leaky-gut flare after \"gluten-free\" bread (NEAR the weekend) AND dairy 🌿".into();
    consults::save_notes(&db, consult.id, &sections, false).unwrap();

    let nasty = [
        "\"",
        "\"\"",
        "-",
        "--",
        "*",
        "**",
        "NEAR",
        "NEAR(",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        "((",
        "a:b",
        ":",
        "^",
        "🌿",
        "👩🏽‍⚕️",
        "gut*",
        "leaky-gut",
        "\"gluten-free\"",
        "NEAR the",
        "col:leaky",
        "{title}: x",
        "'",
        "\\",
        "%",
        "_",
        "",
        "   ",
    ];
    for text in nasty {
        search::search(&db, text).unwrap_or_else(|e| panic!("{text:?} failed: {e}"));
    }
    let hit = |text: &str| search::search(&db, text).unwrap();
    assert_eq!(hit("leaky-gut")[0].id, consult.id);
    assert_eq!(hit("\"gluten-free\"")[0].id, consult.id);
    assert_eq!(hit("NEAR the")[0].id, consult.id);
    assert_eq!(hit("AND dairy")[0].id, consult.id);
    assert_eq!(hit("okaf")[0].id, client.id, "names match as you type");
    let first = &hit("leaky gut")[0];
    assert!(first
        .snippet
        .iter()
        .any(|p| p.hit && p.text.eq_ignore_ascii_case("leaky")));
    assert_eq!(first.title, "Follow-up with Amara Okafor");
    assert_eq!(hit("okafor")[0].id, client.id);
}

#[test]
fn editing_a_template_never_changes_notes_already_written() {
    let (_dir, db) = store();
    let client = clients::create(&db, &ClientInput::named("Grace")).unwrap();
    let before = free_consult(&db, client.id, "2026-11-20T10:00:00Z");
    let input = NoteTemplateInput {
        name: "Discovery".into(),
        headings: vec!["Story".into(), " ".into(), "Plan".into()],
    };
    let template = note_templates::update(&db, TemplateKey::Discovery, &input).unwrap();
    assert_eq!(template.headings, ["Story", "Plan"]);
    assert_eq!(
        consults::get(&db, before.id).unwrap().sections,
        before.sections
    );
    let after = free_consult(&db, client.id, "2026-11-21T10:00:00Z");
    let headings: Vec<_> = after.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["Story", "Plan"]);
}

#[test]
fn dashboard_shows_the_day_the_week_follow_ups_leads_and_quiet_clients() {
    let (_dir, db) = store();
    // The coach is in UTC-05:00; it is 08:00 on 24 Nov for her (13:00 UTC).
    let tz = FixedOffset::west_opt(5 * 3600).unwrap();
    let now = tz.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();

    let lead = clients::create(&db, &ClientInput::named("Lead Without Call")).unwrap();
    let booked = clients::create(&db, &ClientInput::named("Booked Lead")).unwrap();
    let mut active = ClientInput::named("Quiet Active");
    active.status = ClientStatus::Active;
    let quiet = clients::create(&db, &active).unwrap();
    active.name = "Seen Active".into();
    let seen = clients::create(&db, &active).unwrap();

    // 23:30 on the 24th for her is 04:30 UTC on the 25th: still today.
    let late = free_consult(&db, booked.id, "2026-11-25T04:30:00Z");
    let next_week = follow_up(&db, seen.id, "2026-11-28T15:00:00Z");
    let done = follow_up(&db, seen.id, "2026-11-10T15:00:00Z");
    complete(&db, &done, 45);
    let follow = |title: &str, due: &str| {
        follow_ups::create(
            &db,
            &FollowUpInput {
                client_id: quiet.id,
                title: title.into(),
                due_date: Some(due.into()),
            },
        )
        .unwrap()
    };
    follow("Send recipes", "2026-11-25");
    follow("Check labs", "2026-11-20");

    let d = dashboard::at(&db, &now).unwrap();
    assert_eq!(d.today, "2026-11-24");
    assert_eq!(
        d.today_consults.iter().map(|c| c.id).collect::<Vec<_>>(),
        [late.id]
    );
    assert_eq!(
        d.week_consults.iter().map(|c| c.id).collect::<Vec<_>>(),
        [next_week.id]
    );
    assert_eq!(d.upcoming_follow_ups[0].title, "Send recipes");
    assert_eq!(d.overdue_follow_ups[0].title, "Check labs");
    let leads: Vec<_> = d.leads_without_consult.iter().map(|c| c.id).collect();
    assert_eq!(leads, [lead.id], "a lead with a call booked is not listed");
    let quiet_ones: Vec<_> = d.not_seen_recently.iter().map(|n| n.client.id).collect();
    assert_eq!(quiet_ones, [quiet.id], "seen 14 days ago is recent enough");
    assert_eq!(d.not_seen_recently[0].last_seen, None);
}

/// "Not seen recently" reads the date of her last completed consult from her row (migration
/// 14): it follows every change to her consults, and the list keeps its order (never seen
/// first, then longest ago, then by name).
#[test]
fn not_seen_recently_follows_every_change_to_her_consults() {
    let (_dir, db) = store();
    let now = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 12, 1, 9, 0, 0)
        .unwrap();
    let active = |name: &str| {
        let mut input = ClientInput::named(name);
        input.status = ClientStatus::Active;
        clients::create(&db, &input).unwrap()
    };
    let zoe = active("Zoë Walker");
    let renee = active("Renée Côté");
    let li = active("李小龙");
    let set = |consult: &consults::Consult, at: &str, status: ConsultStatus| {
        let change = ConsultChange {
            kind: consult.kind,
            scheduled_at: at.into(),
            duration_minutes: 60,
            status,
        };
        consults::update(&db, consult.id, &change).unwrap()
    };
    let quiet = || {
        dashboard::at(&db, &now)
            .unwrap()
            .not_seen_recently
            .into_iter()
            .map(|n| (n.client.name, n.last_seen))
            .collect::<Vec<_>>()
    };
    let long_ago = "2026-09-01T10:00:00.000Z";
    let old = follow_up(&db, renee.id, long_ago);
    set(&old, long_ago, ConsultStatus::Completed);
    let seen = |at: &str| Some(at.to_owned());
    assert_eq!(
        quiet(),
        [
            ("Zoë Walker".to_owned(), None),
            ("李小龙".to_owned(), None),
            ("Renée Côté".to_owned(), seen(long_ago)),
        ],
        "never seen first, by name; then the longest ago"
    );

    // A recent completed consult takes her off the list; marked a no-show, it no longer counts.
    let recent = follow_up(&db, renee.id, "2026-11-20T10:00:00.000Z");
    set(
        &recent,
        "2026-11-20T10:00:00.000Z",
        ConsultStatus::Completed,
    );
    assert_eq!(quiet().len(), 2);
    set(&recent, "2026-11-20T10:00:00.000Z", ConsultStatus::NoShow);
    assert_eq!(quiet()[2], ("Renée Côté".to_owned(), seen(long_ago)));

    // Moved to another day, the date follows; one booked but not held does not count.
    let moved = "2026-10-15T10:00:00.000Z";
    set(&old, moved, ConsultStatus::Completed);
    follow_up(&db, li.id, "2026-11-25T10:00:00.000Z");
    assert_eq!(
        quiet(),
        [
            ("Zoë Walker".to_owned(), None),
            ("李小龙".to_owned(), None),
            ("Renée Côté".to_owned(), seen(moved)),
        ]
    );
    // Seen once on a day long ago, Zoë comes before Renée (the longest ago first).
    let zoe_once = follow_up(&db, zoe.id, long_ago);
    set(&zoe_once, long_ago, ConsultStatus::Completed);
    assert_eq!(quiet()[1], ("Zoë Walker".to_owned(), seen(long_ago)));

    // Erased, her consults go with her and the others are as they were.
    clients::erase(&db, zoe.id, "Zoë Walker").unwrap();
    assert_eq!(
        quiet(),
        [
            ("李小龙".to_owned(), None),
            ("Renée Côté".to_owned(), seen(moved)),
        ]
    );
}

#[test]
fn consults_and_follow_ups_land_on_the_timeline() {
    let (_dir, db) = store();
    let client = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    let consult = free_consult(&db, client.id, "2026-11-25T10:00:00Z");
    // A shorter call than booked and its status, changed at once: one timeline entry.
    complete(&db, &consult, 30);
    clients::set_status(&db, client.id, ClientStatus::Active).unwrap();
    let f = follow_ups::create(
        &db,
        &FollowUpInput {
            client_id: client.id,
            title: "Email the plan".into(),
            due_date: Some("2026-11-26".into()),
        },
    )
    .unwrap();
    follow_ups::set_done(&db, f.id, true).unwrap();

    let events = timeline::for_client(&db, client.id).unwrap();
    let summaries: Vec<_> = events.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(summaries[0], "Follow-up done: Email the plan");
    assert_eq!(
        summaries[1],
        "Follow-up added: Email the plan (due Thu 26 Nov 2026)"
    );
    assert_eq!(summaries[2], "Status changed from Consult booked to Active");
    assert_eq!(summaries[3], "Free consult call completed");
    assert_eq!(events[3].consult_id, Some(consult.id));
    assert_eq!(summaries[4], "Status changed from Lead to Consult booked");
    assert!(summaries[5].starts_with("Free consult call booked for "));
    assert_eq!(summaries[6], "Added as Lead");
}

/// The search indexes hold exactly the words of the records they read them from: every
/// (word, row, column, position) the notes' and records' index lists is one a fresh index of
/// them lists, and the other way round; the same for the trigrams of the clients' keys. FTS5's
/// own 'integrity-check' checks their structure besides.
pub fn assert_search_index_agrees(path: &std::path::Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(
        "INSERT INTO search_index (search_index) VALUES ('integrity-check');
         INSERT INTO client_keys (client_keys) VALUES ('integrity-check');
         CREATE VIRTUAL TABLE temp.fresh USING fts5 (
             title, body, content = '', tokenize = 'unicode61 remove_diacritics 2');
         INSERT INTO temp.fresh (rowid, title, body) SELECT * FROM search_source;
         CREATE VIRTUAL TABLE temp.fresh_keys USING fts5 (
             search_key, content = '', tokenize = 'trigram');
         INSERT INTO temp.fresh_keys (rowid, search_key) SELECT id, search_key FROM clients;
         CREATE TEMP VIEW kept_words AS
             SELECT 'n', * FROM temp.kept_note_words UNION ALL SELECT 'k', * FROM temp.kept_keys;
         CREATE TEMP VIEW fresh_words AS
             SELECT 'n', * FROM temp.fresh_note_words UNION ALL SELECT 'k', * FROM temp.fresh_trigrams;
         CREATE VIRTUAL TABLE temp.kept_note_words USING fts5vocab (main, search_index, instance);
         CREATE VIRTUAL TABLE temp.fresh_note_words USING fts5vocab (temp, fresh, instance);
         CREATE VIRTUAL TABLE temp.kept_keys USING fts5vocab (main, client_keys, instance);
         CREATE VIRTUAL TABLE temp.fresh_trigrams USING fts5vocab (temp, fresh_keys, instance);",
    )
    .expect("the search indexes are whole");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let words = count("SELECT count(*) FROM temp.fresh_words");
    assert!(words > 0, "the records have words");
    let stale = count(
        "SELECT count(*) FROM (
             SELECT * FROM temp.kept_words EXCEPT SELECT * FROM temp.fresh_words)",
    );
    let missing = count(
        "SELECT count(*) FROM (
             SELECT * FROM temp.fresh_words EXCEPT SELECT * FROM temp.kept_words)",
    );
    assert_eq!(
        (stale, missing),
        (0, 0),
        "words indexed that the records no longer hold, and words of the records not indexed"
    );
}

#[test]
fn each_note_is_stored_once_and_its_history_keeps_every_text() {
    let (dir, db) = store();
    let path = dir.path().join(DATABASE_FILE);
    let zoe = clients::create(&db, &ClientInput::named("Zoë 李小龙")).unwrap();
    let consult = follow_up(&db, zoe.id, "2026-11-25T10:00:00Z");
    let hits = |words: &str| -> Vec<i64> {
        search::search(&db, words)
            .unwrap()
            .into_iter()
            .filter(|h| h.kind == search::SearchKind::Consult)
            .map(|h| h.id)
            .collect()
    };
    let mut sections = consult.sections.clone();
    // Spaces around a text, and a section of nothing but white space (its heading, "Diet",
    // is not a word of the note).
    sections[0].body = "  Fatigue after gluten, 疲劳\u{a0}".into();
    sections[1].body = " \n\t\u{3000}".into();
    consults::save_notes(&db, consult.id, &sections, true).unwrap();
    sections[0].body = "Energy back with bone broth 🍲".into();
    consults::save_notes(&db, consult.id, &sections, false).unwrap();
    sections[2].body = "Walks daily".into();
    let saved = consults::save_notes(&db, consult.id, &sections, false).unwrap();
    assert_eq!(
        saved.revision_count, 2,
        "the last two saves are one revision"
    );

    let history = consults::revisions(&db, consult.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[0].sections, sections,
        "the newest is the current text"
    );
    assert_eq!(
        history[1].sections[0].body,
        "  Fatigue after gluten, 疲劳\u{a0}"
    );
    assert_eq!(hits("bone broth"), vec![consult.id]);
    assert_eq!(hits("walks"), vec![consult.id]);
    assert!(hits("gluten").is_empty(), "only the current text is found");
    assert!(hits("diet").is_empty(), "an empty section's heading is not");
    let snippet = &search::search(&db, "broth").unwrap()[0].snippet;
    assert!(
        snippet.iter().any(|p| p.hit && p.text == "broth"),
        "{snippet:?}"
    );

    // Bringing back the first text keeps the one it replaces.
    consults::restore_revision(&db, consult.id, history[1].id).unwrap();
    let history = consults::revisions(&db, consult.id).unwrap();
    let firsts: Vec<&str> = history
        .iter()
        .map(|r| r.sections[0].body.as_str())
        .collect();
    assert_eq!(
        firsts,
        [
            "  Fatigue after gluten, 疲劳\u{a0}",
            "Energy back with bone broth 🍲",
            "  Fatigue after gluten, 疲劳\u{a0}"
        ]
    );
    assert_eq!(hits("gluten"), vec![consult.id]);
    assert_eq!(hits("疲劳"), vec![consult.id]);
    assert!(hits("broth").is_empty());

    // On disk: the consult's sections are the only copy of the current text (no plain-text
    // column, no copy in the index, the newest revision stores nothing of it).
    let conn = rusqlite::Connection::open(&path).unwrap();
    let columns: Vec<String> =
        crate::column(&conn, "SELECT name FROM pragma_table_info('consults')", []);
    assert!(!columns.iter().any(|c| c == "notes_text"), "{columns:?}");
    let stored: Vec<String> = crate::column(
        &conn,
        "SELECT sections FROM note_revisions WHERE consult_id = ?1 ORDER BY id",
        [consult.id],
    );
    assert_eq!(stored.len(), 3);
    assert!(stored[0].contains("gluten") && stored[1].contains("broth"));
    assert_eq!(stored[2], "", "the newest revision's text is the consult's");
    let copies = crate::number(
        &conn,
        "SELECT count(*) FROM sqlite_schema WHERE name = 'search_index_content'",
        [],
    );
    assert_eq!(copies, 0, "the index keeps no copy of the notes");
    drop(conn);
    assert_search_index_agrees(&path);

    // Her record changed, a second client, then erased: the index still agrees.
    let mut input = ClientInput::named("Zoë 李小龙");
    input.goals = "Less fog, more walks".into();
    clients::update(&db, zoe.id, &input).unwrap();
    assert!(search::search(&db, "fog")
        .unwrap()
        .iter()
        .any(|h| h.kind == search::SearchKind::Client && h.id == zoe.id));
    let renee = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    follow_up(&db, renee.id, "2026-11-26T10:00:00Z");
    assert_search_index_agrees(&path);
    clients::erase(&db, zoe.id, "zoe 李小龙").unwrap();
    assert!(hits("gluten").is_empty());
    assert_search_index_agrees(&path);
}
