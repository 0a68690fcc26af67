//! sample: hand-built reports for the renderers' unit tests (test builds only).
//!
//! Input: none. Output: [`Report`]s whose claims and inconsistencies cover every change,
//! severity and section of the text output, built before the claim engine exists, with spans
//! that slice the texts exactly. Also [`snap`], which stores snapshots in the top-level
//! `snapshots/` folder under the name `<case>_<format>`.

use crate::report::{Change, ClaimChange, ClaimKind, ClaimSpan, Inconsistency, Note, Report};
use crate::report::{Reason, Severity, SideId};

/// The sentences of side A; its text is them joined by one space (see [`by_hand`]).
pub(crate) const A: &[&str] = &[
    "Talks end in Beijing",
    "The summit took place last November in San Francisco.",
    "About 14,000 people attended, officials said.",
    "Xi called them \"partners, not rivals\".",
    "The talks lasted five hours.",
];

/// The sentences of side B.
pub(crate) const B: &[&str] = &[
    "Talks end in Beijing",
    "The summit took place in late 2018, officials claimed.",
    "Some 18,000 people attended.",
    "The talks lasted five hours.",
    "A petition has 3,000 signatures.",
    "The summit was in November.",
];

/// The span of the `nth` occurrence of `needle` in side `side` of `report`.
fn span(report: &Report, side: SideId, needle: &str) -> ClaimSpan {
    let s = report.side(side);
    for sent in &s.sentences {
        if let Some(off) = sent.text.find(needle) {
            return ClaimSpan {
                sentence: sent.id,
                start: sent.start + off,
                end: sent.start + off + needle.len(),
                text: needle.to_string(),
            };
        }
    }
    panic!("{needle:?} is not in side {side:?}");
}

fn claim(
    r: &Report,
    change: Change,
    kind: ClaimKind,
    severity: Severity,
    a: Option<&str>,
    b: Option<&str>,
    message: &str,
) -> ClaimChange {
    ClaimChange {
        change,
        kind,
        severity,
        a: a.map(|t| span(r, SideId::A, t)),
        b: b.map(|t| span(r, SideId::B, t)),
        message: message.to_string(),
        reason: Reason::Text(message.to_string()),
        verdict: None,
        paired_by: None,
    }
}

/// The pair [`A`]/[`B`] aligned by hand, with one claim of each change and severity (listed out of
/// display order on purpose), an inconsistency and a note.
pub(crate) fn report_with_claims() -> Report {
    use crate::report::RowOp::{Added as Add, Dropped as Drop, Edited, Equal};
    let mut r = by_hand(
        A,
        B,
        &[
            (Equal, &[0], &[0]),
            (Edited, &[1], &[1]),
            (Edited, &[2], &[2]),
            (Drop, &[3], &[]),
            (Equal, &[4], &[3]),
            (Add, &[], &[4]),
            (Add, &[], &[5]),
        ],
    );
    use Change::*;
    use ClaimKind::*;
    use Severity::*;
    r.claims = vec![
        claim(
            &r,
            Added,
            Number,
            Notice,
            None,
            Some("3,000"),
            "B adds that a petition has 3,000 signatures",
        ),
        claim(
            &r,
            Changed,
            Attribution,
            Notice,
            Some("said"),
            Some("claimed"),
            "said in A, claimed in B",
        ),
        claim(
            &r,
            Dropped,
            Quote,
            Notice,
            Some("\"partners, not rivals\""),
            None,
            "B leaves out Xi's quote",
        ),
        claim(
            &r,
            Changed,
            Date,
            Conflict,
            Some("last November"),
            Some("late 2018"),
            "the summit is dated last November in A but late 2018 in B",
        ),
        claim(
            &r,
            Changed,
            Number,
            Conflict,
            Some("About 14,000"),
            Some("Some 18,000"),
            "about 14,000 attended in A but some 18,000 in B",
        ),
    ];
    r.inconsistencies = vec![Inconsistency {
        side: SideId::B,
        kind: Date,
        first: span(&r, SideId::B, "late 2018"),
        second: span(&r, SideId::B, "November"),
        message: "B dates the summit in late 2018 and in November".to_string(),
    }];
    r.notes.push(Note::text(
        "date-inferred",
        "dates resolved against 2024, inferred from \"last November\" in A",
    ));
    r.recount();
    r
}

/// Asserts `value` against the snapshot `snapshots/<name>.snap`.
pub(crate) fn snap(name: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name.to_string(), value));
}

/// A report built by hand: sentences of A and B (each side's text is its sentences joined by a
/// space) and the rows; the diff of each paired row is computed with the aligner's word diff.
pub(crate) fn by_hand(
    a: &[&str],
    b: &[&str],
    rows: &[(crate::report::RowOp, &[usize], &[usize])],
) -> Report {
    use crate::report::{Role, Row, RowOp, Sentence, Side, Summary};
    fn side(path: &str, sents: &[&str]) -> Side {
        let mut out = Vec::new();
        let mut pos = 0;
        for (id, s) in sents.iter().enumerate() {
            out.push(Sentence {
                id,
                start: pos,
                end: pos + s.len(),
                text: s.to_string(),
                furniture: s.starts_with("Related") || s.starts_with("Back to top"),
                role: Role::Body,
                paragraph: 0,
                dateline: None,
            });
            pos += s.len() + 1;
        }
        Side {
            path: path.to_string(),
            text: None,
            sentences: out,
        }
    }
    let (sa, sb) = (side("a.txt", a), side("b.txt", b));
    let join = |s: &Side, ids: &[usize]| {
        ids.iter()
            .map(|&i| s.sentences[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rows = rows
        .iter()
        .map(|(op, ra, rb)| {
            let paired = !ra.is_empty() && !rb.is_empty();
            Row {
                op: *op,
                a: ra.to_vec(),
                b: rb.to_vec(),
                similarity: if paired { 1.0 } else { 0.0 },
                diff: if paired && *op != RowOp::Added {
                    word_diff(&join(&sa, ra), &join(&sb, rb))
                } else {
                    vec![]
                },
            }
        })
        .collect();
    let mut r = Report {
        schema: crate::report::SCHEMA.into(),
        a: sa,
        b: sb,
        alignment: rows,
        claims: vec![],
        inconsistencies: vec![],
        quotes: vec![],
        passages: vec![],
        summary: Summary::default(),
        notes: vec![],
    };
    r.recount();
    r
}

/// A plain word diff with `similar` (words and the white space between them as tokens).
pub(crate) fn word_diff(a: &str, b: &str) -> Vec<crate::report::DiffChunk> {
    use crate::report::{DiffChunk, DiffOp};
    let diff = similar::TextDiff::from_words(a, b);
    let mut out: Vec<DiffChunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            similar::ChangeTag::Equal => DiffOp::Equal,
            similar::ChangeTag::Insert => DiffOp::Insert,
            similar::ChangeTag::Delete => DiffOp::Delete,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(DiffChunk {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    out
}
