//! `make bench-app`: turns encryption on for the practice in DATA_FOLDER with PASSPHRASE, as
//! Settings → Your data does (the key derived with the app's Argon2id cost), so the release app
//! can be timed from its start through the lock screen to her dashboard.
//!
//! `cargo run --release -p coachdesk-core --example encrypt_practice -- DATA_FOLDER PASSPHRASE`
use std::error::Error;
use std::path::PathBuf;

use coachdesk_core::db::{Db, DATABASE_FILE};
use coachdesk_core::encryption;
use coachdesk_core::keys::KdfCost;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let usage = "usage: encrypt_practice DATA_FOLDER PASSPHRASE";
    let folder = PathBuf::from(args.next().ok_or(usage)?);
    let passphrase = args.next().ok_or(usage)?.into_string().map_err(|_| usage)?;
    let path = folder.join(DATABASE_FILE);
    if !path.is_file() {
        return Err(format!("{} holds no practice", folder.display()).into());
    }
    let db = Db::open(&path)?;
    encryption::turn_on(&db, &passphrase, KdfCost::DEFAULT)?;
    println!("The practice in {} is encrypted", folder.display());
    Ok(())
}
