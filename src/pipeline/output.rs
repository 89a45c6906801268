//! Writing the dataset so that a reader never sees half a file: temp file, flush, rename; and
//! never over something that is not a dataset's place (an input, a device, a folder, a
//! read-only file).

use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::dataset::Dataset;
use crate::{Error, Result};

use super::inputs::kind;

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

/// Where a dataset named `output` is really written, and what is there now.
#[derive(Debug)]
pub struct Target {
    /// The file replaced: `output` itself, or the file a symlink at `output` leads to.
    pub path: PathBuf,
    /// The file there now, if any (always a regular, writable file).
    pub existing: Option<Metadata>,
}

fn refuse(path: &Path, reason: impl Into<String>) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Resolves `output` to the file to replace and checks it may be replaced: a new path, or an
/// existing regular file that is not read-only. Symlinks are followed to their target, so the
/// link stays a link and its target gets the data.
pub fn target(output: &Path) -> Result<Target> {
    let named_folder = output.as_os_str().to_string_lossy().ends_with(['/', '\\'])
        || matches!(
            output.components().next_back(),
            Some(std::path::Component::CurDir | std::path::Component::ParentDir)
        );
    if named_folder || output.as_os_str().is_empty() {
        return Err(refuse(
            output,
            format!(
                "names a folder; give a file name, e.g. -o {}",
                output.join("dataset.json").display()
            ),
        ));
    }
    let mut path = output.to_path_buf();
    // As many links as the system itself follows before giving up.
    for _ in 0..40 {
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Target {
                    path,
                    existing: None,
                });
            }
            Err(e) => return Err(Error::io(&path, e)),
        };
        if meta.file_type().is_symlink() {
            let to = std::fs::read_link(&path).map_err(|e| Error::io(&path, e))?;
            path = folder(&path).join(to);
            continue;
        }
        if meta.is_dir() {
            return Err(refuse(
                output,
                format!(
                    "is a folder; give a file name, e.g. -o {}",
                    output.join("dataset.json").display()
                ),
            ));
        }
        if !meta.is_file() {
            return Err(refuse(
                output,
                format!(
                    "is {}, not a regular file; output is written only to a regular file \
                     or a new path",
                    kind(&meta)
                ),
            ));
        }
        if meta.permissions().readonly() {
            return Err(refuse(
                output,
                "is read-only; make it writable (chmod u+w) or choose another output with -o",
            ));
        }
        return Ok(Target {
            path,
            existing: Some(meta),
        });
    }
    Err(refuse(output, "is a chain of too many symlinks"))
}

/// Whether two metadata describe the same file.
#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Refuses an output that is one of `inputs` (by file identity, so also through links and hard
/// links, or, where identity is unknown, by canonical path).
pub fn check_not_an_input(output: &Path, target: &Target, inputs: &[PathBuf]) -> Result<()> {
    let Some(out_meta) = &target.existing else {
        return Ok(());
    };
    let out_canon = std::fs::canonicalize(&target.path).ok();
    for input in inputs {
        let Ok(meta) = std::fs::metadata(input) else {
            continue;
        };
        #[cfg(unix)]
        let same = same_file(&meta, out_meta);
        #[cfg(not(unix))]
        let same = {
            let _ = (&meta, out_meta);
            false
        };
        if same || (out_canon.is_some() && std::fs::canonicalize(input).ok() == out_canon) {
            return Err(refuse(
                output,
                format!(
                    "is the input {}; writing there would destroy it, \
                     choose another output with -o",
                    input.display()
                ),
            ));
        }
    }
    Ok(())
}

/// An I/O error while writing in `dir`, naming the folder and saying what to do.
fn folder_error(dir: &Path, e: std::io::Error) -> Error {
    let advice = match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            "free some space, or choose another folder with -o"
        }
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            "choose a folder you can write to with -o"
        }
        _ => "check the folder, or choose another with -o",
    };
    refuse(
        dir,
        format!("cannot write the dataset in this folder: {e}; {advice}"),
    )
}

/// Signals that end a build, caught during the write phase so the temp file can be removed
/// first. A second signal takes the default action at once.
struct Interrupt {
    received: Arc<AtomicUsize>,
    default_now: Arc<AtomicBool>,
}

#[cfg(unix)]
const INTERRUPTS: &[i32] = &[
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGHUP,
];
#[cfg(not(unix))]
const INTERRUPTS: &[i32] = &[signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];

impl Interrupt {
    fn catch() -> Interrupt {
        let i = Interrupt {
            received: Arc::new(AtomicUsize::new(0)),
            default_now: Arc::new(AtomicBool::new(false)),
        };
        for &signal in INTERRUPTS {
            // Best effort: a signal that cannot be caught keeps its default action, and the
            // next build clears the temp file it leaves.
            let _ =
                signal_hook::flag::register_conditional_default(signal, Arc::clone(&i.default_now));
            let _ = signal_hook::flag::register(signal, Arc::clone(&i.default_now));
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            let _ = signal_hook::flag::register_usize(signal, Arc::clone(&i.received), value);
        }
        i
    }

    fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }

    /// If a signal came, removes `tmp` and ends the process as the signal would have.
    fn check(&self, tmp: &Path) {
        if let Some(signal) = self.received() {
            let _ = std::fs::remove_file(tmp);
            die_by(signal);
        }
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        // From now on the signals act as if never caught.
        self.default_now.store(true, Ordering::SeqCst);
        if let Some(signal) = self.received() {
            die_by(signal);
        }
    }
}

fn die_by(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// How much is written between checks for an interrupting signal.
const CHUNK: usize = 1 << 20;

/// Writes `ds` to `output` atomically: the old file stays intact unless the new one is complete.
///
/// A symlink at `output` is followed and its target replaced (the temp file is made beside
/// the target); the replaced file's permissions are kept. SIGTERM, SIGINT and SIGHUP during
/// the write remove the temp file before ending the process.
pub fn write_atomic(output: &Path, ds: &Dataset) -> Result<()> {
    let json = to_json(ds).map_err(|e| Error::io(output, std::io::Error::other(e)))?;
    write_json_atomic(output, &json)
}

/// Writes a dataset already serialised by [`to_json`], as [`write_atomic`] does.
pub(crate) fn write_json_atomic(output: &Path, json: &str) -> Result<()> {
    let target = target(output)?;
    let dir = folder(&target.path);
    std::fs::create_dir_all(&dir).map_err(|e| folder_error(&dir, e))?;
    clear_stale(&target.path);
    let tmp = dir.join(format!(
        "{}{}",
        temp_prefix(&target.path),
        std::process::id()
    ));
    let interrupt = Interrupt::catch();
    let mut f = std::fs::File::create(&tmp).map_err(|e| folder_error(&dir, e))?;
    let result = (|| {
        for chunk in json.as_bytes().chunks(CHUNK) {
            f.write_all(chunk)?;
            interrupt.check(&tmp);
        }
        if let Some(meta) = &target.existing {
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()?;
        interrupt.check(&tmp);
        std::fs::rename(&tmp, &target.path)
    })();
    drop(f);
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(folder_error(&dir, e));
    }
    // The rename itself is durable only once the folder is synced; where a folder cannot be
    // opened as a file (not on Unix), the rename is as durable as the system makes it.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    drop(interrupt);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_disks_and_permissions_name_the_folder_and_say_what_to_do() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let e = folder_error(Path::new("out"), full).to_string();
        assert!(
            e.starts_with("out: cannot write the dataset in this folder"),
            "{e}"
        );
        assert!(e.contains("free some space"), "{e}");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let e = folder_error(Path::new("out"), denied).to_string();
        assert!(e.contains("choose a folder you can write to"), "{e}");
    }

    #[test]
    fn folders_are_not_outputs() {
        let dir = tempfile::tempdir().unwrap();
        for p in [
            dir.path().to_path_buf(),
            dir.path().join("new/"),
            dir.path().join("."),
        ] {
            let e = target(&p).unwrap_err().to_string();
            assert!(e.contains("folder"), "{e}");
        }
    }
}
