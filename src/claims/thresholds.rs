//! Every number the claim judges decide by, in one value.
//!
//! The judges of [`super::engine`] set a value of one version against a value of the other
//! (or of the same text) only when the evidence that both speak of one fact passes these
//! thresholds, and they bound their work by the caps below. Each field says what it gates,
//! its default and why; [`Thresholds::DEFAULT`] is what the command line uses. The defaults
//! were tuned on the seed pair, the fixtures and the perturbation suite and checked on the
//! real pairs (BENCHMARKS.md, "Claims"); changing one changes the output, so a change is
//! measured there first.
//!
//! Similarities are cosines of IDF-weighted stem bags (`engine::context::Bag`), between 0 and 1,
//! plus the small bonuses named here.

/// The thresholds and caps of the claim stage ([`super::ClaimOptions::thresholds`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    // --- Is it the same fact? ---
    /// Context similarity at or above which two values of different amounts are taken to speak
    /// of the same thing: a changed figure or date. 0.25: below it, two sentences of one story
    /// share their topic words but not their fact (tuned on the seed pair and the fixtures).
    pub same_topic: f64,
    /// A weaker context similarity that still ties two values when it clearly beats the
    /// runner-up (see `clear_margin`). 0.15: paraphrased leads share few words, but the one
    /// figure they share stands out.
    pub weak_topic: f64,
    /// How many times the runner-up's similarity the best counterpart needs when it is only
    /// above `weak_topic`. 1.6.
    pub clear_margin: f64,
    /// A conflict is not raised when a counterpart that agrees has at least this share of the
    /// best counterpart's similarity: the other version states the same value about as near.
    /// 0.8.
    pub agreement_share: f64,
    /// Counterparts below this context similarity neither agree nor conflict; they are
    /// related only while no agreement is known. 0.1.
    pub candidate_floor: f64,
    /// Sentence similarity at or above which two sentences report the same statement (a
    /// negation, an attribution or a name in them is compared). 0.5.
    pub same_statement: f64,
    /// Context similarity at or above which two values of one text speak of one thing
    /// directly (self-contradiction; it also needs the same words, `engine::inconsistencies::one_thing`).
    /// 0.45: a text repeats a fact in near words, while two facts of one story share only
    /// the topic.
    pub one_text_topic: f64,

    // --- The context of a value ---
    /// Content words at most this many words from a value weigh `near_weight` times the
    /// others in its context bag. 3: the noun and verb of a value sit next to it.
    pub near_distance: usize,
    /// See `near_distance`. 3.0.
    pub near_weight: f64,
    /// Added to the context similarity for each word right next to both values (at most
    /// `max_shared_near`). 0.1.
    pub shared_near_bonus: f64,
    /// See `shared_near_bonus`. 2.
    pub max_shared_near: usize,
    /// Added when choosing the counterpart to the one in the same place among as many values
    /// of one kind in both sentences ("rose $2.11 to $21.51" / "jumped $1.63 to $21.03": the
    /// change with the change). 0.3; the tests above read the plain similarity.
    pub place_bonus: f64,

    // --- Values ---
    /// Two bounds or ranges of one kind differ when their ends differ by more than this share
    /// of the larger ("over 700" / "over 2,100"). 0.05: rounding stays within it.
    pub figure_tolerance: f64,
    /// Outside one aligned row, two figures more than this many times apart whose first two
    /// digits differ are a part and a whole, not one figure misreported. 20.0.
    pub far_apart: f64,
    /// A date conflict that rests on a publication date known only roughly (a year) must
    /// hold with that year off by one: the two intervals more than this many days apart. 366.
    pub rough_anchor_gap_days: i64,
    /// A relative date over an unknown anchor is set against a fixed date only when their
    /// grains (day, week, month, season, year…) are at most this many steps apart. 2.
    pub max_floating_grain_gap: usize,

    // --- Caps: bounded work on any input ---
    /// Above this many sentence pairs (A × B, about 500 × 500) the claims are compared window
    /// by window, so that time and memory grow linearly. 250,000.
    pub max_whole_pairs: usize,
    /// Sentences per side in one window of the windowed comparison. 200.
    pub window: usize,
    /// Claims kept per sentence; a note says when some were left out. 50.
    pub max_claims_per_sentence: usize,
    /// Shared words listed in a changed claim's `paired_by`. 5.
    pub paired_words: usize,
    /// Inconsistencies reported per value of one text. 3.
    pub max_inconsistencies_per_fact: usize,
    /// Inconsistencies reported per text. 100.
    pub max_inconsistencies: usize,
    /// A word near more values of one text than this does not pair them as candidates of an
    /// inconsistency: it is too common to say they are one fact. 64.
    pub max_frame_postings: usize,
}

impl Thresholds {
    /// The defaults, with the reasons given on each field.
    pub const DEFAULT: Thresholds = Thresholds {
        same_topic: 0.25,
        weak_topic: 0.15,
        clear_margin: 1.6,
        agreement_share: 0.8,
        candidate_floor: 0.1,
        same_statement: 0.5,
        one_text_topic: 0.45,
        near_distance: 3,
        near_weight: 3.0,
        shared_near_bonus: 0.1,
        max_shared_near: 2,
        place_bonus: 0.3,
        figure_tolerance: 0.05,
        far_apart: 20.0,
        rough_anchor_gap_days: 366,
        max_floating_grain_gap: 2,
        max_whole_pairs: 250_000,
        window: 200,
        max_claims_per_sentence: 50,
        paired_words: 5,
        max_inconsistencies_per_fact: 3,
        max_inconsistencies: 100,
        max_frame_postings: 64,
    };
}

impl Default for Thresholds {
    fn default() -> Self {
        Self::DEFAULT
    }
}
