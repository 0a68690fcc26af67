//! claims::engine::values: the date and figure judge — a value changed (a conflict), a
//! figure made vaguer (a refinement), a value in one version only (a notice).
//!
//! Decides, for each date or figure of one side ([`values`]): its closest counterpart on the
//! other side by context ([`topic_sim`], candidates found through the bags' postings, a
//! counterpart in the same place among as many values preferred), the relation of the two
//! ([`rel_of`]: `claims::dates::relation` or `claims::numbers::relation`, final there),
//! and whether that relation is acted on. **A date or figure conflict is decided here**, in
//! the `Relation::Conflict` arm of [`values`]: the contexts close enough (or the two the only
//! dates of two sentences one row pairs: [`sole_dates`]), no agreeing counterpart nearly as
//! close, one fact ([`same_fact`], with [`other_subject`], [`other_times`], [`rate_and_sum`],
//! [`far_apart`]), the other value not restated on this side ([`explained`]) nor both dates
//! stated by each version ([`both_stated`]), firm over a rough anchor ([`firm`]), and two
//! figures attached to the same word ([`anchored_figure`]). [`topic`] finds the word a value
//! is about for the message.
//!
//! Reads: both [`Side`]s (claims, context bags and postings, near words, frames,
//! `aligned_with`). Writes: [`Flag`]s, and the claim indices (a, b) of each value conflict,
//! which the merge and the inconsistency judge read. [`rel_of`], [`comparable`],
//! [`far_apart`], [`other_times`] and [`rate_and_sum`] are read by the inconsistency judge
//! too.
//!
//! Thresholds: `same_topic`, `weak_topic`, `clear_margin`, `agreement_share`,
//! `candidate_floor`, `place_bonus` (which counterpart, and whether it is acted on);
//! `figure_tolerance` (bounds and ranges in [`rel_of`]); `far_apart`; `max_floating_grain_gap`
//! and `rough_anchor_gap_days` ([`firm`]).

use std::collections::{BTreeMap, BTreeSet};

use super::context::{shared_sorted, topic_sim, topic_sim_of_dot, Side};
use super::names::fold_accents;
use super::{only_in, order, Flag, Span};
use crate::claims::dates::{self, Relation};
use crate::claims::extract::{stem, Claim, Val};
use crate::claims::frames;
use crate::claims::numbers::{self, compare_numbers, QuantityKind};
use crate::claims::{cues, Thresholds};
use crate::report::{Change, ClaimKind, Reason, Severity, SideId};

/// Whether [`rel_of`] relates the two claims at all (two dates, or two figures of one kind).
pub(super) fn comparable(p: &Claim, q: &Claim) -> bool {
    match (&p.val, &q.val) {
        (Val::Date(_), Val::Date(_)) => true,
        (Val::Num(_), Val::Num(_)) => p.kind == q.kind,
        _ => false,
    }
}

/// The relation of two claims' values, final: [`crate::claims::dates::relation`] for two dates,
/// [`crate::claims::numbers::relation`] for two figures of one kind; `None` for anything else.
pub(super) fn rel_of(p: &Claim, q: &Claim, t: &Thresholds) -> Option<Relation> {
    match (&p.val, &q.val) {
        (Val::Date(d), Val::Date(e)) => Some(crate::claims::dates::relation(d, e)),
        (Val::Num(m), Val::Num(n)) if p.kind == q.kind => {
            Some(crate::claims::numbers::relation(m, n, t.figure_tolerance))
        }
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
            .map(|k| toks[k].lower.to_string())
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
pub(super) fn values(
    x: &Side<'_>,
    y: &Side<'_>,
    flags: &mut Vec<Flag>,
    conflicts: &mut Vec<(usize, usize)>,
) {
    let mut lone = BTreeSet::new();
    // Which claims of `y` share a context word with the current claim (`seen[j] == stamp`).
    let mut seen = vec![0u32; y.data.claims.len()];
    let mut stamp = 0u32;
    // The dot product of the current claim's context bag with each candidate's.
    let mut dot = vec![0.0f64; y.data.claims.len()];
    let mut touched: Vec<usize> = Vec::new();
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
        // The bags' dot products are summed here, through the postings, in ascending key
        // order as `cosine` sums them: the same similarities, without a merge of two bags
        // for every candidate.
        stamp += 1;
        touched.clear();
        for &(key, va) in &x.bags[i].items {
            for &(j, vb) in y.postings.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                if seen[j] != stamp {
                    seen[j] = stamp;
                    dot[j] = 0.0;
                    touched.push(j);
                }
                dot[j] += va * vb;
            }
        }
        let mut cands: Vec<(usize, f64)> = touched
            .iter()
            .filter(|&&j| comparable(c, &y.data.claims[j]))
            .map(|&j| (j, topic_sim_of_dot(x, i, y, j, dot[j])))
            .collect();
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
fn same_figure(p: &numbers::Quantity, q: &numbers::Quantity) -> bool {
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
pub(super) fn far_apart(p: &numbers::Quantity, q: &numbers::Quantity, t: &Thresholds) -> bool {
    let (x, y) = (p.high.abs(), q.high.abs());
    if x == 0.0 || y == 0.0 || !x.is_finite() || !y.is_finite() {
        return false;
    }
    let digits = |v: f64| (v / 10f64.powf(v.log10().floor() - 1.0)).round() as i64;
    x.max(y) / x.min(y) > t.far_apart && digits(x) != digits(y)
}

/// Whether claim `i` of `x` and claim `j` of `y` are counts at two different times ("ten
/// countries on Monday" / "40 countries by Tuesday"): two facts.
pub(super) fn other_times(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
    matches!(
        (x.frames[i].when, y.frames[j].when),
        (Some(u), Some(v)) if rel_of(&x.data.claims[u], &y.data.claims[v], x.t) == Some(Relation::Conflict)
    )
}

/// Whether one of two figures of a kind that can be given per unit is a rate and the other a
/// sum, or a rate of another thing ("$45 a share" / "$3.6 billion for the company"): two facts.
pub(super) fn rate_and_sum(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> bool {
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

fn grain_gap(a: dates::Granularity, b: dates::Granularity) -> usize {
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
    let floating = |e: &dates::DateExpr| e.rule.is_some() && e.anchor.is_none();
    if floating(p) != floating(q)
        && grain_gap(p.granularity, q.granularity) > t.max_floating_grain_gap
    {
        return false;
    }
    let rough = |e: &dates::DateExpr| e.relative && e.anchor.is_some_and(|a| !a.is_exact());
    // Two relative dates over the same anchor move together: its roughness cancels.
    let shared = p.rule.is_some() && q.rule.is_some() && p.anchor == q.anchor;
    if shared || !(rough(p) || rough(q)) {
        return true;
    }
    match (p.interval, q.interval) {
        (Some(x), Some(y)) => {
            let day = dates::calendar::days;
            let gap = (day(y.0) - day(x.1)).max(day(x.0) - day(y.1));
            gap > t.rough_anchor_gap_days
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::engine::testing::{conflicts, report};
    use crate::claims::numbers::Qualifier;

    /// The changed money claims and inconsistencies of comparing two texts.
    fn money(a: &str, b: &str) -> (Vec<String>, usize) {
        let r = report(a, b);
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
            let n = |v: f64| numbers::Quantity {
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
