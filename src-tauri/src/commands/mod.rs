//! The IPC surface: thin commands, one module per area, each a few lines over core.

pub mod app;
pub mod articles;
pub mod clients;
pub mod consults;
pub mod dashboard;
pub mod follow_ups;
pub mod handouts;
pub mod practice;
pub mod search;
pub mod templates;
