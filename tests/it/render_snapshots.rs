//! render_snapshots: insta snapshots of the text (plain and tags palette) and JSON output for
//! every fixture pair this file lists and for the built-in example.
//!
//! Input: `tests/fixtures/<case>/{a,b}.txt`. Output: `snapshots/<case>_<format>.snap`, for
//! reading the output, not for pinning it: the segmenter, aligner and claim engine change what
//! they find, and then these snapshots change too (review with `cargo insta review`, or read the
//! `.snap.new` files). Behaviour that must hold whatever they find is tested in
//! `tests/it/contract.rs` and in the renderers' unit tests.

use storydiff::render::{json, summary, text, Palette};
use storydiff::{compare, ingest, Document, Options, Report};

use crate::util::{fixture, fixture_text, fixtures_dir, snap};

/// The fixture pairs written for the renderer (see tests/fixtures/README.md).
const CASES: &[&str] = &[
    "equal_texts",
    "sentence_split",
    "sentences_merged",
    "sentence_moved",
    "paragraph_added",
    "paragraph_dropped",
    "furniture_only",
    "headline_reworded",
    "quote_attribution_moved",
    "empty_file",
    "crlf_bom",
    "unicode_wide",
];

/// Width of text snapshots.
const WIDTH: usize = 80;

fn load(case: &str, side: &str) -> Document {
    let path = fixture(case, &format!("{side}.txt"));
    let mut doc =
        ingest::read(&path, &Default::default()).unwrap_or_else(|e| panic!("fixture {case}: {e}"));
    // A path that does not depend on where the repository is checked out.
    doc.path = format!("{case}/{side}.txt");
    doc
}

fn text_of(report: &Report, palette: Palette, side_by_side: bool) -> String {
    let opts = text::TextOptions {
        palette,
        width: WIDTH,
        context: None,
        side_by_side,
        explain: false,
        quotes: false,
    };
    let mut out = Vec::new();
    text::render(report, &opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn json_of(report: &Report) -> String {
    let mut out = Vec::new();
    json::render(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn snapshot_all(case: &str, report: &Report) {
    snap(
        &format!("{case}_text"),
        &text_of(report, Palette::plain(), false),
    );
    snap(
        &format!("{case}_tags"),
        &text_of(report, Palette::tags(), false),
    );
    snap(&format!("{case}_json"), &json_of(report));
}

#[test]
fn fixtures() {
    for case in CASES {
        let report = compare(&load(case, "a"), &load(case, "b"), &Options::default());
        snapshot_all(case, &report);
    }
}

#[test]
fn built_in_example() {
    let a = Document::from_text("example/a.txt", fixture_text("example", "a.txt"));
    let b = Document::from_text("example/b.txt", fixture_text("example", "b.txt"));
    let report = compare(&a, &b, &Options::default());
    snapshot_all("example", &report);
    snap(
        "example_side_by_side",
        &text_of(&report, Palette::plain(), true),
    );
    let mut out = Vec::new();
    summary::render(&report, &mut out).unwrap();
    snap("example_summary", &String::from_utf8(out).unwrap());
}

#[test]
fn every_listed_fixture_is_documented() {
    let readme = std::fs::read_to_string(fixtures_dir().join("README.md")).unwrap();
    for case in CASES {
        assert!(
            readme.contains(&format!("`{case}`")),
            "{case} is not listed in tests/fixtures/README.md"
        );
    }
}
