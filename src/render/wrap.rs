//! wrap: styled text → lines of at most a given display width.
//!
//! Input: [`Span`]s (a style and raw text from the inputs). Output: [`Line`]s, each a list of
//! spans. Invariants: every run of white space becomes one space (line ends inside a sentence
//! included), characters that could act on the terminal are escaped ([`super::escape`]), lines
//! break at spaces and only inside a word when the word alone is wider than the line, widths
//! count terminal columns (`unicode-width`: CJK and emoji take two, combining marks none).
//! Styles are applied per line when painting, so no escape sequence spans a line break (which
//! keeps side-by-side columns and pagers right).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::escape::escape;
use super::palette::{Class, Palette};

/// How a span is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// No style.
    Plain,
    /// The class's colour.
    Paint(Class),
    /// The class's colour with emphasis: changed words inside a line.
    Emph(Class),
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub style: Style,
    pub text: String,
}

impl Span {
    pub(crate) fn new(style: Style, text: impl Into<String>) -> Self {
        Span {
            style,
            text: text.into(),
        }
    }
    pub(crate) fn plain(text: impl Into<String>) -> Self {
        Span::new(Style::Plain, text)
    }
}

/// One output line.
pub(crate) type Line = Vec<Span>;

/// Display width of `s` in terminal columns.
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Display width of a line.
pub(crate) fn line_width(line: &[Span]) -> usize {
    line.iter().map(|s| width(&s.text)).sum()
}

/// A word: the atoms between two runs of white space, possibly in several styles.
#[derive(Debug, Default)]
struct Word {
    atoms: Vec<Span>,
    width: usize,
    /// Style of the white space before the word (None at the start of the text).
    space_before: Option<Style>,
}

fn words(spans: &[Span]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = Word::default();
    let mut pending_space: Option<Style> = None;
    for span in spans {
        let text = escape(&span.text);
        for c in text.chars() {
            if c.is_whitespace() {
                if !cur.atoms.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if !out.is_empty() && pending_space.is_none() {
                    pending_space = Some(span.style);
                }
                continue;
            }
            if cur.atoms.is_empty() {
                cur.space_before = pending_space.take();
            }
            match cur.atoms.last_mut() {
                Some(a) if a.style == span.style => a.text.push(c),
                _ => cur.atoms.push(Span::new(span.style, c.to_string())),
            }
        }
    }
    if !cur.atoms.is_empty() {
        out.push(cur);
    }
    for w in &mut out {
        w.width = w.atoms.iter().map(|a| width(&a.text)).sum();
    }
    out
}

fn push_span(line: &mut Line, style: Style, text: &str) {
    match line.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => line.push(Span::new(style, text)),
    }
}

/// Breaks `spans` into lines of at most `max` columns; `max == 0` gives one line.
///
/// Always returns at least one line (possibly empty).
pub(crate) fn wrap(spans: &[Span], max: usize) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Line = Vec::new();
    let mut used = 0usize;
    for word in words(spans) {
        let fits = max == 0 || used + 1 + word.width <= max;
        if used > 0 && fits {
            push_span(&mut line, word.space_before.unwrap_or(Style::Plain), " ");
            used += 1;
        } else if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if max > 0 && word.width > max {
            // Longer than a whole line: cut between grapheme clusters.
            for atom in &word.atoms {
                for g in atom.text.graphemes(true) {
                    let gw = width(g);
                    if used > 0 && used + gw > max {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    push_span(&mut line, atom.style, g);
                    used += gw;
                }
            }
        } else {
            for atom in &word.atoms {
                push_span(&mut line, atom.style, &atom.text);
            }
            used += word.width;
        }
    }
    lines.push(line);
    lines
}

/// Writes `line` through `palette` into a string.
pub(crate) fn paint(line: &[Span], palette: &Palette) -> String {
    let mut out = String::new();
    for span in line {
        match span.style {
            Style::Plain => out.push_str(&span.text),
            Style::Paint(c) => out.push_str(&palette.paint(c, &span.text)),
            Style::Emph(c) => out.push_str(&palette.emphasize(c, &span.text)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        let l = wrap(&[Span::plain("one two three four five")], 9);
        assert_eq!(texts(&l), ["one two", "three", "four five"]);
    }

    #[test]
    fn zero_width_is_one_line_with_white_space_collapsed() {
        let l = wrap(&[Span::plain("  a\r\n\r\n b\t c  ")], 0);
        assert_eq!(texts(&l), ["a b c"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let l = wrap(&[Span::plain("北京 上海 广州")], 5);
        assert_eq!(texts(&l), ["北京", "上海", "广州"]);
        for line in &l {
            assert!(line_width(line) <= 5);
        }
    }

    #[test]
    fn long_words_are_cut_between_graphemes() {
        let l = wrap(&[Span::plain("ab https://example.com/very/long")], 10);
        for line in &l {
            assert!(line_width(line) <= 10, "{:?}", texts(&l));
        }
        assert_eq!(texts(&l).concat(), "abhttps://example.com/very/long");
        // A combining accent stays with its letter.
        let l = wrap(&[Span::plain("e\u{301}e\u{301}e\u{301}")], 2);
        assert_eq!(texts(&l), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn styles_survive_and_words_may_span_styles() {
        let spans = [
            Span::plain("the "),
            Span::new(Style::Emph(Class::Del), "old"),
            Span::plain("-fashioned way"),
        ];
        let l = wrap(&spans, 14);
        assert_eq!(texts(&l), ["the", "old-fashioned", "way"]);
        assert_eq!(l[1][0], Span::new(Style::Emph(Class::Del), "old"));
    }

    #[test]
    fn control_characters_are_escaped_before_measuring() {
        let l = wrap(&[Span::plain("a\u{1b}[2J b")], 0);
        assert_eq!(texts(&l), ["a\\u{1b}[2J b"]);
    }

    #[test]
    fn never_panics_on_tiny_widths() {
        for w in 0..4 {
            let l = wrap(&[Span::plain("北京 a bc 🚀🚀 e\u{301}")], w);
            assert!(!l.is_empty());
        }
    }
}
