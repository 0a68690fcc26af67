//! shell: `storydiff completions <shell>`, `storydiff man`, and the pager staying out of the
//! way when standard output is not a terminal.

use std::process::Command;

use crate::util::{bin, isolate, BIN};

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(
            s.contains("storydiff") && s.contains("fail-on"),
            "{shell}: {s}"
        );
    }
    let out = bin().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "unknown shell is a usage error");
}

#[test]
fn bash_completion_loads_in_bash() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("storydiff.bash");
    std::fs::write(&f, &out.stdout).unwrap();
    let Ok(check) = Command::new("bash")
        .arg("-c")
        .arg(format!(". '{}' && complete -p storydiff", f.display()))
        .output()
    else {
        storydiff_eval::corpora::skip("bash not installed");
        return;
    };
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("storydiff"));
}

#[test]
fn man_page() {
    let out = bin().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains(".TH storydiff 1"), "{s}");
    assert!(s.contains("no\\-pager"));
    assert!(s.contains("completions"));
    // Every page the main page names is generated, and no other is named.
    assert!(!s.contains("storydiff\\-help(1)"), "{s}");
    for page in ["batch", "completions", "man"] {
        assert!(s.contains(&format!("storydiff\\-{page}(1)")), "{page}");
        let out = bin().args(["man", page]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{page}");
        let p = String::from_utf8_lossy(&out.stdout);
        assert!(p.contains(&format!(".TH storydiff-{page} 1")), "{p}");
    }
}

#[test]
fn no_pager_when_stdout_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("paged");
    let pager = format!("touch '{}'; cat", marker.display());
    let out = bin()
        .arg("--example")
        .env("STORYDIFF_PAGER", &pager)
        .env("PAGER", &pager)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stdout.is_empty());
    assert!(!marker.exists(), "a pager ran although stdout is a pipe");
}

/// Runs `storydiff ARGS` on a pseudo-terminal of `rows` lines (util-linux `script`), with a
/// pager that marks each line; returns what reached the terminal, or `None` without `script`.
fn on_terminal(rows: usize, args: &str) -> Option<String> {
    let cmd = format!("stty rows {rows} cols 100; '{}' {args}", BIN);
    let out = isolate(&mut Command::new("script"))
        .args(["-qec", &cmd, "/dev/null"])
        .env("STORYDIFF_PAGER", "sed s/^/PAGED:/")
        .env_remove("PAGER")
        .output()
        .ok()?;
    if !out.status.success() && out.stdout.is_empty() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn pager_on_a_terminal_only_for_long_output() {
    let Some(long) = on_terminal(5, "--example --color never") else {
        storydiff_eval::corpora::skip("util-linux script not available");
        return;
    };
    assert!(long.starts_with("PAGED:example/a.txt"), "{long}");
    let short = on_terminal(200, "--example --color never").unwrap();
    assert!(!short.contains("PAGED:"), "short output paged: {short}");
    let off = on_terminal(5, "--example --color never --no-pager").unwrap();
    assert!(!off.contains("PAGED:"), "--no-pager ignored: {off}");
    let json = on_terminal(5, "--example --format json").unwrap();
    assert!(!json.contains("PAGED:"), "JSON paged: {json}");
}

/// `--color auto` on a real terminal: colour, except under `TERM=dumb` or `CLICOLOR=0`
/// (ripgrep's rule and the CLICOLOR convention), unless `CLICOLOR_FORCE` says otherwise.
#[test]
fn dumb_terminal_and_clicolor_0_get_no_colour() {
    let run = |env: &[(&str, &str)]| -> Option<String> {
        let cmd = format!("stty rows 200 cols 100; '{}' --example --no-pager", BIN);
        let mut c = Command::new("script");
        isolate(&mut c)
            .args(["-qec", &cmd, "/dev/null"])
            .env("TERM", "xterm");
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().ok()?;
        (!out.stdout.is_empty()).then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let Some(plain_term) = run(&[]) else {
        storydiff_eval::corpora::skip("util-linux script not available");
        return;
    };
    assert!(plain_term.contains('\u{1b}'), "a terminal gets colour");
    for env in [&[("TERM", "dumb")][..], &[("CLICOLOR", "0")][..]] {
        let out = run(env).unwrap();
        assert!(out.contains("example/a.txt"), "{env:?}: {out}");
        assert!(!out.contains('\u{1b}'), "{env:?} got colour: {out}");
    }
    let forced = run(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")]).unwrap();
    assert!(forced.contains('\u{1b}'), "CLICOLOR_FORCE wins");
}
