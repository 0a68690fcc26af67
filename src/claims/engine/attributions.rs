//! claims::engine::attributions: the attribution judge — a hedge removed or added, an
//! attribution softened or distanced ("claimed" / "said") inside one statement (notices).
//!
//! Decides ([`attributions`]), for each sentence of one side with a hedge or a verb of doubt
//! and the closest sentence of the other side, when the two report one statement: a hedge the
//! other sentence lacks; a verb of doubt where the other sentence has a neutral verb and no
//! doubt.
//!
//! Reads: both [`Side`]s (attribution claims, `aligned_with`) and the sentence similarities
//! seen from `x`. Writes: [`Flag`]s.
//!
//! Thresholds: `same_statement` (the two sentences report one statement).

use std::collections::BTreeSet;

use super::context::{best_sentence, Side};
use super::{order, Flag, Span};
use crate::claims::extract::{Claim, Val};
use crate::report::{Change, ClaimKind, Reason, Severity, SideId};

/// Attribution and hedging changes inside the same statement (notices).
pub(super) fn attributions(x: &Side<'_>, y: &Side<'_>, s: &[Vec<f64>], flags: &mut Vec<Flag>) {
    let attrs = |side: &Side<'_>, sidx: usize| -> Vec<Claim> {
        side.data
            .claims
            .iter()
            .filter(|d| d.sidx == sidx && matches!(d.val, Val::Attr { .. }))
            .cloned()
            .collect()
    };
    let mut seen = BTreeSet::new();
    for c in &x.data.claims {
        let Val::Attr { doubt, hedge } = c.val else {
            continue;
        };
        if !(doubt || hedge) || !seen.insert(c.sidx) {
            continue;
        }
        let Some((j, v)) = best_sentence(s, c.sidx, &x.aligned_with[c.sidx]) else {
            continue;
        };
        if v < x.t.same_statement {
            continue;
        }
        let ya = attrs(y, j);
        let tx = x.data.slice(c.start, c.end).to_lowercase();
        let (flag, other, reason) = if hedge {
            let has = ya
                .iter()
                .any(|d| matches!(d.val, Val::Attr { hedge: true, .. }));
            let m = if x.id == SideId::A {
                Reason::HedgeRemoved { hedge: tx.clone() }
            } else {
                Reason::HedgeAdded { hedge: tx.clone() }
            };
            (!has, None, m)
        } else {
            let neutral = ya.iter().find(|d| {
                matches!(
                    d.val,
                    Val::Attr {
                        doubt: false,
                        hedge: false
                    }
                )
            });
            let has_doubt = ya
                .iter()
                .any(|d| matches!(d.val, Val::Attr { doubt: true, .. }));
            let ty = neutral
                .map(|d| y.data.slice(d.start, d.end).to_lowercase())
                .unwrap_or_default();
            let m = if x.id == SideId::A {
                Reason::AttributionSoftened {
                    a: tx.clone(),
                    b: ty,
                }
            } else {
                Reason::AttributionDistanced {
                    a: ty,
                    b: tx.clone(),
                }
            };
            (neutral.is_some() && !has_doubt, neutral.map(Span::of), m)
        };
        if flag {
            let (sa, sb) = order(x, Some(Span::of(c)), other);
            flags.push(Flag {
                refine: false,
                change: Change::Changed,
                kind: ClaimKind::Attribution,
                severity: Severity::Notice,
                a: sa,
                b: sb,
                reason,
            });
        }
    }
}
