//! claims::frames: what a date or figure is about, so that a value is set only against the
//! same fact.
//!
//! Input: one side's extracted claims and tokens. Output: a [`Frame`] for each date or
//! figure: the nearest content word before and after it in its clause (the thing it dates or
//! counts, or the predicate: "the summit in late 2018", "apologized Friday", "costing … $1
//! million"), and the name words around it. Two values may be compared only when their frames
//! agree ([`same_frame`]); otherwise they are two facts ("a notice issued Thursday" / "a notice
//! published Friday"; "vowed Wednesday" / "announced Tuesday"), whatever words the two
//! sentences share.
//!
//! The scan stops at clause punctuation (`; : ( ) — –`, a double hyphen) and at another value
//! of the sentence, so that in a list ("$4,272.78 on the cruise, $2,306.08 at Disney World")
//! each figure keeps its own item. Words inside a quotation frame only a value inside it.

use super::cues;
use super::extract::{stem, Claim, SideData, Val};

/// Most tokens looked at on either side of a value.
const REACH: usize = 6;

/// What one date or figure is about.
#[derive(Debug, Clone, Default)]
pub(crate) struct Frame {
    /// The nearest content word before and after the value (not a name, figure or date),
    /// lower case.
    pub before: Option<String>,
    pub after: Option<String>,
    /// Name words within reach, lower case, sorted.
    pub names: Vec<String>,
    /// Those of them that name no place (people, organisations): who, not where.
    pub people: Vec<String>,
    /// Stems of the other content words within reach, sorted.
    pub words: Vec<String>,
    /// For a rate, the thing each unit of it counts: "$45 a share", "$45 for each share",
    /// "$50,000 per year" → "share", "year" (lower case).
    pub per: Option<String>,
    /// For a figure, the date nearest to it in its clause (an index into the side's claims):
    /// the time the count holds at ("ten countries on Monday, 40 by Tuesday").
    pub when: Option<usize>,
}

/// Whether a word is a reporting verb ("said", "told"): a statement's date is framed by who
/// made it, not by the verb every statement shares.
fn reporting(w: &str) -> bool {
    cues::ATTRIBUTION_NEUTRAL.contains(&w) || cues::ATTRIBUTION_DOUBT.contains(&w)
}

/// Two words of one stem, also across the crude stemmer's gaps ("apologize" / "apologized").
pub(crate) fn alike(a: &str, b: &str) -> bool {
    stem(a) == stem(b) || same_start(a, b)
}

/// The second test of [`alike`], for callers that compare stems worked out beforehand: a
/// common start of at least five characters that leaves at most two of the shorter word.
pub(crate) fn same_start(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && common + 2 >= shorter
}

/// The frame of claim `c` (a date or figure) of side `data`.
pub(crate) fn frame(data: &SideData<'_>, c: &Claim) -> Frame {
    let toks = &data.toks[c.sidx];
    let mut out = Frame::default();
    let Some(here) = toks.iter().position(|t| t.end > c.start) else {
        return out;
    };
    let quoted = data.in_quote(c.sidx, c.start);
    let in_value = |start: usize, end: usize| {
        data.claims.iter().any(|d| {
            d.sidx == c.sidx
                && matches!(d.val, Val::Date(_) | Val::Num(_))
                && d.start < end
                && start < d.end
        })
    };
    // The mention a token stands in, if any.
    let mention_of = |start: usize, end: usize| {
        data.mentions[c.sidx]
            .iter()
            .find(|m| m.0 <= start && end <= m.1)
    };
    let clause_break = |from: usize, to: usize| {
        data.text
            .get(from..to)
            .is_some_and(|g| g.contains([';', ':', '(', ')', '—', '–']) || g.contains("--"))
    };
    let mut names: Vec<String> = Vec::new();
    let mut people: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for dir in [-1i64, 1] {
        // Walk away from the value, past its own tokens.
        let mut k = here as i64;
        let mut prev: Option<(usize, usize)> = None;
        let mut steps = 0;
        let mut first = true;
        loop {
            if k < 0 || k as usize >= toks.len() {
                break;
            }
            let t = &toks[k as usize];
            k += dir;
            if t.start < c.end && t.end > c.start {
                prev = Some((t.start, t.end));
                continue;
            }
            if let Some((ps, pe)) = prev {
                let (from, to) = if dir < 0 { (t.end, ps) } else { (pe, t.start) };
                if clause_break(from, to) {
                    break;
                }
            } else if first {
                let (from, to) = if dir < 0 {
                    (t.end, c.start)
                } else {
                    (c.end, t.start)
                };
                if clause_break(from, to) {
                    break;
                }
            }
            first = false;
            prev = Some((t.start, t.end));
            steps += 1;
            if steps > REACH || in_value(t.start, t.end) {
                break;
            }
            if !quoted && data.in_quote(c.sidx, t.start) {
                continue;
            }
            if let Some(m) = mention_of(t.start, t.end) {
                names.push(t.lower.to_string());
                if !data.entities[m.2].place {
                    people.push(t.lower.to_string());
                }
                continue;
            }
            let w = t.lower.as_str();
            let content = !cues::STOP.contains(&w)
                && !cues::LIST_OPENERS.contains(&w)
                && w.chars().count() > 2
                && !w.chars().any(|ch| ch.is_numeric());
            let slot = if dir < 0 {
                &mut out.before
            } else {
                &mut out.after
            };
            if content {
                if slot.is_none() {
                    *slot = Some(w.to_string());
                }
                words.push(stem(w));
            }
        }
    }
    out.per = rate(data, c, here);
    if matches!(c.val, Val::Num(_)) {
        out.when = when(data, c);
    }
    names.sort_unstable();
    names.dedup();
    out.names = names;
    people.sort_unstable();
    people.dedup();
    out.people = people;
    words.sort_unstable();
    words.dedup();
    out.words = words;
    out
}

/// The date nearest to figure `c` in its sentence with no clause punctuation (`; : ( ) — –`)
/// between them, as an index into the side's claims; the earlier of two as near.
fn when(data: &SideData<'_>, c: &Claim) -> Option<usize> {
    let hard = |from: usize, to: usize| {
        data.text
            .get(from..to)
            .is_none_or(|g| g.contains([';', ':', '(', ')', '—', '–']) || g.contains("--"))
    };
    data.claims
        .iter()
        .enumerate()
        .filter(|(_, d)| d.sidx == c.sidx && matches!(d.val, Val::Date(_)))
        .filter_map(|(k, d)| {
            let (from, to) = if d.end <= c.start {
                (d.end, c.start)
            } else if c.end <= d.start {
                (c.end, d.start)
            } else {
                return None;
            };
            (!hard(from, to)).then_some((to - from, k))
        })
        .min()
        .map(|(_, k)| k)
}

/// The thing a rate counts per unit ("$45 a share", "$45 for each Beta share", "10 per day"):
/// right after the value "a", "an" or "per", or "for" and one of those or "each" / "every",
/// then (past names) the first content word. `here` is the value's first token.
fn rate(data: &SideData<'_>, c: &Claim, here: usize) -> Option<String> {
    let toks = &data.toks[c.sidx];
    let mut rest = toks[here..].iter().skip_while(|t| t.start < c.end).take(5);
    let mut t = rest.next()?;
    let mut last_end = c.end;
    // No clause punctuation between the value and the words that make it a rate.
    let joined = |from: usize, to: usize| {
        data.text
            .get(from..to)
            .is_some_and(|g| !g.contains([',', ';', ':', '(', ')', '—', '–', '.']))
    };
    let mut after_for = false;
    if t.lower == "for" {
        last_end = t.end;
        t = rest.next()?;
        after_for = true;
    }
    // "each" and "every" make a rate only after "for": in "two companies each paid" they
    // distribute the count, they do not divide it.
    let opener = match t.lower.as_str() {
        "a" | "an" | "per" => true,
        "each" | "every" => after_for,
        _ => false,
    };
    if !opener || !joined(last_end, t.start) {
        return None;
    }
    last_end = t.end;
    for t in rest {
        if !joined(last_end, t.start) {
            return None;
        }
        last_end = t.end;
        let name = data.mentions[c.sidx]
            .iter()
            .any(|m| m.0 <= t.start && t.end <= m.1);
        let w = t.lower.as_str();
        if name || cues::STOP.contains(&w) {
            continue;
        }
        return (w.chars().count() > 2 && !w.chars().any(|ch| ch.is_numeric()))
            .then(|| w.to_string());
    }
    None
}

/// Whether one value is a rate and the other is not, or both are rates of different things
/// ("$45 a share" / "$3.6 billion"; "$20 an hour" / "$900 a week"): never one fact, even in
/// one aligned row.
pub(crate) fn other_rate(p: &Frame, q: &Frame) -> bool {
    match (&p.per, &q.per) {
        (None, None) => false,
        (Some(x), Some(y)) => !alike(x, y),
        _ => true,
    }
}

/// Whether two values are told apart by every word around them: other words before, other
/// words after, no name or word in common ("is costing Secure America $1 million, the
/// organization confirmed" / "have reserved $500,000 of airtime"). Even in one aligned row
/// such values are two facts.
pub(crate) fn clearly_other(p: &Frame, q: &Frame) -> bool {
    let differ = |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if !alike(x, y));
    differ(&p.before, &q.before)
        && differ(&p.after, &q.after)
        && !share_name(p, q)
        && !share_word(p, q)
}

/// Whether a content word stands near both values.
pub(crate) fn share_word(p: &Frame, q: &Frame) -> bool {
    p.words.iter().any(|w| q.words.binary_search(w).is_ok())
}

/// Whether a name stands near both values ("$5,687.75 on Martha's Vineyard Holistic Retreat").
pub(crate) fn share_name(p: &Frame, q: &Frame) -> bool {
    p.names.iter().any(|n| q.names.binary_search(n).is_ok())
}

/// Whether two values' frames say they are about the same thing: the word next to each is
/// one word (a reporting verb only together with a shared name), or they share a name and
/// nothing next to them tells them apart.
pub(crate) fn same_frame(p: &Frame, q: &Frame) -> bool {
    let shared_name = share_name(p, q);
    let mine = [p.before.as_deref(), p.after.as_deref()];
    let theirs = [q.before.as_deref(), q.after.as_deref()];
    for w in mine.iter().flatten() {
        for v in theirs.iter().flatten() {
            if alike(w, v) && (!reporting(w) || shared_name) {
                return true;
            }
        }
    }
    let heads_differ = matches!((&p.before, &q.before), (Some(x), Some(y)) if !alike(x, y));
    if shared_name && !heads_differ {
        return true;
    }
    // Nothing next to one of them to tell the two apart ("In 2009, …"): not another fact.
    let bare = |f: &Frame| f.before.is_none() && f.after.is_none() && f.names.is_empty();
    bare(p) || bare(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(before: Option<&str>, after: Option<&str>, names: &[&str]) -> Frame {
        Frame {
            before: before.map(str::to_string),
            after: after.map(str::to_string),
            names: names.iter().map(|s| s.to_string()).collect(),
            people: Vec::new(),
            words: Vec::new(),
            per: None,
            when: None,
        }
    }

    #[test]
    fn the_same_head_word_is_the_same_fact() {
        assert!(same_frame(
            &f(Some("summit"), None, &[]),
            &f(Some("summit"), Some("interfere"), &["francisco"])
        ));
        assert!(same_frame(
            &f(Some("apologize"), Some("post"), &[]),
            &f(Some("staffer"), Some("apologized"), &[])
        ));
    }

    #[test]
    fn other_predicates_are_other_facts() {
        assert!(!same_frame(
            &f(Some("issued"), Some("permitting"), &[]),
            &f(Some("published"), None, &["federal", "register"])
        ));
        assert!(!same_frame(
            &f(Some("tweeted"), Some("accepted"), &["trump"]),
            &f(Some("said"), Some("invitation"), &["fox"])
        ));
    }

    #[test]
    fn a_reporting_verb_needs_the_same_speaker() {
        assert!(!same_frame(
            &f(Some("said"), None, &["ryan"]),
            &f(Some("said"), None, &["graham"])
        ));
        assert!(same_frame(
            &f(Some("said"), None, &["ryan"]),
            &f(Some("said"), None, &["ryan"])
        ));
    }

    #[test]
    fn a_shared_name_frames_a_list_item() {
        assert!(same_frame(
            &f(None, None, &["holistic", "martha", "retreat", "vineyard"]),
            &f(
                None,
                Some("vacation"),
                &["holistic", "martha", "retreat", "vineyard"]
            )
        ));
    }
}
