//! ci_example: runs the newsroom CI example of docs/ci-example/ (check-republished.sh) with the
//! built binary on the example's own texts, and checks `--quiet` (exit code only).
//!
//! `FAIL_ON=any` exit codes are checked always. The claims mode (the script's default) is
//! checked whenever the claim engine finds the changed date of the built-in example; until it
//! does, that part prints that it skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{bin, isolate, BIN};

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/ci-example")
}

/// Runs the check with `sample` as the republished ferry story; returns (exit code, stdout).
fn check(sample: &str, fail_on: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        example_dir().join("samples").join(sample),
        dir.path().join("ferry.txt"),
    )
    .unwrap();
    let out = isolate(&mut Command::new("bash"))
        .arg(example_dir().join("check-republished.sh"))
        .arg(example_dir().join("approved"))
        .arg(dir.path())
        .env("STORYDIFF", BIN)
        .env("FAIL_ON", fail_on)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn any_mode_passes_unchanged_and_fails_changed() {
    let (rc, out) = check("unchanged.txt", "any");
    assert_eq!(rc, 0, "{out}");
    assert!(out.contains("ok      ferry.txt"), "{out}");
    for sample in ["wording-only.txt", "fact-changed.txt"] {
        let (rc, out) = check(sample, "any");
        assert_eq!(rc, 1, "{sample}: {out}");
        assert!(out.contains("CHANGED ferry.txt"), "{out}");
        // The report of the failing story is in the log.
        assert!(
            out.contains("ferry.txt →") || out.contains("ferry.txt ->"),
            "{out}"
        );
    }
}

#[test]
fn missing_republished_file_is_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let out = isolate(&mut Command::new("bash"))
        .arg(example_dir().join("check-republished.sh"))
        .arg(example_dir().join("approved"))
        .arg(dir.path())
        .env("STORYDIFF", BIN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Whether the claim engine is in: the built-in example changes a date, which it must find.
fn claim_engine_present() -> bool {
    let out = bin()
        .args(["--example", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["claims"].as_array().is_some_and(|c| !c.is_empty())
}

#[test]
fn claims_mode_passes_wording_and_fails_facts() {
    if !claim_engine_present() {
        storydiff_eval::corpora::skip(
            "the claim engine finds no claims yet (claims mode untested)",
        );
        return;
    }
    let (rc, out) = check("unchanged.txt", "claims");
    assert_eq!(rc, 0, "{out}");
    let (rc, out) = check("wording-only.txt", "claims");
    assert_eq!(rc, 0, "wording change failed the claims check: {out}");
    let (rc, out) = check("fact-changed.txt", "claims");
    assert_eq!(rc, 1, "fact change passed the claims check: {out}");
    assert!(out.contains("April 21") || out.contains("£15"), "{out}");
}

#[test]
fn quiet_prints_nothing_and_tells_by_exit_code() {
    let approved = example_dir().join("approved/ferry.txt");
    for (sample, want) in [("unchanged.txt", 0), ("fact-changed.txt", 1)] {
        let b = example_dir().join("samples").join(sample);
        for flag in ["--quiet", "-q"] {
            let out = bin().arg(flag).arg(&approved).arg(&b).output().unwrap();
            assert_eq!(out.status.code(), Some(want), "{sample} {flag}");
            assert!(out.stdout.is_empty(), "{sample}: quiet printed output");
            assert!(out.stderr.is_empty());
        }
    }
    // Trouble still exits 2, with the message on standard error only.
    let out = bin()
        .args(["--quiet", "no-such-file.txt"])
        .arg(&approved)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(!out.stderr.is_empty());
}
