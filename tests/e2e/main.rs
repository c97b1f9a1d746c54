//! End-to-end: the real CoachDesk window, driven through tauri-driver and WebKitWebDriver.
//! Run with `make e2e` (under Xvfb). Each test starts the app on its own temp data folder;
//! screenshots of every screen go to `target/e2e-screens/`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accessibility;
mod articles;
mod backups;
mod comfort;
mod consults;
mod encryption;
mod footprint;
mod handouts;
mod harness;
mod journeys;
mod keyboard;
#[path = "../common/logo.rs"]
mod logo;
mod prep;
mod progress;
#[path = "../common/seed.rs"]
mod seed;
mod suggestions;
