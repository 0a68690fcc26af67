//! claims::cues: the word lists of the claim engine (negation, attribution, hedges, titles,
//! stop words for name detection, places), as plain data tables.
//!
//! Input: none. Output: sorted-free static slices, looked up with `contains` on lowercase
//! words. Invariant: every entry is lowercase ASCII or lowercase Unicode.
//!
//! Provenance: all lists were written by hand for this project. The negation, attribution and
//! hedge lists follow the cue categories of the issue (issue 3, point 1) extended with the
//! common forms listed in the negation-cue annotation of the SFU Review corpus guidelines and
//! the reporting verbs of a standard style guide (the AP Stylebook's advice on "said" versus
//! "claimed"); titles and stop words were collected from the seed articles and the msrp /
//! stsb-news sentences; the places are the UN member states most often in English news plus
//! capitals, as recalled, not copied from a gazetteer.

/// Negation cues (outside quotes). "n't" is detected separately on the raw text.
pub const NEGATION: &[&str] = &[
    "not", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot", "deny",
    "denies", "denied", "denying",
];

/// Negation cues that count only when followed by "to": "refused to", "failed to".
pub const NEGATION_BEFORE_TO: &[&str] = &[
    "refuse", "refuses", "refused", "refusing", "fail", "fails", "failed", "declined", "declines",
];

/// Neutral reporting verbs and phrases.
pub const ATTRIBUTION_NEUTRAL: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "stated", "states", "noted", "explained",
    "according", "reported", "reports", "announced", "confirmed", "mentioned", "remarked",
];

/// Reporting verbs that distance the writer from the claim.
pub const ATTRIBUTION_DOUBT: &[&str] = &[
    "claimed", "claims", "claim", "claiming", "alleged", "alleges", "allege", "insisted",
    "insists", "contended", "contends", "asserted", "asserts", "purported", "maintained",
    "maintains",
];

/// Hedging adverbs.
pub const HEDGES: &[&str] = &[
    "reportedly", "allegedly", "arguably", "apparently", "purportedly", "supposedly",
    "seemingly", "possibly", "probably", "presumably",
];

/// Title words that precede a name and are not part of it ("Foreign Minister Wang Yi").
pub const TITLES: &[&str] = &[
    "president", "secretary", "minister", "foreign", "prime", "chancellor", "senator", "sen",
    "rep", "representative", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gov",
    "governor", "general", "gen", "king", "queen", "prince", "princess", "chief", "executive",
    "officer", "director", "chairman", "chairwoman", "chair", "leader", "premier", "vice",
    "deputy", "ambassador", "mayor", "judge", "justice", "pope", "sir", "lord", "lady",
    "commissioner", "spokesman", "spokeswoman", "spokesperson", "defence", "defense",
    "interior", "finance", "justice", "attorney", "speaker", "coach", "captain", "col",
    "lt", "sgt", "adm", "st", "operating", "financial", "top", "former", "current", "new",
];

/// Capitalised words that are not names when they stand at a sentence start or in a headline,
/// and never names anywhere (function words, months and weekdays — dates are their own
/// claims — and common sentence openers).
pub const NOT_NAMES: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "then", "but",
    "and", "or", "if", "when", "while", "as", "at", "in", "on", "of", "for", "to", "from",
    "by", "with", "after", "before", "during", "despite", "since", "until", "although",
    "though", "because", "however", "meanwhile", "also", "earlier", "later", "now", "still",
    "yet", "so", "thus", "according", "based", "some", "many", "most", "all", "any", "each",
    "both", "other", "another", "what", "which", "who", "whom", "whose", "where", "why", "how",
    "not", "no", "never", "yes", "mr", "mrs", "ms", "dr", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow", "last", "next", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "first", "second", "third", "said", "says", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will", "would",
    "can", "could", "should", "may", "might", "must", "shall", "about", "over", "under",
    "into", "more", "less", "only", "just", "even", "such", "than", "very", "well", "up",
    "out", "about", "around", "among", "between", "through", "against", "without", "within",
    "instead", "indeed", "once", "again", "already", "chinese", "american", "british",
    "european", "russian", "french", "german", "japanese", "indian", "israeli", "palestinian",
    "ukrainian", "canadian", "australian", "mexican", "african", "asian", "arab", "iranian",
    "democrat", "democrats", "republican", "republicans", "democratic", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "am", "pm", "related", "articles", "back", "top",
];

/// Places: countries and cities frequent in English news (hand-written, see module docs).
pub const PLACES: &[&str] = &[
    "us", "u.s", "usa", "america", "united states", "china", "beijing", "russia", "moscow",
    "ukraine", "kyiv", "kiev", "britain", "uk", "london", "england", "scotland", "wales",
    "ireland", "dublin", "france", "paris", "germany", "berlin", "italy", "rome", "spain",
    "madrid", "japan", "tokyo", "india", "new delhi", "delhi", "pakistan", "islamabad",
    "lahore", "karachi", "iran", "tehran", "iraq", "baghdad", "israel", "jerusalem", "gaza",
    "syria", "damascus", "turkey", "ankara", "egypt", "cairo", "saudi arabia", "canada",
    "ottawa", "toronto", "mexico", "brazil", "australia", "sydney", "taiwan", "taipei",
    "hong kong", "korea", "south korea", "north korea", "seoul", "afghanistan", "kabul",
    "new york", "washington", "san francisco", "los angeles", "chicago", "europe", "asia",
    "africa", "nigeria", "kenya", "south africa", "brussels", "geneva", "vienna", "singapore",
];

/// Function words left out of the context bags.
pub const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "it", "its", "that", "this", "these", "those", "which", "who",
    "whom", "what", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "my", "your", "them", "him", "us", "s", "t", "will", "would", "can", "could", "should",
    "may", "might", "must", "there", "here", "then", "than", "so", "if", "when", "while",
    "also", "about", "into", "over", "after", "before", "said", "says", "say", "told", "not",
    "no", "never", "more", "most", "some", "any", "all", "both", "each", "other", "such",
    "only", "just", "very", "up", "out", "said", "according", "one", "two", "three",
];
