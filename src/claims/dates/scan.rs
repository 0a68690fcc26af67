//! claims::dates::scan: the tokenizer shared by the date and number extractors.
//!
//! Input: any text. Output: tokens (runs of letters, runs of ASCII digits, single other
//! characters) with byte spans. Invariants: spans lie on char boundaries, in order, never
//! overlap; one pass over the text, so time and memory are linear in its length.

use crate::claims::lexicon::{lower, Lower};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of alphabetic characters (any script).
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct,
}

/// One token: its kind and byte span.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// A tokenised text with the lookups both extractors need. Indexes past the end answer as
/// "nothing there", so patterns can look ahead without bounds checks.
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Each token lower-cased for table lookups, worked out once — for a text of at most
    /// [`KEEP_LOWS_UP_TO`] bytes (a sentence): the parsers ask for it again and again at each
    /// position. A longer text (the anchor policy scans whole texts) keeps none and works it
    /// out when asked: 32 bytes a token of a whole text cost more than the recomputation.
    lows: Vec<Lower>,
}

/// The longest text whose tokens keep their lower-cased form (see [`Toks`]).
const KEEP_LOWS_UP_TO: usize = 1 << 16;

impl<'a> Toks<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut toks = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Punct
            };
            let mut end = i + c.len_utf8();
            if kind != Kind::Punct {
                while let Some(&(j, d)) = it.peek() {
                    let same = match kind {
                        Kind::Num => d.is_ascii_digit(),
                        _ => d.is_alphabetic(),
                    };
                    if !same {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
            }
            toks.push(Tok {
                kind,
                start: i,
                end,
            });
        }
        let lows = if text.len() <= KEEP_LOWS_UP_TO {
            toks.iter()
                .map(|t| lower(text.get(t.start..t.end).unwrap_or("")))
                .collect()
        } else {
            Vec::new()
        };
        Toks { text, toks, lows }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token's text ("" past the end).
    pub(crate) fn s(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub(crate) fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    /// The token lower-cased for table lookups (empty when too long or not ASCII).
    pub(crate) fn low(&self, i: usize) -> Lower {
        match self.lows.get(i) {
            Some(l) => *l,
            None => lower(self.s(i)),
        }
    }

    /// True when token `i` is the word `w` (ASCII case-insensitive).
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }

    /// True when token `i` is the single character `c`.
    pub(crate) fn is_p(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.s(i).starts_with(c)
    }

    /// True when token `i` is one of the dashes used in ranges and compounds.
    pub(crate) fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct) && matches!(self.s(i), "-" | "–" | "—" | "‐" | "‑")
    }

    /// True when token `i` is an apostrophe (straight or curly).
    pub(crate) fn is_apos(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct) && matches!(self.s(i), "'" | "’" | "‘")
    }

    /// True when tokens `i` and `i + 1` touch (no space between them).
    pub(crate) fn adj(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// True when the word starts with an upper-case letter.
    pub(crate) fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when every letter of the word is upper case (an acronym like "USD").
    pub(crate) fn is_upper(&self, i: usize) -> bool {
        self.is_word(i) && self.s(i).chars().all(char::is_uppercase)
    }

    /// The value of a digit run of at most 18 digits.
    pub(crate) fn int(&self, i: usize) -> Option<u64> {
        if !self.is_num(i) {
            return None;
        }
        let s = self.s(i);
        if s.len() > 18 {
            return None;
        }
        s.parse().ok()
    }

    /// Number of digits of a digit token (0 for other tokens).
    pub(crate) fn digits(&self, i: usize) -> usize {
        if self.is_num(i) {
            self.s(i).len()
        } else {
            0
        }
    }

    /// Byte span from the start of token `a` to the end of token `b` (inclusive).
    pub(crate) fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let s = self.toks.get(a).map_or(self.text.len(), |t| t.start);
        let e = self.toks.get(b).map_or(s, |t| t.end);
        (s, e.max(s))
    }

    /// True when a sentence or clause boundary lies between token `i - 1` and token `i`: the
    /// token before is ". ! ? ; :" or a line break separates them.
    pub(crate) fn boundary_before(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let prev = &self.toks[i - 1];
        if prev.kind == Kind::Punct && matches!(self.s(i - 1), "." | "!" | "?" | ";" | ":") {
            return true;
        }
        match self.toks.get(i) {
            Some(t) => self
                .text
                .get(prev.end..t.start)
                .is_some_and(|gap| gap.contains('\n')),
            None => false,
        }
    }

    /// True when token `i` starts a sentence (first token, or after a boundary or an opening
    /// quote/bracket at a boundary).
    pub(crate) fn starts_sentence(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 && self.kind(j - 1) == Some(Kind::Punct) {
            let p = self.s(j - 1);
            if matches!(p, "\"" | "“" | "‘" | "'" | "(" | "[" | "«") {
                j -= 1;
            } else {
                break;
            }
        }
        self.boundary_before(j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenises_words_digits_and_marks() {
        let t = Toks::new("Apr. 26, 2024 — 3bn £2m über");
        let got: Vec<&str> = (0..t.len()).map(|i| t.s(i)).collect();
        assert_eq!(
            got,
            ["Apr", ".", "26", ",", "2024", "—", "3", "bn", "£", "2", "m", "über"]
        );
        assert!(t.adj(0) && !t.adj(1) && t.adj(6) && t.adj(8));
        assert_eq!(t.s(99), "");
        assert!(t.is_dash(5));
    }

    #[test]
    fn finds_boundaries() {
        let t = Toks::new("He left. Then\nshe came");
        assert!(t.boundary_before(0));
        assert!(t.boundary_before(3));
        assert!(!t.boundary_before(1));
        assert!(t.boundary_before(4));
    }
}
