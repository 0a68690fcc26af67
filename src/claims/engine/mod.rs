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
mod inconsistencies;
mod names;
mod values;

use std::collections::{BTreeMap, BTreeSet};

use anchors::{anchors, SideAnchor};
use context::{best_sentence, sentence_at, Side};
use names::one_speaker;

use super::dates::{Anchor, Relation};
use super::extract::{self, stem, Claim, SideData, Val, Vocab};
use super::{cues, quotes, status, ClaimInput, ClaimOptions, ClaimsOutcome, Thresholds};
use crate::report::{
    Change, ClaimChange, ClaimKind, ClaimSpan, Note, PairedBy, QuoteEntry, QuoteRelation, Reason,
    Row, RowOp, Sentence, Severity, SideId, StatusDates, Verdict,
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
        values::values(x, y, &mut flags, &mut conflicts_ab);
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
    let (inconsistencies, capped) = inconsistencies::inconsistencies(&sa, &sb, &conflicts_ab);
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
}
