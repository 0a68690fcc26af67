//! Tests of the date extractor: phrase forms, false positives, resolution and comparison.

use super::*;

fn d(s: &str) -> CalendarDate {
    s.parse().unwrap()
}

/// The (matched text, label) pairs found in `text`.
fn labels(text: &str) -> Vec<(String, String)> {
    find_dates(text, None)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.expr.label))
        .collect()
}

fn one(text: &str, anchor: Option<&str>) -> DateMention {
    let found = find_dates(text, anchor.map(d));
    assert_eq!(found.len(), 1, "{text:?} → {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn smoke() {
    assert_eq!(
        labels("On April 26, 2024 he left."),
        [("April 26, 2024".to_string(), "2024-04-26".to_string())]
    );
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn absolute_forms() {
    assert_eq!(
        labels("April 26, 2024"),
        [pair("April 26, 2024", "2024-04-26")]
    );
    assert_eq!(
        labels("26 April 2024"),
        [pair("26 April 2024", "2024-04-26")]
    );
    assert_eq!(
        labels("on 26th of April, 2024"),
        [pair("26th of April, 2024", "2024-04-26")]
    );
    assert_eq!(labels("26/4/2024"), [pair("26/4/2024", "2024-04-26")]);
    assert_eq!(labels("4/26/2024"), [pair("4/26/2024", "2024-04-26")]);
    assert_eq!(labels("2024-04-26"), [pair("2024-04-26", "2024-04-26")]);
    assert_eq!(labels("26.04.2024"), [pair("26.04.2024", "2024-04-26")]);
    assert_eq!(labels("in April 2024"), [pair("April 2024", "2024-04")]);
    assert_eq!(labels("Nov. 2023"), [pair("Nov. 2023", "2023-11")]);
    assert_eq!(
        labels("November of 2023"),
        [pair("November of 2023", "2023-11")]
    );
    assert_eq!(labels("in 2024"), [pair("2024", "2024")]);
    assert_eq!(
        labels("Friday, April 26, 2024"),
        [pair("Friday, April 26, 2024", "2024-04-26")]
    );
    assert_eq!(labels("Apr. 26"), [pair("Apr. 26", "month-day:04-26")]);
    assert_eq!(
        labels("April 26th"),
        [pair("April 26th", "month-day:04-26")]
    );
}

#[test]
fn same_meaning_same_label() {
    let l = |t: &str| one(t, None).expr.label;
    assert_eq!(l("Nov. 2023"), l("November 2023"));
    assert_eq!(l("26 April 2024"), l("April 26, 2024"));
    assert_eq!(l("2024-04-26"), l("26/04/2024"));
    assert_eq!(l("on Friday"), l("Friday"));
    assert_eq!(l("mid-2020"), l("mid 2020"));
    assert_eq!(l("the end of 2018"), l("late 2018"));
}

#[test]
fn ambiguous_numeric_date_covers_both_readings() {
    let m = one("5/4/2024", None);
    assert_eq!(m.expr.label, "2024-04-05|2024-05-04");
    assert_eq!(m.expr.interval, Some((d("2024-04-05"), d("2024-05-04"))));
    assert!(labels("31/2/2024").is_empty());
    assert!(labels("version 1.2.3.4").is_empty());
}

#[test]
fn partial_forms() {
    assert_eq!(labels("in November")[0].1, "month:nov");
    let late = one("in late 2018", None).expr;
    assert_eq!(late.label, "2018-late");
    assert_eq!(late.interval, Some((d("2018-09-01"), d("2018-12-31"))));
    assert_eq!(late.granularity, Granularity::PartOfYear);
    let early = one("early 2018", None).expr;
    assert_eq!(early.interval, Some((d("2018-01-01"), d("2018-04-30"))));
    let mid = one("mid-2020", None).expr;
    assert_eq!(mid.interval, Some((d("2020-05-01"), d("2020-08-31"))));
    assert_eq!(
        labels("early next year")[0],
        pair("early next year", "year:+1:early")
    );
    let dec = one("in the 1990s", None).expr;
    assert_eq!(dec.label, "1990s");
    assert_eq!(dec.interval, Some((d("1990-01-01"), d("1999-12-31"))));
    assert_eq!(dec.granularity, Granularity::Decade);
    assert_eq!(one("the '90s", None).expr.label, "1990s");
    assert_eq!(labels("died in the 1990s, aged 21")[0].0, "the 1990s");
    assert_eq!(
        one("the early 1990s", None).expr.interval,
        Some((d("1990-01-01"), d("1993-12-31")))
    );
    let spring = one("in spring 2019", None).expr;
    assert_eq!(spring.label, "2019-spring");
    assert_eq!(spring.interval, Some((d("2019-03-01"), d("2019-05-31"))));
    assert_eq!(one("the summer of 2020", None).expr.label, "2020-summer");
    assert_eq!(
        labels("in the first quarter")[0],
        pair("the first quarter", "quarter:1:year0")
    );
    assert_eq!(one("the first quarter of 2024", None).expr.label, "2024-Q1");
    assert_eq!(one("Q3 2024", None).expr.label, "2024-Q3");
    assert_eq!(one("the second half of 2024", None).expr.label, "2024-H2");
    assert_eq!(one("in mid-November", None).expr.label, "month:nov:mid");
    let lnov = one("late November 2023", None).expr;
    assert_eq!(lnov.interval, Some((d("2023-11-21"), d("2023-11-30"))));
    assert_eq!(one("2018-2020", None).expr.label, "2018/2020");
    assert_eq!(one("the 2018–19 season", None).expr.label, "2018/2019");
}

#[test]
fn relative_forms() {
    let cases = [
        ("Friday", "weekday:fri"),
        ("on Friday", "weekday:fri"),
        ("last November", "month:nov:last"),
        ("next week", "week:+1"),
        ("two weeks ago", "ago:2w"),
        ("yesterday", "day:-1"),
        ("earlier this month", "month:0:sofar"),
        ("this year", "year:0"),
        ("last year", "year:-1"),
        ("later this year", "year:0:rest"),
        ("last Friday", "weekday:fri:last"),
        ("next Monday", "weekday:mon:next"),
        ("this coming Friday", "weekday:fri:coming"),
        ("last spring", "season:spring:last"),
        ("a year ago", "ago:1y"),
        ("3 days ago", "ago:3d"),
        ("last weekend", "weekend:last"),
        ("the day before yesterday", "day:-2"),
        ("by the end of the year", "year:0:late"),
        ("last night", "day:-1"),
    ];
    for (text, label) in cases {
        let found = labels(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, label, "{text}");
        assert!(one(text, None).expr.relative, "{text}");
    }
}

#[test]
fn times_of_day() {
    assert_eq!(
        labels("at 3 p.m. on Friday")[0],
        pair("3 p.m.", "time:15:00")
    );
    assert_eq!(labels("around noon")[0].1, "time:12:00");
    assert_eq!(labels("10am")[0].1, "time:10:00");
    assert_eq!(labels("at 3:30 pm")[0].1, "time:15:30");
    assert_eq!(labels("15:30 GMT")[0], pair("15:30 GMT", "time:15:30"));
    assert_eq!(labels("12 midnight")[0].1, "time:00:00");
    assert_eq!(labels("5 o'clock")[0].1, "time:05:00");
    assert_eq!(one("3 p.m.", None).expr.granularity, Granularity::TimeOfDay);
    assert!(labels("the score was 15:30").is_empty());
    let (a, b) = (one("3 p.m.", None).expr, one("4 p.m.", None).expr);
    assert_eq!(compare_dates(&a, &b), Relation::Conflict);
    assert_eq!(
        compare_dates(&a, &one("15:00 GMT", None).expr),
        Relation::Same
    );
}

#[test]
fn false_positives() {
    assert!(labels("He may resign.").is_empty());
    assert!(labels("May said she would resign.").is_empty());
    assert!(labels("in May's cabinet").is_empty());
    assert!(labels("They will March on Washington").is_empty());
    assert!(labels("the Good Friday Agreement").is_empty());
    assert!(labels("Black Friday sales").is_empty());
    assert!(labels("the Friday Prayers").is_empty());
    assert!(labels("2,018 people").is_empty());
    assert!(labels("2018 people were evacuated").is_empty());
    assert!(labels("a total of 2,018 votes or 2018 signatures").is_empty());
    assert!(labels("April Ryan asked").is_empty());
    assert!(labels("COVID-19").is_empty());
    assert!(labels("Boeing 737 and A320").is_empty());
    assert!(labels("over the last year").is_empty());
    assert!(labels("a first quarter").is_empty());
    assert!(labels("hot spring water").is_empty());
    assert!(labels("prices fall").is_empty());
    assert!(labels("November was cold").is_empty());
}

#[test]
fn years_need_context() {
    assert_eq!(labels("the 2024 elections")[0].1, "2024");
    assert_eq!(labels("the 2024 US presidential elections")[0].1, "2024");
    assert_eq!(labels("since 2018")[0].1, "2018");
    assert_eq!(labels("the election of 2024")[0].1, "2024");
    assert_eq!(labels("2024's elections")[0].1, "2024");
    assert_eq!(labels("the report (2019) said")[0].1, "2019");
    assert_eq!(labels("between 2018 and 2020").len(), 2);
    assert_eq!(labels("fiscal 2023")[0].1, "2023");
    assert!(labels("He scored 2024 points").is_empty());
    assert!(labels("in 1700").is_empty());
    assert!(labels("room 2024").is_empty());
}

#[test]
fn bare_months_and_weekdays_need_context() {
    assert_eq!(
        labels("their November meeting in San Francisco")[0].1,
        "month:nov"
    );
    assert_eq!(labels("since he met Biden in November.")[0].1, "month:nov");
    assert_eq!(labels("between March and May").len(), 2);
    assert_eq!(labels("in the three months to September")[0].1, "month:sep");
    assert!(labels("he said to May").is_empty());
    assert_eq!(
        labels("in an interview Friday at the close")[0].1,
        "weekday:fri"
    );
    assert_eq!(labels("Xi on Friday told Blinken")[0].1, "weekday:fri");
    assert_eq!(labels("Friday's meeting")[0].1, "weekday:fri");
    assert!(labels("the May meeting").is_empty()); // May needs a preposition
}

#[test]
fn future_cues_flip_bare_months() {
    let m = one("The vote will be held in November", Some("2024-04-26")).expr;
    assert_eq!(m.label, "month:nov:coming");
    assert_eq!(m.interval, Some((d("2024-11-01"), d("2024-11-30"))));
    let past = one("They met in November", Some("2024-04-26")).expr;
    assert_eq!(past.interval, Some((d("2023-11-01"), d("2023-11-30"))));
    let fri = one("He will travel on Friday", Some("2024-04-24")).expr;
    assert_eq!(fri.interval, Some((d("2024-04-26"), d("2024-04-26"))));
}

#[test]
fn resolution_against_exact_anchor() {
    let a = Some("2024-04-27"); // a Saturday
    let at = |t: &str| one(t, a).expr.interval.unwrap();
    assert_eq!(at("Friday"), (d("2024-04-26"), d("2024-04-26")));
    assert_eq!(at("on Saturday"), (d("2024-04-27"), d("2024-04-27")));
    assert_eq!(at("last Saturday"), (d("2024-04-20"), d("2024-04-20")));
    assert_eq!(at("next Friday"), (d("2024-05-03"), d("2024-05-03")));
    assert_eq!(at("this Monday"), (d("2024-04-22"), d("2024-04-22")));
    assert_eq!(at("last November"), (d("2023-11-01"), d("2023-11-30")));
    assert_eq!(at("next week"), (d("2024-04-29"), d("2024-05-05")));
    assert_eq!(at("two weeks ago"), (d("2024-04-10"), d("2024-04-16")));
    assert_eq!(at("yesterday"), (d("2024-04-26"), d("2024-04-26")));
    assert_eq!(at("earlier this month"), (d("2024-04-01"), d("2024-04-27")));
    assert_eq!(at("this year"), (d("2024-01-01"), d("2024-12-31")));
    assert_eq!(at("last year"), (d("2023-01-01"), d("2023-12-31")));
    assert_eq!(at("early next year"), (d("2025-01-01"), d("2025-04-30")));
    assert_eq!(at("the first quarter"), (d("2024-01-01"), d("2024-03-31")));
    assert_eq!(at("Apr. 26"), (d("2024-04-26"), d("2024-04-26")));
    assert_eq!(at("last spring"), (d("2023-03-01"), d("2023-05-31")));
    assert_eq!(at("this weekend"), (d("2024-04-27"), d("2024-04-28")));
    // An April anchor puts "December 20" in the past year, nearest occurrence.
    assert_eq!(at("December 20"), (d("2023-12-20"), d("2023-12-20")));
}

#[test]
fn anchor_ranges_widen_intervals() {
    let anchor = Anchor::year(2024);
    let found = find_dates_anchored("their summit in San Francisco last November", Some(&anchor));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].expr.interval,
        Some((d("2023-11-01"), d("2024-11-30")))
    );
    assert_eq!(found[0].expr.anchor, Some(anchor));
    assert!(!found[0].expr.is_certain());
    let exact = Anchor::exact(d("2024-04-26"));
    assert!(exact.is_exact());
    let f = find_dates_anchored("on Friday", Some(&exact));
    assert!(f[0].expr.is_certain());
    // Re-resolution keeps absolute dates and moves relative ones.
    let moved = f[0].expr.resolved(Some(&Anchor::exact(d("2024-05-06"))));
    assert_eq!(moved.interval, Some((d("2024-05-03"), d("2024-05-03"))));
}

/// The seed pair: A's "last November" and B's "November meeting" against B's "late 2018".
/// Neither text states a date of its own, so their relative dates are compared under one
/// unknown anchor that the years they mention (2024) bound from below.
#[test]
fn seed_summit_dates() {
    let a_text = "Blinken said he repeated a message President Joe Biden gave to Xi during their \
                  summit in San Francisco last November not to interfere in the 2024 US \
                  presidential elections.";
    let b_text = "he restated President Joe Biden's directive to Xi Jinping, delivered at their \
                  November meeting in San Francisco, to abstain from meddling in the US \
                  presidential election of 2024. ... resulted in the Biden-Xi summit in late \
                  2018 and have seen";
    assert_eq!(infer_anchor(a_text), None);
    assert_eq!(infer_anchor(b_text), None);
    let (floor_a, year_a) = anchor_floor(a_text).unwrap();
    assert_eq!((floor_a, year_a), (d("2022-01-01"), 2024));
    let (floor_b, _) = anchor_floor(b_text).unwrap();
    let get = |text: &str, floor: CalendarDate, w: &str| {
        find_dates_anchored(text, None)
            .into_iter()
            .find(|m| &text[m.start..m.end] == w)
            .unwrap()
            .expr
            .with_floor(Some(floor))
    };
    let last_nov = get(a_text, floor_a, "last November");
    let nov = get(b_text, floor_b, "November");
    let late = get(b_text, floor_b, "late 2018");
    assert_eq!(late.interval, Some((d("2018-09-01"), d("2018-12-31"))));
    assert_eq!(late.floor, None, "an absolute date keeps no floor");
    assert_eq!(compare_dates(&last_nov, &late), Relation::Conflict);
    assert_eq!(compare_dates(&nov, &late), Relation::Conflict);
    assert_eq!(compare_dates(&late, &nov), Relation::Conflict);
    // "last November" and "November" agree under one unknown anchor.
    let r = compare_dates(&last_nov, &nov);
    assert!(matches!(r, Relation::Same | Relation::Compatible), "{r:?}");
    // Without the floor nothing bounds the anchor: late 2018 may be "last November".
    let free = last_nov.clone().with_floor(None);
    assert_eq!(compare_dates(&free, &late), Relation::Unknown);
    // With the publication date, as --date gives it.
    let anchor = Anchor::exact(d("2024-04-26"));
    let at = |e: &DateExpr| e.resolved(Some(&anchor));
    assert_eq!(compare_dates(&at(&last_nov), &late), Relation::Conflict);
    assert_eq!(compare_dates(&at(&nov), &late), Relation::Conflict);
    assert_eq!(compare_dates(&at(&last_nov), &at(&nov)), Relation::Same);
    assert_eq!(nov.granularity, Granularity::Month);
}

#[test]
fn infers_anchor_from_first_lines() {
    let text = "Talks end\n\nBEIJING, April 26, 2024 - Officials met on Friday.\n\nIn 2025 more.";
    let (a, why) = infer_anchor(text).unwrap();
    assert_eq!(a, Anchor::exact(d("2024-04-26")));
    assert_eq!(why, "stated in the first lines: 'April 26, 2024'");
    // A month and day alone is not the text's date ("will close on March 3")…
    let text = "BEIJING, April 26 (Reuters) - The 2024 elections loom.";
    assert_eq!(infer_anchor(text), None);
    // …but with its weekday it is, when the calendar allows one year near the text's years.
    let text = "BEIJING, Friday, April 26 (Reuters) - The 2024 elections loom.";
    let (a, why) = infer_anchor(text).unwrap();
    assert_eq!(a, Anchor::exact(d("2024-04-26")));
    assert!(why.contains("a Friday in 2024"), "{why}");
    // Never the latest year mentioned.
    let text = "The plan runs until 2030. It began in 2021 and grew in 2023.";
    assert_eq!(infer_anchor(text), None);
    assert_eq!(anchor_floor(text).unwrap(), (d("2021-01-01"), 2023));
    assert_eq!(infer_anchor("No dates here."), None);
    assert_eq!(anchor_floor("No dates here."), None);
}

/// A story that recalls a year long past is not dated by it: "last November" in a text about
/// the 1966 final may still be November 2023.
#[test]
fn an_old_year_does_not_date_the_story() {
    let a = "The stadium, which hosted the final in 1966, reopened last November.";
    let (floor, _) = anchor_floor(a).unwrap();
    let last_nov = find_dates_anchored(a, None)
        .into_iter()
        .find(|m| &a[m.start..m.end] == "last November")
        .unwrap()
        .expr
        .with_floor(Some(floor));
    let b = one("in November 2023", None).expr;
    assert_ne!(compare_dates(&last_nov, &b), Relation::Conflict);
}

#[test]
fn compare_relations() {
    let e = |t: &str, a: Option<&str>| one(t, a).expr;
    assert_eq!(
        compare_dates(&e("in 2023", None), &e("November 2023", None)),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_dates(&e("November 2023", None), &e("Nov. 2023", None)),
        Relation::Same
    );
    assert_eq!(
        compare_dates(&e("in 2023", None), &e("in 2024", None)),
        Relation::Conflict
    );
    assert_eq!(
        compare_dates(&e("late 2018", None), &e("the second half of 2018", None)),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_dates(&e("mid-2018", None), &e("the second half of 2018", None)),
        Relation::Compatible
    );
    // "Friday" resolving to April 26 is less precise than the full date.
    let a = Some("2024-04-27");
    assert_eq!(
        compare_dates(&e("Friday", a), &e("April 26, 2024", None)),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_dates(&e("Thursday", a), &e("April 26, 2024", None)),
        Relation::Conflict
    );
    // Unresolved relatives: same label is Same, weekdays never coincide, a month and a date
    // cannot be told without an anchor.
    assert_eq!(
        compare_dates(&e("Friday", None), &e("on Friday", None)),
        Relation::Same
    );
    assert_eq!(
        compare_dates(&e("Friday", None), &e("Thursday", None)),
        Relation::Conflict
    );
    assert_eq!(
        compare_dates(&e("yesterday", None), &e("today", None)),
        Relation::Conflict
    );
    assert_eq!(
        compare_dates(&e("Friday", None), &e("in 2024", None)),
        Relation::Unknown
    );
    assert_eq!(
        compare_dates(&e("Friday", None), &e("April 25, 2024", None)),
        Relation::Conflict
    );
    assert_eq!(
        compare_dates(&e("Friday", None), &e("April 26, 2024", None)),
        Relation::Unknown
    );
    assert_eq!(
        compare_dates(&e("April 26", None), &e("May 3, 2024", None)),
        Relation::Conflict
    );
    assert_eq!(
        compare_dates(&e("on Thursday", None), &e("July 10", None)),
        Relation::Unknown
    );
    assert_eq!(
        compare_dates(&e("last November", None), &e("late 2018", None)),
        Relation::Unknown
    );
    assert_eq!(
        compare_dates(&e("this year", None), &e("last November", None)),
        Relation::Unknown
    );
    // Over an uncertain anchor, day by day.
    let y = Anchor::year(2024);
    let ea = |t: &str| find_dates_anchored(t, Some(&y)).remove(0).expr;
    assert_eq!(
        compare_dates(&ea("on Friday"), &ea("on Thursday")),
        Relation::Conflict
    );
    assert_eq!(
        compare_dates(&ea("on Friday"), &e("April 26, 2024", None)),
        Relation::Compatible
    );
    assert_eq!(
        compare_dates(&ea("last year"), &e("in 2023", None)),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_dates(&ea("last year"), &e("in 2019", None)),
        Relation::Conflict
    );
}

#[test]
fn spans_are_exact() {
    let text = "Blinken, in China on Friday, said the summit last November — “yes”.";
    for m in find_dates(text, None) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.start < m.end && m.end <= text.len());
    }
    let got: Vec<String> = labels(text).into_iter().map(|x| x.0).collect();
    assert_eq!(got, ["Friday", "last November"]);
}

#[test]
fn long_input_is_linear() {
    let line = "In late 2018, on Friday, 14,000 people met 3 p.m. ".repeat(200_000); // ~10 MB
    let start = std::time::Instant::now();
    let found = find_dates(&line, None);
    assert_eq!(found.len(), 600_000);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics_spans_in_bounds(s in "\\PC{0,80}") {
            for anchor in [None, Some(d("2024-02-29"))] {
                for m in find_dates(&s, anchor) {
                    prop_assert!(m.start < m.end && m.end <= s.len());
                    prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                }
            }
            let _ = infer_anchor(&s);
        }

        #[test]
        fn any_rule_resolves_without_panic(
            kind in 0u32..12, a in 0u32..40, b in -5i32..5, y in 1i32..9999, m in 1u32..13, dd in 1u32..29
        ) {
            let modes = [Mode::Recent, Mode::Last, Mode::Next, Mode::Coming, Mode::This];
            let parts = [Part::Whole, Part::Early, Part::Mid, Part::Late, Part::SoFar, Part::Rest];
            let mode = modes[(a % 5) as usize];
            let part = parts[(a % 6) as usize];
            let rule = match kind {
                0 => RelRule::Day(b),
                1 => RelRule::Week(b, part),
                2 => RelRule::Weekend(mode),
                3 => RelRule::Month(b, part),
                4 => RelRule::Year(b, part),
                5 => RelRule::Weekday(a, mode),
                6 => RelRule::NamedMonth(a, mode, part),
                7 => RelRule::MonthDay(a, a),
                8 => RelRule::Season(a, mode),
                9 => RelRule::Quarter(a, b),
                10 => RelRule::Half(a, b),
                _ => RelRule::Ago(a * 300, [AgoUnit::Day, AgoUnit::Week, AgoUnit::Month, AgoUnit::Year][(a % 4) as usize]),
            };
            let anchor = Anchor { earliest: ymd(y, m, dd), latest: ymd(y, m, dd) };
            let e = rel_expr(rule, Some(&anchor));
            if let Some((lo, hi)) = e.interval { prop_assert!(lo <= hi); }
            let _ = compare_dates(&e, &rel_expr(rule, None));
        }

        #[test]
        fn date_like_soup(s in "([0-9]{1,4}|[ ,./:'’-]|May|March|Friday|last|late|early|the|of|in|ago|weeks|p\\.m\\.|Q|s|th){0,24}") {
            let found = find_dates_anchored(&s, Some(&Anchor::year(2024)));
            let mut prev_end = 0;
            for m in &found {
                prop_assert!(m.start >= prev_end && m.end <= s.len());
                prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                prev_end = m.end;
                if let Some((lo, hi)) = m.expr.interval { prop_assert!(lo <= hi); }
            }
            for a in &found {
                for b in &found {
                    let _ = compare_dates(&a.expr, &b.expr);
                }
            }
        }
    }
}

fn every_kind_of_rule() -> Vec<RelRule> {
    use RelRule as R;
    let modes = [
        Mode::Recent,
        Mode::Last,
        Mode::Next,
        Mode::Coming,
        Mode::This,
    ];
    let mut rules = vec![
        R::Day(-1),
        R::Day(0),
        R::MonthDay(4, 26),
        R::MonthDay(12, 31),
        R::MonthDay(2, 29),
        R::MonthDay(4, 31),
        R::Ago(2, AgoUnit::Day),
        R::Ago(2, AgoUnit::Week),
        R::Ago(3, AgoUnit::Month),
        R::Ago(1, AgoUnit::Year),
        R::Quarter(1, 0),
        R::Half(2, -1),
    ];
    for m in modes {
        rules.push(R::Weekday(4, m));
        rules.push(R::Weekend(m));
    }
    for p in [
        Part::Whole,
        Part::Early,
        Part::Late,
        Part::SoFar,
        Part::Rest,
    ] {
        rules.push(R::Week(-1, p));
        rules.push(R::Month(-1, p));
        rules.push(R::Month(0, p));
        rules.push(R::Year(-1, p));
        rules.push(R::Year(1, p));
        for m in modes {
            rules.push(R::NamedMonth(11, m, p));
        }
    }
    rules.push(R::NamedMonth(2, Mode::Recent, Part::Whole));
    for s in 0..4 {
        for m in modes {
            rules.push(R::Season(s, m));
        }
    }
    rules
}

/// `sweep` counts a run of days with one relation and stops once the answer is known; it
/// must give the answer of resolving every day.
#[test]
fn runs_of_days_match_day_by_day() {
    let rules = every_kind_of_rule();
    let brute = |a: &DateExpr, b: &DateExpr, start: i64, end: i64, mixed: Relation| {
        combine(
            (start..=end).map(|z| (relation_on(a, b, from_days(z)), 1)),
            mixed,
        )
    };
    let fixed: Vec<DateExpr> = [
        ("2018-06-01", RelRule::Year(0, Part::Late)),
        ("2023-11-15", RelRule::Month(0, Part::Whole)),
    ]
    .iter()
    .map(|(day, rule)| {
        let mut e = rel_expr(*rule, Some(&Anchor::exact(d(day))));
        e.rule = None;
        e
    })
    .collect();
    let anchor = Anchor::year(2023);
    let (start, end) = (days(anchor.earliest), days(anchor.latest));
    let mut checked = 0;
    for x in &rules {
        let a = rel_expr(*x, Some(&anchor));
        for y in &rules {
            let b = rel_expr(*y, Some(&anchor));
            assert_eq!(
                sweep(&a, &b, start, end, Relation::Compatible),
                brute(&a, &b, start, end, Relation::Compatible),
                "{x:?} / {y:?}"
            );
            checked += 1;
        }
        for f in &fixed {
            let (lo, hi) = (start - 400, end + 17);
            assert_eq!(
                sweep(&a, f, lo, hi, Relation::Unknown),
                brute(&a, f, lo, hi, Relation::Unknown),
                "{x:?} / {f:?}"
            );
        }
    }
    // Unanchored pairs are compared over eight years.
    let (start, end) = (days(d("2019-01-01")), days(d("2026-12-31")));
    for x in rules.iter().step_by(3) {
        let a = rel_expr(*x, None);
        for y in rules.iter().step_by(5) {
            let b = rel_expr(*y, None);
            assert_eq!(
                sweep(&a, &b, start, end, Relation::Unknown),
                brute(&a, &b, start, end, Relation::Unknown),
                "{x:?} / {y:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 5_000, "{checked}");
}

#[test]
fn date_relations_are_symmetric() {
    let rules = every_kind_of_rule();
    let anchors = [
        None,
        Some(Anchor::year(2023)),
        Some(Anchor::exact(d("2024-04-26"))),
    ];
    for x in rules.iter().step_by(2) {
        for y in rules.iter().step_by(3) {
            for an in &anchors {
                let (a, b) = (rel_expr(*x, an.as_ref()), rel_expr(*y, an.as_ref()));
                assert_eq!(
                    compare_dates_uncached(&a, &b),
                    compare_dates_uncached(&b, &a),
                    "{x:?} / {y:?} / {an:?}"
                );
            }
        }
    }
}
