//! ingest: files and standard input → [`Document`]; the only file-system code.
//!
//! Input: a path (or `-`). Output: the text exactly as read, so that byte offsets computed
//! later slice the file itself (a UTF-8 byte-order mark is kept and counts; CRLF and CR line
//! ends are kept). Invariant: a `Document`'s text is valid UTF-8 and has no NUL byte.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub mod html;

/// Default for `--max-bytes`: far above any article, low enough to refuse a disk image.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One input, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The text exactly as read.
    pub text: String,
    /// True when `text` is a conversion of the input (a web page) rather than the bytes read.
    pub converted: bool,
}

impl Document {
    /// A document from text already in memory (tests, the library API, built-in examples).
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            path: path.into(),
            text: text.into(),
            converted: false,
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: u64,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
        }
    }
}

/// Reads `path` (or standard input for `-`) into a checked [`Document`].
pub fn read(path: &str, opts: &ReadOptions) -> Result<Document> {
    let p = PathBuf::from(path);
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(opts.max_bytes + 1)
            .read_to_end(&mut buf)
            .map_err(|source| Error::Unreadable {
                path: p.clone(),
                source,
            })?;
        if buf.len() as u64 > opts.max_bytes {
            return Err(Error::TooLarge {
                path: p,
                size: buf.len() as u64,
                limit: opts.max_bytes,
            });
        }
        buf
    } else {
        read_file(&p, opts.max_bytes)?
    };
    decode(path, bytes, opts)
}

/// Opens a list of lines (a batch manifest) for streaming: the file at `path`, or standard
/// input for `-`. The lines are read as the caller goes, so a long manifest is never held whole.
pub fn open_lines(path: &str) -> Result<Box<dyn std::io::BufRead>> {
    if path == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|source| io_error(p, source))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: p.to_path_buf(),
        });
    }
    let file = std::fs::File::open(p).map_err(|source| io_error(p, source))?;
    Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file)))
}

fn read_file(p: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(p).map_err(|source| io_error(p, source))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: p.to_path_buf(),
        });
    }
    if meta.len() > max_bytes {
        return Err(Error::TooLarge {
            path: p.to_path_buf(),
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let file = std::fs::File::open(p).map_err(|source| io_error(p, source))?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    // `take` bounds the read even if the file grows while we read it.
    file.take(max_bytes + 1)
        .read_to_end(&mut buf)
        .map_err(|source| io_error(p, source))?;
    if buf.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: p.to_path_buf(),
            size: buf.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(buf)
}

fn io_error(p: &Path, source: std::io::Error) -> Error {
    match source.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            path: p.to_path_buf(),
        },
        std::io::ErrorKind::IsADirectory => Error::IsDirectory {
            path: p.to_path_buf(),
        },
        _ => Error::Unreadable {
            path: p.to_path_buf(),
            source,
        },
    }
}

/// Checks and decodes the bytes of one input.
pub fn decode(path: &str, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Document> {
    let p = PathBuf::from(path);
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(Error::Binary { path: p, offset });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if opts.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            return Err(Error::NotUtf8 {
                path: p,
                offset: e.utf8_error().valid_up_to(),
            })
        }
    };
    Ok(Document {
        path: path.to_string(),
        text,
        converted: false,
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_byte_is_binary() {
        let e = decode("x.bin", b"abc\0def".to_vec(), &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Binary { offset: 3, .. }), "{e:?}");
    }

    #[test]
    fn invalid_utf8_names_offset() {
        let e = decode("x.txt", b"ab\xffcd".to_vec(), &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::NotUtf8 { offset: 2, .. }), "{e:?}");
        assert!(e.to_string().contains("offset 2"));
    }

    #[test]
    fn lossy_replaces() {
        let opts = ReadOptions {
            lossy: true,
            ..Default::default()
        };
        let d = decode("x.txt", b"ab\xffcd".to_vec(), &opts).unwrap();
        assert_eq!(d.text, "ab\u{fffd}cd");
    }

    #[test]
    fn bom_is_kept() {
        let d = decode(
            "x.txt",
            b"\xef\xbb\xbfHi.".to_vec(),
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(d.text.len(), 6);
    }
}
