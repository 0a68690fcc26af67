#!/usr/bin/env bash
# CI step for the robust branch (issue 6): BUILD the fuzz targets with the stable toolchain only
# (no cargo-fuzz, no nightly). libfuzzer-sys compiles libFuzzer with the system C++ compiler;
# without the sanitizer flags the binaries link and run as plain libFuzzer drivers, which is
# enough to prove the targets still compile against the library. fuzz/ is its own workspace,
# so the main `cargo test` / `cargo clippy --all-targets` never build it.
set -euo pipefail
cd "$(dirname "$0")/.."
# --locked: fuzz/Cargo.lock is tracked and must not be rewritten by CI (update it with
# `cargo update --manifest-path fuzz/Cargo.toml -p storydiff` when the main lock changes).
cargo build --manifest-path fuzz/Cargo.toml --bins --locked
