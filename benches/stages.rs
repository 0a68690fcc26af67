//! stages: `cargo bench` timings of each pipeline stage, one at a time, and of `compare`.
//!
//! Inputs (built once, before timing): the built-in example pair, one generated 1–5 KB article
//! pair, and a generated ~1 MB story against its lightly edited and its heavily reworded copy
//! (`storydiff_eval::pairgen`, seeded, so every run times the same bytes). Each stage is
//! timed on the output of the stage before it, computed outside the timed loop; the counter is
//! the bytes of A + B, so divan prints MB/s.
//!
//! ```sh
//! cargo bench --bench stages                  # all (a few minutes)
//! cargo bench --bench stages -- align         # one stage
//! DIVAN_MAX_TIME=1 cargo bench --bench stages # quicker, noisier
//! cargo bench --bench stages -- --skip long   # small inputs only
//! ```
//!
//! On the 1 MB inputs one `claims` or `whole_compare` iteration takes about a second (the claim
//! stage works in windows of about 200 sentences a side). `align` and `claims` are timed
//! through their public entry points, which read the words themselves (the text layer,
//! `src/text.rs`); `whole_compare` reads them once for both.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use storydiff::align::{self, AlignOptions, Alignment};
use storydiff::claims::{self, ClaimInput};
use storydiff::ingest::{self, Document, ReadOptions};
use storydiff::render::{json, text};
use storydiff::{compare, report, Options, Report};
use storydiff_eval::pairgen;

fn main() {
    divan::main();
}

/// Input names, smallest first.
const INPUTS: &[&str] = &["example", "article", "long-light", "long-heavy"];

/// Size of the long story in bytes.
const LONG_BYTES: usize = 1_000_000;

struct Prepared {
    a: Document,
    b: Document,
    sa: Vec<report::Sentence>,
    sb: Vec<report::Sentence>,
    // Built on first use, so `cargo bench -- segment align` never waits for the claim stage.
    alignment: OnceLock<Alignment>,
    report: OnceLock<Report>,
}

impl Prepared {
    fn new(a: String, b: String) -> Prepared {
        let (a, b) = (
            Document::from_text("a.txt", a),
            Document::from_text("b.txt", b),
        );
        let (sa, sb) = (storydiff::sentences(&a.text), storydiff::sentences(&b.text));
        Prepared {
            a,
            b,
            sa,
            sb,
            alignment: OnceLock::new(),
            report: OnceLock::new(),
        }
    }

    fn alignment(&self) -> &Alignment {
        self.alignment
            .get_or_init(|| align::align(&self.sa, &self.sb, &AlignOptions::default()))
    }

    fn report(&self) -> &Report {
        self.report
            .get_or_init(|| compare(&self.a, &self.b, &Options::default()))
    }

    fn bytes(&self) -> BytesCount {
        BytesCount::new(self.a.text.len() + self.b.text.len())
    }
}

fn input(name: &str) -> &'static Prepared {
    static CELLS: [OnceLock<Prepared>; 4] = [const { OnceLock::new() }; 4];
    static LONG: OnceLock<(String, String, String)> = OnceLock::new();
    let long = || {
        LONG.get_or_init(|| {
            let mut rng = pairgen::Rng::new(4);
            pairgen::long_triple(&pairgen::Pool::new(), LONG_BYTES, &mut rng)
        })
    };
    let i = INPUTS.iter().position(|n| *n == name).expect("known input");
    CELLS[i].get_or_init(|| match name {
        "example" => Prepared::new(
            include_str!("../tests/fixtures/example/a.txt").into(),
            include_str!("../tests/fixtures/example/b.txt").into(),
        ),
        "article" => {
            let mut rng = pairgen::Rng::new(4);
            let (a, b) = pairgen::article_pair(&pairgen::Pool::new(), &mut rng);
            Prepared::new(a, b)
        }
        "long-light" => Prepared::new(long().0.clone(), long().1.clone()),
        _ => Prepared::new(long().0.clone(), long().2.clone()),
    })
}

/// Decoding the bytes read (UTF-8 check, byte-order mark, NUL scan); file reading itself is
/// left out so the figure does not depend on the page cache.
#[divan::bench(args = INPUTS, max_time = 3)]
fn ingest(bencher: Bencher, name: &str) {
    let p = input(name);
    let (a, b) = (p.a.text.as_bytes().to_vec(), p.b.text.as_bytes().to_vec());
    bencher
        .counter(p.bytes())
        .with_inputs(|| (a.clone(), b.clone()))
        .bench_local_values(|(a, b)| {
            let ro = ReadOptions::default();
            (
                ingest::decode("a.txt", a, &ro).unwrap(),
                ingest::decode("b.txt", b, &ro).unwrap(),
            )
        });
}

#[divan::bench(args = INPUTS, max_time = 3)]
fn segment(bencher: Bencher, name: &str) {
    let p = input(name);
    bencher.counter(p.bytes()).bench(|| {
        (
            storydiff::sentences(black_box(&p.a.text)),
            storydiff::sentences(black_box(&p.b.text)),
        )
    });
}

#[divan::bench(args = INPUTS, max_time = 3)]
fn align(bencher: Bencher, name: &str) {
    let p = input(name);
    let opts = AlignOptions::default();
    bencher
        .counter(p.bytes())
        .bench(|| align::align(black_box(&p.sa), black_box(&p.sb), &opts));
}

#[divan::bench(args = INPUTS, max_time = 3)]
fn claims(bencher: Bencher, name: &str) {
    let p = input(name);
    let opts = claims::ClaimOptions::default();
    let rows = &p.alignment().rows;
    bencher.counter(p.bytes()).bench(|| {
        claims::analyze(
            ClaimInput {
                text: &p.a.text,
                sentences: &p.sa,
            },
            ClaimInput {
                text: &p.b.text,
                sentences: &p.sb,
            },
            black_box(rows),
            &opts,
        )
    });
}

#[divan::bench(args = INPUTS, max_time = 3)]
fn render_text(bencher: Bencher, name: &str) {
    let p = input(name);
    let opts = text::TextOptions::default();
    let report = p.report();
    bencher.counter(p.bytes()).bench(|| {
        let mut out = Vec::new();
        text::render(black_box(report), &opts, &mut out).unwrap();
        out
    });
}

#[divan::bench(args = INPUTS, max_time = 3)]
fn render_json(bencher: Bencher, name: &str) {
    let p = input(name);
    let report = p.report();
    bencher.counter(p.bytes()).bench(|| {
        let mut out = Vec::new();
        json::render(black_box(report), &mut out).unwrap();
        out
    });
}

/// The whole library pipeline (segment → align → claims → report), no rendering.
#[divan::bench(args = INPUTS, max_time = 5)]
fn whole_compare(bencher: Bencher, name: &str) {
    let p = input(name);
    let opts = Options::default();
    bencher
        .counter(p.bytes())
        .bench(|| compare(black_box(&p.a), black_box(&p.b), &opts));
}
