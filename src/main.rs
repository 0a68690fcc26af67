//! The `storydiff` binary: parse flags, call the library, map the result to an exit code.
//!
//! Its modules are the front-ends, declared here only and not part of the library's API:
//! [`cli`] the flags (clap) and `storydiff A B`; [`batch`] `storydiff batch` over a manifest;
//! [`job`] the one runner both use (read → convert web pages → compare); [`git`] the external
//! diff driver and difftool conventions; [`pager`] paging text output; [`shell`] completions
//! and man pages; [`examples`] the built-in example pair (`--example`); [`exit`] the exit
//! codes.

use std::io::{self, Write};

use clap::error::ErrorKind;
use clap::Parser;
use storydiff::Error;

use crate::exit::Exit;

mod batch;
mod cli;
mod examples;
mod exit;
mod git;
mod job;
mod pager;
mod shell;

fn main() {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        // `--help` and `--version` print on standard output and exit 0, as clap does.
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            e.exit()
        }
        Err(e) => {
            let no_arguments = std::env::args_os().len() <= 1;
            let first = std::env::args_os().nth(1);
            let subcommand = first
                .as_ref()
                .and_then(|a| a.to_str())
                .filter(|a| matches!(*a, "batch" | "completions" | "man"));
            let _ = writeln!(
                io::stderr(),
                "storydiff: {}",
                cli::usage_message(&e, no_arguments, subcommand)
            );
            std::process::exit(Exit::Trouble.code());
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli::run(&args, &mut out) {
        Ok(code) => code,
        // `storydiff a b | head -1`: the reader has gone; that is not an error.
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Same,
        Err(e) => {
            let _ = writeln!(io::stderr(), "storydiff: {e}");
            Exit::Trouble
        }
    };
    std::process::exit(code.code());
}
