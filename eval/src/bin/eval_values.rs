//! eval_values: figures for the value extractors (claims::dates, claims::numbers).
//!
//! Input: `../shared/seeds` and `../shared/corpora/msrp` when present (skipped, and said so,
//! when absent). Output, on stdout: the dates and numbers found in the seed pair with the
//! inferred anchors; the seed summit-date relations; on the MSRP paraphrase pairs (label 1),
//! for each value of one sentence, its best relation to the values of the other (agree =
//! Same / LessPrecise / Compatible, Unknown, or Conflict with all), with examples of conflicts; and the speed on a 10 MB line.
//!
//! Also: infer_anchor against the creation dates of the GUM news documents (`--dump` prints
//! every mention found in them).
//!
//! Run: `cargo run --release -p storydiff-eval --bin eval_values [-- --examples N] [--dump]`.

use std::time::Instant;

use storydiff::claims::dates::{
    compare_dates, find_dates_anchored, infer_anchor, DateMention, Relation,
};
use storydiff::claims::numbers::{compare_numbers, find_numbers, NumberMention};

fn main() {
    let show: usize = std::env::args()
        .skip_while(|a| a != "--examples")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let dump = std::env::args().any(|a| a == "--dump");
    seeds();
    gum(dump);
    msrp(show);
    speed();
}

fn seeds() {
    let Some(dir) = storydiff_eval::corpora::seeds_dir() else {
        println!("seeds: skipped (../shared/seeds absent)");
        return;
    };
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    names.sort();
    let mut summit = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let anchor = infer_anchor(&text);
        println!(
            "== {}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        match &anchor {
            Some((a, why)) => println!("anchor {}..{} ({why})", a.earliest, a.latest),
            None => println!("anchor: none"),
        }
        for m in find_dates_anchored(&text, anchor.as_ref().map(|x| &x.0)) {
            let iv = m
                .expr
                .interval
                .map(|(a, b)| format!("{a}..{b}"))
                .unwrap_or_else(|| "-".into());
            println!(
                "  date  {:<28} {:<22} {iv}",
                format!("{:?}", &text[m.start..m.end]),
                m.expr.label
            );
            let words = &text[m.start..m.end];
            if words.contains("November") || words.contains("2018") {
                summit.push((words.to_string(), m.expr.clone()));
            }
        }
        for m in find_numbers(&text) {
            let v = &m.value;
            println!(
                "  num   {:<36} {:?} {}..{} {:?} {:?}{}",
                format!("{:?}", &text[m.start..m.end]),
                v.kind,
                v.low,
                v.high,
                v.unit.as_deref().unwrap_or("-"),
                v.qualifier,
                if v.vague { " vague" } else { "" }
            );
        }
    }
    println!("== summit-date relations (pairwise)");
    for (i, (wa, a)) in summit.iter().enumerate() {
        for (wb, b) in summit.iter().skip(i + 1) {
            println!("  {wa:?} vs {wb:?}: {:?}", compare_dates(a, b));
        }
    }
}

/// GUM news documents (Wikinews) carry their publication date: does `infer_anchor` find it?
fn gum(dump: bool) {
    let Some(dir) = storydiff_eval::corpora::corpus_dir("gum-news-sbd") else {
        println!("gum-news-sbd: skipped (../shared/corpora/gum-news-sbd absent)");
        return;
    };
    let text = std::fs::read_to_string(dir.join("gum_news_docs.jsonl")).unwrap_or_default();
    let (mut docs, mut exact, mut within, mut wrong, mut none) = (0, 0, 0, 0, 0);
    let (mut ndates, mut nnums) = (0, 0);
    for line in text.lines() {
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(body), Some(created)) = (doc["text"].as_str(), doc["date_created"].as_str())
        else {
            continue;
        };
        let Ok(truth) = created.parse::<storydiff::CalendarDate>() else {
            continue;
        };
        docs += 1;
        let inferred = infer_anchor(body);
        let verdict = match &inferred {
            Some((a, _)) if a.is_exact() && a.earliest == truth => {
                exact += 1;
                "exact"
            }
            Some((a, _)) if a.earliest <= truth && truth <= a.latest => {
                within += 1;
                "within"
            }
            Some(_) => {
                wrong += 1;
                "WRONG"
            }
            None => {
                none += 1;
                "none"
            }
        };
        let dates = find_dates_anchored(body, inferred.as_ref().map(|x| &x.0));
        let nums = find_numbers(body);
        ndates += dates.len();
        nnums += nums.len();
        if dump {
            let why = inferred.as_ref().map(|x| x.1.as_str()).unwrap_or("-");
            println!("-- {} created {truth}: {verdict} ({why})", doc["doc_id"]);
            for m in &dates {
                println!("   date {:?} {}", &body[m.start..m.end], m.expr.label);
            }
            for m in &nums {
                let v = &m.value;
                println!(
                    "   num  {:?} {:?} {}..{} {:?}",
                    &body[m.start..m.end],
                    v.kind,
                    v.low,
                    v.high,
                    v.unit
                );
            }
        }
    }
    println!(
        "== gum-news-sbd: {docs} documents with a creation date; infer_anchor exact {exact}, range containing it {within}, wrong {wrong}, none {none}; {ndates} dates and {nnums} numbers found"
    );
}

fn agrees(r: Relation) -> bool {
    matches!(
        r,
        Relation::Same | Relation::LessPrecise | Relation::Compatible
    )
}

fn msrp(show: usize) {
    let Some(dir) = storydiff_eval::corpora::corpus_dir("msrp") else {
        println!("msrp: skipped (../shared/corpora/msrp absent)");
        return;
    };
    let mut pairs = Vec::new();
    for f in ["msr_paraphrase_train.txt", "msr_paraphrase_test.txt"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap_or_default();
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() == 5 && cols[0] == "1" {
                pairs.push((cols[3].to_string(), cols[4].to_string()));
            }
        }
    }
    // For each value with at least one value of its kind on the other side: its best relation
    // there (agree > unknown > conflict).
    let mut d = [0usize; 3];
    let mut n = [0usize; 3];
    let (mut d_alone, mut n_alone) = (0, 0);
    let mut bad_dates = Vec::new();
    let mut bad_nums = Vec::new();
    let mut bytes = 0;
    let start = Instant::now();
    let bucket = |rels: &[Relation]| -> usize {
        if rels.iter().any(|r| agrees(*r)) {
            0
        } else if rels.contains(&Relation::Unknown) {
            1
        } else {
            2
        }
    };
    for (a, b) in &pairs {
        bytes += a.len() + b.len();
        let (da, db) = (find_dates_anchored(a, None), find_dates_anchored(b, None));
        let (na, nb) = (find_numbers(a), find_numbers(b));
        for (x, y, tx, ty) in [(&da, &db, a, b), (&db, &da, b, a)] {
            for m in x.iter() {
                if y.is_empty() {
                    d_alone += 1;
                    continue;
                }
                let rels: Vec<Relation> = y
                    .iter()
                    .map(|o: &DateMention| compare_dates(&m.expr, &o.expr))
                    .collect();
                let k = bucket(&rels);
                d[k] += 1;
                if k == 2 {
                    bad_dates.push(show_pair(
                        &tx[m.start..m.end],
                        y.iter().map(|o| &ty[o.start..o.end]),
                        tx,
                        ty,
                    ));
                }
            }
        }
        for (x, y, tx, ty) in [(&na, &nb, a, b), (&nb, &na, b, a)] {
            for m in x.iter() {
                if y.is_empty() {
                    n_alone += 1;
                    continue;
                }
                let rels: Vec<Relation> = y
                    .iter()
                    .map(|o: &NumberMention| compare_numbers(&m.value, &o.value))
                    .collect();
                let k = bucket(&rels);
                n[k] += 1;
                if k == 2 {
                    bad_nums.push(show_pair(
                        &tx[m.start..m.end],
                        y.iter().map(|o| &ty[o.start..o.end]),
                        tx,
                        ty,
                    ));
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pct = |a: usize, b: &[usize; 3]| 100.0 * a as f64 / b.iter().sum::<usize>().max(1) as f64;
    println!("== msrp paraphrase pairs: {}", pairs.len());
    println!(
        "dates:   {} with a date on the other side: agree {} ({:.1}%), unknown {} ({:.1}%), conflict with all {} ({:.1}%); {d_alone} without",
        d.iter().sum::<usize>(), d[0], pct(d[0], &d), d[1], pct(d[1], &d), d[2], pct(d[2], &d)
    );
    println!(
        "numbers: {} with a number on the other side: agree {} ({:.1}%), unknown {} ({:.1}%), conflict with all {} ({:.1}%); {n_alone} without",
        n.iter().sum::<usize>(), n[0], pct(n[0], &n), n[1], pct(n[1], &n), n[2], pct(n[2], &n)
    );
    println!(
        "speed: {:.2} MB/s over {bytes} bytes (finding and comparing, both sides)",
        bytes as f64 / 1e6 / secs
    );
    for s in bad_dates.iter().take(show) {
        println!("  date conflict: {s}");
    }
    for s in bad_nums.iter().take(show) {
        println!("  num conflict:  {s}");
    }
}

fn show_pair<'a>(w: &str, others: impl Iterator<Item = &'a str>, tx: &str, ty: &str) -> String {
    format!("{w:?} vs {:?} | {tx} || {ty}", others.collect::<Vec<_>>())
}

fn speed() {
    let line = "Blinken said on Friday that more than 14,000 people met in late 2018, for five and a half hours. "
        .repeat(100_000);
    let t = Instant::now();
    let d = find_dates_anchored(&line, None).len();
    let td = t.elapsed();
    let t = Instant::now();
    let n = find_numbers(&line).len();
    let tn = t.elapsed();
    println!(
        "== 10 MB line ({} bytes): find_dates {d} mentions in {:.2?}; find_numbers {n} mentions in {:.2?}",
        line.len(),
        td,
        tn
    );
}
