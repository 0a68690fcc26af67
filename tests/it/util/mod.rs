//! util: what the integration tests share — the built binary under one environment policy, the
//! fixture pairs, and insta snapshots kept in the top-level `snapshots/` folder.
//!
//! Input: `tests/fixtures/<case>/<file>`, `snapshots/<name>.snap`. Output: helpers only; no test
//! lives here. The alignment helpers are in [`align`].

pub mod align;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The `storydiff` binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_storydiff");

/// The variables storydiff reads that change what it writes or runs, removed from every run so
/// that a developer's shell (`NO_COLOR` set, `PAGER=less`, a git difftool session) cannot change a
/// test's outcome. A test that is about one of them sets it again on the command it builds
/// (`bin().env("PAGER", …)`): the later setting wins. `TERM` is left alone: it only matters on a
/// terminal, and the tests that run one (`shell.rs`) set it themselves.
pub const CLEARED_ENV: &[&str] = &[
    // colour (`cli::use_color`)
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    // paging (`pager::command`)
    "STORYDIFF_PAGER",
    "PAGER",
    // git's external diff and difftool (`cli::difftool_base`)
    "GIT_EXTERNAL_DIFF",
    "GIT_DIFFTOOL_EXTCMD",
    "BASE",
];

/// `storydiff` ready to run: [`CLEARED_ENV`] removed, standard input empty (`/dev/null`) unless
/// the test pipes its own.
pub fn bin() -> Command {
    let mut c = Command::new(BIN);
    isolate(&mut c).stdin(Stdio::null());
    c
}

/// Removes [`CLEARED_ENV`] from `c`: for a program that runs storydiff in turn (git, `script`,
/// a shell script), which passes its environment on.
pub fn isolate(c: &mut Command) -> &mut Command {
    for k in CLEARED_ENV {
        c.env_remove(k);
    }
    c
}

/// `tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The path of `tests/fixtures/<case>/<file>`, as a string to pass on a command line.
pub fn fixture(case: &str, file: &str) -> String {
    fixtures_dir()
        .join(case)
        .join(file)
        .to_string_lossy()
        .into_owned()
}

/// The text of `tests/fixtures/<case>/<file>`.
pub fn fixture_text(case: &str, file: &str) -> String {
    let path = fixture(case, file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Asserts `value` against the snapshot `snapshots/<name>.snap` (as the renderers' unit tests
/// do, `src/render/sample.rs`): named snapshots, no module prefix, so the file names do not
/// depend on where a test lives. Review changes with `cargo insta review`.
pub fn snap(name: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name.to_string(), value));
}
