//! shell: shell completion scripts (clap_complete) and the man page (clap_mangen).
//!
//! Input: the clap definition of the command line in [`crate::cli`]. Output: a completion
//! script or a roff man page written to any `io::Write`. Both are generated from the same
//! definition as `--help`, so they cannot drift from the flags the binary accepts.

use std::io::{self, Write};

use clap::CommandFactory;
pub use clap_complete::Shell;

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = crate::cli::Cli::command();
    // clap_complete takes `impl Write`; a reborrow of the trait object is one.
    let mut w = out;
    clap_complete::generate(shell, &mut cmd, "storydiff", &mut w);
    w.flush()
}

/// The commands that have a page of their own, `storydiff-<command>(1)`.
pub const MAN_PAGES: &[&str] = &["batch", "completions", "man"];

/// Writes the man page `storydiff(1)` in roff, or with `page` the page `storydiff-<page>(1)`
/// of one of [`MAN_PAGES`]. The main page refers to exactly these pages: clap's `help`
/// command, which has no page, is left out of it.
pub fn man(page: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = crate::cli::Cli::command().disable_help_subcommand(true);
    let Some(name) = page else {
        return clap_mangen::Man::new(cmd).render(out);
    };
    cmd.build();
    let sub = cmd
        .get_subcommands()
        .find(|c| c.get_name() == name && MAN_PAGES.contains(&name))
        .cloned()
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("no man page for '{name}'; pages: {}", MAN_PAGES.join(", ")),
            )
        })?;
    let display = format!("storydiff-{name}");
    clap_mangen::Man::new(sub.display_name(display))
        .source(format!("storydiff {}", env!("CARGO_PKG_VERSION")))
        .render(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut v = Vec::new();
        f(&mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn bash_completion_knows_the_flags() {
        let s = text(|v| completions(Shell::Bash, v));
        assert!(s.contains("_storydiff"), "{s}");
        for flag in [
            "--format",
            "--fail-on",
            "--no-pager",
            "--input",
            "completions",
        ] {
            assert!(s.contains(flag), "missing {flag}");
        }
    }

    #[test]
    fn every_shell_generates() {
        for sh in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            assert!(!text(|v| completions(sh, v)).is_empty(), "{sh}");
        }
    }

    #[test]
    fn man_page_refers_only_to_pages_that_exist() {
        let main = text(|v| man(None, v));
        let refs: std::collections::BTreeSet<&str> = main
            .split("storydiff\\-")
            .skip(1)
            .filter_map(|r| r.split_once("(1)").map(|(n, _)| n))
            .collect();
        let pages: std::collections::BTreeSet<&str> = MAN_PAGES.iter().copied().collect();
        assert_eq!(refs, pages, "{main}");
        for page in MAN_PAGES {
            let p = text(|v| man(Some(page), v));
            assert!(p.contains(&format!(".TH storydiff-{page} 1")), "{p}");
        }
    }

    #[test]
    fn man_page_is_roff_with_options() {
        let s = text(|v| man(None, v));
        assert!(s.starts_with(".ie") || s.contains(".TH storydiff"), "{s}");
        assert!(s.contains(".TH storydiff"));
        assert!(s.contains("fail\\-on"));
        assert!(s.contains("SH OPTIONS") || s.contains("SH OPTIONS"));
    }
}
