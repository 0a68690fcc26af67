//! eval_align: the sentence alignment on real multi-version news, end to end (segmenter
//! included): OneStopEnglish (three reading levels of 189 stories; agreement with the silver
//! cosine alignments) and IteraTeR news revisions (untouched sentences must come out `equal`).
//!
//! Run: `cargo run --release -p storydiff-eval --bin eval_align [misses]` (needs
//! ../shared/corpora; skips otherwise). With `misses`, prints every silver pair the aligner did not put in one row;
//! with `weak`, every paired row below similarity 0.35 (to read for spurious pairs); with
//! `scale`, only a rough timing of the aligner on synthetic long texts (the benchmarks proper
//! belong to `cargo bench`).

use std::fs;

use storydiff_eval::align as eval;
use storydiff_eval::corpora::corpus_dir;

/// Rough scaling check: synthetic texts of random words (a seeded xorshift generator), B a
/// lightly edited copy of A (every 10th sentence reworded, every 50th dropped).
fn scale() {
    let vocab: Vec<String> = (0..5000).map(|k| format!("w{}x{}", k % 97, k)).collect();
    for n in [2_000usize, 20_000, 100_000] {
        let mut seed = 12345u64;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let ta: Vec<String> = (0..n)
            .map(|_| {
                let len = 8 + (rnd() % 20) as usize;
                let w: Vec<&str> = (0..len)
                    .map(|_| {
                        let r = rnd();
                        if r % 3 == 0 {
                            "the"
                        } else {
                            vocab[(r % 5000) as usize].as_str()
                        }
                    })
                    .collect();
                w.join(" ") + "."
            })
            .collect();
        let tb: Vec<String> = ta
            .iter()
            .enumerate()
            .filter(|(k, _)| k % 50 != 7)
            .map(|(k, s)| {
                if k % 10 == 3 {
                    s.replacen("the", "a", 1) + " added"
                } else {
                    s.clone()
                }
            })
            .collect();
        let ra: Vec<&str> = ta.iter().map(String::as_str).collect();
        let rb: Vec<&str> = tb.iter().map(String::as_str).collect();
        let (a, b) = (eval::sentences_from(&ra), eval::sentences_from(&rb));
        let bytes: usize = ta.iter().map(|s| s.len() + 1).sum();
        let opts = storydiff::align::AlignOptions {
            max_work: None,
            ..Default::default()
        };
        let t = std::time::Instant::now();
        let al = storydiff::align::align(&a, &b, &opts);
        let el = t.elapsed().as_secs_f64();
        println!(
            "  {n:>7} sentences, {:.1} MB: {el:.3} s ({:.1} MB/s), {} rows, {} notes",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / el,
            al.rows.len(),
            al.notes.len()
        );
    }
}

fn main() {
    if std::env::args().any(|a| a == "scale") {
        println!("Alignment only (sentences given), lightly edited synthetic texts:");
        scale();
        return;
    }
    let show_misses = std::env::args().any(|a| a == "misses");
    let show_weak = std::env::args().any(|a| a == "weak");
    match corpus_dir("onestopenglish") {
        Some(d) => {
            let stories =
                eval::parse_stories(&fs::read_to_string(d.join("texts.jsonl")).unwrap_or_default());
            println!(
                "OneStopEnglish: {} stories; silver = cosine alignments of changed pairs",
                stories.len()
            );
            println!("  pair     silver  covered  agreed  agreement  ours(changed)  ours∩silver");
            for (x, y) in [("adv", "ele"), ("adv", "int"), ("ele", "int")] {
                let f = d.join(format!("silver_aligned_{x}_{y}.jsonl"));
                let silver = eval::parse_silver(&fs::read_to_string(f).unwrap_or_default(), x, y);
                let ag = eval::onestop(&stories, x, y, &silver);
                println!(
                    "  {x}-{y}  {:>6}  {:>7}  {:>6}  {:>9.3}  {:>13}  {:>11}",
                    ag.silver,
                    ag.covered,
                    ag.agreed,
                    ag.agreed as f64 / ag.covered.max(1) as f64,
                    ag.ours_changed,
                    ag.ours_in_silver
                );
                if show_weak {
                    let weak = eval::weak_rows(&stories, x, y, 0.35);
                    println!("    {} paired rows below similarity 0.35:", weak.len());
                    for (op, sim, tx, ty) in weak {
                        println!("    WEAK {op:?} {sim}\n      {x}: {tx:?}\n      {y}: {ty:?}");
                    }
                }
                if show_misses {
                    for m in &ag.misses {
                        println!("    MISS {x}: {}\n         {y}: {}", m.x, m.y);
                        println!("         {x} row: {:?} {:?}", m.x_row.0, m.x_row.1);
                        println!("         {y} row: {:?} {:?}", m.y_row.0, m.y_row.1);
                    }
                }
            }
        }
        None => println!("OneStopEnglish: skipped (../shared/corpora/onestopenglish absent)"),
    }
    match corpus_dir("iterater-news") {
        Some(d) => {
            let read = |n: &str| fs::read_to_string(d.join(n)).unwrap_or_default();
            let docs = [
                read("doc_level_train.jsonl"),
                read("doc_level_dev.jsonl"),
                read("doc_level_test.jsonl"),
            ];
            let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
            let revs = eval::parse_revisions(&read("derived_edit_sentence_map.jsonl"), &refs);
            let c = eval::iterater(&revs);
            let p = c.tp as f64 / (c.tp + c.fp).max(1) as f64;
            let r = c.tp as f64 / (c.tp + c.fn_).max(1) as f64;
            println!(
                "IteraTeR news: {} revisions (train+dev+test pooled)",
                revs.len()
            );
            println!(
                "  'equal' for untouched before-sentences: precision {p:.3}  recall {r:.3}  (tp {} fp {} fn {})",
                c.tp, c.fp, c.fn_
            );
            println!(
                "  touched before-sentences paired as edited/moved: {} of {} ({:.3}); the rest dropped",
                c.touched_paired,
                c.tn,
                c.touched_paired as f64 / c.tn.max(1) as f64
            );
        }
        None => println!("IteraTeR: skipped (../shared/corpora/iterater-news absent)"),
    }
}
