//! The key that encrypts her practice, and the file that keeps it sealed.
//!
//! The database is encrypted by SQLCipher with a random 256-bit *data key*. That key is never
//! stored as it is: `keys.json` in the data folder holds it sealed twice, once under her
//! passphrase and once under her recovery key. Each seal is ChaCha20-Poly1305 under a key
//! derived with Argon2id (64 MiB, 3 passes, one lane; a random 16-byte salt per seal). So:
//! - changing the passphrase re-seals the data key (no rewrite of the database);
//! - the recovery key opens the data key when the passphrase is forgotten;
//! - without either, nobody (CoachDesk included) can open the data.
//!
//! This module is a leaf: it knows nothing of the database.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::ChaCha20Poly1305;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The file in the data folder (and in every backup of an encrypted practice).
pub const KEY_FILE: &str = "keys.json";
const FORMAT: u32 = 1;
/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE: usize = 8;
const MAX_PASSPHRASE: usize = 1024;
/// Characters of a recovery key (Crockford base32: 5 bits each, 120 bits in all).
const RECOVERY_CHARS: usize = 24;
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The data key: what SQLCipher encrypts the database with. Wiped from memory when dropped.
#[derive(Clone)]
pub struct Key {
    bytes: Zeroizing<[u8; 32]>,
    id: String,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({})", self.id)
    }
}

impl Key {
    /// A new random key.
    pub(crate) fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        random(bytes.as_mut_slice())?;
        let mut id = [0u8; 8];
        random(&mut id)?;
        Ok(Self {
            bytes,
            id: hex(&id),
        })
    }

    /// Which key this is (random, not derived from the key): backups record it, so a backup
    /// made with another key is recognised before anything tries to open it.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The SQL literal SQLCipher takes as a raw key (no key derivation of its own).
    pub(crate) fn sql_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("\"x'{}'\"", hex(self.bytes.as_slice())))
    }
}

fn random(into: &mut [u8]) -> Result<()> {
    getrandom::fill(into).map_err(|e| {
        Error::Internal(format!(
            "This computer did not give CoachDesk random numbers for a key ({e})."
        ))
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The cost of deriving a key from a passphrase, stored with each file so it can grow later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KdfCost {
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
}

impl KdfCost {
    /// What CoachDesk uses: Argon2id with 64 MiB, 3 passes, one lane (about half a second on a
    /// laptop; OWASP's first recommendation is 46 MiB, 1 pass).
    pub const DEFAULT: Self = Self {
        memory_kib: 64 * 1024,
        passes: 3,
        lanes: 1,
    };

    /// For tests only: the same algorithm at its smallest cost, so that hundreds of test cases
    /// stay fast. Never written by the app.
    #[doc(hidden)]
    pub const CHEAP_FOR_TESTS: Self = Self {
        memory_kib: 64,
        passes: 1,
        lanes: 1,
    };

    fn derive(self, secret: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
        let params = Params::new(self.memory_kib, self.passes, self.lanes, Some(32))
            .map_err(|e| damaged_key_file(&format!("its key settings are not valid ({e})")))?;
        let mut out = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(secret, salt, out.as_mut_slice())
            .map_err(|e| damaged_key_file(&format!("its key settings are not valid ({e})")))?;
        Ok(out)
    }
}

/// The data key sealed under one secret.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sealed {
    salt: String,
    nonce: String,
    sealed: String,
}

/// `keys.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyFile {
    format: u32,
    key_id: String,
    created_at: String,
    /// "argon2id" and its cost.
    kdf: String,
    cost: KdfCost,
    passphrase: Sealed,
    recovery: Sealed,
    /// Lock CoachDesk after this many minutes without a key press or a click (None: never).
    #[serde(default)]
    pub lock_after_minutes: Option<u32>,
}

fn damaged_key_file(why: &str) -> Error {
    Error::Unreadable(format!(
        "The key file of your practice ({KEY_FILE}) cannot be read: {why}. Restore it from a \
         backup (every backup of an encrypted practice holds a copy)."
    ))
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn unb64(text: &str) -> Result<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|_| damaged_key_file("a part of it is not valid"))
}

fn seal(key: &Key, secret: &[u8], cost: KdfCost) -> Result<Sealed> {
    let mut salt = [0u8; 16];
    random(&mut salt)?;
    let mut nonce = [0u8; 12];
    random(&mut nonce)?;
    let derived = cost.derive(secret, &salt)?;
    let cipher = ChaCha20Poly1305::new(derived.as_slice().into());
    let sealed = cipher
        .encrypt(
            (&nonce).into(),
            Payload {
                msg: key.bytes.as_slice(),
                aad: key.id.as_bytes(),
            },
        )
        .map_err(|_| Error::Internal("The key could not be sealed.".into()))?;
    Ok(Sealed {
        salt: b64(&salt),
        nonce: b64(&nonce),
        sealed: b64(&sealed),
    })
}

/// The data key, if `secret` opens this seal.
fn unseal(sealed: &Sealed, key_id: &str, secret: &[u8], cost: KdfCost) -> Result<Option<Key>> {
    let salt = unb64(&sealed.salt)?;
    let nonce = unb64(&sealed.nonce)?;
    let data = unb64(&sealed.sealed)?;
    if nonce.len() != 12 || salt.len() < 8 {
        return Err(damaged_key_file("a part of it has the wrong length"));
    }
    let derived = cost.derive(secret, &salt)?;
    let cipher = ChaCha20Poly1305::new(derived.as_slice().into());
    let Ok(opened) = cipher.decrypt(
        nonce.as_slice().into(),
        Payload {
            msg: &data,
            aad: key_id.as_bytes(),
        },
    ) else {
        return Ok(None);
    };
    let opened = Zeroizing::new(opened);
    let bytes: [u8; 32] = opened
        .as_slice()
        .try_into()
        .map_err(|_| damaged_key_file("the sealed key has the wrong length"))?;
    Ok(Some(Key {
        bytes: Zeroizing::new(bytes),
        id: key_id.to_owned(),
    }))
}

/// A passphrase as the KDF sees it: Unicode NFC, so "é" typed either way is the same.
fn passphrase_bytes(passphrase: &str) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(crate::text::nfc(passphrase).into_bytes())
}

/// Checks a new passphrase: long enough, not absurdly long, no line breaks.
pub fn check_passphrase(field: &str, passphrase: &str) -> Result<()> {
    let count = passphrase.chars().count();
    if count < MIN_PASSPHRASE {
        return Err(Error::invalid(
            field,
            format!(
                "Choose a passphrase of at least {MIN_PASSPHRASE} characters (a few words you \
                 will remember are best)."
            ),
        ));
    }
    if count > MAX_PASSPHRASE || passphrase.contains(['\n', '\r']) {
        return Err(Error::invalid(
            field,
            format!("Keep the passphrase to one line of at most {MAX_PASSPHRASE} characters."),
        ));
    }
    Ok(())
}

/// A new recovery key, as she writes it down: six groups of four, e.g. "7K3M-Q9XP-…".
fn new_recovery_key() -> Result<Zeroizing<String>> {
    let mut bytes = Zeroizing::new([0u8; RECOVERY_CHARS * 5 / 8]);
    random(bytes.as_mut_slice())?;
    let mut chars = Zeroizing::new(String::with_capacity(RECOVERY_CHARS + 5));
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut n = 0;
    for b in bytes.iter() {
        acc = (acc << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            if n > 0 && n % 4 == 0 {
                chars.push('-');
            }
            chars.push(char::from(CROCKFORD[((acc >> bits) & 31) as usize]));
            n += 1;
        }
    }
    Ok(chars)
}

/// A recovery key as typed (any case, spaces or dashes, O for 0, I or L for 1), in its one
/// canonical form; None if it cannot be one.
fn canonical_recovery_key(typed: &str) -> Option<Zeroizing<String>> {
    let mut out = Zeroizing::new(String::with_capacity(RECOVERY_CHARS));
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\u{2010}'..='\u{2015}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !CROCKFORD.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    (out.len() == RECOVERY_CHARS).then_some(out)
}

/// What turning encryption on gives her: the key file to write, the data key, and the
/// recovery key to print (shown once, never stored).
pub struct NewKeys {
    pub file: KeyFile,
    pub key: Key,
    pub recovery_key: Zeroizing<String>,
}

impl KeyFile {
    /// A new data key, sealed under `passphrase` and a new recovery key.
    pub fn create(passphrase: &str, cost: KdfCost) -> Result<NewKeys> {
        check_passphrase("passphrase", passphrase)?;
        let key = Key::generate()?;
        let recovery_key = new_recovery_key()?;
        let canonical = canonical_recovery_key(&recovery_key)
            .ok_or_else(|| Error::Internal("The recovery key could not be made.".into()))?;
        let file = Self {
            format: FORMAT,
            key_id: key.id.clone(),
            created_at: crate::now(),
            kdf: "argon2id".to_owned(),
            cost,
            passphrase: seal(&key, &passphrase_bytes(passphrase), cost)?,
            recovery: seal(&key, canonical.as_bytes(), cost)?,
            lock_after_minutes: None,
        };
        Ok(NewKeys {
            file,
            key,
            recovery_key,
        })
    }

    /// The data key, opened with her passphrase or her recovery key. A wrong one is told in
    /// words; there is no limit on tries (a limit could lock her out of her own practice).
    pub fn unlock(&self, secret: &str) -> Result<Key> {
        if let Some(key) = unseal(
            &self.passphrase,
            &self.key_id,
            &passphrase_bytes(secret),
            self.cost,
        )? {
            return Ok(key);
        }
        if let Some(recovery) = canonical_recovery_key(secret) {
            if let Some(key) = unseal(&self.recovery, &self.key_id, recovery.as_bytes(), self.cost)?
            {
                return Ok(key);
            }
        }
        Err(Error::invalid(
            "passphrase",
            "That passphrase does not open this practice. Check Caps Lock and the keyboard \
             layout, and try again; if it is lost, type your recovery key instead.",
        ))
    }

    /// The data key, if `typed` is this file's recovery key (and only then).
    pub fn unlock_recovery(&self, typed: &str) -> Result<Option<Key>> {
        match canonical_recovery_key(typed) {
            Some(recovery) => unseal(&self.recovery, &self.key_id, recovery.as_bytes(), self.cost),
            None => Ok(None),
        }
    }

    /// Seals the same data key under a new passphrase (the recovery key stays as it was).
    pub fn with_passphrase(&self, key: &Key, passphrase: &str) -> Result<Self> {
        check_passphrase("newPassphrase", passphrase)?;
        Ok(Self {
            passphrase: seal(key, &passphrase_bytes(passphrase), self.cost)?,
            ..self.clone()
        })
    }

    /// Seals the same data key under a new recovery key (the old one no longer opens this
    /// file; the passphrase stays as it was). The new key is returned to be shown once.
    pub fn with_new_recovery_key(&self, key: &Key) -> Result<(Self, Zeroizing<String>)> {
        let recovery_key = new_recovery_key()?;
        let canonical = canonical_recovery_key(&recovery_key)
            .ok_or_else(|| Error::Internal("The recovery key could not be made.".into()))?;
        let file = Self {
            recovery: seal(key, canonical.as_bytes(), self.cost)?,
            ..self.clone()
        };
        Ok((file, recovery_key))
    }

    /// Which data key this file seals.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// Reads `keys.json` in `folder`; None if there is none.
    pub fn read(folder: &Path) -> Result<Option<Self>> {
        let path = folder.join(KEY_FILE);
        let text = match std::fs::read(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(format!("Could not read {}", path.display()), e)),
        };
        Self::parse(&text).map(Some)
    }

    /// A key file's bytes (from the data folder or a backup).
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let file: Self = serde_json::from_slice(bytes)
            .map_err(|_| damaged_key_file("it is not a CoachDesk key file"))?;
        if file.format > FORMAT || file.kdf != "argon2id" {
            return Err(damaged_key_file("it was written by a newer CoachDesk"));
        }
        Ok(file)
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        serde_json::to_vec_pretty(self).map_err(|e| {
            Error::io(
                "The key file could not be written",
                std::io::Error::other(e),
            )
        })
    }

    /// Writes `keys.json` in `folder` (through a temporary file and a rename).
    pub fn write(&self, folder: &Path) -> Result<()> {
        crate::files::write_atomic(&folder.join(KEY_FILE), &self.to_bytes()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passphrase_and_the_recovery_key_open_the_same_key_and_nothing_else_does() {
        let new = KeyFile::create("Renée Côté garden 🌿", KdfCost::CHEAP_FOR_TESTS).unwrap();
        let by_passphrase = new.file.unlock("Renée Côté garden 🌿").unwrap();
        assert_eq!(by_passphrase.bytes.as_slice(), new.key.bytes.as_slice());
        // The recovery key, typed in lower case with spaces and O for 0.
        let typed = new
            .recovery_key
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o");
        let by_recovery = new.file.unlock(&typed).unwrap();
        assert_eq!(by_recovery.bytes.as_slice(), new.key.bytes.as_slice());
        // "é" typed as e + combining accent is the same passphrase.
        assert!(new
            .file
            .unlock("Rene\u{301}e Co\u{302}te\u{301} garden 🌿")
            .is_ok());
        for wrong in ["renée côté garden 🌿", "", "0000-0000-0000-0000-0000-0000"] {
            let e = new.file.unlock(wrong).unwrap_err();
            assert!(e.to_string().contains("does not open"), "{e}");
        }
    }

    #[test]
    fn a_recovery_key_is_six_groups_of_four_crockford_characters() {
        let key = new_recovery_key().unwrap();
        assert_eq!(key.len(), 29, "{}", key.as_str());
        assert!(key
            .split('-')
            .all(|g| g.len() == 4 && g.bytes().all(|b| CROCKFORD.contains(&b))));
        assert!(canonical_recovery_key("7K3M-Q9XP").is_none());
        assert!(canonical_recovery_key("7K3M-Q9XP-7K3M-Q9XP-7K3M-Q9XU").is_none());
    }

    #[test]
    fn a_new_passphrase_opens_the_same_key_and_the_old_one_no_longer_does() {
        let new = KeyFile::create("first passphrase", KdfCost::CHEAP_FOR_TESTS).unwrap();
        let changed = new
            .file
            .with_passphrase(&new.key, "second passphrase")
            .unwrap();
        assert!(changed.unlock("first passphrase").is_err());
        let key = changed.unlock("second passphrase").unwrap();
        assert_eq!(key.bytes.as_slice(), new.key.bytes.as_slice());
        assert!(changed.unlock(&new.recovery_key).is_ok());
        assert!(new.file.with_passphrase(&new.key, "short").is_err());
    }

    #[test]
    fn a_new_recovery_key_replaces_the_old_one_and_the_passphrase_stays() {
        let new = KeyFile::create("the passphrase", KdfCost::CHEAP_FOR_TESTS).unwrap();
        let (file, recovery) = new.file.with_new_recovery_key(&new.key).unwrap();
        assert_ne!(recovery.as_str(), new.recovery_key.as_str());
        assert!(file.unlock(&recovery).is_ok());
        assert!(file.unlock(&new.recovery_key).is_err());
        assert!(file.unlock("the passphrase").is_ok());
        assert!(file.unlock_recovery(&recovery).unwrap().is_some());
    }

    #[test]
    fn the_key_file_round_trips_and_refuses_damage() {
        let new = KeyFile::create("a long passphrase", KdfCost::CHEAP_FOR_TESTS).unwrap();
        let bytes = new.file.to_bytes().unwrap();
        let again = KeyFile::parse(&bytes).unwrap();
        assert!(again.unlock("a long passphrase").is_ok());
        assert!(KeyFile::parse(b"{}").is_err());
        let text = String::from_utf8(bytes).unwrap();
        // The key file holds no key in the clear.
        assert!(!text.contains(&hex(new.key.bytes.as_slice())));
        let flipped = text.replacen("\"sealed\": \"", "\"sealed\": \"AAAA", 1);
        assert!(KeyFile::parse(flipped.as_bytes())
            .unwrap()
            .unlock("a long passphrase")
            .is_err());
    }

    #[test]
    fn the_default_cost_is_argon2id_64_mib_3_passes() {
        // The real cost, once: a key sealed with it opens again.
        let new = KeyFile::create("the real cost", KdfCost::DEFAULT).unwrap();
        assert_eq!(new.file.cost.memory_kib, 65_536);
        assert!(new.file.unlock("the real cost").is_ok());
    }
}
