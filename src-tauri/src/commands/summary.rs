//! The client summary PDF, for the coach's own files.

use coachdesk_core::summary;

document_commands! {
    /// A printable summary of a client (profile, follow-ups, consult history), saved as a PDF
    /// or printed.
    fn summary_export, summary_print(client_id: i64) =
        summary::prepare(client_id), "Save client summary";
}
