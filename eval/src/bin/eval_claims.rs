//! eval_claims: prints the claim engine's figures on the shared corpora (the measures are in
//! `storydiff_eval::claims`).
//!
//! Input: ../shared/corpora. Output: printed figures. Run:
//! `cargo run --release -p storydiff-eval --bin eval_claims` (add `quick` to use fewer units).

use storydiff_eval::claims::{iterater, paraphrase_pairs, paws, perturbation_suite};

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn main() {
    let Some(corpora) = storydiff_eval::corpora::shared_dir().map(|d| d.join("corpora")) else {
        println!("skipped: ../shared/corpora not present");
        return;
    };
    let quick = std::env::args().any(|a| a == "quick");
    let per_source = if quick { 60 } else { 400 };
    println!("== perturbation suite ({per_source} units per source: gum-news-sbd paragraphs, onestopenglish adv paragraphs, msrp sentences)");
    for (k, (n, c, o)) in perturbation_suite(&corpora, per_source) {
        println!(
            "{:<14} tried {n:>4}  caught {c:>4}  recall {:>5.1}%  other conflicts {o} ({:.3}/pair)",
            format!("{k:?}"),
            pct(c, n),
            o as f64 / n.max(1) as f64
        );
    }
    println!("== unperturbed paraphrase pairs");
    for (name, (n, c, p)) in paraphrase_pairs(&corpora) {
        println!(
            "{name:<20} pairs {n:>5}  conflicts {c:>4}  ({:.3}/pair)  pairs with a conflict {p} ({:.1}%)",
            c as f64 / n.max(1) as f64,
            pct(p, n)
        );
    }
    let (n0, f0, n1, f1) = paws(&corpora);
    println!("== paws-wiki test");
    println!(
        "label 0 (not paraphrase): {n0} pairs, flagged {f0} ({:.1}%); label 1: {n1} pairs, flagged {f1} ({:.1}%); accuracy as a classifier {:.1}%",
        pct(f0, n0),
        pct(f1, n1),
        pct(f0 + (n1 - f1), n0 + n1)
    );
    println!("== iterater-news sentence-level edits (all splits)");
    for (label, (n, c, a)) in iterater(&corpora) {
        println!(
            "{label:<16} edits {n:>4}  with a conflict {c:>4} ({:.1}%)  with any claim {a:>4} ({:.1}%)",
            pct(c, n),
            pct(a, n)
        );
    }
}
