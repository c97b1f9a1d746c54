//! No network, proven from the files that decide it: the window's Content Security Policy
//! allows no remote origin, and the capabilities grant the web view nothing beyond
//! CoachDesk's own events. (`make test` also checks that the app links no HTTP client.)

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What each directive may name: the app itself, inline styles, `data:` images (the logo
/// preview) and the IPC channel. Nothing that reaches another machine.
fn allowed(directive: &str, source: &str) -> bool {
    match source {
        "'self'" | "'none'" => true,
        "'unsafe-inline'" => directive == "style-src",
        "data:" => directive == "img-src",
        "ipc:" | "http://ipc.localhost" => directive == "connect-src",
        _ => false,
    }
}

#[test]
fn the_content_security_policy_allows_no_remote_origin() {
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap())
            .unwrap();
    let security = &config["app"]["security"];
    let csp = security["csp"]
        .as_str()
        .expect("a CSP is set, not left to the default");
    assert!(
        security
            .get("dangerousDisableAssetCspModification")
            .is_none(),
        "Tauri adds its own hashes and nonces to the CSP"
    );
    let mut directives = Vec::new();
    for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let mut words = directive.split_whitespace();
        let name = words.next().unwrap();
        directives.push(name.to_owned());
        for source in words {
            assert!(
                allowed(name, source),
                "{name} allows {source}: the window could reach beyond the app"
            );
        }
    }
    for needed in [
        "default-src",
        "connect-src",
        "object-src",
        "base-uri",
        "form-action",
    ] {
        assert!(
            directives.iter().any(|d| d == needed),
            "no {needed} in the CSP"
        );
    }
    assert_eq!(config["app"]["withGlobalTauri"], false);
    // The window loads the app's own files, never a URL.
    for window in config["app"]["windows"].as_array().unwrap() {
        assert!(window.get("url").is_none_or(|u| {
            let u = u.as_str().unwrap_or_default();
            !u.contains("://")
        }));
    }

    // The check itself refuses what it should.
    assert!(!allowed("connect-src", "https://example.com"));
    assert!(!allowed("img-src", "https:"));
    assert!(!allowed("default-src", "*"));
    assert!(!allowed("script-src", "'unsafe-inline'"));
}

#[test]
fn the_web_view_is_granted_only_its_own_events() {
    let folder = root().join("src-tauri/capabilities");
    let mut files = 0;
    for entry in std::fs::read_dir(&folder).unwrap().flatten() {
        let path = entry.path();
        let text = std::fs::read_to_string(&path).unwrap();
        let capability: serde_json::Value = serde_json::from_str(&text).unwrap();
        files += 1;
        assert!(
            capability.get("remote").is_none(),
            "{}: remote pages are never given IPC",
            path.display()
        );
        for permission in capability["permissions"].as_array().unwrap() {
            let name = permission
                .as_str()
                .unwrap_or_else(|| panic!("{}: scoped permissions are not needed", path.display()));
            assert!(
                matches!(
                    name,
                    "core:event:allow-listen" | "core:event:allow-unlisten"
                ),
                "{}: {name} grants the web view more than CoachDesk needs",
                path.display()
            );
        }
    }
    assert_eq!(files, 1, "one capability file, for the main window");
}

mod input {
    use coachdesk_core::articles;
    use coachdesk_core::clients::{self, ClientInput};
    use coachdesk_core::handouts::{self, HandoutBlock, HandoutDraft};
    use coachdesk_core::labs::{self, LabInput};
    use coachdesk_core::search;

    use crate::progress::practice;

    #[test]
    fn one_line_fields_refuse_bidi_overrides_and_zero_width_spaces() {
        let p = practice();
        for sneaky in [
            "Zoë\u{202E}fdp.exe",
            "Ana\u{200B}",
            "Ren\u{2066}ée",
            "\u{FEFF}Mia",
        ] {
            let err = clients::create(&p.db, &ClientInput::named(sneaky)).unwrap_err();
            assert!(
                err.to_string().contains("invisible character"),
                "{sneaky:?}"
            );
        }
        // Emoji sequences and scripts that need joiners are kept.
        let ok = clients::create(&p.db, &ClientInput::named("Zoë 👩‍⚕️ می‌خواهم")).unwrap();
        assert_eq!(ok.name, "Zoë 👩‍⚕️ می‌خواهم");
        // A name typed in decomposed form is stored composed.
        let decomposed = clients::create(&p.db, &ClientInput::named("Rene\u{301}e")).unwrap();
        assert_eq!(decomposed.name, "Renée");
        assert_eq!(decomposed.name.chars().count(), 5);
        let mut tagged = ClientInput::named("Tia");
        tagged.tags = vec!["AIP\u{202D}".into()];
        assert!(clients::create(&p.db, &tagged).is_err());
    }

    #[test]
    fn stored_text_cannot_forge_a_search_highlight() {
        let p = practice();
        let text = "Broth basics\n\nA \u{2}forged\u{3} highlight about leaky gut.";
        let preview = articles::preview_pasted(&p.db, text).unwrap();
        let saved = articles::commit(&p.db, &[preview.drafts[0].draft.clone()]).unwrap();
        let article = articles::get(&p.db, saved[0].id).unwrap();
        let all: String = article
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.clone())
            .collect();
        assert!(!all.contains('\u{2}') && !all.contains('\u{3}'), "{all:?}");
        let hits = search::search(&p.db, "leaky").unwrap();
        for hit in hits {
            for part in hit.snippet {
                if part.hit {
                    assert!(!part.text.contains("forged"), "{part:?}");
                }
            }
        }
    }

    #[test]
    fn a_handout_has_a_bounded_number_of_blocks() {
        let p = practice();
        let draft = HandoutDraft {
            title: "Many".into(),
            client_id: None,
            blocks: vec![HandoutBlock::Disclaimer; handouts::MAX_BLOCKS + 1],
        };
        let err = handouts::resolve(&p.db, &draft).unwrap_err().to_string();
        assert!(err.contains("at most 200 blocks"), "{err}");
    }

    #[test]
    fn lab_files_are_checked_in_core_not_only_in_the_dialog() {
        let p = practice();
        let her = clients::create(&p.db, &ClientInput::named("Ana")).unwrap();
        let lab = labs::add(
            &p.db,
            &LabInput {
                client_id: her.id,
                name: "Ferritin".into(),
                taken_on: "2026-10-12".into(),
                summary: String::new(),
            },
        )
        .unwrap();
        let dir = p.dir.path();
        let cases = [
            (
                "run.sh",
                b"#!/bin/sh\necho hi".as_slice(),
                "not a kind of file",
            ),
            ("report.pdf", b"\x7fELF\x02\x01".as_slice(), "is a program"),
            ("scan.png", b"MZ\x90\x00".as_slice(), "is a program"),
        ];
        for (name, bytes, expected) in cases {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            let err = labs::attach(&p.db, lab.id, &[path])
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{name}: {err}");
        }
        // A long name is capped in bytes and keeps its extension.
        let long = dir.join(format!("{}.pdf", "Ergebnis-Blütbild-".repeat(12)));
        std::fs::write(&long, b"%PDF-1.4 x").unwrap();
        let attached = labs::attach(&p.db, lab.id, &[long]).unwrap();
        let name = &attached.files[0].original_name;
        assert!(name.len() <= 200 && name.ends_with(".pdf"), "{name}");
        assert!(labs::for_client(&p.db, her.id).unwrap()[0].files.len() == 1);
    }
}
