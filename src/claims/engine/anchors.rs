//! claims::engine::anchors: the date against which each side's relative dates ("Friday",
//! "last November") are read.
//!
//! Decides, per side: its `--date` (or the page's own date, which `compare` passes the same
//! way), else the date its text states as its own (a dateline, a full date in the lead), else
//! no anchor but a floor (the earliest day its unknown publication date may be, from the years
//! it mentions); a side is never dated by the other side's text. Reads both texts and the
//! [`ClaimOptions`]; writes the two [`SideAnchor`]s and the `date-inferred` / `date-unknown`
//! notes. `run_whole` gives a relative date with no anchor its side's floor, and the status
//! judge reads only a side's own publication date ([`SideAnchor::published`]). No
//! [`Thresholds`](crate::claims::Thresholds) field gates it.

use crate::claims::dates::{Anchor, DateScan};
use crate::claims::ClaimOptions;
use crate::report::{Note, NoteReason, SideId};

/// What each side's relative dates resolve against: its publication date when known, else the
/// earliest day its unknown publication date may be ([`crate::claims::dates::anchor_floor`]).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SideAnchor {
    pub(super) anchor: Option<Anchor>,
    pub(super) floor: Option<crate::CalendarDate>,
    /// The anchor is the side's own publication date (`--date-a`/`--date-b`, or stated in its
    /// text), not one date given for both: only such dates weigh in status verdicts.
    pub(super) published: bool,
}

/// Publication anchors of both sides and the notes saying where they came from.
///
/// A side's anchor is its `--date` (or the page's own date, which `compare` passes the same
/// way), else the date the text states as its own
/// ([`crate::claims::dates::infer_anchor`]: a dateline, a full date in the lead); a side is
/// never dated by the other side's text nor by the latest year it mentions. A side with no
/// date compares its relative dates under one unknown anchor that its own years bound from
/// below, and a note says that no date was known.
pub(super) fn anchors(
    a: &str,
    b: &str,
    opts: &ClaimOptions,
) -> (SideAnchor, SideAnchor, Vec<Note>) {
    let mut notes = Vec::new();
    // Each text's dates are scanned once, and only for a side with no date given.
    type Undated = (bool, Option<(crate::CalendarDate, i32)>);
    let side = |given: Option<crate::CalendarDate>,
                published: bool,
                text: &str|
     -> (SideAnchor, Option<String>, Option<Undated>) {
        if let Some(d) = given {
            return (
                SideAnchor {
                    anchor: Some(Anchor::exact(d)),
                    floor: None,
                    published,
                },
                None,
                None,
            );
        }
        let scan = DateScan::of(text);
        match scan.own_date() {
            Some((anchor, why)) => (
                SideAnchor {
                    anchor: Some(anchor),
                    floor: None,
                    published: true,
                },
                Some(why),
                None,
            ),
            None => {
                let floor = scan.floor();
                (
                    SideAnchor {
                        anchor: None,
                        floor: floor.map(|(d, _)| d),
                        published: false,
                    },
                    None,
                    Some((scan.mentions_relative(), floor)),
                )
            }
        }
    };
    let (x, why_x, undated_a) = side(opts.date_a, opts.date_a_published, a);
    let (y, why_y, undated_b) = side(opts.date_b, opts.date_b_published, b);
    // Dates the texts state as their own: one note when both give the same day.
    match (&why_x, &why_y, x.anchor, y.anchor) {
        (Some(wa), Some(wb), Some(p), Some(q)) if p == q => {
            notes.push(Note::of(NoteReason::DateInferredBoth {
                date: p.earliest.to_string(),
                why_a: wa.clone(),
                why_b: wb.clone(),
            }))
        }
        _ => {
            for (me, why, s) in [(SideId::A, &why_x, x), (SideId::B, &why_y, y)] {
                if let (Some(why), Some(anchor)) = (why, s.anchor) {
                    notes.push(Note::of(NoteReason::DateInferred {
                        side: me,
                        date: anchor.earliest.to_string(),
                        why: why.clone(),
                    }));
                }
            }
        }
    }
    // Sides with no date known that have relative dates: one note for both when neither has
    // one.
    let unknown: Vec<(SideId, Option<(i32, i32)>)> =
        [(SideId::A, undated_a), (SideId::B, undated_b)]
            .into_iter()
            .filter_map(|(me, u)| {
                let (relative, floor) = u?;
                relative.then(|| (me, floor.map(|(f, latest)| (f.year, latest))))
            })
            .collect();
    let reason = match unknown.as_slice() {
        [] => None,
        [(me, f)] => Some(NoteReason::DateUnknown {
            side: Some(*me),
            floor: *f,
        }),
        [(_, fa), (_, fb)] => Some(NoteReason::DateUnknown {
            side: None,
            floor: (*fa).max(*fb),
        }),
        _ => None,
    };
    if let Some(reason) = reason {
        notes.push(Note::of(reason));
    }
    (x, y, notes)
}
