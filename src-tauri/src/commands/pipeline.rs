//! The pipeline board.

use coachdesk_core::pipeline::{self, PipelineColumn};

db_commands! {
    /// Current clients by status, in pipeline order, with counts.
    fn pipeline_get() -> Vec<PipelineColumn> = pipeline::pipeline();
}
