//! claims::numbers: numbers, money, percentages and durations → normalised, comparable values.
//!
//! Input: a text. Output: [`NumberMention`]s with byte spans into that text, in text order,
//! never overlapping. Covers digits with separators and decimals ("14,000", "5.5", "1.2
//! million", "$3bn", "£2 million"), number words ("three-day", "five and a half hours", "a
//! dozen", "two-thirds", "hundreds of", "tens of thousands"), ranges ("10-12", "between 10
//! and 12", "10 to 12 hours"), ordinals ("second time", "3rd"), percentages, money with
//! currency codes, units and durations (unit names normalised: "hour", "day", "km",
//! "people"), and qualifiers ("more than", "about", "nearly", "at least", "up to") kept with
//! the value. Vague amounts ("hours", "several days", "hundreds") carry `vague: true`.
//! Invariants: linear time (one pass, bounded look-around); no panics; spans on char
//! boundaries.
//!
//! ```
//! use storydiff::claims::numbers::{compare_numbers, find_numbers, Qualifier, Relation};
//!
//! let a = find_numbers("talks that lasted more than five and a half hours");
//! let b = find_numbers("talks that lasted for hours");
//! assert_eq!(a[0].value.qualifier, Qualifier::MoreThan);
//! assert_eq!(a[0].value.unit.as_deref(), Some("hour"));
//! assert!(b[0].value.vague);
//! assert_eq!(compare_numbers(&a[0].value, &b[0].value), Relation::Compatible);
//! let x = find_numbers("a three-day trip");
//! let y = find_numbers("a 3-day visit");
//! assert_eq!(compare_numbers(&x[0].value, &y[0].value), Relation::Same);
//! ```
//!
//! Rules that keep noise out:
//! - whatever [`crate::claims::dates::find_dates`] claims (years, days of the month, times of
//!   day, "two weeks ago") is not a number: a number overlapping a date span is dropped;
//! - "a"/"an"/"one" alone are articles ("one of the", "a day"): "one" counts only before a
//!   unit or counted noun ("one person", "one hour"), "a"/"an" only before a scale ("a
//!   million"), "dozen", a fraction, or a time unit after a qualifier ("less than a year");
//! - figures glued to letters or dashes are identifiers ("G7", "COVID-19", "F-16", "5G"), as
//!   are figures after an identifier noun ("Article 370", "Flight 17", "Boeing 737") and
//!   year-like figures (1800–2100) after a capitalised word ("Expo 2016", "World Cup 2018");
//! - "first" is an ordinal only in "first time"; "from 10 to 12" is two figures (news writes
//!   it for a change), "between 10 and 12" and "10-12" are ranges.

use super::dates::scan::{Kind, Toks};
pub use super::dates::Relation;
use super::lexicon::numbers::{self as lx, Family, UnitInfo};
use super::lexicon::{is_in, look};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityKind {
    /// A plain count or figure.
    Number,
    /// An ordinal ("second", "3rd").
    Ordinal,
    /// A percentage; `unit` is `"%"`.
    Percent,
    /// An amount of money; `unit` is a currency code (`"USD"`).
    Money,
    /// A length of time ("three-day", "five and a half hours").
    Duration,
    /// A measure with a unit (km, tonnes, people…).
    Measure,
}

/// How a value is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// No qualifier: the figure as written (rounding still widens it).
    Exact,
    /// "about", "around", "roughly", "some", "an estimated".
    About,
    /// "more than", "over", "above".
    MoreThan,
    /// "at least".
    AtLeast,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// "at most", "no more than".
    AtMost,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "up to", "as many as".
    UpTo,
}

/// A normalised quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// What the quantity measures.
    pub kind: QuantityKind,
    /// The value, or the low end of a range.
    pub low: f64,
    /// The high end of a range (equal to `low` for a single value).
    pub high: f64,
    /// Normalised unit: `"%"`, a currency code (`"USD"`, `"GBP"`), a time unit (`"hour"`,
    /// `"day"`), or another unit word in singular; `None` for a bare number.
    pub unit: Option<String>,
    /// The hedge or bound written before the figure.
    pub qualifier: Qualifier,
    /// True for vague amounts ("hundreds of", "hours", "several"): a lower precision.
    pub vague: bool,
}

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte offsets into the text passed to [`find_numbers`].
    pub start: usize,
    /// Byte offset one past the mention's last byte.
    pub end: usize,
    /// The quantity, normalised.
    pub value: Quantity,
}

/// Finds the quantities in `text`.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    let dates: Vec<(usize, usize)> = super::dates::find_dates(text, None)
        .into_iter()
        .map(|m| (m.start, m.end))
        .collect();
    find_numbers_outside(text, &dates)
}

/// Finds the quantities in `text` that do not overlap `dates`, the spans of its dates
/// (sorted, not overlapping: what [`crate::claims::dates::find_dates`] gives), for a caller
/// that has found the dates already.
pub(crate) fn find_numbers_outside(text: &str, dates: &[(usize, usize)]) -> Vec<NumberMention> {
    let p = P { t: Toks::new(text) };
    let mut out = Vec::new();
    let mut di = 0;
    let mut i = 0;
    while i < p.t.len() {
        match p.parse_at(i) {
            Some((end, value)) if end > i => {
                let (start, stop) = p.t.span(i, end - 1);
                while di < dates.len() && dates[di].1 <= start {
                    di += 1;
                }
                let overlaps = di < dates.len() && dates[di].0 < stop;
                if overlaps {
                    i += 1;
                    continue;
                }
                out.push(NumberMention {
                    start,
                    end: stop,
                    value,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The relation of two figures of one kind as the claim stage reads it, final:
/// [`compare_numbers`], then three rules about what the figures are of. Figures of different
/// units ("31" years old / "two counts") do not conflict. Two bounds of the same kind on
/// figures further apart than `tolerance` (a share of the larger) are different figures ("over
/// 700" / "over 2,100": both bounds hold together, but a reporter giving the same kind of bound
/// on another figure is reporting another figure). Two ranges that overlap but end elsewhere
/// ("three and 11 times" / "three and 33 times") report different figures.
pub fn relation(m: &Quantity, n: &Quantity, tolerance: f64) -> Relation {
    match compare_numbers(m, n) {
        Relation::Conflict if m.unit != n.unit => Relation::Unknown,
        Relation::Compatible
            if m.unit == n.unit
                && m.qualifier == n.qualifier
                && m.qualifier != Qualifier::Exact
                && !m.vague
                && !n.vague
                && (m.low - n.low).abs() > tolerance * m.low.abs().max(n.low.abs()) =>
        {
            Relation::Conflict
        }
        Relation::Compatible | Relation::LessPrecise
            if m.unit == n.unit
                && m.qualifier == n.qualifier
                && !m.vague
                && !n.vague
                && m.low < m.high
                && n.low < n.high
                && ((m.low - n.low).abs() > tolerance * m.low.abs().max(n.low.abs())
                    || (m.high - n.high).abs() > tolerance * m.high.abs().max(n.high.abs())) =>
        {
            Relation::Conflict
        }
        r => r,
    }
}

/// How quantity `a` relates to quantity `b`.
///
/// Each side stands for an interval of values ([`Bounds`]): an exact figure its rounding (a
/// figure of 100 or more ending in two or more zeros stands for ± half its last non-zero place,
/// at most ±5%: "300" covers [285, 315), "14,000" [13,500, 14,500); any other whole number ±
/// 0.5: "43" is [42.5, 43.5));
/// "about X" the grain X is written to (± half the place of its last non-zero digit, at most
/// ±10% but never less than ± 0.5 for a whole number: "about 6%" is [5.5, 6.5), "about $3.6
/// billion" [3.55, 3.65) billion, "about 14,000" [13,500, 14,500)); "nearly X" that grain just
/// below X, up to X; "more than X" (X, ∞), "at least X" [X, ∞); "less than X" [0, X), "at most"
/// / "up to X" [0, X]; a vague amount its range. Durations and measures convert within their
/// family (three days = 72 hours); different currencies or families are `Unknown`, as are
/// different kinds (a bare number compares with counts, measures and money). Equal figures are
/// `Same`; disjoint intervals a `Conflict` ("about 6%" / "5%", "up to 200" / "more than 200");
/// a vague amount or a rounded figure containing the other `LessPrecise` ("hours" / "five and
/// a half hours", "14,000" / "14,213"); other overlaps `Compatible` ("more than five hours" /
/// "five and a half hours", "about 14,000" / "14,200", "over $10,000" / "$10,977.74"). An open
/// bound far from the other figure is `Unknown` (see [`open_and_far`]): its upper sense.
pub fn compare_numbers(a: &Quantity, b: &Quantity) -> Relation {
    use QuantityKind as K;
    if a.kind == K::Ordinal || b.kind == K::Ordinal {
        if a.kind != b.kind {
            return Relation::Unknown;
        }
        return if a.low == b.low && a.high == b.high {
            Relation::Same
        } else {
            Relation::Conflict
        };
    }
    let Some((fa, fb)) = common_factors(a, b) else {
        // Counts of differently named things ("2,000 infants" / "2,000 children"): the same
        // figure may be the same fact in other words; anything else cannot be told.
        if counted(a)
            && counted(b)
            && !bounds(a, 1.0).disjoint(&bounds(b, 1.0))
            && !open_and_far(a, b, 1.0, 1.0)
        {
            return Relation::Compatible;
        }
        return Relation::Unknown;
    };
    if a.low * fa == b.low * fb
        && a.high * fa == b.high * fb
        && a.qualifier == b.qualifier
        && a.vague == b.vague
    {
        return Relation::Same;
    }
    let (ba, bb) = (bounds(a, fa), bounds(b, fb));
    if ba.disjoint(&bb) {
        return Relation::Conflict;
    }
    let (ia, ib) = ((ba.lo, ba.hi), (bb.lo, bb.hi));
    let contains = |x: (f64, f64), y: (f64, f64)| x.0 <= y.0 && y.1 <= x.1;
    let coarse = |q: &Quantity, other: &Quantity| {
        q.vague && !other.vague
            || (q.qualifier == Qualifier::Exact
                && other.qualifier == Qualifier::Exact
                && !q.vague
                && !other.vague
                && q.low == q.high
                && other.low == other.high
                && rounding(q) > 0.0
                && rounding(other) < rounding(q))
    };
    if (coarse(a, b) && contains(ia, ib)) || (coarse(b, a) && contains(ib, ia)) {
        return Relation::LessPrecise;
    }
    if open_and_far(a, b, fa, fb) {
        return Relation::Unknown;
    }
    Relation::Compatible
}

/// An open bound holds of any figure on its side ("more than 40" of 1,200; "up to 200,000" of
/// 5,000), so it agrees only with a figure of about its own size: true when one of the two is
/// such a bound (and they are not the same kind of bound), neither is vague ("hours") and the
/// values lie more than a factor of two apart — another figure, of which nothing can be told.
fn open_and_far(a: &Quantity, b: &Quantity, fa: f64, fb: f64) -> bool {
    let open = |q: &Quantity| {
        !matches!(
            q.qualifier,
            Qualifier::Exact | Qualifier::About | Qualifier::Nearly
        )
    };
    let far = |x: f64, y: f64| {
        let (x, y) = (x.abs(), y.abs());
        x.min(y) > 0.0 && x.max(y) > 2.0 * x.min(y)
    };
    (open(a) || open(b))
        && !a.vague
        && !b.vague
        && a.qualifier != b.qualifier
        && far(a.low * fa, b.low * fb)
        && far(a.high * fa, b.high * fb)
}

/// Conversion factors to a common base for `a` and `b`, or None when they do not compare.
fn common_factors(a: &Quantity, b: &Quantity) -> Option<(f64, f64)> {
    use QuantityKind as K;
    let bare = |q: &Quantity| q.kind == K::Number && q.unit.is_none();
    let wildcard_ok = |k: K| matches!(k, K::Number | K::Measure | K::Money);
    if bare(a) || bare(b) {
        let other = if bare(a) { b } else { a };
        return wildcard_ok(other.kind).then_some((1.0, 1.0));
    }
    if a.kind != b.kind {
        return None;
    }
    match (a.unit.as_deref(), b.unit.as_deref()) {
        (Some(x), Some(y)) if x == y => Some((1.0, 1.0)),
        (Some(x), Some(y)) => match (unit_info(x), unit_info(y)) {
            (Some(ux), Some(uy)) => (ux.family == uy.family && ux.family != Family::Own)
                .then_some((ux.factor, uy.factor)),
            _ => None,
        },
        (None, None) => Some((1.0, 1.0)),
        _ => None,
    }
}

/// A count of things named by a noun that is not a unit of measure ("people", "signature").
fn counted(q: &Quantity) -> bool {
    q.kind == QuantityKind::Measure
        && q.unit
            .as_deref()
            .is_some_and(|u| unit_info(u).is_none() && u != "age" && u != "percentage point")
}

fn unit_info(name: &str) -> Option<UnitInfo> {
    lx::TIME_UNITS
        .iter()
        .chain(lx::MEASURE_UNITS)
        .map(|(_, u)| *u)
        .find(|u| u.name == name)
}

/// Half the place value a figure was rounded to (0 for figures that look exact).
fn rounding(q: &Quantity) -> f64 {
    let v = q.low.abs();
    if q.kind == QuantityKind::Percent {
        return if v.fract() == 0.0 && v >= 1.0 {
            0.5
        } else {
            0.0
        };
    }
    if v < 100.0 || v.fract() != 0.0 || v > 1e18 {
        return 0.0;
    }
    let mut place = 1.0;
    let mut zeros = 0;
    while zeros < 18 && (v / (place * 10.0)).fract() == 0.0 {
        place *= 10.0;
        zeros += 1;
    }
    if zeros < 2 {
        return 0.0;
    }
    (place / 2.0).min(v * 0.05)
}

/// The values a quantity allows: from `lo` to `hi`, each end open or closed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bounds {
    lo: f64,
    hi: f64,
    /// "more than 200" excludes 200 itself.
    lo_open: bool,
    /// A rounded figure's interval is half-open ("6%" is [5.5, 6.5)), as is "less than X".
    hi_open: bool,
}

impl Bounds {
    /// No value lies in both: "about 6%" [5.5, 6.5) and "5%" [4.5, 5.5) touch only at an open
    /// end, so they are disjoint.
    fn disjoint(&self, o: &Bounds) -> bool {
        let before =
            |x: &Bounds, y: &Bounds| x.hi < y.lo || (x.hi == y.lo && (x.hi_open || y.lo_open));
        before(self, o) || before(o, self)
    }
}

/// The values a quantity allows, in base units (multiplied by `f`): see [`compare_numbers`].
fn bounds(q: &Quantity, f: f64) -> Bounds {
    let (lo, hi) = (q.low * f, q.high * f);
    let span = |lo: f64, hi: f64, lo_open: bool, hi_open: bool| Bounds {
        lo,
        hi,
        lo_open,
        hi_open,
    };
    if q.vague {
        return span(lo, hi, false, false);
    }
    let single = q.low == q.high;
    // A whole number as written stands at least for its units ("two years" for anything that
    // rounds to two), so that "more than two years" does not exclude "a two-year inquiry".
    let unit = if single && q.low.fract() == 0.0 && q.low.abs() >= 1.0 {
        0.5
    } else {
        0.0
    };
    let r = if single {
        rounding(q).max(unit) * f
    } else {
        0.0
    };
    let g = if single { hedge_grain(q) * f } else { 0.0 };
    let floor = if lo < 0.0 { f64::NEG_INFINITY } else { 0.0 };
    match q.qualifier {
        Qualifier::Exact => span(lo - r, hi + r, false, r > 0.0),
        Qualifier::About => span(lo - g, hi + g, false, g > 0.0),
        Qualifier::Nearly => span(lo - g, hi, false, false),
        Qualifier::MoreThan => span(lo, f64::INFINITY, true, false),
        Qualifier::AtLeast => span(lo, f64::INFINITY, false, false),
        Qualifier::LessThan => span(floor, hi, false, true),
        Qualifier::AtMost | Qualifier::UpTo => span(floor, hi, false, false),
    }
}

/// Half the grain a hedged figure ("about 6%", "nearly 300") is written to: half the place of
/// its last non-zero digit ("3.6" → 0.05, "14,500" → 50, "6" → 0.5), at most 10% of the value
/// — a round figure such as "200" may be rounded to tens as well as to hundreds — but never
/// less than 0.5 for a whole number, whose own grain is one.
fn hedge_grain(q: &Quantity) -> f64 {
    let v = q.low.abs();
    if !v.is_finite() || v == 0.0 {
        return 0.0;
    }
    let mut place = 1.0f64;
    if v.fract() != 0.0 {
        // Decimals: the first power of ten at which the figure is whole (within float noise);
        // a figure that is none within six places came from a fraction ("two-thirds" as a
        // percentage) and keeps the 10% of a round figure.
        let whole_at = (1..=6).map(|k| 10f64.powi(-k)).find(|p| {
            let s = v / p;
            (s - s.round()).abs() < 1e-6
        });
        place = whole_at.unwrap_or(f64::INFINITY);
    } else {
        while place < 1e18 && (v / (place * 10.0)).fract() == 0.0 {
            place *= 10.0;
        }
    }
    let half = place / 2.0;
    let whole = v.fract() == 0.0 && v >= 1.0;
    half.min((0.1 * v).max(if whole { 0.5 } else { 0.0 }))
}

// ---------------------------------------------------------------------------------------
// The scanner.

struct P<'a> {
    t: Toks<'a>,
}

/// A figure as written, before its unit.
#[derive(Debug, Clone, Copy)]
struct Val {
    v: f64,
    /// Token index of the figure's first token (after any currency).
    start: usize,
    end: usize,
    currency: Option<&'static str>,
    /// A scale word or letter was applied ("million", "bn").
    scaled: Option<f64>,
    /// The figure is a fraction ("two-thirds", "a quarter").
    fraction: bool,
    /// Only an article or "one" ("a", "an", "one").
    article: bool,
}

/// A unit read after a figure.
struct Suffix {
    end: usize,
    kind: QuantityKind,
    unit: Option<String>,
    /// The value is a percentage of the figure ("two-thirds of" → 66.7%).
    times: f64,
}

/// Every lower-case word a mention can start with (qualifiers, number words, vague amounts,
/// ordinals, currency codes and "$" prefixes, plural time units).
fn starters() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set = rustc_hash::FxHashSet::default();
        set.extend(
            lx::QUALIFIERS
                .iter()
                .filter_map(|(w, _)| w.first().copied()),
        );
        set.extend(lx::CARDINALS.iter().map(|(w, _)| *w));
        set.extend(lx::ORDINALS.iter().map(|(w, _)| *w));
        set.extend(lx::VAGUE_AMOUNTS.iter().map(|(w, _)| *w));
        set.extend(lx::VAGUE_TIME.iter().map(|(w, _)| *w));
        set.extend(lx::CURRENCY_CODES.iter().map(|(w, _)| *w));
        set.extend(lx::DOLLAR_PREFIXES.iter().map(|(w, _)| *w));
        set.extend(["a", "an", "half", "between", "tens", "hundreds"]);
        set
    })
}

/// The value of a vulgar-fraction character ("½").
fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        _ => return None,
    })
}

fn singular(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    if let Some(stem) = w.strip_suffix("ies") {
        format!("{stem}y")
    } else if ["ches", "shes", "xes", "sses", "zes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        w[..w.len() - 2].to_string()
    } else if let Some(stem) = w.strip_suffix('s') {
        stem.to_string()
    } else {
        w
    }
}

impl P<'_> {
    fn low(&self, i: usize) -> super::lexicon::Lower {
        self.t.low(i)
    }

    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.t.is_word(i) && is_in(list, self.low(i).as_str())
    }

    /// Skips a dash glued on both sides ("three-day", "five-and-a-half").
    fn skip_dash(&self, j: usize) -> usize {
        if j > 0 && self.t.is_dash(j) && self.t.adj(j - 1) && self.t.adj(j) {
            j + 1
        } else {
            j
        }
    }

    /// True when a mention may start at token `i`: a cheap filter that keeps the scan fast
    /// on ordinary words.
    fn may_start(&self, i: usize) -> bool {
        match self.t.kind(i) {
            Some(Kind::Num) => true,
            Some(Kind::Punct) => {
                let s = self.t.s(i);
                s == "." || look(lx::CURRENCY_SYMBOLS, s).is_some()
            }
            Some(Kind::Word) => starters().contains(self.low(i).as_str()),
            None => false,
        }
    }

    fn parse_at(&self, i: usize) -> Option<(usize, Quantity)> {
        if !self.may_start(i) {
            return None;
        }
        let (qual, k) = self.qualifier(i);
        if qual.is_some() && k == i {
            return None;
        }
        if qual.is_some() && self.t.is(k, "between") {
            return None; // "hung over between three and 11 times": the range stands alone
        }
        let (end, mut q) = self.core(k, qual.is_some())?;
        if let Some(qual) = qual {
            q.qualifier = qual;
        }
        Some((end, q))
    }

    /// A qualifier phrase at `i`: (qualifier, index after it), or (None, i).
    fn qualifier(&self, i: usize) -> (Option<Qualifier>, usize) {
        if !self.t.is_word(i) {
            return (None, i);
        }
        let first = self.low(i);
        for (words, q) in lx::QUALIFIERS {
            if words.first() == Some(&first.as_str())
                && words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(n, w)| self.t.is_word(i + n) && self.low(i + n).as_str() == *w)
            {
                return (Some(*q), i + words.len());
            }
        }
        (None, i)
    }

    fn core(&self, k: usize, qualified: bool) -> Option<(usize, Quantity)> {
        let t = &self.t;
        // "between 10 and 12 hours"
        if t.is(k, "between") {
            let a = self.value(k + 1, qualified)?;
            if !t.is(a.end, "and") {
                return None;
            }
            let b = self.value(a.end + 1, qualified)?;
            // "between 150 and 100": a range given high end first is still a range.
            return self.finish_range(a, Some(b), qualified, true);
        }
        if let Some(h) = self.vague(k) {
            return Some(h);
        }
        if let Some(h) = self.ordinal(k) {
            return Some(h);
        }
        let a = self.value(k, qualified)?;
        // A range: "10-12", "10 to 12 hours" (not "from 10 to 12": a change).
        let mut b = None;
        let glued_dash = t.is_dash(a.end) && t.adj(a.end - 1) && t.adj(a.end);
        let to = t.is(a.end, "to") && !(k > 0 && t.is(k - 1, "from"));
        if glued_dash || to || (t.is_dash(a.end) && t.is_num(a.end + 1)) {
            if let Some(v) = self.value_in(a.end + 1, qualified, true) {
                if !v.article && (!glued_dash || t.is_num(a.end + 1)) {
                    b = Some(v);
                }
            }
        }
        if glued_dash && t.is_num(a.end + 1) && b.is_some() {
            // "10-12" or a score "3-1": the range or nothing.
            return self.finish(a, b, qualified);
        }
        self.finish(a, b, qualified)
            .or_else(|| self.finish(a, None, qualified))
    }

    /// Builds the quantity from one or two figures and the unit after them.
    fn finish(&self, a: Val, b: Option<Val>, qualified: bool) -> Option<(usize, Quantity)> {
        self.finish_range(a, b, qualified, false)
    }

    /// [`Self::finish`]; `either_way` takes two figures in falling order as a range too (after
    /// "between", where they cannot be a score or a change).
    fn finish_range(
        &self,
        a: Val,
        b: Option<Val>,
        qualified: bool,
        either_way: bool,
    ) -> Option<(usize, Quantity)> {
        let (mut lo, mut hi, last) = match b {
            Some(b) => {
                let mut lo = a.v;
                if a.scaled.is_none() {
                    if let Some(s) = b.scaled {
                        lo *= s; // "1.2-1.5 million"
                    }
                }
                if either_way && b.v < lo {
                    (b.v, lo, b)
                } else if b.v <= lo {
                    return None; // a score ("3-1") or a change, not a range
                } else {
                    (lo, b.v, b)
                }
            }
            None => (a.v, a.v, a),
        };
        let currency = a.currency.or(last.currency);
        let suffix = self.suffix(last.end, last.scaled.is_some() || a.scaled.is_some());
        let (end, kind, unit) = match (&currency, suffix) {
            (Some(c), s) => {
                // "$3bn", "£2 million": a currency word after is part of it.
                let end = match s {
                    Some(ref s) if s.kind == QuantityKind::Money => s.end,
                    _ => last.end,
                };
                (end, QuantityKind::Money, Some(c.to_string()))
            }
            (None, Some(s)) => {
                lo *= s.times;
                hi *= s.times;
                (s.end, s.kind, s.unit)
            }
            (None, None) if a.fraction && b.is_none() => {
                // "two-thirds (of)", "half of": a share.
                lo *= 100.0;
                hi *= 100.0;
                (last.end, QuantityKind::Percent, Some("%".to_string()))
            }
            (None, None) => (last.end, QuantityKind::Number, None),
        };
        // "aged 21": an age.
        let (kind, unit) = if kind == QuantityKind::Number
            && b.is_none()
            && self.start_of(a) > 0
            && self.t.is(self.start_of(a) - 1, "aged")
        {
            (QuantityKind::Measure, Some("age".to_string()))
        } else {
            (kind, unit)
        };
        // Articles stand alone as no claim: "one of the", "a day" (unless qualified).
        if a.article && b.is_none() {
            let timed = kind == QuantityKind::Duration;
            let is_one = self.t.is(last.end.saturating_sub(1), "one")
                || self.low(end.saturating_sub(1)).as_str() == "one";
            let ok = match kind {
                QuantityKind::Number => false,
                _ if a.scaled.is_some() => true,
                _ if timed && qualified => true,
                _ => is_one || a.fraction,
            };
            if !ok {
                return None;
            }
        }
        Some((
            end,
            Quantity {
                kind,
                low: lo,
                high: hi,
                unit,
                qualifier: Qualifier::Exact,
                vague: false,
            },
        ))
    }

    /// True when the digit token `i` is an identifier or part of one ("G7", "COVID-19",
    /// "Article 370", "5G", "No. 1").
    fn start_of(&self, v: Val) -> usize {
        v.start
    }

    fn identifier(&self, i: usize) -> bool {
        let t = &self.t;
        if i > 0 && t.adj(i - 1) {
            let p = i - 1;
            match t.kind(p) {
                Some(Kind::Word) => {
                    return look(lx::CURRENCY_CODES, self.low(p).as_str()).is_none()
                }
                Some(Kind::Num) => return true,
                _ => {
                    let s = t.s(p);
                    if matches!(s, "#" | "№") {
                        return true;
                    }
                    if (t.is_dash(p) || matches!(s, "/" | "." | ":" | ","))
                        && p > 0
                        && t.adj(p - 1)
                        && matches!(t.kind(p - 1), Some(Kind::Word) | Some(Kind::Num))
                    {
                        return true;
                    }
                }
            }
        }
        // "9/11", "3/4": a fraction or a date-like code, not a quantity.
        if t.adj(i) && t.is_p(i + 1, '/') && t.adj(i + 1) && t.is_num(i + 2) {
            return true;
        }
        // "Expo 2016", "World Cup 2018", "Windows 2000": a year-like figure after a
        // capitalised word is part of a name (when no comma or unit makes it a count).
        if t.digits(i) == 4
            && i > 0
            && t.is_cap(i - 1)
            && !t.starts_sentence(i - 1)
            && t.int(i).is_some_and(|y| (1800..=2100).contains(&y))
            && !t.adj(i)
        {
            return true;
        }
        let mut p = i;
        if p > 0 && t.is_p(p - 1, '.') {
            p -= 1;
        }
        if p > 0 && t.is_cap(p - 1) && self.word_in(p - 1, lx::IDENT_NOUNS) {
            return true;
        }
        false
    }

    /// A figure at `k`: digits (with separators, decimals, scale), number words, an article
    /// before a scale, a currency before it.
    fn value(&self, k: usize, qualified: bool) -> Option<Val> {
        self.value_in(k, qualified, false)
    }

    /// [`Self::value`]; `second` for the second figure of a range ("10-12"), which a dash
    /// glues to the first.
    fn value_in(&self, k: usize, qualified: bool, second: bool) -> Option<Val> {
        let t = &self.t;
        let (currency, k) = self.currency_prefix(k);
        // ".85 cent": a decimal without its leading zero.
        if t.is_p(k, '.')
            && t.adj(k)
            && t.is_num(k + 1)
            && !(k > 0 && t.adj(k - 1) && t.kind(k - 1) != Some(Kind::Punct))
            && !(t.adj(k + 1) && t.is_p(k + 2, '.'))
        {
            let v: f64 = format!("0.{}", t.s(k + 1)).parse().ok()?;
            return Some(Val {
                start: k,
                v,
                end: k + 2,
                currency,
                scaled: None,
                fraction: false,
                article: false,
            });
        }
        if t.is_num(k) {
            if currency.is_none() && !second && self.identifier(k) {
                return None;
            }
            let mut s = String::from(t.s(k));
            let mut j = k + 1;
            while t.adj(j - 1) && t.is_p(j, ',') && t.adj(j) && t.digits(j + 1) == 3 {
                s.push_str(t.s(j + 1));
                j += 2;
            }
            if t.adj(j - 1) && t.is_p(j, '.') && t.adj(j) && t.is_num(j + 1) {
                s.push('.');
                s.push_str(t.s(j + 1));
                j += 2;
                // "1.2.3": a version number.
                if t.adj(j - 1) && t.is_p(j, '.') && t.adj(j) && t.is_num(j + 1) {
                    return None;
                }
            }
            if s.len() > 40 {
                return None;
            }
            let mut v: f64 = s.parse().ok()?;
            // "2 ½", "2½"
            if let Some(f) = vulgar(t.s(j)) {
                if !s.contains('.') {
                    v += f;
                    j += 1;
                }
            }
            let mut scaled = None;
            // Glued letters: a scale ("3bn", "$3m"), a unit ("5km"), or an identifier ("5G").
            if t.adj(j - 1) && t.is_word(j) {
                let w = self.low(j);
                let scale = look(lx::SCALES, w.as_str())
                    .or_else(|| currency.and_then(|_| look(lx::MONEY_SCALES, w.as_str())));
                if let Some(m) = scale {
                    v *= m;
                    scaled = Some(m);
                    j += 1;
                } else if !self.glued_unit_ok(j) {
                    return None;
                }
            } else if let Some(m) = look(lx::SCALES, self.low(j).as_str()) {
                v *= m;
                scaled = Some(m);
                j += 1;
            } else if let Some(m) = look(lx::SCALES, self.low(self.skip_dash(j)).as_str())
                .filter(|_| self.skip_dash(j) != j)
            {
                // "$6.8-billion"
                v *= m;
                scaled = Some(m);
                j += 2;
            }
            return Some(Val {
                start: k,
                v,
                end: j,
                currency,
                scaled,
                fraction: false,
                article: false,
            });
        }
        let mut val = self.words(k, qualified)?;
        val.currency = currency;
        Some(val)
    }

    /// True when the letters glued to a figure at `j` are a unit or suffix we read.
    fn glued_unit_ok(&self, j: usize) -> bool {
        let w = self.low(j);
        let w = w.as_str();
        if matches!(self.t.s(j), "C" | "F") {
            return true; // "45C": a temperature
        }
        if w.len() == 1 && self.t.s(j) != w {
            return false; // "5G", "3D": not units
        }
        look(lx::TIME_UNITS, w).is_some()
            || look(lx::MEASURE_UNITS, w).is_some()
            || is_in(&["am", "pm", "st", "nd", "rd", "th", "s", "pc", "pct"], w)
    }

    /// A currency before a figure: "$", "US$", "£", "USD", "Rs.".
    fn currency_prefix(&self, k: usize) -> (Option<&'static str>, usize) {
        let t = &self.t;
        let s = t.s(k);
        if t.kind(k) == Some(Kind::Punct) {
            if let Some(c) = look(lx::CURRENCY_SYMBOLS, s) {
                if t.adj(k) || t.is_num(k + 1) {
                    return (Some(c), k + 1);
                }
            }
            return (None, k);
        }
        if t.is_word(k) {
            let w = self.low(k);
            if t.adj(k) && t.is_p(k + 1, '$') {
                if let Some(c) = look(lx::DOLLAR_PREFIXES, w.as_str()) {
                    return (Some(c), k + 2);
                }
            }
            if let Some(c) = look(lx::CURRENCY_CODES, w.as_str()) {
                let upper = t.is_upper(k) || w.as_str() == "rs";
                let mut j = k + 1;
                if w.as_str() == "rs" && t.is_p(j, '.') {
                    j += 1;
                }
                if upper && t.is_num(j) {
                    return (Some(c), j);
                }
            }
        }
        (None, k)
    }

    /// Number words: "five and a half", "twenty-five", "one hundred and twenty", "a dozen",
    /// "two-thirds", "half a million", "a million".
    fn words(&self, k: usize, qualified: bool) -> Option<Val> {
        let t = &self.t;
        let first = self.low(k);
        let first = first.as_str();
        let article = matches!(first, "a" | "an");
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut any = false;
        let mut scaled = None;
        let mut j = k;
        if article {
            if look(lx::CARDINALS, self.low(k + 1).as_str()).is_some() {
                return None; // "a three-day trip": the article is not part of the figure
            }
            j += 1;
        } else if first == "half" {
            // "half a million", "half an hour", "half of"
            if t.is(k + 1, "of") {
                return Some(Val {
                    start: k,
                    v: 0.5,
                    end: k + 1,
                    currency: None,
                    scaled: None,
                    fraction: true,
                    article: false,
                });
            }
            if self.word_in(k + 1, &["a", "an"]) {
                let inner = self.words(k + 1, true)?;
                return Some(Val {
                    v: inner.v * 0.5,
                    article: false,
                    ..inner
                });
            }
            return None;
        }
        loop {
            let w = self.low(j);
            let w = w.as_str();
            if let Some(v) = look(lx::CARDINALS, w) {
                if any && cur % 100.0 != 0.0 && v >= 10.0 {
                    break; // "five six": two numbers
                }
                cur += v;
                any = true;
                j += 1;
            } else if w == "hundred" && (any || article) {
                cur = cur.max(1.0) * 100.0;
                any = true;
                j += 1;
            } else if w == "dozen" && (any || article) {
                cur = cur.max(1.0) * 12.0;
                any = true;
                j += 1;
            } else if let Some(s) = look(lx::SCALES, w).filter(|_| any || article) {
                if w == "hundred" {
                    break;
                }
                total += cur.max(1.0) * s;
                cur = 0.0;
                scaled = Some(s);
                any = true;
                j += 1;
            } else if w == "and"
                && any
                && look(lx::CARDINALS, self.low(j + 1).as_str()).is_some()
                && cur >= 100.0
            {
                j += 1;
            } else {
                break;
            }
            let n = self.skip_dash(j);
            if n != j
                && (look(lx::CARDINALS, self.low(n).as_str()).is_some()
                    || self.word_in(n, &["and"]))
            {
                j = n;
            }
        }
        let mut v = total + cur;
        // "five and a half", "five-and-a-half"
        let a1 = self.skip_dash(j);
        let a2 = self.skip_dash(a1 + 1);
        let a3 = self.skip_dash(a2 + 1);
        if any && t.is(a1, "and") && self.word_in(a2, &["a", "an"]) && t.is(a3, "half") {
            v += if scaled.is_some() && cur == 0.0 {
                scaled.unwrap_or(1.0) * 0.5
            } else {
                0.5
            };
            j = a3 + 1;
            if let Some(s) = look(lx::SCALES, self.low(j).as_str()).filter(|_| scaled.is_none()) {
                v *= s;
                scaled = Some(s);
                j += 1;
            }
        }
        // Fractions: "two-thirds", "a third", "one quarter".
        let f = self.skip_dash(j);
        if let Some(frac) = look(lx::FRACTIONS, self.low(f).as_str()) {
            let n = if any { v } else { 1.0 };
            if (any || article) && scaled.is_none() && n < 20.0 {
                let plural = self.low(f).as_str().ends_with('s');
                if plural == (n > 1.0) {
                    return Some(Val {
                        start: k,
                        v: n * frac,
                        end: f + 1,
                        currency: None,
                        scaled: None,
                        fraction: true,
                        article: false,
                    });
                }
            }
        }
        if !any {
            if article && qualified {
                // "less than a year": the article as one, kept only before a time unit.
                return Some(Val {
                    start: k,
                    v: 1.0,
                    end: j,
                    currency: None,
                    scaled: None,
                    fraction: false,
                    article: true,
                });
            }
            return None;
        }
        // "two-way", "one-sided", "five-star": a compound adjective, not a figure.
        let d = self.skip_dash(j);
        if d != j && scaled.is_none() {
            let w = self.low(d);
            let w = w.as_str();
            let unit = look(lx::TIME_UNITS, w).is_some()
                || look(lx::MEASURE_UNITS, w).is_some()
                || look(lx::FRACTIONS, w).is_some()
                || matches!(w, "and" | "year");
            if !unit {
                return None;
            }
        }
        let only_one = !article && first == "one" && j == k + 1;
        Some(Val {
            start: k,
            v,
            end: j,
            currency: None,
            scaled,
            fraction: false,
            article: only_one,
        })
    }

    /// The unit after a figure at `e`: percent, currency, time unit, measure, counted noun,
    /// or an adjectival "-day".
    fn suffix(&self, e: usize, scaled: bool) -> Option<Suffix> {
        let t = &self.t;
        let mk = |end, kind, unit: Option<&str>| {
            Some(Suffix {
                end,
                kind,
                unit: unit.map(str::to_string),
                times: 1.0,
            })
        };
        if t.is_p(e, '%') {
            return mk(e + 1, QuantityKind::Percent, Some("%"));
        }
        // Temperatures: "45C", "45°C", "110°F".
        let deg = usize::from(t.is_p(e, '°') && t.adj(e));
        if (deg == 1 || (e > 0 && t.adj(e - 1))) && matches!(t.s(e + deg), "C" | "F") {
            let unit = if t.s(e + deg) == "C" { "°C" } else { "°F" };
            return mk(e + deg + 1, QuantityKind::Measure, Some(unit));
        }
        let w = self.low(e);
        let w = w.as_str();
        if matches!(w, "percent" | "pct" | "pc") || (w == "per" && t.is(e + 1, "cent")) {
            let end = if w == "per" { e + 2 } else { e + 1 };
            return mk(end, QuantityKind::Percent, Some("%"));
        }
        if w == "percentage" && self.word_in(e + 1, &["point", "points"]) {
            return mk(e + 2, QuantityKind::Measure, Some("percentage point"));
        }
        if w == "of" {
            return None;
        }
        // Adjectival: "three-day", "48-hour", "10-year-old".
        let d = self.skip_dash(e);
        if d != e {
            let u = self.low(d);
            if u.as_str() == "year" && t.is_dash(d + 1) && t.is(d + 2, "old") {
                return mk(d + 3, QuantityKind::Measure, Some("age"));
            }
            if let Some(info) = look(lx::TIME_UNITS, u.as_str()) {
                return mk(d + 1, QuantityKind::Duration, Some(info.name));
            }
            if let Some(info) = look(lx::MEASURE_UNITS, u.as_str()) {
                return mk(d + 1, QuantityKind::Measure, Some(info.name));
            }
            // "a 1,200-page report", "a 12-member panel": the noun counted.
            let word = t.s(d);
            if t.is_word(d) && !t.is_cap(d) && u.as_str().len() >= 3 && word.is_ascii() {
                return mk(d + 1, QuantityKind::Measure, Some(u.as_str()));
            }
            return None;
        }
        if let Some(info) = look(lx::TIME_UNITS, w) {
            if w == "years" && t.is(e + 1, "old") {
                return mk(e + 2, QuantityKind::Measure, Some("age"));
            }
            if w == "year" && t.is_dash(e + 1) && t.is(e + 2, "old") {
                return mk(e + 3, QuantityKind::Measure, Some("age")); // "35 year-old"
            }
            return mk(e + 1, QuantityKind::Duration, Some(info.name));
        }
        // Currency after: "5 million dollars", "40 euros", "3bn yuan", "10 US dollars".
        if let Some(c) = look(lx::DOLLAR_ADJECTIVES, w) {
            if self.word_in(e + 1, &["dollar", "dollars"]) {
                return mk(e + 2, QuantityKind::Money, Some(c));
            }
        }
        if matches!(w, "pound" | "pounds") && (scaled || t.is(e + 1, "sterling")) {
            let end = if t.is(e + 1, "sterling") {
                e + 2
            } else {
                e + 1
            };
            return mk(end, QuantityKind::Money, Some("GBP"));
        }
        if let Some(c) = look(lx::CURRENCY_WORDS, w) {
            return mk(e + 1, QuantityKind::Money, Some(c));
        }
        if matches!(w, "cent" | "cents") {
            // "99 cents": hundredths of a dollar (read as US; euro cents cannot be told).
            return Some(Suffix {
                end: e + 1,
                kind: QuantityKind::Money,
                unit: Some("USD".to_string()),
                times: 0.01,
            });
        }
        if t.is_upper(e) {
            if let Some(c) = look(lx::CURRENCY_CODES, w) {
                return mk(e + 1, QuantityKind::Money, Some(c));
            }
        }
        if let Some(info) = look(lx::MEASURE_UNITS, w) {
            // One-letter units only glued ("100m"), else "5 m" could be anything.
            if w.len() > 1 || (e > 0 && t.adj(e - 1)) {
                return mk(e + 1, QuantityKind::Measure, Some(info.name));
            }
        }
        if let Some(u) = look(lx::COUNT_NOUNS, w) {
            return mk(e + 1, QuantityKind::Measure, Some(u));
        }
        // Any other lower-case plural noun: "3,000 signatures" → "signature".
        if t.is_word(e)
            && !t.is_cap(e)
            && w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !is_in(lx::NOT_PLURALS, w)
        {
            return Some(Suffix {
                end: e + 1,
                kind: QuantityKind::Measure,
                unit: Some(singular(w)),
                times: 1.0,
            });
        }
        None
    }

    /// Vague amounts: "hundreds of", "tens of thousands", "several days", "a few weeks", "for
    /// hours", "hours-long".
    fn vague(&self, k: usize) -> Option<(usize, Quantity)> {
        let t = &self.t;
        let w = self.low(k);
        let w = w.as_str();
        let q = |end, lo: f64, hi: f64, kind, unit: Option<String>| {
            Some((
                end,
                Quantity {
                    kind,
                    low: lo,
                    high: hi,
                    unit,
                    qualifier: Qualifier::Exact,
                    vague: true,
                },
            ))
        };
        let after = |end: usize, lo: f64, hi: f64, need_unit: bool| {
            let s = if t.is(end, "of") {
                self.suffix(end + 1, false)
                    .filter(|s| s.kind != QuantityKind::Percent)
            } else {
                self.suffix(end, false)
                    .filter(|s| s.kind != QuantityKind::Percent)
            };
            match s {
                Some(s) => q(s.end, lo * s.times, hi * s.times, s.kind, s.unit),
                None if need_unit => None,
                None => q(end, lo, hi, QuantityKind::Number, None),
            }
        };
        // "tens of thousands", "hundreds of millions"
        if matches!(w, "tens" | "hundreds") && t.is(k + 1, "of") {
            let m = match self.low(k + 2).as_str() {
                "thousands" => Some(1e3),
                "millions" => Some(1e6),
                "billions" => Some(1e9),
                _ => None,
            };
            if let Some(m) = m {
                let (lo, hi) = if w == "tens" {
                    (20.0, 99.0)
                } else {
                    (200.0, 999.0)
                };
                return after(k + 3, lo * m, hi * m + (m - 1.0), false);
            }
        }
        if w == "a" && t.is(k + 1, "few") {
            return after(k + 2, 2.0, 5.0, true);
        }
        if w == "a" && t.is(k + 1, "couple") && t.is(k + 2, "of") {
            return after(k + 3, 2.0, 2.0, true).map(|(e, mut q)| {
                q.vague = false;
                q.qualifier = Qualifier::About;
                (e, q)
            });
        }
        if w == "a" && t.is(k + 1, "handful") && t.is(k + 2, "of") {
            return after(k + 3, 2.0, 6.0, true);
        }
        if let Some((lo, hi)) = look(lx::VAGUE_AMOUNTS, w) {
            let need = matches!(w, "several" | "numerous") || (w == "scores" && !t.is(k + 1, "of"));
            return after(k + 1, lo, hi, need);
        }
        if let Some((lo, hi)) = look(lx::VAGUE_TIME, w) {
            let cue = k > 0 && self.word_in(k - 1, lx::VAGUE_TIME_CUES);
            let of = t.is(k + 1, "of") && !t.is(k + 2, "the");
            let on_end = t.is(k + 1, "on") && t.is(k + 2, "end");
            let long = t.is_dash(k + 1) && t.adj(k) && t.is(k + 2, "long");
            if cue || of || on_end || long {
                let info = look(lx::TIME_UNITS, w)?;
                let end = if long { k + 3 } else { k + 1 };
                return q(
                    end,
                    lo,
                    hi,
                    QuantityKind::Duration,
                    Some(info.name.to_string()),
                );
            }
        }
        None
    }

    /// Ordinals: "second", "3rd", "21st"; "first" only in "first time".
    fn ordinal(&self, k: usize) -> Option<(usize, Quantity)> {
        let t = &self.t;
        let v = if t.is_num(k) {
            if !(t.adj(k) && self.word_in(k + 1, lx::ORDINAL_SUFFIXES)) || self.identifier(k) {
                return None;
            }
            if t.adj(k + 1) && t.is_word(k + 2) {
                return None;
            }
            (t.int(k)? as f64, k + 2)
        } else {
            let w = self.low(k);
            let v = look(lx::ORDINALS, w.as_str())?;
            if w.as_str() == "first"
                && !(t.is(k + 1, "time") || (t.is_dash(k + 1) && t.is(k + 2, "ever")))
            {
                return None;
            }
            // Fractions read elsewhere: "a third of", "two-thirds".
            if k > 0 && self.word_in(k - 1, &["a", "one"]) && t.is(k + 1, "of") {
                return None;
            }
            (v, k + 1)
        };
        Some((
            v.1,
            Quantity {
                kind: QuantityKind::Ordinal,
                low: v.0,
                high: v.0,
                unit: None,
                qualifier: Qualifier::Exact,
                vague: false,
            },
        ))
    }
}

#[cfg(test)]
mod tests;
