//! The clients area as the coach uses it, on a real temp-file database.

use coachdesk_core::clients::{self, ClientInput, ClientQuery, ClientSort, ClientStatus, MsType};
use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::timeline::{self, TimelineKind};
use coachdesk_core::Error;

fn store() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
    (dir, db)
}

fn search(db: &Db, text: &str) -> Vec<String> {
    let query = ClientQuery {
        search: text.into(),
        ..ClientQuery::default()
    };
    clients::list(db, &query)
        .unwrap()
        .clients
        .into_iter()
        .map(|c| c.name)
        .collect()
}

#[test]
fn story_of_a_client_from_lead_to_active_archived_and_restored() {
    let (_dir, db) = store();
    let mut input = ClientInput::named("Renée Côté");
    input.email = "renee@example.com".into();
    input.tags = vec!["AIP".into(), "RRMS".into()];
    input.ms_type = MsType::Rrms;
    input.diagnosis_year = Some(2019);
    let renee = clients::create(&db, &input).unwrap();
    clients::create(&db, &ClientInput::named("Zoë Martin")).unwrap();

    assert_eq!(renee.tags, ["AIP", "RRMS"]);
    assert_eq!(search(&db, "ren"), ["Renée Côté"]);
    assert_eq!(
        search(&db, "RENEE cote"),
        ["Renée Côté"],
        "case and accents are ignored"
    );
    assert_eq!(search(&db, "rrms"), ["Renée Côté"], "tags are searched");
    assert_eq!(
        search(&db, "example.com"),
        ["Renée Côté"],
        "email is searched"
    );
    assert_eq!(search(&db, "zo"), ["Zoë Martin"]);
    assert!(search(&db, "nobody").is_empty());

    let active = clients::set_status(&db, renee.id, ClientStatus::Active).unwrap();
    assert_eq!(active.status, ClientStatus::Active);
    let query = ClientQuery {
        status: Some(ClientStatus::Active),
        ..ClientQuery::default()
    };
    let page = clients::list(&db, &query).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(
        page.status_counts.len(),
        2,
        "chips count every status of the search"
    );

    clients::archive(&db, renee.id).unwrap();
    assert_eq!(
        search(&db, ""),
        ["Zoë Martin"],
        "archived clients leave the current list"
    );
    let archived = ClientQuery {
        archived: true,
        ..ClientQuery::default()
    };
    assert_eq!(
        clients::list(&db, &archived).unwrap().clients[0].name,
        "Renée Côté"
    );
    let restored = clients::restore(&db, renee.id).unwrap();
    assert_eq!(restored.archived_at, None);
    assert_eq!(
        restored.status,
        ClientStatus::Active,
        "restoring keeps her status"
    );

    let kinds: Vec<_> = timeline::for_client(&db, renee.id)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            TimelineKind::Restored,
            TimelineKind::Archived,
            TimelineKind::StatusChanged,
            TimelineKind::Created
        ]
    );
    let events = timeline::for_client(&db, renee.id).unwrap();
    assert_eq!(events[2].summary, "Status changed from Lead to Active");
}

#[test]
fn sorting_and_paging() {
    let (_dir, db) = store();
    for name in ["charlie", "Émilie", "alice", "Bea", "dora"] {
        clients::create(&db, &ClientInput::named(name)).unwrap();
    }
    let names = |sort, offset, limit| {
        let q = ClientQuery {
            sort,
            offset,
            limit,
            ..ClientQuery::default()
        };
        clients::list(&db, &q)
            .unwrap()
            .clients
            .into_iter()
            .map(|c| c.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(ClientSort::Name, 0, 50),
        ["alice", "Bea", "charlie", "dora", "Émilie"]
    );
    assert_eq!(names(ClientSort::Name, 2, 2), ["charlie", "dora"]);
    assert_eq!(names(ClientSort::Created, 0, 2), ["dora", "Bea"]);
}

#[test]
fn erasing_needs_the_exact_name_and_then_removes_everything() {
    let (_dir, db) = store();
    let zoe = clients::create(&db, &ClientInput::named("Zoë 李小龙 🌿")).unwrap();
    let err = clients::erase(&db, zoe.id, "Zoe").unwrap_err();
    assert!(matches!(err, Error::Invalid(_)));
    assert!(
        clients::get(&db, zoe.id).is_ok(),
        "a wrong name erases nothing"
    );

    clients::erase(&db, zoe.id, "Zoë 李小龙 🌿").unwrap();
    assert!(matches!(
        clients::get(&db, zoe.id),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        timeline::for_client(&db, zoe.id),
        Err(Error::NotFound { .. })
    ));
    assert!(search(&db, "zo").is_empty());
    let next = clients::create(&db, &ClientInput::named("Next")).unwrap();
    assert!(next.id > zoe.id, "ids are never reused");
}

#[test]
fn a_ten_thousand_character_name_is_refused_clearly_and_nothing_is_saved() {
    let (_dir, db) = store();
    let err = clients::create(&db, &ClientInput::named(&"A".repeat(10_000))).unwrap_err();
    assert_eq!(
        err.to_string(),
        "A name can be at most 200 characters (this one has 10000)."
    );
    assert_eq!(err.fields()[0].field, "name");
    assert_eq!(
        clients::list(&db, &ClientQuery::default()).unwrap().total,
        0
    );
}

#[test]
fn an_invalid_edit_changes_nothing() {
    let (_dir, db) = store();
    let mut input = ClientInput::named("Renée Côté");
    input.email = "renee@example.com".into();
    let renee = clients::create(&db, &input).unwrap();
    input.name = "Renée C.".into();
    input.email = "renee-at-example".into();
    let err = clients::update(&db, renee.id, &input).unwrap_err();
    assert_eq!(err.fields()[0].field, "email");
    assert_eq!(clients::get(&db, renee.id).unwrap(), renee);
}

#[test]
fn awkward_text_is_stored_and_found_exactly() {
    let (_dir, db) = store();
    let names = [
        "Robert'); DROP TABLE clients;--",
        "Zoë 李小龙 🌿",
        "李小龙",
        "O'Brien \"Bee\" 100%_match\\",
        "👩🏽‍⚕️ Amara",
    ];
    for name in names {
        let mut input = ClientInput::named(name);
        input.notes = format!("Notes for {name}\nwith “quotes” — and é");
        input.tags = vec!["gut 🌱".into()];
        let saved = clients::create(&db, &input).unwrap();
        let loaded = clients::get(&db, saved.id).unwrap();
        assert_eq!(loaded.name, name);
        assert_eq!(loaded.notes, input.notes);
        assert_eq!(loaded.tags, ["gut 🌱"]);
    }
    assert_eq!(
        search(&db, "drop table"),
        ["Robert'); DROP TABLE clients;--"]
    );
    assert_eq!(search(&db, "李小"), ["Zoë 李小龙 🌿", "李小龙"]);
    assert_eq!(
        search(&db, "100%_"),
        ["O'Brien \"Bee\" 100%_match\\"],
        "wildcards are literal"
    );
    assert_eq!(search(&db, "%"), ["O'Brien \"Bee\" 100%_match\\"]);
    assert_eq!(search(&db, "🌿"), ["Zoë 李小龙 🌿"]);
    assert_eq!(
        clients::list(&db, &ClientQuery::default()).unwrap().total,
        5
    );
}

#[test]
fn binary_junk_in_a_name_is_refused() {
    let (_dir, db) = store();
    let err = clients::create(&db, &ClientInput::named("Zoë\u{0}\u{7}")).unwrap_err();
    assert_eq!(err.fields()[0].field, "name");
    assert!(err.to_string().contains("invisible characters"), "{err}");
}

#[test]
fn search_as_you_type_finds_the_same_clients_through_the_name_trigrams() {
    let (dir, db) = store();
    let names = [
        "Renée Côté",
        "Zoë Ångström",
        "李小龙",
        "Mary-Jane O'Neil",
        "Ann \"Nan\" Lee",
        "Siobhán Ní Bhriain 🌿",
    ];
    let mut ids = Vec::new();
    for i in 0..140 {
        let mut input = ClientInput::named(&format!("{} {i}", names[i % names.len()]));
        input.email = format!("client{i}@example.com");
        if i % 7 == 0 {
            input.tags = vec!["aip".into(), format!("group-{i}")];
        }
        if i % 11 == 0 {
            // Wildcards of SQL's GLOB and LIKE, which search takes as they are.
            input.tags.push(format!("*[vip]? {i}%_"));
        }
        ids.push(clients::create(&db, &input).unwrap().id);
    }
    for id in ids.iter().step_by(9) {
        clients::archive(&db, *id).unwrap();
    }
    let mut renamed = ClientInput::named("Zoë Ångström-Whitaker");
    renamed.email = "zoe.whitaker@example.com".into();
    clients::update(&db, ids[1], &renamed).unwrap();
    clients::erase(&db, ids[2], "李小龙 2").unwrap();

    let conn = rusqlite::Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    // What the list has always done: every current client's folded key tested, in name order.
    let scanned = |text: &str| -> Vec<i64> {
        crate::column(
            &conn,
            "SELECT id FROM clients WHERE archived_at IS NULL AND instr(search_key, ?1) > 0
             ORDER BY sort_name, id LIMIT 8",
            [coachdesk_core::text::fold(text.trim())],
        )
    };
    let needles = [
        // Few clients hold these (read through the trigrams)...
        "whitaker",
        "ZOË ÅNG",
        "ångström-w",
        "小龙 8",
        "李小龙",
        "o'neil 9",
        "\"nan\" lee 4",
        "🌿 1",
        "client13@",
        "group-14",
        "ée côté 12",
        " renee cote 1 ",
        "zzz",
        "e\"\"",
        // A control character cannot be part of an FTS5 string: tested in name order.
        "\u{0}aa",
        "ée\u{0}c",
        // ...many hold these (tested in name order), or they are too short for trigrams.
        "renée",
        "example.com",
        "aip",
        "@ex",
        "e",
        "12",
        "龙",
        // Wildcards count as themselves: short, long, held by a few or by none.
        "*",
        "?",
        "[",
        "]?",
        "[v",
        "%_",
        "*[vip]? 2",
        "e*e",
        "r?n",
        "[a-z]",
    ];
    let mut through_trigrams = 0;
    for needle in needles {
        let found: Vec<i64> = clients::matching(&db, needle, 8)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(found, scanned(needle), "{needle:?}");
        // Every client whose key holds the text (archived ones too), and the current ones.
        let (holders, current): (i64, i64) = conn
            .query_row(
                "SELECT count(*), count(*) FILTER (WHERE archived_at IS NULL) FROM clients
                 WHERE instr(search_key, ?1) > 0",
                [coachdesk_core::text::fold(needle.trim())],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        // The list screen finds the same clients, and counts every current one that holds it.
        let query = ClientQuery {
            search: needle.into(),
            limit: 8,
            ..ClientQuery::default()
        };
        let page = clients::list(&db, &query).unwrap();
        let listed: Vec<i64> = page.clients.iter().map(|c| c.id).collect();
        assert_eq!(listed, found, "{needle:?}");
        assert_eq!(page.total, current, "{needle:?}");
        if needle.trim().chars().count() >= 3 && holders <= 256 {
            through_trigrams += 1;
        }
    }
    assert!(through_trigrams >= 10, "{through_trigrams}");
    assert!(clients::matching(&db, "li xiao long 2", 8)
        .unwrap()
        .is_empty());
    drop(conn);
    crate::consults::assert_search_index_agrees(&dir.path().join(DATABASE_FILE));
}
