//! claims::dates: date and time expressions → normalised, comparable values.
//!
//! Input: a text (one sentence, or any string) and an optional anchor (the publication date,
//! exact or known only within a range). Output: [`DateMention`]s with byte spans into that
//! text, in text order, never overlapping. Covers absolute dates ("April 26, 2024", "26 April
//! 2024", "Apr. 26", "26/4/2024", "2024-04-26", "April 2024", "2024"), partial ones
//! ("November", "late 2018", "early next year", "mid-2020", "the 1990s", "spring 2019", "the
//! first quarter"), relative ones ("Friday", "last November", "next week", "two weeks ago",
//! "yesterday", "earlier this month", "this year") and times of day ("3 p.m.", "noon").
//! Invariants: one left-to-right pass with bounded look-around (linear time); no panics on any
//! input; spans lie on char boundaries.
//!
//! ```
//! use storydiff::claims::dates::{anchor_floor, compare_dates, find_dates_anchored, infer_anchor, Relation};
//!
//! let a = "Biden met Xi at their summit last November, before the 2024 elections.";
//! let b = "The Biden-Xi summit in late 2018 came before the 2024 elections.";
//! // Neither text states a date of its own: the years they mention only bound it from below.
//! assert_eq!(infer_anchor(a), None);
//! let (floor, _) = anchor_floor(a).unwrap();
//! assert_eq!(floor.to_string(), "2022-01-01");
//! let da = find_dates_anchored(a, None);
//! let db = find_dates_anchored(b, None);
//! let last_nov = da[0].expr.clone().with_floor(Some(floor));
//! assert_eq!(last_nov.label, "month:nov:last");
//! assert_eq!(db[0].expr.label, "2018-late");
//! assert_eq!(compare_dates(&last_nov, &db[0].expr), Relation::Conflict);
//! ```
//!
//! # Anchor policy
//!
//! A text's relative dates resolve against its publication date: `--date` (or `--date-a` /
//! `--date-b`, or a saved page's own date), else a date the text states as its own
//! ([`infer_anchor`]: a full date in the dateline or lead, or a weekday with a month and day
//! there that the calendar fixes to one year), never the latest year it mentions — a story
//! that recalls a final from decades ago is not dated by it, and one version's wrong year does
//! not date the other. With no date, relative expressions are compared with each other under
//! one unknown anchor ([`compare_dates`]: "last November" and "November" agree, "Tuesday" and
//! "Wednesday" conflict), and against an absolute date over every anchor the text's own years
//! allow: [`anchor_floor`] bounds the unknown anchor from below (two years before the latest
//! year mentioned), so "last November" in a text about the 2024 elections cannot be "late
//! 2018". The claim engine says in a note which date each side was resolved against, or that
//! none was known.
//!
//! # Resolution policy
//!
//! Relative expressions resolve against each day the [`Anchor`] allows; the reported interval
//! is the hull over those days ("widened"), and [`compare_dates`] compares day by day when both
//! sides share the anchor. Per expression:
//!
//! - a bare month ("in November", "their November meeting") is the most recent such month
//!   that began on or before the anchor — news writes "in November" for the last one, as
//!   "last November" — unless a future cue comes shortly before ("will", "scheduled",
//!   "upcoming", …: [`crate::claims::lexicon::dates::FUTURE_CUES`]), then it is the first such
//!   month not yet over;
//! - "last November" is the most recent November before the anchor's month; "next November"
//!   the first after it; "this November" the one of the anchor's year;
//! - a bare weekday ("Friday", "on Friday") is the most recent such day up to and including
//!   the anchor (with a future cue: the first such day from the anchor on); "last Friday" is
//!   strictly before, "next Friday" strictly after, "this Friday" in the anchor's Monday–Sunday
//!   week;
//! - a month and day without a year ("April 26") is the occurrence nearest the anchor;
//! - "early", "mid" and "late" split a year into thirds by months (January–April, May–August,
//!   September–December), a month into days 1–10, 11–20 and 21–end, a decade into years 0–3,
//!   4–6, 7–9, a week into Monday–Tuesday, Wednesday–Thursday, Friday–Sunday; "the
//!   beginning/start of", "the middle of" and "the end of" mean early, mid and late;
//!   "earlier this month" runs from the month's first day to the anchor, "later this year" from
//!   the anchor to the year's end;
//! - "N days ago" is that day; "N weeks ago" that day ± 3 days; "N months ago" ± 15 days;
//!   "N years ago" ± 182 days;
//! - seasons are northern meteorological (spring = March–May …); "winter 2019" covers
//!   January 2019 to February 2020, since it may mean either winter that touches 2019;
//! - ambiguous numeric dates ("5/4/2024") cover both readings (label "2024-04-05|2024-05-04").
//!
//! A bare 4-digit number is a year only in a date-like position: a year is 1800–2100 and
//! needs a cue before it ("in 2018", "since", "of", "by", "year", "fiscal", "(2018)"), a
//! following event noun within three words ("the 2024 US presidential elections"), a
//! possessive ("2024's"), or to continue a date range ("between 2018 and 2020"). "2,018
//! people" and "2018 people" are numbers.
//!
//! No date crate: the vocabulary of English news dates is small, and the day, weekday and
//! month arithmetic is a few functions (`calendar.rs`, Hinnant's algorithms); chrono would add
//! time zones and formatting that are not used. Figures (anchors inferred on GUM news, MSRP
//! agreement, speed): BENCHMARKS.md, "Dates and numbers". Not compared as dates: day ranges
//! ("April 26-28" against "April 26-30" raises nothing), word decades ("the nineties"); "in two
//! weeks" and "the 19th century" are left to the number extractor.

use super::CalendarDate;
use crate::claims::lexicon::{self, dates as lx, is_in, look};

pub(crate) mod calendar;
pub(crate) mod scan;

use calendar::{
    add_days, add_months, checked, days, from_days, month_span, months_span, weekday, year_span,
    ymd,
};
use scan::{Kind, Toks};

/// How exactly a date expression pins a time down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    /// A time of day ("3 p.m.", "noon"): no day attached.
    TimeOfDay,
    /// One day ("3 May 2024", "Friday").
    Day,
    /// A week, a weekend, or a third of a month ("early November").
    Week,
    /// One month ("November 2023").
    Month,
    /// Part of a year: a season, a quarter, "early/mid/late 2018".
    PartOfYear,
    /// One year ("2018").
    Year,
    /// Ten years.
    Decade,
    /// Vaguer than a decade ("recently", "in the past").
    Vague,
}

/// The publication date a text's relative dates resolve against: one day (`earliest ==
/// latest`) or a range of days when only known roughly (a year inferred from the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Anchor {
    /// The first day the publication date may be.
    pub earliest: CalendarDate,
    /// The last day the publication date may be (`earliest` when exact).
    pub latest: CalendarDate,
}

impl Anchor {
    /// An exact publication date.
    pub fn exact(day: CalendarDate) -> Self {
        Anchor {
            earliest: day,
            latest: day,
        }
    }

    /// Some day in `year`.
    pub fn year(year: i32) -> Self {
        let (earliest, latest) = year_span(year.clamp(1, 9999));
        Anchor { earliest, latest }
    }

    /// True when the anchor is one day.
    pub fn is_exact(&self) -> bool {
        self.earliest == self.latest
    }

    /// Number of days the anchor allows.
    pub fn len_days(&self) -> i64 {
        (days(self.latest) - days(self.earliest)).max(0) + 1
    }
}

/// How a relative expression picks its occurrence (see the module docs for the policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Bare: the most recent occurrence up to the anchor ("Friday", "in November").
    Recent,
    /// "last …": the most recent occurrence strictly before the anchor's day/month/season.
    Last,
    /// "next …": the first occurrence strictly after it.
    Next,
    /// Bare with a future cue, or "this coming …": the first occurrence from the anchor on.
    Coming,
    /// "this …": the occurrence in the anchor's week / year / nearest season.
    This,
}

/// The part of a period an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The whole period ("2018", "November").
    Whole,
    /// First third ("early 2018", "the beginning of November").
    Early,
    /// Middle third ("mid-2020").
    Mid,
    /// Last third ("late 2018", "the end of the year").
    Late,
    /// From the period's start to the anchor ("earlier this month").
    SoFar,
    /// From the anchor to the period's end ("later this year").
    Rest,
}

/// Units of "N … ago".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgoUnit {
    /// "N days ago".
    Day,
    /// "N weeks ago".
    Week,
    /// "N months ago".
    Month,
    /// "N years ago".
    Year,
}

/// How a relative expression resolves against an anchor day. Weekdays count 0 = Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelRule {
    /// "yesterday" (−1), "today" (0), "tomorrow" (+1).
    Day(i32),
    /// "last week" (−1), "this week" (0), "next week" (+1): Monday–Sunday weeks.
    Week(i32, Part),
    /// "the weekend", "last weekend", "this weekend".
    Weekend(Mode),
    /// "this month" (0), "last month" (−1), "earlier this month".
    Month(i32, Part),
    /// "this year" (0), "last year" (−1), "early next year".
    Year(i32, Part),
    /// "Friday", "last Friday".
    Weekday(u32, Mode),
    /// "November", "last November", "early November".
    NamedMonth(u32, Mode, Part),
    /// "April 26" without a year: the occurrence nearest the anchor.
    MonthDay(u32, u32),
    /// "last spring" (season index into the season table order: spring, summer, autumn,
    /// winter).
    Season(u32, Mode),
    /// "the first quarter" (of the anchor's year plus the offset).
    Quarter(u32, i32),
    /// "the first half of next year".
    Half(u32, i32),
    /// "two weeks ago".
    Ago(u32, AgoUnit),
}

/// What a date expression says, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateExpr {
    /// A canonical label, equal for expressions that say the same thing in other words
    /// ("Nov. 2023" and "November 2023" both `2023-11`; "Friday" `weekday:fri`).
    pub label: String,
    /// The days the expression covers (first, last; both inclusive), when known: always for
    /// absolute dates, for relative ones only with an anchor.
    pub interval: Option<(CalendarDate, CalendarDate)>,
    /// How exactly the expression pins a time down.
    pub granularity: Granularity,
    /// True when the expression is relative to the publication date ("Friday", "last
    /// November", "two weeks ago").
    pub relative: bool,
    /// How a relative expression resolves (None for absolute ones and times of day).
    pub rule: Option<RelRule>,
    /// The anchor `interval` was resolved against (relative expressions only).
    pub anchor: Option<Anchor>,
    /// For a time of day: minutes after midnight (first, last).
    pub time: Option<(u32, u32)>,
    /// For a relative expression with no anchor: the earliest day the unknown anchor may be
    /// ([`anchor_floor`]), which [`compare_dates`] sweeps from.
    pub floor: Option<CalendarDate>,
}

impl DateExpr {
    /// The same expression resolved against another anchor (absolute ones are unchanged).
    pub fn resolved(&self, anchor: Option<&Anchor>) -> DateExpr {
        match self.rule {
            Some(rule) => rel_expr(rule, anchor).with_floor(self.floor),
            None => self.clone(),
        }
    }

    /// The same expression, when relative and unresolved, with the earliest day its unknown
    /// anchor may be.
    pub fn with_floor(mut self, floor: Option<CalendarDate>) -> DateExpr {
        if self.rule.is_some() && self.anchor.is_none() {
            self.floor = floor;
        }
        self
    }

    /// True when `interval` is certain: an absolute date, or a relative one resolved against
    /// an exact anchor.
    pub fn is_certain(&self) -> bool {
        self.interval.is_some()
            && (self.rule.is_none() || self.anchor.is_some_and(|a| a.is_exact()))
    }
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets into the text passed to [`find_dates`].
    pub start: usize,
    /// Byte offset one past the mention's last byte.
    pub end: usize,
    /// What the mention says, resolved as far as the anchor allows.
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
pub fn find_dates(text: &str, anchor: Option<CalendarDate>) -> Vec<DateMention> {
    find_dates_anchored(text, anchor.map(Anchor::exact).as_ref())
}

/// Finds the date expressions in `text`, resolving relative ones against every day `anchor`
/// allows (intervals widen to cover them all).
pub fn find_dates_anchored(text: &str, anchor: Option<&Anchor>) -> Vec<DateMention> {
    scan_dates(text)
        .into_iter()
        .map(|f| DateMention {
            start: f.start,
            end: f.end,
            expr: f.found.expr(anchor),
        })
        .collect()
}

/// The publication date a text states as its own, with a reason a reader can check.
///
/// A full date (day, month and year) in the first five non-empty lines (the headline,
/// dateline and lede: "BEIJING, April 26, 2024", "on Friday, April 26, 2024"), or a weekday with
/// a month and day there ("Friday, April 26") when the calendar puts that weekday on that day
/// in exactly one year from [`OWN_DATE_YEARS_BEFORE`] years before the latest year the text
/// mentions to one year after it. Never the latest year mentioned alone: a story that recalls
/// a final from decades ago is not dated by it (see [`anchor_floor`] for what the years do
/// tell).
pub fn infer_anchor(text: &str) -> Option<(Anchor, String)> {
    DateScan::of(text).own_date()
}

/// The date expressions of one whole text, scanned once for the questions the anchor policy
/// asks of it (its own date, whether it has relative dates, the earliest day it can date
/// from): each used to scan the text again.
pub struct DateScan<'t> {
    text: &'t str,
    found: Vec<FoundAt>,
}

impl<'t> DateScan<'t> {
    /// Scans `text`.
    pub fn of(text: &'t str) -> Self {
        DateScan {
            text,
            found: scan_dates(text),
        }
    }

    /// See [`infer_anchor`].
    pub fn own_date(&self) -> Option<(Anchor, String)> {
        own_date(self.text, &self.found)
    }

    /// See [`mentions_relative`].
    pub fn mentions_relative(&self) -> bool {
        self.found.iter().any(|f| matches!(f.found, Found::Rel(_)))
    }

    /// See [`anchor_floor`].
    pub fn floor(&self) -> Option<(CalendarDate, i32)> {
        floor_of(&self.found)
    }
}

fn own_date(text: &str, found: &[FoundAt]) -> Option<(Anchor, String)> {
    let head_end = first_lines_end(text, 5);
    for f in found.iter().filter(|f| f.start < head_end) {
        if let Found::Abs {
            lo,
            hi,
            gran: Granularity::Day,
            ..
        } = &f.found
        {
            if lo == hi {
                let words = text.get(f.start..f.end).unwrap_or("");
                return Some((
                    Anchor::exact(*lo),
                    format!("stated in the first lines: '{words}'"),
                ));
            }
        }
    }
    let latest = latest_year(found)?;
    for f in found.iter().filter(|f| f.start < head_end) {
        let Found::Rel(RelRule::MonthDay(m, d)) = f.found else {
            continue;
        };
        let words = text.get(f.start..f.end).unwrap_or("");
        let first = words
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let Some((wd, _)) = look(lx::WEEKDAYS, lexicon::lower(first).as_str()) else {
            continue;
        };
        let mut fits = (latest - OWN_DATE_YEARS_BEFORE..=latest + 1)
            .filter_map(|y| checked(i64::from(y), m, d))
            .filter(|&day| weekday(day) == wd);
        if let (Some(day), None) = (fits.next(), fits.next()) {
            return Some((
                Anchor::exact(day),
                format!(
                    "stated in the first lines: '{words}', a {first} in {} of the years {}–{}",
                    day.year,
                    latest - OWN_DATE_YEARS_BEFORE,
                    latest + 1
                ),
            ));
        }
    }
    None
}

/// True when `text` has a relative date ("Friday", "last November"), which needs an anchor.
pub fn mentions_relative(text: &str) -> bool {
    DateScan::of(text).mentions_relative()
}

/// How many years before the latest year a text mentions its own date may lie, for the year
/// of a stated "Friday, April 26" (which repeats every five to eleven years).
pub const OWN_DATE_YEARS_BEFORE: i32 = 3;

/// How many years before the latest year a text mentions its publication is taken to be at
/// the earliest, when it states no date of its own: news mentions years near its own ("the
/// 2024 elections", "in 2023"), and a year or two ahead of it ("the 2026 World Cup") more
/// often than further (years after "by", "until" or a future cue are not counted: "by 2030").
pub const FLOOR_YEARS_BEFORE_LATEST: i32 = 2;

/// The earliest day a text with no date of its own can have been published on: January 1st,
/// [`FLOOR_YEARS_BEFORE_LATEST`] years before the latest year it mentions (returned with it,
/// for the note). Relative dates compared under one unknown anchor take only anchors from this
/// day on: "last November" in a text that speaks of the 2024 elections is no November before
/// 2021, so it cannot be "late 2018".
pub fn anchor_floor(text: &str) -> Option<(CalendarDate, i32)> {
    DateScan::of(text).floor()
}

fn floor_of(found: &[FoundAt]) -> Option<(CalendarDate, i32)> {
    let year = latest_year(found)?;
    let floor = (year - FLOOR_YEARS_BEFORE_LATEST).clamp(1, 9999);
    Some((ymd(floor, 1, 1), year))
}

/// How date `a` relates to date `b`.
///
/// Same intervals (or the same label when unresolved) are `Same`, unless one side is relative
/// and the other absolute ("Friday" / "April 26, 2024"): then `LessPrecise`, like one interval
/// inside the other. Disjoint intervals are a `Conflict`; overlapping ones `Compatible`. When
/// the intervals are only hulls over an uncertain anchor, the sides are compared day by day
/// over the anchor (when they share it, or one side is absolute): a relation that holds on
/// every day stands, a mix is `Compatible`. Two relative expressions with no anchor are
/// compared the same way under one unknown anchor, over eight years from the later of their
/// floors ([`DateExpr::floor`], else from 2019), and a mix is `Compatible` for one month told
/// with and without "last" ("last November" / "November"), else `Unknown`; an unanchored
/// relative expression against an absolute date (or a relative one resolved against its own
/// text's date) likewise over every anchor from 400 days before to 400 days after it, none
/// before its floor, and a mix is `Unknown` ("Friday" / "Thursday,
/// April 25, 2024" is a `Conflict` whatever the anchor; "last November" with a floor in 2022
/// against "late 2018" is one too).
///
/// The day-by-day comparisons cost up to a few thousand resolutions, and a story with many
/// dates compares the same pairs of expressions again and again, so results are memoised per
/// thread (a bounded table, cleared when full).
pub fn compare_dates(a: &DateExpr, b: &DateExpr) -> Relation {
    use rustc_hash::FxHashMap;
    use std::cell::RefCell;
    const MEMO_CAP: usize = 8192;
    thread_local! {
        static MEMO: RefCell<FxHashMap<(DateExpr, DateExpr), Relation>> =
            RefCell::new(FxHashMap::default());
    }
    // Cheap cases are not worth a table entry.
    if a.time.is_some() || b.time.is_some() || (a.rule.is_none() && b.rule.is_none()) {
        return compare_dates_uncached(a, b);
    }
    // The relation is symmetric: one entry serves both orders.
    let key = if (&a.label, a.rule.is_some()) <= (&b.label, b.rule.is_some()) {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    if let Some(r) = MEMO.with(|m| m.borrow().get(&key).copied()) {
        return r;
    }
    let r = compare_dates_uncached(a, b);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_CAP {
            m.clear();
        }
        m.insert(key, r);
    });
    r
}

/// The relation of two dates as the claim stage reads it, final: [`compare_dates`], and two
/// relative dates of the same form that differ ("Friday" / "Monday", "last week" / "this
/// week") cannot both be true of one event whatever the anchor, so they conflict (they
/// overlap only as hulls over a rough anchor).
pub fn relation(d: &DateExpr, e: &DateExpr) -> Relation {
    match compare_dates(d, e) {
        Relation::Unknown | Relation::Compatible
            if d.label != e.label && d.rule.zip(e.rule).is_some_and(|(x, y)| same_form(x, y)) =>
        {
            Relation::Conflict
        }
        r => r,
    }
}

/// Whether two relative rules differ only in their value (the day, month, offset or count).
fn same_form(x: RelRule, y: RelRule) -> bool {
    use RelRule as R;
    match (x, y) {
        (R::Weekday(_, m), R::Weekday(_, n)) => m == n,
        (R::NamedMonth(_, m, p), R::NamedMonth(_, n, q)) => m == n && p == q,
        (R::Day(_), R::Day(_)) => true,
        (R::Week(_, p), R::Week(_, q)) | (R::Month(_, p), R::Month(_, q)) => p == q,
        (R::Year(_, p), R::Year(_, q)) => p == q,
        (R::Ago(_, u), R::Ago(_, v)) => u == v,
        (R::Season(_, m), R::Season(_, n)) => m == n,
        (R::MonthDay(..), R::MonthDay(..)) => true,
        _ => false,
    }
}

fn compare_dates_uncached(a: &DateExpr, b: &DateExpr) -> Relation {
    match (a.time, b.time) {
        (Some(x), Some(y)) => return span_relation(x, y, false, false),
        (Some(_), None) | (None, Some(_)) => return Relation::Unknown,
        (None, None) => {}
    }
    if a.label == b.label && (a.interval.is_none() || b.interval.is_none() || a.anchor == b.anchor)
    {
        return Relation::Same;
    }
    if a.is_certain() && b.is_certain() {
        if let (Some(x), Some(y)) = (a.interval, b.interval) {
            return day_relation(x, y, a.relative, b.relative);
        }
    }
    // Day by day over a shared or one-sided uncertain anchor.
    let pointwise_anchor = match (a.rule, b.rule, a.anchor, b.anchor) {
        (Some(_), Some(_), Some(x), Some(y)) if x == y => Some(x),
        (Some(_), None, Some(x), _) if b.interval.is_some() => Some(x),
        (None, Some(_), _, Some(y)) if a.interval.is_some() => Some(y),
        _ => None,
    };
    if let Some(anchor) = pointwise_anchor.filter(|x| x.len_days() <= 800) {
        let start = days(anchor.earliest);
        return sweep(
            a,
            b,
            start,
            start + anchor.len_days() - 1,
            Relation::Compatible,
        );
    }
    if let (Some(_), Some(_), None, None) = (a.rule, b.rule, a.anchor, b.anchor) {
        // One unknown anchor for both: from the later floor on, or else over 2019–2026 (eight
        // years: every weekday meets every month-day, both leap and common years). A mix is
        // `Compatible` for one month, weekday or season told with and without "last" / "this"
        // ("last November" / "November": the same month on all but a few anchors), else
        // `Unknown` ("Saturday" / "this year" tells nothing of one event).
        let start = match a.floor.max(b.floor) {
            Some(f) => days(f),
            None => days(ymd(2019, 1, 1)),
        };
        let mixed = match a.rule.zip(b.rule) {
            Some((x, y)) if same_but_mode(x, y) => Relation::Compatible,
            _ => Relation::Unknown,
        };
        return sweep(a, b, start, start + UNKNOWN_ANCHOR_DAYS, mixed);
    }
    // One side relative and unanchored, the other absolute (or relative and resolved against
    // its own text's anchor, taken as the days it names): try every anchor from 400 days before
    // to 400 days after those days ("Friday" can never be Thursday, April 25), none before the
    // unanchored side's floor.
    let fixed = |e: &DateExpr| e.interval.map(|iv| (iv, e.rule.is_some()));
    let one_sided = match (a.rule, a.anchor, fixed(b)) {
        (Some(_), None, Some(f)) => Some((a, f, b, false)),
        _ => match (b.rule, b.anchor, fixed(a)) {
            (Some(_), None, Some(f)) => Some((b, f, a, true)),
            _ => None,
        },
    };
    if let Some((rel, ((lo, hi), resolved), other, swapped)) = one_sided {
        let floor = rel.floor.map_or(i64::MIN, days);
        let start = (days(lo) - 400).max(floor);
        let end = (days(hi) + 400).max(start + 400);
        // One month, weekday or season told with and without "last" agrees on most anchors,
        // as between two unanchored expressions ("November" / "last November" of a text
        // dated 2024-04-26).
        let mixed = match rel.rule.zip(other.rule) {
            Some((x, y)) if same_but_mode(x, y) => Relation::Compatible,
            _ => Relation::Unknown,
        };
        // A resolved relative date stands for its days alone while the other's anchor moves.
        let other = if resolved {
            DateExpr {
                rule: None,
                ..other.clone()
            }
        } else {
            other.clone()
        };
        if end - start <= 4000 {
            return if swapped {
                sweep(&other, rel, start, end, mixed)
            } else {
                sweep(rel, &other, start, end, mixed)
            };
        }
    }
    match (a.interval, b.interval) {
        (Some(x), Some(y)) if disjoint(x, y) => Relation::Conflict,
        (Some(_), Some(_)) => Relation::Compatible,
        _ => Relation::Unknown,
    }
}

#[cfg(test)]
/// The relation of `a` and `b` when the publication date is `day`.
fn relation_on(a: &DateExpr, b: &DateExpr, day: CalendarDate) -> Option<Relation> {
    let at = |e: &DateExpr| match e.rule {
        Some(rule) => resolve(rule, day),
        None => e.interval,
    };
    Some(day_relation(at(a)?, at(b)?, a.relative, b.relative))
}

/// Whether resolving the rule can fail for some anchor day (a "February 29" in a common
/// year, a month or season out of range): a failure anywhere makes the relation `Unknown`,
/// so [`sweep`] may stop early only when no day can fail.
fn may_fail(rule: Option<RelRule>) -> bool {
    use RelRule as R;
    match rule {
        None => false,
        Some(R::MonthDay(m, d)) => !(1..=12).contains(&m) || !(1..=28).contains(&d),
        Some(R::NamedMonth(m, ..)) => !(1..=12).contains(&m),
        Some(R::Season(s, _)) => s as usize >= lx::SEASONS.len(),
        Some(R::Year(k, _) | R::Quarter(_, k) | R::Half(_, k)) => k.unsigned_abs() > 1000,
        Some(_) => false,
    }
}

/// The relation of `a` and `b` over every anchor day from `start` to `end` (day numbers,
/// inclusive), folded as [`combine`] folds them.
///
/// Day by day this costs thousands of resolutions, and a story with many dates compares many
/// pairs. Two things make it cheap without changing the answer (a test compares it with the
/// day-by-day fold for every kind of rule):
/// - every rule's resolution moves forward with the anchor, so the days on which both sides
///   resolve as on day `z` form one run; its end is found by probing (the last run's length
///   first, then doubling, then bisecting), and the run is counted with one relation: one
///   probe a month for "last November" against "this year", about two a week for "Friday";
/// - once both a conflict and an agreement have been seen the answer is `mixed`, unless a
///   later day fails to resolve, which [`may_fail`] rules out.
fn sweep(a: &DateExpr, b: &DateExpr, start: i64, end: i64, mixed: Relation) -> Relation {
    let can_stop = !may_fail(a.rule) && !may_fail(b.rule);
    let (la, lb) = (
        RunList::shared(a, start, end),
        RunList::shared(b, start, end),
    );
    let (mut ia, mut ib) = (0, 0);
    let mut runs: Vec<(Option<Relation>, i64)> = Vec::new();
    let (mut agree, mut conflict) = (false, false);
    let mut z = start;
    while z <= end {
        let (va, ea) = RunList::at(&la, &mut ia, z);
        let (vb, eb) = RunList::at(&lb, &mut ib, z);
        let last = ea.min(eb);
        let rel = match (va, vb) {
            (Some(x), Some(y)) => Some(day_relation(x, y, a.relative, b.relative)),
            _ => None,
        };
        match rel {
            Some(Relation::Conflict) => conflict = true,
            Some(Relation::Unknown) | None => return Relation::Unknown,
            Some(_) => agree = true,
        }
        if can_stop && agree && conflict {
            return mixed;
        }
        runs.push((rel, last - z + 1));
        z = last + 1;
    }
    combine(runs.into_iter(), mixed)
}

/// The runs of one expression over the anchor days `start..=end`, found as [`Runs`] finds
/// them (in order from `start`, each when first asked for) and shared, per thread, by every
/// [`sweep`] over the same days: a story's "Friday" is compared with each of its other dates,
/// and its runs are probed once, not once per pair. The runs depend only on the expression's
/// rule (or fixed days) and the range, which is the table's key; the table is bounded
/// (cleared when full).
struct RunList {
    runs: Vec<(i64, i64, Option<Days>)>,
    probe: Runs,
}

type RunKey = (Option<RelRule>, Option<Days>, i64, i64);

impl RunList {
    fn shared(e: &DateExpr, start: i64, end: i64) -> std::rc::Rc<std::cell::RefCell<RunList>> {
        use std::cell::RefCell;
        use std::rc::Rc;
        const CAP: usize = 256;
        thread_local! {
            static LISTS: RefCell<rustc_hash::FxHashMap<RunKey, Rc<RefCell<RunList>>>> =
                RefCell::new(rustc_hash::FxHashMap::default());
        }
        let key = (
            e.rule,
            e.rule.is_none().then_some(e.interval).flatten(),
            start,
            end,
        );
        LISTS.with(|m| {
            let mut m = m.borrow_mut();
            if let Some(l) = m.get(&key) {
                return Rc::clone(l);
            }
            if m.len() >= CAP {
                m.clear();
            }
            let l = Rc::new(RefCell::new(RunList {
                runs: Vec::new(),
                probe: Runs::new(e, end),
            }));
            m.insert(key, Rc::clone(&l));
            l
        })
    }

    /// What day `z` resolves to and the last day of its run; `k` is the caller's cursor (the
    /// index of the run last asked for), and days are asked in order.
    fn at(list: &std::cell::RefCell<RunList>, k: &mut usize, z: i64) -> (Option<Days>, i64) {
        let mut l = list.borrow_mut();
        loop {
            if let Some(&(first, last, v)) = l.runs.get(*k) {
                if first <= z && z <= last {
                    return (v, last);
                }
                if last < z {
                    *k += 1;
                    continue;
                }
            }
            // Not found yet: the next run starts the day after the last one found.
            let from = l.runs.last().map_or(z, |r| r.1 + 1);
            let (v, last) = l.probe.at(from);
            l.runs.push((from, last, v));
        }
    }
}

/// The runs of anchor days over which one expression resolves alike, found by probing (see
/// [`sweep`]): each expression is probed on its own, so that "Friday" costs two resolutions a
/// week whatever it is compared with.
struct Runs {
    rule: Option<RelRule>,
    /// The days of an expression without a rule.
    interval: Option<Days>,
    end: i64,
    /// The current run: first day, last day, what it resolves to.
    cur: Option<(i64, i64, Option<Days>)>,
    /// What the day after the current run resolves to, when probed already.
    next: Option<Option<Days>>,
    guess: i64,
}

impl Runs {
    fn new(e: &DateExpr, end: i64) -> Self {
        Runs {
            rule: e.rule,
            interval: e.interval,
            end,
            cur: None,
            next: None,
            guess: 1,
        }
    }

    fn resolve(&self, z: i64) -> Option<Days> {
        match self.rule {
            Some(rule) => resolve(rule, from_days(z)),
            None => self.interval,
        }
    }

    /// What day `z` resolves to and the last day of its run (days are asked in order).
    fn at(&mut self, z: i64) -> (Option<Days>, i64) {
        if let Some((first, last, v)) = self.cur {
            if first <= z && z <= last {
                return (v, last);
            }
        }
        if self.rule.is_none() {
            let v = self.interval;
            self.cur = Some((z, self.end, v));
            return (v, self.end);
        }
        let v = match self.next.take() {
            Some(v) if self.cur.is_some_and(|(_, last, _)| last + 1 == z) => v,
            _ => self.resolve(z),
        };
        // Last day known to resolve as `v` (`lo`) and the first known not to (`hi`).
        let mut lo = z;
        let mut hi: Option<(i64, Option<Days>)> = None;
        if self.guess > 1 {
            let p = (z + self.guess - 1).min(self.end);
            let w = self.resolve(p);
            if w == v {
                lo = p;
            } else {
                hi = Some((p, w));
            }
        }
        let mut step = 1;
        while hi.is_none() && lo < self.end {
            let p = (lo + step).min(self.end);
            let w = self.resolve(p);
            if w == v {
                lo = p;
                step *= 2;
            } else {
                hi = Some((p, w));
            }
        }
        self.next = None;
        if let Some((mut h, mut hw)) = hi {
            while h - lo > 1 {
                let mid = lo + (h - lo) / 2;
                let w = self.resolve(mid);
                if w == v {
                    lo = mid;
                } else {
                    (h, hw) = (mid, w);
                }
            }
            self.next = Some(hw);
        }
        self.guess = lo - z + 1;
        self.cur = Some((z, lo, v));
        (v, lo)
    }
}

/// Folds per-day relations, each with the number of days it holds for: one relation on every
/// day stands (`Same` and `LessPrecise` mixed give `LessPrecise`); conflicts mixed with
/// agreement give `mixed`.
fn combine(rels: impl Iterator<Item = (Option<Relation>, i64)>, mixed: Relation) -> Relation {
    let (mut same, mut less, mut compat, mut conflict, mut n) = (0, 0, 0, 0, 0);
    for (r, w) in rels {
        n += w;
        match r {
            Some(Relation::Same) => same += w,
            Some(Relation::LessPrecise) => less += w,
            Some(Relation::Compatible) => compat += w,
            Some(Relation::Conflict) => conflict += w,
            _ => return Relation::Unknown,
        }
    }
    if n == 0 {
        Relation::Unknown
    } else if conflict == n {
        Relation::Conflict
    } else if same == n {
        Relation::Same
    } else if same + less == n {
        Relation::LessPrecise
    } else if conflict > 0 {
        mixed
    } else {
        let _ = compat;
        Relation::Compatible
    }
}

type Days = (CalendarDate, CalendarDate);

/// Whether two rules name one month, weekday or season, and differ at most in the mode
/// ("November" / "last November", "Friday" / "this Friday").
fn same_but_mode(x: RelRule, y: RelRule) -> bool {
    use RelRule as R;
    match (x, y) {
        (R::Weekday(a, _), R::Weekday(b, _)) | (R::Season(a, _), R::Season(b, _)) => a == b,
        (R::NamedMonth(a, _, p), R::NamedMonth(b, _, q)) => a == b && p == q,
        (R::Weekend(_), R::Weekend(_)) => true,
        _ => false,
    }
}

/// How many days of anchors two relative expressions with no anchor are compared over: eight
/// years, so that every weekday meets every month-day in leap and common years.
const UNKNOWN_ANCHOR_DAYS: i64 = 8 * 365 + 1;

fn disjoint(x: Days, y: Days) -> bool {
    x.1 < y.0 || y.1 < x.0
}

fn day_relation(x: Days, y: Days, x_rel: bool, y_rel: bool) -> Relation {
    span_relation(x, y, x_rel, y_rel)
}

/// Relation of two inclusive spans; equal spans are `LessPrecise` when only one side is
/// relative (it needs the anchor to say as much).
fn span_relation<T: Ord + Copy>(x: (T, T), y: (T, T), x_rel: bool, y_rel: bool) -> Relation {
    if x == y {
        if x_rel == y_rel {
            Relation::Same
        } else {
            Relation::LessPrecise
        }
    } else if x.1 < y.0 || y.1 < x.0 {
        Relation::Conflict
    } else if (x.0 <= y.0 && y.1 <= x.1) || (y.0 <= x.0 && x.1 <= y.1) {
        Relation::LessPrecise
    } else {
        Relation::Compatible
    }
}

// ---------------------------------------------------------------------------------------
// What the scanner finds, before resolution.

#[derive(Debug, Clone, PartialEq)]
enum Found {
    Abs {
        lo: CalendarDate,
        hi: CalendarDate,
        gran: Granularity,
        label: String,
    },
    Rel(RelRule),
    /// Minutes after midnight (first, last).
    Time(u32, u32),
}

impl Found {
    fn expr(&self, anchor: Option<&Anchor>) -> DateExpr {
        match self {
            Found::Abs {
                lo,
                hi,
                gran,
                label,
            } => DateExpr {
                label: label.clone(),
                interval: Some((*lo, *hi)),
                granularity: *gran,
                relative: false,
                rule: None,
                anchor: None,
                time: None,
                floor: None,
            },
            Found::Rel(rule) => rel_expr(*rule, anchor),
            Found::Time(a, b) => DateExpr {
                label: if a == b {
                    format!("time:{:02}:{:02}", a / 60, a % 60)
                } else {
                    format!(
                        "time:{:02}:{:02}-{:02}:{:02}",
                        a / 60,
                        a % 60,
                        b / 60,
                        b % 60
                    )
                },
                interval: None,
                granularity: Granularity::TimeOfDay,
                relative: false,
                rule: None,
                anchor: None,
                time: Some((*a, *b)),
                floor: None,
            },
        }
    }
}

fn rel_expr(rule: RelRule, anchor: Option<&Anchor>) -> DateExpr {
    let interval = anchor.and_then(|a| {
        // Every rule resolves monotonically in the anchor day, so the hull over the anchor's
        // days is the first day for its earliest day and the last for its latest.
        let lo = resolve(rule, a.earliest)?.0;
        let hi = resolve(rule, a.latest)?.1;
        Some((lo, hi.max(lo)))
    });
    DateExpr {
        label: rule_label(rule),
        interval,
        granularity: rule_granularity(rule),
        relative: true,
        rule: Some(rule),
        anchor: interval.and(anchor.copied()),
        time: None,
        floor: None,
    }
}

fn part_key(p: Part) -> &'static str {
    match p {
        Part::Whole => "",
        Part::Early => ":early",
        Part::Mid => ":mid",
        Part::Late => ":late",
        Part::SoFar => ":sofar",
        Part::Rest => ":rest",
    }
}

fn mode_key(m: Mode) -> &'static str {
    match m {
        Mode::Recent => "",
        Mode::Last => ":last",
        Mode::Next => ":next",
        Mode::Coming => ":coming",
        Mode::This => ":this",
    }
}

fn signed(k: i32) -> String {
    if k > 0 {
        format!("+{k}")
    } else {
        k.to_string()
    }
}

const SEASON_KEYS: [&str; 4] = ["spring", "summer", "autumn", "winter"];

fn rule_label(rule: RelRule) -> String {
    match rule {
        RelRule::Day(k) => format!("day:{}", signed(k)),
        RelRule::Week(k, p) => format!("week:{}{}", signed(k), part_key(p)),
        RelRule::Weekend(m) => format!("weekend{}", mode_key(m)),
        RelRule::Month(k, p) => format!("month:{}{}", signed(k), part_key(p)),
        RelRule::Year(k, p) => format!("year:{}{}", signed(k), part_key(p)),
        RelRule::Weekday(w, m) => format!(
            "weekday:{}{}",
            lx::WEEKDAY_KEYS.get(w as usize).unwrap_or(&"?"),
            mode_key(m)
        ),
        RelRule::NamedMonth(mo, m, p) => format!(
            "month:{}{}{}",
            lx::MONTH_KEYS
                .get((mo as usize).wrapping_sub(1))
                .unwrap_or(&"?"),
            mode_key(m),
            part_key(p)
        ),
        RelRule::MonthDay(m, d) => format!("month-day:{m:02}-{d:02}"),
        RelRule::Season(s, m) => format!(
            "season:{}{}",
            SEASON_KEYS.get(s as usize).unwrap_or(&"?"),
            mode_key(m)
        ),
        RelRule::Quarter(q, k) => format!("quarter:{q}:year{}", signed(k)),
        RelRule::Half(h, k) => format!("half:{h}:year{}", signed(k)),
        RelRule::Ago(n, u) => format!(
            "ago:{n}{}",
            match u {
                AgoUnit::Day => "d",
                AgoUnit::Week => "w",
                AgoUnit::Month => "mo",
                AgoUnit::Year => "y",
            }
        ),
    }
}

fn part_granularity(whole: Granularity, p: Part) -> Granularity {
    match (whole, p) {
        (g, Part::Whole) => g,
        (Granularity::Year, _) => Granularity::PartOfYear,
        (Granularity::Month, Part::SoFar | Part::Rest) => Granularity::Month,
        (Granularity::Month, _) => Granularity::Week,
        (Granularity::Week, _) => Granularity::Week,
        (g, _) => g,
    }
}

fn rule_granularity(rule: RelRule) -> Granularity {
    match rule {
        RelRule::Day(_) | RelRule::Weekday(..) | RelRule::MonthDay(..) => Granularity::Day,
        RelRule::Week(_, p) => part_granularity(Granularity::Week, p),
        RelRule::Weekend(_) => Granularity::Week,
        RelRule::Month(_, p) | RelRule::NamedMonth(_, _, p) => {
            part_granularity(Granularity::Month, p)
        }
        RelRule::Year(_, p) => part_granularity(Granularity::Year, p),
        RelRule::Season(..) | RelRule::Quarter(..) | RelRule::Half(..) => Granularity::PartOfYear,
        RelRule::Ago(_, u) => match u {
            AgoUnit::Day => Granularity::Day,
            AgoUnit::Week => Granularity::Week,
            AgoUnit::Month => Granularity::Month,
            AgoUnit::Year => Granularity::Year,
        },
    }
}

/// The part `p` of the period `span` of granularity `whole` (see the module docs).
fn apply_part(span: Days, whole: Granularity, p: Part, anchor: Option<CalendarDate>) -> Days {
    let (lo, hi) = span;
    match p {
        Part::Whole => span,
        Part::SoFar => match anchor {
            Some(a) if a >= lo && a <= hi => (lo, a),
            _ => span,
        },
        Part::Rest => match anchor {
            Some(a) if a >= lo && a <= hi => (a, hi),
            _ => span,
        },
        Part::Early | Part::Mid | Part::Late => {
            let third = match p {
                Part::Early => 0,
                Part::Mid => 1,
                _ => 2,
            };
            match whole {
                Granularity::Year => {
                    let first = 1 + 4 * third;
                    months_span(lo.year, first, 4)
                }
                Granularity::Month => {
                    let first = 1 + 10 * third;
                    let last = if third == 2 { hi.day } else { first + 9 };
                    (ymd(lo.year, lo.month, first), ymd(lo.year, lo.month, last))
                }
                Granularity::Decade => {
                    let (a, b) = [(0, 3), (4, 6), (7, 9)][third as usize];
                    (year_span(lo.year + a).0, year_span(lo.year + b).1)
                }
                Granularity::Week => {
                    let (a, b) = [(0, 1), (2, 3), (4, 6)][third as usize];
                    (add_days(lo, a), add_days(lo, b))
                }
                _ => span,
            }
        }
    }
}

fn monday_of(d: CalendarDate) -> CalendarDate {
    add_days(d, -i64::from(weekday(d)))
}

/// Resolves a relative expression against one anchor day.
fn resolve(rule: RelRule, a: CalendarDate) -> Option<Days> {
    let y = a.year;
    Some(match rule {
        RelRule::Day(k) => {
            let d = add_days(a, i64::from(k));
            (d, d)
        }
        RelRule::Week(k, p) => {
            let mon = add_days(monday_of(a), 7 * i64::from(k));
            apply_part((mon, add_days(mon, 6)), Granularity::Week, p, Some(a))
        }
        RelRule::Weekend(m) => {
            let wd = weekday(a);
            let week = match m {
                Mode::This | Mode::Coming => 0,
                Mode::Last => -1,
                Mode::Next => 1,
                Mode::Recent => -i64::from(wd < 5),
            };
            let sat = add_days(monday_of(a), 7 * week + 5);
            (sat, add_days(sat, 1))
        }
        RelRule::Month(k, p) => {
            let (yy, mm) = add_months(y, a.month, i64::from(k));
            apply_part(month_span(yy, mm), Granularity::Month, p, Some(a))
        }
        RelRule::Year(k, p) => {
            let yy = y.checked_add(k)?.clamp(1, 9999);
            apply_part(year_span(yy), Granularity::Year, p, Some(a))
        }
        RelRule::Weekday(w, m) => {
            let wd = i64::from(weekday(a));
            let w = i64::from(w % 7);
            let d = match m {
                Mode::Recent => add_days(a, -(wd - w).rem_euclid(7)),
                Mode::Last => add_days(a, -(wd - w - 1).rem_euclid(7) - 1),
                Mode::Coming => add_days(a, (w - wd).rem_euclid(7)),
                Mode::Next => add_days(a, (w - wd - 1).rem_euclid(7) + 1),
                Mode::This => add_days(monday_of(a), w),
            };
            (d, d)
        }
        RelRule::NamedMonth(m, mode, p) => {
            if !(1..=12).contains(&m) {
                return None;
            }
            let yy = match mode {
                Mode::Recent => y - i32::from(m > a.month),
                Mode::Last => y - i32::from(m >= a.month),
                Mode::Coming => y + i32::from(m < a.month),
                Mode::Next => y + i32::from(m <= a.month),
                Mode::This => y,
            };
            let yy = yy.clamp(1, 9999);
            apply_part(month_span(yy, m), Granularity::Month, p, None)
        }
        RelRule::MonthDay(m, d) => {
            let here = days(a);
            let mut best: Option<(i64, CalendarDate)> = None;
            for yy in [y - 1, y, y + 1] {
                if let Some(c) = checked(i64::from(yy), m, d) {
                    let dist = (days(c) - here).abs();
                    if best.is_none_or(|(bd, _)| dist < bd) {
                        best = Some((dist, c));
                    }
                }
            }
            let c = best?.1;
            (c, c)
        }
        RelRule::Season(s, mode) => {
            let (first, len) = lx::SEASONS.get(s as usize).map(|e| e.1)?;
            let occ = |yy: i32| months_span(yy.clamp(1, 9999), first, len);
            // Occurrences by the year they start in; the anchor lies near y.
            let cands: Vec<Days> = (y - 2..=y + 1).map(occ).collect();
            let pick = match mode {
                Mode::Recent => cands.iter().rev().find(|c| c.0 <= a),
                Mode::Last => cands.iter().rev().find(|c| c.1 < a),
                Mode::Next => cands.iter().find(|c| c.0 > a),
                Mode::Coming => cands.iter().find(|c| c.1 >= a),
                Mode::This => cands.iter().min_by_key(|c| {
                    if c.0 <= a && a <= c.1 {
                        0
                    } else {
                        (days(c.0) - days(a)).abs().min((days(c.1) - days(a)).abs())
                    }
                }),
            };
            *pick?
        }
        RelRule::Quarter(q, k) => {
            let q = q.clamp(1, 4);
            let yy = y.checked_add(k)?.clamp(1, 9999);
            months_span(yy, 3 * q - 2, 3)
        }
        RelRule::Half(h, k) => {
            let h = h.clamp(1, 2);
            let yy = y.checked_add(k)?.clamp(1, 9999);
            months_span(yy, 6 * h - 5, 6)
        }
        RelRule::Ago(n, unit) => {
            let n = i64::from(n);
            match unit {
                AgoUnit::Day => {
                    let d = add_days(a, -n);
                    (d, d)
                }
                AgoUnit::Week => {
                    let c = add_days(a, -7 * n);
                    (add_days(c, -3), add_days(c, 3))
                }
                AgoUnit::Month => {
                    let (yy, mm) = add_months(y, a.month, -n);
                    let dd = a.day.min(crate::claims::days_in_month(yy, mm));
                    let c = ymd(yy, mm, dd);
                    (add_days(c, -15), add_days(c, 15))
                }
                AgoUnit::Year => {
                    let yy = (i64::from(y) - n).clamp(1, 9999) as i32;
                    let dd = a.day.min(crate::claims::days_in_month(yy, a.month));
                    let c = ymd(yy, a.month, dd);
                    (add_days(c, -182), add_days(c, 182))
                }
            }
        }
    })
}

// ---------------------------------------------------------------------------------------
// The scanner.

struct FoundAt {
    start: usize,
    end: usize,
    found: Found,
    /// A year after "by", "until", "before" or a future cue: not evidence of the date of
    /// publication.
    future: bool,
}

/// End of the first `n` non-empty lines (byte offset).
fn first_lines_end(text: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        pos += line.len();
        if !line.trim().is_empty() {
            seen += 1;
            if seen == n {
                return pos;
            }
        }
    }
    text.len()
}

fn latest_year(found: &[FoundAt]) -> Option<i32> {
    let year_of = |f: &FoundAt| match &f.found {
        Found::Abs { hi, gran, .. } if *gran != Granularity::Decade => Some(hi.year),
        _ => None,
    };
    found
        .iter()
        .filter(|f| !f.future)
        .filter_map(year_of)
        .max()
        .or_else(|| found.iter().filter_map(year_of).max())
}

fn scan_dates(text: &str) -> Vec<FoundAt> {
    let mut p = P {
        t: Toks::new(text),
        last_end: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.t.len() {
        match p.parse_at(i) {
            Some((end, found)) if end > i => {
                let (start, stop) = p.t.span(i, end - 1);
                let future = p.future_year_cue(i);
                out.push(FoundAt {
                    start,
                    end: stop,
                    found,
                    future,
                });
                p.last_end = Some(end);
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

type Hit = Option<(usize, Found)>;

struct P<'a> {
    t: Toks<'a>,
    /// Token index just after the last mention (for ranges: "between 2018 and 2020").
    last_end: Option<usize>,
}

fn abs(lo: CalendarDate, hi: CalendarDate, gran: Granularity, label: String) -> Found {
    Found::Abs {
        lo,
        hi,
        gran,
        label,
    }
}

fn day_found(d: CalendarDate) -> Found {
    abs(d, d, Granularity::Day, d.to_string())
}

fn month_found(y: i32, m: u32) -> Found {
    let (lo, hi) = month_span(y, m);
    abs(lo, hi, Granularity::Month, format!("{y:04}-{m:02}"))
}

fn year_found(y: i32) -> Found {
    let (lo, hi) = year_span(y);
    abs(lo, hi, Granularity::Year, format!("{y:04}"))
}

fn decade_found(y: i32, p: Part) -> Found {
    let span = (year_span(y).0, year_span(y + 9).1);
    let (lo, hi) = apply_part(span, Granularity::Decade, p, None);
    abs(
        lo,
        hi,
        Granularity::Decade,
        format!("{y:04}s{}", part_key(p)),
    )
}

fn part_label(p: Part) -> &'static str {
    match p {
        Part::Early | Part::SoFar => "early",
        Part::Mid => "mid",
        Part::Late | Part::Rest => "late",
        Part::Whole => "",
    }
}

impl P<'_> {
    fn low(&self, i: usize) -> lexicon::Lower {
        self.t.low(i)
    }

    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.t.is_word(i) && is_in(list, self.low(i).as_str())
    }

    fn prev_word_in(&self, i: usize, list: &[&str]) -> bool {
        i > 0 && self.word_in(i - 1, list)
    }

    /// True when the token before `i` joins a range whose first end was the last mention
    /// ("between 2018 and 2020", "from March to May", "2018-2020").
    fn continues_range(&self, i: usize) -> bool {
        i >= 1
            && self.last_end == Some(i - 1)
            && (self.word_in(
                i - 1,
                &["and", "or", "to", "through", "until", "till", "nor"],
            ) || self.t.is_dash(i - 1)
                || self.t.is_p(i - 1, '/'))
    }

    /// True when a future cue comes within eight words before `i` in the same sentence.
    fn future_cue(&self, i: usize) -> bool {
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 8 {
            if self.t.boundary_before(k) {
                return false;
            }
            k -= 1;
            steps += 1;
            if self.word_in(k, lx::FUTURE_CUES) {
                return true;
            }
        }
        false
    }

    fn future_year_cue(&self, i: usize) -> bool {
        self.prev_word_in(i, &["by", "until", "till", "before", "through"]) || self.future_cue(i)
    }

    fn month_at(&self, i: usize) -> Option<(u32, bool)> {
        if !self.t.is_cap(i) {
            return None;
        }
        look(lx::MONTHS, self.low(i).as_str())
    }

    fn weekday_at(&self, i: usize) -> Option<(u32, bool)> {
        if !self.t.is_cap(i) {
            return None;
        }
        look(lx::WEEKDAYS, self.low(i).as_str())
    }

    /// True when the digit token `i` is glued to more of a number after it ("26,000",
    /// "26.5", "10:30") or to letters (other than the allowed suffixes).
    fn number_continues(&self, i: usize) -> bool {
        let t = &self.t;
        if !t.adj(i) {
            return false;
        }
        let n = i + 1;
        if (t.is_p(n, ',') || t.is_p(n, '.') || t.is_p(n, ':')) && t.adj(n) && t.is_num(n + 1) {
            return true;
        }
        if t.is_p(n, '%') {
            return true;
        }
        t.is_word(n)
    }

    /// True when the digit token `i` is glued to something before it ("$2024", "A320",
    /// "1,2024", "F-2024").
    fn number_glued_before(&self, i: usize) -> bool {
        let t = &self.t;
        if i == 0 || !t.adj(i - 1) {
            return false;
        }
        let p = i - 1;
        match t.kind(p) {
            Some(Kind::Word) | Some(Kind::Num) => true,
            _ => {
                let s = t.s(p);
                if matches!(s, "$" | "£" | "€" | "¥" | "₹" | "#" | "№") {
                    return true;
                }
                (matches!(s, "," | "." | ":" | "/") || t.is_dash(p))
                    && p > 0
                    && t.adj(p - 1)
                    && matches!(t.kind(p - 1), Some(Kind::Num) | Some(Kind::Word))
            }
        }
    }

    /// A day of the month (1–31), with an optional ordinal suffix; returns the index after it.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = &self.t;
        if t.digits(i) == 0 || t.digits(i) > 2 {
            return None;
        }
        let d = t.int(i)? as u32;
        if !(1..=31).contains(&d) {
            return None;
        }
        if t.adj(i) && t.is_word(i + 1) {
            let suf = self.low(i + 1);
            if is_in(&["st", "nd", "rd", "th"], suf.as_str()) && !t.adj(i + 1) {
                return Some((d, i + 2));
            }
            if is_in(&["st", "nd", "rd", "th"], suf.as_str())
                && (t.is_p(i + 2, ',') || t.is_p(i + 2, '.'))
            {
                return Some((d, i + 2));
            }
            return None;
        }
        if self.number_continues(i) {
            return None;
        }
        Some((d, i + 1))
    }

    /// A 4-digit year 1000–2999 standing on its own (for full dates).
    fn year_at(&self, i: usize) -> Option<i32> {
        let t = &self.t;
        if t.digits(i) != 4 || self.number_continues(i) {
            return None;
        }
        let y = t.int(i)? as i32;
        (1000..=2999).contains(&y).then_some(y)
    }

    fn parse_at(&self, i: usize) -> Hit {
        if self.t.is_word(i) && !date_starters().contains(self.low(i).as_str()) {
            return None; // a cheap filter that keeps the scan fast on ordinary words
        }
        match self.t.kind(i)? {
            Kind::Num => self
                .parse_numeric(i)
                .or_else(|| self.parse_ago(i))
                .or_else(|| self.parse_time(i))
                .or_else(|| self.parse_day_first(i))
                .or_else(|| self.parse_decade(i, i))
                .or_else(|| self.parse_year_range(i))
                .or_else(|| self.parse_year(i)),
            Kind::Word => self
                .parse_weekday(i)
                .or_else(|| self.parse_month_first(i))
                .or_else(|| self.parse_the(i))
                .or_else(|| self.parse_part(i, i))
                .or_else(|| self.parse_part_noun(i, i))
                .or_else(|| self.parse_rel_word(i))
                .or_else(|| self.parse_day_word(i))
                .or_else(|| self.parse_season(i))
                .or_else(|| self.parse_q(i))
                .or_else(|| self.parse_period_ordinal(i, i))
                .or_else(|| self.parse_ago(i))
                .or_else(|| self.parse_time_word(i)),
            Kind::Punct => self.parse_decade(i, i),
        }
    }

    /// "2024-04-26", "26/4/2024", "4/26/24", "26.04.2024".
    fn parse_numeric(&self, i: usize) -> Hit {
        let t = &self.t;
        let sep = t.s(i + 1);
        if !matches!(sep, "/" | "-" | ".") || t.s(i + 3) != sep {
            return None;
        }
        if !(t.is_num(i) && t.is_num(i + 2) && t.is_num(i + 4)) {
            return None;
        }
        if !(t.adj(i) && t.adj(i + 1) && t.adj(i + 2) && t.adj(i + 3)) {
            return None;
        }
        if self.number_glued_before(i) || self.number_continues(i + 4) {
            return None;
        }
        // "1/2/3/4" or "10.0.0.1": more of the same after.
        if t.adj(i + 4) && t.s(i + 5) == sep && t.adj(i + 5) && t.is_num(i + 6) {
            return None;
        }
        let (a, b, c) = (t.int(i)?, t.int(i + 2)?, t.int(i + 4)?);
        let (da, db, dc) = (t.digits(i), t.digits(i + 2), t.digits(i + 4));
        if da == 4 && db <= 2 && dc <= 2 && sep != "." {
            let d = checked(a as i64, b as u32, c as u32)?;
            return Some((i + 5, day_found(d)));
        }
        if da > 2 || db > 2 {
            return None;
        }
        let year = match dc {
            4 => c as i64,
            2 if sep == "/" => {
                if c < 50 {
                    2000 + c as i64
                } else {
                    1900 + c as i64
                }
            }
            _ => return None,
        };
        let dm = checked(year, b as u32, a as u32); // day/month
        let md = checked(year, a as u32, b as u32); // month/day
        let found = match (dm, md) {
            (Some(x), Some(y)) if x == y => day_found(x),
            (Some(x), Some(y)) => {
                let (lo, hi) = if x < y { (x, y) } else { (y, x) };
                abs(lo, hi, Granularity::Day, format!("{lo}|{hi}"))
            }
            (Some(x), None) | (None, Some(x)) => day_found(x),
            (None, None) => return None,
        };
        Some((i + 5, found))
    }

    /// "two weeks ago", "3 days ago", "a year ago".
    fn parse_ago(&self, i: usize) -> Hit {
        let t = &self.t;
        let n = if t.is_num(i) {
            if t.digits(i) > 4 || self.number_glued_before(i) {
                return None;
            }
            t.int(i)? as u32
        } else {
            look(lx::SMALL_NUMBERS, self.low(i).as_str())?
        };
        let unit = match self.low(i + 1).as_str() {
            "day" | "days" => AgoUnit::Day,
            "week" | "weeks" => AgoUnit::Week,
            "month" | "months" => AgoUnit::Month,
            "year" | "years" => AgoUnit::Year,
            _ => return None,
        };
        if !t.is(i + 2, "ago") {
            return None;
        }
        Some((i + 3, Found::Rel(RelRule::Ago(n, unit))))
    }

    /// Times: "3 p.m.", "10am", "3:30 pm", "15:30 GMT", "at 15:30", "5 o'clock".
    fn parse_time(&self, i: usize) -> Hit {
        let t = &self.t;
        if t.digits(i) > 2 || self.number_glued_before(i) {
            return None;
        }
        let h = t.int(i)? as u32;
        let mut j = i + 1;
        let mut min = None;
        if t.is_p(j, ':') && t.adj(i) && t.adj(j) && t.digits(j + 1) == 2 {
            let m = t.int(j + 1)? as u32;
            if m > 59 {
                return None;
            }
            min = Some(m);
            j += 2;
        }
        // a.m. / p.m. / am / pm
        let mer = |k: usize| -> Option<(bool, usize)> {
            let w = self.low(k);
            if let Some(pm) = look(lx::MERIDIEM, w.as_str()) {
                let mut e = k + 1;
                if t.is_p(e, '.') && t.adj(k) && !t.is_num(e + 1) {
                    e += 1;
                }
                return Some((pm, e));
            }
            let s = w.as_str();
            if (s == "a" || s == "p")
                && t.adj(k)
                && t.is_p(k + 1, '.')
                && t.adj(k + 1)
                && t.is(k + 2, "m")
            {
                let mut e = k + 3;
                if t.adj(k + 2) && t.is_p(e, '.') {
                    e += 1;
                }
                return Some((s == "p", e));
            }
            None
        };
        let zone = |k: usize| -> usize {
            if t.is_upper(k) && self.word_in(k, lx::TIME_ZONES) {
                k + 1
            } else if t.is(k, "local") && t.is(k + 1, "time") {
                k + 2
            } else {
                k
            }
        };
        if let Some((pm, e)) = mer(j) {
            if !(1..=12).contains(&h) {
                return None;
            }
            let h24 = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            let m = h24 * 60 + min.unwrap_or(0);
            return Some((zone(e), Found::Time(m, m)));
        }
        if min.is_none() && t.is(j, "o") && t.is_apos(j + 1) && t.is(j + 2, "clock") {
            if !(1..=12).contains(&h) {
                return None;
            }
            return Some((zone(j + 3), Found::Time(h * 60, h * 60)));
        }
        if min.is_none() && h == 12 && self.word_in(j, &["noon", "midday", "midnight"]) {
            let m = if t.is(j, "midnight") { 0 } else { 720 };
            return Some((zone(j + 1), Found::Time(m, m)));
        }
        if let Some(m) = min {
            if h > 23 || self.number_continues(j - 1) {
                return None;
            }
            let z = zone(j);
            let cue = self.prev_word_in(
                i,
                &[
                    "at", "by", "from", "until", "till", "around", "before", "after",
                ],
            );
            if z > j || cue {
                let v = h * 60 + m;
                return Some((z, Found::Time(v, v)));
            }
        }
        None
    }

    fn parse_time_word(&self, i: usize) -> Hit {
        let m = match self.low(i).as_str() {
            "noon" | "midday" => 720,
            "midnight" => 0,
            _ => return None,
        };
        Some((i + 1, Found::Time(m, m)))
    }

    /// "26 April 2024", "26th of April", "26 Apr.".
    fn parse_day_first(&self, i: usize) -> Hit {
        let t = &self.t;
        if self.number_glued_before(i) {
            return None;
        }
        let (d, mut k) = self.day_at(i)?;
        if t.is(k, "of") {
            k += 1;
        }
        let (m, abbr) = self.month_at(k)?;
        k += 1;
        if abbr && t.is_p(k, '.') && t.adj(k - 1) {
            k += 1;
        }
        let mut ky = k;
        if t.is_p(ky, ',') {
            ky += 1;
        }
        if let Some(y) = self.year_at(ky) {
            let day = checked(i64::from(y), m, d)?;
            return Some((ky + 1, day_found(day)));
        }
        checked(2024, m, d)?; // a day that exists in some year (2024 is a leap year)
        Some((k, Found::Rel(RelRule::MonthDay(m, d))))
    }

    /// "April 26, 2024", "Apr. 26", "April 2024", "April of 2024", bare "November".
    fn parse_month_first(&self, i: usize) -> Hit {
        let t = &self.t;
        let (m, abbr) = self.month_at(i)?;
        let mut j = i + 1;
        let dotted = t.is_p(j, '.') && t.adj(i);
        if dotted && abbr {
            j += 1;
        }
        if let Some((d, k)) = self.day_at(j) {
            let mut ky = k;
            if t.is_p(ky, ',') {
                ky += 1;
            }
            if let Some(y) = self.year_at(ky) {
                let day = checked(i64::from(y), m, d)?;
                return Some((ky + 1, day_found(day)));
            }
            if checked(2024, m, d).is_some() && !self.number_continues(k - 1) {
                return Some((k, Found::Rel(RelRule::MonthDay(m, d))));
            }
        }
        let mut ky = j;
        if t.is(ky, "of") || t.is_p(ky, ',') {
            ky += 1;
        }
        if let Some(y) = self.year_at(ky) {
            return Some((ky + 1, month_found(y, m)));
        }
        if abbr && !dotted {
            return None;
        }
        if !self.bare_month_ok(i, m) {
            return None;
        }
        let mode = if self.future_cue(i) {
            Mode::Coming
        } else {
            Mode::Recent
        };
        Some((j, Found::Rel(RelRule::NamedMonth(m, mode, Part::Whole))))
    }

    fn bare_month_ok(&self, i: usize, m: u32) -> bool {
        let t = &self.t;
        let ambiguous = lx::AMBIGUOUS_MONTHS.contains(&m);
        let possessive = t.is_apos(i + 1) && t.is(i + 2, "s");
        let name_next = t.is_cap(i + 1) && self.month_at(i + 1).is_none();
        if ambiguous && (possessive || name_next) {
            return false;
        }
        if self.prev_word_in(i, lx::DATE_CUES) || self.continues_range(i) {
            return true;
        }
        // "the three months to September" (not "to March", "to May": verbs and names).
        if !ambiguous && self.prev_word_in(i, &["to"]) {
            return true;
        }
        if !ambiguous && self.prev_word_in(i, lx::DETERMINERS) {
            return (t.is_word(i + 1) && !t.is_cap(i + 1)) || possessive;
        }
        false
    }

    /// "Friday", "Friday, April 26, 2024", "Fri., Apr. 26".
    fn parse_weekday(&self, i: usize) -> Hit {
        let t = &self.t;
        let (w, abbr) = self.weekday_at(i)?;
        let mut j = i + 1;
        if abbr && t.is_p(j, '.') && t.adj(i) {
            j += 1;
        }
        if t.is_p(j, ',') {
            j += 1;
        }
        let full = self
            .parse_month_first(j)
            .or_else(|| self.parse_day_first(j))
            .or_else(|| self.parse_numeric(j));
        if let Some((e, f)) = full {
            if matches!(
                f,
                Found::Abs {
                    gran: Granularity::Day,
                    ..
                } | Found::Rel(RelRule::MonthDay(..))
            ) {
                return Some((e, f));
            }
        }
        if abbr || !self.bare_weekday_ok(i) {
            return None;
        }
        let mode = if self.future_cue(i) {
            Mode::Coming
        } else {
            Mode::Recent
        };
        Some((i + 1, Found::Rel(RelRule::Weekday(w, mode))))
    }

    fn bare_weekday_ok(&self, i: usize) -> bool {
        let t = &self.t;
        if self.prev_word_in(i, lx::DATE_CUES) || self.continues_range(i) {
            return true;
        }
        if i > 0 && t.is_cap(i - 1) && self.word_in(i - 1, lx::WEEKDAY_NAME_PREFIXES) {
            return false;
        }
        let n = i + 1;
        if t.is_cap(n)
            && self.month_at(n).is_none()
            && self.weekday_at(n).is_none()
            && !t.starts_sentence(n)
        {
            return false;
        }
        true
    }

    /// "the 1990s", "the early 1990s", "the end of 2018", "the first quarter", "the 26th of
    /// April", "the day before yesterday", "the weekend".
    fn parse_the(&self, i: usize) -> Hit {
        let t = &self.t;
        if !t.is(i, "the") {
            return None;
        }
        let j = i + 1;
        if let Some(h) = self.parse_decade(i, j) {
            return Some(h);
        }
        if let Some(h) = self.parse_part(i, j) {
            if matches!(
                h.1,
                Found::Abs {
                    gran: Granularity::Decade,
                    ..
                }
            ) {
                return Some(h);
            }
        }
        if let Some(h) = self.parse_part_noun(i, j) {
            return Some(h);
        }
        if let Some(h) = self.parse_period_ordinal(i, j) {
            return Some(h);
        }
        if t.is_num(j) {
            if let Some((e, f)) = self.parse_day_first(j) {
                if t.is_word(j + 1) {
                    return Some((e, f)); // "the 26th of April": the suffix makes it a day
                }
            }
        }
        if t.is(j, "day") && t.is(j + 1, "before") && t.is(j + 2, "yesterday") {
            return Some((j + 3, Found::Rel(RelRule::Day(-2))));
        }
        if t.is(j, "day") && t.is(j + 1, "after") && t.is(j + 2, "tomorrow") {
            return Some((j + 3, Found::Rel(RelRule::Day(2))));
        }
        if t.is(j, "weekend") && self.prev_word_in(i, &["at", "over", "during", "on", "this"]) {
            let mode = if self.future_cue(i) {
                Mode::Coming
            } else {
                Mode::Recent
            };
            return Some((j + 1, Found::Rel(RelRule::Weekend(mode))));
        }
        None
    }

    /// "1990s" at `j` (digits) or "'90s" (apostrophe), the span starting at `from`.
    fn parse_decade(&self, from: usize, j: usize) -> Hit {
        self.decade_at(j)
            .map(|(e, y)| (e, decade_found(y, Part::Whole)))
            .filter(|_| from == j || self.t.is(from, "the"))
    }

    fn decade_at(&self, j: usize) -> Option<(usize, i32)> {
        let t = &self.t;
        let glued_on = |k: usize| t.adj(k) && matches!(t.kind(k + 1), Some(Kind::Word | Kind::Num));
        if t.digits(j) == 4 && t.adj(j) && t.is(j + 1, "s") && !glued_on(j + 1) {
            let y = t.int(j)? as i32;
            if y % 10 == 0 && (1000..=2990).contains(&y) && !self.number_glued_before(j) {
                return Some((j + 2, y));
            }
        }
        if t.is_apos(j) && t.adj(j) && t.digits(j + 1) == 2 && t.adj(j + 1) && t.is(j + 2, "s") {
            let yy = t.int(j + 1)? as i32;
            if yy % 10 == 0 && !glued_on(j + 2) {
                let y = if yy >= 30 { 1900 + yy } else { 2000 + yy };
                return Some((j + 3, y));
            }
        }
        None
    }

    /// "late 2018", "mid-2020", "early next year", "earlier this month", "mid-November",
    /// "late November 2023", "the early 1990s" (span from `from`, part word at `j`).
    fn parse_part(&self, from: usize, j: usize) -> Hit {
        let t = &self.t;
        let part = look(lx::PART_WORDS, self.low(j).as_str())?;
        let mut k = j + 1;
        if t.is_dash(k) && t.adj(j) && t.adj(k) {
            k += 1;
        }
        if matches!(part, Part::SoFar | Part::Rest) {
            // "earlier this month", "later this year", "earlier this week".
            if !t.is(k, "this") {
                return None;
            }
            return self
                .period_offset(k + 1, 0, part)
                .map(|(e, r)| (e, Found::Rel(r)));
        }
        if let Some((e, y)) = self.decade_at(k) {
            return Some((e, decade_found(y, part)));
        }
        if t.is(k, "the") {
            if let Some((e, y)) = self.decade_at(k + 1) {
                return Some((e, decade_found(y, part)));
            }
        }
        if from != j {
            return None; // "the late …" only with a decade
        }
        self.part_target(k, part)
    }

    /// What a part (early/mid/late, beginning/middle/end of) applies to, starting at `k`.
    fn part_target(&self, k: usize, part: Part) -> Hit {
        let t = &self.t;
        if let Some(y) = self.year_at(k) {
            let (lo, hi) = apply_part(year_span(y), Granularity::Year, part, None);
            return Some((
                k + 1,
                abs(
                    lo,
                    hi,
                    Granularity::PartOfYear,
                    format!("{y:04}-{}", part_label(part)),
                ),
            ));
        }
        if let Some((m, abbr)) = self.month_at(k) {
            let mut e = k + 1;
            if abbr && t.is_p(e, '.') && t.adj(k) {
                e += 1;
            } else if abbr {
                return None;
            }
            let mut ky = e;
            if t.is(ky, "of") || t.is_p(ky, ',') {
                ky += 1;
            }
            if let Some(y) = self.year_at(ky) {
                let (lo, hi) = apply_part(month_span(y, m), Granularity::Month, part, None);
                return Some((
                    ky + 1,
                    abs(
                        lo,
                        hi,
                        Granularity::Week,
                        format!("{y:04}-{m:02}-{}", part_label(part)),
                    ),
                ));
            }
            let mode = if self.future_cue(k) {
                Mode::Coming
            } else {
                Mode::Recent
            };
            return Some((e, Found::Rel(RelRule::NamedMonth(m, mode, part))));
        }
        let off = match self.low(k).as_str() {
            "this" => 0,
            "next" => 1,
            "last" => -1,
            "the" => {
                // "the end of the year", "the beginning of the month"
                return self
                    .period_offset(k + 1, 0, part)
                    .map(|(e, r)| (e, Found::Rel(r)));
            }
            _ => return None,
        };
        self.period_offset(k + 1, off, part)
            .map(|(e, r)| (e, Found::Rel(r)))
    }

    /// "week" / "month" / "year" at `k`, shifted by `off`, with a part.
    fn period_offset(&self, k: usize, off: i32, part: Part) -> Option<(usize, RelRule)> {
        let rule = match self.low(k).as_str() {
            "week" => RelRule::Week(off, part),
            "month" => RelRule::Month(off, part),
            "year" => RelRule::Year(off, part),
            _ => return None,
        };
        Some((k + 1, rule))
    }

    /// "the end of 2018", "the beginning of next year", "end of November" (span from `from`,
    /// part noun at `j`).
    fn parse_part_noun(&self, from: usize, j: usize) -> Hit {
        let part = look(lx::PART_NOUNS, self.low(j).as_str())?;
        if !self.t.is(j + 1, "of") {
            return None;
        }
        if from == j
            && !self.prev_word_in(
                j,
                &[
                    "by", "at", "until", "till", "since", "from", "before", "after", "to",
                ],
            )
        {
            return None; // without "the", only "by end of …"
        }
        let k = j + 2;
        if let Some((e, y)) = self.decade_at(k + usize::from(self.t.is(k, "the"))) {
            return Some((e, decade_found(y, part)));
        }
        self.part_target(k, part)
    }

    /// "last week", "next year", "this month", "last Friday", "next November", "this
    /// spring", "last weekend", "last night", "this coming Friday", "this past weekend".
    fn parse_rel_word(&self, i: usize) -> Hit {
        let t = &self.t;
        let w = self.low(i);
        let (mut mode, off) = match w.as_str() {
            "last" => (Mode::Last, -1),
            "next" => (Mode::Next, 1),
            "this" => (Mode::This, 0),
            _ => return None,
        };
        let mut k = i + 1;
        if mode == Mode::This && t.is(k, "coming") {
            mode = Mode::Coming;
            k += 1;
        } else if mode == Mode::This && t.is(k, "past") {
            mode = Mode::Last;
            k += 1;
        }
        if let Some((wd, false)) = self.weekday_at(k) {
            return Some((k + 1, Found::Rel(RelRule::Weekday(wd, mode))));
        }
        if let Some((m, false)) = self.month_at(k) {
            let mode = if mode == Mode::Coming {
                Mode::Next
            } else {
                mode
            };
            return Some((k + 1, Found::Rel(RelRule::NamedMonth(m, mode, Part::Whole))));
        }
        if let Some(s) = self.season_at(k) {
            return Some((k + 1, Found::Rel(RelRule::Season(s, mode))));
        }
        // "the last year" / "the next week" mean the twelve months / seven days around the
        // anchor, not the calendar period: not a date here.
        if i > 0 && t.is(i - 1, "the") {
            return None;
        }
        match self.low(k).as_str() {
            "weekend" => return Some((k + 1, Found::Rel(RelRule::Weekend(mode)))),
            "night" if mode == Mode::Last => return Some((k + 1, Found::Rel(RelRule::Day(-1)))),
            "morning" | "afternoon" | "evening" if mode == Mode::This => {
                return Some((k + 1, Found::Rel(RelRule::Day(0))))
            }
            _ => {}
        }
        if k != i + 1 {
            return None;
        }
        self.period_offset(k, off, Part::Whole)
            .map(|(e, r)| (e, Found::Rel(r)))
    }

    fn parse_day_word(&self, i: usize) -> Hit {
        let k = look(lx::DAY_WORDS, self.low(i).as_str())?;
        Some((i + 1, Found::Rel(RelRule::Day(k))))
    }

    fn season_at(&self, i: usize) -> Option<u32> {
        let w = self.low(i);
        let idx = lx::SEASONS.iter().position(|(s, _)| *s == w.as_str())?;
        // "fall" shares autumn's entry.
        Some(match idx {
            0 => 0,
            1 => 1,
            2 | 3 => 2,
            _ => 3,
        })
    }

    /// "spring 2019", "the summer of 2020", "in the spring".
    fn parse_season(&self, i: usize) -> Hit {
        let t = &self.t;
        let s = self.season_at(i)?;
        let mut k = i + 1;
        if t.is(k, "of") {
            k += 1;
        }
        if let Some(y) = self.year_at(k) {
            let (first, len) = lx::SEASONS.get(s as usize).map(|e| e.1)?;
            let (lo, hi) = if s == 3 {
                // "winter 2019": January 2019 to February 2020 (either winter touching 2019).
                (ymd(y, 1, 1), months_span(y, first, len).1)
            } else {
                months_span(y, first, len)
            };
            return Some((
                k + 1,
                abs(
                    lo,
                    hi,
                    Granularity::PartOfYear,
                    format!("{y:04}-{}", SEASON_KEYS[s as usize]),
                ),
            ));
        }
        let cue = |p: usize| self.word_in(p, &["in", "during", "since", "until", "by", "through"]);
        let cued = (i >= 1 && cue(i - 1)) || (i >= 2 && t.is(i - 1, "the") && cue(i - 2));
        if !cued {
            return None;
        }
        let mode = if self.future_cue(i) {
            Mode::Coming
        } else {
            Mode::Recent
        };
        Some((i + 1, Found::Rel(RelRule::Season(s, mode))))
    }

    /// "Q1", "Q3 2024", "H1 2024".
    fn parse_q(&self, i: usize) -> Hit {
        let t = &self.t;
        let half = match t.s(i) {
            "Q" => false,
            "H" => true,
            _ => return None,
        };
        if !t.adj(i) || t.digits(i + 1) != 1 || self.number_continues(i + 1) {
            return None;
        }
        if i > 0 && t.adj(i - 1) {
            return None;
        }
        let n = t.int(i + 1)? as u32;
        if !(1..=if half { 2 } else { 4 }).contains(&n) {
            return None;
        }
        let mut k = i + 2;
        if t.is_p(k, '/') && t.adj(k - 1) {
            k += 1;
        }
        if let Some(y) = self.year_at(k) {
            return Some((k + 1, period_found(y, n, half)));
        }
        if half {
            return None;
        }
        Some((i + 2, Found::Rel(RelRule::Quarter(n, 0))))
    }

    /// "first quarter", "the second half of 2024", "the fourth quarter of last year"
    /// (span from `from`, ordinal at `j`).
    fn parse_period_ordinal(&self, from: usize, j: usize) -> Hit {
        let t = &self.t;
        let w = self.low(j);
        let n = look(lx::PERIOD_ORDINALS, w.as_str())?;
        let mut k = j + 1;
        if t.is_dash(k) && t.adj(j) {
            k += 1;
        }
        let half = match self.low(k).as_str() {
            "quarter" => false,
            "half" => true,
            _ => return None,
        };
        if half && n > 2 && !matches!(w.as_str(), "last" | "final") {
            return None;
        }
        let n = if half && n == 4 { 2 } else { n };
        let k = k + 1;
        let loose = matches!(w.as_str(), "last" | "final");
        if t.is(k, "of") {
            if let Some(y) = self.year_at(k + 1) {
                return Some((k + 2, period_found(y, n, half)));
            }
            let off = match self.low(k + 1).as_str() {
                "this" | "the" => 0,
                "next" => 1,
                "last" => -1,
                _ => return None,
            };
            if !t.is(k + 2, "year") {
                return None;
            }
            let rule = if half {
                RelRule::Half(n, off)
            } else {
                RelRule::Quarter(n, off)
            };
            return Some((k + 3, Found::Rel(rule)));
        }
        if half || loose {
            return None;
        }
        // "the first quarter" alone; "first-quarter profits". Not after "a" ("a first quarter").
        if from == j && i_prev_is(t, j, "a") {
            return None;
        }
        Some((k, Found::Rel(RelRule::Quarter(n, 0))))
    }

    /// "2018-2020", "2018–19".
    fn parse_year_range(&self, i: usize) -> Hit {
        let t = &self.t;
        if t.digits(i) != 4 || !t.adj(i) || !t.is_dash(i + 1) || !t.adj(i + 1) {
            return None;
        }
        if self.number_glued_before(i) || self.number_continues(i + 2) {
            return None;
        }
        if t.adj(i + 2) && t.is_dash(i + 3) {
            return None;
        }
        let a = t.int(i)? as i32;
        let b = match t.digits(i + 2) {
            4 => t.int(i + 2)? as i32,
            2 => a / 100 * 100 + t.int(i + 2)? as i32,
            _ => return None,
        };
        if !(1800..=2100).contains(&a) || b <= a || b - a > 100 || b > 2100 {
            return None;
        }
        Some((
            i + 3,
            abs(
                year_span(a).0,
                year_span(b).1,
                Granularity::Year,
                format!("{a:04}/{b:04}"),
            ),
        ))
    }

    /// A bare year in a date-like position (see the module docs).
    fn parse_year(&self, i: usize) -> Hit {
        let t = &self.t;
        if t.digits(i) != 4 {
            return None;
        }
        let fy = i > 0 && t.adj(i - 1) && self.word_in(i - 1, &["fy"]);
        if !fy && self.number_glued_before(i) {
            return None;
        }
        let possessive = t.is_apos(i + 1) && t.adj(i) && t.is(i + 2, "s");
        if !possessive && self.number_continues(i) {
            return None;
        }
        let y = t.int(i)? as i32;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        let next = self.low(i + 1);
        let strong = [
            "in", "since", "during", "until", "till", "of", "year", "fiscal", "fy",
        ];
        let cue_before = fy
            || (i > 0
                && self.word_in(i - 1, lx::DATE_CUES)
                && !self.word_in(i - 1, &["last", "next", "this", "every", "each", "past"]))
            || self.prev_word_in(i, &["year", "years", "fiscal", "circa", "c", "ca"]);
        let ok = if cue_before {
            !is_in(lx::NOT_YEAR_AFTER, next.as_str()) || self.prev_word_in(i, &strong)
        } else {
            possessive
                || (i > 0 && t.is_p(i - 1, '(') && t.is_p(i + 1, ')'))
                || self.continues_range(i)
                || self.year_noun_follows(i)
        };
        ok.then(|| (i + 1, year_found(y)))
    }

    /// True when an event noun follows within three words ("2024 US presidential elections").
    fn year_noun_follows(&self, i: usize) -> bool {
        let t = &self.t;
        for k in i + 1..i + 4 {
            if !t.is_word(k) {
                return false;
            }
            if self.word_in(k, lx::YEAR_NOUNS) {
                return true;
            }
            // A lower-case plural noun that is not an event ("2018 people") stops it.
            if !t.is_cap(k) && k == i + 1 && is_in(lx::NOT_YEAR_AFTER, self.low(k).as_str()) {
                return false;
            }
        }
        false
    }
}

/// Every lower-case word a date mention can start with.
fn date_starters() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set = rustc_hash::FxHashSet::default();
        set.extend(lx::MONTHS.iter().map(|(w, _)| *w));
        set.extend(lx::WEEKDAYS.iter().map(|(w, _)| *w));
        set.extend(lx::SEASONS.iter().map(|(w, _)| *w));
        set.extend(lx::DAY_WORDS.iter().map(|(w, _)| *w));
        set.extend(lx::PART_WORDS.iter().map(|(w, _)| *w));
        set.extend(lx::PART_NOUNS.iter().map(|(w, _)| *w));
        set.extend(lx::PERIOD_ORDINALS.iter().map(|(w, _)| *w));
        set.extend(lx::SMALL_NUMBERS.iter().map(|(w, _)| *w));
        set.extend([
            "the", "last", "next", "this", "q", "h", "noon", "midday", "midnight",
        ]);
        set
    })
}

fn i_prev_is(t: &Toks<'_>, j: usize, w: &str) -> bool {
    j > 0 && t.is(j - 1, w)
}

fn period_found(y: i32, n: u32, half: bool) -> Found {
    if half {
        let (lo, hi) = months_span(y, 6 * n - 5, 6);
        abs(lo, hi, Granularity::PartOfYear, format!("{y:04}-H{n}"))
    } else {
        let (lo, hi) = months_span(y, 3 * n - 2, 3);
        abs(lo, hi, Granularity::PartOfYear, format!("{y:04}-Q{n}"))
    }
}

#[cfg(test)]
mod tests;
