//! ingest::bounds: caps a web page's nesting and size before the HTML parser sees it.
//!
//! Input: a page's HTML. Output: the same HTML, or a copy with the start tags (and their end
//! tags) beyond the caps left out; the text between tags is always kept. Invariants: one pass,
//! linear in the input; a page within the caps (every real news page we have seen) comes back
//! unchanged, borrowed.
//!
//! Why: the HTML5 tree builder (html5ever, as browsers build trees) checks "is there a `<p>`
//! in scope" by walking the stack of open elements, so 100,000 nested `<div>` cost
//! 100,000² steps, and it re-opens every unclosed formatting element (`<b>`, `<i>`, `<a>`, …)
//! in each new paragraph, so 1,000 unclosed `<b id=…>` before 10,000 `<p>` build ten million
//! elements. Browsers bound the same things: Blink (and WebKit) stop nesting at 512 elements
//! deep (`kMaximumHTMLParserDOMTreeDepth`) and put deeper elements beside the 512th rather
//! than inside it; leaving the tag out does the same for the text, which is all storydiff
//! reads. The formatting-element cap follows the spec's "Noah's Ark" clause, which already
//! keeps at most three identical ones, extended to any attributes.
//!
//! The scanner is a tokenizer light: comments, doctypes and processing instructions are
//! copied whole, attribute values in quotes may hold `>`, and the content of `<script>`,
//! `<style>`, `<textarea>`, `<title>` and the other raw-text elements is not read as tags. The
//! depth it counts is an estimate (elements whose end tags may be left out, such as `<p>`,
//! `<li>` and table cells, do not count), good enough to bound the parser's work.

use std::borrow::Cow;

/// Elements nested deeper than this are left out (their text is kept): Blink's
/// `kMaximumHTMLParserDOMTreeDepth`.
pub(crate) const MAX_DEPTH: usize = 512;

/// Open formatting elements (`<b>`, `<i>`, `<a>`, `<font>`…) at most; more are left out.
/// Real pages nest a handful; each one open is re-created in every later paragraph.
pub(crate) const MAX_OPEN_FORMATTING: usize = 8;

/// Elements in a page at most (a long news page has a few thousand); tags after this many are
/// left out, their text kept.
pub(crate) const MAX_ELEMENTS: usize = 200_000;

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out (the parser closes them implicitly), and the
/// document's own `html`, `head`, `body`: they do not count towards the depth.
const IMPLIED_END: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "rtc", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// The formatting elements of the HTML5 "list of active formatting elements".
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// `html` with the tags beyond [`MAX_DEPTH`], [`MAX_OPEN_FORMATTING`] and [`MAX_ELEMENTS`]
/// left out (borrowed when nothing is).
pub(crate) fn limit(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `html` before `copied` are already in `out` (when it exists).
    let mut copied = 0usize;
    let leave_out = |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[*copied..from]);
        *copied = to;
    };
    let mut open: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut dropped: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let (mut depth, mut formatting, mut elements) = (0usize, 0usize, 0usize);
    let mut i = 0usize;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if matches!(rest.get(1), Some(b'!' | b'?')) {
            i = find(b, lt + 2, b">").map_or(b.len(), |e| e + 1);
            continue;
        }
        let end_tag = rest.get(1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(end_tag);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1; // a `<` that opens no tag is text
            continue;
        }
        let name_end = b[name_at..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
            .map_or(b.len(), |p| name_at + p);
        let name = html[name_at..name_end].to_ascii_lowercase();
        let Some(gt) = tag_end(b, name_end) else {
            break; // an unfinished tag at the end: left to the parser as it is
        };
        let after = gt + 1;
        let self_closing = gt > 0 && b[gt - 1] == b'/';
        let (counted, is_formatting) = (
            !VOID.contains(&name.as_str()) && !IMPLIED_END.contains(&name.as_str()),
            FORMATTING.contains(&name.as_str()),
        );
        if end_tag {
            if let Some(n) = dropped.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                leave_out(&mut out, &mut copied, lt, after);
            } else if let Some(n) = open.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                depth -= 1;
                formatting -= usize::from(is_formatting);
            }
            i = after;
            continue;
        }
        // The content of a raw-text element runs to its end tag, whatever it holds.
        let raw_end = if RAW_TEXT.contains(&name.as_str()) && !self_closing {
            Some(raw_text_end(b, after, &name))
        } else {
            None
        };
        let over = elements >= MAX_ELEMENTS
            || (counted && !self_closing && depth >= MAX_DEPTH)
            || (is_formatting && !self_closing && formatting >= MAX_OPEN_FORMATTING);
        if over {
            match raw_end {
                // Left out with its content: a script's code must not become article text.
                Some(end) => {
                    let close = tag_end(b, end).map_or(b.len(), |g| g + 1);
                    leave_out(&mut out, &mut copied, lt, close);
                    i = close;
                }
                None => {
                    if counted && !self_closing {
                        *dropped.entry(name).or_default() += 1;
                    }
                    leave_out(&mut out, &mut copied, lt, after);
                    i = after;
                }
            }
            continue;
        }
        elements += 1;
        if let Some(end) = raw_end {
            i = end; // the end tag itself is read next, as an end tag
            continue;
        }
        if counted && !self_closing {
            *open.entry(name).or_default() += 1;
            depth += 1;
            formatting += usize::from(is_formatting);
        }
        i = after;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// The first index at or after `from` where `pat` starts.
fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|p| from + p)
}

/// The index of the `>` that ends a tag whose attributes start at `from`: a `>` inside a
/// quoted attribute value does not end it. `None` when the input ends first.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut j = from;
    while j < b.len() {
        match b[j] {
            b'>' => return Some(j),
            b'=' => {
                j += 1;
                while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = b.get(j) {
                    j = b[j + 1..].iter().position(|&c| c == q)? + j + 2;
                    continue;
                }
            }
            _ => j += 1,
        }
    }
    None
}

/// Where the end tag of raw-text element `name` starts (`</name`, any case), or the input's
/// end (`<plaintext>` never ends).
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    if name == "plaintext" {
        return b.len();
    }
    let n = name.len();
    let mut j = from;
    while let Some(p) = find(b, j, b"</") {
        let candidate = b.get(p + 2..p + 2 + n);
        let boundary = b
            .get(p + 2 + n)
            .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'));
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) && boundary {
            return p;
        }
        j = p + 2;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_come_back_unchanged() {
        let page = "<!DOCTYPE html><html><head><title>a<b></title><script>if (a<b) x='</p>';\
                    </script></head><body><!-- <div> --><div class=\"x>y\"><p>One <b>two</b>\
                    <br/><img src=x><p>Three<ul><li>x<li>y</ul></div></body></html>";
        assert!(matches!(limit(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_at_the_cap_and_the_text_kept() {
        let n = MAX_DEPTH + 100;
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let out = limit(&page);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("<p>deep text</p>"));
    }

    #[test]
    fn open_formatting_elements_are_capped() {
        let page: String =
            (0..1000).map(|i| format!("<b id={i}>")).collect::<String>() + &"<p>text".repeat(3);
        let out = limit(&page);
        assert_eq!(out.matches("<b ").count(), MAX_OPEN_FORMATTING);
        assert_eq!(out.matches("<p>text").count(), 3);
    }

    #[test]
    fn element_count_is_capped_and_scripts_never_become_text() {
        let page = "<i></i>".repeat(MAX_ELEMENTS) + "<script>var x = 1;</script><p>after";
        let out = limit(&page);
        assert!(!out.contains("var x"));
        assert!(out.ends_with("after"));
        assert!(!out.contains("<p>"));
    }

    #[test]
    fn unfinished_markup_does_not_panic() {
        for s in [
            "<",
            "<a",
            "<a href=\"x",
            "</",
            "<!--",
            "<script>x",
            "<div x='>",
            "a<1",
        ] {
            let _ = limit(s);
        }
    }
}
