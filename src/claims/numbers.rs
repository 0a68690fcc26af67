//! claims::numbers: numbers, money, percentages and durations → normalised, comparable values.
//!
//! Input: a text. Output: [`NumberMention`]s with byte spans into that text. Covers digits with
//! separators and decimals, number words ("three-day", "five and a half hours", "a dozen",
//! "hundreds of"), ranges, ordinals ("second time"), percentages, money with currency, units
//! and durations, and qualifiers ("more than", "about", "nearly", "at least") kept with the
//! value.
//!
//! INTERFACE STUB: finds nothing yet.

pub use super::dates::Relation;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityKind {
    /// A plain count or figure.
    Number,
    /// An ordinal ("second", "3rd").
    Ordinal,
    Percent,
    Money,
    /// A length of time ("three-day", "five and a half hours").
    Duration,
    /// A measure with a unit (km, tonnes, people…).
    Measure,
}

/// How a value is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    About,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Nearly,
    UpTo,
}

/// A normalised quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub kind: QuantityKind,
    /// The value, or the low end of a range.
    pub low: f64,
    /// The high end of a range (equal to `low` for a single value).
    pub high: f64,
    /// Normalised unit: `"%"`, a currency code (`"USD"`, `"GBP"`), a time unit (`"hour"`,
    /// `"day"`), or another unit word in singular; `None` for a bare number.
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    /// True for vague amounts ("hundreds of", "hours", "several"): a lower precision.
    pub vague: bool,
}

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte offsets into the text passed to [`find_numbers`].
    pub start: usize,
    pub end: usize,
    pub value: Quantity,
}

/// Finds the quantities in `text`.
pub fn find_numbers(_text: &str) -> Vec<NumberMention> {
    Vec::new()
}

/// How quantity `a` relates to quantity `b`.
pub fn compare_numbers(a: &Quantity, b: &Quantity) -> Relation {
    if a == b {
        Relation::Same
    } else {
        Relation::Unknown
    }
}
