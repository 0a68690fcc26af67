//! ingest: files and standard input → [`Document`]; the only file-system code.
//!
//! Input: a path (or `-`). Output: the text exactly as read, so that byte offsets computed
//! later slice the file itself (a UTF-8 byte-order mark is kept and counts; CRLF and CR line
//! ends are kept). Invariant: a `Document`'s text is valid UTF-8 and has no NUL byte.
//!
//! UTF-16 with a byte-order mark (LE `FF FE` or BE `FE FF`) is decoded to UTF-8: the document
//! is then marked `converted`, so the JSON carries the decoded `text` and spans count in it.
//! UTF-16 that is not well formed (an odd byte count, an unpaired surrogate) is refused with
//! the byte offset of the bad unit, or replaced with U+FFFD under `--lossy`.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

mod bounds;
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
            .take(opts.max_bytes.saturating_add(1))
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
    #[cfg(unix)]
    if std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()) {
        return read_fifo(p, max_bytes);
    }
    if meta.len() > max_bytes {
        return Err(Error::TooLarge {
            path: p.to_path_buf(),
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let file = std::fs::File::open(p).map_err(|source| io_error(p, source))?;
    // The size is a hint only (a device reports 0); never trust it to allocate more.
    let hint = meta.len().min(max_bytes).min(1 << 30);
    let mut buf = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    // `take` bounds the read even if the file grows while we read it.
    file.take(max_bytes.saturating_add(1))
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

/// How long a named pipe may stay without a writer before it is refused: long enough for a
/// writer started beside storydiff (`cat a.txt > pipe & storydiff pipe b.txt`) to open it.
/// This bounds a wait only; it never changes what is read.
#[cfg(unix)]
const FIFO_WRITER_GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// Reads a named pipe (FIFO, or a process substitution's `/dev/fd/N`) up to `max_bytes` + 1.
///
/// Opening a FIFO for reading blocks until a writer opens it, forever if none does, so it is
/// opened without blocking. A first read that finds the pipe at its end means no writer (yet):
/// it is retried for [`FIFO_WRITER_GRACE`], then refused as [`Error::NoWriter`]. Once a writer
/// is there, the pipe is switched back to blocking reads and read like any stream.
#[cfg(unix)]
fn read_fifo(p: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    use rustix::fs::{fcntl_getfl, fcntl_setfl, OFlags};
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(OFlags::NONBLOCK.bits() as i32)
        .open(p)
        .map_err(|source| io_error(p, source))?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let start = std::time::Instant::now();
    loop {
        match (&file).read(&mut chunk) {
            Ok(0) if start.elapsed() < FIFO_WRITER_GRACE => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Ok(0) => {
                return Err(Error::NoWriter {
                    path: p.to_path_buf(),
                })
            }
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(source) => return Err(io_error(p, source)),
        }
    }
    fcntl_getfl(&file)
        .and_then(|flags| fcntl_setfl(&file, flags - OFlags::NONBLOCK))
        .map_err(|e| io_error(p, e.into()))?;
    let rest = max_bytes.saturating_add(1).saturating_sub(buf.len() as u64);
    (&file)
        .take(rest)
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
    if let Some(big_endian) = utf16_bom(&bytes) {
        return decode_utf16(path, &bytes[2..], big_endian, opts);
    }
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

/// `Some(big_endian)` when the bytes open with a UTF-16 byte-order mark.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// Decodes UTF-16 `body` (the bytes after the byte-order mark). Offsets in errors count in the
/// file, the mark included.
fn decode_utf16(path: &str, body: &[u8], big_endian: bool, opts: &ReadOptions) -> Result<Document> {
    let p = PathBuf::from(path);
    let units = body.chunks(2).map(|c| match (c, big_endian) {
        ([hi, lo], true) => Some(u16::from_be_bytes([*hi, *lo])),
        ([lo, hi], false) => Some(u16::from_le_bytes([*lo, *hi])),
        _ => None, // a trailing odd byte
    });
    let mut text = String::with_capacity(body.len());
    let mut pending: Option<u16> = None; // a high surrogate waiting for its pair
    let bad = |offset: usize, text: &mut String| -> Result<()> {
        if opts.lossy {
            text.push(char::REPLACEMENT_CHARACTER);
            Ok(())
        } else {
            Err(Error::NotUtf8 {
                path: p.clone(),
                offset,
            })
        }
    };
    for (i, unit) in units.enumerate() {
        let offset = 2 + 2 * i;
        let Some(u) = unit else {
            bad(offset, &mut text)?;
            continue;
        };
        if let Some(hi) = pending.take() {
            if (0xDC00..0xE000).contains(&u) {
                let c = 0x10000 + ((u32::from(hi) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                match char::from_u32(c) {
                    Some(ch) => text.push(ch),
                    None => bad(offset - 2, &mut text)?,
                }
                continue;
            }
            bad(offset - 2, &mut text)?;
        }
        match u {
            0 => {
                return Err(Error::Binary {
                    path: p.clone(),
                    offset,
                })
            }
            0xD800..=0xDBFF => pending = Some(u),
            0xDC00..=0xDFFF => bad(offset, &mut text)?,
            _ => match char::from_u32(u32::from(u)) {
                Some(ch) => text.push(ch),
                None => bad(offset, &mut text)?,
            },
        }
    }
    if pending.is_some() {
        bad(2 + body.len() - body.len() % 2 - 2, &mut text)?;
    }
    Ok(Document {
        path: path.to_string(),
        text,
        converted: true,
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

    fn utf16(s: &str, be: bool) -> Vec<u8> {
        let mut v = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            v.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        v
    }

    #[test]
    fn utf16_with_bom_is_decoded_and_converted() {
        for be in [false, true] {
            let d = decode("x.txt", utf16("Hi, 😀 é.", be), &ReadOptions::default()).unwrap();
            assert_eq!(d.text, "Hi, 😀 é.");
            assert!(d.converted);
        }
    }

    #[test]
    fn utf16_broken_is_refused_or_replaced() {
        let mut v = utf16("ab", false);
        v.extend([0x00, 0xD8, b'c', 0x00]); // unpaired high surrogate at offset 6
        let e = decode("x.txt", v.clone(), &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::NotUtf8 { offset: 6, .. }), "{e:?}");
        let lossy = ReadOptions {
            lossy: true,
            ..Default::default()
        };
        assert_eq!(decode("x.txt", v, &lossy).unwrap().text, "ab\u{fffd}c");
        let mut odd = utf16("ab", true);
        odd.push(b'x');
        let e = decode("x.txt", odd, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::NotUtf8 { offset: 6, .. }), "{e:?}");
        let nul = utf16("a\0b", false);
        let e = decode("x.txt", nul, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Binary { offset: 4, .. }), "{e:?}");
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
