//! json: the JSON document of schema `storydiff/1` (`--format json`; see `CONTRACT.md`).
//!
//! Input: a [`Report`]. Output: one JSON object on standard output, pretty-printed with two
//! spaces and followed by a newline ([`render`]), or on one line for JSON Lines ([`render_line`]).
//! The document is the report serialised field by field in declaration order, so it is
//! byte-for-byte deterministic: the same inputs and flags give identical bytes (the report holds
//! no maps, and similarities are rounded to three decimals before they get here).
//!
//! # The format
//!
//! ```json
//! {
//!   "schema": "storydiff/1",
//!   "a": {
//!     "path": "old.txt",
//!     "sentences": [
//!       { "id": 0, "start": 0, "end": 50, "text": "Harbour bridge to close",
//!         "furniture": false, "role": "headline", "paragraph": 0 },
//!       { "id": 1, "start": 52, "end": 120, "text": "PORTSMOUTH - The bridge will close.",
//!         "furniture": false, "role": "body", "paragraph": 1,
//!         "dateline": { "start": 52, "end": 64 } }
//!     ]
//!   },
//!   "b": { "path": "new.txt", "sentences": [ … ] },
//!   "alignment": [
//!     { "op": "edited", "a": [1], "b": [1, 2], "similarity": 0.82,
//!       "diff": [ { "op": "equal", "text": "The bridge will close " },
//!                 { "op": "delete", "text": "on March 3" },
//!                 { "op": "insert", "text": "on March 10" } ] }
//!   ],
//!   "claims": [
//!     { "change": "changed", "kind": "date", "severity": "conflict",
//!       "a": { "sentence": 1, "start": 97, "end": 104, "text": "March 3" },
//!       "b": { "sentence": 1, "start": 95, "end": 103, "text": "March 10" },
//!       "message": "the closure is dated March 3 in A but March 10 in B" }
//!   ],
//!   "inconsistencies": [
//!     { "side": "b", "kind": "date",
//!       "first": { "sentence": 3, "start": 300, "end": 308, "text": "November" },
//!       "second": { "sentence": 17, "start": 1630, "end": 1639, "text": "late 2018" },
//!       "message": "B dates the summit both November and late 2018" }
//!   ],
//!   "summary": { "equal": 0, "edited": 1, "moved": 0, "added": 0, "dropped": 0,
//!                "claims_changed": 1, "claims_added": 0, "claims_dropped": 0,
//!                "conflicts": 1, "inconsistencies": 1 },
//!   "notes": [ { "code": "date-inferred", "message": "dates resolved against 2024, …" } ]
//! }
//! ```
//!
//! ## Fields
//!
//! - `schema`: always `"storydiff/1"`. A change that is not a pure addition bumps it.
//! - `a`, `b`: one object per input.
//!   - `path`: the path as given on the command line (`-` for standard input).
//!   - `text` (only present when storydiff converted the input, such as a saved web page): the
//!     converted text, which that side's offsets then count in.
//!   - `sentences`: in reading order. `id` counts from 0 on each side. `start` and `end` are
//!     byte offsets into the input exactly as read (a UTF-8 byte-order mark counts, CRLF line
//!     ends count two bytes), and `text` is exactly that slice. `furniture` is true for page
//!     furniture (section labels, "Related Articles", footers), which is aligned like the rest
//!     but raises no claims. Additions to the contract: `role` (`body`, `headline`,
//!     `furniture`), `paragraph` (index of the blank-line-separated block, from 0) and
//!     `dateline` (the byte span of a leading dateline such as `BEIJING -`; absent when none).
//! - `alignment`: the rows, in reading order of B, each dropped row placed where it stood among
//!   its neighbours in A. Every sentence id of either side is in exactly one row; `a` and `b` are
//!   sorted ids.
//!   - `op`: `equal` (same text up to white space), `edited` (the same thing in other words, one
//!     or more sentences on either side), `moved` (`equal` or `edited`, out of order), `added`
//!     (`a` empty), `dropped` (`b` empty).
//!   - `similarity`: 0 to 1, three decimals; 0 for added and dropped rows.
//!   - `diff`: the word-level diff of the row's A text (its sentences joined by a space) against
//!     its B text, as runs of `equal`, `delete` (only in A) and `insert` (only in B); the
//!     `equal` and `delete` runs spell the A text, the `equal` and `insert` runs the B text (up
//!     to white space, and to the quote-mark and dash variants that the diff counts as equal).
//!     Empty for added and dropped rows.
//! - `claims`: facts that differ. `change` is `changed`, `added` or `dropped`; `kind` one of
//!   `date`, `number`, `money`, `percent`, `name`, `place`, `quote`, `negation`, `attribution`,
//!   `other`; `severity` is `conflict` where both statements cannot be true and `notice`
//!   otherwise. `a` and `b` are spans (`sentence` id, byte `start`/`end` into that input, and
//!   the `text` of that slice), `null` on the side that lacks the claim. `message` says it in
//!   words.
//! - `quotes` (an addition to the contract; absent when neither version quotes anyone): the
//!   quote ledger, each quotation of either version paired across the texts: `relation`
//!   (`same`, `shortened` — one version quotes only a run of the other's words —, `overlap`,
//!   `misquoted`, `speaker_changed`, `unquoted` — quoted in one version,
//!   reported speech in the other —, `added`, `dropped`), `speaker_a`/`speaker_b`,
//!   `verb_a`/`verb_b` (the reporting verb as written) and `venue_a`/`venue_b` (where or to
//!   whom: "CNN", "in a statement"), each absent when the text does not say; spans `a` and `b`
//!   (`null` on the side without it), and for a misquote `removed`/`added`, the words that
//!   differ.
//! - `inconsistencies`: two statements inside one input that cannot both be true: `side`
//!   (`a` or `b`), `kind`, spans `first` and `second`, `message`.
//! - `summary`: counts of the rows by `op`, of the claims by `change`, and (additions to the
//!   contract) `conflicts`, the claims of severity `conflict`, and `inconsistencies`.
//! - `notes` (an addition to the contract): remarks on how the result was obtained, each with a
//!   stable `code` (such as `date-inferred`; `date-from-page` when a saved page's own
//!   publication date anchors a side) and a `message`.
//!
//! Strings escape, beyond the U+0000–U+001F that JSON requires, DEL and the C1 controls
//! (U+007F–U+009F, as `\u009b`), so the document can be shown on a terminal as it is; the
//! value is the same.
//!
//! Scripts should ignore fields they do not know: new fields may be added within
//! `storydiff/1`.

use std::io::{self, Write};

use crate::report::Report;

/// A serde_json formatter that also writes DEL and the C1 controls (U+007F–U+009F) as `\u00XX`.
///
/// serde_json escapes only U+0000–U+001F, so a story, a web page's entities, a file name or a
/// batch id holding U+009B (a one-character CSI) would reach a terminal that shows the JSON
/// raw and act on it. The escaped document is the same JSON value, byte-for-byte deterministic.
/// Everything but string fragments is the wrapped formatter's (pretty or compact).
struct Escaping<F>(F);

/// Whether the JSON writes `c` as `\u00XX` although serde_json would not.
fn c1_or_del(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c)
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| c1_or_del(c)) {
            w.write_all(&rest.as_bytes()[..i])?;
            write!(w, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as JSON through [`Escaping`]: pretty-printed with two spaces, or compact.
fn write_json<T: serde::Serialize + ?Sized>(
    value: &T,
    pretty: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let res = if pretty {
        let f = Escaping(serde_json::ser::PrettyFormatter::with_indent(b"  "));
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut *out, f))
    } else {
        let f = Escaping(serde_json::ser::CompactFormatter);
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut *out, f))
    };
    res.map_err(io::Error::from)
}

/// Writes `report` as pretty-printed JSON followed by a newline.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_json(report, true, out)?;
    out.write_all(b"\n")
}

/// Writes `report` as one line of JSON followed by a newline (JSON Lines).
pub fn render_line(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_json(report, false, out)?;
    out.write_all(b"\n")
}

/// One line of `storydiff batch` output: the pair's `id` first, then the document's fields.
#[derive(serde::Serialize)]
struct BatchLine<'a> {
    id: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// Writes one `storydiff batch` result as a JSON Lines line: the storydiff/1 document with the
/// pair's `id` as its first field.
pub fn render_batch_line(id: &str, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_json(&BatchLine { id, report }, false, out)?;
    out.write_all(b"\n")
}

/// The `error` object of a pair that could not be compared.
#[derive(serde::Serialize)]
struct BatchError<'a> {
    id: &'a str,
    schema: &'static str,
    error: ErrorBody<'a>,
}

#[derive(serde::Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

/// Writes the line of a `storydiff batch` pair that failed:
/// `{"id": …, "schema": "storydiff/1", "error": {"code": …, "message": …}}` (`schema` as on
/// every other line, so that a reader can check every line the same way).
pub fn render_batch_error(
    id: &str,
    code: &str,
    message: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_json(
        &BatchError {
            id,
            schema: crate::report::SCHEMA,
            error: ErrorBody { code, message },
        },
        false,
        out,
    )?;
    out.write_all(b"\n")
}

/// Writes the note (for standard error) that `--jobs asked` was capped at `threads`, the cap
/// being `per_core` threads a core.
pub fn render_jobs_note(
    asked: usize,
    threads: usize,
    per_core: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "storydiff: note: --jobs {asked} is more than {per_core} per core; using {threads} worker \
         threads"
    )
}

/// Writes the one-line summary of a batch (for standard error):
/// `10000 pairs: 9123 differ, 0 failed, in 2.1 s (4762 pairs/s)`.
pub fn render_batch_summary(
    pairs: u64,
    differ: u64,
    failed: u64,
    seconds: f64,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rate = if seconds > 0.0 {
        format!(" ({:.0} pairs/s)", pairs as f64 / seconds)
    } else {
        String::new()
    };
    let noun = if pairs == 1 { "pair" } else { "pairs" };
    writeln!(
        out,
        "{pairs} {noun}: {differ} differ, {failed} failed, in {seconds:.1} s{rate}"
    )
}

#[cfg(test)]
mod tests {
    use crate::render::sample::{self, snap};

    fn json(r: &crate::Report) -> String {
        let mut out = Vec::new();
        super::render(r, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn document_follows_the_contract() {
        let r = sample::report_with_claims();
        let text = json(&r);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        // serde_json's map is sorted, so compare as sets and check the order in the text.
        for k in [
            "schema",
            "a",
            "b",
            "alignment",
            "claims",
            "inconsistencies",
            "summary",
        ] {
            assert!(keys.contains(&k), "{k} missing");
        }
        let at = |k: &str| text.find(&format!("\n  \"{k}\":")).unwrap();
        assert!(at("schema") < at("a") && at("a") < at("b") && at("b") < at("alignment"));
        assert!(at("alignment") < at("claims") && at("claims") < at("inconsistencies"));
        assert!(at("inconsistencies") < at("summary"));
        assert_eq!(v["schema"], "storydiff/1");
        let claims = v["claims"].as_array().unwrap();
        let added = claims.iter().find(|c| c["change"] == "added").unwrap();
        assert!(added["a"].is_null() && added["b"].is_object());
        let dropped = claims.iter().find(|c| c["change"] == "dropped").unwrap();
        assert!(dropped["b"].is_null() && dropped["a"].is_object());
        for c in claims {
            for side in ["a", "b"] {
                if let Some(s) = c[side].as_object() {
                    let input = if side == "a" { sample::A } else { sample::B }.join(" ");
                    let (st, en) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                    assert_eq!(s["text"], input[st as usize..en as usize]);
                }
            }
        }
        assert_eq!(v["inconsistencies"][0]["side"], "b");
        assert_eq!(v["summary"]["claims_changed"], 3);
        assert_eq!(v["summary"]["conflicts"], 2);
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn output_is_byte_for_byte_deterministic() {
        let first = json(&sample::report_with_claims());
        for _ in 0..3 {
            assert_eq!(json(&sample::report_with_claims()), first);
        }
        let mut line = Vec::new();
        super::render_line(&sample::report_with_claims(), &mut line).unwrap();
        let line = String::from_utf8(line).unwrap();
        assert_eq!(line.lines().count(), 1);
        let a: serde_json::Value = serde_json::from_str(&line).unwrap();
        let b: serde_json::Value = serde_json::from_str(&first).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn c1_controls_and_del_are_escaped_and_the_value_is_kept() {
        let mut r = sample::report_with_claims();
        r.a.path = "a\u{9b}2J\u{7f}\u{1b}.txt".into();
        for pretty in [true, false] {
            let mut out = Vec::new();
            if pretty {
                super::render(&r, &mut out).unwrap();
            } else {
                super::render_line(&r, &mut out).unwrap();
            }
            let text = String::from_utf8(out).unwrap();
            assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
            assert!(text.contains(r#""a\u009b2J\u007f\u001b.txt""#), "{text}");
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["a"]["path"], "a\u{9b}2J\u{7f}\u{1b}.txt");
        }
        let mut out = Vec::new();
        super::render_batch_error("id\u{85}", "x", "m\u{9f}", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":\"id\\u0085\",\"schema\":\"storydiff/1\",\"error\":{\"code\":\"x\",\"message\":\"m\\u009f\"}}\n"
        );
    }

    #[test]
    fn claims_json_snapshot() {
        snap("claims_json", &json(&sample::report_with_claims()));
    }
}
