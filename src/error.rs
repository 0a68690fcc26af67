//! error: the one error type of storydiff, with messages a journalist can act on.
//!
//! Every variant names the file and says what to do. `main` prints the message on standard
//! error and exits with [`crate::exit::TROUBLE`]; standard output stays empty.

use std::fmt;
use std::path::PathBuf;

/// Everything that can stop a comparison.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The file does not exist.
    NotFound { path: PathBuf },
    /// The path names a directory, not a file.
    IsDirectory { path: PathBuf },
    /// The file exists but could not be read (permissions, I/O error).
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The bytes are not UTF-8 text.
    NotUtf8 { path: PathBuf, offset: usize },
    /// The bytes are not well formed in the encoding they were read in (`--encoding`, a byte-
    /// order mark, or a web page's declared charset).
    BadEncoding {
        path: PathBuf,
        encoding: &'static str,
        offset: usize,
    },
    /// The file contains NUL bytes: a binary file (a PDF, an image, a word-processor file).
    Binary { path: PathBuf, offset: usize },
    /// The file is larger than `--max-bytes`.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Both inputs were `-`.
    StdinTwice,
    /// A command-line value could not be used.
    Usage(String),
    /// Writing the output failed (other than a closed pipe).
    Output(std::io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound { path } => write!(
                f,
                "{}: no such file; check the name and the folder you run storydiff from",
                path.display()
            ),
            Error::IsDirectory { path } => write!(
                f,
                "{}: is a folder, not a text file; name one article file on each side",
                path.display()
            ),
            Error::Unreadable { path, source } => {
                write!(f, "{}: cannot be read ({source})", path.display())
            }
            Error::NotUtf8 { path, offset } => write!(
                f,
                "{}: is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8, \
                 name its encoding with --encoding (such as windows-1252), or pass --lossy to \
                 replace the bad bytes",
                path.display()
            ),
            Error::BadEncoding {
                path,
                encoding,
                offset,
            } => write!(
                f,
                "{}: is not valid {encoding} text (invalid bytes at offset {offset}); name its \
                 real encoding with --encoding, or pass --lossy to replace the bad bytes",
                path.display()
            ),
            Error::Binary { path, offset } => write!(
                f,
                "{}: looks like a binary file (NUL byte at offset {offset}), not plain text; \
                 export the article as plain text first",
                path.display()
            ),
            Error::TooLarge { path, size, limit } => write!(
                f,
                "{}: is {size} bytes, more than the limit of {limit} bytes; raise it with \
                 --max-bytes if this is really one story",
                path.display()
            ),
            Error::StdinTwice => write!(
                f,
                "standard input (-) can be only one of the two versions; name a file for the other"
            ),
            Error::Usage(msg) => write!(f, "{msg}"),
            Error::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Unreadable { source, .. } => Some(source),
            Error::Output(e) => Some(e),
            _ => None,
        }
    }
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
