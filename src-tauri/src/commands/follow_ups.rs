//! Follow-up tasks.

use coachdesk_core::follow_ups::{self, FollowUp, FollowUpInput};

db_commands! {
    fn follow_ups_create(input: FollowUpInput) -> FollowUp = follow_ups::create(&input);

    fn follow_ups_set_done(id: i64, done: bool) -> FollowUp = follow_ups::set_done(id, done);

    fn follow_ups_list(client_id: i64) -> Vec<FollowUp> = follow_ups::for_client(client_id);

    fn follow_ups_delete(id: i64) -> () = follow_ups::delete(id);
}
