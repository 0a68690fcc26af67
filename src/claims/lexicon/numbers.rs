//! claims::lexicon::numbers: number words, scales, qualifiers, currencies and units.
//!
//! Input: a lower-cased word (or symbol). Output: its meaning to
//! [`crate::claims::numbers`]. Each table says where it came from.

use crate::claims::numbers::Qualifier;

/// Cardinal words below a hundred. Source: English cardinals (zero–nineteen, the tens).
pub const CARDINALS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words → multiplier. Source: English short-scale names (hundred … trillion), the
/// financial-press abbreviations ("bn", "mn", "tn"), and the South Asian units lakh (10⁵)
/// and crore (10⁷) that the Pakistani and Indian English press uses.
pub const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
    ("bn", 1e9),
    ("bln", 1e9),
    ("mn", 1e6),
    ("mln", 1e6),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Scale letters that count only right after a money figure ("$3m", "£40k"), since alone they
/// are units ("100m" metres, "5k" run).
pub const MONEY_SCALES: &[(&str, f64)] = &[("m", 1e6), ("k", 1e3), ("b", 1e9)];

/// Ordinal words → value. Source: English ordinals first–twentieth and the tens.
/// "first" needs a context (see [`crate::claims::numbers`]): it is mostly not a count.
pub const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("hundredth", 100.0),
];

/// Digit-ordinal suffixes ("1st", "22nd", "3rd", "4th").
pub const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Fraction words → value, for "two-thirds of", "a quarter of", "half an hour".
/// Source: English fraction names (halves to tenths).
pub const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("halves", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.25),
    ("fourth", 0.25),
    ("fourths", 0.25),
    ("fifth", 0.2),
    ("fifths", 0.2),
    ("tenth", 0.1),
    ("tenths", 0.1),
];

/// Vague amounts → (low, high, needs "of" or a unit after). "tens of thousands" and
/// "hundreds of thousands" are read as two words by the extractor. The bounds are ours:
/// "hundreds" is at least two hundred and fewer than a thousand, and so on.
pub const VAGUE_AMOUNTS: &[(&str, (f64, f64))] = &[
    ("dozens", (24.0, 99.0)),
    ("scores", (40.0, 199.0)),
    ("hundreds", (200.0, 999.0)),
    ("thousands", (2e3, 9_999.0)),
    ("millions", (2e6, 999e6)),
    ("billions", (2e9, 999e9)),
    ("several", (3.0, 9.0)),
    ("numerous", (3.0, 99.0)),
];

/// Qualifier phrases, longest first (the extractor takes the first that matches).
/// Source: the approximators and comparators of news copy listed in the AP Stylebook entries
/// "more than, over" and "about", and our reading of the shared corpora.
pub const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "few", "as"], Qualifier::AtLeast),
    (&["an", "estimated"], Qualifier::About),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["just", "under"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::UpTo),
    (&["close", "to"], Qualifier::Nearly),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
];

/// Currency symbols → ISO 4217 code. "$" is read as US dollars and "¥" as yen: the symbol
/// alone cannot tell (a known limit, README "Known issues"). "₨" and "Rs" name a rupee without
/// saying whose: the pseudo-code `RUPEE` keeps them comparable with each other only.
/// Source: ISO 4217 and the Unicode currency-symbol block.
pub const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("₨", "RUPEE"),
    ("₪", "ILS"),
    ("₫", "VND"),
    ("₴", "UAH"),
];

/// Letter prefixes glued to "$" ("US$", "HK$", "A$") → code. Source: ISO 4217 and wire usage.
pub const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("hk", "HKD"),
    ("s", "SGD"),
    ("nz", "NZD"),
    ("r", "BRL"),
    ("nt", "TWD"),
];

/// Upper-case ISO 4217 codes written beside a figure ("USD 5 million", "5bn EUR"), plus
/// "RMB" and "Rs". Source: ISO 4217 (the currencies of the G20 and of South Asia, the Gulf
/// and Africa's largest economies).
pub const CURRENCY_CODES: &[(&str, &str)] = &[
    ("usd", "USD"),
    ("gbp", "GBP"),
    ("eur", "EUR"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("jpy", "JPY"),
    ("inr", "INR"),
    ("pkr", "PKR"),
    ("rs", "RUPEE"),
    ("lkr", "LKR"),
    ("npr", "NPR"),
    ("bdt", "BDT"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("nzd", "NZD"),
    ("chf", "CHF"),
    ("hkd", "HKD"),
    ("sgd", "SGD"),
    ("twd", "TWD"),
    ("krw", "KRW"),
    ("rub", "RUB"),
    ("try", "TRY"),
    ("brl", "BRL"),
    ("mxn", "MXN"),
    ("zar", "ZAR"),
    ("ngn", "NGN"),
    ("kes", "KES"),
    ("egp", "EGP"),
    ("sar", "SAR"),
    ("aed", "AED"),
    ("qar", "QAR"),
    ("irr", "IRR"),
    ("ils", "ILS"),
    ("uah", "UAH"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("pln", "PLN"),
    ("idr", "IDR"),
    ("myr", "MYR"),
    ("thb", "THB"),
    ("vnd", "VND"),
    ("php", "PHP"),
];

/// Currency words after a figure ("5 million dollars", "40 euros", "3bn yuan") → code.
/// "dollars" alone is read as US dollars; "pounds" as sterling only after a scale word or
/// with "sterling" (otherwise it is weight). Source: ISO 4217 currency names.
pub const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "RUPEE"),
    ("rupees", "RUPEE"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("lira", "TRY"),
    ("rand", "ZAR"),
    ("naira", "NGN"),
    ("dirham", "AED"),
    ("dirhams", "AED"),
    ("riyal", "SAR"),
    ("riyals", "SAR"),
    ("taka", "BDT"),
    ("won", "KRW"),
    ("franc", "CHF"),
    ("francs", "CHF"),
    ("shekel", "ILS"),
    ("shekels", "ILS"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
];

/// Adjectives before "dollars" that name whose dollars. Source: ISO 4217 currency names.
pub const DOLLAR_ADJECTIVES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("american", "USD"),
    ("canadian", "CAD"),
    ("australian", "AUD"),
    ("singapore", "SGD"),
    ("taiwan", "TWD"),
    ("zealand", "NZD"),
    ("kong", "HKD"),
];

/// How a unit measures: its family (values convert within a family) and the factor to the
/// family's base unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitInfo {
    /// The normalised unit name reported in [`crate::claims::numbers::Quantity::unit`].
    pub name: &'static str,
    /// The family the unit converts within.
    pub family: Family,
    /// Size of the unit in the family's base (seconds, metres, kilograms, …).
    pub factor: f64,
}

/// Families of units that convert into each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Durations (base: seconds).
    Time,
    /// Lengths and distances (base: metres).
    Length,
    /// Masses and weights (base: kilograms).
    Mass,
    /// Areas.
    Area,
    /// Volumes.
    Volume,
    /// Speeds.
    Speed,
    /// Power (watts and their multiples).
    Power,
    /// Energy.
    Energy,
    /// Temperatures.
    Temperature,
    /// A unit that converts to nothing else (percentage points, "age").
    Own,
}

const fn u(name: &'static str, family: Family, factor: f64) -> UnitInfo {
    UnitInfo {
        name,
        family,
        factor,
    }
}

/// Time units → info (base: seconds). A month is 1/12 of a Gregorian year, a year 365.2425
/// days. Source: SI and the Gregorian calendar.
pub const TIME_UNITS: &[(&str, UnitInfo)] = &[
    ("second", u("second", Family::Time, 1.0)),
    ("seconds", u("second", Family::Time, 1.0)),
    ("sec", u("second", Family::Time, 1.0)),
    ("secs", u("second", Family::Time, 1.0)),
    ("minute", u("minute", Family::Time, 60.0)),
    ("minutes", u("minute", Family::Time, 60.0)),
    ("min", u("minute", Family::Time, 60.0)),
    ("mins", u("minute", Family::Time, 60.0)),
    ("hour", u("hour", Family::Time, 3600.0)),
    ("hours", u("hour", Family::Time, 3600.0)),
    ("hr", u("hour", Family::Time, 3600.0)),
    ("hrs", u("hour", Family::Time, 3600.0)),
    ("day", u("day", Family::Time, 86_400.0)),
    ("days", u("day", Family::Time, 86_400.0)),
    ("night", u("night", Family::Time, 86_400.0)),
    ("nights", u("night", Family::Time, 86_400.0)),
    ("week", u("week", Family::Time, 604_800.0)),
    ("weeks", u("week", Family::Time, 604_800.0)),
    ("fortnight", u("week", Family::Time, 1_209_600.0)),
    ("month", u("month", Family::Time, 2_629_746.0)),
    ("months", u("month", Family::Time, 2_629_746.0)),
    ("year", u("year", Family::Time, 31_556_952.0)),
    ("years", u("year", Family::Time, 31_556_952.0)),
    ("yr", u("year", Family::Time, 31_556_952.0)),
    ("yrs", u("year", Family::Time, 31_556_952.0)),
    ("decade", u("decade", Family::Time, 315_569_520.0)),
    ("decades", u("decade", Family::Time, 315_569_520.0)),
    ("century", u("century", Family::Time, 3_155_695_200.0)),
    ("centuries", u("century", Family::Time, 3_155_695_200.0)),
];

/// Plural time units that alone are a vague duration ("for hours", "spent days") → (low,
/// high) in that unit. Our bounds: "hours" is two hours to a day, and so on.
pub const VAGUE_TIME: &[(&str, (f64, f64))] = &[
    ("seconds", (2.0, 59.0)),
    ("minutes", (2.0, 59.0)),
    ("hours", (2.0, 24.0)),
    ("days", (2.0, 14.0)),
    ("weeks", (2.0, 8.0)),
    ("months", (2.0, 24.0)),
    ("years", (2.0, 20.0)),
    ("decades", (2.0, 9.0)),
];

/// Words before a bare plural time unit that make it a duration ("for hours", "spent days",
/// "waited hours"). Source: our reading of news usage.
pub const VAGUE_TIME_CUES: &[&str] = &[
    "for", "spent", "spend", "spends", "spending", "lasted", "lasting", "last", "took", "take",
    "takes", "taking", "waited", "wait", "waiting", "within", "after", "endured",
];

/// Measure units → info. Source: SI and the imperial units used in English news.
pub const MEASURE_UNITS: &[(&str, UnitInfo)] = &[
    ("km", u("km", Family::Length, 1000.0)),
    ("kms", u("km", Family::Length, 1000.0)),
    ("kilometre", u("km", Family::Length, 1000.0)),
    ("kilometres", u("km", Family::Length, 1000.0)),
    ("kilometer", u("km", Family::Length, 1000.0)),
    ("kilometers", u("km", Family::Length, 1000.0)),
    ("m", u("m", Family::Length, 1.0)),
    ("metre", u("m", Family::Length, 1.0)),
    ("metres", u("m", Family::Length, 1.0)),
    ("meter", u("m", Family::Length, 1.0)),
    ("meters", u("m", Family::Length, 1.0)),
    ("cm", u("cm", Family::Length, 0.01)),
    ("centimetres", u("cm", Family::Length, 0.01)),
    ("centimeters", u("cm", Family::Length, 0.01)),
    ("mm", u("mm", Family::Length, 0.001)),
    ("millimetres", u("mm", Family::Length, 0.001)),
    ("millimeters", u("mm", Family::Length, 0.001)),
    ("mile", u("mile", Family::Length, 1609.344)),
    ("miles", u("mile", Family::Length, 1609.344)),
    ("ft", u("ft", Family::Length, 0.3048)),
    ("foot", u("ft", Family::Length, 0.3048)),
    ("feet", u("ft", Family::Length, 0.3048)),
    ("inch", u("inch", Family::Length, 0.0254)),
    ("inches", u("inch", Family::Length, 0.0254)),
    ("kg", u("kg", Family::Mass, 1.0)),
    ("kgs", u("kg", Family::Mass, 1.0)),
    ("kilogram", u("kg", Family::Mass, 1.0)),
    ("kilograms", u("kg", Family::Mass, 1.0)),
    ("kilo", u("kg", Family::Mass, 1.0)),
    ("kilos", u("kg", Family::Mass, 1.0)),
    ("g", u("g", Family::Mass, 0.001)),
    ("gram", u("g", Family::Mass, 0.001)),
    ("grams", u("g", Family::Mass, 0.001)),
    ("tonne", u("tonne", Family::Mass, 1000.0)),
    ("tonnes", u("tonne", Family::Mass, 1000.0)),
    ("ton", u("tonne", Family::Mass, 1000.0)),
    ("tons", u("tonne", Family::Mass, 1000.0)),
    ("lb", u("lb", Family::Mass, 0.453_592_37)),
    ("lbs", u("lb", Family::Mass, 0.453_592_37)),
    ("pound", u("lb", Family::Mass, 0.453_592_37)),
    ("pounds", u("lb", Family::Mass, 0.453_592_37)),
    ("oz", u("oz", Family::Mass, 0.028_349_523_125)),
    ("ounce", u("oz", Family::Mass, 0.028_349_523_125)),
    ("ounces", u("oz", Family::Mass, 0.028_349_523_125)),
    ("hectare", u("hectare", Family::Area, 10_000.0)),
    ("hectares", u("hectare", Family::Area, 10_000.0)),
    ("ha", u("hectare", Family::Area, 10_000.0)),
    ("acre", u("acre", Family::Area, 4_046.856_422_4)),
    ("acres", u("acre", Family::Area, 4_046.856_422_4)),
    ("litre", u("litre", Family::Volume, 1.0)),
    ("litres", u("litre", Family::Volume, 1.0)),
    ("liter", u("litre", Family::Volume, 1.0)),
    ("liters", u("litre", Family::Volume, 1.0)),
    ("gallon", u("gallon", Family::Volume, 3.785_411_784)),
    ("gallons", u("gallon", Family::Volume, 3.785_411_784)),
    ("barrel", u("barrel", Family::Volume, 158.987_294_928)),
    ("barrels", u("barrel", Family::Volume, 158.987_294_928)),
    ("mph", u("mph", Family::Speed, 0.447_04)),
    ("kph", u("km/h", Family::Speed, 1.0 / 3.6)),
    ("mw", u("MW", Family::Power, 1e6)),
    ("megawatt", u("MW", Family::Power, 1e6)),
    ("megawatts", u("MW", Family::Power, 1e6)),
    ("gw", u("GW", Family::Power, 1e9)),
    ("gigawatt", u("GW", Family::Power, 1e9)),
    ("gigawatts", u("GW", Family::Power, 1e9)),
    ("kw", u("kW", Family::Power, 1e3)),
    ("kwh", u("kWh", Family::Energy, 3.6e6)),
    ("mwh", u("MWh", Family::Energy, 3.6e9)),
    ("gwh", u("GWh", Family::Energy, 3.6e12)),
    ("twh", u("TWh", Family::Energy, 3.6e15)),
    ("°c", u("°C", Family::Own, 1.0)),
    ("°f", u("°F", Family::Own, 1.0)),
    ("degrees", u("degree", Family::Temperature, 1.0)),
    ("degree", u("degree", Family::Temperature, 1.0)),
];

/// Nouns counted by a figure → the normalised unit ("3,000 signatures" → "signature";
/// "people"/"persons" → "people"). Irregular and collective plurals are listed; any other
/// lower-case plural after a figure is singularised by rule. Source: the counted nouns most
/// frequent after a figure in the shared corpora's news sentences (our reading).
pub const COUNT_NOUNS: &[(&str, &str)] = &[
    ("people", "people"),
    ("persons", "people"),
    ("person", "people"),
    ("children", "child"),
    ("child", "child"),
    ("women", "woman"),
    ("woman", "woman"),
    ("men", "man"),
    ("man", "man"),
    ("aircraft", "aircraft"),
    ("police", "police"),
    ("staff", "staff"),
    ("personnel", "personnel"),
    ("dead", "dead"),
    ("injured", "injured"),
    ("wounded", "wounded"),
    ("cattle", "cattle"),
    ("sheep", "sheep"),
    ("fish", "fish"),
];

/// Lower-case words ending in "s" that are not plural nouns, so never a counted unit.
/// Source: closed-class English words and frequent verbs in "-s".
pub const NOT_PLURALS: &[&str] = &[
    "is",
    "was",
    "has",
    "does",
    "as",
    "us",
    "its",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "this",
    "thus",
    "less",
    "across",
    "plus",
    "yes",
    "always",
    "perhaps",
    "besides",
    "unless",
    "towards",
    "afterwards",
    "whereas",
    "says",
    "seems",
    "remains",
    "includes",
    "means",
    "needs",
    "gets",
    "makes",
    "goes",
    "takes",
    "comes",
    "goes",
    "became",
    "loss",
    "process",
    "press",
    "access",
    "news",
    "series",
    "species",
    "crisis",
    "basis",
    "analysis",
    "status",
    "bus",
    "gas",
    "alias",
    "bonus",
    "census",
    "virus",
    "focus",
    "versus",
    "whose",
    "sometimes",
    "nevertheless",
    "regardless",
    "nonetheless",
    "was",
];

/// Capitalised words after which a figure is an identifier, not a quantity ("Article 370",
/// "Flight 17", "Boeing 737", "Resolution 2231"). Source: our reading of news usage.
pub const IDENT_NOUNS: &[&str] = &[
    "article",
    "section",
    "resolution",
    "chapter",
    "flight",
    "route",
    "highway",
    "no",
    "nos",
    "number",
    "room",
    "vol",
    "volume",
    "page",
    "pages",
    "clause",
    "paragraph",
    "rule",
    "gate",
    "platform",
    "level",
    "phase",
    "category",
    "grade",
    "class",
    "model",
    "type",
    "version",
    "boeing",
    "airbus",
    "apollo",
    "iphone",
    "windows",
    "channel",
    "district",
    "ward",
    "unit",
    "block",
    "sector",
    "act",
    "bill",
    "amendment",
    "proposition",
    "prop",
    "code",
    "case",
    "question",
    "item",
    "figure",
    "table",
    "annex",
    "exhibit",
    "division",
    "squad",
    "camp",
    "pier",
    "terminal",
    "runway",
    "lane",
    "street",
    "road",
    "avenue",
    "building",
    "tower",
    "floor",
    "precinct",
    "constituency",
    "na",
    "pp",
    "ps",
    "uss",
    "hms",
];
