//! Size caps on what gaoxin reads, so a device such as `/dev/zero`, or a file named by mistake,
//! cannot make it grow without bound. The caps sit far above real use and can be raised.

use std::io::Read;
use std::path::Path;

use crate::{Error, Result};

/// Environment variable that overrides the cap on one input article file, in MiB.
pub const INPUT_VAR: &str = "GAOXIN_MAX_INPUT_MB";
/// Environment variable that overrides the cap on a dataset file, in MiB.
pub const DATASET_VAR: &str = "GAOXIN_MAX_DATASET_MB";

/// Default cap on one input file: a newspaper page is tens of KiB, a year of pages in one
/// file a few MiB.
pub const INPUT_DEFAULT_MB: u64 = 256;
/// Default cap on a dataset file: the bundled one is a few MiB.
pub const DATASET_DEFAULT_MB: u64 = 1024;

/// One cap: how many bytes, and how the user raises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The largest size accepted, in bytes.
    pub bytes: u64,
    /// The environment variable that raises it.
    pub var: &'static str,
    /// What is being read ("an input file", "a dataset").
    pub what: &'static str,
}

impl Limit {
    /// The cap on one input article file.
    pub fn input() -> Result<Limit> {
        Limit::from_env(INPUT_VAR, INPUT_DEFAULT_MB, "an input file")
    }

    /// The cap on a dataset file.
    pub fn dataset() -> Result<Limit> {
        Limit::from_env(DATASET_VAR, DATASET_DEFAULT_MB, "a dataset")
    }

    fn from_env(var: &'static str, default_mb: u64, what: &'static str) -> Result<Limit> {
        let mb = match std::env::var(var) {
            Err(_) => default_mb,
            Ok(v) => parse_mb(&v).ok_or_else(|| Error::Usage(format!(
                "{var}={v:?} is not a size in MiB; set it to a whole number such as {default_mb}"
            )))?,
        };
        Ok(Limit {
            bytes: mb.saturating_mul(1024 * 1024),
            var,
            what,
        })
    }

    /// The error for a file of `size` bytes (or more) at `path`.
    fn exceeded(&self, path: &Path, size: Option<u64>) -> Error {
        let mb = self.bytes / (1024 * 1024);
        let size = match size {
            Some(s) => format!("is {} MiB", s.div_ceil(1024 * 1024)),
            None => format!("holds more than {mb} MiB"),
        };
        Error::Input {
            path: path.to_path_buf(),
            reason: format!(
                "{size}, over the {mb} MiB limit for {what}; if it really is one, raise the \
                 limit with {var}=<MiB>",
                what = self.what,
                var = self.var
            ),
        }
    }
}

fn parse_mb(v: &str) -> Option<u64> {
    let v = v.trim();
    let v = v
        .strip_suffix("MiB")
        .or_else(|| v.strip_suffix("MB"))
        .or_else(|| v.strip_suffix('M'))
        .unwrap_or(v);
    v.trim().parse().ok().filter(|&n| n > 0)
}

/// Reads all of `path`, refusing more than `limit` bytes: a regular file by its size before
/// reading a byte, anything else (a pipe, a device) by stopping once the limit is passed.
pub fn read_capped(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    read(path, limit, false)
}

/// As [`read_capped`], for text formats that never hold a NUL byte (JSON): stops at the first
/// NUL, so a device such as `/dev/zero` is refused at once instead of at the limit.
pub fn read_capped_text(path: &Path, limit: Limit) -> Result<Vec<u8>> {
    read(path, limit, true)
}

/// How much is read and checked at a time: a device such as `/dev/zero` is refused after one.
const CHUNK: u64 = 1 << 20;

fn read(path: &Path, limit: Limit, no_nul: bool) -> Result<Vec<u8>> {
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = f.metadata().map_err(|e| Error::io(path, e))?;
    if meta.is_file() && meta.len() > limit.bytes {
        return Err(limit.exceeded(path, Some(meta.len())));
    }
    // A regular file's size is known: one allocation, and the bytes read straight into it.
    let expected = if meta.is_file() { meta.len() } else { 0 };
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    loop {
        let old = bytes.len();
        let n = match (&mut f).take(CHUNK).read_to_end(&mut bytes) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => return Err(Error::io(path, e)),
        };
        let got = &bytes[old..old + n];
        // `contains` on bytes is a fast word-wise search; the position only when there is one.
        if no_nul && got.contains(&0) {
            let at = got.iter().position(|&b| b == 0).unwrap_or(0);
            return Err(Error::Input {
                path: path.to_path_buf(),
                reason: format!(
                    "holds a NUL byte at offset {}: this is not a text file",
                    old + at
                ),
            });
        }
        if bytes.len() as u64 > limit.bytes {
            return Err(limit.exceeded(path, None));
        }
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_or_without_a_unit() {
        assert_eq!(parse_mb("512"), Some(512));
        assert_eq!(parse_mb(" 2048MiB "), Some(2048));
        assert_eq!(parse_mb("64M"), Some(64));
        assert_eq!(parse_mb("0"), None);
        assert_eq!(parse_mb("lots"), None);
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let limit = Limit {
            bytes: 4,
            var: INPUT_VAR,
            what: "input file",
        };
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.txt");
        std::fs::write(&small, "abcd").unwrap();
        assert_eq!(read_capped(&small, limit).unwrap(), b"abcd");
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "abcde").unwrap();
        let err = read_capped(&big, limit).unwrap_err().to_string();
        assert!(err.contains("big.txt") && err.contains(INPUT_VAR), "{err}");
        // A device never ends: the cap still stops it.
        #[cfg(unix)]
        {
            let err = read_capped(Path::new("/dev/zero"), limit)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("more than 0 MiB") && err.contains(INPUT_VAR),
                "{err}"
            );
            let err = read_capped_text(Path::new("/dev/zero"), Limit::dataset().unwrap())
                .unwrap_err()
                .to_string();
            assert!(err.contains("NUL byte at offset 0"), "{err}");
        }
    }
}
