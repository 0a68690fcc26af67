//! claims::engine: both sides' claims → changed / added / dropped claims, the quote ledger and
//! the inconsistencies inside each version.
//!
//! Input: both sides (text, sentences), the alignment rows and the claim options. Output: a
//! [`ClaimsOutcome`] sorted conflicts first, then by position. Claims are matched across the
//! versions by what they are about: a weighted bag of the words around them (inverse sentence
//! frequency over both texts, words near the claim counting three times), not only inside
//! aligned rows. Every rule runs in both directions and the pairs are merged, so that
//! analyze(B, A) mirrors analyze(A, B). Invariant: no HashMap iteration order reaches the
//! output; ties break by position.
//!
//! What runs, in this order:
//! 1. [`run`]: the date each side's relative dates are read against (`anchors`, once for the
//!    whole texts); long texts (more than `Thresholds::max_whole_pairs` sentence pairs) are
//!    cut into windows of aligned rows ([`windows`], a `claims-windowed` note) and
//!    [`run_whole`] runs once per window, else once.
//! 2. [`run_whole`]: each side's claims (`extract::extract`), at most
//!    `Thresholds::max_claims_per_sentence` per sentence ([`cap_claims`]); then `context`
//!    builds both sides' bags ([`Side`]) and the sentence similarities.
//! 3. The judges, one file each, each writing [`Flag`]s: in both directions (A against B,
//!    then B against A) `values` (dates and figures; it also lists the value conflicts),
//!    `negations` and `attributions`; then, over both sides at once, `quotes` (which also
//!    writes the quote ledger), `statuses` (reads the negation flags), `names` (changed
//!    names, then spellings); then `statements` for each side (reads every flag raised
//!    before); then `inconsistencies` (reads the value conflicts).
//! 4. The merge, at the end of [`run_whole`]: a figure, date, name or negation changed inside
//!    a quote is not also a reworded quote; a value stated twice on one side whose twin is
//!    already in a conflict is not also dropped or added; both directions merge into one entry
//!    per change, kind and spans; each changed claim gets its verdict (`conflict`,
//!    `refinement`, `change`) and [`paired_by`]; [`sort_claims`].
//!
//! Files: `context` (bags, similarities, [`Side`]), `anchors`, the judges `values`,
//! `negations`, `attributions`, `quotes`, `statuses`, `names`, `statements`,
//! `inconsistencies`; this file holds the order above, the [`Flag`] and [`Span`] every judge
//! writes, and the merge. Every number a judge decides by is a field of
//! [`Thresholds`], read through `Side::t`; each file's doc names the
//! fields that gate it.

mod anchors;
mod attributions;
mod context;
mod inconsistencies;
mod names;
mod negations;
mod quotes;
mod statements;
mod statuses;
mod values;

use std::collections::{BTreeMap, BTreeSet};

use anchors::{anchors, SideAnchor};
use context::Side;
use names::one_speaker;

use super::dates::Relation;
use super::extract::{self, stem, Claim, SideData, Val, Vocab};
use super::{cues, ClaimInput, ClaimOptions, ClaimsOutcome, Thresholds};
use crate::report::{
    Change, ClaimChange, ClaimKind, ClaimSpan, Note, NoteReason, PairedBy, Reason, Row, RowOp,
    Sentence, Severity, SideId, Verdict,
};
use crate::text::{Lexicon, Reading, Tok};

/// A flagged pair before sorting: claim indices on A and B (None for added/dropped).
struct Flag {
    /// One side only more precise (a refinement, not a conflict).
    refine: bool,
    change: Change,
    kind: ClaimKind,
    severity: Severity,
    a: Option<Span>,
    b: Option<Span>,
    /// What was found, as data; `render::english` words it.
    reason: Reason,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Span {
    sidx: usize,
    start: usize,
    end: usize,
}

impl Span {
    fn new(sidx: usize, start: usize, end: usize) -> Self {
        Span { sidx, start, end }
    }

    fn of(c: &Claim) -> Self {
        Span::new(c.sidx, c.start, c.end)
    }
}

/// Compares the claims of both sides. The comparison matches every claim with every claim of
/// the other side and every sentence with every other, which is quadratic: for long texts
/// (more than [`Thresholds::max_whole_pairs`] sentence pairs) it runs instead on consecutive
/// windows of the alignment's rows, each holding at most about [`Thresholds::window`]
/// sentences of a side, so that time
/// and memory grow linearly. A fact is then matched only inside its window (a few hundred
/// sentences around its aligned place), and a note says so.
pub(crate) fn run(
    a: ClaimInput<'_>,
    b: ClaimInput<'_>,
    (ra, rb): (&Reading, &Reading),
    lex: &Lexicon,
    rows: &[Row],
    opts: &ClaimOptions,
) -> ClaimsOutcome {
    let t = &opts.thresholds;
    let (anchor_a, anchor_b, mut notes) = anchors(a.text, b.text, opts);
    if a.sentences.len().saturating_mul(b.sentences.len()) <= t.max_whole_pairs {
        let toks = (
            ra.for_claims(a.text, a.sentences, 0..a.sentences.len(), lex),
            rb.for_claims(b.text, b.sentences, 0..b.sentences.len(), lex),
        );
        let toks = (slices(&toks.0), slices(&toks.1));
        let mut out = run_whole(a, b, (&toks.0, &toks.1), lex, rows, (anchor_a, anchor_b), t);
        notes.append(&mut out.notes);
        out.notes = notes;
        return out;
    }
    let windows = windows(rows, t.window, (a.sentences.len(), b.sentences.len()));
    notes.push(Note::of(NoteReason::Windowed {
        a: a.sentences.len(),
        b: b.sentences.len(),
        windows: windows.len(),
        size: t.window,
    }));
    let mut out = ClaimsOutcome {
        notes,
        ..ClaimsOutcome::default()
    };
    for w in windows {
        let pick = |all: &[Sentence], ids: &BTreeSet<usize>| -> Vec<Sentence> {
            ids.iter().filter_map(|&i| all.get(i).cloned()).collect()
        };
        let (ids_a, ids_b): (BTreeSet<usize>, BTreeSet<usize>) = (
            w.iter().flat_map(|r| r.a.iter().copied()).collect(),
            w.iter().flat_map(|r| r.b.iter().copied()).collect(),
        );
        let (sa, sb) = (pick(a.sentences, &ids_a), pick(b.sentences, &ids_b));
        let (ta, tb) = (
            ra.for_claims(a.text, a.sentences, ids_a.iter().copied(), lex),
            rb.for_claims(b.text, b.sentences, ids_b.iter().copied(), lex),
        );
        let (ta, tb) = (slices(&ta), slices(&tb));
        // Rows of the window with ids turned into indices of its own sentence lists.
        let local = |ids: &BTreeSet<usize>, v: &[usize]| -> Vec<usize> {
            v.iter().map(|i| ids.range(..*i).count()).collect()
        };
        let wrows: Vec<Row> = w
            .iter()
            .map(|r| Row {
                op: r.op,
                a: local(&ids_a, &r.a),
                b: local(&ids_b, &r.b),
                similarity: r.similarity,
                diff: Vec::new(),
            })
            .collect();
        let part = run_whole(
            ClaimInput {
                text: a.text,
                sentences: &sa,
            },
            ClaimInput {
                text: b.text,
                sentences: &sb,
            },
            (&ta, &tb),
            lex,
            &wrows,
            (anchor_a, anchor_b),
            t,
        );
        out.claims.extend(part.claims);
        out.inconsistencies.extend(part.inconsistencies);
        out.quotes.extend(part.quotes);
    }
    sort_claims(&mut out.claims);
    out.inconsistencies
        .sort_by_key(|i| (i.side, i.first.start, i.second.start));
    out
}

fn slices(toks: &[Vec<Tok>]) -> Vec<&[Tok]> {
    toks.iter().map(Vec::as_slice).collect()
}

/// Consecutive runs of `rows` holding at most about `size` sentences of either side.
fn windows(rows: &[Row], size: usize, (len_a, len_b): (usize, usize)) -> Vec<Vec<&Row>> {
    // The rows are cut in an order that reads the same with A and B swapped, so that
    // analyze(B, A) compares the same sentences window by window as analyze(A, B): a row's
    // place is the sum of its places in A and B, a one-sided row's place on the other side
    // estimated in proportion to the two lengths. (The rows themselves come in B's reading
    // order, which swapping the sides would change.)
    let place = |r: &Row| -> (f64, usize, usize) {
        let (fa, fb) = (r.a.first().copied(), r.b.first().copied());
        let scale =
            |k: usize, own: usize, other: usize| k as f64 * other as f64 / own.max(1) as f64;
        let key = match (fa, fb) {
            (Some(i), Some(j)) => (i + j) as f64,
            (Some(i), None) => i as f64 + scale(i, len_a, len_b),
            (None, Some(j)) => j as f64 + scale(j, len_b, len_a),
            (None, None) => 0.0,
        };
        let (x, y) = (fa.unwrap_or(usize::MAX), fb.unwrap_or(usize::MAX));
        (key, x.min(y), x.max(y))
    };
    let mut order: Vec<&Row> = rows.iter().collect();
    order.sort_by(|p, q| {
        let (kp, kq) = (place(p), place(q));
        kp.0.total_cmp(&kq.0)
            .then(kp.1.cmp(&kq.1))
            .then(kp.2.cmp(&kq.2))
    });
    let mut out: Vec<Vec<&Row>> = Vec::new();
    let (mut na, mut nb) = (0, 0);
    for r in order {
        if out.is_empty() || na + r.a.len() > size || nb + r.b.len() > size {
            out.push(Vec::new());
            (na, nb) = (0, 0);
        }
        na += r.a.len();
        nb += r.b.len();
        if let Some(w) = out.last_mut() {
            w.push(r);
        }
    }
    out
}

/// Conflicts first, then by where the claim stands (the earlier of its two spans).
fn sort_claims(claims: &mut [ClaimChange]) {
    claims.sort_by(|p, q| {
        let key = |c: &ClaimChange| {
            let pos =
                c.a.as_ref()
                    .map(|s| s.start)
                    .unwrap_or(usize::MAX)
                    .min(c.b.as_ref().map(|s| s.start).unwrap_or(usize::MAX));
            (
                c.severity,
                pos,
                c.a.as_ref().map(|s| s.start),
                c.b.as_ref().map(|s| s.start),
                c.kind,
            )
        };
        key(p).cmp(&key(q))
    });
}

/// At most this many claims of one sentence are compared (no news sentence comes near it;
/// a text without full stops, one sentence of megabytes, does).
/// Keeps the first [`Thresholds::max_claims_per_sentence`] claims of each sentence, and says
/// so, so that matching claims with claims stays bounded however long a sentence is.
fn cap_claims(data: &mut SideData<'_>, side: SideId, max: usize, notes: &mut Vec<Note>) {
    let mut per: BTreeMap<usize, usize> = BTreeMap::new();
    let before = data.claims.len();
    data.claims.retain(|c| {
        let n = per.entry(c.sidx).or_insert(0);
        *n += 1;
        *n <= max
    });
    let over = per.values().filter(|&&n| n > max).count();
    if over > 0 {
        notes.push(Note::of(NoteReason::ClaimsCapped {
            side,
            sentences: over,
            max,
            left_out: before - data.claims.len(),
            before,
        }));
    }
}

fn run_whole(
    a: ClaimInput<'_>,
    b: ClaimInput<'_>,
    (toks_a, toks_b): (&[&[Tok]], &[&[Tok]]),
    lex: &Lexicon,
    rows: &[Row],
    (anchor_a, anchor_b): (SideAnchor, SideAnchor),
    t: &Thresholds,
) -> ClaimsOutcome {
    let mut notes = Vec::new();
    let mut vocab = Vocab::new(lex);
    vocab.add(a.text, a.sentences, toks_a);
    vocab.add(b.text, b.sentences, toks_b);
    let mut memo = extract::ValueMemo::default();
    let mut da = extract::extract(
        a.text,
        a.sentences,
        toks_a,
        anchor_a.anchor.as_ref(),
        &vocab,
        &mut memo,
    );
    let mut db = extract::extract(
        b.text,
        b.sentences,
        toks_b,
        anchor_b.anchor.as_ref(),
        &vocab,
        &mut memo,
    );
    drop(memo);
    // Relative dates with no anchor carry their side's floor (see `anchors`).
    for (data, side) in [(&mut da, anchor_a), (&mut db, anchor_b)] {
        for c in &mut data.claims {
            if let Val::Date(d) = &mut c.val {
                if d.rule.is_some() && d.anchor.is_none() {
                    d.floor = side.floor;
                }
            }
        }
    }
    for (side, input) in [(SideId::A, &a), (SideId::B, &b)] {
        let long = input
            .sentences
            .iter()
            .filter(|s| !s.furniture && s.end - s.start > extract::MAX_CLAIM_SENTENCE_BYTES)
            .count();
        if long > 0 {
            notes.push(Note::of(NoteReason::ClaimsSkipped {
                side,
                sentences: long,
                max_bytes: extract::MAX_CLAIM_SENTENCE_BYTES,
            }));
        }
    }
    cap_claims(&mut da, SideId::A, t.max_claims_per_sentence, &mut notes);
    cap_claims(&mut db, SideId::B, t.max_claims_per_sentence, &mut notes);
    let (sa, sb) = context::sides(da, db, (toks_a, toks_b), lex, rows, t);
    let (sim, simt) = context::sentence_similarity(&sa, &sb, rows);

    let mut flags: Vec<Flag> = Vec::new();
    let mut conflicts_ab: Vec<(usize, usize)> = Vec::new(); // claim indices (a, b) of value conflicts
    for (x, y, s) in [(&sa, &sb, &sim), (&sb, &sa, &simt)] {
        values::values(x, y, &mut flags, &mut conflicts_ab);
        negations::negations(x, y, s, &mut flags);
        attributions::attributions(x, y, s, &mut flags);
    }
    let ledger = quotes::quotes(&sa, &sb, &mut flags);
    let published = |s: SideAnchor| s.anchor.filter(|_| s.published);
    statuses::statuses(
        &sa,
        &sb,
        &sim,
        (published(anchor_a), published(anchor_b)),
        &mut flags,
    );
    names::names(&sa, &sb, &sim, &simt, &mut flags);
    names::spellings(&sa, &sb, &sim, &mut flags);
    // Sentences that the alignment leaves unpaired (dropped from A, added in B).
    let unpaired = |pick: fn(&Row) -> &Vec<usize>| -> BTreeSet<usize> {
        rows.iter()
            .filter(|r| matches!(r.op, RowOp::Added | RowOp::Dropped))
            .flat_map(|r| pick(r).iter().copied())
            .collect()
    };
    statements::statements(&sa, &sim, &unpaired(|r| &r.a), &mut flags);
    statements::statements(&sb, &simt, &unpaired(|r| &r.b), &mut flags);
    let (inconsistencies, capped) = inconsistencies::inconsistencies(&sa, &sb, &conflicts_ab);
    for (side, kept, found) in capped {
        notes.push(Note::of(NoteReason::InconsistenciesCapped {
            side,
            found,
            kept,
            per_value: t.max_inconsistencies_per_fact,
            total: t.max_inconsistencies,
        }));
    }

    // A figure, date, name or negation changed inside a quote is one change, not also a
    // reworded quote.
    let inside = |x: Option<Span>, q: Option<Span>| match (x, q) {
        (Some(x), Some(q)) => q.start <= x.start && x.end <= q.end,
        _ => false,
    };
    let covered: Vec<bool> = flags
        .iter()
        .map(|q| {
            q.kind == ClaimKind::Quote
                && q.severity == Severity::Conflict
                && flags.iter().any(|f| {
                    f.kind != ClaimKind::Quote
                        && f.severity == Severity::Conflict
                        && inside(f.a, q.a)
                        && inside(f.b, q.b)
                })
        })
        .collect();
    let mut keep = covered.into_iter().map(|c| !c);
    flags.retain(|_| keep.next().unwrap_or(true));
    // A figure or date stated twice on one side ("three weeks" in the headline and the body)
    // whose other statement is already a conflict is that change, not also a dropped or added
    // claim.
    let in_conflict = |x: &Side<'_>, k: usize| {
        conflicts_ab
            .iter()
            .any(|&(ia, ib)| if x.id == SideId::A { ia == k } else { ib == k })
    };
    let twin_changed = |x: &Side<'_>, span: Span| {
        let cl = &x.data.claims;
        cl.iter()
            .position(|c| Span::of(c) == span && matches!(c.val, Val::Date(_) | Val::Num(_)))
            .is_some_and(|i| {
                cl.iter().enumerate().any(|(k, e)| {
                    k != i
                        && values::rel_of(&cl[i], e, x.t) == Some(Relation::Same)
                        && in_conflict(x, k)
                })
            })
    };
    flags.retain(|f| match (f.change, f.a, f.b) {
        (Change::Dropped, Some(a), None) => !twin_changed(&sa, a),
        (Change::Added, None, Some(b)) => !twin_changed(&sb, b),
        _ => true,
    });
    // Merge both directions: one entry per (change, kind, a span, b span).
    flags.sort_by(|p, q| {
        (
            p.severity,
            p.a.map(|s| s.start),
            p.b.map(|s| s.start),
            p.kind,
            p.change,
        )
            .cmp(&(
                q.severity,
                q.a.map(|s| s.start),
                q.b.map(|s| s.start),
                q.kind,
                q.change,
            ))
    });
    flags.dedup_by(|p, q| p.kind == q.kind && p.change == q.change && p.a == q.a && p.b == q.b);
    let span = |side: &Side<'_>, s: Span| ClaimSpan {
        sentence: side.data.sentences[s.sidx].id,
        start: s.start,
        end: s.end,
        text: side.data.slice(s.start, s.end).to_string(),
    };
    let mut claims: Vec<ClaimChange> = flags
        .into_iter()
        .map(|f| {
            let (verdict, paired_by) = match (f.change, f.a, f.b) {
                (Change::Changed, Some(x), Some(y)) => (
                    Some(if f.severity == Severity::Conflict {
                        Verdict::Conflict
                    } else if f.refine {
                        Verdict::Refinement
                    } else {
                        Verdict::Change
                    }),
                    Some(paired_by(&sa, &sb, rows, x, y, f.kind)),
                ),
                _ => (None, None),
            };
            ClaimChange {
                change: f.change,
                kind: f.kind,
                severity: f.severity,
                a: f.a.map(|s| span(&sa, s)),
                b: f.b.map(|s| span(&sb, s)),
                message: String::new(),
                reason: f.reason,
                verdict,
                paired_by,
            }
        })
        .collect();
    sort_claims(&mut claims);
    ClaimsOutcome {
        claims,
        inconsistencies,
        quotes: ledger,
        notes,
    }
}

/// What tied two statements together, for the reader: the aligned row that holds both
/// sentences, the content words both share within the claim (a quote) or around it (what a
/// value dates or counts), and for a quote the speaker both name.
fn paired_by(
    sa: &Side<'_>,
    sb: &Side<'_>,
    rows: &[Row],
    x: Span,
    y: Span,
    kind: ClaimKind,
) -> PairedBy {
    let (ia, ib) = (sa.data.sentences[x.sidx].id, sb.data.sentences[y.sidx].id);
    let row = rows.iter().any(|r| {
        matches!(r.op, RowOp::Equal | RowOp::Edited | RowOp::Moved)
            && r.a.contains(&ia)
            && r.b.contains(&ib)
    });
    // The claim's own words for a quote, else the words around it in its sentence.
    let around = |side: &Side<'_>, sp: Span| -> Vec<String> {
        let toks = &side.data.toks[sp.sidx];
        let inside = |t: &extract::Tok| t.start >= sp.start && t.end <= sp.end;
        let at = toks
            .iter()
            .position(|t| t.end > sp.start)
            .unwrap_or(toks.len());
        let picked: Vec<&extract::Tok> = if kind == ClaimKind::Quote {
            toks.iter().filter(|t| inside(t)).collect()
        } else {
            let lo = at.saturating_sub(6);
            let hi = (at + 8).min(toks.len());
            toks[lo..hi].iter().filter(|t| !inside(t)).collect()
        };
        picked
            .into_iter()
            .map(|t| t.lower.to_string())
            .filter(|w| {
                !cues::STOP.contains(&w.as_str())
                    && w.chars().count() > 2
                    && !w.chars().any(|c| c.is_numeric())
            })
            .collect()
    };
    let theirs: Vec<String> = around(sb, y).iter().map(|w| stem(w)).collect();
    let mut words: Vec<String> = Vec::new();
    for w in around(sa, x) {
        if theirs.contains(&stem(&w)) && !words.contains(&w) {
            words.push(w);
        }
        if words.len() == sa.t.paired_words {
            break;
        }
    }
    let speaker = if kind == ClaimKind::Quote {
        fn who<'s>(side: &'s Side<'_>, sp: Span) -> Option<&'s extract::Entity> {
            side.data.claims.iter().find_map(|c| match &c.val {
                Val::Quote {
                    speaker: Some(e), ..
                } if c.start < sp.end && sp.start < c.end => Some(&side.data.entities[*e]),
                _ => None,
            })
        }
        match (who(sa, x), who(sb, y)) {
            (Some(p), Some(q)) if one_speaker(p, q) => Some(p.canonical.clone()),
            _ => None,
        }
    } else {
        None
    };
    PairedBy {
        row,
        words,
        speaker,
    }
}

/// Puts `x`'s span and `y`'s span in the a/b order.
fn order(x: &Side<'_>, xs: Option<Span>, ys: Option<Span>) -> (Option<Span>, Option<Span>) {
    if x.id == SideId::A {
        (xs, ys)
    } else {
        (ys, xs)
    }
}

/// Added in B or dropped from A, as seen from side `x` having a claim that `y` lacks.
fn only_in(x: &Side<'_>) -> Change {
    if x.id == SideId::A {
        Change::Dropped
    } else {
        Change::Added
    }
}

#[cfg(test)]
mod testing {
    use crate::report::Severity;

    /// The report of comparing two texts with the default options.
    pub(super) fn report(a: &str, b: &str) -> crate::Report {
        let (a, b) = (
            crate::Document::from_text("a.txt", a),
            crate::Document::from_text("b.txt", b),
        );
        crate::compare(&a, &b, &crate::Options::default())
    }

    /// The messages of the conflicts of comparing two texts.
    pub(super) fn conflicts(a: &str, b: &str) -> Vec<String> {
        report(a, b)
            .claims
            .into_iter()
            .filter(|c| c.severity == Severity::Conflict)
            .map(|c| c.message)
            .collect()
    }
}
