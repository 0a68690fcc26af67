//! segment datelines: finds a dateline at the start of a sentence ("BEIJING -",
//! "LONDON (Reuters) —", "WASHINGTON, April 26 (AP) --", "Beijing:").
//!
//! Input: one sentence's text (trimmed). Output: the byte range of the dateline inside it,
//! ending after the dash or colon, or `None`. Invariant: looks at no more than the first 12
//! tokens, so the cost is bounded whatever the sentence length; ranges lie on char boundaries.

use super::{is_ws, tables};

const DASHES: &[&str] = &["-", "–", "—", "--", "―", "−", "|"];

/// Returns `(start, end)` of a leading dateline within `s`.
pub(super) fn find(s: &str) -> Option<(usize, usize)> {
    let toks = first_tokens(s, 12);
    colon_form(&toks).or_else(|| dash_form(&toks))
}

fn first_tokens(s: &str, max: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if is_ws(c) {
            if let Some(b) = start.take() {
                out.push((b, &s[b..i]));
                if out.len() == max {
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

/// A place word in capitals: "BEIJING", "ST.", "NEW", "WASHINGTON,".
fn caps_word(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| {
            (c.is_alphabetic() && !c.is_lowercase()) || matches!(c, '.' | '\'' | '’' | '-')
        })
}

/// A capitalised place word: "Beijing", "New", "Delhi".
fn title_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars().count() >= 2
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

fn next_starts_sentence(toks: &[(usize, &str)], k: usize) -> bool {
    toks.get(k).is_some_and(|(_, t)| {
        let t = t.trim_start_matches(['"', '“', '‘', '\'', '(']);
        t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// "Beijing: Despite…", "New Delhi: The…", "ISLAMABAD: Prime…".
fn colon_form(toks: &[(usize, &str)]) -> Option<(usize, usize)> {
    for k in 0..toks.len().min(3) {
        let (b, t) = toks[k];
        if let Some(w) = t.strip_suffix(':') {
            if !(title_word(w) || caps_word(w)) || w.ends_with(':') {
                return None;
            }
            let label: String = toks[..k]
                .iter()
                .map(|(_, t)| *t)
                .chain(std::iter::once(w))
                .collect::<Vec<_>>()
                .join(" ");
            if tables::is_colon_label(&label) || tables::is_colon_label(w) {
                return None;
            }
            return next_starts_sentence(toks, k + 1).then_some((0, b + t.len()));
        }
        if !(title_word(t) || caps_word(t)) {
            return None;
        }
    }
    None
}

/// "BEIJING -", "LONDON (Reuters) —", "WASHINGTON, April 26 (Reuters) -", "London (AP) -".
fn dash_form(toks: &[(usize, &str)]) -> Option<(usize, usize)> {
    let mut i = 0;
    let mut letters = 0;
    while i < toks.len() && i < 4 && caps_word(toks[i].1) {
        letters += toks[i].1.chars().filter(|c| c.is_alphabetic()).count();
        i += 1;
    }
    let caps = i > 0 && letters >= 3;
    if !caps {
        i = 0;
        while i < toks.len() && i < 3 && title_word(toks[i].1.trim_end_matches(',')) {
            i += 1;
        }
        if i == 0 {
            return None;
        }
    }
    // optional date: "April 26," "Jan. 5" "2024"
    if i < toks.len() && tables::is_month(toks[i].1) {
        i += 1;
        while i < toks.len()
            && toks[i]
                .1
                .trim_end_matches(',')
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            i += 1;
        }
    }
    // optional agency: "(Reuters)" "(AP)" "(Xinhua News Agency)"
    let mut agency = false;
    if i < toks.len() && toks[i].1.starts_with('(') {
        let open = i;
        while i < toks.len() && i < open + 4 {
            let closes = toks[i].1.ends_with(')');
            i += 1;
            if closes {
                agency = true;
                break;
            }
        }
        if !agency {
            return None;
        }
    }
    if !caps && !agency {
        return None;
    }
    let (b, t) = *toks.get(i)?;
    if !DASHES.contains(&t) {
        return None;
    }
    toks.get(i + 1)?;
    Some((0, b + t.len()))
}

#[cfg(test)]
mod tests {
    use super::find;

    fn dl(s: &str) -> Option<&str> {
        find(s).map(|(a, b)| &s[a..b])
    }

    #[test]
    fn caps_place_and_dash() {
        assert_eq!(dl("PORTSMOUTH - The council met."), Some("PORTSMOUTH -"));
        assert_eq!(dl("NEW YORK — Stocks fell."), Some("NEW YORK —"));
        assert_eq!(
            dl("OSLO\u{a0} -\u{a0} \u{a0}The king spoke."),
            Some("OSLO\u{a0} -")
        );
    }

    #[test]
    fn agency_and_date() {
        assert_eq!(
            dl("LONDON (Reuters) — Prices rose."),
            Some("LONDON (Reuters) —")
        );
        assert_eq!(
            dl("WASHINGTON, April 26 (AP) -- The House voted."),
            Some("WASHINGTON, April 26 (AP) --")
        );
        assert_eq!(dl("Paris (AFP) - The strike ended."), Some("Paris (AFP) -"));
    }

    #[test]
    fn colon_form() {
        assert_eq!(dl("Lahore: Rain is expected."), Some("Lahore:"));
        assert_eq!(dl("New Delhi: The court ruled."), Some("New Delhi:"));
    }

    #[test]
    fn not_datelines() {
        assert_eq!(dl("Photo: Reuters"), None);
        assert_eq!(dl("Note: The figures are provisional."), None);
        assert_eq!(dl("He said: The plan failed."), None);
        assert_eq!(dl("Smith - who was there - agreed."), None);
        assert_eq!(dl("US - China talks resume"), None);
        assert_eq!(dl("BEIJING"), None);
    }
}
