//! palette: the styles text output uses, as a value (never global state).
//!
//! Three palettes: [`Palette::plain`] (no escapes), [`Palette::ansi`] (owo-colors), and
//! [`Palette::tags`], which writes `[del]…[/del]` tags so that coloured output can be
//! snapshot-tested readably. Where there is no colour, changed words inside a line are marked
//! as wdiff marks them ([`Palette::markers`]), so the plain output is as readable.

use owo_colors::{OwoColorize, Style};

/// What a piece of output is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Class {
    /// Text only in A (deleted words, dropped sentences).
    Del,
    /// Text only in B (inserted words, added sentences).
    Ins,
    /// Unchanged context, furniture.
    Dim,
    /// Headers and the summary line.
    Header,
    /// Moved-row markers.
    Moved,
    /// Conflicts.
    Conflict,
    /// Notices.
    Notice,
}

impl Class {
    fn tag(self) -> &'static str {
        match self {
            Class::Del => "del",
            Class::Ins => "ins",
            Class::Dim => "dim",
            Class::Header => "hdr",
            Class::Moved => "mov",
            Class::Conflict => "conflict",
            Class::Notice => "notice",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    Ansi,
    Tags,
}

/// How classes of output are styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    mode: Mode,
}

impl Palette {
    /// No styling at all.
    pub fn plain() -> Self {
        Palette { mode: Mode::Plain }
    }
    /// ANSI colours for a terminal.
    pub fn ansi() -> Self {
        Palette { mode: Mode::Ansi }
    }
    /// `[class]…[/class]` tags, for tests.
    pub fn tags() -> Self {
        Palette { mode: Mode::Tags }
    }
    /// The inline markers that stand in for the highlight of changed words when the palette has
    /// no colour, as wdiff writes them: `[-deleted-]` and `{+inserted+}`.
    pub fn markers(&self, class: Class) -> Option<(&'static str, &'static str)> {
        match (self.mode, class) {
            (Mode::Plain, Class::Del) => Some(("[-", "-]")),
            (Mode::Plain, Class::Ins) => Some(("{+", "+}")),
            _ => None,
        }
    }
    /// True when the palette writes anything besides the text.
    pub fn is_styled(&self) -> bool {
        self.mode != Mode::Plain
    }

    fn style(class: Class) -> Style {
        let s = Style::new();
        match class {
            Class::Del => s.red(),
            Class::Ins => s.green(),
            Class::Dim => s.dimmed(),
            Class::Header => s.bold(),
            Class::Moved => s.cyan(),
            Class::Conflict => s.red().bold(),
            Class::Notice => s.yellow(),
        }
    }

    /// `text` styled as `class`.
    pub fn paint(&self, class: Class, text: &str) -> String {
        if text.is_empty() {
            return String::new();
        }
        match self.mode {
            Mode::Plain => text.to_string(),
            Mode::Ansi => text.style(Self::style(class)).to_string(),
            Mode::Tags => format!("[{}]{}[/{}]", class.tag(), text, class.tag()),
        }
    }

    /// `text` styled as `class`, with a stronger emphasis for changed words inside a line.
    pub fn emphasize(&self, class: Class, text: &str) -> String {
        if text.is_empty() {
            return String::new();
        }
        match self.mode {
            Mode::Ansi => {
                let s = Self::style(class).bold().underline();
                text.style(s).to_string()
            }
            _ => self.paint(class, text),
        }
    }
}
