//! claims::lexicon: the word tables of the value extractors (dates, numbers), and the
//! common-word list that the name finder consults for sentence openers.
//!
//! Input: one word, already lower-cased by [`lower`]. Output: what the word means to an
//! extractor (a month number, a unit, a qualifier…). Invariants: every table says where its
//! entries came from; lookups never allocate, so scanning a long text stays linear.

pub mod dates;
pub mod numbers;

/// A word lower-cased into a small buffer, for table lookups without allocating.
///
/// Words longer than the buffer, or not ASCII, come out empty: no table entry is either.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    /// The lower-cased word.
    pub fn as_str(&self) -> &str {
        // The buffer holds lower-cased ASCII only, so this cannot fail; fall back to "" anyway.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Lower-cases `word` for lookups ("" when it is too long or not ASCII).
pub fn lower(word: &str) -> Lower {
    let bytes = word.as_bytes();
    let mut out = Lower {
        buf: [0; 24],
        len: 0,
    };
    if bytes.len() <= out.buf.len() && word.is_ascii() {
        for (d, c) in out.buf.iter_mut().zip(bytes) {
            *d = c.to_ascii_lowercase();
        }
        out.len = bytes.len();
    }
    out
}

/// Looks `key` (lower-case) up in a table of `(word, value)` pairs.
pub fn look<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    if key.is_empty() {
        return None;
    }
    table.iter().find(|(w, _)| *w == key).map(|(_, v)| *v)
}

/// The common-word list (see the header of `common_words.txt` for where it comes from), one
/// lower-case word a line, sorted bytewise; `#` lines are its header.
const COMMON_WORDS: &str = include_str!("common_words.txt");

/// True when `word` (lower-case ASCII) is a common English word that an English word list does
/// not also give as a name: "drivers", "local" are; "smith", "may", "brown" are not.
pub fn is_common_word(word: &str) -> bool {
    // Binary search on the embedded text itself, as look(1) does on a sorted file: no table
    // to build at start-up (62,000 lines cost about a millisecond a process, most of the run
    // time on a short article pair).
    // The `#` header lines sort before every lower-case word, so the search may run over
    // the whole text; a key is lower-case ASCII letters only.
    let body = COMMON_WORDS.as_bytes();
    let key = word.as_bytes();
    if key.is_empty() || !key.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    // The line that holds byte `at`: (start, end without the newline).
    let line_at = |at: usize| -> (usize, usize) {
        let start = body[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |k| k + 1);
        let end = body[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |k| at + k);
        (start, end)
    };
    // Invariant: every line starting before `lo` is < key; every line starting at or after
    // `hi` is > key.
    let (mut lo, mut hi) = (0usize, body.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (start, end) = line_at(mid);
        match body[start..end].cmp(key) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// True when `key` (lower-case) is in `list`.
pub fn is_in(list: &[&str], key: &str) -> bool {
    !key.is_empty() && list.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::is_common_word;

    #[test]
    fn common_words_are_known_and_names_are_not() {
        for w in [
            "drivers",
            "engineers",
            "forecasters",
            "winds",
            "local",
            "officials",
        ] {
            assert!(is_common_word(w), "{w}");
        }
        for w in ["smith", "bush", "may", "blinken", "xi", "", "Drivers"] {
            assert!(!is_common_word(w), "{w}");
        }
    }

    /// The search finds every word of the list, and nothing between or around them.
    #[test]
    fn every_listed_word_is_found() {
        let words: Vec<&str> = super::COMMON_WORDS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(words.len() > 60_000);
        for w in &words {
            assert!(is_common_word(w), "{w}");
            let more = format!("{w}qq");
            assert_eq!(
                is_common_word(&more),
                words.binary_search(&more.as_str()).is_ok()
            );
        }
        for w in ["a", "zzzzzz", "aaa", "copyright", "scowl", "kevin"] {
            assert_eq!(is_common_word(w), words.binary_search(&w).is_ok(), "{w}");
        }
    }
}
