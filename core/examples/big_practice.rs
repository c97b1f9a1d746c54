//! `make bench-app`: the practice the window is timed on. 10,000 clients and 200,000 notes of
//! about 1 KB (the consults benchmark's practice), her profile (so CoachDesk opens on her
//! dashboard) and three articles of the labelled set to make a handout of.
//!
//! `cargo run --release -p coachdesk-core --example big_practice -- DATA_FOLDER`
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../benches/common/practice.rs"]
mod big;
#[path = "../benches/common/her.rs"]
mod her;

use std::error::Error;
use std::path::PathBuf;

use coachdesk_core::db::{Db, DATABASE_FILE};

fn main() -> Result<(), Box<dyn Error>> {
    let folder = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .ok_or("usage: big_practice DATA_FOLDER")?,
    );
    std::fs::create_dir_all(&folder)?;
    let path = folder.join(DATABASE_FILE);
    if path.exists() {
        return Err(format!("{} holds a practice already", folder.display()).into());
    }
    let built = big::seed(&path);
    let db = Db::open(&path)?;
    her::profile(&db)?;
    her::articles(&db)?;
    println!(
        "A practice of {} clients and {} notes in {} (built in {:.0} s)",
        big::CLIENTS,
        big::NOTES,
        folder.display(),
        built.as_secs_f64()
    );
    Ok(())
}
