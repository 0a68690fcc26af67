//! text: the report for people — a summary line, notes, the claims that differ, then the
//! sentence diff in reading order.
//!
//! Input: a [`Report`] and [`TextOptions`]. Output: lines written to any `io::Write`.
//! Invariants: renders only what the report holds (never recomputes alignment or claims); every
//! piece of input text goes through `render::escape` and `render::wrap`, so no control
//! character or terminal escape from the inputs is written raw; no line is wider than
//! `width` columns unless the width is too small to hold the gutter (then text gets at least
//! [`MIN_TEXT_WIDTH`] columns).
//!
//! Layout (unified; `render::sidebyside` puts A and B in two columns):
//!
//! ```text
//! a.txt → b.txt: 2 equal, 2 edited, 1 moved, 2 added, 1 dropped · claims: 1 changed, 0
//! added, 0 dropped (1 conflict)
//! note: dates resolved against 2024, inferred from …
//!
//! Claims: 1 conflict
//! ! date changed: A1 [-March 3-] → B1 {+March 10+} — the closure is dated March 3 in A
//! !   but March 10 in B
//!
//! Sentences
//! - A0  Harbour bridge to close for three weeks of repairs
//! + B0  Old Harbour Bridge shuts for a month as cables corrode
//! ~ A1  The bridge will close on [-March 3-] for repairs.
//! ~ B1  The bridge will close on {+March 10+} for repairs.
//! > B4  "We cannot take any risk," said Mary Okafor. (A2, moved from after A3)
//! = B5  The bridge was last repaired in 2009.
//!   … 3 unchanged sentences …
//! + B9  Back to top (furniture)
//! ```
//!
//! Markers carry the meaning without colour: `-` dropped, `+` added, `~` edited (an A line and a
//! B line), `>` moved, `=` equal; in the claims, `!` conflict, `~` notice, `+` added, `-`
//! dropped. The gutter names the sentences by side and id as the JSON does (`A3` is sentence 3
//! of A, counting from 0; `B1,2` two sentences of B). Inside a line, changed words are coloured,
//! or marked `[-deleted-]` / `{+inserted+}` when the palette is plain. Continuation lines keep
//! the row's marker and are indented under the text.

use std::io::{self, Write};

use super::palette::{Class, Palette};
use super::view::{fold_text, highlighted, plan, plural, view, Item, RowView};
pub use super::view::{label, TextOptions, MAX_WIDTH, MIN_TEXT_WIDTH};
use super::wrap::{self, paint, Span, Style};
use crate::report::{
    Change, ClaimChange, ClaimKind, ClaimSpan, Report, RowOp, Severity, SideId, Verdict,
};

/// Writes `report` as text. A `width` over [`MAX_WIDTH`] is taken as [`MAX_WIDTH`].
pub fn render(report: &Report, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let clamped;
    let opts = if opts.width > MAX_WIDTH {
        clamped = TextOptions {
            width: MAX_WIDTH,
            ..opts.clone()
        };
        &clamped
    } else {
        opts
    };
    // Nothing differs and unchanged runs are folded (the default): the summary line says it
    // all, as `git diff` prints nothing for identical files.
    let same = report.alignment.iter().all(|r| r.op == RowOp::Equal)
        && report.claims.is_empty()
        && report.inconsistencies.is_empty();
    if same && opts.context.is_some() {
        let head = wrap::wrap(
            &[Span::new(Style::Paint(Class::Header), summary_line(report))],
            opts.width,
        );
        for line in head {
            writeln!(out, "{}", paint(&line, &opts.palette))?;
        }
        return Ok(());
    }
    preamble(report, opts, out)?;
    if opts.side_by_side {
        super::sidebyside::rows(report, opts, out)
    } else {
        rows(report, opts, out)
    }
}

/// Writes the one line that stands for a file pair storydiff could not compare in git's
/// external-diff mode (`why` is the error's message, its path already escaped).
pub fn render_not_compared(why: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "storydiff: not compared: {why}")
}

/// Writes the note that a `--width` of `asked` columns is taken as [`MAX_WIDTH`].
pub fn render_width_note(asked: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "storydiff: note: --width {asked} is wider than any terminal; wrapping at {MAX_WIDTH} \
         columns"
    )
}

/// The summary line: row counts and claim counts.
pub(crate) fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} → {}: {} equal, {} edited, {} moved, {} added, {} dropped",
        super::escape::name(&report.a.path),
        super::escape::name(&report.b.path),
        s.equal,
        s.edited,
        s.moved,
        s.added,
        s.dropped
    );
    if s.claims_changed + s.claims_added + s.claims_dropped == 0 {
        line.push_str(" · claims: none differ");
    } else {
        line.push_str(&format!(
            " · claims: {} changed, {} added, {} dropped",
            s.claims_changed, s.claims_added, s.claims_dropped
        ));
        if s.conflicts > 0 {
            line.push_str(&format!(
                " ({})",
                plural(s.conflicts, "conflict", "conflicts")
            ));
        }
    }
    if s.inconsistencies > 0 {
        line.push_str(&format!(
            " · {}",
            plural(s.inconsistencies, "inconsistency", "inconsistencies")
        ));
    }
    line
}

/// Writes a wrapped block: `marker` and `label` on the first line, the marker again and an
/// indent on the others.
fn block(
    out: &mut dyn Write,
    p: &Palette,
    marker: Span,
    label: &str,
    label_width: usize,
    spans: &[Span],
    width: usize,
) -> io::Result<()> {
    let indent = 1 + 1 + label_width + 2;
    let text_width = if width == 0 {
        0
    } else {
        width.saturating_sub(indent).max(MIN_TEXT_WIDTH)
    };
    let pad = label_width.saturating_sub(wrap::width(label));
    let m = paint(std::slice::from_ref(&marker), p);
    for (i, line) in wrap::wrap(spans, text_width).iter().enumerate() {
        let gutter = if i == 0 {
            format!("{label}{}", " ".repeat(pad))
        } else {
            " ".repeat(label_width)
        };
        let gutter = if gutter.trim().is_empty() {
            gutter
        } else {
            p.paint(Class::Dim, &gutter)
        };
        let body = paint(line, p);
        let sep = if body.is_empty() { "" } else { "  " };
        let lead = format!("{m} {gutter}{sep}{body}");
        writeln!(out, "{}", lead.trim_end())?;
    }
    Ok(())
}

/// Summary line, notes and the claims section (shared with the side-by-side layout).
pub(super) fn preamble(report: &Report, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = &opts.palette;
    let head = wrap::wrap(
        &[Span::new(Style::Paint(Class::Header), summary_line(report))],
        opts.width,
    );
    for line in head {
        writeln!(out, "{}", paint(&line, p))?;
    }
    for note in &report.notes {
        let spans = [Span::new(Style::Paint(Class::Notice), note.message.clone())];
        for (i, line) in wrap::wrap(&spans, opts.width.saturating_sub(6))
            .iter()
            .enumerate()
        {
            let lead = if i == 0 { "note: " } else { "      " };
            writeln!(out, "{lead}{}", paint(line, p))?;
        }
    }
    writeln!(out)?;
    if report.claims.is_empty() && report.inconsistencies.is_empty() {
        return Ok(());
    }
    claims(report, opts, out)?;
    if opts.quotes {
        writeln!(out)?;
        quotes(report, opts, out)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", p.paint(Class::Header, "Sentences"))
}

/// Claim groups in display order: conflicts, notices, added, dropped.
fn group(c: &ClaimChange) -> usize {
    match (c.severity, c.change) {
        (Severity::Conflict, _) => 0,
        (_, Change::Changed) => 1,
        (_, Change::Added) => 2,
        (_, Change::Dropped) => 3,
    }
}

fn kind_name<T: serde::Serialize>(kind: &T) -> String {
    // The JSON name of the kind ("date", "money", …), so text and JSON use one vocabulary.
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn claim_at(p: &Palette, side: SideId, span: &ClaimSpan) -> Vec<Span> {
    let class = match side {
        SideId::A => Class::Del,
        SideId::B => Class::Ins,
    };
    let mut v = vec![Span::new(
        Style::Paint(Class::Dim),
        format!("{} ", label(side, &[span.sentence])),
    )];
    v.extend(highlighted(p, class, &span.text));
    v
}

fn message(v: &mut Vec<Span>, msg: &str) {
    if !msg.trim().is_empty() {
        v.push(Span::plain(format!(" — {msg}")));
    }
}

/// The claims section: one entry per claim, conflicts first, then inconsistencies.
fn claims(report: &Report, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = &opts.palette;
    let mut order: Vec<&ClaimChange> = report.claims.iter().collect();
    order.sort_by_key(|c| group(c));
    let mut counts = [0usize; 4];
    for c in &order {
        counts[group(c)] += 1;
    }
    let mut parts = Vec::new();
    for (n, one, many) in [
        (counts[0], "conflict", "conflicts"),
        (counts[1], "notice", "notices"),
        (counts[2], "added", "added"),
        (counts[3], "dropped", "dropped"),
        (
            report.inconsistencies.len(),
            "inconsistency",
            "inconsistencies",
        ),
    ] {
        if n > 0 {
            parts.push(plural(n, one, many));
        }
    }
    let head = [Span::new(
        Style::Paint(Class::Header),
        format!("Claims: {}", parts.join(", ")),
    )];
    for line in wrap::wrap(&head, opts.width) {
        writeln!(out, "{}", paint(&line, p))?;
    }
    // Conflicts, then the inconsistencies (also contradictions), then the notices: one entry
    // each with both versions' words.
    for c in order.iter().filter(|c| group(c) == 0) {
        let msg = claim_message(report, opts, c);
        changed_entry(out, p, opts.width, c, &msg, "!", Class::Conflict)?;
        if opts.explain {
            explanation(out, p, opts.width, c, "!", Class::Conflict)?;
        }
    }
    for inc in &report.inconsistencies {
        let side = match inc.side {
            SideId::A => "A",
            SideId::B => "B",
        };
        let mut v = vec![Span::new(
            Style::Paint(Class::Conflict),
            format!("{} inconsistent in {side}:", kind_name(&inc.kind)),
        )];
        v.push(Span::plain(" "));
        v.extend(claim_at(p, inc.side, &inc.first));
        v.push(Span::plain(" ↔ "));
        v.extend(claim_at(p, inc.side, &inc.second));
        message(&mut v, &inc.message);
        claim_block(
            out,
            p,
            Span::new(Style::Paint(Class::Conflict), "!"),
            &v,
            opts.width,
        )?;
    }
    for c in order.iter().filter(|c| group(c) == 1) {
        // A refinement (one side only more precise) has its own marker.
        let mark = if c.verdict == Some(Verdict::Refinement) {
            "≈"
        } else {
            "~"
        };
        changed_entry(out, p, opts.width, c, &c.message, mark, Class::Notice)?;
        if opts.explain {
            explanation(out, p, opts.width, c, mark, Class::Notice)?;
        }
    }
    // Added and dropped claims: one line per sentence, so that a dropped passage takes a line
    // a sentence rather than a line a claim (the sentence section below shows the words).
    added_dropped(report, out, p, opts.width, Change::Added)?;
    added_dropped(report, out, p, opts.width, Change::Dropped)?;
    Ok(())
}

/// One changed claim: kind, both versions' words where they stand, and the message.
fn changed_entry(
    out: &mut dyn Write,
    p: &Palette,
    width: usize,
    c: &ClaimChange,
    msg: &str,
    mark: &str,
    class: Class,
) -> io::Result<()> {
    let mut v = vec![Span::new(
        Style::Paint(class),
        format!("{} changed:", kind_name(&c.kind)),
    )];
    v.push(Span::plain(" "));
    if let Some(a) = &c.a {
        v.extend(claim_at(p, SideId::A, a));
    }
    if c.a.is_some() && c.b.is_some() {
        v.push(Span::plain(" → "));
    }
    if let Some(b) = &c.b {
        v.extend(claim_at(p, SideId::B, b));
    }
    message(&mut v, msg);
    claim_block(out, p, Span::new(Style::Paint(class), mark), &v, width)
}

/// The message of a changed claim: for a misquote, the words that differ and (with
/// `--quotes`) where its ledger entry stands, rather than the two quotations again.
fn claim_message(report: &Report, opts: &TextOptions, c: &ClaimChange) -> String {
    let Some(q) = super::ledger_entry(report, c).map(|k| &report.quotes[k]) else {
        return c.message.clone();
    };
    let change = super::quote_change(q);
    let mut msg = if change.is_empty() {
        "misquoted".to_string()
    } else {
        format!("misquoted: {change}")
    };
    if opts.quotes {
        msg.push_str(&format!(" (see Quotes, {})", super::quote_speaker(q)));
    }
    msg
}

/// `--quotes`: the quote ledger, speaker by speaker (in order of first appearance), each
/// quotation with its marker: `=` the same words, `~` shortened or a common stretch going on
/// differently, `!` misquoted (with the words that differ) or given to another speaker, `-` in
/// A only, `+` in B only.
fn quotes(report: &Report, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    use crate::report::QuoteRelation as R;
    let p = &opts.palette;
    writeln!(
        out,
        "{}",
        p.paint(
            Class::Header,
            &format!(
                "Quotes: {}",
                plural(report.quotes.len(), "entry", "entries")
            )
        )
    )?;
    let speaker = super::quote_speaker;
    let mut order: Vec<String> = Vec::new();
    for q in &report.quotes {
        let s = speaker(q);
        if !order.contains(&s) {
            order.push(s);
        }
    }
    for who in &order {
        writeln!(out, "{}", p.paint(Class::Header, &format!("  {who}")))?;
        for q in report.quotes.iter().filter(|q| &speaker(q) == who) {
            let (mark, class, what) = match q.relation {
                R::Same => ("=", Class::Dim, "same words"),
                R::Shortened => ("~", Class::Notice, "quoted shorter in one version"),
                R::Overlap => ("~", Class::Notice, "quoted in part, differently cut"),
                R::Misquoted => ("!", Class::Conflict, "misquoted"),
                R::SpeakerChanged => ("!", Class::Conflict, "given to another speaker"),
                R::Unquoted => (
                    "~",
                    Class::Notice,
                    "quoted in one, reported speech in the other",
                ),
                R::Dropped => ("-", Class::Del, "in A only"),
                R::Added => ("+", Class::Ins, "in B only"),
            };
            let mut v = vec![Span::new(Style::Paint(class), format!("{what}:"))];
            if let Some(a) = &q.a {
                v.push(Span::plain(" "));
                v.extend(claim_at(p, SideId::A, &shortened(a)));
            }
            if let Some(b) = &q.b {
                v.push(Span::plain(if q.a.is_some() { " / " } else { " " }));
                v.extend(claim_at(p, SideId::B, &shortened(b)));
            }
            let change = super::quote_change(q);
            if !change.is_empty() {
                v.push(Span::plain(format!(" — {change}")));
            }
            if let (Some(x), Some(y)) = (&q.speaker_a, &q.speaker_b) {
                if q.relation == R::SpeakerChanged {
                    v.push(Span::plain(format!(" — {x} in A, {y} in B")));
                }
            }
            let (said_a, said_b) = (said(&q.verb_a, &q.venue_a), said(&q.verb_b, &q.venue_b));
            match (said_a, said_b) {
                (Some(x), Some(y)) if x != y => {
                    v.push(Span::plain(format!(" — {x} in A, {y} in B")));
                }
                (Some(x), _) if q.b.is_none() => v.push(Span::plain(format!(" — {x}"))),
                (_, Some(y)) if q.a.is_none() => v.push(Span::plain(format!(" — {y}"))),
                _ => {}
            }
            claim_block(out, p, Span::new(Style::Paint(class), mark), &v, opts.width)?;
        }
    }
    Ok(())
}

/// How a quotation is given: its verb and venue ("told CNN", "said in a statement"); the
/// plain "said" of most quotations is left unsaid.
fn said(verb: &Option<String>, venue: &Option<String>) -> Option<String> {
    let verb = verb.as_deref().map(str::to_lowercase);
    match (verb.as_deref(), venue) {
        (Some(v), Some(w)) => Some(format!("{v} {w}")),
        (Some("said" | "says" | "say" | "according"), None) | (None, None) => None,
        (Some(v), None) => Some(v.to_string()),
        (None, Some(w)) => Some(w.clone()),
    }
}

/// A span whose text is cut to about [`SHORT_CLAIM`] characters for the ledger.
fn shortened(s: &ClaimSpan) -> ClaimSpan {
    ClaimSpan {
        text: shorten(&s.text),
        ..s.clone()
    }
}

/// `--explain`: what tied the two statements of a changed claim, on a line of its own.
fn explanation(
    out: &mut dyn Write,
    p: &Palette,
    width: usize,
    c: &ClaimChange,
    mark: &str,
    class: Class,
) -> io::Result<()> {
    let Some(why) = &c.paired_by else {
        return Ok(());
    };
    let mut parts = Vec::new();
    if why.row {
        parts.push("the two sentences are aligned".to_string());
    } else {
        parts.push("the two sentences are not aligned".to_string());
    }
    if !why.words.is_empty() {
        parts.push(format!("both say \"{}\"", why.words.join(", ")));
    }
    if let Some(s) = &why.speaker {
        parts.push(format!("both give it to {s}"));
    }
    let v = vec![Span::new(
        Style::Paint(Class::Dim),
        format!("  paired because {}", parts.join("; ")),
    )];
    claim_block(out, p, Span::new(Style::Paint(class), mark), &v, width)
}

/// Most claims named in the one entry of a dropped or added passage.
const PASSAGE_ITEMS: usize = 8;

/// Longest claim text shown in the grouped added/dropped lines, in characters.
const SHORT_CLAIM: usize = 60;

/// `text` cut at a word boundary to about [`SHORT_CLAIM`] characters, with `…`.
fn shorten(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= SHORT_CLAIM {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(SHORT_CLAIM)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(i) if i > SHORT_CLAIM / 2 => &head[..i],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// The added (B) or dropped (A) claims grouped by sentence: `- A10 dropped: name [-…-];
/// quote [-…-]`, with `(sentence dropped)` when the whole sentence has no counterpart.
fn added_dropped(
    report: &Report,
    out: &mut dyn Write,
    p: &Palette,
    width: usize,
    change: Change,
) -> io::Result<()> {
    let (side, mark, class, word) = match change {
        Change::Added => (SideId::B, "+", Class::Ins, "added"),
        _ => (SideId::A, "-", Class::Del, "dropped"),
    };
    let mut by_sentence: std::collections::BTreeMap<usize, Vec<&ClaimSpan>> =
        std::collections::BTreeMap::new();
    let mut kinds: std::collections::BTreeMap<usize, Vec<(String, String)>> =
        std::collections::BTreeMap::new();
    // A reporting verb on its own ("attribution: told") says nothing a reader needs here; the
    // JSON keeps it.
    for c in report
        .claims
        .iter()
        .filter(|c| c.change == change && c.kind != ClaimKind::Attribution)
    {
        let span = match side {
            SideId::A => c.a.as_ref(),
            SideId::B => c.b.as_ref(),
        };
        if let Some(span) = span {
            by_sentence.entry(span.sentence).or_default().push(span);
            // A negation's span is the negator alone ("not"); the message quotes the denial.
            let denial = match c.kind {
                ClaimKind::Negation => super::english::denial(&c.reason),
                _ => None,
            };
            let shown = denial.as_deref().unwrap_or(&span.text);
            kinds
                .entry(span.sentence)
                .or_default()
                .push((kind_name(&c.kind), shorten(shown)));
        }
    }
    // A passage (consecutive sentences the other version does not carry) is one entry.
    let passages: Vec<&crate::report::Passage> =
        report.passages.iter().filter(|g| g.side == side).collect();
    let in_passage = |sid: usize| passages.iter().any(|g| g.first <= sid && sid <= g.last);
    for g in &passages {
        let other = match side {
            SideId::A => "B",
            SideId::B => "A",
        };
        let mut v = vec![
            Span::new(
                Style::Paint(Class::Dim),
                format!("{}–{}", label(side, &[g.first]), g.last),
            ),
            Span::plain(" "),
            Span::new(
                Style::Paint(class),
                format!("{word}: {} sentences {other} does not carry", g.sentences),
            ),
        ];
        let mut items: Vec<(usize, &ClaimSpan, &(String, String))> = Vec::new();
        for (sid, spans) in by_sentence.range(g.first..=g.last) {
            for (sp, kd) in spans.iter().zip(&kinds[sid]) {
                items.push((sp.start, sp, kd));
            }
        }
        items.sort_by_key(|(start, _, _)| *start);
        // Quotes counted, the other facts named: "6 quotes; Wang Yi; Taiwan; …".
        let quotes = items
            .iter()
            .filter(|(_, _, (kind, _))| kind == "quote")
            .count();
        let others: Vec<&String> = items
            .iter()
            .filter(|(_, _, (kind, _))| kind != "quote")
            .map(|(_, _, (_, shown))| shown)
            .collect();
        let mut first = true;
        let mut sep = |v: &mut Vec<Span>| {
            v.push(Span::plain(if first { ": " } else { "; " }));
            first = false;
        };
        if quotes > 0 {
            sep(&mut v);
            v.push(Span::plain(plural(quotes, "quote", "quotes")));
        }
        for shown in others.iter().take(PASSAGE_ITEMS) {
            sep(&mut v);
            v.extend(highlighted(p, class, shown));
        }
        if others.len() > PASSAGE_ITEMS {
            v.push(Span::plain(format!(
                "; and {} more",
                others.len() - PASSAGE_ITEMS
            )));
        }
        claim_block(out, p, Span::new(Style::Paint(class), mark), &v, width)?;
    }
    for (sid, spans) in by_sentence.iter().filter(|(sid, _)| !in_passage(**sid)) {
        let whole = report.alignment.iter().any(|r| {
            matches!(r.op, RowOp::Added | RowOp::Dropped)
                && match side {
                    SideId::A => r.a.contains(sid),
                    SideId::B => r.b.contains(sid),
                }
        });
        let mut v = vec![
            Span::new(Style::Paint(Class::Dim), label(side, &[*sid])),
            Span::plain(" "),
            Span::new(Style::Paint(class), format!("{word}:")),
        ];
        let mut ordered: Vec<(&ClaimSpan, &(String, String))> =
            spans.iter().copied().zip(&kinds[sid]).collect();
        ordered.sort_by_key(|(s, _)| (s.start, s.end));
        for (k, (_, (kind, shown))) in ordered.into_iter().enumerate() {
            if k > 0 {
                v.push(Span::plain(";"));
            }
            v.push(Span::plain(format!(" {kind} ")));
            v.extend(highlighted(p, class, shown));
        }
        if whole {
            v.push(Span::new(
                Style::Paint(Class::Dim),
                format!(" (sentence {word})"),
            ));
        }
        claim_block(out, p, Span::new(Style::Paint(class), mark), &v, width)?;
    }
    Ok(())
}

fn claim_block(
    out: &mut dyn Write,
    p: &Palette,
    marker: Span,
    spans: &[Span],
    width: usize,
) -> io::Result<()> {
    // Continuation lines are indented two more columns, so they do not read as new claims.
    let text_width = if width == 0 {
        0
    } else {
        width.saturating_sub(4).max(MIN_TEXT_WIDTH)
    };
    let m = paint(std::slice::from_ref(&marker), p);
    for (i, line) in wrap::wrap(spans, text_width).iter().enumerate() {
        let indent = if i == 0 { " " } else { "   " };
        writeln!(out, "{m}{indent}{}", paint(line, p))?;
    }
    Ok(())
}

fn with_note(mut spans: Vec<Span>, note: &Option<String>) -> Vec<Span> {
    if let Some(n) = note {
        spans.push(Span::plain("  "));
        spans.push(Span::new(Style::Paint(Class::Moved), format!("({n})")));
    }
    spans
}

/// The unified sentence diff.
fn rows(report: &Report, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = &opts.palette;
    let items = plan(report, opts.context);
    let views: Vec<Option<RowView>> = items
        .iter()
        .map(|it| match it {
            Item::Row(i) => Some(view(report, &report.alignment[*i], p, false)),
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
    for (item, v) in items.iter().zip(views) {
        match (item, v) {
            (Item::Fold(n), _) => {
                writeln!(out, "  {}", p.paint(Class::Dim, &fold_text(*n)))?;
            }
            (_, Some(v)) => {
                let marker = Span::new(Style::Paint(v.marker_class), v.marker);
                let b_has_line = v.b.is_some();
                if let Some((l, spans)) = v.a {
                    let spans = if b_has_line {
                        spans
                    } else {
                        with_note(spans, &v.note)
                    };
                    block(out, p, marker.clone(), &l, label_width, &spans, opts.width)?;
                }
                if let Some((l, spans)) = v.b {
                    let spans = with_note(spans, &v.note);
                    block(out, p, marker, &l, label_width, &spans, opts.width)?;
                }
            }
            (Item::Row(_), None) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample::{self, by_hand, snap};
    use RowOp::*;

    fn render_with(
        report: &Report,
        palette: Palette,
        width: usize,
        context: Option<usize>,
        sbs: bool,
    ) -> String {
        let opts = TextOptions {
            palette,
            width,
            context,
            side_by_side: sbs,
            explain: false,
            quotes: false,
        };
        let mut out = Vec::new();
        render(report, &opts, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn plain(report: &Report, width: usize) -> String {
        render_with(report, Palette::plain(), width, None, false)
    }

    fn pos(hay: &str, needle: &str) -> usize {
        hay.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not found in:\n{hay}"))
    }

    #[test]
    fn claims_come_first_conflicts_inconsistencies_notices_then_added_dropped() {
        let r = sample::report_with_claims();
        let out = plain(&r, 0);
        let order = [
            "Claims: 2 conflicts, 1 notice, 1 added, 1 dropped, 1 inconsistency",
            "! date changed: A1 [-last November-] → B1 {+late 2018+} — the summit",
            "! number changed: A2 [-About 14,000-] → B2 {+Some 18,000+}",
            "! date inconsistent in B: B1 {+late 2018+} ↔ B5 {+November+}",
            "~ attribution changed: A2 [-said-] → B1 {+claimed+}",
            "+ B4 added: number {+3,000+} (sentence added)",
            "- A3 dropped: quote [-\"partners, not rivals\"-] (sentence dropped)",
            "Sentences",
        ];
        let mut last = 0;
        for line in order {
            let p = pos(&out, line);
            assert!(p >= last, "{line:?} out of order in:\n{out}");
            last = p;
        }
        // The summary line counts the claims, the note follows it.
        let first = out.lines().next().unwrap();
        assert!(
            first.contains("claims: 3 changed, 1 added, 1 dropped (2 conflicts)"),
            "{first}"
        );
        assert!(first.contains("1 inconsistency"), "{first}");
        assert!(out
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("note: dates resolved against 2024"));
    }

    #[test]
    fn claims_snapshots() {
        let r = sample::report_with_claims();
        snap("claims_text", &plain(&r, 80));
        snap(
            "claims_tags",
            &render_with(&r, Palette::tags(), 80, None, false),
        );
        snap(
            "claims_side_by_side",
            &render_with(&r, Palette::plain(), 100, None, true),
        );
    }

    #[test]
    fn added_and_dropped_claims_are_grouped_by_sentence_and_shortened() {
        assert_eq!(shorten("  short one  "), "short one");
        let long = "We are now focused on areas where we are working to cooperate, but we are also";
        let s = shorten(long);
        assert!(
            s.ends_with('…') && s.chars().count() <= SHORT_CLAIM + 1,
            "{s}"
        );
        assert!(long.starts_with(s.trim_end_matches('…')), "{s}");
        assert_eq!(shorten(&"é".repeat(100)).chars().count(), SHORT_CLAIM + 1);
    }

    #[test]
    fn no_claims_section_without_claims() {
        let r = by_hand(&["One."], &["One!"], &[(Edited, &[0], &[0])]);
        let out = plain(&r, 0);
        assert!(!out.contains("Claims"));
        assert!(!out.contains("Sentences"));
        assert!(out.lines().next().unwrap().ends_with("claims: none differ"));
    }

    #[test]
    fn row_markers_and_word_highlights_without_colour() {
        let r = by_hand(
            &[
                "The bridge closes on March 3.",
                "It was built in 1901.",
                "Gone now.",
            ],
            &[
                "The bridge closes on March 10.",
                "It was built in 1901.",
                "New here.",
            ],
            &[
                (Edited, &[0], &[0]),
                (Equal, &[1], &[1]),
                (Dropped, &[2], &[]),
                (Added, &[], &[2]),
            ],
        );
        let out = plain(&r, 0);
        let body: Vec<&str> = out.lines().skip(2).collect();
        assert_eq!(
            body,
            [
                "~ A0  The bridge closes on March [-3.-]",
                "~ B0  The bridge closes on March {+10.+}",
                "= B1  It was built in 1901.",
                "- A2  Gone now.",
                "+ B2  New here.",
            ]
        );
        let tags = render_with(&r, Palette::tags(), 0, None, false);
        assert!(tags.contains("March [del]3.[/del]"), "{tags}");
        assert!(tags.contains("[dim]It was built in 1901.[/dim]"), "{tags}");
        assert!(
            tags.contains("[del]-[/del] [dim]A2[/dim]  [del]Gone now.[/del]"),
            "{tags}"
        );
    }

    #[test]
    fn adjacent_changed_words_form_one_highlight() {
        let r = by_hand(&["x b c y"], &["x d e y"], &[(Edited, &[0], &[0])]);
        let out = plain(&r, 0);
        assert!(out.contains("x [-b c-] y"), "{out}");
        assert!(out.contains("x {+d e+} y"), "{out}");
    }

    #[test]
    fn moved_rows_say_where_they_came_from() {
        let r = by_hand(
            &["One.", "Two.", "Three."],
            &["Three.", "One.", "Two!"],
            &[
                (Moved, &[2], &[0]),
                (Equal, &[0], &[1]),
                (Moved, &[1], &[2]),
            ],
        );
        let out = plain(&r, 0);
        assert!(
            out.contains("> B0  Three. (A2, moved from after A1)"),
            "{out}"
        );
        assert!(out.contains("> A1  [-Two.-]"), "{out}");
        assert!(
            out.contains("> B2  {+Two!+} (moved from after A0)"),
            "{out}"
        );
        let r = by_hand(
            &["One.", "Two."],
            &["Two.", "One."],
            &[(Moved, &[0], &[1]), (Equal, &[1], &[0])],
        );
        assert!(plain(&r, 0).contains("(A0, moved from the start of A)"));
    }

    #[test]
    fn furniture_is_dimmed_and_marked() {
        let r = by_hand(
            &["Story.", "Related Articles"],
            &["Story.", "Back to top"],
            &[
                (Equal, &[0], &[0]),
                (Dropped, &[1], &[]),
                (Added, &[], &[1]),
            ],
        );
        let out = plain(&r, 0);
        assert!(out.contains("- A1  Related Articles (furniture)"), "{out}");
        assert!(out.contains("+ B1  Back to top (furniture)"), "{out}");
        let tags = render_with(&r, Palette::tags(), 0, None, false);
        assert!(
            tags.contains("[dim]+[/dim] [dim]B1[/dim]  [dim]Back to top[/dim]"),
            "{tags}"
        );
    }

    #[test]
    fn context_folds_unchanged_runs() {
        let a: Vec<String> = (0..20).map(|i| format!("Sentence {i}.")).collect();
        let mut b = a.clone();
        b[10] = "Sentence ten.".to_string();
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        let ids: Vec<[usize; 1]> = (0..20).map(|i| [i]).collect();
        let rows: Vec<(RowOp, &[usize], &[usize])> = (0..20)
            .map(|i| {
                (
                    if i == 10 { Edited } else { Equal },
                    &ids[i][..],
                    &ids[i][..],
                )
            })
            .collect();
        let r = by_hand(&a, &b, &rows);
        let out = render_with(&r, Palette::plain(), 0, Some(2), false);
        let body: Vec<&str> = out.lines().skip(2).collect();
        assert_eq!(
            body,
            [
                "  … 8 unchanged sentences …",
                "= B8   Sentence 8.",
                "= B9   Sentence 9.",
                "~ A10  Sentence [-10.-]",
                "~ B10  Sentence {+ten.+}",
                "= B11  Sentence 11.",
                "= B12  Sentence 12.",
                "  … 7 unchanged sentences …",
            ]
        );
        let out = render_with(&r, Palette::plain(), 0, Some(0), false);
        assert!(out.contains("… 10 unchanged sentences …") && out.contains("… 9 unchanged"));
        let all = render_with(&r, Palette::plain(), 0, None, false);
        assert_eq!(all.lines().filter(|l| l.starts_with('=')).count(), 19);
        let one = by_hand(&["A."], &["A."], &[(Equal, &[0], &[0])]);
        // Without any change, only the summary line is printed (as diff prints nothing);
        // with every sentence asked for, the sentence is shown.
        let out = render_with(&one, Palette::plain(), 0, Some(3), false);
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(out.contains("claims: none differ"), "{out}");
        let out = render_with(&one, Palette::plain(), 0, None, false);
        assert!(out.contains("= B0"), "{out}");
    }

    #[test]
    fn lines_fit_the_width_and_continuations_keep_the_marker() {
        let r = sample::report_with_claims();
        for width in [30, 41, 60, 80, 133] {
            // Side by side needs 5 + 2 × 4 columns of gutter and 2 × MIN_TEXT_WIDTH of text.
            for sbs in [false, true].into_iter().filter(|&s| !s || width >= 37) {
                let out = render_with(&r, Palette::plain(), width, None, sbs);
                for line in out.lines() {
                    assert!(
                        wrap::width(line) <= width,
                        "width {width} sbs {sbs}: {line:?} is {} wide",
                        wrap::width(line)
                    );
                }
            }
        }
        let long = "word ".repeat(40);
        let r = by_hand(&[&long], &[], &[(Dropped, &[0], &[])]);
        let out = plain(&r, 40);
        let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('-')).collect();
        assert!(rows.len() > 3);
        assert!(rows[0].starts_with("- A0  word"));
        for l in &rows[1..] {
            assert!(l.starts_with("-     word"), "{l:?}");
        }
    }

    #[test]
    fn wide_characters_wrap_by_columns() {
        let s = "北京市政府周五表示，这座桥将关闭三周。".repeat(3);
        let r = by_hand(&[&s], &[], &[(Dropped, &[0], &[])]);
        for width in [20, 33, 50] {
            for line in plain(&r, width).lines() {
                assert!(wrap::width(line) <= width, "{line}");
            }
        }
    }

    #[test]
    fn control_characters_from_the_input_are_escaped() {
        let evil = "Hi\u{1b}[2J\u{1b}]0;title\u{7} there\u{9b}31m \u{202e}txt.exe";
        let r = by_hand(
            &[evil, "x"],
            &[evil, "y"],
            &[(Equal, &[0], &[0]), (Edited, &[1], &[1])],
        );
        for palette in [Palette::plain(), Palette::tags()] {
            for sbs in [false, true] {
                let out = render_with(&r, palette, 0, None, sbs);
                assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
                assert!(out.contains("Hi\\u{1b}[2J\\u{1b}]0;title\\u{7}"), "{out}");
                assert!(out.contains("\\u{202e}txt.exe"), "{out}");
            }
        }
        // With colour, the only escapes are the palette's own SGR sequences.
        let out = render_with(&r, Palette::ansi(), 60, None, false);
        let mut rest = out.as_str();
        while let Some(i) = rest.find('\u{1b}') {
            rest = &rest[i + 1..];
            let end = rest.find('m').expect("SGR ends with m");
            assert!(rest.starts_with('['), "{rest:?}");
            assert!(
                rest[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
                "{rest:?}"
            );
        }
    }

    #[test]
    fn a_change_ending_in_the_markers_character_does_not_run_into_it() {
        let p = Palette::plain();
        let text = |v: Vec<Span>| v.iter().map(|s| s.text.as_str()).collect::<String>();
        assert_eq!(
            text(highlighted(&p, Class::Del, "BEIJING -")),
            "[-BEIJING - -]"
        );
        assert_eq!(text(highlighted(&p, Class::Ins, "up +5")), "{+up +5+}");
        assert_eq!(text(highlighted(&p, Class::Ins, "C++")), "{+C++ +}");
        assert_eq!(
            text(highlighted(&p, Class::Del, "-5 degrees")),
            "[- -5 degrees-]"
        );
        assert_eq!(text(highlighted(&p, Class::Del, "March 3")), "[-March 3-]");
    }

    #[test]
    fn labels_name_runs_of_ids() {
        assert_eq!(label(SideId::A, &[3]), "A3");
        assert_eq!(label(SideId::B, &[1, 2]), "B1,2");
        assert_eq!(label(SideId::B, &[4, 5, 6, 7]), "B4-7");
        assert_eq!(label(SideId::A, &[0, 2, 3, 4, 9]), "A0,2-4,9");
        assert_eq!(label(SideId::A, &[]), "A");
    }

    #[test]
    fn empty_report_renders() {
        let r = by_hand(&[], &[], &[]);
        let out = plain(&r, 0);
        assert_eq!(out, "a.txt → b.txt: 0 equal, 0 edited, 0 moved, 0 added, 0 dropped · claims: none differ\n\n");
        let out = render_with(&r, Palette::plain(), 80, Some(1), true);
        assert!(out.starts_with("a.txt → b.txt"));
    }
}
