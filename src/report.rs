//! report: the one data model every renderer reads (schema `storydiff/1`).
//!
//! Plain data, no I/O, no colour. The pipeline stages fill it in ([`crate::compare`]); the
//! renderers in [`crate::render`] only read it. Field order here is the field order of the JSON
//! document, so keep it stable: scripts and snapshot tests diff the output byte for byte.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};

/// The `schema` value of the JSON document. Bump it (and the README changelog) on any change
/// that is not a pure addition.
pub const SCHEMA: &str = "storydiff/1";

/// Which of the two inputs a thing belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SideId {
    /// Version A, the first input.
    A,
    /// Version B, the second input.
    B,
}

/// What a sentence is, beyond its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// Ordinary running text.
    Body,
    /// A line without final punctuation standing on its own at the top (title, subtitle).
    Headline,
    /// Page furniture: section labels, "Related Articles", footers, bylines, credits.
    Furniture,
}

/// One sentence of one input, with its exact byte span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Counts from 0 in reading order on each side.
    pub id: usize,
    /// Byte offset into the input exactly as read (a byte-order mark counts).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `input[start..end]`.
    pub text: String,
    /// True for page furniture: listed and aligned, but raising no claims.
    pub furniture: bool,
    /// Body, headline or furniture (an addition to the contract's fields).
    pub role: Role,
    /// Index of the paragraph (block separated by blank lines) the sentence stands in.
    pub paragraph: usize,
    /// Byte span of a dateline ("BEIJING -", "LONDON (Reuters) —") at the sentence's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<ByteSpan>,
}

/// A plain byte range into one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ByteSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// One input as the report carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// The path as given on the command line (`-` for standard input).
    pub path: String,
    /// The converted text, only where storydiff converted the input (a web page); spans then
    /// count in this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The input's sentences in reading order; `id` is the index.
    pub sentences: Vec<Sentence>,
}

/// The kind of an alignment row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RowOp {
    /// Same text up to white space, in order.
    Equal,
    /// The same thing reported in other words (1:1, 1:n or n:1), in order.
    Edited,
    /// `equal` or `edited`, but out of reading order.
    Moved,
    /// Only in B.
    Added,
    /// Only in A.
    Dropped,
}

/// One operation of a word-level diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// In both texts.
    Equal,
    /// Only in B's text.
    Insert,
    /// Only in A's text.
    Delete,
}

/// A run of text in a row's word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffChunk {
    /// Whether the run is in both texts, in B's only or in A's only.
    pub op: DiffOp,
    /// The run's text, white space included, as it stands in its text.
    pub text: String,
}

/// One row of the sentence alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// How the row's sentences relate.
    pub op: RowOp,
    /// Sentence ids of A in this row (empty for `added`).
    pub a: Vec<usize>,
    /// Sentence ids of B in this row (empty for `dropped`).
    pub b: Vec<usize>,
    /// Similarity of the row's two sides, 0..=1, rounded to 3 decimals (0 for added/dropped).
    pub similarity: f64,
    /// Word-level diff of the A text against the B text (empty for added/dropped).
    pub diff: Vec<DiffChunk>,
}

/// Whether a claim was changed, added or dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Stated in both versions, differently.
    Changed,
    /// Stated in B only.
    Added,
    /// Stated in A only.
    Dropped,
}

/// What a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ClaimKind {
    /// A date or time ("last November", "on Friday").
    Date,
    /// A count or other figure without a unit of money or percent.
    Number,
    /// An amount of money ("$2.2 billion").
    Money,
    /// A percentage ("6%").
    Percent,
    /// The name of a person or organisation.
    Name,
    /// The name of a place.
    Place,
    /// The words of a quotation, or who said them.
    Quote,
    /// A statement said in one version and denied in the other.
    Negation,
    /// How a statement is attributed ("said" / "claimed"), or a hedge.
    Attribution,
    /// The status of an event: expected or pending in one version, done or denied in the
    /// other (added within `storydiff/1`).
    Status,
    /// None of the kinds above (in the contract; no judge raises it today).
    Other,
}

/// How serious a difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Both statements cannot be true.
    Conflict,
    /// A softer change: attribution verb, hedge, lost precision, a detail left out.
    Notice,
}

/// Where a claim stands in one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSpan {
    /// Sentence id on that side.
    pub sentence: usize,
    /// Byte offset of the claim's first byte in that side's text.
    pub start: usize,
    /// Byte offset one past the claim's last byte.
    pub end: usize,
    /// The claim's words, `text[start..end]`.
    pub text: String,
}

/// The stage an event is told at ([`Reason::StatusChanged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStage {
    /// Expected, planned or pending ("is expected to plead").
    Pending,
    /// Done ("pleaded").
    Done,
    /// Denied or not done ("has not decided", "vetoed").
    NotDone,
}

/// What the publication dates say of a changed status ([`Reason::StatusChanged`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusDates {
    /// A side's date is unknown.
    Unknown,
    /// The later version (`later`) tells the later stage: a revision. Dates as `YYYY-MM-DD`.
    Revision {
        /// The version published later.
        later: SideId,
        /// A's publication date.
        a: String,
        /// B's publication date.
        b: String,
    },
    /// Both came out on `date`: both cannot be true.
    SameDay {
        /// The one publication date.
        date: String,
    },
    /// The later version tells an earlier stage.
    Backwards {
        /// The version published later.
        later: SideId,
        /// A's publication date.
        a: String,
        /// B's publication date.
        b: String,
    },
}

/// A report read back from JSON carries each finding's English in `message` only: its
/// reason is then an empty [`Reason::Text`].
impl Default for Reason {
    fn default() -> Self {
        Reason::Text(String::new())
    }
}

/// Reads the `schema` of a JSON report: only [`SCHEMA`] is understood.
fn schema_of<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    let s = String::deserialize(d)?;
    if s == SCHEMA {
        Ok(Cow::Borrowed(SCHEMA))
    } else {
        Err(serde::de::Error::custom(format!(
            "schema \"{s}\" is not {SCHEMA}, the one this build reads"
        )))
    }
}

/// Why a claim was flagged, as data: the words of each version that differ and what the
/// judge found. The English of [`ClaimChange::message`] is composed from it in one place,
/// `render::english`. Texts are as written (quotations in full; the English shortens them).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// Two values of one fact differ: `what` is "date", "amount", "percentage" or "figure";
    /// `topic` what they date or count ("summit"); `dated` for a date with a topic.
    ValueDiffers {
        /// The kind of value in words.
        what: String,
        /// What the value is about, when known.
        topic: Option<String>,
        /// A date whose topic is known ("the summit is dated …").
        dated: bool,
        /// A's words.
        a: String,
        /// B's words.
        b: String,
    },
    /// A precise figure in A, only a vague one in B.
    PrecisionLost {
        /// A's words.
        a: String,
        /// B's words.
        b: String,
    },
    /// A value one version states alone.
    ValueOnly {
        /// The kind of value in words.
        what: String,
        /// What the value is about, when known.
        topic: Option<String>,
        /// A date whose topic is known.
        dated: bool,
        /// The value's words.
        text: String,
        /// The version that states it.
        side: SideId,
    },
    /// An event told at one stage in A and at another in B.
    StatusChanged {
        /// A's stage and words.
        stage_a: EventStage,
        /// A's words.
        a: String,
        /// B's stage.
        stage_b: EventStage,
        /// B's words.
        b: String,
        /// What the publication dates say.
        dates: StatusDates,
    },
    /// One remark quoted in other words (a misquote).
    QuoteWorded {
        /// A's quotation.
        a: String,
        /// B's quotation.
        b: String,
    },
    /// One quotation given to two speakers.
    QuoteSpeaker {
        /// A's quotation.
        quote: String,
        /// A's speaker.
        a: String,
        /// B's speaker.
        b: String,
    },
    /// Words quoted in one version and reported without quotation marks in the other.
    QuoteUnquoted {
        /// The quotation.
        quote: String,
        /// The version that quotes them.
        quoted_in: SideId,
    },
    /// A quotation one version carries alone.
    QuoteOnly {
        /// The quotation.
        quote: String,
        /// Its speaker, when known.
        speaker: Option<String>,
        /// The version that carries it.
        side: SideId,
    },
    /// One quotation reported with another verb or at another venue.
    QuoteReported {
        /// A's quotation.
        quote: String,
        /// A's verb and venue as written.
        a: String,
        /// B's verb and venue as written.
        b: String,
    },
    /// A statement denied in one version and affirmed in the other.
    NegationFlipped {
        /// The negator ("not", "n't").
        negator: String,
        /// The word it denies, as the other version writes it.
        word: String,
        /// The version that denies.
        negated_in: SideId,
    },
    /// A denial one version makes alone: the sentence from the negator on.
    DenialOnly {
        /// The denial's words.
        denial: String,
        /// The version that makes it.
        side: SideId,
    },
    /// A hedge ("reportedly") A has and B lacks.
    HedgeRemoved {
        /// The hedge.
        hedge: String,
    },
    /// A hedge B adds.
    HedgeAdded {
        /// The hedge.
        hedge: String,
    },
    /// A doubting verb in A ("claimed"), a neutral one in B ("said").
    AttributionSoftened {
        /// A's verb.
        a: String,
        /// B's verb.
        b: String,
    },
    /// A neutral verb in A, a doubting one in B.
    AttributionDistanced {
        /// A's verb.
        a: String,
        /// B's verb.
        b: String,
    },
    /// A statement with a doubting verb that one version reports alone.
    StatementOnly {
        /// The verb.
        verb: String,
        /// The version.
        side: SideId,
    },
    /// A name (or place) one version names alone.
    NameOnly {
        /// A place, not a person or organisation.
        place: bool,
        /// The name.
        name: String,
        /// The version.
        side: SideId,
    },
    /// Another name in the same place of one statement.
    NameChanged {
        /// A's name.
        a: String,
        /// B's name.
        b: String,
    },
    /// One name spelt two ways.
    NameSpelt {
        /// A's spelling.
        a: String,
        /// B's spelling.
        b: String,
    },
    /// A finding made outside the claim stage (a test, a sample render): its message as is.
    Text(String),
}

/// A claim that differs between A and B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimChange {
    /// Changed, added or dropped.
    pub change: Change,
    /// What the claim is about.
    pub kind: ClaimKind,
    /// A conflict or a notice.
    pub severity: Severity,
    /// Where A states it; `None` for an added claim.
    pub a: Option<ClaimSpan>,
    /// Where B states it; `None` for a dropped claim.
    pub b: Option<ClaimSpan>,
    /// One English sentence saying what changed, composed from `reason` by
    /// `render::english` when [`crate::compare`] assembles the report (empty before).
    pub message: String,
    /// Why the claim was flagged, as data (not in the JSON, whose `message` says it).
    #[serde(skip)]
    pub reason: Reason,
    /// For a `changed` claim: how its two statements relate (added within `storydiff/1`;
    /// absent on added and dropped claims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// For a `changed` claim: what tied its two statements together (added within
    /// `storydiff/1`; absent on added and dropped claims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paired_by: Option<PairedBy>,
}

/// A run of consecutive sentences of one side that the other version does not carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// `a` for a passage B drops, `b` for one B adds.
    pub side: SideId,
    /// First sentence id of the run.
    pub first: usize,
    /// Last sentence id of the run (inclusive).
    pub last: usize,
    /// Number of sentences in the run.
    pub sentences: usize,
}

/// The passages of a report: runs of at least two consecutive story sentences (furniture
/// breaks a run) of one side, each in an `added` or `dropped` row.
pub fn passages(rows: &[Row], a: &[Sentence], b: &[Sentence]) -> Vec<Passage> {
    let mut out = Vec::new();
    for (side, sents, one_sided) in [(SideId::A, a, RowOp::Dropped), (SideId::B, b, RowOp::Added)] {
        let mut alone = vec![false; sents.len()];
        for r in rows.iter().filter(|r| r.op == one_sided) {
            for &i in if side == SideId::A { &r.a } else { &r.b } {
                if let Some(x) = alone.get_mut(i) {
                    *x = true;
                }
            }
        }
        let mut k = 0;
        while k < sents.len() {
            if !alone[k] || sents[k].furniture {
                k += 1;
                continue;
            }
            let start = k;
            while k < sents.len() && alone[k] && !sents[k].furniture {
                k += 1;
            }
            if k - start >= 2 {
                out.push(Passage {
                    side,
                    first: sents[start].id,
                    last: sents[k - 1].id,
                    sentences: k - start,
                });
            }
        }
    }
    out
}

/// One quotation of the ledger, or two paired across the versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteEntry {
    /// How the two quotations relate, or which version alone has it.
    pub relation: QuoteRelation,
    /// Who the version gives the words to, when it names someone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_a: Option<String>,
    /// Who B gives the words to, when it names someone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_b: Option<String>,
    /// The reporting verb on each side, as written ("said", "told", "wrote"), when there is
    /// one (added within `storydiff/1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verb_a: Option<String>,
    /// B's reporting verb, as `verb_a` is A's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verb_b: Option<String>,
    /// Where or to whom the words were given, as written ("CNN", "a radio station", "in a
    /// statement", "on Twitter"), when the attribution says (added within `storydiff/1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue_a: Option<String>,
    /// Where or to whom B says the words were given, as `venue_a` is A's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue_b: Option<String>,
    /// The words inside the marks on each side (a quotation that runs over sentences or
    /// paragraphs is one span; `sentence` is where it opens); `null` on the side without it.
    pub a: Option<ClaimSpan>,
    /// B's words inside the marks, as `a` is A's.
    pub b: Option<ClaimSpan>,
    /// For a misquote: the words of A and of B that differ inside the common stretch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// For a misquote: the words of B that differ (`removed` are A's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
}

/// How two paired quotations relate, or that one version alone has a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteRelation {
    /// The same words.
    Same,
    /// One version gives only a run of the other's words: the remark quoted shorter (a
    /// notice, not a change of words). Added in storydiff/1 on 2026-12-07; before, such
    /// pairs were `same`.
    Shortened,
    /// A common stretch, each version going on differently beyond it.
    Overlap,
    /// Words changed, added or removed inside the common stretch (a conflict).
    Misquoted,
    /// The same words, given to another speaker.
    SpeakerChanged,
    /// The words quoted in one version are given without quotation marks, as reported
    /// speech, in the other (a notice); the span on that side is where they stand.
    Unquoted,
    /// In B only.
    Added,
    /// In A only.
    Dropped,
}

/// How the two statements of a changed claim relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Verdict {
    /// Both cannot be true ("last November" / "late 2018"; words changed inside a quote).
    /// Exactly the claims of severity `conflict`.
    Conflict,
    /// Compatible, one side more precise ("about 40" / "43"): never counted as a conflict.
    Refinement,
    /// Another softer difference: an attribution verb, an event told as planned in one and
    /// as done in the other, a quote given to a speaker named otherwise.
    Change,
}

/// Why two statements were set against each other.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PairedBy {
    /// The two sentences stand in one aligned row.
    pub row: bool,
    /// Words both statements share around the claim (what is dated or counted, the words
    /// of a quote, the event), at most a few.
    pub words: Vec<String>,
    /// The speaker both versions give a quote to, when both name one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// Two statements inside one input that cannot both be true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inconsistency {
    /// The version that contradicts itself.
    pub side: SideId,
    /// What the two statements are about (a date or a figure).
    pub kind: ClaimKind,
    /// One of the two statements.
    pub first: ClaimSpan,
    /// The other statement, which cannot be true with `first`.
    pub second: ClaimSpan,
    /// One English sentence saying what contradicts what, composed by `render::english`
    /// when [`crate::compare`] assembles the report (empty before).
    pub message: String,
}

/// Counts over the whole report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Rows of op `equal`.
    pub equal: usize,
    /// Rows of op `edited`.
    pub edited: usize,
    /// Rows of op `moved`.
    pub moved: usize,
    /// Rows of op `added`.
    pub added: usize,
    /// Rows of op `dropped`.
    pub dropped: usize,
    /// Claims of change `changed`.
    pub claims_changed: usize,
    /// Claims of change `added`.
    pub claims_added: usize,
    /// Claims of change `dropped`.
    pub claims_dropped: usize,
    /// Claims of severity `conflict` (an addition to the contract's fields).
    pub conflicts: usize,
    /// Entries of `inconsistencies` (an addition to the contract's fields).
    pub inconsistencies: usize,
}

/// A remark about how the result was obtained: an inferred publication date, a coarser
/// alignment taken because of a deadline, a lossy decode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// A stable machine-readable code, such as `date-inferred` or `alignment-fallback`.
    pub code: String,
    /// What happened, in English, for a person to read.
    pub message: String,
    /// What happened, as data: the stages fill this and leave `message` empty; its English
    /// is composed in one place (`render::english::note`, called by `compare`). Not in the
    /// JSON; a note read back from JSON, or made with [`Note::text`], has [`NoteReason::Text`].
    #[serde(skip)]
    pub reason: NoteReason,
}

impl Note {
    /// A note of `reason`, with its code; the message is composed later, in one place.
    pub fn of(reason: NoteReason) -> Note {
        Note {
            code: reason.code().to_string(),
            message: String::new(),
            reason,
        }
    }

    /// A note whose English is already written.
    pub fn text(code: impl Into<String>, message: impl Into<String>) -> Note {
        Note {
            code: code.into(),
            message: message.into(),
            reason: NoteReason::Text,
        }
    }
}

/// What a [`Note`] reports, as data. Sides are `A` or `B`; dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum NoteReason {
    /// The message is the note's own text.
    #[default]
    Text,
    /// `alignment-fallback`: `sentences` sentences repeat more than `max_repeats` times.
    Repeated {
        /// Sentences over the limit.
        sentences: usize,
        /// `AlignOptions::max_repeats`.
        max_repeats: usize,
    },
    /// `alignment-fallback`: more sentences than `max` on a side.
    TooManySentences {
        /// Sentences of A.
        a: usize,
        /// Sentences of B.
        b: usize,
        /// `AlignOptions::max_sentences`.
        max: usize,
    },
    /// `alignment-fallback`: the work budget ran out after `scored` of `of` sentences of B.
    WorkBudget {
        /// `AlignOptions::max_work`.
        budget: u64,
        /// Sentences of B scored.
        scored: usize,
        /// Sentences of B.
        of: usize,
    },
    /// `alignment-fallback`: sentences of B made only of words too frequent in A.
    Unindexable {
        /// How many.
        sentences: usize,
        /// `AlignOptions::max_postings`.
        max_postings: usize,
    },
    /// `alignment-fallback`: rows too long for a word diff.
    DiffedWhole {
        /// How many.
        rows: usize,
        /// The limit in tokens.
        max_tokens: usize,
    },
    /// `claims-windowed`: long texts compared in windows.
    Windowed {
        /// Sentences of A.
        a: usize,
        /// Sentences of B.
        b: usize,
        /// Windows.
        windows: usize,
        /// Sentences a side of one window, about.
        size: usize,
    },
    /// `claims-capped`: sentences with more claims than `max`.
    ClaimsCapped {
        /// The side.
        side: SideId,
        /// Sentences over the cap.
        sentences: usize,
        /// The cap.
        max: usize,
        /// Claims left out.
        left_out: usize,
        /// Claims before the cap.
        before: usize,
    },
    /// `claims-skipped`: sentences too long for claims.
    ClaimsSkipped {
        /// The side.
        side: SideId,
        /// How many.
        sentences: usize,
        /// The limit in bytes.
        max_bytes: usize,
    },
    /// `inconsistencies-capped`: more disagreeing pairs than listed.
    InconsistenciesCapped {
        /// The side.
        side: SideId,
        /// Pairs found.
        found: usize,
        /// Pairs listed.
        kept: usize,
        /// At most this many per value.
        per_value: usize,
        /// At most this many in all.
        total: usize,
    },
    /// `date-inferred`: both texts state the same day as their own.
    DateInferredBoth {
        /// The day.
        date: String,
        /// Where A states it.
        why_a: String,
        /// Where B states it.
        why_b: String,
    },
    /// `date-inferred`: one text states its own day.
    DateInferred {
        /// The side.
        side: SideId,
        /// The day.
        date: String,
        /// Where it states it.
        why: String,
    },
    /// `date-unknown`: relative dates compared as of an unknown day; `side` is `None` when
    /// neither text has a date.
    DateUnknown {
        /// The side without a date, or `None` for both.
        side: Option<SideId>,
        /// The earliest year the unknown date may be and the latest year mentioned.
        floor: Option<(i32, i32)>,
    },
    /// `date-from-page`: a side's dates resolved against its page's publication date.
    DateFromPage {
        /// The side.
        side: SideId,
        /// The day.
        date: String,
        /// What gave it (`article:published_time`, …).
        source: String,
    },
}

impl NoteReason {
    /// The note's stable code.
    pub fn code(&self) -> &'static str {
        match self {
            NoteReason::Text => "",
            NoteReason::Repeated { .. }
            | NoteReason::TooManySentences { .. }
            | NoteReason::WorkBudget { .. }
            | NoteReason::Unindexable { .. }
            | NoteReason::DiffedWhole { .. } => "alignment-fallback",
            NoteReason::Windowed { .. } => "claims-windowed",
            NoteReason::ClaimsCapped { .. } => "claims-capped",
            NoteReason::ClaimsSkipped { .. } => "claims-skipped",
            NoteReason::InconsistenciesCapped { .. } => "inconsistencies-capped",
            NoteReason::DateInferredBoth { .. } | NoteReason::DateInferred { .. } => {
                "date-inferred"
            }
            NoteReason::DateUnknown { .. } => "date-unknown",
            NoteReason::DateFromPage { .. } => "date-from-page",
        }
    }
}

/// The whole comparison: what every renderer reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    #[serde(deserialize_with = "schema_of")]
    pub schema: Cow<'static, str>,
    /// Version A: its path and sentences.
    pub a: Side,
    /// Version B: its path and sentences.
    pub b: Side,
    /// The sentence alignment, in B's reading order, each dropped row where it stood in A.
    pub alignment: Vec<Row>,
    /// The claims that differ, conflicts first, then by position.
    pub claims: Vec<ClaimChange>,
    /// Statements of one version that contradict each other.
    pub inconsistencies: Vec<Inconsistency>,
    /// The quote ledger: every quotation of either version, paired across the texts, with how
    /// the two relate (added within `storydiff/1`; absent when neither version quotes anyone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<QuoteEntry>,
    /// Runs of two or more consecutive sentences that only one version carries (a passage
    /// dropped or added), for renderers to show as one entry (added within `storydiff/1`;
    /// absent when there is none). The claims in them are still in `claims`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<Passage>,
    /// Counts of rows and claims ([`Report::recount`] keeps them true).
    pub summary: Summary,
    /// How the result was obtained (an addition to the contract's fields).
    pub notes: Vec<Note>,
}

/// What makes the exit code 1 (`--fail-on`).
///
/// Claims compare the two versions; an inconsistency is one text contradicting itself, which
/// comparing a file with itself still finds. So inconsistencies count only at `Any` and at
/// their own level, `Inconsistencies`: a CI job that checks an approved story against itself
/// with `Claims` or `Conflicts` does not fail forever on a contradiction the story keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum FailOn {
    /// Any sentence that is not `equal`, or any claim or inconsistency.
    #[default]
    Any,
    /// Any changed, added or dropped claim.
    Claims,
    /// Only claims of severity `conflict`.
    Conflicts,
    /// Only an inconsistency: either text contradicting itself.
    Inconsistencies,
    /// Never: exit 0 whenever the comparison ran.
    Never,
}

impl Report {
    /// Recounts `summary` from the rows, claims and inconsistencies.
    pub fn recount(&mut self) {
        let mut s = Summary::default();
        for row in &self.alignment {
            match row.op {
                RowOp::Equal => s.equal += 1,
                RowOp::Edited => s.edited += 1,
                RowOp::Moved => s.moved += 1,
                RowOp::Added => s.added += 1,
                RowOp::Dropped => s.dropped += 1,
            }
        }
        for c in &self.claims {
            match c.change {
                Change::Changed => s.claims_changed += 1,
                Change::Added => s.claims_added += 1,
                Change::Dropped => s.claims_dropped += 1,
            }
            if c.severity == Severity::Conflict {
                s.conflicts += 1;
            }
        }
        s.inconsistencies = self.inconsistencies.len();
        self.summary = s;
    }

    /// Whether the report differs at or above `level` (exit code 1).
    pub fn differs(&self, level: FailOn) -> bool {
        let s = &self.summary;
        match level {
            FailOn::Never => false,
            FailOn::Inconsistencies => s.inconsistencies > 0,
            FailOn::Conflicts => s.conflicts > 0,
            FailOn::Claims => s.claims_changed + s.claims_added + s.claims_dropped > 0,
            FailOn::Any => {
                self.differs(FailOn::Claims)
                    || s.inconsistencies > 0
                    || s.edited + s.moved + s.added + s.dropped > 0
            }
        }
    }

    /// The side `id`.
    pub fn side(&self, id: SideId) -> &Side {
        match id {
            SideId::A => &self.a,
            SideId::B => &self.b,
        }
    }
}

/// Sentences with the given texts, one a paragraph, as if joined by one separator byte (ids
/// in order, nothing flagged as furniture): input for the aligner without running the
/// segmenter, as the stage tests and the evaluation harnesses build it.
pub fn sentences_from(texts: &[&str]) -> Vec<Sentence> {
    let mut pos = 0;
    texts
        .iter()
        .enumerate()
        .map(|(id, t)| {
            let s = Sentence {
                id,
                start: pos,
                end: pos + t.len(),
                text: t.to_string(),
                furniture: false,
                role: Role::Body,
                paragraph: id,
                dateline: None,
            };
            pos += t.len() + 1;
            s
        })
        .collect()
}
