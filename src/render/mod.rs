//! render: writes a [`Report`](crate::Report) for people (text) or programs (JSON).
//!
//! Renderers only read the report; they never recompute alignment or claims. They write to any
//! `io::Write`, so tests render into a `Vec<u8>`. Colour is a [`Palette`] value passed in.
//! Text from the inputs passes through the `escape` module before it reaches a terminal.

pub mod escape;
pub mod html;
pub mod json;
pub mod palette;
pub(crate) mod sidebyside;
pub mod summary;
pub mod text;
pub(crate) mod wrap;

pub use palette::Palette;

#[cfg(test)]
pub(crate) mod sample;
