//! html_render: `--format html` through the binary — one self-contained, deterministic page
//! with every input text escaped.

use std::path::Path;
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_storydiff")
}

fn html(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(bin())
        .args(args)
        .args(["--format", "html"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn example_page_is_complete_and_deterministic() {
    let (rc, page) = html(&["--example".as_ref()]);
    assert_eq!(rc, 1, "the example differs");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.trim_end().ends_with("</html>"));
    assert!(page.contains("id=\"claims\""));
    assert!(page.contains("id=\"versions\""));
    assert!(page.contains("class=\"row "));
    for bad in ["http://", "https://", "<script", "<link", "url("] {
        assert!(!page.contains(bad), "{bad}");
    }
    let (_, again) = html(&["--example".as_ref()]);
    assert_eq!(page, again);
}

#[test]
fn quiet_html_prints_nothing() {
    let out = Command::new(bin())
        .args(["--example", "--format", "html", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn markup_in_the_input_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a<b>.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "The mayor spoke. Nothing else happened.\n").unwrap();
    std::fs::write(
        &b,
        "The mayor spoke <script>alert('x')</script> loudly. Nothing else & more happened.\n\n<img src=x onerror=alert(1)> was added.\n",
    )
    .unwrap();
    let (rc, page) = html(&[a.as_os_str(), b.as_os_str()]);
    assert_eq!(rc, 1);
    assert!(!page.contains("<script"), "script tag reached the page");
    assert!(!page.contains("<img"), "img tag reached the page");
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("a&lt;b&gt;.txt"));
    assert!(page.contains("&amp; more"));
}

#[test]
fn web_pages_render_to_an_html_report() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web_page");
    let (rc, page) = html(&[
        dir.join("a.html").as_os_str(),
        dir.join("b.html").as_os_str(),
    ]);
    assert_eq!(rc, 1);
    assert!(!page.contains("<script"));
    assert!(page.contains("cost them &lt;script&gt; trade."));
    assert!(
        page.contains("<del>3</del>") || page.contains("<del>March 3</del>"),
        "{page}"
    );
}
