//! align::worddiff: the A text and the B text of one paired row → word-level diff chunks.
//!
//! Input: two texts. Output: [`DiffChunk`]s whose `equal` and `insert` texts concatenate to
//! exactly the B text, and whose `equal` and `delete` texts concatenate to the A text up to
//! quote and dash variants (an equal run shows B's spelling). Invariants: no empty chunk, no
//! two neighbouring chunks of the same op, deletions before insertions inside a change.
//!
//! Tokens are words, runs of white space and single punctuation marks; they are compared
//! through a key in which ’ and ', “ and ", — – and -- are the same, and all white space is one
//! space, then diffed with `similar` (Myers). To keep the chunks readable, an equal run that
//! stands between two changes and holds no more than one short word (≤ 3 letters: "a", "of",
//! "the") or only white space and punctuation is folded into the change on both sides, so that
//! "the [-talks-] [+meeting+] in [-Beijing-] [+China+]" reads as
//! "the [-talks in Beijing-] [+meeting in China+]": a reader sees one replaced phrase rather
//! than a comb of one-word changes.

use crate::report::{DiffChunk, DiffOp};

/// Splits into words (letters, digits, apostrophes inside words), white-space runs and single
/// other characters (dash runs stay together so that `--` is one token).
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let kind = |c: char| {
            if c.is_whitespace() {
                0
            } else if c.is_alphanumeric() {
                1
            } else if c == '-' || c == '\u{2013}' || c == '\u{2014}' {
                2
            } else {
                3
            }
        };
        let k = kind(c);
        let mut end = i + c.len_utf8();
        if k != 3 {
            while let Some(&(j, d)) = it.peek() {
                let joins = kind(d) == k
                    || (k == 1
                        && matches!(d, '\'' | '\u{2019}')
                        && s[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric));
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
        }
        out.push(&s[i..end]);
    }
    out
}

fn key(t: &str) -> String {
    if t.chars().all(char::is_whitespace) {
        return " ".to_string();
    }
    match t {
        "\u{2014}" | "\u{2013}" | "--" | "---" => return "--".to_string(),
        _ => {}
    }
    t.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect()
}

enum Region {
    Equal(String),
    Change(String, String),
}

fn foldable(text: &str) -> bool {
    let letters: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    letters.is_empty() || (letters.len() == 1 && letters[0].chars().count() <= 3)
}

/// Most tokens (words, spaces, marks) on either side that are diffed word by word. Myers' diff
/// costs O((N + M)·D); a row this long (a paragraph has a few hundred tokens) is pathological,
/// say a 10 MB text without a sentence break, and is shown as one deletion and one insertion.
/// A counted bound rather than `similar`'s deadline API: a wall-clock deadline would give a
/// different diff on a loaded machine, and the contract wants the same answer for the same
/// inputs.
pub const MAX_DIFF_TOKENS: usize = 5_000;

/// Word-level diff of `a` against `b`.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffChunk> {
    word_diff_checked(a, b).0
}

/// [`word_diff`], also telling whether the texts were too long ([`MAX_DIFF_TOKENS`]) and were
/// diffed as a whole instead.
pub fn word_diff_checked(a: &str, b: &str) -> (Vec<DiffChunk>, bool) {
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.len() > MAX_DIFF_TOKENS || tb.len() > MAX_DIFF_TOKENS {
        let same = ta.len() == tb.len() && ta.iter().zip(&tb).all(|(x, y)| key(x) == key(y));
        let chunks = if same {
            vec![DiffChunk {
                op: DiffOp::Equal,
                text: b.to_string(),
            }]
        } else {
            [(DiffOp::Delete, a), (DiffOp::Insert, b)]
                .into_iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(op, t)| DiffChunk {
                    op,
                    text: t.to_string(),
                })
                .collect()
        };
        return (chunks, true);
    }
    (diff_tokens(&ta, &tb), false)
}

fn diff_tokens(ta: &[&str], tb: &[&str]) -> Vec<DiffChunk> {
    let ka: Vec<String> = ta.iter().map(|t| key(t)).collect();
    let kb: Vec<String> = tb.iter().map(|t| key(t)).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &ka, &kb);
    let mut regions: Vec<Region> = Vec::new();
    let push_change = |regions: &mut Vec<Region>, d: String, i: String| {
        if let Some(Region::Change(pd, pi)) = regions.last_mut() {
            pd.push_str(&d);
            pi.push_str(&i);
        } else {
            regions.push(Region::Change(d, i));
        }
    };
    for op in ops {
        match op {
            similar::DiffOp::Equal { new_index, len, .. } => {
                let text: String = tb[new_index..new_index + len].concat();
                regions.push(Region::Equal(text));
            }
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push_change(
                &mut regions,
                ta[old_index..old_index + old_len].concat(),
                String::new(),
            ),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push_change(
                &mut regions,
                String::new(),
                tb[new_index..new_index + new_len].concat(),
            ),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => push_change(
                &mut regions,
                ta[old_index..old_index + old_len].concat(),
                tb[new_index..new_index + new_len].concat(),
            ),
        }
    }
    // Fold small equal runs standing between two changes into them.
    let mut folded: Vec<Region> = Vec::new();
    let mut it = regions.into_iter().peekable();
    while let Some(r) = it.next() {
        match r {
            Region::Equal(t)
                if foldable(&t)
                    && matches!(folded.last(), Some(Region::Change(..)))
                    && matches!(it.peek(), Some(Region::Change(..))) =>
            {
                if let (Some(Region::Change(d, i)), Some(Region::Change(nd, ni))) =
                    (folded.last_mut(), it.next())
                {
                    d.push_str(&t);
                    d.push_str(&nd);
                    i.push_str(&t);
                    i.push_str(&ni);
                }
            }
            r => folded.push(r),
        }
    }
    let mut out: Vec<DiffChunk> = Vec::new();
    let mut emit = |op: DiffOp, text: String| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ => out.push(DiffChunk { op, text }),
        }
    };
    for r in folded {
        match r {
            Region::Equal(t) => emit(DiffOp::Equal, t),
            Region::Change(d, i) => {
                emit(DiffOp::Delete, d);
                emit(DiffOp::Insert, i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(chunks: &[DiffChunk]) -> String {
        chunks
            .iter()
            .map(|c| match c.op {
                DiffOp::Equal => c.text.clone(),
                DiffOp::Delete => format!("[-{}-]", c.text),
                DiffOp::Insert => format!("{{+{}+}}", c.text),
            })
            .collect()
    }

    fn b_text(chunks: &[DiffChunk]) -> String {
        chunks
            .iter()
            .filter(|c| c.op != DiffOp::Delete)
            .map(|c| c.text.as_str())
            .collect()
    }

    #[test]
    fn quote_and_dash_variants_are_equal() {
        let a = "He said \"it's over\" -- and left.";
        let b = "He said “it’s over” — and left.";
        let d = word_diff(a, b);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].op, DiffOp::Equal);
        assert_eq!(d[0].text, b);
    }

    #[test]
    fn small_equal_runs_fold_into_the_change() {
        let d = word_diff("the talks in Beijing ended.", "the meeting in China ended.");
        assert_eq!(
            render(&d),
            "the [-talks in Beijing-]{+meeting in China+} ended."
        );
    }

    #[test]
    fn b_text_is_rebuilt_exactly() {
        let a = "Xi met  Blinken on Friday, officials said.";
        let b = "On Friday Xi met Blinken, said officials in Beijing.";
        assert_eq!(b_text(&word_diff(a, b)), b);
    }

    #[test]
    fn very_long_texts_are_diffed_whole() {
        let a = "word ".repeat(MAX_DIFF_TOKENS);
        let b = "other ".repeat(MAX_DIFF_TOKENS);
        let (d, coarse) = word_diff_checked(&a, &b);
        assert!(coarse);
        assert_eq!(render(&d), format!("[-{a}-]{{+{b}+}}"));
        assert!(!word_diff_checked("a b", "a c").1);
    }

    #[test]
    fn empty_sides() {
        assert!(word_diff("", "").is_empty());
        assert_eq!(render(&word_diff("", "New.")), "{+New.+}");
        assert_eq!(render(&word_diff("Old.", "")), "[-Old.-]");
    }
}
