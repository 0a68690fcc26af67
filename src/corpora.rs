//! corpora: where the evaluation corpora are, for the harnesses in `examples/` and the corpus
//! tests in `tests/`.
//!
//! The corpora are real texts written by others (some licensed for research only); they stay in
//! the `shared` folder beside the project and are never copied into it. Everything that reads
//! them skips, and says so, when they are absent.

use std::path::PathBuf;

/// The `shared` folder: `$STORYDIFF_SHARED` if set, else `../shared` beside the package.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("STORYDIFF_SHARED") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    };
    dir.is_dir().then_some(dir)
}

/// `shared/corpora/<name>`, if present.
pub fn corpus_dir(name: &str) -> Option<PathBuf> {
    let d = shared_dir()?.join("corpora").join(name);
    d.is_dir().then_some(d)
}

/// `shared/seeds`, if present.
pub fn seeds_dir() -> Option<PathBuf> {
    let d = shared_dir()?.join("seeds");
    d.is_dir().then_some(d)
}
