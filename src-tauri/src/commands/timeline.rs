//! A client's timeline.

use coachdesk_core::timeline::{self, TimelineEvent};

db_commands! {
    fn timeline_list(id: i64) -> Vec<TimelineEvent> = timeline::for_client(id);
}
