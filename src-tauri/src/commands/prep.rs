//! The consult prep sheet: on screen, and as one printed page.

use coachdesk_core::prep::{self, PrepSheet};

db_commands! {
    fn prep_get(client_id: i64) -> PrepSheet = prep::now(client_id);
}

document_commands! {
    /// The prep sheet as a one-page PDF, saved or printed.
    fn prep_export, prep_print(client_id: i64) = prep::prepare(client_id), "Save prep sheet";
}
