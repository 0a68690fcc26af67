//! cli: the `storydiff` binary as a user and a script meet it — exit codes and `--fail-on`,
//! errors, standard input, colour flags and variables, formats, `--help` and `--version`.
//!
//! Input: the fixture pairs and files made in a temporary folder. Output: pass/fail. The
//! expectations hold whatever the segmenter, aligner and claim engine find: where a result
//! depends on them, the test reads it from the JSON output instead of assuming it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use crate::util::{bin, fixture};

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Asserts the shape of trouble: exit 2, nothing on stdout, one line on stderr naming `what`.
fn assert_trouble(o: &Output, what: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {err}");
    assert!(o.stdout.is_empty(), "stdout not empty: {:?}", stdout(o));
    assert_eq!(err.lines().count(), 1, "stderr is not one line: {err:?}");
    assert!(err.ends_with('\n'));
    assert!(err.starts_with("storydiff: "), "{err}");
    assert!(err.contains(what), "stderr {err:?} does not name {what:?}");
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_slice(&run(&all).stdout).unwrap()
}

fn temp_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn exit_codes_zero_one_two() {
    let same = run(&[
        &fixture("equal_texts", "a.txt"),
        &fixture("equal_texts", "b.txt"),
    ]);
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    assert!(same.stderr.is_empty());
    let differ = run(&["--example"]);
    assert_eq!(differ.status.code(), Some(1));
    assert!(!differ.stdout.is_empty() && differ.stderr.is_empty());
    let missing = run(&["no-such-file.txt", &fixture("equal_texts", "b.txt")]);
    assert_trouble(&missing, "no-such-file.txt");
}

#[test]
fn fail_on_levels() {
    let example = json(&["--example"]);
    let s = &example["summary"];
    let n = |k: &str| s[k].as_u64().unwrap();
    let claims = n("claims_changed") + n("claims_added") + n("claims_dropped");
    let conflicts = n("conflicts");
    let inconsistencies = n("inconsistencies");
    let code = |level: &str| {
        run(&["--example", "--fail-on", level])
            .status
            .code()
            .unwrap()
    };
    assert_eq!(code("any"), 1);
    assert_eq!(code("never"), 0);
    assert_eq!(code("claims"), i32::from(claims > 0));
    assert_eq!(code("conflicts"), i32::from(conflicts > 0));
    assert_eq!(code("inconsistencies"), i32::from(inconsistencies > 0));
    // Identical texts pass at every level.
    for level in ["any", "claims", "conflicts", "inconsistencies", "never"] {
        let o = run(&[
            "--fail-on",
            level,
            &fixture("equal_texts", "a.txt"),
            &fixture("equal_texts", "b.txt"),
        ]);
        assert_eq!(o.status.code(), Some(0), "--fail-on {level}");
    }
    // A pair whose only differences are sentences (no facts) differs only at `any`, unless the
    // claim engine finds a fact in the reworded headline.
    let hr = json(&[
        &fixture("headline_reworded", "a.txt"),
        &fixture("headline_reworded", "b.txt"),
    ]);
    if hr["claims"].as_array().unwrap().is_empty()
        && hr["inconsistencies"].as_array().unwrap().is_empty()
    {
        let o = run(&[
            "--fail-on",
            "claims",
            &fixture("headline_reworded", "a.txt"),
            &fixture("headline_reworded", "b.txt"),
        ]);
        assert_eq!(o.status.code(), Some(0));
    }
    let bad = run(&["--example", "--fail-on", "sometimes"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
}

#[test]
fn unreadable_inputs_are_one_line_of_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixture("equal_texts", "a.txt");
    let binary = temp_file(dir.path(), "photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0");
    let latin1 = temp_file(dir.path(), "latin1.txt", b"Caf\xe9 owners protest.\n");
    let nul = temp_file(dir.path(), "nul.txt", b"Text with a NUL \0 byte.\n");
    let folder = dir.path().to_str().unwrap();
    assert_trouble(&run(&[&good, "missing.txt"]), "missing.txt");
    assert_trouble(&run(&[folder, &good]), folder);
    assert_trouble(&run(&[&good, binary.to_str().unwrap()]), "photo.jpg");
    assert_trouble(&run(&[latin1.to_str().unwrap(), &good]), "latin1.txt");
    assert_trouble(&run(&[nul.to_str().unwrap(), &good]), "nul.txt");
    assert_trouble(&run(&["-", "-"]), "standard input");
    // The same in every format: nothing reaches stdout.
    for format in ["json", "summary", "text"] {
        assert_trouble(
            &run(&["--format", format, &good, "missing.txt"]),
            "missing.txt",
        );
    }
}

#[test]
fn stdin_is_dash() {
    let a = fixture("paragraph_added", "a.txt");
    let b = fixture("paragraph_added", "b.txt");
    let from_files = json(&[&a, &b]);
    for (args, dash_is_a) in [(["-", b.as_str()], true), ([a.as_str(), "-"], false)] {
        let piped = if dash_is_a { &a } else { &b };
        let mut child = bin()
            .args(["--format", "json"])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&std::fs::read(piped).unwrap())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let mut doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let key = if dash_is_a { "a" } else { "b" };
        assert_eq!(doc[key]["path"], "-");
        doc[key]["path"] = from_files[key]["path"].clone();
        assert_eq!(doc, from_files);
    }
}

fn has_escape(o: &Output) -> bool {
    o.stdout.contains(&0x1b)
}

#[test]
fn colour_flags_and_variables() {
    let with = |flag: &str, env: &[(&str, &str)]| {
        let mut c = bin();
        c.args(["--example", "--color", flag]);
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    assert!(has_escape(&with("always", &[])));
    assert!(has_escape(&with("always", &[("NO_COLOR", "1")])));
    assert!(!has_escape(&with("never", &[])));
    assert!(!has_escape(&with("never", &[("CLICOLOR_FORCE", "1")])));
    // auto: not a terminal here, so no colour unless forced.
    assert!(!has_escape(&with("auto", &[])));
    assert!(has_escape(&with("auto", &[("CLICOLOR_FORCE", "1")])));
    assert!(!has_escape(&with("auto", &[("CLICOLOR_FORCE", "0")])));
    assert!(!has_escape(&with(
        "auto",
        &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]
    )));
    assert!(!has_escape(&with("auto", &[("NO_COLOR", "1")])));
    // JSON and summary never carry colour.
    for format in ["json", "summary"] {
        let o = bin()
            .args(["--example", "--color", "always", "--format", format])
            .output()
            .unwrap();
        assert!(!has_escape(&o), "{format}");
    }
    // Without colour the changes are still marked.
    let plain = stdout(&with("never", &[]));
    assert!(plain.contains("[-") && plain.contains("{+"), "{plain}");
    assert!(
        plain.lines().any(|l| l.starts_with("+ ")) && plain.lines().any(|l| l.starts_with("- "))
    );
}

#[test]
fn terminal_escapes_in_the_input_are_not_written_raw() {
    let dir = tempfile::tempdir().unwrap();
    let a = temp_file(
        dir.path(),
        "a.txt",
        b"Title\n\nThe mayor said \x1b[2J\x1b]0;pwned\x07 yes.\n",
    );
    let b = temp_file(
        dir.path(),
        "b.txt",
        b"Title\n\nThe mayor said \x1b[2J\x1b]0;pwned\x07 no.\n",
    );
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for extra in [
        &[][..],
        &["--side-by-side"][..],
        &["--format", "summary"][..],
    ] {
        let o = bin()
            .args(["--color", "never", a, b])
            .args(extra)
            .output()
            .unwrap();
        let out = stdout(&o);
        assert!(
            !out.chars().any(|c| c.is_control() && c != '\n'),
            "{extra:?}: {out:?}"
        );
        if extra.is_empty() {
            assert!(out.contains("\\u{1b}[2J\\u{1b}]0;pwned\\u{7}"), "{out}");
        }
    }
    // With colour, every escape is one of the palette's SGR sequences ("ESC [ digits ; m").
    let out = stdout(&bin().args(["--color", "always", a, b]).output().unwrap());
    for piece in out.split('\u{1b}').skip(1) {
        let end = piece.find('m').expect("an SGR sequence ends with m");
        assert!(
            piece.starts_with('[')
                && piece[1..end]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ';'),
            "{piece:?}"
        );
    }
    // JSON keeps the text exactly, escaped as JSON escapes it.
    let doc = json(&[a, b]);
    assert!(doc["a"]["sentences"][1]["text"]
        .as_str()
        .unwrap()
        .contains('\u{1b}'));
}

#[test]
fn formats_and_layouts() {
    let summary = stdout(&run(&["--example", "--format", "summary"]));
    assert_eq!(summary.lines().count(), 1, "{summary}");
    assert!(
        summary.contains("equal=") && summary.contains("claims_changed="),
        "{summary}"
    );
    let doc = json(&["--example"]);
    assert!(
        summary.contains(&format!("added={}", doc["summary"]["added"])),
        "{summary}"
    );

    for width in ["40", "60", "100"] {
        let w: usize = width.parse().unwrap();
        // Side by side needs room for two gutters and two columns of at least 12 (text.rs).
        let layouts: &[&[&str]] = if w >= 60 {
            &[&[], &["--side-by-side"]]
        } else {
            &[&[]]
        };
        for &extra in layouts {
            let out = stdout(
                &bin()
                    .args(["--example", "--width", width])
                    .args(extra)
                    .output()
                    .unwrap(),
            );
            for line in out.lines() {
                let cols = unicode_width::UnicodeWidthStr::width(line);
                assert!(
                    cols <= w,
                    "--width {width} {extra:?}: {line:?} is {cols} wide"
                );
            }
        }
    }
    let quiet = run(&["--example", "--quiet"]);
    assert!(quiet.stdout.is_empty());
    assert_eq!(quiet.status.code(), Some(1));

    // --context folds unchanged sentences.
    let a = fixture("paragraph_added", "a.txt");
    let b = fixture("paragraph_added", "b.txt");
    let doc = json(&[&a, &b]);
    let equal = doc["summary"]["equal"].as_u64().unwrap();
    let full = stdout(&run(&["--color", "never", &a, &b]));
    let folded = stdout(&run(&["--color", "never", "--context", "0", &a, &b]));
    assert_eq!(
        full.lines().filter(|l| l.starts_with("= ")).count() as u64 > 0,
        equal > 0
    );
    assert_eq!(
        folded.lines().filter(|l| l.starts_with("= ")).count(),
        0,
        "{folded}"
    );
    if equal > 0 {
        assert!(folded.contains("unchanged sentence"), "{folded}");
    }
}

#[test]
fn help_and_version() {
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("storydiff --example"), "{text}");
    assert!(text.contains("--fail-on"), "{text}");
    assert!(text.contains("Exit codes"), "{text}");
    let version = run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        stdout(&version).trim(),
        format!("storydiff {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn empty_file_is_valid_input() {
    let o = run(&[
        "--format",
        "json",
        &fixture("empty_file", "a.txt"),
        &fixture("empty_file", "b.txt"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stderr.is_empty());
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(doc["a"]["sentences"].as_array().unwrap().is_empty());
    let rows = doc["alignment"].as_array().unwrap();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["op"] == "added"));
}

#[test]
fn a_closed_pipe_is_not_trouble() {
    // Enough output to fill the pipe: the example's A against a long B.
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..2000)
        .map(|i| format!("Sentence number {i} of a long story.\n\n"))
        .collect();
    let b = temp_file(dir.path(), "b.txt", long.as_bytes());
    let mut child = bin()
        .args([
            "--color",
            "never",
            &fixture("example", "a.txt"),
            b.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(out.status.code(), Some(2));
}

/// Issue 15 point 13: a story that contradicts itself, compared with itself, differs only at
/// `any` and at the level of its own, `inconsistencies`; at `claims` and `conflicts` nothing
/// differs between the two versions, so a CI job checking an approved story passes.
#[test]
fn a_self_contradiction_counts_only_at_any_and_inconsistencies() {
    let f = fixture("self_contradiction", "b.txt");
    let doc = json(&[&f, &f]);
    assert!(
        doc["summary"]["inconsistencies"].as_u64().unwrap() > 0,
        "the fixture contradicts itself: {}",
        doc["summary"]
    );
    assert_eq!(doc["claims"].as_array().unwrap().len(), 0);
    for (level, want) in [
        ("any", 1),
        ("claims", 0),
        ("conflicts", 0),
        ("inconsistencies", 1),
        ("never", 0),
    ] {
        let o = run(&["--fail-on", level, "--quiet", &f, &f]);
        assert_eq!(o.status.code(), Some(want), "--fail-on {level}");
    }
    // Between two versions, `inconsistencies` ignores what differs when neither contradicts
    // itself.
    let eq = run(&[
        "--fail-on",
        "inconsistencies",
        &fixture("date_changed", "a.txt"),
        &fixture("date_changed", "b.txt"),
    ]);
    let dc = json(&[
        &fixture("date_changed", "a.txt"),
        &fixture("date_changed", "b.txt"),
    ]);
    let want = i32::from(dc["summary"]["inconsistencies"].as_u64().unwrap() > 0);
    assert_eq!(eq.status.code(), Some(want));
}

/// Issue 15 points 4 and 18: every option error is one line `storydiff: <kind>: <value or
/// hint> (see storydiff --help)`, exit 2, nothing on stdout, the echoed value escaped.
#[test]
fn option_errors_are_one_escaped_line() {
    let a = fixture("example", "a.txt");
    let b = fixture("example", "b.txt");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--width", "abc", &a, &b], "invalid value for --width"),
        (vec!["--width", "-3", &a, &b], "'-3'"),
        (
            vec!["--date", "\u{1b}]0;pwned\u{7}\u{9b}2J", &a, &b],
            "\\u{1b}]0;pwned\\u{7}",
        ),
        (
            vec!["--date", "2024-13-01\nstorydiff: forged", &a, &b],
            "\\u{a}storydiff: forged",
        ),
        (
            vec!["--format", "xml", &a, &b],
            "expected one of text, json",
        ),
        (vec!["--jobs", "x"], "unknown option"),
        (vec!["--colour", "never", &a, &b], "did you mean '--color'"),
        (vec![], "no files given"),
        (vec!["--example", &a], "cannot be used with"),
        (vec!["batch"], "missing argument"),
        (
            vec!["batch", "--jobs", "many", "m.jsonl"],
            "invalid value for --jobs",
        ),
        (
            vec!["--fail-on", "sometimes", &a, &b],
            "expected one of any, claims",
        ),
        (vec![&a, &b, "--format"], "missing value for --format"),
        (vec!["batch", "--jobs"], "missing value for --jobs"),
        (
            vec!["--example", "--example"],
            "--example given more than once",
        ),
        (vec!["completions", "tcsh"], "expected one of bash"),
    ];
    for (args, needle) in cases {
        let o = run(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_trouble(&o, needle);
        let help = match args.first() {
            Some(&sub @ ("batch" | "completions")) => format!("(see storydiff {sub} --help)"),
            _ => "(see storydiff --help)".to_string(),
        };
        assert!(err.trim_end().ends_with(&help), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
        assert!(
            !err.trim_end().chars().any(|c| c.is_control()),
            "{args:?}: raw control character in {err:?}"
        );
    }
    // Help and version are not errors: standard output, exit 0.
    for flag in ["--help", "-h", "--version", "-V"] {
        let o = run(&[flag]);
        assert_eq!(o.status.code(), Some(0), "{flag}");
        assert!(!o.stdout.is_empty() && o.stderr.is_empty(), "{flag}");
    }
    let o = run(&["batch", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Manifest formats"));
}

/// Issue 15 point 6: a width beyond any terminal is clamped (and said once on stderr) instead
/// of allocating that many columns of padding.
#[test]
fn a_huge_width_is_clamped_and_said() {
    for w in ["18446744073709551615", "1000000000"] {
        for layout in [&["-y"][..], &[][..]] {
            let mut args = vec!["--example", "--color", "never", "--width", w];
            args.extend_from_slice(layout);
            let o = run(&args);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            let out = stdout(&o);
            let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
            assert!(widest <= 1000, "{args:?}: a line of {widest} columns");
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.contains("wrapping at 1000 columns"), "{err}");
        }
    }
}

/// Issue 14 (side by side at --width 40): no line passes the width, and a word is cut only
/// when it is longer than its column.
#[test]
fn side_by_side_lines_fit_narrow_widths_without_cutting_words() {
    let dir = tempfile::tempdir().unwrap();
    let a = temp_file(
        dir.path(),
        "a.txt",
        b"INTERNATIONAL\n\nThe council said on Tuesday that the bridge will close.\n\n\
          Drivers will be sent along the coast road.\n",
    );
    let b = temp_file(
        dir.path(),
        "b.txt",
        b"INTERNATIONAL\n\nThe council announced on Tuesday that the bridge will close.\n\n\
          A petition has gathered signatures.\n",
    );
    for width in [36usize, 40, 41, 50, 61] {
        for (x, y, ours) in [
            (
                fixture("example", "a.txt"),
                fixture("example", "b.txt"),
                false,
            ),
            (
                a.to_string_lossy().into_owned(),
                b.to_string_lossy().into_owned(),
                true,
            ),
        ] {
            let w = width.to_string();
            let o = run(&["-y", "--color", "never", "--width", &w, &x, &y]);
            let out = stdout(&o);
            for line in out.lines() {
                assert!(
                    line.chars().count() <= width,
                    "width {width}: {line:?} is {} wide",
                    line.chars().count()
                );
            }
            if ours {
                assert!(
                    out.contains("INTERNATIONAL"),
                    "width {width}: a word was cut\n{out}"
                );
            }
        }
    }
}

/// Issue 15 point 11: `--max-bytes` at its largest value (the natural "no limit") reads the
/// files; it must not wrap round to a limit of nothing.
#[test]
fn max_bytes_at_the_largest_value_reads_the_files() {
    let max = u64::MAX.to_string();
    let a = fixture("date_changed", "a.txt");
    let b = fixture("date_changed", "b.txt");
    let o = run(&["--max-bytes", &max, "--format", "json", &a, &b]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!doc["a"]["sentences"].as_array().unwrap().is_empty());
    // Standard input too.
    let mut child = bin()
        .args(["--max-bytes", &max, "--format", "summary", "-", &b])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(&a).unwrap())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(!stdout(&o).contains("equal=0 edited=0 moved=0 added=0 dropped=0"));
}

#[test]
fn paging_always_uses_the_pager_even_into_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paged.txt");
    let o = bin()
        .args(["--example", "--paging", "always"])
        .env("PAGER", format!("cat > '{}'", file.display()))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "the example pair differs");
    assert!(o.stdout.is_empty(), "went to the pager");
    assert!(std::fs::read_to_string(&file).unwrap().contains("Claims"));
    // --paging never and --no-pager: straight to standard output.
    for flag in [
        &["--paging", "never"][..],
        &["--no-pager", "--paging", "always"][..],
    ] {
        let o = bin()
            .arg("--example")
            .args(flag)
            .env("PAGER", "false")
            .output()
            .unwrap();
        assert!(stdout(&o).contains("Claims"), "{flag:?}");
        assert!(o.stderr.is_empty(), "{flag:?}");
    }
}

#[test]
fn a_failing_or_missing_pager_does_not_swallow_the_report() {
    for (pager, said) in [
        ("false", "exit status 1"),
        (
            "no-such-pager-storydiff",
            "no pager 'no-such-pager-storydiff'",
        ),
    ] {
        let o = bin()
            .args(["--example", "--paging", "always"])
            .env("PAGER", pager)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{pager}");
        assert!(stdout(&o).contains("Claims"), "{pager}: report lost");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with("storydiff: ") && err.contains(said),
            "{pager}: {err}"
        );
        assert!(
            !err.contains("sh:"),
            "{pager}: the shell's own noise: {err}"
        );
    }
}

/// Ctrl-C reaches storydiff and the pager alike (one process group). storydiff must not die
/// and orphan the pager: it waits for the pager, which decides, and exits normally after it.
#[cfg(unix)]
#[test]
fn ctrl_c_while_paging_waits_for_the_pager() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paged.txt");
    // The pager (a child of `sh -c`, itself storydiff's child) interrupts storydiff, then
    // keeps reading for a while, as `less` would while the reader scrolls.
    let pager = format!(
        "kill -INT $PPID; sleep 0.5; cat > '{}'; echo done >> '{}'",
        file.display(),
        file.display()
    );
    let o = bin()
        .args(["--example", "--paging", "always"])
        .env("PAGER", &pager)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "storydiff was killed by SIGINT instead of waiting for its pager: {:?}",
        o.status
    );
    let paged = std::fs::read_to_string(&file).unwrap();
    assert!(
        paged.contains("Claims") && paged.ends_with("done\n"),
        "{paged}"
    );
}

/// Unchanged runs are folded by default, as `git diff` does (`--context 3`); `--context all`
/// shows every sentence; a file compared with itself prints one line (issue 14).
#[test]
fn unchanged_runs_fold_by_default_and_a_file_against_itself_is_one_line() {
    let a = fixture("example", "a.txt");
    let o = bin()
        .args(["--color", "never", "--width", "200", &a, &a])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("claims: none differ"), "{out}");
    // --context all still shows the whole text.
    let o = bin()
        .args(["--color", "never", "--context", "all", &a, &a])
        .output()
        .unwrap();
    assert!(stdout(&o).contains("= B7"), "{}", stdout(&o));
    // A long text with one change: the far unchanged sentences are folded.
    let d = tempfile::tempdir().unwrap();
    let story: Vec<String> = (0..30)
        .map(|k| format!("Paragraph {k} tells of harbour works number {k}."))
        .collect();
    let pa = d.path().join("a.txt");
    let pb = d.path().join("b.txt");
    std::fs::write(&pa, story.join("\n\n")).unwrap();
    std::fs::write(
        &pb,
        story
            .join("\n\n")
            .replace("works number 15.", "repairs, the 15th."),
    )
    .unwrap();
    let o = bin()
        .args([
            "--color",
            "never",
            pa.to_str().unwrap(),
            pb.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(out.contains("unchanged sentences"), "{out}");
    assert!(!out.contains("Paragraph 2 tells"), "{out}");
    assert!(out.contains("Paragraph 14 tells"), "{out}");
    let o = bin()
        .args(["--color", "never", "--context", "bad", &a, &a])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// A passage B drops (consecutive sentences) is one entry in the claims list, with the facts
/// in it, in text and JSON (`passages`), not one line a sentence (issue 14).
#[test]
fn a_dropped_passage_is_one_entry() {
    let (a, b) = (
        fixture("paragraph_dropped", "a.txt"),
        fixture("paragraph_dropped", "b.txt"),
    );
    let o = bin()
        .args(["--color", "never", "--width", "200", &a, &b])
        .output()
        .unwrap();
    let out = stdout(&o);
    let entries: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("- A") && l.contains("dropped"))
        .collect();
    assert_eq!(entries.len(), 1, "{out}");
    assert!(entries[0].contains("sentences B does not carry"), "{out}");
    let o = bin().args(["--format", "json", &a, &b]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let passages = doc["passages"].as_array().expect("passages");
    assert_eq!(passages.len(), 1);
    assert_eq!(passages[0]["side"], "a");
    assert!(passages[0]["sentences"].as_u64().unwrap() >= 2);
}

/// Messages a new user meets (issue 14): a well-formed date that does not exist says so; a web
/// address given as a file gets the hint to save the page first.
#[test]
fn messages_for_an_impossible_date_and_a_web_address() {
    let a = fixture("example", "a.txt");
    let o = bin()
        .args(["--date", "2024-02-30", &a, &a])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("not a real date: February 2024 has 29 days"),
        "{err}"
    );
    assert!(!err.contains("of the form"), "{err}");
    let o = bin()
        .args(["https://example.com/story.html", &a])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("is a web address") && err.contains("curl -s"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}
