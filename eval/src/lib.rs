//! storydiff-eval: how well storydiff does on public labelled corpora, and the seeded
//! generator of benchmark inputs. Not published; not part of the library's API.
//!
//! The corpora are read from the `shared` folder beside the repository ([`corpora`]); every
//! reader skips, and says so, when it is absent. The modules compute figures; the binaries in
//! `src/bin/` print them (`cargo run --release -p storydiff-eval --bin eval_claims`, and
//! `eval_align`, `eval_segment`, `eval_similarity`, `eval_values`, `gen_pairs`), and the
//! corpus tests of `tests/it` assert them minus a margin.
//!
//! - [`corpora`]: where the corpora and seeds are; the `SKIPPED` protocol of the test run;
//! - [`segment`]: sentence-boundary scores (Golden Rules, GUM news);
//! - [`align`]: similarity and alignment figures (MSRP, STS-B, OneStopEnglish, IteraTeR);
//! - [`paraphrase`]: a paraphrase classifier the aligner does not use, kept as a yardstick;
//! - [`claims`]: recall on seeded perturbations and false conflicts on paraphrase pairs;
//! - [`pairgen`]: article pairs, long texts and hostile inputs for `scripts/bench.sh` and the
//!   benches, from our own fixtures.

pub mod align;
pub mod claims;
pub mod corpora;
pub mod pairgen;
pub mod paraphrase;
pub mod segment;
