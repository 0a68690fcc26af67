//! Values of issue 11 on short texts written for these tests: input two versions of a story
//! (and the publication dates, when given), output the report's claims and notes. Checks the
//! date anchor policy (own date, unknown anchor, no latest-year anchor), the verdict of a
//! changed status by the publication dates, and hedged figures as intervals.

use storydiff::report::{ClaimChange, ClaimKind, Report, Severity};
use storydiff::{compare, CalendarDate, Document, Options};

fn day(s: &str) -> CalendarDate {
    s.parse().unwrap()
}

/// Compares two texts; `dates` are the two versions' own publication dates (`--date-a`,
/// `--date-b`), `date` one date for both (`--date`).
fn cmp_with(a: &str, b: &str, date: Option<&str>, dates: Option<(&str, &str)>) -> Report {
    let mut opts = Options::default();
    if let Some(d) = date {
        opts.claims.date_a = Some(day(d));
        opts.claims.date_b = Some(day(d));
    }
    if let Some((x, y)) = dates {
        opts.claims.date_a = Some(day(x));
        opts.claims.date_b = Some(day(y));
        opts.claims.date_a_published = true;
        opts.claims.date_b_published = true;
    }
    compare(
        &Document::from_text("a.txt", a),
        &Document::from_text("b.txt", b),
        &opts,
    )
}

fn cmp(a: &str, b: &str) -> Report {
    cmp_with(a, b, None, None)
}

fn of_kind(r: &Report, kind: ClaimKind) -> Vec<&ClaimChange> {
    r.claims.iter().filter(|c| c.kind == kind).collect()
}

fn conflicts(r: &Report) -> Vec<&ClaimChange> {
    r.claims
        .iter()
        .filter(|c| c.severity == Severity::Conflict)
        .collect()
}

fn note<'r>(r: &'r Report, code: &str) -> Option<&'r str> {
    r.notes
        .iter()
        .find(|n| n.code == code)
        .map(|n| n.message.as_str())
}

// ---------------------------------------------------------------------------------------
// Dates.

const COUNCIL_A: &str = "Council delays vote on harbour plan\n\n\
    The city council met on Tuesday to debate the harbour plan, which has divided residents \
    since the 2021 election. Councillor Ruth Adebayo said the plan needed more study.\n\n\
    The council first discussed the plan at a meeting last November.";
const COUNCIL_B: &str = "Harbour plan vote put off\n\n\
    The city council met on Wednesday to debate the harbour plan, which has divided residents \
    since the 2021 election. Councillor Ruth Adebayo said the plan needed more study.\n\n\
    The council first discussed the plan at a meeting in November.";

/// No date known: relative dates are compared under one unknown anchor, and a note says so.
#[test]
fn no_date_known_compares_relative_dates_with_each_other() {
    let r = cmp(COUNCIL_A, COUNCIL_B);
    let dates = of_kind(&r, ClaimKind::Date);
    let c: Vec<_> = dates
        .iter()
        .filter(|c| c.severity == Severity::Conflict)
        .collect();
    assert_eq!(c.len(), 1, "{:#?}", r.claims);
    assert_eq!(c[0].a.as_ref().unwrap().text, "Tuesday");
    assert_eq!(c[0].b.as_ref().unwrap().text, "Wednesday");
    // "last November" and "November" agree.
    assert!(
        !dates
            .iter()
            .any(|c| c.a.as_ref().is_some_and(|s| s.text.contains("November")) && c.b.is_some()),
        "{:#?}",
        r.claims
    );
    let n = note(&r, "date-unknown").expect("a note that no date was known");
    assert!(n.starts_with("no publication date known for A or B"), "{n}");
    assert!(n.contains("2019 or later"), "{n}");
    assert!(note(&r, "date-inferred").is_none(), "{:?}", r.notes);
}

/// A dateline is the text's own date; the latest year mentioned never is.
#[test]
fn a_dateline_anchors_its_text() {
    let a = "Storm closes port\n\nHALIFAX, March 4, 2021 - The port closed on Tuesday after the \
             storm, the harbour master Jean Roy said. The port last closed in 1998.";
    let b = "Port shut by storm\n\nThe port closed on Tuesday after the storm, the harbour master \
             Jean Roy said. The port last closed in 1998.";
    let r = cmp(a, b);
    let n = note(&r, "date-inferred").expect("A's own date");
    assert!(
        n.starts_with("dates in A resolved against 2021-03-04 (stated in the first lines"),
        "{n}"
    );
    let u = note(&r, "date-unknown").expect("B has none");
    assert!(u.starts_with("no publication date known for B"), "{u}");
    assert!(conflicts(&r).is_empty(), "{:#?}", r.claims);
}

/// A story that recalls a year long past: one version's "last November" is not resolved
/// against it (it used to be, and then conflicted with the other version's "November 2023").
#[test]
fn an_old_year_does_not_date_the_story() {
    let a =
        "Stadium reopens\n\nThe stadium, which hosted the final in 1966, reopened last November \
             after repairs, the club's chairman Alan Booth said.";
    let b =
        "Stadium back in use\n\nThe stadium, which hosted the final in 1966, reopened in November \
             2023 after repairs, the club's chairman Alan Booth said.";
    let r = cmp(a, b);
    assert!(conflicts(&r).is_empty(), "{:#?}", r.claims);
    let r = cmp_with(a, b, Some("2024-02-01"), None);
    assert!(conflicts(&r).is_empty(), "{:#?}", r.claims);
    let r = cmp_with(a, b, Some("2025-02-01"), None);
    assert_eq!(conflicts(&r).len(), 1, "{:#?}", r.claims);
}

// ---------------------------------------------------------------------------------------
// Status.

/// Pairs of one sentence told as pending (A) and as done (B), in varied phrasing.
const STATUS_PAIRS: &[(&str, &str)] = &[
    (
        "Senator Mark Holloway is set to vote on the budget bill, his office said.",
        "Senator Mark Holloway voted on the budget bill, his office said.",
    ),
    (
        "The mayor, Linda Park, plans to sign the zoning order.",
        "The mayor, Linda Park, signed the zoning order.",
    ),
    (
        "The retailer Brightmart will close its flagship store in Leeds.",
        "The retailer Brightmart has closed its flagship store in Leeds.",
    ),
    (
        "Jordan Miles is expected to be charged with fraud, prosecutors said.",
        "Jordan Miles was charged with fraud, prosecutors said.",
    ),
    (
        "Sandra Oaks is expected to plead guilty to tax charges in federal court.",
        "Sandra Oaks pleaded guilty to tax charges in federal court.",
    ),
    (
        "Maria Lopez is likely to win the party's nomination for governor.",
        "Maria Lopez won the party's nomination for governor.",
    ),
    (
        "Chancellor Amy Byrne will meet union leaders to discuss the strike.",
        "Chancellor Amy Byrne met union leaders to discuss the strike.",
    ),
    (
        "Coach Dan Pryce did not attend the disciplinary hearing in Leeds.",
        "Coach Dan Pryce attended the disciplinary hearing in Leeds.",
    ),
];

fn story(sentence: &str) -> String {
    format!(
        "Local news\n\nThe weather in the valley stayed mild all week. {sentence} Residents \
         gathered at the library for the annual book fair."
    )
}

#[test]
fn status_changes_in_varied_phrasing() {
    for (a, b) in STATUS_PAIRS {
        let r = cmp(&story(a), &story(b));
        // "did not attend" / "attended" is the negation judge's flip, told once.
        let s: Vec<_> = r
            .claims
            .iter()
            .filter(|c| matches!(c.kind, ClaimKind::Status | ClaimKind::Negation))
            .collect();
        assert_eq!(s.len(), 1, "{a} / {b}: {:#?}", r.claims);
        if s[0].kind == ClaimKind::Status {
            assert_eq!(s[0].severity, Severity::Notice, "{a} / {b}");
        }
        // The same text on both sides is no change.
        let r = cmp(&story(a), &story(a));
        assert!(
            of_kind(&r, ClaimKind::Status).is_empty(),
            "{a}: {:#?}",
            r.claims
        );
    }
}

/// The publication dates decide the verdict: a later B reads as a revision (notice), the same
/// day as a contradiction (conflict), a later A telling the earlier stage too; one `--date`
/// for both is not evidence that both came out that day.
#[test]
fn publication_dates_decide_the_status_verdict() {
    let (a, b) = STATUS_PAIRS[4];
    let (a, b) = (story(a), story(b));
    let verdict = |date: Option<&str>, dates: Option<(&str, &str)>| {
        let r = cmp_with(&a, &b, date, dates);
        let s = of_kind(&r, ClaimKind::Status);
        assert_eq!(s.len(), 1, "{:#?}", r.claims);
        (s[0].severity, s[0].message.clone())
    };
    let (sev, msg) = verdict(None, Some(("2013-02-20", "2013-02-21")));
    assert_eq!(sev, Severity::Notice);
    assert!(msg.contains("later revision"), "{msg}");
    let (sev, msg) = verdict(None, Some(("2013-02-20", "2013-02-20")));
    assert_eq!(sev, Severity::Conflict);
    assert!(msg.contains("both were published on 2013-02-20"), "{msg}");
    let (sev, msg) = verdict(None, Some(("2013-02-21", "2013-02-20")));
    assert_eq!(sev, Severity::Conflict);
    assert!(msg.contains("tells an earlier stage"), "{msg}");
    let (sev, _) = verdict(Some("2013-02-20"), None);
    assert_eq!(sev, Severity::Notice);
    let (sev, _) = verdict(None, None);
    assert_eq!(sev, Severity::Notice);
}

// ---------------------------------------------------------------------------------------
// Hedged figures.

#[test]
fn hedged_figures_conflict_when_their_intervals_are_apart() {
    let wrap = |s: &str| {
        format!("Budget news\n\nThe weather stayed mild. {s} The library fair opened on time.")
    };
    let conflicting = [
        (
            "Inflation in the region rose about 6% last year, the central bank said.",
            "Inflation in the region rose 5% last year, the central bank said.",
        ),
        (
            "Up to 200 workers lost their jobs at the Harlow plant, the union said.",
            "More than 200 workers lost their jobs at the Harlow plant, the union said.",
        ),
        (
            "The deal values the retailer Brightmart at about $3.6 billion, people familiar said.",
            "The deal values the retailer Brightmart at $3.5 billion, people familiar said.",
        ),
    ];
    for (a, b) in conflicting {
        let r = cmp(&wrap(a), &wrap(b));
        assert_eq!(conflicts(&r).len(), 1, "{a} / {b}: {:#?}", r.claims);
    }
    let compatible = [
        (
            "More than 40 people were hurt in the crash near Exeter, police said.",
            "43 people were hurt in the crash near Exeter, police said.",
        ),
        (
            "The councillor Tom Weir spent over $10,000 of campaign money on travel.",
            "The councillor Tom Weir spent $10,977.74 of campaign money on travel.",
        ),
    ];
    for (a, b) in compatible {
        let r = cmp(&wrap(a), &wrap(b));
        assert!(conflicts(&r).is_empty(), "{a} / {b}: {:#?}", r.claims);
    }
}

// ---------------------------------------------------------------------------------------
// The seed pair (../shared/seeds, skipped when absent), with and without --date.

#[test]
fn seed_pair_is_exactly_right_with_and_without_a_date() {
    let read = |n: &str| {
        let p = storydiff_eval::corpora::seed_file(n)?;
        std::fs::read_to_string(p).ok()
    };
    let (Some(a), Some(b)) = (
        read("000_3d2a522fcf6b1ab9.txt"),
        read("001_ca9eb8ab0e1e27f4.txt"),
    ) else {
        storydiff_eval::corpora::skip("../shared/seeds not present");
        return;
    };
    // No date, --date, --date-a alone, --date-b alone.
    let one_side = |side_a: bool| {
        let mut opts = Options::default();
        if side_a {
            opts.claims.date_a = Some(day("2024-04-26"));
        } else {
            opts.claims.date_b = Some(day("2024-04-26"));
        }
        compare(
            &Document::from_text("a.txt", &a),
            &Document::from_text("b.txt", &b),
            &opts,
        )
    };
    for (date, r) in [
        (None, cmp_with(&a, &b, None, None)),
        (Some("both"), cmp_with(&a, &b, Some("2024-04-26"), None)),
        (Some("a"), one_side(true)),
        (Some("b"), one_side(false)),
    ] {
        let c = conflicts(&r);
        assert_eq!(c.len(), 1, "{date:?}: {c:#?}");
        assert_eq!(c[0].a.as_ref().unwrap().text, "last November", "{date:?}");
        assert_eq!(c[0].b.as_ref().unwrap().text, "late 2018", "{date:?}");
        assert_eq!(
            r.inconsistencies.len(),
            1,
            "{date:?}: {:#?}",
            r.inconsistencies
        );
        let i = &r.inconsistencies[0];
        assert_eq!(
            (i.first.text.as_str(), i.second.text.as_str()),
            ("November", "late 2018"),
            "{date:?}"
        );
        assert_eq!(
            note(&r, "date-unknown").is_some(),
            date != Some("both"),
            "{:?}",
            r.notes
        );
    }
}
