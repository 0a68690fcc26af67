//! claims::engine: both sides' claims → changed / added / dropped claims and inconsistencies.
//!
//! Input: both sides (text, sentences), the alignment rows and the claim options. Output: a
//! [`ClaimsOutcome`] sorted conflicts first, then by position. Claims are matched across the
//! versions by what they are about: a weighted bag of the words around them (inverse sentence
//! frequency over both texts, words near the claim counting three times), not only inside
//! aligned rows. Every rule runs in both directions and the pairs are merged, so that
//! analyze(B, A) mirrors analyze(A, B). Invariant: no HashMap iteration order reaches the
//! output; ties break by position.

mod anchors;
mod context;
mod names;

use std::collections::{BTreeMap, BTreeSet};

use anchors::{anchors, SideAnchor};
use context::{best_sentence, sentence_at, shared_sorted, topic_sim, Side};
use names::{fold_accents, one_speaker};

use super::dates::{compare_dates, Anchor, RelRule, Relation};
use super::extract::{self, stem, Claim, SideData, Val, Vocab};
use super::frames;
use super::numbers::{compare_numbers, Qualifier, QuantityKind};
use super::{cues, quotes, status, ClaimInput, ClaimOptions, ClaimsOutcome, Thresholds};
use crate::report::{
    Change, ClaimChange, ClaimKind, ClaimSpan, Inconsistency, Note, PairedBy, QuoteEntry,
    QuoteRelation, Reason, Row, RowOp, Sentence, Severity, SideId, StatusDates, Verdict,
};

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
    rows: &[Row],
    opts: &ClaimOptions,
) -> ClaimsOutcome {
    let t = &opts.thresholds;
    let (anchor_a, anchor_b, mut notes) = anchors(a.text, b.text, opts);
    if a.sentences.len().saturating_mul(b.sentences.len()) <= t.max_whole_pairs {
        let mut out = run_whole(a, b, rows, (anchor_a, anchor_b), t);
        notes.append(&mut out.notes);
        out.notes = notes;
        return out;
    }
    let windows = windows(rows, t.window, (a.sentences.len(), b.sentences.len()));
    notes.push(Note {
        code: "claims-windowed".into(),
        message: format!(
            "long texts ({} and {} sentences): claims were compared within {} windows of about \
             {} aligned sentences each, not across the whole texts",
            a.sentences.len(),
            b.sentences.len(),
            windows.len(),
            t.window
        ),
    });
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
fn cap_claims(data: &mut SideData<'_>, side: &str, max: usize, notes: &mut Vec<Note>) {
    let mut per: BTreeMap<usize, usize> = BTreeMap::new();
    let before = data.claims.len();
    data.claims.retain(|c| {
        let n = per.entry(c.sidx).or_insert(0);
        *n += 1;
        *n <= max
    });
    let over = per.values().filter(|&&n| n > max).count();
    if over > 0 {
        notes.push(Note {
            code: "claims-capped".into(),
            message: format!(
                "{over} sentence(s) of {side} hold more than {max} claims each: only the first \
                 {max} of each were compared ({} of {before} claims left out)",
                before - data.claims.len()
            ),
        });
    }
}

fn run_whole(
    a: ClaimInput<'_>,
    b: ClaimInput<'_>,
    rows: &[Row],
    (anchor_a, anchor_b): (SideAnchor, SideAnchor),
    t: &Thresholds,
) -> ClaimsOutcome {
    let mut notes = Vec::new();
    let mut vocab = Vocab::default();
    vocab.add(a.text, a.sentences);
    vocab.add(b.text, b.sentences);
    let mut da = extract::extract(a.text, a.sentences, anchor_a.anchor.as_ref(), &vocab);
    let mut db = extract::extract(b.text, b.sentences, anchor_b.anchor.as_ref(), &vocab);
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
    for (side, input) in [("A", &a), ("B", &b)] {
        let long = input
            .sentences
            .iter()
            .filter(|s| !s.furniture && s.end - s.start > extract::MAX_CLAIM_SENTENCE_BYTES)
            .count();
        if long > 0 {
            notes.push(Note {
                code: "claims-skipped".into(),
                message: format!(
                    "{long} sentence(s) of {side} are longer than {} bytes: their claims were \
                     not compared",
                    extract::MAX_CLAIM_SENTENCE_BYTES
                ),
            });
        }
    }
    cap_claims(&mut da, "A", t.max_claims_per_sentence, &mut notes);
    cap_claims(&mut db, "B", t.max_claims_per_sentence, &mut notes);
    let (sa, sb) = context::sides(da, db, rows, t);
    let (sim, simt) = context::sentence_similarity(&sa, &sb, rows);

    let mut flags: Vec<Flag> = Vec::new();
    let mut conflicts_ab: Vec<(usize, usize)> = Vec::new(); // claim indices (a, b) of value conflicts
    for (x, y, s) in [(&sa, &sb, &sim), (&sb, &sa, &simt)] {
        values(x, y, &mut flags, &mut conflicts_ab);
        negations(x, y, s, &mut flags);
        attributions(x, y, s, &mut flags);
    }
    let ledger = quotes(&sa, &sb, &mut flags);
    let published = |s: SideAnchor| s.anchor.filter(|_| s.published);
    statuses(
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
    statements(&sa, &sim, &unpaired(|r| &r.a), &mut flags);
    statements(&sb, &simt, &unpaired(|r| &r.b), &mut flags);
    let (inconsistencies, capped) = inconsistencies(&sa, &sb, &conflicts_ab);
    for (side, kept, found) in capped {
        notes.push(Note {
            code: "inconsistencies-capped".into(),
            message: format!(
                "{} states {found} pairs of values that disagree; only {kept} are listed (at \
                 most {} per value and {} in all)",
                name(side),
                t.max_inconsistencies_per_fact,
                t.max_inconsistencies
            ),
        });
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
                    k != i && rel_of(&cl[i], e, x.t) == Some(Relation::Same) && in_conflict(x, k)
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
            .map(|t| t.lower.clone())
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

/// Which side is which in messages.
fn name(id: SideId) -> &'static str {
    match id {
        SideId::A => "A",
        SideId::B => "B",
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

/// Whether two relative rules differ only in their value (the day, month, offset or count).
fn same_form(x: RelRule, y: RelRule) -> bool {
    use RelRule as R;
    match (x, y) {
        (R::Weekday(_, m), R::Weekday(_, n)) => m == n,
        (R::NamedMonth(_, m, p), R::NamedMonth(_, n, q)) => m == n && p == q,
        (R::Day(_), R::Day(_)) => true,
        (R::Week(_, p), R::Week(_, q)) | (R::Month(_, p), R::Month(_, q)) => p == q,
        (R::Year(_, p), R::Year(_, q)) => p == q,
        (R::Ago(_, u), R::Ago(_, v)) => u == v,
        (R::Season(_, m), R::Season(_, n)) => m == n,
        (R::MonthDay(..), R::MonthDay(..)) => true,
        _ => false,
    }
}

/// Whether [`rel_of`] relates the two claims at all (two dates, or two figures of one kind).
fn comparable(p: &Claim, q: &Claim) -> bool {
    match (&p.val, &q.val) {
        (Val::Date(_), Val::Date(_)) => true,
        (Val::Num(_), Val::Num(_)) => p.kind == q.kind,
        _ => false,
    }
}

fn rel_of(p: &Claim, q: &Claim, t: &Thresholds) -> Option<Relation> {
    match (&p.val, &q.val) {
        (Val::Date(d), Val::Date(e)) => Some(match compare_dates(d, e) {
            // Two relative dates of the same form that differ ("Friday" / "Monday", "last
            // week" / "this week") cannot both be true of one event, whatever the anchor
            // (they overlap only as hulls over a rough anchor).
            Relation::Unknown | Relation::Compatible
                if d.label != e.label
                    && d.rule.zip(e.rule).is_some_and(|(x, y)| same_form(x, y)) =>
            {
                Relation::Conflict
            }
            r => r,
        }),
        (Val::Num(m), Val::Num(n)) if p.kind == q.kind => Some(match compare_numbers(m, n) {
            // Figures of different things ("31" years old / "two counts") do not conflict.
            Relation::Conflict if m.unit != n.unit => Relation::Unknown,
            // "over 700" / "over 2,100": both bounds hold together, but a reporter giving the
            // same kind of bound on another figure is reporting another figure.
            Relation::Compatible
                if m.unit == n.unit
                    && m.qualifier == n.qualifier
                    && m.qualifier != Qualifier::Exact
                    && !m.vague
                    && !n.vague
                    && (m.low - n.low).abs()
                        > t.figure_tolerance * m.low.abs().max(n.low.abs()) =>
            {
                Relation::Conflict
            }
            // Two ranges that overlap but end elsewhere ("three and 11 times" / "three and
            // 33 times") report different figures.
            Relation::Compatible | Relation::LessPrecise
                if m.unit == n.unit
                    && m.qualifier == n.qualifier
                    && !m.vague
                    && !n.vague
                    && m.low < m.high
                    && n.low < n.high
                    && ((m.low - n.low).abs()
                        > t.figure_tolerance * m.low.abs().max(n.low.abs())
                        || (m.high - n.high).abs()
                            > t.figure_tolerance * m.high.abs().max(n.high.abs())) =>
            {
                Relation::Conflict
            }
            r => r,
        }),
        _ => None,
    }
}

/// A content word standing right before (or after) a claim, shared by both contexts when
/// possible ("summit").
fn topic(x: &Side<'_>, c: &Claim, other: Option<(&Side<'_>, &Claim)>) -> Option<String> {
    // Only a noun of the text names what a value measures or dates: a singular word after a
    // determiner, with nothing but names between ("their summit", "the Biden-Xi summit"),
    // that ends its phrase (a function word, a name, a figure or nothing follows). A verb or
    // adverb next to the value ("will close on March 3", "ever again after today") leaves
    // the message without a subject: "the date reads … in A but … in B".
    let near = |s: &Side<'_>, c: &Claim| -> Vec<String> {
        let toks = &s.data.toks[c.sidx];
        let stop = |k: usize| cues::STOP.contains(&toks[k].lower.as_str());
        let det = |k: usize| cues::DETERMINERS.contains(&toks[k].lower.as_str());
        let noun = |k: usize| {
            let w = toks[k].lower.as_str();
            let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
            let mut j = k;
            while j > 0 && toks[j - 1].cap && !det(j - 1) && k - j < 3 {
                j -= 1;
            }
            let opened = j > 0 && det(j - 1);
            // The phrase ends here; a word right before the value itself ("a disappointing
            // 2016 election", "the upcoming Wednesday") only modifies what follows it.
            let head = toks.get(k + 1).is_none_or(|t| {
                let in_value = t.start >= c.start && t.end <= c.end;
                !in_value && (t.cap || stop(k + 1) || t.lower.chars().any(|ch| ch.is_numeric()))
            });
            let verb_or_adverb = w.ends_with("ed") || w.ends_with("ly");
            !plural && opened && head && !verb_or_adverb && !cues::NOT_SUBJECT.contains(&w)
        };
        let before = (0..toks.len())
            .filter(|&k| toks[k].end <= c.start)
            .rev()
            .take(4);
        // A word after "a", "per" or "each" is a rate's unit ("$2 million a year"), not what
        // the value is about.
        let per = |k: usize| {
            k > 0
                && matches!(
                    toks[k - 1].lower.as_str(),
                    "a" | "an" | "per" | "each" | "every"
                )
        };
        let after = (0..toks.len())
            .filter(|&k| toks[k].start >= c.end)
            .take(2)
            .filter(|&k| !per(k));
        before
            .chain(after)
            .filter(|&k| {
                let t = &toks[k];
                !t.cap
                    && !stop(k)
                    && t.lower.len() > 3
                    && !t.lower.chars().any(|ch| ch.is_numeric())
            })
            .filter(|&k| noun(k))
            .map(|k| toks[k].lower.clone())
            .collect()
    };
    let mine = near(x, c);
    if let Some((y, d)) = other {
        let theirs: BTreeSet<String> = near(y, d).iter().map(|w| stem(w)).collect();
        if let Some(w) = mine.iter().find(|w| theirs.contains(&stem(w))) {
            return Some(w.clone());
        }
        return None;
    }
    mine.into_iter().next()
}

/// For each claim: its place among the claims of its kind in its sentence, and how many
/// there are ((0, 0) for claims that are not dates or figures).
fn ranks_in_sentence(x: &Side<'_>) -> Vec<(usize, usize)> {
    let cl = &x.data.claims;
    let key = |c: &Claim| (c.sidx, c.kind);
    let valued = |c: &Claim| matches!(c.val, Val::Date(_) | Val::Num(_));
    let mut count: BTreeMap<(usize, ClaimKind), usize> = BTreeMap::new();
    for c in cl.iter().filter(|c| valued(c)) {
        *count.entry(key(c)).or_insert(0) += 1;
    }
    let mut seen: BTreeMap<(usize, ClaimKind), usize> = BTreeMap::new();
    cl.iter()
        .map(|c| {
            if !valued(c) {
                return (0, 0);
            }
            let r = seen.entry(key(c)).or_insert(0);
            *r += 1;
            (*r, count[&key(c)])
        })
        .collect()
}

/// Dates and quantities: conflicts, lost precision, added and dropped.
fn values(x: &Side<'_>, y: &Side<'_>, flags: &mut Vec<Flag>, conflicts: &mut Vec<(usize, usize)>) {
    let mut lone = BTreeSet::new();
    // Which claims of `y` are candidates of the current claim (`seen[j] == stamp`).
    let mut seen = vec![0u32; y.data.claims.len()];
    let mut stamp = 0u32;
    let (rank_x, rank_y) = (ranks_in_sentence(x), ranks_in_sentence(y));
    for (i, c) in x.data.claims.iter().enumerate() {
        if !matches!(c.val, Val::Date(_) | Val::Num(_)) {
            continue;
        }
        if let Val::Date(d) = &c.val {
            if d.time.is_some() {
                continue;
            }
        }
        // Which claims of `y` can be compared with `c`, and how close their contexts are.
        // Working out the relation costs more than the context similarity, so it is worked
        // out only where it can matter (see below); the outcome is that of relating every
        // pair.
        let mut agree_any = false;
        if let Val::Num(p) = &c.val {
            // The same figure counting something named in other words ("two countries" /
            // "two nations") is restated, not dropped.
            agree_any = y
                .data
                .claims
                .iter()
                .any(|d| matches!(&d.val, Val::Num(q) if same_figure(p, q)));
        }
        // Only claims whose context shares a word with this one's have a similarity above
        // zero; the others count as candidates of similarity 0 (see the fallback below).
        stamp += 1;
        let mut cands: Vec<(usize, f64)> = Vec::new();
        for (key, _) in &x.bags[i].items {
            for &j in y.postings.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                if seen[j] != stamp && comparable(c, &y.data.claims[j]) {
                    seen[j] = stamp;
                    cands.push((j, topic_sim(x, i, y, j)));
                }
            }
        }
        cands.sort_unstable_by_key(|&(j, _)| j);
        // The closest counterpart (the first of equals) and the next closest similarity.
        // Between two sentences that give as many figures of one kind, the figure in the same
        // place is preferred ("rose $2.11 … to $21.51" / "jumped $1.63 … to $21.03": the
        // change with the change, the price with the price); the tests below still read the
        // plain similarity.
        let mut best: Option<(f64, f64, usize)> = None;
        let mut second = 0.0f64;
        for &(j, s) in &cands {
            let placed = rank_x[i].1 >= 2 && rank_x[i] == rank_y[j];
            let k = s + if placed { x.t.place_bonus } else { 0.0 };
            match best {
                Some((bk, _, _)) if k <= bk => second = second.max(s),
                _ => {
                    second = best.map_or(0.0, |(_, b, _)| b).max(second);
                    best = Some((k, s, j));
                }
            }
        }
        let best = best.map(|(_, s, j)| (s, j));
        // The runner-up is the closest counterpart that says something else: the same value
        // stated again elsewhere ("$750,000 in campaign money" in the lead and in the body)
        // backs the best one up rather than competing with it.
        if let Some((_, bj)) = best {
            let b = &y.data.claims[bj];
            second = cands
                .iter()
                .filter(|&&(j, _)| {
                    j != bj && rel_of(&y.data.claims[j], b, x.t) != Some(Relation::Same)
                })
                .map(|&(_, s)| s)
                .fold(0.0, f64::max);
        }
        // Agreement: any counterpart that says the same; a compatible one only with a
        // context similarity of 0.1 or more. Below 0.1 a counterpart can neither be acted
        // on as the best match (that takes 0.15) nor weigh in `agree` (compared with 0.8×
        // the best's similarity), so it is related only while no agreement is known.
        let mut agree = 0.0f64;
        let mut best_rel = Relation::Unknown;
        for &(j, s) in cands.iter().filter(|&&(_, s)| s >= x.t.candidate_floor) {
            let Some(rel) = rel_of(c, &y.data.claims[j], x.t) else {
                continue;
            };
            if best.is_some_and(|(_, b)| b == j) {
                best_rel = rel;
            }
            if matches!(
                rel,
                Relation::Same | Relation::LessPrecise | Relation::Compatible
            ) {
                agree_any = true;
                agree = agree.max(s);
            }
        }
        if !agree_any {
            // The candidates of 0.1 or more were related above (`cands` is sorted by j).
            let related = |j: usize| {
                cands
                    .binary_search_by_key(&j, |&(k, _)| k)
                    .is_ok_and(|at| cands[at].1 >= x.t.candidate_floor)
            };
            agree_any = y.data.claims.iter().enumerate().any(|(j, d)| {
                comparable(c, d) && !related(j) && rel_of(c, d, x.t) == Some(Relation::Same)
            });
        }
        let best = best.map(|(s, j)| (s, j, best_rel));
        let what = match c.kind {
            ClaimKind::Date => "date",
            ClaimKind::Money => "amount",
            ClaimKind::Percent => "percentage",
            _ => "figure",
        };
        match best {
            Some((s, j, Relation::Conflict))
                if (((s >= x.t.same_topic
                    || (s >= x.t.weak_topic && s >= x.t.clear_margin * second))
                    && agree < x.t.agreement_share * s
                    && same_fact(x, i, y, j))
                    || (sole_dates(x, i, y, j) && agree == 0.0))
                    && !explained(y, j, x)
                    && !both_stated(x, i, y, j)
                    && firm(c, &y.data.claims[j], x.t)
                    && anchored_figure(x, i, y, j) =>
            {
                let d = &y.data.claims[j];
                let (ca, cb) = if x.id == SideId::A { (c, d) } else { (d, c) };
                let (xa, xb) = if x.id == SideId::A { (x, y) } else { (y, x) };
                let ta = xa.data.slice(ca.start, ca.end);
                let tb = xb.data.slice(cb.start, cb.end);
                let topic = topic(xa, ca, Some((xb, cb)));
                let reason = Reason::ValueDiffers {
                    what: what.to_string(),
                    dated: c.kind == ClaimKind::Date && topic.is_some(),
                    topic,
                    a: ta.to_string(),
                    b: tb.to_string(),
                };
                let (sa, sb) = order(x, Some(Span::of(c)), Some(Span::of(d)));
                flags.push(Flag {
                    refine: false,
                    change: Change::Changed,
                    kind: c.kind,
                    severity: Severity::Conflict,
                    a: sa,
                    b: sb,
                    reason,
                });
                let pair = if x.id == SideId::A { (i, j) } else { (j, i) };
                if !conflicts.contains(&pair) {
                    conflicts.push(pair);
                }
            }
            Some((s, j, Relation::LessPrecise))
                if s >= x.t.same_topic && matches!(c.val, Val::Num(_)) && x.id == SideId::A =>
            {
                let d = &y.data.claims[j];
                if let (Val::Num(p), Val::Num(q)) = (&c.val, &d.val) {
                    if !p.vague && q.vague {
                        let (sa, sb) = order(x, Some(Span::of(c)), Some(Span::of(d)));
                        flags.push(Flag {
                            refine: true,
                            change: Change::Changed,
                            kind: c.kind,
                            severity: Severity::Notice,
                            a: sa,
                            b: sb,
                            reason: Reason::PrecisionLost {
                                a: x.data.slice(c.start, c.end).to_string(),
                                b: y.data.slice(d.start, d.end).to_string(),
                            },
                        });
                    }
                }
            }
            // A close figure or date that may be the same fact said otherwise: neither side
            // states it alone. One that counts another thing ("3,000 signatures" beside
            // "14,000 vehicles") says nothing about this one.
            // A conflicting counterpart that this side restates elsewhere is accounted for
            // ("Saturday" dropped beside a "Tuesday" both keep) and is no match either.
            // A conflicting counterpart about another thing is another fact: this one is
            // stated on one side only.
            Some((s, j, rel))
                if s >= x.t.same_topic
                    && rel != Relation::Unknown
                    && !(rel == Relation::Conflict
                        && (explained(y, j, x) || !same_fact(x, i, y, j))) => {}
            _ if agree_any => {}
            _ => {
                let t = x.data.slice(c.start, c.end);
                if !lone.insert(t.to_lowercase()) {
                    continue;
                }
                let topic = topic(x, c, None);
                let reason = Reason::ValueOnly {
                    what: what.to_string(),
                    dated: c.kind == ClaimKind::Date && topic.is_some(),
                    topic,
                    text: t.to_string(),
                    side: x.id,
                };
                let (sa, sb) = order(x, Some(Span::of(c)), None);
                flags.push(Flag {
                    refine: false,
                    change: only_in(x),
                    kind: c.kind,
                    severity: Severity::Notice,
                    a: sa,
                    b: sb,
                    reason,
                });
            }
        }
    }
}

/// Whether claim `j` of `y` is restated on side `x` (the same value in a like context): a
/// figure that is accounted for is not the other half of a conflict (sentences often carry
/// several figures). A date counts as restated only with the same meaning, so that B restating
/// A's date loosely and also giving another one (the seed pair) stays a conflict.
fn explained(y: &Side<'_>, j: usize, x: &Side<'_>) -> bool {
    let d = &y.data.claims[j];
    x.data.claims.iter().enumerate().any(|(i, c)| {
        let equal = match (&c.val, &d.val) {
            (Val::Num(p), Val::Num(q)) => same_figure(p, q),
            _ => false,
        };
        let agrees = equal
            || match (&c.val, rel_of(c, d, x.t)) {
                // A date counts as restated only word for word in meaning: B restating A's
                // "last November" as "November" and also saying "late 2018" still conflicts.
                (Val::Date(_), r) => r == Some(Relation::Same),
                (_, r) => matches!(
                    r,
                    Some(Relation::Same | Relation::LessPrecise | Relation::Compatible)
                ),
            };
        // A date restated must be about the same thing by its own words, not only stand in
        // an aligned row ("a Facebook post Friday" does not restate "apologized Friday").
        // (Asked last: it is the costly test.)
        let same = || match c.val {
            Val::Date(_) => frames::same_frame(&x.frames[i], &y.frames[j]),
            _ => same_fact(x, i, y, j),
        };
        agrees && topic_sim(x, i, y, j) >= x.t.same_topic && same()
    })
}

/// Whether each version states both dates of a would-be conflict ("Tuesday" and "Wednesday"
/// in A, "Tuesday" and "Wednesday" in B): the two versions then agree on both and the pair
/// sets two events against each other. A version that lacks one of the two (the seed pair's
/// "late 2018") keeps the conflict.
fn both_stated(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    let (c, d) = (&x.data.claims[i], &y.data.claims[j]);
    if !matches!((&c.val, &d.val), (Val::Date(_), Val::Date(_))) {
        return false;
    }
    let same = |p: &Claim, q: &Claim| rel_of(p, q, x.t) == Some(Relation::Same);
    y.data.claims.iter().any(|e| same(c, e)) && x.data.claims.iter().any(|e| same(e, d))
}

/// The same figure, whatever it counts, unless hedged apart ("up to 200" / "more than 200"
/// name one figure but no common value).
fn same_figure(p: &super::numbers::Quantity, q: &super::numbers::Quantity) -> bool {
    p.low == q.low && p.high == q.high && compare_numbers(p, q) != Relation::Conflict
}

/// A figure conflict needs the two figures attached to the same word ("36 feet" … "crest"),
/// unless each is the only figure of its sentence: sentences with several figures otherwise
/// pair the wrong ones.
fn anchored_figure(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    let (c, d) = (&x.data.claims[i], &y.data.claims[j]);
    if !matches!(c.val, Val::Num(_)) {
        return true;
    }
    let count = |s: &Side<'_>, k: &Claim| {
        s.data
            .claims
            .iter()
            .filter(|e| e.sidx == k.sidx && matches!(e.val, Val::Num(_)))
            .count()
    };
    (count(x, c) == 1 && count(y, d) == 1)
        || shared_sorted(&x.near[i], &y.near[j]) > 0
        || frames::share_name(&x.frames[i], &y.frames[j])
}

/// Whether claim `i` of `x` and claim `j` of `y` state one fact: the same thing counted
/// ("14,000 vehicles" / "18,000 vehicles": the unit is the frame), else frames that agree
/// ([`frames::same_frame`]). Two values of different facts are never a conflict, and one does
/// not account for the other.
fn same_fact(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    let (c, d) = (&x.data.claims[i], &y.data.claims[j]);
    if other_times(x, i, y, j) || rate_and_sum(x, i, y, j) || other_subject(x, i, y, j) {
        return false;
    }
    // The alignment is the first evidence: two sentences of one row report one thing.
    if x.aligned_with
        .get(c.sidx)
        .is_some_and(|v| v.contains(&d.sidx))
        && !frames::clearly_other(&x.frames[i], &y.frames[j])
    {
        return true;
    }
    if let (Val::Num(p), Val::Num(q)) = (&c.val, &d.val) {
        // Outside one row, figures far apart in size are a part and a whole, not one figure
        // misreported ("$4,272.78 on a cruise" / "the $750,000 in campaign money"); a slip of
        // the unit keeps its digits ("$3.6 million" / "$3.6 billion") and stays comparable.
        if far_apart(p, q, x.t) {
            return false;
        }
        let counted = |k: QuantityKind| matches!(k, QuantityKind::Number | QuantityKind::Measure);
        if counted(p.kind) && counted(q.kind) && p.unit.is_some() && p.unit == q.unit {
            return true;
        }
        // Two lengths of time of one thing ("three weeks of repairs" / "repairs are
        // expected to last four weeks").
        if p.kind == QuantityKind::Duration
            && q.kind == QuantityKind::Duration
            && frames::share_word(&x.frames[i], &y.frames[j])
        {
            return true;
        }
        // Two sums spent on different things ("$4,272.78 on the cruise" / "$4,600 fedora").
        let (fp, fq) = (&x.frames[i], &y.frames[j]);
        if let (Some(u), Some(v)) = (&fp.after, &fq.after) {
            if !frames::alike(u, v) && !fp.names.iter().any(|n| fq.names.contains(n)) {
                return false;
            }
        }
    }
    frames::same_frame(&x.frames[i], &y.frames[j])
}

/// Whether two dates are the only dates of two sentences one aligned row pairs: two
/// sentences reporting one statement date it once each, so the dates are one fact however
/// differently the words around them run ("Pelosi on Wednesday was appointed to an eighth
/// term" / "Pelosi was re-elected to her leadership post Friday morning"), unless names stand
/// near both and none is shared.
fn sole_dates(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    let (c, d) = (&x.data.claims[i], &y.data.claims[j]);
    let dates_in = |side: &Side<'_>, sidx: usize| {
        side.data
            .claims
            .iter()
            .filter(|e| e.sidx == sidx && matches!(e.val, Val::Date(_)))
            .count()
    };
    // Unless each is told beside other people ("Trump tweeted Tuesday" / "On Wednesday, Mr.
    // Fox expressed disbelief"): two acts that one row pairs.
    let (fp, fq) = (&x.frames[i], &y.frames[j]);
    let other_people = !fp.names.is_empty() && !fq.names.is_empty() && !frames::share_name(fp, fq);
    matches!((&c.val, &d.val), (Val::Date(_), Val::Date(_)))
        && !other_people
        && x.aligned_with
            .get(c.sidx)
            .is_some_and(|v| v.contains(&d.sidx))
        && dates_in(x, c.sidx) == 1
        && dates_in(y, d.sidx) == 1
}

/// Whether two values are told of different named subjects: names of people or organisations
/// (not places: where, not who) stand near each, and none near either is in the other's
/// sentence at all ("the S&P 500 gained 3 points" / "the Nasdaq
/// rose 6 points").
fn other_subject(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    let (fp, fq) = (&x.frames[i], &y.frames[j]);
    if fp.people.is_empty() || fq.people.is_empty() {
        return false;
    }
    // Letters and digits only, so that a name written otherwise ("Tabata's" / "Tabatas",
    // "VO2" / "VO 2", "Peña" / "Pena") is still found.
    let squash = |t: &str| -> String {
        fold_accents(&t.to_lowercase())
            .chars()
            .filter(|ch| ch.is_alphanumeric())
            .collect()
    };
    let absent = |names: &[String], side: &Side<'_>, sidx: usize| {
        let sent = &side.data.sentences[sidx];
        let text = squash(side.data.slice(sent.start, sent.end));
        names.iter().all(|n| {
            let n = squash(n);
            n.len() >= 3 && !text.contains(&n)
        })
    };
    absent(&fp.people, y, y.data.claims[j].sidx) && absent(&fq.people, x, x.data.claims[i].sidx)
}

/// Whether two figures differ more than [`Thresholds::far_apart`] times in size and do not share their
/// first two significant digits.
fn far_apart(p: &super::numbers::Quantity, q: &super::numbers::Quantity, t: &Thresholds) -> bool {
    let (x, y) = (p.high.abs(), q.high.abs());
    if x == 0.0 || y == 0.0 || !x.is_finite() || !y.is_finite() {
        return false;
    }
    let digits = |v: f64| (v / 10f64.powf(v.log10().floor() - 1.0)).round() as i64;
    x.max(y) / x.min(y) > t.far_apart && digits(x) != digits(y)
}

/// Whether claim `i` of `x` and claim `j` of `y` are counts at two different times ("ten
/// countries on Monday" / "40 countries by Tuesday"): two facts.
fn other_times(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    matches!(
        (x.frames[i].when, y.frames[j].when),
        (Some(u), Some(v)) if rel_of(&x.data.claims[u], &y.data.claims[v], x.t) == Some(Relation::Conflict)
    )
}

/// Whether one of two figures of a kind that can be given per unit is a rate and the other a
/// sum, or a rate of another thing ("$45 a share" / "$3.6 billion for the company"): two facts.
fn rate_and_sum(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    let (c, d) = (&x.data.claims[i], &y.data.claims[j]);
    matches!((&c.val, &d.val), (Val::Num(p), Val::Num(q)) if p.kind == q.kind && rated(p.kind))
        && frames::other_rate(&x.frames[i], &y.frames[j])
}

/// Kinds of figure that can be given per unit (a price per share, a wage per hour) as well as
/// in total; percentages and lengths of time are left out ("2% a year" is the same rate as
/// "2%").
fn rated(k: QuantityKind) -> bool {
    matches!(
        k,
        QuantityKind::Money | QuantityKind::Number | QuantityKind::Measure
    )
}

fn grain_gap(a: super::dates::Granularity, b: super::dates::Granularity) -> usize {
    (a as usize).abs_diff(b as usize)
}

/// A date conflict that rests on a publication date known only roughly (a year, inferred) must
/// hold even with that year off by one: the intervals must lie more than a year apart.
fn firm(c: &Claim, d: &Claim, t: &Thresholds) -> bool {
    let (Val::Date(p), Val::Date(q)) = (&c.val, &d.val) else {
        return true;
    };
    // A conflict that rests on an unknown anchor bounded only from below (a relative date of a
    // text with no date of its own against a fixed one) holds only between dates of near
    // grain ("last November" / "late 2018"): a weekday set against a year ("tweeted Tuesday" /
    // "president from 2000 to 2006") is far more often another fact than the same one
    // misdated, and nothing but the floor would say they differ.
    let floating = |e: &super::dates::DateExpr| e.rule.is_some() && e.anchor.is_none();
    if floating(p) != floating(q)
        && grain_gap(p.granularity, q.granularity) > t.max_floating_grain_gap
    {
        return false;
    }
    let rough = |e: &super::dates::DateExpr| e.relative && e.anchor.is_some_and(|a| !a.is_exact());
    // Two relative dates over the same anchor move together: its roughness cancels.
    let shared = p.rule.is_some() && q.rule.is_some() && p.anchor == q.anchor;
    if shared || !(rough(p) || rough(q)) {
        return true;
    }
    match (p.interval, q.interval) {
        (Some(x), Some(y)) => {
            let day = super::dates::calendar::days;
            let gap = (day(y.0) - day(x.1)).max(day(x.0) - day(y.1));
            gap > t.rough_anchor_gap_days
        }
        _ => true,
    }
}

/// Events told as pending in one version and done (or denied) in the other ([`status`]); the
/// closest pair of sentences wins, one finding per event of either side. The two publication
/// dates decide the verdict ([`status::verdict`]): a notice when they are unknown or the later
/// version tells the later stage, a conflict when both came out the same day or the later
/// version tells an earlier stage.
fn statuses(
    sa: &Side<'_>,
    sb: &Side<'_>,
    sim: &[Vec<f64>],
    (date_a, date_b): (Option<Anchor>, Option<Anchor>),
    flags: &mut Vec<Flag>,
) {
    use status::Status;
    let exact = |d: Option<Anchor>| d.filter(Anchor::is_exact).map(|d| d.earliest);
    let (date_a, date_b) = (exact(date_a), exact(date_b));
    let (ea, eb) = (status::events(&sa.data), status::events(&sb.data));
    // Each version telling the event both ways (a text compared with itself) is no change
    // between them. Each half depends on one event only: worked out once per event, not once
    // per pair of events (that was cubic, a quarter of a batch's time).
    // Whether event `e` of side `x` is told at its own stage by an event of the other side in
    // a sentence aligned with its own (`same_event` reads A's event first).
    let alike = |x: &Side<'_>, e: &status::Event, others: &[status::Event]| {
        others.iter().any(|r| {
            r.status == e.status
                && x.aligned_with[e.sidx].contains(&r.sidx)
                && if x.id == SideId::A {
                    status::same_event(e, r, 1.0)
                } else {
                    status::same_event(r, e, 1.0)
                }
        })
    };
    let alike_a: Vec<bool> = ea.iter().map(|p| alike(sa, p, &eb)).collect();
    let alike_b: Vec<bool> = eb.iter().map(|q| alike(sb, q, &ea)).collect();
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, p) in ea.iter().enumerate() {
        for (j, q) in eb.iter().enumerate() {
            let s = sim
                .get(p.sidx)
                .and_then(|r| r.get(q.sidx))
                .copied()
                .unwrap_or(0.0);
            let told_alike = alike_a[i] || alike_b[j];
            if status::differ(p.status, q.status) && status::same_event(p, q, s) && !told_alike {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_a, mut used_b) = (BTreeSet::new(), BTreeSet::new());
    let stage = |s: Status| match s {
        Status::Pending => crate::report::EventStage::Pending,
        Status::Done => crate::report::EventStage::Done,
        Status::NotDone => crate::report::EventStage::NotDone,
    };
    // Spans the negation judge (run before) has already flagged: "lobbed" / "not lobbed" is
    // that flip, not also a changed status.
    let negated: Vec<(Span, Span)> = flags
        .iter()
        .filter(|f| f.kind == ClaimKind::Negation)
        .filter_map(|f| f.a.zip(f.b))
        .collect();
    let overlaps = |x: Span, sidx: usize, start: usize, end: usize| {
        x.sidx == sidx && x.start < end && start < x.end
    };
    for (_, i, j) in cands {
        let (p, q) = (&ea[i], &eb[j]);
        if negated.iter().any(|&(x, y)| {
            overlaps(x, p.sidx, p.start, p.end) && overlaps(y, q.sidx, q.start, q.end)
        }) {
            continue;
        }
        // One finding per sentence pair and per event.
        if !used_a.insert(p.sidx) || !used_b.insert(q.sidx) {
            continue;
        }
        let (ta, tb) = (sa.data.slice(p.start, p.end), sb.data.slice(q.start, q.end));
        let verdict = status::verdict(p.status, q.status, date_a, date_b);
        let later = if date_a > date_b {
            SideId::A
        } else {
            SideId::B
        };
        let day = |d: Option<crate::CalendarDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let (severity, dates) = match verdict {
            status::Verdict::Unknown => (Severity::Notice, StatusDates::Unknown),
            status::Verdict::Revision => (
                Severity::Notice,
                StatusDates::Revision {
                    later,
                    a: day(date_a),
                    b: day(date_b),
                },
            ),
            status::Verdict::SameDay => (
                Severity::Conflict,
                StatusDates::SameDay { date: day(date_a) },
            ),
            status::Verdict::Backwards => (
                Severity::Conflict,
                StatusDates::Backwards {
                    later,
                    a: day(date_a),
                    b: day(date_b),
                },
            ),
        };
        flags.push(Flag {
            refine: false,
            change: Change::Changed,
            kind: ClaimKind::Status,
            severity,
            a: Some(Span::new(p.sidx, p.start, p.end)),
            b: Some(Span::new(q.sidx, q.start, q.end)),
            reason: Reason::StatusChanged {
                stage_a: stage(p.status),
                a: ta.to_string(),
                stage_b: stage(q.status),
                b: tb.to_string(),
                dates,
            },
        });
    }
}

/// Quotes, compared ledger against ledger across the whole texts ([`quotes`](super::quotes)):
/// misquoted (a conflict), given to another speaker (a notice), added and dropped.
fn quotes(sa: &Side<'_>, sb: &Side<'_>, flags: &mut Vec<Flag>) -> Vec<QuoteEntry> {
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

/// Whether a negation is a negator ("not", "n't", "never", "no"…) rather than a verb of
/// denial or refusal ("denied", "refused to"), which words of rejection can paraphrase.
fn syntactic(x: &Side<'_>, c: &Claim) -> bool {
    let w = x.data.slice(c.start, c.end).to_lowercase();
    !(cues::NEGATION_BEFORE_TO.contains(&w.as_str()) || w.starts_with("den"))
}

/// Negation: flipped in the same statement, or stated in one version only.
fn negations(x: &Side<'_>, y: &Side<'_>, s: &[Vec<f64>], flags: &mut Vec<Flag>) {
    let mut lone = BTreeSet::new();
    let mut flipped: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &x.data.claims {
        let Val::Neg { target, quoted } = &c.val else {
            continue;
        };
        let Some((j, v)) = best_sentence(s, c.sidx, &x.aligned_with[c.sidx]) else {
            continue;
        };
        let implied = |side: &Side<'_>, k: usize| {
            let toks = &side.data.toks[k];
            toks.iter()
                .filter(|t| cues::NEGATIVE_IMPLIED.contains(&t.lower.as_str()))
                .count()
                // "far from unique" for "not unique", "has yet to start" for "has not started"
                + toks
                    .windows(2)
                    .filter(|w| {
                        matches!((w[0].lower.as_str(), w[1].lower.as_str()), ("far", "from") | ("yet", "to"))
                    })
                    .count()
        };
        let y_negs = |j: usize| {
            y.data
                .claims
                .iter()
                .filter(|d| d.sidx == j && matches!(d.val, Val::Neg { .. }))
                .count()
                // implied negatives only the other sentence has ("failing to" for "not")
                + implied(y, j).saturating_sub(implied(x, c.sidx))
        };
        let x_negs = x
            .data
            .claims
            .iter()
            .filter(|d| d.sidx == c.sidx && matches!(d.val, Val::Neg { .. }))
            .count();
        if v >= x.t.same_statement {
            if y_negs(j) >= x_negs || !syntactic(x, c) {
                continue;
            }
            let Some(t) = target else { continue };
            // The other version states the negated word plainly no more often than this one
            // does ("does not offer shares but lets users offer perks" / "users can offer
            // perks"): its plain word is this sentence's plain one, and the denial was left
            // out, not reversed.
            let plain = |side: &Side<'_>, k: usize| {
                let said = side.data.toks[k]
                    .iter()
                    .filter(|w| &stem(&w.lower) == t)
                    .count();
                let denied = side
                    .data
                    .claims
                    .iter()
                    .filter(|d| {
                        d.sidx == k && matches!(&d.val, Val::Neg { target: Some(u), .. } if u == t)
                    })
                    .count();
                said.saturating_sub(denied)
            };
            if plain(y, j) <= plain(x, c.sidx) {
                continue;
            }
            // A negation kept on the other side (same negated word) is not the flipped one,
            // nor one said there with other words ("won't be around" / "wont be around",
            // "could not use" / "unable to use").
            // (An implied negative both sentences put before the word, "unless they have
            // registered" / "unless they have not registered", keeps nothing.)
            let implied_before = |side: &Side<'_>, k: usize| {
                let toks = &side.data.toks[k];
                toks.iter().enumerate().any(|(n, w)| {
                    cues::NEGATIVE_IMPLIED.contains(&w.lower.as_str())
                        && extract::negated_word(&toks[n + 1..]).as_ref() == Some(t)
                })
            };
            let kept = y.data.claims.iter().any(|d| {
                d.sidx == j && matches!(&d.val, Val::Neg { target: Some(u), .. } if u == t)
            }) || (implied_before(y, j) && !implied_before(x, c.sidx));
            if kept || flipped.get(&c.sidx).copied().unwrap_or(0) >= x_negs - y_negs(j) {
                continue;
            }
            let Some(tok) = y.data.toks[j].iter().find(|k| &stem(&k.lower) == t) else {
                continue;
            };
            *flipped.entry(c.sidx).or_insert(0) += 1;
            let ty = y.data.slice(tok.start, tok.end);
            let tx = x.data.slice(c.start, c.end);
            let yspan = Span::new(j, tok.start, tok.end);
            let reason = Reason::NegationFlipped {
                negator: tx.to_string(),
                word: ty.to_string(),
                negated_in: x.id,
            };
            let (sa, sb) = order(x, Some(Span::of(c)), Some(yspan));
            flags.push(Flag {
                refine: false,
                change: Change::Changed,
                kind: ClaimKind::Negation,
                severity: Severity::Conflict,
                a: sa,
                b: sb,
                reason,
            });
        } else if v < x.t.same_topic {
            // Restated anywhere with the same negated word: not dropped.
            let restated = target.as_ref().is_some_and(|t| {
                y.data
                    .claims
                    .iter()
                    .any(|d| matches!(&d.val, Val::Neg { target: Some(u), .. } if u == t))
            });
            // One denial per sentence, the last (the main clause comes last more often: "Based
            // on its policy of not meddling …, Beijing has said … it does not meddle").
            let later = x.data.claims.iter().any(|d| {
                d.sidx == c.sidx
                    && d.start > c.start
                    && matches!(d.val, Val::Neg { quoted: false, .. })
            });
            if restated || *quoted || later || !lone.insert(c.sidx) {
                continue;
            }
            let sent = &x.data.sentences[c.sidx];
            let (sa, sb) = order(x, Some(Span::of(c)), None);
            flags.push(Flag {
                refine: false,
                change: only_in(x),
                kind: ClaimKind::Negation,
                severity: Severity::Notice,
                a: sa,
                b: sb,
                reason: Reason::DenialOnly {
                    denial: x
                        .data
                        .slice(c.start, sent.end)
                        .trim_end_matches(['.', '!', '?'])
                        .to_string(),
                    side: x.id,
                },
            });
        }
    }
}

/// Attribution and hedging changes inside the same statement (notices).
fn attributions(x: &Side<'_>, y: &Side<'_>, s: &[Vec<f64>], flags: &mut Vec<Flag>) {
    let attrs = |side: &Side<'_>, sidx: usize| -> Vec<Claim> {
        side.data
            .claims
            .iter()
            .filter(|d| d.sidx == sidx && matches!(d.val, Val::Attr { .. }))
            .cloned()
            .collect()
    };
    let mut seen = BTreeSet::new();
    for c in &x.data.claims {
        let Val::Attr { doubt, hedge } = c.val else {
            continue;
        };
        if !(doubt || hedge) || !seen.insert(c.sidx) {
            continue;
        }
        let Some((j, v)) = best_sentence(s, c.sidx, &x.aligned_with[c.sidx]) else {
            continue;
        };
        if v < x.t.same_statement {
            continue;
        }
        let ya = attrs(y, j);
        let tx = x.data.slice(c.start, c.end).to_lowercase();
        let (flag, other, reason) = if hedge {
            let has = ya
                .iter()
                .any(|d| matches!(d.val, Val::Attr { hedge: true, .. }));
            let m = if x.id == SideId::A {
                Reason::HedgeRemoved { hedge: tx.clone() }
            } else {
                Reason::HedgeAdded { hedge: tx.clone() }
            };
            (!has, None, m)
        } else {
            let neutral = ya.iter().find(|d| {
                matches!(
                    d.val,
                    Val::Attr {
                        doubt: false,
                        hedge: false
                    }
                )
            });
            let has_doubt = ya
                .iter()
                .any(|d| matches!(d.val, Val::Attr { doubt: true, .. }));
            let ty = neutral
                .map(|d| y.data.slice(d.start, d.end).to_lowercase())
                .unwrap_or_default();
            let m = if x.id == SideId::A {
                Reason::AttributionSoftened {
                    a: tx.clone(),
                    b: ty,
                }
            } else {
                Reason::AttributionDistanced {
                    a: ty,
                    b: tx.clone(),
                }
            };
            (neutral.is_some() && !has_doubt, neutral.map(Span::of), m)
        };
        if flag {
            let (sa, sb) = order(x, Some(Span::of(c)), other);
            flags.push(Flag {
                refine: false,
                change: Change::Changed,
                kind: ClaimKind::Attribution,
                severity: Severity::Notice,
                a: sa,
                b: sb,
                reason,
            });
        }
    }
}

/// Reported statements in one version only: a sentence with a reporting verb ("said",
/// "according to") that the alignment leaves unpaired (`unpaired`: indices into `x`'s
/// sentences), with no counterpart in the other version (no sentence as similar as
/// [`t.same_statement`]) and no other claim of its own flagged. Its names and figures may all
/// be stated elsewhere ("Allton said he had only seen the installation in film", with Allton
/// and the installation named elsewhere), but what the speaker is reported to have said is
/// gone, or new. Runs after the other rules, on their flags.
fn statements(x: &Side<'_>, s: &[Vec<f64>], unpaired: &BTreeSet<usize>, flags: &mut Vec<Flag>) {
    let mine = |f: &Flag| if x.id == SideId::A { f.a } else { f.b };
    let flagged: BTreeSet<usize> = flags
        .iter()
        .filter_map(|f| mine(f).map(|sp| sp.sidx))
        .collect();
    let mut done = BTreeSet::new();
    let mut found = Vec::new();
    for c in &x.data.claims {
        if !matches!(c.val, Val::Attr { hedge: false, .. })
            || flagged.contains(&c.sidx)
            || !unpaired.contains(&c.sidx)
        {
            continue;
        }
        if best_sentence(s, c.sidx, &x.aligned_with[c.sidx])
            .is_some_and(|(_, v)| v >= x.t.same_statement)
            || !done.insert(c.sidx)
        {
            continue;
        }
        let verb = x.data.slice(c.start, c.end).to_lowercase();
        let (a, b) = order(x, Some(Span::of(c)), None);
        found.push(Flag {
            refine: false,
            change: only_in(x),
            kind: ClaimKind::Attribution,
            severity: Severity::Notice,
            a,
            b,
            reason: Reason::StatementOnly { verb, side: x.id },
        });
    }
    flags.extend(found);
}

/// Whether two dates are of the same granularity ("November" / "last November").
fn same_grain(p: &Claim, q: &Claim) -> bool {
    match (&p.val, &q.val) {
        (Val::Date(d), Val::Date(e)) => d.granularity == e.granularity,
        _ => false,
    }
}

/// Whether two values of one text are about one thing by their own words, as a text that
/// contradicts itself would state them: the same word next to each ([`frames::same_frame`])
/// and a name near both or the same words on both sides ("made £36,200" … "made £400,000
/// from the public" are two sums), not a part and a whole, not counts at two times. Two sentences of one story share their topic,
/// so the context similarity alone would set every pair of figures of one kind against each
/// other (it raised 0.9 "inconsistencies" per OneStopEnglish pair, nearly all false).
fn one_thing(x: &Side<'_>, p: usize, q: usize) -> bool {
    let (fp, fq) = (&x.frames[p], &x.frames[q]);
    let (c, d) = (&x.data.claims[p], &x.data.claims[q]);
    // The same word next to each, and either a name near both ("first held in 1998 in Lyon" …
    // "first held in 2003 in Lyon") or the same words on both sides of each.
    let alike = |u: &Option<String>, v: &Option<String>| match (u, v) {
        (Some(u), Some(v)) => frames::alike(u, v),
        (None, None) => true,
        _ => false,
    };
    let worded = fp.before.is_some() || fp.after.is_some();
    let enclosed = worded && alike(&fp.before, &fq.before) && alike(&fp.after, &fq.after);
    if !frames::same_frame(fp, fq) || !(frames::share_name(fp, fq) || enclosed) {
        return false;
    }
    let far = matches!((&c.val, &d.val), (Val::Num(u), Val::Num(v)) if far_apart(u, v, x.t));
    !far && !other_times(x, p, x, q)
}

/// Dates or figures inside one text that cannot both be true of the same thing: directly
/// (same context) or through the other version (one agrees with a claim there, the other
/// conflicts with it).
fn inconsistencies(
    sa: &Side<'_>,
    sb: &Side<'_>,
    conflicts: &[(usize, usize)],
) -> (Vec<Inconsistency>, Vec<(SideId, usize, usize)>) {
    let mut out = Vec::new();
    let mut capped = Vec::new();
    for (x, y) in [(sa, sb), (sb, sa)] {
        let cl = &x.data.claims;
        let mut found = BTreeSet::new();
        for (p, q) in inconsistency_candidates(x, y, conflicts) {
            {
                // The tests are all needed; the cheap ones come first.
                if cl[p].sidx == cl[q].sidx || !comparable(&cl[p], &cl[q]) {
                    continue;
                }
                // Ordinals number different things ("Second line." … "Third line.").
                let ordinal =
                    |c: &Claim| matches!(&c.val, Val::Num(n) if n.kind == QuantityKind::Ordinal);
                if ordinal(&cl[p]) && ordinal(&cl[q]) {
                    continue;
                }
                // Two figures of one text are one thing given twice only when they count the
                // same word ("14,000 vehicles" … "18,000 vehicles"), not bare list numbers.
                if matches!(cl[p].val, Val::Num(_)) && shared_sorted(&x.near[p], &x.near[q]) == 0 {
                    continue;
                }
                if rate_and_sum(x, p, x, q) {
                    continue;
                }
                // Both speak of one thing: directly, or through a counterpart in the other
                // text that conflicts with one of them.
                let direct = topic_sim(x, p, x, q) >= x.t.one_text_topic && one_thing(x, p, q);
                let via = |r: usize, s: usize| {
                    conflicts.iter().any(|&(ia, ib)| {
                        let (mine, theirs) = if x.id == SideId::A {
                            (ia, ib)
                        } else {
                            (ib, ia)
                        };
                        mine == s
                            && rel_of(&cl[r], &y.data.claims[theirs], x.t).is_some_and(
                                |r2| match r2 {
                                    Relation::Same | Relation::LessPrecise => true,
                                    Relation::Compatible => {
                                        same_grain(&cl[r], &y.data.claims[theirs])
                                    }
                                    _ => false,
                                },
                            )
                            && topic_sim(x, r, y, theirs) >= x.t.same_topic
                    })
                };
                if !(direct || via(p, q) || via(q, p)) {
                    continue;
                }
                if rel_of(&cl[p], &cl[q], x.t) != Some(Relation::Conflict) {
                    continue;
                }
                // A sentence that also states the other value ("released on Friday, … close
                // next month") speaks of two events, not of one event dated twice.
                let beside = |r: usize, s: usize| {
                    cl.iter().enumerate().any(|(e, c)| {
                        e != s
                            && c.sidx == cl[s].sidx
                            && rel_of(&cl[r], c, x.t) == Some(Relation::Same)
                    })
                };
                if !(beside(p, q) || beside(q, p)) {
                    found.insert((p, q));
                }
            }
        }
        // At most a few per fact, and a bounded number in all: a reader never wants a list of
        // thousands (an election table stating every district's figures twice).
        let mut per: BTreeMap<usize, usize> = BTreeMap::new();
        let total = found.len();
        let found: Vec<(usize, usize)> = found
            .into_iter()
            .filter(|&(p, q)| {
                let (np, nq) = (
                    per.get(&p).copied().unwrap_or(0),
                    per.get(&q).copied().unwrap_or(0),
                );
                if np >= x.t.max_inconsistencies_per_fact || nq >= x.t.max_inconsistencies_per_fact
                {
                    return false;
                }
                *per.entry(p).or_insert(0) += 1;
                *per.entry(q).or_insert(0) += 1;
                true
            })
            .take(x.t.max_inconsistencies)
            .collect();
        if found.len() < total {
            capped.push((x.id, found.len(), total));
        }
        for (p, q) in found {
            let (c, d) = (&cl[p], &cl[q]);
            let span = |c: &Claim| ClaimSpan {
                sentence: x.data.sentences[c.sidx].id,
                start: c.start,
                end: c.end,
                text: x.data.slice(c.start, c.end).to_string(),
            };
            out.push(Inconsistency {
                side: x.id,
                kind: c.kind,
                first: span(c),
                second: span(d),
                message: String::new(),
            });
        }
    }
    out.sort_by_key(|i| (i.side, i.first.start, i.second.start));
    (out, capped)
}

/// The pairs of one side's values that may state one fact twice: values that share a word or
/// name near them (their frames; a word near more than [`Thresholds::max_frame_postings`] values pairs
/// none), and values each tied to a counterpart in the other text that conflicts with the
/// other. The number of pairs grows with the text, not with its square, so a table of
/// thousands of figures costs little.
fn inconsistency_candidates(
    x: &Side<'_>,
    y: &Side<'_>,
    conflicts: &[(usize, usize)],
) -> BTreeSet<(usize, usize)> {
    let cl = &x.data.claims;
    let valued = |c: &Claim| matches!(c.val, Val::Date(_) | Val::Num(_));
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, _) in cl.iter().enumerate().filter(|(_, c)| valued(c)) {
        let f = &x.frames[k];
        for w in f.words.iter().chain(f.names.iter()) {
            postings.entry(w.as_str()).or_default().push(k);
        }
    }
    let mut pairs = BTreeSet::new();
    for list in postings.values() {
        if list.len() > x.t.max_frame_postings {
            continue;
        }
        for (n, &p) in list.iter().enumerate() {
            for &q in &list[n + 1..] {
                if p != q {
                    pairs.insert((p.min(q), p.max(q)));
                }
            }
        }
    }
    // Through the other text: a value of this side that restates a counterpart which
    // conflicts with another value of this side.
    for &(ia, ib) in conflicts.iter().take(x.t.max_inconsistencies) {
        let (mine, theirs) = if x.id == SideId::A {
            (ia, ib)
        } else {
            (ib, ia)
        };
        let Some(t) = y.data.claims.get(theirs) else {
            continue;
        };
        for (r, c) in cl.iter().enumerate() {
            if r != mine
                && comparable(c, t)
                && rel_of(c, t, x.t).is_some_and(|r2| r2 != Relation::Conflict)
            {
                pairs.insert((r.min(mine), r.max(mine)));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod testing {
    use crate::report::Severity;

    /// The messages of the conflicts of comparing two texts.
    pub(super) fn conflicts(a: &str, b: &str) -> Vec<String> {
        let (a, b) = (
            crate::Document::from_text("a.txt", a),
            crate::Document::from_text("b.txt", b),
        );
        crate::compare(&a, &b, &crate::Options::default())
            .claims
            .into_iter()
            .filter(|c| c.severity == Severity::Conflict)
            .map(|c| c.message)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::conflicts;
    use super::*;

    /// The changed money claims and inconsistencies of comparing two texts.
    fn money(a: &str, b: &str) -> (Vec<String>, usize) {
        let (a, b) = (
            crate::Document::from_text("a.txt", a),
            crate::Document::from_text("b.txt", b),
        );
        let r = crate::compare(&a, &b, &crate::Options::default());
        let changed = r
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Money && c.change == Change::Changed)
            .map(|c| c.message)
            .collect();
        (changed, r.inconsistencies.len())
    }

    #[test]
    fn a_rate_and_a_sum_are_two_facts() {
        let (changed, inconsistent) = money(
            "Acme agreed on Monday to buy Beta for $45 a share in cash.\n\nThe deal values \
             Beta at about $3.6 billion.\n",
            "Acme will pay $3.6 billion for Beta, the companies said Monday.\n\nAcme is \
             offering $45 for each Beta share.\n",
        );
        assert!(changed.is_empty(), "{changed:?}");
        assert_eq!(inconsistent, 0);
        // Two rates of one thing still conflict, and a rate's unit is not its subject.
        let (changed, _) = money(
            "Acme agreed to buy Beta for $45 a share in cash.",
            "Acme agreed to buy Beta for $48 per share in cash.",
        );
        assert_eq!(changed, ["the amount reads \"$45\" in A but \"$48\" in B"]);
        let (changed, _) = money(
            "The contract pays him $2 million a year, his agent said.",
            "The contract pays him $3 million a year, his agent said.",
        );
        assert_eq!(
            changed,
            ["the amount reads \"$2 million\" in A but \"$3 million\" in B"]
        );
    }

    #[test]
    fn counts_at_two_times_and_dates_both_versions_give_are_not_set_against_each_other() {
        let a = "Ten countries grounded the jet on Monday, and by Tuesday the number had \
                 risen to 40.\n\nThe regulator said on Wednesday that it would ground the \
                 plane.\n";
        let b = "By Tuesday more than 40 countries had grounded the jet, after a dozen did so \
                 on Monday.\n\nThe regulator followed on Wednesday.\n";
        assert_eq!(conflicts(a, b), Vec::<String>::new());
        // One count at one time still conflicts.
        let c = conflicts(
            "By Tuesday 40 countries had grounded the jet.",
            "By Tuesday 45 countries had grounded the jet.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        // A date B lacks keeps its conflict even when B also gives A's other date.
        let c = conflicts(
            "The minister resigned on Tuesday.\n\nHer deputy took over on Wednesday.\n",
            "The minister resigned on Monday.\n\nHer deputy took over on Wednesday.\n",
        );
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn a_part_and_a_whole_are_two_facts_outside_one_row() {
        let a = "Court papers filed on Monday said the couple spent $750,000 in campaign money \
                 on themselves.\n\nThe prosecutors listed the purchases.\n\nExpenses charged to \
                 the campaign included $4,272.78 on a cruise.\n";
        let b = "The couple used campaign funds for a lavish life, prosecutors said on Monday.\n\n\
                 Among the items was a $5,000 football signed by presidents.\n";
        assert_eq!(conflicts(a, b), Vec::<String>::new());
        // A slip of the unit keeps its digits and still conflicts.
        let q = |a: f64, b: f64| {
            let n = |v: f64| super::super::numbers::Quantity {
                kind: QuantityKind::Money,
                low: v,
                high: v,
                unit: Some("USD".into()),
                qualifier: Qualifier::Exact,
                vague: false,
            };
            far_apart(&n(a), &n(b), &Thresholds::DEFAULT)
        };
        assert!(q(4_272.78, 750_000.0));
        assert!(!q(3.6e6, 3.6e9));
        assert!(!q(240.0, 60.0));
    }

    #[test]
    fn negation_said_with_other_words_is_not_a_flip() {
        for (a, b) in [
            (
                "The coach said the result would be surprising but far from unique.",
                "The coach said the result would be surprising but not unique.",
            ),
            (
                "Unless the dam is repaired, the valley will flood by spring, engineers said.",
                "If the dam is not repaired, the valley will flood by spring, engineers said.",
            ),
            (
                "The storm would be destructive rather than merely wet, forecasters said.",
                "The storm would be destructive, not merely wet, forecasters said.",
            ),
        ] {
            assert_eq!(conflicts(a, b), Vec::<String>::new(), "{a} / {b}");
        }
        // A plain flip still conflicts.
        assert_eq!(
            conflicts(
                "The council said the bridge will reopen in May.",
                "The council said the bridge will not reopen in May.",
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_contraction_without_its_apostrophe_is_the_same_negation() {
        for (a, b) in [
            (
                "The mayor said the city hasn\u{2019}t changed its plan yet.",
                "The mayor said the city hasnt changed its plan yet.",
            ),
            (
                "I just can\u{2019}t stop, the runner said after the race on Sunday.",
                "I just cant stop, the runner said after the race on Sunday.",
            ),
        ] {
            assert_eq!(conflicts(a, b), Vec::<String>::new(), "{a} / {b}");
        }
    }

    #[test]
    fn a_denial_left_out_is_not_a_flip() {
        for (a, b) in [
            // The word also stands plainly in the longer sentence.
            (
                "The shop does not sell tickets but lets members sell seats to friends.",
                "The shop lets members sell seats to friends.",
            ),
            // Said with other words on one side only, before the same word.
            (
                "The pilot was unable to land the plane in the fog on Monday.",
                "The pilot could not land the plane in the fog on Monday.",
            ),
            // "Not only … but also" adds; it denies nothing.
            (
                "The plan will not only cut costs but also shorten the queues, the board said.",
                "The plan will cut costs and shorten the queues, the board said.",
            ),
            // A typographic apostrophe lost to a control character.
            (
                "Why don\u{19}t you keep the money here, the owner asked on Friday.",
                "Why don\u{2019}t you keep the money here, the owner asked on Friday.",
            ),
            (
                "The school has yet to start the scheme, the head teacher said.",
                "The school hasn\u{2019}t started the scheme yet, the head teacher said.",
            ),
        ] {
            assert_eq!(conflicts(a, b), Vec::<String>::new(), "{a} / {b}");
            assert_eq!(conflicts(b, a), Vec::<String>::new(), "{b} / {a}");
        }
        // A word said plainly twice against once plainly and once denied is still a flip, and
        // an implied negative both versions share keeps nothing.
        for (a, b) in [
            (
                "It is theft, as surely as taking a wallet is theft, he wrote.",
                "It is not theft, as surely as taking a wallet is theft, he wrote.",
            ),
            (
                "Donors give unless they have registered an objection, the minister said.",
                "Donors give unless they have not registered an objection, the minister said.",
            ),
        ] {
            assert_eq!(conflicts(a, b).len(), 1, "{a} / {b}");
        }
    }

    #[test]
    fn values_of_different_named_subjects_are_two_facts() {
        let found = conflicts(
            "Shares of Acme fell 18 percent to $9.17 on Tuesday, traders said.",
            "Shares of Brightco fell 4.6 percent to $83.38 on Tuesday, traders said.",
        );
        assert!(!found.iter().any(|m| m.contains("percentage")), "{found:?}");
        // One subject, two figures: a conflict.
        let found = conflicts(
            "Shares of Acme fell 18 percent on Tuesday, traders said.",
            "Shares of Acme fell 4.6 percent on Tuesday, traders said.",
        );
        assert!(found.iter().any(|m| m.contains("percentage")), "{found:?}");
    }

    #[test]
    fn the_only_dates_of_two_aligned_sentences_are_one_fact() {
        let found = conflicts(
            "Rep. Ann Webb on Wednesday was appointed to a third term as council leader, \
             surviving a challenge from a younger rival.",
            "Council leader Ann Webb was re-elected to her post Friday morning, surviving a \
             challenge from a younger rival.",
        );
        assert!(found.iter().any(|m| m.contains("Wednesday")), "{found:?}");
        // Told beside other people, the two dates are two acts.
        let found = conflicts(
            "Smith tweeted Tuesday that he had accepted an invitation to the private meeting.",
            "On Wednesday, Mr. Jones expressed disbelief at the invitation to the private meeting.",
        );
        assert!(!found.iter().any(|m| m.contains("Tuesday")), "{found:?}");
    }
}
