//! Writing files the coach keeps (logos, exports) so that a crash never leaves half a file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where an older CoachDesk kept one client's attachments (read in by `legacy_files`; removed with her record).
pub fn client_folder(data_dir: &Path, client_id: i64) -> PathBuf {
    data_dir
        .join("attachments")
        .join(format!("client-{client_id}"))
}

/// The folder of copies written for the system viewer (a lab file she opens): removed at quit and at start.
pub fn opened_folder(data_dir: &Path) -> PathBuf {
    data_dir.join("opened")
}

/// A file core makes whole before the save dialog opens (her check-ins as CSV, a consult's
/// calendar file, the recovery sheet), so she never picks a file only to be told something is
/// wrong: the name to suggest, what kind of file it is, and its bytes.
pub struct Made {
    pub name: String,
    pub kind: Kind,
    pub bytes: Vec<u8>,
}

/// What a made file is, for the save dialog's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Calendar,
    Pdf,
}

/// `name` in `folder`, or, when a file of that name is there already, "name (2).ext",
/// "name (3).ext"… (only the extension at the end is kept apart, so a title holding ".pdf"
/// stays whole).
pub fn unused_path(folder: &Path, name: &str) -> PathBuf {
    unused_path_besides(folder, name, &mut HashSet::new())
}

/// `unused_path`, also passing over the names in `taken` (files about to be written, compared
/// without regard to case, as some systems' folders do), and adding the name it gives.
pub fn unused_path_besides(folder: &Path, name: &str, taken: &mut HashSet<String>) -> PathBuf {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(' ') => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    let mut candidate = name.to_owned();
    let mut n = 2;
    while taken.contains(&candidate.to_lowercase()) || folder.join(&candidate).exists() {
        candidate = format!("{stem} ({n}){ext}");
        n += 1;
    }
    taken.insert(candidate.to_lowercase());
    folder.join(candidate)
}

/// Writes `bytes` to `path` through a temporary file beside it, synced to disk, and a rename
/// (the folder synced too), so the file is either the old one or the complete new one, even
/// after a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_all_atomic(&[(path, bytes)])
}

/// `write_atomic` for several files at once: every file is written before any is synced, and
/// synced before any is renamed into place, and each folder is synced once (n + 1 waits for
/// the disk instead of 2n; on most systems the first sync writes out the others too, so the
/// rest are short). No half-written file is ever left: when one cannot be written, none is put
/// in place (a rename that fails part way leaves the files before it, whole).
pub fn write_all_atomic(files: &[(&Path, &[u8])]) -> Result<()> {
    use std::io::Write;
    let fail = |path: &Path, e| Error::io(format!("Could not write {}", path.display()), e);
    let mut temporary = Vec::with_capacity(files.len());
    let mut placed = || -> Result<()> {
        let mut opened = Vec::with_capacity(files.len());
        for &(path, bytes) in files {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let tmp = path.with_file_name(format!(".{name}.tmp"));
            let mut file = std::fs::File::create(&tmp).map_err(|e| fail(path, e))?;
            temporary.push(tmp);
            file.write_all(bytes).map_err(|e| fail(path, e))?;
            opened.push(file);
        }
        // On most systems the first sync writes out the others too; the rest are short.
        for (&(path, _), file) in files.iter().zip(&opened) {
            file.sync_all().map_err(|e| fail(path, e))?;
        }
        for (&(path, _), tmp) in files.iter().zip(&temporary) {
            std::fs::rename(tmp, path).map_err(|e| fail(path, e))?;
        }
        Ok(())
    };
    if let Err(e) = placed() {
        for tmp in &temporary {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    let mut folders: Vec<&Path> = files.iter().filter_map(|(p, _)| p.parent()).collect();
    folders.sort_unstable();
    folders.dedup();
    for folder in folders {
        sync_folder(folder);
    }
    Ok(())
}

/// Makes a rename in `folder` durable (best effort: not every system can sync a folder; the
/// rename is done either way).
pub fn sync_folder(folder: &Path) {
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// The longest file name CoachDesk writes or keeps, in bytes (most file systems allow 255).
pub const MAX_NAME_BYTES: usize = 200;

/// `name` cut to at most `max` bytes on a character boundary, keeping its extension
/// ("Bloodwork … .pdf" stays a PDF).
pub fn cap_name(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let ext = Path::new(name)
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .filter(|e| e.len() <= 16)
        .unwrap_or_default();
    let stem = &name[..name.len() - ext.len()];
    let mut cut = max.saturating_sub(ext.len());
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{ext}", stem[..cut].trim_end())
}

/// A name safe inside a ZIP and on every file system, keeping letters of any script, at most
/// [`MAX_NAME_BYTES`] long with its extension kept.
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
        .collect();
    let cleaned = cleaned.trim_matches(['.', ' ']);
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cap_name(cleaned, MAX_NAME_BYTES)
    }
}

/// Makes the data folder hers alone on Linux and macOS: the folder and those inside it 0700,
/// every file 0600 (no execute bit). Run at start, so files an older CoachDesk (or a copy from
/// elsewhere) left readable by others are closed too.
#[cfg(unix)]
pub fn make_private(folder: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let set = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io(format!("Could not protect {}", path.display()), e))
    };
    set(folder, 0o700)?;
    let mut folders = vec![folder.to_owned()];
    while let Some(current) = folders.pop() {
        let entries = std::fs::read_dir(&current)
            .map_err(|e| Error::io(format!("Could not read {}", current.display()), e))?;
        for entry in entries.flatten() {
            // Links are left alone: what they point to is not ours to change.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                set(&entry.path(), 0o700)?;
                folders.push(entry.path());
            } else if kind.is_file() {
                set(&entry.path(), 0o600)?;
            }
        }
    }
    Ok(())
}

/// Other systems keep files private by their own means.
#[cfg(not(unix))]
pub fn make_private(_folder: &Path) -> Result<()> {
    Ok(())
}

/// Reads the regular file at `path` if it holds at most `max` bytes; `Ok(None)` when it holds
/// more. What is read is bounded, so a file that grows meanwhile cannot get past the limit;
/// anything that is not a regular file (a FIFO, a device, a folder) is refused before it is
/// opened, so a read can never hang.
pub fn read_at_most(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a file",
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
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
            .map_err(|e| Error::io(format!("Could not write {}", self.shown), e.into()))?;
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

/// The JSON member `name` of a zip file (at most `max` bytes), read as `T`; a member missing,
/// too long or not that JSON is `WrongFile(wrong)` ("This file is not a CoachDesk backup.").
pub fn zip_json<T: serde::de::DeserializeOwned, R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    max: u64,
    wrong: &str,
) -> Result<T> {
    use std::io::Read as _;
    let mut text = String::new();
    zip.by_name(name)
        .map_err(|_| Error::WrongFile(wrong.into()))?
        .take(max)
        .read_to_string(&mut text)
        .map_err(|_| Error::WrongFile(wrong.into()))?;
    serde_json::from_str(&text).map_err(|_| Error::WrongFile(wrong.into()))
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
            .map_err(|e| Error::io(format!("Could not write {shown}"), e.into()))?
            .sync_all()
            .map_err(fail)?;
        std::fs::rename(&partial, path).map_err(fail)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written?;
    if let Some(folder) = path.parent() {
        sync_folder(folder);
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
    fn an_unused_name_numbers_before_the_extension_only() {
        let dir = tempfile::tempdir().unwrap();
        let name = "Why .pdf files – Zoë – 2026-12-02.pdf";
        assert_eq!(unused_path(dir.path(), name), dir.path().join(name));
        std::fs::write(dir.path().join(name), b"x").unwrap();
        let second = unused_path(dir.path(), name);
        assert_eq!(
            second,
            dir.path().join("Why .pdf files – Zoë – 2026-12-02 (2).pdf")
        );
        std::fs::write(&second, b"x").unwrap();
        assert_eq!(
            unused_path(dir.path(), name),
            dir.path().join("Why .pdf files – Zoë – 2026-12-02 (3).pdf")
        );
        std::fs::write(dir.path().join("notes"), b"x").unwrap();
        assert_eq!(
            unused_path(dir.path(), "notes"),
            dir.path().join("notes (2)")
        );
    }

    #[test]
    fn names_about_to_be_written_are_passed_over_too_whatever_their_case() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Zoë.pdf"), b"x").unwrap();
        let mut taken = HashSet::new();
        let names: Vec<PathBuf> = ["Zoë.pdf", "Anna.pdf", "anna.pdf", "Anna.pdf"]
            .iter()
            .map(|n| unused_path_besides(dir.path(), n, &mut taken))
            .collect();
        let names: Vec<_> = names.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(
            names,
            ["Zoë (2).pdf", "Anna.pdf", "anna (2).pdf", "Anna (3).pdf"]
        );
    }

    #[test]
    fn files_written_together_are_all_whole_or_none_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
        write_all_atomic(&[(&a, b"first"), (&b, b"second")]).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"first");
        assert_eq!(std::fs::read(&b).unwrap(), b"second");

        let (c, lost) = (dir.path().join("c.pdf"), dir.path().join("gone/d.pdf"));
        assert!(write_all_atomic(&[(&c, b"third"), (&lost, b"fourth")]).is_err());
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["a.pdf", "b.pdf"], "no c.pdf, no temporary file");
    }

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
    fn reads_are_bounded_and_only_of_regular_files() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("a.txt");
        std::fs::write(&small, b"12345").unwrap();
        assert_eq!(read_at_most(&small, 5).unwrap().unwrap(), b"12345");
        assert!(read_at_most(&small, 4).unwrap().is_none());
        assert!(read_at_most(dir.path(), 10).is_err(), "a folder");
        #[cfg(unix)]
        {
            // A FIFO with no writer would block a plain read forever.
            let fifo = dir.path().join("pipe");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                assert!(read_at_most(&fifo, 10).is_err());
            }
        }
    }

    #[test]
    fn names_are_capped_in_bytes_and_keep_their_extension() {
        let long = format!("{} Zoë.pdf", "李".repeat(100));
        let capped = cap_name(&long, MAX_NAME_BYTES);
        assert!(capped.len() <= MAX_NAME_BYTES, "{}", capped.len());
        assert!(capped.ends_with(".pdf"), "{capped}");
        assert!(capped.starts_with("李李"));
        assert_eq!(cap_name("short.pdf", 200), "short.pdf");
        let no_ext = "é".repeat(150);
        assert!(cap_name(&no_ext, 200).len() <= 200);
        assert!(safe_file_name(&long).len() <= MAX_NAME_BYTES);
    }

    #[cfg(unix)]
    #[test]
    fn the_data_folder_is_made_hers_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(data.join("backups")).unwrap();
        std::fs::write(data.join("coachdesk.db"), b"x").unwrap();
        std::fs::write(data.join("backups/b.coachdesk-backup"), b"x").unwrap();
        std::fs::set_permissions(
            data.join("coachdesk.db"),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        make_private(&data).unwrap();
        let mode = |p: &str| {
            std::fs::metadata(data.join(p))
                .unwrap()
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode(""), 0o700);
        assert_eq!(mode("backups"), 0o700);
        assert_eq!(mode("coachdesk.db"), 0o600);
        assert_eq!(mode("backups/b.coachdesk-backup"), 0o600);
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
