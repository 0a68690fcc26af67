//! eval_similarity: the sentence similarity on human-labelled paraphrase data (MSRP, STS-B news)
//! beside word-set Jaccard, in one run.
//!
//! Run: `cargo run --release -p storydiff-eval --bin eval_similarity` (needs
//! ../shared/corpora; skips otherwise). MSRP: IDF learnt from the train sentences, threshold picked on train for
//! accuracy, figures on test. STS-B: IDF learnt from the train file of the same subset,
//! Pearson and Spearman on the test rows.
//!
//! `paraphrase` is the logistic regression of `storydiff_eval::paraphrase` with its stored
//! coefficient table (learnt on MSRP train only). `-- fit` refits that table on MSRP train
//! (features with IDF from train; threshold at the train-accuracy optimum), prints it as Rust
//! to paste into `MSRP_LOGISTIC`, and reports the refitted model's test figures; the test set is
//! never used for fitting or for the threshold.

use std::fs;

use storydiff_eval::align::{self as eval, Pair, Scorer};
use storydiff_eval::corpora::corpus_dir;
use storydiff_eval::paraphrase::{self, Logistic, FEATURE_NAMES, N_FEATURES};

fn read(dir: &std::path::Path, name: &str) -> Option<String> {
    fs::read_to_string(dir.join(name)).ok()
}

fn main() {
    let fit = std::env::args().any(|a| a == "fit");
    let scorers = [
        ("jaccard", Scorer::Jaccard),
        ("storydiff", Scorer::Model),
        ("paraphrase", Scorer::Paraphrase),
    ];
    match corpus_dir("msrp") {
        Some(d) => {
            let train = eval::parse_msrp(&read(&d, "msr_paraphrase_train.txt").unwrap_or_default());
            let test = eval::parse_msrp(&read(&d, "msr_paraphrase_test.txt").unwrap_or_default());
            println!(
                "MSRP ({} train / {} test pairs; threshold on train, figures on test)",
                train.len(),
                test.len()
            );
            println!("  scorer      threshold  accuracy  precision  recall  F1");
            for (name, s) in scorers {
                let b = eval::msrp(&train, &test, s);
                println!(
                    "  {name:<10}  {:.3}      {:.3}     {:.3}      {:.3}   {:.3}",
                    b.threshold, b.accuracy, b.precision, b.recall, b.f1
                );
            }
            if fit {
                refit(&train, &test);
            }
            println!("  published (SOURCE.md): Mihalcea 2006 70.3/81.3, Qiu 2006 72.0/81.6, Wan 2006 75.6/83.0 (acc/F1)");
        }
        None => println!("MSRP: skipped (../shared/corpora/msrp absent)"),
    }
    match corpus_dir("stsb-news") {
        Some(d) => {
            for subset in ["headlines_deftnews", "msrpar"] {
                let train = eval::parse_sts(
                    &read(&d, &format!("sts-train-news-{subset}.tsv")).unwrap_or_default(),
                );
                let test = eval::parse_sts(
                    &read(&d, &format!("sts-test-news-{subset}.tsv")).unwrap_or_default(),
                );
                let bg: Vec<&str> = train
                    .iter()
                    .flat_map(|p: &Pair| [p.a.as_str(), p.b.as_str()])
                    .collect();
                println!(
                    "STS-B news test, {subset} ({} pairs; IDF from train)",
                    test.len()
                );
                for (name, s) in scorers {
                    let (p, sp) = eval::sts(&test, &bg, s);
                    println!("  {name:<10}  Pearson {p:.3}  Spearman {sp:.3}");
                }
            }
            println!("  published (SOURCE.md, whole STS-B test, all genres, Spearman): avg GloVe 0.580, InferSent 0.680, USE 0.749");
        }
        None => println!("STS-B: skipped (../shared/corpora/stsb-news absent)"),
    }
}

/// Refits the logistic table on `train` and prints it and its test figures.
fn refit(train: &[Pair], test: &[Pair]) {
    let bg: Vec<&str> = train
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    let xtr = eval::paraphrase_features(train, &bg);
    let ytr: Vec<f64> = train.iter().map(|p| p.gold).collect();
    let m = paraphrase::fit_logistic(
        &xtr,
        &ytr,
        paraphrase::FIT_ITERS,
        paraphrase::FIT_RATE,
        paraphrase::FIT_L2,
    );
    let ptr: Vec<f64> = xtr.iter().map(|r| m.predict(r)).collect();
    let btr = eval::binary(&ptr, &ytr, m.threshold);
    let xte = eval::paraphrase_features(test, &bg);
    let yte: Vec<f64> = test.iter().map(|p| p.gold).collect();
    let pte: Vec<f64> = xte.iter().map(|r| m.predict(r)).collect();
    let b = eval::binary(&pte, &yte, m.threshold);
    println!(
        "  refit       {:.3}      {:.3}     {:.3}      {:.3}   {:.3}   (train acc {:.3})",
        b.threshold, b.accuracy, b.precision, b.recall, b.f1, btr.accuracy
    );
    print_table(&m);
}

fn print_table(m: &Logistic) {
    let row = |v: &[f64; N_FEATURES]| {
        v.iter()
            .map(|x| format!("{x:.6}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("  // features: {}", FEATURE_NAMES.join(", "));
    println!("pub const MSRP_LOGISTIC: Logistic = Logistic {{");
    println!("    mean: [{}],", row(&m.mean));
    println!("    scale: [{}],", row(&m.scale));
    println!("    weights: [{}],", row(&m.weights));
    println!("    bias: {:.6},", m.bias);
    println!("    threshold: {:.6},", m.threshold);
    println!("}};");
}
