//! fuzz target `claims`: arbitrary bytes → two halves as texts → storydiff::compare (claims
//! extraction and comparison included); checks compare(A, A) reports no difference.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::{compare, Document, FailOn, Options};

fuzz_target!(|data: &[u8]| {
    let (x, y) = data.split_at(data.len() / 2);
    let a = Document::from_text("a.txt", String::from_utf8_lossy(x).into_owned());
    let b = Document::from_text("b.txt", String::from_utf8_lossy(y).into_owned());
    let opts = Options::default();
    let r = compare(&a, &b, &opts);
    let _ = r.differs(FailOn::Any);
    let same = compare(&a, &a, &opts);
    assert!(!same.differs(FailOn::Any), "a text compared with itself differs");
});
