//! align::eval: corpus texts (already read) → labelled pairs → figures, shared by the
//! evaluation harnesses (`examples/eval_similarity.rs`, `examples/eval_align.rs`) and the
//! corpus regression test (`tests/align_corpora.rs`).
//!
//! Input: the contents of the corpus files as strings (the callers read them). Output: parsed
//! pairs and metrics. Invariants: no I/O, no printing; malformed lines are skipped, not fatal.

use super::similarity::Model;
use super::{align, jaccard, AlignOptions};
use crate::report::{RowOp, Sentence};

/// A sentence pair with a gold label or score.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub a: String,
    pub b: String,
    /// 0/1 for MSRP, 0..=5 for STS.
    pub gold: f64,
}

/// Parses an MSRP file (tab-separated `Quality, #1 ID, #2 ID, #1 String, #2 String`, a BOM,
/// a header line).
pub fn parse_msrp(text: &str) -> Vec<Pair> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 5).then(|| Pair {
                a: f[3].to_string(),
                b: f[4].to_string(),
                gold: f[0].trim().parse().unwrap_or(0.0),
            })
        })
        .collect()
}

/// Parses an STS-B news TSV (`genre filename year id score sentence1 sentence2 …`, header).
pub fn parse_sts(text: &str) -> Vec<Pair> {
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let gold = f.get(4)?.trim().parse().ok()?;
            Some(Pair {
                a: f.get(5)?.to_string(),
                b: f.get(6)?.to_string(),
                gold,
            })
        })
        .collect()
}

/// Accuracy, precision, recall and F1 of the positive class at `threshold` (score ≥ t ⇒ 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Binary {
    pub threshold: f64,
    pub accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Scores `scores` against 0/1 `gold` at `threshold`.
pub fn binary(scores: &[f64], gold: &[f64], threshold: f64) -> Binary {
    let (mut tp, mut fp, mut tn, mut fn_) = (0.0, 0.0, 0.0, 0.0);
    for (s, g) in scores.iter().zip(gold) {
        match (*s >= threshold, *g >= 0.5) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, false) => tn += 1.0,
            (false, true) => fn_ += 1.0,
        }
    }
    let n: f64 = tp + fp + tn + fn_;
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Binary {
        threshold,
        accuracy: if n > 0.0 { (tp + tn) / n } else { 0.0 },
        precision,
        recall,
        f1,
    }
}

/// The threshold that maximises accuracy on (`scores`, `gold`); ties go to the lowest.
pub fn best_threshold(scores: &[f64], gold: &[f64]) -> f64 {
    let mut cands: Vec<f64> = scores.to_vec();
    cands.sort_by(f64::total_cmp);
    cands.dedup();
    let mut best = (f64::MIN, 0.5);
    for t in cands {
        let acc = binary(scores, gold, t).accuracy;
        if acc > best.0 {
            best = (acc, t);
        }
    }
    best.1
}

fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&i, &j| x[i].total_cmp(&x[j]).then(i.cmp(&j)));
    let mut r = vec![0.0; x.len()];
    let mut k = 0;
    while k < idx.len() {
        let mut e = k;
        while e + 1 < idx.len() && x[idx[e + 1]] == x[idx[k]] {
            e += 1;
        }
        let avg = (k + e) as f64 / 2.0 + 1.0;
        for &i in &idx[k..=e] {
            r[i] = avg;
        }
        k = e + 1;
    }
    r
}

/// Pearson correlation.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Spearman rank correlation (average ranks for ties).
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

/// A similarity function under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scorer {
    /// Word-set Jaccard (the published baseline).
    Jaccard,
    /// [`Model`] with IDF learnt from the given collection.
    Model,
}

/// Scores each pair with `scorer`, the model learnt from `background` sentences.
pub fn score_pairs(pairs: &[Pair], background: &[&str], scorer: Scorer) -> Vec<f64> {
    match scorer {
        Scorer::Jaccard => pairs.iter().map(|p| jaccard(&p.a, &p.b)).collect(),
        Scorer::Model => {
            let m = Model::new(background);
            pairs.iter().map(|p| m.similarity(&p.a, &p.b)).collect()
        }
    }
}

/// MSRP figures: threshold picked on `train`, scored on `test`.
pub fn msrp(train: &[Pair], test: &[Pair], scorer: Scorer) -> Binary {
    let bg: Vec<&str> = train
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    let tr = score_pairs(train, &bg, scorer);
    let gtr: Vec<f64> = train.iter().map(|p| p.gold).collect();
    let t = best_threshold(&tr, &gtr);
    let te = score_pairs(test, &bg, scorer);
    let gte: Vec<f64> = test.iter().map(|p| p.gold).collect();
    binary(&te, &gte, t)
}

/// STS figures `(pearson, spearman)` on `test`, IDF learnt from `background` sentences.
pub fn sts(test: &[Pair], background: &[&str], scorer: Scorer) -> (f64, f64) {
    let s = score_pairs(test, background, scorer);
    let g: Vec<f64> = test.iter().map(|p| p.gold).collect();
    (pearson(&s, &g), spearman(&s, &g))
}

/// Builds report sentences from plain sentence strings (ids in order, spans into the texts
/// joined by a newline, nothing flagged as furniture).
pub fn sentences_from(texts: &[&str]) -> Vec<Sentence> {
    let mut pos = 0;
    texts
        .iter()
        .enumerate()
        .map(|(id, t)| {
            let s = Sentence {
                id,
                start: pos,
                end: pos + t.len(),
                text: t.to_string(),
                furniture: false,
                role: crate::report::Role::Body,
                paragraph: id,
                dateline: None,
            };
            pos += t.len() + 1;
            s
        })
        .collect()
}

/// Counts for the IteraTeR check: untouched before-sentences that came out `equal` in a 1:1
/// row, and touched ones that did not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EqualCounts {
    /// Untouched and aligned `equal` 1:1.
    pub tp: usize,
    /// Touched (edited) but aligned `equal`.
    pub fp: usize,
    /// Untouched but not aligned `equal` 1:1.
    pub fn_: usize,
    /// Touched and not `equal`.
    pub tn: usize,
    /// Touched sentences that were paired (`edited`/`moved`) rather than dropped.
    pub touched_paired: usize,
}

/// Aligns `before` and `after` sentences and counts, for each before-sentence, whether it came
/// out `equal` 1:1 against whether it was left untouched by the revision.
pub fn equal_counts(before: &[Sentence], after: &[Sentence], untouched: &[bool]) -> EqualCounts {
    let al = align(before, after, &AlignOptions::default());
    let mut c = EqualCounts::default();
    for row in &al.rows {
        for &i in &row.a {
            let eq = row.op == RowOp::Equal && row.a.len() == 1 && row.b.len() == 1;
            let un = untouched.get(i).copied().unwrap_or(false);
            match (un, eq) {
                (true, true) => c.tp += 1,
                (true, false) => c.fn_ += 1,
                (false, true) => c.fp += 1,
                (false, false) => {
                    c.tn += 1;
                    if matches!(row.op, RowOp::Edited | RowOp::Moved) {
                        c.touched_paired += 1;
                    }
                }
            }
        }
    }
    c
}
