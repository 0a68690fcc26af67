//! claims::engine::negations: the negation judge — a negation flipped in one statement (a
//! conflict), a denial in one version only (a notice).
//!
//! Decides ([`negations`]), for each negation of one side and the closest sentence of the
//! other side ([`best_sentence`]): at or above `same_statement`, a flip when the other
//! sentence holds fewer negations, the negation is a negator rather than a verb of denial
//! ([`syntactic`]), the other version states the negated word plainly more often (else the
//! denial was left out, not reversed), and it keeps no negation of that word (the same word,
//! or said with other words: `cues::NEGATIVE_IMPLIED`, "far from", "yet to"); below
//! `same_topic`, a denial restated nowhere, not quoted and the last of its sentence is in
//! this version only.
//!
//! Reads: both [`Side`]s (claims, tokens, `aligned_with`) and the sentence similarities seen
//! from `x`. Writes: [`Flag`]s (the status judge, which runs after, reads the flips).
//!
//! Thresholds: `same_statement` (one statement: a flip can be told), `same_topic` (below it,
//! no counterpart: a denial in one version only).

use std::collections::{BTreeMap, BTreeSet};

use super::context::{best_sentence, Side};
use super::{only_in, order, Flag, Span};
use crate::claims::cues;
use crate::claims::extract::{self, stem, Claim, Val};
use crate::report::{Change, ClaimKind, Reason, Severity};

/// Whether a negation is a negator ("not", "n't", "never", "no"…) rather than a verb of
/// denial or refusal ("denied", "refused to"), which words of rejection can paraphrase.
fn syntactic(x: &Side<'_>, c: &Claim) -> bool {
    let w = x.data.slice(c.start, c.end).to_lowercase();
    !(cues::NEGATION_BEFORE_TO.contains(&w.as_str()) || w.starts_with("den"))
}

/// Negation: flipped in the same statement, or stated in one version only.
pub(super) fn negations(x: &Side<'_>, y: &Side<'_>, s: &[Vec<f64>], flags: &mut Vec<Flag>) {
    let mut lone = BTreeSet::new();
    let mut flipped: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &x.data.claims {
        let Val::Neg { target, quoted } = &c.val else {
            continue;
        };
        let Some((j, v)) = best_sentence(s, c.sidx, &x.aligned_with[c.sidx]) else {
            continue;
        };
        let implied = |side: &Side<'_>, k: usize| {
            let toks = &side.data.toks[k];
            toks.iter()
                .filter(|t| cues::NEGATIVE_IMPLIED.contains(&t.lower.as_str()))
                .count()
                // "far from unique" for "not unique", "has yet to start" for "has not started"
                + toks
                    .windows(2)
                    .filter(|w| {
                        matches!((w[0].lower.as_str(), w[1].lower.as_str()), ("far", "from") | ("yet", "to"))
                    })
                    .count()
        };
        let y_negs = |j: usize| {
            y.data
                .claims
                .iter()
                .filter(|d| d.sidx == j && matches!(d.val, Val::Neg { .. }))
                .count()
                // implied negatives only the other sentence has ("failing to" for "not")
                + implied(y, j).saturating_sub(implied(x, c.sidx))
        };
        let x_negs = x
            .data
            .claims
            .iter()
            .filter(|d| d.sidx == c.sidx && matches!(d.val, Val::Neg { .. }))
            .count();
        if v >= x.t.same_statement {
            if y_negs(j) >= x_negs || !syntactic(x, c) {
                continue;
            }
            let Some(t) = target else { continue };
            // The other version states the negated word plainly no more often than this one
            // does ("does not offer shares but lets users offer perks" / "users can offer
            // perks"): its plain word is this sentence's plain one, and the denial was left
            // out, not reversed.
            let plain = |side: &Side<'_>, k: usize| {
                let said = side.data.toks[k]
                    .iter()
                    .filter(|w| &stem(&w.lower) == t)
                    .count();
                let denied = side
                    .data
                    .claims
                    .iter()
                    .filter(|d| {
                        d.sidx == k && matches!(&d.val, Val::Neg { target: Some(u), .. } if u == t)
                    })
                    .count();
                said.saturating_sub(denied)
            };
            if plain(y, j) <= plain(x, c.sidx) {
                continue;
            }
            // A negation kept on the other side (same negated word) is not the flipped one,
            // nor one said there with other words ("won't be around" / "wont be around",
            // "could not use" / "unable to use").
            // (An implied negative both sentences put before the word, "unless they have
            // registered" / "unless they have not registered", keeps nothing.)
            let implied_before = |side: &Side<'_>, k: usize| {
                let toks = &side.data.toks[k];
                toks.iter().enumerate().any(|(n, w)| {
                    cues::NEGATIVE_IMPLIED.contains(&w.lower.as_str())
                        && extract::negated_word(&toks[n + 1..]).as_ref() == Some(t)
                })
            };
            let kept = y.data.claims.iter().any(|d| {
                d.sidx == j && matches!(&d.val, Val::Neg { target: Some(u), .. } if u == t)
            }) || (implied_before(y, j) && !implied_before(x, c.sidx));
            if kept || flipped.get(&c.sidx).copied().unwrap_or(0) >= x_negs - y_negs(j) {
                continue;
            }
            let Some(tok) = y.data.toks[j].iter().find(|k| &stem(&k.lower) == t) else {
                continue;
            };
            *flipped.entry(c.sidx).or_insert(0) += 1;
            let ty = y.data.slice(tok.start, tok.end);
            let tx = x.data.slice(c.start, c.end);
            let yspan = Span::new(j, tok.start, tok.end);
            let reason = Reason::NegationFlipped {
                negator: tx.to_string(),
                word: ty.to_string(),
                negated_in: x.id,
            };
            let (sa, sb) = order(x, Some(Span::of(c)), Some(yspan));
            flags.push(Flag {
                refine: false,
                change: Change::Changed,
                kind: ClaimKind::Negation,
                severity: Severity::Conflict,
                a: sa,
                b: sb,
                reason,
            });
        } else if v < x.t.same_topic {
            // Restated anywhere with the same negated word: not dropped.
            let restated = target.as_ref().is_some_and(|t| {
                y.data
                    .claims
                    .iter()
                    .any(|d| matches!(&d.val, Val::Neg { target: Some(u), .. } if u == t))
            });
            // One denial per sentence, the last (the main clause comes last more often: "Based
            // on its policy of not meddling …, Beijing has said … it does not meddle").
            let later = x.data.claims.iter().any(|d| {
                d.sidx == c.sidx
                    && d.start > c.start
                    && matches!(d.val, Val::Neg { quoted: false, .. })
            });
            if restated || *quoted || later || !lone.insert(c.sidx) {
                continue;
            }
            let sent = &x.data.sentences[c.sidx];
            let (sa, sb) = order(x, Some(Span::of(c)), None);
            flags.push(Flag {
                refine: false,
                change: only_in(x),
                kind: ClaimKind::Negation,
                severity: Severity::Notice,
                a: sa,
                b: sb,
                reason: Reason::DenialOnly {
                    denial: x
                        .data
                        .slice(c.start, sent.end)
                        .trim_end_matches(['.', '!', '?'])
                        .to_string(),
                    side: x.id,
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::engine::testing::conflicts;

    #[test]
    fn negation_said_with_other_words_is_not_a_flip() {
        for (a, b) in [
            (
                "The coach said the result would be surprising but far from unique.",
                "The coach said the result would be surprising but not unique.",
            ),
            (
                "Unless the dam is repaired, the valley will flood by spring, engineers said.",
                "If the dam is not repaired, the valley will flood by spring, engineers said.",
            ),
            (
                "The storm would be destructive rather than merely wet, forecasters said.",
                "The storm would be destructive, not merely wet, forecasters said.",
            ),
        ] {
            assert_eq!(conflicts(a, b), Vec::<String>::new(), "{a} / {b}");
        }
        // A plain flip still conflicts.
        assert_eq!(
            conflicts(
                "The council said the bridge will reopen in May.",
                "The council said the bridge will not reopen in May.",
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_contraction_without_its_apostrophe_is_the_same_negation() {
        for (a, b) in [
            (
                "The mayor said the city hasn\u{2019}t changed its plan yet.",
                "The mayor said the city hasnt changed its plan yet.",
            ),
            (
                "I just can\u{2019}t stop, the runner said after the race on Sunday.",
                "I just cant stop, the runner said after the race on Sunday.",
            ),
        ] {
            assert_eq!(conflicts(a, b), Vec::<String>::new(), "{a} / {b}");
        }
    }

    #[test]
    fn a_denial_left_out_is_not_a_flip() {
        for (a, b) in [
            // The word also stands plainly in the longer sentence.
            (
                "The shop does not sell tickets but lets members sell seats to friends.",
                "The shop lets members sell seats to friends.",
            ),
            // Said with other words on one side only, before the same word.
            (
                "The pilot was unable to land the plane in the fog on Monday.",
                "The pilot could not land the plane in the fog on Monday.",
            ),
            // "Not only … but also" adds; it denies nothing.
            (
                "The plan will not only cut costs but also shorten the queues, the board said.",
                "The plan will cut costs and shorten the queues, the board said.",
            ),
            // A typographic apostrophe lost to a control character.
            (
                "Why don\u{19}t you keep the money here, the owner asked on Friday.",
                "Why don\u{2019}t you keep the money here, the owner asked on Friday.",
            ),
            (
                "The school has yet to start the scheme, the head teacher said.",
                "The school hasn\u{2019}t started the scheme yet, the head teacher said.",
            ),
        ] {
            assert_eq!(conflicts(a, b), Vec::<String>::new(), "{a} / {b}");
            assert_eq!(conflicts(b, a), Vec::<String>::new(), "{b} / {a}");
        }
        // A word said plainly twice against once plainly and once denied is still a flip, and
        // an implied negative both versions share keeps nothing.
        for (a, b) in [
            (
                "It is theft, as surely as taking a wallet is theft, he wrote.",
                "It is not theft, as surely as taking a wallet is theft, he wrote.",
            ),
            (
                "Donors give unless they have registered an objection, the minister said.",
                "Donors give unless they have not registered an objection, the minister said.",
            ),
        ] {
            assert_eq!(conflicts(a, b).len(), 1, "{a} / {b}");
        }
    }
}
