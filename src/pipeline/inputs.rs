//! Which files a build reads: `.txt` and `.md` files named directly or found in folders.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

fn is_article_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["txt", "md", "html", "htm"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// `./seeds/a.txt` and `seeds/a.txt` are one file.
fn normal(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let ty = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ty.is_dir() {
            walk(&path, out)?;
        } else if is_article_file(&path) {
            out.push(normal(&path));
        }
    }
    Ok(())
}

/// Expands files and folders to the sorted list of article files they hold. A file named
/// directly is read whatever its extension; an input with no article file is an error.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let before = files.len();
            walk(input, &mut files)?;
            if files.len() == before {
                return Err(Error::NoInput(input.clone()));
            }
        } else {
            files.push(normal(input));
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_to_sorted_article_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.md", "c.png", "sub/d.TXT"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let files = collect_inputs(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/d.TXT"]);
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
        assert!(err.to_string().contains("no .txt or .md files"), "{err}");
        let err = collect_inputs(&[dir.path().join("nope")]).unwrap_err();
        assert!(err.to_string().contains("nope"), "{err}");
    }
}
