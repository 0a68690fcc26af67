//! Alignment on hand-written fixture pairs (tests/fixtures/align_*/{a,b}.txt), one phenomenon
//! each: a sentence split in two, two merged into one, a moved sentence, added and dropped
//! sentences, repeated identical sentences, and a boilerplate phrase shared by every sentence.
//! Each fixture has one sentence per paragraph, so the expectations hold whatever the
//! segmenter does inside a paragraph.

use crate::util::align::*;
use crate::util::fixture_text;
use storydiff::align::{align, AlignOptions};
use storydiff::report::{Row, RowOp, Sentence};

fn run(case: &str) -> (Vec<Sentence>, Vec<Sentence>, Vec<Row>) {
    let ta = fixture_text(case, "a.txt");
    let tb = fixture_text(case, "b.txt");
    let (a, b) = (storydiff::sentences(&ta), storydiff::sentences(&tb));
    let al = align(&a, &b, &AlignOptions::default());
    check_invariants(&a, &b, &al.rows);
    assert!(al.notes.is_empty(), "{:?}", al.notes);
    (a, b, al.rows)
}

/// Asserts that the row holding the first A needle holds exactly the given sentences.
fn expect(
    (a, b, rows): &(Vec<Sentence>, Vec<Sentence>, Vec<Row>),
    op: RowOp,
    na: &[&str],
    nb: &[&str],
) {
    let want_a: Vec<usize> = na.iter().map(|n| id(a, n)).collect();
    let want_b: Vec<usize> = nb.iter().map(|n| id(b, n)).collect();
    let row = match (want_a.first(), want_b.first()) {
        (Some(&i), _) => row_of_a(rows, i),
        (None, Some(&j)) => row_of_b(rows, j),
        _ => panic!("empty expectation"),
    };
    assert!(
        row.op == op && row.a == want_a && row.b == want_b,
        "expected {op:?} {want_a:?}/{want_b:?}, got:\n{}",
        dump(a, b, rows)
    );
}

#[test]
fn split_one_into_two() {
    let r = run("align_split");
    expect(
        &r,
        RowOp::Equal,
        &["Council approves"],
        &["Council approves"],
    );
    expect(
        &r,
        RowOp::Edited,
        &["approved a budget of 4.2"],
        &["approved a 4.2", "The narrow vote"],
    );
    expect(&r, RowOp::Equal, &["The mayor"], &["The mayor"]);
}

#[test]
fn merge_two_into_one() {
    let r = run("align_merge");
    expect(
        &r,
        RowOp::Edited,
        &["Heavy rain flooded", "Police closed"],
        &["After heavy overnight rain"],
    );
    expect(&r, RowOp::Equal, &["Engineers"], &["Engineers"]);
}

#[test]
fn moved_sentence() {
    let r = run("align_move");
    expect(
        &r,
        RowOp::Moved,
        &["The union accepted"],
        &["Union members voted"],
    );
    expect(
        &r,
        RowOp::Equal,
        &["Shipping companies"],
        &["Shipping companies"],
    );
    expect(
        &r,
        RowOp::Equal,
        &["The port authority"],
        &["The port authority"],
    );
}

#[test]
fn added_and_dropped_in_place() {
    let r = run("align_add_drop");
    expect(&r, RowOp::Dropped, &["The work cost"], &[]);
    expect(&r, RowOp::Added, &[], &["Entry will be free"]);
    // The dropped row stands between its neighbours in A.
    let (a, _, rows) = &r;
    let pos = |i: usize| rows.iter().position(|x| x.a.contains(&i)).unwrap();
    let d = id(a, "The work cost");
    assert!(pos(d - 1) < pos(d) && pos(d) < pos(d + 1));
}

#[test]
fn repeated_sentences_pair_in_order() {
    let r = run("align_repeated");
    let (a, b, rows) = &r;
    let ra = ids(a, "Polls are now closed");
    let rb = ids(b, "Polls are now closed");
    assert_eq!(ra.len(), 3);
    for (i, j) in ra.iter().zip(&rb) {
        let row = row_of_a(rows, *i);
        assert_eq!(
            (row.op, &row.b),
            (RowOp::Equal, &vec![*j]),
            "{}",
            dump(a, b, rows)
        );
    }
    expect(
        &r,
        RowOp::Edited,
        &["The first results"],
        &["First results"],
    );
}

#[test]
fn boilerplate_does_not_pair_unrelated_facts() {
    let r = run("align_boilerplate");
    expect(
        &r,
        RowOp::Edited,
        &["nurses will receive"],
        &["nurses are to get"],
    );
    expect(&r, RowOp::Dropped, &["three hospitals"], &[]);
    expect(&r, RowOp::Added, &[], &["schools will reopen"]);
    expect(&r, RowOp::Edited, &["vaccination"], &["vaccination"]);
}
