//! Claim engine properties on generated text: input two arbitrary texts built from news-like
//! pieces (quotes of every kind, negators, names, dates, figures, stray marks), output a report;
//! checks no panic, spans inside the text on char boundaries, and the mirror property.

use proptest::prelude::*;
use storydiff::report::{Change, Report};
use storydiff::{compare, Document, Options};

const PIECES: &[&str] = &[
    "Xi Jinping",
    "Xi",
    "said",
    "claimed",
    "not",
    "n't",
    "never",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "last November",
    "late 2018",
    "Friday",
    "2024",
    "five and a half hours",
    "$3.5 million",
    "12%",
    "more than 700",
    "Beijing",
    "the summit",
    ".",
    ",",
    "\n\n",
    "—",
    "é",
    "🙂",
    "Mr.",
    "U.S.",
    "denied",
    "reportedly",
    "  ",
    "of the",
    "People",
    "(",
    ")",
    ":",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 0..40).prop_map(|v| {
        v.into_iter()
            .map(|i| PIECES[i])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn cmp(a: &str, b: &str) -> Report {
    compare(
        &Document::from_text("a", a),
        &Document::from_text("b", b),
        &Options::default(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn spans_valid_and_mirrored(a in text(), b in text()) {
        let r = cmp(&a, &b);
        // A converted side (not in NFC, say) carries the text its spans count in.
        let (ta, tb) = (
            r.a.text.as_deref().unwrap_or(a.as_str()),
            r.b.text.as_deref().unwrap_or(b.as_str()),
        );
        for c in &r.claims {
            for (s, t) in [(&c.a, ta), (&c.b, tb)] {
                if let Some(s) = s {
                    prop_assert_eq!(t.get(s.start..s.end), Some(s.text.as_str()));
                }
            }
        }
        for i in &r.inconsistencies {
            let t = if i.side == storydiff::report::SideId::A { ta } else { tb };
            prop_assert_eq!(t.get(i.first.start..i.first.end), Some(i.first.text.as_str()));
        }
        let m = cmp(&b, &a);
        let key = |r: &Report, swap: bool| {
            let mut v: Vec<_> = r.claims.iter().map(|c| {
                let (x, y) = (c.a.as_ref().map(|s| s.start), c.b.as_ref().map(|s| s.start));
                let ch = match (swap, c.change) {
                    (true, Change::Added) => Change::Dropped,
                    (true, Change::Dropped) => Change::Added,
                    (_, ch) => ch,
                };
                let (x, y) = if swap { (y, x) } else { (x, y) };
                (format!("{ch:?}{:?}{:?}", c.kind, c.severity), x, y)
            }).collect();
            v.sort();
            v
        };
        prop_assert_eq!(key(&r, false), key(&m, true));
    }
}
