//! claims::dates: date and time expressions → normalised, comparable values.
//!
//! Input: a text (one sentence, or any string) and an optional anchor (the publication date).
//! Output: [`DateMention`]s with byte spans into that text. Covers absolute dates ("April 26,
//! 2024", "26/4/2024", "2024-04-26"), partial ones ("November", "late 2018", "early next
//! year", "the 1990s") and relative ones ("Friday", "last November", "two weeks ago",
//! "yesterday", "earlier this month").
//!
//! INTERFACE STUB: finds nothing yet.

use super::CalendarDate;

/// How exactly a date expression pins a time down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Day,
    Week,
    Month,
    /// Part of a year: a season, a quarter, "early/mid/late 2018".
    PartOfYear,
    Year,
    Decade,
    /// Vaguer than a decade ("recently", "in the past").
    Vague,
}

/// What a date expression says, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// A canonical label, equal for expressions that say the same thing in other words
    /// ("Nov. 2023" and "November 2023" both `2023-11`; "Friday" `weekday:fri`).
    pub label: String,
    /// The days the expression covers (first, last; both inclusive), when known: always for
    /// absolute dates, for relative ones only with an anchor.
    pub interval: Option<(CalendarDate, CalendarDate)>,
    pub granularity: Granularity,
    /// True when the expression is relative to the publication date ("Friday", "last
    /// November", "two weeks ago").
    pub relative: bool,
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets into the text passed to [`find_dates`].
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
}

/// How two values relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// They say the same thing.
    Same,
    /// Both can be true, one more precise than the other ("November 2023" / "2023").
    LessPrecise,
    /// Both can be true, but they are not the same (overlapping, unresolved).
    Compatible,
    /// Both cannot be true (disjoint intervals).
    Conflict,
    /// Cannot tell (one side unresolved and the labels differ).
    Unknown,
}

/// Finds the date expressions in `text`, resolving relative ones against `anchor`.
pub fn find_dates(_text: &str, _anchor: Option<CalendarDate>) -> Vec<DateMention> {
    Vec::new()
}

/// How date `a` relates to date `b`.
pub fn compare_dates(a: &DateExpr, b: &DateExpr) -> Relation {
    if a.label == b.label {
        Relation::Same
    } else {
        Relation::Unknown
    }
}
