//! Claim engine on the seed pair (../shared/seeds, skipped when absent) and the mirror
//! property on fixtures: input two texts, output the report's claims; checks the summit-date
//! conflict, B's inconsistency, the dropped and added claims, and that nothing else conflicts.

use storydiff::report::{Change, ClaimKind, Report, Severity, SideId};
use storydiff::{compare, Document, Options};

use crate::util::fixtures_dir;

fn seed() -> Option<(String, String)> {
    let seed = |n: &str| {
        let p = storydiff_eval::corpora::seed_file(n)?;
        Some(std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
    };
    let a = seed("000_3d2a522fcf6b1ab9.txt")?;
    let b = seed("001_ca9eb8ab0e1e27f4.txt")?;
    Some((a, b))
}

fn cmp(a: &str, b: &str) -> Report {
    compare(
        &Document::from_text("a.txt", a),
        &Document::from_text("b.txt", b),
        &Options::default(),
    )
}

fn has(r: &Report, change: Change, kind: ClaimKind, text: &str) -> bool {
    r.claims.iter().any(|c| {
        c.change == change
            && c.kind == kind
            && [c.a.as_ref(), c.b.as_ref()]
                .into_iter()
                .flatten()
                .any(|s| s.text.contains(text))
    })
}

#[test]
fn seed_pair_claims() {
    let Some((a, b)) = seed() else {
        storydiff_eval::corpora::skip("../shared/seeds not present");
        return;
    };
    let r = cmp(&a, &b);
    let conflicts: Vec<_> = r
        .claims
        .iter()
        .filter(|c| c.severity == Severity::Conflict)
        .collect();
    assert_eq!(conflicts.len(), 1, "{:#?}", conflicts);
    let c = conflicts[0];
    assert_eq!(c.kind, ClaimKind::Date);
    assert_eq!(c.a.as_ref().map(|s| s.text.as_str()), Some("last November"));
    assert_eq!(c.b.as_ref().map(|s| s.text.as_str()), Some("late 2018"));
    assert_eq!(
        c.message,
        "the summit is dated last November in A but late 2018 in B"
    );
    // B contradicts itself.
    assert_eq!(r.inconsistencies.len(), 1, "{:#?}", r.inconsistencies);
    let i = &r.inconsistencies[0];
    assert_eq!(i.side, SideId::B);
    assert_eq!(
        (i.first.text.as_str(), i.second.text.as_str()),
        ("November", "late 2018")
    );
    // Dropped: Xi's quotes, Wang Yi, Taiwan's red line, the five-and-a-half-hour talks.
    assert!(has(
        &r,
        Change::Dropped,
        ClaimKind::Quote,
        "partners, not rivals"
    ));
    assert!(has(&r, Change::Dropped, ClaimKind::Name, "Wang Yi"));
    assert!(has(&r, Change::Dropped, ClaimKind::Quote, "first red line"));
    assert!(has(&r, Change::Dropped, ClaimKind::Place, "Taiwan"));
    assert!(has(
        &r,
        Change::Dropped,
        ClaimKind::Number,
        "five and a half hours"
    ));
    // Added: Beijing's denial, the Canada charge, the closing quote.
    assert!(has(&r, Change::Added, ClaimKind::Negation, "not"));
    assert!(has(&r, Change::Added, ClaimKind::Place, "Canada"));
    assert!(has(&r, Change::Added, ClaimKind::Quote, "We are now"));
    // The two quotes both carry word for word raise nothing.
    assert!(!r.claims.iter().any(|c| c.kind == ClaimKind::Quote
        && c.a
            .as_ref()
            .is_some_and(|s| s.text.contains("Any interference"))));
    // Neither text states a date of its own: the notes say so, and no year is inferred.
    assert!(r.notes.iter().any(|n| n.code == "date-unknown"
        && n.message
            .starts_with("no publication date known for A or B")));
    assert!(!r.notes.iter().any(|n| n.code == "date-inferred"));
}

/// analyze(B, A) gives the same pairs with the sides swapped and added↔dropped.
fn mirror(a: &str, b: &str) {
    let ab = cmp(a, b);
    let ba = cmp(b, a);
    let key = |r: &Report, swap: bool| {
        let mut v: Vec<_> = r
            .claims
            .iter()
            .map(|c| {
                let (x, y) = (c.a.as_ref().map(|s| s.start), c.b.as_ref().map(|s| s.start));
                let change = match (swap, c.change) {
                    (true, Change::Added) => Change::Dropped,
                    (true, Change::Dropped) => Change::Added,
                    (_, ch) => ch,
                };
                let (x, y) = if swap { (y, x) } else { (x, y) };
                (
                    format!("{change:?}"),
                    format!("{:?}", c.kind),
                    format!("{:?}", c.severity),
                    x,
                    y,
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(key(&ab, false), key(&ba, true));
    assert_eq!(ab.inconsistencies.len(), ba.inconsistencies.len());
}

#[test]
fn mirror_property_on_fixtures() {
    let root = fixtures_dir();
    for case in [
        "date_changed",
        "number_changed",
        "name_changed",
        "quote_reworded",
        "negation_flipped",
        "attribution_softened",
        "paraphrase_no_claims",
        "fact_moved_sentence",
        "self_contradiction",
    ] {
        let a = std::fs::read_to_string(root.join(case).join("a.txt")).unwrap();
        let b = std::fs::read_to_string(root.join(case).join("b.txt")).unwrap();
        mirror(&a, &b);
    }
}

#[test]
fn mirror_property_on_seed() {
    let Some((a, b)) = seed() else {
        storydiff_eval::corpora::skip("../shared/seeds not present");
        return;
    };
    mirror(&a, &b);
}

#[test]
fn determinism() {
    let Some((a, b)) = seed() else {
        storydiff_eval::corpora::skip("../shared/seeds not present");
        return;
    };
    assert_eq!(cmp(&a, &b), cmp(&a, &b));
}
