//! corpora: where the evaluation corpora are, for the harnesses of this package and the corpus
//! tests in `tests/`.
//!
//! The corpora are real texts written by others (some licensed for research only); they stay in
//! the `shared` folder beside the project and are never copied into it. Everything that reads
//! them skips, and says so with [`skip`], when they are absent.
//!
//! In CI (`CI` set, as `.ci/run` does) a check may skip only when the whole `shared` folder is
//! absent: when it is present but a corpus, the seeds or a seed file cannot be read, the
//! accessors here panic, so that a moved or unreadable corpus fails the run instead of
//! turning its tests into silent passes.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Marks the start of a skip line in the test output; `.ci/run` counts these lines.
pub const SKIP_MARK: &str = "SKIPPED";

/// Says, on the test run's own output, that the running check skipped (part of) itself, and
/// why: `SKIPPED <test>: <why>`. The line goes straight to standard error, not through
/// `eprintln!`, which libtest captures and hides for a test that passes.
pub fn skip(why: &str) {
    let thread = std::thread::current();
    let name = thread.name().filter(|n| *n != "main").unwrap_or("a check");
    let _ = writeln!(std::io::stderr().lock(), "{SKIP_MARK} {name}: {why}");
}

/// Whether this is a CI run (`CI` set and not `0`/`false`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// `path` inside the shared folder when it can be read; `None` when `shared` is absent, or
/// when the path is missing outside CI. In CI with `shared` present, a missing or unreadable
/// path is an error.
pub fn checked(shared: Option<&Path>, path: &Path, ci: bool) -> Result<Option<PathBuf>, String> {
    let Some(shared) = shared else {
        return Ok(None);
    };
    let full = shared.join(path);
    let readable = if full.is_dir() {
        std::fs::read_dir(&full).is_ok()
    } else {
        std::fs::File::open(&full).is_ok()
    };
    match (readable, ci) {
        (true, _) => Ok(Some(full)),
        (false, false) => Ok(None),
        (false, true) => Err(format!(
            "{} is present but {} cannot be read: in CI a corpus check fails rather than \
             skips (fix the path or the permissions, or run without CI set)",
            shared.display(),
            full.display()
        )),
    }
}

fn checked_or_panic(path: &Path) -> Option<PathBuf> {
    checked(shared_dir().as_deref(), path, in_ci()).unwrap_or_else(|e| panic!("{e}"))
}

/// The `shared` folder: `$STORYDIFF_SHARED` if set, else `../shared` beside the storydiff
/// repository (this package lives in its `eval/` folder).
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("STORYDIFF_SHARED") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    };
    dir.is_dir().then_some(dir)
}

/// `shared/corpora/<name>`, if present (in CI: panics if `shared` is present but this is not).
pub fn corpus_dir(name: &str) -> Option<PathBuf> {
    checked_or_panic(&Path::new("corpora").join(name))
}

/// `shared/seeds`, if present (in CI: panics if `shared` is present but this is not).
pub fn seeds_dir() -> Option<PathBuf> {
    checked_or_panic(Path::new("seeds"))
}

/// `shared/seeds/<name>`, if it can be read (in CI: panics if `shared` is present but it
/// cannot).
pub fn seed_file(name: &str) -> Option<PathBuf> {
    checked_or_panic(&Path::new("seeds").join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ci_fails_rather_than_skips_when_shared_is_present() {
        let shared = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(shared.path().join("corpora/here")).unwrap();
        let here = Path::new("corpora/here");
        let gone = Path::new("corpora/gone");
        assert!(checked(Some(shared.path()), here, true).unwrap().is_some());
        assert_eq!(checked(Some(shared.path()), gone, false), Ok(None));
        let e = checked(Some(shared.path()), gone, true).unwrap_err();
        assert!(e.contains("corpora/gone") && e.contains("CI"), "{e}");
        // No shared folder at all: a skip, in CI too.
        assert_eq!(checked(None, gone, true), Ok(None));
    }
}
