//! render_props: property tests of the text renderers on random inputs.
//!
//! Input: random texts mixing ASCII words, sentence punctuation, paragraph breaks, CR/CRLF,
//! tabs, wide (CJK, emoji) and combining characters, and control characters (ESC, BEL, NUL,
//! C1, bidi overrides). Output: pass/fail. Properties: rendering never panics; plain output
//! holds no control character but line ends; no line is wider than the width; every row of the
//! report is shown (or folded) in order; the summary format is one line.

use proptest::prelude::*;
use storydiff::render::{summary, text, Palette};
use storydiff::{compare, Document, Options};
use unicode_width::UnicodeWidthStr;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z]{1,9}",
        2 => Just(" ".to_string()),
        1 => prop::sample::select(vec![
            ". ", "? ", "! ", ", ", "\n\n", "\r\n", "\r", "\t", "“", "”", "—", "北京", "東京都",
            "🎨", "e\u{301}", "\u{1b}[31m", "\u{7}", "\u{0}", "\u{9b}", "\u{202e}", "\u{feff}",
            "U.S.", "5.5", "\u{a0}",
        ])
        .prop_map(str::to_string),
    ]
}

fn story() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

fn render(r: &storydiff::Report, width: usize, context: Option<usize>, sbs: bool) -> String {
    let opts = text::TextOptions {
        palette: Palette::plain(),
        width,
        context,
        side_by_side: sbs,
        explain: false,
        quotes: false,
    };
    let mut out = Vec::new();
    text::render(r, &opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn text_output_is_safe_and_fits(a in story(), b in story(), width in 40usize..140, ctx in prop::option::of(0usize..3), sbs in any::<bool>()) {
        let r = compare(&Document::from_text("a.txt", a), &Document::from_text("b.txt", b), &Options::default());
        let out = render(&r, width, ctx, sbs);
        for line in out.lines() {
            prop_assert!(!line.chars().any(char::is_control), "{:?}", line);
            prop_assert!(UnicodeWidthStr::width(line) <= width, "{} > {}: {:?}", UnicodeWidthStr::width(line), width, line);
        }
        // Without folding, every row shows at least one marked line.
        if ctx.is_none() && !sbs {
            let marked = out.lines().filter(|l| matches!(l.chars().next(), Some('-' | '+' | '~' | '>' | '='))
                && l.chars().nth(2).is_some_and(|c| c == 'A' || c == 'B')).count();
            prop_assert!(marked >= r.alignment.len());
        }
        let mut line = Vec::new();
        summary::render(&r, &mut line).unwrap();
        let line = String::from_utf8(line).unwrap();
        prop_assert_eq!(line.lines().count(), 1);
    }

    #[test]
    fn unwrapped_output_never_panics(a in story(), b in story()) {
        let r = compare(&Document::from_text("a.txt", a), &Document::from_text("b.txt", b), &Options::default());
        let out = render(&r, 0, None, false);
        prop_assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    }
}
