//! git: storydiff as git's diff driver (seven-argument external-diff call) and as
//! `git difftool -x storydiff` (two arguments), tested against a real repository made in a
//! temporary folder. Skips with a message when git is not installed.

use std::path::Path;
use std::process::{Command, Output};

use crate::util::{bin, fixtures_dir, isolate, BIN};

/// git with the user's and the system's configuration shut out.
fn git(dir: &Path, args: &[&str]) -> Output {
    isolate(&mut Command::new("git"))
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("GIT_PAGER", "cat")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("run git")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = git(dir, args);
    assert!(
        o.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Text output with the plain-text change markers (`[-…-]`, `{+…+}`) taken out.
fn unmarked(s: &[u8]) -> String {
    let s = String::from_utf8_lossy(s);
    ["[-", "-]", "{+", "+}"]
        .iter()
        .fold(s.into_owned(), |t, m| t.replace(m, ""))
}

fn have_git() -> bool {
    Command::new("git").arg("--version").output().is_ok()
}

const V1: &str = "Bridge to close for repairs\n\nThe bridge will close on March 3, the council said on Tuesday.\n\nAbout 14,000 vehicles cross it every day.\n";
const V2: &str = "Bridge to close for repairs\n\nThe bridge will close on March 10, the council said on Tuesday.\n\nAbout 14,000 vehicles cross it every day.\n\nA petition has been started.\n";
const NOTES1: &str = "Notes\n\nThe ferry leaves at 7 a.m.\n";
const NOTES2: &str = "Notes\n\nThe ferry leaves at 8 a.m.\n";

/// A repository with two committed stories, both changed in the working tree.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["init", "-q"]);
    ok(d, &["config", "user.name", "Test"]);
    ok(d, &["config", "user.email", "test@example.invalid"]);
    ok(d, &["config", "commit.gpgsign", "false"]);
    std::fs::write(d.join("story.txt"), V1).unwrap();
    std::fs::write(d.join("notes.txt"), NOTES1).unwrap();
    std::fs::write(d.join("gone.txt"), "Gone\n\nThis file is deleted.\n").unwrap();
    ok(d, &["add", "."]);
    ok(d, &["commit", "-q", "-m", "first"]);
    std::fs::write(d.join("story.txt"), V2).unwrap();
    std::fs::write(d.join("notes.txt"), NOTES2).unwrap();
    dir
}

fn driver_setup(d: &Path) {
    std::fs::write(d.join(".gitattributes"), "*.txt diff=storydiff\n").unwrap();
    ok(
        d,
        &[
            "config",
            "diff.storydiff.command",
            &format!("'{}' --color never --width 1000", BIN),
        ],
    );
}

#[test]
fn diff_driver_seven_arguments() {
    if !have_git() {
        storydiff_eval::corpora::skip("git not installed");
        return;
    }
    let dir = repo();
    let d = dir.path();
    driver_setup(d);
    let out = git(d, &["diff"]);
    let stdout = unmarked(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // git dies at the first external diff that exits non-zero; storydiff must exit 0 so that
    // every changed file is shown.
    assert!(out.status.success(), "git diff failed: {stderr}\n{stdout}");
    assert!(!stderr.contains("external diff died"), "{stderr}");
    // Both sides are named by the repository path, not git's temporary file.
    assert!(stdout.contains("story.txt → story.txt"), "{stdout}");
    assert!(stdout.contains("notes.txt → notes.txt"), "{stdout}");
    assert!(stdout.contains("March 10"), "{stdout}");
    assert!(stdout.contains("A petition has been started."), "{stdout}");
    assert!(!stdout.contains("/tmp/"), "temporary path shown: {stdout}");
    // git diff --exit-code still reports the difference itself.
    assert_eq!(git(d, &["diff", "--exit-code"]).status.code(), Some(1));
}

#[test]
fn diff_driver_added_and_deleted_files() {
    if !have_git() {
        storydiff_eval::corpora::skip("git not installed");
        return;
    }
    let dir = repo();
    let d = dir.path();
    driver_setup(d);
    std::fs::write(d.join("new.txt"), "New\n\nA new story begins.\n").unwrap();
    std::fs::remove_file(d.join("gone.txt")).unwrap();
    ok(d, &["add", "-A"]);
    let out = git(d, &["diff", "--cached"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("/dev/null → new.txt"), "{stdout}");
    assert!(stdout.contains("gone.txt → /dev/null"), "{stdout}");
    assert!(stdout.contains("A new story begins."), "{stdout}");
}

#[test]
fn difftool_two_arguments() {
    if !have_git() {
        storydiff_eval::corpora::skip("git not installed");
        return;
    }
    let dir = repo();
    let d = dir.path();
    let cmd = format!("'{}' --color never --width 1000 --fail-on never", BIN);
    let out = git(
        d,
        &["difftool", "--no-prompt", "-x", &cmd, "--", "story.txt"],
    );
    let stdout = unmarked(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("March 10"), "{stdout}");
    assert!(stdout.contains("1 added"), "{stdout}");
    // Named by the repository path (git's BASE), not the temporary copy.
    assert!(stdout.contains("story.txt → story.txt"), "{stdout}");
    assert!(!stdout.contains("/tmp/"), "{stdout}");
    // With --trust-exit-code, git stops at the first file where storydiff exits 1 (something
    // differs) and fails itself ("external diff died", exit 128 in git 2.47).
    let cmd = format!("'{}' --quiet", BIN);
    let out = git(
        d,
        &[
            "difftool",
            "--no-prompt",
            "--trust-exit-code",
            "-x",
            &cmd,
            "--",
            "story.txt",
        ],
    );
    assert!(!out.status.success(), "difference not passed on");
    // ...and succeeds when nothing differs.
    ok(d, &["checkout", "--", "story.txt"]);
    std::fs::write(d.join("story.txt"), V1.replace("\n\n", "\n\n\n")).unwrap();
    let out = git(
        d,
        &[
            "difftool",
            "--no-prompt",
            "--trust-exit-code",
            "-x",
            &cmd,
            "--",
            "story.txt",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn seven_arguments_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old_tmp.txt");
    let new = dir.path().join("new_tmp.txt");
    std::fs::write(&old, V1).unwrap();
    std::fs::write(&new, V2).unwrap();
    let out = bin()
        .arg("--color=never")
        .arg("desk/story.txt")
        .arg(&old)
        .arg("a1b2c3")
        .arg("100644")
        .arg(&new)
        .arg("d4e5f6")
        .arg("100644")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "driver mode exits 0 on difference"
    );
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.starts_with("desk/story.txt → desk/story.txt"), "{s}");
    // Seven arguments that are not git's call are a usage error, as any count but two.
    let out = bin()
        .args(["a", "b", "c", "d", "e", "f", "g"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn renames_and_no_index_name_both_paths() {
    if !have_git() {
        storydiff_eval::corpora::skip("git not installed");
        return;
    }
    let dir = repo();
    let d = dir.path();
    driver_setup(d);
    ok(d, &["checkout", "--", "."]);
    ok(d, &["mv", "story.txt", "bridge.txt"]);
    let out = git(d, &["diff", "--cached", "-M"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("story.txt → bridge.txt"), "{stdout}");
    // `git diff --no-index` calls the external diff with nine arguments too.
    std::fs::write(d.join("v1.txt"), V1).unwrap();
    std::fs::write(d.join("v2.txt"), V2).unwrap();
    let out = isolate(&mut Command::new("git"))
        .args(["diff", "--no-index", "v1.txt", "v2.txt"])
        .current_dir(d)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_EXTERNAL_DIFF", format!("'{}' --color never", BIN))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("died"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("v1.txt → v2.txt"), "{stdout}");
}

#[test]
fn diff_driver_reads_saved_web_pages() {
    if !have_git() {
        storydiff_eval::corpora::skip("git not installed");
        return;
    }
    let fixtures = fixtures_dir().join("web_page");
    let dir = repo();
    let d = dir.path();
    driver_setup(d);
    std::fs::write(
        d.join(".gitattributes"),
        "*.txt diff=storydiff\n*.html diff=storydiff\n",
    )
    .unwrap();
    std::fs::copy(fixtures.join("a.html"), d.join("page.html")).unwrap();
    ok(d, &["add", "page.html"]);
    ok(d, &["commit", "-q", "-m", "page"]);
    std::fs::copy(fixtures.join("b.html"), d.join("page.html")).unwrap();
    let out = git(d, &["diff", "--", "page.html"]);
    let stdout = unmarked(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("page.html → page.html"), "{stdout}");
    assert!(stdout.contains("About 18,000 vehicles"), "{stdout}");
    assert!(!stdout.contains("<!DOCTYPE"), "markup compared: {stdout}");
    assert!(!stdout.contains("Related Articles"), "{stdout}");
}

/// Issue 15 point 16: in driver mode a file storydiff cannot read (binary, not UTF-8, a web
/// page with no article) gets one note line on stdout, exit 0, and `git diff` goes on to the
/// other files; the note names the repository path, escaped.
#[test]
fn diff_driver_goes_on_past_an_unreadable_file() {
    if !have_git() {
        storydiff_eval::corpora::skip("git not installed");
        return;
    }
    let dir = repo();
    let d = dir.path();
    std::fs::write(d.join("a-binary.txt"), b"Photo\0\x01\x02").unwrap();
    std::fs::write(d.join("b-latin1.txt"), b"Caf\xe9 opens.\n").unwrap();
    std::fs::write(
        d.join("c-empty.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    ok(d, &["add", "a-binary.txt", "b-latin1.txt", "c-empty.html"]);
    ok(d, &["commit", "-q", "-m", "more"]);
    std::fs::write(d.join("a-binary.txt"), b"Photo\0\x03").unwrap();
    std::fs::write(d.join("b-latin1.txt"), b"Caf\xe9 closes.\n").unwrap();
    std::fs::write(
        d.join("c-empty.html"),
        "<html><body><nav>Menu</nav></body></html>",
    )
    .unwrap();
    std::fs::write(
        d.join(".gitattributes"),
        "*.txt diff=storydiff\n*.html diff=storydiff\n",
    )
    .unwrap();
    ok(
        d,
        &[
            "config",
            "diff.storydiff.command",
            &format!("'{}' --color never --width 1000", BIN),
        ],
    );
    let out = git(d, &["diff"]);
    let stdout = unmarked(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "git diff failed: {stderr}\n{stdout}");
    assert!(!stderr.contains("external diff died"), "{stderr}");
    for (file, why) in [
        ("a-binary.txt", "binary file"),
        ("b-latin1.txt", "not UTF-8"),
        ("c-empty.html", "no article text"),
    ] {
        let line = stdout
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no line for {file}: {stdout}"));
        assert!(line.starts_with("storydiff: not compared: "), "{line}");
        assert!(line.contains(why), "{line}");
    }
    // The files after them are still shown.
    assert!(stdout.contains("story.txt → story.txt"), "{stdout}");
    assert!(stdout.contains("notes.txt → notes.txt"), "{stdout}");
    assert!(!stdout.contains("/tmp/"), "temporary path shown: {stdout}");
}
