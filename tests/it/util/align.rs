//! Helpers shared by the alignment tests: invariant checks and look-ups by text.

use storydiff::report::{Row, RowOp, Sentence};

/// Panics unless every sentence id of each side is in exactly one row, rows are well formed
/// (dropped: empty b; added: empty a; similarity 0..=1 with 3 decimals), and paired rows never
/// mix furniture with story sentences.
pub fn check_invariants(a: &[Sentence], b: &[Sentence], rows: &[Row]) {
    let mut seen_a = vec![0usize; a.len()];
    let mut seen_b = vec![0usize; b.len()];
    for r in rows {
        for &i in &r.a {
            seen_a[i] += 1;
        }
        for &j in &r.b {
            seen_b[j] += 1;
        }
        match r.op {
            RowOp::Dropped => assert!(r.b.is_empty() && r.a.len() == 1, "{r:?}"),
            RowOp::Added => assert!(r.a.is_empty() && r.b.len() == 1, "{r:?}"),
            _ => {
                assert!(!r.a.is_empty() && !r.b.is_empty(), "{r:?}");
                let furn: Vec<bool> =
                    r.a.iter()
                        .map(|&i| a[i].furniture)
                        .chain(r.b.iter().map(|&j| b[j].furniture))
                        .collect();
                assert!(furn.iter().all(|&f| f == furn[0]), "furniture mixed: {r:?}");
            }
        }
        assert!((0.0..=1.0).contains(&r.similarity), "{r:?}");
        assert_eq!((r.similarity * 1000.0).round() / 1000.0, r.similarity);
    }
    assert!(seen_a.iter().all(|&c| c == 1), "A ids: {seen_a:?}");
    assert!(seen_b.iter().all(|&c| c == 1), "B ids: {seen_b:?}");
    // Rows in reading order of B.
    let firsts: Vec<usize> = rows.iter().filter_map(|r| r.b.first().copied()).collect();
    assert!(
        firsts.windows(2).all(|w| w[0] < w[1]),
        "B order: {firsts:?}"
    );
}

/// Ids of the sentences containing `needle`.
pub fn ids(side: &[Sentence], needle: &str) -> Vec<usize> {
    side.iter()
        .filter(|s| s.text.contains(needle))
        .map(|s| s.id)
        .collect()
}

/// The one id containing `needle` (panics otherwise).
pub fn id(side: &[Sentence], needle: &str) -> usize {
    let v = ids(side, needle);
    assert_eq!(v.len(), 1, "{needle:?} found in {v:?}");
    v[0]
}

/// The row holding A sentence `i`.
pub fn row_of_a(rows: &[Row], i: usize) -> &Row {
    rows.iter()
        .find(|r| r.a.contains(&i))
        .expect("every A id has a row")
}

/// The row holding B sentence `j`.
pub fn row_of_b(rows: &[Row], j: usize) -> &Row {
    rows.iter()
        .find(|r| r.b.contains(&j))
        .expect("every B id has a row")
}

/// A readable dump of an alignment.
pub fn dump(a: &[Sentence], b: &[Sentence], rows: &[Row]) -> String {
    let mut s = String::new();
    for r in rows {
        s.push_str(&format!(
            "{:?} a={:?} b={:?} sim={}\n",
            r.op, r.a, r.b, r.similarity
        ));
        for &i in &r.a {
            s.push_str(&format!("   A{i}: {}\n", a[i].text));
        }
        for &j in &r.b {
            s.push_str(&format!("   B{j}: {}\n", b[j].text));
        }
    }
    s
}
