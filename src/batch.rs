//! batch: a manifest of pairs → one JSON Lines line per pair (`storydiff batch MANIFEST`).
//!
//! Input: a manifest read through [`storydiff::ingest::open_lines`] (a file, or `-` for standard
//! input), streamed: each worker thread takes the next pair when it is free. Output: for each
//! pair, in manifest order, one
//! compact line of JSON written through [`storydiff::render::json`]: the `storydiff/1` document with
//! an `id` field first, or `{"id": …, "error": {"code": …, "message": …}}` for a pair that could
//! not be compared. Invariants: output order is manifest order whatever the number of threads;
//! a pair's line is written as soon as the lines before it are (a slow pair holds back only the
//! pairs after it); memory is bounded by [`WINDOW`] pairs taken and not yet written and one
//! manifest line of at most [`MAX_LINE`] bytes; one bad pair never stops the batch (a manifest holding a NUL byte is not
//! a manifest and stops it, as trouble).
//!
//! # The manifest
//!
//! The format is detected once per manifest, from the first line that is neither blank nor a
//! `#` comment: if it starts with `{` the manifest is JSON Lines, otherwise TSV.
//!
//! - JSON Lines: one object per line, `{"a": "old.txt", "b": "new.txt", "id": "story-1",
//!   "date": "2024-04-26"}`; `id` (a string, or a number kept as written) and `date`
//!   (YYYY-MM-DD, the publication date of both versions) are optional; other fields are
//!   ignored.
//! - TSV: `a<TAB>b[<TAB>id[<TAB>date]]`; an empty id or date column counts as absent. A first
//!   line whose first two columns are `a` and `b` (such as `a\tb\tid\tdate`) is a header and
//!   skipped.
//!
//! A UTF-8 byte-order mark at the start of the manifest is skipped. Blank lines and lines
//! starting with `#` are skipped in both formats. A pair's `id` defaults to its manifest line
//! number (from 1) as a string. Relative paths resolve against the folder
//! of the manifest (for a manifest on standard input: the current folder). `-` is refused as a
//! pair's file. Saved web pages (`.html`, `.htm`, or a leading `<!DOCTYPE html>`/`<html>`) are
//! converted to their article text as `--input auto` does.
//!
//! Error codes: those of reading a file ([`storydiff::Error::code`]: `not-found`,
//! `is-directory`, `unreadable`, `not-utf8`, `binary`, `too-large`, `html` for a web page with
//! no article text, `no-writer` for a named pipe nobody writes to), and those of the manifest:
//! `manifest` (a line that is not a pair, or longer than [`MAX_LINE`]), `bad-date`, `usage` (`-`
//! as a pair's file); `panic` for an internal error.

use std::path::{Path, PathBuf};

use storydiff::ingest::{self, ReadOptions};
use storydiff::render::escape;
use storydiff::{CalendarDate, Error, FailOn, Result};

use crate::exit::Exit;
use crate::job::{Input, Job, Source};

/// Pairs taken from the manifest and not yet written, at most (the reorder buffer that keeps
/// manifest order): a free worker waits rather than run further ahead of a slow pair. At a few
/// milliseconds a pair this is seconds of work, so one slow pair rarely idles a worker, and
/// memory stays bounded by this many rendered lines.
pub const WINDOW: usize = 1024;

/// The longest manifest line read, in bytes: far above any pair of paths, so that a manifest
/// with no line end (`/dev/zero`, a binary file, a runaway generator) cannot grow memory
/// without bound. A longer line is a `manifest` error for that line; the batch goes on.
pub const MAX_LINE: usize = 1 << 20;

/// Worker threads per core at most: `--jobs` above this many per core gains nothing (the work
/// is CPU-bound) and `--jobs 30000` would start threads until the system refuses.
pub const MAX_JOBS_PER_CORE: usize = 4;

/// The number of worker threads for `jobs` (`None` or 0: one per core), and whether a larger
/// request was capped at [`MAX_JOBS_PER_CORE`] threads a core.
pub fn worker_threads(jobs: Option<usize>) -> (usize, bool) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let max = cores.saturating_mul(MAX_JOBS_PER_CORE);
    match jobs {
        None | Some(0) => (cores, false),
        Some(n) if n > max => (max, true),
        Some(n) => (n, false),
    }
}

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads; `None` or 0 for all cores.
    pub jobs: Option<usize>,
    /// What counts as "differs" for the exit code and the summary.
    pub fail_on: FailOn,
    /// How each pair's files are read.
    pub read: ReadOptions,
    /// Pairs taken and not yet written, at most (at least 1; default [`WINDOW`]).
    pub window: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            jobs: None,
            fail_on: FailOn::Any,
            read: ReadOptions::default(),
            window: WINDOW,
        }
    }
}

/// The counts of a finished batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub pairs: u64,
    pub differ: u64,
    pub failed: u64,
}

impl Stats {
    /// The exit code: trouble (2) if any pair failed, else different (1) if any differs, else
    /// same (0).
    pub fn exit_code(&self) -> Exit {
        if self.failed > 0 {
            Exit::Trouble
        } else if self.differ > 0 {
            Exit::Different
        } else {
            Exit::Same
        }
    }
}

/// One manifest entry: a pair to compare, or the reason its line is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The line number in the manifest, from 1.
    pub line: usize,
    pub id: String,
    pub pair: std::result::Result<Pair, PairError>,
}

/// Two files to compare, with paths already resolved against the manifest's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub date: Option<CalendarDate>,
}

/// Why a pair could not be compared: a stable `code` and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairError {
    pub code: &'static str,
    pub message: String,
}

impl PairError {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        PairError {
            code,
            message: message.into(),
        }
    }
}

impl From<&Error> for PairError {
    fn from(e: &Error) -> Self {
        PairError::new(e.code(), e.to_string())
    }
}

/// The manifest format, detected from its first non-blank, non-comment line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestFormat {
    JsonLines,
    Tsv,
}

/// Turns manifest lines into [`Entry`] values, detecting the format on the first pair line.
#[derive(Debug)]
pub struct ManifestParser {
    base: PathBuf,
    format: Option<ManifestFormat>,
}

impl ManifestParser {
    /// A parser whose relative paths resolve against `base` (empty: the current folder).
    pub fn new(base: impl Into<PathBuf>) -> Self {
        ManifestParser {
            base: base.into(),
            format: None,
        }
    }

    /// The detected format, once a pair line has been seen.
    #[cfg(test)]
    pub fn format(&self) -> Option<ManifestFormat> {
        self.format
    }

    /// Parses line number `line` (from 1); `None` for blank lines, comments and a TSV header.
    pub fn parse(&mut self, line: usize, text: &str) -> Option<Entry> {
        let text = text.trim_end_matches(['\n', '\r']);
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        let first = self.format.is_none();
        let format = *self.format.get_or_insert(if trimmed.starts_with('{') {
            ManifestFormat::JsonLines
        } else {
            ManifestFormat::Tsv
        });
        let default_id = line.to_string();
        let (id, raw) = match format {
            ManifestFormat::JsonLines => parse_json(trimmed),
            ManifestFormat::Tsv => {
                let cols: Vec<&str> = text.split('\t').collect();
                if first && cols.len() >= 2 && cols[0].trim() == "a" && cols[1].trim() == "b" {
                    return None;
                }
                parse_tsv(&cols)
            }
        };
        let id = id.unwrap_or(default_id);
        let pair = raw.and_then(|(a, b, date)| {
            let date = match date {
                Some(d) => Some(d.parse::<CalendarDate>().map_err(|m| {
                    PairError::new("bad-date", format!("manifest line {line}: {m}"))
                })?),
                None => None,
            };
            Ok(Pair {
                a: self.resolve(&a, line)?,
                b: self.resolve(&b, line)?,
                date,
            })
        });
        let pair = pair.map_err(|mut e| {
            if e.code == "manifest" {
                e.message = format!("manifest line {line}: {}", e.message);
            }
            e
        });
        Some(Entry { line, id, pair })
    }

    fn resolve(&self, path: &str, line: usize) -> std::result::Result<String, PairError> {
        if path.is_empty() {
            return Err(PairError::new("manifest", "a path is empty"));
        }
        if path == "-" {
            return Err(PairError::new(
                "usage",
                format!("manifest line {line}: standard input (-) cannot be a file of a pair"),
            ));
        }
        let p = Path::new(path);
        if p.is_absolute() || self.base.as_os_str().is_empty() {
            Ok(path.to_string())
        } else {
            Ok(self.base.join(p).to_string_lossy().into_owned())
        }
    }
}

type Raw = std::result::Result<(String, String, Option<String>), PairError>;

fn parse_json(text: &str) -> (Option<String>, Raw) {
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                None,
                Err(PairError::new(
                    "manifest",
                    format!("not a JSON object ({e})"),
                )),
            )
        }
    };
    let Some(obj) = v.as_object() else {
        return (None, Err(PairError::new("manifest", "not a JSON object")));
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s.clone()),
        // The number's text as written: parsed, an id above 2^53 (or 2^64) would be rounded
        // and two pairs could share one id.
        Some(serde_json::Value::Number(_)) => raw_id(text),
        _ => None,
    };
    let field = |k: &str| -> std::result::Result<String, PairError> {
        match obj.get(k) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(PairError::new(
                "manifest",
                format!("\"{k}\" is not a string"),
            )),
            None => Err(PairError::new("manifest", format!("\"{k}\" is missing"))),
        }
    };
    let raw = (|| {
        let a = field("a")?;
        let b = field("b")?;
        let date = match obj.get("date") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) if s.is_empty() => None,
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(_) => {
                return Err(PairError::new(
                    "bad-date",
                    "\"date\" is not a string of the form YYYY-MM-DD",
                ))
            }
        };
        Ok((a, b, date))
    })();
    (id, raw)
}

/// The `id` field of a JSON object line exactly as written.
fn raw_id(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly<'a> {
        #[serde(borrow)]
        id: Option<&'a serde_json::value::RawValue>,
    }
    let line: IdOnly = serde_json::from_str(text).ok()?;
    line.id.map(|raw| raw.get().to_string())
}

fn parse_tsv(cols: &[&str]) -> (Option<String>, Raw) {
    let opt = |i: usize| {
        cols.get(i)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let id = opt(2);
    if cols.len() < 2 || cols.len() > 4 {
        return (
            id,
            Err(PairError::new(
                "manifest",
                format!(
                    "expected 2 to 4 tab-separated columns (a, b, id, date), found {}",
                    cols.len()
                ),
            )),
        );
    }
    let raw = Ok((cols[0].to_string(), cols[1].to_string(), opt(3)));
    (id, raw)
}

/// The result of one pair: its output line (already rendered) and whether it differs/failed.
struct Done {
    line: Vec<u8>,
    differs: bool,
    failed: bool,
}

fn compare_one(entry: &Entry, opts: &BatchOptions) -> Done {
    guarded(&entry.id, opts.fail_on, || {
        let pair = entry.pair.clone()?;
        let mut options = storydiff::Options::default();
        options.claims.date_a = pair.date;
        options.claims.date_b = pair.date;
        let job = Job {
            a: Source::file(pair.a),
            b: Source::file(pair.b),
            read: opts.read.clone(),
            input: Input::Auto,
            options,
        };
        job.run().map_err(|e| {
            let mut pe = PairError::from(&e);
            // A manifest's relative paths resolve against its folder, not the one storydiff
            // runs from: say which folder.
            if let Error::NotFound { path } = &e {
                if let Some(dir) = path.parent() {
                    // A manifest in the current folder: its paths resolve against it.
                    let dir = if dir.as_os_str().is_empty() {
                        "the current folder".to_string()
                    } else {
                        escape::name(&dir.to_string_lossy()).to_string()
                    };
                    pe.message = format!(
                        "{}: no such file; paths in a manifest resolve against its folder, {dir}",
                        escape::name(&path.to_string_lossy()),
                    );
                }
            }
            pe
        })
    })
}

/// Runs one pair's comparison and renders its line. A panic (a bug in storydiff, on some input)
/// becomes that pair's error line, code `panic`, and the batch goes on with the next pair.
fn guarded(
    id: &str,
    fail_on: FailOn,
    work: impl FnOnce() -> std::result::Result<storydiff::Report, PairError>,
) -> Done {
    let mut line = Vec::with_capacity(4096);
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_string());
            Err(PairError::new(
                "panic",
                format!(
                    "storydiff failed on this pair (internal error: {what}); the other pairs \
                     are unaffected; please report it with the two files"
                ),
            ))
        });
    // Writing into a Vec cannot fail, so the io::Result is always Ok.
    match result {
        Ok(report) => {
            let _ = storydiff::render::json::render_batch_line(id, &report, &mut line);
            Done {
                line,
                differs: report.differs(fail_on),
                failed: false,
            }
        }
        Err(e) => {
            let _ = storydiff::render::json::render_batch_error(id, e.code, &e.message, &mut line);
            Done {
                line,
                differs: false,
                failed: true,
            }
        }
    }
}

/// The number of pairs a manifest file lists (its lines that are neither blank nor `#`
/// comments), for a progress bar with a total; `None` for standard input or anything but a
/// regular file (a FIFO read twice would lose its pairs), or when it cannot be read.
pub fn count_pairs(manifest: &str) -> Option<u64> {
    use std::io::BufRead;
    if manifest == "-" || !std::fs::metadata(manifest).ok()?.is_file() {
        return None;
    }
    let file = std::fs::File::open(manifest).ok()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let (mut n, mut buf) = (0u64, Vec::new());
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf).ok()? == 0 {
            return Some(n);
        }
        let t = buf.trim_ascii_start();
        if !t.is_empty() && !t.starts_with(b"#") {
            n += 1;
        }
    }
}

/// The folder that relative paths of the manifest at `path` resolve against.
pub fn base_dir(path: &str) -> PathBuf {
    if path == "-" {
        return PathBuf::new();
    }
    Path::new(path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Runs the batch described by the manifest at `manifest` (`-`: standard input), writing one
/// line per pair to `out`, each as soon as the lines before it are written (and flushed);
/// `progress` is called with the number of pairs written as each is written, so that a
/// progress bar moves smoothly. `jobs` is capped by [`worker_threads`].
///
/// The workers take pairs from the manifest one at a time as they become free (no chunk of
/// pairs waits for its slowest pair before the next chunk starts), and stay at most
/// [`BatchOptions::window`] pairs ahead of the last line written.
///
/// Errors: the manifest cannot be opened or read, or is binary (nothing is written then if it
/// fails at opening; else the pairs taken before the fault are written first), a worker thread
/// cannot start, or writing to `out` fails ([`Error::Output`]).
pub fn run(
    manifest: &str,
    opts: &BatchOptions,
    out: &mut dyn std::io::Write,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Stats> {
    let feed = Feed {
        manifest,
        input: ManifestReader::new(ingest::open_lines(manifest)?),
        parser: ManifestParser::new(base_dir(manifest)),
        line_no: 0,
        buf: Vec::new(),
        taken: 0,
        written: 0,
        done: false,
        error: None,
    };
    let (threads, _) = worker_threads(opts.jobs);
    let shared = Shared {
        feed: std::sync::Mutex::new(feed),
        room: std::sync::Condvar::new(),
        window: opts.window.max(1),
    };
    let mut stats = Stats::default();
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Done)>();
    let written = std::thread::scope(|scope| {
        for k in 0..threads {
            let tx = tx.clone();
            let shared = &shared;
            let spawned = std::thread::Builder::new()
                .name(format!("batch-{k}"))
                .spawn_scoped(scope, move || work(shared, opts, &tx));
            if let Err(e) = spawned {
                shared.stop(Some(Error::Usage(format!(
                    "cannot start {threads} worker threads: {e}"
                ))));
                break;
            }
        }
        drop(tx);
        write_in_order(&shared, rx, out, &mut stats, progress)
    });
    written?;
    let feed = shared.feed.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(e) = feed.error {
        return Err(e);
    }
    out.flush().map_err(Error::Output)?;
    Ok(stats)
}

/// What the workers and the writer share: the manifest behind a lock, and the condition the
/// workers wait on while the window is full.
struct Shared<'m> {
    feed: std::sync::Mutex<Feed<'m>>,
    /// Signalled when lines are written (room in the window) and when the feed stops.
    room: std::sync::Condvar,
    window: usize,
}

impl<'m> Shared<'m> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Feed<'m>> {
        // compare_one catches panics, so the lock is never held by a panicking thread; take
        // it anyway if it were.
        self.feed.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// No more pairs are handed out (writing failed, or a worker could not start).
    fn stop(&self, error: Option<Error>) {
        let mut feed = self.lock();
        feed.done = true;
        if feed.error.is_none() {
            feed.error = error;
        }
        self.room.notify_all();
    }
}

/// The manifest as the workers consume it: the reader and parser, and how many pairs were
/// handed out and written.
struct Feed<'m> {
    manifest: &'m str,
    input: ManifestReader,
    parser: ManifestParser,
    line_no: usize,
    buf: Vec<u8>,
    /// Pairs handed out so far: the next pair's index in manifest order.
    taken: usize,
    /// Lines written so far.
    written: usize,
    /// No more pairs: the manifest ended or failed, or the batch stopped.
    done: bool,
    /// Why the manifest (or the batch) stopped early.
    error: Option<Error>,
}

impl Feed<'_> {
    /// The next pair of the manifest; `None` at its end or fault (`done` is then set).
    fn next_entry(&mut self) -> Option<Entry> {
        loop {
            let line = match self.input.next_line(&mut self.buf) {
                Ok(Line::Eof) => None,
                Ok(Line::Nul { offset }) => {
                    self.error = Some(Error::Binary {
                        path: PathBuf::from(self.manifest),
                        offset,
                    });
                    None
                }
                Ok(line) => Some(line),
                Err(source) => {
                    self.error = Some(Error::Unreadable {
                        path: PathBuf::from(self.manifest),
                        source,
                    });
                    None
                }
            };
            let Some(line) = line else {
                self.done = true;
                return None;
            };
            self.line_no += 1;
            let line_no = self.line_no;
            let mut text = self.buf.as_slice();
            if line_no == 1 {
                // A UTF-8 byte-order mark, as Windows editors save it, is not part of the line.
                text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
            }
            let entry = match (line, std::str::from_utf8(text)) {
                (Line::TooLong, _) => Some(manifest_error(
                    line_no,
                    format!(
                        "manifest line {line_no}: is longer than {MAX_LINE} bytes (a manifest \
                         line names two files); is this file a manifest?"
                    ),
                )),
                (_, Ok(text)) => self.parser.parse(line_no, text),
                (_, Err(_)) => Some(manifest_error(
                    line_no,
                    format!("manifest line {line_no}: is not UTF-8 text"),
                )),
            };
            if entry.is_some() {
                return entry;
            }
        }
    }
}

/// One worker: takes the next pair while the window has room, compares it and sends its line
/// to the writer; returns when the manifest is done or the writer has gone.
fn work(shared: &Shared, opts: &BatchOptions, tx: &std::sync::mpsc::Sender<(usize, Done)>) {
    loop {
        let (index, entry) = {
            let mut feed = shared.lock();
            while !feed.done && feed.taken - feed.written >= shared.window {
                feed = shared.room.wait(feed).unwrap_or_else(|e| e.into_inner());
            }
            if feed.done {
                return;
            }
            match feed.next_entry() {
                Some(entry) => {
                    feed.taken += 1;
                    (feed.taken - 1, entry)
                }
                None => {
                    shared.room.notify_all();
                    return;
                }
            }
        };
        // The receiver is gone only when writing failed; the rest is moot.
        if tx.send((index, compare_one(&entry, opts))).is_err() {
            return;
        }
    }
}

fn manifest_error(line: usize, message: String) -> Entry {
    Entry {
        line,
        id: line.to_string(),
        pair: Err(PairError::new("manifest", message)),
    }
}

/// Receives the workers' lines and writes each as soon as every line before it is written: a
/// slow pair holds back only the pairs after it (at most the window), never finished pairs
/// before it. Returns when every worker has finished.
fn write_in_order(
    shared: &Shared,
    rx: std::sync::mpsc::Receiver<(usize, Done)>,
    out: &mut dyn std::io::Write,
    stats: &mut Stats,
    progress: &dyn Fn(u64),
) -> Result<()> {
    let mut waiting = std::collections::BTreeMap::new();
    let mut next = 0usize;
    for (i, done) in rx {
        waiting.insert(i, done);
        let before = next;
        while let Some(d) = waiting.remove(&next) {
            if let Err(e) = out.write_all(&d.line).and_then(|_| out.flush()) {
                shared.stop(None);
                return Err(Error::Output(e));
            }
            stats.pairs += 1;
            stats.differ += u64::from(d.differs);
            stats.failed += u64::from(d.failed);
            next += 1;
        }
        if next > before {
            shared.lock().written = next;
            shared.room.notify_all();
        }
        progress(stats.pairs);
    }
    Ok(())
}

/// One manifest line as [`ManifestReader`] read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    /// A line (in the caller's buffer, with its line end).
    Text,
    /// A line longer than [`MAX_LINE`]: read to its end and dropped.
    TooLong,
    /// A NUL byte at this offset of the manifest: a binary file, not a manifest.
    Nul { offset: usize },
    /// The end of the manifest.
    Eof,
}

/// Reads manifest lines of at most [`MAX_LINE`] bytes, holding no more than that in memory.
struct ManifestReader {
    inner: Box<dyn std::io::BufRead + Send>,
    /// Bytes of the manifest consumed so far.
    offset: usize,
}

impl ManifestReader {
    fn new(inner: Box<dyn std::io::BufRead + Send>) -> Self {
        ManifestReader { inner, offset: 0 }
    }

    /// Reads the next line into `buf` (cleared first).
    fn next_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<Line> {
        buf.clear();
        let (mut any, mut too_long) = (false, false);
        loop {
            let avail = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok(match (any, too_long) {
                    (false, _) => Line::Eof,
                    (true, false) => Line::Text,
                    (true, true) => Line::TooLong,
                });
            }
            any = true;
            let end = avail.iter().position(|&b| b == b'\n');
            let piece = &avail[..end.map_or(avail.len(), |i| i + 1)];
            if let Some(i) = piece.iter().position(|&b| b == 0) {
                return Ok(Line::Nul {
                    offset: self.offset + i,
                });
            }
            if !too_long && buf.len() + piece.len() > MAX_LINE {
                too_long = true;
                buf.clear();
                buf.shrink_to(MAX_LINE);
            }
            if !too_long {
                buf.extend_from_slice(piece);
            }
            let n = piece.len();
            self.inner.consume(n);
            self.offset += n;
            if end.is_some() {
                return Ok(if too_long { Line::TooLong } else { Line::Text });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_jsonl_and_resolves_paths() {
        let mut p = ManifestParser::new("dir");
        assert_eq!(p.parse(1, "\n"), None);
        assert_eq!(p.parse(2, "# comment\n"), None);
        let e = p
            .parse(
                3,
                r#"{"a": "x.txt", "b": "/abs/y.txt", "date": "2024-04-26"}"#,
            )
            .unwrap();
        assert_eq!(p.format(), Some(ManifestFormat::JsonLines));
        assert_eq!(e.id, "3");
        let pair = e.pair.unwrap();
        assert_eq!(pair.a, Path::new("dir").join("x.txt").to_string_lossy());
        assert_eq!(pair.b, "/abs/y.txt");
        assert_eq!(pair.date.unwrap().day, 26);
        let e = p.parse(4, r#"{"a": "x", "b": "y", "id": 7}"#).unwrap();
        assert_eq!(e.id, "7");
        let e = p.parse(5, "x.txt\ty.txt").unwrap();
        assert_eq!(e.pair.unwrap_err().code, "manifest");
    }

    #[test]
    fn tsv_header_columns_and_errors() {
        let mut p = ManifestParser::new("");
        assert_eq!(p.parse(1, "a\tb\tid\tdate\n"), None);
        assert_eq!(p.format(), Some(ManifestFormat::Tsv));
        let e = p.parse(2, "x.txt\ty.txt\tone\t2024-02-29\r\n").unwrap();
        assert_eq!(e.id, "one");
        assert_eq!(e.pair.as_ref().unwrap().a, "x.txt");
        let e = p.parse(3, "x.txt\ty.txt\t\t2023-02-29").unwrap();
        assert_eq!(e.id, "3");
        assert_eq!(e.pair.unwrap_err().code, "bad-date");
        let e = p.parse(4, "only-one-column").unwrap();
        assert_eq!(e.pair.unwrap_err().code, "manifest");
        let e = p.parse(5, "-\ty.txt").unwrap();
        assert_eq!(e.pair.unwrap_err().code, "usage");
    }

    #[test]
    fn a_panicking_pair_becomes_its_error_line() {
        let done = guarded("p-7", FailOn::Any, || panic!("boom at sentence 3"));
        assert!(done.failed && !done.differs);
        let v: serde_json::Value = serde_json::from_slice(&done.line).unwrap();
        assert_eq!(v["id"], "p-7");
        assert_eq!(v["schema"], "storydiff/1");
        assert_eq!(v["error"]["code"], "panic");
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains("boom at sentence 3"), "{msg}");
    }

    #[test]
    fn progress_is_reported_per_pair_and_files_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let m = dir.path().join("m.tsv");
        std::fs::write(&m, "# pairs\nx\ty\n\nx\ty\nx\ty\n").unwrap();
        let m = m.to_str().unwrap();
        assert_eq!(count_pairs(m), Some(3));
        assert_eq!(count_pairs("-"), None);
        let calls = std::sync::Mutex::new(Vec::new());
        let mut out = Vec::new();
        let opts = BatchOptions {
            jobs: Some(1),
            ..Default::default()
        };
        run(m, &opts, &mut out, &|n| calls.lock().unwrap().push(n)).unwrap();
        let mut calls = calls.into_inner().unwrap();
        calls.sort();
        assert_eq!(calls, [1, 2, 3], "one call per pair");
    }

    #[test]
    fn exit_code_precedence() {
        let s = |differ, failed| Stats {
            pairs: 3,
            differ,
            failed,
        };
        assert_eq!(s(0, 0).exit_code(), Exit::Same);
        assert_eq!(s(1, 0).exit_code(), Exit::Different);
        assert_eq!(s(1, 1).exit_code(), Exit::Trouble);
    }
}
