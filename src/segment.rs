//! segment: a document's text → sentences with exact byte spans and headline/dateline/furniture
//! flags.
//!
//! Input: the text exactly as read (BOM, CRLF and CR kept). Output: [`Segment`]s in reading
//! order. Invariants: spans are non-empty, do not overlap, lie on `char` boundaries, start and
//! end on non-white-space, and every non-white-space byte of the input lies in exactly one span.
//!
//! BASELINE: splits at paragraph breaks and at `.?!` followed by white space and a capital.
//! To be replaced by the full English news segmenter.

use crate::report::{ByteSpan, Role};

/// One sentence found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// Index of the paragraph (blank-line separated block).
    pub paragraph: usize,
    /// Byte span of a leading dateline, if any.
    pub dateline: Option<ByteSpan>,
}

/// Splits `text` into sentences.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    for (paragraph, block) in split_paragraphs(text).into_iter().enumerate() {
        let (bstart, bend) = block;
        let body = &text[bstart..bend];
        let mut s = 0;
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        for (i, &(off, c)) in chars.iter().enumerate() {
            if matches!(c, '.' | '?' | '!') {
                let next = chars.get(i + 1).map(|x| x.1);
                let after = chars.get(i + 2).map(|x| x.1);
                if next.is_some_and(char::is_whitespace) && after.is_some_and(char::is_uppercase) {
                    push(
                        &mut out,
                        text,
                        bstart + s,
                        bstart + off + c.len_utf8(),
                        paragraph,
                    );
                    s = off + c.len_utf8();
                }
            }
        }
        push(&mut out, text, bstart + s, bend, paragraph);
    }
    out
}

fn push(out: &mut Vec<Segment>, text: &str, start: usize, end: usize, paragraph: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (start, end) = (start + lead, end - trail);
    if start >= end {
        return;
    }
    let t = &text[start..end];
    let role = if !t.ends_with(['.', '?', '!', '"', '”', '’', ')']) {
        Role::Headline
    } else {
        Role::Body
    };
    out.push(Segment {
        start,
        end,
        role,
        paragraph,
        dateline: None,
    });
}

/// Byte ranges of the paragraphs: lines separated by one or more blank lines (any line end).
fn split_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut start = None;
    let mut last_nonblank_end = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let line = &text[line_start..i];
            if line.trim().is_empty() {
                if let Some(s) = start.take() {
                    blocks.push((s, last_nonblank_end));
                }
            } else {
                if start.is_none() {
                    start = Some(line_start);
                }
                last_nonblank_end = i;
            }
            if !at_end && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            line_start = i + 1;
        }
        i += 1;
    }
    if let Some(s) = start {
        blocks.push((s, last_nonblank_end));
    }
    blocks
}
