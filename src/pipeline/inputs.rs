//! Which files a build reads: article files (`.txt`, `.md`, `.html`, `.htm`) named directly or
//! found in folders, symlinked folders included.

use std::collections::HashSet;
use std::fs::Metadata;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The extensions of article files, lower case.
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

/// Whether `p` names an article file by its extension.
pub fn is_article_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

/// What the inputs expand to.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Article files to read, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Things found in folders and left out, each with the reason (`pages/pipe.txt: not a
    /// regular file`), for the build summary.
    pub skipped: Vec<String>,
    /// Inputs that cannot be used; the build fails listing all of them.
    pub problems: Vec<Error>,
}

/// `./seeds/a.txt` and `seeds/a.txt` are one file.
fn normal(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// Identity of a folder, to follow each one once whatever links lead to it.
#[cfg(unix)]
fn identity(meta: &Metadata, _path: &Path) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(_meta: &Metadata, path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

struct Walk {
    out: Inputs,
    #[cfg(unix)]
    seen: HashSet<(u64, u64)>,
    #[cfg(not(unix))]
    seen: HashSet<PathBuf>,
}

impl Walk {
    fn folder(&mut self, dir: &Path, meta: &Metadata) {
        if !self.seen.insert(identity(meta, dir)) {
            self.out.skipped.push(format!(
                "{}: a link to a folder already read, skipped",
                normal(dir).display()
            ));
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => return self.out.problems.push(Error::io(dir, e)),
        };
        let mut entries: Vec<_> = entries.collect();
        // Folder order decides which of two links to one folder is followed.
        entries.sort_by_key(|e| e.as_ref().map(|e| e.file_name()).ok());
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.out.problems.push(Error::io(dir, e));
                    continue;
                }
            };
            let path = entry.path();
            // Follows links: a link to a folder is walked, a link to a file read.
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.folder(&path, &m),
                Ok(m) if is_article_file(&path) => {
                    if m.is_file() {
                        self.out.files.push(normal(&path));
                    } else {
                        self.out.skipped.push(format!(
                            "{}: not a regular file ({}), skipped",
                            normal(&path).display(),
                            kind(&m)
                        ));
                    }
                }
                Ok(_) => {}
                Err(e) if is_article_file(&path) => self.out.problems.push(Error::io(&path, e)),
                // A broken link without an article's name may have been a folder: say so.
                Err(_) => self.out.skipped.push(format!(
                    "{}: a broken link, skipped",
                    normal(&path).display()
                )),
            }
        }
    }
}

/// What kind of special file `meta` describes, for messages.
pub fn kind(meta: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Expands files and folders to the sorted list of article files they hold.
///
/// A file named directly must be a regular file with an article's extension; in folders other
/// files are passed over, and special files with an article's name are skipped with a note.
/// Every unusable input is listed in [`Inputs::problems`], not only the first.
pub fn scan_inputs(inputs: &[PathBuf]) -> Inputs {
    let mut walk = Walk {
        out: Inputs::default(),
        seen: HashSet::new(),
    };
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                walk.out.problems.push(Error::io(input, e));
                continue;
            }
        };
        if meta.is_dir() {
            let before = (walk.out.files.len(), walk.out.problems.len());
            walk.folder(input, &meta);
            if (walk.out.files.len(), walk.out.problems.len()) == before {
                walk.out.problems.push(Error::NoInput(input.clone()));
            }
        } else if !meta.is_file() {
            walk.out.problems.push(Error::Input {
                path: input.clone(),
                reason: format!(
                    "is {}, not a regular file; name article files or folders of them",
                    kind(&meta)
                ),
            });
        } else if !is_article_file(input) {
            walk.out.problems.push(Error::Input {
                path: input.clone(),
                reason: "is not an article file: gaoxin reads .txt, .md, .html and .htm \
                         files (open a dataset with --data)"
                    .into(),
            });
        } else {
            walk.out.files.push(normal(input));
        }
    }
    walk.out.files.sort();
    walk.out.files.dedup();
    walk.out
}

/// As [`scan_inputs`], failing on any unusable input.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let scanned = scan_inputs(inputs);
    match Error::all(scanned.problems) {
        Some(e) => Err(e),
        None => Ok(scanned.files),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path, files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn folders_expand_to_sorted_article_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in [
            "b.txt",
            "a.md",
            "c.png",
            "sub/d.TXT",
            "e.html",
            "f.htm",
            "g.json",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let files = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(
            names(dir.path(), &files),
            ["a.md", "b.txt", "e.html", "f.htm", "sub/d.TXT"]
        );
    }

    #[test]
    fn the_same_file_named_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "x").unwrap();
        let dotted = dir.path().join(".").join("a.txt");
        let files = collect_inputs(&[a.clone(), dotted, dir.path().to_path_buf()]).unwrap();
        assert_eq!(files, [a]);
    }

    #[test]
    fn missing_and_empty_inputs_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = collect_inputs(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(err.to_string().contains("no .txt, .md"), "{err}");
        let err = collect_inputs(&[dir.path().join("nope")]).unwrap_err();
        assert!(err.to_string().contains("nope"), "{err}");
    }

    #[test]
    fn named_files_must_be_articles() {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("data.json");
        std::fs::write(&json, "{}").unwrap();
        let err = collect_inputs(std::slice::from_ref(&json))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("data.json") && err.contains(".txt, .md, .html and .htm"),
            "{err}"
        );
    }

    #[test]
    fn every_problem_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        let inputs: Vec<PathBuf> = ["a.json", "b.txt", "c.txt"]
            .iter()
            .map(|n| dir.path().join(n))
            .collect();
        std::fs::write(&inputs[0], "{}").unwrap();
        let scanned = scan_inputs(&inputs);
        assert_eq!(scanned.problems.len(), 3);
        let err = Error::all(scanned.problems).unwrap().to_string();
        assert!(err.starts_with("3 inputs cannot be used:"), "{err}");
        for n in ["a.json", "b.txt", "c.txt"] {
            assert!(err.contains(n), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_folders_are_followed_once_and_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("a.txt"), "x").unwrap();
        let pages = dir.path().join("pages");
        std::fs::create_dir(&pages).unwrap();
        std::os::unix::fs::symlink(&real, pages.join("linked")).unwrap();
        // A link back up: without loop protection the walk would never end.
        std::os::unix::fs::symlink(&pages, pages.join("loop")).unwrap();
        let scanned = scan_inputs(std::slice::from_ref(&pages));
        assert!(scanned.problems.is_empty(), "{:?}", scanned.problems);
        assert_eq!(names(dir.path(), &scanned.files), ["pages/linked/a.txt"]);
        assert!(
            scanned
                .skipped
                .iter()
                .any(|s| s.contains("loop") && s.contains("already read")),
            "{:?}",
            scanned.skipped
        );
    }
}
