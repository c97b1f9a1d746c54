//! Encryption at rest, as the coach uses it: turned on with a passphrase (at first run or in
//! Settings), the passphrase changed, turned off; the idle lock; the recovery sheet.
//!
//! What is encrypted: the practice file (records, notes, lab files and the logo are all inside
//! it), its journal, every backup in the backups folder and the second place, and the copies
//! kept before a migration. The key hierarchy is in `keys`; SQLCipher does the pages.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::db::{export_keyed, is_encrypted, open_file, Db, DATABASE_FILE};
use crate::error::{Error, Result};
use crate::files::{Kind, Made};
use crate::keys::{KdfCost, Key, KeyFile, KEY_FILE};
use crate::pdf::{Block, Brand, Handout, Paper, Span};

/// Whether the practice is encrypted, for Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EncryptionStatus {
    pub on: bool,
    /// Lock after this many idle minutes (None: never).
    pub lock_after_minutes: Option<u32>,
}

/// What turning encryption on did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TurnedOn {
    /// Shown once, for her to print or write down; CoachDesk never stores it.
    pub recovery_key: String,
    /// Backups and pre-migration copies encrypted with it.
    pub copies: usize,
}

/// The longest idle lock offered (minutes).
pub const MAX_LOCK_AFTER: u32 = 240;

fn data_dir(db: &Db) -> Result<PathBuf> {
    db.path()
        .and_then(Path::parent)
        .map(Path::to_owned)
        .ok_or_else(|| Error::Internal("A store that is not a file cannot be encrypted.".into()))
}

fn key_file(data_dir: &Path) -> Result<KeyFile> {
    KeyFile::read(data_dir)?.ok_or_else(|| {
        Error::Unreadable(format!(
            "The key file of your practice ({KEY_FILE}) is missing from {}. Restore it from a \
             backup (every backup of an encrypted practice holds a copy).",
            data_dir.display()
        ))
    })
}

/// Whether the practice is encrypted, and its idle lock.
pub fn status(db: &Db) -> Result<EncryptionStatus> {
    if db.key().is_none() {
        return Ok(EncryptionStatus {
            on: false,
            lock_after_minutes: None,
        });
    }
    let file = key_file(&data_dir(db)?)?;
    Ok(EncryptionStatus {
        on: true,
        lock_after_minutes: file.lock_after_minutes,
    })
}

/// The idle lock of the practice in `data_dir` (None when it is not encrypted or has none).
pub fn lock_after(data_dir: &Path) -> Option<u32> {
    KeyFile::read(data_dir)
        .ok()
        .flatten()
        .and_then(|f| f.lock_after_minutes)
}

/// Encrypts the practice with a new key sealed under `passphrase`, then its backups and
/// pre-migration copies. The plain file is replaced in one rename once the encrypted one is
/// complete and checked; the journal was emptied into the old file before, so no plain copy
/// stays in the data folder. `cost` is `KdfCost::DEFAULT` in the app.
pub fn turn_on(db: &Db, passphrase: &str, cost: KdfCost) -> Result<TurnedOn> {
    let data_dir = data_dir(db)?;
    if db.key().is_some() {
        return Err(Error::Conflict(
            "Your practice is encrypted already. To choose another passphrase, use Change \
             passphrase."
                .into(),
        ));
    }
    let new = KeyFile::create(passphrase, cost)?;
    db.rewrite_with_key(Some(new.key.clone()), || new.file.write(&data_dir))?;
    let copies = match_copies(db, None)?;
    Ok(TurnedOn {
        recovery_key: new.recovery_key.to_string(),
        copies,
    })
}

/// Seals the practice's key under a new passphrase. Nothing is re-encrypted: backups made
/// before open with the recovery key, or with the passphrase they were made with.
pub fn change_passphrase(db: &Db, current: &str, new: &str) -> Result<()> {
    let (data_dir, key, file) = opened_with(db, current, "currentPassphrase")?;
    file.with_passphrase(&key, new)?.write(&data_dir)
}

/// A new recovery key for a lost recovery sheet, once her passphrase (or the old recovery
/// key) is given. The old recovery key no longer opens the practice; backups made before still
/// open with it, or with their passphrase.
pub fn new_recovery_key(db: &Db, passphrase: &str) -> Result<String> {
    let (data_dir, key, file) = opened_with(db, passphrase, "passphrase")?;
    let (file, recovery_key) = file.with_new_recovery_key(&key)?;
    file.write(&data_dir)?;
    Ok(recovery_key.to_string())
}

/// Decrypts the practice, its backups and pre-migration copies, once `passphrase` (or the
/// recovery key) is given; the key file is removed last. Returns how many copies were
/// decrypted.
pub fn turn_off(db: &Db, passphrase: &str) -> Result<usize> {
    let (data_dir, key, _) = opened_with(db, passphrase, "passphrase")?;
    db.rewrite_with_key(None, || Ok(()))?;
    let copies = match_copies(db, Some(&key))?;
    let path = data_dir.join(KEY_FILE);
    std::fs::remove_file(&path)
        .map_err(|e| Error::io(format!("Could not remove {}", path.display()), e))?;
    Ok(copies)
}

/// The practice's key; refused while it is not encrypted.
fn encrypted_key(db: &Db) -> Result<Key> {
    db.key()
        .ok_or_else(|| Error::Conflict("Your practice is not encrypted.".into()))
}

/// Her data folder, the practice's key and its key file, once `secret` (her passphrase or the
/// recovery key) opens the key file; `field` is the box she typed it in, named in a refusal.
fn opened_with(db: &Db, secret: &str, field: &str) -> Result<(PathBuf, Key, KeyFile)> {
    let data_dir = data_dir(db)?;
    let key = encrypted_key(db)?;
    let file = key_file(&data_dir)?;
    check_secret(&file, &key, secret, field)?;
    Ok((data_dir, key, file))
}

/// The passphrase or recovery key she typed opens `file`, and it holds `key`.
fn check_secret(file: &KeyFile, key: &Key, secret: &str, field: &str) -> Result<()> {
    let opened = file.unlock(secret).map_err(|e| match e {
        Error::Invalid(mut problems) => {
            for p in &mut problems {
                p.field = field.to_owned();
            }
            Error::Invalid(problems)
        }
        other => other,
    })?;
    if opened.id() != key.id() {
        return Err(Error::Conflict(format!(
            "The key file ({KEY_FILE}) does not belong to this practice file."
        )));
    }
    Ok(())
}

/// Sets the idle lock: after `minutes` without a key press or a click CoachDesk locks (None:
/// never). Kept in the key file, as it belongs with the passphrase.
pub fn set_lock_after(db: &Db, minutes: Option<u32>) -> Result<()> {
    let data_dir = data_dir(db)?;
    if db.key().is_none() {
        return Err(Error::Conflict(
            "Turn encryption on first: the lock asks for your passphrase.".into(),
        ));
    }
    if let Some(m) = minutes {
        if !(1..=MAX_LOCK_AFTER).contains(&m) {
            return Err(Error::invalid(
                "lockAfterMinutes",
                format!("Choose between 1 and {MAX_LOCK_AFTER} minutes."),
            ));
        }
    }
    let mut file = key_file(&data_dir)?;
    file.lock_after_minutes = minutes;
    file.write(&data_dir)
}

/// Her passphrase or recovery key checked against the key file in `data_dir`: the key, or a
/// clear message. Used to unlock at start and after the idle lock.
pub fn unlock(data_dir: &Path, secret: &str) -> Result<Key> {
    key_file(data_dir)?.unlock(secret)
}

/// True when the practice in `data_dir` is encrypted (it then opens only after unlock): its
/// file is not plain SQLite and its key file is there. (A file of other bytes with no key file
/// is opened, and refused as not a CoachDesk database.)
pub fn is_on(data_dir: &Path) -> bool {
    is_encrypted(&data_dir.join(DATABASE_FILE)) && data_dir.join(KEY_FILE).is_file()
}

/// Brings the backups (in the backups folder and the second place, when connected) and the
/// pre-migration copies in line with the practice: encrypted with its key, or plain. `old` is
/// the key before a change. Also run after unlock, to finish what a stop half-way left.
pub fn match_copies(db: &Db, old: Option<&Key>) -> Result<usize> {
    let data_dir = data_dir(db)?;
    let mut n = crate::backups::match_practice(db, &crate::backups::folder_in(&data_dir), old)?;
    if let Some(second) = crate::backups::copy_folder(db)?.filter(|f| f.is_dir()) {
        n += crate::backups::match_practice(db, &second, old)?;
    }
    let target = db.key();
    for copy in pre_migration_copies(&data_dir) {
        // Already as the practice is: it opens with the practice's key (or plain).
        if open_file(&copy, true, target.as_ref())
            .and_then(|c| Ok(c.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?))
            .is_ok()
        {
            continue;
        }
        let from = if is_encrypted(&copy) { old } else { None };
        let staging = data_dir.join(".rekey-copy-staging.db");
        let rewritten = open_file(&copy, false, from)
            .and_then(|conn| export_keyed(&conn, &staging, target.as_ref()))
            .and_then(|()| {
                open_file(&staging, false, target.as_ref())?.pragma_update(
                    None,
                    "journal_mode",
                    "DELETE",
                )?;
                std::fs::rename(&staging, &copy)
                    .map_err(|e| Error::io(format!("Could not write {}", copy.display()), e))
            });
        let _ = std::fs::remove_file(&staging);
        if rewritten.is_ok() {
            n += 1;
        }
    }
    Ok(n)
}

/// The copies kept before a migration: `coachdesk.db.v5-20261201T101010Z.bak`.
fn pre_migration_copies(data_dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return Vec::new();
    };
    let prefix = format!("{DATABASE_FILE}.v");
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".bak"))
        })
        .collect();
    out.sort();
    out
}

/// The recovery sheet of today, checked and made before the save dialog opens.
pub fn recovery_sheet_file(db: &Db, recovery_key: &str) -> Result<Made> {
    Ok(Made {
        bytes: recovery_sheet(db, recovery_key, Utc::now())?,
        name: "CoachDesk recovery key.pdf".to_owned(),
        kind: Kind::Pdf,
    })
}

/// The printable recovery sheet: the recovery key, what it is for and where to keep it. The
/// key is checked against the key file first, so a sheet never carries a wrong one.
pub fn recovery_sheet(db: &Db, recovery_key: &str, now: DateTime<Utc>) -> Result<Vec<u8>> {
    let data_dir = data_dir(db)?;
    let key = encrypted_key(db)?;
    let opened = key_file(&data_dir)?.unlock_recovery(recovery_key)?;
    if opened.is_none_or(|k| k.id() != key.id()) {
        return Err(Error::invalid(
            "recoveryKey",
            "That is not the recovery key of this practice.",
        ));
    }
    let practice = crate::practice::get(db)?;
    let practice_name = practice
        .as_ref()
        .map_or("your practice", |p| p.practice_name.as_str());
    let paper = match practice.as_ref().map(|p| p.paper_size) {
        Some(crate::practice::PaperSize::A4) => Paper::A4,
        _ => Paper::Letter,
    };
    let plain = |text: &str| {
        Block::Paragraph(vec![Span {
            text: text.to_owned(),
            emphasis: false,
            strong: false,
        }])
    };
    let date_label = now.format("%-d %B %Y").to_string();
    let handout = Handout {
        title: "Your CoachDesk recovery key".to_owned(),
        prepared_for: None,
        date_label: date_label.clone(),
        author: practice_name.to_owned(),
        brand: Brand {
            practice_name: practice_name.to_owned(),
            tagline: String::new(),
            coach_line: String::new(),
            contact_line: String::new(),
            booking_url: String::new(),
            brand_color: String::new(),
            logo_png_or_jpeg: None,
            paper,
            disclaimer: String::new(),
        },
        blocks: vec![
            plain(
                "Your practice in CoachDesk is encrypted. It opens with your passphrase, or \
                 with the recovery key below if the passphrase is ever forgotten.",
            ),
            Block::Heading("Your recovery key".to_owned()),
            // The key in the large heading type, so it is easy to read back and type.
            Block::Heading(recovery_key.trim().to_uppercase()),
            plain(
                "It has no letter O, I or L: a sign like O is the digit zero, and a single stroke \
                 is the digit one.",
            ),
            plain(&format!("Made on {date_label} for {practice_name}.")),
            Block::Heading("Keep it safe".to_owned()),
            Block::Bullets(
                [
                    "Print this page and keep it somewhere safe away from your laptop, as you \
                     would a spare house key.",
                    "Anyone with this key and your laptop or a backup can read your practice.",
                    "To use it, type it where CoachDesk asks for your passphrase. Then choose a \
                     new passphrase in Settings, under Your data.",
                ]
                .iter()
                .map(|t| {
                    vec![Span {
                        text: (*t).to_owned(),
                        emphasis: false,
                        strong: false,
                    }]
                })
                .collect(),
            ),
            Block::Disclaimer(
                "Without your passphrase or this recovery key, nobody can open your practice: \
                 not you, not CoachDesk, not anyone else. There is no other way back in."
                    .to_owned(),
            ),
        ],
        compact: false,
    };
    crate::pdf::render(&handout, now)
        .map(|r| r.bytes)
        .map_err(|e| Error::Pdf(format!("the recovery sheet: {e}")))
}
