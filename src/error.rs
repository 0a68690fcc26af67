//! error: the one error type of storydiff, with messages a journalist can act on.
//!
//! Every variant names the file and says what to do. `main` prints the message on standard
//! error and exits with code 2 (trouble); standard output stays empty.

use std::fmt;
use std::path::PathBuf;

/// Everything that can stop a comparison.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The file does not exist.
    NotFound {
        /// The file, as given (or as git names it).
        path: PathBuf,
    },
    /// The path names a directory, not a file.
    IsDirectory {
        /// The folder.
        path: PathBuf,
    },
    /// The file exists but could not be read (permissions, I/O error).
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes are not well formed in the encoding they were read in (`--encoding`, a byte-
    /// order mark, or a web page's declared charset).
    BadEncoding {
        /// The file.
        path: PathBuf,
        /// The encoding's name (`windows-1252`, `UTF-16LE`…).
        encoding: &'static str,
        /// Byte offset of the first invalid bytes.
        offset: usize,
    },
    /// The file contains NUL bytes: a binary file (a PDF, an image, a word-processor file).
    Binary {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The file is larger than `--max-bytes`.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (or the bytes read when it passed the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A web page in which no article text was found.
    NoArticle {
        /// The page.
        path: PathBuf,
    },
    /// A named pipe (FIFO) that no program is writing to: reading it would wait forever.
    NoWriter {
        /// The pipe.
        path: PathBuf,
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
            Error::NotFound { path } => {
                let name = path.to_string_lossy();
                let web = ["http://", "https://", "www."]
                    .iter()
                    .any(|p| name.to_ascii_lowercase().starts_with(p));
                if web {
                    write!(
                        f,
                        "{}: is a web address, not a file; save the page first (curl -s 'URL' > \
                         a.html) and compare the saved file",
                        shown(path)
                    )
                } else {
                    write!(
                        f,
                        "{}: no such file; check the name and the folder you run storydiff from",
                        shown(path)
                    )
                }
            }
            Error::IsDirectory { path } => write!(
                f,
                "{}: is a folder, not a text file; name one article file on each side",
                shown(path)
            ),
            Error::Unreadable { path, source } => {
                write!(f, "{}: cannot be read ({source})", shown(path))
            }
            Error::NotUtf8 { path, offset } => write!(
                f,
                "{}: is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8, \
                 name its encoding with --encoding (such as windows-1252), or pass --lossy to \
                 replace the bad bytes",
                shown(path)
            ),
            Error::BadEncoding {
                path,
                encoding,
                offset,
            } => write!(
                f,
                "{}: is not valid {encoding} text (invalid bytes at offset {offset}); name its \
                 real encoding with --encoding, or pass --lossy to replace the bad bytes",
                shown(path)
            ),
            Error::Binary { path, offset } => write!(
                f,
                "{}: looks like a binary file (NUL byte at offset {offset}), not plain text; \
                 export the article as plain text first",
                shown(path)
            ),
            Error::TooLarge { path, size, limit } => write!(
                f,
                "{}: is {size} bytes, more than the limit of {limit} bytes; raise it with \
                 --max-bytes if this is really one story",
                shown(path)
            ),
            Error::NoArticle { path } => write!(
                f,
                "{}: no article text found in this web page (a page built by JavaScript saves \
                 empty; save it from the browser after it has loaded, or copy the text into a \
                 .txt file)",
                shown(path)
            ),
            Error::NoWriter { path } => write!(
                f,
                "{}: is a named pipe that no program is writing to; start the program that \
                 writes it first, or save its output to a file",
                shown(path)
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

/// A path as messages show it: control characters and line ends escaped (`\u{1b}`), so a file
/// name from a cloned repository cannot act on the terminal or forge a second message line.
fn shown(path: &std::path::Path) -> String {
    crate::render::escape::name(&path.to_string_lossy())
}

impl Error {
    /// A stable name for the kind of error, for programs: the `code` of a failed pair's line
    /// in `storydiff batch` output. A web page without article text is `html`; a file that is
    /// not valid text in its encoding is `not-utf8`, whatever the encoding.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not-found",
            Error::IsDirectory { .. } => "is-directory",
            Error::Unreadable { .. } => "unreadable",
            Error::NotUtf8 { .. } | Error::BadEncoding { .. } => "not-utf8",
            Error::Binary { .. } => "binary",
            Error::TooLarge { .. } => "too-large",
            Error::NoArticle { .. } => "html",
            Error::NoWriter { .. } => "no-writer",
            Error::StdinTwice | Error::Usage(_) => "usage",
            Error::Output(_) => "output",
        }
    }

    /// The path the error is about, if any: lets a caller that knows the file under another
    /// name (git's temporary copy of a repository file) show that name instead.
    pub fn path_mut(&mut self) -> Option<&mut PathBuf> {
        match self {
            Error::NotFound { path }
            | Error::IsDirectory { path }
            | Error::Unreadable { path, .. }
            | Error::NotUtf8 { path, .. }
            | Error::Binary { path, .. }
            | Error::TooLarge { path, .. }
            | Error::NoArticle { path }
            | Error::NoWriter { path } => Some(path),
            _ => None,
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
