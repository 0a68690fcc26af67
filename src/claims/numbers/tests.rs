//! Tests of the number extractor: phrase forms, false positives, seeds and comparison.

use super::*;

/// (matched text, kind, low, high, unit, qualifier, vague) for each mention.
fn all(text: &str) -> Vec<(String, Quantity)> {
    find_numbers(text)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_string(), m.value))
        .collect()
}

fn one(text: &str) -> (String, Quantity) {
    let found = all(text);
    assert_eq!(found.len(), 1, "{text:?} → {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn smoke() {
    let (s, q) = one("about 14,000 people");
    assert_eq!(s, "about 14,000 people");
    assert_eq!(q.low, 14_000.0);
    assert_eq!(q.qualifier, Qualifier::About);
    assert_eq!(q.unit.as_deref(), Some("people"));
}

fn q(
    kind: QuantityKind,
    low: f64,
    high: f64,
    unit: Option<&str>,
    qualifier: Qualifier,
) -> Quantity {
    Quantity {
        kind,
        low,
        high,
        unit: unit.map(str::to_string),
        qualifier,
        vague: false,
    }
}

/// (text, matched span, kind, low, high, unit).
type Case<'a> = (&'a str, &'a str, K, f64, f64, Option<&'a str>);

use Qualifier as Q;
use QuantityKind as K;

#[test]
fn digit_forms() {
    let cases: &[Case] = &[
        ("14,000", "14,000", K::Number, 14_000.0, 14_000.0, None),
        ("5.5", "5.5", K::Number, 5.5, 5.5, None),
        ("1.2 million", "1.2 million", K::Number, 1.2e6, 1.2e6, None),
        ("$3bn", "$3bn", K::Money, 3e9, 3e9, Some("USD")),
        ("£2 million", "£2 million", K::Money, 2e6, 2e6, Some("GBP")),
        ("€40", "€40", K::Money, 40.0, 40.0, Some("EUR")),
        ("US$5", "US$5", K::Money, 5.0, 5.0, Some("USD")),
        (
            "USD 5 million",
            "USD 5 million",
            K::Money,
            5e6,
            5e6,
            Some("USD"),
        ),
        (
            "5 million dollars",
            "5 million dollars",
            K::Money,
            5e6,
            5e6,
            Some("USD"),
        ),
        ("3bn yuan", "3bn yuan", K::Money, 3e9, 3e9, Some("CNY")),
        ("Rs. 500", "Rs. 500", K::Money, 500.0, 500.0, Some("RUPEE")),
        (
            "2 million pounds",
            "2 million pounds",
            K::Money,
            2e6,
            2e6,
            Some("GBP"),
        ),
        (
            "20 per cent",
            "20 per cent",
            K::Percent,
            20.0,
            20.0,
            Some("%"),
        ),
        ("20%", "20%", K::Percent, 20.0, 20.0, Some("%")),
        (
            "20 percent",
            "20 percent",
            K::Percent,
            20.0,
            20.0,
            Some("%"),
        ),
        (
            "3,000 signatures",
            "3,000 signatures",
            K::Measure,
            3000.0,
            3000.0,
            Some("signature"),
        ),
        ("5km", "5km", K::Measure, 5.0, 5.0, Some("km")),
        (
            "12 kilometres",
            "12 kilometres",
            K::Measure,
            12.0,
            12.0,
            Some("km"),
        ),
        (
            "40 tonnes",
            "40 tonnes",
            K::Measure,
            40.0,
            40.0,
            Some("tonne"),
        ),
        (
            "2 percentage points",
            "2 percentage points",
            K::Measure,
            2.0,
            2.0,
            Some("percentage point"),
        ),
        (
            "a 45-year-old man",
            "45-year-old",
            K::Measure,
            45.0,
            45.0,
            Some("age"),
        ),
        ("5 lakh", "5 lakh", K::Number, 5e5, 5e5, None),
        ("48-hour", "48-hour", K::Duration, 48.0, 48.0, Some("hour")),
        ("3-day", "3-day", K::Duration, 3.0, 3.0, Some("day")),
        (
            "30 minutes",
            "30 minutes",
            K::Duration,
            30.0,
            30.0,
            Some("minute"),
        ),
        (
            "12 children",
            "12 children",
            K::Measure,
            12.0,
            12.0,
            Some("child"),
        ),
    ];
    for (text, span, kind, lo, hi, unit) in cases {
        let (s, v) = one(text);
        assert_eq!(&s, span, "{text}");
        assert_eq!(v.kind, *kind, "{text}");
        assert_eq!((v.low, v.high), (*lo, *hi), "{text}");
        assert_eq!(v.unit.as_deref(), *unit, "{text}");
        assert!(!v.vague, "{text}");
    }
}

#[test]
fn word_forms() {
    let cases: &[(&str, &str, K, f64, Option<&str>)] = &[
        (
            "a three-day trip",
            "three-day",
            K::Duration,
            3.0,
            Some("day"),
        ),
        (
            "five and a half hours",
            "five and a half hours",
            K::Duration,
            5.5,
            Some("hour"),
        ),
        (
            "a five-and-a-half-hour meeting",
            "five-and-a-half-hour",
            K::Duration,
            5.5,
            Some("hour"),
        ),
        (
            "a dozen people",
            "a dozen people",
            K::Measure,
            12.0,
            Some("people"),
        ),
        ("two dozen", "two dozen", K::Number, 24.0, None),
        ("twenty-five", "twenty-five", K::Number, 25.0, None),
        (
            "one hundred and twenty soldiers",
            "one hundred and twenty soldiers",
            K::Measure,
            120.0,
            Some("soldier"),
        ),
        ("a million", "a million", K::Number, 1e6, None),
        (
            "two and a half million",
            "two and a half million",
            K::Number,
            2.5e6,
            None,
        ),
        ("half a million", "half a million", K::Number, 5e5, None),
        (
            "half an hour",
            "half an hour",
            K::Duration,
            0.5,
            Some("hour"),
        ),
        ("one person", "one person", K::Measure, 1.0, Some("people")),
        ("two years", "two years", K::Duration, 2.0, Some("year")),
    ];
    for (text, span, kind, v, unit) in cases {
        let (s, got) = one(text);
        assert_eq!(&s, span, "{text}");
        assert_eq!(got.kind, *kind, "{text}");
        assert!((got.low - v).abs() < 1e-9, "{text}: {got:?}");
        assert_eq!(got.unit.as_deref(), *unit, "{text}");
    }
}

#[test]
fn fractions() {
    let (s, v) = one("two-thirds of members");
    assert_eq!(s, "two-thirds");
    assert_eq!(v.kind, K::Percent);
    assert!((v.low - 66.666).abs() < 0.01);
    let (_, v) = one("a quarter of the budget");
    assert_eq!((v.kind, v.low), (K::Percent, 25.0));
    let (_, v) = one("half of them");
    assert_eq!((v.kind, v.low), (K::Percent, 50.0));
}

#[test]
fn vague_amounts() {
    let cases: &[Case] = &[
        (
            "hundreds of people",
            "hundreds of people",
            K::Measure,
            200.0,
            999.0,
            Some("people"),
        ),
        (
            "tens of thousands of protesters",
            "tens of thousands of protesters",
            K::Measure,
            20_000.0,
            99_999.0,
            Some("protester"),
        ),
        (
            "hundreds were hurt",
            "hundreds",
            K::Number,
            200.0,
            999.0,
            None,
        ),
        (
            "several days",
            "several days",
            K::Duration,
            3.0,
            9.0,
            Some("day"),
        ),
        (
            "a few weeks",
            "a few weeks",
            K::Duration,
            2.0,
            5.0,
            Some("week"),
        ),
        (
            "spent hours meeting",
            "hours",
            K::Duration,
            2.0,
            24.0,
            Some("hour"),
        ),
        (
            "for hours on end",
            "hours",
            K::Duration,
            2.0,
            24.0,
            Some("hour"),
        ),
        (
            "hours of talks",
            "hours",
            K::Duration,
            2.0,
            24.0,
            Some("hour"),
        ),
        (
            "an hours-long meeting",
            "hours-long",
            K::Duration,
            2.0,
            24.0,
            Some("hour"),
        ),
        (
            "dozens of homes",
            "dozens of homes",
            K::Measure,
            24.0,
            99.0,
            Some("home"),
        ),
    ];
    for (text, span, kind, lo, hi, unit) in cases {
        let (s, v) = one(text);
        assert_eq!(&s, span, "{text}");
        assert_eq!(v.kind, *kind, "{text}");
        assert_eq!((v.low, v.high), (*lo, *hi), "{text}");
        assert_eq!(v.unit.as_deref(), *unit, "{text}");
        assert!(v.vague, "{text}");
    }
    assert!(all("office hours are long").is_empty());
    assert!(all("several of them").is_empty());
    assert!(all("test scores rose").is_empty());
}

#[test]
fn ranges() {
    let (s, v) = one("10-12");
    assert_eq!((s.as_str(), v.low, v.high), ("10-12", 10.0, 12.0));
    let (s, v) = one("between 10 and 12 people");
    assert_eq!(
        (s.as_str(), v.low, v.high),
        ("between 10 and 12 people", 10.0, 12.0)
    );
    assert_eq!(v.unit.as_deref(), Some("people"));
    // High end first after "between": still the range.
    let (s, v) = one("between 150 and 100 persons");
    assert_eq!(
        (s.as_str(), v.low, v.high),
        ("between 150 and 100 persons", 100.0, 150.0)
    );
    let (s, v) = one("10 to 12 hours");
    assert_eq!(
        (s.as_str(), v.low, v.high, v.kind),
        ("10 to 12 hours", 10.0, 12.0, K::Duration)
    );
    let (_, v) = one("1.2-1.5 million");
    assert_eq!((v.low, v.high), (1.2e6, 1.5e6));
    let (_, v) = one("$10-12 million");
    assert_eq!((v.low, v.high, v.kind), (10e6, 12e6, K::Money));
    let (_, v) = one("10-12%");
    assert_eq!((v.low, v.high, v.kind), (10.0, 12.0, K::Percent));
    // A change, not a range; a score, not a range.
    assert_eq!(all("rose from 10 to 12 per cent").len(), 2);
    assert_eq!(all("won 3-1").len(), 0);
}

#[test]
fn ordinals() {
    let (s, v) = one("for the second time");
    assert_eq!((s.as_str(), v.kind, v.low), ("second", K::Ordinal, 2.0));
    let (s, v) = one("the 3rd round");
    assert_eq!((s.as_str(), v.kind, v.low), ("3rd", K::Ordinal, 3.0));
    let (_, v) = one("for the first time");
    assert_eq!(v.low, 1.0);
    assert!(all("the first red line").is_empty());
    assert_eq!(one("his 21st birthday").1.low, 21.0);
}

#[test]
fn qualifiers() {
    let cases: &[(&str, Q)] = &[
        ("more than 5 hours", Q::MoreThan),
        ("over 14,000", Q::MoreThan),
        ("about 14,000", Q::About),
        ("around 20%", Q::About),
        ("roughly $3bn", Q::About),
        ("some 14,000 people", Q::About),
        ("nearly 300", Q::Nearly),
        ("almost two-thirds", Q::Nearly),
        ("at least 12 people", Q::AtLeast),
        ("up to 40 km", Q::UpTo),
        ("less than a year", Q::LessThan),
        ("fewer than 10 cases", Q::LessThan),
        ("no more than 3 days", Q::AtMost),
        ("an estimated 2 million", Q::About),
    ];
    for (text, qual) in cases {
        let (s, v) = one(text);
        assert_eq!(&s, text, "{text}");
        assert_eq!(v.qualifier, *qual, "{text}");
    }
    assert!(all("some of the officials").is_empty());
    assert!(all("over the bridge").is_empty());
}

#[test]
fn false_positives() {
    assert!(all("one of the officials").is_empty());
    assert!(all("a day to remember").is_empty());
    assert!(all("no one came").is_empty());
    assert!(all("COVID-19 and G7 and 5G").is_empty());
    assert!(all("Article 370 and Flight 17 and a Boeing 737").is_empty());
    assert!(all("version 1.2.3").is_empty());
    assert!(all("No. 1").is_empty());
    assert!(all("at Expo 2016 and the World Cup 2018 day").is_empty());
    assert_eq!(all("Police said 2018 people").len(), 1);
    assert!(all("two-way trade and a one-sided deal").is_empty());
    assert_eq!(one("the 35 year-old").1.unit.as_deref(), Some("age"));
    assert_eq!(one("aged 21").1.unit.as_deref(), Some("age"));
    assert!(all("the 9/11 attacks").is_empty());
    assert_eq!(one("a 1,200-page report").1.unit.as_deref(), Some("page"));
    assert_eq!(one("it hit 45C").1.unit.as_deref(), Some("°C"));
    assert_eq!(one("it hit 45°C").1.unit.as_deref(), Some("°C"));
    assert_eq!(
        compare_numbers(&one("45C").1, &one("45°C").1),
        Relation::Same
    );
    assert_eq!(one("settled .85 cent lower").1.low, 0.0085);
    assert_eq!(one("2 ½ servings").1.low, 2.5);
    assert_eq!(one("99 cents").1.unit.as_deref(), Some("USD"));
    assert_eq!(
        all("hung over between three and 11 times")[0].1.qualifier,
        Q::Exact
    );
    assert_eq!(one("a $6.8-billion deal").1.low, 6.8e9);
    // Dates are not numbers.
    assert!(all("in 2024").is_empty());
    assert!(all("on March 3").is_empty());
    assert!(all("April 26, 2024").is_empty());
    assert!(all("two weeks ago").is_empty());
    assert!(all("at 3 p.m.").is_empty());
    assert!(all("in the 2024 US presidential elections").is_empty());
    // A number that is not a year is a number.
    assert_eq!(one("2,018 people").1.low, 2018.0);
    assert_eq!(one("2018 people").1.low, 2018.0);
}

/// The seed pair's figures.
#[test]
fn seed_phrases() {
    let a = "Blinken made the comments to CNN in an interview Friday at the close of a three-day \
             to trip to China, where the top American diplomat spent hours meeting with top \
             Chinese officials. Blinken, in China for the second time in less than a year, \
             pointed to improvements. The talks lasted more than five and a half hours.";
    let got: Vec<(String, K, Q, bool)> = all(a)
        .into_iter()
        .map(|(s, v)| (s, v.kind, v.qualifier, v.vague))
        .collect();
    let want = [
        ("three-day", K::Duration, Q::Exact, false),
        ("hours", K::Duration, Q::Exact, true),
        ("second", K::Ordinal, Q::Exact, false),
        ("less than a year", K::Duration, Q::LessThan, false),
        (
            "more than five and a half hours",
            K::Duration,
            Q::MoreThan,
            false,
        ),
    ];
    let want: Vec<(String, K, Q, bool)> = want
        .iter()
        .map(|(s, k, q, v)| (s.to_string(), *k, *q, *v))
        .collect();
    assert_eq!(got, want);
    let b = "concluding his three-day visit to China. Blinken's visit, which is his second in \
             less than a year, met officials for hours on end.";
    let got: Vec<String> = all(b).into_iter().map(|x| x.0).collect();
    assert_eq!(got, ["three-day", "second", "less than a year", "hours"]);
    // Agreement in other words.
    let three_day = one("three-day visit").1;
    assert_eq!(
        compare_numbers(&one("three-day trip").1, &three_day),
        Relation::Same
    );
    assert_eq!(
        compare_numbers(&one("3-day trip").1, &three_day),
        Relation::Same
    );
    assert_eq!(
        compare_numbers(&one("the second time").1, &one("his second in").1),
        Relation::Same
    );
    let lt = one("less than a year").1;
    assert_eq!(
        compare_numbers(&lt, &one("less than a year").1),
        Relation::Same
    );
    // Precision lost.
    let exact = one("five and a half hours").1;
    assert_eq!(
        compare_numbers(&exact, &one("spent hours").1),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_numbers(&one("for hours").1, &exact),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_numbers(&one("more than five hours").1, &exact),
        Relation::Compatible
    );
    assert_eq!(
        compare_numbers(
            &one("more than five and a half hours").1,
            &one("hours of talks").1
        ),
        Relation::Compatible
    );
}

#[test]
fn compare_relations() {
    let n = |t: &str| one(t).1;
    assert_eq!(
        compare_numbers(&n("about 14,000"), &n("14,200")),
        Relation::Compatible
    );
    assert_eq!(
        compare_numbers(&n("14,000"), &n("18,000")),
        Relation::Conflict
    );
    assert_eq!(
        compare_numbers(&n("14,000"), &n("14,213")),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_numbers(&n("100 people"), &n("120 people")),
        Relation::Conflict
    );
    assert_eq!(
        compare_numbers(&n("14,000"), &n("14,000 people")),
        Relation::Same
    );
    assert_eq!(
        compare_numbers(&n("three days"), &n("72 hours")),
        Relation::Same
    );
    assert_eq!(
        compare_numbers(&n("three days"), &n("5 hours")),
        Relation::Conflict
    );
    assert_eq!(
        compare_numbers(&n("20%"), &n("20.4%")),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_numbers(&n("about 20%"), &n("20.4%")),
        Relation::Compatible
    );
    assert_eq!(compare_numbers(&n("20%"), &n("25%")), Relation::Conflict);
    assert_eq!(compare_numbers(&n("$3bn"), &n("£3bn")), Relation::Unknown);
    assert_eq!(
        compare_numbers(&n("$3bn"), &n("3 billion dollars")),
        Relation::Same
    );
    assert_eq!(
        compare_numbers(&n("20%"), &n("20 hours")),
        Relation::Unknown
    );
    assert_eq!(compare_numbers(&n("5 km"), &n("5 kg")), Relation::Unknown);
    assert_eq!(
        compare_numbers(&n("5 km"), &n("5,000 metres")),
        Relation::Same
    );
    assert_eq!(
        compare_numbers(&n("hundreds of people"), &n("300 people")),
        Relation::LessPrecise
    );
    assert_eq!(
        compare_numbers(&n("hundreds of people"), &n("thousands of people")),
        Relation::Conflict
    );
    assert_eq!(
        compare_numbers(&n("at least 12"), &n("10")),
        Relation::Conflict
    );
    assert_eq!(
        compare_numbers(&n("up to 40"), &n("35")),
        Relation::Compatible
    );
    assert_eq!(
        compare_numbers(&n("nearly 300"), &n("290")),
        Relation::Compatible
    );
    assert_eq!(
        compare_numbers(&n("nearly 300"), &n("310")),
        Relation::Conflict
    );
    assert_eq!(compare_numbers(&n("10-12"), &n("11")), Relation::Compatible);
    assert_eq!(
        compare_numbers(&n("the second time"), &n("the third time")),
        Relation::Conflict
    );
    assert_eq!(
        compare_numbers(&n("1.2 million"), &n("1,230,000")),
        Relation::LessPrecise
    );
    let x = q(K::Number, 5.0, 5.0, None, Q::Exact);
    assert_eq!(compare_numbers(&x, &x.clone()), Relation::Same);
}

#[test]
fn spans_are_exact() {
    let text = "Über 14,000 Menschen — “some 3,000 people” — paid €40 each.";
    for m in find_numbers(text) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.start < m.end && m.end <= text.len());
    }
    let got: Vec<String> = all(text).into_iter().map(|x| x.0).collect();
    assert_eq!(got, ["14,000", "some 3,000 people", "€40"]);
}

#[test]
fn long_input_is_linear() {
    let line = "more than 14,000 people, hundreds of homes, $3bn and five and a half hours. "
        .repeat(130_000); // ~10 MB
    let start = std::time::Instant::now();
    let found = find_numbers(&line);
    assert_eq!(found.len(), 4 * 130_000);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    let digits = "9".repeat(10_000_000);
    assert!(find_numbers(&digits).len() <= 1);
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics_spans_in_bounds(s in "\\PC{0,80}") {
            let found = find_numbers(&s);
            let mut prev = 0;
            for m in &found {
                prop_assert!(m.start >= prev && m.start < m.end && m.end <= s.len());
                prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                prev = m.end;
            }
        }

        #[test]
        fn number_soup(s in "([0-9]{1,5}|[ ,.%$£/:-]|a|an|one|half|and|hours|of|more than|about|between|to|million|bn|second|thirds|hundreds|tens|thousands|people|in|May|late|weeks|ago|p\\.m\\.){0,24}") {
            let found = find_numbers(&s);
            let dates = crate::claims::dates::find_dates(&s, None);
            for m in &found {
                prop_assert!(m.start < m.end && m.end <= s.len());
                prop_assert!(!m.value.low.is_nan() && m.value.low <= m.value.high);
                // Dates win: no number overlaps a date.
                prop_assert!(dates.iter().all(|d| d.end <= m.start || m.end <= d.start));
            }
            for a in &found {
                for b in &found {
                    let _ = compare_numbers(&a.value, &b.value);
                }
            }
        }
    }
}

#[test]
fn open_bounds_agree_only_with_figures_of_their_size() {
    let n = |t: &str| one(t).1;
    // A bound far from the other figure is another figure: nothing can be told.
    assert_eq!(
        compare_numbers(&n("more than 40 people"), &n("almost 1,200 people")),
        Relation::Unknown
    );
    assert_eq!(
        compare_numbers(&n("up to 200,000 fish"), &n("5,000 fish")),
        Relation::Unknown
    );
    assert_eq!(
        compare_numbers(&n("12 tanks"), &n("up to 200,000 fish")),
        Relation::Unknown
    );
    // Near it, the bound restates the figure.
    assert_eq!(
        compare_numbers(&n("more than 1,000 people"), &n("about 1,200 people")),
        Relation::Compatible
    );
    assert_eq!(
        compare_numbers(&n("up to 200,000 fish"), &n("150,000 fish")),
        Relation::Compatible
    );
}

/// A hedge is an interval: "about X" the grain X is written to, "more than X" above X, "up to
/// X" up to X, "nearly X" just below it. Disjoint intervals conflict; one inside the other is
/// compatible (issue 11: hedged figures judged compatible with different ones).
#[test]
fn hedges_are_intervals() {
    let n = |t: &str| one(t).1;
    let rel = |a: &str, b: &str| {
        let r = compare_numbers(&n(a), &n(b));
        assert_eq!(r, compare_numbers(&n(b), &n(a)), "{a} / {b}: not symmetric");
        r
    };
    // Disjoint.
    assert_eq!(rel("about 6%", "5%"), Relation::Conflict);
    assert_eq!(
        rel("up to 200 people", "more than 200 people"),
        Relation::Conflict
    );
    assert_eq!(
        rel("about $3.6 billion", "$3.5 billion"),
        Relation::Conflict
    );
    assert_eq!(rel("about 14,000", "15,000"), Relation::Conflict);
    assert_eq!(rel("nearly 40", "45"), Relation::Conflict);
    assert_eq!(rel("less than 30", "31"), Relation::Conflict);
    assert_eq!(rel("at least 12", "10"), Relation::Conflict);
    // Inside: a refinement or a restatement, never a conflict.
    assert_eq!(rel("about 6%", "6.2%"), Relation::Compatible);
    assert_eq!(rel("about 6%", "5.5%"), Relation::Compatible);
    assert_eq!(
        rel("about $3.6 billion", "$3.62 billion"),
        Relation::Compatible
    );
    assert_eq!(rel("more than 40", "43"), Relation::Compatible);
    // A whole number stands for its units: "a two-year inquiry" may be more than two years.
    assert_eq!(rel("more than 40", "40"), Relation::Compatible);
    assert_eq!(
        rel("more than two years", "two years"),
        Relation::Compatible
    );
    assert_eq!(rel("over $10,000", "$10,977.74"), Relation::Compatible);
    assert_eq!(rel("up to 200", "180"), Relation::Compatible);
    assert_eq!(rel("up to 200", "200"), Relation::Compatible);
    assert_eq!(rel("nearly 300", "300"), Relation::Compatible);
    assert_eq!(rel("almost 40", "38"), Relation::Compatible);
    assert_eq!(
        rel("about 2 hours", "two and a half hours"),
        Relation::Conflict
    );
    assert_eq!(rel("about 200", "210"), Relation::Compatible);
    assert_eq!(rel("more than 200", "about 210"), Relation::Compatible);
    assert_eq!(rel("almost two-thirds", "65%"), Relation::Compatible);
}

#[test]
fn hedge_grain_follows_the_written_digits() {
    let g = |t: &str| hedge_grain(&one(t).1);
    assert_eq!(g("about 6%"), 0.5);
    assert!((g("about $3.6 billion") - 0.05e9).abs() < 1.0);
    assert_eq!(g("about 14,500"), 50.0);
    assert_eq!(g("about 14,000"), 500.0);
    assert_eq!(g("about 200"), 20.0);
    assert_eq!(g("about 2"), 0.5);
    assert!((g("about 3.25") - 0.005).abs() < 1e-9);
}
