//! eval_values: figures for the value extractors (claims::dates, claims::numbers).
//!
//! Input: `../shared/seeds` and `../shared/corpora/msrp` when present (skipped, and said so,
//! when absent). Output, on stdout: the dates and numbers found in the seed pair with the
//! inferred anchors; the seed summit-date relations; on the MSRP paraphrase pairs (label 1),
//! how many values of one sentence find an agreeing value (Same / LessPrecise / Compatible)
//! in the other, with examples of those that do not; and the speed on a 10 MB line.
//!
//! Run: `cargo run --release --example eval_values [-- --examples N]`.

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
    seeds();
    msrp(show);
    speed();
}

fn seeds() {
    let Some(dir) = storydiff::corpora::seeds_dir() else {
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

fn agrees(r: Relation) -> bool {
    matches!(
        r,
        Relation::Same | Relation::LessPrecise | Relation::Compatible
    )
}

fn msrp(show: usize) {
    let Some(dir) = storydiff::corpora::corpus_dir("msrp") else {
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
    let (mut dates, mut dates_ok, mut nums, mut nums_ok) = (0, 0, 0, 0);
    let mut bad_dates = Vec::new();
    let mut bad_nums = Vec::new();
    let mut bytes = 0;
    let start = Instant::now();
    for (a, b) in &pairs {
        bytes += a.len() + b.len();
        let (da, db) = (find_dates_anchored(a, None), find_dates_anchored(b, None));
        let (na, nb) = (find_numbers(a), find_numbers(b));
        for (x, y, tx, ty) in [(&da, &db, a, b), (&db, &da, b, a)] {
            for m in x.iter() {
                dates += 1;
                if y.iter()
                    .any(|o: &DateMention| agrees(compare_dates(&m.expr, &o.expr)))
                {
                    dates_ok += 1;
                } else if !y.is_empty() {
                    bad_dates.push(format!(
                        "{:?} vs {:?} | {tx} || {ty}",
                        &tx[m.start..m.end],
                        y.iter().map(|o| &ty[o.start..o.end]).collect::<Vec<_>>()
                    ));
                }
            }
        }
        for (x, y, tx, ty) in [(&na, &nb, a, b), (&nb, &na, b, a)] {
            for m in x.iter() {
                nums += 1;
                if y.iter()
                    .any(|o: &NumberMention| agrees(compare_numbers(&m.value, &o.value)))
                {
                    nums_ok += 1;
                } else if !y.is_empty() {
                    bad_nums.push(format!(
                        "{:?} vs {:?} | {tx} || {ty}",
                        &tx[m.start..m.end],
                        y.iter().map(|o| &ty[o.start..o.end]).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("== msrp paraphrase pairs: {}", pairs.len());
    println!(
        "dates:   {dates} mentions, {dates_ok} ({:.1}%) agree with a date of the other sentence; {} disagree with every date there",
        pct(dates_ok, dates),
        bad_dates.len()
    );
    println!(
        "numbers: {nums} mentions, {nums_ok} ({:.1}%) agree with a number of the other sentence; {} disagree with every number there",
        pct(nums_ok, nums),
        bad_nums.len()
    );
    println!(
        "speed: {:.2} MB/s over {bytes} bytes (both finders, both sides)",
        bytes as f64 / 1e6 / secs
    );
    for s in bad_dates.iter().take(show) {
        println!("  date? {s}");
    }
    for s in bad_nums.iter().take(show) {
        println!("  num?  {s}");
    }
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
