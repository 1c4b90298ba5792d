//! What a laid-out screen is: the size chosen for each part ([`Sizes`]), the items placed in
//! the terminal ([`Plan`], [`Item`]), and the answer of the layout ([`Layout`]). The search that
//! picks the sizes is in `layout`, the placing of items for given sizes in `place`.

use super::big_font::BigFont;
use opora_core::screen_model::NoticeKind;
use ratatui::layout::{Position, Rect};

/// How the choices are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceMode {
    /// In big glyphs, at this level of [`ladder`].
    Big(usize),
    /// Ordinary bold text, a blank row between choices.
    Spaced,
    /// Ordinary bold text, one under another.
    Packed,
}

/// One arrangement: for each part that can be big, its level in [`ladder`] (`None`: ordinary
/// text), and which optional rows are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub title: Option<usize>,
    /// The fact and the key line beside it (the recipient), always the same size.
    pub fact: Option<usize>,
    pub field: Option<usize>,
    /// The code on the simulated phone.
    pub code: Option<usize>,
    /// «Слушаю…», «Я услышал: …».
    pub voice: Option<usize>,
    pub choices: ChoiceMode,
    /// Blank rows between sections.
    pub gaps: bool,
    /// The line of keys that always work.
    pub keys: bool,
    /// The staff line.
    pub staff: bool,
    /// Frames round the field and the phone (and the phone beside the screen when wide).
    pub frames: bool,
    /// Rows for the secondary text when it cannot all be shown: one of them says so, and with
    /// fewer than two rows the text is left out.
    pub text_rows: Option<u16>,
    /// «Шаг 2 из 4», left out only when nothing else lets the screen fit.
    pub progress: bool,
    /// What voice heard, left out last of all (the notice below it says what happened).
    pub heard: bool,
}

impl Sizes {
    /// The plainest arrangement.
    pub const PLAIN: Sizes = Sizes {
        title: None,
        fact: None,
        field: None,
        code: None,
        voice: None,
        choices: ChoiceMode::Packed,
        gaps: false,
        keys: false,
        staff: false,
        frames: false,
        text_rows: None,
        progress: true,
        heard: true,
    };
}

/// What to draw in one place.
#[derive(Clone, Debug)]
pub enum Item {
    Band(Vec<String>),
    Progress(Vec<String>),
    Title(Body),
    Fact(Body),
    /// A line as important as the fact: its caption in ordinary text, its value as big as the
    /// fact.
    KeyLine {
        caption: Vec<String>,
        value: Body,
    },
    Lines(TextView),
    Phone(PhoneBox),
    FieldLabel(Vec<String>),
    Field(FieldBox),
    Notice {
        kind: NoticeKind,
        lines: Vec<String>,
    },
    /// «Слушаю…» or «Я услышал: …»: the words big when they fit in two lines, else ordinary
    /// text; `small` is the ordinary line above the words heard, or below «Слушаю…».
    Voice {
        listening: bool,
        small: Vec<String>,
        body: Body,
    },
    Choice {
        focused: bool,
        body: Body,
    },
    Staff(Vec<String>),
    Keys(Vec<String>),
    Prompt(Vec<String>),
}

/// Lines of big text in one size.
#[derive(Clone, Debug)]
pub struct BigLines {
    pub font: BigFont<'static>,
    pub lines: Vec<String>,
}

/// Text drawn big, or in ordinary (bold) text.
#[derive(Clone, Debug)]
pub enum Body {
    Big(BigLines),
    Plain(Vec<String>),
}

/// The secondary text, or the part of it that fits: `lines` are lines `first..` of `total`.
/// When not all are shown, the item has one more row, saying how to see the rest.
#[derive(Clone, Debug)]
pub struct TextView {
    pub lines: Vec<String>,
    pub first: usize,
    pub total: usize,
}

impl TextView {
    /// Whether part of the text is hidden.
    #[must_use]
    pub fn is_partial(&self) -> bool {
        self.lines.len() < self.total
    }
}

#[derive(Clone, Debug)]
pub struct PhoneBox {
    pub caption: String,
    pub sender: String,
    pub message: Vec<String>,
    pub big: Option<BigLines>,
    pub framed: bool,
}

#[derive(Clone, Debug)]
pub struct FieldBox {
    /// Big text of the value, or plain text when no big size fits.
    pub big: Option<BigLines>,
    pub plain: String,
    pub framed: bool,
}

/// A laid-out screen.
#[derive(Clone, Debug)]
pub struct Plan {
    pub items: Vec<(Rect, Item)>,
    /// Where the real terminal cursor goes: the focused choice, or the end of the field.
    pub cursor: Option<Position>,
    pub sizes: Sizes,
}

impl Plan {
    /// The secondary text's view, when only part of it is shown.
    #[must_use]
    pub fn partial_text(&self) -> Option<&TextView> {
        self.items.iter().find_map(|(_, item)| match item {
            Item::Lines(view) if view.is_partial() => Some(view),
            _ => None,
        })
    }
}

/// The layout of a screen in an area: a plan, or the size it would need.
#[derive(Clone, Debug)]
pub enum Layout {
    Fits(Plan),
    TooSmall { cols: u16, rows: u16 },
}
