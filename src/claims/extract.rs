//! claims::extract: one side's text and sentences → its claims (dates, numbers, names,
//! quotes, negation, attribution and hedges) with byte spans into the document text.
//!
//! Input: the document text, its sentences, a date anchor and the shared [`Vocab`] of both
//! texts. Output: a [`SideData`] with the claims in text order and the named entities of the
//! text (mentions merged by aliasing: "Xi Jinping" … "Xi"). Furniture raises no claims.
//! Invariants: spans lie on char boundaries inside the text; no panics on any input.
//!
//! Names are found by hand-written heuristics (runs of capitalised words, titles split off,
//! sentence-initial and headline words accepted only when the texts also use them
//! capitalised mid-sentence, or never in lower case and not a common English word of the
//! lexicon's word list, stop lists): no named-entity crate is
//! used because the useful ones need a statistical model to be downloaded, and no offline
//! NER model is available in this build environment.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::cues;
use super::dates::{self, Anchor, DateExpr};
use super::numbers::{self, Quantity, QuantityKind};
use crate::report::{ClaimKind, Sentence};
use crate::text::Lexicon;

pub(crate) use crate::text::{stem, tokens, Tok};

/// Sentences longer than this (a text without full stops, megabytes long) raise no claims:
/// speakers, quotes and names are matched within a sentence, which would cost time growing
/// with the square of its length. The engine says so in a note. No news sentence comes near.
pub(crate) const MAX_CLAIM_SENTENCE_BYTES: usize = 20_000;

/// What both texts say about capitalisation, shared so that both sides decide alike; indexed by
/// the words' ids in the comparison's [`Lexicon`].
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// Words seen in lower case anywhere.
    lower: Vec<bool>,
    /// Words seen capitalised away from a sentence start, in body sentences.
    cap_mid: Vec<bool>,
}

impl Vocab {
    /// An empty record for the words of `lex`.
    pub(crate) fn new(lex: &Lexicon) -> Vocab {
        Vocab {
            lower: vec![false; lex.len()],
            cap_mid: vec![false; lex.len()],
        }
    }

    /// Records the words of `sentences` of `text`, read as `toks` (one list per sentence).
    pub(crate) fn add(&mut self, text: &str, sentences: &[Sentence], toks: &[&[Tok]]) {
        for (s, toks) in sentences.iter().zip(toks).filter(|(s, _)| !s.furniture) {
            if text.get(s.start..s.end).is_none() {
                continue;
            }
            let initial = initial_flags(text, s, toks);
            for (k, t) in toks.iter().enumerate() {
                if !t.cap {
                    self.lower[t.id as usize] = true;
                } else if !initial[k] && s.role != crate::report::Role::Headline {
                    self.cap_mid[t.id as usize] = true;
                }
            }
        }
    }

    fn seen_lower(&self, t: &Tok) -> bool {
        self.lower.get(t.id as usize).copied().unwrap_or(false)
    }

    fn seen_cap_mid(&self, t: &Tok) -> bool {
        self.cap_mid.get(t.id as usize).copied().unwrap_or(false)
    }
}

/// Which tokens stand where any word is capitalised: the sentence start, after a dateline,
/// an opening quote or a colon.
fn initial_flags(text: &str, s: &Sentence, toks: &[Tok]) -> Vec<bool> {
    let mut prev_end = s.dateline.map_or(s.start, |d| d.end.max(s.start));
    toks.iter()
        .map(|t| {
            if t.start < prev_end {
                // inside the dateline
                prev_end = t.end.max(prev_end);
                return false;
            }
            let gap = text.get(prev_end..t.start).unwrap_or("");
            let first = prev_end == s.start || s.dateline.is_some_and(|d| prev_end == d.end);
            let at_start = first && gap.chars().all(|c| !c.is_alphanumeric());
            let after_mark = gap
                .chars()
                .any(|c| matches!(c, '“' | '"' | '‘' | ':' | '—' | '(' | '«'))
                && !gap.contains(',');
            prev_end = t.end;
            at_start || after_mark
        })
        .collect()
}

/// One named entity of a text: its mentions merged by aliasing.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// The longest form, as written.
    pub canonical: String,
    /// Lower-case words of the longest form.
    pub words: Vec<String>,
    pub place: bool,
}

/// What a claim says, normalised.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    Date(DateExpr),
    Num(Quantity),
    Name(usize),
    Quote {
        words: Vec<String>,
        speaker: Option<usize>,
    },
    Neg {
        /// The stem of the content word the negation bears on.
        target: Option<String>,
        /// Inside a quotation (counted for flips, not reported alone: the quote is).
        quoted: bool,
    },
    Attr {
        doubt: bool,
        hedge: bool,
    },
}

/// One claim of one side.
#[derive(Debug, Clone)]
pub(crate) struct Claim {
    /// Index of the sentence in the side's sentence slice.
    pub sidx: usize,
    pub start: usize,
    pub end: usize,
    pub kind: ClaimKind,
    pub val: Val,
}

/// Everything the engine needs of one side.
pub(crate) struct SideData<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    pub claims: Vec<Claim>,
    pub entities: Vec<Entity>,
    /// Tokens of each sentence (empty for furniture), document offsets.
    pub toks: Vec<&'a [Tok]>,
    /// Quote spans (inner text) of each sentence.
    pub quotes: Vec<Vec<(usize, usize)>>,
    /// Whether a quotation is still open at the end of each sentence (it goes on in the next
    /// sentence, or is reopened at the start of the next paragraph).
    pub open_at_end: Vec<bool>,
    /// Name mentions of each sentence: (start, end, entity).
    pub mentions: Vec<Vec<(usize, usize, usize)>>,
}

impl SideData<'_> {
    pub(crate) fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
    pub(crate) fn in_quote(&self, sidx: usize, pos: usize) -> bool {
        self.quotes
            .get(sidx)
            .is_some_and(|q| q.iter().any(|&(s, e)| s <= pos && pos < e))
    }
}

/// The dates and figures found in a sentence's text against an anchor, shared by every
/// sentence with the same text and anchor: finding them is a pure function of the two, and
/// an unchanged sentence stands in both versions (in a lightly edited pair, nearly all), so a
/// comparison finds them once per distinct sentence instead of once per side.
pub(crate) type ValueMemo<'a> = FxHashMap<
    (&'a str, Option<Anchor>),
    Rc<(Vec<dates::DateMention>, Vec<numbers::NumberMention>)>,
>;

/// Extracts the claims of one side (`memo` shared with the other side's extraction).
pub(crate) fn extract<'a>(
    text: &'a str,
    sentences: &'a [Sentence],
    toks: &[&'a [Tok]],
    anchor: Option<&Anchor>,
    vocab: &Vocab,
    memo: &mut ValueMemo<'a>,
) -> SideData<'a> {
    let mut side = SideData {
        text,
        sentences,
        claims: Vec::new(),
        entities: Vec::new(),
        toks: toks.to_vec(),
        quotes: Vec::new(),
        open_at_end: Vec::new(),
        mentions: Vec::new(),
    };
    // Pass 1: tokens, quotes, raw name mentions.
    let mut raw: Vec<(usize, usize, usize, Vec<String>, bool)> = Vec::new(); // sidx, start, end, words, after_prep
    let (mut carry, mut carry_par) = (false, 0usize);
    for (sidx, s) in sentences.iter().enumerate() {
        let body = if s.furniture {
            None
        } else {
            text.get(s.start..s.end)
        };
        let Some(st) = body else {
            side.quotes.push(Vec::new());
            side.open_at_end.push(false);
            continue;
        };
        let toks = side.toks[sidx];
        let carry_in = carry && s.paragraph == carry_par;
        let (q, open) = find_quotes(st, s.start, carry_in);
        side.quotes.push(q);
        side.open_at_end.push(open);
        carry = open;
        carry_par = s.paragraph;
        let initial = initial_flags(text, s, toks);
        let headline = s.role == crate::report::Role::Headline;
        for (st, en) in name_runs(text, toks, &initial, headline, vocab) {
            let mut words: Vec<String> = toks[st..en].iter().map(|t| t.lower.to_string()).collect();
            // "U.S." and "US" are one name.
            if words.len() > 1 && words.iter().all(|w| w.chars().count() == 1) {
                words = vec![words.concat()];
            }
            let prep = st > 0 && matches!(toks[st - 1].lower.as_str(), "in" | "at" | "near");
            raw.push((sidx, toks[st].start, toks[en - 1].end, words, prep));
        }
    }
    // Aliasing: longer mentions first; a mention joins the first entity whose words contain
    // all of its words.
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(raw[i].3.len()), raw[i].1));
    let mut ent_of = vec![0usize; raw.len()];
    for &i in &order {
        let words = &raw[i].3;
        let found = side
            .entities
            .iter()
            .position(|e| words.iter().all(|w| e.words.contains(w)));
        let id = match found {
            Some(id) => id,
            None => {
                side.entities.push(Entity {
                    canonical: side.slice(raw[i].1, raw[i].2).to_string(),
                    words: words.clone(),
                    place: cues::PLACES.contains(&words.join(" ").as_str()),
                });
                side.entities.len() - 1
            }
        };
        if raw[i].4 {
            side.entities[id].place = true;
        }
        ent_of[i] = id;
    }
    side.mentions = vec![Vec::new(); sentences.len()];
    for (i, r) in raw.iter().enumerate() {
        side.mentions[r.0].push((r.1, r.2, ent_of[i]));
    }
    // Pass 2: claims per sentence.
    let mut last_speaker: Option<usize> = None;
    for (sidx, s) in sentences.iter().enumerate() {
        if s.furniture {
            continue;
        }
        let Some(st) = text.get(s.start..s.end) else {
            continue;
        };
        if st.len() > MAX_CLAIM_SENTENCE_BYTES {
            continue;
        }
        let mut claims = Vec::new();
        let found = Rc::clone(memo.entry((st, anchor.copied())).or_insert_with(|| {
            let dates = dates::find_dates_anchored(st, anchor);
            let local: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
            let numbers = numbers::find_numbers_outside(st, &local);
            Rc::new((dates, numbers))
        }));
        let (dates, numbers) = (&found.0, &found.1);
        for d in dates {
            claims.push(Claim {
                sidx,
                start: s.start + d.start,
                end: s.start + d.end,
                kind: ClaimKind::Date,
                val: Val::Date(d.expr.clone()),
            });
        }
        // Numbers inside a date are the date's: spans sorted by start with the running
        // maximum of their ends answer "does any date overlap" in log time (a sentence of
        // megabytes holds hundreds of thousands of both).
        let mut spans: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
        spans.sort_unstable();
        let max_end: Vec<usize> = spans
            .iter()
            .scan(0, |m, &(_, e)| {
                *m = (*m).max(e);
                Some(*m)
            })
            .collect();
        for n in numbers {
            let before = spans.partition_point(|&(ds, _)| ds < n.end);
            if before > 0 && max_end[before - 1] > n.start {
                continue;
            }
            let kind = match n.value.kind {
                QuantityKind::Money => ClaimKind::Money,
                QuantityKind::Percent => ClaimKind::Percent,
                _ => ClaimKind::Number,
            };
            claims.push(Claim {
                sidx,
                start: s.start + n.start,
                end: s.start + n.end,
                kind,
                val: Val::Num(n.value.clone()),
            });
        }
        for &(ms, me, e) in &side.mentions[sidx] {
            let kind = if side.entities[e].place {
                ClaimKind::Place
            } else {
                ClaimKind::Name
            };
            claims.push(Claim {
                sidx,
                start: ms,
                end: me,
                kind,
                val: Val::Name(e),
            });
        }
        // Cues (negation also inside quotes, attribution outside them).
        let toks = side.toks[sidx];
        for (k, t) in toks.iter().enumerate() {
            let quoted = side.in_quote(sidx, t.start);
            let w = t.lower.as_str();
            let next = toks.get(k + 1).map(|n| n.lower.as_str());
            // "do-not-call": a negator inside a compound word negates nothing.
            let compound = text.get(t.start.saturating_sub(1)..t.start) == Some("-")
                && text.get(t.end..t.end + 1) == Some("-");
            let neg = if compound {
                false
            } else if cues::NEGATION_BARE.contains(&w) {
                true
            } else if cues::NEGATION.contains(&w) {
                // "No. 2 Ford": an abbreviation of number; "not only … but also", "not just
                // X but Y" add, they deny nothing.
                let abbreviation = w == "no" && text.get(t.end..t.end + 1) == Some(".");
                let additive =
                    w == "not" && matches!(next, Some("only" | "just" | "merely" | "simply"));
                !(abbreviation || additive)
            } else if cues::NEGATION_BEFORE_TO.contains(&w) {
                next == Some("to")
            } else {
                w == "t"
                    && k > 0
                    && toks[k - 1].lower.ends_with('n')
                    && text.get(toks[k - 1].end..t.start).is_some_and(|g| {
                        matches!(g, "'" | "’" | "ʼ" | "`" | "´" | "\u{19}" | "\u{92}")
                    })
            };
            if neg {
                let start = if w == "t" {
                    toks[k - 1].end - 1
                } else {
                    t.start
                };
                let target = negated_word(&toks[k + 1..]);
                claims.push(Claim {
                    sidx,
                    start,
                    end: t.end,
                    kind: ClaimKind::Negation,
                    val: Val::Neg { target, quoted },
                });
            }
            if quoted {
                continue;
            }
            let neutral =
                cues::ATTRIBUTION_NEUTRAL.contains(&w) && (w != "according" || next == Some("to"));
            let doubt = cues::ATTRIBUTION_DOUBT.contains(&w);
            let hedge = cues::HEDGES.contains(&w);
            if neutral || doubt || hedge {
                let end = if w == "according" {
                    toks.get(k + 1).map_or(t.end, |n| n.end)
                } else {
                    t.end
                };
                claims.push(Claim {
                    sidx,
                    start: t.start,
                    end,
                    kind: ClaimKind::Attribution,
                    val: Val::Attr { doubt, hedge },
                });
            }
        }
        // Speaker: the name next to the reporting verb, else whom its pronoun means.
        let speaker = super::quotes::speaker(&side, sidx, &mut last_speaker);
        for &(qs, qe) in &side.quotes[sidx] {
            let words: Vec<String> = tokens(text.get(qs..qe).unwrap_or(""), qs)
                .into_iter()
                .map(|t| t.lower.to_string())
                .collect();
            if words.is_empty() {
                continue;
            }
            claims.push(Claim {
                sidx,
                start: qs,
                end: qe,
                kind: ClaimKind::Quote,
                val: Val::Quote { words, speaker },
            });
        }
        claims.sort_by_key(|c| (c.start, c.end, c.kind));
        side.claims.extend(claims);
    }
    side
}

/// Runs of name words in a sentence, as token index ranges, titles split off.
fn name_runs(
    text: &str,
    toks: &[Tok],
    initial: &[bool],
    headline: bool,
    vocab: &Vocab,
) -> Vec<(usize, usize)> {
    let is_title = |k: usize| {
        let t = &toks[k];
        t.cap
            && (cues::TITLES.contains(&t.lower.as_str())
                // "Secretary of State"
                || (t.lower == "state"
                    && k >= 2
                    && toks[k - 1].lower == "of"
                    && cues::TITLES.contains(&toks[k - 2].lower.as_str())))
    };
    let is_name = |k: usize| {
        let t = &toks[k];
        if !t.cap || cues::NOT_NAMES.contains(&t.lower.as_str()) || is_title(k) {
            return false;
        }
        if t.lower.chars().next().is_some_and(|c| c.is_numeric()) {
            return false;
        }
        if initial.get(k).copied().unwrap_or(false) || headline {
            let common_shape =
                t.lower.ends_with("ed") || t.lower.ends_with("ing") || t.lower.ends_with("ly");
            // A capitalised opener is a name when the texts use it capitalised elsewhere, or
            // when it is no common English word ("Drivers will…", "Local businesses…").
            vocab.seen_cap_mid(t)
                || (!vocab.seen_lower(t)
                    && !common_shape
                    && !super::lexicon::is_common_word(&t.lower))
        } else {
            true
        }
    };
    let joined = |k: usize| {
        k > 0
            && text
                .get(toks[k - 1].end..toks[k].start)
                .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '.'))
    };
    let mut runs = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !is_name(k) {
            k += 1;
            continue;
        }
        let st = k;
        let mut en = k + 1;
        let connector = |k: usize| {
            k < toks.len()
                && !toks[k].cap
                && matches!(
                    toks[k].lower.as_str(),
                    "of" | "the" | "de" | "al" | "bin" | "van" | "von"
                )
                && joined(k)
        };
        // Headlines are in title case: each word stands alone there.
        while !headline && en <= toks.len() {
            if en < toks.len() && joined(en) && is_name(en) {
                en += 1;
            } else if connector(en) && en + 1 < toks.len() && joined(en + 1) && is_name(en + 1) {
                en += 2;
            } else if connector(en)
                && connector(en + 1)
                && en + 2 < toks.len()
                && joined(en + 2)
                && is_name(en + 2)
            {
                en += 3;
            } else {
                break;
            }
        }
        runs.push((st, en));
        k = en;
    }
    runs
}

/// Quote spans (the words inside the marks) of one sentence, document offsets.
///
/// `carry` says a double quotation opened in an earlier sentence of the paragraph is still
/// open; the result says whether one is still open at the end of this sentence.
fn find_quotes(s: &str, base: usize, carry: bool) -> (Vec<(usize, usize)>, bool) {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let alnum_at = |i: usize| chars.get(i).is_some_and(|c| c.1.is_alphanumeric());
    let mut out = Vec::new();
    // inner start, opening mark
    let mut open: Option<(usize, char)> = carry.then_some((0, '“'));
    let mut seen_any = carry;
    for (i, &(pos, c)) in chars.iter().enumerate() {
        let next = pos + c.len_utf8();
        let prev_alnum = i > 0 && alnum_at(i - 1);
        // A doubled opening mark (`""This`, `““This`) opens once.
        if open.is_some_and(|(st, _)| st == pos && st > 0)
            && matches!(c, '"' | '“')
            && alnum_at(i + 1)
        {
            open = open.map(|(_, o)| (next, o));
            continue;
        }
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((next, c)),
            (None, '"')
                if i > 0 && !chars[i - 1].1.is_whitespace() && !alnum_at(i + 1) && !seen_any =>
            {
                // a closing mark whose opening stands before this sentence
                out.push((base, base + pos));
            }
            (None, '"') => open = Some((next, c)),
            (None, '‘') if !prev_alnum => open = Some((next, c)),
            (None, '\'') if !prev_alnum && alnum_at(i + 1) => open = Some((next, c)),
            (None, '”' | '»') if !seen_any => {
                // closing with no opener: the quote began before this sentence
                out.push((base, base + pos));
            }
            (Some((st, '“' | '«' | '„' | '"')), '”' | '»' | '"') => {
                out.push((base + st, base + pos));
                open = None;
            }
            (Some((st, o)), '’' | '\'') if matches!(o, '‘' | '\'') && !alnum_at(i + 1) => {
                out.push((base + st, base + pos));
                open = None;
            }
            _ => {}
        }
        if matches!(c, '“' | '”' | '"' | '«' | '»' | '„') {
            seen_any = true;
        }
    }
    let mut still_open = false;
    if let Some((st, o)) = open {
        if matches!(o, '“' | '«' | '„' | '"') {
            out.push((base + st, base + s.len()));
            still_open = true;
        }
    }
    out.retain(|&(a, b)| {
        s.get(a - base..b - base)
            .is_some_and(|q| q.chars().any(|c| c.is_alphanumeric()))
    });
    (out, still_open)
}

/// The word a negation denies, stemmed: the first word after it that is not a function word
/// ("did not *win*", "won't be *around*", "unable to *use*").
pub(super) fn negated_word(after: &[Tok]) -> Option<String> {
    after
        .iter()
        .map(|t| t.lower.as_str())
        .find(|w| !cues::STOP.contains(w) && !matches!(*w, "to" | "be" | "so"))
        .map(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_of_every_kind() {
        let s = "He said “partners, not rivals” and 'go home' and \"stop\" but China’s view.";
        let q: Vec<&str> = find_quotes(s, 0, false)
            .0
            .iter()
            .map(|&(a, b)| &s[a..b])
            .collect();
        assert_eq!(q, vec!["partners, not rivals", "go home", "stop"]);
    }

    #[test]
    fn a_doubled_opening_mark_opens_once() {
        let s = "\"\"This is the end,\" said Ode.";
        let q: Vec<&str> = find_quotes(s, 0, false)
            .0
            .iter()
            .map(|&(a, b)| &s[a..b])
            .collect();
        assert_eq!(q, vec!["This is the end,"]);
    }

    #[test]
    fn quotes_across_sentences() {
        let (q, open) = find_quotes("He said: “We came.", 0, false);
        assert_eq!((q, open), (vec![(12, 20)], true));
        let (q, open) = find_quotes("We saw.", 100, true);
        assert_eq!((q, open), (vec![(100, 107)], true));
        let (q, open) = find_quotes("We left,” he said.", 0, true);
        assert_eq!((q, open), (vec![(0, 8)], false));
    }

    #[test]
    fn stems_alike() {
        assert_eq!(stem("meetings"), stem("meeting"));
        assert_eq!(stem("elections"), "election");
    }
}
