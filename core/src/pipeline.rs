//! The pipeline board: current clients by status, in pipeline order, with counts.

use serde::Serialize;
use ts_rs::TS;

use crate::clients::{self, ClientQuery, ClientSort, ClientStatus, ClientSummary};
use crate::db::Db;
use crate::error::Result;

/// One column of the pipeline board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PipelineColumn {
    pub status: ClientStatus,
    pub count: i64,
    /// The most recently updated clients of this status (up to 100).
    pub clients: Vec<ClientSummary>,
}

/// Current clients by status, in pipeline order, with counts.
pub fn pipeline(db: &Db) -> Result<Vec<PipelineColumn>> {
    ClientStatus::ALL
        .into_iter()
        .map(|status| {
            let query = ClientQuery {
                status: Some(status),
                sort: ClientSort::Recent,
                limit: 100,
                ..ClientQuery::default()
            };
            let page = clients::list(db, &query)?;
            Ok(PipelineColumn {
                status,
                count: page.total,
                clients: page.clients,
            })
        })
        .collect()
}
