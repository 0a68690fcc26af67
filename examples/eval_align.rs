//! eval_align: the sentence alignment on real multi-version news, end to end (segmenter
//! included): OneStopEnglish (three reading levels of 189 stories; agreement with the silver
//! cosine alignments) and IteraTeR news revisions (untouched sentences must come out `equal`).
//!
//! Run: `cargo run --release --example eval_align [misses]` (needs ../shared/corpora; skips
//! otherwise). With `misses`, prints every silver pair the aligner did not put in one row;
//! with `weak`, every paired row below similarity 0.35 (to read for spurious pairs).

use std::fs;

use storydiff::align::eval;
use storydiff::corpora::corpus_dir;

fn main() {
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
