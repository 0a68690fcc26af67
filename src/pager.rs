//! pager: a `Write` that sends long text output through a pager, as git and delta do.
//!
//! Input: the bytes the text renderer writes. Output: the same bytes, either on the given
//! writer (short output, or no pager) or on a pager's standard input. The renderer does not
//! know which: it writes to a [`Pager`] like to any `io::Write`. The output is buffered until
//! [`Pager::finish`], which compares its line count with the screen height: output that fits
//! the screen is written straight through. The pager command is `STORYDIFF_PAGER`, then
//! `PAGER`, else `less -FRX` (quit if one screen, keep colours, leave the text on screen); an
//! empty value or `cat` means no pager. Whether to page at all (`--paging`, `--no-pager`, a
//! terminal on standard output, text format) is decided by the caller with [`wanted`].
//!
//! While the pager runs, Ctrl-C (SIGINT, sent to the whole foreground group) must not kill
//! storydiff: it would leave `less` orphaned, fighting the shell for the terminal. As git and
//! delta do, storydiff lets the pager decide and waits for it. A pager that cannot be found or
//! exits with an error does not swallow the report: it is written to the writer instead, and
//! [`Outcome::Failed`] says why, for the caller to tell on standard error.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// The default pager command.
pub const DEFAULT: &str = "less -FRX";

/// The pager command from the environment, or `None` when paging is turned off by it.
pub fn command(env: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let cmd = env("STORYDIFF_PAGER")
        .or_else(|| env("PAGER"))
        .unwrap_or_else(|| DEFAULT.to_string());
    let t = cmd.trim();
    if t.is_empty() || t == "cat" {
        None
    } else {
        Some(t.to_string())
    }
}

/// When to page (`--paging`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paging {
    /// Long output to a terminal only.
    #[default]
    Auto,
    /// Whatever standard output is, and however short the output.
    Always,
    /// Never (`--no-pager`).
    Never,
}

/// Whether output should be offered to a pager: never with `--paging never`, with `auto` only
/// when standard output is a terminal (not a pipe, a file, git's own pager). Only text output,
/// meant to be read on screen, is offered (`cli::render_text`); JSON, summary and HTML never.
pub fn wanted(paging: Paging, stdout_is_terminal: bool) -> bool {
    match paging {
        Paging::Never => false,
        Paging::Always => true,
        Paging::Auto => stdout_is_terminal,
    }
}

/// What became of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Short enough: written straight to the writer.
    Written,
    /// Shown by the pager.
    Paged,
    /// The pager could not be started or failed; the output went to the writer (unless the
    /// pager was stopped by a signal after showing it). The message says what happened.
    Failed(String),
}

/// A writer that buffers, then pages or writes through.
pub struct Pager<'a> {
    buf: Vec<u8>,
    out: &'a mut dyn Write,
    command: String,
    /// Screen height in lines; output with more lines than this is paged.
    height: usize,
}

impl<'a> Pager<'a> {
    /// A pager running `command` for output longer than `height` lines, else writing to `out`.
    pub fn new(out: &'a mut dyn Write, command: String, height: usize) -> Self {
        Pager {
            buf: Vec::new(),
            out,
            command,
            height,
        }
    }

    /// Writes the buffered output: through the pager when it is longer than the screen
    /// (`height` 0: always). If the pager cannot be found or exits with an error, the output
    /// goes to the writer instead.
    pub fn finish(self) -> io::Result<Outcome> {
        let lines = self.buf.iter().filter(|&&b| b == b'\n').count();
        if self.height > 0 && lines < self.height {
            self.out.write_all(&self.buf)?;
            self.out.flush()?;
            return Ok(Outcome::Written);
        }
        let fallback = |out: &mut dyn Write, buf: &[u8], why: String| -> io::Result<Outcome> {
            out.write_all(buf)?;
            out.flush()?;
            Ok(Outcome::Failed(why))
        };
        if let Some(program) = missing_program(&self.command) {
            let why = format!(
                "no pager '{program}' found (from STORYDIFF_PAGER or PAGER); the report is \
                 written here instead"
            );
            return fallback(self.out, &self.buf, why);
        }
        let _sigint = IgnoreInterrupt::new();
        let mut child = match spawn(&self.command) {
            Ok(c) => c,
            Err(e) => {
                let why = format!(
                    "the pager '{}' could not be started ({e}); the report is written here \
                     instead",
                    self.command
                );
                return fallback(self.out, &self.buf, why);
            }
        };
        if let Some(mut stdin) = child.stdin.take() {
            match stdin.write_all(&self.buf) {
                // The reader quit early (`q` in less): not an error.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
        let status = child.wait()?;
        match status.code() {
            Some(0) => Ok(Outcome::Paged),
            Some(127) => {
                let why = format!(
                    "the pager '{}' was not found by the shell; the report is written here instead",
                    self.command
                );
                fallback(self.out, &self.buf, why)
            }
            Some(n) => {
                let why = format!(
                    "the pager '{}' failed (exit status {n}); the report is written here \
                     instead (--paging never turns the pager off)",
                    self.command
                );
                fallback(self.out, &self.buf, why)
            }
            // Killed by a signal: it may have shown the report already; do not repeat it.
            None => Ok(Outcome::Failed(format!(
                "the pager '{}' was stopped by a signal",
                self.command
            ))),
        }
    }
}

/// Keeps SIGINT from killing storydiff while it lives: the signal still reaches the pager
/// (same process group), which handles it as it likes, and storydiff waits for the pager to
/// end. A handler, not SIG_IGN, so the pager does not inherit an ignored SIGINT.
struct IgnoreInterrupt {
    #[cfg(unix)]
    id: Option<signal_hook::SigId>,
}

impl IgnoreInterrupt {
    fn new() -> Self {
        #[cfg(unix)]
        {
            let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            IgnoreInterrupt {
                id: signal_hook::flag::register(signal_hook::consts::SIGINT, flag).ok(),
            }
        }
        #[cfg(not(unix))]
        IgnoreInterrupt {}
    }
}

impl Drop for IgnoreInterrupt {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(id) = self.id.take() {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The program of a simple pager command (`less -S`, `most`) when it is on no folder of
/// `PATH`, so that a missing pager is reported once, by storydiff, rather than by the shell.
/// Commands with shell syntax, assignments or a path are left to the shell.
fn missing_program(command: &str) -> Option<String> {
    let simple = command
        .chars()
        .all(|c| c.is_alphanumeric() || " -_.,:+=".contains(c));
    let program = command.split_whitespace().next()?;
    if !simple || program.contains('=') || cfg!(windows) {
        return None;
    }
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path).any(|dir| dir.join(program).is_file());
    (!found).then(|| program.to_string())
}

impl Write for Pager<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        // Nothing leaves before `finish`, which decides where it goes.
        Ok(())
    }
}

/// Starts the pager through the shell, so that `PAGER="less -S"` and the like work, as in git.
fn spawn(command: &str) -> io::Result<std::process::Child> {
    let mut cmd = if cfg!(windows) {
        let mut parts = command.split_whitespace();
        let mut c = Command::new(parts.next().unwrap_or("more"));
        c.args(parts);
        c
    } else {
        let mut c = Command::new("sh");
        c.arg("-c").arg(command);
        c
    };
    // As git does: less keeps colours and quits on a short text even when started as plain
    // `less` through PAGER.
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    cmd.stdin(Stdio::piped()).spawn()
}

/// The screen height in lines, if standard output is a terminal of known size.
pub fn screen_height() -> Option<usize> {
    terminal_size::terminal_size().map(|(_, h)| h.0 as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::cli::env_of;

    #[test]
    fn command_order() {
        assert_eq!(command(&env_of(&[])).as_deref(), Some(DEFAULT));
        assert_eq!(
            command(&env_of(&[("PAGER", "more")])).as_deref(),
            Some("more")
        );
        assert_eq!(
            command(&env_of(&[
                ("PAGER", "more"),
                ("STORYDIFF_PAGER", "less -S")
            ]))
            .as_deref(),
            Some("less -S")
        );
        assert_eq!(command(&env_of(&[("STORYDIFF_PAGER", "")])), None);
        assert_eq!(command(&env_of(&[("PAGER", "cat")])), None);
    }

    #[test]
    fn wanted_only_for_terminals() {
        assert!(wanted(Paging::Auto, true));
        assert!(!wanted(Paging::Never, true));
        assert!(!wanted(Paging::Auto, false));
        assert!(wanted(Paging::Always, false));
    }

    #[test]
    fn short_output_is_written_through() {
        let mut out = Vec::new();
        let mut p = Pager::new(&mut out, "false".into(), 10);
        p.write_all(b"one\ntwo\n").unwrap();
        assert_eq!(p.finish().unwrap(), Outcome::Written);
        assert_eq!(out, b"one\ntwo\n");
    }

    #[cfg(unix)]
    #[test]
    fn missing_pager_falls_back_to_the_writer() {
        let mut out = Vec::new();
        let mut p = Pager::new(&mut out, "no-such-pager-storydiff".into(), 1);
        p.write_all(b"1\n2\n").unwrap();
        // Found missing before any shell runs: nothing from `sh` on the test's terminal.
        let outcome = p.finish().unwrap();
        assert!(
            matches!(&outcome, Outcome::Failed(m) if m.contains("no pager 'no-such-pager-storydiff'")),
            "{outcome:?}"
        );
        assert_eq!(out, b"1\n2\n");
    }

    #[cfg(unix)]
    #[test]
    fn failing_pager_does_not_swallow_the_output() {
        let mut out = Vec::new();
        let mut p = Pager::new(&mut out, "false".into(), 0);
        p.write_all(b"1\n").unwrap();
        let outcome = p.finish().unwrap();
        assert!(
            matches!(&outcome, Outcome::Failed(m) if m.contains("exit status 1")),
            "{outcome:?}"
        );
        assert_eq!(out, b"1\n");
    }

    #[test]
    fn missing_program_only_for_simple_commands() {
        assert_eq!(
            missing_program("no-such-pager-storydiff -R").as_deref(),
            Some("no-such-pager-storydiff")
        );
        assert_eq!(missing_program("sh -c 'exit 0'"), None);
        assert_eq!(missing_program("cat > /tmp/x"), None);
        assert_eq!(missing_program("LESS=R less"), None);
    }

    #[cfg(unix)]
    #[test]
    fn long_output_goes_to_the_pager() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("paged.txt");
        let mut out = Vec::new();
        let mut p = Pager::new(&mut out, format!("cat > '{}'", file.display()), 2);
        p.write_all(b"1\n2\n3\n").unwrap();
        assert_eq!(p.finish().unwrap(), Outcome::Paged);
        assert!(out.is_empty(), "written through instead of paged");
        assert_eq!(std::fs::read(&file).unwrap(), b"1\n2\n3\n");
    }
}
