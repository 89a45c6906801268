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

/// Removes temp files that killed earlier builds left beside `output`. A temp file whose build
/// is still running (its process id is alive) is left alone: two builds may share a folder.
fn clear_stale(output: &Path) {
    let prefix = temp_prefix(output);
    let Ok(entries) = std::fs::read_dir(folder(output)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.strip_prefix(&prefix) else {
            continue;
        };
        if !process_alive(pid) {
            // Best effort: a file we cannot remove is left for the user to see.
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Whether a process with this id is running, where the system can tell (`/proc`); elsewhere
/// every temp file counts as stale.
fn process_alive(pid: &str) -> bool {
    pid.parse::<u32>().is_ok_and(|pid| {
        pid != std::process::id() && Path::new("/proc").join(pid.to_string()).exists()
    })
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
        std::fs::rename(&tmp, output)?;
        // The rename itself is durable only once the folder is synced; where a folder cannot be
        // opened as a file (not on Unix), the rename is as durable as the system makes it.
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(output, e)
    })
}
