//! text: one reading of the words of both texts, made once per comparison, below the stages
//! that read words.
//!
//! Input: the sentences of a text (after `segment`). Output: a [`Reading`], the word tokens
//! of every sentence with their byte spans, each token pointing into one [`Lexicon`] shared by
//! both texts: the lower-cased form of every distinct word is stored once, and what the stages
//! ask of a word — its stem, the 64-bit key of that stem, whether it is a function word or a
//! figure — is worked out once per distinct word, not once per occurrence.
//!
//! **What a word is** (the one rule): a maximal run of alphanumeric characters (Unicode
//! `char::is_alphanumeric`), so apostrophes, hyphens, dots and commas split ("China's" →
//! "china", "s"; "5.5" → "5", "5"). Lower case is Unicode `to_lowercase`; a token is
//! *capitalised* when its first character is upper case.
//!
//! **Who reads it.** The claim stage (`claims::extract`, its capitalisation [`Vocab`] and the
//! context bags of `claims::engine`) reads the tokens and the lexicon's stems, keys and word
//! classes. The stages that keep a tokeniser of their own do so because their rule differs:
//! - `segment` splits at white space and looks at the punctuation a word carries (a full stop,
//!   a closing quote): it runs before there are sentences to read, and decides them;
//! - `align::similarity` keeps "5.5" and "1,000" as one number and stems with Porter (Snowball
//!   English), a choice measured on MSRP and STS-B (BENCHMARKS.md, "Sentence similarity");
//! - `align::worddiff` diffs runs of words, white space and punctuation, which it must show;
//! - `claims::dates::scan` reads digits, dots, slashes and ordinals as date parts.
//!
//! Two lists of function words stay, each chosen for its use: `align::similarity`'s (the NLTK
//! list, which lowers a word's weight in the sentence similarity; measured on MSRP and STS-B)
//! and the claim stage's `cues::STOP` (the words that are never the context of a claim); the
//! lexicon records the second once per distinct word.
//!
//! The stemmer here ([`stem`]) is deliberately crude (plural "s"/"ies", "ing", "ed"): it groups
//! the context words of a claim, where Porter's deeper cuts ("university" → "univers") merged
//! unrelated words. Invariants: token spans lie on char boundaries of the text; the lexicon
//! never forgets a word, so an id stays valid for the whole comparison; nothing here depends on
//! hash-map iteration order.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::report::Sentence;

/// A lower-cased word, shared: every token of a word points to one allocation.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Word(Rc<str>);

impl Word {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Word {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Word {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Word {
    fn from(s: &str) -> Word {
        Word(Rc::from(s))
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The index of a distinct word in its [`Lexicon`].
pub(crate) type WordId = u32;

/// The id of a token read outside any lexicon ([`tokens`]): it names no entry.
pub(crate) const NO_WORD: WordId = WordId::MAX;

/// A word of a text with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// The word in lower case.
    pub lower: Word,
    /// The word's entry in the comparison's [`Lexicon`] ([`NO_WORD`] for tokens read by
    /// [`tokens`], outside it).
    pub id: WordId,
    /// Whether the word's first character is upper case.
    pub cap: bool,
}

/// What is known of one distinct word.
#[derive(Debug)]
struct Entry {
    lower: Word,
    /// The entry of its [`stem`] (itself when the stem is the word).
    stem: WordId,
    /// [`stem_key`] of this entry's own string.
    key: u64,
    /// A word of `claims::cues::STOP`.
    stop: bool,
    /// Every character numeric ("2024").
    numeric: bool,
    /// Some character numeric ("2nd").
    any_digit: bool,
}

/// Every distinct word of both texts, each with its stem, stem key and class, worked out once.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    ids: FxHashMap<Word, WordId>,
    entries: Vec<Entry>,
    /// A buffer for lower-casing without allocating.
    buf: String,
}

impl Lexicon {
    /// Number of distinct words (and stems) seen.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The id of `lower` (already lower case), adding it and its stem when new.
    fn intern(&mut self, lower: &str) -> WordId {
        if let Some(&id) = self.ids.get(lower) {
            return id;
        }
        let word = Word::from(lower);
        let id = self.entries.len() as WordId;
        self.ids.insert(word.clone(), id);
        self.entries.push(Entry {
            key: stem_key(lower),
            stop: crate::claims::is_stop_word(lower),
            numeric: lower.chars().all(|c| c.is_numeric()),
            any_digit: lower.chars().any(|c| c.is_numeric()),
            lower: word,
            stem: id,
        });
        let s = stem(lower);
        if s != lower {
            // A stem is shorter than its word: the recursion ends.
            let sid = self.intern(&s);
            self.entries[id as usize].stem = sid;
        }
        id
    }

    /// The id of the word `w` as written.
    fn intern_written(&mut self, w: &str) -> WordId {
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            return self.intern(w);
        }
        if !w.is_ascii() {
            // `str::to_lowercase` (not char by char): a final sigma lowers to 'ς'.
            return self.intern(&w.to_lowercase());
        }
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        let id = self.intern(&buf);
        self.buf = buf;
        id
    }

    /// The stem's entry of word `id`.
    pub(crate) fn stem_of(&self, id: WordId) -> WordId {
        self.entries[id as usize].stem
    }

    /// The lower-case string of entry `id`.
    #[cfg(test)]
    pub(crate) fn word(&self, id: WordId) -> &Word {
        &self.entries[id as usize].lower
    }

    /// [`stem_key`] of entry `id`'s string (for a stem entry, the key of the stem).
    pub(crate) fn key(&self, id: WordId) -> u64 {
        self.entries[id as usize].key
    }

    /// Whether entry `id` is a stop word of the claim stage.
    pub(crate) fn is_stop(&self, id: WordId) -> bool {
        self.entries[id as usize].stop
    }

    /// Whether every character of entry `id` is numeric.
    pub(crate) fn is_numeric(&self, id: WordId) -> bool {
        self.entries[id as usize].numeric
    }

    /// Whether some character of entry `id` is numeric.
    pub(crate) fn has_digit(&self, id: WordId) -> bool {
        self.entries[id as usize].any_digit
    }
}

/// A word as a [`Reading`] keeps it (12 bytes): its span inside its sentence and its entry.
#[derive(Debug, Clone, Copy)]
struct Stored {
    start: u32,
    end: u32,
    id: WordId,
}

/// The words of one text, sentence by sentence, kept compact: a comparison holds the reading
/// of both texts from alignment to the end of the claim stage, so a word costs 12 bytes here
/// and becomes a [`Tok`] only while a stage works on its sentence.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    words: Vec<Stored>,
    /// Sentence `k`'s words are `words[from[k]..from[k + 1]]`.
    from: Vec<usize>,
}

impl Reading {
    /// Reads the words of every sentence (furniture too) into `lex`, from the sentence's
    /// text. A sentence of 4 GiB or more (beyond any input limit) is read as having no words.
    pub(crate) fn new(sentences: &[Sentence], lex: &mut Lexicon) -> Reading {
        let mut r = Reading {
            words: Vec::new(),
            from: Vec::with_capacity(sentences.len() + 1),
        };
        r.from.push(0);
        for s in sentences {
            if u32::try_from(s.text.len()).is_ok() {
                for (st, en) in runs(&s.text) {
                    let id = lex.intern_written(&s.text[st..en]);
                    // Both offsets fit: the sentence is shorter than 4 GiB.
                    r.words.push(Stored {
                        start: st as u32,
                        end: en as u32,
                        id,
                    });
                }
            }
            r.from.push(r.words.len());
        }
        // Held to the end of the claim stage: no spare capacity (a quarter of it on a long
        // text, the vector having doubled as it grew).
        r.words.shrink_to_fit();
        r
    }

    /// The tokens of sentence `k` (which is `s`), with spans into the document.
    pub(crate) fn tokens(&self, k: usize, s: &Sentence, lex: &Lexicon) -> Vec<Tok> {
        let (Some(&lo), Some(&hi)) = (self.from.get(k), self.from.get(k + 1)) else {
            return Vec::new();
        };
        self.words[lo..hi]
            .iter()
            .map(|w| {
                let (st, en) = (w.start as usize, w.end as usize);
                Tok {
                    start: s.start + st,
                    end: s.start + en,
                    lower: lex.entries[w.id as usize].lower.clone(),
                    id: w.id,
                    cap: s.text[st..en]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase),
                }
            })
            .collect()
    }

    /// The tokens the claim stage reads of `sentences[ids]` (ids below `sentences.len()`, in
    /// the order given): none for furniture, which raises no claims, nor for a sentence whose
    /// span is not `text`'s.
    pub(crate) fn for_claims(
        &self,
        text: &str,
        sentences: &[Sentence],
        ids: impl Iterator<Item = usize>,
        lex: &Lexicon,
    ) -> Vec<Vec<Tok>> {
        ids.filter(|&i| i < sentences.len())
            .map(|i| {
                let s = &sentences[i];
                if s.furniture || text.get(s.start..s.end).is_none() {
                    Vec::new()
                } else {
                    self.tokens(i, s, lex)
                }
            })
            .collect()
    }
}

/// Word weights of sentence contexts: inverse sentence frequency of each stem over the
/// sentences counted (the claim stage counts both texts, or both halves of one window).
#[derive(Debug)]
pub(crate) struct Idf {
    /// Sentences holding each stem, by the stem's entry id.
    df: Vec<u32>,
    /// Sentences counted (those with a word).
    n: usize,
    /// The stems of one sentence (a reused buffer).
    seen: Vec<WordId>,
}

impl Idf {
    /// No sentence counted yet, for the words of `lex`.
    pub(crate) fn new(lex: &Lexicon) -> Idf {
        Idf {
            df: vec![0; lex.len()],
            n: 0,
            seen: Vec::new(),
        }
    }

    /// Counts the stems of each sentence, given as its tokens.
    pub(crate) fn add(&mut self, lex: &Lexicon, sentences: &[&[Tok]]) {
        for toks in sentences.iter().filter(|t| !t.is_empty()) {
            self.n += 1;
            self.seen.clear();
            self.seen.extend(toks.iter().map(|t| lex.stem_of(t.id)));
            self.seen.sort_unstable();
            self.seen.dedup();
            for &w in &self.seen {
                self.df[w as usize] += 1;
            }
        }
    }

    /// The weight of the stem with entry id `stem`: `ln(1 + (n + 1) / (df + 1))`.
    pub(crate) fn weight(&self, stem: WordId) -> f64 {
        let df = self.df.get(stem as usize).copied().unwrap_or(0) as f64;
        (1.0 + (self.n as f64 + 1.0) / (df + 1.0)).ln()
    }
}

/// Byte ranges of the alphanumeric runs of `s`.
fn runs(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut cur: Option<usize> = None;
    s.char_indices()
        .chain(std::iter::once((s.len(), ' ')))
        .filter_map(move |(i, c)| {
            if c.is_alphanumeric() {
                if cur.is_none() {
                    cur = Some(i);
                }
                None
            } else {
                cur.take().map(|st| (st, i))
            }
        })
}

/// The words of `s` outside any lexicon (for a passage read again on its own, such as a
/// quotation), offsets shifted by `base`; their id is [`NO_WORD`].
pub(crate) fn tokens(s: &str, base: usize) -> Vec<Tok> {
    runs(s)
        .map(|(st, en)| {
            let w = &s[st..en];
            Tok {
                start: base + st,
                end: base + en,
                lower: Word::from(w.to_lowercase().as_str()),
                id: NO_WORD,
                cap: w.chars().next().is_some_and(char::is_uppercase),
            }
        })
        .collect()
}

/// A crude suffix stemmer, the same on both sides ("meetings" → "meet").
pub(crate) fn stem(w: &str) -> String {
    let mut s = w.to_string();
    let n = s.chars().count();
    if n > 4 && s.ends_with("ies") {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if n > 3 && s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") {
        s.pop();
    }
    let n = s.chars().count();
    if n > 5 && s.ends_with("ing") {
        s.truncate(s.len() - 3);
    } else if n > 4 && s.ends_with("ed") {
        s.truncate(s.len() - 2);
    }
    s
}

/// A fixed 64-bit key of a string: FxHash has no random keys, so the key is the same on every
/// run and machine (the claim stage sorts bags of words by it).
pub(crate) fn stem_key(stem: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    stem.hash(&mut h);
    h.finish()
}

/// A body sentence holding `text` at byte `start` of its document (for tests).
#[cfg(test)]
pub(crate) fn test_sentence(start: usize, text: &str) -> Sentence {
    Sentence {
        id: 0,
        start,
        end: start + text.len(),
        text: text.to_string(),
        furniture: false,
        role: crate::report::Role::Body,
        paragraph: 0,
        dateline: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` read as one sentence at byte `start`, and the lexicon.
    fn read(start: usize, text: &str) -> (Vec<Tok>, Lexicon) {
        let s = test_sentence(start, text);
        let mut lex = Lexicon::default();
        let r = Reading::new(std::slice::from_ref(&s), &mut lex);
        (r.tokens(0, &s, &lex), lex)
    }

    #[test]
    fn one_entry_per_word_and_its_stem() {
        let (t, lex) = read(10, "Meetings, meetings: the MEETING of 2024.");
        let words: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            ["meetings", "meetings", "the", "meeting", "of", "2024"]
        );
        assert_eq!(t[0].id, t[1].id);
        assert_eq!((t[0].start, t[0].end), (10, 18));
        assert!(t[0].cap && !t[1].cap && t[3].cap);
        // "meetings" and "meeting" share the stem "meet".
        assert_eq!(lex.stem_of(t[0].id), lex.stem_of(t[3].id));
        assert_eq!(lex.word(lex.stem_of(t[0].id)).as_str(), "meet");
        assert_eq!(lex.key(lex.stem_of(t[0].id)), stem_key("meet"));
        assert!(lex.is_numeric(t[5].id) && lex.is_stop(t[2].id));
    }

    #[test]
    fn interned_tokens_read_as_the_plain_rule() {
        let s = "ΟΔΟΣ Ünïcode ÉCOLE's 5.5% — Xi’s \u{1F600} naïve";
        let (a, lex) = read(3, s);
        let b = tokens(s, 3);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                (x.start, x.end, &x.lower, x.cap),
                (y.start, y.end, &y.lower, y.cap)
            );
            assert_eq!(lex.word(x.id), &x.lower);
        }
    }

    #[test]
    fn stems_alike() {
        assert_eq!(stem("meetings"), stem("meeting"));
        assert_eq!(stem("elections"), "election");
    }
}
