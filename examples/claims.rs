//! Walk the claims of a report: what changed, of which kind, how serious, and where each
//! version states it. `cargo run --example claims`

use storydiff::report::{Change, Severity};
use storydiff::{compare, Document, Options};

fn main() {
    let a = Document::from_text(
        "a.txt",
        "The summit was held in Geneva on 3 May. \"We made progress,\" Smith said.",
    );
    let b = Document::from_text(
        "b.txt",
        "The summit was held in Geneva on 5 May. \"We made no progress,\" Smith said.",
    );
    let report = compare(&a, &b, &Options::default());
    for claim in &report.claims {
        let serious = match claim.severity {
            Severity::Conflict => "conflict",
            Severity::Notice => "notice",
        };
        let change = match claim.change {
            Change::Changed => "changed",
            Change::Added => "added",
            Change::Dropped => "dropped",
        };
        // A span gives the sentence id and the byte range of the value in that version's text.
        let a = claim.a.as_ref().map_or("-", |s| s.text.as_str());
        let b = claim.b.as_ref().map_or("-", |s| s.text.as_str());
        println!("{serious:8} {change:7} {:?}: {a:?} → {b:?}", claim.kind);
        println!("         {}", claim.message);
    }
    println!(
        "{} conflict(s); differs: {}",
        report.summary.conflicts,
        report.differs(storydiff::FailOn::Claims)
    );
}
