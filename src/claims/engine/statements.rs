//! claims::engine::statements: the statement judge — a reported statement in one version only
//! (a notice, kind `attribution`).
//!
//! Decides ([`statements`]): a sentence with a reporting verb ("said", "according to") that
//! the alignment leaves unpaired, with no sentence of the other version as similar as
//! `same_statement` and no claim of its own flagged by another judge. Runs after the other
//! judges, on their flags.
//!
//! Reads: one [`Side`], its sentence similarities, its unpaired sentences, the flags so far.
//! Writes: [`Flag`]s.
//!
//! Thresholds: `same_statement`.

use std::collections::BTreeSet;

use super::context::{best_sentence, Side};
use super::{only_in, order, Flag, Span};
use crate::claims::extract::Val;
use crate::report::{ClaimKind, Reason, Severity, SideId};

/// Reported statements in one version only: a sentence with a reporting verb ("said",
/// "according to") that the alignment leaves unpaired (`unpaired`: indices into `x`'s
/// sentences), with no counterpart in the other version (no sentence as similar as
/// `t.same_statement`) and no other claim of its own flagged. Its names and figures may all
/// be stated elsewhere ("Allton said he had only seen the installation in film", with Allton
/// and the installation named elsewhere), but what the speaker is reported to have said is
/// gone, or new. Runs after the other rules, on their flags.
pub(super) fn statements(
    x: &Side<'_>,
    s: &[Vec<f64>],
    unpaired: &BTreeSet<usize>,
    flags: &mut Vec<Flag>,
) {
    let mine = |f: &Flag| if x.id == SideId::A { f.a } else { f.b };
    let flagged: BTreeSet<usize> = flags
        .iter()
        .filter_map(|f| mine(f).map(|sp| sp.sidx))
        .collect();
    let mut done = BTreeSet::new();
    let mut found = Vec::new();
    for c in &x.data.claims {
        if !matches!(c.val, Val::Attr { hedge: false, .. })
            || flagged.contains(&c.sidx)
            || !unpaired.contains(&c.sidx)
        {
            continue;
        }
        if best_sentence(s, c.sidx, &x.aligned_with[c.sidx])
            .is_some_and(|(_, v)| v >= x.t.same_statement)
            || !done.insert(c.sidx)
        {
            continue;
        }
        let verb = x.data.slice(c.start, c.end).to_lowercase();
        let (a, b) = order(x, Some(Span::of(c)), None);
        found.push(Flag {
            refine: false,
            change: only_in(x),
            kind: ClaimKind::Attribution,
            severity: Severity::Notice,
            a,
            b,
            reason: Reason::StatementOnly { verb, side: x.id },
        });
    }
    flags.extend(found);
}
