//! contract: runs the `storydiff` binary with `--format json` on every fixture pair (and the
//! built-in example, and the seed pair when `../shared` is present) and checks the invariants
//! of the JSON contract (`CONTRACT.md`, schema `storydiff/1`).
//!
//! Input: `tests/fixtures/*/{a,b}.txt`. Output: pass or a message naming the fixture and the
//! broken rule. These checks hold whatever the segmenter, aligner and claim engine find, so they
//! do not change when those stages improve.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{bin, fixture_text, fixtures_dir};

const OPS: &[&str] = &["equal", "edited", "moved", "added", "dropped"];
const KINDS: &[&str] = &[
    "date",
    "number",
    "money",
    "percent",
    "name",
    "place",
    "quote",
    "negation",
    "attribution",
    "other",
];

/// Every fixture folder with an `a.txt` and a `b.txt`.
fn fixture_pairs() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let dir = entry.unwrap().path();
        let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
        if a.is_file() && b.is_file() {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, a, b));
        }
    }
    out.sort();
    out
}

/// Runs storydiff with `args`; returns stdout and the exit code (asserting stderr is empty).
fn run(args: &[&str]) -> (Vec<u8>, i32) {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "storydiff {args:?} wrote to stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, out.status.code().unwrap())
}

fn ids(v: &Value) -> Vec<usize> {
    v.as_array()
        .expect("an array of ids")
        .iter()
        .map(|x| x.as_u64().expect("an id") as usize)
        .collect()
}

fn ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks a span object `{sentence, start, end, text}` against one side.
fn check_span(case: &str, what: &str, span: &Value, input: &str, sentences: &[Value]) {
    let sid = span["sentence"].as_u64().expect("span.sentence") as usize;
    let (start, end) = (
        span["start"].as_u64().expect("span.start") as usize,
        span["end"].as_u64().expect("span.end") as usize,
    );
    let sent = sentences
        .get(sid)
        .unwrap_or_else(|| panic!("{case}: {what} names sentence {sid}, which does not exist"));
    let (ss, se) = (
        sent["start"].as_u64().unwrap() as usize,
        sent["end"].as_u64().unwrap() as usize,
    );
    assert!(
        ss <= start && start < end && end <= se,
        "{case}: {what} {start}..{end} is not inside its sentence {sid} ({ss}..{se})"
    );
    assert_eq!(
        input.get(start..end),
        span["text"].as_str(),
        "{case}: {what}'s text is not the slice {start}..{end} of the input"
    );
}

/// Checks one JSON document against the inputs it was made from.
fn check(case: &str, doc: &Value, input_a: &str, input_b: &str) {
    assert_eq!(doc["schema"], "storydiff/1", "{case}: schema");
    let mut sides = Vec::new();
    for (key, raw) in [("a", input_a), ("b", input_b)] {
        let side = &doc[key];
        assert!(side["path"].is_string(), "{case}: {key}.path");
        // Where storydiff converted the input, spans count in the converted text it carries.
        let input = side["text"].as_str().unwrap_or(raw);
        let sentences = side["sentences"].as_array().expect("sentences").clone();
        let mut prev_end = 0;
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(
                s["id"], i,
                "{case}: {key} sentence ids count from 0 in order"
            );
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(
                start < end,
                "{case}: {key} sentence {i} is empty ({start}..{end})"
            );
            assert!(
                start >= prev_end,
                "{case}: {key} sentence {i} overlaps the one before"
            );
            prev_end = end;
            let slice = input.get(start..end).unwrap_or_else(|| {
                panic!("{case}: {key} sentence {i} {start}..{end} does not slice the input")
            });
            assert_eq!(
                s["text"].as_str(),
                Some(slice),
                "{case}: {key} sentence {i} text"
            );
            assert!(
                s["furniture"].is_boolean(),
                "{case}: {key} sentence {i} furniture"
            );
        }
        // Every character that is not white space is in some sentence.
        let covered: usize = sentences
            .iter()
            .map(|s| s["text"].as_str().unwrap())
            .map(|t| {
                t.chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
                    .count()
            })
            .sum();
        let total = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
            .count();
        assert_eq!(covered, total, "{case}: {key}: some text is in no sentence");
        sides.push((input.to_string(), sentences));
    }
    let (na, nb) = (sides[0].1.len(), sides[1].1.len());

    let rows = doc["alignment"].as_array().expect("alignment");
    let mut seen_a = vec![0usize; na];
    let mut seen_b = vec![0usize; nb];
    let mut counts = std::collections::HashMap::new();
    let mut last_b: Option<usize> = None;
    let mut last_a: Option<usize> = None;
    for (r, row) in rows.iter().enumerate() {
        let op = row["op"].as_str().expect("op");
        assert!(OPS.contains(&op), "{case}: row {r} op {op}");
        *counts.entry(op).or_insert(0usize) += 1;
        let (a, b) = (ids(&row["a"]), ids(&row["b"]));
        assert!(
            a.windows(2).all(|w| w[0] < w[1]),
            "{case}: row {r} a not sorted"
        );
        assert!(
            b.windows(2).all(|w| w[0] < w[1]),
            "{case}: row {r} b not sorted"
        );
        for &i in &a {
            assert!(i < na, "{case}: row {r} names A sentence {i} of {na}");
            seen_a[i] += 1;
        }
        for &j in &b {
            assert!(j < nb, "{case}: row {r} names B sentence {j} of {nb}");
            seen_b[j] += 1;
        }
        let sim = row["similarity"].as_f64().expect("similarity");
        assert!(
            (0.0..=1.0).contains(&sim),
            "{case}: row {r} similarity {sim}"
        );
        let diff = row["diff"].as_array().expect("diff");
        match op {
            "dropped" => {
                assert!(b.is_empty() && !a.is_empty(), "{case}: row {r} dropped");
                assert!(diff.is_empty(), "{case}: row {r} dropped with a diff");
            }
            "added" => {
                assert!(a.is_empty() && !b.is_empty(), "{case}: row {r} added");
                assert!(diff.is_empty(), "{case}: row {r} added with a diff");
            }
            _ => {
                assert!(
                    !a.is_empty() && !b.is_empty(),
                    "{case}: row {r} {op} one-sided"
                )
            }
        }
        for chunk in diff {
            let cop = chunk["op"].as_str().expect("diff op");
            assert!(
                ["equal", "insert", "delete"].contains(&cop),
                "{case}: diff op {cop}"
            );
            assert!(chunk["text"].is_string(), "{case}: diff text");
        }
        if op == "equal" {
            let join = |side: usize, ids: &[usize]| {
                ws(&ids
                    .iter()
                    .map(|&i| sides[side].1[i]["text"].as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(" "))
            };
            assert_eq!(
                join(0, &a),
                join(1, &b),
                "{case}: row {r} equal but texts differ"
            );
        }
        // Rows are in reading order of B …
        if let Some(&first) = b.first() {
            assert!(
                last_b.is_none_or(|l| first > l),
                "{case}: row {r} is out of B's reading order"
            );
            last_b = Some(*b.last().unwrap());
        }
        // … and rows that are not `moved` (dropped ones included) keep A's order.
        if op != "moved" {
            if let Some(&first) = a.first() {
                assert!(
                    last_a.is_none_or(|l| first > l),
                    "{case}: row {r} ({op}) is out of A's order"
                );
                last_a = Some(*a.last().unwrap());
            }
        }
    }
    for (i, n) in seen_a.iter().enumerate() {
        assert_eq!(*n, 1, "{case}: A sentence {i} is in {n} rows");
    }
    for (j, n) in seen_b.iter().enumerate() {
        assert_eq!(*n, 1, "{case}: B sentence {j} is in {n} rows");
    }

    let claims = doc["claims"].as_array().expect("claims");
    let mut claim_counts = [0usize; 3];
    let mut conflicts = 0;
    for (k, c) in claims.iter().enumerate() {
        let change = c["change"].as_str().expect("change");
        let kind = c["kind"].as_str().expect("kind");
        let sev = c["severity"].as_str().expect("severity");
        assert!(KINDS.contains(&kind), "{case}: claim {k} kind {kind}");
        assert!(
            ["conflict", "notice"].contains(&sev),
            "{case}: claim {k} severity"
        );
        conflicts += usize::from(sev == "conflict");
        match change {
            "changed" => claim_counts[0] += 1,
            "added" => claim_counts[1] += 1,
            "dropped" => claim_counts[2] += 1,
            other => panic!("{case}: claim {k} change {other}"),
        }
        assert_eq!(c["a"].is_null(), change == "added", "{case}: claim {k} a");
        assert_eq!(c["b"].is_null(), change == "dropped", "{case}: claim {k} b");
        for (key, side) in [("a", 0), ("b", 1)] {
            if !c[key].is_null() {
                check_span(
                    case,
                    &format!("claim {k}.{key}"),
                    &c[key],
                    &sides[side].0,
                    &sides[side].1,
                );
                let sid = c[key]["sentence"].as_u64().unwrap() as usize;
                assert_eq!(
                    sides[side].1[sid]["furniture"], false,
                    "{case}: claim {k} stands in furniture"
                );
            }
        }
        assert!(c["message"].is_string(), "{case}: claim {k} message");
    }
    let incs = doc["inconsistencies"].as_array().expect("inconsistencies");
    for (k, inc) in incs.iter().enumerate() {
        let side = match inc["side"].as_str() {
            Some("a") => 0,
            Some("b") => 1,
            other => panic!("{case}: inconsistency {k} side {other:?}"),
        };
        assert!(
            KINDS.contains(&inc["kind"].as_str().unwrap_or("")),
            "{case}: kind"
        );
        for key in ["first", "second"] {
            check_span(
                case,
                &format!("inconsistency {k}.{key}"),
                &inc[key],
                &sides[side].0,
                &sides[side].1,
            );
        }
    }

    let s = &doc["summary"];
    for op in OPS {
        assert_eq!(
            s[*op].as_u64(),
            Some(*counts.get(op).unwrap_or(&0) as u64),
            "{case}: summary.{op}"
        );
    }
    for (name, n) in ["claims_changed", "claims_added", "claims_dropped"]
        .iter()
        .zip(claim_counts)
    {
        assert_eq!(s[*name].as_u64(), Some(n as u64), "{case}: summary.{name}");
    }
    if !s["conflicts"].is_null() {
        assert_eq!(
            s["conflicts"].as_u64(),
            Some(conflicts as u64),
            "{case}: conflicts"
        );
    }
    if !s["inconsistencies"].is_null() {
        assert_eq!(
            s["inconsistencies"].as_u64(),
            Some(incs.len() as u64),
            "{case}"
        );
    }
}

/// Whether the document differs at `--fail-on any`.
fn differs(doc: &Value) -> bool {
    let s = &doc["summary"];
    let n = |k: &str| s[k].as_u64().unwrap_or(0);
    [
        "edited",
        "moved",
        "added",
        "dropped",
        "claims_changed",
        "claims_added",
        "claims_dropped",
    ]
    .iter()
    .any(|k| n(k) > 0)
        || !doc["inconsistencies"].as_array().unwrap().is_empty()
}

fn check_pair(case: &str, a: &Path, b: &Path) {
    let args = ["--format", "json", a.to_str().unwrap(), b.to_str().unwrap()];
    let (out, code) = run(&args);
    let doc: Value = serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("{case}: the output is not one JSON document: {e}"));
    let ia = std::fs::read_to_string(a).unwrap();
    let ib = std::fs::read_to_string(b).unwrap();
    check(case, &doc, &ia, &ib);
    assert_eq!(
        doc["a"]["path"], args[2],
        "{case}: a.path is the path as given"
    );
    assert_eq!(code, i32::from(differs(&doc)), "{case}: exit code");
    let (again, _) = run(&args);
    assert!(again == out, "{case}: two runs gave different bytes");
    typed(case, &out);
}

/// The JSON reads back into the library's typed model, whose counts agree with its rows and
/// claims, and renders again to the very same bytes: no field is lost or renamed on the way.
fn typed(case: &str, out: &[u8]) {
    let report: storydiff::Report = serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("{case}: the JSON does not read as a storydiff::Report: {e}"));
    assert_eq!(report.schema, storydiff::report::SCHEMA, "{case}: schema");
    let mut recounted = report.clone();
    recounted.recount();
    assert_eq!(recounted.summary, report.summary, "{case}: summary counts");
    let mut again = Vec::new();
    storydiff::render::json::render(&report, &mut again).unwrap();
    assert!(
        again == out,
        "{case}: the typed report renders other bytes:\n{}",
        String::from_utf8_lossy(&again)
    );
}

#[test]
fn every_fixture_keeps_the_contract() {
    let pairs = fixture_pairs();
    assert!(pairs.len() >= 12, "fixtures missing: {}", pairs.len());
    let names: HashSet<_> = pairs.iter().map(|p| p.0.as_str()).collect();
    assert!(names.contains("crlf_bom") && names.contains("empty_file"));
    for (case, a, b) in &pairs {
        check_pair(case, a, b);
    }
}

#[test]
fn example_keeps_the_contract() {
    let (out, code) = run(&["--example", "--format", "json"]);
    typed("--example", &out);
    let doc: Value = serde_json::from_slice(&out).unwrap();
    check(
        "--example",
        &doc,
        &fixture_text("example", "a.txt"),
        &fixture_text("example", "b.txt"),
    );
    assert_eq!(code, 1, "the example pair differs");
}

#[test]
fn seed_pair_keeps_the_contract() {
    let (Some(a), Some(b)) = (
        storydiff_eval::corpora::seed_file("000_3d2a522fcf6b1ab9.txt"),
        storydiff_eval::corpora::seed_file("001_ca9eb8ab0e1e27f4.txt"),
    ) else {
        storydiff_eval::corpora::skip("the seed pair (../shared/seeds) is absent");
        return;
    };
    check_pair("seeds", &a, &b);
}

#[test]
fn byte_offsets_count_the_bom_and_crs() {
    let dir = fixtures_dir().join("crlf_bom");
    let (out, _) = run(&[
        "--format",
        "json",
        dir.join("a.txt").to_str().unwrap(),
        dir.join("b.txt").to_str().unwrap(),
    ]);
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let b = std::fs::read(dir.join("b.txt")).unwrap();
    assert!(b.starts_with(b"\xef\xbb\xbf") && b.windows(2).any(|w| w == b"\r\n"));
    // The last sentence of B ends where its text ends in the file, CRs and BOM counted.
    let last = doc["b"]["sentences"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    let end = last["end"].as_u64().unwrap() as usize;
    let text = last["text"].as_str().unwrap();
    assert_eq!(&b[end - text.len()..end], text.as_bytes());
}

#[test]
fn a_report_of_another_schema_is_refused() {
    let (out, _) = run(&["--example", "--format", "json"]);
    let text = String::from_utf8(out)
        .unwrap()
        .replacen("storydiff/1", "storydiff/9", 1);
    let err = serde_json::from_str::<storydiff::Report>(&text).unwrap_err();
    assert!(err.to_string().contains("storydiff/9"), "{err}");
}

#[test]
fn the_checks_catch_broken_documents() {
    let (out, _) = run(&["--example", "--format", "json"]);
    let good: Value = serde_json::from_slice(&out).unwrap();
    let (ea, eb) = (
        &fixture_text("example", "a.txt"),
        &fixture_text("example", "b.txt"),
    );
    type Breaker = fn(&mut Value);
    let breakers: &[(&str, Breaker)] = &[
        ("schema", |d| d["schema"] = "storydiff/2".into()),
        ("span", |d| d["a"]["sentences"][1]["start"] = 3.into()),
        ("text", |d| d["b"]["sentences"][0]["text"] = "x".into()),
        ("id", |d| d["a"]["sentences"][0]["id"] = 5.into()),
        ("row dropped", |d| {
            d["alignment"].as_array_mut().unwrap().pop();
        }),
        ("row doubled", |d| {
            let rows = d["alignment"].as_array_mut().unwrap();
            let r = rows[0].clone();
            rows.push(r);
        }),
        ("summary", |d| d["summary"]["added"] = 99.into()),
        ("claim span", |d| {
            d["claims"] = serde_json::json!([{ "change": "added", "kind": "date",
                "severity": "notice", "a": null,
                "b": { "sentence": 1, "start": 0, "end": 4, "text": "LOCA" }, "message": "" }]);
        }),
    ];
    check("good", &good, ea, eb);
    for (what, breaker) in breakers {
        let mut bad = good.clone();
        breaker(&mut bad);
        let caught = std::panic::catch_unwind(|| check(what, &bad, ea, eb));
        assert!(caught.is_err(), "a broken {what} passed the checks");
    }
}
