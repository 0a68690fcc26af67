//! segment tables: the word lists the English news segmenter consults (abbreviations, sentence
//! starters, speech verbs, page-furniture strings).
//!
//! Input: single words or whole lines, already stripped of surrounding punctuation. Output:
//! membership answers. Invariant: every lookup is a linear search or a `match` over a short
//! static list, bounded by the list size (callers never pass strings longer than a word or a
//! line they have already bounded).
//!
//! Provenance: written for storydiff from general knowledge of English news style (AP and
//! Reuters style-book abbreviations for titles, months, US states and companies; the
//! furniture strings seen on news sites such as the seed pair in `../shared/seeds`, whose four
//! furniture lines are "ePaper - Nawaiwaqt", "INTERNATIONAL", "Related Articles" and "Back to
//! top button"). No list was copied from another segmenter.

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Titles and other words that always precede a name: never end a sentence
    /// (unless nothing follows).
    Title,
    /// Time of day (a.m., p.m.): end a sentence before a sentence starter or after a long
    /// clause.
    TimeOfDay,
    /// Everything else: ends a sentence only before a sentence-starting function word.
    General,
}

/// Prepositive titles (AP style-book titles and honorifics), compared case-sensitively.
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Messrs",
    "Mmes",
    "Mme",
    "Mlle",
    "Dr",
    "Drs",
    "Prof",
    "Profs",
    "Gen",
    "Gens",
    "Sen",
    "Sens",
    "Rep",
    "Reps",
    "Gov",
    "Govs",
    "Lt",
    "Col",
    "Capt",
    "Cmdr",
    "Cdr",
    "Sgt",
    "Maj",
    "Adm",
    "Brig",
    "Cpl",
    "Pvt",
    "Spc",
    "Rev",
    "Hon",
    "Pres",
    "Supt",
    "Det",
    "Insp",
    "Fr",
    "Msgr",
    "Amb",
    "Atty",
    "Ald",
    "Asst",
    "Gov-elect",
    "Rt",
    "Secy",
    "Comdr",
    "Cmdt",
    "Lieut",
    "Sra",
    "Srta",
    "vs",
    "v",
    "e.g",
    "i.e",
    "cf",
    "viz",
    "approx",
    "ca",
];

/// Other abbreviations with a final period (months, weekdays, companies, US states, units,
/// Latin and reference abbreviations), compared case-insensitively unless listed in
/// [`CASED`].
const GENERAL: &[&str] = &[
    // months and weekdays (AP style): the abbreviations of the calendar table
    // `claims::lexicon::dates::{MONTHS, WEEKDAYS}` (segmentation runs before any stage that
    // may read that table, so it keeps the list; a test holds the two equal)
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    // companies and organisations
    "inc", "ltd", "co", "corp", "cos", "bros", "plc", "llc", "dept", "univ", "assn", "assoc",
    "intl", "govt", "natl", // postpositive personal suffixes
    "jr", "sr", "esq", "phd", // addresses
    "ave", "blvd", "rd", "hwy", "pkwy", "apt", "ste", "bldg", "mt", "st",
    // US states (AP style, only those that are not ordinary English words)
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "kan", "kans", "ky", "md", "mich", "minn",
    "mont", "neb", "nev", "okla", "ore", "tenn", "tex", "vt", "wis", "wyo", "penn",
    // reference, Latin and numbering
    "etc", "al", "et al", "ibid", "no", "nos", "nr", "vol", "vols", "pp", "p", "para", "fig",
    "figs", "ch", "chap", "sec", "art", "op", "ed", "eds", "est", "max", "min", "dist", "approx",
    "misc", "ref", "tel", "ext", "n°", "nº", "lit", "ser",
    // currencies written with a period before the amount
    "rs", // measures
    "ft", "in", "yd", "mi", "oz", "lb", "lbs", "pt", "qt", "gal", "sq", "cu", "hr", "hrs", "mins",
    "sec", "secs", "km", "kg", "cm", "mm",
];

/// Abbreviations from [`GENERAL`] that are ordinary words in lower case, so they are
/// abbreviations only when capitalised ("No. 5" but "said no.", "In." is rare).
const CASED: &[&str] = &[
    "no", "in", "art", "sun", "sat", "wed", "mar", "min", "max", "ore", "al", "est", "ed", "lit",
    "ref",
];

/// Looks up `word` (no final period, openers stripped).
pub(crate) fn abbreviation(word: &str) -> Option<Abbrev> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    if TITLES.contains(&word) {
        return Some(Abbrev::Title);
    }
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "a.m" | "p.m" | "am" | "pm") {
        // bare "am"/"pm" with a period only count when written in capitals ("6 PM.")
        if lower.contains('.') || word.chars().all(|c| c.is_ascii_uppercase()) {
            return Some(Abbrev::TimeOfDay);
        }
        return None;
    }
    if GENERAL.contains(&lower.as_str()) {
        if CASED.contains(&lower.as_str()) && !word.starts_with(char::is_uppercase) {
            return None;
        }
        return Some(Abbrev::General);
    }
    None
}

/// Function words that begin sentences and rarely follow an abbreviation inside one. Proper
/// names that are also English words (Will, May, Bill, Mark, Grant) are deliberately absent.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "Yet",
    "So",
    "However",
    "Meanwhile",
    "Then",
    "Thus",
    "What",
    "Why",
    "How",
    "When",
    "Where",
    "Who",
    "Which",
    "Whether",
    "In",
    "On",
    "At",
    "If",
    "As",
    "After",
    "Before",
    "Although",
    "Though",
    "While",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "Several",
    "Few",
    "Other",
    "Others",
    "Such",
    "Not",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Also",
    "Still",
    "Instead",
    "Since",
    "Because",
    "Under",
    "With",
    "Without",
    "For",
    "From",
    "To",
    "By",
    "Of",
    "Did",
    "Do",
    "Does",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Could",
    "Would",
    "Should",
    "Must",
    "Let",
    "Please",
    "Yes",
    "Indeed",
    "Furthermore",
    "Moreover",
    "Nevertheless",
    "Besides",
    "According",
    "During",
    "Until",
    "Once",
    "Even",
    "Only",
    "Just",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Those",
    "Among",
    "Despite",
    "Unlike",
    "Like",
    "Over",
    "About",
    "Nor",
    "Neither",
    "Either",
    "Any",
    "No",
    "None",
    "Nothing",
    "Everyone",
    "Nobody",
    "Somebody",
    "Someone",
    "Officials",
    "Police",
    "Authorities",
];

/// True if `word` (a capitalised word, punctuation stripped) usually starts a sentence.
pub(crate) fn is_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}

/// Words that follow "a.m."/"p.m." inside a sentence: time zones ("9 a.m. Eastern time"),
/// weekdays and months ("at 3 p.m. Thursday", "at 9 a.m. March 3").
pub(crate) fn continues_time(word: &str) -> bool {
    is_month(word)
        || matches!(
            word,
            "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
        )
        || matches!(
            word,
            "Eastern"
                | "Pacific"
                | "Central"
                | "Mountain"
                | "ET"
                | "EST"
                | "EDT"
                | "PT"
                | "PST"
                | "PDT"
                | "CT"
                | "CST"
                | "CDT"
                | "MT"
                | "MST"
                | "MDT"
                | "GMT"
                | "UTC"
                | "BST"
                | "CET"
                | "CEST"
                | "IST"
                | "PKT"
                | "JST"
                | "AEST"
                | "AEDT"
                | "HKT"
                | "SGT"
        )
}

/// Verbs of saying that follow a quotation in its attribution ("“Why?” Blinken asked.").
pub(crate) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "replied"
            | "replies"
            | "wrote"
            | "writes"
            | "shouted"
            | "exclaimed"
            | "continued"
            | "insisted"
            | "wondered"
            | "demanded"
            | "cried"
            | "recalled"
            | "explained"
            | "noted"
            | "tweeted"
            | "posted"
            | "declared"
            | "stated"
            | "remarked"
            | "answered"
            | "responded"
            | "countered"
            | "argued"
            | "warned"
            | "joked"
            | "quipped"
            | "pleaded"
            | "urged"
            | "sighed"
            | "yelled"
            | "screamed"
            | "whispered"
            | "murmured"
            | "snapped"
            | "laughed"
            | "queried"
            | "inquired"
            | "mused"
            | "offered"
            | "conceded"
    )
}

/// Whole lines that are page furniture, lower-cased with runs of white space collapsed and
/// trailing ":»›>|" removed. Seen on news sites (seed pair) and common site templates.
const FURNITURE_LINES: &[&str] = &[
    "related articles",
    "related article",
    "related stories",
    "related story",
    "related news",
    "related posts",
    "related content",
    "related",
    "related topics",
    "more on this story",
    "back to top",
    "back to top button",
    "top",
    "read more",
    "read more news",
    "read also",
    "also read",
    "see also",
    "read next",
    "read the full story",
    "continue reading",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "ad",
    "promoted",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share on facebook",
    "share on twitter",
    "share on whatsapp",
    "share via email",
    "tweet",
    "email",
    "print",
    "comments",
    "leave a comment",
    "leave a reply",
    "follow us",
    "subscribe",
    "subscribe now",
    "newsletter",
    "sign up",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "top stories",
    "latest news",
    "latest",
    "click here",
    "skip to content",
    "skip to main content",
    "menu",
    "home",
    "loading",
    "scroll to continue with content",
    "listen to this article",
    "copy link",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "telegram",
    "reddit",
    "pinterest",
    // bylines without a name (wire and desk credits)
    "staff reporter",
    "our staff reporter",
    "our correspondent",
    "staff writer",
    "news desk",
    "web desk",
    "monitoring desk",
    "monitoring report",
    "agencies",
    "news agencies",
    "reuters",
    "afp",
    "ap",
    "associated press",
    "agence france-presse",
    "xinhua",
    "app",
    "ians",
    "pti",
    "ani",
    "wire services",
    "staff",
    "editorial board",
    // section labels (shape rule catches other all-caps ones before a headline)
    "international",
    "national",
    "world",
    "world news",
    "local news",
    "local",
    "business",
    "sports",
    "sport",
    "opinion",
    "editorial",
    "editorials",
    "entertainment",
    "politics",
    "technology",
    "tech",
    "science",
    "health",
    "lifestyle",
    "breaking news",
    "breaking",
    "top news",
    "news",
    "metro",
    "region",
    "regional",
    "columns",
    "analysis",
    "features",
    "us news",
    "uk news",
    "asia",
    "europe",
    "middle east",
    "africa",
    "americas",
];

/// Line prefixes (lower case) that mark furniture: footers, photo credits, copyright lines,
/// share and follow prompts.
const FURNITURE_PREFIXES: &[&str] = &[
    "epaper",
    "e-paper",
    "e paper",
    "photo:",
    "photos:",
    "photo credit",
    "photograph:",
    "image:",
    "images:",
    "picture:",
    "pic:",
    "credit:",
    "credits:",
    "file photo",
    "illustration:",
    "video:",
    "audio:",
    "copyright",
    "©",
    "(c) ",
    "follow us on",
    "follow us:",
    "follow @",
    "like us on",
    "share on ",
    "share this",
    "click here",
    "sign up for",
    "subscribe to",
    "read more:",
    "read also:",
    "also read:",
    "read more at",
    "download the app",
    "get the app",
    "join our",
    "all rights reserved",
];

/// Substrings (lower case) that mark a short line or a parenthetical as a credit or notice.
const FURNITURE_CONTAINS: &[&str] = &[
    "all rights reserved",
    "ap photo",
    "getty images",
    "afp photo",
    "reuters/",
    "afp/",
    "epa/",
    "photo/",
    "photo by ",
];

/// True if the normalised line is listed furniture.
pub(crate) fn is_furniture_line(norm: &str) -> bool {
    FURNITURE_LINES.contains(&norm)
}

/// True if the normalised line starts with a furniture prefix.
pub(crate) fn has_furniture_prefix(norm: &str) -> bool {
    FURNITURE_PREFIXES.iter().any(|p| norm.starts_with(p))
}

/// True if the normalised line contains a credit or notice marker.
pub(crate) fn has_furniture_marker(norm: &str) -> bool {
    FURNITURE_CONTAINS.iter().any(|p| norm.contains(p))
}

/// Labels that end in a colon at the start of a line but are not datelines.
pub(crate) fn is_colon_label(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "photo"
            | "photos"
            | "image"
            | "images"
            | "picture"
            | "credit"
            | "source"
            | "sources"
            | "note"
            | "update"
            | "updated"
            | "caption"
            | "video"
            | "audio"
            | "read"
            | "watch"
            | "related"
            | "editor's note"
            | "q"
            | "a"
            | "tags"
            | "topics"
            | "by"
            | "posted"
            | "published"
            | "date"
            | "time"
            | "contact"
            | "email"
            | "tel"
            | "phone"
            | "warning"
            | "correction"
            | "disclaimer"
            | "listen"
            | "see"
            | "also"
            | "file"
            | "pic"
    )
}

/// Month names and AP abbreviations, for datelines ("WASHINGTON, April 26 (Reuters) -").
pub(crate) fn is_month(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['.', ',']),
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn month_and_weekday_abbreviations_are_the_calendar_tables() {
        use crate::claims::lexicon::dates::{MONTHS, WEEKDAYS};
        let calendar: BTreeSet<&str> = MONTHS
            .iter()
            .chain(WEEKDAYS)
            .filter(|(_, (_, abbr))| *abbr)
            .map(|(w, _)| *w)
            .collect();
        let ours: BTreeSet<&str> = super::GENERAL[..calendar.len()].iter().copied().collect();
        assert_eq!(ours, calendar);
    }
}
