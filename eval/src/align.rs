//! align: corpus texts (already read) → labelled pairs → figures for the aligner and its
//! sentence similarity, shared by the harnesses (`eval_similarity`, `eval_align`) and the
//! corpus regression test (`tests/it/align_corpora.rs`).
//!
//! Input: the contents of the corpus files as strings (the callers read them). Output: parsed
//! pairs and metrics. Invariants: no I/O, no printing; malformed lines are skipped, not fatal.

use std::collections::HashMap;

use storydiff::align::similarity::Model;
use storydiff::align::{align, jaccard, AlignOptions};
use storydiff::report::{RowOp, Sentence};

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
    /// [`crate::paraphrase::paraphrase_score`] (logistic regression learnt on MSRP train),
    /// IDF learnt from the given collection.
    Paraphrase,
}

/// Scores each pair with `scorer`, the model learnt from `background` sentences.
pub fn score_pairs(pairs: &[Pair], background: &[&str], scorer: Scorer) -> Vec<f64> {
    match scorer {
        Scorer::Jaccard => pairs.iter().map(|p| jaccard(&p.a, &p.b)).collect(),
        Scorer::Model => {
            let m = Model::new(background);
            pairs.iter().map(|p| m.similarity(&p.a, &p.b)).collect()
        }
        Scorer::Paraphrase => {
            let m = Model::new(background);
            pairs
                .iter()
                .map(|p| crate::paraphrase::paraphrase_score(&m, &p.a, &p.b))
                .collect()
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

/// The paraphrase feature vectors of `pairs`, IDF learnt from `background` sentences.
pub fn paraphrase_features(
    pairs: &[Pair],
    background: &[&str],
) -> Vec<[f64; crate::paraphrase::N_FEATURES]> {
    let m = Model::new(background);
    pairs
        .iter()
        .map(|p| crate::paraphrase::paraphrase_features(&m, &p.a, &p.b))
        .collect()
}

/// STS figures `(pearson, spearman)` on `test`, IDF learnt from `background` sentences.
pub fn sts(test: &[Pair], background: &[&str], scorer: Scorer) -> (f64, f64) {
    let s = score_pairs(test, background, scorer);
    let g: Vec<f64> = test.iter().map(|p| p.gold).collect();
    (pearson(&s, &g), spearman(&s, &g))
}

/// Report sentences from plain sentence strings (the library's own helper).
pub use storydiff::report::sentences_from;

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

fn alnum_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// One OneStopEnglish article in its three versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub title: String,
    pub ele: String,
    pub int: String,
    pub adv: String,
}

/// Parses `texts.jsonl` (fields `title`, `ele`, `int`, `adv`).
pub fn parse_stories(jsonl: &str) -> Vec<Story> {
    jsonl
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let f = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
            Some(Story {
                title: f("title")?,
                ele: f("ele")?,
                int: f("int")?,
                adv: f("adv")?,
            })
        })
        .collect()
}

/// Parses a `silver_aligned_<x>_<y>.jsonl` file into `(x sentence, y sentence)` pairs.
pub fn parse_silver(jsonl: &str, x: &str, y: &str) -> Vec<(String, String)> {
    jsonl
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some((
                v.get(x)?.as_str()?.to_string(),
                v.get(y)?.as_str()?.to_string(),
            ))
        })
        .collect()
}

/// A silver pair that the aligner did not put in one row, with what it did instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub x: String,
    pub y: String,
    /// The op and the other-side texts of the row holding `x`.
    pub x_row: (RowOp, Vec<String>),
    /// The op and the other-side texts of the row holding `y`.
    pub y_row: (RowOp, Vec<String>),
}

/// Agreement with one silver file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Agreement {
    /// Silver pairs in the file.
    pub silver: usize,
    /// Silver pairs whose two sentences our segmenter also produced, in one article.
    pub covered: usize,
    /// Covered pairs that our alignment puts in one row.
    pub agreed: usize,
    /// Sentence pairs in our paired rows that are not equal (each A×B combination).
    pub ours_changed: usize,
    /// Of those, pairs found in the silver file.
    pub ours_in_silver: usize,
    pub misses: Vec<Miss>,
}

/// Aligns version `x` with version `y` of every story and compares with the silver pairs.
pub fn onestop(stories: &[Story], x: &str, y: &str, silver: &[(String, String)]) -> Agreement {
    // The corpus separates paragraphs with one newline; storydiff reads a blank line as the
    // paragraph break, so the newlines are doubled.
    let pick = |s: &Story, k: &str| {
        match k {
            "ele" => &s.ele,
            "int" => &s.int,
            _ => &s.adv,
        }
        .replace('\n', "\n\n")
    };
    let mut index_x = Locator::default();
    let mut index_y = Locator::default();
    let mut row_x: Vec<Vec<usize>> = Vec::new();
    let mut row_y: Vec<Vec<usize>> = Vec::new();
    let mut all_rows = Vec::new();
    let mut sents = Vec::new();
    let mut pairs: std::collections::BTreeSet<(usize, usize, usize)> = Default::default();
    let mut out = Agreement {
        silver: silver.len(),
        ..Agreement::default()
    };
    for (k, st) in stories.iter().enumerate() {
        let (tx, ty) = (pick(st, x), pick(st, y));
        let (sx, sy) = (storydiff::sentences(&tx), storydiff::sentences(&ty));
        index_x.add(k, &sx);
        index_y.add(k, &sy);
        let al = align(&sx, &sy, &AlignOptions::default());
        let mut rx = vec![0; sx.len()];
        let mut ry = vec![0; sy.len()];
        for (r, row) in al.rows.iter().enumerate() {
            for &i in &row.a {
                rx[i] = r;
            }
            for &j in &row.b {
                ry[j] = r;
            }
            if row.op != RowOp::Equal {
                for &i in &row.a {
                    for &j in &row.b {
                        pairs.insert((k, i, j));
                    }
                }
            }
        }
        row_x.push(rx);
        row_y.push(ry);
        all_rows.push(al.rows);
        sents.push((sx, sy));
    }
    out.ours_changed = pairs.len();
    let mut silver_set: std::collections::BTreeSet<(usize, usize, usize)> = Default::default();
    for (px, py) in silver {
        let (lx, ly) = (index_x.find(px), index_y.find(py));
        let Some((k, xs, ys)) = lx.iter().find_map(|(k, xs)| {
            ly.iter()
                .find(|(k2, _)| k2 == k)
                .map(|(_, ys)| (*k, xs.clone(), ys.clone()))
        }) else {
            continue;
        };
        out.covered += 1;
        for &i in &xs {
            for &j in &ys {
                silver_set.insert((k, i, j));
            }
        }
        // Agreement: some sentence under the silver x and some under the silver y share a row.
        let hit = xs.iter().find_map(|&i| {
            ys.iter()
                .find(|&&j| row_x[k][i] == row_y[k][j])
                .map(|&j| (i, j))
        });
        let (i, j) = (xs[0], ys[0]);
        if hit.is_some() {
            out.agreed += 1;
        } else {
            let rows = &all_rows[k];
            let (sx, sy) = &sents[k];
            let rxr = &rows[row_x[k][i]];
            let ryr = &rows[row_y[k][j]];
            out.misses.push(Miss {
                x: px.clone(),
                y: py.clone(),
                x_row: (rxr.op, rxr.b.iter().map(|&b| sy[b].text.clone()).collect()),
                y_row: (ryr.op, ryr.a.iter().map(|&a| sx[a].text.clone()).collect()),
            });
        }
    }
    out.ours_in_silver = pairs.intersection(&silver_set).count();
    out
}

/// Finds where a sentence of another segmentation stands among our sentences: all texts of one
/// reading level as one string of lower-case letters and digits, each character tagged with
/// its story and our sentence id, indexed by the 12-character window starting at each place.
#[derive(Debug, Default)]
struct Locator {
    chars: Vec<char>,
    owner: Vec<(usize, usize)>,
    index: HashMap<u64, Vec<usize>>,
}

const WINDOW: usize = 12;

fn window_hash(w: &[char]) -> u64 {
    w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Locator {
    fn add(&mut self, story: usize, sentences: &[Sentence]) {
        let from = self.chars.len();
        for s in sentences {
            for c in alnum_key(&s.text).chars() {
                self.chars.push(c);
                self.owner.push((story, s.id));
            }
        }
        // Windows do not cross into the next story.
        let end = self.chars.len();
        for p in from..end.saturating_sub(WINDOW - 1) {
            self.index
                .entry(window_hash(&self.chars[p..p + WINDOW]))
                .or_default()
                .push(p);
        }
    }

    /// `(story, our sentence ids)` for each place where `text` occurs whole.
    fn find(&self, text: &str) -> Vec<(usize, Vec<usize>)> {
        let key: Vec<char> = alnum_key(text).chars().collect();
        if key.len() < WINDOW {
            return Vec::new();
        }
        let mut out = Vec::new();
        for &p in self
            .index
            .get(&window_hash(&key[..WINDOW]))
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let end = p + key.len();
            if end <= self.chars.len()
                && self.chars[p..end] == key[..]
                && self.owner[p].0 == self.owner[end - 1].0
            {
                let mut ids: Vec<usize> = self.owner[p..end].iter().map(|o| o.1).collect();
                ids.dedup();
                out.push((self.owner[p].0, ids));
            }
        }
        out
    }
}

/// One IteraTeR revision: the before text cut into its sentences, which of them no edit
/// touched, and the after text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub before: Vec<String>,
    pub untouched: Vec<usize>,
    pub after: String,
}

/// Joins `derived_edit_sentence_map.jsonl` with the doc-level files (by `doc_id` and
/// `revision_depth`) into revisions.
pub fn parse_revisions(map_jsonl: &str, doc_level_jsonl: &[&str]) -> Vec<Revision> {
    let mut after: std::collections::BTreeMap<(String, i64), String> = Default::default();
    for f in doc_level_jsonl {
        for l in f.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(l) else {
                continue;
            };
            if let (Some(id), Some(d), Some(t)) = (
                v.get("doc_id").and_then(|x| x.as_str()),
                v.get("revision_depth").and_then(|x| x.as_i64()),
                v.get("after_revision").and_then(|x| x.as_str()),
            ) {
                after.insert((id.to_string(), d), t.to_string());
            }
        }
    }
    map_jsonl
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let id = v.get("doc_id")?.as_str()?.to_string();
            let d = v.get("revision_depth")?.as_i64()?;
            let before = v
                .get("before_sentences")?
                .as_array()?
                .iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect();
            let untouched = v
                .get("untouched_before_sentence_indices")?
                .as_array()?
                .iter()
                .filter_map(|x| x.as_u64().map(|x| x as usize))
                .collect();
            Some(Revision {
                before,
                untouched,
                after: after.get(&(id, d))?.clone(),
            })
        })
        .collect()
}

/// Cuts the after text into sentences: each untouched before-sentence found verbatim stays
/// whole (so that segmentation differences do not count against the aligner), and the
/// stretches between are segmented by [`storydiff::sentences`].
pub fn after_sentences(rev: &Revision) -> Vec<Sentence> {
    let text = &rev.after;
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for &k in &rev.untouched {
        let Some(s) = rev.before.get(k).map(|s| s.trim()) else {
            continue;
        };
        if s.is_empty() {
            continue;
        }
        if let Some(p) = text.get(from..).and_then(|t| t.find(s)) {
            cuts.push((from + p, from + p + s.len()));
            from = from + p + s.len();
        }
    }
    let mut out: Vec<Sentence> = Vec::new();
    let push_stretch = |out: &mut Vec<Sentence>, start: usize, end: usize| {
        for mut s in storydiff::sentences(&text[start..end]) {
            s.start += start;
            s.end += start;
            out.push(s);
        }
    };
    let mut pos = 0;
    for (s, e) in cuts {
        push_stretch(&mut out, pos, s);
        out.push(Sentence {
            id: 0,
            start: s,
            end: e,
            text: text[s..e].to_string(),
            furniture: false,
            role: storydiff::report::Role::Body,
            paragraph: 0,
            dateline: None,
        });
        pos = e;
    }
    push_stretch(&mut out, pos, text.len());
    for (k, s) in out.iter_mut().enumerate() {
        s.id = k;
    }
    out
}

/// Equal-row counts over all revisions.
pub fn iterater(revisions: &[Revision]) -> EqualCounts {
    let mut total = EqualCounts::default();
    for rev in revisions {
        let refs: Vec<&str> = rev.before.iter().map(|s| s.trim()).collect();
        let before = sentences_from(&refs);
        let after = after_sentences(rev);
        let mut untouched = vec![false; before.len()];
        for &k in &rev.untouched {
            if let Some(u) = untouched.get_mut(k) {
                *u = true;
            }
        }
        let c = equal_counts(&before, &after, &untouched);
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
        total.tn += c.tn;
        total.touched_paired += c.touched_paired;
    }
    total
}

/// Paired rows (edited or moved) whose similarity is below `below`, over versions `x` and `y`
/// of every story: `(op, similarity, x texts, y texts)`, for reading by hand.
pub fn weak_rows(
    stories: &[Story],
    x: &str,
    y: &str,
    below: f64,
) -> Vec<(RowOp, f64, Vec<String>, Vec<String>)> {
    let pick = |s: &Story, k: &str| {
        match k {
            "ele" => &s.ele,
            "int" => &s.int,
            _ => &s.adv,
        }
        .replace('\n', "\n\n")
    };
    let mut out = Vec::new();
    for st in stories {
        let (sx, sy) = (
            storydiff::sentences(&pick(st, x)),
            storydiff::sentences(&pick(st, y)),
        );
        for row in align(&sx, &sy, &AlignOptions::default()).rows {
            if matches!(row.op, RowOp::Edited | RowOp::Moved) && row.similarity < below {
                out.push((
                    row.op,
                    row.similarity,
                    row.a.iter().map(|&i| sx[i].text.clone()).collect(),
                    row.b.iter().map(|&j| sy[j].text.clone()).collect(),
                ));
            }
        }
    }
    out
}
