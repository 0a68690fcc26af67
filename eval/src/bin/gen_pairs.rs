//! gen_pairs: writes the benchmark inputs of `scripts/bench.sh` (and the batch manifests that
//! `scripts/batch_pairs.py` used to write) from the seeded generator in
//! `storydiff_eval::pairgen`.
//!
//! Input: command-line arguments only. Output: files in DIR. Same arguments → same bytes.
//!
//! ```text
//! cargo run --release -p storydiff-eval --bin gen_pairs -- batch DIR [N=10000] [SEED=4]
//!     DIR/NNNNN-a.txt, DIR/NNNNN-b.txt (1–5 KB articles, 0–4 edits) and DIR/manifest.jsonl
//! cargo run --release -p storydiff-eval --bin gen_pairs -- article DIR [SEED=4]
//!     DIR/article-a.txt, DIR/article-b.txt (one pair as in `batch`)
//! cargo run --release -p storydiff-eval --bin gen_pairs -- long DIR BYTES [SEED=4]
//!     DIR/long-BYTES-a.txt, -light.txt (lightly edited), -heavy.txt (heavily reworded)
//! cargo run --release -p storydiff-eval --bin gen_pairs -- hostile DIR [SEED=4]
//!     DIR/words-{a,b}.txt (100,000 one-word sentences), DIR/sentence-{a,b}.txt (one 10 MB
//!     sentence), DIR/repeated-{a,b}.txt (the same sentence 50,000 times)
//! ```

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use storydiff_eval::pairgen::{self, Pool, Rng};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_pairs: {e}");
            ExitCode::from(2)
        }
    }
}

fn num(args: &[String], i: usize, default: u64) -> Result<u64, String> {
    match args.get(i) {
        None => Ok(default),
        Some(s) => s
            .replace('_', "")
            .parse()
            .map_err(|_| format!("not a number: {s}")),
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let usage = "usage: gen_pairs batch|article|long|hostile DIR [...] (see the file's doc)";
    let (cmd, dir) = match args {
        [c, d, ..] => (c.as_str(), Path::new(d)),
        _ => return Err(usage.into()),
    };
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))
    };
    let pool = Pool::new();
    match cmd {
        "batch" => {
            let n = num(args, 2, 10_000)?;
            let mut rng = Rng::new(num(args, 3, 4)?);
            let p = dir.join("manifest.jsonl");
            let f = fs::File::create(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let mut m = BufWriter::new(f);
            for i in 0..n {
                let (a, b) = pairgen::article_pair(&pool, &mut rng);
                write(&format!("{i:05}-a.txt"), &a)?;
                write(&format!("{i:05}-b.txt"), &b)?;
                writeln!(m, r#"{{"a": "{i:05}-a.txt", "b": "{i:05}-b.txt"}}"#)
                    .map_err(|e| e.to_string())?;
            }
            m.flush().map_err(|e| e.to_string())
        }
        "article" => {
            let mut rng = Rng::new(num(args, 2, 4)?);
            let (a, b) = pairgen::article_pair(&pool, &mut rng);
            write("article-a.txt", &a)?;
            write("article-b.txt", &b)
        }
        "long" => {
            let bytes = num(args, 2, 1_000_000)? as usize;
            let mut rng = Rng::new(num(args, 3, 4)?);
            let (a, light, heavy) = pairgen::long_triple(&pool, bytes, &mut rng);
            write(&format!("long-{bytes}-a.txt"), &a)?;
            write(&format!("long-{bytes}-light.txt"), &light)?;
            write(&format!("long-{bytes}-heavy.txt"), &heavy)
        }
        "hostile" => {
            let mut rng = Rng::new(num(args, 2, 4)?);
            let (a, b) = pairgen::one_word_sentences(100_000, &mut rng);
            write("words-a.txt", &a)?;
            write("words-b.txt", &b)?;
            let (a, b) = pairgen::one_sentence(&pool, 10_000_000, &mut rng);
            write("sentence-a.txt", &a)?;
            write("sentence-b.txt", &b)?;
            let (a, b) = pairgen::repeated_sentence(&pool, 50_000, &mut rng);
            write("repeated-a.txt", &a)?;
            write("repeated-b.txt", &b)
        }
        _ => Err(usage.into()),
    }
}
