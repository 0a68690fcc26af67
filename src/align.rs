//! align: sentences × sentences → alignment rows (equal/edited/moved/added/dropped), and the
//! word diff inside each paired row.
//!
//! Input: the sentences of A and of B. Output: [`Row`]s in reading order of B, each dropped row
//! placed where it stood among its neighbours in A. Invariant: every sentence id of either side
//! appears in exactly one row.
//!
//! BASELINE: 1:1 greedy pairing by word-set Jaccard. To be replaced by the weighted
//! similarity and the 1:n / n:1 aligner.

use std::collections::HashSet;

use crate::report::{DiffChunk, DiffOp, Note, Row, RowOp, Sentence};

/// Settings of the aligner.
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {}

/// The result of aligning two sentence lists.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub rows: Vec<Row>,
    pub notes: Vec<Note>,
}

fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Word-set Jaccard similarity of two texts (the published baseline).
pub fn jaccard(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let inter = wa.intersection(&wb).count();
    let union = wa.union(&wb).count();
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Aligns the sentences of A with those of B.
pub fn align(a: &[Sentence], b: &[Sentence], _opts: &AlignOptions) -> Alignment {
    let mut pair_of_b: Vec<Option<(usize, f64)>> = vec![None; b.len()];
    let mut used_a = vec![false; a.len()];
    for (j, sb) in b.iter().enumerate() {
        let best = a
            .iter()
            .enumerate()
            .filter(|(i, _)| !used_a[*i])
            .map(|(i, sa)| (i, jaccard(&sa.text, &sb.text)))
            .fold(None, |acc: Option<(usize, f64)>, x| match acc {
                Some(y) if y.1 >= x.1 => Some(y),
                _ => Some(x),
            });
        if let Some((i, s)) = best {
            if s >= 0.3 {
                used_a[i] = true;
                pair_of_b[j] = Some((i, s));
            }
        }
    }
    let mut rows = Vec::new();
    let mut next_a = 0;
    let mut last_a: Option<usize> = None;
    for (j, sb) in b.iter().enumerate() {
        if let Some((i, s)) = pair_of_b[j] {
            while next_a < i {
                if !used_a[next_a] {
                    rows.push(dropped(next_a));
                }
                next_a += 1;
            }
            next_a = next_a.max(i + 1);
            let in_order = last_a.is_none_or(|l| i > l);
            let same = normalize_ws(&a[i].text) == normalize_ws(&sb.text);
            let op = match (in_order, same) {
                (false, _) => RowOp::Moved,
                (true, true) => RowOp::Equal,
                (true, false) => RowOp::Edited,
            };
            if in_order {
                last_a = Some(i);
            }
            rows.push(Row {
                op,
                a: vec![i],
                b: vec![j],
                similarity: round3(s),
                diff: word_diff(&a[i].text, &sb.text),
            });
        } else {
            rows.push(Row {
                op: RowOp::Added,
                a: vec![],
                b: vec![j],
                similarity: 0.0,
                diff: vec![],
            });
        }
    }
    while next_a < a.len() {
        if !used_a[next_a] {
            rows.push(dropped(next_a));
        }
        next_a += 1;
    }
    Alignment {
        rows,
        notes: vec![],
    }
}

fn dropped(i: usize) -> Row {
    Row {
        op: RowOp::Dropped,
        a: vec![i],
        b: vec![],
        similarity: 0.0,
        diff: vec![],
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

/// Word-level diff of `a` against `b` with `similar`.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffChunk> {
    let diff = similar::TextDiff::from_words(a, b);
    let mut out: Vec<DiffChunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => DiffOp::Equal,
            similar::ChangeTag::Insert => DiffOp::Insert,
            similar::ChangeTag::Delete => DiffOp::Delete,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(DiffChunk {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    out
}
