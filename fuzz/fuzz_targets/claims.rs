//! fuzz target `claims`: arbitrary bytes → two halves as texts → storydiff::compare (claims
//! extraction and comparison included); checks that compare(A, A) pairs every sentence with
//! itself and reports no changed, added or dropped claim. An inconsistency inside A (the text
//! contradicts itself: "starts at 9 a.m." … "starts at 8 a.m.") is a finding about the text, so
//! it may be reported, but then identically for both sides.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::report::{RowOp, SideId};
use storydiff::{compare, Document, FailOn, Options};

fuzz_target!(|data: &[u8]| {
    let (x, y) = data.split_at(data.len() / 2);
    let a = Document::from_text("a.txt", String::from_utf8_lossy(x).into_owned());
    let b = Document::from_text("b.txt", String::from_utf8_lossy(y).into_owned());
    let opts = Options::default();
    let r = compare(&a, &b, &opts);
    let _ = r.differs(FailOn::Any);
    let same = compare(&a, &a, &opts);
    assert!(
        same.alignment.iter().all(|row| row.op == RowOp::Equal),
        "a text compared with itself has a row that is not equal"
    );
    assert!(
        same.claims.is_empty(),
        "a text compared with itself has claims: {:?}",
        same.claims
    );
    let side = |s: SideId| {
        same.inconsistencies
            .iter()
            .filter(|i| i.side == s)
            .map(|i| (i.kind, i.first.start, i.second.start))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        side(SideId::A),
        side(SideId::B),
        "in-text inconsistencies differ by side"
    );
});
