//! The seed pair (../shared/seeds, see its README) aligned as a reader expects: headlines
//! paired, the 1:2 split, both quotes, the dropped passage, the added paragraphs, no other
//! pairs. Skips (and says so) when ../shared is absent.

use crate::util::align::*;
use storydiff::align::{align, AlignOptions};
use storydiff::report::RowOp;

#[test]
fn seed_pair_aligns_as_a_reader_expects() {
    let Some(dir) = storydiff_eval::corpora::seeds_dir() else {
        storydiff_eval::corpora::skip("../shared/seeds absent");
        return;
    };
    let ta = std::fs::read_to_string(dir.join("000_3d2a522fcf6b1ab9.txt")).expect("seed A");
    let tb = std::fs::read_to_string(dir.join("001_ca9eb8ab0e1e27f4.txt")).expect("seed B");
    let (a, b) = (storydiff::sentences(&ta), storydiff::sentences(&tb));
    let al = align(&a, &b, &AlignOptions::default());
    check_invariants(&a, &b, &al.rows);
    let rows = &al.rows;
    let d = dump(&a, &b, rows);

    // Headlines.
    let h = row_of_a(rows, id(&a, "US has seen evidence of China trying"));
    assert_eq!(h.b, [id(&b, "Blinken claims that China")], "{d}");
    // The 1:2 split.
    let s = row_of_a(rows, id(&a, "Blinken made the comments"));
    assert_eq!(s.a.len(), 1, "{d}");
    assert_eq!(
        s.b,
        [
            id(&b, "In an interview with CNN"),
            id(&b, "During his time there")
        ],
        "{d}"
    );
    // Both quotes, although B moves the attribution of the first.
    for q in [
        "We have seen, generally speaking",
        "Any interference by China",
    ] {
        let r = row_of_a(rows, id(&a, q));
        assert!(r.b.contains(&id(&b, q)), "{q}\n{d}");
        assert!(matches!(r.op, RowOp::Edited | RowOp::Equal), "{d}");
    }
    // The passage that B drops, and A's second headline.
    for n in [
        "Xi tells Blinken",
        "partners, not rivals” as",
        "The two countries should be partners",
        "Wang Yi",
        "Taiwan",
        "Diaoyutai",
    ] {
        for i in ids(&a, n) {
            assert_eq!(row_of_a(rows, i).op, RowOp::Dropped, "{n}\n{d}");
        }
        assert!(!ids(&a, n).is_empty(), "{n} not found");
    }
    // What B adds.
    for n in ["Based on its policy", "including Canada", "We are now"] {
        assert_eq!(row_of_b(rows, id(&b, n)).op, RowOp::Added, "{n}\n{d}");
    }
    // No spurious pairs: every A×B combination inside a paired row is one a reader would make.
    let allowed: &[(&str, &str)] = &[
        (
            "US has seen evidence of China trying",
            "Blinken claims that China",
        ),
        (
            "Secretary of State Antony Blinken said",
            "Despite Chinese President",
        ),
        ("Blinken made the comments", "In an interview with CNN"),
        ("Blinken made the comments", "During his time there"),
        ("he repeated a message", "he restated President"),
        ("he repeated a message", "Xi then promised"),
        ("Xi had pledged", "Xi then promised"),
        ("Xi had pledged", "he restated President"),
        (
            "We have seen, generally speaking",
            "We have seen, generally speaking",
        ),
        ("Any interference by China", "Any interference by China"),
        (
            "Any interference by China",
            "Blinken also mentioned worries",
        ),
        ("in China for the second time", "which is his second"),
    ];
    for r in rows.iter().filter(|r| !r.a.is_empty() && !r.b.is_empty()) {
        for &i in &r.a {
            for &j in &r.b {
                let ok = allowed
                    .iter()
                    .any(|(x, y)| a[i].text.contains(x) && b[j].text.contains(y));
                assert!(ok, "unexpected pair A{i} × B{j}\n{d}");
            }
        }
    }
}
