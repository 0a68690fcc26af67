//! claims: claim extraction (dates, numbers, names, quotes, negation, attribution) and the
//! matching of claims across the two versions.
//!
//! Input: both sides' text and sentences, and the alignment. Output: changed/added/dropped
//! claims and the inconsistencies inside one side. Furniture raises no claims.
//!
//! Invariants: spans are byte offsets into the document text on char boundaries; outputs are
//! sorted (conflicts first, then by position) and deterministic; analyze(B, A) gives the same
//! pairs as analyze(A, B) with the sides swapped and added↔dropped (every rule runs in both
//! directions and the findings are merged; only ordered maps reach the output). Figures:
//! BENCHMARKS.md, section Claims (`cargo run --release -p storydiff-eval --bin eval_claims`).
//!
//! Names are found by hand-written rules (runs of capitalised words, titles split off,
//! aliases inside one text), not by a named-entity recogniser: the usable ones (rust-bert,
//! spaCy bindings) need a statistical model downloaded at run time, and the binary stays
//! self-contained and offline.
//!
//! Where each judgement is made:
//! - `extract`: the claims of one side (values, names, quote parts with speakers, cues).
//! - `frames`: what a date or figure is about; `engine::values::same_fact` decides whether two
//!   values are one fact (the aligned row first, else the frame), and no value is set against a
//!   value of another fact — a date or figure conflict needs it.
//! - `quotes`: each version's quote ledger (quotations joined over sentences and paragraphs)
//!   and the pairing of the two ledgers across the whole texts; a misquote is a word changed,
//!   added or removed inside the common stretch of two quotations of one remark.
//! - `status`: an event told as expected/planned in one version and done or denied in the
//!   other (kind `status`, a notice).
//! - `engine`: the rest, one file per concern (`engine/mod.rs` gives the order they run in):
//!   the context bags and sentence similarities (`context`), the date anchors (`anchors`), one
//!   judge per kind of finding (`values` for dates and figures, `negations`, `attributions`,
//!   `statements`, `statuses`, `quotes`, `names`, `inconsistencies`), the merge of both
//!   directions, the verdict (`conflict`, `refinement`, `change`) and `paired_by` of each
//!   changed claim.
//! - `thresholds`: every number those judges decide by ([`Thresholds`], one documented value).
//!
//! Each finding carries a structured `report::Reason` (the words of each version that differ,
//! what the judge found); its English is composed in `render::english`, not here.

mod cues;
pub mod dates;
mod engine;
mod extract;
mod frames;
pub mod lexicon;
pub mod numbers;
mod quotes;
mod status;
mod thresholds;

pub use thresholds::Thresholds;

use std::fmt;
use std::str::FromStr;

use crate::report::{ClaimChange, Inconsistency, Note, QuoteEntry, Row, Sentence};

/// A calendar date (`--date YYYY-MM-DD`), the publication date against which relative dates
/// resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// The year (Gregorian, 2024).
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl FromStr for CalendarDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{s}' is not a date of the form YYYY-MM-DD (for example 2024-04-26)");
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month: u32 = parts[1].parse().map_err(|_| bad())?;
        let day: u32 = parts[2].parse().map_err(|_| bad())?;
        // The right form, but no such day: say so, not that the form is wrong.
        if !(1..=12).contains(&month) {
            return Err(format!(
                "'{s}' is not a real date: there is no month {month}"
            ));
        }
        if day == 0 || day > days_in_month(year, month) {
            // The month's name from the one month table (lexicon), capitalised.
            let name: String = lexicon::dates::MONTHS
                .iter()
                .find(|(_, (m, abbr))| *m == month && !abbr)
                .map(|(w, _)| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default()
                })
                .unwrap_or_default();
            return Err(format!(
                "'{s}' is not a real date: {name} {year} has {} days",
                days_in_month(year, month)
            ));
        }
        Ok(CalendarDate { year, month, day })
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Settings of the claim stage.
#[derive(Debug, Clone, Default)]
pub struct ClaimOptions {
    /// Publication date of A (from `--date-a` or `--date`).
    pub date_a: Option<CalendarDate>,
    /// Publication date of B (from `--date-b` or `--date`).
    pub date_b: Option<CalendarDate>,
    /// True when `date_a` is A's own publication date (`--date-a`), not one date given for both
    /// (`--date`): only a side's own date (this, or one its text states) tells whether a
    /// changed status is a later revision or a contradiction. Default false.
    pub date_a_published: bool,
    /// The same for `date_b` (`--date-b`).
    pub date_b_published: bool,
    /// What the judges decide by; [`Thresholds::DEFAULT`] unless a harness tunes them.
    pub thresholds: Thresholds,
}

/// One side as the claim stage sees it.
#[derive(Debug, Clone, Copy)]
pub struct ClaimInput<'a> {
    /// The text the spans index into.
    pub text: &'a str,
    /// The side's sentences, as `crate::sentences` gives them for `text`.
    pub sentences: &'a [Sentence],
}

/// What the claim stage found.
#[derive(Debug, Clone, Default)]
pub struct ClaimsOutcome {
    /// The claims that differ, conflicts first, then by position. Each carries its
    /// [`crate::report::Reason`]; its `message` is left empty here and worded by
    /// `render::english::claim` ([`crate::compare`] does it), so that the English lives in
    /// one place and the claim stage never imports a renderer.
    pub claims: Vec<ClaimChange>,
    /// Statements of one version that contradict each other.
    pub inconsistencies: Vec<Inconsistency>,
    /// The quote ledger of both versions, paired.
    pub quotes: Vec<QuoteEntry>,
    /// How the claims were found: the date anchor used or inferred, windows, caps.
    pub notes: Vec<Note>,
}

/// Finds the claims that differ between A and B, and the inconsistencies inside each.
pub fn analyze(
    a: ClaimInput<'_>,
    b: ClaimInput<'_>,
    rows: &[Row],
    opts: &ClaimOptions,
) -> ClaimsOutcome {
    let mut lex = crate::text::Lexicon::default();
    let ra = crate::text::Reading::new(a.sentences, &mut lex);
    let rb = crate::text::Reading::new(b.sentences, &mut lex);
    engine::run(a, b, (&ra, &rb), &lex, rows, opts)
}

/// [`analyze`] of sentences whose words the text layer has read (`reading`, into `lex`).
pub(crate) fn analyze_read(
    a: ClaimInput<'_>,
    b: ClaimInput<'_>,
    reading: (&crate::text::Reading, &crate::text::Reading),
    lex: &crate::text::Lexicon,
    rows: &[Row],
    opts: &ClaimOptions,
) -> ClaimsOutcome {
    engine::run(a, b, reading, lex, rows, opts)
}

/// Whether `word` (lower case) is a function word the claim stage leaves out of the context of
/// a claim (`cues::STOP`); the text layer records it once per distinct word.
pub(crate) fn is_stop_word(word: &str) -> bool {
    cues::STOP.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates() {
        let d: CalendarDate = "2024-04-26".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2024, 4, 26));
        assert!("2024-02-30".parse::<CalendarDate>().is_err());
        assert!("26/04/2024".parse::<CalendarDate>().is_err());
        assert_eq!(d.to_string(), "2024-04-26");
    }
}
