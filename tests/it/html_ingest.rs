//! html_ingest: saved web pages as input (`--input html` and auto-detection), through the
//! binary: only the article's headline and paragraphs are compared, the JSON carries the
//! extracted text, and every span slices it.

use crate::util::{bin, fixture};

/// `tests/fixtures/web_page/<name>`: two saved pages of one story.
fn page(name: &str) -> String {
    fixture("web_page", name)
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = bin()
        .args(args)
        .args(["--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Page furniture of the two fixture pages, none of which may reach the compared text.
const LEFT_OUT: &[&str] = &[
    "Advertisement",
    "Share on",
    "Related Articles",
    "Ferry fares",
    "Sign up",
    "All rights reserved",
    "Back to top",
    "analytics",
    "dataLayer",
    "cookies",
    "Most read",
    "Lifeboat",
    "Subscribe",
    "injected",
    "Coast News Ltd",
    "Photo:",
    "font-family",
    "News Sport",
];

#[test]
fn auto_detects_pages_and_extracts_the_article() {
    let a = page("a.html");
    let b = page("b.html");
    let v = json(&[&a, &b]);
    for side in ["a", "b"] {
        let text = v[side]["text"]
            .as_str()
            .expect("converted side carries text");
        for bad in LEFT_OUT {
            assert!(!text.contains(bad), "{side}: {bad:?} leaked into {text}");
        }
        // Spans count in the extracted text.
        for s in v[side]["sentences"].as_array().unwrap() {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(
                &text[start as usize..end as usize],
                s["text"].as_str().unwrap()
            );
        }
    }
    let a_text = v["a"]["text"].as_str().unwrap();
    assert!(a_text.starts_with("Harbour bridge to close for three weeks of repairs\n\n"));
    assert!(a_text.contains("close on March 3 for three weeks"));
    assert!(a_text.contains("\u{201c}We cannot take any risk with people\u{2019}s safety,\u{201d}"));
    let b_text = v["b"]["text"].as_str().unwrap();
    assert!(b_text.starts_with("Old Harbour Bridge shuts as cables corrode\n\n"));
    assert!(b_text.contains("About 18,000 vehicles"));
    // An escaped `<script>` in the article is text, and stays text.
    assert!(b_text.contains("cost them <script> trade."));
}

#[test]
fn input_text_compares_the_markup_itself() {
    let a = page("a.html");
    let v = json(&["--input", "text", &a, &a]);
    assert!(v["a"].get("text").is_none(), "not converted, so no text");
    let first = v["a"]["sentences"][0]["text"].as_str().unwrap();
    assert!(first.contains("<!DOCTYPE html>"), "{first}");
}

#[test]
fn input_html_forces_conversion_and_stdin_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("page.saved");
    std::fs::copy(page("a.html"), &saved).unwrap();
    let v = json(&[
        "--input",
        "html",
        saved.to_str().unwrap(),
        saved.to_str().unwrap(),
    ]);
    assert!(v["a"]["text"].is_string());
    // Standard input has no file name: the leading <!DOCTYPE html> decides.
    let mut child = bin()
        .args(["--format", "json", "--fail-on", "never", "-"])
        .arg(page("a.html"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(page("a.html")).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["a"]["text"], v["b"]["text"]);
    assert_eq!(v["summary"]["equal"].as_u64(), Some(6));
}

#[test]
fn page_without_text_is_trouble_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("app.html");
    std::fs::write(
        &empty,
        "<!DOCTYPE html><html><body><div id=app></div><script>x()</script></body></html>",
    )
    .unwrap();
    let out = bin().arg(&empty).arg(page("a.html")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article text"));
}
