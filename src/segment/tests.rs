//! segment unit tests: one test per edge case of English news segmentation, on sentences
//! written for these tests; plus the span invariants on awkward inputs.

use super::*;

fn sents(text: &str) -> Vec<&str> {
    let segs = segment(text);
    check_invariants(text, &segs);
    segs.iter().map(|s| &text[s.start..s.end]).collect()
}

fn roles(text: &str) -> Vec<(Role, &str)> {
    segment(text)
        .into_iter()
        .map(|s| (s.role, &text[s.start..s.end]))
        .collect()
}

/// Spans non-empty, increasing, disjoint, on char boundaries, trimmed, and covering every
/// non-white-space char exactly once.
pub(crate) fn check_invariants(text: &str, segs: &[Segment]) {
    let mut prev_end = 0;
    for s in segs {
        assert!(s.start < s.end, "empty span {s:?}");
        assert!(s.start >= prev_end, "overlap or disorder at {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = &text[s.start..s.end];
        assert!(
            !t.starts_with(is_ws) && !t.ends_with(is_ws),
            "untrimmed {t:?}"
        );
        assert!(
            text[prev_end..s.start].chars().all(is_ws),
            "non-white-space outside spans before {s:?}"
        );
        if let Some(d) = s.dateline {
            assert!(d.start >= s.start && d.end <= s.end && d.start < d.end);
        }
        prev_end = s.end;
    }
    assert!(text[prev_end..].chars().all(is_ws), "uncovered tail");
}

#[test]
fn simple_stops() {
    assert_eq!(
        sents("The vote passed. Was it close? Yes! It was."),
        ["The vote passed.", "Was it close?", "Yes!", "It was."]
    );
}

#[test]
fn title_abbreviations() {
    assert_eq!(
        sents("Mr. Lee met Mrs. Park and Dr. Osei. Gen. Abe, Sen. Cole, Rep. Diaz and Gov. Ruiz came too."),
        [
            "Mr. Lee met Mrs. Park and Dr. Osei.",
            "Gen. Abe, Sen. Cole, Rep. Diaz and Gov. Ruiz came too."
        ]
    );
}

#[test]
fn country_abbreviations() {
    assert_eq!(
        sents(
            "Talks between the U.S. and the U.K. Foreign Office resumed. The U.S. Senate agreed."
        ),
        [
            "Talks between the U.S. and the U.K. Foreign Office resumed.",
            "The U.S. Senate agreed."
        ]
    );
    assert_eq!(
        sents("Prices rose in the U.S. They fell in the U.K. But not by much."),
        [
            "Prices rose in the U.S.",
            "They fell in the U.K.",
            "But not by much."
        ]
    );
}

#[test]
fn places_months_and_numbers() {
    assert_eq!(
        sents("The shop on St. Mark's Road opened on Jan. 5 and closed in Dec. last year. It was No. 3 in town."),
        [
            "The shop on St. Mark's Road opened on Jan. 5 and closed in Dec. last year.",
            "It was No. 3 in town."
        ]
    );
}

#[test]
fn company_and_latin_abbreviations() {
    assert_eq!(
        sents("Acme Inc. bought Brill Ltd. and Hale & Co. in March. Apples, pears, etc. were sold. It was Smith vs. Jones."),
        [
            "Acme Inc. bought Brill Ltd. and Hale & Co. in March.",
            "Apples, pears, etc. were sold.",
            "It was Smith vs. Jones."
        ]
    );
    assert_eq!(
        sents("The deal went to Hale & Co. It closed on Monday."),
        ["The deal went to Hale & Co.", "It closed on Monday."]
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        sents("At 7 a.m. Ms. Diaz left home. The ferry sailed at 9 p.m. She was on it. It docks at 6 a.m. Eastern time."),
        [
            "At 7 a.m. Ms. Diaz left home.",
            "The ferry sailed at 9 p.m.",
            "She was on it.",
            "It docks at 6 a.m. Eastern time."
        ]
    );
}

#[test]
fn initials() {
    assert_eq!(
        sents("George W. Bush met J.K. Rowling and T. S. Eliot's heirs. They talked."),
        [
            "George W. Bush met J.K. Rowling and T. S. Eliot's heirs.",
            "They talked."
        ]
    );
    assert_eq!(
        sents("It was you and I. Then Mary B. Cole came."),
        ["It was you and I.", "Then Mary B. Cole came."]
    );
}

#[test]
fn decimals_and_versions() {
    assert_eq!(
        sents("Growth was 5.5 percent. Version 3.2.1 fixed it. She paid $12.50. He paid 1,000."),
        [
            "Growth was 5.5 percent.",
            "Version 3.2.1 fixed it.",
            "She paid $12.50.",
            "He paid 1,000."
        ]
    );
}

#[test]
fn ellipses() {
    assert_eq!(
        sents("He paused... Then he spoke. It was ... well, odd. She waited…. Nobody came."),
        [
            "He paused...",
            "Then he spoke.",
            "It was ... well, odd.",
            "She waited….",
            "Nobody came."
        ]
    );
    assert_eq!(
        sents("The quote ran \"we will go . . . and win\" in full."),
        ["The quote ran \"we will go . . . and win\" in full."]
    );
}

#[test]
fn closers_after_the_stop() {
    assert_eq!(
        sents("She said, \"It is over.\" Then she left. (He stayed.) They met “later.” Fine."),
        [
            "She said, \"It is over.\"",
            "Then she left.",
            "(He stayed.)",
            "They met “later.”",
            "Fine."
        ]
    );
    assert_eq!(
        sents("“Is it over?” Nobody knew."),
        ["“Is it over?”", "Nobody knew."]
    );
}

#[test]
fn quoted_question_with_attribution() {
    assert_eq!(sents("“Why?” he asked."), ["“Why?” he asked."]);
    assert_eq!(
        sents("“Why now?” Lopez asked. “Wait!” shouted Kim."),
        ["“Why now?” Lopez asked.", "“Wait!” shouted Kim."]
    );
    assert_eq!(
        sents("\"Who knows?\" the minister said."),
        ["\"Who knows?\" the minister said."]
    );
}

#[test]
fn exclamation_in_names() {
    assert_eq!(
        sents("She works at Yahoo! in the sales team."),
        ["She works at Yahoo! in the sales team."]
    );
}

#[test]
fn lines_without_final_punctuation() {
    assert_eq!(
        sents("Storm closes ports\nFerries cancelled across the south\n\nThe storm hit at dawn."),
        [
            "Storm closes ports",
            "Ferries cancelled across the south",
            "The storm hit at dawn."
        ]
    );
}

#[test]
fn paragraph_break_always_ends() {
    assert_eq!(
        sents("He met Mr.\n\nSmith later, said the U.S.\n\nmission"),
        ["He met Mr.", "Smith later, said the U.S.", "mission"]
    );
    let segs = segment("One.\n\nTwo.\r\n\r\nThree.\r\rFour.");
    assert_eq!(
        segs.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
        [0, 1, 2, 3]
    );
}

#[test]
fn hard_wrapped_lines_join() {
    assert_eq!(
        sents("The council said on Tuesday that the old bridge\nwill close for repairs. Drivers must detour."),
        [
            "The council said on Tuesday that the old bridge\nwill close for repairs.",
            "Drivers must detour."
        ]
    );
}

#[test]
fn line_ends_of_every_kind() {
    for nl in ["\n", "\r\n", "\r"] {
        let text = format!("Headline here{nl}{nl}First line.{nl}Second line");
        assert_eq!(
            sents(&text),
            ["Headline here", "First line.", "Second line"],
            "{nl:?}"
        );
    }
}

#[test]
fn byte_order_mark_is_white_space() {
    let text = "\u{feff}Hello there. Bye.";
    let segs = segment(text);
    assert_eq!(segs[0].start, 3);
    assert_eq!(sents(text), ["Hello there.", "Bye."]);
}

#[test]
fn bullets_and_numbered_lists() {
    assert_eq!(
        sents("• Roads closed • Schools shut"),
        ["• Roads closed", "• Schools shut"]
    );
    assert_eq!(
        sents("1. Close the roads 2. Shut the schools"),
        ["1. Close the roads", "2. Shut the schools"]
    );
    assert_eq!(
        sents("1) Close roads. 2) Shut schools."),
        ["1) Close roads.", "2) Shut schools."]
    );
    assert_eq!(
        sents("- first point\n- second point\n* third point"),
        ["- first point", "- second point", "* third point"]
    );
    assert_eq!(
        sents("The score was 3. Fans cheered."),
        ["The score was 3.", "Fans cheered."]
    );
}

#[test]
fn urls_and_emails() {
    assert_eq!(
        sents("Write to desk.news@example.org. Or see https://example.com/a.b/c.html. Also www.Example.com.Thanks."),
        [
            "Write to desk.news@example.org.",
            "Or see https://example.com/a.b/c.html.",
            "Also www.Example.com.Thanks."
        ]
    );
}

#[test]
fn missing_space_after_stop() {
    assert_eq!(
        sents("The talks ended.Both sides left.Mr. Ito stayed."),
        ["The talks ended.", "Both sides left.", "Mr. Ito stayed."]
    );
}

#[test]
fn datelines() {
    let text = "OSLO (Reuters) — The king opened parliament.";
    let s = &segment(text)[0];
    let d = s.dateline.expect("dateline");
    assert_eq!(&text[d.start..d.end], "OSLO (Reuters) —");
    assert_eq!(s.start, 0);
    assert_eq!(s.end, text.len());
    let text = "Headline\n\nLahore: Rain fell. It stopped.";
    let segs = segment(text);
    let d = segs[1].dateline.expect("dateline");
    assert_eq!(&text[d.start..d.end], "Lahore:");
    assert!(segs[2].dateline.is_none());
    assert!(segment("KYIV - Sirens sounded.")[0].dateline.is_some());
}

#[test]
fn headline_and_section_label_roles() {
    let r = roles("WORLD AFFAIRS\n\nFloods hit the north\n\nRivers rose on Monday. Towns flooded.\n\nRescue efforts\n\nBoats arrived.\n\nRead more\n\nShare on Facebook");
    assert_eq!(
        r,
        [
            (Role::Furniture, "WORLD AFFAIRS"),
            (Role::Headline, "Floods hit the north"),
            (Role::Body, "Rivers rose on Monday."),
            (Role::Body, "Towns flooded."),
            (Role::Furniture, "Rescue efforts"),
            (Role::Body, "Boats arrived."),
            (Role::Furniture, "Read more"),
            (Role::Furniture, "Share on Facebook"),
        ]
    );
}

#[test]
fn subheads_inside_the_story_are_furniture() {
    let r = roles("Storm hits coast\n\nThe storm hit on Tuesday.\n\nRESCUE EFFORTS\n\nTeams arrived.\n\nWHAT HAPPENS NEXT\nThe town will rebuild, the mayor said.\n\nWhat happens next\n\nMore rain is due.");
    assert_eq!(
        r,
        [
            (Role::Headline, "Storm hits coast"),
            (Role::Body, "The storm hit on Tuesday."),
            (Role::Furniture, "RESCUE EFFORTS"),
            (Role::Body, "Teams arrived."),
            (Role::Furniture, "WHAT HAPPENS NEXT"),
            (Role::Body, "The town will rebuild, the mayor said."),
            (Role::Furniture, "What happens next"),
            (Role::Body, "More rain is due."),
        ]
    );
}

#[test]
fn all_caps_headline_alone_is_a_headline() {
    assert_eq!(
        roles("FLOODS HIT NORTH\n\nRivers rose."),
        [
            (Role::Headline, "FLOODS HIT NORTH"),
            (Role::Body, "Rivers rose.")
        ]
    );
}

#[test]
fn furniture_bylines_credits_footers() {
    let r = roles("Ferry sinks off coast\n\nBy Jane Doe\n\nStaff Reporter\n\nAll passengers were saved. (AP Photo/John Roe)\n\nPhoto: Reuters\n\nAdvertisement\n\nThe ship was old.\n\nBack to top\n\n© 2026 Daily Planet. All rights reserved.\n\nePaper - Daily Planet");
    let furniture: Vec<&str> = r
        .iter()
        .filter(|(role, _)| *role == Role::Furniture)
        .map(|(_, t)| *t)
        .collect();
    assert_eq!(
        furniture,
        [
            "By Jane Doe",
            "Staff Reporter",
            "(AP Photo/John Roe)",
            "Photo: Reuters",
            "Advertisement",
            "Back to top",
            "© 2026 Daily Planet.",
            "All rights reserved.",
            "ePaper - Daily Planet"
        ]
    );
    assert_eq!(r[0], (Role::Headline, "Ferry sinks off coast"));
    assert!(r.contains(&(Role::Body, "The ship was old.")));
}

#[test]
fn short_unpunctuated_tail_is_furniture() {
    let r = roles("Talks end\n\nThe talks ended.\n\nMore from the region\n\nBack to top button");
    assert_eq!(r[2], (Role::Furniture, "More from the region"));
    assert_eq!(r[3], (Role::Furniture, "Back to top button"));
}

#[test]
fn empty_and_blank_inputs() {
    assert!(segment("").is_empty());
    assert!(segment("   \n\n\r\n\t \u{a0}\u{feff}").is_empty());
    assert_eq!(sents("."), ["."]);
    assert_eq!(sents("?!"), ["?!"]);
}

#[test]
fn awkward_unicode_never_panics() {
    for text in [
        "é.É. ü?Ü! 日本語。次の文。",
        "\u{2029}a\u{2028}b\u{85}c\u{b}d\u{c}e",
        "“‘(\"'",
        "....... . . . .. ... … …. .",
        "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p",
        "1.2.3. 4) (5) 6.) • ⁃7. a) b. c)",
        "Mr.\r\nSmith\r\rU.S.\n\n\n“Why?”",
        "[...] […] [1][2]. x.[3] Y",
        "\"\"\" ”” ‘’",
    ] {
        let segs = segment(text);
        check_invariants(text, &segs);
    }
}

#[test]
fn list_items_are_body_even_at_the_end() {
    let r = roles(
        "Budget plan\n\nThe plan has three parts:\n- cut taxes\n- raise spending\n\nBack to top",
    );
    assert_eq!(
        r,
        [
            (Role::Headline, "Budget plan"),
            (Role::Body, "The plan has three parts:"),
            (Role::Body, "- cut taxes"),
            (Role::Body, "- raise spending"),
            (Role::Furniture, "Back to top"),
        ]
    );
}

#[test]
fn time_of_day_before_weekday_or_month() {
    assert_eq!(
        sents("The vote is set for 3 p.m. Thursday at the hall. It starts at 9 a.m. March 3 this year."),
        [
            "The vote is set for 3 p.m. Thursday at the hall.",
            "It starts at 9 a.m. March 3 this year."
        ]
    );
}

#[test]
fn datelines_only_on_body_and_colon_form_only_first() {
    let text = "Blinken: US sees meddling\n\nKYIV: Sirens sounded.\n\nXi: We agree.";
    let segs = segment(text);
    assert!(segs[0].dateline.is_none(), "no dateline in a headline");
    assert!(segs[1].dateline.is_some());
    assert!(segs[2].dateline.is_none(), "speaker label, not a dateline");
}

#[test]
fn trailing_signature_stays_with_quote() {
    assert_eq!(
        sents("I was told to leave the house because they said I was a danger. Ana Ruiz"),
        ["I was told to leave the house because they said I was a danger. Ana Ruiz"]
    );
    assert_eq!(
        sents("The storm passed over the town late on Sunday night. Read More"),
        [
            "The storm passed over the town late on Sunday night.",
            "Read More"
        ]
    );
}

#[test]
fn run_in_quotation_keeps_its_stops() {
    assert_eq!(
        sents("The mayor said \"All roads are open. Schools reopen Monday.\" Traffic was light."),
        [
            "The mayor said \"All roads are open. Schools reopen Monday.\"",
            "Traffic was light."
        ]
    );
    assert_eq!(
        sents("The mayor said, \"All roads are open. Schools reopen Monday.\""),
        [
            "The mayor said, \"All roads are open.",
            "Schools reopen Monday.\""
        ]
    );
}

#[test]
fn citations_and_footnotes() {
    assert_eq!(
        sents("The law passed in 1990.[4][5] It was repealed (in part).2 Nobody objected."),
        [
            "The law passed in 1990.[4][5]",
            "It was repealed (in part).2",
            "Nobody objected."
        ]
    );
}

#[test]
fn credit_label_inside_caption() {
    assert_eq!(
        sents("The new bridge at dusk Image: City Council."),
        ["The new bridge at dusk", "Image: City Council."]
    );
    let r = roles(
        "Storm hits coast\n\nWaves broke the sea wall. Photo: Jane Roe.\n\nThe town was flooded.",
    );
    assert_eq!(r[2], (Role::Furniture, "Photo: Jane Roe."));
}

#[test]
fn question_headline_at_the_top() {
    assert_eq!(
        roles("Is the bridge safe?\n\nEngineers say it is. Repairs start soon."),
        [
            (Role::Headline, "Is the bridge safe?"),
            (Role::Body, "Engineers say it is."),
            (Role::Body, "Repairs start soon."),
        ]
    );
    assert_eq!(roles("Is it safe?"), [(Role::Body, "Is it safe?")]);
}

#[test]
fn dateline_on_its_own_line() {
    let text = "LONDON (Reuters) -\nShares rose on Monday.";
    let segs = segment(text);
    assert_eq!(segs.len(), 1);
    let d = segs[0].dateline.expect("dateline");
    assert_eq!(&text[d.start..d.end], "LONDON (Reuters) -");
}
