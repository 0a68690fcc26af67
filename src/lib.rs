//! storydiff compares two versions of one news story and tells which facts changed.
//!
//! The pipeline runs in stages over plain data, each a module:
//!
//! ```text
//! ingest → segment → align → claims → report → render
//! ```
//!
//! - [`ingest`] reads files and standard input into a [`Document`] (the only file-system code);
//! - [`segment`] splits a text into sentences with exact byte spans, flagging headlines,
//!   datelines and page furniture;
//! - the text layer (crate-internal, `src/text.rs`) reads the words of both texts once, into
//!   one lexicon (each distinct word with its stem, key and class) that the next two stages
//!   read;
//! - [`align`] pairs the sentences of the two versions (1:1, 1:n, n:1, moved, added, dropped)
//!   and diffs the words inside each pair;
//! - [`claims`] extracts dates, numbers, names, quotes, negation and attribution, and flags the
//!   claims that were added, dropped or changed;
//! - [`report`] is the one data model ([`Report`]) that every renderer reads;
//! - [`render`] writes the report as coloured text or as JSON (schema `storydiff/1`).
//!
//! ```
//! use storydiff::{compare, Document, Options};
//!
//! let a = Document::from_text("a.txt", "The talks lasted five hours. Both sides spoke.");
//! let b = Document::from_text("b.txt", "The talks lasted five hours. Both sides spoke.");
//! let report = compare(&a, &b, &Options::default());
//! assert_eq!(report.summary.equal, 2);
//! assert!(!report.differs(storydiff::FailOn::Any));
//! ```

// Every public item says what it is (`missing_docs`); what only the crate uses is `pub(crate)`
// (`unreachable_pub`).
#![deny(missing_docs, unreachable_pub)]

pub mod align;
pub mod claims;
pub mod error;
pub mod ingest;
pub mod render;
pub mod report;
pub mod segment;
mod text;

// The API in one list: what a program needs to read two versions, compare them and render the
// report. The stage modules stay public for the corpus harnesses (`eval/`, storydiff-eval), the
// benches and the fuzz targets that drive one stage alone.
pub use align::AlignOptions;
pub use claims::{CalendarDate, ClaimOptions};
pub use error::{Error, Result};
pub use ingest::{Document, Published, ReadOptions};
pub use render::text::TextOptions;
pub use render::Palette;
pub use report::{FailOn, Report};

/// Options that change what is compared (display options live in [`render`]).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How sentences are paired (thresholds, each documented with its default).
    pub align: align::AlignOptions,
    /// How claims are compared (publication dates, thresholds).
    pub claims: claims::ClaimOptions,
}

/// Compares version `a` with version `b`.
///
/// Both texts are compared in Unicode NFC ([`ingest::normalize`]). A side without a date in
/// `opts.claims` takes the publication date its input gives ([`Document::published`], a saved
/// page's own date), and a note says so.
pub fn compare(a: &Document, b: &Document, opts: &Options) -> Report {
    let (a, b) = (ingest::normalize(a), ingest::normalize(b));
    let (a, b) = (a.as_ref(), b.as_ref());
    let mut claim_opts = opts.claims.clone();
    let mut date_notes = Vec::new();
    for (label, doc, date) in [
        (report::SideId::A, a, &mut claim_opts.date_a),
        (report::SideId::B, b, &mut claim_opts.date_b),
    ] {
        if let (None, Some(p)) = (*date, doc.published) {
            *date = Some(p.date);
            date_notes.push(report::Note::of(report::NoteReason::DateFromPage {
                side: label,
                date: p.date.to_string(),
                source: p.source.to_string(),
            }));
        }
    }
    let opts = &Options {
        align: opts.align.clone(),
        claims: claim_opts,
    };
    let sa = sentences(&a.text);
    let sb = sentences(&b.text);
    // The words of both texts, read once for the stages that read words.
    let mut lex = text::Lexicon::default();
    let ra = text::Reading::new(&sa, &mut lex);
    let rb = text::Reading::new(&sb, &mut lex);
    let alignment = align::align_read(&sa, &sb, (&ra, &rb), &lex, &opts.align);
    let outcome = claims::analyze_read(
        claims::ClaimInput {
            text: &a.text,
            sentences: &sa,
        },
        claims::ClaimInput {
            text: &b.text,
            sentences: &sb,
        },
        (&ra, &rb),
        &lex,
        &alignment.rows,
        &opts.claims,
    );
    drop((ra, rb, lex));
    let mut outcome = outcome;
    // The claim stage gives each finding its reason; its English is composed in one place.
    for c in &mut outcome.claims {
        c.message = render::english::claim(&c.reason);
    }
    for i in &mut outcome.inconsistencies {
        i.message = render::english::inconsistency(i);
    }
    let mut notes = date_notes;
    notes.extend(alignment.notes);
    notes.extend(outcome.notes);
    // Each note's English, composed in one place from what the stage found.
    for n in &mut notes {
        if n.reason != report::NoteReason::Text {
            n.message = render::english::note(&n.reason);
        }
    }
    let mut report = Report {
        schema: report::SCHEMA.into(),
        a: side(a, sa),
        b: side(b, sb),
        alignment: alignment.rows,
        claims: outcome.claims,
        inconsistencies: outcome.inconsistencies,
        quotes: outcome.quotes,
        passages: Vec::new(),
        summary: Default::default(),
        notes,
    };
    report.passages = report::passages(&report.alignment, &report.a.sentences, &report.b.sentences);
    report.recount();
    report
}

/// Segments `text` into report sentences (ids, spans, texts, flags).
pub fn sentences(text: &str) -> Vec<report::Sentence> {
    segment::segment(text)
        .into_iter()
        .enumerate()
        .map(|(id, s)| report::Sentence {
            id,
            start: s.start,
            end: s.end,
            text: text[s.start..s.end].to_string(),
            furniture: s.role == report::Role::Furniture,
            role: s.role,
            paragraph: s.paragraph,
            dateline: s.dateline,
        })
        .collect()
}

fn side(doc: &Document, sentences: Vec<report::Sentence>) -> report::Side {
    report::Side {
        path: doc.path.clone(),
        text: doc.converted.then(|| doc.text.clone()),
        sentences,
    }
}
