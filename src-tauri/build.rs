fn main() {
    // tauri-build does not watch this custom capabilities folder: rebuild when it changes.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    // The shell's sources live in src-tauri/ while Cargo.toml sits at the root, so the
    // capabilities folder must be named here or it would be silently ignored.
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    #[allow(clippy::expect_used)] // build scripts report failure by panicking
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
