//! The IPC surface: thin commands, one module per area, each a few lines over core.

pub mod app;
pub mod clients;
pub mod practice;
