//! The library's error type. Every message names what went wrong and where, and says what to do.

use std::path::PathBuf;

/// Result alias used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in gaoxin's library code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An input file is not text gaoxin can decode.
    #[error("{path}: {reason}; save it as UTF-8 or GB18030/GBK text and try again")]
    Decode {
        /// The offending input file.
        path: PathBuf,
        /// Why it could not be decoded.
        reason: String,
    },
    /// A dataset file is malformed or inconsistent.
    #[error(
        "{path}: {location}: {reason}; fix the file, or rebuild it from articles with `gaoxin build`"
    )]
    Dataset {
        /// The dataset file.
        path: PathBuf,
        /// Where in the document: a JSON path or an id.
        location: String,
        /// What is wrong there.
        reason: String,
    },
    /// No input files were found where the user pointed.
    #[error("{0}: no .txt, .md, .html or .htm files found; pass files or folders of articles")]
    NoInput(PathBuf),
    /// An input or output path that gaoxin will not use, and why.
    #[error("{path}: {reason}")]
    Input {
        /// The path concerned.
        path: PathBuf,
        /// What is wrong with it and what to do instead.
        reason: String,
    },
    /// Several inputs failed; each is reported, up to [`Error::MANY_SHOWN`].
    #[error("{}", many(.0))]
    Many(Vec<Error>),
    /// A setting (environment variable) that cannot be used.
    #[error("{0}")]
    Usage(String),
}

/// One line per error, the first ones only.
fn many(errors: &[Error]) -> String {
    let mut out = format!("{} inputs cannot be used:", errors.len());
    for e in errors.iter().take(Error::MANY_SHOWN) {
        out.push_str("\n  ");
        out.push_str(&e.to_string());
    }
    if errors.len() > Error::MANY_SHOWN {
        out.push_str(&format!(
            "\n  … and {} more",
            errors.len() - Error::MANY_SHOWN
        ));
    }
    out
}

impl Error {
    /// How many of several failed inputs a report lists.
    pub const MANY_SHOWN: usize = 20;

    /// `errors` as one error: itself when there is one, [`Error::Many`] when there are more.
    pub fn all(mut errors: Vec<Error>) -> Option<Error> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(Error::Many(errors)),
        }
    }

    /// An I/O error tagged with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
