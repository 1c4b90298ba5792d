//! The two bundled faces, DejaVu Sans Regular and Bold, and their metrics.
//!
//! The font files are compiled into the binary, so a kiosk with no fonts installed still prints
//! Cyrillic and ₽. Widths come from the fonts' own `hmtx` advances; a character the font lacks
//! is drawn (and measured) as the font's «missing glyph» box, glyph 0.

use super::ReminderError;
use ttf_parser::{Face, GlyphId};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/dejavu/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/dejavu/DejaVuSans-Bold.ttf");

/// Which of the two faces a line is set in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    /// DejaVu Sans: body text.
    Regular,
    /// DejaVu Sans Bold: the title, headings, item numbers and the hotline.
    Bold,
}

/// One parsed face with the numbers the layout and the PDF need.
pub(crate) struct FontFace {
    pub face: Face<'static>,
    pub data: &'static [u8],
    /// The PostScript name, as the PDF's `BaseFont` after the subset tag.
    pub postscript_name: &'static str,
    pub units_per_em: u32,
}

impl FontFace {
    pub fn load(weight: Weight) -> Result<Self, ReminderError> {
        let (data, postscript_name) = match weight {
            Weight::Regular => (REGULAR, "DejaVuSans"),
            Weight::Bold => (BOLD, "DejaVuSans-Bold"),
        };
        let face = Face::parse(data, 0)
            .map_err(|e| ReminderError::Font(format!("{postscript_name}: {e}")))?;
        let units_per_em = u32::from(face.units_per_em());
        if units_per_em == 0 {
            return Err(ReminderError::Font(format!(
                "{postscript_name}: zero units per em"
            )));
        }
        Ok(Self {
            face,
            data,
            postscript_name,
            units_per_em,
        })
    }

    /// The glyph that draws `c`, or glyph 0 (the missing-glyph box) when the font has none.
    pub fn glyph(&self, c: char) -> GlyphId {
        self.face.glyph_index(c).unwrap_or(GlyphId(0))
    }

    /// Advance width of a glyph in font units.
    pub fn glyph_advance(&self, glyph: GlyphId) -> u32 {
        u32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0))
    }

    /// Advance width of `c` in font units.
    pub fn advance(&self, c: char) -> u32 {
        self.glyph_advance(self.glyph(c))
    }

    /// Width of `text` in points at `size`.
    pub fn width_pt(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| self.advance(c)).sum();
        self.units_to_pt(units, size)
    }

    pub fn units_to_pt(&self, units: u32, size: f32) -> f32 {
        units as f32 * size / self.units_per_em as f32
    }

    /// The largest width in font units that is at most `points` wide at `size`.
    pub fn pt_to_units(&self, points: f32, size: f32) -> u32 {
        let units = (points * self.units_per_em as f32 / size).floor();
        if units.is_finite() && units > 0.0 {
            units as u32
        } else {
            0
        }
    }

    /// Ascender and descender (negative) as fractions of the em.
    pub fn vertical_metrics(&self) -> (f32, f32) {
        let em = self.units_per_em as f32;
        (
            f32::from(self.face.ascender()) / em,
            f32::from(self.face.descender()) / em,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_have_cyrillic_and_the_rouble_sign() {
        for weight in [Weight::Regular, Weight::Bold] {
            let font = FontFace::load(weight).expect("bundled font parses");
            for c in "АБВЁЖЩЯабвёжщяй₽0123456789№«»—".chars() {
                assert_ne!(font.glyph(c), GlyphId(0), "{weight:?} lacks {c}");
                assert!(font.advance(c) > 0);
            }
        }
    }
}
