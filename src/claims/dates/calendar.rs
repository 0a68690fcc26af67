//! claims::dates::calendar: proleptic Gregorian day arithmetic for date resolution.
//!
//! Input: [`CalendarDate`]s and day counts. Output: day numbers, weekdays, shifted dates.
//! Invariants: total functions; results are clamped to years 1–9999 so no input overflows.
//! The algorithms are Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>): twenty lines instead of a
//! date crate, since storydiff needs only days, months and weekdays (no time zones).

use crate::claims::{days_in_month, CalendarDate};

/// Days since 1970-01-01.
pub(crate) fn days(d: CalendarDate) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

const MIN_DAYS: i64 = -719_162; // 0001-01-01
const MAX_DAYS: i64 = 2_932_896; // 9999-12-31

/// The date `z` days after 1970-01-01 (clamped to years 1–9999).
pub(crate) fn from_days(z: i64) -> CalendarDate {
    let z = z.clamp(MIN_DAYS, MAX_DAYS) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    CalendarDate { year, month, day }
}

/// 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(d: CalendarDate) -> u32 {
    // 1970-01-01 was a Thursday (3).
    (days(d) + 3).rem_euclid(7) as u32
}

pub(crate) fn add_days(d: CalendarDate, n: i64) -> CalendarDate {
    from_days(days(d).saturating_add(n))
}

/// Year and month `k` months after (`year`, `month`).
pub(crate) fn add_months(year: i32, month: u32, k: i64) -> (i32, u32) {
    let idx = i64::from(year) * 12 + i64::from(month) - 1 + k;
    let idx = idx.clamp(12, 9999 * 12 + 11);
    ((idx / 12) as i32, (idx % 12) as u32 + 1)
}

pub(crate) fn ymd(year: i32, month: u32, day: u32) -> CalendarDate {
    CalendarDate { year, month, day }
}

/// A valid date, or None.
pub(crate) fn checked(year: i64, month: u32, day: u32) -> Option<CalendarDate> {
    let year = i32::try_from(year).ok()?;
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    (day <= days_in_month(year, month)).then_some(ymd(year, month, day))
}

/// First and last day of a month.
pub(crate) fn month_span(year: i32, month: u32) -> (CalendarDate, CalendarDate) {
    (
        ymd(year, month, 1),
        ymd(year, month, days_in_month(year, month)),
    )
}

/// First and last day of `count` months starting at (`year`, `month`).
pub(crate) fn months_span(year: i32, month: u32, count: u32) -> (CalendarDate, CalendarDate) {
    let (ly, lm) = add_months(year, month, i64::from(count.max(1)) - 1);
    (month_span(year, month).0, month_span(ly, lm).1)
}

pub(crate) fn year_span(year: i32) -> (CalendarDate, CalendarDate) {
    (ymd(year, 1, 1), ymd(year, 12, 31))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        for z in [-719_162, -1, 0, 1, 19_839, 2_932_896] {
            assert_eq!(days(from_days(z)), z);
        }
        assert_eq!(from_days(0), ymd(1970, 1, 1));
        assert_eq!(weekday(ymd(2024, 4, 26)), 4); // a Friday
        assert_eq!(weekday(ymd(2000, 1, 1)), 5); // a Saturday
        assert_eq!(add_days(ymd(2024, 2, 28), 1), ymd(2024, 2, 29));
        assert_eq!(add_days(ymd(2023, 12, 31), 1), ymd(2024, 1, 1));
        assert_eq!(add_months(2024, 1, -2), (2023, 11));
        assert_eq!(add_months(2024, 12, 1), (2025, 1));
        assert_eq!(checked(2023, 2, 29), None);
        assert_eq!(from_days(i64::MAX / 2), ymd(9999, 12, 31));
    }
}
