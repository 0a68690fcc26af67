//! claims::engine::names: the name judges — a name put in the place of another, one person
//! renamed throughout, a name in one version only, and one name spelt two ways.
//!
//! Decides:
//! - [`names`] (kind `name`, or `place` when either name is one): in two sentences that report
//!   one statement, a name only A has and a name only B has standing between the same words
//!   is a changed name (a conflict), unless one is the other written short
//!   ([`written_short`]: "S." / "South"); a titled person only A names and one only B names,
//!   in two sentences one aligned row pairs, with the same given name and another surname
//!   ([`surnames_differ`]) is one person renamed (a conflict); any other name one version
//!   lacks is named in one version only (a notice).
//! - [`spellings`]: an entity of A and one of B that [`names_alike`] takes for one name only
//!   through a word spelt otherwise, each version keeping to its own spelling (a notice).
//!
//! Two names are one name when [`names_alike`] says so: one's words among the other's,
//! shortenings, the same letters split otherwise, acronyms, accents folded
//! ([`fold_accents`]).
//!
//! Reads: both [`Side`]s (entities, mentions, tokens, claims, `aligned_with`) and the
//! sentence similarities. Writes: [`Flag`]s. [`one_speaker`] (the quote judge, `paired_by`)
//! and [`fold_accents`] (the value judge's `other_subject`) are read elsewhere too.
//!
//! Thresholds: `same_statement` (two sentences report one statement, so that the names in them
//! are compared for a swap).

use std::collections::BTreeSet;

use super::context::{best_sentence, Side};
use super::{only_in, order, Flag, Span};
use crate::claims::cues;
use crate::claims::extract::{self, Val};
use crate::report::{Change, ClaimKind, Reason, Severity};

/// Whether two versions' speakers of a quote are one person: their names share a word
/// ("Prime Minister Jane Doyle" / "Doyle").
pub(super) fn one_speaker(p: &extract::Entity, q: &extract::Entity) -> bool {
    p.words.iter().any(|w| q.words.contains(w))
}

/// Whether two entities can name one person, organisation or place ([`names_alike`] on their
/// words).
fn entities_match(p: &extract::Entity, q: &extract::Entity) -> bool {
    names_alike(&p.words, &q.words)
}

/// A word with its accents dropped ("Peña" → "Pena"): two versions that write a name with
/// and without its accents name one person.
pub(super) fn fold_accents(w: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if w.is_ascii() {
        return w.to_string();
    }
    w.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// The words of two names left once the words both share are set aside, accents dropped.
fn set_aside(p: &[String], q: &[String]) -> (Vec<String>, Vec<String>) {
    let mut rq: Vec<String> = q.iter().map(|w| fold_accents(w)).collect();
    let mut rp: Vec<String> = Vec::new();
    for w in p.iter().map(|w| fold_accents(w)) {
        match rq.iter().position(|v| *v == w) {
            Some(k) => {
                rq.remove(k);
            }
            None => rp.push(w),
        }
    }
    (rp, rq)
}

/// Whether two names can name the same person, organisation or place: one's words among the
/// other's ("Xi" / "Xi Jinping"), once the words both share are set aside, what is left of
/// them matches as
/// - a spelling variant or shortening of each word ("Qaida" / "Qaeda", "Labor" / "Labour",
///   "Tim" / "Timothy"), word by word;
/// - the same letters split otherwise ("SCOLinux" / "SCO Linux", "U.S. Sugar" / "US Sugar");
/// - an acronym of the other ("FBI" / "Federal Bureau of Investigation", "U.N." / "United
///   Nations", "UCSD" / "UC San Diego", "GE" / "General Electric Co.").
///
/// Written by hand: no crate matches English news names this way. The thresholds keep a
/// name put in the place of another ("Mohib" / "Okonkwo") a conflict.
fn names_alike(p: &[String], q: &[String]) -> bool {
    let (rp, rq) = set_aside(p, q);
    let (rp, rq): (Vec<&str>, Vec<&str>) = (
        rp.iter().map(String::as_str).collect(),
        rq.iter().map(String::as_str).collect(),
    );
    if rp.is_empty() || rq.is_empty() {
        return true;
    }
    // Word by word only when as many words are left on both sides: "Indonesia" is not the
    // "Indonesian Navy".
    // Middle initials do not count ("Douglas J. Feith" / "Doug Feith").
    fn full<'w>(r: &[&'w str]) -> Vec<&'w str> {
        r.iter()
            .copied()
            .filter(|w| w.chars().count() > 1)
            .collect()
    }
    let (fp, fq) = (full(&rp), full(&rq));
    (!fp.is_empty() && fp.len() == fq.len() && fp.iter().zip(&fq).all(|(w, v)| words_alike(w, v)))
        || rp.concat() == rq.concat()
        || acronym_of(&rp, &rq)
        || acronym_of(&rq, &rp)
}

/// Two spellings of one name word: a letter or two apart (the first letter the same), or a
/// shortening ("Tim" / "Timothy", "Turk" / "Turks").
fn words_alike(w: &str, v: &str) -> bool {
    if w == v {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (w.chars().collect(), v.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if short.len() >= 3 && long.len() <= short.len() + 4 && long.starts_with(short) {
        return true;
    }
    if short.first() != long.first() || short.len() < 5 {
        return false;
    }
    let limit = if short.len() >= 8 { 2 } else { 1 };
    long.len() - short.len() <= limit && levenshtein(short, long) <= limit
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether `short` is an acronym of `long`: one word of two to six letters, or single letters
/// ("U.N."), spelling the initials of `long` (words like "of" counted or not), or their start
/// ("GE" / "General Electric Co."); a short first word of `long` may count whole ("UC San
/// Diego" / "UCSD").
fn acronym_of(short: &[&str], long: &[&str]) -> bool {
    let letters = short.concat();
    let is_acronym = (short.len() == 1 && (2..=6).contains(&letters.chars().count()))
        || (short.len() >= 2 && short.iter().all(|w| w.chars().count() == 1));
    if !is_acronym || long.len() < 2 {
        return false;
    }
    const SKIP: [&str; 6] = ["of", "and", "the", "for", "de", "on"];
    let initials = |skip: bool, whole_first: bool| -> String {
        long.iter()
            .enumerate()
            .filter(|(_, w)| !(skip && SKIP.contains(w)))
            .map(|(k, w)| {
                if k == 0 && whole_first && w.chars().count() <= 3 {
                    w.to_string()
                } else {
                    w.chars().next().map(String::from).unwrap_or_default()
                }
            })
            .collect()
    };
    [(true, false), (false, false), (true, true)]
        .iter()
        .map(|&(skip, whole)| initials(skip, whole))
        .any(|i| {
            i == letters
                || (letters.len() >= 2 && i.starts_with(&letters) && i.len() == letters.len() + 1)
                || (letters.len() >= 4 && letters.starts_with(&i) && letters.len() == i.len() + 1)
        })
}

/// Names: another name in the same statement (conflict); named in one version only.
pub(super) fn names(
    sa: &Side<'_>,
    sb: &Side<'_>,
    sim: &[Vec<f64>],
    simt: &[Vec<f64>],
    flags: &mut Vec<Flag>,
) {
    let matched = |x: &Side<'_>, y: &Side<'_>| -> Vec<bool> {
        x.data
            .entities
            .iter()
            .map(|e| y.data.entities.iter().any(|f| entities_match(e, f)))
            .collect()
    };
    let ma = matched(sa, sb);
    let mb = matched(sb, sa);
    let mut used_a = BTreeSet::new();
    let mut used_b = BTreeSet::new();
    // Name swaps: a name only in A and a name only in B in the same statement, standing
    // between the same words.
    let neighbours = |s: &Side<'_>, sidx: usize, st: usize, en: usize| {
        // Titles are skipped: "said Ambassador Mohib" / "said Nadia Okonkwo".
        let toks = &s.data.toks[sidx];
        let plain = |t: &&extract::Tok| !(t.cap && cues::TITLES.contains(&t.lower.as_str()));
        let prev = toks
            .iter()
            .filter(plain)
            .rfind(|t| t.end <= st)
            .map(|t| t.lower.to_string());
        let next = toks
            .iter()
            .filter(plain)
            .find(|t| t.start >= en)
            .map(|t| t.lower.to_string());
        (prev, next)
    };
    let mut pairs = BTreeSet::new();
    for i in 0..sa.data.sentences.len() {
        if let Some((j, v)) = best_sentence(sim, i, &sa.aligned_with[i]) {
            if v >= sa.t.same_statement {
                pairs.insert((i, j));
            }
        }
    }
    for j in 0..sb.data.sentences.len() {
        if let Some((i, v)) = best_sentence(simt, j, &sb.aligned_with[j]) {
            if v >= sa.t.same_statement {
                pairs.insert((i, j));
            }
        }
    }
    for &(i, j) in &pairs {
        for &(ast, aen, ea) in &sa.data.mentions[i] {
            if ma[ea] || used_a.contains(&ea) {
                continue;
            }
            let (pa, na) = neighbours(sa, i, ast, aen);
            let hit = sb.data.mentions[j].iter().find(|&&(bst, ben, eb)| {
                if mb[eb] || used_b.contains(&eb) {
                    return false;
                }
                let (pb, nb) = neighbours(sb, j, bst, ben);
                // Standing between the same words on both sides, as a name put in the place
                // of another, and not the same name shortened ("S. Korean" / "South Korean").
                pa == pb
                    && na == nb
                    && (pa.is_some() || na.is_some())
                    && !written_short(
                        sa.data.slice(ast, aen),
                        sa.data.text[aen..].starts_with('.'),
                        sb.data.slice(bst, ben),
                        sb.data.text[ben..].starts_with('.'),
                    )
            });
            if let Some(&(bst, ben, eb)) = hit {
                used_a.insert(ea);
                used_b.insert(eb);
                let place = sa.data.entities[ea].place || sb.data.entities[eb].place;
                flags.push(name_flag(
                    place,
                    Severity::Conflict,
                    Span::new(i, ast, aen),
                    Span::new(j, bst, ben),
                    Reason::NameChanged {
                        a: sa.data.slice(ast, aen).to_string(),
                        b: sb.data.slice(bst, ben).to_string(),
                    },
                ));
            }
        }
    }
    // One person renamed throughout: a person only A names and one only B names, mentioned in
    // two sentences one aligned row pairs, with the same given name and another surname
    // ("Jesse L. Jackson Jr." / "Jesse L. Kowalski Jr."). Reworded sentences rarely keep the
    // words around a name, so the row and the given name are the evidence here.
    // A person: a name of two words or more that its text gives a title somewhere ("Rep.",
    // "Mr.", "President"), which a company or an agency is not given.
    let is_person = |x: &Side<'_>, k: usize| {
        let e = &x.data.entities[k];
        let titled = x.data.mentions.iter().enumerate().any(|(sidx, ms)| {
            ms.iter().any(|&(st, _, m)| {
                m == k && {
                    let toks = &x.data.toks[sidx];
                    let at = toks.partition_point(|t| t.start < st);
                    at > 0
                        && toks[at - 1].cap
                        && cues::TITLES.contains(&toks[at - 1].lower.as_str())
                }
            })
        });
        !e.place
            && e.words.len() >= 2
            && !cues::TITLES.contains(&e.words[0].as_str())
            && e.words[0].chars().count() >= 3
            && titled
    };
    let people = |x: &Side<'_>| -> Vec<bool> {
        (0..x.data.entities.len())
            .map(|k| is_person(x, k))
            .collect()
    };
    let (person_a, person_b) = (people(sa), people(sb));
    for i in 0..sa.data.sentences.len() {
        for &j in &sa.aligned_with[i] {
            for &(ast, aen, ea) in &sa.data.mentions[i] {
                let p = &sa.data.entities[ea];
                if ma[ea] || used_a.contains(&ea) || !person_a[ea] {
                    continue;
                }
                let hit = sb.data.mentions[j].iter().find(|&&(_, _, eb)| {
                    let q = &sb.data.entities[eb];
                    !mb[eb]
                        && !used_b.contains(&eb)
                        && person_b[eb]
                        && p.words[0] == q.words[0]
                        && surnames_differ(&p.words, &q.words)
                });
                if let Some(&(bst, ben, eb)) = hit {
                    used_a.insert(ea);
                    used_b.insert(eb);
                    flags.push(name_flag(
                        false,
                        Severity::Conflict,
                        Span::new(i, ast, aen),
                        Span::new(j, bst, ben),
                        Reason::NameChanged {
                            a: p.canonical.clone(),
                            b: sb.data.entities[eb].canonical.clone(),
                        },
                    ));
                }
            }
        }
    }
    for (x, m, used) in [(sa, &ma, &used_a), (sb, &mb, &used_b)] {
        let mut done = BTreeSet::new();
        for c in &x.data.claims {
            let Val::Name(e) = c.val else { continue };
            if m[e] || used.contains(&e) || !done.insert(e) {
                continue;
            }
            let ent = &x.data.entities[e];
            let (a, b) = order(x, Some(Span::of(c)), None);
            flags.push(Flag {
                refine: false,
                change: only_in(x),
                kind: c.kind,
                severity: Severity::Notice,
                a,
                b,
                reason: Reason::NameOnly {
                    place: ent.place,
                    name: ent.canonical.clone(),
                    side: x.id,
                },
            });
        }
    }
}

/// Whether the last words of two names are other names, not one name written otherwise: not a
/// prefix of the other once accents and marks are dropped ("Galán" / "Galn", "O'Mara" / "O",
/// "Prud'homme" / "Prudhomme"), more than two letters apart, and not among the other name's
/// words ("International Children" / "International Childrens Peace Prize").
fn surnames_differ(p: &[String], q: &[String]) -> bool {
    let squash = |w: &str| -> Vec<char> {
        fold_accents(w)
            .chars()
            .filter(|ch| ch.is_alphanumeric())
            .collect()
    };
    let (Some(x), Some(y)) = (p.last(), q.last()) else {
        return false;
    };
    let (x, y) = (squash(x), squash(y));
    let within = |w: &[char], name: &[String]| {
        // Initials ("J.") say nothing either way.
        name.iter().any(|v| {
            let v = squash(v);
            v.len() >= 3 && (v.starts_with(w) || w.starts_with(&v[..]))
        })
    };
    !x.is_empty()
        && !y.is_empty()
        && !x.starts_with(&y[..])
        && !y.starts_with(&x[..])
        && levenshtein(&x, &y) > 2
        && !within(&x, q)
        && !within(&y, p)
}

/// A changed name (or place, when either is one) between the mentions `a` and `b`.
fn name_flag(place: bool, severity: Severity, a: Span, b: Span, reason: Reason) -> Flag {
    Flag {
        refine: false,
        change: Change::Changed,
        kind: if place {
            ClaimKind::Place
        } else {
            ClaimKind::Name
        },
        severity,
        a: Some(a),
        b: Some(b),
        reason,
    }
}

/// One name spelt two ways: an entity of A and one of B that [`names_alike`] takes for one
/// name only through a word spelt otherwise ("Markey" / "Markie", "Qaida" / "Qaeda"), each
/// version keeping to its own spelling (a version that also writes the other spelling has a
/// typo of its own, not a different name). A notice, not a conflict: the two spellings name one
/// person or place, and outlets transliterate by house style ("Qaida" / "Qaeda", "Salih" /
/// "Saleh"); but a fact-checker wants to see it, and a misspelt name is an error one of the
/// versions carries. (As a conflict it raised 0.005 more false conflicts per MSRP paraphrase
/// pair, all transliterations, British spellings or typos.) Letters that differ only by
/// accents ("Peña" / "Pena") or by case are typography and raise nothing, and a shortening
/// ("Tim" / "Timothy") is the same name.
pub(super) fn spellings(sa: &Side<'_>, sb: &Side<'_>, sim: &[Vec<f64>], flags: &mut Vec<Flag>) {
    let plain = fold_accents;
    // Every word each version writes, accents dropped: built once, when a first pair of
    // names spelt otherwise asks for it.
    let vocabulary = |x: &Side<'_>| -> BTreeSet<String> {
        x.data
            .toks
            .iter()
            .flat_map(|t| t.iter())
            .map(|t| plain(&t.lower))
            .collect()
    };
    let vocabularies = std::cell::OnceCell::new();
    // The word pairs spelt otherwise, when every word left over matches one so.
    let variants = |p: &[String], q: &[String]| -> Option<Vec<(String, String)>> {
        let (rp, rq) = set_aside(p, q);
        let full = |r: &[String]| -> Vec<String> {
            r.iter()
                .filter(|w| w.chars().count() > 1)
                .cloned()
                .collect()
        };
        let (fp, fq) = (full(&rp), full(&rq));
        if fp.is_empty() || fp.len() != fq.len() {
            return None;
        }
        let mut out = Vec::new();
        for (w, v) in fp.into_iter().zip(fq) {
            if w == v {
                continue;
            }
            let (cw, cv): (Vec<char>, Vec<char>) = (w.chars().collect(), v.chars().collect());
            let prefix = cw.starts_with(&cv) || cv.starts_with(&cw);
            if prefix || !words_alike(&w, &v) {
                return None;
            }
            out.push((w, v));
        }
        (!out.is_empty()).then_some(out)
    };
    let mut done = BTreeSet::new();
    for (ea, p) in sa.data.entities.iter().enumerate() {
        for (eb, q) in sb.data.entities.iter().enumerate() {
            if done.contains(&ea) || !names_alike(&p.words, &q.words) {
                continue;
            }
            let Some(pairs) = variants(&p.words, &q.words) else {
                continue;
            };
            // Each version keeps to its own spelling.
            let (voc_a, voc_b) = vocabularies.get_or_init(|| (vocabulary(sa), vocabulary(sb)));
            if pairs
                .iter()
                .any(|(w, v)| voc_b.contains(w) || voc_a.contains(v))
            {
                continue;
            }
            // The two mentions in the most alike sentences.
            // (similarity, A mention, B mention); a mention is (sentence, start, end).
            type Mention = (usize, usize, usize);
            let mut best: Option<(f64, Mention, Mention)> = None;
            for (i, ms) in sa.data.mentions.iter().enumerate() {
                for &(ast, aen, e) in ms {
                    if e != ea {
                        continue;
                    }
                    for (j, ns) in sb.data.mentions.iter().enumerate() {
                        for &(bst, ben, f) in ns {
                            let v = sim[i][j];
                            if f == eb && best.is_none_or(|(w, _, _)| v > w) {
                                best = Some((v, (i, ast, aen), (j, bst, ben)));
                            }
                        }
                    }
                }
            }
            let Some((_, (i, ast, aen), (j, bst, ben))) = best else {
                continue;
            };
            done.insert(ea);
            let (w, v) = &pairs[0];
            // The word of the mention spelt otherwise.
            let word = |x: &Side<'_>, st: usize, en: usize, w: &str| -> String {
                let m = x.data.slice(st, en);
                m.split_whitespace()
                    .find(|x| plain(&x.to_lowercase()).contains(w))
                    .unwrap_or(m)
                    .to_string()
            };
            flags.push(name_flag(
                p.place || q.place,
                Severity::Notice,
                Span::new(i, ast, aen),
                Span::new(j, bst, ben),
                Reason::NameSpelt {
                    a: word(sa, ast, aen, w),
                    b: word(sb, bst, ben, v),
                },
            ));
        }
    }
}

/// Whether two names standing in one place are one name, one of them abbreviated or in
/// another form: word by word, the same first letter and either a shortening written with a
/// full stop whose letters the long word has in order ("S." / "South", "Fla." / "Florida"), or
/// the start of the long word ("Pak" / "Pakistan"). ("Belgian" / "Belgium" stays a swap: a
/// shared start of that length also joins "Austria" and "Australia".)
fn written_short(a: &str, a_dot: bool, b: &str, b_dot: bool) -> bool {
    let (wa, wb): (Vec<String>, Vec<String>) = (
        a.split_whitespace().map(|w| w.to_lowercase()).collect(),
        b.split_whitespace().map(|w| w.to_lowercase()).collect(),
    );
    if wa.is_empty() || wa.len() != wb.len() {
        return false;
    }
    let last = wa.len() - 1;
    wa.iter().zip(&wb).enumerate().all(|(k, (x, y))| {
        let (x, y) = (x.trim_end_matches('.'), y.trim_end_matches('.'));
        // A full stop after the word: inside the mention, or right after its last word.
        let dotted = |w: &String, dot: bool| w.ends_with('.') || (k == last && dot);
        let (short, long, dot) = if x.chars().count() <= y.chars().count() {
            (x, y, dotted(&wa[k], a_dot))
        } else {
            (y, x, dotted(&wb[k], b_dot))
        };
        if short == long {
            return true;
        }
        if short.chars().next() != long.chars().next() {
            return false;
        }
        let mut rest = long.chars();
        let in_order = short.chars().all(|c| rest.any(|d| d == c));
        let n = short.chars().count();
        (dot && n <= 4 && in_order)
            || (n >= 3 && long.starts_with(short) && long.chars().count() <= n + 5)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::engine::testing::conflicts;

    fn alike(a: &str, b: &str) -> bool {
        let w = |s: &str| -> Vec<String> {
            extract::tokens(s, 0)
                .into_iter()
                .map(|t| t.lower.to_string())
                .collect()
        };
        names_alike(&w(a), &w(b))
    }

    #[test]
    fn one_name_written_otherwise() {
        for (a, b) in [
            ("Xi", "Xi Jinping"),
            ("FBI", "Federal Bureau of Investigation"),
            ("U.N.", "United Nations"),
            ("US", "United States"),
            ("US Treasury", "United States Treasury"),
            ("U.S. Sugar Corp", "US Sugar Corp"),
            ("UCSD", "UC San Diego"),
            ("CHOGM", "Commonwealth Heads of Government"),
            ("General Electric Co", "GE"),
            ("SCOLinux", "SCO Linux"),
            ("Qaida", "Qaeda"),
            ("Fallujah", "Falluja"),
            ("Labor Party", "Labour Party"),
            ("Tim Muris", "Timothy Muris"),
            ("Doug Feith", "Douglas J. Feith"),
            ("Sulaimaniyah", "Suleimaniya"),
            ("Enrique Peña Nieto", "Enrique Pena Nieto"),
        ] {
            assert!(alike(a, b), "{a} / {b}");
            assert!(alike(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn another_name_stays_another() {
        for (a, b) in [
            ("Mohib", "Okonkwo"),
            ("Mark", "Mary"),
            ("Inland Empire", "Inland Valley"),
            ("Siskiyou Mountains", "Siskiyou Pass"),
            ("Saddam", "Hussein"),
            ("IAEA", "United Nations"),
            ("Ann", "Annapolis"),
            ("Austria", "Australia"),
            ("Iran", "Iraq"),
            ("CIA", "Federal Bureau of Investigation"),
            ("Indonesian Navy", "Indonesia"),
        ] {
            assert!(!alike(a, b), "{a} / {b}");
        }
    }

    /// The changed name claims of comparing two one-paragraph texts.
    fn name_changes(a: &str, b: &str) -> Vec<crate::report::ClaimChange> {
        crate::claims::engine::testing::report(a, b)
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Name && c.change == Change::Changed)
            .collect()
    }

    #[test]
    fn a_name_spelt_otherwise_is_a_notice() {
        let c = name_changes(
            "Rep. Blake Farenthold resigned on Friday after a long inquiry.",
            "Rep. Blake Farenhold resigned on Friday after a long inquiry.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].severity, Severity::Notice);
        assert_eq!(
            c[0].message,
            "the name is spelt Farenthold in A but Farenhold in B"
        );
    }

    #[test]
    fn accents_typos_of_one_side_and_shortenings_raise_no_name_change() {
        for (a, b) in [
            // Accents are typography.
            (
                "President Enrique Peña Nieto met the delegation on Monday.",
                "President Enrique Pena Nieto met the delegation on Monday.",
            ),
            // B also writes A's spelling: a typo of B's own, not two spellings of the name.
            (
                "Blake Farenthold resigned on Friday. Farenthold had served since 2011.",
                "Blake Farenhold resigned on Friday. Farenthold had served since 2011.",
            ),
            // A shortening names the same person.
            (
                "Timothy Walz said the plan was final.",
                "Tim Walz said the plan was final.",
            ),
        ] {
            assert!(name_changes(a, b).is_empty(), "{a} / {b}");
        }
    }

    #[test]
    fn a_shortened_name_is_the_same_name() {
        for (a, ad, b, bd) in [
            ("S", true, "South", false),
            ("Fla", true, "Florida", false),
            ("Pak", false, "Pakistan", false),
            ("W. Bank", false, "West Bank", false),
        ] {
            assert!(written_short(a, ad, b, bd), "{a} / {b}");
            assert!(written_short(b, bd, a, ad), "{b} / {a}");
        }
        for (a, b) in [
            ("Mohib", "Okonkwo"),
            ("Ann", "Annapolis"),
            ("Austria", "Australia"),
            ("S", "Sudan"),
        ] {
            assert!(!written_short(a, false, b, false), "{a} / {b}");
        }
    }

    #[test]
    fn a_person_renamed_throughout_is_another_name() {
        let a = "Rep. Jesse Jackson pleaded guilty on Wednesday to fraud, prosecutors said.\n\n\
                 Mr. Jackson used campaign money for personal items, the court heard.\n";
        let b = "Rep. Jesse Kowalski admitted fraud in court on Wednesday, according to \
                 prosecutors.\n\nMr. Kowalski spent the campaign money on himself, the court \
                 heard.\n";
        let found = conflicts(a, b);
        assert!(
            found
                .iter()
                .any(|m| m.contains("Jesse Jackson") && m.contains("Jesse Kowalski")),
            "{found:?}"
        );
        // Two companies of one brand are not one person renamed.
        let found = conflicts(
            "Atlantic Coast will go on flying as a Delta Connection carrier, the airline said.\n",
            "Atlantic Coast will go on flying regional routes for Delta Air Lines, the airline \
             said.\n",
        );
        assert!(
            !found.iter().any(|m| m.contains("another name")),
            "{found:?}"
        );
    }
}
