//! Writing files the coach keeps (logos, exports) so that a crash never leaves half a file.

use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` through a temporary file beside it, synced to disk, and a rename
/// (the folder synced too), so the file is either the old one or the complete new one, even
/// after a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let shown = path.display();
    let fail = |e| Error::io(format!("Could not write {shown}"), e);
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    if let Some(folder) = path.parent() {
        // Not every system can sync a folder; the rename is done either way.
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// A name safe inside a ZIP and on every file system, keeping letters of any script.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_matches(['.', ' ']);
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned.to_owned()
    }
}

/// A ZIP being written part by part by [`write_zip`].
pub struct ZipOut {
    zip: zip::ZipWriter<std::fs::File>,
    options: zip::write::SimpleFileOptions,
    shown: String,
}

impl ZipOut {
    /// Starts the part `name`; what is then written to the returned writer goes into it.
    pub fn start(&mut self, name: &str) -> Result<&mut impl std::io::Write> {
        self.zip
            .start_file(name, self.options)
            .map_err(|e| Error::Conflict(format!("Could not write {}: {e}", self.shown)))?;
        Ok(&mut self.zip)
    }

    /// Adds the part `name` holding `bytes`.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        use std::io::Write;
        let shown = self.shown.clone();
        self.start(name)?
            .write_all(bytes)
            .map_err(|e| Error::io(format!("Could not write {shown}"), e))
    }
}

/// Writes a ZIP at `path` (deflated at the fastest level, which is nearly as small for notes
/// and fast for photos and PDFs) through a partial file beside it and a rename, so a
/// half-written ZIP is never left under her name. `fill` adds the parts.
pub fn write_zip(path: &Path, fill: impl FnOnce(&mut ZipOut) -> Result<()>) -> Result<()> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let partial = path.with_file_name(format!(".{name}.partial"));
    let fail = |e: std::io::Error| Error::io(format!("Could not write {shown}"), e);
    let written = (|| -> Result<()> {
        let file = std::fs::File::create(&partial).map_err(fail)?;
        let mut out = ZipOut {
            zip: zip::ZipWriter::new(file),
            options: zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .compression_level(Some(1))
                .large_file(true),
            shown: shown.clone(),
        };
        fill(&mut out)?;
        out.zip
            .finish()
            .map_err(|e| Error::Conflict(format!("Could not write {shown}: {e}")))?
            .sync_all()
            .map_err(fail)?;
        std::fs::rename(&partial, path).map_err(fail)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written?;
    if let Some(folder) = path.parent() {
        if let Ok(dir) = std::fs::File::open(folder) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// This process's hold on a data folder: while it lives, another CoachDesk opening the same
/// folder is refused. The system releases it when the process ends, even by a crash.
#[derive(Debug)]
pub struct FolderLock {
    _file: std::fs::File,
}

/// The name of the lock file in the data folder.
pub const LOCK_FILE: &str = "coachdesk.lock";

/// Takes the data folder for this process; `None` when another process holds it.
pub fn lock_folder(folder: &Path) -> Result<Option<FolderLock>> {
    std::fs::create_dir_all(folder)
        .map_err(|e| Error::io(format!("Could not create {}", folder.display()), e))?;
    let path = folder.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(format!("Could not open {}", path.display()), e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(FolderLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(Error::io(format!("Could not lock {}", path.display()), e))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_folder_is_held_by_one_lock_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock_folder(dir.path()).unwrap();
        assert!(first.is_some());
        assert!(
            lock_folder(dir.path()).unwrap().is_none(),
            "held by the first"
        );
        drop(first);
        assert!(lock_folder(dir.path()).unwrap().is_some(), "free again");
    }

    #[test]
    fn safe_names_keep_letters_of_any_script() {
        assert_eq!(
            safe_file_name("MRI 2026 – Zoë/李.pdf"),
            "MRI 2026 – Zoë_李.pdf"
        );
        assert_eq!(safe_file_name("../.."), "_");
        assert_eq!(safe_file_name("  "), "file");
    }
}
