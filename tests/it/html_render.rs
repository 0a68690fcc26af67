//! html_render: `--format html` through the binary — one self-contained, deterministic page
//! with every input text escaped.

use crate::util::{bin, fixtures_dir};

fn html(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = bin()
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
    let out = bin()
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
        // Whole added paragraphs are not word-diffed, so their escaped text is contiguous.
        "The mayor spoke. Nothing else & more happened.\n\n<script>evil()</script> appeared.\n\n<img src=x onerror=evil()> was added.\n",
    )
    .unwrap();
    let (rc, page) = html(&[a.as_os_str(), b.as_os_str()]);
    assert_eq!(rc, 1);
    assert!(!page.contains("<script"), "script tag reached the page");
    assert!(!page.contains("<img"), "img tag reached the page");
    assert!(page.contains("&lt;script&gt;evil()&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=x onerror=evil()&gt;"));
    assert!(page.contains("a&lt;b&gt;.txt"));
    assert!(page.contains("&amp; more"));
}

#[test]
fn web_pages_render_to_an_html_report() {
    let dir = fixtures_dir().join("web_page");
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

mod properties {
    use proptest::prelude::*;

    /// Words that include markup and entity starts, so that escaping is exercised everywhere.
    fn text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("<zz>".to_string()),
            Just("&zz;".to_string()),
            Just("\"q'".to_string()),
            Just("é".to_string()),
            "[a-c]{1,3}".prop_map(|s| s),
            Just(".".to_string()),
            Just("\n\n".to_string()),
        ];
        prop::collection::vec(word, 0..40).prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn any_input_is_escaped_and_the_page_is_whole(a in text(), b in text()) {
            let da = storydiff::Document::from_text("a<zz>.txt", a);
            let db = storydiff::Document::from_text("b.txt", b);
            let report = storydiff::compare(&da, &db, &storydiff::Options::default());
            let mut out = Vec::new();
            storydiff::render::html::render(&report, &mut out).unwrap();
            let page = String::from_utf8(out).unwrap();
            prop_assert!(!page.contains("<zz"), "raw markup from the input");
            prop_assert!(!page.contains("&zz"), "raw entity from the input");
            prop_assert!(page.trim_end().ends_with("</html>"));
            // Every row of the alignment is on the page.
            for i in 0..report.alignment.len() {
                let id = format!("id=\"row-{i}\"");
                prop_assert!(page.contains(&id));
            }
        }

        #[test]
        fn extraction_never_panics(page in "(<[a-z/!]{0,4}[^<]{0,12}|[^<]{0,12}|<br>){0,30}") {
            let t = storydiff::ingest::html::extract(&page);
            prop_assert!(!t.contains('\u{fdd0}'), "internal break marker leaked");
            prop_assert!(t.is_empty() || t.ends_with('\n'));
        }
    }
}
