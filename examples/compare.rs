//! Compare two texts and print the report as the command line does.
//!
//! `cargo run --example compare` (two versions written here), or
//! `cargo run --example compare -- A.txt B.txt` (two files).

use storydiff::render::text;
use storydiff::{compare, Document, Options, ReadOptions, TextOptions};

fn main() -> storydiff::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (a, b) = match args.as_slice() {
        // `ingest::read` reads a path or `-`, with the same checks as the command line.
        [a, b] => (
            storydiff::ingest::read(a, &ReadOptions::default())?,
            storydiff::ingest::read(b, &ReadOptions::default())?,
        ),
        _ => (
            Document::from_text(
                "a.txt",
                "The minister resigned on Monday. She had served for four years.",
            ),
            Document::from_text(
                "b.txt",
                "The minister resigned on Tuesday. She had served for four years.",
            ),
        ),
    };
    let report = compare(&a, &b, &Options::default());
    let mut out = std::io::stdout().lock();
    text::render(&report, &TextOptions::default(), &mut out).map_err(storydiff::Error::Output)?;
    Ok(())
}
