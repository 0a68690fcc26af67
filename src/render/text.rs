//! text: the report for people — a summary line, then the rows in reading order.
//!
//! Markers carry the meaning without colour: `-` dropped, `+` added, `~` edited (an A line and
//! a B line), `>` moved, `=` equal, `#` furniture. Colour comes from the [`Palette`] passed in.
//!
//! BASELINE: unified layout only, no wrapping, no claims section yet.

use std::io::{self, Write};

use super::palette::{Class, Palette};
use crate::report::{DiffOp, Report, RowOp};

/// Display options of the text renderer.
#[derive(Debug, Clone)]
pub struct TextOptions {
    pub palette: Palette,
    /// Wrap lines at this many columns (0: no wrapping).
    pub width: usize,
    /// Fold runs of equal rows longer than this, keeping this many on each side; `None` shows all.
    pub context: Option<usize>,
    /// Two columns, A on the left and B on the right.
    pub side_by_side: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            palette: Palette::plain(),
            width: 0,
            context: None,
            side_by_side: false,
        }
    }
}

/// Writes `report` as text.
pub fn render(report: &Report, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = &opts.palette;
    let s = &report.summary;
    writeln!(
        out,
        "{}",
        p.paint(
            Class::Header,
            &format!(
                "{} → {}: {} equal, {} edited, {} moved, {} added, {} dropped",
                report.a.path, report.b.path, s.equal, s.edited, s.moved, s.added, s.dropped
            )
        )
    )?;
    for row in &report.alignment {
        let a_text = join(row.a.iter().map(|&i| report.a.sentences[i].text.as_str()));
        let b_text = join(row.b.iter().map(|&i| report.b.sentences[i].text.as_str()));
        match row.op {
            RowOp::Dropped => writeln!(out, "- {}", p.paint(Class::Del, &a_text))?,
            RowOp::Added => writeln!(out, "+ {}", p.paint(Class::Ins, &b_text))?,
            RowOp::Equal => writeln!(out, "= {}", p.paint(Class::Dim, &b_text))?,
            RowOp::Edited | RowOp::Moved => {
                let mark = if row.op == RowOp::Moved { ">" } else { "~" };
                let mut la = String::new();
                let mut lb = String::new();
                for c in &row.diff {
                    match c.op {
                        DiffOp::Equal => {
                            la.push_str(&c.text);
                            lb.push_str(&c.text);
                        }
                        DiffOp::Delete => la.push_str(&p.emphasize(Class::Del, &c.text)),
                        DiffOp::Insert => lb.push_str(&p.emphasize(Class::Ins, &c.text)),
                    }
                }
                writeln!(out, "{mark} A: {la}")?;
                writeln!(out, "{mark} B: {lb}")?;
            }
        }
    }
    Ok(())
}

fn join<'a>(it: impl Iterator<Item = &'a str>) -> String {
    it.collect::<Vec<_>>().join(" ")
}
