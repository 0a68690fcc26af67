//! render: writes a [`Report`](crate::Report) for people (text) or programs (JSON).
//!
//! Renderers only read the report; they never recompute alignment or claims. They write to any
//! `io::Write`, so tests render into a `Vec<u8>`. Colour is a [`Palette`] value passed in.
//! Text from the inputs passes through the `escape` module before it reaches a terminal.

pub mod english;
pub mod escape;
pub mod html;
pub mod json;
pub mod palette;
pub(crate) mod sidebyside;
pub mod summary;
pub mod text;
pub(crate) mod view;
pub(crate) mod wrap;

pub use palette::Palette;

/// The quote ledger entry (index into `report.quotes`) that a quote conflict stands for: the
/// misquote whose spans hold the claim's, so that a claim line can point to it rather than
/// repeat it.
pub(crate) fn ledger_entry(
    report: &crate::Report,
    c: &crate::report::ClaimChange,
) -> Option<usize> {
    use crate::report::{ClaimKind, ClaimSpan, QuoteRelation, Severity};
    if c.kind != ClaimKind::Quote || c.severity != Severity::Conflict {
        return None;
    }
    let within = |x: &Option<ClaimSpan>, y: &Option<ClaimSpan>| match (x, y) {
        (Some(x), Some(y)) => y.start <= x.start && x.end <= y.end,
        _ => false,
    };
    report.quotes.iter().position(|q| {
        q.relation == QuoteRelation::Misquoted && within(&c.a, &q.a) && within(&c.b, &q.b)
    })
}

/// What differs inside a misquote, in words: `A has "x" where B has "y"`, `B adds "y"`, `B
/// leaves out "x"`; empty when no word differs.
pub(crate) fn quote_change(q: &crate::report::QuoteEntry) -> String {
    let (gone, new) = (q.removed.join(" "), q.added.join(" "));
    match (gone.is_empty(), new.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!("B adds \"{new}\""),
        (false, true) => format!("B leaves out \"{gone}\""),
        (false, false) => format!("A has \"{gone}\" where B has \"{new}\""),
    }
}

/// Who a ledger entry's words are given to, for grouping by speaker.
pub(crate) fn quote_speaker(q: &crate::report::QuoteEntry) -> String {
    q.speaker_a
        .clone()
        .or_else(|| q.speaker_b.clone())
        .unwrap_or_else(|| "speaker not named".to_string())
}

#[cfg(test)]
pub(crate) mod sample;
