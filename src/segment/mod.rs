//! segment: a document's text → sentences with exact byte spans and headline/dateline/furniture
//! flags.
//!
//! Input: the text exactly as read (BOM, CRLF and CR kept). Output: [`Segment`]s in reading
//! order. Invariants: spans are non-empty, strictly increasing and non-overlapping, lie on
//! `char` boundaries, start and end on non-white-space, and every non-white-space char of the
//! input lies in exactly one span (white space = `char::is_whitespace` or the BOM U+FEFF).
//! Never panics; runs in time linear in the input (every look-ahead and look-back is bounded).
//!
//! Why hand-written: no maintained Rust crate does English news sentence splitting with
//! exact byte spans, datelines and page-furniture detection (the Unicode UAX #29 sentence
//! rules in `unicode-segmentation` split after every "Mr." and "U.S."; ports of Punkt need a
//! trained model and give no furniture). The rules below were written for storydiff.
//!
//! How it works, in three passes:
//! 1. **Layout**: the text is cut into lines (LF, CRLF, CR, VT, FF, NEL, U+2028; U+2029 also
//!    ends a paragraph) and lines into paragraphs at blank lines. Inside a paragraph each
//!    line is its own unit (headlines, list items, captions), unless it is a hard-wrapped
//!    continuation (a long line followed by one starting in lower case, or ending in a comma
//!    or a title such as "Mr.").
//! 2. **Tokens**: each unit is cut into white-space separated tokens; a token that hides a
//!    boundary without a space ("world.Today") is cut in two (never inside URLs or e-mail
//!    addresses). Between two tokens, `Splitter::ends_after` decides from the token's final
//!    punctuation, the word before it (abbreviation, initial, number, list marker) and the
//!    next word (case, sentence-starting function word, speech verb after a quoted question).
//! 3. **Roles** (`roles.rs`, `dateline.rs`): datelines at the start of a unit, then
//!    headline / furniture / body from the line's shape and place in the story and the
//!    tables in `tables.rs`.
//!
//! Measured (BENCHMARKS.md, `cargo run --release -p storydiff-eval --bin eval_segment`):
//! English Golden Rules 50/50, GUM news boundary F1 0.981; every remaining spec and GUM error
//! is read there.
//! Known limits: a hard-wrapped line whose next line starts with a capital ("…met with
//! President\nBiden") is split at the line end; an initialism before a capitalised content
//! word ("in the U.S. Millions attended") does not end the sentence (before a function word —
//! The, He, It, But — it does); a headline ending in "?" or "!" is a headline only on its own
//! line above body text; a date line under the headline ("Friday, July 21, 2017") is a
//! headline, not furniture.

mod dateline;
mod roles;
mod tables;

use crate::report::{ByteSpan, Role};
use tables::Abbrev;

/// One sentence found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the sentence's first character in the text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Headline, body, furniture…
    pub role: Role,
    /// Index of the paragraph (blank-line separated block).
    pub paragraph: usize,
    /// Byte span of a leading dateline, if any.
    pub dateline: Option<ByteSpan>,
}

/// Splits `text` into sentences.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut info = Vec::new();
    for (paragraph, lines) in paragraphs(text).into_iter().enumerate() {
        let units = units(text, &lines);
        for unit in units {
            let first_seg = out.len();
            split_unit(text, unit, paragraph, &mut out);
            for (k, seg) in out.iter_mut().enumerate().skip(first_seg) {
                if k == first_seg {
                    seg.dateline =
                        dateline::find(&text[seg.start..seg.end]).map(|(s, e)| ByteSpan {
                            start: seg.start + s,
                            end: seg.start + e,
                        });
                }
                info.push(roles::Shape {
                    whole_line: unit.single_line && seg.start == unit.start && seg.end == unit.end,
                });
            }
        }
    }
    roles::assign(text, &mut out, &info);
    // datelines belong to body text; the colon form ("Beijing:") only to the story's first
    // body sentence, since later "Name: …" lines are more often speaker labels
    let mut first_body = true;
    for seg in &mut out {
        if seg.role != Role::Body {
            seg.dateline = None;
            continue;
        }
        if !first_body && seg.dateline.is_some_and(|d| text[..d.end].ends_with(':')) {
            seg.dateline = None;
        }
        first_body = false;
    }
    out
}

/// White space for this module: Unicode White_Space plus the byte-order mark.
pub(crate) fn is_ws(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Trimmed content of a non-blank line.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// Non-blank lines grouped into paragraphs (blank lines and U+2029 separate them).
fn paragraphs(text: &str) -> Vec<Vec<Line>> {
    let mut paras: Vec<Vec<Line>> = Vec::new();
    let mut cur: Vec<Line> = Vec::new();
    let mut first: Option<usize> = None;
    let mut last_end = 0;
    let mut prev_cr = false;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            if c == '\n' && prev_cr {
                // second half of a CRLF: the line was closed at the CR
                prev_cr = false;
                continue;
            }
            prev_cr = c == '\r';
            match first.take() {
                Some(s) => cur.push(Line {
                    start: s,
                    end: last_end,
                }),
                None if !cur.is_empty() => paras.push(std::mem::take(&mut cur)),
                None => {}
            }
            if c == '\u{2029}' && !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
            continue;
        }
        prev_cr = false;
        if !is_ws(c) {
            first.get_or_insert(i);
            last_end = i + c.len_utf8();
        }
    }
    if let Some(s) = first {
        cur.push(Line {
            start: s,
            end: last_end,
        });
    }
    if !cur.is_empty() {
        paras.push(cur);
    }
    paras
}

/// A run of lines segmented together: `[start, end)` trimmed.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    single_line: bool,
}

/// Groups a paragraph's lines into units (each line alone unless hard-wrapped).
fn units(text: &str, lines: &[Line]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 && continues(text, lines[k - 1], *line) {
            if let Some(u) = out.last_mut() {
                u.end = line.end;
                u.single_line = false;
                continue;
            }
        }
        out.push(Unit {
            start: line.start,
            end: line.end,
            single_line: true,
        });
    }
    out
}

/// True if `next` continues the sentence of `prev` (a hard-wrapped line).
fn continues(text: &str, prev: Line, next: Line) -> bool {
    let p = &text[prev.start..prev.end];
    let n = &text[next.start..next.end];
    // a dateline on a line of its own ("LONDON (Reuters) -") runs on into its sentence
    if p.len() < 80 && p.ends_with(['-', '–', '—', ':']) && !n.starts_with(is_bullet) {
        let probe = format!("{p} X");
        if dateline::find(&probe).is_some_and(|(_, e)| e == p.len()) {
            return true;
        }
    }
    if p.chars().take(40).count() < 40 {
        return false;
    }
    let Some(first) = n.chars().next() else {
        return false;
    };
    if is_bullet(first) || list_marker(n.split(is_ws).next().unwrap_or("")).is_some() {
        return false;
    }
    if first.is_lowercase() {
        return true;
    }
    if p.ends_with([',', ';', '(', '-', '–', '—', '&']) {
        return true;
    }
    let last = p.rsplit(is_ws).next().unwrap_or("");
    last.strip_suffix('.')
        .is_some_and(|w| tables::abbreviation(strip_openers(w)) == Some(Abbrev::Title))
}

/// One token: a maximal run of non-white-space, or part of one cut at a hidden boundary.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
}

const OPENERS: &[char] = &[
    '"', '\'', '“', '‘', '(', '[', '{', '«', '‹', '¿', '¡', '„', '‚',
];
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '}', '»', '›', '“', '‘'];

fn strip_openers(s: &str) -> &str {
    s.trim_start_matches(OPENERS)
}

fn strip_closers(s: &str) -> &str {
    strip_refs(s).trim_end_matches(CLOSERS)
}

/// Strips trailing citation marks ("martyr.[1]", "July.[17][18]"); bounded to four.
fn strip_refs(mut s: &str) -> &str {
    for _ in 0..4 {
        let Some(body) = s.strip_suffix(']') else {
            break;
        };
        match body.rfind('[') {
            Some(k)
                if k + 1 < body.len()
                    && body.len() - k <= 5
                    && body[k + 1..].bytes().all(|b| b.is_ascii_digit())
                    && body[..k].ends_with(['.', '?', '!', ']', '"', '”']) =>
            {
                s = &body[..k];
            }
            _ => break,
        }
    }
    s
}

/// Labels that open a photo or media credit inside a caption ("… Image: Jane Doe.").
fn is_credit_label(t: &str) -> bool {
    matches!(
        t,
        "Image:"
            | "Images:"
            | "Photo:"
            | "Photos:"
            | "Photograph:"
            | "Picture:"
            | "Credit:"
            | "Audio:"
            | "Video:"
            | "Illustration:"
    )
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '◆'
            | '◇'
            | '∙'
    )
}

/// A list marker: "1." "1)" "1.)" "(1)" "a." "a)" "(a)" (after any bullet). Returns its value
/// and style.
fn list_marker(tok: &str) -> Option<(u32, u8)> {
    let t = tok.trim_start_matches(is_bullet);
    let (body, style) = if let Some(b) = t.strip_suffix(".)") {
        (b, 1)
    } else if let Some(b) = t.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        (b, 2)
    } else if let Some(b) = t.strip_suffix(')') {
        (b, 3)
    } else if let Some(b) = t.strip_suffix('.') {
        (b, 4)
    } else {
        return None;
    };
    if !body.is_empty() && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()) {
        return body.parse().ok().map(|n| (n, style));
    }
    let mut cs = body.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Some((1000 + c as u32, style)),
        _ => None,
    }
}

/// Cuts a unit into tokens, splitting hidden boundaries ("world.Today", "Hello?Who").
fn tokens(text: &str, unit: Unit) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let body = &text[unit.start..unit.end];
    for (i, c) in body.char_indices() {
        let at = unit.start + i;
        if is_ws(c) {
            if let Some(s) = start.take() {
                push_split(text, s, at, &mut out);
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        push_split(text, s, unit.end, &mut out);
    }
    out
}

/// True for URLs, e-mail addresses and domain names: never cut inside.
fn is_url_like(t: &str) -> bool {
    t.contains("://") || t.contains('@') || t.starts_with("www.") || t.starts_with("WWW.")
}

/// Pushes token `[s, e)`, cut where a sentence ends without a following space.
fn push_split(text: &str, s: usize, e: usize, out: &mut Vec<Tok>) {
    let t = &text[s..e];
    // full-width stops start with the bytes E3 or EF in UTF-8
    let maybe_stop = t
        .bytes()
        .any(|b| matches!(b, b'.' | b'?' | b'!' | 0xE3 | 0xEF));
    if t.len() < 4 || !maybe_stop || is_url_like(t) {
        out.push(Tok { start: s, end: e });
        return;
    }
    let mut cur = s;
    let mut it = t.char_indices().peekable();
    // length of the run of letters/digits just before the current char (capped)
    let mut run = 0usize;
    let mut run_lower = false;
    let mut run_start = 0usize;
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            if run == 0 {
                run_start = i;
                run_lower = false;
            }
            run = run.saturating_add(1);
            run_lower |= c.is_lowercase() || c.is_ascii_digit();
            continue;
        }
        let this_run = run;
        run = 0;
        if matches!(c, '。' | '．' | '！' | '？') {
            let j = i + c.len_utf8();
            if j < t.len() && !t[j..].starts_with(CLOSERS) {
                out.push(Tok {
                    start: cur,
                    end: s + j,
                });
                cur = s + j;
            }
            continue;
        }
        if !matches!(c, '.' | '?' | '!') || this_run == 0 {
            continue;
        }
        // skip closers after the stop
        let mut j = i + 1;
        while let Some(&(k, d)) = it.peek() {
            if CLOSERS.contains(&d) {
                it.next();
                j = k + d.len_utf8();
            } else {
                break;
            }
        }
        let rest = &t[j..];
        let mut rc = rest.chars();
        let (Some(a), Some(b)) = (rc.next(), rc.next()) else {
            continue;
        };
        if !(a.is_uppercase() && b.is_lowercase()) {
            continue;
        }
        let ok = if c == '.' {
            let word = &t[run_start..i];
            let digits = word.bytes().all(|x| x.is_ascii_digit());
            (this_run >= 2 || digits)
                && run_lower
                && tables::abbreviation(word).is_none()
                && !t[..run_start].ends_with('.')
        } else {
            this_run >= 2
        };
        if ok {
            out.push(Tok {
                start: cur,
                end: s + j,
            });
            cur = s + j;
        }
    }
    if cur < e {
        out.push(Tok { start: cur, end: e });
    }
}

/// What the next token starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    None,
    Upper,
    Lower,
    Digit,
    /// A joining mark (`,;:-)%&`): the sentence goes on.
    Joiner,
    Other,
}

struct Splitter<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// For each token index k, the first token at or after k that closes a double (`.0`) or
    /// single (`.1`) quotation; `usize::MAX` if none. Precomputed so that finding a
    /// quotation's end is O(1).
    next_close: Vec<(usize, usize)>,
    /// Token k consists of dots only (". . ." ellipses).
    dot: Vec<bool>,
}

const DOUBLE_CLOSERS: &[char] = &['”', '"', '“'];
const SINGLE_CLOSERS: &[char] = &['’', '\''];

impl<'a> Splitter<'a> {
    fn new(text: &'a str, toks: Vec<Tok>) -> Self {
        let n = toks.len();
        let mut next_close = vec![(usize::MAX, usize::MAX); n + 1];
        let mut dot = vec![false; n];
        for k in (0..n).rev() {
            let t = &text[toks[k].start..toks[k].end];
            let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
            if plain(t.as_bytes().first()) && plain(t.as_bytes().last()) {
                next_close[k] = next_close[k + 1];
                continue;
            }
            let u = strip_refs(t).trim_end_matches([',', '.', ';', ':', ')']);
            let (mut d, mut sg) = next_close[k + 1];
            if u.ends_with(DOUBLE_CLOSERS) {
                d = k;
            }
            if u.ends_with(SINGLE_CLOSERS) && !u.ends_with("s'") {
                sg = k;
            }
            next_close[k] = (d, sg);
            let core = strip_closers(strip_openers(t));
            dot[k] = !core.is_empty() && core.chars().all(|c| c == '.' || c == '…');
        }
        Splitter {
            text,
            toks,
            next_close,
            dot,
        }
    }

    fn tok(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn next_kind(&self, i: usize) -> Next {
        let Some(t) = self.toks.get(i) else {
            return Next::None;
        };
        let s = &self.text[t.start..t.end];
        let inner = strip_openers(s);
        let Some(c) = inner.chars().next() else {
            return Next::Other;
        };
        if c.is_uppercase() || (inner.len() < s.len() && c.is_alphabetic() && !c.is_lowercase()) {
            Next::Upper
        } else if c.is_lowercase() {
            Next::Lower
        } else if c.is_numeric() || c == '$' || c == '£' || c == '€' || c == '¥' {
            Next::Digit
        } else if matches!(
            c,
            ',' | ';' | ':' | '-' | '–' | '—' | ')' | ']' | '%' | '&' | '/'
        ) {
            Next::Joiner
        } else if c.is_alphabetic() {
            // caseless scripts (CJK, Arabic...)
            Next::Upper
        } else {
            Next::Other
        }
    }

    /// The next token's leading word, openers stripped ("“The" → "The").
    fn next_word(&self, i: usize) -> &'a str {
        let t = strip_openers(self.tok(i));
        let end = t
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '’'))
            .map_or(t.len(), |(k, _)| k);
        &t[..end]
    }

    /// Next token is a sentence-starting function word (and not itself an initial "A.").
    fn next_is_starter(&self, i: usize) -> bool {
        let w = self.next_word(i);
        let t = strip_openers(self.tok(i));
        !t[w.len()..].starts_with('.') && tables::is_starter(w)
    }

    fn is_dot_tok(&self, i: usize) -> bool {
        self.dot.get(i).copied().unwrap_or(false)
    }

    /// Dots in the run of dot-only tokens starting at `i` (bounded), and the index after it.
    fn dot_run(&self, i: usize) -> (usize, usize) {
        let mut j = i;
        let mut dots = 0;
        while j < self.toks.len() && j < i + 16 && self.is_dot_tok(j) {
            dots += strip_closers(strip_openers(self.tok(j))).chars().count();
            j += 1;
        }
        (dots, j)
    }

    /// "“Why?” Blinken asked": up to three capitalised words and a verb of saying.
    fn attribution_follows(&self, i: usize) -> bool {
        for k in i..i + 4 {
            let t = self.tok(k);
            let w = t.trim_end_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                return false;
            }
            if tables::is_speech_verb(w) {
                return k > i;
            }
            if !w.starts_with(char::is_uppercase) {
                return false;
            }
        }
        false
    }

    /// If token `i` opens a quotation that closes in a later token within a bounded window,
    /// returns that token's index.
    fn quote_closes(&self, i: usize) -> Option<usize> {
        let t = self.tok(i);
        let open = t.chars().next()?;
        let (closers, double): (&[char], bool) = match open {
            '“' | '"' | '„' => (DOUBLE_CLOSERS, true),
            '‘' | '\'' => (SINGLE_CLOSERS, false),
            _ => return None,
        };
        let after = t[open.len_utf8()..].chars().next()?;
        if !(after.is_alphanumeric() || after == '.' || after == '…') {
            return None;
        }
        if strip_refs(t).len() > open.len_utf8() && strip_refs(t).ends_with(closers) {
            return None;
        }
        let (d, sg) = self.next_close.get(i + 1)?;
        let k = if double { *d } else { *sg };
        (k < i + 80).then_some(k)
    }

    /// The quotation opening at token `i` follows a verb of saying (or "said that") with no
    /// comma or colon: it is part of the sentence's syntax.
    fn run_in_quote(&self, i: usize) -> bool {
        let prev = |k: usize| if k <= i { self.tok(i - k) } else { "" };
        tables::is_speech_verb(prev(1)) || (prev(1) == "that" && tables::is_speech_verb(prev(2)))
    }

    /// A short signature closing the unit after a long sentence: "… she was suppressive.
    /// Valeska Paris". Up to three capitalised words, no punctuation, not listed furniture.
    fn signature_follows(&self, i: usize, start: usize) -> bool {
        let rest = self.toks.len() - (i + 1);
        if !(1..=3).contains(&rest) || i + 1 - start < 8 {
            return false;
        }
        let words: Vec<&str> = (i + 1..self.toks.len()).map(|k| self.tok(k)).collect();
        let all_names = words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && cs.all(char::is_lowercase)
        });
        all_names && !tables::is_furniture_line(&words.join(" ").to_lowercase())
    }

    /// Does a sentence end after token `i`? `start` is the sentence's first token.
    fn ends_after(&self, i: usize, start: usize, lists: Lists) -> bool {
        let list_next = lists.next;
        let next = self.next_kind(i + 1);
        if next == Next::None {
            return true;
        }
        // fast path: a word without final punctuation, before an ordinary word
        let t = self.tok(i);
        let nt = self.tok(i + 1);
        if t.ends_with(char::is_alphabetic)
            && lists.next.is_none()
            && nt.starts_with(char::is_alphanumeric)
            && !nt.ends_with(':')
        {
            return false;
        }
        // a bullet or the next list item starts a new sentence
        if nt.starts_with(is_bullet) {
            return true;
        }
        if let (Some(want), Some(got)) = (list_next, list_marker(nt)) {
            if want == got && i + 2 < self.toks.len() {
                return true;
            }
        }
        // a credit inside a caption: "… in Washington Image: Jane Doe."
        if is_credit_label(nt) && i + 2 < self.toks.len() {
            return true;
        }
        let core = strip_closers(t);
        let closed = core.len() < t.len();
        if strip_refs(t).ends_with("[...]") || strip_refs(t).ends_with("[…]") {
            return starts_upper(self.tok(i + 1));
        }
        // an interrupted quotation: "… afore she comes, to--" At this moment
        if closed && core.ends_with(['-', '—', '–']) {
            return next == Next::Upper;
        }
        // a run of spaced dots ". . ." follows
        if self.is_dot_tok(i + 1) {
            let (dots, after) = self.dot_run(i + 1);
            // "compounds. . . . The": the spaced ellipsis opens the next sentence
            return dots == 3
                && after - (i + 1) == 3
                && core.ends_with('.')
                && !self.is_dot_tok(i)
                && self.next_kind(after) == Next::Upper;
        }
        if self.is_dot_tok(i) {
            let run_start = (start..=i)
                .rev()
                .take(16)
                .take_while(|&k| self.is_dot_tok(k))
                .last();
            let run_start = run_start.unwrap_or(i);
            let (dots, _) = self.dot_run(run_start);
            let before_ends =
                run_start > start && strip_closers(self.tok(run_start - 1)).ends_with('.');
            return match dots {
                1 => matches!(next, Next::Upper | Next::Digit | Next::Other),
                2 | 3 => false,
                _ => !before_ends && next == Next::Upper,
            };
        }
        if is_footnoted_stop(core) {
            return next == Next::Upper;
        }
        let Some(last) = core.chars().next_back() else {
            return false;
        };
        match last {
            '。' | '！' | '？' | '．' => return true,
            '?' | '!' | '‽' => {
                return match next {
                    // "What do you see? - Posted like…": a dash opening the next line of talk
                    Next::Joiner => {
                        matches!(nt, "-" | "–" | "—") && self.next_kind(i + 2) == Next::Upper
                    }
                    Next::Lower => false,
                    _ => !(closed && self.attribution_follows(i + 1)),
                };
            }
            '…' => return next == Next::Upper,
            '.' => {}
            _ => return false,
        }
        if self.signature_follows(i, start) {
            return false;
        }
        let stem = &core[..core.len() - 1];
        let dots = stem.len() - stem.trim_end_matches('.').len();
        if dots >= 1 {
            // "..." or "....": an ellipsis ends a sentence before a capital
            return next == Next::Upper;
        }
        let word = strip_openers(stem);
        if next == Next::Lower {
            // a lettered list after a sentence: "… Smith. a) here it is"
            return list_marker(nt).is_some_and(|m| Some(m) != lists.inline)
                && i + 2 < self.toks.len()
                && tables::abbreviation(word).is_none()
                && word.chars().count() > 1;
        }
        if next == Next::Joiner {
            return false;
        }
        if word.is_empty() {
            return matches!(next, Next::Upper | Next::Digit | Next::Other);
        }
        if is_url_like(word) {
            return true;
        }
        // list marker at the start of a sentence ("1.", "• 9.", "a.")
        let marker_pos = i == start || (i == start + 1 && self.tok(start).chars().all(is_bullet));
        if marker_pos && list_marker(t).is_some() {
            return false;
        }
        let upper = next == Next::Upper;
        if is_number(word) {
            return true;
        }
        if word == "no" && next == Next::Digit {
            return false;
        }
        if let Some(kind) = tables::abbreviation(word) {
            return match kind {
                Abbrev::Title => false,
                Abbrev::TimeOfDay => {
                    upper
                        && (self.next_is_starter(i + 1)
                            || (i + 1 - start >= 5
                                && !tables::continues_time(self.next_word(i + 1))))
                }
                Abbrev::General => upper && self.next_is_starter(i + 1),
            };
        }
        let mut wc = word.chars();
        let (first, second) = (wc.next(), wc.next());
        if let (Some(c), None) = (first, second) {
            // a single letter: an initial ("George W. Bush"), a label ("Q. What…"), or "I"
            // ending a sentence
            if i == start {
                return false;
            }
            if c == 'I' && i > start {
                let prev = strip_openers(self.tok(i - 1));
                if prev.starts_with(char::is_lowercase) {
                    return upper;
                }
            }
            return upper && self.next_is_starter(i + 1);
        }
        if is_initialism(word) {
            return upper && self.next_is_starter(i + 1);
        }
        true
    }
}

/// A full stop after a bracket or quote followed by a footnote number: "(type 2).10".
fn is_footnoted_stop(core: &str) -> bool {
    let digits = core.len() - core.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let head = &core[..core.len() - digits];
    head.strip_suffix('.')
        .is_some_and(|h| h.ends_with([')', ']', '"', '”']))
}

/// True if the token, openers stripped, starts with an upper-case letter.
fn starts_upper(t: &str) -> bool {
    t.starts_with(char::is_uppercase)
}

/// "U.S", "J.K", "Ph.D", "a.m": letters in groups of one or two joined by periods.
fn is_initialism(w: &str) -> bool {
    w.contains('.')
        && w.len() <= 12
        && w.split('.').all(|p| {
            let n = p.chars().count();
            (1..=2).contains(&n) && p.chars().all(char::is_alphabetic)
        })
}

/// "5", "100.00", "1,000", "$5.5", "3.2.1", "20%": a number.
fn is_number(w: &str) -> bool {
    let w = w.trim_start_matches(['$', '£', '€', '¥', '#', '+', '-', '−']);
    w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '\''))
}

/// List markers expected next: after a marker opening the sentence, and after one inside it.
#[derive(Debug, Clone, Copy, Default)]
struct Lists {
    next: Option<(u32, u8)>,
    inline: Option<(u32, u8)>,
}

/// Splits one unit into sentences and appends them.
fn split_unit(text: &str, unit: Unit, paragraph: usize, out: &mut Vec<Segment>) {
    let sp = Splitter::new(text, tokens(text, unit));
    let n = sp.toks.len();
    let mut start = 0;
    let mut lists = Lists::default();
    // a quotation opened in mid-sentence runs up to the token `quote_close`
    let mut quote_close = 0usize;
    // the quotation is run in (no comma after the verb of saying): nothing inside ends it
    let mut run_in = false;
    for i in 0..n {
        if i != start && i >= quote_close {
            if let Some(k) = sp.quote_closes(i) {
                quote_close = k;
                run_in = sp.run_in_quote(i);
            }
        }
        if i < quote_close && (run_in || strip_closers(sp.tok(i)).ends_with(['?', '!'])) {
            // "… called out, “The Queen! The Queen!” and …": an exclamation or question
            // quoted inside a sentence does not end it; a full stop does (news quotes run
            // over several sentences) unless the quotation is run in: 'said "All were
            // taken to hospital. None are left."'
            continue;
        }
        if i == start {
            // a list marker opening the sentence sets the marker expected next
            let mut m = list_marker(sp.tok(i));
            if m.is_none() && sp.tok(i).chars().all(is_bullet) {
                m = list_marker(sp.tok(i + 1));
            }
            if let Some((v, style)) = m {
                lists.next = Some((v + 1, style));
            }
            lists.inline = None;
        } else if let Some((v, style)) = list_marker(sp.tok(i)) {
            lists.inline = Some((v + 1, style));
        }
        if sp.ends_after(i, start, lists) {
            out.push(Segment {
                start: sp.toks[start].start,
                end: sp.toks[i].end,
                role: Role::Body,
                paragraph,
                dateline: None,
            });
            start = i + 1;
        }
    }
}

#[cfg(test)]
mod tests;
