//! claims::engine::quotes: the quote judge — turns the pairing of the two versions' quote
//! ledgers into findings, and into the report's quote ledger.
//!
//! Decides ([`quotes`](fn@quotes)), from `claims::quotes::compare` (and
//! `claims::quotes::pair_by_place` for quotations the aligned rows pair): a quotation
//! misquoted (a word changed, added or removed inside the common stretch: a conflict); given
//! to another speaker (a notice; the speakers are not [`one_speaker`]); reported with another
//! kind of verb or at another venue ([`said_differently`], a notice); quoted in one version
//! and reported speech in the other (a notice); and the parts of quotations that no pair
//! accounts for, in one version only (a notice).
//!
//! Reads: both [`Side`]s (claims, entities, `aligned_with`, and the ledgers that
//! `claims::quotes::ledger` builds from them). Writes: [`Flag`]s and the [`QuoteEntry`] list,
//! sorted by position.
//!
//! Thresholds: no [`Thresholds`](crate::claims::Thresholds) field; the pairing of the ledgers
//! decides by its own, in `claims::quotes`.

use super::context::{sentence_at, Side};
use super::names::one_speaker;
use super::{only_in, order, Flag, Span};
use crate::claims::extract::Val;
use crate::claims::quotes;
use crate::report::{
    Change, ClaimKind, ClaimSpan, QuoteEntry, QuoteRelation, Reason, Severity, SideId,
};

/// Quotes, compared ledger against ledger across the whole texts
/// ([`claims::quotes`](crate::claims::quotes)): misquoted (a conflict), given to another
/// speaker (a notice), added and dropped.
pub(super) fn quotes(sa: &Side<'_>, sb: &Side<'_>, flags: &mut Vec<Flag>) -> Vec<QuoteEntry> {
    let (la, lb) = (quotes::ledger(&sa.data), quotes::ledger(&sb.data));
    let mut entries = Vec::new();
    let who = |x: &Side<'_>, q: &quotes::LedgerQuote| {
        q.speaker.map(|e| x.data.entities[e].canonical.clone())
    };
    let whole = |x: &Side<'_>, q: &quotes::LedgerQuote| ClaimSpan {
        sentence: x.data.sentences[sentence_at(x, q.start)].id,
        start: q.start,
        end: q.end,
        text: x.data.slice(q.start, q.end).to_string(),
    };
    let same_speaker =
        |p: &quotes::LedgerQuote, q: &quotes::LedgerQuote| match (p.speaker, q.speaker) {
            (Some(p), Some(q)) => {
                let (ep, eq) = (&sa.data.entities[p], &sb.data.entities[q]);
                one_speaker(ep, eq)
            }
            _ => false,
        };
    let mut pairs = quotes::compare(&la, &lb, sa.data.text, sb.data.text, same_speaker);
    let by_place = quotes::pair_by_place(&la, &lb, &sa.data, &sb.data, &pairs, |i, j| {
        sa.aligned_with.get(i).is_some_and(|v| v.contains(&j))
    });
    pairs.extend(by_place);
    pairs.sort_by_key(|p| (p.a, p.b));
    let mut paired_a = vec![false; la.len()];
    let mut paired_b = vec![false; lb.len()];
    // What the pairs account for on each side: a part of a quotation outside all of them
    // (a sentence of a long quotation that the other version leaves out) is still dropped
    // or added.
    let mut covered_a: Vec<(usize, usize)> = Vec::new();
    let mut covered_b: Vec<(usize, usize)> = Vec::new();
    for p in &pairs {
        paired_a[p.a] = true;
        paired_b[p.b] = true;
        covered_a.push(p.span_a);
        covered_b.push(p.span_b);
        let (qa, qb) = (&la[p.a], &lb[p.b]);
        let (speaker_a, speaker_b) = (who(sa, qa), who(sb, qb));
        let other_speaker = match (qa.speaker, qb.speaker) {
            (Some(p), Some(q)) => {
                let (ep, eq) = (&sa.data.entities[p], &sb.data.entities[q]);
                !one_speaker(ep, eq)
            }
            _ => false,
        };
        let (relation, removed, added) = match &p.verdict {
            quotes::Verdict::Misquoted { removed, added, .. } => {
                (QuoteRelation::Misquoted, removed.clone(), added.clone())
            }
            _ if other_speaker => (QuoteRelation::SpeakerChanged, vec![], vec![]),
            quotes::Verdict::Same => (QuoteRelation::Same, vec![], vec![]),
            quotes::Verdict::Shortened => (QuoteRelation::Shortened, vec![], vec![]),
            quotes::Verdict::Overlap => (QuoteRelation::Overlap, vec![], vec![]),
        };
        let (verb_a, venue_a) = said(sa, qa);
        let (verb_b, venue_b) = said(sb, qb);
        if let Some(message) = said_differently(sa, qa, sb, qb) {
            flags.push(message);
        }
        entries.push(QuoteEntry {
            relation,
            speaker_a,
            speaker_b,
            verb_a,
            verb_b,
            venue_a,
            venue_b,
            a: Some(whole(sa, qa)),
            b: Some(whole(sb, qb)),
            removed,
            added,
        });
        match &p.verdict {
            quotes::Verdict::Misquoted { a, b, .. } => {
                let span = |x: &Side<'_>, (start, end): (usize, usize)| Span {
                    sidx: sentence_at(x, start),
                    start,
                    end,
                };
                flags.push(Flag {
                    refine: false,
                    change: Change::Changed,
                    kind: ClaimKind::Quote,
                    severity: Severity::Conflict,
                    a: Some(span(sa, *a)),
                    b: Some(span(sb, *b)),
                    reason: Reason::QuoteWorded {
                        a: sa.data.slice(a.0, a.1).to_string(),
                        b: sb.data.slice(b.0, b.1).to_string(),
                    },
                });
            }
            quotes::Verdict::Same | quotes::Verdict::Shortened | quotes::Verdict::Overlap => {
                let (Some(p), Some(q)) = (qa.speaker, qb.speaker) else {
                    continue;
                };
                let (ep, eq) = (&sa.data.entities[p], &sb.data.entities[q]);
                if one_speaker(ep, eq) {
                    continue;
                }
                let part =
                    |x: &Side<'_>, q: &quotes::LedgerQuote| Span::of(&x.data.claims[q.parts[0]]);
                flags.push(Flag {
                    refine: false,
                    change: Change::Changed,
                    kind: ClaimKind::Quote,
                    severity: Severity::Notice,
                    a: Some(part(sa, qa)),
                    b: Some(part(sb, qb)),
                    reason: Reason::QuoteSpeaker {
                        quote: sa.data.slice(qa.start, qa.end).to_string(),
                        a: ep.canonical.clone(),
                        b: eq.canonical.clone(),
                    },
                });
            }
        }
    }
    for (x, ledger, paired, covered) in [
        (sa, &la, &paired_a, &covered_a),
        (sb, &lb, &paired_b, &covered_b),
    ] {
        let mut reported: Vec<&[String]> = Vec::new();
        let y = if x.id == SideId::A { sb } else { sa };
        for (q, &was_paired) in ledger.iter().zip(paired.iter()) {
            // Quoted here, reported speech there: a notice, not a quote in one version only.
            let unquoted = if was_paired {
                None
            } else {
                quotes::unquoted(q, &y.data)
            };
            if let Some((start, end)) = unquoted {
                let other = ClaimSpan {
                    sentence: y.data.sentences[sentence_at(y, start)].id,
                    start,
                    end,
                    text: y.data.slice(start, end).to_string(),
                };
                let (verb, venue) = said(x, q);
                let (mut a, mut b) = (Some(whole(x, q)), Some(other));
                let (mut verb_a, mut venue_a, mut verb_b, mut venue_b) = (verb, venue, None, None);
                let (mut speaker_a, mut speaker_b) = (who(x, q), None);
                if x.id == SideId::B {
                    std::mem::swap(&mut a, &mut b);
                    std::mem::swap(&mut verb_a, &mut verb_b);
                    std::mem::swap(&mut venue_a, &mut venue_b);
                    std::mem::swap(&mut speaker_a, &mut speaker_b);
                }
                entries.push(QuoteEntry {
                    relation: QuoteRelation::Unquoted,
                    speaker_a,
                    speaker_b,
                    verb_a,
                    verb_b,
                    venue_a,
                    venue_b,
                    a,
                    b,
                    removed: vec![],
                    added: vec![],
                });
                let span = |z: &Side<'_>, (start, end): (usize, usize)| Span {
                    sidx: sentence_at(z, start),
                    start,
                    end,
                };
                let (fa, fb) = order(
                    x,
                    Some(span(x, (q.start, q.end))),
                    Some(span(y, (start, end))),
                );
                flags.push(Flag {
                    refine: false,
                    change: Change::Changed,
                    kind: ClaimKind::Quote,
                    severity: Severity::Notice,
                    a: fa,
                    b: fb,
                    reason: Reason::QuoteUnquoted {
                        quote: x.data.slice(q.start, q.end).to_string(),
                        quoted_in: x.id,
                    },
                });
                continue;
            }
            if !was_paired {
                let (relation, a, b, speaker_a, speaker_b) = if x.id == SideId::A {
                    (
                        QuoteRelation::Dropped,
                        Some(whole(x, q)),
                        None,
                        who(x, q),
                        None,
                    )
                } else {
                    (
                        QuoteRelation::Added,
                        None,
                        Some(whole(x, q)),
                        None,
                        who(x, q),
                    )
                };
                let (verb, venue) = said(x, q);
                let (verb_a, venue_a, verb_b, venue_b) = if x.id == SideId::A {
                    (verb, venue, None, None)
                } else {
                    (None, None, verb, venue)
                };
                entries.push(QuoteEntry {
                    relation,
                    speaker_a,
                    speaker_b,
                    verb_a,
                    verb_b,
                    venue_a,
                    venue_b,
                    a,
                    b,
                    removed: vec![],
                    added: vec![],
                });
            }
            // Every part of an unpaired quotation, and the parts of a paired one that no pair
            // accounts for, is in this version only.
            for &k in &q.parts {
                let c = &x.data.claims[k];
                if was_paired && covered.iter().any(|&(s, e)| s < c.end && c.start < e) {
                    continue;
                }
                let Val::Quote { words, speaker } = &c.val else {
                    continue;
                };
                if reported.contains(&words.as_slice()) {
                    continue;
                }
                reported.push(words);
                let tx = x.data.slice(c.start, c.end);
                let (a, b) = order(x, Some(Span::of(c)), None);
                flags.push(Flag {
                    refine: false,
                    change: only_in(x),
                    kind: ClaimKind::Quote,
                    severity: Severity::Notice,
                    a,
                    b,
                    reason: Reason::QuoteOnly {
                        quote: tx.to_string(),
                        speaker: speaker.map(|p| x.data.entities[p].canonical.clone()),
                        side: x.id,
                    },
                });
            }
        }
    }
    entries.sort_by_key(|e| {
        (
            e.a.as_ref().map_or(usize::MAX, |s| s.start),
            e.b.as_ref().map_or(usize::MAX, |s| s.start),
        )
    });
    entries
}

/// The reporting verb and the venue of a quotation, as written.
fn said(x: &Side<'_>, q: &quotes::LedgerQuote) -> (Option<String>, Option<String>) {
    let text = |s: Option<(usize, usize)>| s.map(|(a, b)| x.data.slice(a, b).to_string());
    (text(q.verb), text(q.venue))
}

/// A notice when two paired quotations are reported with another kind of verb ("said" /
/// "warned"; "said" / "claimed" is the attribution rule's) or at another venue ("told CNN" /
/// "told a radio station"); a verb or venue one version leaves out is not a change.
fn said_differently(
    sa: &Side<'_>,
    qa: &quotes::LedgerQuote,
    sb: &Side<'_>,
    qb: &quotes::LedgerQuote,
) -> Option<Flag> {
    let (verb_a, venue_a) = said(sa, qa);
    let (verb_b, venue_b) = said(sb, qb);
    let verb_changed = match (&verb_a, &verb_b) {
        (Some(x), Some(y)) => {
            let (kx, ky) = (quotes::verb_kind(x), quotes::verb_kind(y));
            let covered = matches!(
                (kx.as_str(), ky.as_str()),
                ("plain", "doubt") | ("doubt", "plain")
            );
            kx != ky && !covered
        }
        _ => false,
    };
    let venue_changed = match (&venue_a, &venue_b) {
        (Some(x), Some(y)) => quotes::venues_differ(x, y),
        _ => false,
    };
    if !verb_changed && !venue_changed {
        return None;
    }
    let phrase = |v: &Option<String>, w: &Option<String>| match (v, w) {
        (Some(v), Some(w)) => format!("{v} {w}"),
        (Some(v), None) => v.clone(),
        (None, Some(w)) => w.clone(),
        (None, None) => String::new(),
    };
    let part = |x: &Side<'_>, q: &quotes::LedgerQuote| Span::of(&x.data.claims[q.parts[0]]);
    Some(Flag {
        refine: false,
        change: Change::Changed,
        kind: ClaimKind::Quote,
        severity: Severity::Notice,
        a: Some(part(sa, qa)),
        b: Some(part(sb, qb)),
        reason: Reason::QuoteReported {
            quote: sa.data.slice(qa.start, qa.end).to_string(),
            a: phrase(&verb_a, &venue_a),
            b: phrase(&verb_b, &venue_b),
        },
    })
}
