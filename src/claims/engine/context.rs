//! claims::engine::context: what each claim and each sentence of a side is about, as weighted
//! bags of word stems, and how alike two of them are.
//!
//! Decides no finding. It builds each [`Side`] the judges read — the side's claims with their
//! context bags (the content words of the claim's sentence, weighted by inverse sentence
//! frequency over both texts, the words near the claim counting more), the common words right
//! next to each claim, the frames of its dates and figures, and the sentences of the other
//! side that an aligned row pairs with each sentence — and the matrix of sentence similarities
//! (cosines of sentence bags, raised to the alignment's similarity inside a row). It also reads
//! them back for the judges: [`topic_sim`] (how alike two claims' contexts are),
//! [`best_sentence`] (the other side's closest sentence) and [`sentence_at`].
//!
//! Reads: each side's [`SideData`] (tokens, claims, mentions), its words as the text layer
//! read them with the [`Lexicon`] (each word's stem, stem key and class), and the alignment
//! rows. Writes: the two [`Side`]s and the similarity matrices; nothing else.
//!
//! Thresholds: `near_distance` and `near_weight` (the weight of the words near a claim in its
//! bag), `shared_near_bonus` and `max_shared_near` (the bonus [`topic_sim`] adds for words
//! right next to both claims).

use crate::claims::extract::{self, Claim, SideData, Val};
use crate::claims::frames::{self, Frame};
use crate::claims::{cues, Thresholds};
use crate::report::{Row, RowOp, SideId};
use crate::text::{Idf, Lexicon, Tok};

/// A weighted bag of word stems: (stem key, weight) sorted by key, with its Euclidean norm.
/// Stems are keyed by a fixed 64-bit hash, so that cosine is a merge of two sorted vectors
/// rather than string look-ups (the claim matcher computes thousands per pair).
#[derive(Default)]
pub(super) struct Bag {
    pub(super) items: Vec<(u64, f64)>,
    norm: f64,
}

/// Collects (stem, weight) entries into a [`Bag`], adding the weights of repeated stems.
#[derive(Default)]
struct BagBuilder(Vec<(u64, f64)>);

impl BagBuilder {
    fn add(&mut self, key: u64, weight: f64) {
        self.0.push((key, weight));
    }

    fn build(mut self) -> Bag {
        self.0.sort_by_key(|&(k, _)| k);
        let mut items: Vec<(u64, f64)> = Vec::with_capacity(self.0.len());
        for (k, w) in self.0 {
            match items.last_mut() {
                Some(last) if last.0 == k => last.1 += w,
                _ => items.push((k, w)),
            }
        }
        let norm = items.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
        Bag { items, norm }
    }
}

fn cosine(x: &Bag, y: &Bag) -> f64 {
    if x.norm == 0.0 || y.norm == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < x.items.len() && j < y.items.len() {
        let (ka, va) = x.items[i];
        let (kb, vb) = y.items[j];
        match ka.cmp(&kb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += va * vb;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (x.norm * y.norm)
}

/// One side with its bags.
pub(super) struct Side<'a> {
    pub(super) id: SideId,
    /// The thresholds of this comparison (the same for both sides).
    pub(super) t: &'a Thresholds,
    pub(super) data: SideData<'a>,
    /// Context bag of each claim.
    pub(super) bags: Vec<Bag>,
    /// Stem keys of the common words (not names) within three content words of each claim,
    /// sorted: the thing a date or figure is attached to ("summit").
    pub(super) near: Vec<Vec<u64>>,
    /// Bag of each sentence.
    sent_bags: Vec<Bag>,
    /// What each date or figure is about ([`frames`]); empty for other claims.
    pub(super) frames: Vec<Frame>,
    /// For each sentence, the sentences of the other side in its aligned row.
    pub(super) aligned_with: Vec<Vec<usize>>,
    /// For each stem key, the claims whose context bag holds it (ascending) with the key's
    /// weight in that bag: the claims with any context similarity to a given one, and the
    /// products of their cosine, without trying them all.
    pub(super) postings: rustc_hash::FxHashMap<u64, Vec<(usize, f64)>>,
}

impl<'a> Side<'a> {
    /// Side `id` with its bags: `lex` holds the stems of `data`'s words and `idf` is over both
    /// sides. [`sides`] fills `aligned_with`, which needs both sides.
    fn new(id: SideId, data: SideData<'a>, lex: &Lexicon, idf: &Idf, t: &'a Thresholds) -> Self {
        let info = tok_info(&data, lex, idf);
        let bags: Vec<Bag> = data
            .claims
            .iter()
            .map(|c| context_bag(&data, &info, c, t))
            .collect();
        let near = data
            .claims
            .iter()
            .map(|c| near_words(&data, &info, c))
            .collect();
        let sent_bags = info.iter().map(|i| sentence_bag(i)).collect();
        let frames = data
            .claims
            .iter()
            .map(|c| match c.val {
                Val::Date(_) | Val::Num(_) => frames::frame(&data, c),
                _ => Frame::default(),
            })
            .collect();
        let mut postings: rustc_hash::FxHashMap<u64, Vec<(usize, f64)>> = Default::default();
        for (k, bag) in bags.iter().enumerate() {
            for &(key, v) in &bag.items {
                postings.entry(key).or_default().push((k, v));
            }
        }
        Side {
            id,
            t,
            data,
            bags,
            near,
            sent_bags,
            frames,
            aligned_with: Vec::new(),
            postings,
        }
    }
}

/// Both sides of a comparison, A then B, from their extracted claims (`da`, `db`) and their
/// words as the text layer read them (`toks_a`, `toks_b`, per sentence): one IDF over the
/// stems of both, and for each sentence the sentences of the other side that an aligned row
/// (`equal`, `edited` or `moved`) pairs with it.
pub(super) fn sides<'a>(
    da: SideData<'a>,
    db: SideData<'a>,
    (toks_a, toks_b): (&[&[Tok]], &[&[Tok]]),
    lex: &Lexicon,
    rows: &[Row],
    t: &'a Thresholds,
) -> (Side<'a>, Side<'a>) {
    let mut idf = Idf::new(lex);
    idf.add(lex, toks_a);
    idf.add(lex, toks_b);
    let mut sa = Side::new(SideId::A, da, lex, &idf, t);
    let mut sb = Side::new(SideId::B, db, lex, &idf, t);
    // Sentences of the other side that one aligned row pairs with each sentence.
    sa.aligned_with = vec![Vec::new(); sa.data.sentences.len()];
    sb.aligned_with = vec![Vec::new(); sb.data.sentences.len()];
    for r in rows {
        if matches!(r.op, RowOp::Equal | RowOp::Edited | RowOp::Moved) {
            for &i in &r.a {
                for &j in &r.b {
                    if let (Some(x), Some(y)) =
                        (sa.aligned_with.get_mut(i), sb.aligned_with.get_mut(j))
                    {
                        x.push(j);
                        y.push(i);
                    }
                }
            }
        }
    }
    (sa, sb)
}

/// The similarity of every sentence of A with every sentence of B (`sim[i][j]`, the cosine of
/// their sentence bags, raised to the alignment's where a row pairs the two), and the same
/// matrix transposed (`simt[j][i]`) for the judges that look from B.
pub(super) fn sentence_similarity(
    sa: &Side<'_>,
    sb: &Side<'_>,
    rows: &[Row],
) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    // Sentence similarity (the cosine of sentence bags), raised to the alignment's where a
    // row pairs two sentences. Only pairs that share a stem can be above 0, so the products
    // are summed through postings of B's stems: for each pair the same products in the same
    // (ascending key) order as `cosine`'s merge, hence the same value, without visiting the
    // pairs that share nothing.
    let mut sim = vec![vec![0.0f64; sb.sent_bags.len()]; sa.sent_bags.len()];
    let mut postings: rustc_hash::FxHashMap<u64, Vec<(usize, f64)>> = Default::default();
    for (j, y) in sb.sent_bags.iter().enumerate() {
        if y.norm == 0.0 {
            continue;
        }
        for &(key, v) in &y.items {
            postings.entry(key).or_default().push((j, v));
        }
    }
    let mut dot = vec![0.0f64; sb.sent_bags.len()];
    let mut seen = vec![false; sb.sent_bags.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, x) in sa.sent_bags.iter().enumerate() {
        if x.norm == 0.0 {
            continue;
        }
        for &(key, va) in &x.items {
            for &(j, vb) in postings.get(&key).map_or(&[][..], Vec::as_slice) {
                if !seen[j] {
                    seen[j] = true;
                    touched.push(j);
                }
                dot[j] += va * vb;
            }
        }
        for j in touched.drain(..) {
            sim[i][j] = dot[j] / (x.norm * sb.sent_bags[j].norm);
            (dot[j], seen[j]) = (0.0, false);
        }
    }
    for r in rows {
        if matches!(r.op, RowOp::Equal | RowOp::Edited | RowOp::Moved) {
            for &i in &r.a {
                for &j in &r.b {
                    if i < sim.len() && j < sim[i].len() {
                        sim[i][j] = sim[i][j].max(r.similarity);
                    }
                }
            }
        }
    }
    let simt: Vec<Vec<f64>> = (0..sb.sent_bags.len())
        .map(|j| (0..sa.sent_bags.len()).map(|i| sim[i][j]).collect())
        .collect();
    (sim, simt)
}

/// What the bags need of each token, worked out once per side: its stem's key, the stem's
/// weight, and whether it is a stop word or a figure.
struct TokInfo {
    key: u64,
    weight: f64,
    stop: bool,
    numeric: bool,
    any_digit: bool,
}

fn tok_info(data: &SideData<'_>, lex: &Lexicon, idf: &Idf) -> Vec<Vec<TokInfo>> {
    data.toks
        .iter()
        .map(|toks| {
            toks.iter()
                .map(|t| {
                    let stem = lex.stem_of(t.id);
                    TokInfo {
                        key: lex.key(stem),
                        weight: idf.weight(stem),
                        stop: lex.is_stop(t.id),
                        numeric: lex.is_numeric(t.id),
                        any_digit: lex.has_digit(t.id),
                    }
                })
                .collect()
        })
        .collect()
}

fn context_bag(data: &SideData<'_>, info: &[Vec<TokInfo>], c: &Claim, t: &Thresholds) -> Bag {
    let mut bag = BagBuilder::default();
    // Content words only; distance counts content words between the word and the claim.
    let content: Vec<(&extract::Tok, &TokInfo)> = data.toks[c.sidx]
        .iter()
        .zip(&info[c.sidx])
        .filter(|(t, _)| !(t.start >= c.start && t.end <= c.end))
        .filter(|(_, i)| !i.stop && !i.numeric)
        .collect();
    let split = content
        .iter()
        .position(|(t, _)| t.start >= c.end)
        .unwrap_or(content.len());
    for (k, (_, i)) in content.iter().enumerate() {
        let dist = if k < split { split - k } else { k - split + 1 };
        let weight = i.weight
            * if dist <= t.near_distance {
                t.near_weight
            } else {
                1.0
            };
        bag.add(i.key, weight);
    }
    bag.build()
}

fn near_words(data: &SideData<'_>, info: &[Vec<TokInfo>], c: &Claim) -> Vec<u64> {
    // Words inside a quote are the speaker's, not what a figure outside it counts.
    let quoted = data.in_quote(c.sidx, c.start);
    let content: Vec<(&extract::Tok, &TokInfo)> = data.toks[c.sidx]
        .iter()
        .zip(&info[c.sidx])
        .filter(|(t, _)| !(t.start >= c.start && t.end <= c.end))
        .filter(|(t, _)| quoted || !data.in_quote(c.sidx, t.start))
        .filter(|(t, i)| !i.stop && t.lower.len() > 2 && !i.any_digit)
        .collect();
    let split = content
        .iter()
        .position(|(t, _)| t.start >= c.end)
        .unwrap_or(content.len());
    let lo = split.saturating_sub(3);
    let hi = (split + 3).min(content.len());
    let mut out: Vec<u64> = content[lo..hi]
        .iter()
        .filter(|(t, _)| {
            !data.mentions[c.sidx]
                .iter()
                .any(|m| m.0 <= t.start && t.end <= m.1)
        })
        .filter(|(t, _)| !cues::NOT_NAMES.contains(&t.lower.as_str()))
        .map(|(_, i)| i.key)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many items two sorted lists share, counting repeats (for word lists, a bound on the
/// length of their longest common subsequence).
pub(super) fn shared_sorted<T: Ord>(x: &[T], y: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Topic similarity of claim `i` of `x` and claim `j` of `y`: the cosine of their context
/// bags, plus [`Thresholds::shared_near_bonus`] for each shared word right next to both (at
/// most [`Thresholds::max_shared_near`]).
pub(super) fn topic_sim(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> f64 {
    near_bonus(x, i, y, j) + cosine(&x.bags[i], &y.bags[j])
}

/// [`topic_sim`] given the dot product of the two bags (summed in ascending key order, as
/// `cosine` sums it).
pub(super) fn topic_sim_of_dot(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize, dot: f64) -> f64 {
    near_bonus(x, i, y, j) + dot / (x.bags[i].norm * y.bags[j].norm)
}

fn near_bonus(x: &Side<'_>, i: usize, y: &Side<'_>, j: usize) -> f64 {
    let t = x.t;
    let shared = shared_sorted(&x.near[i], &y.near[j]).min(t.max_shared_near);
    t.shared_near_bonus * shared as f64
}

fn sentence_bag(info: &[TokInfo]) -> Bag {
    let mut bag = BagBuilder::default();
    for i in info.iter().filter(|i| !i.stop) {
        bag.add(i.key, i.weight);
    }
    bag.build()
}

/// The sentence (index into the side's sentences) that holds byte `pos`.
pub(super) fn sentence_at(x: &Side<'_>, pos: usize) -> usize {
    let s = x.data.sentences;
    s.partition_point(|t| t.end <= pos)
        .min(s.len().saturating_sub(1))
}

/// The sentence of `y` most like sentence `i` of `x`.
pub(super) fn best_sentence(s: &[Vec<f64>], i: usize, aligned: &[usize]) -> Option<(usize, f64)> {
    // On a tie, the sentence an aligned row pairs with this one: a text repeating a sentence
    // nearly word for word ("… rise of 5 percent" / "… not … rise of 5 percent") must not
    // have the repeat stand for the sentence's own partner.
    s.get(i)?
        .iter()
        .enumerate()
        .fold(None, |acc: Option<(usize, f64)>, (j, &v)| match acc {
            Some((k, b))
                if b > v || (b == v && (aligned.contains(&k) || !aligned.contains(&j))) =>
            {
                acc
            }
            _ => Some((j, v)),
        })
}
