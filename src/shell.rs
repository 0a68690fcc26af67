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

/// Writes the man page `storydiff(1)` in roff.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let cmd = crate::cli::Cli::command();
    clap_mangen::Man::new(cmd).render(out)
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
    fn man_page_is_roff_with_options() {
        let s = text(|v| man(v));
        assert!(s.starts_with(".ie") || s.contains(".TH storydiff"), "{s}");
        assert!(s.contains(".TH storydiff"));
        assert!(s.contains("fail\\-on"));
        assert!(s.contains("SH OPTIONS") || s.contains("SH OPTIONS"));
    }
}
