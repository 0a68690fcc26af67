//! summary: the report as one line of counts, for CI logs (`--format summary`).
//!
//! Input: a [`Report`]. Output: one line, `A → B:` followed by `key=value` pairs named as the
//! JSON `summary` fields, in their order:
//!
//! ```text
//! old.txt → new.txt: equal=2 edited=9 moved=1 added=4 dropped=6 claims_changed=1 claims_added=5 claims_dropped=8 conflicts=1 inconsistencies=0
//! ```
//!
//! Invariants: exactly one line; no colour; the paths are escaped like all text output, so the
//! line holds no control character.

use std::io::{self, Write};

use super::escape::name;
use crate::report::Report;

/// The summary line, without its line end.
pub fn line(report: &Report) -> String {
    let s = &report.summary;
    format!(
        "{} → {}: equal={} edited={} moved={} added={} dropped={} claims_changed={} \
         claims_added={} claims_dropped={} conflicts={} inconsistencies={}",
        name(&report.a.path),
        name(&report.b.path),
        s.equal,
        s.edited,
        s.moved,
        s.added,
        s.dropped,
        s.claims_changed,
        s.claims_added,
        s.claims_dropped,
        s.conflicts,
        s.inconsistencies
    )
}

/// Writes the summary line.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", line(report))
}

#[cfg(test)]
mod tests {
    use crate::{compare, Document, Options};

    #[test]
    fn one_line_with_every_count_named_as_in_json() {
        let a = Document::from_text("a\u{1b}.txt", "One. Two.\n\nThree.");
        let b = Document::from_text("b.txt", "One. Two.\n\nFour.");
        let r = compare(&a, &b, &Options::default());
        let mut out = Vec::new();
        super::render(&r, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.lines().count(), 1);
        assert!(s.ends_with('\n'));
        assert!(s.starts_with("a\\u{1b}.txt → b.txt: "));
        let json = serde_json::to_value(&r.summary).unwrap();
        for (k, v) in json.as_object().unwrap() {
            assert!(s.contains(&format!(" {k}={v}")), "{k} missing in {s}");
        }
    }
}
