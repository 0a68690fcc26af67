//! segment property tests: on arbitrary Unicode strings and on news-like random text, the
//! sentence spans are non-empty, increasing, disjoint, on char boundaries, trimmed, and cover
//! every non-white-space char exactly once; datelines lie inside their sentence.

use proptest::prelude::*;
use storydiff::segment::{segment, Segment};

fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn check(text: &str, segs: &[Segment]) -> Result<(), TestCaseError> {
    let mut prev = 0;
    for s in segs {
        prop_assert!(s.start < s.end, "empty span {:?}", s);
        prop_assert!(s.start >= prev, "overlap {:?}", s);
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = &text[s.start..s.end];
        prop_assert!(
            !t.starts_with(is_ws) && !t.ends_with(is_ws),
            "untrimmed {:?}",
            t
        );
        prop_assert!(
            text[prev..s.start].chars().all(is_ws),
            "uncovered text before {:?}",
            s
        );
        if let Some(d) = s.dateline {
            prop_assert!(d.start >= s.start && d.end <= s.end && d.start < d.end);
        }
        prev = s.end;
    }
    prop_assert!(text[prev..].chars().all(is_ws), "uncovered tail");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_any_unicode(text in any::<String>()) {
        check(&text, &segment(&text))?;
    }

    #[test]
    fn invariants_on_news_like_text(
        text in "([A-Za-z]{1,8}|U\\.S\\.|Mr\\.|a\\.m\\.|[0-9]{1,4}(\\.[0-9])?|[.?!…“”\"'()\\[\\]•-]|\u{a0}|\u{feff}| |\n|\r\n|\r|\n\n|:|,){0,80}"
    ) {
        check(&text, &segment(&text))?;
    }
}
