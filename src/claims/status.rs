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
//! The markers are English function words (modals, "expected to", "has been", "did not"),
//! kept in the tables below, as are the irregular past forms ("won", "met") that tell an event
//! done without "-ed"; the event word itself is any content word. The two versions'
//! publication dates decide the [`verdict`]: a later revision (notice) or a contradiction.

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

/// Forms of "do" that, before a negation, deny the plain verb after it ("did not vote",
/// "didn't vote", "does not plan").
static DO_AUX: &[&str] = &["did", "does", "do", "didn", "doesn", "don"];

/// Past tense and past participle of the irregular English verbs that news reports events
/// with, and their base form: "won" / "will win", "has met" / "is set to meet". Source: the
/// irregular-verb lists of English grammars, kept to verbs that name an event (not "be",
/// "have", "do", "say", which are auxiliaries or attribution).
static IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("came", "come"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("fought", "fight"),
    ("found", "find"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("gone", "go"),
    ("went", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("left", "leave"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("pled", "plead"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("sold", "sell"),
    ("sought", "seek"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taken", "take"),
    ("took", "take"),
    ("taught", "teach"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("told", "tell"),
    ("undertook", "undertake"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("won", "win"),
    ("wrote", "write"),
    ("written", "write"),
];

/// [`IRREGULAR`] by past form (the first entry of a form wins, as a scan of the table would),
/// and the set of its base forms: looked up for every token of a text, so hashed, not scanned.
fn irregular_tables() -> &'static (
    rustc_hash::FxHashMap<&'static str, &'static str>,
    rustc_hash::FxHashSet<&'static str>,
) {
    static TABLES: std::sync::OnceLock<(
        rustc_hash::FxHashMap<&'static str, &'static str>,
        rustc_hash::FxHashSet<&'static str>,
    )> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut forms = rustc_hash::FxHashMap::default();
        for &(form, base) in IRREGULAR {
            forms.entry(form).or_insert(base);
        }
        (forms, IRREGULAR.iter().map(|&(_, base)| base).collect())
    })
}

/// How many words before its status marker a name is read as the event's subject.
const SUBJECT_REACH: usize = 3;

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
    /// Name words of its subject, sorted: the name that ends at most [`SUBJECT_REACH`] words
    /// before the status marker ("Cowan will hold", "Brooke, a Republican, held"), else every
    /// name of the sentence ("she pleaded", "no charges have been filed against Sayoc").
    pub names: Vec<String>,
    /// Content words right after the event word.
    pub about: Vec<String>,
    /// The stems ([`super::extract::stem`]) of `word`, of `word` with a final "e" set aside
    /// (see [`one_verb`]) and of each word of `about`: worked out once per event, not once per
    /// pair of events compared.
    stem: String,
    bare: String,
    about_stems: Vec<String>,
}

/// The events of one side.
pub(crate) fn events(data: &SideData<'_>) -> Vec<Event> {
    let mut out = Vec::new();
    for (sidx, toks) in data.toks.iter().enumerate() {
        if toks.is_empty() {
            continue;
        }
        // A sentence too long for claims tells no event either, as the `claims-skipped` note
        // says: its subjects would be searched among all its names once per event (the one
        // 10 MB sentence of scripts/bench.sh ran past 120 s in here).
        if data
            .sentences
            .get(sidx)
            .is_some_and(|s| s.end - s.start > super::extract::MAX_CLAIM_SENTENCE_BYTES)
        {
            continue;
        }
        let words_of = |ms: &[(usize, usize, usize)]| {
            let mut names: Vec<String> = ms
                .iter()
                .flat_map(|m| {
                    toks.iter()
                        .filter(move |t| m.0 <= t.start && t.end <= m.1)
                        .map(|t| t.lower.to_string())
                })
                .collect();
            names.sort_unstable();
            names.dedup();
            names
        };
        // Every name word of the sentence: needed only for an event with no subject of its
        // own, so worked out only then (most sentences have no event).
        let names = std::cell::OnceCell::new();
        // The subject of an event whose marker starts at token `from`.
        let subject = |from: usize| {
            let near = data.mentions[sidx]
                .iter()
                .filter(|m| {
                    let end_tok = toks[..from].iter().rposition(|t| t.end <= m.1);
                    m.1 <= toks[from].start
                        && end_tok.is_some_and(|e| e + SUBJECT_REACH >= from)
                        && toks[..from].iter().any(|t| t.start >= m.0 && t.end <= m.1)
                })
                .max_by_key(|m| m.1);
            match near {
                Some(m) => words_of(std::slice::from_ref(m)),
                None => names.get_or_init(|| words_of(&data.mentions[sidx])).clone(),
            }
        };
        let content = |w: &str| {
            !cues::STOP.contains(&w)
                && w.chars().count() > 3
                && !w.chars().any(|c| c.is_numeric())
                && !cues::ATTRIBUTION_NEUTRAL.contains(&w)
                && !cues::ATTRIBUTION_DOUBT.contains(&w)
        };
        let (forms, bases) = irregular_tables();
        let irregular = |w: &str| forms.get(w).copied();
        for k in 0..toks.len() {
            let w = toks[k].lower.as_str();
            let base = irregular(w);
            // Irregular forms are short ("met", "won", "led"): they count by the table.
            let short_verb = base.is_some() || bases.contains(w);
            if data.in_quote(sidx, toks[k].start)
                || !(content(w) || short_verb)
                || PENDING_BEFORE_TO.contains(&w)
            {
                continue;
            }
            let prev = |n: usize| (k >= n).then(|| toks[k - n].lower.as_str());
            // The marker may stand before a passive "be" or one "-ly" adverb ("is expected to
            // be charged", "will formally announce", "is set to be sentenced").
            let skip = (1..=2)
                .take_while(|&n| {
                    prev(n).is_some_and(|p| p == "be" || (p.len() > 4 && p.ends_with("ly")))
                })
                .count();
            let before = |n: usize| prev(n + skip);
            let negator = |p: &str| cues::NEGATION.contains(&p) || p == "t" || p == "yet";
            let negated = (1..=3).any(|n| prev(n).is_some_and(negator));
            let past = w.ends_with("ed") || base.is_some();
            let status = if before(1) == Some("to")
                && before(2).is_some_and(|p| PENDING_BEFORE_TO.contains(&p))
            {
                Some((Status::Pending, k - skip - 2))
            } else if before(1).is_some_and(|p| MODALS.contains(&p)) {
                Some((Status::Pending, k - skip - 1))
            } else if before(1).is_some_and(|p| p == "not" || p == "t" || p == "never")
                && before(2).is_some_and(|p| DO_AUX.contains(&p))
            {
                // "did not vote", "didn't vote": the plain verb denied.
                Some((Status::NotDone, k - skip - 2))
            } else if negated && (past || w.ends_with('s')) {
                // "has not been charged", "no formal charges have been filed".
                let from = (1..=3).rev().find(|&n| prev(n).is_some_and(negator));
                // "didn't": the negator's span starts at "didn".
                let n = from.unwrap_or(0);
                let n = if n > 0 && prev(n) == Some("t") && k > n {
                    n + 1
                } else {
                    n
                };
                Some((Status::NotDone, k - n))
            } else if past && (prev(1).is_some_and(|p| DONE_AUX.contains(&p)) || k > 0) {
                Some((Status::Done, k))
            } else {
                None
            };
            let Some((status, from)) = status else {
                continue;
            };
            let about: Vec<String> = toks[k + 1..]
                .iter()
                .map(|t| t.lower.to_string())
                .filter(|t| content(t))
                .take(OBJECT_WORDS)
                .collect();
            let word = base.unwrap_or(w).to_string();
            let stem = super::extract::stem(&word);
            let bare = stem.strip_suffix('e').unwrap_or(&stem).to_string();
            let about_stems = about.iter().map(|w| super::extract::stem(w)).collect();
            out.push(Event {
                sidx,
                start: toks[from].start,
                end: toks[k].end,
                word,
                status,
                names: subject(from),
                about,
                stem,
                bare,
                about_stems,
            });
        }
    }
    out
}

/// Whether two events of the two versions are one event: one word, a shared name, and a
/// shared word of what they are about or sentences that report the same thing (`sim`, the
/// sentence similarity, at least [`SAME_REPORT`]).
pub(crate) fn same_event(p: &Event, q: &Event, sim: f64) -> bool {
    if !one_verb(p, q) {
        return false;
    }
    let shared_name = p.names.iter().any(|n| q.names.binary_search(n).is_ok());
    if !shared_name {
        return false;
    }
    // frames::alike on each pair of words, with the stems worked out beforehand.
    let shared_about = p.about.iter().zip(&p.about_stems).any(|(w, ws)| {
        q.about
            .iter()
            .zip(&q.about_stems)
            .any(|(v, vs)| ws == vs || frames::same_start(w, v))
    });
    // Said done in one and denied in the other: the name is enough ("Sayoc has been
    // charged" / "no charges have been filed" against Sayoc).
    let denied = matches!(
        (p.status, q.status),
        (Status::NotDone, Status::Done) | (Status::Done, Status::NotDone)
    );
    shared_about || denied || sim >= SAME_REPORT
}

/// Whether two event words are one verb: [`frames::alike`], or one stem once a final "e" is
/// set aside, which the stemmer keeps in "vote" but drops with "-ed" ("voted" → "vot").
fn one_verb(p: &Event, q: &Event) -> bool {
    p.stem == q.stem || frames::same_start(&p.word, &q.word) || p.bare == q.bare
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

/// What the two publication dates make of a status told differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A date is unknown: two versions written at different times may both be right.
    Unknown,
    /// The later version tells the later stage (pending → done, not done → done): a revision.
    Revision,
    /// Both came out the same day: both cannot be true.
    SameDay,
    /// The later version tells the earlier stage (done → pending or not done).
    Backwards,
}

/// How far along an event a status is: pending, then denied so far, then done.
fn stage(s: Status) -> u8 {
    match s {
        Status::Pending => 0,
        Status::NotDone => 1,
        Status::Done => 2,
    }
}

/// The verdict on A telling an event as `a` and B as `b`, given the publication dates.
pub(crate) fn verdict(
    a: Status,
    b: Status,
    date_a: Option<crate::CalendarDate>,
    date_b: Option<crate::CalendarDate>,
) -> Verdict {
    let (Some(da), Some(db)) = (date_a, date_b) else {
        return Verdict::Unknown;
    };
    if da == db {
        return Verdict::SameDay;
    }
    let (earlier, later) = if da < db { (a, b) } else { (b, a) };
    if stage(later) >= stage(earlier) {
        Verdict::Revision
    } else {
        Verdict::Backwards
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::extract::{self, Vocab};

    /// The events of `text`, taken as one sentence.
    fn events_of(text: &str) -> Vec<Event> {
        let sentences = [crate::text::test_sentence(0, text)];
        let mut lex = crate::text::Lexicon::default();
        let reading = crate::text::Reading::new(&sentences, &mut lex);
        let toks = reading.for_claims(text, &sentences, 0..sentences.len(), &lex);
        let toks: Vec<&[crate::text::Tok]> = toks.iter().map(Vec::as_slice).collect();
        let mut vocab = Vocab::new(&lex);
        vocab.add(text, &sentences, &toks);
        let data = extract::extract(
            text,
            &sentences,
            &toks,
            None,
            &vocab,
            &mut Default::default(),
        );
        events(&data)
    }

    #[test]
    fn pending_and_done_in_varied_phrasing() {
        let cases: &[(&str, Status, &str)] = &[
            (
                "Mark Holloway is set to vote on the bill.",
                Status::Pending,
                "set to vote",
            ),
            ("Mark Holloway voted on the bill.", Status::Done, "voted"),
            (
                "Jo Miles is expected to be charged with fraud.",
                Status::Pending,
                "expected to be charged",
            ),
            ("Jo Miles was charged with fraud.", Status::Done, "charged"),
            (
                "Amy Byrne will formally announce the plan.",
                Status::Pending,
                "will formally announce",
            ),
            ("Amy Byrne will win the seat.", Status::Pending, "will win"),
            ("Amy Byrne won the seat.", Status::Done, "won"),
            (
                "Dan Pryce did not attend the hearing.",
                Status::NotDone,
                "did not attend",
            ),
            (
                "Dan Pryce didn't attend the hearing.",
                Status::NotDone,
                "didn't attend",
            ),
            (
                "Tom Reyes has not decided on the veto.",
                Status::NotDone,
                "not decided",
            ),
        ];
        for &(text, status, span) in cases {
            let e = events_of(text);
            assert!(
                e.iter()
                    .any(|e| e.status == status && &text[e.start..e.end] == span),
                "{text}: {e:#?}"
            );
        }
    }

    /// A sentence too long for claims tells no event (its claims are skipped, with a note).
    #[test]
    fn no_events_in_a_sentence_too_long_for_claims() {
        let short = "Mark Holloway voted on the bill";
        assert_eq!(events_of(&format!("{short}.")).len(), 1);
        let long = format!(
            "{short}{}.",
            " and then more".repeat(extract::MAX_CLAIM_SENTENCE_BYTES / 10)
        );
        assert!(long.len() > extract::MAX_CLAIM_SENTENCE_BYTES);
        assert!(events_of(&long).is_empty());
    }

    #[test]
    fn one_event_across_forms() {
        let one = |a: &str, b: &str| {
            let (e, f) = (events_of(a), events_of(b));
            e.iter().any(|p| {
                f.iter()
                    .any(|q| differ(p.status, q.status) && same_event(p, q, 0.0))
            })
        };
        assert!(one(
            "Mark Holloway is set to vote on the bill.",
            "Mark Holloway voted on the bill."
        ));
        assert!(one(
            "Amy Byrne will meet the union.",
            "Amy Byrne met the union."
        ));
        assert!(one(
            "Jo Miles is expected to be charged with fraud.",
            "Jo Miles was charged with fraud."
        ));
        // Another subject is another event: the name right before the marker is the subject.
        assert!(!one(
            "Mo Cowan will hold the seat until June.",
            "Mo Cowan will be the first black senator since Edward Brooke held the seat."
        ));
        // With no name right before it ("she", a clause between), any name of the sentence.
        assert!(one(
            "Sandra Jackson, who resigned from her seat on the Chicago city council, is expected to plead guilty.",
            "Later that day Sandra Jackson said she pleaded guilty."
        ));
        // Another verb is another event.
        assert!(!one(
            "Amy Byrne will meet the union.",
            "Amy Byrne left the union."
        ));
    }

    #[test]
    fn verdicts() {
        let d = |s: &str| Some(s.parse::<crate::CalendarDate>().unwrap());
        use Status::*;
        assert_eq!(
            verdict(Pending, Done, None, d("2020-01-02")),
            Verdict::Unknown
        );
        assert_eq!(
            verdict(Pending, Done, d("2020-01-01"), d("2020-01-02")),
            Verdict::Revision
        );
        assert_eq!(
            verdict(Done, Pending, d("2020-01-02"), d("2020-01-01")),
            Verdict::Revision
        );
        assert_eq!(
            verdict(Pending, Done, d("2020-01-01"), d("2020-01-01")),
            Verdict::SameDay
        );
        assert_eq!(
            verdict(Done, Pending, d("2020-01-01"), d("2020-01-02")),
            Verdict::Backwards
        );
        assert_eq!(
            verdict(NotDone, Done, d("2020-01-01"), d("2020-01-02")),
            Verdict::Revision
        );
    }
}
