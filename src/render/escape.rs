//! escape: makes input text safe to write to a terminal.
//!
//! Input: any text taken from the two inputs (sentences, diff chunks, claim spans, paths).
//! Output: the same text with every character that could act on the terminal instead of being
//! shown — C0 and C1 control characters (ESC, BEL, backspace, …), the bidirectional controls
//! that reorder what is displayed, and the invisible byte-order mark — written as `\u{1b}`.
//! Invariant: the output holds no control character except the ASCII white space that the
//! wrapper collapses; white space is left to the wrapper (see `render::wrap`).

/// True for characters that text output must never write raw.
pub fn needs_escape(c: char) -> bool {
    // White space (tab, line ends, NEL) is collapsed to a space by the wrapper, not escaped.
    if c.is_whitespace() {
        return false;
    }
    c.is_control()
        // Bidirectional controls (Unicode TR9 explicit formatting characters): they reorder the
        // displayed text, which could make a changed word look unchanged ("Trojan Source").
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
        // A byte-order mark inside a sentence is invisible but makes two texts differ.
        || c == '\u{FEFF}'
}

/// `s` with the characters of [`needs_escape`] written as `\u{…}` (lower-case hex).
pub fn escape(s: &str) -> String {
    if !s.chars().any(needs_escape) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` with every character that could act on a terminal or start a new line written as
/// `\u{…}`: what [`escape`] escapes, and also line ends, tabs and the other control white
/// space (a newline in a file name would forge a second `storydiff:` line). Ordinary spaces
/// are kept. For names and values echoed in messages (paths, option values, batch ids).
pub fn name(s: &str) -> String {
    let bad = |c: char| needs_escape(c) || c.is_control() || matches!(c, '\u{2028}' | '\u{2029}');
    if !s.chars().any(bad) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_shown_not_sent() {
        assert_eq!(escape("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(escape("bell\u{7}"), "bell\\u{7}");
        assert_eq!(escape("csi\u{9b}2J"), "csi\\u{9b}2J");
        assert_eq!(escape("back\u{8}space"), "back\\u{8}space");
        assert_eq!(escape("\u{202E}evil"), "\\u{202e}evil");
        assert_eq!(escape("\u{FEFF}Title"), "\\u{feff}Title");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let s = "Café “quoted” — 北京 naïve 🚀 tab\there";
        assert_eq!(escape(s), s);
    }

    #[test]
    fn names_show_line_ends_and_controls() {
        assert_eq!(name("a b.txt"), "a b.txt");
        assert_eq!(name("x\ny.txt"), "x\\u{a}y.txt");
        assert_eq!(
            name("\u{1b}]0;t\u{7}\u{9b}2J\tz"),
            "\\u{1b}]0;t\\u{7}\\u{9b}2J\\u{9}z"
        );
        assert_eq!(name("l\u{2028}m"), "l\\u{2028}m");
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!name(&all).chars().any(|c| c.is_control()));
    }

    #[test]
    fn output_has_no_control_characters() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let out = name(&all);
        assert!(!out.chars().any(|c| c.is_control()));
    }
}
