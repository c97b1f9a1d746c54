//! The TypeScript types in the UI are generated from Rust; this fails when they drift.

#[test]
fn generated_typescript_types_are_committed_and_current() {
    crate::assert_matches_file(
        coachdesk_lib::bindings::TYPES_FILE,
        &coachdesk_lib::bindings::typescript(),
        "make types",
    );
}
