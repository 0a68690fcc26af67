//! html: the report as one self-contained HTML page (`--format html`).
//!
//! Input: a [`Report`]. Output: a complete HTML5 document on any `io::Write`. Invariants: every
//! piece of input text is HTML-escaped; the page loads nothing from elsewhere (inline CSS, no
//! scripts, no fonts or images), so it works offline and from a mail attachment; the output is
//! deterministic (same report, same bytes).
//!
//! Layout, top to bottom: a header with the two paths and the counts; the claims, conflicts
//! first (inconsistencies inside one text, then conflicting claims, then notices), each linking
//! to the sentences it cites (and underlined in the text, `<mark>`); the notes on how the result was obtained; then the two versions
//! side by side, one alignment row per grid row, with the word diff highlighted (`<del>`,
//! `<ins>`). A moved row carries a link back to a marker left where it stood in A, and the
//! marker links forward to the row. Dropped and added rows are marked in words as well as
//! colour (so they survive printing in black and white); page furniture is greyed. Under 700
//! CSS pixels the two columns become one, each cell labelled A or B.

use std::io::{self, Write};

use crate::report::{
    Change, ClaimChange, ClaimKind, ClaimSpan, DiffOp, Inconsistency, Report, Row, RowOp, Severity,
    SideId,
};

/// The page's style sheet. Kept small and free of external references (`url(`), which a test
/// checks.
const CSS: &str = r#"
:root{--del:#ffe0e0;--del-ink:#a30000;--ins:#dcf5dc;--ins-ink:#0a5c0a;--mov:#e3f0ff;--mov-ink:#0b4f9c;--dim:#767676;--line:#d8d8d8;--conf:#b00020;--note:#8a5a00}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1200px;padding:1rem 1.25rem 3rem;font:16px/1.5 Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff}
header h1{font:600 1.4rem/1.2 system-ui,sans-serif;margin:0 0 .25rem}
h2{font:600 1.1rem/1.3 system-ui,sans-serif;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
.paths,.counts,.legend,.kind,.badge,.side-label,.colhead,.mark{font-family:system-ui,sans-serif}
.paths{margin:.25rem 0;word-break:break-all}
.counts{margin:.25rem 0;color:#333;font-size:.9rem}
.claims ol{list-style:none;padding:0;margin:0}
.claim{border-left:4px solid var(--note);background:#fff8e6;padding:.5rem .75rem;margin:.5rem 0}
.claim.conflict{border-left-color:var(--conf);background:#fdecee}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .35rem;border-radius:3px;color:#fff;background:var(--note)}
.conflict .badge{background:var(--conf)}
.kind{font-size:.8rem;color:#444;margin-left:.35rem}
.msg{margin:.2rem 0}
.spans{margin:.2rem 0 0;padding:0;list-style:none;font-size:.95rem}
.spans a{color:inherit}
.claim.notice{padding:.3rem .75rem;margin:.3rem 0}
.claim.notice .msg,.claim.notice .spans,.claim.notice .spans li{display:inline}
.claim.notice .msg{margin-left:.35rem}
.claim.notice .spans li{margin-left:.6rem}
.claim.refinement{border-left-color:#2a7ab0;background:#eef6fc;padding:.3rem .75rem;margin:.3rem 0}
.refinement .badge{background:#2a7ab0}
.why{font-size:.8rem;color:#555;margin:.2rem 0 0}
.none{color:var(--dim);font-style:italic}
.notes li{color:#444}
.quotes table{border-collapse:collapse;width:100%;font-size:.95rem}
.quotes th,.quotes td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
.quotes tr.speaker th{font-family:system-ui,sans-serif;background:#f4f4f4}
.quotes tr.conflict td:first-child{color:var(--conf);font-weight:700}
.quotes tr.notice td:first-child{color:var(--note)}
.quotes tr.dropped td:first-child{color:var(--del-ink)}
.quotes tr.added td:first-child{color:var(--ins-ink)}
.quotes td.empty{color:var(--dim)}
.quotes a{color:inherit}
.legend{font-size:.85rem;color:#333}
.legend span{margin-right:.75rem}
.grid{border-top:1px solid var(--line)}
.colhead,.row{display:grid;grid-template-columns:1fr 1fr;column-gap:1.25rem}
.colhead{font-weight:600;font-size:.9rem;padding:.4rem 0;border-bottom:1px solid var(--line);word-break:break-all}
.row{border-bottom:1px solid var(--line);padding:.45rem 0}
.cell{min-width:0;overflow-wrap:anywhere}
.cell.empty{color:var(--dim);font-style:italic}
.mark{display:block;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--dim)}
.side-label{display:none}
.sid{float:right;margin-left:.5rem;font:.7rem/1.6 system-ui,sans-serif;color:var(--dim)}
del{background:var(--del);color:var(--del-ink);text-decoration:line-through}
ins{background:var(--ins);color:var(--ins-ink);text-decoration:underline}
.dropped .a{background:var(--del)}
.dropped .a .mark{color:var(--del-ink)}
.added .b{background:var(--ins)}
.added .b .mark{color:var(--ins-ink)}
.moved .b,.moved-from .a{background:var(--mov)}
.moved .mark,.moved-from .mark{color:var(--mov-ink)}
.moved-from .a{font-family:system-ui,sans-serif;font-size:.9rem}
.furniture .cell{color:var(--dim)}
.headline .cell:not(.empty){font-weight:700}
.equal .cell{color:#333}
mark{background:none;color:inherit;border-bottom:3px solid var(--note);padding-bottom:1px}
mark.conflict{border-bottom-color:var(--conf)}
:target{outline:3px solid #f0b400;outline-offset:2px}
a{color:var(--mov-ink)}
@media (max-width:700px){
body{padding:.75rem .75rem 2rem;font-size:15px}
.colhead{display:none}
.row{grid-template-columns:1fr;row-gap:.25rem}
.side-label{display:inline;font-weight:700;font-size:.75rem;color:var(--dim);margin-right:.35rem}
.cell.empty{display:none}
}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
a{color:inherit;text-decoration:none}
.row,.claim{break-inside:avoid}
.claim,.claim.conflict{background:none}
del,ins,.dropped .a,.added .b,.moved .b,.moved-from .a{background:none}
:target{outline:none}
}
"#;

/// Writes `report` as one self-contained HTML page.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let title = format!("storydiff: {} → {}", report.a.path, report.b.path);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"storydiff\">")?;
    writeln!(out, "<title>{}</title>", esc(&title))?;
    writeln!(out, "<style>{CSS}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    header(report, out)?;
    claims(report, out)?;
    quotes(report, out)?;
    notes(report, out)?;
    versions(report, out)?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// Escapes text for element content and double- or single-quoted attribute values. Control
/// characters (ESC, BEL, BS, DEL, C1 such as U+009B) and the characters that reorder or hide
/// text are shown as the text output shows them (`\u{1b}`), so a page saved from the report
/// and later `cat` to a terminal cannot act on it; tab and line ends are HTML white space.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if c.is_control() || super::escape::needs_escape(c) => {
                o.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            _ => o.push(c),
        }
    }
    o
}

fn header(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.summary;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>storydiff</h1>")?;
    writeln!(
        out,
        "<p class=\"paths\"><b>A</b> {} &nbsp;→&nbsp; <b>B</b> {}</p>",
        esc(&report.a.path),
        esc(&report.b.path)
    )?;
    writeln!(
        out,
        "<p class=\"counts\">{}, {}; claims: {} changed, {} added, \
         {} dropped; sentences: {} equal, {} edited, {} moved, {} added, {} dropped</p>",
        plural(s.conflicts, "conflict", "conflicts"),
        plural(s.inconsistencies, "inconsistency", "inconsistencies"),
        s.claims_changed,
        s.claims_added,
        s.claims_dropped,
        s.equal,
        s.edited,
        s.moved,
        s.added,
        s.dropped
    )?;
    writeln!(out, "</header>")
}

/// One entry of the claims list, in display order.
enum Item<'a> {
    Inconsistency(&'a Inconsistency),
    Claim(&'a ClaimChange),
    /// A passage one version alone carries, with the claims in it.
    Passage(&'a crate::report::Passage, Vec<&'a ClaimChange>),
}

fn claims(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    // The order of the text output: conflicts between the versions, then the in-text
    // inconsistencies (contradictions too), then the softer changes, then what one version
    // alone states (added, then dropped). Within each group the report's order is kept
    // (stable), so output stays deterministic.
    let group = |c: &ClaimChange| match (c.severity, c.change) {
        (Severity::Conflict, _) => 0,
        (_, Change::Changed) => 2,
        (_, Change::Added) => 3,
        (_, Change::Dropped) => 4,
    };
    let mut items: Vec<Item> = report
        .claims
        .iter()
        .filter(|c| group(c) == 0)
        .map(Item::Claim)
        .collect();
    items.extend(report.inconsistencies.iter().map(Item::Inconsistency));
    items.extend(
        report
            .claims
            .iter()
            .filter(|c| group(c) == 2)
            .map(Item::Claim),
    );
    // Added, then dropped: a passage (consecutive sentences the other version lacks) is one
    // entry with the claims in it, as in the text output.
    for (g, side) in [(3, SideId::B), (4, SideId::A)] {
        let span_of = |c: &'_ ClaimChange| match side {
            SideId::A => c.a.as_ref().map(|s| s.sentence),
            SideId::B => c.b.as_ref().map(|s| s.sentence),
        };
        let passages: Vec<&crate::report::Passage> =
            report.passages.iter().filter(|p| p.side == side).collect();
        let within = |c: &ClaimChange| {
            span_of(c).is_some_and(|k| passages.iter().any(|p| p.first <= k && k <= p.last))
        };
        for p in &passages {
            let inside: Vec<&ClaimChange> = report
                .claims
                .iter()
                .filter(|c| {
                    group(c) == g && span_of(c).is_some_and(|k| p.first <= k && k <= p.last)
                })
                .collect();
            items.push(Item::Passage(p, inside));
        }
        items.extend(
            report
                .claims
                .iter()
                .filter(|c| group(c) == g && !within(c))
                .map(Item::Claim),
        );
    }
    writeln!(out, "<section class=\"claims\" id=\"claims\">")?;
    writeln!(out, "<h2>Claims</h2>")?;
    if items.is_empty() {
        writeln!(
            out,
            "<p class=\"none\">No claim (date, figure, name, quote, negation, attribution) \
             differs between the two versions.</p>"
        )?;
        return writeln!(out, "</section>");
    }
    writeln!(out, "<ol>")?;
    for (n, item) in items.iter().enumerate() {
        match item {
            Item::Inconsistency(i) => {
                let side = side_letter(i.side);
                writeln!(out, "<li class=\"claim conflict\" id=\"claim-{n}\">")?;
                writeln!(
                    out,
                    "<span class=\"badge\">conflict</span><span class=\"kind\">{} · inside {}</span>",
                    kind_name(i.kind),
                    side
                )?;
                writeln!(out, "<p class=\"msg\">{}</p>", esc(&i.message))?;
                writeln!(out, "<ul class=\"spans\">")?;
                span_item(out, i.side, "first", &i.first)?;
                span_item(out, i.side, "then", &i.second)?;
                writeln!(out, "</ul>")?;
                writeln!(out, "</li>")?;
            }
            Item::Passage(p, inside) => {
                let (letter, other, change) = match p.side {
                    SideId::A => ("A", "B", "dropped"),
                    SideId::B => ("B", "A", "added"),
                };
                writeln!(out, "<li class=\"claim notice passage\" id=\"claim-{n}\">")?;
                writeln!(
                    out,
                    "<span class=\"badge\">notice</span><span class=\"kind\">passage {change}</span>"
                )?;
                writeln!(
                    out,
                    "<p class=\"msg\"><a href=\"#{}\">{letter}{}–{letter}{}</a>: {} sentences {other} does not carry</p>",
                    sentence_anchor(p.side, p.first),
                    p.first,
                    p.last,
                    p.sentences
                )?;
                if !inside.is_empty() {
                    writeln!(out, "<ul class=\"spans\">")?;
                    for c in inside {
                        let span = match p.side {
                            SideId::A => c.a.as_ref(),
                            SideId::B => c.b.as_ref(),
                        };
                        if let Some(sp) = span {
                            span_item(out, p.side, kind_name(c.kind), sp)?;
                        }
                    }
                    writeln!(out, "</ul>")?;
                }
                writeln!(out, "</li>")?;
            }
            Item::Claim(c) => {
                let sev = match (c.severity, c.verdict) {
                    (Severity::Conflict, _) => "conflict",
                    (_, Some(crate::report::Verdict::Refinement)) => "refinement",
                    _ => "notice",
                };
                let change = match c.change {
                    Change::Changed => "changed",
                    Change::Added => "added",
                    Change::Dropped => "dropped",
                };
                writeln!(out, "<li class=\"claim {sev}\" id=\"claim-{n}\">")?;
                writeln!(
                    out,
                    "<span class=\"badge\">{sev}</span><span class=\"kind\">{} {change}</span>",
                    kind_name(c.kind)
                )?;
                // A misquote points to its ledger entry, which shows the words that differ.
                match super::ledger_entry(report, c) {
                    Some(k) => {
                        let change = super::quote_change(&report.quotes[k]);
                        let what = if change.is_empty() {
                            "misquoted".to_string()
                        } else {
                            format!("misquoted: {change}")
                        };
                        writeln!(
                            out,
                            "<p class=\"msg\">{} (<a href=\"#quote-{k}\">quote ledger</a>)</p>",
                            esc(&what)
                        )?;
                    }
                    None => writeln!(out, "<p class=\"msg\">{}</p>", esc(&c.message))?,
                }
                writeln!(out, "<ul class=\"spans\">")?;
                if let Some(a) = &c.a {
                    span_item(out, SideId::A, "A", a)?;
                }
                if let Some(b) = &c.b {
                    span_item(out, SideId::B, "B", b)?;
                }
                writeln!(out, "</ul>")?;
                if let Some(why) = &c.paired_by {
                    let mut parts = vec![if why.row {
                        "the two sentences are aligned".to_string()
                    } else {
                        "the two sentences are not aligned".to_string()
                    }];
                    if !why.words.is_empty() {
                        parts.push(format!("both say “{}”", why.words.join(", ")));
                    }
                    if let Some(who) = &why.speaker {
                        parts.push(format!("both give it to {who}"));
                    }
                    writeln!(
                        out,
                        "<p class=\"why\">Paired because {}.</p>",
                        esc(&parts.join("; "))
                    )?;
                }
                writeln!(out, "</li>")?;
            }
        }
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</section>")
}

/// The quote ledger as a table by speaker (in order of first appearance): each quotation's
/// relation, its words in A and in B with how each version gives them (verb and venue), and
/// the words that differ. Entries are `quote-N`, N the index into the JSON `quotes`.
fn quotes(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    use crate::report::QuoteRelation as R;
    if report.quotes.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section class=\"quotes\" id=\"quotes\">")?;
    writeln!(out, "<h2>Quotes</h2>")?;
    writeln!(out, "<table>")?;
    writeln!(
        out,
        "<thead><tr><th>How they relate</th><th>A</th><th>B</th><th>What differs</th></tr></thead>"
    )?;
    let mut order: Vec<String> = Vec::new();
    for q in &report.quotes {
        let s = super::quote_speaker(q);
        if !order.contains(&s) {
            order.push(s);
        }
    }
    let cell =
        |side: SideId, s: &Option<ClaimSpan>, verb: &Option<String>, venue: &Option<String>| {
            let Some(s) = s else {
                return "<td class=\"empty\">—</td>".to_string();
            };
            let how = [verb.as_deref(), venue.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let how = if how.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"kind\">{}</span>", esc(&how))
            };
            format!(
                "<td><a href=\"#{}\">“{}”</a> <span class=\"kind\">({}{})</span>{how}</td>",
                sentence_anchor(side, s.sentence),
                esc(&s.text),
                side_letter(side),
                s.sentence
            )
        };
    for who in &order {
        writeln!(out, "<tbody>")?;
        writeln!(
            out,
            "<tr class=\"speaker\"><th colspan=\"4\">{}</th></tr>",
            esc(who)
        )?;
        for (k, q) in report
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| &super::quote_speaker(q) == who)
        {
            let (class, what) = match q.relation {
                R::Same => ("same", "same words"),
                R::Shortened => ("notice", "quoted shorter in one version"),
                R::Overlap => ("notice", "quoted in part, differently cut"),
                R::Misquoted => ("conflict", "misquoted"),
                R::SpeakerChanged => ("conflict", "given to another speaker"),
                R::Unquoted => ("notice", "quoted in one, reported speech in the other"),
                R::Dropped => ("dropped", "in A only"),
                R::Added => ("added", "in B only"),
            };
            let mut change = super::quote_change(q);
            if let (R::SpeakerChanged, Some(x), Some(y)) = (q.relation, &q.speaker_a, &q.speaker_b)
            {
                change = format!("{x} in A, {y} in B");
            }
            writeln!(
                out,
                "<tr class=\"{class}\" id=\"quote-{k}\"><td>{what}</td>{}{}<td>{}</td></tr>",
                cell(SideId::A, &q.a, &q.verb_a, &q.venue_a),
                cell(SideId::B, &q.b, &q.verb_b, &q.venue_b),
                esc(&change)
            )?;
        }
        writeln!(out, "</tbody>")?;
    }
    writeln!(out, "</table>")?;
    writeln!(out, "</section>")
}

fn span_item(out: &mut dyn Write, side: SideId, label: &str, s: &ClaimSpan) -> io::Result<()> {
    writeln!(
        out,
        "<li>{label}: <a href=\"#{}\">“{}”</a> <span class=\"kind\">({}{})</span></li>",
        sentence_anchor(side, s.sentence),
        esc(&s.text),
        side_letter(side),
        s.sentence
    )
}

fn notes(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if report.notes.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section class=\"notes\" id=\"notes\">")?;
    writeln!(out, "<h2>Notes</h2>")?;
    writeln!(out, "<ul>")?;
    for n in &report.notes {
        writeln!(
            out,
            "<li><code>{}</code> {}</li>",
            esc(&n.code),
            esc(&n.message)
        )?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</section>")
}

/// Where each moved row stood in A: for every moved row (by index), the index of the row before
/// which its marker goes (`rows.len()` for the end).
fn moved_origins(rows: &[Row]) -> Vec<(usize, usize)> {
    let mut origins = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.op != RowOp::Moved {
            continue;
        }
        let Some(&k) = row.a.iter().min() else {
            continue;
        };
        // The marker goes before the first in-order row holding a later A sentence.
        let before = rows
            .iter()
            .position(|r| {
                r.op != RowOp::Moved && r.op != RowOp::Added && r.a.iter().any(|&x| x > k)
            })
            .unwrap_or(rows.len());
        origins.push((before, i));
    }
    // Stable by position, then by row, so that several markers before one row keep row order.
    origins.sort();
    origins
}

fn versions(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<section class=\"versions\" id=\"versions\">")?;
    writeln!(out, "<h2>The two versions</h2>")?;
    writeln!(
        out,
        "<p class=\"legend\"><span><del>deleted words</del></span><span><ins>inserted words</ins></span>\
         <span><mark class=\"conflict\">claim in conflict</mark></span><span><mark class=\"notice\">claim noticed</mark></span><span>DROPPED: only in A</span><span>ADDED: only in B</span><span>MOVED: out of A's order</span>\
         <span class=\"furniture-key\">grey: page furniture</span></p>"
    )?;
    writeln!(out, "<div class=\"grid\">")?;
    writeln!(
        out,
        "<div class=\"colhead\"><div>A: {}</div><div>B: {}</div></div>",
        esc(&report.a.path),
        esc(&report.b.path)
    )?;
    let origins = moved_origins(&report.alignment);
    let mut next_origin = 0;
    for (i, row) in report.alignment.iter().enumerate() {
        while next_origin < origins.len() && origins[next_origin].0 == i {
            moved_marker(report, origins[next_origin].1, out)?;
            next_origin += 1;
        }
        row_html(report, i, row, out)?;
    }
    for &(_, r) in &origins[next_origin..] {
        moved_marker(report, r, out)?;
    }
    writeln!(out, "</div>")?;
    writeln!(out, "</section>")
}

/// The marker left in A's column where a moved row's sentences stood.
fn moved_marker(report: &Report, row_index: usize, out: &mut dyn Write) -> io::Result<()> {
    let Some(row) = report.alignment.get(row_index) else {
        return Ok(());
    };
    let text = side_text(report, SideId::A, &row.a);
    writeln!(
        out,
        "<div class=\"row moved-from\" id=\"from-{row_index}\"><div class=\"cell a\">\
         <span class=\"side-label\">A</span><span class=\"mark\">moved from here</span>\
         <a href=\"#row-{row_index}\">“{}” → where it stands in B</a></div>\
         <div class=\"cell b empty\">—</div></div>",
        esc(&preview(&text, 80)),
    )
}

fn row_html(report: &Report, i: usize, row: &Row, out: &mut dyn Write) -> io::Result<()> {
    let a_sents: Vec<&crate::report::Sentence> = row
        .a
        .iter()
        .filter_map(|&k| report.a.sentences.get(k))
        .collect();
    let b_sents: Vec<&crate::report::Sentence> = row
        .b
        .iter()
        .filter_map(|&k| report.b.sentences.get(k))
        .collect();
    let all = a_sents.iter().chain(b_sents.iter());
    let furniture = a_sents.len() + b_sents.len() > 0 && all.clone().all(|s| s.furniture);
    let headline = !furniture
        && a_sents.len() + b_sents.len() > 0
        && all.clone().all(|s| s.role == crate::report::Role::Headline);
    let op = match row.op {
        RowOp::Equal => "equal",
        RowOp::Edited => "edited",
        RowOp::Moved => "moved",
        RowOp::Added => "added",
        RowOp::Dropped => "dropped",
    };
    let mut class = format!("row {op}");
    if furniture {
        class.push_str(" furniture");
    }
    if headline {
        class.push_str(" headline");
    }
    let (a_html, b_html) = cell_texts(report, row);
    let mark = |side: SideId| -> String {
        let f = if furniture { " · furniture" } else { "" };
        match (row.op, side) {
            (RowOp::Dropped, SideId::A) => format!("<span class=\"mark\">dropped{f}</span>"),
            (RowOp::Added, SideId::B) => format!("<span class=\"mark\">added{f}</span>"),
            (RowOp::Moved, SideId::B) => format!(
                "<span class=\"mark\">moved{f} · <a href=\"#from-{i}\">from where it stood in A</a></span>"
            ),
            (RowOp::Edited, SideId::B) if !f.is_empty() => {
                "<span class=\"mark\">furniture</span>".to_string()
            }
            (RowOp::Equal, SideId::B) if !f.is_empty() => {
                "<span class=\"mark\">furniture</span>".to_string()
            }
            _ => String::new(),
        }
    };
    write!(out, "<div class=\"{class}\" id=\"row-{i}\">")?;
    for (side, ids, html) in [(SideId::A, &row.a, a_html), (SideId::B, &row.b, b_html)] {
        let letter = side_letter(side);
        let lower = letter.to_ascii_lowercase();
        if ids.is_empty() {
            let what = match side {
                SideId::A => "not in A",
                SideId::B => "not in B",
            };
            write!(
                out,
                "<div class=\"cell {lower} empty\"><span class=\"side-label\">{letter}</span>— {what}</div>"
            )?;
            continue;
        }
        // Sentence ids as the text output and the JSON number them (A0, B3).
        let sid = ids
            .iter()
            .map(|k| format!("{letter}{k}"))
            .collect::<Vec<_>>()
            .join(" ");
        write!(
            out,
            "<div class=\"cell {lower}\"><span class=\"sid\">{sid}</span>{}",
            mark(side)
        )?;
        for &k in ids.iter() {
            write!(out, "<a id=\"{}\"></a>", sentence_anchor(side, k))?;
        }
        write!(out, "{html}</div>")?;
    }
    writeln!(out, "</div>")
}

/// The A and B cell contents of a row, escaped, with the word diff marked where there is one
/// and the claim spans of the row's sentences highlighted (`<mark>`).
fn cell_texts(report: &Report, row: &Row) -> (String, String) {
    let has_diff =
        !row.a.is_empty() && !row.b.is_empty() && row.diff.iter().any(|c| c.op != DiffOp::Equal);
    let mut out = [SideId::A, SideId::B].map(|side| {
        let ids = match side {
            SideId::A => &row.a,
            SideId::B => &row.b,
        };
        let joined = side_text(report, side, ids);
        let pieces: Vec<(Option<&'static str>, &str)> = if has_diff {
            row.diff
                .iter()
                .filter_map(|c| match (c.op, side) {
                    (DiffOp::Equal, _) => Some((None, c.text.as_str())),
                    (DiffOp::Delete, SideId::A) => Some((Some("del"), c.text.as_str())),
                    (DiffOp::Insert, SideId::B) => Some((Some("ins"), c.text.as_str())),
                    _ => None,
                })
                .collect()
        } else {
            vec![(None, joined.as_str())]
        };
        // Claim spans map onto the cell only when the pieces spell the sentences exactly.
        let spelled: String = pieces.iter().map(|(_, t)| *t).collect();
        let marks = if spelled == joined {
            claim_marks(report, side, ids)
        } else {
            Vec::new()
        };
        cell_html(&pieces, &marks)
    });
    let b = std::mem::take(&mut out[1]);
    let a = std::mem::take(&mut out[0]);
    (a, b)
}

/// Byte ranges, in the cell's joined text, of the claim and inconsistency spans on `side`
/// that fall in the sentences `ids`, with the class of each (`conflict` or `notice`).
fn claim_marks(report: &Report, side: SideId, ids: &[usize]) -> Vec<(usize, usize, &'static str)> {
    let sents = &report.side(side).sentences;
    let mut spans: Vec<(&ClaimSpan, &'static str)> = Vec::new();
    for c in &report.claims {
        let class = match c.severity {
            Severity::Conflict => "conflict",
            Severity::Notice => "notice",
        };
        let s = match side {
            SideId::A => &c.a,
            SideId::B => &c.b,
        };
        if let Some(s) = s {
            spans.push((s, class));
        }
    }
    for i in report.inconsistencies.iter().filter(|i| i.side == side) {
        spans.push((&i.first, "conflict"));
        spans.push((&i.second, "conflict"));
    }
    let mut marks = Vec::new();
    let mut base = 0;
    for &k in ids {
        let Some(sent) = sents.get(k) else { continue };
        for &(span, class) in &spans {
            if span.sentence != k || span.start < sent.start || span.end <= span.start {
                continue;
            }
            let (rs, re) = (span.start - sent.start, span.end - sent.start);
            if re <= sent.text.len()
                && sent.text.is_char_boundary(rs)
                && sent.text.is_char_boundary(re)
            {
                marks.push((base + rs, base + re, class));
            }
        }
        base += sent.text.len() + 1; // the joining space
    }
    marks.sort();
    marks
}

/// Renders text pieces (each plain or a `del`/`ins` highlight) with `<mark>`s over the given
/// byte ranges of their concatenation. White space at the edges of a highlight stays outside
/// it, so that highlights do not underline the gaps between words.
fn cell_html(
    pieces: &[(Option<&'static str>, &str)],
    marks: &[(usize, usize, &'static str)],
) -> String {
    // Split highlighted pieces into lead space, core, trail space.
    let mut runs: Vec<(Option<&'static str>, &str)> = Vec::new();
    for &(tag, text) in pieces {
        match tag {
            Some(t) if !text.trim().is_empty() => {
                let lead = &text[..text.len() - text.trim_start().len()];
                let trail = &text[text.trim_end().len()..];
                runs.push((None, lead));
                runs.push((Some(t), text.trim()));
                runs.push((None, trail));
            }
            _ => runs.push((None, text)),
        }
    }
    let mut html = String::new();
    let mut pos = 0;
    for (tag, text) in runs {
        let end = pos + text.len();
        // Cut the run at every mark boundary inside it.
        let mut cuts: Vec<usize> = vec![pos, end];
        for &(ms, me, _) in marks {
            for b in [ms, me] {
                if b > pos && b < end && text.is_char_boundary(b - pos) {
                    cuts.push(b);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let (s0, s1) = (w[0], w[1]);
            let piece = &text[s0 - pos..s1 - pos];
            if piece.is_empty() {
                continue;
            }
            let mark = marks.iter().find(|&&(ms, me, _)| ms <= s0 && s1 <= me);
            if let Some((_, _, class)) = mark {
                html.push_str(&format!("<mark class=\"{class}\">"));
            }
            match tag {
                Some(t) => html.push_str(&format!("<{t}>{}</{t}>", esc(piece))),
                None => html.push_str(&esc(piece)),
            }
            if mark.is_some() {
                html.push_str("</mark>");
            }
        }
        pos = end;
    }
    html
}

fn side_text(report: &Report, side: SideId, ids: &[usize]) -> String {
    let sents = &report.side(side).sentences;
    ids.iter()
        .filter_map(|&k| sents.get(k))
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `max` characters of `s` (on a char boundary), with an ellipsis when cut.
fn preview(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_string(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn sentence_anchor(side: SideId, id: usize) -> String {
    match side {
        SideId::A => format!("a-{id}"),
        SideId::B => format!("b-{id}"),
    }
}

fn side_letter(side: SideId) -> &'static str {
    match side {
        SideId::A => "A",
        SideId::B => "B",
    }
}

fn kind_name(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Date => "date",
        ClaimKind::Number => "number",
        ClaimKind::Money => "money",
        ClaimKind::Percent => "percent",
        ClaimKind::Name => "name",
        ClaimKind::Place => "place",
        ClaimKind::Quote => "quote",
        ClaimKind::Negation => "negation",
        ClaimKind::Attribution => "attribution",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{DiffChunk, Note, Reason, Role, Sentence, Side, Summary, SCHEMA};

    fn sent(id: usize, text: &str, furniture: bool) -> Sentence {
        Sentence {
            id,
            start: 0,
            end: text.len(),
            text: text.to_string(),
            furniture,
            role: if furniture {
                Role::Furniture
            } else {
                Role::Body
            },
            paragraph: id,
            dateline: None,
        }
    }

    fn span(sentence: usize, text: &str) -> ClaimSpan {
        ClaimSpan {
            sentence,
            start: 0,
            end: text.len(),
            text: text.to_string(),
        }
    }

    /// The span of `needle` in sentence `id` of `sents`.
    fn span_in(sents: &[Sentence], id: usize, needle: &str) -> ClaimSpan {
        let s = &sents[id];
        let at = s.start + s.text.find(needle).unwrap();
        ClaimSpan {
            sentence: id,
            start: at,
            end: at + needle.len(),
            text: needle.to_string(),
        }
    }

    /// A hand-made report with every row kind, one conflict, one notice and one inconsistency.
    fn sample() -> Report {
        let a = vec![
            sent(0, "The summit was held last November.", false),
            sent(1, "Talks lasted <b>five</b> hours & more.", false),
            sent(2, "Xi said they were partners.", false),
            sent(3, "Back to top", true),
        ];
        let b = vec![
            sent(0, "Xi said they were partners.", false),
            sent(1, "The summit was held in late 2018.", false),
            sent(2, "Talks lasted six hours & more.", false),
            sent(3, "Beijing denied it. <script>alert(1)</script>", false),
        ];
        let alignment = vec![
            Row {
                op: RowOp::Moved,
                a: vec![2],
                b: vec![0],
                similarity: 1.0,
                diff: vec![DiffChunk {
                    op: DiffOp::Equal,
                    text: "Xi said they were partners.".into(),
                }],
            },
            Row {
                op: RowOp::Edited,
                a: vec![0],
                b: vec![1],
                similarity: 0.7,
                diff: vec![
                    DiffChunk {
                        op: DiffOp::Equal,
                        text: "The summit was held ".into(),
                    },
                    DiffChunk {
                        op: DiffOp::Delete,
                        text: "last November".into(),
                    },
                    DiffChunk {
                        op: DiffOp::Insert,
                        text: "in late 2018".into(),
                    },
                    DiffChunk {
                        op: DiffOp::Equal,
                        text: ".".into(),
                    },
                ],
            },
            Row {
                op: RowOp::Edited,
                a: vec![1],
                b: vec![2],
                similarity: 0.8,
                diff: vec![
                    DiffChunk {
                        op: DiffOp::Equal,
                        text: "Talks lasted ".into(),
                    },
                    DiffChunk {
                        op: DiffOp::Delete,
                        text: "<b>five</b>".into(),
                    },
                    DiffChunk {
                        op: DiffOp::Insert,
                        text: "six".into(),
                    },
                    DiffChunk {
                        op: DiffOp::Equal,
                        text: " hours & more.".into(),
                    },
                ],
            },
            Row {
                op: RowOp::Added,
                a: vec![],
                b: vec![3],
                similarity: 0.0,
                diff: vec![],
            },
            Row {
                op: RowOp::Dropped,
                a: vec![3],
                b: vec![],
                similarity: 0.0,
                diff: vec![],
            },
        ];
        let date_a = span_in(&a, 0, "last November");
        let date_b = span_in(&b, 1, "late 2018");
        let mut r = Report {
            schema: SCHEMA.into(),
            a: Side {
                path: "a<1>.txt".into(),
                text: None,
                sentences: a,
            },
            b: Side {
                path: "b.txt".into(),
                text: None,
                sentences: b,
            },
            alignment,
            claims: vec![
                ClaimChange {
                    change: Change::Changed,
                    kind: ClaimKind::Number,
                    severity: Severity::Notice,
                    a: Some(span(1, "five")),
                    b: Some(span(2, "six")),
                    message: "a NOTICE first in the report".into(),
                    reason: Reason::Text("a NOTICE first in the report".into()),
                    verdict: None,
                    paired_by: None,
                },
                ClaimChange {
                    change: Change::Changed,
                    kind: ClaimKind::Date,
                    severity: Severity::Conflict,
                    a: Some(date_a),
                    b: Some(date_b.clone()),
                    message: "the summit is dated last November in A but late 2018 in B".into(),
                    reason: Reason::Text(
                        "the summit is dated last November in A but late 2018 in B".into(),
                    ),
                    verdict: None,
                    paired_by: None,
                },
            ],
            inconsistencies: vec![Inconsistency {
                side: SideId::B,
                kind: ClaimKind::Date,
                first: date_b.clone(),
                second: date_b,
                message: "B dates the summit twice".into(),
            }],
            quotes: vec![],
            passages: vec![],
            summary: Summary::default(),
            notes: vec![Note::text("date-inferred", "publication date <guessed>")],
        };
        r.recount();
        r
    }

    fn page(r: &Report) -> String {
        let mut v = Vec::new();
        render(r, &mut v).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn escapes_all_input_text() {
        let p = page(&sample());
        assert!(!p.contains("<script>"), "raw script tag in output");
        assert!(p.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(p.contains("<del>&lt;b&gt;five&lt;/b&gt;</del>"));
        assert!(p.contains("hours &amp; more."));
        assert!(p.contains("a&lt;1&gt;.txt"));
        assert!(p.contains("publication date &lt;guessed&gt;"));
        assert!(!p.contains("<b>five"));
    }

    #[test]
    fn self_contained() {
        let p = page(&sample());
        assert!(p.starts_with("<!DOCTYPE html>\n"));
        assert!(p.trim_end().ends_with("</html>"));
        for bad in [
            "http://", "https://", "url(", "<link", "<script", "<img", "@import",
        ] {
            assert!(!p.contains(bad), "page refers outside itself: {bad}");
        }
        assert!(p.contains("@media (max-width:700px)"));
        assert!(p.contains("@media print"));
        assert!(p.contains("name=\"viewport\""));
    }

    #[test]
    fn claims_on_top_conflicts_first() {
        let p = page(&sample());
        let claims = p.find("id=\"claims\"").unwrap();
        let versions = p.find("id=\"versions\"").unwrap();
        assert!(claims < versions);
        let incons = p.find("B dates the summit twice").unwrap();
        let conflict = p.find("late 2018 in B").unwrap();
        let notice = p.find("a NOTICE first in the report").unwrap();
        // The text output's order: conflicts, then inconsistencies, then notices.
        assert!(conflict < incons && incons < notice, "order wrong");
        assert!(conflict < versions && notice < versions);
        // Claim spans link to sentence anchors that exist.
        assert!(p.contains("href=\"#a-0\""));
        assert!(p.contains("href=\"#b-1\""));
        assert!(p.contains("id=\"a-0\""));
        assert!(p.contains("id=\"b-1\""));
    }

    #[test]
    fn no_claims_says_so() {
        let mut r = sample();
        r.claims.clear();
        r.inconsistencies.clear();
        r.recount();
        let p = page(&r);
        assert!(p.contains("No claim"));
    }

    #[test]
    fn rows_side_by_side_with_marks_and_moves() {
        let p = page(&sample());
        // Every sentence of both sides has an anchor.
        for k in 0..4 {
            assert!(p.contains(&format!("id=\"a-{k}\"")), "a-{k}");
            assert!(p.contains(&format!("id=\"b-{k}\"")), "b-{k}");
        }
        assert!(p.contains("<del>last November</del>"));
        assert!(p.contains("<ins>in </ins>"));
        assert!(p.contains("class=\"row added\""));
        assert!(p.contains("class=\"row dropped furniture\""));
        assert!(p.contains(">dropped · furniture<"));
        // The moved row (row 0, A sentence 2) links to a marker placed where A had it: after
        // the rows holding A sentences 0 and 1, i.e. before the dropped row 4.
        assert!(p.contains("href=\"#from-0\""));
        assert!(p.contains("id=\"from-0\""));
        assert!(p.contains("href=\"#row-0\""));
        let marker = p.find("id=\"from-0\"").unwrap();
        let row2 = p.find("id=\"row-2\"").unwrap();
        let row4 = p.find("id=\"row-4\"").unwrap();
        assert!(row2 < marker && marker < row4, "marker misplaced");
    }

    #[test]
    fn white_space_stays_outside_highlights() {
        assert_eq!(
            cell_html(
                &[(None, "a"), (Some("ins"), " new words "), (None, "b")],
                &[]
            ),
            "a <ins>new words</ins> b"
        );
        assert_eq!(cell_html(&[(Some("del"), "  ")], &[]), "  ");
    }

    #[test]
    fn marks_cut_across_highlights() {
        // "held " + del("last November") + "." with a mark over "last November."
        let html = cell_html(
            &[(None, "held "), (Some("del"), "last November"), (None, ".")],
            &[(5, 19, "conflict")],
        );
        assert_eq!(
            html,
            "held <mark class=\"conflict\"><del>last November</del></mark><mark class=\"conflict\">.</mark>"
        );
    }

    #[test]
    fn claim_spans_are_marked_in_the_text() {
        let p = page(&sample());
        assert!(
            p.contains("<mark class=\"conflict\"><del>last November</del></mark>"),
            "{p}"
        );
        // "late 2018" lies inside the inserted "in late 2018": the highlight is cut.
        assert!(
            p.contains("<ins>in </ins><mark class=\"conflict\"><ins>late 2018</ins></mark>"),
            "{p}"
        );
    }

    #[test]
    fn deterministic() {
        assert_eq!(page(&sample()), page(&sample()));
    }

    #[test]
    fn preview_cuts_on_char_boundary() {
        assert_eq!(preview("ééé", 2), "éé…");
        assert_eq!(preview("ab", 5), "ab");
    }

    #[test]
    fn out_of_range_ids_do_not_panic() {
        let mut r = sample();
        r.alignment.push(Row {
            op: RowOp::Moved,
            a: vec![99],
            b: vec![98],
            similarity: 0.5,
            diff: vec![],
        });
        r.claims[0].a = Some(span(77, "x"));
        let p = page(&r);
        assert!(p.contains("</html>"));
    }
}
