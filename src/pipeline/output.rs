//! Writing the dataset so that a reader never sees half a file: temp file, flush, rename.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::dataset::Dataset;
use crate::{Error, Result};

/// The prefix of temp files for `output`, so a later run can clear what a killed one left.
fn temp_prefix(output: &Path) -> String {
    let name = output
        .file_name()
        .map_or_else(|| "dataset".into(), |n| n.to_string_lossy());
    format!(".{name}.tmp-")
}

fn folder(output: &Path) -> PathBuf {
    match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes temp files a killed earlier build left beside `output`.
fn clear_stale(output: &Path) {
    let prefix = temp_prefix(output);
    let Ok(entries) = std::fs::read_dir(folder(output)) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(&prefix) {
            // Best effort: a file we cannot remove is left for the user to see.
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The dataset as written to disk: pretty JSON with a final newline, byte-for-byte
/// deterministic for the same dataset.
pub fn to_json(ds: &Dataset) -> serde_json::Result<String> {
    let mut s = serde_json::to_string_pretty(ds)?;
    s.push('\n');
    Ok(s)
}

/// Writes `ds` to `output` atomically: the old file stays intact unless the new one is complete.
pub fn write_atomic(output: &Path, ds: &Dataset) -> Result<()> {
    let dir = folder(output);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    clear_stale(output);
    let tmp = dir.join(format!("{}{}", temp_prefix(output), std::process::id()));
    let result = (|| {
        let json = to_json(ds).map_err(std::io::Error::other)?;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(json.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, output)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(output, e)
    })
}
