//! The IPC surface on Tauri's mock runtime: real commands over a real temp-file store.

use coachdesk_lib::AppState;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};

struct App {
    _dir: tempfile::TempDir,
    _app: tauri::App<tauri::test::MockRuntime>,
    webview: tauri::WebviewWindow<tauri::test::MockRuntime>,
}

fn app() -> App {
    app_on(tempfile::tempdir().unwrap())
}

/// The app on a data folder prepared by the test.
fn app_on(dir: tempfile::TempDir) -> App {
    let app = coachdesk_lib::setup(mock_builder())
        .manage(AppState::open(dir.path().to_owned(), false))
        .build(mock_context(noop_assets()))
        .unwrap();
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    App {
        _dir: dir,
        _app: app,
        webview,
    }
}

fn invoke(app: &App, cmd: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        &app.webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().unwrap())
}

fn client_input(name: &str, email: &str) -> Value {
    json!({
        "name": name, "preferredName": "", "email": email, "phone": "", "birthDate": null,
        "status": "lead", "tags": ["AIP"], "msType": "rrms", "diagnosisYear": 2019,
        "medications": "", "lastRelapse": null, "otherConditions": "", "allergies": "",
        "dietApproach": "", "supplements": "", "goals": "", "referralSource": "", "notes": ""
    })
}

#[test]
fn first_run_then_clients_through_ipc() {
    let app = app();
    assert_eq!(
        invoke(&app, "practice_get", json!({})).unwrap(),
        Value::Null
    );
    let practice = invoke(
        &app,
        "practice_create",
        json!({"input": {"practiceName": "Gut & Glow", "coachName": "Renée"}}),
    )
    .unwrap();
    assert_eq!(practice["practiceName"], "Gut & Glow");
    assert_eq!(practice["paperSize"], "letter");

    let client = invoke(
        &app,
        "clients_create",
        json!({"input": client_input("Zoë", "zoe@example.com")}),
    )
    .unwrap();
    let id = client["id"].as_i64().unwrap();
    assert_eq!(client["msType"], "rrms");

    let query = json!({"query": {"search": "zo", "status": null, "archived": false,
        "sort": "name", "offset": 0, "limit": 50}});
    let page = invoke(&app, "clients_list", query).unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["clients"][0]["tags"], json!(["AIP"]));

    let active = invoke(
        &app,
        "clients_set_status",
        json!({"id": id, "status": "active"}),
    )
    .unwrap();
    assert_eq!(active["status"], "active");
    let timeline = invoke(&app, "timeline_list", json!({"id": id})).unwrap();
    assert_eq!(timeline[0]["kind"], "status_changed");

    invoke(
        &app,
        "clients_erase",
        json!({"id": id, "confirmName": "  zoe ", "fromBackups": true}),
    )
    .unwrap();
    let err = invoke(&app, "clients_get", json!({"id": id})).unwrap_err();
    assert_eq!(err["code"], "not_found");
}

#[test]
fn validation_errors_cross_ipc_as_code_message_and_fields() {
    let app = app();
    let err = invoke(
        &app,
        "clients_create",
        json!({"input": client_input("Zoë", "zoe-at-home")}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["fields"][0]["field"], "email");
    assert!(err["message"].as_str().unwrap().contains("email address"));

    let err = invoke(
        &app,
        "practice_create",
        json!({"input": {"practiceName": "", "coachName": ""}}),
    )
    .unwrap_err();
    assert_eq!(err["fields"].as_array().unwrap().len(), 2);
}

/// A value of each argument type the commands take, as the window would send it.
fn sample(ty: &str) -> Value {
    let named = |v: Value| v;
    match ty {
        "number" => json!(1),
        "string" => json!("2026-12-02"),
        "boolean" => json!(false),
        t if t.ends_with(" | null") => Value::Null,
        "Array<number>" => json!([1]),
        t if t.starts_with("Array<") => json!([]),
        "ClientInput" => client_input("Zoë", ""),
        "ClientQuery" => {
            serde_json::to_value(coachdesk_core::clients::ClientQuery::default()).unwrap()
        }
        "ClientStatus" => json!("active"),
        "Theme" => json!("dark"),
        "ArticleDraft" => {
            serde_json::to_value(coachdesk_core::import::ArticleDraft::default()).unwrap()
        }
        "PracticeInput" => named(json!({
            "practiceName": "Gut & Glow", "coachName": "Renée", "credentials": "", "tagline": "",
            "email": "", "phone": "", "website": "", "bookingUrl": "", "brandColor": "#2F6F62",
            "paperSize": "a4", "disclaimer": "", "typographicQuotes": true
        })),
        "FirstRunInput" => json!({"practiceName": "Gut & Glow", "coachName": "Renée"}),
        "ConsultInput" => json!({
            "clientId": 1, "kind": "free_consult", "scheduledAt": "2026-12-02T09:00:00Z",
            "durationMinutes": 30, "template": "discovery"
        }),
        "ConsultChange" => json!({
            "kind": "free_consult", "scheduledAt": "2026-12-02T09:00:00Z",
            "durationMinutes": 30, "status": "scheduled"
        }),
        "TemplateKey" => json!("discovery"),
        "NoteTemplateInput" => json!({"name": "Discovery call", "headings": ["Goals"]}),
        "FollowUpInput" => json!({"clientId": 1, "title": "Call back", "dueDate": null}),
        "HandoutDraft" => json!({"title": "Broth", "clientId": null, "blocks": []}),
        "ProtocolDraft" => json!({"name": "AIP", "summary": "", "phases": []}),
        "AssignInput" => json!({"clientId": 1, "templateId": 1, "startDate": "2026-12-02"}),
        "ProtocolStep" => json!("advance"),
        "FoodInput" => json!({"name": "Eggs", "stage": 1, "notes": ""}),
        "LogInput" => json!({
            "clientId": 1, "foodId": 1, "onDate": "2026-12-02", "amount": "", "symptoms": "",
            "severity": 0, "outcome": "tolerated", "notes": ""
        }),
        "CheckInInput" => {
            json!({"clientId": 1, "onDate": "2026-12-02", "notes": "", "ratings": []})
        }
        "LabInput" => {
            json!({"clientId": 1, "name": "Vitamin D", "takenOn": "2026-12-02", "summary": ""})
        }
        other => panic!("no sample for {other}: add one to `sample` in commands.rs"),
    }
}

/// The commands that work without her practice open, and why.
const WITHOUT_THE_PRACTICE: &[(&str, &str)] = &[
    (
        "app_info",
        "the window shows where the practice file is, to help",
    ),
    (
        "app_first_screen",
        "the first screen may be the lock screen or the welcome",
    ),
    (
        "app_open_exported",
        "opens a file saved in this run (none here)",
    ),
    (
        "comfort_get",
        "text size works on the lock screen, before the practice opens",
    ),
    ("comfort_set_text_size", "likewise"),
    ("comfort_step_text_size", "likewise"),
    (
        "comfort_set_theme",
        "likewise: the colours of the lock screen too",
    ),
    (
        "encryption_lock_state",
        "the window asks it first, to show the lock screen or not",
    ),
    (
        "encryption_unlock",
        "the lock screen's button: it opens the practice itself",
    ),
    ("encryption_lock_now", "there is nothing open to lock"),
    (
        "handouts_bulk_cancel",
        "stops a running export; nothing to read",
    ),
    (
        "backups_recovery_list",
        "the backups to recover from are what a practice that cannot open needs",
    ),
    ("backups_recovery_restore", "likewise"),
];

/// Every registered command (read from the Rust signatures, as commands.ts is made) runs on
/// the mock runtime against a practice file that is not a database: each answers with the
/// reason in words ("not a CoachDesk database"), never a crash or a dialog, except the few
/// that work without the practice, which answer as they should.
#[test]
fn a_store_that_cannot_open_is_reported_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(coachdesk_core::db::DATABASE_FILE);
    std::fs::write(
        &path,
        b"not a database, just text that is long enough to be read".repeat(50),
    )
    .unwrap();
    let app = app_on(dir);
    let mut named = std::collections::BTreeSet::new();
    let signatures = crate::bindings::signatures(&mut named);
    assert!(signatures.len() > 100, "{} commands", signatures.len());
    for sig in &signatures {
        let args: serde_json::Map<String, Value> = sig
            .args
            .iter()
            .map(|(name, ty, _)| (name.clone(), sample(ty)))
            .collect();
        let answer = invoke(&app, &sig.name, Value::Object(args));
        let name = sig.name.as_str();
        if let Some((_, why)) = WITHOUT_THE_PRACTICE.iter().find(|(n, _)| *n == name) {
            if let Err(err) = &answer {
                assert!(
                    err["code"].is_string() && err["message"].is_string(),
                    "{name} ({why}) failed without a code and words: {err}"
                );
                assert_ne!(
                    err["code"], "wrong_file",
                    "{name}: {why}, but it read the store"
                );
            }
            continue;
        }
        let err = answer.expect_err(name);
        assert_eq!(err["code"], "wrong_file", "{name}: {err}");
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("not a CoachDesk database"),
            "{name}: {err}"
        );
    }
    let info = invoke(&app, "app_info", json!({})).unwrap();
    assert!(info["databasePath"]
        .as_str()
        .unwrap()
        .ends_with("coachdesk.db"));
    assert_eq!(
        invoke(&app, "encryption_lock_state", json!({})).unwrap()["locked"],
        false
    );
}

#[test]
fn only_files_coachdesk_saved_can_be_opened_from_the_window() {
    let app = app();
    let err = invoke(&app, "app_open_exported", json!({"path": "/etc/passwd"})).unwrap_err();
    assert_eq!(err["code"], "invalid");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("only opens files it has just saved"));
}

#[test]
fn backups_through_ipc_and_the_backup_at_quit() {
    let app = app();
    let status = invoke(&app, "backups_status", json!({})).unwrap();
    assert_eq!(status["overview"]["backups"], json!([]));
    // Nothing to back up before the first run: the automatic backup makes none.
    coachdesk_lib::automatic_backup(
        app._app.handle(),
        coachdesk_core::backups::BackupReason::AtQuit,
    );
    assert_eq!(
        invoke(&app, "backups_status", json!({})).unwrap()["overview"]["backups"],
        json!([])
    );

    invoke(
        &app,
        "practice_create",
        json!({ "input": { "practiceName": "Gut & Glow", "coachName": "Zoë 李小龙 🌿" } }),
    )
    .unwrap();
    // What RunEvent::Exit does when she closes the window: a backup, and the copies opened
    // in the system viewer go.
    let opened = coachdesk_core::files::opened_folder(app._dir.path()).join("7");
    std::fs::create_dir_all(&opened).unwrap();
    std::fs::write(opened.join("ferritin.pdf"), b"%PDF-1.4").unwrap();
    coachdesk_lib::at_quit(app._app.handle());
    assert!(!coachdesk_core::files::opened_folder(app._dir.path()).exists());
    let made = invoke(&app, "backups_create", json!({})).unwrap();
    assert_eq!(made["reason"], "manual");
    let backups = invoke(&app, "backups_status", json!({})).unwrap()["overview"]["backups"].clone();
    let reasons: Vec<&str> = backups
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["manual", "atQuit"]);

    let name = made["fileName"].as_str().unwrap();
    let checked = invoke(&app, "backups_check", json!({ "fileName": name })).unwrap();
    assert_eq!(checked["fileName"], name);
    // The window names a backup by file name only: no paths, nothing outside the folder.
    for bad in ["../coachdesk.db", "/etc/passwd", "x.txt", ""] {
        let err = invoke(&app, "backups_check", json!({ "fileName": bad })).unwrap_err();
        assert_eq!(err["code"], "invalid", "{bad}");
    }
    let restored = invoke(&app, "backups_restore", json!({ "fileName": name })).unwrap();
    assert_eq!(restored["beforeRestore"]["reason"], "beforeRestore");
    assert_eq!(
        invoke(&app, "practice_get", json!({})).unwrap()["coachName"],
        "Zoë 李小龙 🌿"
    );
}

#[test]
fn a_second_launch_hands_over_to_the_first_or_finds_the_folder_taken() {
    use coachdesk_lib::single_instance::{claim, listen, Claim};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let Claim::First(Some(lock)) = claim(dir.path()) else {
        panic!("the first launch takes the folder");
    };
    // Before the first one listens, a second finds the folder taken and nobody to answer.
    assert!(matches!(claim(dir.path()), Claim::Taken));
    let shown = Arc::new(AtomicUsize::new(0));
    let counter = shown.clone();
    listen(dir.path(), move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    assert!(matches!(claim(dir.path()), Claim::HandedOver));
    assert!(matches!(claim(dir.path()), Claim::HandedOver));
    assert_eq!(
        shown.load(Ordering::SeqCst),
        2,
        "the first window came forward twice"
    );
    // The store of the first is not opened a second time: AppState says it is in use...
    let second = AppState::open(dir.path().to_owned(), false);
    let err = second.db().unwrap_err();
    assert!(err.message.contains("already open"), "{}", err.message);
    drop(lock);
    // ...until the first has closed: then "Try again" opens it.
    assert!(second.db().is_ok());
    drop(second);
    // Once the first has quit, the next launch is the first again (a stale socket is fine).
    assert!(matches!(claim(dir.path()), Claim::First(Some(_))));
}

/// An encrypted practice through IPC: locked at start (every command says so, the lock state
/// does not), a wrong passphrase refused in words, the right one opens it; Lock now hides it
/// again until the passphrase; the first save dialog of the run says saved files are plain.
#[test]
fn an_encrypted_practice_opens_with_its_passphrase_and_locks_again() {
    use coachdesk_core::db::{Db, DATABASE_FILE};
    use coachdesk_core::keys::KdfCost;
    const PASSPHRASE: &str = "lake walks at dawn";

    let dir = tempfile::tempdir().unwrap();
    {
        let db = Db::open(&dir.path().join(DATABASE_FILE)).unwrap();
        crate::first_run(&db);
        coachdesk_core::encryption::turn_on(&db, PASSPHRASE, KdfCost::CHEAP_FOR_TESTS).unwrap();
    }
    let app = app_on(dir);
    let unlock = |secret: &str| invoke(&app, "encryption_unlock", json!({ "secret": secret }));
    let state = app._app.state::<AppState>();
    let lock = invoke(&app, "encryption_lock_state", json!({})).unwrap();
    assert_eq!(lock["encrypted"], true);
    assert_eq!(lock["locked"], true);
    let err = invoke(&app, "practice_get", json!({})).unwrap_err();
    assert_eq!(err["code"], "locked");
    assert!(!state.tell_plain_files_once(), "nothing is open yet");

    let err = unlock("lake walks at dusk").unwrap_err();
    assert_eq!(err["code"], "invalid");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("does not open this practice"));
    unlock(PASSPHRASE).unwrap();
    assert_eq!(
        invoke(&app, "practice_get", json!({})).unwrap()["practiceName"],
        "Gut & Glow"
    );
    let status = invoke(&app, "encryption_status", json!({})).unwrap();
    assert_eq!(status["on"], true);

    invoke(&app, "encryption_lock_now", json!({})).unwrap();
    assert_eq!(
        invoke(&app, "encryption_lock_state", json!({})).unwrap()["locked"],
        true
    );
    assert_eq!(
        invoke(&app, "practice_get", json!({})).unwrap_err()["code"],
        "locked"
    );
    unlock(PASSPHRASE).unwrap();
    assert_eq!(
        invoke(&app, "encryption_lock_state", json!({})).unwrap()["locked"],
        false
    );

    assert!(state.tell_plain_files_once());
    assert!(!state.tell_plain_files_once(), "once per run");
}
