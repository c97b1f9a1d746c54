//! Writing files the coach keeps (logos, exports) so that a crash never leaves half a file.

use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` through a temporary file beside it and a rename, so the file is
/// either the old one or the complete new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let shown = path.display();
    std::fs::write(&tmp, bytes).map_err(|e| Error::io(format!("Could not write {shown}"), e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(format!("Could not write {shown}"), e)
    })
}
