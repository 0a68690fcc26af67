//! Regression floors for the similarity and alignment figures on the shared corpora (see
//! BENCHMARKS.md for the figures and the commands that produce them). Each floor is the
//! figure reached minus a small margin. Skips, and says so, when ../shared is absent.

use std::fs;

use storydiff_eval::align::{self as eval, Scorer};
use storydiff_eval::corpora::corpus_dir;

#[test]
fn msrp_accuracy_holds() {
    let Some(d) = corpus_dir("msrp") else {
        storydiff_eval::corpora::skip("../shared/corpora/msrp absent");
        return;
    };
    let read = |n: &str| fs::read_to_string(d.join(n)).expect("msrp file");
    let train = eval::parse_msrp(&read("msr_paraphrase_train.txt"));
    let test = eval::parse_msrp(&read("msr_paraphrase_test.txt"));
    assert_eq!((train.len(), test.len()), (4076, 1725));
    let b = eval::msrp(&train, &test, Scorer::Model);
    assert!(b.accuracy >= 0.708 && b.f1 >= 0.795, "{b:?}");
}

#[test]
fn stsb_headlines_spearman_holds() {
    let Some(d) = corpus_dir("stsb-news") else {
        storydiff_eval::corpora::skip("../shared/corpora/stsb-news absent");
        return;
    };
    let read = |n: &str| fs::read_to_string(d.join(n)).expect("sts file");
    let train = eval::parse_sts(&read("sts-train-news-headlines_deftnews.tsv"));
    let test = eval::parse_sts(&read("sts-test-news-headlines_deftnews.tsv"));
    let bg: Vec<&str> = train
        .iter()
        .flat_map(|p| [p.a.as_str(), p.b.as_str()])
        .collect();
    let (_, spearman) = eval::sts(&test, &bg, Scorer::Model);
    assert!(spearman >= 0.785, "{spearman}");
}

#[test]
fn onestopenglish_agreement_holds() {
    let Some(d) = corpus_dir("onestopenglish") else {
        storydiff_eval::corpora::skip("../shared/corpora/onestopenglish absent");
        return;
    };
    let stories = eval::parse_stories(&fs::read_to_string(d.join("texts.jsonl")).expect("texts"));
    let silver = eval::parse_silver(
        &fs::read_to_string(d.join("silver_aligned_ele_int.jsonl")).expect("silver"),
        "ele",
        "int",
    );
    let ag = eval::onestop(&stories, "ele", "int", &silver);
    // Coverage depends on the segmenter (how many silver sentences it also cuts out);
    // agreement on the covered pairs is the aligner's.
    assert!(
        ag.covered * 2 >= ag.silver,
        "{} of {}",
        ag.covered,
        ag.silver
    );
    let agreement = ag.agreed as f64 / ag.covered as f64;
    assert!(agreement >= 0.97, "{agreement}");
}

#[test]
fn iterater_untouched_sentences_stay_equal() {
    let Some(d) = corpus_dir("iterater-news") else {
        storydiff_eval::corpora::skip("../shared/corpora/iterater-news absent");
        return;
    };
    let read = |n: &str| fs::read_to_string(d.join(n)).expect("iterater file");
    let docs = [
        read("doc_level_train.jsonl"),
        read("doc_level_dev.jsonl"),
        read("doc_level_test.jsonl"),
    ];
    let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let revs = eval::parse_revisions(&read("derived_edit_sentence_map.jsonl"), &refs);
    assert_eq!(revs.len(), 189);
    let c = eval::iterater(&revs);
    let recall = c.tp as f64 / (c.tp + c.fn_) as f64;
    let precision = c.tp as f64 / (c.tp + c.fp) as f64;
    assert!(recall >= 0.99 && precision >= 0.97, "{c:?}");
    assert!(c.touched_paired as f64 >= 0.95 * c.tn as f64, "{c:?}");
}
