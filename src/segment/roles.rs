//! segment roles: decides which sentences are headlines, page furniture or body text.
//!
//! Input: the text and the sentences found in it, with each sentence's layout shape. Output:
//! the `role` field of each segment. Invariant: never changes spans; looks at each sentence a
//! bounded number of times (prefix sums, no rescans), so it stays linear.
//!
//! Rules, most specific first:
//! - listed furniture (see `tables.rs`): whole lines such as "Related Articles",
//!   "Back to top button", "Advertisement"; lines starting "ePaper", "Photo:", "©"; credits
//!   such as "(AP Photo/…)"; bylines ("By Jane Doe");
//! - a sentence with final punctuation, a list item, a long one, or one sharing its line is
//!   body text;
//! - the remaining short unpunctuated lines are placed by where they stand: before the first
//!   body sentence they are headlines, except a short all-capitals line above a headline
//!   (a section label: furniture); after the last body sentence they are furniture
//!   ("Related Articles", footers); in between, a capitalised line ("RESCUE EFFORTS") or a
//!   line alone in its paragraph is a subhead, which is furniture (a section label, not a
//!   sentence of the story), and anything else is body.

use super::{tables, Segment};
use crate::report::Role;

/// Layout facts about one segment, computed while segmenting.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    /// The segment is a whole line on its own.
    pub whole_line: bool,
}

#[derive(Debug, Clone, Copy)]
struct Facts {
    /// A short whole line ending in "?" or "!": a headline when it opens the story.
    question: bool,
    furniture: bool,
    body: bool,
    all_caps: bool,
    words: usize,
    alone_in_paragraph: bool,
}

/// Sets `role` on every segment.
pub(super) fn assign(text: &str, segs: &mut [Segment], shapes: &[Shape]) {
    let n = segs.len();
    let mut facts: Vec<Facts> = (0..n)
        .map(|i| {
            let s = &segs[i];
            let t = &text[s.start..s.end];
            let whole = shapes.get(i).is_some_and(|sh| sh.whole_line);
            let words = t
                .split(super::is_ws)
                .filter(|w| !w.is_empty())
                .take(64)
                .count();
            let punct = ends_with_stop(t);
            let furniture = is_furniture(t, whole, words);
            let alone = (i == 0 || segs[i - 1].paragraph != s.paragraph)
                && (i + 1 == n || segs[i + 1].paragraph != s.paragraph);
            Facts {
                question: whole && words <= 15 && !furniture && ends_with_question(t),
                furniture,
                body: !furniture && (punct || words > 30 || !whole || is_list_item(t)),
                all_caps: is_all_caps(t),
                words,
                alone_in_paragraph: alone,
            }
        })
        .collect();
    // questions and exclamations on lines of their own at the top are headlines, as long as
    // body text follows them
    let lead_questions: Vec<usize> = facts
        .iter()
        .enumerate()
        .take_while(|(_, f)| !f.body || f.question)
        .filter(|(_, f)| f.body)
        .map(|(i, _)| i)
        .collect();
    let body_after = lead_questions
        .last()
        .is_some_and(|&l| facts[l + 1..].iter().any(|f| f.body));
    if body_after {
        for &i in &lead_questions {
            facts[i].body = false;
        }
    }
    let first_body = facts.iter().position(|f| f.body).unwrap_or(n);
    let last_body = facts.iter().rposition(|f| f.body);
    // for the section-label rule: is there a non-capitals headline candidate later in the top?
    let mut mixed_after = vec![false; n + 1];
    for i in (0..first_body.min(n)).rev() {
        let f = facts[i];
        mixed_after[i] = mixed_after[i + 1] || (!f.furniture && !f.all_caps);
    }
    for i in 0..n {
        let f = facts[i];
        segs[i].role = if f.furniture {
            Role::Furniture
        } else if f.body {
            Role::Body
        } else if i < first_body {
            if f.all_caps && f.words <= 4 && mixed_after[i + 1] {
                Role::Furniture
            } else {
                Role::Headline
            }
        } else if last_body.is_some_and(|l| i > l) {
            if f.words <= 6 {
                Role::Furniture
            } else {
                Role::Body
            }
        } else if (f.all_caps || f.alone_in_paragraph) && f.words <= 15 {
            // a subhead inside the story ("RESCUE EFFORTS", "What happens next"): a section
            // label, so furniture, never a sentence to align or to raise claims from
            Role::Furniture
        } else {
            Role::Body
        };
    }
}

/// Opens with a bullet, a dash or a list marker ("- cut taxes", "2) raise spending").
fn is_list_item(t: &str) -> bool {
    t.starts_with(super::is_bullet)
        || t.starts_with(['-', '*', '–', '—', '+'])
        || t.split(super::is_ws)
            .next()
            .is_some_and(|w| super::list_marker(w).is_some())
}

/// Ends in sentence-final punctuation, possibly inside closing quotes or brackets.
fn ends_with_stop(t: &str) -> bool {
    t.trim_end_matches(super::CLOSERS)
        .ends_with(['.', '?', '!', '…', ':', ';', '。', '！', '？'])
}

fn ends_with_question(t: &str) -> bool {
    t.trim_end_matches(super::CLOSERS).ends_with(['?', '!'])
}

fn is_all_caps(t: &str) -> bool {
    let mut letters = 0;
    for c in t.chars().take(200) {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Lower-cased line with white space collapsed and trailing ":»›>|•-" removed (bounded).
fn normalise(t: &str) -> String {
    let mut out = String::new();
    for w in t.split(super::is_ws).filter(|w| !w.is_empty()).take(40) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    out.trim_end_matches([':', '»', '›', '>', '|', '•', '-', '–', '—', ' '])
        .to_string()
}

fn is_furniture(t: &str, whole_line: bool, words: usize) -> bool {
    if words > 30 || t.len() > 400 {
        return false;
    }
    let norm = normalise(t);
    // credits in brackets and copyright notices, wherever they stand
    if t.starts_with('(') && t.ends_with(')') && words <= 12 && tables::has_furniture_marker(&norm)
    {
        return true;
    }
    if norm.starts_with('©')
        || norm.starts_with("copyright")
        || norm.contains("all rights reserved")
    {
        return true;
    }
    // a caption credit cut off its caption: "… at dusk Image: City Council."
    if words <= 12
        && t.split(super::is_ws)
            .next()
            .is_some_and(super::is_credit_label)
    {
        return true;
    }
    if !whole_line {
        return false;
    }
    tables::is_furniture_line(&norm)
        || (tables::has_furniture_prefix(&norm) && words <= 25)
        || (tables::has_furniture_marker(&norm) && words <= 12)
        || is_byline(t, words)
}

/// "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Staff Reporter".
fn is_byline(t: &str, words: usize) -> bool {
    if !(2..=9).contains(&words)
        || t.trim_end_matches(super::CLOSERS)
            .ends_with(['.', '?', '!'])
    {
        return false;
    }
    let mut ws = t.split(super::is_ws).filter(|w| !w.is_empty());
    if !ws.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        return false;
    }
    ws.all(|w| {
        let w = w.trim_matches([',', '|']);
        w.is_empty()
            || w.starts_with(char::is_uppercase)
            || matches!(
                w,
                "and" | "&" | "de" | "van" | "von" | "der" | "la" | "al" | "bin" | "in"
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert!(is_byline("By Jane Doe", 3));
        assert!(is_byline("BY JANE DOE AND JOHN ROE", 6));
        assert!(is_byline("By Jane Doe, Staff Reporter", 5));
        assert!(!is_byline("By Tuesday the talks had failed.", 6));
        assert!(!is_byline("By then it was late", 5));
    }

    #[test]
    fn furniture_lines() {
        assert!(is_furniture("Related Articles", true, 2));
        assert!(is_furniture("Back to top button", true, 4));
        assert!(is_furniture("ePaper - Nawaiwaqt", true, 3));
        assert!(is_furniture("Photo: Reuters", true, 2));
        assert!(is_furniture("(AP Photo/Jane Doe)", false, 3));
        assert!(is_furniture(
            "© 2024 The Daily Planet. All rights reserved.",
            true,
            8
        ));
        assert!(is_furniture("Read more:", true, 2));
        assert!(is_furniture("Share this article", true, 3));
        assert!(!is_furniture("Related talks resume on Monday", true, 5));
        assert!(!is_furniture(
            "The bridge was last repaired in 2009.",
            true,
            7
        ));
    }
}
