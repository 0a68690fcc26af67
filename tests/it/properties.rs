//! properties: the contract's invariants on arbitrary Unicode (issue 6), with proptest.
//!
//! Input: generated texts (sentence-like words with punctuation, line ends and arbitrary
//! Unicode). Output: assertions through `storydiff::compare` and `storydiff::render::json`.
//! Case counts are small so the file runs in seconds in a debug build.

use proptest::prelude::*;
use storydiff::{compare, Document, FailOn, Options, Report};

/// Text that looks enough like prose to give sentences, claims and pairs, plus odd characters.
fn story() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Z][a-z]{1,8}",
        4 => "[a-z]{1,8}",
        2 => "[0-9]{1,4}",
        1 => Just("$5 million".to_string()),
        1 => Just("on 3 May 2024".to_string()),
        1 => Just("\"we agree,\" said Ann Lee".to_string()),
        1 => Just("not".to_string()),
        2 => Just(".".to_string()),
        1 => Just("\n\n".to_string()),
        1 => Just("\r\n".to_string()),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn doc(name: &str, t: &str) -> Document {
    Document::from_text(name, t)
}

fn json(r: &Report) -> Vec<u8> {
    let mut v = Vec::new();
    storydiff::render::json::render(r, &mut v).unwrap();
    v
}

fn counts(r: &Report) -> (usize, usize) {
    (r.summary.added, r.summary.dropped)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_the_input_on_char_boundaries(a in story(), b in story()) {
        let r = compare(&doc("a", &a), &doc("b", &b), &Options::default());
        for (side, input) in [(&r.a, &a), (&r.b, &b)] {
            // A converted side (not in NFC, say) carries the text its spans count in.
            let text = side.text.as_deref().unwrap_or(input.as_str());
            for s in &side.sentences {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
            }
        }
    }

    #[test]
    fn every_sentence_in_exactly_one_row(a in story(), b in story()) {
        let r = compare(&doc("a", &a), &doc("b", &b), &Options::default());
        let mut na = vec![0; r.a.sentences.len()];
        let mut nb = vec![0; r.b.sentences.len()];
        for row in &r.alignment {
            for &i in &row.a { na[i] += 1; }
            for &i in &row.b { nb[i] += 1; }
        }
        prop_assert!(na.iter().all(|&n| n == 1), "A counts {:?}", na);
        prop_assert!(nb.iter().all(|&n| n == 1), "B counts {:?}", nb);
    }

    #[test]
    fn json_parses_and_is_byte_identical_across_runs(a in story(), b in story()) {
        let one = json(&compare(&doc("a", &a), &doc("b", &b), &Options::default()));
        let two = json(&compare(&doc("a", &a), &doc("b", &b), &Options::default()));
        prop_assert!(serde_json::from_slice::<serde_json::Value>(&one).is_ok());
        prop_assert_eq!(one, two);
    }

    #[test]
    fn a_b_mirrors_b_a(a in story(), b in story()) {
        let ab = compare(&doc("a", &a), &doc("b", &b), &Options::default());
        let ba = compare(&doc("b", &b), &doc("a", &a), &Options::default());
        let (add_ab, drop_ab) = counts(&ab);
        let (add_ba, drop_ba) = counts(&ba);
        prop_assert_eq!(add_ab, drop_ba, "added A→B vs dropped B→A");
        prop_assert_eq!(drop_ab, add_ba, "dropped A→B vs added B→A");
        let pairs = |r: &Report, flip: bool| {
            let mut v: Vec<(Vec<usize>, Vec<usize>)> = r
                .alignment
                .iter()
                .filter(|row| !row.a.is_empty() && !row.b.is_empty())
                .map(|row| if flip { (row.b.clone(), row.a.clone()) } else { (row.a.clone(), row.b.clone()) })
                .collect();
            v.sort();
            v
        };
        prop_assert_eq!(pairs(&ab, false), pairs(&ba, true), "paired sentence sets");
        prop_assert_eq!(ab.summary.conflicts, ba.summary.conflicts, "conflicts");
    }

    #[test]
    fn a_text_compared_with_itself_reports_nothing(a in story()) {
        let r = compare(&doc("a", &a), &doc("a", &a), &Options::default());
        prop_assert!(r.alignment.iter().all(|row| row.op == storydiff::report::RowOp::Equal),
            "non-equal row");
        prop_assert!(r.claims.is_empty(), "claims: {:?}", r.claims);
        // Only in-text inconsistencies may remain (see `itself_does_not_differ_regression`).
        prop_assert!(!r.differs(FailOn::Any) || !r.inconsistencies.is_empty(), "differs");
    }
}

/// Shrunk by proptest from `a_text_compared_with_itself_reports_nothing`: the claims engine
/// flagged two different numbers near the same quote as one figure given twice (an in-text
/// inconsistency), taking a word of the quote for what they count, so a text compared with
/// itself exited 1 under `--fail-on any`.
#[test]
fn itself_does_not_differ_regression() {
    let a = "0 \"we agree,\" said Ann Lee . 1 \"we agree,\" said Ann Lee";
    let r = compare(&doc("a", a), &doc("a", a), &Options::default());
    assert!(!r.differs(FailOn::Any), "{:?}", r.inconsistencies);
}

/// Inputs that fuzzing (`fuzz/fuzz_targets/claims.rs`) found to differ from themselves, kept in
/// `tests/fixtures/fuzz_regressions/`: each compared with itself must report nothing.
#[test]
fn fuzz_regressions_do_not_differ_from_themselves() {
    let dir = crate::util::fixtures_dir().join("fuzz_regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz_regressions folder") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let r = compare(&doc("a", &text), &doc("a", &text), &Options::default());
        assert!(
            !r.differs(FailOn::Any),
            "{}: {:?} {:?}",
            path.display(),
            r.claims,
            r.inconsistencies
        );
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs in {}", dir.display());
}

/// Found by the `claims` fuzz target: a text that gives one event two times ("starts at 9
/// a.m." … "starts at 8 a.m.") contradicts itself, so compared with itself it reports that
/// inconsistency, the same on both sides, and nothing else.
#[test]
fn a_text_that_contradicts_itself_says_so_on_both_sides() {
    let a = "Marathon route changes\n\nThe race starts at 9 a.m. on Sunday.\n\n\
             The race starts at 8 a.m. on Sunday.\n";
    let r = compare(&doc("a", a), &doc("a", a), &Options::default());
    assert!(r
        .alignment
        .iter()
        .all(|row| row.op == storydiff::report::RowOp::Equal));
    assert!(r.claims.is_empty(), "{:?}", r.claims);
    let by_side = |s: storydiff::report::SideId| {
        r.inconsistencies
            .iter()
            .filter(|i| i.side == s)
            .map(|i| (i.first.text.clone(), i.second.text.clone()))
            .collect::<Vec<_>>()
    };
    let a_side = by_side(storydiff::report::SideId::A);
    assert_eq!(a_side, [("9 a.m.".to_string(), "8 a.m.".to_string())]);
    assert_eq!(a_side, by_side(storydiff::report::SideId::B));
}
