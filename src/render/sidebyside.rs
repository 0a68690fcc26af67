//! sidebyside: the sentence diff in two columns, A on the left and B on the right.
//!
//! Input: a [`Report`] and [`TextOptions`] (the summary and claims above it are written by
//! [`super::text`]). Output: for each row, its A text and its B text in two columns of equal
//! width, wrapped separately and aligned at the row's first line, with the row's marker between
//! them (`-` `+` `~` `>` `=` as in the unified layout). Invariants: each row starts on a fresh
//! line in both columns; no output line is wider than the width (when the width holds the
//! gutters and one column a side); a word is cut only when it is longer than its column;
//! trailing spaces are trimmed. Where the usual two-space gutters would leave a column fewer
//! than [`super::view::MIN_TEXT_WIDTH`] columns, the gutters shrink to one space, so narrow
//! terminals keep as much text width as they can.
//!
//! ```text
//! A0  Harbour bridge to close for three  -
//!     weeks of repairs                    -
//!                                         +  B0  Old Harbour Bridge shuts for a month
//! A1  The bridge will close on [-March    ~  B1  The bridge will close on {+March 10+}
//!     3-] for repairs.                    ~      for repairs.
//! ```

use std::io::{self, Write};

use super::palette::Class;
use super::view::{fold_text, plan, view, Item, TextOptions, MIN_TEXT_WIDTH};
use super::wrap::{self, paint, Line, Span, Style};
use crate::report::Report;

/// The width used when none is given (`width == 0`).
const DEFAULT_WIDTH: usize = 160;

/// Writes the rows of `report` side by side.
pub(super) fn rows(report: &Report, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = &opts.palette;
    let width = if opts.width == 0 {
        DEFAULT_WIDTH
    } else {
        opts.width
    };
    let items = plan(report, opts.context);
    let views: Vec<_> = items
        .iter()
        .map(|it| match it {
            Item::Row(i) => Some(view(report, &report.alignment[*i], p, true)),
            Item::Fold(_) => None,
        })
        .collect();
    let label_width = views
        .iter()
        .flatten()
        .flat_map(|v| [v.a.as_ref(), v.b.as_ref()])
        .flatten()
        .map(|(l, _)| wrap::width(l))
        .max()
        .unwrap_or(2);
    // label, pad, text | space, marker, space | label, pad, text; `pad` and `space` are two
    // spaces, or one where two would leave a column narrower than MIN_TEXT_WIDTH.
    let overhead = |sp: usize| 2 * (label_width + sp) + 1 + 2 * sp;
    let sp = if width >= overhead(2) + 2 * MIN_TEXT_WIDTH {
        2
    } else {
        1
    };
    let avail = width.saturating_sub(overhead(sp)).max(2);
    // Two columns of equal width (an odd column left over stays empty).
    let text_width = avail / 2;
    let space = " ".repeat(sp);
    for (item, v) in items.iter().zip(views) {
        let v = match (item, v) {
            (Item::Fold(n), _) => {
                writeln!(out, "{}", p.paint(Class::Dim, &fold_text(*n)))?;
                continue;
            }
            (_, Some(v)) => v,
            (Item::Row(_), None) => continue,
        };
        let column = |side: Option<(String, Vec<Span>)>, note: bool| -> (String, Vec<Line>) {
            match side {
                None => (String::new(), vec![Vec::new()]),
                Some((label, mut spans)) => {
                    if let (true, Some(n)) = (note, &v.note) {
                        spans.push(Span::plain("  "));
                        spans.push(Span::new(Style::Paint(Class::Moved), format!("({n})")));
                    }
                    (label, wrap::wrap(&spans, text_width))
                }
            }
        };
        let note_left = v.b.is_none();
        let (la, left) = column(v.a, note_left);
        let (lb, right) = column(v.b, !note_left);
        let marker = p.paint(v.marker_class, v.marker);
        for i in 0..left.len().max(right.len()) {
            let empty = Vec::new();
            let l = left.get(i).unwrap_or(&empty);
            let r = right.get(i).unwrap_or(&empty);
            let (gl, gr) = if i == 0 {
                (la.as_str(), lb.as_str())
            } else {
                ("", "")
            };
            let mut line = String::new();
            line.push_str(&cell(p, gl, label_width, sp));
            line.push_str(&paint(l, p));
            line.push_str(&" ".repeat(text_width.saturating_sub(wrap::line_width(l))));
            line.push_str(&space);
            line.push_str(&marker);
            line.push_str(&space);
            line.push_str(&cell(p, gr, label_width, sp));
            line.push_str(&paint(r, p));
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}

/// A gutter cell: the label padded to `width`, then `sp` spaces.
fn cell(p: &super::Palette, label: &str, width: usize, sp: usize) -> String {
    let pad = " ".repeat(width.saturating_sub(wrap::width(label)) + sp);
    if label.is_empty() {
        pad
    } else {
        format!("{}{pad}", p.paint(Class::Dim, label))
    }
}
