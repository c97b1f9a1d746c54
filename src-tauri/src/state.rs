//! What every command can reach: the data folder and the store (or why it could not open).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use coachdesk_core::keys::Key;
use coachdesk_core::{db::DATABASE_FILE, encryption, Db};

use crate::error::{ErrorCode, IpcError};

pub struct AppState {
    data_dir: PathBuf,
    /// The store, once it is open: at start, or after a damaged file was replaced by a backup.
    db: OnceLock<Db>,
    /// Why the store could not open at start (or at unlock).
    open_error: Mutex<Option<IpcError>>,
    /// The key her passphrase unlocked, for the recovery screen when the file is damaged.
    key: Mutex<Option<Key>>,
    /// Locked after idle minutes (or by her): the practice stays open, but nothing reaches it
    /// until her passphrase is typed again.
    idle_locked: AtomicBool,
    /// The backup or export picked last, to try again with a passphrase.
    picked: Mutex<Option<PathBuf>>,
    /// A save dialog of this run has said that saved files are not encrypted.
    plain_files_told: AtomicBool,
    /// Set by the Cancel button of a running bulk export.
    pub bulk_cancel: AtomicBool,
    /// Files CoachDesk saved in this run: the only ones the window may ask to open.
    exported: Mutex<Vec<PathBuf>>,
    /// Things to tell her once about backups: what became of a restore the app stopped in
    /// the middle of, a second place that was not there.
    backup_notices: Arc<Mutex<Vec<String>>>,
    /// A missing second place is told once per run, not at every backup.
    copy_missing_told: AtomicBool,
    /// This run's hold on the data folder: a second CoachDesk on it is refused.
    folder_lock: Mutex<Option<coachdesk_core::files::FolderLock>>,
    /// Another CoachDesk held the folder at start: "Try again" looks again.
    in_use: bool,
    /// A practice of an older schema is being brought up to date (copied aside, migrated) in
    /// the background: the window says so until the store is open (`finish_upgrade`).
    upgrading: AtomicBool,
}

impl AppState {
    /// Opens the store in `data_dir`, once this process holds the folder's lock (a CoachDesk
    /// that is just closing gets three seconds to let go; after that, the window says the
    /// practice is open elsewhere). A failure is kept, not fatal: the window opens and tells
    /// the coach what is wrong (for example, data written by a newer CoachDesk).
    pub fn open(data_dir: PathBuf, defer_upgrade: bool) -> Self {
        let mut tries = 0;
        let locked = loop {
            match coachdesk_core::files::lock_folder(&data_dir) {
                Ok(None) if tries < 30 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => break other,
            }
        };
        match locked {
            Ok(Some(lock)) => Self::open_holding(data_dir, Some(lock), defer_upgrade),
            Ok(None) => Self::in_use(data_dir),
            Err(e) => {
                // A folder that cannot be locked at all (a read-only share) opens anyway.
                eprintln!("CoachDesk: could not lock the data folder: {e}");
                Self::open_holding(data_dir, None, defer_upgrade)
            }
        }
    }

    /// Opens the store in `data_dir` for a process that already holds the folder's lock
    /// (see `single_instance`): two windows on one practice could undo each other's work, or
    /// tidy away a restore under way. With `defer_upgrade`, a practice of an older schema is
    /// not opened here: `finish_upgrade` opens it (on another thread) while the window says so.
    pub fn open_holding(
        data_dir: PathBuf,
        folder_lock: Option<coachdesk_core::files::FolderLock>,
        defer_upgrade: bool,
    ) -> Self {
        // The folder and every file in it are hers alone (older installs included).
        if let Err(e) = coachdesk_core::files::make_private(&data_dir) {
            eprintln!("CoachDesk: {e}");
        }
        // Before the store opens: a restore the app stopped in the middle of is tidied up.
        let restore_note = coachdesk_core::backups::finish_interrupted_restore(&data_dir);
        coachdesk_core::backups::clean_leftovers(&data_dir);
        // Copies written for the system viewer are not kept between runs.
        let _ = std::fs::remove_dir_all(coachdesk_core::files::opened_folder(&data_dir));
        // An encrypted practice opens once her passphrase is typed (`unlock`).
        let encrypted = encryption::is_on(&data_dir);
        let upgrading = !encrypted
            && defer_upgrade
            && coachdesk_core::db::needs_upgrade(&data_dir.join(DATABASE_FILE));
        let backup_notices = Arc::new(Mutex::new(restore_note.into_iter().collect()));
        let db = OnceLock::new();
        let open_error = if upgrading {
            None
        } else if encrypted {
            Some(IpcError::from(coachdesk_core::Error::Locked(LOCKED.into())))
        } else {
            match open_settled(&data_dir, &backup_notices) {
                Ok(opened) => {
                    let _ = db.set(opened);
                    None
                }
                Err(e) => Some(e),
            }
        };
        Self {
            db,
            open_error: Mutex::new(open_error),
            backup_notices,
            folder_lock: Mutex::new(folder_lock),
            upgrading: AtomicBool::new(upgrading),
            ..Self::quiet(data_dir)
        }
    }

    /// Whether the practice is being brought up to date (see `finish_upgrade`).
    pub fn is_upgrading(&self) -> bool {
        self.upgrading.load(Ordering::SeqCst)
    }

    /// Opens a practice of an older schema that `open_holding` left for later: migrates a copy
    /// of it and puts that in its place (`db::migrations::upgrade`), settles it, then the
    /// window carries on.
    pub fn finish_upgrade(&self) {
        if !self.is_upgrading() {
            return;
        }
        match open_settled(&self.data_dir, &self.backup_notices) {
            Ok(opened) => {
                let _ = self.db.set(opened);
            }
            Err(e) => *lock(&self.open_error) = Some(e),
        }
        self.upgrading.store(false, Ordering::SeqCst);
    }

    /// The state before anything happened on `data_dir`: no store, no error, nothing told.
    fn quiet(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            db: OnceLock::new(),
            open_error: Mutex::default(),
            key: Mutex::default(),
            idle_locked: AtomicBool::default(),
            picked: Mutex::default(),
            plain_files_told: AtomicBool::default(),
            bulk_cancel: AtomicBool::default(),
            exported: Mutex::default(),
            backup_notices: Arc::default(),
            copy_missing_told: AtomicBool::default(),
            folder_lock: Mutex::default(),
            in_use: false,
            upgrading: AtomicBool::default(),
        }
    }

    /// Another CoachDesk is working on this data folder: this one opens nothing.
    fn in_use(data_dir: PathBuf) -> Self {
        let error = coachdesk_core::Error::Conflict(
            "CoachDesk is already open on this practice, in another window. Please carry on \
             there and close this one: two windows on one practice could undo each other's \
             work."
                .into(),
        );
        Self {
            open_error: Mutex::new(Some(IpcError::from(error))),
            in_use: true,
            ..Self::quiet(data_dir)
        }
    }

    /// Keeps what a backup reports about its second copy, for her to be told once.
    pub fn note_second_copy(&self, second: coachdesk_core::backups::SecondCopy) {
        use coachdesk_core::backups::SecondCopy;
        let notice = match second {
            SecondCopy::NotChosen => None,
            SecondCopy::Made => {
                self.copy_missing_told.store(false, Ordering::SeqCst);
                None
            }
            SecondCopy::Missing(text) => {
                (!self.copy_missing_told.swap(true, Ordering::SeqCst)).then_some(text)
            }
            SecondCopy::Failed(text) => Some(text),
        };
        if let Some(text) = notice {
            self.backup_notices
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(text);
        }
    }

    /// The notices not told yet (and forgets them).
    pub fn take_backup_notices(&self) -> Vec<String> {
        std::mem::take(
            &mut *self
                .backup_notices
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn db(&self) -> Result<&Db, IpcError> {
        if self.is_upgrading() {
            return Err(IpcError::internal(
                "CoachDesk is bringing your practice up to date. It is ready in a moment.",
            ));
        }
        if let Some(db) = self.db.get() {
            if self.idle_locked.load(Ordering::SeqCst) {
                return Err(IpcError::from(coachdesk_core::Error::Locked(LOCKED.into())));
            }
            return Ok(db);
        }
        // The other CoachDesk may have closed since: then this one opens the practice.
        if self.in_use {
            if let Ok(Some(held)) = coachdesk_core::files::lock_folder(&self.data_dir) {
                let opened = Self::open_holding(self.data_dir.clone(), Some(held), false);
                let Self {
                    db,
                    open_error,
                    folder_lock,
                    backup_notices,
                    ..
                } = opened;
                // This run holds the folder from now on, whatever became of the opening (a
                // locked practice opens at unlock).
                *lock(&self.folder_lock) = folder_lock
                    .into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let told: Vec<String> = lock(&backup_notices).drain(..).collect();
                lock(&self.backup_notices).extend(told);
                *lock(&self.open_error) = open_error
                    .into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                if let Some(db) = db.into_inner() {
                    let _ = self.db.set(db);
                }
            }
        }
        self.db.get().ok_or_else(|| {
            lock(&self.open_error)
                .clone()
                .unwrap_or_else(|| IpcError::internal("The practice is not open."))
        })
    }

    /// The store if it is open, even while the idle lock is on: for the automatic backups.
    pub fn open_db(&self) -> Option<&Db> {
        self.db.get()
    }

    /// Whether the practice is encrypted and waits for her passphrase.
    pub fn is_locked(&self) -> bool {
        match self.db.get() {
            Some(_) => self.idle_locked.load(Ordering::SeqCst),
            None => matches!(&*lock(&self.open_error), Some(e) if e.code == ErrorCode::Locked),
        }
    }

    /// Locks the window until her passphrase is typed again (idle minutes, or by her).
    pub fn lock_now(&self) -> Result<(), IpcError> {
        match self.db.get() {
            Some(db) if db.key().is_some() => {
                self.idle_locked.store(true, Ordering::SeqCst);
                Ok(())
            }
            _ => Err(IpcError::from(coachdesk_core::Error::Conflict(
                "Only an encrypted practice can be locked: turn encryption on in Settings.".into(),
            ))),
        }
    }

    /// Opens an encrypted practice with her passphrase (or recovery key); after the idle lock,
    /// lets her back in. A wrong one is told in words; she may try as often as she likes.
    pub fn unlock(&self, secret: &str) -> Result<(), IpcError> {
        if let Some(db) = self.db.get() {
            let key = encryption::unlock(&self.data_dir, secret)?;
            if db.key().map(|k| k.id().to_owned()).as_deref() != Some(key.id()) {
                return Err(IpcError::internal(
                    "The key file does not belong to the open practice.",
                ));
            }
            self.idle_locked.store(false, Ordering::SeqCst);
            return Ok(());
        }
        if !self.is_locked() {
            return Err(IpcError::internal("The practice is not locked."));
        }
        let key = encryption::unlock(&self.data_dir, secret)?;
        *lock(&self.key) = Some(key.clone());
        match Db::open_keyed(&self.database_path(), Some(key)) {
            Ok(db) => {
                settle(&db, &self.data_dir);
                check_in_background(&db, &self.backup_notices);
                *lock(&self.open_error) = None;
                let _ = self.db.set(db);
                Ok(())
            }
            Err(e) => {
                // A damaged file now shows the recovery screen, a newer one its message.
                let error = IpcError::from(e);
                *lock(&self.open_error) = Some(error.clone());
                Err(error)
            }
        }
    }

    /// True once per run, while the practice is encrypted: the save dialog then says that the
    /// file she saves will not be.
    pub fn tell_plain_files_once(&self) -> bool {
        self.open_db().is_some_and(|db| db.key().is_some())
            && !self.plain_files_told.swap(true, Ordering::SeqCst)
    }

    /// For a retry with a passphrase: the file picked last; otherwise `pick` asks for one,
    /// which is remembered.
    pub fn picked_again(
        &self,
        retry: bool,
        pick: impl FnOnce() -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        let mut picked = lock(&self.picked);
        if retry {
            if let Some(path) = picked.clone() {
                return Some(path);
            }
        }
        let path = pick()?;
        *picked = Some(path.clone());
        Some(path)
    }

    /// When the practice file was damaged at start: puts the backup named `file_name` (in the
    /// backups folder) in its place and opens it.
    pub fn recover_from(&self, file_name: &str) -> Result<(), IpcError> {
        if self.db.get().is_some() {
            return Err(IpcError::internal(
                "Your practice is open; restore from Settings instead.",
            ));
        }
        let path = coachdesk_core::backups::folder_in(&self.data_dir).join(file_name);
        let key = lock(&self.key).clone();
        let db = coachdesk_core::backups::recover(&self.data_dir, &path, key)?;
        *lock(&self.open_error) = None;
        let _ = self.db.set(db);
        Ok(())
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    /// Remembers a file CoachDesk saved, so that the coach may open it from the window.
    pub fn remember_export(&self, path: &Path) {
        self.exported
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(path.to_owned());
    }

    /// True if CoachDesk saved this file (or this folder of a bulk export) in this run.
    pub fn was_exported(&self, path: &Path) -> bool {
        self.exported
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .any(|p| p == path)
    }

    /// True when the store could not be opened because its schema is newer than this build.
    pub fn is_newer_schema(&self) -> bool {
        self.db.get().is_none()
            && matches!(&*lock(&self.open_error), Some(e) if e.code == ErrorCode::NewerSchema)
    }
}

/// What a locked practice says to anything that asks for it.
const LOCKED: &str = "CoachDesk is locked. Type your passphrase to open your practice.";

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A practice file opening could not read whole in its time (`db::CHECK_AT_OPEN`) is read page
/// by page after it opened: any damage found is told once, with what to do.
fn check_in_background(db: &Db, notices: &Arc<Mutex<Vec<String>>>) {
    let Some(path) = db.path().map(Path::to_owned) else {
        return;
    };
    if db.checked_at_open() {
        return;
    }
    let key = db.key();
    let notices = Arc::clone(notices);
    std::thread::spawn(move || {
        if let Err(coachdesk_core::Error::Damaged { detail }) =
            coachdesk_core::db::check_whole_file(&path, key.as_ref())
        {
            eprintln!("CoachDesk: the practice file is damaged: {detail}");
            lock(&notices).push(
                "CoachDesk found damage in your practice file. What you see now may be \
                 incomplete: restore your newest backup (Settings → Your data → Restore…); \
                 your data from just before is kept as a backup too."
                    .to_owned(),
            );
        }
    });
}

/// Opens the unencrypted store in `data_dir` (copying aside and migrating an older one), then
/// settles it and starts its background check.
fn open_settled(data_dir: &Path, notices: &Arc<Mutex<Vec<String>>>) -> Result<Db, IpcError> {
    let db = Db::open(&data_dir.join(DATABASE_FILE))?;
    settle(&db, data_dir);
    check_in_background(&db, notices);
    Ok(db)
}

/// Once the store is open: files an older CoachDesk kept beside the database move inside it
/// (a file that cannot be read stays where it is and its record says it is missing), and
/// backups a stop half-way through turning encryption on left plain are encrypted.
fn settle(db: &Db, data_dir: &Path) {
    if let Err(e) = coachdesk_core::legacy_files::move_inside(db, data_dir) {
        eprintln!("CoachDesk: could not move old attachments inside the database: {e}");
    }
    if db.key().is_some() {
        if let Err(e) = encryption::match_copies(db, None) {
            eprintln!("CoachDesk: could not encrypt every backup: {e}");
        }
    }
}

/// The data folder: `COACHDESK_DATA_DIR` when set (tests, portable use), else the OS default.
pub fn data_dir_from_env(default: impl FnOnce() -> Option<PathBuf>) -> Option<PathBuf> {
    match std::env::var_os("COACHDESK_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => default(),
    }
}
