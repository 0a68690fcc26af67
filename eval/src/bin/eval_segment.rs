//! eval_segment: measures the sentence segmenter on the shared corpora.
//!
//! Input: `../shared/corpora/pragmatic-segmenter-golden-rules/en_cases.jsonl` and
//! `../shared/corpora/gum-news-sbd/gum_news_docs.jsonl`. Output (stdout): golden-rule and
//! regression pass rates with the failing cases, and GUM boundary P/R/F1 beside the baselines
//! that the corpus's SOURCE.md lists. Run:
//! `cargo run --release -p storydiff-eval --bin eval_segment` (add `-- -v` to list every GUM
//! miss).

use storydiff_eval::corpora::corpus_dir;
use storydiff_eval::segment as eval;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let Some(gr) = corpus_dir("pragmatic-segmenter-golden-rules") else {
        println!("skipped: ../shared absent");
        return;
    };
    match std::fs::read_to_string(gr.join("en_cases.jsonl")) {
        Ok(s) => {
            let sc = eval::golden_rules(&s);
            println!("pragmatic-segmenter golden rules (verbatim cases only, whitespace-normalised equality)");
            println!(
                "  golden rules:     {}/{} ({:.1}%)   [pySBD measured 48/50, syntok 34/50, naive regex 30/50]",
                sc.rules_passed,
                sc.rules_total,
                pct(sc.rules_passed, sc.rules_total)
            );
            println!(
                "  spec regressions: {}/{} ({:.1}%)   [pySBD 105/105 (not independent), syntok 67/105, naive 51/105]",
                sc.spec_passed,
                sc.spec_total,
                pct(sc.spec_passed, sc.spec_total)
            );
            println!(
                "  skipped (expectation not verbatim): {}, parse errors: {}",
                sc.skipped, sc.errors
            );
            println!("  failures:");
            for (id, title, exp, got) in &sc.failures {
                println!("  {id}  {title}");
                println!("     expected: {exp:?}");
                println!("     got:      {got:?}");
            }
        }
        Err(e) => println!("cannot read en_cases.jsonl: {e}"),
    }
    let Some(gum) = corpus_dir("gum-news-sbd") else {
        println!("skipped: gum-news-sbd absent");
        return;
    };
    match std::fs::read_to_string(gum.join("gum_news_docs.jsonl")) {
        Ok(s) => {
            let sc = eval::gum(&s);
            println!();
            println!(
                "GUM news ({} docs): in-block sentence boundaries, each block segmented alone",
                sc.docs
            );
            let row = |name: &str, p: &eval::Prf| {
                println!(
                    "  {name:<22} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})",
                    p.precision(),
                    p.recall(),
                    p.f1(),
                    p.tp,
                    p.fp,
                    p.fn_
                );
            };
            row("all 24 docs", &sc.all);
            row("dev+test 4 docs", &sc.dev_test);
            println!("  baselines (SOURCE.md, all / dev+test F1): syntok 0.955 / 0.944, naive regex 0.952 / 0.905, pysbd 0.911 / 0.857");
            let shown = if verbose {
                sc.misses.len()
            } else {
                sc.misses.len().min(30)
            };
            println!(
                "  boundary errors ({} in all; - missed, + spurious):",
                sc.misses.len()
            );
            for (id, sign, ctx) in sc.misses.iter().take(shown) {
                println!("  {sign} {id}: {ctx}");
            }
        }
        Err(e) => println!("cannot read gum_news_docs.jsonl: {e}"),
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}
