//! json: the JSON document of schema `storydiff/1` (see `CONTRACT.md`).
//!
//! The document is the [`Report`] serialised field by field, in declaration order:
//! `schema`, `a`, `b`, `alignment`, `claims`, `inconsistencies`, `summary`, `notes`. It is
//! byte-for-byte deterministic: the report holds no maps and no unrounded floats.

use std::io::{self, Write};

use crate::report::Report;

/// Writes `report` as pretty-printed JSON followed by a newline.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

/// Writes `report` as one line of JSON followed by a newline (JSON Lines).
pub fn render_line(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, report)?;
    out.write_all(b"\n")
}
