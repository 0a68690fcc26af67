//! The quote ledger on hand-written pairs: who is quoted (speakers next to the reporting verb,
//! titles and aliases folded, pronouns carried, organisations), with which verb and venue, and
//! how each quotation of A relates to B's (misquoted, shortened, reported speech). Each test
//! says what the ledger holds and which claims are conflicts.

use storydiff::report::{ClaimKind, QuoteEntry, QuoteRelation, Report, Severity};
use storydiff::{compare, Document, Options};

fn compare_texts(a: &str, b: &str) -> Report {
    compare(
        &Document::from_text("a.txt", a),
        &Document::from_text("b.txt", b),
        &Options::default(),
    )
}

/// The ledger entry whose A (or, for an added quote, B) words start with `words`.
fn entry<'r>(r: &'r Report, words: &str) -> &'r QuoteEntry {
    r.quotes
        .iter()
        .find(|q| {
            q.a.as_ref()
                .or(q.b.as_ref())
                .is_some_and(|s| s.text.starts_with(words))
        })
        .unwrap_or_else(|| panic!("no quote {words:?} in {:#?}", r.quotes))
}

fn quote_conflicts(r: &Report) -> Vec<String> {
    r.claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote && c.severity == Severity::Conflict)
        .map(|c| c.message.clone())
        .collect()
}

const HARBOUR_A: &str = "Harbour plan approved after long debate

Prime Minister Jane Doyle defended the harbour plan on Tuesday.

\"We will rebuild the harbour wall before the winter storms arrive,\" Doyle said.

Rep. Tom Marsh (D-Calif.) said the cost was \"far too high for a small town.\"

\"The numbers do not add up at all,\" Marsh told CNN.

Mr. Marsh had opposed the plan for months. He told reporters: \"I will vote against it again next week.\"

The White House said in a statement that it \"welcomes the decision and stands ready to help.\"

Local fisherman Paul Grey said the new wall was \"very good news for the whole fleet.\"

\"They have ignored the fishermen for years,\" Grey wrote on Twitter.

Council leader Ann Webb said: “The work starts in March or April.”
";

const HARBOUR_B: &str = "Harbour plan approved after long debate

Prime Minister Jane Doyle defended the harbour plan on Tuesday.

\"We will rebuild the harbour wall before the winter storms arrive,\" Mr. Doyle said in an interview.

Rep. Tom Marsh (D-Calif.) said the cost was \"far too high for a small town.\"

\"The numbers don't add up,\" Marsh told a radio station.

Marsh had opposed the plan for months. He told reporters that he will vote against it again next week.

The White House said in a statement that it \"welcomes the decision and stands ready to help.\"

Local fisherman Paul Grey said the new wall was \"good news for the whole fleet.\"

\"It has ignored the fishermen for years,\" Grey said.

Council leader Ann Webb said: “The work starts in March and April.”
";

#[test]
fn speakers_are_the_people_named_by_the_verb() {
    let r = compare_texts(HARBOUR_A, HARBOUR_B);
    let who = |words: &str| entry(&r, words).speaker_a.clone();
    // Titles folded: "Prime Minister Jane Doyle", "Doyle", "Mr. Doyle" are one speaker.
    let doyle = entry(&r, "We will rebuild");
    assert_eq!(doyle.relation, QuoteRelation::Same);
    assert_eq!(doyle.speaker_a.as_deref(), Some("Jane Doyle"));
    assert_eq!(doyle.speaker_b.as_deref(), Some("Jane Doyle"));
    // Not the state in "(D-Calif.)", not the network told.
    assert_eq!(who("far too high").as_deref(), Some("Tom Marsh"));
    assert_eq!(who("The numbers").as_deref(), Some("Tom Marsh"));
    // "He told reporters": the one person the sentence before names.
    assert_eq!(who("I will vote").as_deref(), Some("Tom Marsh"));
    // An organisation speaks too.
    assert_eq!(who("welcomes the decision").as_deref(), Some("White House"));
    assert_eq!(who("They have ignored").as_deref(), Some("Paul Grey"));
}

#[test]
fn verbs_and_venues_are_kept_and_their_change_is_a_notice() {
    let r = compare_texts(HARBOUR_A, HARBOUR_B);
    let cnn = entry(&r, "The numbers");
    assert_eq!(cnn.verb_a.as_deref(), Some("told"));
    assert_eq!(cnn.venue_a.as_deref(), Some("CNN"));
    assert_eq!(cnn.venue_b.as_deref(), Some("a radio station"));
    let statement = entry(&r, "welcomes the decision");
    assert_eq!(statement.venue_a.as_deref(), Some("in a statement"));
    let tweet = entry(&r, "They have ignored");
    assert_eq!(tweet.verb_a.as_deref(), Some("wrote"));
    assert_eq!(tweet.venue_a.as_deref(), Some("on Twitter"));
    let notices: Vec<&str> = r
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote && c.severity == Severity::Notice)
        .map(|c| c.message.as_str())
        .collect();
    assert!(
        notices
            .iter()
            .any(|m| m.contains("\"told CNN\" in A but \"told a radio station\" in B")),
        "{notices:#?}"
    );
    // A venue one version leaves out is no change.
    assert!(
        !notices.iter().any(|m| m.contains("in an interview")),
        "{notices:#?}"
    );
    let mut json = Vec::new();
    storydiff::render::json::render(&r, &mut json).unwrap();
    let json = String::from_utf8(json).unwrap();
    assert!(json.contains("\"venue_a\": \"CNN\""), "{json}");
}

#[test]
fn small_words_changed_inside_a_quote_are_misquotes() {
    let r = compare_texts(HARBOUR_A, HARBOUR_B);
    let they = entry(&r, "They have ignored");
    assert_eq!(they.relation, QuoteRelation::Misquoted);
    assert_eq!(they.removed, vec!["they", "have"]);
    assert_eq!(they.added, vec!["it", "has"]);
    let or = entry(&r, "The work starts");
    assert_eq!(
        (or.removed.clone(), or.added.clone()),
        (vec!["or".to_string()], vec!["and".to_string()])
    );
    // Cut shorter at the ends ("at all", "very" opening the quote) is no change of words: the
    // remark quoted shorter.
    assert_eq!(entry(&r, "The numbers").relation, QuoteRelation::Shortened);
    assert_eq!(
        entry(&r, "very good news").relation,
        QuoteRelation::Shortened
    );
    assert_eq!(quote_conflicts(&r).len(), 2, "{:#?}", quote_conflicts(&r));
}

#[test]
fn words_quoted_in_one_and_reported_in_the_other_are_a_notice() {
    let r = compare_texts(HARBOUR_A, HARBOUR_B);
    let vote = entry(&r, "I will vote");
    assert_eq!(vote.relation, QuoteRelation::Unquoted);
    assert!(vote
        .b
        .as_ref()
        .is_some_and(|b| b.text.contains("will vote against it")));
    assert!(r.claims.iter().any(|c| c.kind == ClaimKind::Quote
        && c.severity == Severity::Notice
        && c.message.contains("reported without quotation marks in B")));
}

const BUDGET_A: &str = "Mayor resigns over budget row

The mayor, Carla Ruiz, said the budget was \"a very difficult decision for everyone.\"

\"We tried every option we had. We talked to every department and every union.

\"In the end there was no other way to balance the books,\" Ruiz said.

The treasurer called the plan ‘reckless and unfair to families’ in a letter.

Critics called it \"a disgrace.\"

\"\"This is the end of an era,\" said councillor Ben Ode.

The treasurer said the plan would hurt \"the town's poorest families.\"
";

const BUDGET_B: &str = "Mayor resigns over budget row

The mayor, Carla Ruiz, said the budget was \"a difficult decision for everyone.\"

\"We tried every option we had. We talked to every department and every union.

\"In the end there was no other way to balance the accounts,\" Ruiz said.

The treasurer called the plan ‘reckless and cruel to families’ in a letter.

Critics called it \"a scandal.\"

\"\"This is the end of an age,\" said councillor Ben Ode.

The treasurer said the plan would hurt \"the towns poorest families\".
";

#[test]
fn quotes_of_every_shape_are_extracted_and_compared() {
    let r = compare_texts(BUDGET_A, BUDGET_B);
    // A dropped "very" inside the quote.
    let very = entry(&r, "a very difficult");
    assert_eq!(
        (very.relation, very.removed.clone()),
        (QuoteRelation::Misquoted, vec!["very".to_string()])
    );
    // A quote running over two paragraphs is one quotation.
    let long = entry(&r, "We tried every option");
    assert!(long
        .a
        .as_ref()
        .is_some_and(|a| a.text.ends_with("balance the books,")));
    assert_eq!(long.added, vec!["accounts"]);
    assert_eq!(long.speaker_a.as_deref(), Some("Carla Ruiz"));
    // Single curly quotes, a short quoted phrase, a doubled opening mark.
    assert_eq!(entry(&r, "reckless and unfair").added, vec!["cruel"]);
    assert_eq!(entry(&r, "a disgrace").added, vec!["scandal"]);
    let era = entry(&r, "This is the end");
    assert_eq!(era.added, vec!["age"]);
    assert_eq!(era.speaker_a.as_deref(), Some("Ben Ode"));
    // Punctuation alone is no change.
    assert_eq!(
        entry(&r, "the town's poorest").relation,
        QuoteRelation::Same
    );
    assert_eq!(quote_conflicts(&r).len(), 5, "{:#?}", quote_conflicts(&r));
}

#[test]
fn a_pronoun_that_can_mean_two_people_gives_no_speaker() {
    let a = "Jane Doyle met Tom Marsh on Monday.\n\nHe said: \"We reached no agreement at all.\"\n";
    let r = compare_texts(a, a);
    assert_eq!(entry(&r, "We reached").speaker_a, None);
    let a =
        "Tom Marsh met the council on Monday.\n\nHe said: \"We reached no agreement at all.\"\n";
    let r = compare_texts(a, a);
    assert_eq!(
        entry(&r, "We reached").speaker_a.as_deref(),
        Some("Tom Marsh")
    );
    // "She" cannot mean Mr. Marsh.
    let a = "Mr. Tom Marsh met the council on Monday.\n\nShe said: \"We reached no agreement at all.\"\n";
    let r = compare_texts(a, a);
    assert_eq!(entry(&r, "We reached").speaker_a, None);
    // A spokesman of Doyle's is not Doyle.
    let a = "Doyle's spokesman said: \"We reached no agreement at all.\"\n";
    let r = compare_texts(a, a);
    assert_eq!(entry(&r, "We reached").speaker_a, None);
}

#[test]
fn claim_lines_point_to_the_ledger() {
    let r = compare_texts(BUDGET_A, BUDGET_B);
    let mut html = Vec::new();
    storydiff::render::html::render(&r, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<section class=\"quotes\" id=\"quotes\">"));
    assert!(
        html.contains(
            "misquoted: B leaves out &quot;very&quot; (<a href=\"#quote-0\">quote ledger</a>)"
        ),
        "{html}"
    );
    assert!(html.contains("<tr class=\"conflict\" id=\"quote-0\">"));
}

#[test]
fn a_quoted_word_put_in_the_place_of_another_is_a_misquote() {
    let a = "The treasurer called the plan \"reckless\" on Monday.\n";
    let b = "The treasurer called the plan \"dangerous\" on Monday.\n";
    let r = compare_texts(a, b);
    let q = entry(&r, "reckless");
    assert_eq!(q.relation, QuoteRelation::Misquoted);
    assert_eq!(q.added, vec!["dangerous"]);
    // Other words after the marks: two remarks, not one changed.
    let b = "The treasurer called the plan \"dangerous\" and unfair.\n";
    let r = compare_texts(a, b);
    assert_eq!(entry(&r, "reckless").relation, QuoteRelation::Dropped);
}

/// A subject named by its office alone is the speaker, unnamed: the source that a later
/// "according to" names did not say the words.
#[test]
fn an_office_named_subject_is_not_replaced_by_the_source() {
    let a = "Speaker Ann Webb said the rule was \"clear as day\" on Tuesday.\n";
    let b = "\"The rule is clear as day,\" the House speaker said Tuesday, according to \
             Harbour News reporter Tom Reid.\n";
    let r = compare_texts(a, b);
    let q = entry(&r, "clear as day");
    assert_eq!(q.speaker_b, None, "{q:#?}");
}

#[test]
fn a_view_given_without_a_verb_has_its_speaker() {
    let r = compare_texts(
        "The council voted on the harbour plan on Tuesday.\n\nTo Rep. Ann Webb, D-Maine, the \
         plan \"takes the harbour away from the fishermen and gives it to the developers.\"\n",
        "The council voted on the harbour plan on Tuesday.\n\nThe plan \"takes the harbour from \
         the fishermen and gives it to the big developers,\" Rep. Ann Webb said.\n",
    );
    let e = entry(&r, "takes the harbour away");
    assert_eq!(e.speaker_a.as_deref(), Some("Ann Webb"));
    assert_eq!(e.speaker_b.as_deref(), Some("Ann Webb"));
    assert_eq!(e.relation, QuoteRelation::Misquoted);
    // "For the first time, …" names nobody.
    let r = compare_texts(
        "For the first time, the plan was \"a done deal,\" the council said.\n",
        "For the first time, the plan was \"a done deal,\" the council said.\n",
    );
    assert_eq!(entry(&r, "a done deal").speaker_a, None);
}
