//! render: writes a [`Report`](crate::Report) for people (text) or programs (JSON).
//!
//! Renderers only read the report; they never recompute alignment or claims. They write to any
//! `io::Write`, so tests render into a `Vec<u8>`. Colour is a [`Palette`] value passed in.

pub mod html;
pub mod json;
pub mod palette;
pub mod text;

pub use palette::Palette;

/// Output formats (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Coloured, wrapped text for people.
    #[default]
    Text,
    /// The JSON document of schema `storydiff/1`.
    Json,
}
