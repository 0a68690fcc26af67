//! align: sentences × sentences → alignment rows (equal/edited/moved/added/dropped), and the
//! word diff inside each paired row.
//!
//! Input: the sentences of A and of B. Output: [`Row`]s in reading order of B, each dropped row
//! placed where it stood among its neighbours in A, and [`Note`]s when a coarser alignment was
//! taken. Invariants: every sentence id of either side appears in exactly one row; furniture
//! pairs only with furniture; similarities are rounded to 3 decimals; the result depends only
//! on the inputs and the options (ties are broken by index, no hash-map order leaks), except
//! when the [`AlignOptions::deadline`] strikes, which the `alignment-fallback` note reports.
//!
//! # Method
//!
//! 1. **Tokenise once.** Every sentence still to be aligned becomes a set of weighted stems
//!    ([`similarity`]): IDF learnt over those sentences of both texts, function words light,
//!    names and numbers heavy, spelling variants matched by character trigrams. Sentences
//!    whose every copy has an identical partner on the other side are not tokenised at all,
//!    and a sentence repeated within the texts is tokenised once.
//! 2. **Candidates without all pairs.** Sentences equal up to white space pair directly (by
//!    order of occurrence when a sentence repeats). Other candidates come from an inverted index
//!    over A's content stems: a B sentence meets only the A sentences that share a stem whose
//!    posting list is short ([`AlignOptions::max_postings`]), and only the
//!    [`AlignOptions::max_candidates`] best of them by shared weight are scored. Cost grows
//!    with the number of candidates, not with |A|·|B|.
//! 3. **Monotone DP.** Among candidate pairs at or above [`AlignOptions::min_similarity`], the
//!    chain of pairs increasing in both A and B with the largest total similarity is found
//!    (Needleman–Wunsch with zero gap cost, computed sparsely as a heaviest increasing
//!    subsequence with a Fenwick tree, O(k log n) for k candidates). The exact matches
//!    anchor it, so it plays the role of a band around the diagonal without fixing a width.
//!    These pairs are in order: `equal` or `edited`.
//!    A gap-fill pass then pairs, between two consecutive in-order pairs, an unpaired A and B
//!    sentence on weaker evidence ([`AlignOptions::min_gap_similarity`]) when most of one is
//!    found in the other ([`AlignOptions::min_gap_containment`]): position supports the pair.
//! 4. **Moved.** Unpaired sentences whose best candidate is strong
//!    ([`AlignOptions::min_moved`]) pair out of order, best first: `moved`.
//! 5. **Split and merge.** A paired row absorbs an unpaired neighbour on either side (the
//!    sentence just before or after in reading order) when enough of that neighbour's weight
//!    is found in the other side of the row ([`AlignOptions::min_containment`]) and it explains
//!    a part of that other side that the row did not explain yet ([`AlignOptions::min_gain`]):
//!    1:n and n:1 rows.
//! 6. Everything left is `added` or `dropped`.
//!
//! # Why hand-written
//!
//! Crates that align sequences (`similar`, `diff`, `bio`'s pairwise aligners) need a fixed
//! equality or a substitution matrix over symbols and give 1:1 columns; sentence aligners in
//! other languages (hunalign, bleualign, vecalign) are bilingual, rely on length ratios or
//! translation dictionaries and assume both sides keep the order. Rewritten news needs a
//! graded, content-weighted similarity, 1:n and n:1 rows, *and* out-of-order matches, plus
//! furniture rules and deadlines; none of them does that, so this module combines the pieces:
//! sparse candidates, a monotone DP (the same idea as delta's Needleman–Wunsch pairing of
//! removed and added lines, here over sentences), then a moved pass and a merge pass.
//!
//! # Scale
//!
//! Options bound the work: more than [`AlignOptions::max_sentences`] sentences on a side,
//! a sentence repeated more than [`AlignOptions::max_repeats`] times, a majority of sentences
//! made only of words too common to index, or the deadline, each make the aligner pair those
//! sentences by exact match only and add a [`Note`] with code `alignment-fallback`; so does a
//! row too long to diff word by word ([`worddiff::MAX_DIFF_TOKENS`]), which is shown as one
//! deletion and one insertion.

pub mod eval;
pub mod paraphrase;
pub mod similarity;
pub mod worddiff;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use crate::report::{DiffChunk, DiffOp, Note, Row, RowOp, Sentence};
use similarity::Features;

pub use worddiff::word_diff;

/// Settings of the aligner. Every field has a documented default ([`AlignOptions::default`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// Smallest similarity for an in-order pair. Default 0.25.
    pub min_similarity: f64,
    /// Smallest similarity for an out-of-order (`moved`) pair. Default 0.45: a sentence that
    /// left its place needs more evidence than one that stayed.
    pub min_moved: f64,
    /// Smallest similarity for two furniture sentences to pair. Default 0.8.
    pub min_furniture: f64,
    /// Share of an unpaired neighbour's weight that must be found in a row for the row to
    /// absorb it (split/merge). Default 0.18.
    pub min_containment: f64,
    /// Smallest similarity for an unpaired A and B sentence standing in the same gap between
    /// two in-order pairs to pair (gap fill). Default 0.15.
    pub min_gap_similarity: f64,
    /// Share of the smaller of two gap sentences that must be found in the other for the gap
    /// fill to pair them. Default 0.5.
    pub min_gap_containment: f64,
    /// Least rise, by absorbing a neighbour, in the share of the row's other side that the
    /// row explains (split/merge). Default 0.05.
    pub min_gain: f64,
    /// Most A sentences scored for each B sentence. Default 24.
    pub max_candidates: usize,
    /// Stems found in more A sentences than this are not followed in the index. Default 200.
    pub max_postings: usize,
    /// A sentence repeated more often than this on one side is paired by exact match only.
    /// Default 1,000.
    pub max_repeats: usize,
    /// More sentences than this on either side: exact matches only. Default 250,000.
    pub max_sentences: usize,
    /// Wall-clock budget for scoring candidates; `None` for none. Default 10 seconds.
    pub deadline: Option<Duration>,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.25,
            min_moved: 0.45,
            min_furniture: 0.8,
            min_containment: 0.18,
            min_gain: 0.05,
            min_gap_similarity: 0.15,
            min_gap_containment: 0.5,
            max_candidates: 24,
            max_postings: 200,
            max_repeats: 1_000,
            max_sentences: 250_000,
            deadline: Some(Duration::from_secs(10)),
        }
    }
}

/// The result of aligning two sentence lists.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub rows: Vec<Row>,
    pub notes: Vec<Note>,
}

fn word_set(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Word-set Jaccard similarity of two texts (the published baseline).
pub fn jaccard(a: &str, b: &str) -> f64 {
    let (wa, wb) = (word_set(a), word_set(b));
    let inter = wa.intersection(&wb).count();
    let union = wa.union(&wb).count();
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Rounds to 3 decimals so that JSON output is stable across platforms.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Collapses runs of white space to one space and trims.
pub fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Most sentence pairs compared inside one gap of the chain by the gap-fill pass.
const GAP_CELLS: usize = 400;

/// A candidate pair.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pair {
    i: usize,
    j: usize,
    sim: f64,
}

/// Heaviest chain of pairs strictly increasing in `i` and `j` (Fenwick tree of prefix maxima).
///
/// Chains of equal weight are told apart by the smaller sum of `i + j` over their pairs (the
/// chain nearer the start of both texts), a rule that reads the same with A and B swapped, so
/// that comparing B with A pairs the same sentences as comparing A with B.
fn heaviest_chain(pairs: &[Pair], n: usize) -> Vec<Pair> {
    /// (total similarity, total of i + j, last pair); `better` is the order of the tree.
    type Best = (f64, usize, usize);
    fn better(x: &Best, y: &Best) -> bool {
        x.0 > y.0 || (x.0 == y.0 && x.1 < y.1)
    }
    const NONE: Best = (0.0, 0, usize::MAX);
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&x, &y| {
        pairs[x]
            .j
            .cmp(&pairs[y].j)
            .then(pairs[y].i.cmp(&pairs[x].i))
    });
    // tree[k] = the best chain over a prefix of A positions.
    let mut tree: Vec<Best> = vec![NONE; n + 1];
    let mut prev: Vec<usize> = vec![usize::MAX; pairs.len()];
    let query = |tree: &Vec<Best>, mut k: usize| {
        let mut best = NONE;
        while k > 0 {
            if better(&tree[k], &best) {
                best = tree[k];
            }
            k &= k - 1;
        }
        best
    };
    for &p in &order {
        let Pair { i, j, sim } = pairs[p];
        let (b, pos, from) = query(&tree, i);
        let here: Best = (b + sim, pos + i + j, p);
        prev[p] = from;
        let mut k = i + 1;
        while k <= n {
            if better(&here, &tree[k]) {
                tree[k] = here;
            }
            k += k & k.wrapping_neg();
        }
    }
    let (_, _, mut p) = query(&tree, n);
    let mut chain = Vec::new();
    while p != usize::MAX {
        chain.push(pairs[p]);
        p = prev[p];
    }
    chain.reverse();
    chain
}

/// A row under construction.
#[derive(Debug, Clone)]
struct Group {
    a: Vec<usize>,
    b: Vec<usize>,
    moved: bool,
}

fn fallback(notes: &mut Vec<Note>, message: String) {
    notes.push(Note {
        code: "alignment-fallback".to_string(),
        message,
    });
}

/// Aligns the sentences of A with those of B.
#[allow(clippy::needless_range_loop)] // index loops over parallel per-sentence arrays
pub fn align(a: &[Sentence], b: &[Sentence], opts: &AlignOptions) -> Alignment {
    let started = Instant::now();
    let mut notes = Vec::new();
    let (n, m) = (a.len(), b.len());
    let na: Vec<String> = a.iter().map(|s| normalize_ws(&s.text)).collect();
    let nb: Vec<String> = b.iter().map(|s| normalize_ws(&s.text)).collect();

    // Exact matches, grouped by text. The maps are only looked up; groups are visited in
    // order of first occurrence (below), so no hash order reaches the result.
    let mut groups_a: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in na.iter().enumerate() {
        groups_a.entry(t.as_str()).or_default().push(i);
    }
    let mut groups_b: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, t) in nb.iter().enumerate() {
        groups_b.entry(t.as_str()).or_default().push(j);
    }
    let first_of = |groups: &HashMap<&str, Vec<usize>>, texts: &[String]| -> Vec<usize> {
        (0..texts.len())
            .filter(|&k| groups.get(texts[k].as_str()).is_some_and(|g| g[0] == k))
            .collect()
    };
    let firsts_a = first_of(&groups_a, &na);
    let firsts_b = first_of(&groups_b, &nb);
    let mut pairs: Vec<Pair> = Vec::new();
    let mut repeated_a = vec![false; n];
    let mut repeated_b = vec![false; m];
    let mut over_repeated = 0usize;
    // Sentences whose every copy has an identical partner on the other side need no scoring:
    // no paraphrase can beat the identical sentence.
    let mut exact_a = vec![false; n];
    let mut exact_b = vec![false; m];
    for &j0 in &firsts_b {
        let t = nb[j0].as_str();
        let jb = &groups_b[t];
        let Some(ia) = groups_a.get(t) else { continue };
        let same_kind = |i: usize, j: usize| a[i].furniture == b[j].furniture;
        if ia.iter().zip(jb.iter()).all(|(&i, &j)| same_kind(i, j)) {
            if ia.len() >= jb.len() {
                for &j in jb {
                    exact_b[j] = true;
                }
            }
            if jb.len() >= ia.len() {
                for &i in ia {
                    exact_a[i] = true;
                }
            }
        }
        if ia.len() * jb.len() <= 64 {
            for &i in ia {
                for &j in jb {
                    if a[i].furniture == b[j].furniture {
                        pairs.push(Pair { i, j, sim: 1.0 });
                    }
                }
            }
        } else {
            // A repeated sentence: the k-th occurrence in B meets the k-th in A.
            for (&i, &j) in ia.iter().zip(jb.iter()) {
                if a[i].furniture == b[j].furniture {
                    pairs.push(Pair { i, j, sim: 1.0 });
                }
            }
        }
        if ia.len() > opts.max_repeats || jb.len() > opts.max_repeats {
            over_repeated += 1;
            for &i in ia {
                repeated_a[i] = true;
            }
            for &j in jb {
                repeated_b[j] = true;
            }
        }
    }
    for &i0 in &firsts_a {
        let t = na[i0].as_str();
        let ia = &groups_a[t];
        if ia.len() > opts.max_repeats && !groups_b.contains_key(t) {
            over_repeated += 1;
            for &i in ia {
                repeated_a[i] = true;
            }
        }
    }
    for &j0 in &firsts_b {
        let t = nb[j0].as_str();
        let jb = &groups_b[t];
        if jb.len() > opts.max_repeats && !groups_a.contains_key(t) {
            over_repeated += 1;
            for &j in jb {
                repeated_b[j] = true;
            }
        }
    }
    if over_repeated > 0 {
        fallback(
            &mut notes,
            format!(
                "{over_repeated} sentence(s) repeat more than {} times; their copies were paired by exact match and order of occurrence only",
                opts.max_repeats
            ),
        );
    }

    let coarse = n > opts.max_sentences || m > opts.max_sentences;
    if coarse {
        fallback(
            &mut notes,
            format!(
                "{n} and {m} sentences exceed the limit of {} per side; only sentences equal up to white space were paired",
                opts.max_sentences
            ),
        );
    }

    // Features: every sentence tokenised once (skipped entirely on the coarse path).
    // Sentences equal up to white space share one entry (a repeated sentence is tokenised
    // once); `slot[k]` is the entry of sentence k (A first, then B), `usize::MAX` for none.
    let mut slot: Vec<usize> = Vec::new();
    let feats: Vec<Features> = if coarse {
        Vec::new()
    } else {
        let mut distinct: HashMap<&str, usize> = HashMap::new();
        let mut texts: Vec<&str> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let needs = exact_a
            .iter()
            .zip(&repeated_a)
            .chain(exact_b.iter().zip(&repeated_b))
            .map(|(e, r)| !e && !r);
        for (t, need) in na.iter().chain(nb.iter()).zip(needs) {
            if !need {
                // Paired by identity or by repetition: never scored, so not tokenised, and
                // not counted in the document frequencies either (IDF is learnt over the
                // sentences still to be aligned).
                slot.push(usize::MAX);
                continue;
            }
            let k = *distinct.entry(t.as_str()).or_insert_with(|| {
                texts.push(t.as_str());
                counts.push(0);
                texts.len() - 1
            });
            counts[k] += 1;
            slot.push(k);
        }
        similarity::Model::with_counted_features(&texts, &counts).1
    };
    let fa = |i: usize| &feats[slot[i]];
    let fb = |j: usize| &feats[slot[n + j]];

    let mut scored: Vec<Pair> = Vec::new();
    let mut cut_short = false;
    if !coarse {
        // Inverted index over A's content stems (function words are not indexed).
        let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
        for i in 0..n {
            if repeated_a[i] || exact_a[i] {
                continue;
            }
            for t in &fa(i).tokens {
                if t.class != similarity::Class::Function {
                    index.entry(t.key).or_default().push(i);
                }
            }
        }
        let mut acc = vec![0.0f64; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut unindexable = 0usize;
        let mut with_words = 0usize;
        let mut deadline_hit = None;
        for j in 0..m {
            if repeated_b[j] || exact_b[j] {
                continue;
            }
            if j % 64 == 0 {
                if let Some(d) = opts.deadline {
                    if started.elapsed() > d {
                        deadline_hit = Some(j);
                        break;
                    }
                }
            }
            let mut any_posting = false;
            let mut followed = false;
            for t in &fb(j).tokens {
                if let Some(post) = index.get(&t.key) {
                    any_posting = true;
                    if post.len() > opts.max_postings {
                        continue;
                    }
                    followed = true;
                    for &i in post {
                        if acc[i] == 0.0 {
                            touched.push(i);
                        }
                        acc[i] += t.weight;
                    }
                }
            }
            if any_posting {
                with_words += 1;
                if !followed {
                    unindexable += 1;
                }
            }
            touched.sort_by(|&x, &y| acc[y].total_cmp(&acc[x]).then(x.cmp(&y)));
            for &i in touched.iter().take(opts.max_candidates) {
                if a[i].furniture != b[j].furniture || na[i] == nb[j] {
                    continue;
                }
                let sim = similarity::similarity(fa(i), fb(j));
                let floor = if a[i].furniture {
                    opts.min_furniture
                } else {
                    opts.min_similarity.min(opts.min_moved)
                };
                if sim >= floor {
                    scored.push(Pair { i, j, sim });
                }
            }
            for &i in &touched {
                acc[i] = 0.0;
            }
            touched.clear();
        }
        if let Some(j) = deadline_hit {
            cut_short = true;
            fallback(
                &mut notes,
                format!(
                    "the deadline of {:?} was reached after scoring {j} of {m} sentences of B; the rest were paired by exact match only",
                    opts.deadline.unwrap_or_default()
                ),
            );
        }
        if unindexable > 100 && unindexable * 2 > with_words {
            fallback(
                &mut notes,
                format!(
                    "{unindexable} sentences of B consist only of words found in more than {} sentences of A; they were paired by exact match only",
                    opts.max_postings
                ),
            );
        }
    }
    pairs.extend(scored.iter().copied());

    // Monotone chain over the in-order candidates.
    let in_order: Vec<Pair> = pairs
        .iter()
        .copied()
        .filter(|p| p.sim >= opts.min_similarity || p.sim >= 1.0)
        .collect();
    let mut chain = heaviest_chain(&in_order, n);

    // Gap fill: between two consecutive chain pairs, an unpaired A sentence and an unpaired B
    // sentence that stand in the same gap pair on weaker evidence, when most of one is found
    // in the other (a sentence cut down or padded out in place). Gaps larger than
    // `GAP_CELLS` pairs are left alone, so the pass stays linear. Skipped once the deadline
    // has struck.
    if !coarse && !cut_short {
        let mut fill: Vec<Pair> = Vec::new();
        let mut bounds: Vec<(usize, usize)> = vec![(0, 0)];
        bounds.extend(chain.iter().map(|p| (p.i + 1, p.j + 1)));
        let ends: Vec<(usize, usize)> = chain
            .iter()
            .map(|p| (p.i, p.j))
            .chain(std::iter::once((n, m)))
            .collect();
        for (&(a0, b0), &(a1, b1)) in bounds.iter().zip(&ends) {
            let ia: Vec<usize> = (a0..a1)
                .filter(|&i| !a[i].furniture && slot[i] != usize::MAX)
                .collect();
            let jb: Vec<usize> = (b0..b1)
                .filter(|&j| !b[j].furniture && slot[n + j] != usize::MAX)
                .collect();
            if ia.is_empty() || jb.is_empty() || ia.len() * jb.len() > GAP_CELLS {
                continue;
            }
            let mut cands = Vec::new();
            for &i in &ia {
                for &j in &jb {
                    let sim = similarity::similarity(fa(i), fb(j));
                    let cover = similarity::containment(fa(i), fb(j))
                        .max(similarity::containment(fb(j), fa(i)));
                    if sim >= opts.min_gap_similarity && cover >= opts.min_gap_containment {
                        cands.push(Pair { i, j, sim });
                    }
                }
            }
            fill.extend(heaviest_chain(&cands, n));
        }
        if !fill.is_empty() {
            chain.extend(fill);
            chain.sort_by_key(|p| p.j);
        }
    }
    let mut group_of_a: Vec<Option<usize>> = vec![None; n];
    let mut group_of_b: Vec<Option<usize>> = vec![None; m];
    let mut groups: Vec<Group> = Vec::new();
    for p in &chain {
        group_of_a[p.i] = Some(groups.len());
        group_of_b[p.j] = Some(groups.len());
        groups.push(Group {
            a: vec![p.i],
            b: vec![p.j],
            moved: false,
        });
    }

    // Moved: strong pairs left over, best first, ties by index.
    let mut rest: Vec<Pair> = pairs
        .iter()
        .copied()
        .filter(|p| {
            p.sim >= opts.min_moved && group_of_a[p.i].is_none() && group_of_b[p.j].is_none()
        })
        .collect();
    rest.sort_by(|x, y| {
        y.sim
            .total_cmp(&x.sim)
            .then(x.j.cmp(&y.j))
            .then(x.i.cmp(&y.i))
    });
    for p in rest {
        if group_of_a[p.i].is_some() || group_of_b[p.j].is_some() {
            continue;
        }
        group_of_a[p.i] = Some(groups.len());
        group_of_b[p.j] = Some(groups.len());
        groups.push(Group {
            a: vec![p.i],
            b: vec![p.j],
            moved: true,
        });
    }

    // Split and merge: absorb unpaired neighbours.
    if !coarse {
        for g in 0..groups.len() {
            let first_a = groups[g].a[0];
            // Furniture never merges; identical pairs (partly without features) are complete
            // as they are.
            let featureless = groups[g].a.iter().any(|&i| slot[i] == usize::MAX)
                || groups[g].b.iter().any(|&j| slot[n + j] == usize::MAX);
            if a[first_a].furniture || featureless {
                continue;
            }
            loop {
                let ua = Features::union(groups[g].a.iter().map(|&i| fa(i)));
                let ub = Features::union(groups[g].b.iter().map(|&j| fb(j)));
                let mut best: Option<(f64, bool, usize)> = None;
                let (amin, amax) = (groups[g].a[0], groups[g].a[groups[g].a.len() - 1]);
                let (bmin, bmax) = (groups[g].b[0], groups[g].b[groups[g].b.len() - 1]);
                let consider = |is_a: bool, k: usize, best: &mut Option<(f64, bool, usize)>| {
                    let slot_k = if is_a { slot[k] } else { slot[n + k] };
                    let free = if is_a {
                        group_of_a[k].is_none()
                    } else {
                        group_of_b[k].is_none()
                    };
                    let furn = if is_a { a[k].furniture } else { b[k].furniture };
                    if !free || furn || slot_k == usize::MAX {
                        return;
                    }
                    let (f, other, own) = if is_a {
                        (fa(k), &ub, &ua)
                    } else {
                        (fb(k), &ua, &ub)
                    };
                    if similarity::containment(f, other) < opts.min_containment {
                        return;
                    }
                    // The neighbour must explain part of the other side that the row does not
                    // explain yet.
                    let grown = Features::union([own, f]);
                    let gain = similarity::containment(other, &grown)
                        - similarity::containment(other, own);
                    if gain >= opts.min_gain && best.is_none_or(|(s, _, _)| gain > s) {
                        *best = Some((gain, is_a, k));
                    }
                };
                if amin > 0 {
                    consider(true, amin - 1, &mut best);
                }
                if amax + 1 < n {
                    consider(true, amax + 1, &mut best);
                }
                if bmin > 0 {
                    consider(false, bmin - 1, &mut best);
                }
                if bmax + 1 < m {
                    consider(false, bmax + 1, &mut best);
                }
                let Some((_, is_a, k)) = best else { break };
                if is_a {
                    group_of_a[k] = Some(g);
                    groups[g].a.push(k);
                    groups[g].a.sort_unstable();
                } else {
                    group_of_b[k] = Some(g);
                    groups[g].b.push(k);
                    groups[g].b.sort_unstable();
                }
            }
        }
    }

    // Rows in reading order of B; dropped rows where they stood in A.
    let mut rows = Vec::with_capacity(n + m);
    let mut diffed_whole = 0usize;
    let mut next_a = 0;
    let flush = |rows: &mut Vec<Row>, next_a: &mut usize, upto: usize| {
        while *next_a < upto {
            if group_of_a[*next_a].is_none() {
                rows.push(Row {
                    op: RowOp::Dropped,
                    a: vec![*next_a],
                    b: vec![],
                    similarity: 0.0,
                    diff: vec![],
                });
            }
            *next_a += 1;
        }
    };
    for j in 0..m {
        match group_of_b[j] {
            None => rows.push(Row {
                op: RowOp::Added,
                a: vec![],
                b: vec![j],
                similarity: 0.0,
                diff: vec![],
            }),
            Some(g) if groups[g].b[0] == j => {
                let grp = &groups[g];
                if !grp.moved {
                    flush(&mut rows, &mut next_a, grp.a[0]);
                }
                let (row, whole) = make_row(
                    grp,
                    a,
                    b,
                    &na,
                    &nb,
                    (!coarse).then_some((&feats[..], &slot[..])),
                );
                rows.push(row);
                diffed_whole += usize::from(whole);
                if !grp.moved {
                    // The A sentences dropped right after this row's follow it.
                    next_a = next_a.max(grp.a[grp.a.len() - 1] + 1);
                    let mut k = next_a;
                    while k < n && group_of_a[k].is_none_or(|h| groups[h].moved) {
                        k += 1;
                    }
                    flush(&mut rows, &mut next_a, k);
                }
            }
            Some(_) => {}
        }
    }
    flush(&mut rows, &mut next_a, n);
    if diffed_whole > 0 {
        fallback(
            &mut notes,
            format!(
                "{diffed_whole} row(s) longer than {} tokens were diffed as a whole (one deletion, one insertion)",
                worddiff::MAX_DIFF_TOKENS
            ),
        );
    }
    Alignment { rows, notes }
}

fn make_row(
    g: &Group,
    a: &[Sentence],
    b: &[Sentence],
    na: &[String],
    nb: &[String],
    // The features and the sentence → feature slot map; `None` on the coarse path.
    feats: Option<(&[Features], &[usize])>,
) -> (Row, bool) {
    let ta =
        g.a.iter()
            .map(|&i| na[i].as_str())
            .collect::<Vec<_>>()
            .join(" ");
    let tb =
        g.b.iter()
            .map(|&j| nb[j].as_str())
            .collect::<Vec<_>>()
            .join(" ");
    let same = ta == tb;
    let op = if g.moved {
        RowOp::Moved
    } else if same {
        RowOp::Equal
    } else {
        RowOp::Edited
    };
    let n = a.len();
    let (similarity, diff, whole) = if same {
        let text =
            g.b.iter()
                .map(|&j| b[j].text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        (
            1.0,
            vec![DiffChunk {
                op: DiffOp::Equal,
                text,
            }],
            false,
        )
    } else {
        let sim = match feats {
            None => 0.0,
            Some((feats, slot)) => similarity::similarity(
                &Features::union(g.a.iter().map(|&i| &feats[slot[i]])),
                &Features::union(g.b.iter().map(|&j| &feats[slot[n + j]])),
            ),
        };
        let ra =
            g.a.iter()
                .map(|&i| a[i].text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        let rb =
            g.b.iter()
                .map(|&j| b[j].text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
        let (diff, whole) = worddiff::word_diff_checked(&ra, &rb);
        (round3(sim), diff, whole)
    };
    (
        Row {
            op,
            a: g.a.clone(),
            b: g.b.clone(),
            similarity,
            diff,
        },
        whole,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(texts: &[&str]) -> Vec<Sentence> {
        eval::sentences_from(texts)
    }

    fn summary(al: &Alignment) -> Vec<(RowOp, Vec<usize>, Vec<usize>)> {
        al.rows
            .iter()
            .map(|r| (r.op, r.a.clone(), r.b.clone()))
            .collect()
    }

    #[test]
    fn chain_prefers_heaviest() {
        let pairs = [
            Pair {
                i: 0,
                j: 1,
                sim: 0.9,
            },
            Pair {
                i: 1,
                j: 0,
                sim: 0.5,
            },
            Pair {
                i: 2,
                j: 2,
                sim: 0.5,
            },
        ];
        let c = heaviest_chain(&pairs, 3);
        assert_eq!(
            c.iter().map(|p| (p.i, p.j)).collect::<Vec<_>>(),
            [(0, 1), (2, 2)]
        );
    }

    #[test]
    fn equal_chains_are_broken_the_same_way_in_both_directions() {
        let p = |i, j| Pair { i, j, sim: 0.747 };
        let ab = heaviest_chain(&[p(0, 0), p(2, 0)], 3);
        let ba = heaviest_chain(&[p(0, 0), p(0, 2)], 1);
        assert_eq!((ab[0].i, ab[0].j), (0, 0));
        assert_eq!((ba[0].i, ba[0].j), (0, 0));
        assert_eq!((ab.len(), ba.len()), (1, 1));
    }

    #[test]
    fn identical_texts_are_equal_rows() {
        let t = ["One fact.", "Two facts.", "One fact."];
        let al = align(&s(&t), &s(&t), &AlignOptions::default());
        assert_eq!(
            summary(&al),
            [
                (RowOp::Equal, vec![0], vec![0]),
                (RowOp::Equal, vec![1], vec![1]),
                (RowOp::Equal, vec![2], vec![2])
            ]
        );
    }

    #[test]
    fn dropped_rows_stand_where_they_stood_in_a() {
        let a = s(&["Alpha met Beta.", "Gamma quit suddenly.", "Delta won."]);
        let b = s(&["Alpha met Beta.", "Delta won."]);
        let al = align(&a, &b, &AlignOptions::default());
        assert_eq!(
            summary(&al),
            [
                (RowOp::Equal, vec![0], vec![0]),
                (RowOp::Dropped, vec![1], vec![]),
                (RowOp::Equal, vec![2], vec![1])
            ]
        );
    }

    #[test]
    fn furniture_pairs_only_with_near_identical_furniture() {
        let mut a = s(&[
            "Related Articles",
            "Back to top",
            "Blinken met Xi in Beijing.",
        ]);
        let mut b = s(&[
            "Related articles:",
            "Blinken met Xi in Beijing.",
            "Back to top",
        ]);
        for (side, furn) in [(&mut a, [0, 1]), (&mut b, [0, 2])] {
            for k in furn {
                side[k].furniture = true;
            }
        }
        // A story sentence that repeats the furniture's words must not pair with it.
        b[1].text = "Back to top: Blinken met Xi in Beijing.".to_string();
        let al = align(&a, &b, &AlignOptions::default());
        let rows = summary(&al);
        assert!(
            rows.contains(&(RowOp::Edited, vec![0], vec![0])),
            "{rows:?}"
        );
        // The identical footer keeps its place; the story sentence is the one that moved.
        assert!(rows.contains(&(RowOp::Equal, vec![1], vec![2])), "{rows:?}");
        assert!(rows.contains(&(RowOp::Moved, vec![2], vec![1])), "{rows:?}");
    }

    #[test]
    fn empty_sides() {
        let b = s(&["Only here."]);
        let al = align(&[], &b, &AlignOptions::default());
        assert_eq!(summary(&al), [(RowOp::Added, vec![], vec![0])]);
        let al = align(&b, &[], &AlignOptions::default());
        assert_eq!(summary(&al), [(RowOp::Dropped, vec![0], vec![])]);
        assert!(align(&[], &[], &AlignOptions::default()).rows.is_empty());
    }
}
