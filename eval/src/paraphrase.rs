//! paraphrase: two sentence texts (and an IDF [`Model`]) → lexical overlap features →
//! paraphrase probability in `0..=1` from a logistic regression learnt on MSRP train.
//!
//! Input: a [`Model`] (document frequencies of a collection) and two texts. Output:
//! [`paraphrase_features`] (a fixed-length vector of symmetric overlap measures) and
//! [`paraphrase_score`] (the logistic combination of those features with the coefficients in
//! [`MSRP_LOGISTIC`]). Invariants: symmetric in the two texts, deterministic, never NaN, no
//! panic on any input; cost linear in the text lengths except the word LCS, which is capped.
//!
//! This is a binary paraphrase judgement (same fact, same detail?), trained to the MSRP notion
//! of paraphrase, which punishes extra clauses and rewards surface overlap including function
//! words. The aligner keeps using the weighted Dice of [`storydiff::align::similarity`]: it
//! must pair a sentence with a shortened or split counterpart and must not reward shared function words,
//! which is the opposite of what MSRP labels ask for; its thresholds were set on that score.
//! So this model lives here, out of the library: a yardstick that `eval_similarity` prints
//! beside the aligner's score.

use std::collections::HashSet;

use storydiff::align::similarity::{
    containment, matched, similarity, words, Class, Features, Model,
};

/// Number of features in [`paraphrase_features`].
pub const N_FEATURES: usize = 24;

/// Names of the features, in order (for the harness printout).
pub const FEATURE_NAMES: [&str; N_FEATURES] = [
    "weighted_dice",
    "containment_min",
    "containment_max",
    "token_jaccard",
    "stem_jaccard",
    "bigram_dice",
    "trigram_dice",
    "char3_dice",
    "char4_dice",
    "length_diff",
    "lcs_max",
    "lcs_min",
    "numbers_equal",
    "numbers_mismatch",
    "names_unmatched",
    "negation_mismatch",
    "unmatched_weight",
    "unmatched_content",
    "token_cont_min",
    "token_cont_max",
    "weighted_dice_sq",
    "lcs_max_sq",
    "char3_dice_sq",
    "log_length",
];

/// Longest word sequence (per side) on which the LCS is computed; longer texts use their
/// first `LCS_CAP` words (keeps the quadratic table below 4 M cells).
const LCS_CAP: usize = 2000;

/// A logistic regression over standardised features:
/// `p = σ(bias + Σ_k weights[k] · (x[k] − mean[k]) / scale[k])`.
#[derive(Debug, Clone, PartialEq)]
pub struct Logistic {
    pub mean: [f64; N_FEATURES],
    pub scale: [f64; N_FEATURES],
    pub weights: [f64; N_FEATURES],
    pub bias: f64,
    /// Probability at or above which a pair is judged a paraphrase (picked for accuracy on the
    /// training data).
    pub threshold: f64,
}

impl Logistic {
    /// The probability of the positive class for feature vector `x`.
    ///
    /// The regression is fitted on MSRP, whose pairs all share many words; far outside that
    /// range (little overlap) its linear terms extrapolate wrongly (an unrelated pair would
    /// score high because the weighted-Dice weight is negative once the other overlaps are
    /// known), so the probability is scaled down linearly when the weighted Dice overlap
    /// `x[0]` is below [`OVERLAP_FLOOR`].
    pub fn predict(&self, x: &[f64; N_FEATURES]) -> f64 {
        let mut z = self.bias;
        for (k, &xk) in x.iter().enumerate() {
            let s = if self.scale[k] > 0.0 {
                self.scale[k]
            } else {
                1.0
            };
            z += self.weights[k] * (xk - self.mean[k]) / s;
        }
        sigmoid(z) * (x[0] / OVERLAP_FLOOR).clamp(0.0, 1.0)
    }
}

fn sigmoid(z: f64) -> f64 {
    if !z.is_finite() {
        return if z > 0.0 { 1.0 } else { 0.0 };
    }
    1.0 / (1.0 + (-z).exp())
}

/// Coefficients learnt on the MSRP training set (4,076 pairs) only, never on its test set, by
/// [`fit_logistic`] (full-batch gradient descent, L2 = [`FIT_L2`], [`FIT_ITERS`] steps of
/// [`FIT_RATE`]; IDF from the train sentences; threshold = the train-accuracy optimum).
/// Re-derive with `cargo run --release --example eval_similarity -- fit`, which prints this
/// table. MSRP (Microsoft Research Paraphrase Corpus) is licensed for non-commercial use only
/// (../shared/corpora/msrp); these numbers are a figure derived from it, not its text.
pub const MSRP_LOGISTIC: Logistic = Logistic {
    mean: [
        0.668492, 0.617177, 0.737933, 0.518786, 0.531433, 0.479600, 0.372427, 0.677835, 0.626654,
        0.150336, 0.574084, 0.678341, 0.159961, 0.228219, 0.303636, 0.043180, 3.814620, 2.003152,
        0.621200, 0.725787, 0.478277, 0.351567, 0.480309, 3.015986,
    ],
    scale: [
        0.177189, 0.178533, 0.186877, 0.166970, 0.169785, 0.199194, 0.222266, 0.144393, 0.158007,
        0.100155, 0.148306, 0.165018, 0.366570, 0.396037, 0.348767, 0.203261, 0.682888, 0.516329,
        0.146198, 0.156043, 0.221244, 0.172187, 0.193199, 0.262412,
    ],
    weights: [
        -2.120361, 1.673339, 1.256644, -0.159311, 0.532795, 0.024014, -1.013370, 0.588965,
        -0.581813, 0.491684, 1.213694, -1.579026, 0.041275, -0.023526, 0.150140, -0.199723,
        -1.192284, 0.575628, -0.193327, -0.046257, -0.844222, 1.576364, 0.806075, -0.005618,
    ],
    bias: 1.193853,
    threshold: 0.452048,
};

/// L2 penalty used by [`fit_logistic`] for [`MSRP_LOGISTIC`].
pub const FIT_L2: f64 = 1e-5;
/// Gradient-descent steps used for [`MSRP_LOGISTIC`].
pub const FIT_ITERS: usize = 20000;
/// Step size used for [`MSRP_LOGISTIC`].
pub const FIT_RATE: f64 = 0.5;

/// Paraphrase probability of `a` and `b` under [`MSRP_LOGISTIC`], IDF from `model`.
pub fn paraphrase_score(model: &Model, a: &str, b: &str) -> f64 {
    let x = paraphrase_features(model, a, b);
    MSRP_LOGISTIC.predict(&x)
}

/// Weighted Dice overlap under which [`paraphrase_score`] is scaled down (MSRP pairs lie
/// almost all above it).
pub const OVERLAP_FLOOR: f64 = 0.3;

/// Whether `a` and `b` are judged paraphrases (probability ≥ the table's threshold).
pub fn is_paraphrase(model: &Model, a: &str, b: &str) -> bool {
    paraphrase_score(model, a, b) >= MSRP_LOGISTIC.threshold
}

fn dice<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

fn jacc<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let u = a.union(b).count();
    if u == 0 {
        return 1.0;
    }
    a.intersection(b).count() as f64 / u as f64
}

fn cont<T: Eq + std::hash::Hash>(part: &HashSet<T>, whole: &HashSet<T>) -> f64 {
    if part.is_empty() {
        return 1.0;
    }
    part.intersection(whole).count() as f64 / part.len() as f64
}

fn ngrams(ws: &[String], n: usize) -> HashSet<String> {
    ws.windows(n).map(|w| w.join(" ")).collect()
}

fn char_grams(ws: &[String], n: usize) -> HashSet<Vec<char>> {
    let chars: Vec<char> = ws.join(" ").chars().collect();
    chars.windows(n).map(<[char]>::to_vec).collect()
}

fn lcs(a: &[String], b: &[String]) -> usize {
    let a = &a[..a.len().min(LCS_CAP)];
    let b = &b[..b.len().min(LCS_CAP)];
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn stem_set(f: &Features, class: Option<Class>) -> HashSet<u64> {
    f.tokens
        .iter()
        .filter(|t| class.is_none_or(|c| t.class == c))
        .map(|t| t.key)
        .collect()
}

fn negated(ws: &[String]) -> bool {
    ws.iter()
        .any(|w| matches!(w.as_str(), "not" | "no" | "never" | "t" | "nt" | "nor"))
}

/// The feature vector of a pair (names in [`FEATURE_NAMES`]); every entry symmetric in `a`
/// and `b`, finite, and in `0..=1` except `unmatched_weight` and `unmatched_content` (≥ 0,
/// log-scaled).
pub fn paraphrase_features(model: &Model, a: &str, b: &str) -> [f64; N_FEATURES] {
    let (fa, fb) = (model.features(a), model.features(b));
    let wa: Vec<String> = words(a).into_iter().map(|w| w.lower).collect();
    let wb: Vec<String> = words(b).into_iter().map(|w| w.lower).collect();
    let (ta, tb): (HashSet<String>, HashSet<String>) =
        (wa.iter().cloned().collect(), wb.iter().cloned().collect());
    let (ca, cb) = (containment(&fa, &fb), containment(&fb, &fa));
    let (ma, mb) = matched(&fa, &fb);
    let (la, lb) = (wa.len() as f64, wb.len() as f64);
    let longest = la.max(lb).max(1.0);
    let shortest = la.min(lb).max(1.0);
    let l = lcs(&wa, &wb) as f64;

    let num = |f: &Features| stem_set(f, Some(Class::Number));
    let (na, nb) = (num(&fa), num(&fb));
    let numbers_equal = f64::from(u8::from(!na.is_empty() && na == nb));
    let numbers_mismatch = if na.is_empty() && nb.is_empty() {
        0.0
    } else {
        1.0 - jacc(&na, &nb)
    };
    // Names: a capitalised stem of one side missing from every stem of the other side.
    let (sa, sb) = (stem_set(&fa, None), stem_set(&fb, None));
    let (pa, pb) = (
        stem_set(&fa, Some(Class::Name)),
        stem_set(&fb, Some(Class::Name)),
    );
    let names_total = pa.len() + pb.len();
    let names_unmatched = if names_total == 0 {
        0.0
    } else {
        (pa.difference(&sb).count() + pb.difference(&sa).count()) as f64 / names_total as f64
    };
    let unmatched_content = fa
        .tokens
        .iter()
        .filter(|t| t.class != Class::Function && !sb.contains(&t.key))
        .count()
        + fb.tokens
            .iter()
            .filter(|t| t.class != Class::Function && !sa.contains(&t.key))
            .count();
    let unmatched_weight = ((fa.total - ma).max(0.0) + (fb.total - mb).max(0.0)).max(0.0);
    let (tca, tcb) = (cont(&ta, &tb), cont(&tb, &ta));

    let x = [
        similarity(&fa, &fb),
        ca.min(cb),
        ca.max(cb),
        jacc(&ta, &tb),
        jacc(&sa, &sb),
        dice(&ngrams(&wa, 2), &ngrams(&wb, 2)),
        dice(&ngrams(&wa, 3), &ngrams(&wb, 3)),
        dice(&char_grams(&wa, 3), &char_grams(&wb, 3)),
        dice(&char_grams(&wa, 4), &char_grams(&wb, 4)),
        (la - lb).abs() / longest,
        l / longest,
        l / shortest,
        numbers_equal,
        numbers_mismatch,
        names_unmatched,
        f64::from(u8::from(negated(&wa) != negated(&wb))),
        unmatched_weight.ln_1p(),
        (unmatched_content as f64).ln_1p(),
        tca.min(tcb),
        tca.max(tcb),
        0.0,
        0.0,
        0.0,
        longest.ln(),
    ];
    let mut x = x;
    x[20] = x[0] * x[0];
    x[21] = x[10] * x[10];
    x[22] = x[7] * x[7];
    x.map(|v| if v.is_finite() { v } else { 0.0 })
}

/// Fits a [`Logistic`] on feature vectors `x` with 0/1 labels `y` by full-batch gradient
/// descent on the mean log-loss plus `l2`·|w|² (features standardised with the data's mean
/// and standard deviation first). Deterministic; `threshold` is the accuracy optimum on the
/// same data. Returns an all-zero model for empty input.
pub fn fit_logistic(
    x: &[[f64; N_FEATURES]],
    y: &[f64],
    iters: usize,
    rate: f64,
    l2: f64,
) -> Logistic {
    let n = x.len().min(y.len());
    let mut m = Logistic {
        mean: [0.0; N_FEATURES],
        scale: [1.0; N_FEATURES],
        weights: [0.0; N_FEATURES],
        bias: 0.0,
        threshold: 0.5,
    };
    if n == 0 {
        return m;
    }
    let nf = n as f64;
    for k in 0..N_FEATURES {
        let mu = x[..n].iter().map(|r| r[k]).sum::<f64>() / nf;
        let var = x[..n]
            .iter()
            .map(|r| (r[k] - mu) * (r[k] - mu))
            .sum::<f64>()
            / nf;
        m.mean[k] = mu;
        m.scale[k] = if var > 1e-12 { var.sqrt() } else { 1.0 };
    }
    let z: Vec<[f64; N_FEATURES]> = x[..n]
        .iter()
        .map(|r| std::array::from_fn(|k| (r[k] - m.mean[k]) / m.scale[k]))
        .collect();
    for _ in 0..iters {
        let mut gw = [0.0; N_FEATURES];
        let mut gb = 0.0;
        for (r, &t) in z.iter().zip(&y[..n]) {
            let mut s = m.bias;
            s += m.weights.iter().zip(r).map(|(w, v)| w * v).sum::<f64>();
            let e = sigmoid(s) - t;
            gb += e;
            for (g, v) in gw.iter_mut().zip(r) {
                *g += e * v;
            }
        }
        m.bias -= rate * gb / nf;
        for (w, g) in m.weights.iter_mut().zip(&gw) {
            *w -= rate * (g / nf + 2.0 * l2 * *w);
        }
    }
    let p: Vec<f64> = x[..n].iter().map(|r| m.predict(r)).collect();
    m.threshold = crate::align::best_threshold(&p, &y[..n]);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_symmetric_and_finite() {
        let m = Model::new(&["The cat sat on the mat.", "A dog ran in 2024."]);
        let (a, b) = (
            "Amrozi accused his brother of distorting the evidence in 2003.",
            "Referring to him, Amrozi called his brother a liar, not 2004.",
        );
        let (x, y) = (paraphrase_features(&m, a, b), paraphrase_features(&m, b, a));
        for k in 0..N_FEATURES {
            assert!(x[k].is_finite(), "{}", FEATURE_NAMES[k]);
            assert!(
                (x[k] - y[k]).abs() < 1e-9,
                "{} {} {}",
                FEATURE_NAMES[k],
                x[k],
                y[k]
            );
        }
        assert_eq!(x[12], 0.0); // numbers differ
        assert!(x[13] > 0.99);
        assert_eq!(x[15], 1.0); // "not" on one side only
    }

    #[test]
    fn identical_scores_above_unrelated() {
        let m = Model::new(&[]);
        let s = "The company said profits rose 5 percent in the third quarter.";
        let same = paraphrase_score(&m, s, s);
        let other = paraphrase_score(&m, s, "Heavy rain flooded several villages overnight.");
        assert!(same > other, "{same} {other}");
        assert!(is_paraphrase(&m, s, s));
        assert!(!is_paraphrase(
            &m,
            s,
            "Heavy rain flooded several villages overnight."
        ));
    }

    #[test]
    fn empty_and_huge_inputs_do_not_panic() {
        let m = Model::new(&[]);
        let big = "word ".repeat(5000);
        for (a, b) in [("", ""), ("", "x"), (big.as_str(), "word"), ("’—", "\u{0}")] {
            let p = paraphrase_score(&m, a, b);
            assert!((0.0..=1.0).contains(&p));
        }
    }

    #[test]
    fn fit_separates_a_separable_toy_set() {
        let mut x = Vec::new();
        let mut y = Vec::new();
        for i in 0..40 {
            let mut r = [0.0; N_FEATURES];
            r[0] = f64::from(i) / 40.0;
            x.push(r);
            y.push(if i >= 20 { 1.0 } else { 0.0 });
        }
        let m = fit_logistic(&x, &y, 500, 0.5, 1e-4);
        assert!(m.weights[0] > 0.0);
        let p: Vec<f64> = x.iter().map(|r| m.predict(r)).collect();
        let b = crate::align::binary(&p, &y, m.threshold);
        assert_eq!(b.accuracy, 1.0);
    }
}
