//! fuzz target `align`: arbitrary bytes → two texts (split at the first 0xFF byte) → sentences
//! → align::align; checks every sentence id of each side is in exactly one row.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len() / 2);
    let (x, y) = data.split_at(cut);
    let a = String::from_utf8_lossy(x);
    let b = String::from_utf8_lossy(y.get(1..).unwrap_or(&[]));
    let sa = storydiff::sentences(&a);
    let sb = storydiff::sentences(&b);
    let al = storydiff::align::align(&sa, &sb, &Default::default());
    let mut seen_a = vec![0u32; sa.len()];
    let mut seen_b = vec![0u32; sb.len()];
    for row in &al.rows {
        for &i in &row.a {
            seen_a[i] += 1;
        }
        for &i in &row.b {
            seen_b[i] += 1;
        }
    }
    assert!(seen_a.iter().all(|&n| n == 1), "A sentence not in exactly one row");
    assert!(seen_b.iter().all(|&n| n == 1), "B sentence not in exactly one row");
});
