//! pairgen: seeded, deterministic generator of benchmark inputs (article pairs, long texts,
//! hostile inputs), shared by `benches/stages.rs` and the `gen_pairs` harness.
//!
//! Input: the sentences of our own fixtures (`tests/fixtures/*/{a,b}.txt`, listed in
//! [`FIXTURES`]) and the sentences written in [`OWN`]; no corpus or published text. Output:
//! strings. Invariant: the same seed and sizes give the same bytes on every machine (own PRNG,
//! no hash-map iteration, `BTreeSet` for the vocabulary).
//!
//! Long texts are not the pool repeated: every generated sentence is a pool sentence with about
//! a third of its longer lowercase words swapped for words from the vocabulary and its figures
//! re-drawn, so sentences are (almost) all distinct, as in a real long text.

use std::collections::BTreeSet;

/// Our own fixture texts used as sentence material (the built-in example and the one-phenomenon
/// English pairs; not `unicode_wide`, whose Japanese would need its own segmentation rules).
pub const FIXTURES: &[&str] = &[
    include_str!("../../tests/fixtures/example/a.txt"),
    include_str!("../../tests/fixtures/example/b.txt"),
    include_str!("../../tests/fixtures/date_changed/a.txt"),
    include_str!("../../tests/fixtures/number_changed/a.txt"),
    include_str!("../../tests/fixtures/quote_reworded/a.txt"),
    include_str!("../../tests/fixtures/quote_reworded/b.txt"),
    include_str!("../../tests/fixtures/sentence_split/a.txt"),
    include_str!("../../tests/fixtures/sentence_moved/a.txt"),
    include_str!("../../tests/fixtures/paragraph_dropped/a.txt"),
    include_str!("../../tests/fixtures/align_boilerplate/a.txt"),
    include_str!("../../tests/fixtures/align_move/a.txt"),
    include_str!("../../tests/fixtures/align_add_drop/a.txt"),
    include_str!("../../tests/fixtures/negation_flipped/a.txt"),
    include_str!("../../tests/fixtures/attribution_softened/a.txt"),
    include_str!("../../tests/fixtures/name_changed/a.txt"),
];

/// Sentences written by the storydiff team for the generator (first used by the former
/// `scripts/batch_pairs.py`).
pub const OWN: &[&str] = &[
    "The council met on Tuesday to discuss the budget for the coming year.",
    "Officials said the new road would open in the spring of 2025.",
    "About 3,400 people signed the petition within two days.",
    "The mayor, Ana Ferreira, said the plan was \"a fair deal for everyone\".",
    "Police said no one was injured in the fire at the warehouse.",
    "The company reported a profit of $12.5 million, up 8 percent from last year.",
    "Residents were told to boil their water until further notice.",
    "The trial is expected to last three weeks, the court said.",
    "Schools in the district will close early on Friday because of the storm.",
    "A spokesman for the ministry declined to comment on the report.",
    "The bridge carries roughly 20,000 vehicles a day.",
    "Talks between the two unions broke down late on Sunday night.",
    "The museum will reopen on June 1 after a two-year renovation.",
    "Prices rose 2.3 percent in March, the statistics office said.",
    "The ferry service was suspended after the engine failed near the harbour.",
    "Local farmers said the drought had cut their harvest by half.",
];

const CITIES: &[&str] = &[
    "PORTSMOUTH",
    "LOPEZ",
    "OKAFOR",
    "BERG",
    "NOVAK",
    "HARBOUR TOWN",
];

/// SplitMix64: tiny, seedable and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_F42D_4C95_7F2D)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// A text as paragraphs of sentences.
pub type Doc = Vec<Vec<String>>;

/// Joins paragraphs with blank lines, sentences with one space; ends with a newline.
pub fn render(doc: &Doc) -> String {
    let mut out = String::new();
    for (i, p) in doc.iter().filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&p.join(" "));
    }
    out.push('\n');
    out
}

/// The sentence pool and the vocabulary drawn from it.
pub struct Pool {
    pub sentences: Vec<String>,
    pub words: Vec<String>,
}

impl Default for Pool {
    fn default() -> Self {
        Pool::new()
    }
}

impl Pool {
    pub fn new() -> Pool {
        let mut seen = BTreeSet::new();
        let mut sentences = Vec::new();
        let texts = FIXTURES.iter().copied().chain(OWN.iter().copied());
        for text in texts {
            for s in split_sentences(text) {
                if s.len() > 20 && seen.insert(s.clone()) {
                    sentences.push(s);
                }
            }
        }
        let mut words = BTreeSet::new();
        for s in &sentences {
            for w in s.split(' ') {
                if is_plain_word(w) {
                    words.insert(w.to_string());
                }
            }
        }
        Pool {
            sentences,
            words: words.into_iter().collect(),
        }
    }

    /// A new sentence: a pool sentence with about a third of its plain words swapped and its
    /// figures re-drawn.
    pub fn fresh(&self, rng: &mut Rng) -> String {
        let base = rng.pick(&self.sentences).clone();
        let swapped = swap_words(&base, &self.words, 0.33, rng);
        redraw_numbers(&swapped, 1.0, rng)
    }

    /// A headline: the first words of a fresh sentence, no full stop.
    pub fn headline(&self, rng: &mut Rng) -> String {
        let s = self.fresh(rng);
        let n = rng.range(5, 9);
        s.trim_end_matches(['.', '!', '?'])
            .split(' ')
            .take(n)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A story of about `bytes` bytes: a headline, a dateline, paragraphs of 1–4 sentences.
    pub fn story(&self, bytes: usize, rng: &mut Rng) -> Doc {
        let mut doc = vec![vec![self.headline(rng)]];
        let first = format!("{} - {}", rng.pick(CITIES), self.fresh(rng));
        let mut size = first.len();
        doc.push(vec![first]);
        while size < bytes {
            let n = rng.range(1, 4);
            let mut para = Vec::new();
            for _ in 0..n {
                let s = self.fresh(rng);
                size += s.len() + 1;
                para.push(s);
            }
            size += 1;
            doc.push(para);
        }
        doc
    }

    /// A lightly edited copy: about 5 % of sentences touched (a figure, a word, `the` → `a`),
    /// 1 % dropped, 1 % added, 0.5 % moved elsewhere.
    pub fn light(&self, doc: &Doc, rng: &mut Rng) -> Doc {
        let mut out: Doc = Vec::with_capacity(doc.len());
        let mut moved = Vec::new();
        for para in doc {
            let mut p = Vec::with_capacity(para.len());
            for s in para {
                let r = rng.next_u64() % 1000;
                match r {
                    0..=9 => {}
                    10..=19 => {
                        p.push(s.clone());
                        p.push(self.fresh(rng));
                    }
                    20..=24 => moved.push(s.clone()),
                    25..=44 => p.push(redraw_numbers(s, 1.0, rng)),
                    45..=59 => p.push(swap_words(s, &self.words, 0.1, rng)),
                    60..=74 => p.push(s.replacen(" the ", " a ", 1)),
                    _ => p.push(s.clone()),
                }
            }
            out.push(p);
        }
        place(&mut out, moved, rng);
        out
    }

    /// A heavily reworded copy: 60 % of sentences reworded (40 % of plain words swapped, some
    /// words dropped, figures re-drawn, clauses around a comma swapped), 8 % dropped, 8 % added,
    /// 3 % split at a comma, 3 % merged with the next, 2 % moved.
    pub fn heavy(&self, doc: &Doc, rng: &mut Rng) -> Doc {
        let mut out: Doc = Vec::with_capacity(doc.len());
        let mut moved = Vec::new();
        for para in doc {
            let mut p: Vec<String> = Vec::with_capacity(para.len() + 2);
            let mut merge_next = false;
            for s in para {
                let r = rng.next_u64() % 100;
                let s = match r {
                    0..=7 => continue,
                    8..=15 => {
                        p.push(self.fresh(rng));
                        s.clone()
                    }
                    16..=18 => match s.split_once(", ") {
                        Some((x, y)) => {
                            p.push(format!("{x}."));
                            capitalise(y)
                        }
                        None => self.reword(s, rng),
                    },
                    19..=21 => {
                        merge_next = true;
                        s.clone()
                    }
                    22..=23 => {
                        moved.push(self.reword(s, rng));
                        continue;
                    }
                    24..=83 => self.reword(s, rng),
                    _ => s.clone(),
                };
                match p.last_mut() {
                    Some(last) if std::mem::take(&mut merge_next) => {
                        let trimmed = last.trim_end_matches(['.', '!', '?']).to_string();
                        *last = format!("{trimmed}, and {}", lower_first(&s));
                    }
                    _ => p.push(s),
                }
            }
            out.push(p);
        }
        place(&mut out, moved, rng);
        out
    }

    fn reword(&self, s: &str, rng: &mut Rng) -> String {
        let swapped = swap_words(s, &self.words, 0.4, rng);
        let kept: Vec<&str> = swapped
            .split(' ')
            .enumerate()
            .filter(|(i, w)| *i == 0 || !is_plain_word(w) || !rng.chance(0.1))
            .map(|(_, w)| w)
            .collect();
        let joined = redraw_numbers(&kept.join(" "), 0.5, rng);
        match joined.split_once(", ") {
            Some((x, y)) if rng.chance(0.3) && y.len() > 10 => {
                let y = y.trim_end_matches(['.', '!', '?']);
                format!("{}, {}.", capitalise(y), lower_first(x))
            }
            _ => joined,
        }
    }
}

/// An article pair of 1–5 KB as the batch manifests use: the story and a copy with 0–4 edits
/// (a figure re-drawn, a sentence dropped, one added, `the` → `a`).
pub fn article_pair(pool: &Pool, rng: &mut Rng) -> (String, String) {
    let target = rng.range(1000, 5000);
    let a = pool.story(target, rng);
    let mut b = a.clone();
    for _ in 0..rng.range(0, 4) {
        let pi = rng.range(1, b.len() - 1);
        if b[pi].is_empty() {
            continue;
        }
        let si = rng.below(b[pi].len());
        let op = rng.below(100);
        let para = &mut b[pi];
        if op < 30 {
            para[si] = redraw_numbers(&para[si], 1.0, rng);
        } else if op < 55 {
            para.remove(si);
        } else if op < 80 {
            para.insert(si, pool.fresh(rng));
        } else {
            para[si] = para[si].replacen(" the ", " a ", 1);
        }
    }
    (render(&a), render(&b))
}

/// A long text of about `bytes` bytes with its lightly edited and heavily reworded copies.
pub fn long_triple(pool: &Pool, bytes: usize, rng: &mut Rng) -> (String, String, String) {
    let a = pool.story(bytes, rng);
    let light = pool.light(&a, rng);
    let heavy = pool.heavy(&a, rng);
    (render(&a), render(&light), render(&heavy))
}

/// `n` one-word sentences from an 8-word vocabulary, ten to a paragraph, and a copy with 1 %
/// of them changed.
pub fn one_word_sentences(n: usize, rng: &mut Rng) -> (String, String) {
    const WORDS: &[&str] = &[
        "Yes.", "No.", "Maybe.", "Never.", "Later.", "Now.", "Why?", "Stop!",
    ];
    let a: Vec<&str> = (0..n).map(|_| *rng.pick(WORDS)).collect();
    let b: Vec<&str> = a
        .iter()
        .map(|w| {
            if rng.chance(0.01) {
                *rng.pick(WORDS)
            } else {
                *w
            }
        })
        .collect();
    let doc = |ws: &[&str]| -> String {
        let paras: Vec<Vec<String>> = ws
            .chunks(10)
            .map(|c| c.iter().map(|w| w.to_string()).collect())
            .collect();
        render(&paras)
    };
    (doc(&a), doc(&b))
}

/// One sentence of about `bytes` bytes (words and commas, one full stop at the end, no line
/// break) and a copy with 1 % of its plain words swapped.
pub fn one_sentence(pool: &Pool, bytes: usize, rng: &mut Rng) -> (String, String) {
    let mut a = String::with_capacity(bytes + 64);
    while a.len() < bytes {
        let s = pool.fresh(rng);
        let s = s
            .trim_end_matches(['.', '!', '?', '"'])
            .replace(['.', '!', '?'], "");
        if !a.is_empty() {
            a.push_str(", ");
            a.push_str(&lower_first(&s));
        } else {
            a.push_str(&s);
        }
    }
    a.push_str(".\n");
    let b = swap_words(&a, &pool.words, 0.01, rng);
    (a, b)
}

/// The same sentence `n` times, ten to a paragraph, and a copy where 0.2 % of the copies
/// are replaced by fresh sentences.
pub fn repeated_sentence(pool: &Pool, n: usize, rng: &mut Rng) -> (String, String) {
    let s = pool.sentences[0].clone();
    let a: Doc = (0..n.div_ceil(10))
        .map(|i| vec![s.clone(); (n - i * 10).min(10)])
        .collect();
    let mut b = a.clone();
    for p in &mut b {
        for x in p.iter_mut() {
            if rng.chance(0.002) {
                *x = pool.fresh(rng);
            }
        }
    }
    (render(&a), render(&b))
}

/// Sentences of a fixture: split after `.`, `!` or `?` (and a closing quote) before white
/// space, and at line breaks. Rough, which is fine: only the generator's material.
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur = String::new();
        let words: Vec<&str> = line.split_whitespace().collect();
        for w in words {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(w);
            let end = w.trim_end_matches(['"', '\'', '”', '’', ')']);
            if end.ends_with(['.', '!', '?']) && !is_abbreviation(end) {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

fn is_abbreviation(w: &str) -> bool {
    matches!(w, "Mr." | "Mrs." | "Ms." | "Dr." | "St." | "No.")
}

/// A lowercase ASCII word of at least four letters, not a sentence-opening or a name.
fn is_plain_word(w: &str) -> bool {
    w.len() >= 4 && w.bytes().all(|c| c.is_ascii_lowercase())
}

/// Swaps each plain word for a vocabulary word with probability `p`.
pub fn swap_words(s: &str, words: &[String], p: f64, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if is_plain_word(w) && rng.chance(p) {
            out.push_str(rng.pick(words).as_str());
        } else {
            out.push_str(w);
        }
    }
    out
}

/// Re-draws each run of digits with probability `p` (2–999, so a year may become a count).
pub fn redraw_numbers(s: &str, p: f64, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut run = String::from(c);
            while let Some(&d) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                run.push(d);
                chars.next();
            }
            if rng.chance(p) {
                out.push_str(&rng.range(2, 999).to_string());
            } else {
                out.push_str(&run);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep names and acronyms ("Mary", "LOCAL") as they are.
        Some(f) if f.is_uppercase() && c.clone().next().is_some_and(|n| n.is_lowercase()) => {
            let rest: String = c.collect();
            if rest.len() < 3 || s.starts_with("The ") || s.starts_with("A ") {
                f.to_lowercase().chain(rest.chars()).collect()
            } else {
                s.to_string()
            }
        }
        _ => s.to_string(),
    }
}

/// Inserts the moved sentences at random places.
fn place(doc: &mut Doc, moved: Vec<String>, rng: &mut Rng) {
    for s in moved {
        let pi = rng.range(1, doc.len() - 1);
        let si = rng.range(0, doc[pi].len());
        doc[pi].insert(si, s);
    }
}
