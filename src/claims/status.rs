//! claims::status: the status of an event — expected, planned or pending in one version and
//! done (or denied) in the other ("is expected to plead guilty" / "pleaded guilty"; "has been
//! charged" / "no formal charges have been filed").
//!
//! Input: one side's tokens and names. Output: the [`Event`]s of each sentence: a verb (or
//! its noun: "charges") with its status, the name words of its sentence and the content words
//! right after it (what it is about: "guilty", "tax"). Two events are one when their words are
//! one word ([`frames::alike`]) and they share a name or a word of what they are about
//! ([`same_event`]); a status that differs is a changed claim of kind `status`.
//!
//! The markers are English function words (modals, "expected to", "has been"), kept in the
//! tables below; the event word itself is any content word.

use super::cues;
use super::extract::SideData;
use super::frames;

/// Words that, before "to", put the next verb in the future ("is expected to plead").
static PENDING_BEFORE_TO: &[&str] = &[
    "expected",
    "set",
    "scheduled",
    "likely",
    "poised",
    "due",
    "plans",
    "plan",
    "planned",
    "intends",
    "intend",
    "going",
    "prepared",
    "ready",
    "slated",
];

/// Modals that put the next verb in the future or the possible ("will vote", "could face").
static MODALS: &[&str] = &["will", "would", "could", "may", "might", "shall"];

/// Auxiliaries before a participle of something done ("has been charged", "was indicted").
static DONE_AUX: &[&str] = &["has", "have", "had", "was", "were", "been"];

/// Content words after the event word kept as what it is about.
const OBJECT_WORDS: usize = 4;

/// Where an event stands in one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// Expected, planned, scheduled, possible.
    Pending,
    /// Done.
    Done,
    /// Said not to have happened ("no charges have been filed", "has not decided").
    NotDone,
}

/// One event of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub sidx: usize,
    /// Byte span: from the status marker to the event word.
    pub start: usize,
    pub end: usize,
    /// The event word, lower case.
    pub word: String,
    pub status: Status,
    /// Name words of the sentence, sorted.
    pub names: Vec<String>,
    /// Content words right after the event word.
    pub about: Vec<String>,
}

/// The events of one side.
pub(crate) fn events(data: &SideData<'_>) -> Vec<Event> {
    let mut out = Vec::new();
    for (sidx, toks) in data.toks.iter().enumerate() {
        if toks.is_empty() {
            continue;
        }
        let mut names: Vec<String> = data.mentions[sidx]
            .iter()
            .flat_map(|m| {
                toks.iter()
                    .filter(move |t| m.0 <= t.start && t.end <= m.1)
                    .map(|t| t.lower.clone())
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        let content = |w: &str| {
            !cues::STOP.contains(&w)
                && w.chars().count() > 3
                && !w.chars().any(|c| c.is_numeric())
                && !cues::ATTRIBUTION_NEUTRAL.contains(&w)
                && !cues::ATTRIBUTION_DOUBT.contains(&w)
        };
        for k in 0..toks.len() {
            let w = toks[k].lower.as_str();
            if data.in_quote(sidx, toks[k].start) || !content(w) || PENDING_BEFORE_TO.contains(&w) {
                continue;
            }
            let prev = |n: usize| (k >= n).then(|| toks[k - n].lower.as_str());
            let negated = (1..=3).any(|n| {
                prev(n).is_some_and(|p| cues::NEGATION.contains(&p) || p == "t" || p == "yet")
            });
            let status = if prev(1) == Some("to")
                && prev(2).is_some_and(|p| PENDING_BEFORE_TO.contains(&p))
            {
                Some((Status::Pending, k - 2))
            } else if prev(1).is_some_and(|p| MODALS.contains(&p)) {
                Some((Status::Pending, k - 1))
            } else if negated && (w.ends_with("ed") || w.ends_with('s')) {
                // "has not been charged", "no formal charges have been filed".
                let from = (1..=3).rev().find(|&n| {
                    prev(n).is_some_and(|p| cues::NEGATION.contains(&p) || p == "t" || p == "yet")
                });
                // "didn't": the negator's span starts at "didn".
                let n = from.unwrap_or(0);
                let n = if n > 0 && prev(n) == Some("t") && k > n {
                    n + 1
                } else {
                    n
                };
                Some((Status::NotDone, k - n))
            } else if w.ends_with("ed") && (prev(1).is_some_and(|p| DONE_AUX.contains(&p)) || k > 0)
            {
                Some((Status::Done, k))
            } else {
                None
            };
            let Some((status, from)) = status else {
                continue;
            };
            let about: Vec<String> = toks[k + 1..]
                .iter()
                .map(|t| t.lower.clone())
                .filter(|t| content(t))
                .take(OBJECT_WORDS)
                .collect();
            out.push(Event {
                sidx,
                start: toks[from].start,
                end: toks[k].end,
                word: w.to_string(),
                status,
                names: names.clone(),
                about,
            });
        }
    }
    out
}

/// Whether two events of the two versions are one event: one word, a shared name, and a
/// shared word of what they are about or sentences that report the same thing (`sim`, the
/// sentence similarity, at least [`SAME_REPORT`]).
pub(crate) fn same_event(p: &Event, q: &Event, sim: f64) -> bool {
    if !frames::alike(&p.word, &q.word) {
        return false;
    }
    let shared_name = p.names.iter().any(|n| q.names.binary_search(n).is_ok());
    let shared_about = p
        .about
        .iter()
        .any(|w| q.about.iter().any(|v| frames::alike(w, v)));
    // Said done in one and denied in the other: the name is enough ("Sayoc has been
    // charged" / "no charges have been filed" against Sayoc).
    let denied = matches!(
        (p.status, q.status),
        (Status::NotDone, Status::Done) | (Status::Done, Status::NotDone)
    );
    shared_name && (shared_about || denied || sim >= SAME_REPORT)
}

/// Sentence similarity at which two sentences naming the same event word and person report
/// the same event.
const SAME_REPORT: f64 = 0.3;

/// Whether two statuses tell one event differently.
pub(crate) fn differ(p: Status, q: Status) -> bool {
    matches!(
        (p, q),
        (Status::Pending, Status::Done)
            | (Status::Done, Status::Pending)
            | (Status::NotDone, Status::Done)
            | (Status::Done, Status::NotDone)
    )
}
