//! The home screen.

use coachdesk_core::dashboard::{self, Dashboard};

db_commands! {
    /// The dashboard for today in the coach's own time zone.
    fn dashboard_get() -> Dashboard = dashboard::now();
}
