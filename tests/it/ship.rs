//! ship: what a new user and a packager meet besides the binary — the README's first steps,
//! the licence files and third-party notice, the `dist` profile, CI's handling of lock files
//! and skipped checks.
//!
//! Input: the repository's own files. Output: pass/fail.

use std::path::Path;
use std::process::Command;

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The lines of the TOML table `[name]` of Cargo.toml, up to the next table.
fn table(toml: &str, name: &str) -> Vec<String> {
    let head = format!("[{name}]");
    toml.lines()
        .skip_while(|l| l.trim() != head)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .map(|l| l.replace(' ', ""))
        .collect()
}

#[test]
fn readme_says_how_to_install_and_what_exit_1_means() {
    let readme = read("README.md");
    let setup = &readme[readme.find("## Set-up").unwrap()..readme.find("## Usage").unwrap()];
    let test = setup.find("cargo test").expect("the two set-up commands");
    let install = setup
        .find("cargo install --locked --path . --profile dist")
        .expect("an install line");
    assert!(
        install > test,
        "the install line comes right under the two commands"
    );
    assert!(setup.contains("exits with status 1") && setup.contains("differ"));
    assert!(setup.contains("target/release/storydiff"));
}

#[test]
fn readme_parallel_example_brings_outputs_back() {
    let readme = read("README.md");
    let at = readme.find("GNU parallel").unwrap();
    let example = &readme[at..at + 400];
    assert!(
        example.contains("--return") && example.contains("--trc"),
        "{example}"
    );
}

#[test]
fn licence_files_and_profiles() {
    let mit = read("LICENSE-MIT");
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = read("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0"));
    let toml = read("Cargo.toml");
    assert!(toml.contains("license = \"MIT OR Apache-2.0\""));
    let release = table(&toml, "profile.release");
    assert!(release.contains(&"debug=1".to_string()), "{release:?}");
    let dist = table(&toml, "profile.dist");
    for want in [
        "inherits=\"release\"",
        "lto=\"fat\"",
        "codegen-units=1",
        "strip=true",
        "debug=false",
    ] {
        assert!(dist.contains(&want.to_string()), "{want} in {dist:?}");
    }
    let notice = read("THIRD-PARTY-NOTICES.md");
    assert!(notice.contains("Kevin Atkinson"), "the SCOWL notice");
    for krate in ["scraper", "cssparser", "rust-stemmers", "encoding_rs"] {
        assert!(notice.contains(&format!("| {krate} |")), "{krate}");
    }
}

/// The offline licence/ban/rust-version check and the notice's freshness, as CI runs them.
#[test]
fn dependency_check_passes_offline() {
    for args in [&["check"][..], &["notice", "--check"][..]] {
        let Ok(o) = Command::new("python3")
            .arg("scripts/deps.py")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
        else {
            storydiff_eval::corpora::skip("python3 not installed: scripts/deps.py not run");
            return;
        };
        assert!(
            o.status.success(),
            "scripts/deps.py {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn ci_builds_fuzz_with_its_tracked_lock_and_counts_skips() {
    let robust = read(".ci/robust.sh");
    let build = robust
        .lines()
        .find(|l| l.starts_with("cargo build --manifest-path fuzz/Cargo.toml"))
        .unwrap();
    assert!(build.contains("--locked"), "{build}");
    let run = read(".ci/run");
    assert!(
        run.contains("grep -c '^SKIPPED '"),
        "skips counted in the log"
    );
    assert!(run.contains("scripts/deps.py check"));
}

/// Not a check itself: run by [`a_skip_is_visible_in_the_test_output`] in a child process.
#[test]
fn skip_probe() {
    if std::env::var_os("STORYDIFF_SKIP_PROBE").is_some() {
        storydiff_eval::corpora::skip("probe");
    }
}

/// libtest hides what a passing test prints with `eprintln!`; a skip must still show.
#[test]
fn a_skip_is_visible_in_the_test_output() {
    if std::env::var_os("STORYDIFF_SKIP_PROBE").is_some() {
        return;
    }
    let o = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "ship::skip_probe", "--test-threads", "2"])
        .env("STORYDIFF_SKIP_PROBE", "1")
        .output()
        .unwrap();
    assert!(o.status.success());
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(all.contains("SKIPPED ship::skip_probe: probe"), "{all}");
}
