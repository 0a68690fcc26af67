//! job: one comparison as both front-ends run it — read two versions, convert saved web pages
//! to their article text, compare — the one runner of `storydiff A B` ([`crate::cli`]) and of
//! each pair of `storydiff batch` ([`crate::batch`]).
//!
//! Input: a [`Job`] (two [`Source`]s, how to read them, what to compare). Output: the
//! [`Report`], or the first [`Error`]: side A is read and converted before side B, so trouble
//! with A is the trouble told. Rendering is left to the front-end, which alone knows where the
//! output goes (a format and a pager, or one JSON line per pair).

use clap::ValueEnum;
use storydiff::ingest::{self, html, ReadOptions};
use storydiff::{Document, Error, Options, Report, Result};

/// How to read an input (`--input`): plain text, or a saved web page whose article text is
/// extracted. A batch reads every pair as [`Input::Auto`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Input {
    /// Decide by file ending and content.
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// A saved web page: extract the article.
    Html,
}

/// Where one version comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file (`-`: standard input), shown under `name` when one is given: the repository
    /// path of a temporary copy that git passes, in the report and in error messages.
    File { file: String, name: Option<String> },
    /// A text already in memory (the built-in example): taken as it is, never converted.
    Text(Document),
}

impl Source {
    /// A file shown under its own name.
    pub fn file(file: impl Into<String>) -> Self {
        Source::File {
            file: file.into(),
            name: None,
        }
    }
}

/// One comparison: two versions, how to read them, and what to compare.
#[derive(Debug, Clone)]
pub struct Job {
    pub a: Source,
    pub b: Source,
    /// How the files are read (size limit, encoding, lossy decoding).
    pub read: ReadOptions,
    /// Whether the files are web pages.
    pub input: Input,
    /// What is compared (publication dates, thresholds).
    pub options: Options,
}

impl Job {
    /// Reads both versions and compares them.
    pub fn run(&self) -> Result<Report> {
        let a = nfc(self.load(&self.a)?);
        let b = nfc(self.load(&self.b)?);
        Ok(storydiff::compare(&a, &b, &self.options))
    }

    /// Reads one version and converts it when it is a web page.
    fn load(&self, source: &Source) -> Result<Document> {
        let (file, name) = match source {
            Source::Text(doc) => return Ok(doc.clone()),
            Source::File { file, name } => (file, name),
        };
        let named = |mut e: Error| {
            if let (Some(p), Some(name)) = (e.path_mut(), name) {
                *p = name.into();
            }
            e
        };
        let mut doc = ingest::read(file, &self.read).map_err(named)?;
        if let Some(name) = name {
            // Named before the web-page test, which reads the file ending.
            doc.path = name.clone();
        }
        let page = match self.input {
            Input::Text => false,
            Input::Html => true,
            Input::Auto => html::looks_like_html(&doc.path, &doc.text),
        };
        if page {
            html::convert(&doc).map_err(named)
        } else {
            Ok(doc)
        }
    }
}

/// `doc` in Unicode NFC, the form [`storydiff::compare`] compares in ([`ingest::normalize`]),
/// in place of the text as read: `compare` would otherwise hold its own normalised copy beside
/// the original for the whole comparison (a second copy of an input that is not in NFC).
fn nfc(doc: Document) -> Document {
    let normalised = match ingest::normalize(&doc) {
        std::borrow::Cow::Owned(d) => Some(d),
        std::borrow::Cow::Borrowed(_) => None,
    };
    normalised.unwrap_or(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(a: Source, b: Source) -> Job {
        Job {
            a,
            b,
            read: ReadOptions::default(),
            input: Input::Auto,
            options: Options::default(),
        }
    }

    #[test]
    fn a_named_file_is_named_in_the_report_and_in_errors() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join("x_1");
        std::fs::write(&tmp, "The talks lasted five hours.").unwrap();
        let tmp = tmp.to_string_lossy().into_owned();
        let named = |file: &str| Source::File {
            file: file.to_string(),
            name: Some("story.txt".to_string()),
        };
        let report = job(named(&tmp), Source::file(tmp.clone())).run().unwrap();
        assert_eq!(report.a.path, "story.txt");
        assert_eq!(report.b.path, tmp);
        let missing = dir.path().join("gone").to_string_lossy().into_owned();
        let e = job(named(&missing), Source::file(tmp)).run().unwrap_err();
        assert_eq!(e.code(), "not-found");
        assert!(e.to_string().starts_with("story.txt: no such file"), "{e}");
    }

    #[test]
    fn side_a_trouble_is_told_first_and_text_is_not_converted() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("empty.html");
        std::fs::write(&page, "<html><body></body></html>").unwrap();
        let page = page.to_string_lossy().into_owned();
        let missing = dir.path().join("gone").to_string_lossy().into_owned();
        let e = job(Source::file(page.clone()), Source::file(missing))
            .run()
            .unwrap_err();
        assert_eq!(e.code(), "html");
        let text = Document::from_text("a.html", "<html><body></body></html>");
        let mut j = job(Source::Text(text.clone()), Source::Text(text));
        j.input = Input::Html;
        assert!(j.run().is_ok());
    }
}
