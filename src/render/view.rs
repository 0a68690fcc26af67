//! view: what the two terminal renderers share — their options ([`TextOptions`]), how one
//! alignment row looks ([`view`]: markers, gutter labels, the word diff as highlighted spans)
//! and which rows fold under `--context` ([`plan`]). `render::text` writes the rows one under
//! the other, `render::sidebyside` in two columns; both read this module and neither reads the
//! other's view (the unified renderer only hands `--side-by-side` over).

use super::palette::{Class, Palette};
use super::wrap::{Span, Style};
use crate::report::{DiffOp, Report, Row, RowOp, SideId};

/// Text never gets fewer columns than this, however narrow the width.
pub const MIN_TEXT_WIDTH: usize = 12;

/// The widest line text output wraps at: wider than any terminal (a 4K screen at a tiny font
/// holds about 700 columns), so a larger `width` is clamped to it. Without the clamp,
/// `--width 18446744073709551615 -y` would ask for that many bytes of padding per line.
pub const MAX_WIDTH: usize = 1000;

/// Display options of the text renderer.
#[derive(Debug, Clone)]
pub struct TextOptions {
    /// Colours or plain text (`Palette::plain`, `ansi`, or `tags` for tests).
    pub palette: Palette,
    /// Wrap lines at this many columns (0: no wrapping; side by side then uses 160); at most
    /// [`MAX_WIDTH`].
    pub width: usize,
    /// Fold runs of equal rows, keeping this many on each side of a change; `None` shows all.
    pub context: Option<usize>,
    /// Two columns, A on the left and B on the right.
    pub side_by_side: bool,
    /// Under each changed claim, say what tied its two statements (`--explain`).
    pub explain: bool,
    /// After the claims, the quote ledger speaker by speaker (`--quotes`).
    pub quotes: bool,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            palette: Palette::plain(),
            width: 0,
            context: None,
            side_by_side: false,
            explain: false,
            quotes: false,
        }
    }
}

/// `text` highlighted as `class`, with the palette's inline markers around it and white space
/// at its ends left outside the markers.
pub(super) fn highlighted(p: &Palette, class: Class, text: &str) -> Vec<Span> {
    let core = text.trim();
    if core.is_empty() {
        return vec![Span::plain(text)];
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    let mut v = vec![Span::plain(&text[..start])];
    match p.markers(class) {
        Some((open, close)) => {
            // A changed text that ends (or starts) with the marker's own character is kept
            // apart from the marker by a space, so that the marker still reads as one:
            // "BEIJING -" deleted is `[-BEIJING - -]`, not `[-BEIJING --]`.
            let touches_end = close.chars().next().is_some_and(|m| core.ends_with(m));
            let touches_start = open.chars().last().is_some_and(|m| core.starts_with(m));
            v.push(Span::plain(if touches_start {
                format!("{open} ")
            } else {
                open.to_string()
            }));
            v.push(Span::new(Style::Emph(class), core));
            v.push(Span::plain(if touches_end {
                format!(" {close}")
            } else {
                close.to_string()
            }));
        }
        None => v.push(Span::new(Style::Emph(class), core)),
    }
    v.push(Span::plain(&text[end..]));
    v
}

/// `A3`, `B1,2`, `A4-7`: a side's sentence ids, runs of three or more shortened.
pub fn label(side: SideId, ids: &[usize]) -> String {
    let mut s = String::from(match side {
        SideId::A => "A",
        SideId::B => "B",
    });
    let mut i = 0;
    while i < ids.len() {
        let mut j = i;
        while j + 1 < ids.len() && ids[j + 1] == ids[j] + 1 {
            j += 1;
        }
        if i > 0 {
            s.push(',');
        }
        if j >= i + 2 {
            s.push_str(&format!("{}-{}", ids[i], ids[j]));
            i = j + 1;
        } else {
            s.push_str(&ids[i].to_string());
            i += 1;
        }
    }
    s
}

/// What the renderers show of one row.
pub(super) struct RowView {
    pub marker: &'static str,
    pub marker_class: Class,
    /// The A line (gutter label, spans), if the row shows one.
    pub a: Option<(String, Vec<Span>)>,
    /// The B line, if the row shows one.
    pub b: Option<(String, Vec<Span>)>,
    /// A remark after the text: where a moved row came from, furniture.
    pub note: Option<String>,
}

fn join_text(report: &Report, side: SideId, ids: &[usize]) -> String {
    let sents = &report.side(side).sentences;
    ids.iter()
        .filter_map(|&i| sents.get(i).map(|s| s.text.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One side's view of a row's word diff: `(changed, text)` pieces, with white space between
/// two changed pieces absorbed into them, so that `[-b c-]` rather than `[-b-] [-c-]` shows.
fn side_pieces(row: &Row, side: SideId) -> Vec<(bool, String)> {
    let own = match side {
        SideId::A => DiffOp::Delete,
        SideId::B => DiffOp::Insert,
    };
    let raw: Vec<(bool, &str)> = row
        .diff
        .iter()
        .filter(|c| c.op == DiffOp::Equal || c.op == own)
        .map(|c| (c.op == own, c.text.as_str()))
        .collect();
    let mut out: Vec<(bool, String)> = Vec::new();
    for (k, &(changed, text)) in raw.iter().enumerate() {
        let absorb = !changed
            && text.trim().is_empty()
            && k > 0
            && raw[k - 1].0
            && raw.get(k + 1).is_some_and(|n| n.0);
        let changed = changed || absorb;
        match out.last_mut() {
            Some(last) if last.0 == changed => last.1.push_str(text),
            _ => out.push((changed, text.to_string())),
        }
    }
    out
}

fn diff_spans(p: &Palette, row: &Row, side: SideId) -> Vec<Span> {
    let class = match side {
        SideId::A => Class::Del,
        SideId::B => Class::Ins,
    };
    let mut v = Vec::new();
    for (changed, text) in side_pieces(row, side) {
        if changed {
            v.extend(highlighted(p, class, &text));
        } else {
            v.push(Span::plain(text));
        }
    }
    v
}

fn has_changes(row: &Row) -> bool {
    row.diff.iter().any(|c| c.op != DiffOp::Equal)
}

/// True when every sentence of the row, on both sides, is page furniture.
fn is_furniture(report: &Report, row: &Row) -> bool {
    let all = |side: SideId, ids: &[usize]| {
        let sents = &report.side(side).sentences;
        ids.iter()
            .all(|&i| sents.get(i).is_some_and(|s| s.furniture))
    };
    (!row.a.is_empty() || !row.b.is_empty()) && all(SideId::A, &row.a) && all(SideId::B, &row.b)
}

/// Where a moved row stood in A.
fn moved_from(row: &Row) -> String {
    match row.a.iter().min() {
        Some(0) | None => "moved from the start of A".to_string(),
        Some(&i) => format!("moved from after {}", label(SideId::A, &[i - 1])),
    }
}

/// The view of `row`; `both` shows the A text of equal rows too (side by side).
pub(super) fn view(report: &Report, row: &Row, p: &Palette, both: bool) -> RowView {
    let la = label(SideId::A, &row.a);
    let lb = label(SideId::B, &row.b);
    let ta = join_text(report, SideId::A, &row.a);
    let tb = join_text(report, SideId::B, &row.b);
    let furniture = is_furniture(report, row);
    let whole = |class: Class, text: String| {
        let class = if furniture { Class::Dim } else { class };
        vec![Span::new(Style::Paint(class), text)]
    };
    let (marker, marker_class) = match row.op {
        RowOp::Dropped => ("-", Class::Del),
        RowOp::Added => ("+", Class::Ins),
        RowOp::Equal => ("=", Class::Dim),
        RowOp::Edited => ("~", Class::Header),
        RowOp::Moved => (">", Class::Moved),
    };
    let mut note = None;
    let (a, b) = match row.op {
        RowOp::Dropped => (Some((la, whole(Class::Del, ta))), None),
        RowOp::Added => (None, Some((lb, whole(Class::Ins, tb)))),
        RowOp::Equal if both => (
            Some((la, whole(Class::Dim, ta))),
            Some((lb, whole(Class::Dim, tb))),
        ),
        RowOp::Equal => (None, Some((lb, whole(Class::Dim, tb)))),
        RowOp::Edited | RowOp::Moved => {
            let moved = row.op == RowOp::Moved;
            if moved && !has_changes(row) && !row.diff.is_empty() {
                if both {
                    note = Some(moved_from(row));
                    (
                        Some((la, whole(Class::Dim, ta))),
                        Some((lb, whole(Class::Dim, tb))),
                    )
                } else {
                    note = Some(format!("{la}, {}", moved_from(row)));
                    (None, Some((lb, whole(Class::Dim, tb))))
                }
            } else {
                if moved {
                    note = Some(moved_from(row));
                }
                if row.diff.is_empty() || furniture {
                    (
                        Some((la, whole(Class::Dim, ta))),
                        Some((lb, whole(Class::Dim, tb))),
                    )
                } else {
                    (
                        Some((la, diff_spans(p, row, SideId::A))),
                        Some((lb, diff_spans(p, row, SideId::B))),
                    )
                }
            }
        }
    };
    if furniture {
        note = Some(match note {
            Some(n) => format!("furniture; {n}"),
            None => "furniture".to_string(),
        });
    }
    RowView {
        marker,
        marker_class: if furniture { Class::Dim } else { marker_class },
        a,
        b,
        note,
    }
}

/// An entry of the sentence diff: a row, or a fold of unchanged rows.
pub(super) enum Item {
    Row(usize),
    /// Rows folded away, and how many B sentences they hold.
    Fold(usize),
}

/// Which rows to show: all, or with `context`, the changes and `context` equal rows around each.
pub(super) fn plan(report: &Report, context: Option<usize>) -> Vec<Item> {
    let rows = &report.alignment;
    let Some(n) = context else {
        return (0..rows.len()).map(Item::Row).collect();
    };
    let changes: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.op != RowOp::Equal)
        .map(|(i, _)| i)
        .collect();
    let near = |i: usize| {
        // The nearest change before and after i (changes are sorted).
        let k = changes.partition_point(|&c| c < i);
        let after = changes.get(k).is_some_and(|&c| c - i <= n);
        let before = k > 0 && i - changes[k - 1] <= n;
        after || before
    };
    let mut items = Vec::new();
    let mut folded = 0usize;
    for (i, row) in rows.iter().enumerate() {
        if row.op != RowOp::Equal || near(i) {
            if folded > 0 {
                items.push(Item::Fold(folded));
                folded = 0;
            }
            items.push(Item::Row(i));
        } else {
            folded += row.b.len().max(1);
        }
    }
    if folded > 0 {
        items.push(Item::Fold(folded));
    }
    items
}

pub(super) fn fold_text(n: usize) -> String {
    format!(
        "… {} …",
        plural(n, "unchanged sentence", "unchanged sentences")
    )
}

/// `n` and the noun, singular or plural.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
