//! claims::quotes: the quote ledger of one version, and the comparison of two ledgers.
//!
//! Input: one side's extracted quote claims (one per sentence part, with speakers). Output: a
//! [`Ledger`] of whole quotations — parts joined where a quotation runs on over sentences or
//! paragraphs — each with its words normalised for comparison and their byte spans; and, for
//! two ledgers, the [`QuotePair`]s that are the same quotation, with a [`Verdict`].
//!
//! # Pairing
//!
//! Two quotations are the same remark when a stretch of one is found, nearly word for word,
//! in the other: a local alignment of their words (Smith–Waterman, content words weighing
//! more than function words, gaps and changed words costing [`GAP`]) finds the densest common
//! stretch. It must hold at least [`MIN_COMMON`] common words of which [`MIN_CONTENT`] are
//! content words, and either cover [`MIN_COVER`] of the shorter quotation or hold
//! [`LONG_CONTENT`] content words; two quotations that share only common words or one stock
//! phrase ("with an executive order") are never paired.
//!
//! # Verdicts
//!
//! Inside the common stretch, any word changed, added or removed is a misquote (a conflict),
//! unless the side that lacks the words marks the cut ("…", "...", "[…]"). Words outside the
//! stretch are a quotation cut shorter (or longer) at either end, which is not a change. A
//! quotation whose every word is found in a row of the other is the same quotation, shortened
//! or whole. Pairs are taken verbatim first, then best first, and a quotation may pair with
//! several of the other side's only where their common stretches do not overlap (one version
//! splits a quotation in two that the other gives whole).
//!
//! Hand-written because no crate aligns word sequences with graded word weights and returns
//! the aligned stretch; the quotations of a news story are short (a few hundred words at most,
//! [`MAX_WORDS`]), so the quadratic table is small.

use super::cues;
use super::extract::{tokens, SideData, Val};

/// Score of a common function word in the local alignment.
const MATCH_STOP: i32 = 1;
/// Score of a common content word.
const MATCH_CONTENT: i32 = 3;
/// Cost of a word changed, added or removed inside the common stretch. Against 3 for a
/// content word, one changed word is kept inside the stretch when a content word follows it
/// (so "a spot at the bar" / "a spot at a bar" is one stretch with a change), and a stretch
/// of other words between two common phrases is not.
const GAP: i32 = 2;
/// Fewest common words in the stretch for two quotations to be one remark.
const MIN_COMMON: usize = 3;
/// Fewest common content words in it.
const MIN_CONTENT: usize = 2;
/// Share of the shorter quotation's words that the stretch must hold, unless it holds
/// [`LONG_CONTENT`] content words.
const MIN_COVER: f64 = 0.6;
/// Common content words that make a stretch one remark whatever its share.
const LONG_CONTENT: usize = 5;
/// Common words that make one remark of two quotations given to the same speaker, whatever
/// their share.
const SPEAKER_COMMON: usize = 5;
/// Most words of one quotation compared.
const MAX_WORDS: usize = 400;
/// Most quotations of the other side aligned with one quotation (those sharing the most
/// content words), so that the work stays linear in the number of quotations.
const MAX_CANDIDATES: usize = 24;

/// One word of a quotation, normalised ("it's" → "it", "is"), with the span of its token.
#[derive(Debug, Clone)]
pub(crate) struct QWord {
    pub norm: String,
    pub start: usize,
    pub end: usize,
    pub content: bool,
    /// A word written with letters left out ("son-of-a-b----", "c---sucker"): `norm` is what
    /// stands before the dashes and this what stands after; it matches any word so spelt.
    pub masked: Option<String>,
}

impl QWord {
    /// Whether two words are the same word of the quotation.
    fn same(&self, other: &QWord) -> bool {
        let fits = |m: &QWord, w: &QWord| {
            m.masked.as_ref().is_some_and(|tail| {
                w.masked.is_none()
                    && w.norm.len() > m.norm.len() + tail.len()
                    && w.norm.starts_with(&m.norm)
                    && w.norm.ends_with(tail.as_str())
            })
        };
        self.norm == other.norm || fits(self, other) || fits(other, self)
    }
}

/// One whole quotation of a version.
#[derive(Debug, Clone)]
pub(crate) struct LedgerQuote {
    /// Byte span of the words inside the marks (from the first part to the last).
    pub start: usize,
    pub end: usize,
    pub words: Vec<QWord>,
    /// The speaker (entity index) of its first attributed part.
    pub speaker: Option<usize>,
    /// Indices of the quote claims it was built from, in text order.
    pub parts: Vec<usize>,
}

/// All the quotations of one version, in text order.
pub(crate) type Ledger = Vec<LedgerQuote>;

/// How two paired quotations relate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Verdict {
    /// The same words, or one a run of the other's words (shortened).
    Same,
    /// They share a stretch, each going on differently beyond it: no change to report.
    Overlap,
    /// Words changed, added or removed inside the common stretch.
    Misquoted {
        /// Byte spans of the common stretch on each side.
        a: (usize, usize),
        b: (usize, usize),
        /// The words of A and of B that differ inside the stretch.
        removed: Vec<String>,
        added: Vec<String>,
    },
}

/// Two quotations found to be one remark.
#[derive(Debug, Clone)]
pub(crate) struct QuotePair {
    /// Indices into the A and B ledgers.
    pub a: usize,
    pub b: usize,
    pub verdict: Verdict,
    /// Byte spans of the words the pair accounts for on each side (the common stretch, or
    /// the whole of a quotation found whole in the other).
    pub span_a: (usize, usize),
    pub span_b: (usize, usize),
}

/// Whether only white space (and quotation marks) stand between `from` and `to` in `text`.
fn blank_between(text: &str, from: usize, to: usize) -> bool {
    from <= to
        && text.get(from..to).is_some_and(|g| {
            g.chars()
                .all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»' | '„'))
        })
}

/// Builds the ledger of one side from its quote claims.
pub(crate) fn ledger(data: &SideData<'_>) -> Ledger {
    let mut out: Ledger = Vec::new();
    let mut last_sidx = usize::MAX;
    for (k, c) in data.claims.iter().enumerate() {
        let Val::Quote { speaker, .. } = &c.val else {
            continue;
        };
        let s = &data.sentences[c.sidx];
        // A part that runs to the end of its sentence, followed by one that opens the next
        // sentence, is one quotation going on (in the paragraph, or reopened in the next).
        let continues = out.last().is_some_and(|q: &LedgerQuote| {
            let prev = &data.sentences[last_sidx];
            c.sidx == last_sidx + 1
                && data.open_at_end.get(last_sidx).copied().unwrap_or(false)
                && blank_between(data.text, q.end, prev.end)
                && blank_between(data.text, s.start, c.start)
        });
        let words = normalise(data.text, c.start, c.end);
        if continues {
            if let Some(q) = out.last_mut() {
                q.end = c.end;
                q.words.extend(words);
                q.words.truncate(MAX_WORDS);
                q.parts.push(k);
                q.speaker = q.speaker.or(*speaker);
            }
        } else {
            out.push(LedgerQuote {
                start: c.start,
                end: c.end,
                words,
                speaker: *speaker,
                parts: vec![k],
            });
        }
        last_sidx = c.sidx;
    }
    out
}

/// The words of `text[start..end]` for comparison: lower case, contractions spelled out,
/// month abbreviations and British spellings folded.
fn normalise(text: &str, start: usize, end: usize) -> Vec<QWord> {
    let mut out: Vec<QWord> = Vec::new();
    let toks = tokens(text.get(start..end).unwrap_or(""), start);
    let gap = |w: &QWord, next: usize| text.get(w.end..next).unwrap_or(" ");
    let mut masking = false;
    for t in toks.iter().take(MAX_WORDS) {
        // Letters left out with dashes or stars: the word goes on after them, or ends there.
        let cut = |g: &str| g.len() >= 2 && g.chars().all(|c| matches!(c, '-' | '*'));
        if let Some(last) = out.last_mut() {
            if masking {
                masking = false;
                if cut(gap(last, t.start)) {
                    last.masked = Some(t.lower.clone());
                    last.end = t.end;
                    continue;
                }
            }
            // "F.B.I." and "FBI": one word.
            if t.lower.chars().count() == 1
                && gap(last, t.start) == "."
                && last.norm.chars().all(|c| c.is_alphabetic())
                && text
                    .get(last.start..last.end)
                    .is_some_and(|w| w.split('.').all(|p| p.chars().count() <= 1))
            {
                last.norm.push_str(&t.lower);
                last.end = t.end;
                last.content = true;
                continue;
            }
        }
        let after = text.get(t.end..).unwrap_or("");
        let dashes = after.chars().take_while(|c| matches!(c, '-' | '*')).count();
        if dashes >= 2 {
            masking = true;
            let mut w = word(&t.lower, t.start, t.end);
            w.masked = Some(String::new());
            w.content = true;
            out.push(w);
            continue;
        }
        let prev = out.last().map(|w| w.norm.as_str()).unwrap_or("");
        let glued = out.last().is_some_and(|w| {
            text.get(w.end..t.start)
                .is_some_and(|g| g == "'" || g == "’")
        });
        let full: String = match t.lower.as_str() {
            "s" if glued
                && matches!(
                    prev,
                    "it" | "that" | "he" | "she" | "there" | "what" | "who" | "here" | "let"
                ) =>
            {
                if prev == "let" {
                    "us".into()
                } else {
                    "is".into()
                }
            }
            // A possessive ("the princess's", "the Princess'"): the word alone.
            "s" if glued => continue,
            "re" if glued => "are".into(),
            "ve" if glued => "have".into(),
            "ll" if glued => "will".into(),
            "d" if glued => "would".into(),
            "m" if glued => "am".into(),
            "t" if glued && prev.ends_with('n') => {
                let base = match prev {
                    "won" => "will".to_string(),
                    "can" => "can".to_string(),
                    "shan" => "shall".to_string(),
                    p => p.trim_end_matches('n').to_string(),
                };
                if let Some(last) = out.last_mut() {
                    last.norm = base;
                }
                "not".into()
            }
            "cannot" => {
                out.push(word("can", t.start, t.end));
                "not".into()
            }
            "jan" => "january".into(),
            "feb" => "february".into(),
            "aug" => "august".into(),
            "sep" | "sept" => "september".into(),
            "oct" => "october".into(),
            "nov" => "november".into(),
            "dec" => "december".into(),
            other => match other.strip_suffix("our") {
                // "labour" / "labor": one word.
                Some(stem) if other.len() >= 6 => format!("{stem}or"),
                _ => other.to_string(),
            },
        };
        out.push(word(&full, t.start, t.end));
    }
    out
}

fn word(norm: &str, start: usize, end: usize) -> QWord {
    QWord {
        norm: norm.to_string(),
        start,
        end,
        content: !cues::STOP.contains(&norm) && norm.chars().count() > 1,
        masked: None,
    }
}

/// The best local alignment of two word lists: the matched index pairs, in order.
fn local_alignment(a: &[QWord], b: &[QWord]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut h = vec![0i32; (n + 1) * w];
    let (mut best, mut at) = (0i32, (0usize, 0usize));
    for i in 1..=n {
        for j in 1..=m {
            let diag = if a[i - 1].same(&b[j - 1]) {
                h[(i - 1) * w + j - 1]
                    + if a[i - 1].content {
                        MATCH_CONTENT
                    } else {
                        MATCH_STOP
                    }
            } else {
                h[(i - 1) * w + j - 1] - GAP
            };
            let v = diag
                .max(h[(i - 1) * w + j] - GAP)
                .max(h[i * w + j - 1] - GAP)
                .max(0);
            h[i * w + j] = v;
            // Ties go to the cell nearest the start of both, the same whichever side is A.
            if v > best || (v == best && v > 0 && i + j < at.0 + at.1) {
                best = v;
                at = (i, j);
            }
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = at;
    while i > 0 && j > 0 && h[i * w + j] > 0 {
        let v = h[i * w + j];
        let same = a[i - 1].same(&b[j - 1]);
        let gain = if a[i - 1].content {
            MATCH_CONTENT
        } else {
            MATCH_STOP
        };
        if same && v == h[(i - 1) * w + j - 1] + gain {
            pairs.push((i - 1, j - 1));
            i -= 1;
            j -= 1;
        } else if !same && v == h[(i - 1) * w + j - 1] - GAP {
            i -= 1;
            j -= 1;
        } else if v == h[(i - 1) * w + j] - GAP {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

/// Content words of a quotation short enough to be a candidate on one shared content word.
const SHORT_QUOTE: usize = 3;

/// Longest quotations compared word for word as a whole (see [`judge`]).
const MAX_WHOLE_WORDS: usize = 60;

/// The longest common subsequence of two word lists, as matched index pairs in order.
fn common_subsequence(a: &[QWord], b: &[QWord]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut t = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if a[i].same(&b[j]) {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i].same(&b[j]) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Whether the words missing between two matched words are marked as cut on the side that
/// lacks them.
fn cut_marked(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|g| {
        g.contains("...") || g.contains(". . .") || g.contains('…') || g.contains('[')
    })
}

/// Words before (after) the common stretch in both quotations that are still taken as the
/// same place of one remark, the quotations beginning (ending) there.
const EDGE_WORDS: usize = 2;

/// Extra words of the longer segment searched when the common stretch is extended (see
/// [`extend`]).
const RESYNC_SLACK: usize = 6;

/// Extends the common stretch `pairs` over the words before it (`head`) or after it (`tail`)
/// where both quotations come back together: the shorter of the two segments is found, in
/// order, in the part of the longer one next to the stretch (at most its length plus
/// [`RESYNC_SLACK`] words), for at least two thirds of its words including the word farthest
/// from the stretch ("… administration coming in January" / "… administration that will come
/// into Washington in January"; "I quickly judged" / "I reacted to an article and quickly
/// judged"). Quotations that only go on differently are left as they are.
fn extend(a: &[QWord], b: &[QWord], pairs: &mut Vec<(usize, usize)>, tail: bool) {
    let (Some(&(fi, fj)), Some(&(li, lj))) = (pairs.first(), pairs.last()) else {
        return;
    };
    // Segments as index lists walked away from the stretch.
    let (sa, sb): (Vec<usize>, Vec<usize>) = if tail {
        ((li + 1..a.len()).collect(), (lj + 1..b.len()).collect())
    } else {
        ((0..fi).rev().collect(), (0..fj).rev().collect())
    };
    if sa.is_empty() || sb.is_empty() {
        return;
    }
    let a_short = sa.len() <= sb.len();
    let (short, long, ws, wl) = if a_short {
        (&sa, &sb, a, b)
    } else {
        (&sb, &sa, b, a)
    };
    let long = &long[..long.len().min(short.len() + RESYNC_SLACK)];
    // Greedy in-order matching, walking away from the stretch.
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for &k in short.iter() {
        if let Some(off) = long[from..].iter().position(|&l| wl[l].same(&ws[k])) {
            found.push((k, long[from + off]));
            from += off + 1;
        }
    }
    let far_found = found.last().is_some_and(|&(k, _)| Some(&k) == short.last());
    if !far_found || 3 * found.len() < 2 * short.len() {
        return;
    }
    let mut more: Vec<(usize, usize)> = found
        .into_iter()
        .map(|(k, l)| if a_short { (k, l) } else { (l, k) })
        .collect();
    if tail {
        pairs.extend(more);
    } else {
        more.reverse();
        more.append(pairs);
        *pairs = more;
    }
}

/// The verdict on two quotations, with the byte spans of their common stretch and its number
/// of common words, or `None` when they are not one remark.
fn judge(
    qa: &LedgerQuote,
    qb: &LedgerQuote,
    ta: &str,
    tb: &str,
    same_speaker: bool,
) -> Option<Judged> {
    let (a, b) = (&qa.words, &qb.words);
    if a.is_empty() || b.is_empty() {
        return None;
    }
    if a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same(y)) {
        return Some(Judged {
            verdict: Verdict::Same,
            a: (qa.start, qa.end),
            b: (qb.start, qb.end),
            common: a.len(),
        });
    }
    // One a run of the other's words: the same quotation, shortened.
    let (short, long, short_is_a) = if a.len() <= b.len() {
        (a, b, true)
    } else {
        (b, a, false)
    };
    if short.len() >= MIN_COMMON && short.iter().any(|w| w.content) {
        if let Some(at) = long
            .windows(short.len())
            .position(|w| w.iter().zip(short.iter()).all(|(x, y)| x.same(y)))
        {
            let run = (long[at].start, long[at + short.len() - 1].end);
            let whole = |q: &LedgerQuote| (q.start, q.end);
            let (sa, sb) = if short_is_a {
                (whole(qa), run)
            } else {
                (run, whole(qb))
            };
            return Some(Judged {
                verdict: Verdict::Same,
                a: sa,
                b: sb,
                common: short.len(),
            });
        }
    }
    let mut pairs = local_alignment(a, b);
    // Two short quotations nearly the same word for word: the whole of both is one stretch,
    // however few content words hold it together ("must be completed in English" / "must be
    // ridiculous in English").
    if a.len().max(b.len()) <= MAX_WHOLE_WORDS {
        let whole = common_subsequence(a, b);
        if whole.len() > pairs.len() && 4 * whole.len() >= 3 * a.len().max(b.len()) {
            pairs = whole;
        }
    }
    let common = pairs.len();
    let content = pairs.iter().filter(|&&(i, _)| a[i].content).count();
    let shorter = a.len().min(b.len());
    // Nearly all of both: one remark however common its words ("we reject his message" /
    // "we reject his visit").
    let nearly_whole = 4 * common >= 3 * a.len().max(b.len()) && content >= 1;
    // Given to one speaker in both: a stretch of a few words is enough to be the remark
    // reworded ("… and gives it to the people" / "… and gives it to the American people").
    let spoken = same_speaker && common >= SPEAKER_COMMON && content >= MIN_CONTENT;
    if common < MIN_COMMON
        || !(nearly_whole
            || spoken
            || (content >= MIN_CONTENT
                && ((common as f64) >= MIN_COVER * shorter as f64 || content >= LONG_CONTENT)))
    {
        return None;
    }
    extend(a, b, &mut pairs, false);
    extend(a, b, &mut pairs, true);
    // Both quotations open (or close) a word or two away from the stretch: they begin (end)
    // at the same place, and the words there differ ("… of the relationship" / "… of the
    // partnership").
    if let (Some(&(fi, fj)), Some(&(li, lj))) = (pairs.first(), pairs.last()) {
        let near = |k: usize| (1..=EDGE_WORDS).contains(&k);
        if near(fi) && near(fj) {
            pairs.insert(0, (usize::MAX, usize::MAX));
        }
        if near(a.len() - li - 1) && near(b.len() - lj - 1) {
            pairs.push((a.len(), b.len()));
        }
    }
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    // Sentinels: (MAX, MAX) before the first word, (len, len) after the last.
    let after = |k: usize| k.wrapping_add(1);
    for win in pairs.windows(2) {
        let ((i0, j0), (i1, j1)) = (win[0], win[1]);
        let gap_a = &a[after(i0)..i1];
        let gap_b = &b[after(j0)..j1];
        if i0 == usize::MAX || i1 == a.len() {
            removed.extend(gap_a.iter().map(|w| w.norm.clone()));
            added.extend(gap_b.iter().map(|w| w.norm.clone()));
            continue;
        }
        if gap_a.is_empty() && gap_b.is_empty() {
            continue;
        }
        // One word written in two ("chipset" / "chip-set", "rereading" / "re-reading").
        let glued = |g: &[QWord]| g.iter().map(|w| w.norm.as_str()).collect::<String>();
        if !gap_a.is_empty() && !gap_b.is_empty() && glued(gap_a) == glued(gap_b) {
            continue;
        }
        // Words one side leaves out with a mark of the cut.
        if gap_b.is_empty() && cut_marked(tb, b[j0].end, b[j1].start) {
            continue;
        }
        if gap_a.is_empty() && cut_marked(ta, a[i0].end, a[i1].start) {
            continue;
        }
        removed.extend(gap_a.iter().map(|w| w.norm.clone()));
        added.extend(gap_b.iter().map(|w| w.norm.clone()));
    }
    let first = pairs.iter().find(|p| p.0 != usize::MAX)?;
    let last = pairs.iter().rev().find(|p| p.0 != a.len())?;
    let (fi, fj) = if pairs[0].0 == usize::MAX {
        (0, 0)
    } else {
        *first
    };
    let (li, lj) = if pairs[pairs.len() - 1].0 == a.len() {
        (a.len() - 1, b.len() - 1)
    } else {
        *last
    };
    let (sa, sb) = ((a[fi].start, a[li].end), (b[fj].start, b[lj].end));
    let verdict = if removed.is_empty() && added.is_empty() {
        // Whole on one side (shortened), or a shared stretch with different ends on both.
        let whole_a = fi == 0 && li + 1 == a.len();
        let whole_b = fj == 0 && lj + 1 == b.len();
        if whole_a || whole_b {
            Verdict::Same
        } else {
            Verdict::Overlap
        }
    } else {
        Verdict::Misquoted {
            a: sa,
            b: sb,
            removed,
            added,
        }
    };
    Some(Judged {
        verdict,
        a: sa,
        b: sb,
        common,
    })
}

/// What [`judge`] finds of two quotations.
struct Judged {
    verdict: Verdict,
    /// Byte spans of the common stretch.
    a: (usize, usize),
    b: (usize, usize),
    common: usize,
}

/// Pairs the quotations of two ledgers: verbatim and shortened first, then misquotes best
/// first; a quotation takes part in several pairs only with stretches that do not overlap.
pub(crate) fn compare(
    la: &Ledger,
    lb: &Ledger,
    ta: &str,
    tb: &str,
    same_speaker: impl Fn(&LedgerQuote, &LedgerQuote) -> bool,
) -> Vec<QuotePair> {
    // Content words of each quotation, sorted, for the candidate filter.
    fn keys(q: &LedgerQuote) -> Vec<&str> {
        let mut v: Vec<&str> = q
            .words
            .iter()
            .filter(|w| w.content)
            .map(|w| w.norm.as_str())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
    let (ka, kb): (Vec<Vec<&str>>, Vec<Vec<&str>>) =
        (la.iter().map(keys).collect(), lb.iter().map(keys).collect());
    let mut index: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (j, k) in kb.iter().enumerate() {
        for &w in k {
            index.entry(w).or_default().push(j);
        }
    }
    let mut cands: Vec<(Judged, usize, usize)> = Vec::new();
    let mut count = vec![0usize; lb.len()];
    // Quotations with the same words pair whatever words they hold ("non", "we agree").
    let joined = |q: &LedgerQuote| {
        q.words
            .iter()
            .map(|w| w.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut exact: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
    for (j, q) in lb.iter().enumerate() {
        exact.entry(joined(q)).or_default().push(j);
    }
    for (i, qa) in la.iter().enumerate() {
        let mut touched: Vec<usize> = Vec::new();
        for &j in exact.get(&joined(qa)).map(Vec::as_slice).unwrap_or(&[]) {
            if ka[i].len() < MIN_CONTENT {
                if let Some(judged) = judge(qa, &lb[j], ta, tb, same_speaker(qa, &lb[j])) {
                    cands.push((judged, i, j));
                }
            }
        }
        for &w in &ka[i] {
            for &j in index.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                if count[j] == 0 {
                    touched.push(j);
                }
                count[j] += 1;
            }
        }
        touched.sort_by(|&x, &y| count[y].cmp(&count[x]).then(x.cmp(&y)));
        for &j in touched.iter().take(MAX_CANDIDATES) {
            // A short quotation may share a single content word with its other version
            // ("our hero, our champion" / "our hero, our partner"); `judge` decides.
            let short = ka[i].len() <= SHORT_QUOTE || kb[j].len() <= SHORT_QUOTE;
            if count[j] >= MIN_CONTENT || (short && count[j] >= 1) {
                if let Some(judged) = judge(qa, &lb[j], ta, tb, same_speaker(qa, &lb[j])) {
                    cands.push((judged, i, j));
                }
            }
        }
        for &j in &touched {
            count[j] = 0;
        }
    }
    // Verbatim and overlapping pairs first (they account for the words they share), then
    // misquotes, each group best first, ties by position.
    let rank = |v: &Verdict| match v {
        Verdict::Same => 0,
        Verdict::Overlap => 1,
        Verdict::Misquoted { .. } => 2,
    };
    // Among equals, the pair given to one speaker first (a quotation repeated by two people).
    let spoken: Vec<bool> = cands
        .iter()
        .map(|(_, i, j)| same_speaker(&la[*i], &lb[*j]))
        .collect();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by(|&x, &y| {
        let (cx, cy) = (&cands[x], &cands[y]);
        rank(&cx.0.verdict)
            .cmp(&rank(&cy.0.verdict))
            .then(cy.0.common.cmp(&cx.0.common))
            .then(spoken[y].cmp(&spoken[x]))
            .then(cx.1.cmp(&cy.1))
            .then(cx.2.cmp(&cy.2))
    });
    let mut slots: Vec<Option<(Judged, usize, usize)>> = cands.into_iter().map(Some).collect();
    let cands: Vec<(Judged, usize, usize)> =
        order.into_iter().filter_map(|k| slots[k].take()).collect();
    let mut paired_a = vec![false; la.len()];
    let mut paired_b = vec![false; lb.len()];
    let mut used_a: Vec<Vec<(usize, usize)>> = vec![Vec::new(); la.len()];
    let mut used_b: Vec<Vec<(usize, usize)>> = vec![Vec::new(); lb.len()];
    let overlaps =
        |used: &[(usize, usize)], s: (usize, usize)| used.iter().any(|&(x, y)| x < s.1 && s.0 < y);
    let mut out = Vec::new();
    for (judged, i, j) in cands {
        let (sa, sb) = (judged.a, judged.b);
        // A verbatim pair stands while one of its quotations is still unpaired (a quotation
        // repeated, or shortened in two places, is found again; a text compared with itself
        // pairs each quotation with its own copy); the others only where their stretches are
        // still free.
        if judged.verdict == Verdict::Same {
            if paired_a[i] && paired_b[j] {
                continue;
            }
        } else if overlaps(&used_a[i], sa) || overlaps(&used_b[j], sb) {
            continue;
        }
        paired_a[i] = true;
        paired_b[j] = true;
        used_a[i].push(sa);
        used_b[j].push(sb);
        out.push(QuotePair {
            a: i,
            b: j,
            verdict: judged.verdict,
            span_a: sa,
            span_b: sb,
        });
    }
    out.sort_by_key(|p| (p.a, p.b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> LedgerQuote {
        LedgerQuote {
            start: 0,
            end: text.len(),
            words: normalise(text, 0, text.len()),
            speaker: None,
            parts: vec![0],
        }
    }

    fn verdict(a: &str, b: &str) -> Option<Verdict> {
        judge(&q(a), &q(b), a, b, false).map(|j| j.verdict)
    }

    fn misquoted(v: Option<Verdict>) -> Option<(Vec<String>, Vec<String>)> {
        match v {
            Some(Verdict::Misquoted { removed, added, .. }) => Some((removed, added)),
            _ => None,
        }
    }

    #[test]
    fn one_word_changed_inside_is_a_misquote() {
        let v = verdict(
            "It's destructive to the fabric of the relationship",
            "I think it's destructive of the fabric of the relationship",
        );
        assert_eq!(misquoted(v), Some((vec!["to".into()], vec!["of".into()])));
        let v = verdict(
            "a spot at the bar",
            "dress like you deserve respect, not a spot at a bar",
        );
        assert_eq!(misquoted(v), Some((vec!["the".into()], vec!["a".into()])));
    }

    #[test]
    fn one_word_added_or_removed_inside_is_a_misquote() {
        let v = verdict(
            "Tom Brady, George Clooney, James Bond, the president have nothing on Mo.",
            "Tom Brady, George Clooney, James Bond and the president have nothing on Mo.",
        );
        assert_eq!(misquoted(v), Some((vec![], vec!["and".into()])));
        let v = verdict(
            "rationale for gutting government programs",
            "a rationale gutting government programs",
        );
        assert_eq!(misquoted(v), Some((vec!["for".into()], vec![])));
    }

    #[test]
    fn shortened_and_contracted_quotes_are_the_same() {
        assert_eq!(
            verdict(
                "We will not resign, whatever they say about us.",
                "we won't resign"
            ),
            Some(Verdict::Same)
        );
        assert_eq!(
            verdict(
                "It is a magnet for illegal immigration in modern times",
                "It's a magnet for illegal immigration in modern times"
            ),
            Some(Verdict::Same)
        );
    }

    #[test]
    fn acronyms_and_censored_words_are_the_same_words() {
        assert_eq!(
            verdict(
                "a decorated FBI special agent",
                "a decorated F.B.I. special agent"
            ),
            Some(Verdict::Same)
        );
        assert_eq!(
            verdict(
                "you little son-of-a-b----, socialist c---sucker",
                "you little son-of-a-bitch, socialist cocksucker"
            ),
            Some(Verdict::Same)
        );
    }

    #[test]
    fn a_short_quote_with_one_word_changed_is_a_misquote() {
        let v = verdict(
            "must be completed in English",
            "must be ridiculous in English",
        );
        assert_eq!(
            misquoted(v),
            Some((vec!["completed".into()], vec!["ridiculous".into()]))
        );
    }

    #[test]
    fn one_word_written_in_two_is_the_same_word() {
        assert_eq!(
            verdict(
                "which resides in the Oxford 922 chipset, the company said",
                "which resides in the Oxford 922 chip-set, the company said"
            ),
            Some(Verdict::Same)
        );
    }

    #[test]
    fn a_marked_cut_is_no_misquote() {
        assert_eq!(
            verdict(
                "we will rebuild the bridge and the harbour wall this year",
                "we will rebuild the bridge … this year"
            ),
            Some(Verdict::Same)
        );
    }

    #[test]
    fn different_remarks_sharing_a_phrase_are_not_paired() {
        for (a, b) in [
            (
                "you cannot end birthright citizenship with an executive order.",
                "The president cannot erase the Constitution with an executive order, and the 14th Amendment's citizenship guarantee is clear",
            ),
            ("Rise to the occasion.", "I reacted to an article and quickly judged the two young ladies"),
            ("He's cool,", "It was a private fact, but now known publicly that he also brought cool"),
            ("We needed to get out the economic message.", "we have to have the kind of message that resonates in every corner"),
        ] {
            assert!(!matches!(verdict(a, b), Some(Verdict::Misquoted { .. })), "{a} / {b}");
            assert!(!matches!(verdict(b, a), Some(Verdict::Misquoted { .. })), "{b} / {a}");
        }
    }

    #[test]
    fn a_quotation_split_in_two_pairs_twice() {
        let a = "I quickly judged the two young ladies in a way I never would. After many hours of prayer I can see more clearly just how hurtful my words were.";
        let b1 = "I reacted to an article and quickly judged the two young ladies in a way I never would,";
        let b2 = "After many hours of prayer I can see more clearly how hurtful my words were. Please know that.";
        let tb = format!("{b1} {b2}");
        let part = |start: usize, end: usize| LedgerQuote {
            start,
            end,
            words: normalise(&tb, start, end),
            speaker: None,
            parts: vec![0],
        };
        let lb = vec![part(0, b1.len()), part(b1.len() + 1, tb.len())];
        let pairs = compare(&vec![q(a)], &lb, a, &tb, |_, _| false);
        let mis = pairs
            .iter()
            .filter(|p| matches!(p.verdict, Verdict::Misquoted { .. }))
            .count();
        assert_eq!(mis, 2, "{pairs:?}");
    }
}
