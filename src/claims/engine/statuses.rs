//! claims::engine::statuses: the status judge — an event told as expected or planned in one
//! version and as done, or not done, in the other (kind `status`).
//!
//! Decides ([`statuses`]): the events of each side (`claims::status::events`) are paired
//! across the versions where their stages differ (`status::differ`) and they are one event
//! (`status::same_event`, which weighs the similarity of their sentences), the closest pair of
//! sentences first, one finding per sentence of either side. An event each version tells both
//! ways, or a flip the negation judge has already flagged, raises nothing. The two
//! publication dates give the verdict (`status::verdict`): a notice when they are unknown or
//! the later version tells the later stage, a conflict when both came out the same day or the
//! later version tells an earlier stage.
//!
//! Reads: both [`Side`]s, the sentence similarities, each side's own publication date (an
//! exact one only: `anchors::SideAnchor::published`) and the flags raised before it (the
//! negation judge's). Writes: [`Flag`]s.
//!
//! Thresholds: no [`Thresholds`](crate::claims::Thresholds) field; what makes one event is
//! `claims::status::same_event`'s.

use std::collections::BTreeSet;

use super::context::Side;
use super::{Flag, Span};
use crate::claims::dates::Anchor;
use crate::claims::status;
use crate::report::{Change, ClaimKind, Reason, Severity, SideId, StatusDates};

/// Events told as pending in one version and done (or denied) in the other ([`status`]); the
/// closest pair of sentences wins, one finding per event of either side. The two publication
/// dates decide the verdict ([`status::verdict`]): a notice when they are unknown or the later
/// version tells the later stage, a conflict when both came out the same day or the later
/// version tells an earlier stage.
pub(super) fn statuses(
    sa: &Side<'_>,
    sb: &Side<'_>,
    sim: &[Vec<f64>],
    (date_a, date_b): (Option<Anchor>, Option<Anchor>),
    flags: &mut Vec<Flag>,
) {
    use status::Status;
    let exact = |d: Option<Anchor>| d.filter(Anchor::is_exact).map(|d| d.earliest);
    let (date_a, date_b) = (exact(date_a), exact(date_b));
    let (ea, eb) = (status::events(&sa.data), status::events(&sb.data));
    // Each version telling the event both ways (a text compared with itself) is no change
    // between them. Each half depends on one event only: worked out once per event, not once
    // per pair of events (that was cubic, a quarter of a batch's time).
    // Whether event `e` of side `x` is told at its own stage by an event of the other side in
    // a sentence aligned with its own (`same_event` reads A's event first).
    let alike = |x: &Side<'_>, e: &status::Event, others: &[status::Event]| {
        others.iter().any(|r| {
            r.status == e.status
                && x.aligned_with[e.sidx].contains(&r.sidx)
                && if x.id == SideId::A {
                    status::same_event(e, r, 1.0)
                } else {
                    status::same_event(r, e, 1.0)
                }
        })
    };
    let alike_a: Vec<bool> = ea.iter().map(|p| alike(sa, p, &eb)).collect();
    let alike_b: Vec<bool> = eb.iter().map(|q| alike(sb, q, &ea)).collect();
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, p) in ea.iter().enumerate() {
        for (j, q) in eb.iter().enumerate() {
            let s = sim
                .get(p.sidx)
                .and_then(|r| r.get(q.sidx))
                .copied()
                .unwrap_or(0.0);
            let told_alike = alike_a[i] || alike_b[j];
            if status::differ(p.status, q.status) && status::same_event(p, q, s) && !told_alike {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_a, mut used_b) = (BTreeSet::new(), BTreeSet::new());
    let stage = |s: Status| match s {
        Status::Pending => crate::report::EventStage::Pending,
        Status::Done => crate::report::EventStage::Done,
        Status::NotDone => crate::report::EventStage::NotDone,
    };
    // Spans the negation judge (run before) has already flagged: "lobbed" / "not lobbed" is
    // that flip, not also a changed status.
    let negated: Vec<(Span, Span)> = flags
        .iter()
        .filter(|f| f.kind == ClaimKind::Negation)
        .filter_map(|f| f.a.zip(f.b))
        .collect();
    let overlaps = |x: Span, sidx: usize, start: usize, end: usize| {
        x.sidx == sidx && x.start < end && start < x.end
    };
    for (_, i, j) in cands {
        let (p, q) = (&ea[i], &eb[j]);
        if negated.iter().any(|&(x, y)| {
            overlaps(x, p.sidx, p.start, p.end) && overlaps(y, q.sidx, q.start, q.end)
        }) {
            continue;
        }
        // One finding per sentence pair and per event.
        if !used_a.insert(p.sidx) || !used_b.insert(q.sidx) {
            continue;
        }
        let (ta, tb) = (sa.data.slice(p.start, p.end), sb.data.slice(q.start, q.end));
        let verdict = status::verdict(p.status, q.status, date_a, date_b);
        let later = if date_a > date_b {
            SideId::A
        } else {
            SideId::B
        };
        let day = |d: Option<crate::CalendarDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let (severity, dates) = match verdict {
            status::Verdict::Unknown => (Severity::Notice, StatusDates::Unknown),
            status::Verdict::Revision => (
                Severity::Notice,
                StatusDates::Revision {
                    later,
                    a: day(date_a),
                    b: day(date_b),
                },
            ),
            status::Verdict::SameDay => (
                Severity::Conflict,
                StatusDates::SameDay { date: day(date_a) },
            ),
            status::Verdict::Backwards => (
                Severity::Conflict,
                StatusDates::Backwards {
                    later,
                    a: day(date_a),
                    b: day(date_b),
                },
            ),
        };
        flags.push(Flag {
            refine: false,
            change: Change::Changed,
            kind: ClaimKind::Status,
            severity,
            a: Some(Span::new(p.sidx, p.start, p.end)),
            b: Some(Span::new(q.sidx, q.start, q.end)),
            reason: Reason::StatusChanged {
                stage_a: stage(p.status),
                a: ta.to_string(),
                stage_b: stage(q.status),
                b: tb.to_string(),
                dates,
            },
        });
    }
}
