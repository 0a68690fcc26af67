//! sim_matrix: the aligner's sentence similarity for every pair of two sentence lists, for the
//! alignment studies of BENCHMARKS.md ("Why aligned stays at 67 %",
//! `scripts/semantic-align-study.py`).
//!
//! Reads `{"a": [sentence, ...], "b": [sentence, ...]}` on stdin; prints a JSON matrix whose
//! cell `[i][j]` is `[similarity, containment of a_i in b_j, containment of b_j in a_i]`, with
//! IDF over both lists as the aligner computes it.

use std::io::Read;

use storydiff::align::similarity::{self, Model};

fn main() {
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("sim_matrix: cannot read stdin: {e}");
        std::process::exit(2);
    }
    let side = |v: &serde_json::Value, key: &str| -> Option<Vec<String>> {
        v.get(key)?
            .as_array()?
            .iter()
            .map(|s| s.as_str().map(str::to_string))
            .collect()
    };
    let parsed: Option<(Vec<String>, Vec<String>)> = serde_json::from_str(&input)
        .ok()
        .and_then(|v: serde_json::Value| Some((side(&v, "a")?, side(&v, "b")?)));
    let Some((a, b)) = parsed else {
        eprintln!("sim_matrix: stdin must be {{\"a\": [strings], \"b\": [strings]}}");
        std::process::exit(2);
    };
    let all: Vec<&str> = a.iter().chain(b.iter()).map(String::as_str).collect();
    let (_, features) = Model::with_features(&all);
    let (fa, fb) = features.split_at(a.len());
    let rows: Vec<serde_json::Value> = fa
        .iter()
        .map(|x| {
            fb.iter()
                .map(|y| {
                    serde_json::json!([
                        similarity::similarity(x, y),
                        similarity::containment(x, y),
                        similarity::containment(y, x)
                    ])
                })
                .collect()
        })
        .collect();
    println!("{}", serde_json::Value::Array(rows));
}
