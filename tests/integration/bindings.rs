//! The TypeScript the UI uses to talk to Rust is generated from Rust; these fail when it
//! drifts. `make types` writes both files.
//!
//! - `ui/src/lib/api/types.ts`: every type that crosses IPC (ts-rs, src-tauri/src/bindings.rs).
//! - `ui/src/lib/api/commands.ts`: every registered command, with its arguments and its
//!   result, read from the commands' Rust signatures, so that `call("name", args)` is checked
//!   by svelte-check: a misspelt command, a missing or misnamed argument, or a wrong result
//!   type fails the UI's build, not the coach's click.

use std::collections::BTreeSet;
use std::path::Path;

use syn::parse::{Parse, ParseStream};
use syn::{FnArg, GenericArgument, Item, Pat, PathArguments, ReturnType, Token, Type};

const COMMANDS_FILE: &str = "ui/src/lib/api/commands.ts";

#[test]
fn generated_typescript_types_are_committed_and_current() {
    crate::assert_matches_file(
        coachdesk_lib::bindings::TYPES_FILE,
        &coachdesk_lib::bindings::typescript(),
        "make types",
    );
}

#[test]
fn generated_command_map_is_committed_and_current() {
    crate::assert_matches_file(COMMANDS_FILE, &command_map(), "make types");
}

/// The commands registered with `generate_handler!`, as `module::function`.
pub(crate) fn registered() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src-tauri/src/lib.rs")).unwrap();
    let start = lib
        .find("generate_handler![")
        .expect("lib.rs registers commands");
    let list = &lib[start + "generate_handler![".len()..];
    let list = &list[..list.find(']').unwrap()];
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (module, name) = s.split_once("::").expect("module::command");
            (module.to_owned(), name.to_owned())
        })
        .collect()
}

/// The TypeScript for a Rust type as serde and ts-rs write it; named types are collected in
/// `named` (they come from types.ts).
fn ts(ty: &Type, named: &mut BTreeSet<String>) -> String {
    match ty {
        Type::Reference(r) => ts(&r.elem, named),
        // Tauri sends `()` as JSON null.
        Type::Tuple(t) if t.elems.is_empty() => "null".to_owned(),
        Type::Tuple(t) => format!(
            "[{}]",
            t.elems
                .iter()
                .map(|e| ts(e, named))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Type::Slice(s) => format!("Array<{}>", ts(&s.elem, named)),
        Type::Path(p) => {
            let last = p.path.segments.last().unwrap();
            let name = last.ident.to_string();
            let inner = |named: &mut BTreeSet<String>| -> Vec<String> {
                match &last.arguments {
                    PathArguments::AngleBracketed(a) => a
                        .args
                        .iter()
                        .filter_map(|g| match g {
                            GenericArgument::Type(t) => Some(ts(t, named)),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                }
            };
            match name.as_str() {
                "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize"
                | "f32" | "f64" => "number".to_owned(),
                "String" | "str" | "PathBuf" | "Path" => "string".to_owned(),
                "bool" => "boolean".to_owned(),
                "Option" => format!("{} | null", inner(named)[0]),
                "Vec" => format!("Array<{}>", inner(named)[0]),
                "CommandResult" => inner(named)[0].clone(),
                other => {
                    assert!(
                        matches!(last.arguments, PathArguments::None),
                        "{other}<…> has no TypeScript form yet: teach `ts` in bindings.rs"
                    );
                    named.insert(other.to_owned());
                    other.to_owned()
                }
            }
        }
        _ => panic!("a command uses a kind of type `ts` does not know: teach it in bindings.rs"),
    }
}

/// Tauri's name for an argument: camelCase, as the UI passes it.
pub(crate) fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Arguments the shell supplies itself, never the UI.
fn supplied_by_tauri(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    let name = p.path.segments.last().unwrap().ident.to_string();
    matches!(
        name.as_str(),
        "State" | "AppHandle" | "WebviewWindow" | "Window" | "Webview"
    )
}

/// One registered command as the UI calls it.
pub(crate) struct Signature {
    pub name: String,
    /// (camelCase name, TypeScript type, optional).
    pub args: Vec<(String, String, bool)>,
    pub result: String,
}

/// One command a line of a `db_commands!`, `document_commands!` or `file_commands!` block (see
/// src-tauri/src/commands/mod.rs) makes.
struct MacroCommand {
    name: syn::Ident,
    args: Vec<(syn::Ident, Type)>,
    result: Type,
}

/// `(arg: Type, …)`.
fn parse_args(input: ParseStream) -> syn::Result<Vec<(syn::Ident, Type)>> {
    let list;
    syn::parenthesized!(list in input);
    let mut args = Vec::new();
    while !list.is_empty() {
        let arg = list.parse()?;
        list.parse::<Token![:]>()?;
        args.push((arg, list.parse()?));
        if !list.is_empty() {
            list.parse::<Token![,]>()?;
        }
    }
    Ok(args)
}

/// A `db_commands!` block: `fn name(arg: Type, …) -> Result = core::function(…);`, each with
/// its doc comments first.
struct DbCommands(Vec<MacroCommand>);

impl Parse for DbCommands {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut commands = Vec::new();
        while !input.is_empty() {
            syn::Attribute::parse_outer(input)?;
            input.parse::<Token![fn]>()?;
            let name = input.parse()?;
            let args = parse_args(input)?;
            input.parse::<Token![->]>()?;
            let result = input.parse()?;
            input.parse::<Token![=]>()?;
            input.parse::<syn::Expr>()?;
            input.parse::<Token![;]>()?;
            commands.push(MacroCommand { name, args, result });
        }
        Ok(Self(commands))
    }
}

/// A `document_commands!` block, `fn save, print(arg: Type, …) = core::function(…), "Title";`,
/// each line two commands (the save answers the path or None, the print whether it printed),
/// or a `file_commands!` block, the same lines with only the save.
struct SaveCommands(Vec<MacroCommand>);

impl Parse for SaveCommands {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut commands = Vec::new();
        while !input.is_empty() {
            syn::Attribute::parse_outer(input)?;
            input.parse::<Token![fn]>()?;
            let save = input.parse()?;
            let print = if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
                Some(input.parse()?)
            } else {
                None
            };
            let args = parse_args(input)?;
            input.parse::<Token![=]>()?;
            input.parse::<syn::Expr>()?;
            input.parse::<Token![,]>()?;
            input.parse::<syn::LitStr>()?;
            input.parse::<Token![;]>()?;
            if let Some(print) = print {
                commands.push(MacroCommand {
                    name: print,
                    args: args.clone(),
                    result: syn::parse_quote!(bool),
                });
            }
            commands.push(MacroCommand {
                name: save,
                args,
                result: syn::parse_quote!(Option<String>),
            });
        }
        Ok(Self(commands))
    }
}

/// The command `name` in a commands module, as the UI calls it: its arguments (camelCase, with
/// their TypeScript types) and its result's TypeScript type. A written-out `#[tauri::command]`
/// or one made by a line of a `db_commands!`, `document_commands!` or `file_commands!` block.
fn command_in(
    file: &syn::File,
    name: &str,
    named: &mut BTreeSet<String>,
) -> Option<(Vec<(String, String)>, String)> {
    let mut found = None;
    for item in &file.items {
        match item {
            Item::Fn(f) if f.sig.ident == name => {
                assert!(
                    f.attrs
                        .iter()
                        .any(|a| a.path().segments.iter().any(|s| s.ident == "command")),
                    "{name} is registered but is not a #[tauri::command]"
                );
                let mut args = Vec::new();
                for input in &f.sig.inputs {
                    let FnArg::Typed(arg) = input else { continue };
                    if supplied_by_tauri(&arg.ty) {
                        continue;
                    }
                    let Pat::Ident(id) = &*arg.pat else {
                        panic!("{name}: arguments must be plain names")
                    };
                    args.push((camel(&id.ident.to_string()), ts(&arg.ty, named)));
                }
                let result = match &f.sig.output {
                    ReturnType::Default => "null".to_owned(),
                    ReturnType::Type(_, ty) => ts(ty, named),
                };
                found = Some((args, result));
            }
            Item::Macro(m) => {
                let commands = if m.mac.path.is_ident("db_commands") {
                    m.mac.parse_body::<DbCommands>().map(|c| c.0)
                } else if m.mac.path.is_ident("document_commands")
                    || m.mac.path.is_ident("file_commands")
                {
                    m.mac.parse_body::<SaveCommands>().map(|c| c.0)
                } else {
                    continue;
                };
                let commands = commands.unwrap_or_else(|e| {
                    panic!(
                        "a {} block does not parse: {e}",
                        m.mac.path.get_ident().unwrap()
                    )
                });
                // The macros wrap the result in CommandResult, which the UI receives as is.
                if let Some(c) = commands.iter().find(|c| c.name == name) {
                    let args = c
                        .args
                        .iter()
                        .map(|(id, ty)| (camel(&id.to_string()), ts(ty, named)))
                        .collect();
                    found = Some((args, ts(&c.result, named)));
                }
            }
            _ => {}
        }
    }
    found
}

/// Every registered command with its arguments and result, in registration order; the named
/// types they use are collected in `named`.
pub(crate) fn signatures(named: &mut BTreeSet<String>) -> Vec<Signature> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (module, name) in registered() {
        assert!(seen.insert(name.clone()), "{name} is registered twice");
        let path = root.join(format!("src-tauri/src/commands/{module}.rs"));
        let file = syn::parse_file(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let (arguments, result) = command_in(&file, &name, named)
            .unwrap_or_else(|| panic!("{name} is registered but not found in {module}.rs"));
        let args = arguments
            .into_iter()
            .map(|(arg, ty)| {
                // Tauri fills an absent Option argument with None.
                let optional = ty.ends_with(" | null");
                (arg, ty, optional)
            })
            .collect();
        out.push(Signature { name, args, result });
    }
    out
}

/// The whole generated commands.ts.
fn command_map() -> String {
    let mut named = BTreeSet::new();
    let mut entries = Vec::new();
    for sig in signatures(&mut named) {
        let args = if sig.args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            let list: Vec<String> = sig
                .args
                .iter()
                .map(|(n, t, optional)| format!("{n}{}: {t}", if *optional { "?" } else { "" }))
                .collect();
            format!("{{ {} }}", list.join("; "))
        };
        entries.push(format!(
            "  {}: {{ args: {args}; result: {} }};\n",
            sig.name, sig.result
        ));
    }
    let types = coachdesk_lib::bindings::typescript();
    for n in &named {
        assert!(
            types.contains(&format!("export type {n} ")),
            "a command uses {n}, which types.ts does not export: add it to src-tauri/src/bindings.rs"
        );
    }
    let mut out = String::from(
        "// Generated from the Rust commands' signatures by `make types`; do not edit.\n\
         // Every command the app registers, with its arguments (camelCase, as Tauri takes them)\n\
         // and its result. `call` in invoke.ts is typed by it.\n",
    );
    let names: Vec<&str> = named.iter().map(String::as_str).collect();
    out.push_str(&format!(
        "import type {{\n{}\n}} from \"./types\";\n\n",
        names
            .iter()
            .map(|n| format!("  {n},"))
            .collect::<Vec<_>>()
            .join("\n")
    ));
    out.push_str("export interface Commands {\n");
    for e in entries {
        out.push_str(&e);
    }
    out.push_str("}\n\nexport type CommandName = keyof Commands;\n");
    out
}
