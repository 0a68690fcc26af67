//! Compare two texts and print the report as JSON (schema `storydiff/1`, documented in
//! `storydiff::render::json`). `cargo run --example json`

use storydiff::render::json;
use storydiff::{compare, Document, Options};

fn main() -> std::io::Result<()> {
    let a = Document::from_text("a.txt", "Police said 12 people were hurt in the fire.");
    let b = Document::from_text("b.txt", "Police said 21 people were hurt in the fire.");
    let report = compare(&a, &b, &Options::default());
    json::render(&report, &mut std::io::stdout().lock())
}
