//! english: the one place where a changed claim's English is composed ([`claim`]), from the
//! structured [`Reason`] the claim stage gives each finding, and an inconsistency's
//! ([`inconsistency`]), from its two spans, and a note's ([`note`]), from its
//! [`NoteReason`]. The JSON `message` and the text, side-by-side and HTML renderers all read
//! the sentence composed here.
//!
//! Quotations and denials are shortened to their first eight words and an ellipsis when they
//! run over ten ([`short`]).

use crate::report::{
    ClaimKind, EventStage, Inconsistency, NoteReason, Reason, SideId, StatusDates,
};

/// Which side is which in messages.
fn name(id: SideId) -> &'static str {
    match id {
        SideId::A => "A",
        SideId::B => "B",
    }
}

/// A quotation as a message shows it: its words, or its first eight and "…" when it has more
/// than ten.
pub fn short(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 10 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

fn told(s: EventStage) -> &'static str {
    match s {
        EventStage::Pending => "as expected or planned",
        EventStage::Done => "as done",
        EventStage::NotDone => "as not done",
    }
}

/// The English sentence of a changed, added or dropped claim.
pub fn claim(reason: &Reason) -> String {
    use Reason as R;
    match reason {
        R::ValueDiffers {
            what,
            topic,
            dated,
            a,
            b,
        } => match topic {
            Some(t) if *dated => format!("the {t} is dated {a} in A but {b} in B"),
            Some(t) => format!("the {t} {what} is {a} in A but {b} in B"),
            None => format!("the {what} reads \"{a}\" in A but \"{b}\" in B"),
        },
        R::PrecisionLost { a, b } => format!("precision lost: \"{a}\" in A, only \"{b}\" in B"),
        R::ValueOnly {
            what,
            topic,
            dated,
            text,
            side,
        } => match topic {
            Some(w) if *dated => format!("the {w} is dated {text} in {} only", name(*side)),
            _ => format!("the {what} \"{text}\" is stated in {} only", name(*side)),
        },
        R::StatusChanged {
            stage_a,
            a,
            stage_b,
            b,
            dates,
        } => {
            let why = match dates {
                StatusDates::Unknown => String::new(),
                StatusDates::Revision { later, a, b } => format!(
                    "; {} was published later ({a} / {b}), so it reads as a later revision",
                    name(*later)
                ),
                StatusDates::SameDay { date } => {
                    format!("; both were published on {date}, so both cannot be true")
                }
                StatusDates::Backwards { later, a, b } => format!(
                    "; {} was published later ({a} / {b}) yet tells an earlier stage",
                    name(*later)
                ),
            };
            format!(
                "A tells it {} (\"{a}\") but B {} (\"{b}\"){why}",
                told(*stage_a),
                told(*stage_b)
            )
        }
        R::QuoteWorded { a, b } => format!(
            "the quote is worded differently: \"{}\" in A but \"{}\" in B",
            short(a),
            short(b)
        ),
        R::QuoteSpeaker { quote, a, b } => format!(
            "the quote \"{}\" is given to {a} in A but to {b} in B",
            short(quote)
        ),
        R::QuoteUnquoted { quote, quoted_in } => {
            let other = match quoted_in {
                SideId::A => SideId::B,
                SideId::B => SideId::A,
            };
            format!(
                "the quote \"{}\" in {} is reported without quotation marks in {}",
                short(quote),
                name(*quoted_in),
                name(other)
            )
        }
        R::QuoteOnly {
            quote,
            speaker,
            side,
        } => {
            let who = speaker
                .as_ref()
                .map(|p| format!(" by {p}"))
                .unwrap_or_default();
            format!(
                "the quote \"{}\"{who} is in {} only",
                short(quote),
                name(*side)
            )
        }
        R::QuoteReported { quote, a, b } => format!(
            "the quote \"{}\" is reported as \"{a}\" in A but \"{b}\" in B",
            short(quote)
        ),
        R::NegationFlipped {
            negator,
            word,
            negated_in,
        } => match negated_in {
            SideId::A => format!(
                "negation flipped: \"{negator} {word}\" in A, \"{word}\" without \"{negator}\" in B"
            ),
            SideId::B => {
                format!("negation flipped: \"{word}\" in A, \"{negator} {word}\" in B")
            }
        },
        R::DenialOnly { denial, side } => {
            format!(
                "the denial \"{}\" is in {} only",
                short(denial),
                name(*side)
            )
        }
        R::HedgeRemoved { hedge } => format!("hedge \"{hedge}\" removed: in A, not in B"),
        R::HedgeAdded { hedge } => format!("hedge \"{hedge}\" added in B"),
        R::AttributionSoftened { a, b } => {
            format!("attribution softened: \"{a}\" in A, \"{b}\" in B")
        }
        R::AttributionDistanced { a, b } => {
            format!("attribution distanced: \"{a}\" in A, \"{b}\" in B")
        }
        R::StatementOnly { verb, side } => format!(
            "a statement reported with \"{verb}\" is in {} only",
            name(*side)
        ),
        R::NameOnly {
            place,
            name: n,
            side,
        } => format!(
            "the {} {n} appears in {} only",
            if *place { "place" } else { "name" },
            name(*side)
        ),
        R::NameChanged { a, b } => format!("another name: {a} in A but {b} in B"),
        R::NameSpelt { a, b } => format!("the name is spelt {a} in A but {b} in B"),
        R::Text(t) => t.clone(),
    }
}

/// The English sentence of an inconsistency: one version giving two dates for one event, or
/// two figures for one thing.
pub fn inconsistency(i: &Inconsistency) -> String {
    let what = if i.kind == ClaimKind::Date {
        "two dates for the same event"
    } else {
        "two figures for the same thing"
    };
    format!(
        "{} gives {what}: {} and {}",
        name(i.side),
        i.first.text,
        i.second.text
    )
}

/// The words a denial's entry shows in a list of added or dropped claims: the denial itself,
/// not the negator alone.
pub fn denial(reason: &Reason) -> Option<String> {
    match reason {
        Reason::DenialOnly { denial, .. } => Some(short(denial)).filter(|d| !d.trim().is_empty()),
        _ => None,
    }
}

/// The English of a note ("" for [`NoteReason::Text`], whose note carries its own).
pub fn note(r: &NoteReason) -> String {
    match r {
        NoteReason::Text => String::new(),
        NoteReason::Repeated {
            sentences,
            max_repeats,
        } => format!(
            "{sentences} sentence(s) repeat more than {max_repeats} times; their copies were \
             paired by exact match and order of occurrence only"
        ),
        NoteReason::TooManySentences { a, b, max } => format!(
            "{a} and {b} sentences exceed the limit of {max} per side; only sentences equal up \
             to white space were paired"
        ),
        NoteReason::WorkBudget { budget, scored, of } => format!(
            "the work budget of {budget} steps was spent after scoring {scored} of {of} \
             sentences of B; the rest were paired by exact match only"
        ),
        NoteReason::Unindexable {
            sentences,
            max_postings,
        } => format!(
            "{sentences} sentences of B consist only of words found in more than \
             {max_postings} sentences of A; they were paired by exact match only"
        ),
        NoteReason::DiffedWhole { rows, max_tokens } => format!(
            "{rows} row(s) longer than {max_tokens} tokens were diffed as a whole (one \
             deletion, one insertion)"
        ),
        NoteReason::Windowed {
            a,
            b,
            windows,
            size,
        } => format!(
            "long texts ({a} and {b} sentences): claims were compared within {windows} \
             windows of about {size} aligned sentences each, not across the whole texts"
        ),
        NoteReason::ClaimsCapped {
            side,
            sentences,
            max,
            left_out,
            before,
        } => format!(
            "{sentences} sentence(s) of {} hold more than {max} claims each: only the first \
             {max} of each were compared ({left_out} of {before} claims left out)",
            name(*side)
        ),
        NoteReason::ClaimsSkipped {
            side,
            sentences,
            max_bytes,
        } => format!(
            "{sentences} sentence(s) of {} are longer than {max_bytes} bytes: their claims \
             were not compared",
            name(*side)
        ),
        NoteReason::InconsistenciesCapped {
            side,
            found,
            kept,
            per_value,
            total,
        } => format!(
            "{} states {found} pairs of values that disagree; only {kept} are listed (at \
             most {per_value} per value and {total} in all)",
            name(*side)
        ),
        NoteReason::DateInferredBoth { date, why_a, why_b } => {
            format!("dates in A and B resolved against {date} (A {why_a}; B {why_b})")
        }
        NoteReason::DateInferred { side, date, why } => {
            format!("dates in {} resolved against {date} ({why})", name(*side))
        }
        NoteReason::DateUnknown { side, floor } => {
            let bound = |who: &str| match floor {
                Some((from, latest)) => {
                    format!(", taken to be {from} or later (the latest year {who} is {latest})")
                }
                None => String::new(),
            };
            match side {
                Some(s) => format!(
                    "no publication date known for {me} (give --date-{lower}){}: its relative \
                     dates (such as \"Friday\" or \"last November\") were compared as of one \
                     unknown date",
                    bound("it mentions"),
                    me = name(*s),
                    lower = name(*s).to_ascii_lowercase()
                ),
                None => format!(
                    "no publication date known for A or B (give --date): relative dates (such \
                     as \"Friday\" or \"last November\") were compared as of one unknown \
                     date{}",
                    bound("the texts mention")
                ),
            }
        }
        NoteReason::DateFromPage { side, date, source } => format!(
            "dates in {me} resolved against {date}, the publication date the page gives in \
             {source} (--date-{lower} sets another)",
            me = name(*side),
            lower = name(*side).to_ascii_lowercase()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The notes no corpus input raises, worded as the stages worded them before the English
    /// moved here (the strings are those of the former `format!` calls).
    #[test]
    fn notes_read_as_they_did() {
        use crate::report::NoteReason as N;
        let cases = [
            (
                N::TooManySentences { a: 5, b: 6, max: 4 },
                "5 and 6 sentences exceed the limit of 4 per side; only sentences equal up to \
                 white space were paired",
            ),
            (
                N::WorkBudget {
                    budget: 100,
                    scored: 3,
                    of: 9,
                },
                "the work budget of 100 steps was spent after scoring 3 of 9 sentences of B; the \
                 rest were paired by exact match only",
            ),
            (
                N::Unindexable {
                    sentences: 120,
                    max_postings: 50,
                },
                "120 sentences of B consist only of words found in more than 50 sentences of A; \
                 they were paired by exact match only",
            ),
            (
                N::ClaimsCapped {
                    side: SideId::A,
                    sentences: 2,
                    max: 40,
                    left_out: 7,
                    before: 90,
                },
                "2 sentence(s) of A hold more than 40 claims each: only the first 40 of each were \
                 compared (7 of 90 claims left out)",
            ),
            (
                N::InconsistenciesCapped {
                    side: SideId::B,
                    found: 30,
                    kept: 10,
                    per_value: 3,
                    total: 10,
                },
                "B states 30 pairs of values that disagree; only 10 are listed (at most 3 per \
                 value and 10 in all)",
            ),
            (
                N::DateFromPage {
                    side: SideId::B,
                    date: "2024-04-26".into(),
                    source: "article:published_time".into(),
                },
                "dates in B resolved against 2024-04-26, the publication date the page gives in \
                 article:published_time (--date-b sets another)",
            ),
            (N::Text, ""),
        ];
        for (reason, want) in cases {
            assert_eq!(note(&reason), want, "{reason:?}");
        }
    }

    #[test]
    fn values_read_with_their_topic_when_known() {
        let r = |topic: Option<&str>, dated: bool, what: &str| Reason::ValueDiffers {
            what: what.into(),
            topic: topic.map(str::to_string),
            dated,
            a: "last November".into(),
            b: "late 2018".into(),
        };
        assert_eq!(
            claim(&r(Some("summit"), true, "date")),
            "the summit is dated last November in A but late 2018 in B"
        );
        assert_eq!(
            claim(&r(None, false, "date")),
            "the date reads \"last November\" in A but \"late 2018\" in B"
        );
        assert_eq!(
            claim(&r(Some("toll"), false, "figure")),
            "the toll figure is last November in A but late 2018 in B"
        );
    }

    #[test]
    fn quotations_are_shortened_and_sides_named() {
        let long = "one two three four five six seven eight nine ten eleven";
        assert_eq!(short(long), "one two three four five six seven eight …");
        assert_eq!(short("a  few\nwords"), "a few words");
        assert_eq!(
            claim(&Reason::QuoteUnquoted {
                quote: "we will rebuild".into(),
                quoted_in: SideId::B,
            }),
            "the quote \"we will rebuild\" in B is reported without quotation marks in A"
        );
        assert_eq!(
            claim(&Reason::NegationFlipped {
                negator: "not".into(),
                word: "reopen".into(),
                negated_in: SideId::B,
            }),
            "negation flipped: \"reopen\" in A, \"not reopen\" in B"
        );
        let denial = Reason::DenialOnly {
            denial: "did not meddle".into(),
            side: SideId::A,
        };
        assert_eq!(claim(&denial), "the denial \"did not meddle\" is in A only");
        assert_eq!(super::denial(&denial).as_deref(), Some("did not meddle"));
        assert_eq!(claim(&Reason::Text("as is".into())), "as is");
    }

    #[test]
    fn inconsistencies_name_the_side_and_both_values() {
        use crate::report::ClaimSpan;
        let span = |text: &str| ClaimSpan {
            sentence: 0,
            start: 0,
            end: text.len(),
            text: text.into(),
        };
        let mut i = Inconsistency {
            side: SideId::B,
            kind: ClaimKind::Date,
            first: span("Tuesday"),
            second: span("Friday"),
            message: String::new(),
        };
        assert_eq!(
            inconsistency(&i),
            "B gives two dates for the same event: Tuesday and Friday"
        );
        i.kind = ClaimKind::Number;
        assert_eq!(
            inconsistency(&i),
            "B gives two figures for the same thing: Tuesday and Friday"
        );
    }
}
