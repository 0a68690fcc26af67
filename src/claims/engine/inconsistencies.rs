//! claims::engine::inconsistencies: one version contradicting itself — two dates or figures
//! of one text that cannot both be true of the same thing.
//!
//! Decides ([`inconsistencies`]): among the candidate pairs ([`inconsistency_candidates`]:
//! values that share a word or name near them, or that are tied through a value conflict with
//! the other version), two values of one kind in different sentences that conflict
//! (`values::rel_of`) and speak of one thing — directly (a close context and their own
//! words: [`one_thing`]) or through the other version (one agrees with a counterpart there
//! that conflicts with the other) — unless a sentence states both values (two events). Caps
//! the list per value and in all.
//!
//! Reads: both [`Side`]s and the value conflicts the value judge found. Writes: the
//! [`Inconsistency`] list (its `message` is left empty for `render::english`) and, per side
//! whose list was cut, how many were kept of how many (the merge turns it into the
//! `inconsistencies-capped` note).
//!
//! Thresholds: `one_text_topic` (a direct tie), `same_topic` (a tie through the other
//! version), `max_frame_postings`, `max_inconsistencies`, `max_inconsistencies_per_fact`;
//! through `values::far_apart`, `far_apart`.

use std::collections::{BTreeMap, BTreeSet};

use super::context::{shared_sorted, topic_sim, Side};
use super::values::{comparable, far_apart, other_times, rate_and_sum, rel_of};
use crate::claims::dates::Relation;
use crate::claims::extract::{Claim, Val};
use crate::claims::frames;
use crate::claims::numbers::QuantityKind;
use crate::report::{ClaimSpan, Inconsistency, SideId};

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
pub(super) fn inconsistencies(
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
/// name near them (their frames; a word near more than
/// [`Thresholds::max_frame_postings`](crate::claims::Thresholds::max_frame_postings) values
/// pairs none), and values each tied to a counterpart in the other text that conflicts with
/// the other. The number of pairs grows with the text, not with its square, so a table of
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
