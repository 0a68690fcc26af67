//! Pathological inputs (issue 4): 100,000 one-word sentences, the same sentence 50,000 times.
//! The aligner must take its coarse path, say so with an `alignment-fallback` note and still
//! put every sentence in exactly one row. No timing assertion: a quadratic aligner would not
//! finish this test in any reasonable time.

use crate::util::align::check_invariants;
use storydiff::align::{align, AlignOptions};
use storydiff::report::RowOp;
use storydiff_eval::align::sentences_from;

fn has_fallback(notes: &[storydiff::report::Note]) -> bool {
    notes.iter().any(|n| n.code == "alignment-fallback")
}

#[test]
fn one_hundred_thousand_one_word_sentences() {
    // A small vocabulary, as in a list of "Yes." / "No." answers: every word is in thousands
    // of sentences.
    let vocab = [
        "Yes.", "No.", "Maybe.", "Later.", "Never.", "Now.", "Again.", "Stop.",
    ];
    let ta: Vec<&str> = (0..100_000).map(|k| vocab[(k * 7 + k / 3) % 8]).collect();
    let tb: Vec<&str> = (0..100_000).map(|k| vocab[(k * 5 + k / 11) % 8]).collect();
    let (a, b) = (sentences_from(&ta), sentences_from(&tb));
    let al = align(&a, &b, &AlignOptions::default());
    assert!(has_fallback(&al.notes), "{:?}", al.notes);
    check_invariants(&a, &b, &al.rows);
}

#[test]
fn same_sentence_fifty_thousand_times() {
    let s = "The committee will meet again on Thursday to review the figures.";
    let ta: Vec<&str> = vec![s; 50_000];
    let mut tb: Vec<&str> = vec![s; 49_990];
    tb.insert(100, "A new sentence stands here.");
    let (a, b) = (sentences_from(&ta), sentences_from(&tb));
    let al = align(&a, &b, &AlignOptions::default());
    assert!(has_fallback(&al.notes), "{:?}", al.notes);
    check_invariants(&a, &b, &al.rows);
    let equal = al.rows.iter().filter(|r| r.op == RowOp::Equal).count();
    assert_eq!(equal, 49_990);
}

#[test]
fn size_limit_takes_the_coarse_path() {
    let ta: Vec<String> = (0..300)
        .map(|k| format!("Sentence number {k} here."))
        .collect();
    let refs: Vec<&str> = ta.iter().map(String::as_str).collect();
    let a = sentences_from(&refs);
    let opts = AlignOptions {
        max_sentences: 100,
        ..AlignOptions::default()
    };
    let al = align(&a, &a, &opts);
    assert!(has_fallback(&al.notes));
    check_invariants(&a, &a, &al.rows);
    assert!(al.rows.iter().all(|r| r.op == RowOp::Equal));
}

#[test]
fn ordinary_input_takes_no_fallback() {
    let ta: Vec<String> = (0..2_000)
        .map(|k| {
            format!(
                "Report {k} says river {} rose by {} centimetres.",
                k % 37,
                k % 91
            )
        })
        .collect();
    let refs: Vec<&str> = ta.iter().map(String::as_str).collect();
    let a = sentences_from(&refs);
    let al = align(&a, &a, &AlignOptions::default());
    assert!(al.notes.is_empty(), "{:?}", al.notes);
    assert!(al.rows.iter().all(|r| r.op == RowOp::Equal));
}

#[test]
fn spent_work_budget_takes_the_coarse_path() {
    let ta: Vec<String> = (0..500)
        .map(|k| {
            format!(
                "Line {k} reports {} new cases in district {}.",
                k * 3,
                k % 17
            )
        })
        .collect();
    let refs: Vec<&str> = ta.iter().map(String::as_str).collect();
    let a = sentences_from(&refs);
    // Every other sentence reworded, so that there is scoring to cut short.
    let tb: Vec<String> = ta[1..]
        .iter()
        .enumerate()
        .map(|(k, s)| {
            if k % 2 == 0 {
                s.replace("reports", "says")
            } else {
                s.clone()
            }
        })
        .collect();
    let rb: Vec<&str> = tb.iter().map(String::as_str).collect();
    let b = sentences_from(&rb);
    let opts = AlignOptions {
        max_work: Some(0),
        ..AlignOptions::default()
    };
    let al = align(&a, &b, &opts);
    assert!(has_fallback(&al.notes), "{:?}", al.notes);
    check_invariants(&a, &b, &al.rows);
    // Exact matches still pair; the reworded sentences, never scored, do not.
    assert_eq!(al.rows.iter().filter(|r| r.op == RowOp::Equal).count(), 249);
    assert_eq!(al.rows.iter().filter(|r| r.op == RowOp::Edited).count(), 0);
}

#[test]
fn one_huge_sentence() {
    // 2 MB without a sentence break (the 10 MB case works the same way: the diff
    // limit is in tokens; this size keeps the debug-build test short), against a version with
    // every 7th word changed.
    let words: Vec<String> = (0..300_000).map(|k| format!("w{}", k % 5003)).collect();
    let ta = words.join(" ");
    let tb: String = words
        .iter()
        .enumerate()
        .map(|(k, w)| if k % 7 == 0 { "changed" } else { w.as_str() })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(ta.len() > 1_500_000);
    let (a, b) = (sentences_from(&[&ta]), sentences_from(&[&tb]));
    let al = align(&a, &b, &AlignOptions::default());
    assert!(has_fallback(&al.notes), "{:?}", al.notes);
    check_invariants(&a, &b, &al.rows);
    assert_eq!(al.rows.len(), 1);
    assert_eq!(al.rows[0].op, RowOp::Edited);
}

/// The work budget counts steps, not seconds: a budget spent half way gives the same rows and
/// the same note on every run, also while other threads load the machine (before, a 10 s
/// wall-clock deadline made a paused or loaded run pair fewer sentences).
#[test]
fn the_work_budget_gives_one_answer_under_load() {
    let ta: Vec<String> = (0..400)
        .map(|k| {
            format!(
                "Line {k} reports {} new cases in district {}.",
                k * 3,
                k % 17
            )
        })
        .collect();
    let tb: Vec<String> = ta.iter().map(|s| s.replace("reports", "says")).collect();
    let (ra, rb): (Vec<&str>, Vec<&str>) = (
        ta.iter().map(String::as_str).collect(),
        tb.iter().map(String::as_str).collect(),
    );
    let (a, b) = (sentences_from(&ra), sentences_from(&rb));
    let opts = AlignOptions {
        max_work: Some(200_000),
        ..AlignOptions::default()
    };
    let first = align(&a, &b, &opts);
    assert!(has_fallback(&first.notes), "{:?}", first.notes);
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                let mut x = 0u64;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                }
                x
            });
        }
        for _ in 0..3 {
            let again = align(&a, &b, &opts);
            assert_eq!(again.notes, first.notes);
            assert_eq!(again.rows, first.rows);
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
}
