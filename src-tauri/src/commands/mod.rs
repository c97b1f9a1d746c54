//! The IPC surface: thin commands, one module per area, each a few lines over core.

pub mod app;
pub mod articles;
pub mod backups;
pub mod checkins;
pub mod client_export;
pub mod clients;
pub mod comfort;
pub mod consults;
pub mod dashboard;
pub mod encryption;
pub mod follow_ups;
pub mod handouts;
pub mod labs;
pub mod note_templates;
pub mod pipeline;
pub mod practice;
pub mod practice_export;
pub mod prep;
pub mod protocols;
pub mod reintro;
pub mod search;
pub mod suggestions;
pub mod summary;
pub mod timeline;
