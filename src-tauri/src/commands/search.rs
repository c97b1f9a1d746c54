//! The Ctrl/Cmd+K search over clients and notes.

use coachdesk_core::search::{self, SearchHit};

db_commands! {
    fn search_query(text: String) -> Vec<SearchHit> = search::search(&text);
}
