//! Her own articles, suggested for a client, each with the reason.

use coachdesk_core::suggestions::{self, Suggestions};

db_commands! {
    fn suggestions_get(client_id: i64) -> Suggestions = suggestions::for_client(client_id);
}
