//! The `storydiff` binary: parse flags, call the library, map the result to an exit code.

use std::io::{self, Write};

use clap::Parser;
use storydiff::{cli, exit, Error};

fn main() {
    let args = cli::Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = match cli::run(&args, &mut out) {
        Ok(code) => code,
        // `storydiff a b | head -1`: the reader has gone; that is not an error.
        Err(Error::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => exit::SAME,
        Err(e) => {
            let _ = writeln!(io::stderr(), "storydiff: {e}");
            exit::TROUBLE
        }
    };
    std::process::exit(code);
}
