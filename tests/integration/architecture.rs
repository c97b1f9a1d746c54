//! The shape of the code, checked (issue #11): no circle of imports between core's modules,
//! and no file growing past the size a newcomer can read. Files already over the limit are
//! listed with their size today; they may shrink (and must leave the list once under the
//! limit) but never grow.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lines a core source file may have.
const CORE_LIMIT: usize = 600;
/// Lines a Svelte component may have.
const SVELTE_LIMIT: usize = 450;

/// Core files still over the limit, with the most lines each may have until it is split.
const CORE_OVER: &[(&str, usize)] = &[];

/// Svelte components still over the limit, likewise.
const SVELTE_OVER: &[(&str, usize)] = &[];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_owned()
}

/// Every file under `dir` whose name ends with `ext`, as (path relative to `dir`, text).
fn files(dir: &Path, ext: &str) -> Vec<(String, String)> {
    crate::files_under(dir)
        .into_iter()
        .filter(|path| path.to_string_lossy().ends_with(ext))
        .map(|path| {
            let rel = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// Which of core's top-level modules each one uses (`crate::x`), outside its tests.
fn core_imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let sources = files(&root().join("core/src"), ".rs");
    for (rel, text) in &sources {
        let top = rel
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_owned();
        if top == "lib" {
            continue;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let used = graph.entry(top.clone()).or_default();
        let mut words = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'));
        for word in words.by_ref() {
            if let Some(rest) = word.strip_prefix("crate::") {
                let name = rest.split("::").next().unwrap_or_default();
                if !name.is_empty() && name != top {
                    used.insert(name.to_owned());
                }
            }
        }
        // `use crate::{a, b::c}` names modules inside braces.
        for group in code.split("use crate::{").skip(1) {
            let inside = group.split('}').next().unwrap_or_default();
            for item in inside.split(',') {
                let name = item.trim().split("::").next().unwrap_or_default().trim();
                if !name.is_empty() && name != top && name != "self" {
                    used.insert(name.to_owned());
                }
            }
        }
    }
    let names: BTreeSet<String> = graph.keys().cloned().collect();
    for used in graph.values_mut() {
        used.retain(|u| names.contains(u));
    }
    graph
}

/// A path of imports from `from` to `to`, if there is one.
fn path_between(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
) -> Option<Vec<String>> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut todo = std::collections::VecDeque::from([from]);
    while let Some(m) = todo.pop_front() {
        if m == to {
            let mut path = vec![to.to_owned()];
            let mut at = to;
            while at != from {
                at = came_from[at];
                path.push(at.to_owned());
            }
            path.reverse();
            return Some(path);
        }
        for next in graph.get(m).into_iter().flatten() {
            if next != from && !came_from.contains_key(next.as_str()) {
                came_from.insert(next, m);
                todo.push_back(next);
            }
        }
    }
    None
}

#[test]
fn no_core_module_imports_one_that_imports_it_back() {
    let graph = core_imports();
    assert!(graph.len() > 20, "core's modules were found: {graph:?}");
    assert!(graph["handouts"].contains("documents"), "imports are read");
    let mut circles = Vec::new();
    for (module, used) in &graph {
        for u in used {
            if let Some(back) = path_between(&graph, u, module) {
                circles.push(format!("{module} → {}", back.join(" → ")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "core modules import each other in a circle (move the shared part into a module both \
         can use):\n{}",
        circles.join("\n")
    );
}

fn check_sizes(dir: &Path, ext: &str, limit: usize, over: &[(&str, usize)]) {
    let mut problems = Vec::new();
    let found = files(dir, ext);
    for (rel, text) in &found {
        let lines = text.lines().count();
        match over.iter().find(|(name, _)| name == rel) {
            Some((_, cap)) if lines > *cap => problems.push(format!(
                "{rel} has grown to {lines} lines (at most {cap} until it is split; the limit \
                 is {limit})"
            )),
            Some(_) if lines <= limit => problems.push(format!(
                "{rel} is down to {lines} lines: take it off the list of files over {limit}"
            )),
            None if lines > limit => problems.push(format!(
                "{rel} has {lines} lines, over the limit of {limit}: split it into parts with \
                 one job each"
            )),
            _ => {}
        }
    }
    for (name, _) in over {
        if !found.iter().any(|(rel, _)| rel == name) {
            problems.push(format!("{name} is listed but no longer exists"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_core_file_grows_past_the_limit() {
    check_sizes(&root().join("core/src"), ".rs", CORE_LIMIT, CORE_OVER);
}

#[test]
fn no_svelte_component_grows_past_the_limit() {
    check_sizes(&root().join("ui/src"), ".svelte", SVELTE_LIMIT, SVELTE_OVER);
}

/// Core modules that are machinery other modules use, not areas the window talks to.
const NOT_AREAS: &[&str] = &[
    "check",
    "db",
    "documents",
    "error",
    "files",
    "import",
    "keys",
    "legacy_files",
    "pdf",
    "properties",
    "text",
];

/// One name per area in every layer: each area of core has `src-tauri/src/commands/<area>.rs`
/// and `ui/src/lib/api/<area>.ts` (camelCase), each command module is an area of core (or the
/// app itself), and each command is named `<area>_<verb>`, with one verb set (no `add`,
/// `remove`, `new`, `save` of a record, `for_client`: `create`, `delete`, `update`, `list`).
#[test]
fn every_area_has_one_name_in_every_layer() {
    let root = root();
    let core: Vec<String> = core_imports()
        .into_keys()
        .filter(|m| !NOT_AREAS.contains(&m.as_str()))
        .collect();
    assert!(core.len() > 15, "{core:?}");
    let commands: Vec<String> = files(&root.join("src-tauri/src/commands"), ".rs")
        .into_iter()
        .map(|(rel, _)| rel.trim_end_matches(".rs").to_owned())
        .filter(|m| m != "mod")
        .collect();
    let api: Vec<String> = files(&root.join("ui/src/lib/api"), ".ts")
        .into_iter()
        .map(|(rel, _)| rel.trim_end_matches(".ts").to_owned())
        .filter(|m| !m.ends_with(".test"))
        .collect();
    let mut problems = Vec::new();
    for area in &core {
        if !commands.contains(area) {
            problems.push(format!(
                "core/src/{area} has no src-tauri/src/commands/{area}.rs"
            ));
        }
        if !api.contains(&crate::bindings::camel(area)) {
            problems.push(format!(
                "core/src/{area} has no ui/src/lib/api/{}.ts",
                crate::bindings::camel(area)
            ));
        }
    }
    for module in &commands {
        if module != "app" && !core.contains(module) {
            problems.push(format!(
                "src-tauri/src/commands/{module}.rs is not named after an area of core"
            ));
        }
    }
    let machinery = ["invoke", "types", "commands"];
    for module in &api {
        if !machinery.contains(&module.as_str())
            && !core.iter().any(|a| crate::bindings::camel(a) == *module)
        {
            problems.push(format!(
                "ui/src/lib/api/{module}.ts is not named after an area of core"
            ));
        }
    }
    for (module, name) in crate::bindings::registered() {
        if !name.starts_with(&format!("{module}_")) {
            problems.push(format!("{module}::{name} is not named {module}_<verb>"));
        }
        let words = format!("_{}_", name.trim_start_matches(&format!("{module}_")));
        for other in ["add", "remove", "new", "for_client", "edit"] {
            if words.contains(&format!("_{other}_")) {
                problems.push(format!(
                    "{name}: use the verbs list, get, create, update, delete (not “{other}”)"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
