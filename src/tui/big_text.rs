//! Big text: headlines and money amounts drawn with a [`BitmapFont`] in block characters.
//!
//! With half blocks each terminal cell shows two pixels stacked vertically, using `▀`, `▄`, `█`
//! or a space, so a `W×H` glyph takes `W` columns and `H/2` rows (rounded up): the 8×16 font
//! gives 8×8-cell letters, and the 16×32 font 16×16-cell letters. With quadrant blocks a cell
//! shows two by two pixels and the same glyph takes half the columns (see [`BigFont`]). Every
//! function here takes a [`BigFont`], or a plain `&BitmapFont`, which means half blocks. The
//! widget's [`Style`] colours the pixels: the foreground is the ink and the background is the
//! paper.
//!
//! Lines of big text are stacked with **no gap**. The Terminus-based glyphs already include the
//! font's own line spacing (blank pixel rows above the capitals and below the descenders), so an
//! extra row would only waste scarce vertical space.
//!
//! The layout helpers work in terminal cells:
//!
//! * [`measure`] gives the size of one line;
//! * [`wrap`] breaks text into lines that fit a width. It breaks greedily at spaces, keeps money
//!   amounts whole when they fit, and returns `None` when a piece cannot fit;
//! * [`height_of`] gives the height of some lines.
//!
//! Drawing never panics. Text that does not fit the area is clipped at the right and bottom.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{HorizontalAlignment, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub use super::big_font::BigFont;
#[cfg(doc)]
use super::bitmap_font::BitmapFont;

/// A widget that draws lines of text with big bitmap glyphs.
///
/// Lines are drawn as given; use [`wrap`] first to fit a width. Lines are
/// stacked without a gap and aligned horizontally inside the area (left by default). Parts that
/// fall outside the area are clipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigText<'a> {
    font: BigFont<'a>,
    lines: Vec<Cow<'a, str>>,
    style: Style,
    alignment: HorizontalAlignment,
}

impl<'a> BigText<'a> {
    /// Big text of `text`, one big line per line of `text` (split at `\n` and `\r\n`, not
    /// wrapped).
    #[must_use]
    pub fn new(font: impl Into<BigFont<'a>>, text: &'a str) -> Self {
        Self::from_lines(font, text.lines())
    }

    /// Big text of the given lines, for example the result of [`wrap`].
    #[must_use]
    pub fn from_lines<I, S>(font: impl Into<BigFont<'a>>, lines: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<Cow<'a, str>>,
    {
        Self {
            font: font.into(),
            lines: lines.into_iter().map(Into::into).collect(),
            style: Style::default(),
            alignment: HorizontalAlignment::Left,
        }
    }

    /// Colours: the foreground is the ink and the background is the paper. The style is applied
    /// to the whole area the widget is drawn in.
    #[must_use]
    pub fn style(mut self, style: impl Into<Style>) -> Self {
        self.style = style.into();
        self
    }

    /// Horizontal alignment of every line within the area.
    #[must_use]
    pub fn alignment(mut self, alignment: HorizontalAlignment) -> Self {
        self.alignment = alignment;
        self
    }

    /// Centres every line horizontally.
    #[must_use]
    pub fn centered(self) -> Self {
        self.alignment(HorizontalAlignment::Center)
    }

    /// The font the text is drawn with.
    #[must_use]
    pub fn font(&self) -> BigFont<'a> {
        self.font
    }

    /// The lines of text.
    #[must_use]
    pub fn lines(&self) -> &[Cow<'a, str>] {
        &self.lines
    }

    /// Size in cells, `(columns, rows)`, needed to show all the text without clipping.
    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        let cols = self
            .lines
            .iter()
            .map(|line| measure(self.font, line).0)
            .max()
            .unwrap_or(0);
        (cols, height_of(self.font, &self.lines))
    }
}

impl Widget for &BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        buf.set_style(area, self.style);
        let font = self.font;
        let rows = u32::from(font.rows());
        let (right, bottom) = (u32::from(area.right()), u32::from(area.bottom()));
        for (index, line) in self.lines.iter().enumerate() {
            let top = u32::try_from(index)
                .ok()
                .and_then(|index| index.checked_mul(rows))
                .map_or(u32::MAX, |offset| u32::from(area.y) + offset);
            if top >= bottom {
                break;
            }
            let free = area.width.saturating_sub(measure(font, line).0);
            let offset = match self.alignment {
                HorizontalAlignment::Left => 0,
                HorizontalAlignment::Center => free / 2,
                HorizontalAlignment::Right => free,
            };
            let mut left = u32::from(area.x) + u32::from(offset);
            for ch in glyph_chars(line) {
                if left >= right {
                    break;
                }
                draw_glyph(font, ch, (left, top), (right, bottom), buf);
                left += u32::from(font.cols());
            }
        }
    }
}

impl Widget for BigText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

/// Draws one glyph with its top left cell at `origin`, clipped to `limit` (exclusive right and
/// bottom edges, already inside the buffer).
fn draw_glyph(
    font: BigFont<'_>,
    ch: char,
    origin: (u32, u32),
    limit: (u32, u32),
    buf: &mut Buffer,
) {
    let glyph = font.font.glyph(ch);
    for row in 0..font.rows() {
        let y = origin.1 + u32::from(row);
        if y >= limit.1 {
            break;
        }
        for col in 0..font.cols() {
            let x = origin.0 + u32::from(col);
            if x >= limit.0 {
                break;
            }
            // x < limit.0 <= u16::MAX + 1 and likewise for y, so the conversions succeed.
            if let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y))
                && let Some(cell) = buf.cell_mut((x, y))
            {
                cell.set_symbol(font.cell_of(&glyph, col, row));
            }
        }
    }
}

/// The characters of `line` that are drawn as glyphs, one glyph each.
///
/// Decomposed Ё, ё, Й and й (a base letter followed by U+0308 or U+0306) become the single
/// letter. Other combining marks, control characters and invisible format characters (soft
/// hyphen, zero-width space and joiners, variation selectors, byte order mark) are not drawn.
pub fn glyph_chars(line: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = line.chars().peekable();
    std::iter::from_fn(move || {
        loop {
            let ch = chars.next()?;
            if is_invisible(ch) {
                continue;
            }
            let composed = match (ch, chars.peek()) {
                ('Е', Some('\u{308}')) => Some('Ё'),
                ('е', Some('\u{308}')) => Some('ё'),
                ('И', Some('\u{306}')) => Some('Й'),
                ('и', Some('\u{306}')) => Some('й'),
                _ => None,
            };
            if let Some(composed) = composed {
                chars.next();
                return Some(composed);
            }
            return Some(ch);
        }
    })
}

fn is_invisible(ch: char) -> bool {
    ch.is_control()
        || matches!(ch,
            '\u{ad}'                      // soft hyphen
            | '\u{300}'..='\u{36f}'       // combining diacritical marks
            | '\u{200b}'..='\u{200f}'     // zero-width space, joiners, direction marks
            | '\u{2060}'..='\u{2064}'     // word joiner, invisible operators
            | '\u{fe00}'..='\u{fe0f}'     // variation selectors
            | '\u{feff}') // byte order mark
}

/// Spaces that must not become line breaks: no-break, figure and narrow no-break space.
fn is_no_break_space(ch: char) -> bool {
    matches!(ch, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Spaces where [`wrap`] may break a line (every other white space except line breaks).
fn is_break_space(ch: char) -> bool {
    ch.is_whitespace() && !is_no_break_space(ch) && ch != '\n' && ch != '\r'
}

/// Number of glyphs (and so of glyph-wide columns) `text` is drawn with.
fn glyph_len(text: &str) -> usize {
    glyph_chars(text).count()
}

fn cells(count: usize, per_glyph: u16) -> u16 {
    u16::try_from(count.saturating_mul(usize::from(per_glyph))).unwrap_or(u16::MAX)
}

/// Size in cells, `(columns, rows)`, of one line of big text (saturating at `u16::MAX`).
///
/// Each drawn character (see [`glyph_chars`]) takes [`BigFont::cols`] columns, including
/// spaces. The line always takes [`BigFont::rows`] rows, even when it is empty. Line breaks in
/// `text` are not drawn and are not counted. For several lines, use [`height_of`].
#[must_use]
pub fn measure<'f>(font: impl Into<BigFont<'f>>, text: &str) -> (u16, u16) {
    let font = font.into();
    (cells(glyph_len(text), font.cols()), font.rows())
}

/// Height in cells of `lines` drawn one under another with no gap (saturating at `u16::MAX`).
#[must_use]
pub fn height_of<'f, S: AsRef<str>>(font: impl Into<BigFont<'f>>, lines: &[S]) -> u16 {
    cells(lines.len(), font.into().rows())
}

/// Whether a word is only a currency sign, possibly followed by punctuation ("₽", "₽.").
fn is_currency_word(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('₽' | '$' | '€' | '£' | '¥'))
        && chars.all(|ch| ".,;:!?)»”…".contains(ch))
}

/// Words that must stay on one line, with the separators between their pieces.
///
/// A unit is one word, or a word glued to its neighbour (an amount and the currency sign after
/// it, № and the number after it). Pieces are the parts between no-break spaces and between
/// glued words. A unit is broken at these points only when it cannot fit on a line by itself.
struct Unit<'t> {
    /// `(separator before the piece, piece)`. The first piece has no separator.
    pieces: Vec<(Option<char>, &'t str)>,
}

impl Unit<'_> {
    fn text(&self) -> String {
        let mut text = String::new();
        for &(separator, piece) in &self.pieces {
            text.extend(separator);
            text.push_str(piece);
        }
        text
    }
}

fn units(paragraph: &str) -> Vec<Unit<'_>> {
    let mut units: Vec<Unit<'_>> = Vec::new();
    let mut previous: Option<&str> = None;
    for word in paragraph
        .split(is_break_space)
        .filter(|word| !word.is_empty())
    {
        let mut pieces = word.split(is_no_break_space);
        let first = pieces.next().unwrap_or_default();
        let glue =
            previous.is_some_and(|previous| previous.ends_with('№')) || is_currency_word(word);
        let separators = word.matches(is_no_break_space).map(|s| s.chars().next());
        let rest = separators.zip(pieces);
        match units.last_mut() {
            Some(unit) if glue => {
                unit.pieces.push((Some(' '), first));
                unit.pieces.extend(rest);
            }
            _ => {
                let mut unit = Unit {
                    pieces: vec![(None, first)],
                };
                unit.pieces.extend(rest);
                units.push(unit);
            }
        }
        previous = Some(word);
    }
    units
}

/// Breaks `text` into lines of big text at most `max_cols` cells wide.
///
/// * Lines break greedily at spaces. Runs of spaces become one, and spaces at the start or end of
///   a line are dropped. `\n` starts a new line, and an empty line of text gives an empty line.
/// * No-break spaces (U+00A0, U+2007 figure space, U+202F narrow no-break space) keep their
///   neighbours together, so an amount written with no-break spaces between digit groups
///   ("25 430,50") stays whole. A currency sign after an amount ("25 430,50 ₽", even with an
///   ordinary space) and the number after "№" also stay with their neighbour.
/// * Only when such a group cannot fit on a line by itself is it broken at its no-break spaces
///   (the group then starts on a new line). This is a last resort.
/// * Returns `None` if some piece that cannot be broken is wider than `max_cols`.
///
/// `wrap(font, "", w)` is `Some(vec![])`. A trailing line break does not add an empty line.
#[must_use]
pub fn wrap<'f>(font: impl Into<BigFont<'f>>, text: &str, max_cols: u16) -> Option<Vec<String>> {
    let max = usize::from(max_cols / font.into().cols().max(1));
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let mut line_len = 0;
        let mut started = false;
        for unit in units(paragraph) {
            let unit_text = unit.text();
            let unit_len = glyph_len(&unit_text);
            if !started && unit_len <= max {
                (line, line_len, started) = (unit_text, unit_len, true);
            } else if started && line_len + 1 + unit_len <= max {
                line.push(' ');
                line.push_str(&unit_text);
                line_len += 1 + unit_len;
            } else if unit_len <= max {
                lines.push(std::mem::take(&mut line));
                line_len = unit_len;
                line = unit_text;
            } else {
                // Last resort: the unit does not fit on a line of its own.
                if started {
                    lines.push(std::mem::take(&mut line));
                }
                (line_len, started) = (0, false);
                for &(separator, piece) in unit.pieces.iter().filter(|(_, piece)| !piece.is_empty())
                {
                    let piece_len = glyph_len(piece);
                    if piece_len > max {
                        return None;
                    }
                    if !started {
                        line.push_str(piece);
                        (line_len, started) = (piece_len, true);
                    } else if line_len + 1 + piece_len <= max {
                        line.extend(separator);
                        line.push_str(piece);
                        line_len += 1 + piece_len;
                    } else {
                        lines.push(std::mem::replace(&mut line, piece.to_owned()));
                        line_len = piece_len;
                    }
                }
            }
        }
        lines.push(line);
    }
    Some(lines)
}

#[cfg(test)]
mod tests;
