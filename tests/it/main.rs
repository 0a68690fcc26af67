//! The integration tests: one test crate (one binary to link, one `cargo test --test it`), one
//! module per area, and [`util`] for what they share (the binary under one environment policy,
//! the fixtures, snapshots).
//!
//! Run one area with a filter on the module path: `cargo test --test it cli::`,
//! `cargo test --test it render_snapshots`, or one test: `cargo test --test it -- --exact
//! contract::every_fixture_keeps_the_contract`.
//!
//! A check that cannot run here (no `../shared` corpora, no git, chromium or `script`) prints
//! `SKIPPED <module::test>: <why>` (`storydiff_eval::corpora::skip`); with `CI` set, a corpus check
//! fails instead when `../shared` is present but unreadable (`.ci/run` counts the skips).

mod util;

// Stages, on the library: segmentation, alignment, claims.
mod align_corpora;
mod align_fallback;
mod align_fixtures;
mod align_props;
mod align_seed;
mod claims_corpora;
mod claims_fixtures;
mod claims_props;
mod claims_seed;
mod claims_values;
mod quote_ledger;
mod segment_corpora;
mod segment_perf;
mod segment_props;

// The whole comparison and its output.
mod contract;
mod html_render;
mod properties;
mod render_props;
mod render_snapshots;

// The binary as users and scripts meet it.
mod batch;
mod ci_example;
mod cli;
mod git;
mod hostile;
mod html_browser;
mod html_ingest;
mod shell;

// The repository itself: README, licences, CI.
mod ship;
