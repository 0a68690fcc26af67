//! examples: the built-in example pair (`storydiff --example`), written by the storydiff team.
//!
//! Two versions of one invented story, made to show every kind of difference on one screen: a
//! reworded headline, a changed date, a changed figure, a quote kept word for word while its
//! attribution moves, a sentence split in two, a passage dropped, one added, and furniture.

/// Version A of the built-in example.
pub const EXAMPLE_A: &str = include_str!("../tests/fixtures/example/a.txt");
/// Version B of the built-in example.
pub const EXAMPLE_B: &str = include_str!("../tests/fixtures/example/b.txt");
