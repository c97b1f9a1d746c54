//! The store on real files: fresh, reopened, refused when newer, copied before migrating.

use coachdesk_core::clients::{self, ClientInput, ClientQuery, ClientStatus};
use coachdesk_core::db::{self, Db, DATABASE_FILE, SCHEMA_VERSION};
use coachdesk_core::Error;
use rusqlite::Connection;

fn version_of(path: &std::path::Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn a_fresh_database_is_created_in_wal_mode_at_the_latest_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder").join(DATABASE_FILE);
    let db = Db::open(&path).unwrap();
    assert!(path.exists());
    assert_eq!(
        db.pre_migration_copy(),
        None,
        "nothing to copy for a new file"
    );
    drop(db);
    assert_eq!(version_of(&path), SCHEMA_VERSION);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_keeps_everything_and_makes_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let db = Db::open(&path).unwrap();
    clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    drop(db);

    let db = Db::open(&path).unwrap();
    assert_eq!(db.pre_migration_copy(), None);
    assert!(
        db.checked_at_open(),
        "a small practice is read whole before it opens"
    );
    let page = clients::list(&db, &ClientQuery::default()).unwrap();
    assert_eq!(page.clients[0].name, "Renée Côté");
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        !files.iter().any(|f| f.to_string_lossy().ends_with(".bak")),
        "{files:?}"
    );
}

#[test]
fn a_database_from_a_newer_coachdesk_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    drop(Db::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = Db::open(&path).unwrap_err();
    assert!(matches!(err, Error::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1));
    let message = err.to_string();
    assert!(message.contains("newer version of CoachDesk"), "{message}");
    assert!(message.contains("not changed"), "{message}");

    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file must be left byte-identical"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.ends_with(".bak")),
        "no copy for a refused file: {names:?}"
    );
}

#[test]
fn a_file_that_is_not_a_coachdesk_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.db");
    std::fs::write(
        &garbage,
        b"\x00\x01 this is not sqlite at all \xff\xfe".repeat(100),
    )
    .unwrap();
    let before = std::fs::read(&garbage).unwrap();
    let err = Db::open(&garbage).unwrap_err();
    assert!(
        err.to_string().contains("is not a CoachDesk database"),
        "{err}"
    );
    assert_eq!(std::fs::read(&garbage).unwrap(), before);

    let other = dir.path().join("other-app.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (x TEXT)")
        .unwrap();
    let err = Db::open(&other).unwrap_err();
    assert!(
        err.to_string().contains("is not a CoachDesk database"),
        "{err}"
    );
}

#[test]
fn migrating_an_older_database_saves_a_copy_beside_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        // A database as version 1 of the schema left it, with a client in it.
        let mut conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        db::migrate(&mut conn, 1).unwrap();
        conn.execute(
            "INSERT INTO clients (name, email, created_at, updated_at)
             VALUES ('Zoë Ångström', 'zoe@example.com', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [],
        )
        .unwrap();
    }

    let db = Db::open(&path).unwrap();
    let copy = db.pre_migration_copy().expect("a copy was made").to_owned();
    assert_eq!(
        copy.parent(),
        path.parent(),
        "the copy sits beside the database"
    );
    assert!(copy
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("coachdesk.db.v1-"));
    assert_eq!(version_of(&copy), 1, "the copy is the database as it was");
    let copied: String = Connection::open(&copy)
        .unwrap()
        .query_row("SELECT name FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(copied, "Zoë Ångström");

    // The migrated database finds her by her accent-free name: keys were computed in Rust.
    let query = ClientQuery {
        search: "zoe angst".into(),
        ..ClientQuery::default()
    };
    assert_eq!(clients::list(&db, &query).unwrap().total, 1);
    drop(db);
    assert_eq!(version_of(&path), SCHEMA_VERSION);
}

#[test]
fn schema_matches_the_committed_snapshot() {
    let db = Db::open_in_memory().unwrap();
    crate::assert_matches_file(
        "tests/integration/snapshots/schema.snap",
        &db::schema_snapshot(&db).unwrap(),
        "UPDATE_SNAPSHOTS=1 cargo test --test integration",
    );
}

/// The older text and the current text of the note `version_10_practice` writes.
pub const OLDER_NOTE: &str = r#"[{"heading":"Diet","body":"Started the elimination phase"}]"#;
pub const CURRENT_NOTE: &str =
    r#"[{"heading":"Diet","body":"Sweet potato reintroduced"},{"heading":"Wins","body":"  "}]"#;

/// A practice as schema version 10 left it, on `conn` (plain or encrypted): Renée Côté, a note
/// saved twice (the sections, their plain text, and two revisions, the newest a copy of the
/// sections), and 300 more notes of about 1 KB, each saved once.
pub fn version_10_practice(conn: &mut Connection) {
    let now = "2026-11-01T09:00:00.000Z";
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    db::migrate(conn, 10).unwrap();
    conn.execute(
        "INSERT INTO clients (name, goals, created_at, updated_at)
         VALUES ('Renée Côté', 'calmer gut', ?1, ?1)",
        [now],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO consults (client_id, kind, scheduled_at, duration_minutes, status,
            template_name, sections, notes_text, notes_updated_at, created_at, updated_at)
         VALUES (1, 'follow_up', ?1, 60, 'completed', 'Coaching session', ?2,
            'Diet' || char(10) || 'Sweet potato reintroduced' || char(10, 10), ?1, ?1, ?1)",
        rusqlite::params![now, CURRENT_NOTE],
    )
    .unwrap();
    for sections in [OLDER_NOTE, CURRENT_NOTE] {
        conn.execute(
            "INSERT INTO note_revisions (consult_id, sections, started_at, saved_at, sealed)
             VALUES (1, ?1, ?2, ?2, 1)",
            rusqlite::params![sections, now],
        )
        .unwrap();
    }
    conn.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
         INSERT INTO consults (client_id, kind, scheduled_at, duration_minutes, status,
            template_name, sections, notes_text, notes_updated_at, created_at, updated_at)
         SELECT 1, 'follow_up', '2026-10-01T09:00:00.000Z', 60, 'completed', 'Coaching session',
            json_array(json_object('heading', 'Diet', 'body', 'note ' || i || ' ' || hex(randomblob(500)))),
            'x', '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z'
         FROM n;
         UPDATE consults SET notes_text = 'Diet' || char(10) || json_extract(sections, '$[0].body') || char(10, 10)
            WHERE id > 1;
         INSERT INTO note_revisions (consult_id, sections, started_at, saved_at, sealed)
            SELECT id, sections, created_at, created_at, 1 FROM consults WHERE id > 1;",
    )
    .unwrap();
}

#[test]
fn an_upgrade_stores_each_note_once_and_finds_and_keeps_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    version_10_practice(&mut Connection::open(&path).unwrap());

    let db = Db::open(&path).unwrap();
    let copy = db.pre_migration_copy().expect("a copy was made").to_owned();
    // The date of her last completed consult is on her row after the upgrade (migration 14).
    use chrono::TimeZone;
    clients::set_status(&db, 1, ClientStatus::Active).unwrap();
    let later = chrono::Utc.with_ymd_and_hms(2027, 1, 4, 9, 0, 0).unwrap();
    let quiet = coachdesk_core::dashboard::at(&db, &later).unwrap();
    assert_eq!(
        quiet.not_seen_recently[0].last_seen.as_deref(),
        Some("2026-11-01T09:00:00.000Z")
    );
    let found = |words: &str| {
        coachdesk_core::search::search(&db, words)
            .unwrap()
            .into_iter()
            .filter(|h| h.kind != coachdesk_core::search::SearchKind::Protocol)
            .map(|h| (h.kind, h.id))
            .collect::<Vec<_>>()
    };
    use coachdesk_core::search::SearchKind;
    assert_eq!(found("sweet potato"), [(SearchKind::Consult, 1)]);
    assert_eq!(found("calmer"), [(SearchKind::Client, 1)]);
    assert!(
        found("elimination").is_empty(),
        "an older text is not searched"
    );
    assert!(found("wins").is_empty(), "nor an empty section's heading");
    let history = coachdesk_core::consults::revisions(&db, 1).unwrap();
    let texts: Vec<&str> = history
        .iter()
        .map(|r| r.sections[0].body.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Sweet potato reintroduced", "Started the elimination phase"]
    );
    drop(db);

    let conn = Connection::open(&path).unwrap();
    let stored: Vec<String> =
        crate::column(&conn, "SELECT sections FROM note_revisions ORDER BY id", []);
    assert_eq!(
        &stored[..2],
        [OLDER_NOTE, ""],
        "the copy of the current text is gone"
    );
    assert!(stored[2..].iter().all(String::is_empty));
    // The file was rewritten with only what is in use: no freed page (none keeps words), and
    // smaller than the copy of the practice as it was.
    let free: i64 = conn
        .pragma_query_value(None, "freelist_count", |r| r.get(0))
        .unwrap();
    assert_eq!(free, 0);
    let settings = crate::number(
        &conn,
        "SELECT count(*) FROM search_index_config WHERE k = 'hashsize'",
        [],
    );
    assert_eq!(settings, 0, "the index's fill-time setting is not kept");
    drop(conn);
    let size = |p: &std::path::Path| std::fs::metadata(p).unwrap().len();
    assert!(
        size(&path) * 10 < size(&copy) * 7,
        "{} bytes upgraded, {} before",
        size(&path),
        size(&copy)
    );
    crate::consults::assert_search_index_agrees(&path);
}

#[test]
fn a_practice_stays_readable_by_the_systems_sqlite3() {
    // Her data is hers: the sqlite3 of the system (Debian 12's is 3.40, older than the SQLite
    // CoachDesk is built with) opens the file, reads her records and searches her notes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let db = Db::open(&path).unwrap();
    let renee = clients::create(&db, &ClientInput::named("Renée Côté")).unwrap();
    let consult = coachdesk_core::consults::create(
        &db,
        &coachdesk_core::consults::ConsultInput::follow_up(renee.id, "2026-11-25T10:00:00Z", 45),
    )
    .unwrap();
    let mut sections = consult.sections.clone();
    sections[0].body = "Quinoa porridge most mornings".into();
    coachdesk_core::consults::save_notes(&db, consult.id, &sections, true).unwrap();
    drop(db);
    let out = std::process::Command::new("sqlite3")
        .arg(&path)
        .arg(
            "SELECT name FROM clients;
             SELECT rowid FROM search_index WHERE search_index MATCH 'quinoa';
             SELECT rowid FROM client_keys WHERE client_keys MATCH 'cote';",
        )
        .output()
        .expect("sqlite3 is installed by make test");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("Renée Côté\n{}\n{}\n", 2 * consult.id + 1, renee.id)
    );
}

/// The names in `folder`, sorted.
fn names_in(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_upgrade_that_fails_leaves_the_practice_byte_identical_and_nothing_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let mut conn = Connection::open(&path).unwrap();
        version_10_practice(&mut conn);
        // A table in the way of migration 12, as a damaged or tampered file could hold.
        conn.execute_batch("CREATE TABLE client_keys (x)").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path).unwrap_err();
    assert!(matches!(err, Error::Migration { .. }), "{err:?}");
    assert!(std::fs::read(&path).unwrap() == before, "the file changed");
    assert_eq!(version_of(&path), 10);
    assert_eq!(names_in(dir.path()), [DATABASE_FILE]);
}

#[test]
fn what_an_upgrade_cut_short_left_goes_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    drop(Db::open(&path).unwrap());
    // A power cut during an upgrade leaves its copy and perhaps its half-written new file.
    for leftover in [".coachdesk.db.upgrading", ".coachdesk.db.upgraded"] {
        std::fs::write(dir.path().join(leftover), b"Renee Cote half copied").unwrap();
    }
    drop(Db::open(&path).unwrap());
    assert_eq!(names_in(dir.path()), [DATABASE_FILE]);
}

#[test]
fn an_upgrade_keeps_what_was_still_in_the_journal_and_the_files_privacy() {
    // What a crash leaves: the file and a journal (WAL) holding saves not yet written into it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let crashed = tempfile::tempdir().unwrap();
    {
        let mut conn = Connection::open(&path).unwrap();
        version_10_practice(&mut conn);
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute(
            "INSERT INTO clients (name, created_at, updated_at)
             VALUES ('Zoë 李小龙', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z')",
            [],
        )
        .unwrap();
        for name in [DATABASE_FILE, "coachdesk.db-wal"] {
            std::fs::copy(dir.path().join(name), crashed.path().join(name)).unwrap();
        }
    }
    let path = crashed.path().join(DATABASE_FILE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    assert!(
        std::fs::metadata(crashed.path().join("coachdesk.db-wal"))
            .unwrap()
            .len()
            > 0
    );

    let db = Db::open(&path).unwrap();
    let copy = db.pre_migration_copy().expect("a copy was made").to_owned();
    let names: Vec<String> = clients::list(&db, &ClientQuery::default())
        .unwrap()
        .clients
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Renée Côté", "Zoë 李小龙"]);
    drop(db);
    let kept: i64 = Connection::open(&copy)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM clients WHERE name = 'Zoë 李小龙'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 1, "the copy holds her too");
    assert_eq!(version_of(&copy), 10);
    assert_eq!(version_of(&path), SCHEMA_VERSION);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600, "the upgraded practice is hers alone");
        assert_eq!(mode(&copy), 0o600);
    }
}

#[test]
fn a_check_at_open_out_of_time_stops_and_the_practice_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    let db = Db::open(&path).unwrap();
    for n in 0..200 {
        clients::create(&db, &ClientInput::named(&format!("Renée Côté {n}"))).unwrap();
    }
    drop(db);
    let db = Db::open(&path).unwrap();
    assert!(db.checked_at_open());
    drop(db);
    // With no time for it, the check stops at once (the app then runs it in the background).
    let db = Db::open_checking_within(&path, None, std::time::Duration::ZERO).unwrap();
    assert!(!db.checked_at_open());
    assert_eq!(
        clients::list(&db, &ClientQuery::default()).unwrap().total,
        200
    );
}
