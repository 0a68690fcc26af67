//! segment: scores the segmenter on the evaluation corpora (used by the `eval_segment`
//! harness and `tests/it/segment_corpora.rs`).
//!
//! Input: the JSON-lines text of `pragmatic-segmenter-golden-rules/en_cases.jsonl` or of
//! `gum-news-sbd/gum_news_docs.jsonl` (the callers read the files). Output: pass counts and
//! failures, or boundary precision/recall/F1, scored as each corpus's SOURCE.md defines.
//! Invariant: pure functions of their input; lines that do not parse are counted as errors.

use serde_json::Value;

/// Golden-rule and regression pass counts over the verbatim cases.
#[derive(Debug, Clone, Default)]
pub struct GoldenScore {
    pub rules_passed: usize,
    pub rules_total: usize,
    pub spec_passed: usize,
    pub spec_total: usize,
    /// Cases whose expectation is not verbatim (skipped, as SOURCE.md says).
    pub skipped: usize,
    /// Lines that failed to parse.
    pub errors: usize,
    /// Failing cases: id, title, expected, got.
    pub failures: Vec<(String, String, Vec<String>, Vec<String>)>,
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores `en_cases.jsonl`: a case passes when the sentences equal the expected ones with
/// white space normalised; only `expected_is_verbatim` cases count.
pub fn golden_rules(jsonl: &str) -> GoldenScore {
    let mut sc = GoldenScore::default();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            sc.errors += 1;
            continue;
        };
        if v["expected_is_verbatim"] != Value::Bool(true) {
            sc.skipped += 1;
            continue;
        }
        let text = v["text"].as_str().unwrap_or("");
        let expected: Vec<String> = v["expected"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).map(norm).collect())
            .unwrap_or_default();
        let got: Vec<String> = storydiff::segment::segment(text)
            .iter()
            .map(|s| norm(&text[s.start..s.end]))
            .collect();
        let pass = got == expected;
        let rule = v["group"] == "golden_rule";
        if rule {
            sc.rules_total += 1;
            sc.rules_passed += usize::from(pass);
        } else {
            sc.spec_total += 1;
            sc.spec_passed += usize::from(pass);
        }
        if !pass {
            sc.failures.push((
                v["id"].as_str().unwrap_or("?").to_string(),
                v["title"].as_str().unwrap_or("").to_string(),
                expected,
                got,
            ));
        }
    }
    sc
}

/// Boundary counts for precision/recall/F1.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// GUM news scores: all documents, and the dev+test documents.
#[derive(Debug, Clone, Default)]
pub struct GumScore {
    pub all: Prf,
    pub dev_test: Prf,
    pub docs: usize,
    pub errors: usize,
    /// Missed (`-`) and spurious (`+`) boundaries: doc id, sign, context.
    pub misses: Vec<(String, char, String)>,
}

/// Scores `gum_news_docs.jsonl`: each layout block (its gold sentences joined by one space)
/// is segmented on its own; the score counts predicted sentence starts inside blocks against
/// the gold ones.
pub fn gum(jsonl: &str) -> GumScore {
    let mut sc = GumScore::default();
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            sc.errors += 1;
            continue;
        };
        sc.docs += 1;
        let id = v["doc_id"].as_str().unwrap_or("?").to_string();
        let dev_test = matches!(v["split"].as_str(), Some("dev" | "test"));
        let mut doc = Prf::default();
        for para in v["paragraphs"].as_array().into_iter().flatten() {
            for block in para.as_array().into_iter().flatten() {
                let sents: Vec<&str> = block
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.as_str())
                    .collect();
                let text = sents.join(" ");
                let mut gold = Vec::new();
                let mut off = 0;
                for (k, s) in sents.iter().enumerate() {
                    if k > 0 {
                        gold.push(off);
                    }
                    off += s.len() + 1;
                }
                let pred: Vec<usize> = storydiff::segment::segment(&text)
                    .iter()
                    .map(|s| s.start)
                    .filter(|&s| s > 0)
                    .collect();
                for &g in &gold {
                    if pred.contains(&g) {
                        doc.tp += 1;
                    } else {
                        doc.fn_ += 1;
                        sc.misses.push((id.clone(), '-', context(&text, g)));
                    }
                }
                for &p in &pred {
                    if !gold.contains(&p) {
                        doc.fp += 1;
                        sc.misses.push((id.clone(), '+', context(&text, p)));
                    }
                }
            }
        }
        sc.all.add(doc);
        if dev_test {
            sc.dev_test.add(doc);
        }
    }
    sc
}

/// Up to 40 bytes either side of `at`, with `‖` at the boundary.
fn context(text: &str, at: usize) -> String {
    let mut a = at.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}‖{}", &text[a..at], &text[at..b])
}
