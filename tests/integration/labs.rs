//! Lab results on a real store: attached files copied in, bad files refused.

use coachdesk_core::clients::{self, ClientInput};
use coachdesk_core::labs::{self, LabInput};

use crate::progress::*;

#[test]
fn lab_files_are_copied_into_the_data_folder_and_bad_files_attach_nothing() {
    let p = practice();
    let c = clients::create(&p.db, &ClientInput::named("Zoë")).unwrap();
    let lab = labs::add(
        &p.db,
        &LabInput {
            client_id: c.id,
            name: "Vitamin D (25-OH)".into(),
            taken_on: "2026-10-12".into(),
            summary: "62 nmol/L, low end of normal".into(),
        },
    )
    .unwrap();
    let outside = tempfile::tempdir().unwrap();
    let report = outside.path().join("Blood panel – Zoë.pdf");
    std::fs::write(&report, b"%PDF-1.4 a lab report").unwrap();
    let empty = outside.path().join("empty.pdf");
    std::fs::write(&empty, b"").unwrap();

    let err = labs::attach(&p.db, lab.id, &[report.clone(), empty]).unwrap_err();
    assert!(err.to_string().contains("“empty.pdf” is empty"), "{err}");
    let missing = outside.path().join("gone.pdf");
    let err = labs::attach(&p.db, lab.id, &[report.clone(), missing]).unwrap_err();
    assert!(
        err.to_string().contains("“gone.pdf” could not be read"),
        "{err}"
    );
    assert!(labs::for_client(&p.db, c.id).unwrap()[0].files.is_empty());

    let lab = labs::attach(&p.db, lab.id, std::slice::from_ref(&report)).unwrap();
    assert_eq!(lab.files.len(), 1);
    assert_eq!(lab.files[0].original_name, "Blood panel – Zoë.pdf");
    // The copy is kept inside the database, and opened from a copy written for the viewer.
    let opened = labs::open_copy(&p.db, p.dir.path(), lab.files[0].id).unwrap();
    assert!(opened.starts_with(coachdesk_core::files::opened_folder(p.dir.path())));
    assert_eq!(std::fs::read(&opened).unwrap(), b"%PDF-1.4 a lab report");
    assert!(!p.dir.path().join("attachments").exists());
    // The original is untouched; removing the attachment removes only the copy.
    let lab = labs::remove_file(&p.db, lab.files[0].id).unwrap();
    assert!(lab.files.is_empty());
    assert!(report.exists());
    assert!(
        problems(
            labs::add(
                &p.db,
                &LabInput {
                    client_id: c.id,
                    name: String::new(),
                    taken_on: "soon".into(),
                    summary: String::new(),
                }
            )
            .unwrap_err()
        )
        .len()
            == 2
    );
}
