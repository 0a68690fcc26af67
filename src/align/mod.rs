//! align: sentences × sentences → alignment rows (equal/edited/moved/added/dropped), and the
//! word diff inside each paired row.
//!
//! Input: the sentences of A and of B. Output: [`Row`]s in reading order of B, each dropped row
//! placed where it stood among its neighbours in A, and [`Note`]s when a coarser alignment was
//! taken. Invariants: every sentence id of either side appears in exactly one row; furniture
//! pairs only with furniture; similarities are rounded to 3 decimals; the result depends only
//! on the inputs and the options (ties are broken by index, no hash-map order leaks), except
//! when the work budget [`AlignOptions::max_work`] is spent, which the `alignment-fallback` note reports.
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
//! 3. **Global pairing, strongest evidence first.** Exact matches pair first; then the
//!    story's headline pairs with the other's headline (the first headline line above the
//!    first body sentence on each side), whatever their words: two outlets title one event in
//!    words that rarely overlap. Then every candidate pair is visited once, by falling
//!    similarity (ties by `i + j`, then the smaller index: keys that read the same with A and
//!    B swapped, so B against A pairs as A against B). Two unpaired sentences pair when their
//!    similarity reaches [`AlignOptions::min_similarity`], wherever they stand: a lead moved
//!    down, a paragraph moved up. No order constraint, and no lower bar for a neighbour
//!    (except the gap fill's, which also asks that most of one sentence be found in the
//!    other), so a sentence is left unpaired rather than given to a weak neighbour, and a
//!    strong pair out of order is never lost to a weaker chain in order.
//! 4. **Split and merge, wherever the row stands.** In the same pass, a pair of an unpaired
//!    sentence with a sentence already in a row ([`AlignOptions::min_join`]) lets the row
//!    take the sentence in, when it stands right before or after the row's sentences on its
//!    side (rows are listed in reading order of B, and the rule must read the same both
//!    ways), enough of its weight is found in the row's other side
//!    ([`AlignOptions::min_containment`]), it explains a part of that other side the row did
//!    not explain yet ([`AlignOptions::min_gain`]), the row's similarity does not fall, and
//!    the row stays within [`AlignOptions::max_row`] sentences: 1:n and n:1 rows.
//! 5. **Gap fill.** An unpaired A and B sentence standing between the same two rows pair on
//!    weaker evidence ([`AlignOptions::min_gap_similarity`]) when most of one is found in the
//!    other ([`AlignOptions::min_gap_containment`]): position supports the pair (a sentence
//!    cut down in place, or one the index cannot see, such as unspaced CJK text).
//! 6. **Neighbours.** A row then absorbs an unpaired neighbour whose weight is found in it
//!    (the same containment and gain tests, without a pair similarity).
//! 7. **In order or moved.** The heaviest chain of rows increasing in both texts (by their
//!    first sentences; a sparse Needleman–Wunsch with zero gap cost, computed as a heaviest
//!    increasing subsequence with a Fenwick tree) is `equal`/`edited`; every other row is
//!    `moved`. Everything left is `added` or `dropped`.
//!
//! Measured on `../shared/corpora/real-pairs` (two outlets' independent write-ups): the
//! earlier monotone chain paired 51 % of the annotated pairs; this pairing 67 %, leaving
//! 94 % / 95 % of the annotated one-sided sentences unpaired (BENCHMARKS.md). Lower
//! thresholds buy pairs only by pairing one-sided sentences too: below about 0.2 the
//! similarity of a loose paraphrase and of two unrelated sentences of one story overlap.
//!
//! # Why hand-written
//!
//! Crates that align sequences (`similar`, `diff`, `bio`'s pairwise aligners) need a fixed
//! equality or a substitution matrix over symbols and give 1:1 columns; sentence aligners in
//! other languages (hunalign, bleualign, vecalign) are bilingual, rely on length ratios or
//! translation dictionaries and assume both sides keep the order. Rewritten news needs a
//! graded, content-weighted similarity, 1:n and n:1 rows, *and* out-of-order matches, plus
//! furniture rules and a bound on the work; none of them does that, so this module combines the pieces:
//! sparse candidates, a global best-first assignment with merges, and a monotone chain (the
//! same idea as delta's Needleman–Wunsch pairing of removed and added lines, here over
//! rows) only to tell rows in order from moved ones.
//!
//! # Scale
//!
//! Options bound the work: more than [`AlignOptions::max_sentences`] sentences on a side,
//! a sentence repeated more than [`AlignOptions::max_repeats`] times, a majority of sentences
//! made only of words too common to index, or the spent work budget, each make the aligner pair those
//! sentences by exact match only and add a [`Note`] with code `alignment-fallback`; so does a
//! row too long to diff word by word ([`worddiff::MAX_DIFF_TOKENS`]), which is shown as one
//! deletion and one insertion.

pub mod similarity;
pub mod worddiff;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
/// Work counted for one similarity computation (see [`AlignOptions::max_work`]): about what
/// following 500 postings costs.
pub const SIMILARITY_WORK: u64 = 500;

use crate::report::{DiffChunk, DiffOp, Note, NoteReason, Role, Row, RowOp, Sentence};
use crate::text::{Lexicon, Reading};
use similarity::Features;

pub use worddiff::word_diff;

/// Settings of the aligner. Every field has a documented default ([`AlignOptions::default`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// Smallest similarity for two unpaired sentences to pair, wherever they stand. Default
    /// 0.23: on the real pairs of two outlets' write-ups (`../shared/corpora/real-pairs`)
    /// this keeps nine in ten of the annotated one-sided sentences unpaired.
    pub min_similarity: f64,
    /// Smallest similarity between an unpaired sentence and a sentence of a row for the row
    /// to take it in (a merge or split across the text, checked by [`can_join`]). Default
    /// 0.18.
    pub min_join: f64,
    /// Most sentences (both sides together) in a row grown by merges and splits. Default 4.
    pub max_row: usize,
    /// Smallest similarity for two furniture sentences to pair. Default 0.8.
    pub min_furniture: f64,
    /// Share of an unpaired sentence's weight that must be found in a row for the row to
    /// take it in (split/merge). Default 0.18.
    pub min_containment: f64,
    /// Least rise, by absorbing a neighbour, in the share of the row's other side that the
    /// row explains (split/merge). Default 0.05.
    pub min_gain: f64,
    /// Smallest similarity for an unpaired A and B sentence that stand between the same two
    /// rows to pair (gap fill: position supports the pair). Default 0.15.
    pub min_gap_similarity: f64,
    /// Share of the smaller of two such gap sentences that must be found in the other for
    /// the gap fill to pair them. Default 0.5.
    pub min_gap_containment: f64,
    /// Most A sentences scored for each B sentence. Default 24.
    pub max_candidates: usize,
    /// Stems found in more A sentences than this are not followed in the index. Default 200.
    pub max_postings: usize,
    /// A sentence repeated more often than this on one side is paired by exact match only.
    /// Default 1,000.
    pub max_repeats: usize,
    /// More sentences than this on either side: exact matches only. Default 250,000.
    pub max_sentences: usize,
    /// Budget of counted work for scoring candidates — index postings followed plus
    /// [`SIMILARITY_WORK`] per similarity computed — after which the rest of B is paired by
    /// exact match only (an `alignment-fallback` note says so); `None` for none. Counted
    /// steps, not the clock, so the same inputs give the same answer however loaded the
    /// machine is. Default 4,000,000,000 (about ten seconds of scoring on a 2-core machine of
    /// 2026, far beyond any article pair).
    pub max_work: Option<u64>,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            min_similarity: 0.23,
            min_join: 0.18,
            max_row: 4,
            min_furniture: 0.8,
            min_containment: 0.18,
            min_gain: 0.05,
            min_gap_similarity: 0.15,
            min_gap_containment: 0.5,
            max_candidates: 24,
            max_postings: 200,
            max_repeats: 1_000,
            max_sentences: 250_000,
            max_work: Some(4_000_000_000),
        }
    }
}

/// The result of aligning two sentence lists.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// The rows in reading order: equal, edited, moved, added, dropped.
    pub rows: Vec<Row>,
    /// What the aligner has to say about the pairing (a fallback taken, a limit reached).
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
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Collapses runs of white space to one space and trims.
pub(crate) fn normalize_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`normalize_ws`] without a copy when there is nothing to change (most sentences: words
/// separated by single spaces): the aligner holds this form of every sentence.
fn normalized(s: &str) -> Cow<'_, str> {
    let mut prev_space = true; // a leading space needs the copy
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || prev_space {
                return Cow::Owned(normalize_ws(s));
            }
            prev_space = true;
        } else {
            prev_space = false;
        }
    }
    if prev_space && !s.is_empty() {
        // a trailing space
        return Cow::Owned(normalize_ws(s));
    }
    Cow::Borrowed(s)
}

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

/// Most sentence pairs compared inside one gap between rows by the gap-fill pass.
const GAP_CELLS: usize = 400;

/// The order in which candidate pairs are taken: strongest first; ties by `i + j` and then
/// the smaller index, keys that read the same with A and B swapped, so that comparing B with
/// A pairs the same sentences.
fn pair_order(x: &Pair, y: &Pair) -> std::cmp::Ordering {
    y.sim
        .total_cmp(&x.sim)
        .then((x.i + x.j).cmp(&(y.i + y.j)))
        .then(x.i.min(x.j).cmp(&y.i.min(y.j)))
        .then(x.i.cmp(&y.i))
}

/// A row under construction.
#[derive(Debug, Clone)]
struct Group {
    a: Vec<usize>,
    b: Vec<usize>,
    /// Similarity of the pair that opened the row.
    sim: f64,
    moved: bool,
}

/// The story's headline: the first headline line above the first body sentence.
fn top_headline(s: &[Sentence]) -> Option<usize> {
    s.iter()
        .take_while(|x| x.role != Role::Body)
        .position(|x| x.role == Role::Headline)
}

/// Whether the row `g` may take in the unpaired sentence `k` (of A when `is_a`): a merge or
/// split, wherever the row stands in the texts. `k` must stand right before or after the
/// row's sentences on its side. Enough of `k` must be found in the row's other side
/// ([`AlignOptions::min_containment`]), `k` must explain a part of that other side that the
/// row did not explain yet ([`AlignOptions::min_gain`]) without lowering the row's
/// similarity, and the row stays within
/// [`AlignOptions::max_row`] sentences. Furniture and rows paired without features (exact
/// matches) take in nothing.
#[allow(clippy::too_many_arguments)] // the aligner's parallel per-sentence arrays
fn can_join(
    g: &Group,
    is_a: bool,
    k: usize,
    a: &[Sentence],
    b: &[Sentence],
    slot: &[usize],
    feats: &[Features],
    opts: &AlignOptions,
) -> bool {
    let n = a.len();
    let slot_a = |i: usize| slot[i];
    let slot_b = |j: usize| slot[n + j];
    if g.a.len() + g.b.len() >= opts.max_row
        || g.a
            .iter()
            .any(|&i| a[i].furniture || slot_a(i) == usize::MAX)
        || g.b
            .iter()
            .any(|&j| b[j].furniture || slot_b(j) == usize::MAX)
    {
        return false;
    }
    let (furn, sk, side) = if is_a {
        (a[k].furniture, slot_a(k), &g.a)
    } else {
        (b[k].furniture, slot_b(k), &g.b)
    };
    // The row's sentences stay consecutive on each side: rows are listed in reading order of
    // B, and the rule must read the same with A and B swapped.
    let next_to = k + 1 == side[0] || k == side[side.len() - 1] + 1;
    if furn || sk == usize::MAX || !next_to {
        return false;
    }
    let ua = Features::union(g.a.iter().map(|&i| &feats[slot_a(i)]));
    let ub = Features::union(g.b.iter().map(|&j| &feats[slot_b(j)]));
    let (own, other) = if is_a { (&ua, &ub) } else { (&ub, &ua) };
    let f = &feats[sk];
    if similarity::containment(f, other) < opts.min_containment {
        return false;
    }
    let grown = Features::union([own, f]);
    // A sentence that only repeats the row's names lowers the row's similarity: a weak
    // neighbour, not a part of the merge.
    similarity::containment(other, &grown) - similarity::containment(other, own) >= opts.min_gain
        && similarity::similarity(&grown, other) >= similarity::similarity(own, other)
}

fn fallback(notes: &mut Vec<Note>, reason: NoteReason) {
    notes.push(Note::of(reason));
}

/// Aligns the sentences of A with those of B.
pub fn align(a: &[Sentence], b: &[Sentence], opts: &AlignOptions) -> Alignment {
    let mut lex = Lexicon::default();
    let (ra, rb) = (Reading::new(a, &mut lex), Reading::new(b, &mut lex));
    align_read(a, b, (&ra, &rb), &lex, opts)
}

/// [`align`] of sentences whose words the text layer has read (`reading`, into `lex`).
#[allow(clippy::needless_range_loop)] // index loops over parallel per-sentence arrays
pub(crate) fn align_read(
    a: &[Sentence],
    b: &[Sentence],
    reading: (&Reading, &Reading),
    lex: &Lexicon,
    opts: &AlignOptions,
) -> Alignment {
    let mut notes = Vec::new();
    let (n, m) = (a.len(), b.len());
    let na: Vec<Cow<'_, str>> = a.iter().map(|s| normalized(&s.text)).collect();
    let nb: Vec<Cow<'_, str>> = b.iter().map(|s| normalized(&s.text)).collect();

    // Exact matches, grouped by text. The maps are only looked up; groups are visited in
    // order of first occurrence (below), so no hash order reaches the result.
    let mut groups_a: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in na.iter().enumerate() {
        groups_a.entry(t.as_ref()).or_default().push(i);
    }
    let mut groups_b: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, t) in nb.iter().enumerate() {
        groups_b.entry(t.as_ref()).or_default().push(j);
    }
    let first_of = |groups: &HashMap<&str, Vec<usize>>, texts: &[Cow<'_, str>]| -> Vec<usize> {
        (0..texts.len())
            .filter(|&k| groups.get(texts[k].as_ref()).is_some_and(|g| g[0] == k))
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
        let t = nb[j0].as_ref();
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
        let t = na[i0].as_ref();
        let ia = &groups_a[t];
        if ia.len() > opts.max_repeats && !groups_b.contains_key(t) {
            over_repeated += 1;
            for &i in ia {
                repeated_a[i] = true;
            }
        }
    }
    for &j0 in &firsts_b {
        let t = nb[j0].as_ref();
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
            NoteReason::Repeated {
                sentences: over_repeated,
                max_repeats: opts.max_repeats,
            },
        );
    }

    let coarse = n > opts.max_sentences || m > opts.max_sentences;
    if coarse {
        fallback(
            &mut notes,
            NoteReason::TooManySentences {
                a: n,
                b: m,
                max: opts.max_sentences,
            },
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
        let mut firsts: Vec<(&Sentence, &Reading, usize)> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let read = (a.iter().enumerate().map(|(k, s)| (s, reading.0, k)))
            .chain(b.iter().enumerate().map(|(k, s)| (s, reading.1, k)));
        let needs = exact_a
            .iter()
            .zip(&repeated_a)
            .chain(exact_b.iter().zip(&repeated_b))
            .map(|(e, r)| !e && !r);
        for ((t, need), (sentence, r, k)) in na.iter().chain(nb.iter()).zip(needs).zip(read) {
            if !need {
                // Paired by identity or by repetition: never scored, so not tokenised, and
                // not counted in the document frequencies either (IDF is learnt over the
                // sentences still to be aligned).
                slot.push(usize::MAX);
                continue;
            }
            let k = *distinct.entry(t.as_ref()).or_insert_with(|| {
                texts.push(t.as_ref());
                firsts.push((sentence, r, k));
                counts.push(0);
                texts.len() - 1
            });
            counts[k] += 1;
            slot.push(k);
        }
        let mut porter = similarity::PorterCache::new(lex.len());
        let stems = firsts
            .iter()
            .map(|&(s, r, k)| porter.stems(s, &r.tokens(k, s, lex)))
            .collect();
        similarity::Model::with_stems(stems, &counts)
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
        let mut work: u64 = 0;
        for j in 0..m {
            if repeated_b[j] || exact_b[j] {
                continue;
            }
            if opts.max_work.is_some_and(|budget| work >= budget) {
                deadline_hit = Some(j);
                break;
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
                    work = work.saturating_add(post.len() as u64);
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
                work = work.saturating_add(SIMILARITY_WORK);
                let floor = if a[i].furniture {
                    opts.min_furniture
                } else {
                    opts.min_similarity.min(opts.min_join)
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
                NoteReason::WorkBudget {
                    budget: opts.max_work.unwrap_or_default(),
                    scored: j,
                    of: m,
                },
            );
        }
        if unindexable > 100 && unindexable * 2 > with_words {
            fallback(
                &mut notes,
                NoteReason::Unindexable {
                    sentences: unindexable,
                    max_postings: opts.max_postings,
                },
            );
        }
    }
    // Global pairing, strongest evidence first (module doc, step 3): candidates are visited
    // once, in `pair_order`. One list (the scored pairs and the exact ones moved into it):
    // on a long heavily reworded pair it is the aligner's largest structure. `pair_order` is
    // total on distinct pairs, and no pair is both exact and scored, so the unstable sort
    // gives the stable sort's order.
    let mut order = scored;
    order.append(&mut pairs);
    drop(pairs);
    order.retain(|p| p.sim >= opts.min_similarity.min(opts.min_join) || p.sim >= 1.0);
    order.sort_unstable_by(pair_order);
    let mut group_of_a: Vec<Option<usize>> = vec![None; n];
    let mut group_of_b: Vec<Option<usize>> = vec![None; m];
    let mut groups: Vec<Group> = Vec::new();
    let exact = order.partition_point(|p| p.sim >= 1.0);
    let open = |groups: &mut Vec<Group>,
                group_of_a: &mut Vec<Option<usize>>,
                group_of_b: &mut Vec<Option<usize>>,
                p: Pair| {
        group_of_a[p.i] = Some(groups.len());
        group_of_b[p.j] = Some(groups.len());
        groups.push(Group {
            a: vec![p.i],
            b: vec![p.j],
            sim: p.sim,
            moved: false,
        });
    };
    for &p in &order[..exact] {
        if group_of_a[p.i].is_none() && group_of_b[p.j].is_none() {
            open(&mut groups, &mut group_of_a, &mut group_of_b, p);
        }
    }
    // The headline pairs with the headline: two write-ups of one story put their titles on
    // the same event in words that rarely overlap ("Indictment expected for Grimm" / "Federal
    // prosecutors plan to file charges against Rep. Grimm"). (Letting a better match of either
    // headline win instead scored lower on the real pairs.)
    if !coarse {
        if let (Some(i), Some(j)) = (top_headline(a), top_headline(b)) {
            let free = group_of_a[i].is_none() && group_of_b[j].is_none();
            let story = !a[i].furniture && !b[j].furniture;
            if free && story && slot[i] != usize::MAX && slot[n + j] != usize::MAX {
                let sim = similarity::similarity(fa(i), fb(j));
                open(
                    &mut groups,
                    &mut group_of_a,
                    &mut group_of_b,
                    Pair { i, j, sim },
                );
            }
        }
    }
    for &p in &order[exact..] {
        match (group_of_a[p.i], group_of_b[p.j]) {
            (None, None) if p.sim >= opts.min_similarity => {
                open(&mut groups, &mut group_of_a, &mut group_of_b, p);
            }
            (None, Some(g)) | (Some(g), None) if p.sim >= opts.min_join && !coarse => {
                let is_a = group_of_a[p.i].is_none();
                let k = if is_a { p.i } else { p.j };
                if can_join(&groups[g], is_a, k, a, b, &slot, &feats, opts) {
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
            _ => {}
        }
    }

    // Gap fill: an unpaired A and B sentence that stand between the same two rows (or a row
    // and the start or end of both texts) pair on weaker evidence when most of one is found
    // in the other: a sentence cut down or padded out in place. Gaps with more than
    // `GAP_CELLS` pairs are left alone, so the pass stays linear. Skipped once the budget
    // has struck.
    if !coarse && !cut_short {
        let neighbours = |group_of: &[Option<usize>]| {
            let len = group_of.len();
            let mut before = vec![None; len];
            let mut after = vec![None; len];
            let mut last = None;
            for k in 0..len {
                before[k] = last;
                if group_of[k].is_some() {
                    last = group_of[k];
                }
            }
            last = None;
            for k in (0..len).rev() {
                after[k] = last;
                if group_of[k].is_some() {
                    last = group_of[k];
                }
            }
            (before, after)
        };
        let (before_a, after_a) = neighbours(&group_of_a);
        let (before_b, after_b) = neighbours(&group_of_b);
        // Unpaired story sentences by the row before them and by the row after them.
        let free = |k: usize, is_a: bool| {
            if is_a {
                group_of_a[k].is_none() && !a[k].furniture && slot[k] != usize::MAX
            } else {
                group_of_b[k].is_none() && !b[k].furniture && slot[n + k] != usize::MAX
            }
        };
        type Buckets = HashMap<Option<usize>, Vec<usize>>;
        let bucket = |keys: &[Option<usize>], is_a: bool| {
            let mut out: Buckets = HashMap::new();
            for (k, key) in keys.iter().enumerate() {
                if free(k, is_a) {
                    out.entry(*key).or_default().push(k);
                }
            }
            out
        };
        let (ba_before, bb_before) = (bucket(&before_a, true), bucket(&before_b, false));
        let (ba_after, bb_after) = (bucket(&after_a, true), bucket(&after_b, false));
        let mut gap: Vec<Pair> = Vec::new();
        for i in (0..n).filter(|&i| free(i, true)) {
            let mut js: Vec<usize> = Vec::new();
            for (key, mine, theirs) in [
                (before_a[i], &ba_before, &bb_before),
                (after_a[i], &ba_after, &bb_after),
            ] {
                let Some(t) = theirs.get(&key) else { continue };
                // Large gaps are left alone, so the pass stays linear.
                if mine.get(&key).map_or(0, Vec::len) * t.len() <= GAP_CELLS {
                    js.extend(t);
                }
            }
            js.sort_unstable();
            js.dedup();
            for j in js {
                let sim = similarity::similarity(fa(i), fb(j));
                let cover = similarity::containment(fa(i), fb(j))
                    .max(similarity::containment(fb(j), fa(i)));
                if sim >= opts.min_gap_similarity && cover >= opts.min_gap_containment {
                    gap.push(Pair { i, j, sim });
                }
            }
        }
        gap.sort_by(pair_order);
        for p in gap {
            if group_of_a[p.i].is_none() && group_of_b[p.j].is_none() {
                open(&mut groups, &mut group_of_a, &mut group_of_b, p);
            }
        }
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

    // In order or moved: the heaviest chain of rows increasing in both texts (by their first
    // sentences) keeps its order; every other row moved.
    let firsts: Vec<Pair> = groups
        .iter()
        .map(|g| Pair {
            i: g.a[0],
            j: g.b[0],
            sim: g.sim,
        })
        .collect();
    let mut in_order = vec![false; groups.len()];
    for p in heaviest_chain(&firsts, n) {
        if let Some(g) = group_of_b[p.j] {
            in_order[g] = true;
        }
    }
    for (g, keep) in groups.iter_mut().zip(in_order) {
        g.moved = !keep;
    }

    // Each row's similarity is worked out now, while the features are at hand; then the
    // pairing's working data (features, candidate pairs, exact-match groups) is freed before
    // the rows and their word diffs are built, so that the two never stand in memory together
    // (on a heavily reworded 1 MB pair they were the peak).
    let sims: Vec<Option<f64>> = groups
        .iter()
        .map(|g| {
            if coarse || joined_eq(&na, &g.a, &nb, &g.b) {
                None
            } else {
                Some(similarity::similarity(
                    &Features::union(g.a.iter().map(|&i| &feats[slot[i]])),
                    &Features::union(g.b.iter().map(|&j| &feats[slot[n + j]])),
                ))
            }
        })
        .collect();
    drop(feats);
    drop(slot);
    drop(groups_a);
    drop(groups_b);
    drop(order);

    // Rows in reading order of B; dropped rows where they stood in A. One row a group, one
    // for each sentence left alone: the exact count, so that the rows are allocated once.
    let alone = |group_of: &[Option<usize>]| group_of.iter().filter(|g| g.is_none()).count();
    let mut rows = Vec::with_capacity(groups.len() + alone(&group_of_a) + alone(&group_of_b));
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
                let (row, whole) = make_row(grp, a, b, &na, &nb, sims[g]);
                rows.push(row);
                diffed_whole += usize::from(whole);
                if !grp.moved {
                    // The A sentences dropped inside this row's span, and right after it,
                    // follow it.
                    flush(&mut rows, &mut next_a, grp.a[grp.a.len() - 1] + 1);
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
            NoteReason::DiffedWhole {
                rows: diffed_whole,
                max_tokens: worddiff::MAX_DIFF_TOKENS,
            },
        );
    }
    Alignment { rows, notes }
}

/// Whether the row's A sentences and B sentences, white space collapsed and joined by one
/// space, read the same (without building the two texts).
fn joined_eq(na: &[Cow<'_, str>], ia: &[usize], nb: &[Cow<'_, str>], ib: &[usize]) -> bool {
    fn joined<'a>(texts: &'a [Cow<'_, str>], ids: &'a [usize]) -> impl Iterator<Item = u8> + 'a {
        ids.iter().enumerate().flat_map(move |(k, &i)| {
            let sep: &[u8] = if k == 0 { b"" } else { b" " };
            sep.iter().chain(texts[i].as_bytes()).copied()
        })
    }
    joined(na, ia).eq(joined(nb, ib))
}

/// The row of group `g`. `sim`: the similarity of its two sides, worked out from the features
/// beforehand for a row whose sides differ (`None` for a row whose sides read the same, and
/// on the coarse path, where there are no features).
fn make_row(
    g: &Group,
    a: &[Sentence],
    b: &[Sentence],
    na: &[Cow<'_, str>],
    nb: &[Cow<'_, str>],
    sim: Option<f64>,
) -> (Row, bool) {
    let ta =
        g.a.iter()
            .map(|&i| na[i].as_ref())
            .collect::<Vec<_>>()
            .join(" ");
    let tb =
        g.b.iter()
            .map(|&j| nb[j].as_ref())
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
        let sim = sim.unwrap_or(0.0);
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

    #[test]
    fn normalized_borrows_only_what_normalize_ws_leaves_alone() {
        for t in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\u{a0}b",
            "a\nb",
            "a b c",
            "  ",
            "\u{2003}x",
        ] {
            let n = normalized(t);
            assert_eq!(n, normalize_ws(t), "{t:?}");
            assert_eq!(matches!(n, Cow::Borrowed(_)), normalize_ws(t) == t, "{t:?}");
        }
    }

    fn s(texts: &[&str]) -> Vec<Sentence> {
        crate::report::sentences_from(texts)
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
