//! segment performance tests: inputs that would expose quadratic scans (one 10 MB line with
//! no punctuation, 100,000 blank lines, 100,000 one-word sentences, long runs of dots and
//! quotes) must segment quickly. The limits are generous for unoptimised test builds; a
//! quadratic algorithm would take minutes.

use std::time::{Duration, Instant};
use storydiff::segment::segment;

fn timed(name: &str, text: &str, limit: Duration) -> usize {
    let t = Instant::now();
    let n = segment(text).len();
    let took = t.elapsed();
    assert!(took < limit, "{name}: {took:?} (limit {limit:?})");
    n
}

#[test]
fn one_long_line_without_punctuation() {
    let text = "word ".repeat(2_000_000); // 10 MB
    assert_eq!(timed("10 MB line", &text, Duration::from_secs(20)), 1);
    let text = "x".repeat(10_000_000);
    assert_eq!(timed("10 MB token", &text, Duration::from_secs(20)), 1);
}

#[test]
fn many_blank_lines() {
    let text = format!("Start.{}End.", "\n".repeat(100_000));
    assert_eq!(timed("blank lines", &text, Duration::from_secs(5)), 2);
    let text = "\r\n \r\n".repeat(100_000);
    assert_eq!(timed("blank CRLF lines", &text, Duration::from_secs(5)), 0);
}

#[test]
fn many_one_word_sentences() {
    let text = "Yes. ".repeat(100_000);
    assert_eq!(
        timed("one-word sentences", &text, Duration::from_secs(10)),
        100_000
    );
    let text = "Go!\n".repeat(100_000);
    assert_eq!(
        timed("one-word lines", &text, Duration::from_secs(10)),
        100_000
    );
}

#[test]
fn pathological_punctuation() {
    for (name, text) in [
        ("dots", ". ".repeat(200_000)),
        ("glued dots", "a.".repeat(500_000)),
        ("open quotes", "“a ".repeat(200_000)),
        ("quotes", "said “a. ".repeat(100_000)),
        ("initials", "A. ".repeat(200_000)),
        ("markers", "1. a ".repeat(100_000)),
    ] {
        timed(name, &text, Duration::from_secs(15));
    }
}
