//! The sizes big text comes in: a bundled bitmap font and how its pixels sit in terminal cells.
//!
//! A terminal cell is about twice as tall as it is wide, so two pixels stacked in one cell
//! (`▀ ▄ █`, *half blocks*) are square and draw a font at its own proportions: an 8×16 glyph
//! takes 8 columns and 8 rows. Four pixels in one cell, two by two (`▘ ▝ ▖ ▗ ▚ ▞ ▙ ▛ ▜ ▟`,
//! *quadrant blocks*), halve the width again: the same glyph takes 4 columns and 8 rows, taller
//! than it is wide, like a condensed typeface. Quadrants let a long headline stay big in an
//! 80-column terminal, where half blocks of the smallest font would not fit.
//!
//! [`ladder`] lists every size the layout may choose, from the smallest to the largest.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use super::bitmap_font::{BitmapFont, Glyph, bundled_fonts};

/// How many pixels of a glyph one terminal cell shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pixels {
    /// One pixel wide, two tall: the font's own proportions.
    Half,
    /// Two wide, two tall: half as wide as [`Pixels::Half`], as tall.
    Quadrant,
}

/// A bitmap font drawn with a given kind of block characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BigFont<'a> {
    pub font: &'a BitmapFont,
    pub pixels: Pixels,
}

impl<'a> From<&'a BitmapFont> for BigFont<'a> {
    /// A font drawn with half blocks, at its own proportions.
    fn from(font: &'a BitmapFont) -> Self {
        BigFont {
            font,
            pixels: Pixels::Half,
        }
    }
}

impl BigFont<'_> {
    /// Terminal columns one glyph takes.
    #[must_use]
    pub fn cols(&self) -> u16 {
        match self.pixels {
            Pixels::Half => self.font.width(),
            Pixels::Quadrant => self.font.width().div_ceil(2),
        }
    }

    /// Terminal rows one line of glyphs takes (the font's line spacing included).
    #[must_use]
    pub fn rows(&self) -> u16 {
        self.font.height().div_ceil(2)
    }

    /// The block character for the cell at column `col`, row `row` of the glyph for `ch`.
    #[must_use]
    pub fn cell(&self, ch: char, col: u16, row: u16) -> &'static str {
        self.cell_of(&self.font.glyph(ch), col, row)
    }

    /// The block character for the cell at column `col`, row `row` of a glyph of this font.
    #[must_use]
    pub fn cell_of(&self, glyph: &Glyph<'_>, col: u16, row: u16) -> &'static str {
        let (y0, y1) = (2 * row, 2 * row + 1);
        match self.pixels {
            Pixels::Half => {
                HALF[usize::from(glyph.is_set(col, y0)) << 1 | usize::from(glyph.is_set(col, y1))]
            }
            Pixels::Quadrant => {
                let (x0, x1) = (2 * col, 2 * col + 1);
                let bits = usize::from(glyph.is_set(x0, y0)) << 3
                    | usize::from(glyph.is_set(x1, y0)) << 2
                    | usize::from(glyph.is_set(x0, y1)) << 1
                    | usize::from(glyph.is_set(x1, y1));
                QUADRANT[bits]
            }
        }
    }
}

/// Half blocks by (upper pixel, lower pixel).
const HALF: [&str; 4] = [" ", "▄", "▀", "█"];

/// Quadrant blocks by (upper left, upper right, lower left, lower right) as bits 3 to 0.
const QUADRANT: [&str; 16] = [
    " ", "▗", "▖", "▄", "▝", "▐", "▞", "▟", "▘", "▚", "▌", "▙", "▀", "▜", "▛", "█",
];

/// Whether the quadrant size may be used: not when `set_quadrants(false)` said so.
static QUADRANTS: AtomicBool = AtomicBool::new(true);

/// Turns the quadrant size on or off for this process (see [`quadrants_wanted`]).
pub fn set_quadrants(on: bool) {
    QUADRANTS.store(on, Ordering::Relaxed);
}

/// Whether the terminal can be trusted with quadrant blocks: not on the Linux console
/// (`TERM=linux`), whose fonts have none, nor when `OPORA_QUADRANTS` is `off` — for a terminal
/// whose font lacks them, such as Terminus (xterm then draws the letters with holes).
#[must_use]
pub fn quadrants_wanted(term: Option<&str>, setting: Option<&str>) -> bool {
    let off = matches!(setting.map(str::trim), Some("off" | "no" | "0" | "false"));
    !off && term != Some("linux")
}

/// Reads `TERM` and `OPORA_QUADRANTS` once, for the full-screen faces.
pub fn choose_from_env() {
    let term = std::env::var("TERM").ok();
    let setting = std::env::var("OPORA_QUADRANTS").ok();
    set_quadrants(quadrants_wanted(term.as_deref(), setting.as_deref()));
}

/// Every size big text may take, from the smallest to the largest: the 8×16 font in quadrants
/// (4 columns × 8 rows a letter, unless quadrants are off), then each bundled font in half
/// blocks (6×12 gives 6 × 6, 8×16 gives 8 × 8, up to 16 × 16).
///
/// The quadrant size is the narrowest and the 6×12 one the shortest; both are "the smallest"
/// in their own way, and the layout tries the shorter first when it fits the width.
#[must_use]
pub fn ladder() -> &'static [BigFont<'static>] {
    static LADDER: OnceLock<Vec<BigFont<'static>>> = OnceLock::new();
    let all = LADDER.get_or_init(|| {
        let fonts = bundled_fonts();
        let mut sizes = Vec::with_capacity(fonts.len() + 1);
        if let Some(font) = fonts.iter().find(|f| f.height() == 16) {
            sizes.push(BigFont {
                font,
                pixels: Pixels::Quadrant,
            });
        }
        sizes.extend(fonts.iter().map(BigFont::from));
        sizes
    });
    if QUADRANTS.load(Ordering::Relaxed) {
        all
    } else {
        &all[1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::bitmap_font::bundled_font;

    #[test]
    fn the_ladder_grows_in_area_and_starts_with_quadrants() {
        let sizes: Vec<(u16, u16)> = ladder().iter().map(|s| (s.cols(), s.rows())).collect();
        assert_eq!(
            sizes,
            [(4, 8), (6, 6), (8, 8), (12, 12), (14, 14), (16, 16)]
        );
        assert_eq!(ladder()[0].pixels, Pixels::Quadrant);
        assert!(ladder()[1..].iter().all(|s| s.pixels == Pixels::Half));
    }

    #[test]
    fn quadrants_are_left_out_where_the_font_has_none() {
        assert!(quadrants_wanted(Some("xterm-256color"), None));
        assert!(!quadrants_wanted(Some("linux"), None));
        assert!(!quadrants_wanted(Some("xterm"), Some("off")));
        assert!(quadrants_wanted(Some("xterm"), Some("on")));
    }

    #[test]
    fn quadrants_show_two_by_two_pixels() {
        let font = bundled_font(16).expect("8×16");
        let quad = BigFont {
            font,
            pixels: Pixels::Quadrant,
        };
        let draw = |ch: char| -> Vec<String> {
            (0..quad.rows())
                .map(|row| {
                    (0..quad.cols())
                        .map(|col| quad.cell(ch, col, row))
                        .collect()
                })
                .collect()
        };
        // Terminus bold 8×16 «П»: a 7-pixel top bar and two 2-pixel stems, the right one
        // straddling two cells.
        let p = draw('П');
        assert_eq!(p[0], "    ");
        assert_eq!(p[1], "█▀▜▌");
        assert_eq!(p[3], "█ ▐▌");
        assert_eq!(p[5], "█ ▐▌");
        assert_eq!(p[6], "    ");
        // Every one of the sixteen patterns is a distinct character.
        let mut all = QUADRANT.to_vec();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 16);
    }
}
