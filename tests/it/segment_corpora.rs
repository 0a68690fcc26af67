//! segment corpus tests: the golden-rule pass counts and the GUM news boundary F1 stay at or
//! above the figures measured when the segmenter was written (minus a small margin), and the
//! seed pair and the built-in example segment as expected. Corpus and seed tests read
//! `../shared` and print "SKIPPED <test>: ../shared absent" (storydiff_eval::corpora::skip) when it
//! is missing.

use storydiff::report::Role;
use storydiff::segment::segment;
use storydiff_eval::corpora::{corpus_dir, seeds_dir};
use storydiff_eval::segment as eval;

/// Measured on 2026-11-22 (see BENCHMARKS.md): golden rules 50/50, spec regressions
/// 93/105, GUM all-docs F1 0.981.
const MIN_RULES: usize = 50;
const MIN_SPEC: usize = 91;
const MIN_GUM_F1: f64 = 0.975;

#[test]
fn golden_rules_hold() {
    let Some(dir) = corpus_dir("pragmatic-segmenter-golden-rules") else {
        storydiff_eval::corpora::skip("../shared absent");
        return;
    };
    let text = std::fs::read_to_string(dir.join("en_cases.jsonl")).expect("readable corpus");
    let sc = eval::golden_rules(&text);
    assert_eq!(sc.errors, 0);
    assert_eq!(sc.rules_total, 50);
    assert_eq!(sc.spec_total, 105);
    let failing: Vec<&str> = sc.failures.iter().map(|f| f.0.as_str()).collect();
    assert!(
        sc.rules_passed >= MIN_RULES,
        "golden rules {}/{}; failing {failing:?}",
        sc.rules_passed,
        sc.rules_total
    );
    assert!(
        sc.spec_passed >= MIN_SPEC,
        "spec regressions {}/{}; failing {failing:?}",
        sc.spec_passed,
        sc.spec_total
    );
}

#[test]
fn gum_news_f1_holds() {
    let Some(dir) = corpus_dir("gum-news-sbd") else {
        storydiff_eval::corpora::skip("../shared absent");
        return;
    };
    let text = std::fs::read_to_string(dir.join("gum_news_docs.jsonl")).expect("readable corpus");
    let sc = eval::gum(&text);
    assert_eq!(sc.docs, 24);
    assert_eq!(sc.all.tp + sc.all.fn_, 406, "gold in-block boundaries");
    assert!(
        sc.all.f1() >= MIN_GUM_F1,
        "GUM F1 {:.3} (P {:.3} R {:.3})",
        sc.all.f1(),
        sc.all.precision(),
        sc.all.recall()
    );
}

fn read_seed(prefix: &str) -> Option<String> {
    let dir = seeds_dir()?;
    let entry = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))?;
    let p = storydiff_eval::corpora::seed_file(&entry.file_name().to_string_lossy())?;
    Some(std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

/// (role, text) of every sentence.
fn roles(text: &str) -> Vec<(Role, &str)> {
    segment(text)
        .into_iter()
        .map(|s| (s.role, &text[s.start..s.end]))
        .collect()
}

fn furniture<'a>(r: &[(Role, &'a str)]) -> Vec<&'a str> {
    r.iter()
        .filter(|(role, _)| *role == Role::Furniture)
        .map(|(_, t)| *t)
        .collect()
}

#[test]
fn seed_pair_segments_right() {
    let (Some(a), Some(b)) = (read_seed("000_"), read_seed("001_")) else {
        storydiff_eval::corpora::skip("../shared absent");
        return;
    };
    let ra = roles(&a);
    let rb = roles(&b);
    assert_eq!(furniture(&ra), ["ePaper - Nawaiwaqt"]);
    assert_eq!(
        furniture(&rb),
        ["INTERNATIONAL", "Related Articles", "Back to top button"]
    );
    let heads =
        |r: &[(Role, &str)]| -> usize { r.iter().filter(|x| x.0 == Role::Headline).count() };
    assert_eq!(heads(&ra), 2);
    assert_eq!(heads(&rb), 1);
    assert_eq!(ra[0].0, Role::Headline);
    assert!(ra[0].1.ends_with("US elections: Blinken"));
    assert_eq!(rb[1].0, Role::Headline);
    assert!(rb[1].1.starts_with("Blinken claims that China"));
    // every body sentence ends where its sentence ends
    for (role, t) in ra.iter().chain(rb.iter()) {
        if *role == Role::Body {
            let end = t.trim_end_matches(['”', '"', '’', ')']);
            assert!(end.ends_with(['.', '?', '!']), "body sentence {t:?}");
        }
    }
    assert_eq!(ra.len(), 19);
    assert_eq!(rb.len(), 16);
    assert!(ra.iter().any(|x| x.1
        == "Then, Xi had pledged that that China would not do so, according to CNN reporting."));
    assert!(ra
        .iter()
        .any(|x| x.1 == "“The two countries should be partners, not rivals,” Xi said."));
    assert!(ra
        .iter()
        .any(|x| x.1.starts_with("Earlier China’s Foreign Minister Wang Yi")));
    assert!(rb.iter().any(|x| x
        .1
        .starts_with("During his time there, the top US diplomat")));
    // datelines
    let sa = segment(&a);
    let d = sa
        .iter()
        .find_map(|s| s.dateline)
        .expect("dateline in version A");
    assert!(a[d.start..d.end].starts_with("BEIJING") && a[d.start..d.end].ends_with('-'));
    assert!(a[d.end..].trim_start().starts_with("US Secretary of State"));
    let sb = segment(&b);
    let d = sb
        .iter()
        .find_map(|s| s.dateline)
        .expect("dateline in version B");
    assert_eq!(&b[d.start..d.end], "Beijing:");
    assert_eq!(sa.iter().filter(|s| s.dateline.is_some()).count(), 1);
    assert_eq!(sb.iter().filter(|s| s.dateline.is_some()).count(), 1);
}

#[test]
fn built_in_example_segments_right() {
    let a = crate::util::fixture_text("example", "a.txt");
    let b = crate::util::fixture_text("example", "b.txt");
    let ra = roles(&a);
    let rb = roles(&b);
    assert_eq!(
        ra[0],
        (
            Role::Headline,
            "Harbour bridge to close for three weeks of repairs"
        )
    );
    assert_eq!(furniture(&ra), ["Related Articles"]);
    assert_eq!(rb[0], (Role::Furniture, "LOCAL NEWS"));
    assert_eq!(
        rb[1],
        (
            Role::Headline,
            "Old Harbour Bridge shuts for a month as cables corrode"
        )
    );
    assert_eq!(furniture(&rb), ["LOCAL NEWS", "Back to top"]);
    assert!(ra.contains(&(
        Role::Body,
        "\"The bridge will reopen only when the engineers are satisfied.\""
    )));
    assert!(rb.contains(&(
        Role::Body,
        "Inspectors had found corrosion in two steel cables."
    )));
    assert_eq!(ra.len(), 9);
    assert_eq!(rb.len(), 10);
    for s in segment(&a).iter().chain(segment(&b).iter()) {
        if s.role == Role::Body && s.paragraph == 1 {
            assert!(s.dateline.is_some());
        }
    }
}
