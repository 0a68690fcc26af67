//! fuzz target `pipeline_render`: arbitrary bytes → two halves → compare → text (plain and
//! coloured, wrapped and side by side), JSON and HTML renderers; checks the JSON parses and the
//! text output never carries a raw ESC from the input (plain palette: no ESC at all).
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::render::{palette::Palette, text::TextOptions};
use storydiff::{compare, Document, Options};

fuzz_target!(|data: &[u8]| {
    let (x, y) = data.split_at(data.len() / 2);
    let a = Document::from_text("a.txt", String::from_utf8_lossy(x).into_owned());
    let b = Document::from_text("b.txt", String::from_utf8_lossy(y).into_owned());
    let r = compare(&a, &b, &Options::default());

    let mut json = Vec::new();
    storydiff::render::json::render(&r, &mut json).expect("json render");
    let _: serde_json::Value = serde_json::from_slice(&json).expect("json parses");

    for side_by_side in [false, true] {
        let mut out = Vec::new();
        let opts = TextOptions {
            palette: Palette::plain(),
            width: 40,
            context: Some(1),
            side_by_side,
            // The explanations and the quote ledger are rendered too.
            explain: true,
            quotes: true,
        };
        storydiff::render::text::render(&r, &opts, &mut out).expect("text render");
        assert!(!out.contains(&0x1b), "raw ESC in plain text output");
    }
    let mut out = Vec::new();
    storydiff::render::html::render(&r, &mut out).expect("html render");
    let mut out = Vec::new();
    storydiff::render::summary::render(&r, &mut out).expect("summary render");
});
