//! Tests of `tui::bitmap_font`.

use super::*;
use proptest::prelude::*;

/// Every character Opora's screens must be able to show in big text.
const REQUIRED: &str = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя\
                        0123456789 ₽,.:;!?-—«»()+/%№\
                        ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Builds a PSF2 font in memory: `glyphs` are (rows as bit patterns, table entry bytes).
fn psf2(width: u32, height: u32, glyphs: &[(&[u8], &[u8])], with_table: bool) -> Vec<u8> {
    let row_bytes = width.div_ceil(8);
    let mut out = Vec::new();
    out.extend_from_slice(&PSF2_MAGIC);
    for value in [
        0,
        32,
        u32::from(with_table),
        u32::try_from(glyphs.len()).unwrap(),
        row_bytes * height,
        height,
        width,
    ] {
        out.extend_from_slice(&value.to_le_bytes());
    }
    for (bits, _) in glyphs {
        assert_eq!(u32::try_from(bits.len()).unwrap(), row_bytes * height);
        out.extend_from_slice(bits);
    }
    if with_table {
        for (_, entry) in glyphs {
            out.extend_from_slice(entry);
        }
    }
    out
}

/// A 4×2 font: glyph 0 is '?' (left column), glyph 1 is 'A' and 'Б' (top row) and also the
/// sequence "Е\u{308}", glyph 2 is 'Ё' (bottom right pixel).
fn tiny_font_raw() -> Vec<u8> {
    let glyph1 = [
        "AБ".as_bytes(),
        &[PSF2_SEPARATOR],
        "Е\u{308}".as_bytes(),
        &[PSF2_TERMINATOR],
    ]
    .concat();
    let glyph2 = ["Ё".as_bytes(), &[PSF2_TERMINATOR]].concat();
    psf2(
        4,
        2,
        &[
            (&[0b1000_0000, 0b1000_0000], b"?\xff"),
            (&[0b1111_0000, 0], &glyph1),
            (&[0, 0b0001_0000], &glyph2),
        ],
        true,
    )
}

#[test]
fn parses_a_small_font_with_a_unicode_table() {
    let font = BitmapFont::from_psf2(&tiny_font_raw()).unwrap();
    assert_eq!((font.width(), font.height(), font.glyph_count()), (4, 2, 3));
    assert!(font.has_glyph('A') && font.has_glyph('Б') && font.has_glyph('Ё'));
    // Code points inside a sequence are not mapped on their own.
    assert!(!font.has_glyph('Е') && !font.has_glyph('\u{308}'));
    let a = font.glyph('A');
    assert!((0..4).all(|x| a.is_set(x, 0) && !a.is_set(x, 1)));
    assert_eq!(font.glyph('Б'), a);
    let yo = font.glyph('Ё');
    assert!(yo.is_set(3, 1) && !yo.is_set(2, 1) && !yo.is_set(3, 0));
    // Outside the glyph nothing is set.
    assert!(!a.is_set(4, 0) && !a.is_set(0, 2) && !a.is_set(u16::MAX, u16::MAX));
    assert_eq!(font.chars().collect::<String>(), "?AЁБ");
}

#[test]
fn missing_characters_fall_back_to_the_question_mark() {
    let font = BitmapFont::from_psf2(&tiny_font_raw()).unwrap();
    assert!(!font.has_glyph('Ж'));
    assert_eq!(font.glyph('Ж'), font.glyph('?'));
    assert!(font.glyph('Ж').is_set(0, 0));
}

#[test]
fn a_font_without_a_table_maps_glyph_index_to_code_point() {
    let glyphs: Vec<(&[u8], &[u8])> = vec![(&[0u8, 0], b""); 0x42];
    let mut glyphs = glyphs;
    glyphs[0x41] = (&[0xff, 0xff], b"");
    let font = BitmapFont::from_psf2(&psf2(8, 2, &glyphs, false)).unwrap();
    assert!(font.has_glyph('A') && font.has_glyph('\0') && !font.has_glyph('B'));
    assert!(font.glyph('A').is_set(7, 1));
    // No '?' in this font: glyph 0 is the fallback.
    assert!(font.glyph('B').is_blank());
}

#[test]
fn the_first_glyph_listed_for_a_code_point_wins() {
    let font = BitmapFont::from_psf2(&psf2(
        8,
        1,
        &[(&[0x01], b"x\xff"), (&[0x80], b"x\xff")],
        true,
    ))
    .unwrap();
    assert!(font.glyph('x').is_set(7, 0));
}

#[test]
fn rejects_malformed_headers() {
    let good = tiny_font_raw();
    assert_eq!(
        BitmapFont::from_psf2(&[]),
        Err(FontError::Truncated("header"))
    );
    assert_eq!(
        BitmapFont::from_psf2(b"\x36\x04\x02\x10"),
        Err(FontError::BadMagic)
    );
    assert_eq!(
        BitmapFont::from_psf2(&good[..20]),
        Err(FontError::Truncated("header"))
    );

    let with_field = |index: usize, value: u32| {
        let mut data = good.clone();
        data[4 * index..4 * index + 4].copy_from_slice(&value.to_le_bytes());
        BitmapFont::from_psf2(&data)
    };
    assert!(matches!(with_field(2, 8), Err(FontError::BadHeader(_))));
    assert!(matches!(
        with_field(2, u32::MAX),
        Err(FontError::BadHeader(_) | FontError::Truncated(_))
    ));
    assert!(matches!(with_field(4, 0), Err(FontError::BadHeader(_))));
    assert!(matches!(
        with_field(4, u32::MAX),
        Err(FontError::BadHeader(_) | FontError::Truncated(_))
    ));
    assert!(matches!(with_field(5, 3), Err(FontError::BadHeader(_))));
    assert!(matches!(with_field(6, 0), Err(FontError::BadHeader(_))));
    assert!(matches!(
        with_field(7, 100_000),
        Err(FontError::BadHeader(_))
    ));
}

#[test]
fn rejects_a_malformed_unicode_table() {
    let bad_lead = psf2(8, 1, &[(&[0], b"\x80\xff")], true);
    assert_eq!(
        BitmapFont::from_psf2(&bad_lead),
        Err(FontError::BadTable("invalid UTF-8 lead byte"))
    );
    let bad_utf8 = psf2(8, 1, &[(&[0], b"\xd0\x41\xff")], true);
    assert_eq!(
        BitmapFont::from_psf2(&bad_utf8),
        Err(FontError::BadTable("invalid UTF-8"))
    );
    let unterminated = psf2(8, 1, &[(&[0], b"a")], true);
    assert_eq!(
        BitmapFont::from_psf2(&unterminated),
        Err(FontError::Truncated("Unicode table"))
    );
    let cut_char = psf2(8, 1, &[(&[0], b"\xd0")], true);
    assert_eq!(
        BitmapFont::from_psf2(&cut_char),
        Err(FontError::Truncated("Unicode table"))
    );
}

#[test]
fn every_truncation_of_a_real_font_is_an_error() {
    let data = BUNDLED_PSF2[0];
    assert!(BitmapFont::from_psf2(data).is_ok());
    for len in 0..data.len() {
        assert!(
            BitmapFont::from_psf2(&data[..len]).is_err(),
            "prefix of {len} bytes parsed"
        );
    }
}

#[test]
fn bundled_fonts_parse_and_are_sorted() {
    let fonts = bundled_fonts();
    let sizes: Vec<(u16, u16)> = fonts.iter().map(|f| (f.width(), f.height())).collect();
    assert_eq!(sizes, [(6, 12), (8, 16), (12, 24), (14, 28), (16, 32)]);
    assert_eq!(
        fonts.iter().map(BitmapFont::height).collect::<Vec<_>>(),
        BUNDLED_HEIGHTS
    );
    assert_eq!(bundled_font(28).map(BitmapFont::width), Some(14));
    assert!(bundled_font(20).is_none());
    // Parsed once: the same memory every time.
    assert!(std::ptr::eq(bundled_fonts(), fonts));
}

#[test]
fn bundled_fonts_have_every_required_character() {
    for font in bundled_fonts() {
        let question = font.glyph('?');
        for ch in REQUIRED.chars() {
            assert!(font.has_glyph(ch), "{ch:?} missing at {} px", font.height());
            if ch != '?' {
                assert_ne!(
                    font.glyph(ch),
                    question,
                    "{ch:?} is '?' at {} px",
                    font.height()
                );
            }
            // Only the space may be blank.
            assert_eq!(
                font.glyph(ch).is_blank(),
                ch == ' ',
                "{ch:?} at {} px",
                font.height()
            );
        }
        for space in ['\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}'] {
            assert_eq!(
                font.glyph(space),
                font.glyph(' '),
                "{space:?} at {} px",
                font.height()
            );
        }
        assert_eq!(font.glyph('\u{2212}'), font.glyph('-'));
    }
}

#[test]
fn the_rouble_sign_is_the_er_with_a_bar() {
    for font in bundled_fonts() {
        let (rouble, er) = (font.glyph('₽'), font.glyph('Р'));
        assert_ne!(rouble, er, "at {} px", font.height());
        assert_ne!(rouble, font.glyph('P'), "at {} px", font.height());
        // The bar: a row below the middle where ₽ has more ink than Р.
        let ink = |glyph: Glyph<'_>, y| (0..glyph.width()).filter(|&x| glyph.is_set(x, y)).count();
        let bar_rows = (font.height() / 2..font.height())
            .filter(|&y| ink(rouble, y) > ink(er, y))
            .count();
        assert!(bar_rows >= 1, "no bar at {} px", font.height());
    }
}

#[test]
fn sizes_stay_small() {
    let total: usize = BUNDLED_PSF2.iter().map(|data| data.len()).sum();
    assert!(total < 100 * 1024, "bundled fonts take {total} bytes");
}

proptest! {
    #[test]
    fn garbage_never_panics(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = BitmapFont::from_psf2(&data);
    }

    #[test]
    fn garbage_after_a_plausible_header_never_panics(
        width in 1u32..=17,
        height in 1u32..=9,
        glyphs in 0u32..6,
        flags in 0u32..4,
        extra_header in 0u32..4,
        right_glyph_size in any::<bool>(),
        rest in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        let glyph_bytes = width.div_ceil(8) * height + u32::from(!right_glyph_size);
        let mut data = PSF2_MAGIC.to_vec();
        for value in [0, 32 + extra_header, flags, glyphs, glyph_bytes, height, width] {
            data.extend_from_slice(&value.to_le_bytes());
        }
        data.extend_from_slice(&rest);
        if let Ok(font) = BitmapFont::from_psf2(&data) {
            prop_assert_eq!(font.glyph_count(), glyphs as usize);
            for ch in ['A', '?', '\0', '\u{10ffff}'] {
                let glyph = font.glyph(ch);
                for y in 0..=font.height() {
                    for x in 0..=font.width() {
                        let _ = glyph.is_set(x, y);
                    }
                }
            }
        }
    }

    #[test]
    fn corrupting_a_real_font_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut data = BUNDLED_PSF2[0].to_vec();
        for (at, byte) in edits {
            let at = at.index(data.len());
            data[at] = byte;
        }
        if let Ok(font) = BitmapFont::from_psf2(&data) {
            for ch in ['А', '₽', '?', '\u{10ffff}'] {
                let _ = font.glyph(ch).is_set(0, 0);
            }
        }
    }
}
