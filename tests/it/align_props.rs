//! Property tests of the alignment invariants on random sentence lists: every sentence id of
//! each side in exactly one row, rows in reading order of B, furniture never paired with story
//! sentences, similarities in 0..=1 with 3 decimals, deterministic output.

use crate::util::align::check_invariants;
use proptest::prelude::*;
use storydiff::align::{align, AlignOptions};
use storydiff::report::Sentence;
use storydiff_eval::align::sentences_from;

const WORDS: &[&str] = &[
    "Blinken",
    "Xi",
    "met",
    "in",
    "Beijing",
    "the",
    "talks",
    "ended",
    "on",
    "Friday",
    "2024",
    "said",
    "“partners”",
    "not",
    "rivals",
    "—",
    "China",
    "US",
    "election",
    "5.5",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|w| w.join(" ") + ".")
}

fn side() -> impl Strategy<Value = (Vec<String>, Vec<bool>)> {
    prop::collection::vec((sentence(), prop::bool::weighted(0.15)), 0..14)
        .prop_map(|v| v.into_iter().unzip())
}

fn build(texts: &[String], furniture: &[bool]) -> Vec<Sentence> {
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut s = sentences_from(&refs);
    for (x, &f) in s.iter_mut().zip(furniture) {
        x.furniture = f;
    }
    s
}

proptest! {
    #[test]
    fn every_id_in_exactly_one_row((ta, fa) in side(), (tb, fb) in side(), mutate in any::<bool>()) {
        let a = build(&ta, &fa);
        // Half the time B is a shuffled, partly repeated copy of A, to exercise pairs.
        let b = if mutate {
            let mut t: Vec<String> = ta.iter().rev().cloned().collect();
            t.extend(tb.iter().take(3).cloned());
            let f: Vec<bool> = fa.iter().rev().copied().chain(fb.iter().take(3).copied()).collect();
            build(&t, &f)
        } else {
            build(&tb, &fb)
        };
        let al = align(&a, &b, &AlignOptions::default());
        check_invariants(&a, &b, &al.rows);
        let again = align(&a, &b, &AlignOptions::default());
        prop_assert_eq!(al.rows, again.rows);
    }
}
