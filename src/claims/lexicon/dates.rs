//! claims::lexicon::dates: the words of English news dates (months, weekdays, seasons, the
//! words that announce a date, and the nouns a year may qualify).
//!
//! Input: a lower-cased word. Output: its meaning to [`crate::claims::dates`]. The lists are
//! small and closed; each says where it came from.

/// Month names and abbreviations → month number (1–12). The boolean is true for
/// abbreviations, which count as a month only beside a day, a year or a full stop.
///
/// Source: the English month names; abbreviations as the AP Stylebook writes them before a
/// day ("Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.") plus the three-letter forms of
/// ISO 8601 / RFC 2822 dates ("Mar", "Apr", "Jun", "Jul", "Sep").
pub const MONTHS: &[(&str, (u32, bool))] = &[
    ("january", (1, false)),
    ("february", (2, false)),
    ("march", (3, false)),
    ("april", (4, false)),
    ("may", (5, false)),
    ("june", (6, false)),
    ("july", (7, false)),
    ("august", (8, false)),
    ("september", (9, false)),
    ("october", (10, false)),
    ("november", (11, false)),
    ("december", (12, false)),
    ("jan", (1, true)),
    ("feb", (2, true)),
    ("mar", (3, true)),
    ("apr", (4, true)),
    ("jun", (6, true)),
    ("jul", (7, true)),
    ("aug", (8, true)),
    ("sep", (9, true)),
    ("sept", (9, true)),
    ("oct", (10, true)),
    ("nov", (11, true)),
    ("dec", (12, true)),
];

/// The full name of the month `abbr` abbreviates ("sept" → "september"), from [`MONTHS`].
pub fn month_name(abbr: &str) -> Option<&'static str> {
    let (_, (m, is_abbr)) = MONTHS.iter().find(|(w, _)| *w == abbr)?;
    if !is_abbr {
        return None;
    }
    MONTHS
        .iter()
        .find(|(_, (n, a))| n == m && !a)
        .map(|(w, _)| *w)
}

/// Short names used in labels ("month:nov"), by month number − 1.
pub const MONTH_KEYS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Months that are also common English words or names ("may" the verb, "to march", Theresa
/// May, "April Ryan"): alone they need a strong cue (a preposition), a determiner-plus-noun
/// context does not do. Source: our reading of news usage.
pub const AMBIGUOUS_MONTHS: &[u32] = &[3, 4, 5, 6, 8];

/// Weekday names → 0 (Monday) … 6 (Sunday). The boolean marks abbreviations, accepted only
/// right before a date ("Fri., April 26"). Source: English weekday names; AP abbreviations.
pub const WEEKDAYS: &[(&str, (u32, bool))] = &[
    ("monday", (0, false)),
    ("tuesday", (1, false)),
    ("wednesday", (2, false)),
    ("thursday", (3, false)),
    ("friday", (4, false)),
    ("saturday", (5, false)),
    ("sunday", (6, false)),
    ("mon", (0, true)),
    ("tue", (1, true)),
    ("tues", (1, true)),
    ("wed", (2, true)),
    ("thu", (3, true)),
    ("thur", (3, true)),
    ("thurs", (3, true)),
    ("fri", (4, true)),
    ("sat", (5, true)),
    ("sun", (6, true)),
];

/// Short weekday names used in labels ("weekday:fri"), Monday first.
pub const WEEKDAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Capitalised words that turn a following weekday into a name ("Good Friday Agreement",
/// "Black Friday", "Man Friday", "Bloody Sunday", "Super Tuesday"). Source: the holiday and
/// event names built on weekdays in English Wikipedia's "List of … days" pages that news
/// writes as names; they name an event, not a date the story dates itself by.
pub const WEEKDAY_NAME_PREFIXES: &[&str] = &[
    "good", "black", "cyber", "holy", "maundy", "ash", "palm", "easter", "whit", "shrove", "fat",
    "man", "girl", "joe", "tgi", "bloody", "super", "casual", "freaky", "blue", "sunday",
];

/// Seasons → (first month, number of months). Northern-hemisphere meteorological seasons
/// (WMO convention): spring March–May, summer June–August, autumn/fall September–November,
/// winter December–February.
pub const SEASONS: &[(&str, (u32, u32))] = &[
    ("spring", (3, 3)),
    ("summer", (6, 3)),
    ("autumn", (9, 3)),
    ("fall", (9, 3)),
    ("winter", (12, 3)),
];

/// Words right before a month, weekday or year that make it a date ("in November", "on
/// Friday", "since 2018"). Source: the temporal prepositions of the Cambridge Grammar of
/// English §9 plus the determiners news uses with dates ("last", "next", "this", "that").
pub const DATE_CUES: &[&str] = &[
    "in",
    "on",
    "since",
    "until",
    "till",
    "til",
    "by",
    "from",
    "through",
    "throughout",
    "during",
    "before",
    "after",
    "between",
    "of",
    "last",
    "next",
    "this",
    "that",
    "early",
    "mid",
    "late",
    "around",
    "circa",
    "into",
    "as",
    "every",
    "each",
    "past",
    "previous",
    "following",
    "upcoming",
    "coming",
    "late",
    "earlier",
    "later",
    "beginning",
    "end",
    "middle",
    "start",
    "within",
];

/// Determiners that, before a month and a lower-case noun, make an attributive date ("their
/// November meeting", "the March vote"). Source: English possessive and demonstrative
/// determiners.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "their", "his", "her", "its", "our", "your", "my", "this", "that", "these",
    "those",
];

/// Nouns a bare year qualifies when it stands before them ("the 2024 elections", "2018
/// census", "the 2024 US presidential elections"). Source: nouns that follow a year in news
/// headlines (our reading of the shared corpora's headlines), kept to events and documents.
pub const YEAR_NOUNS: &[&str] = &[
    "election",
    "elections",
    "poll",
    "polls",
    "vote",
    "votes",
    "referendum",
    "midterm",
    "midterms",
    "primary",
    "primaries",
    "census",
    "budget",
    "budgets",
    "olympics",
    "games",
    "cup",
    "championship",
    "championships",
    "tournament",
    "season",
    "campaign",
    "race",
    "summit",
    "report",
    "survey",
    "study",
    "law",
    "act",
    "agreement",
    "accord",
    "deal",
    "treaty",
    "war",
    "crisis",
    "attack",
    "attacks",
    "protests",
    "riots",
    "uprising",
    "revolution",
    "coup",
    "flood",
    "floods",
    "earthquake",
    "quake",
    "pandemic",
    "outbreak",
    "visit",
    "trip",
    "meeting",
    "talks",
    "conference",
    "edition",
    "model",
    "version",
    "plan",
    "target",
    "targets",
    "deadline",
    "film",
    "movie",
    "album",
    "book",
    "novel",
    "estimate",
    "estimates",
    "figures",
    "data",
    "forecast",
    "record",
    "levels",
    "level",
    "contest",
    "cycle",
    "race",
    "ballot",
    "invasion",
    "ceasefire",
    "truce",
    "killings",
    "massacre",
    "bombing",
    "bombings",
    "shooting",
    "crash",
    "collapse",
    "recession",
    "downturn",
    "boom",
    "guidelines",
    "rules",
    "reform",
    "reforms",
    "decision",
    "ruling",
    "verdict",
    "constitution",
    "manifesto",
    "strategy",
    "review",
    "statement",
    "declaration",
    "letter",
    "speech",
    "interview",
    "incident",
    "disaster",
    "fire",
    "fires",
    "heatwave",
    "drought",
    "storm",
    "hurricane",
    "typhoon",
    "tsunami",
];

/// Words right after a 4-digit number that make it a count, not a year ("2018 people").
/// Consulted only when no date cue came before. Source: our reading; see also
/// [`crate::claims::lexicon::numbers::COUNT_NOUNS`].
pub const NOT_YEAR_AFTER: &[&str] = &["people", "persons", "times", "percent", "per", "pc"];

/// Words within a few words before a bare month or weekday that make it future ("will meet
/// in November", "scheduled for Friday", "ahead of the November election"). Source: the
/// future markers of English grammar (will, shall, be due/set/scheduled to) plus news verbs
/// of planning.
pub const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "ll",
    "scheduled",
    "due",
    "expected",
    "plans",
    "planned",
    "planning",
    "upcoming",
    "coming",
    "ahead",
    "set",
    "slated",
    "poised",
    "intends",
    "forthcoming",
];

/// Day words → offset from the publication date. Source: English deictic day words.
pub const DAY_WORDS: &[(&str, i32)] = &[
    ("yesterday", -1),
    ("today", 0),
    ("tonight", 0),
    ("tomorrow", 1),
];

/// Words that split a period into thirds or around the anchor: "early", "mid", "late";
/// "earlier"/"later" ("earlier this month" = from the month's start to the anchor).
pub const PART_WORDS: &[(&str, super::super::dates::Part)] = {
    use super::super::dates::Part;
    &[
        ("early", Part::Early),
        ("mid", Part::Mid),
        ("late", Part::Late),
        ("earlier", Part::SoFar),
        ("later", Part::Rest),
    ]
};

/// Nouns in "the beginning/end/middle of …" → the part they mean.
pub const PART_NOUNS: &[(&str, super::super::dates::Part)] = {
    use super::super::dates::Part;
    &[
        ("beginning", Part::Early),
        ("start", Part::Early),
        ("middle", Part::Mid),
        ("end", Part::Late),
    ]
};

/// Ordinal words used with quarters and halves ("the first quarter") → 1–4.
pub const PERIOD_ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("final", 4),
    ("last", 4),
];

/// Small number words for "two weeks ago". Source: English cardinals one–twenty.
pub const SMALL_NUMBERS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
];

/// Time-of-day markers after a clock figure ("3 p.m.", "10am"). Source: AP style ("a.m.",
/// "p.m.") and the common unpunctuated forms.
pub const MERIDIEM: &[(&str, bool)] = &[("am", false), ("pm", true)];

/// Time-zone abbreviations that make "15:30" a time. Source: the zones most used in
/// English-language wire copy.
pub const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "est", "edt", "et", "pt", "pst", "pdt", "ct", "cst", "cdt",
    "mt", "ist", "pkt", "jst", "hkt", "sgt", "aest", "msk", "eet", "wib",
];
