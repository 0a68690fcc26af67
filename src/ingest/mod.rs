//! ingest: files and standard input → [`Document`]; the only file-system code.
//!
//! Input: a path (or `-`). Output: the text exactly as read, so that byte offsets computed
//! later slice the file itself (a UTF-8 byte-order mark is kept and counts; CRLF and CR line
//! ends are kept). Invariant: a `Document`'s text is valid UTF-8 and has no NUL byte.
//!
//! Other encodings are decoded to UTF-8 by encoding_rs ([`decode`]): UTF-16 with a byte-order
//! mark, the encoding named by `--encoding`, or the charset a web page declares. The document
//! is then marked `converted`, so the JSON carries the decoded `text` and spans count in it.
//! Bytes that are not well formed in that encoding (an odd UTF-16 byte count, an unpaired
//! surrogate) are refused with the byte offset of the bad unit, or replaced with U+FFFD under
//! `--lossy`.
//!
//! [`normalize`] brings a text to Unicode NFC before comparison, so that "Café" typed with a
//! precomposed é and with e + combining accent compare equal.

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
    /// True when `text` is a conversion of the input (a web page, another encoding, Unicode
    /// normalisation) rather than the bytes read.
    pub converted: bool,
    /// The publication date the input itself gives (a saved page's `article:published_time`,
    /// JSON-LD `datePublished` or `<time datetime>`), used where no `--date` is given.
    pub published: Option<Published>,
}

/// A publication date found in the input, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The date of publication (its time of day is left out).
    pub date: crate::CalendarDate,
    /// What gave it, for the note: `article:published_time`, `JSON-LD datePublished`, `<time
    /// datetime>`.
    pub source: &'static str,
}

impl Document {
    /// A document from text already in memory (tests, the library API, built-in examples).
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            path: path.into(),
            text: text.into(),
            converted: false,
            published: None,
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
    /// The encoding of inputs without a byte-order mark (`--encoding`); `None`: a web page's
    /// declared charset, else UTF-8.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
            encoding: None,
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
/// The reader is `Send`: batch's worker threads take turns reading it.
pub fn open_lines(path: &str) -> Result<Box<dyn std::io::BufRead + Send>> {
    if path == "-" {
        // Not `stdin().lock()`: a lock belongs to the thread that took it.
        return Ok(Box::new(std::io::BufReader::with_capacity(
            1 << 16,
            std::io::stdin(),
        )));
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
///
/// The encoding is, in this order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), then
/// `--encoding`, then the `<meta charset>` of a web page (its first 1,024 bytes, as browsers
/// look), else UTF-8. Text in UTF-8 is kept exactly as read (a UTF-8 mark included); text in
/// any other encoding is decoded by encoding_rs and the document marked `converted`, so the
/// JSON carries the decoded `text` and spans count in it, as for a web page.
pub fn decode(path: &str, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Document> {
    let (encoding, bom) = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((enc, len)) if enc != encoding_rs::UTF_8 => (enc, len),
        Some(_) => (encoding_rs::UTF_8, 0),
        // Bytes that are valid UTF-8 are read as UTF-8 whatever a page declares or
        // `--encoding` says, as long as that encoding is ASCII-compatible: a page saved by a
        // browser is often re-encoded and keeps its old declaration, one `--encoding` serves
        // a pair where only one side is in a legacy encoding, and real windows-1252 or
        // Shift_JIS text almost never passes as UTF-8. (UTF-16 without a mark is taken as
        // said: its ASCII letters are valid UTF-8 bytes.)
        None => (
            opts.encoding
                .or_else(|| declared_charset(path, &bytes))
                .filter(|e| !e.is_ascii_compatible() || std::str::from_utf8(&bytes).is_err())
                .unwrap_or(encoding_rs::UTF_8),
            0,
        ),
    };
    if encoding == encoding_rs::UTF_8 {
        return decode_utf8(path, bytes, opts);
    }
    decode_with(path, &bytes, bom, encoding, opts)
}

/// Text that is UTF-8 already: checked, and kept byte for byte.
fn decode_utf8(path: &str, bytes: Vec<u8>, opts: &ReadOptions) -> Result<Document> {
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
        published: None,
    })
}

/// Decodes `bytes[bom..]` from `encoding` (not UTF-8) with encoding_rs. Offsets in errors count
/// in the file, the byte-order mark included. A NUL character is refused as binary.
fn decode_with(
    path: &str,
    bytes: &[u8],
    bom: usize,
    encoding: &'static encoding_rs::Encoding,
    opts: &ReadOptions,
) -> Result<Document> {
    let p = PathBuf::from(path);
    let body = &bytes[bom..];
    let wide = encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
    let nul = if wide {
        body.chunks_exact(2)
            .position(|u| u == [0, 0])
            .map(|i| bom + 2 * i)
    } else {
        memchr_nul(body).map(|i| bom + i)
    };
    if let Some(offset) = nul {
        return Err(Error::Binary { path: p, offset });
    }
    let text = if opts.lossy {
        encoding.decode_without_bom_handling(body).0.into_owned()
    } else {
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let cap = decoder
            .max_utf8_buffer_length_without_replacement(body.len())
            .unwrap_or(body.len().saturating_mul(3));
        let mut text = String::with_capacity(cap);
        let mut read = 0;
        loop {
            let (result, n) =
                decoder.decode_to_string_without_replacement(&body[read..], &mut text, true);
            read += n;
            match result {
                encoding_rs::DecoderResult::InputEmpty => break,
                encoding_rs::DecoderResult::OutputFull => {
                    text.reserve(body.len() - read + 16);
                }
                encoding_rs::DecoderResult::Malformed(bad, after) => {
                    let offset = bom + read - after as usize - bad as usize;
                    return Err(Error::BadEncoding {
                        path: p,
                        encoding: encoding.name(),
                        offset,
                    });
                }
            }
        }
        text
    };
    Ok(Document {
        path: path.to_string(),
        text,
        converted: true,
        published: None,
    })
}

/// The encoding a web page declares in its first 1,024 bytes (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`), as browsers pre-scan
/// it; `None` for what is not a web page, declares nothing, or declares UTF-8. A declared
/// UTF-16 means UTF-8 here, as in browsers (the bytes are ASCII-compatible if we read `<meta`).
pub(crate) fn declared_charset(path: &str, bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    if !html::looks_like_html(path, &head) {
        return None;
    }
    let mut rest = head.as_str();
    while let Some(i) = rest.find("<meta") {
        rest = &rest[i + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(j) = tag.find("charset") {
            let value = tag[j + 7..].trim_start();
            let Some(value) = value.strip_prefix('=') else {
                continue;
            };
            let label: String = value
                .trim_start()
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| !matches!(c, '"' | '\'' | ';' | '/' | '>') && !c.is_whitespace())
                .collect();
            let enc = encoding_rs::Encoding::for_label(label.as_bytes())?.output_encoding();
            return (enc != encoding_rs::UTF_8).then_some(enc);
        }
    }
    None
}

/// Parses an encoding name for `--encoding` (a WHATWG label: utf-8, utf-16le, windows-1252,
/// iso-8859-1, shift_jis, gb18030, koi8-r…).
pub fn parse_encoding(name: &str) -> std::result::Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(name.trim().as_bytes()).ok_or_else(|| {
        format!(
            "'{name}' is not an encoding storydiff knows; try utf-8, utf-16le, windows-1252, \
             iso-8859-1, shift_jis or gb18030 (the WHATWG names)"
        )
    })
}

/// The document in Unicode NFC (canonical composition), so that texts that differ only in how
/// an accented letter is encoded ("é" as one code point or as "e" + U+0301) compare equal.
/// A text already in NFC (nearly every text) is borrowed unchanged; another is converted and
/// marked `converted`, so its spans count in the normalised text that the JSON then carries,
/// as for a web page.
pub fn normalize(doc: &Document) -> std::borrow::Cow<'_, Document> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(doc.text.chars()) == IsNormalized::Yes {
        return std::borrow::Cow::Borrowed(doc);
    }
    let text: String = doc.text.nfc().collect();
    if text == doc.text {
        return std::borrow::Cow::Borrowed(doc);
    }
    std::borrow::Cow::Owned(Document {
        text,
        converted: true,
        ..doc.clone()
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
        assert!(matches!(e, Error::BadEncoding { offset: 6, .. }), "{e:?}");
        let lossy = ReadOptions {
            lossy: true,
            ..Default::default()
        };
        assert_eq!(decode("x.txt", v, &lossy).unwrap().text, "ab\u{fffd}c");
        let mut odd = utf16("ab", true);
        odd.push(b'x');
        let e = decode("x.txt", odd, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::BadEncoding { offset: 6, .. }), "{e:?}");
        let nul = utf16("a\0b", false);
        let e = decode("x.txt", nul, &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Binary { offset: 4, .. }), "{e:?}");
    }

    #[test]
    fn declared_charset_is_decoded() {
        let page = b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"></head>\
                     <body><p>It cost \xa32 million.</p></body></html>"
            .to_vec();
        let d = decode("p.html", page, &ReadOptions::default()).unwrap();
        assert!(d.text.contains("\u{a3}2 million"), "{}", d.text);
        assert!(d.converted);
        let http_equiv = b"<html><head><meta http-equiv=\"Content-Type\" \
                           content=\"text/html; charset=ISO-8859-1\"></head>caf\xe9</html>";
        assert_eq!(
            declared_charset("x", http_equiv).map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset("x.txt", b"<meta charset=latin1> plain"),
            None
        );
        assert_eq!(
            declared_charset("x.html", b"<meta charset='utf-8'>"),
            None,
            "UTF-8 is read as UTF-8, byte for byte"
        );
    }

    #[test]
    fn encoding_option_decodes_plain_text() {
        let opts = ReadOptions {
            encoding: Some(parse_encoding("shift_jis").unwrap()),
            ..Default::default()
        };
        let d = decode("x.txt", b"\x93\x8c\x8b\x9e".to_vec(), &opts).unwrap();
        assert_eq!(d.text, "\u{6771}\u{4eac}");
        assert!(d.converted);
        let bad = decode("x.txt", b"ab\x82".to_vec(), &opts).unwrap_err();
        assert!(
            matches!(bad, Error::BadEncoding { offset: 2, .. }),
            "{bad:?}"
        );
        assert!(parse_encoding("no-such-encoding").is_err());
    }

    #[test]
    fn nfd_is_normalised_to_nfc() {
        let nfc = Document::from_text("a.txt", "Caf\u{e9} Ren\u{e9}.");
        let nfd = Document::from_text("b.txt", "Cafe\u{301} Rene\u{301}.");
        assert!(matches!(normalize(&nfc), std::borrow::Cow::Borrowed(_)));
        let n = normalize(&nfd);
        assert_eq!(n.text, nfc.text);
        assert!(n.converted);
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
