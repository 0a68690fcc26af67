//! pager: a `Write` that sends long text output through a pager, as git and delta do.
//!
//! Input: the bytes the text renderer writes. Output: the same bytes, either on the given
//! writer (short output, or no pager) or on a pager's standard input. The renderer does not
//! know which: it writes to a [`Pager`] like to any `io::Write`. The output is buffered until
//! [`Pager::finish`], which compares its line count with the screen height: output that fits
//! the screen is written straight through. The pager command is `STORYDIFF_PAGER`, then
//! `PAGER`, else `less -FRX` (quit if one screen, keep colours, leave the text on screen); an
//! empty value or `cat` means no pager. Whether to page at all (`--no-pager`, a terminal on
//! standard output, text format) is decided by the caller with [`wanted`].

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

/// Whether output should be offered to a pager: never with `--no-pager`, never when standard
/// output is not a terminal (a pipe, a file, git's own pager), only for output meant to be read
/// on screen.
pub fn wanted(no_pager: bool, stdout_is_terminal: bool, paged_format: bool) -> bool {
    !no_pager && stdout_is_terminal && paged_format
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

    /// Writes the buffered output: through the pager when it is longer than the screen.
    /// If the pager cannot be started, the output goes to the writer instead.
    pub fn finish(self) -> io::Result<()> {
        let lines = self.buf.iter().filter(|&&b| b == b'\n').count();
        if lines < self.height {
            self.out.write_all(&self.buf)?;
            return self.out.flush();
        }
        match spawn(&self.command) {
            Ok(mut child) => {
                if let Some(mut stdin) = child.stdin.take() {
                    match stdin.write_all(&self.buf) {
                        // The reader quit early (`q` in less): not an error.
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
                        other => other?,
                    }
                }
                let status = child.wait()?;
                // 127: the shell found no such command; show the text rather than lose it.
                if status.code() == Some(127) {
                    self.out.write_all(&self.buf)?;
                    return self.out.flush();
                }
                Ok(())
            }
            Err(_) => {
                self.out.write_all(&self.buf)?;
                self.out.flush()
            }
        }
    }
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

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

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
        assert!(wanted(false, true, true));
        assert!(!wanted(true, true, true));
        assert!(!wanted(false, false, true));
        assert!(!wanted(false, true, false));
    }

    #[test]
    fn short_output_is_written_through() {
        let mut out = Vec::new();
        let mut p = Pager::new(&mut out, "false".into(), 10);
        p.write_all(b"one\ntwo\n").unwrap();
        p.finish().unwrap();
        assert_eq!(out, b"one\ntwo\n");
    }

    #[cfg(unix)]
    #[test]
    fn missing_pager_falls_back_to_the_writer() {
        let mut out = Vec::new();
        let mut p = Pager::new(&mut out, "no-such-pager-storydiff".into(), 1);
        p.write_all(b"1\n2\n").unwrap();
        p.finish().unwrap();
        assert_eq!(out, b"1\n2\n");
    }

    #[cfg(unix)]
    #[test]
    fn long_output_goes_to_the_pager() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("paged.txt");
        let mut out = Vec::new();
        let mut p = Pager::new(&mut out, format!("cat > '{}'", file.display()), 2);
        p.write_all(b"1\n2\n3\n").unwrap();
        p.finish().unwrap();
        assert!(out.is_empty(), "written through instead of paged");
        assert_eq!(std::fs::read(&file).unwrap(), b"1\n2\n3\n");
    }
}
