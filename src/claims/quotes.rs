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
use super::extract::{tokens, SideData, Tok, Val};

/// Verbs that give a quotation to its speaker besides the attribution cues
/// ([`cues::ATTRIBUTION_NEUTRAL`], [`cues::ATTRIBUTION_DOUBT`]): the ways of saying, writing
/// or posting that news style guides list for quotations. They find speakers only; they make
/// no attribution claim.
const SPEECH_VERBS: &[&str] = &[
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "posted",
    "posts",
    "asked",
    "asks",
    "replied",
    "replies",
    "responded",
    "responds",
    "warned",
    "warns",
    "adds",
    "argued",
    "argues",
    "declared",
    "declares",
    "continued",
    "recalled",
    "recalls",
    "testified",
    "testifies",
    "acknowledged",
    "acknowledges",
    "conceded",
    "concedes",
    "admitted",
    "admits",
    "promised",
    "promises",
    "vowed",
    "vows",
    "urged",
    "urges",
    "predicted",
    "predicts",
    "joked",
    "called",
    "calls",
    "described",
    "describes",
];

/// Speech verbs that say no more than "said" (or "wrote"): a quotation given with one in a
/// version and with "said" in the other is given alike.
const PLAIN_VERBS: &[&str] = &[
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "posted",
    "posts",
    "replied",
    "replies",
    "responded",
    "responds",
    "adds",
    "continued",
    "asked",
    "asks",
];

/// The kind of a reporting verb, for telling whether two versions report a quotation alike:
/// "plain" for the neutral cues and [`PLAIN_VERBS`], "doubt" for the distancing ones (their
/// change is the attribution rule's), else the verb's stem ("warned", "admitted").
pub(crate) fn verb_kind(verb: &str) -> String {
    let v = verb.to_lowercase();
    if cues::ATTRIBUTION_NEUTRAL.contains(&v.as_str()) || PLAIN_VERBS.contains(&v.as_str()) {
        "plain".to_string()
    } else if cues::ATTRIBUTION_DOUBT.contains(&v.as_str()) {
        "doubt".to_string()
    } else {
        super::extract::stem(&v)
    }
}

/// Whether two venues differ: neither's content words are all among the other's ("in an
/// interview on CNN" / "CNN" is one venue; "CNN" / "a radio station" are two).
pub(crate) fn venues_differ(a: &str, b: &str) -> bool {
    let words = |v: &str| -> Vec<String> {
        tokens(v, 0)
            .into_iter()
            .map(|t| t.lower.to_string())
            .filter(|w| !cues::STOP.contains(&w.as_str()))
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    !(wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w)))
}

/// Verbs whose object is the one spoken to ("told CNN", "warned Blinken"): a name after them
/// is the audience, never the speaker.
const ADDRESS_VERBS: &[&str] = &[
    "told", "tells", "tell", "warned", "warns", "urged", "urges", "asked", "asks", "assured",
    "reminded", "informed",
];

/// Words after the verb that open where or how the words were given ("in a statement", "on
/// Twitter", "at a news conference", "via email").
const VENUE_PREPOSITIONS: &[&str] = &["in", "on", "at", "via", "during"];

/// Prepositions after which a name modifies another word rather than speaks ("the director
/// for Rep. Stephen Fincher wrote", "the chairman of the committee said").
const MODIFIER_PREPOSITIONS: &[&str] = &[
    "for", "of", "to", "with", "at", "from", "by", "in", "on", "about", "against", "under",
];

/// Most words between a speaker's name and the verb when a phrase set off by commas stands
/// between them ("Elizabeth Lauten, the communications director for Rep. Stephen Fincher,
/// wrote").
const APPOSITIVE_WORDS: usize = 14;

/// Most words of a venue ("in an op-ed for The Washington Post").
const VENUE_WORDS: usize = 8;

/// Verbs of naming ("called the plan “reckless”"): a phrase after them is no venue ("called
/// on the administration to…").
const NAMING_VERBS: &[&str] = &["called", "calls", "described", "describes"];

/// Words that end the venue: what follows them is the content or the circumstance of the
/// remark, not where it was made.
const VENUE_STOPS: &[&str] = &[
    "that", "when", "as", "after", "before", "while", "because", "if", "whether", "how", "why",
    "what", "about", "of", "to", "by", "but", "and", "he", "she", "it", "they", "we", "i",
];

/// Last words of a phrase after the verb that tell when, not where ("on Tuesday" is a date,
/// found by the date reader; these are the time words it does not read as dates).
const TIME_WORDS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "today",
    "yesterday",
    "tomorrow",
    "time",
    "past",
    "end",
];

/// Words of a name that make it an organisation, not a person (so "he" or "she" cannot mean
/// it). Common heads of organisation names in English news copy.
const ORG_WORDS: &[&str] = &[
    "house",
    "ministry",
    "department",
    "office",
    "agency",
    "council",
    "committee",
    "commission",
    "party",
    "police",
    "court",
    "government",
    "university",
    "college",
    "school",
    "bank",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "group",
    "association",
    "union",
    "institute",
    "foundation",
    "network",
    "news",
    "times",
    "post",
    "service",
    "army",
    "navy",
    "force",
    "board",
    "authority",
    "administration",
    "embassy",
    "senate",
    "congress",
    "parliament",
    "team",
    "club",
    "center",
    "centre",
    "organization",
    "organisation",
];

/// Titles that say which pronoun a person takes ("Mr. Doyle" is "he").
const HE_TITLES: &[&str] = &["mr", "sir", "king", "prince", "lord", "father", "brother"];
const SHE_TITLES: &[&str] = &[
    "mrs", "ms", "miss", "madam", "lady", "queen", "princess", "dame", "sister", "mother",
];

/// How far back a pronoun looks for the person it means, in sentences (within the paragraph
/// or the one before).
const PRONOUN_REACH: usize = 3;

/// Most words between a speaker's name and the verb ("Rep. Tom Marsh (D-Calif.) said").
const SPEAKER_REACH: usize = 3;

/// Who says a sentence's quotations, and how: the reporting verb and the venue.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Attribution {
    /// The speaker named next to the verb (entity index).
    pub named: Option<usize>,
    /// "he" or "she" stands as the verb's subject: 'h' or 's'.
    pub pronoun: Option<char>,
    /// Byte span of the reporting verb.
    pub verb: Option<(usize, usize)>,
    /// Byte span of the venue or audience ("CNN", "a radio station", "in a statement").
    pub venue: Option<(usize, usize)>,
}

/// Whether a token is a reporting verb (`according` only before "to").
fn reporting(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].lower.as_str();
    if w == "according" {
        return toks.get(k + 1).is_some_and(|t| t.lower == "to");
    }
    cues::ATTRIBUTION_NEUTRAL.contains(&w)
        || cues::ATTRIBUTION_DOUBT.contains(&w)
        || SPEECH_VERBS.contains(&w)
}

/// Whether byte `pos` of the sentence `from..` stands inside parentheses.
fn in_parens(text: &str, from: usize, pos: usize) -> bool {
    let before = text.get(from..pos).unwrap_or("");
    before
        .rfind('(')
        .is_some_and(|o| !before[o..].contains(')'))
}

/// The attribution of sentence `sidx`: its first reporting verb outside quotes, the name
/// before it (the subject) or after it where the order is inverted ("…," said Doyle), never
/// a name in parentheses ("(D-Calif.)"), a possessive ("Doyle's spokesman said") or the one
/// spoken to ("told CNN"); the pronoun subject; the venue after the verb.
pub(crate) fn attribution(data: &SideData<'_>, sidx: usize) -> Option<Attribution> {
    // The first reporting verb that names or points to a speaker ("Asked about it, Pelosi
    // said"), else the first.
    let mut first = None;
    let toks = data.toks.get(sidx)?;
    for k in 0..toks.len() {
        let Some(at) = attribution_at(data, sidx, k) else {
            continue;
        };
        if at.named.is_some() || at.pronoun.is_some() {
            return Some(at);
        }
        // A subject named by its office alone ("the House speaker said …, according to
        // Bloomberg News"): the speaker is that unnamed person, not the source of a later
        // verb.
        let office = k > 0
            && !toks[k - 1].cap
            && cues::TITLES.contains(&toks[k - 1].lower.as_str())
            && !data.in_quote(sidx, toks[k - 1].start);
        if office && first.is_none() {
            return Some(at);
        }
        first = first.or(Some(at));
    }
    first.or_else(|| view_of(data, sidx))
}

/// A sentence that gives a quotation as someone's view without a reporting verb: "To Rep. Zoe
/// Lofgren, D-Calif., the bill "grabs power …"", "For Smith, the ruling was "a disgrace"": the
/// opening "To" or "For", a person's name right after it, then a comma, and a quotation
/// later in the sentence.
fn view_of(data: &SideData<'_>, sidx: usize) -> Option<Attribution> {
    let toks = data.toks.get(sidx)?;
    let s = &data.sentences[sidx];
    let opener = toks.first()?;
    if !(opener.cap && matches!(opener.lower.as_str(), "to" | "for")) {
        return None;
    }
    let mentions = data.mentions.get(sidx).map(Vec::as_slice).unwrap_or(&[]);
    // The name starts at the next word, or after a title of one or two words ("Rep.").
    let m = mentions.iter().find(|m| {
        toks.get(1..4)
            .is_some_and(|next| next.iter().any(|t| t.start == m.0))
            && toks[1..]
                .iter()
                .take_while(|t| t.start < m.0)
                .all(|t| t.cap && cues::TITLES.contains(&t.lower.as_str()))
    })?;
    if data.entities[m.2].place || data.in_quote(sidx, m.0) {
        return None;
    }
    let after = data.text.get(m.1..s.end)?;
    let quote_at = toks
        .iter()
        .find(|t| t.start > m.1 && data.in_quote(sidx, t.start))?
        .start;
    // The comma that closes the opening phrase comes before the quotation.
    after.find(',').filter(|&c| m.1 + c < quote_at)?;
    Some(Attribution {
        named: Some(m.2),
        ..Attribution::default()
    })
}

/// The attribution of sentence `sidx` around token `k`, if that is a reporting verb.
fn attribution_at(data: &SideData<'_>, sidx: usize, k: usize) -> Option<Attribution> {
    let toks = data.toks.get(sidx)?;
    let s = &data.sentences[sidx];
    let text = data.text;
    let outside =
        |k: usize| !data.in_quote(sidx, toks[k].start) && !in_parens(text, s.start, toks[k].start);
    let mentions = data.mentions.get(sidx).map(Vec::as_slice).unwrap_or(&[]);
    // A reporting word inside a name is no verb ("the United States").
    let named = |k: usize| {
        mentions
            .iter()
            .any(|m| m.0 <= toks[k].start && toks[k].end <= m.1)
    };
    if !(outside(k) && reporting(toks, k) && !named(k)) {
        return None;
    }
    let verb = &toks[k];
    let w = verb.lower.as_str();
    let address = ADDRESS_VERBS.contains(&w);
    // Inverted order: the verb comes right after the quotation, or opens the sentence.
    let inverted = (0..k).all(|j| !outside(j))
        || text
            .get(toks[k - 1].end..verb.start)
            .is_some_and(|g| g.contains(['"', '”', '’', '»']));
    let mut at = Attribution {
        verb: Some((verb.start, verb.end)),
        ..Attribution::default()
    };
    // Tokens strictly between two byte offsets.
    let between = |a: usize, b: usize| toks.iter().filter(|t| t.start >= a && t.end <= b).count();
    let usable = |m: &(usize, usize, usize)| {
        !data.entities[m.2].place
            && !data.in_quote(sidx, m.0)
            && !in_parens(text, s.start, m.0)
            // A name glued to a hyphen is part of a label ("Rep. Ron Kind, D-Wis., said").
            && !text.get(..m.0).is_some_and(|r| r.ends_with('-'))
            && !text.get(m.1..).is_some_and(|r| r.starts_with('-'))
            && !text
                .get(m.1..)
                .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s"))
    };
    // The token index at a byte offset (the first token starting there or later).
    let tok_at = |pos: usize| toks.partition_point(|t| t.start < pos);
    let subject = |m: &(usize, usize, usize)| {
        // After a preposition, a name modifies another ("the director for Rep. Fincher").
        let mut j = tok_at(m.0);
        // Words joined to the next by a space or a full stop alone, outside quotations.
        let joined = |j: usize| {
            outside(j - 1)
                && text
                    .get(toks[j - 1].end..toks[j].start)
                    .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '.'))
        };
        while j > 0
            && joined(j)
            && (toks[j - 1].cap || matches!(toks[j - 1].lower.as_str(), "the" | "a" | "an"))
        {
            j -= 1;
        }
        // "Secretary of State Antony Blinken": a title's own "of".
        let title_of = j >= 2
            && toks[j - 1].lower == "of"
            && toks[j - 2].cap
            && cues::TITLES.contains(&toks[j - 2].lower.as_str());
        let governed = j > 0
            && joined(j)
            && !title_of
            && MODIFIER_PREPOSITIONS.contains(&toks[j - 1].lower.as_str());
        // Before a title, a name says whose ("the House speaker said").
        let titled = toks.get(tok_at(m.1)).is_some_and(|t| {
            t.end <= verb.start && !t.cap && cues::TITLES.contains(&t.lower.as_str())
        });
        if governed || titled {
            return false;
        }
        let n = between(m.1, verb.start);
        // Or a name with a phrase set off by commas ("Ann Webb, the council leader, said").
        let gap = text.get(m.1..verb.start).unwrap_or("");
        let appositive = gap.trim_start().starts_with(',')
            && gap
                .rfind(',')
                .is_some_and(|c| between(m.1 + c, verb.start) <= 1)
            && gap.matches(',').count() == 2
            && n <= APPOSITIVE_WORDS;
        n <= SPEAKER_REACH || appositive
    };
    let before = mentions
        .iter()
        .filter(|m| m.1 <= verb.start && usable(m) && subject(m))
        .max_by_key(|m| m.1);
    let after = mentions
        .iter()
        .filter(|m| {
            m.0 >= verb.end
                && usable(m)
                && between(verb.end, m.0) <= SPEAKER_REACH
                && (w == "according" || (inverted && !address))
        })
        .min_by_key(|m| m.0);
    // "he said", "…," she added, "said he".
    let pronoun = |t: &Tok| match t.lower.as_str() {
        "he" => Some('h'),
        "she" => Some('s'),
        _ => None,
    };
    if k > 0 && outside(k - 1) {
        at.pronoun = pronoun(&toks[k - 1]);
    }
    if at.pronoun.is_none() && inverted && k + 1 < toks.len() {
        at.pronoun = pronoun(&toks[k + 1]);
    }
    // A pronoun next to the verb is its subject; a name farther off is not.
    if at.pronoun.is_none() {
        at.named = before.or(after).map(|m| m.2);
    }
    // The venue: the audience of a verb of telling, then a phrase opened by a preposition.
    let mut v = k + 1;
    if w == "according" {
        v = toks.len();
    }
    if let Some(m) = after.filter(|_| !address) {
        // Past the inverted speaker's name.
        v = toks
            .iter()
            .position(|t| t.start >= m.1)
            .unwrap_or(toks.len());
    } else if inverted && at.pronoun.is_some() && !address {
        v = k + 2;
    }
    let stop = |j: usize| {
        j >= toks.len()
            || !outside(j)
            || VENUE_STOPS.contains(&toks[j].lower.as_str())
            || text.get(toks[j - 1].end..toks[j].start).is_some_and(|g| {
                g.chars()
                    .any(|c| !c.is_whitespace() && c != '-' && c != '.')
            })
    };
    let run = |from: usize| {
        let mut to = from;
        while to < toks.len() && to < from + VENUE_WORDS && (to == from || !stop(to)) {
            to += 1;
        }
        // Not ending on a function word ("in an interview with").
        while to > from + 1 && cues::STOP.contains(&toks[to - 1].lower.as_str()) {
            to -= 1;
        }
        to
    };
    let mut from = None;
    let mut to = v;
    if address
        && v < toks.len()
        && !stop(v)
        && !VENUE_PREPOSITIONS.contains(&toks[v].lower.as_str())
    {
        from = Some(v);
        to = run(v);
        // A verb of telling takes one object phrase: "told a radio station", not the rest.
        while to > v + 1 && VENUE_PREPOSITIONS.contains(&toks[to - 1].lower.as_str()) {
            to -= 1;
        }
        if let Some(p) =
            (v..to).find(|&j| j > v && VENUE_PREPOSITIONS.contains(&toks[j].lower.as_str()))
        {
            to = p;
        }
        // An article inside the object opens another phrase ("told reporters the race…"),
        // and a date is when, not whom ("told reporters Wednesday").
        if let Some(p) = (v + 1..to).find(|&j| matches!(toks[j].lower.as_str(), "a" | "an" | "the"))
        {
            to = p;
        }
        let object = text.get(toks[v].start..toks[to - 1].end).unwrap_or("");
        if let Some(d) = super::dates::find_dates_anchored(object, None).first() {
            let at = toks[v].start + d.start;
            to = to
                .min(toks.iter().position(|t| t.end > at).unwrap_or(toks.len()))
                .max(v);
            if to == v {
                from = None;
            }
        }
        // A name told is the whole audience ("told CNN", "warned Peña Nieto would…").
        if let Some(m) = mentions.iter().find(|m| m.0 == toks[v].start) {
            to = to.min(
                toks.iter()
                    .position(|t| t.start >= m.1)
                    .unwrap_or(toks.len()),
            );
        }
    }
    if to < toks.len()
        && !NAMING_VERBS.contains(&w)
        && (to == v || from.is_some())
        && VENUE_PREPOSITIONS.contains(&toks[to].lower.as_str())
        && (to == v || !stop(to))
    {
        let end = run(to);
        let phrase = text.get(toks[to].start..toks[end - 1].end).unwrap_or("");
        let when = !super::dates::find_dates_anchored(phrase, None).is_empty()
            || toks[to..end].iter().any(|t| {
                t.lower.chars().any(|c| c.is_ascii_digit())
                    || mentions
                        .iter()
                        .any(|m| data.entities[m.2].place && m.0 <= t.start && t.start < m.1)
            })
            || TIME_WORDS.contains(&toks[end - 1].lower.as_str());
        if end > to + 1 && !when {
            from = from.or(Some(to));
            to = end;
        }
    }
    if let Some(f) = from {
        if to > f {
            at.venue = Some((toks[f].start, toks[to - 1].end));
        }
    }
    Some(at)
}

/// Whether an entity can be "he" or "she" (`pronoun` 'h' or 's'): a person, not a place or
/// organisation, and not titled as the other ("Mrs. Webb" is not "he").
fn can_mean(data: &SideData<'_>, e: usize, pronoun: char) -> bool {
    let ent = &data.entities[e];
    if ent.place
        || ent.words.iter().any(|w| ORG_WORDS.contains(&w.as_str()))
        || (ent.canonical.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && ent.canonical.chars().all(|c| !c.is_lowercase()))
    {
        return false;
    }
    let other = if pronoun == 'h' {
        SHE_TITLES
    } else {
        HE_TITLES
    };
    for (sidx, ms) in data.mentions.iter().enumerate() {
        for m in ms.iter().filter(|m| m.2 == e) {
            let toks = &data.toks[sidx];
            if let Some(k) = toks.iter().rposition(|t| t.end <= m.0) {
                if other.contains(&toks[k].lower.as_str()) {
                    return false;
                }
            }
        }
    }
    true
}

/// The person a pronoun subject of sentence `sidx` means: the one person named (outside
/// quotations) in the nearest earlier sentence that names any, within [`PRONOUN_REACH`]
/// sentences and this paragraph or the one before; among several, the last speaker if he or
/// she is one of them, else nobody.
fn antecedent(
    data: &SideData<'_>,
    sidx: usize,
    pronoun: char,
    last: Option<usize>,
) -> Option<usize> {
    let par = data.sentences[sidx].paragraph;
    for j in (sidx.saturating_sub(PRONOUN_REACH)..sidx).rev() {
        let s = &data.sentences[j];
        if s.furniture || s.paragraph + 1 < par {
            continue;
        }
        let mut people: Vec<usize> = Vec::new();
        for m in &data.mentions[j] {
            if !data.in_quote(j, m.0)
                && !in_parens(data.text, s.start, m.0)
                && !people.contains(&m.2)
            {
                people.push(m.2);
            }
        }
        // A sentence naming only places or organisations names no one "he" or "she" means.
        let fit: Vec<usize> = people
            .into_iter()
            .filter(|&e| can_mean(data, e, pronoun))
            .collect();
        return match fit.as_slice() {
            [] => continue,
            [one] => Some(*one),
            several => last.filter(|l| several.contains(l)),
        };
    }
    None
}

/// The speaker of sentence `sidx`'s quotations: the name next to its reporting verb, else
/// the person its pronoun subject means. `last` is the last speaker found, updated.
pub(crate) fn speaker(data: &SideData<'_>, sidx: usize, last: &mut Option<usize>) -> Option<usize> {
    let at = attribution(data, sidx)?;
    let who = at
        .named
        .or_else(|| at.pronoun.and_then(|p| antecedent(data, sidx, p, *last)));
    if who.is_some() {
        *last = who;
    }
    who
}

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

/// The content words of a quotation, sorted and deduplicated (the key of candidate filters).
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
    /// Byte spans of the reporting verb and of the venue of its first attributed part.
    pub verb: Option<(usize, usize)>,
    pub venue: Option<(usize, usize)>,
}

/// All the quotations of one version, in text order.
pub(crate) type Ledger = Vec<LedgerQuote>;

/// How two paired quotations relate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Verdict {
    /// The same words.
    Same,
    /// All of one quotation found in a row of the other's words: one version quotes less of
    /// the remark (a notice, not a change of words).
    Shortened,
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
    let mut said = Attribution::default();
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
        if c.sidx != last_sidx {
            said = attribution(data, c.sidx).unwrap_or_default();
        }
        if continues {
            if let Some(q) = out.last_mut() {
                q.end = c.end;
                q.words.extend(words);
                q.words.truncate(MAX_WORDS);
                q.parts.push(k);
                if q.verb.is_none() {
                    (q.verb, q.venue) = (said.verb, said.venue);
                }
                q.speaker = q.speaker.or(*speaker);
            }
        } else {
            out.push(LedgerQuote {
                start: c.start,
                end: c.end,
                words,
                speaker: *speaker,
                parts: vec![k],
                verb: said.verb,
                venue: said.venue,
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
                    last.masked = Some(t.lower.to_string());
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
            // A possessive ("the princess's", "the Princess'"): the word alone, its span
            // taking the ending (so that "Day's" / "Days" reads as one spelling).
            "s" if glued => {
                if let Some(last) = out.last_mut() {
                    last.end = t.end;
                }
                continue;
            }
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
            // "Ten Most Wanted" / "10 Most Wanted": one number.
            other if super::lexicon::look(super::lexicon::numbers::CARDINALS, other).is_some() => {
                let v =
                    super::lexicon::look(super::lexicon::numbers::CARDINALS, other).unwrap_or(0.0);
                format!("{v}")
            }
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
                verdict: Verdict::Shortened,
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
        // The same letters with other punctuation ("Day's" / "Days"): no other words.
        let letters = |t: &str, g: &[QWord]| match (g.first(), g.last()) {
            (Some(f), Some(l)) => t
                .get(f.start..l.end)
                .unwrap_or("")
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>(),
            _ => String::new(),
        };
        if !gap_a.is_empty() && !gap_b.is_empty() && letters(ta, gap_a) == letters(tb, gap_b) {
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
        if whole_a && whole_b {
            Verdict::Same
        } else if whole_a || whole_b {
            Verdict::Shortened
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
        Verdict::Same | Verdict::Shortened => 0,
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
        if matches!(judged.verdict, Verdict::Same | Verdict::Shortened) {
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

/// Fewest words of a quotation looked for as reported speech in the other version.
const REPORTED_WORDS: usize = 4;

/// Where the other version gives a quotation's words without quotation marks, as reported
/// speech ("I will vote against it" / he said he will vote against it): the byte span of the
/// densest stretch of one of its sentences, outside quotations, that a local alignment finds
/// holding [`MIN_COVER`] of the quotation's words, [`MIN_CONTENT`] of them content words, and
/// at least [`REPORTED_WORDS`] words. Only the [`MAX_CANDIDATES`] sentences sharing the most
/// content words with the quotation are aligned.
pub(crate) fn unquoted(q: &LedgerQuote, other: &SideData<'_>) -> Option<(usize, usize)> {
    if q.words.len() < REPORTED_WORDS {
        return None;
    }
    let keys = keys(q);
    if keys.len() < MIN_CONTENT {
        return None;
    }
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for (sidx, toks) in other.toks.iter().enumerate() {
        let shared = toks
            .iter()
            .filter(|t| {
                !other.in_quote(sidx, t.start) && keys.binary_search(&t.lower.as_str()).is_ok()
            })
            .count();
        if shared >= MIN_CONTENT {
            cands.push((shared, sidx));
        }
    }
    cands.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut best: Option<(usize, (usize, usize))> = None;
    for &(_, sidx) in cands.iter().take(MAX_CANDIDATES) {
        let s = &other.sentences[sidx];
        if s.end - s.start > MAX_WORDS * 16 {
            continue;
        }
        let words: Vec<QWord> = normalise(other.text, s.start, s.end)
            .into_iter()
            .filter(|w| !other.in_quote(sidx, w.start))
            .collect();
        let pairs = local_alignment(&q.words, &words);
        let common = pairs.len();
        let content = pairs.iter().filter(|p| q.words[p.0].content).count();
        if common < REPORTED_WORDS
            || content < MIN_CONTENT
            || (common as f64) < MIN_COVER * q.words.len() as f64
        {
            continue;
        }
        if let (Some(f), Some(l)) = (pairs.first(), pairs.last()) {
            if best.is_none_or(|(c, _)| common > c) {
                best = Some((common, (words[f.1].start, words[l.1].end)));
            }
        }
    }
    best.map(|b| b.1)
}

/// Most words of a quoted phrase paired by its place in two aligned sentences.
const PHRASE_WORDS: usize = 8;

/// Words before (or, for a quotation opening its sentence, after) a quoted phrase that must
/// be the same for two phrases to be one.
const PLACE_WORDS: usize = 2;

/// Pairs short quoted phrases that share too few words to pair by words ("an “out of the
/// ordinary” decline" / "an “out of the fantastic” decline"; "called it “a disgrace”" /
/// "called it “a scandal”"): two phrases of at most [`PHRASE_WORDS`] words, neither paired
/// yet, in sentences that the alignment pairs (`aligned`), led in by the same
/// [`PLACE_WORDS`] words (followed by them, for a phrase that opens its sentence), and
/// holding at least half of the longer one's words in common, or of at most [`SHORT_QUOTE`]
/// words each and followed by the same words too. The verdict is their word diff.
pub(crate) fn pair_by_place(
    la: &Ledger,
    lb: &Ledger,
    da: &SideData<'_>,
    db: &SideData<'_>,
    taken: &[QuotePair],
    aligned: impl Fn(usize, usize) -> bool,
) -> Vec<QuotePair> {
    let sidx = |d: &SideData<'_>, q: &LedgerQuote| d.claims[q.parts[0]].sidx;
    // The words around a quotation in its sentence, outside any quotation.
    let place = |d: &SideData<'_>, q: &LedgerQuote| -> Vec<String> {
        let s = sidx(d, q);
        let toks = &d.toks[s];
        let lead: Vec<String> = toks
            .iter()
            .filter(|t| t.end <= q.start)
            .rev()
            .take(PLACE_WORDS)
            .take_while(|t| !d.in_quote(s, t.start))
            .map(|t| t.lower.to_string())
            .collect();
        if !lead.is_empty() {
            return lead;
        }
        toks.iter()
            .filter(|t| t.start >= q.end)
            .take(PLACE_WORDS)
            .take_while(|t| !d.in_quote(s, t.start))
            .map(|t| t.lower.to_string())
            .collect()
    };
    let mut used_a: Vec<bool> = (0..la.len())
        .map(|i| taken.iter().any(|p| p.a == i))
        .collect();
    let mut used_b: Vec<bool> = (0..lb.len())
        .map(|j| taken.iter().any(|p| p.b == j))
        .collect();
    let mut out = Vec::new();
    for (i, qa) in la.iter().enumerate() {
        if used_a[i] || qa.words.len() > PHRASE_WORDS || qa.parts.len() > 1 {
            continue;
        }
        let pa = place(da, qa);
        if pa.len() < PLACE_WORDS {
            continue;
        }
        for (j, qb) in lb.iter().enumerate() {
            if used_b[j]
                || qb.words.len() > PHRASE_WORDS
                || qb.parts.len() > 1
                || !aligned(sidx(da, qa), sidx(db, qb))
                || place(db, qb) != pa
            {
                continue;
            }
            let common = common_subsequence(&qa.words, &qb.words);
            let longer = qa.words.len().max(qb.words.len());
            // A word or a few put in the place of others, with the same words on both sides
            // of the marks ("called the plan “reckless” on Monday" / "“dangerous” on Monday").
            let after = |d: &SideData<'_>, q: &LedgerQuote| -> Vec<String> {
                let s = sidx(d, q);
                d.toks[s]
                    .iter()
                    .filter(|t| t.start >= q.end)
                    .take(PLACE_WORDS)
                    .map(|t| t.lower.to_string())
                    .collect()
            };
            let swapped = longer <= SHORT_QUOTE
                && after(da, qa) == after(db, qb)
                && place(da, qa) != after(da, qa);
            if !swapped && (common.is_empty() || 2 * common.len() < longer) {
                continue;
            }
            let keep = |n: usize, pick: fn(&(usize, usize)) -> usize| {
                let kept: Vec<usize> = common.iter().map(pick).collect();
                (0..n).filter(move |k| !kept.contains(k))
            };
            let removed: Vec<String> = keep(qa.words.len(), |p| p.0)
                .map(|k| qa.words[k].norm.clone())
                .collect();
            let added: Vec<String> = keep(qb.words.len(), |p| p.1)
                .map(|k| qb.words[k].norm.clone())
                .collect();
            let (sa, sb) = ((qa.start, qa.end), (qb.start, qb.end));
            // All of one found in a row of the other: shortened, not changed ("system
            // difficulties" / "computing system difficulties"); a word left out between two
            // kept ones is a change.
            let run = |pick: fn(&(usize, usize)) -> usize| {
                common.windows(2).all(|w| pick(&w[1]) == pick(&w[0]) + 1)
            };
            // The same letters and figures, otherwise punctuated ("Eleonora[67]" /
            // "Eleonora67"): no change.
            let letters = |d: &SideData<'_>, q: &LedgerQuote| -> String {
                d.slice(q.start, q.end)
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect()
            };
            let verdict = if letters(da, qa) == letters(db, qb)
                || (removed.is_empty() && added.is_empty())
            {
                Verdict::Same
            } else if (removed.is_empty() && run(|p| p.1)) || (added.is_empty() && run(|p| p.0)) {
                Verdict::Shortened
            } else {
                Verdict::Misquoted {
                    a: sa,
                    b: sb,
                    removed,
                    added,
                }
            };
            used_a[i] = true;
            used_b[j] = true;
            out.push(QuotePair {
                a: i,
                b: j,
                verdict,
                span_a: sa,
                span_b: sb,
            });
            break;
        }
    }
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
            verb: None,
            venue: None,
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
            Some(Verdict::Shortened)
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
    fn punctuation_and_number_spelling_are_no_misquote() {
        assert_eq!(
            verdict(
                "Long Day's Journey Into Night",
                "Long Days Journey Into Night"
            ),
            Some(Verdict::Same)
        );
        assert_eq!(
            verdict("on the Ten Most Wanted list", "on the 10 Most Wanted list"),
            Some(Verdict::Same)
        );
    }

    #[test]
    fn verbs_and_venues_compare_by_kind() {
        assert_eq!(verb_kind("said"), verb_kind("wrote"));
        assert_eq!(verb_kind("Told"), verb_kind("added"));
        assert_ne!(verb_kind("said"), verb_kind("warned"));
        assert_eq!(verb_kind("claimed"), "doubt");
        assert!(!venues_differ("in an interview on CNN", "CNN"));
        assert!(!venues_differ("in a statement", "in the statement"));
        assert!(venues_differ("CNN", "a radio station"));
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
            verb: None,
            venue: None,
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
