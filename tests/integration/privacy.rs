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
