//! Tests of `tui::big_text`.

use super::*;
use crate::tui::bitmap_font::{BitmapFont, bundled_font, bundled_fonts};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

const NBSP: char = '\u{a0}';

fn font(height: u16) -> &'static BitmapFont {
    bundled_font(height).expect("bundled size")
}

fn render(text: &BigText<'_>, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(text, frame.area()))
        .unwrap();
    terminal
}

fn row(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

#[test]
fn measure_counts_glyphs_and_half_rows() {
    assert_eq!(measure(font(16), "Баланс"), (48, 8));
    assert_eq!(measure(font(32), "Баланс"), (96, 16));
    assert_eq!(measure(font(24), ""), (0, 12));
    assert_eq!(measure(font(28), "25\u{a0}430,50\u{a0}₽"), (11 * 14, 14));
    // Decomposed letters and invisible characters.
    assert_eq!(measure(font(16), "Е\u{308}лки\u{ad}"), (32, 8));
    assert_eq!(measure(font(16), "a\u{200b}b\u{fe0f}\n"), (16, 8));
    // Saturates instead of overflowing.
    assert_eq!(measure(font(32), &"Ж".repeat(5000)).0, u16::MAX);
}

#[test]
fn decomposed_letters_are_composed() {
    let text: String = glyph_chars("Е\u{308}ж и\u{306}\u{301}x").collect();
    assert_eq!(text, "Ёж йx");
}

#[test]
fn height_of_stacks_lines_without_a_gap() {
    assert_eq!(height_of(font(16), &["a", "b", "c"]), 24);
    assert_eq!(height_of::<&str>(font(32), &[]), 0);
    assert_eq!(height_of(font(28), &[String::new()]), 14);
}

#[test]
fn wrap_breaks_greedily_at_spaces() {
    let font = font(16); // 8 columns per glyph
    assert_eq!(
        wrap(font, "Ваш  баланс сегодня ", 10 * 8).unwrap(),
        ["Ваш баланс", "сегодня"]
    );
    // Columns that do not make a whole glyph are not used.
    assert_eq!(
        wrap(font, "Ваш баланс", 10 * 8 - 1).unwrap(),
        ["Ваш", "баланс"]
    );
    assert_eq!(wrap(font, "Ваш баланс", 80).unwrap(), ["Ваш баланс"]);
    assert_eq!(
        wrap(font, "один два три", 7 * 8).unwrap(),
        ["один", "два три"]
    );
}

#[test]
fn wrap_keeps_line_breaks_and_handles_empty_text() {
    let font = font(16);
    assert_eq!(wrap(font, "", 80).unwrap(), Vec::<String>::new());
    assert_eq!(wrap(font, "а\n\nб\n", 80).unwrap(), ["а", "", "б"]);
    assert_eq!(wrap(font, "а\r\nб", 80).unwrap(), ["а", "б"]);
    assert_eq!(wrap(font, "   ", 80).unwrap(), [""]);
    // Nothing fits in less than one glyph, but empty text still does.
    assert_eq!(wrap(font, "а", 7), None);
    assert_eq!(wrap(font, "", 0).unwrap(), Vec::<String>::new());
}

#[test]
fn wrap_fails_when_a_word_is_too_wide() {
    assert_eq!(wrap(font(32), "Благотворительность", 200), None);
    assert_eq!(
        wrap(font(16), "Благотворительность", 200).unwrap(),
        ["Благотворительность"]
    );
}

#[test]
fn amounts_stay_whole_when_they_fit() {
    let font = font(16);
    let amount = format!("25{NBSP}430,50{NBSP}₽");
    let text = format!("На счёте {amount}");
    // 9 + 1 + 11 glyphs do not fit in 15: the amount moves to the next line whole.
    assert_eq!(
        wrap(font, &text, 15 * 8).unwrap(),
        ["На счёте", amount.as_str()]
    );
    // An ordinary space before ₽ does not let the sign wander off alone.
    let loose = "На счёте 25\u{a0}430,50 ₽.";
    assert_eq!(
        wrap(font, loose, 15 * 8).unwrap(),
        ["На счёте", "25\u{a0}430,50 ₽."]
    );
    // The narrow no-break space (U+202F) is treated like the no-break space.
    assert_eq!(
        wrap(font, "итого 1\u{202f}000 ₽", 8 * 8).unwrap(),
        ["итого", "1\u{202f}000 ₽"]
    );
    // Nor does the number after №.
    assert_eq!(wrap(font, "Карта № 5", 7 * 8).unwrap(), ["Карта", "№ 5"]);
}

#[test]
fn amounts_wider_than_the_line_break_at_no_break_spaces() {
    let font = font(32); // 16 columns per glyph
    let text = format!("Итого 1{NBSP}225{NBSP}430,50{NBSP}₽");
    // 6 glyphs per line: "Итого" fits, the amount (14 glyphs) must be broken.
    assert_eq!(
        wrap(font, &text, 6 * 16).unwrap(),
        ["Итого", "1\u{a0}225", "430,50", "₽"]
    );
    assert_eq!(
        wrap(font, &text, 12 * 16).unwrap(),
        ["Итого", "1\u{a0}225\u{a0}430,50", "₽"]
    );
    // A piece between no-break spaces that is still too wide cannot be shown.
    assert_eq!(wrap(font, &text, 5 * 16), None);
}

#[test]
fn renders_half_blocks_with_the_style() {
    let font = font(16);
    let style = Style::new().fg(Color::Yellow).bg(Color::Blue);
    let terminal = render(&BigText::new(font, "П").style(style), 10, 8);
    // Terminus bold 8x16 "П": 7 pixels wide, from pixel row 2 to 11.
    assert_eq!(row(&terminal, 0), "          ");
    assert_eq!(row(&terminal, 1), "██▀▀▀██   ");
    assert_eq!(row(&terminal, 5), "██   ██   ");
    assert_eq!(row(&terminal, 6), "          ");
    let buffer = terminal.backend().buffer();
    for (x, y) in [(0, 1), (3, 3), (9, 7)] {
        assert_eq!(buffer[(x, y)].fg, Color::Yellow);
        assert_eq!(buffer[(x, y)].bg, Color::Blue);
    }
}

#[test]
fn upper_half_block_means_the_top_pixel_is_ink() {
    // "-" in 8x16 is one pixel row: row 7, the lower pixel of cell row 3.
    let terminal = render(&BigText::new(font(16), "-"), 8, 8);
    assert_eq!(row(&terminal, 3), "▄▄▄▄▄▄▄ ");
    let terminal = render(&BigText::new(font(24), "Т"), 12, 12);
    assert_eq!(row(&terminal, 2), " ▀▀▀▀██▀▀▀▀ ");
}

#[test]
fn centres_and_right_aligns() {
    let font = font(16);
    let terminal = render(&BigText::new(font, "П").centered(), 12, 8);
    assert_eq!(row(&terminal, 1), "  ██▀▀▀██   ");
    let text = BigText::new(font, "П").alignment(HorizontalAlignment::Right);
    let terminal = render(&text, 12, 8);
    assert_eq!(row(&terminal, 1), "    ██▀▀▀██ ");
    // Lines wider than the area start at the left edge and are clipped on the right.
    let terminal = render(&BigText::new(font, "ПП").centered(), 12, 8);
    assert_eq!(row(&terminal, 1), "██▀▀▀██ ██▀▀");
}

#[test]
fn stacks_lines_without_a_gap() {
    let font = font(16);
    let text = BigText::from_lines(font, ["П", "П"]);
    assert_eq!(text.size(), (8, 16));
    let terminal = render(&text, 8, 16);
    assert_eq!(row(&terminal, 1), "██▀▀▀██ ");
    assert_eq!(row(&terminal, 9), "██▀▀▀██ ");
}

#[test]
fn small_and_odd_areas_are_clipped_without_panicking() {
    let font = font(32);
    let text = BigText::new(font, "25\u{a0}430,50\u{a0}₽\nБаланс").centered();
    for (width, height) in [(0, 0), (1, 1), (3, 2), (20, 5), (17, 17), (200, 40)] {
        let _ = render(&text, width, height);
    }
    // An area that sticks out of the buffer, or lies outside it entirely.
    let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 10));
    (&text).render(Rect::new(5, 5, 100, 100), &mut buffer);
    (&text).render(Rect::new(50, 50, 10, 10), &mut buffer);
    (&text).render(Rect::new(u16::MAX - 3, u16::MAX - 3, 3, 3), &mut buffer);
    let mut far = Buffer::empty(Rect::new(u16::MAX - 20, u16::MAX - 20, 20, 20));
    (&text).render(far.area, &mut far);
    // The by-value widget draws the same.
    text.render(Rect::new(0, 0, 10, 10), &mut buffer);
}

#[test]
fn snapshot_amount_at_16() {
    let amount = "25\u{a0}430,50\u{a0}₽";
    let text = BigText::new(font(16), amount);
    assert_eq!(text.size(), (88, 8));
    let terminal = render(&text, 88, 8);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn snapshot_balance_at_32() {
    let text = BigText::new(font(32), "Баланс");
    assert_eq!(text.size(), (96, 16));
    let terminal = render(&text, 96, 16);
    insta::assert_snapshot!(terminal.backend());
}

proptest! {
    #[test]
    fn rendering_never_panics(
        text in "[ а-яА-ЯёЁa-z0-9₽\u{a0}\n\u{308}?-]{0,24}",
        size in 0usize..4,
        x in 0u16..30,
        y in 0u16..30,
        width in 0u16..60,
        height in 0u16..40,
        align in 0u8..3,
    ) {
        let font = &bundled_fonts()[size];
        let alignment = match align {
            0 => HorizontalAlignment::Left,
            1 => HorizontalAlignment::Center,
            _ => HorizontalAlignment::Right,
        };
        let widget = BigText::new(font, &text).alignment(alignment);
        let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 30));
        (&widget).render(Rect::new(x, y, width, height), &mut buffer);
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word(
        words in proptest::collection::vec("[а-я0-9₽]{1,6}", 0..12),
        joiners in proptest::collection::vec(prop_oneof![Just(' '), Just('\u{a0}')], 12),
        max_cols in 0u16..200,
        size in 0usize..4,
    ) {
        let font = &bundled_fonts()[size];
        let mut text = String::new();
        for (word, joiner) in words.iter().zip(&joiners) {
            text.push_str(word);
            text.push(*joiner);
        }
        if let Some(lines) = wrap(font, &text, max_cols) {
            for line in &lines {
                prop_assert!(measure(font, line).0 <= max_cols, "{line:?} too wide");
                prop_assert!(!line.starts_with(' ') && !line.ends_with(' '));
            }
            let joined: Vec<&str> = lines
                .iter()
                .flat_map(|line| line.split([' ', '\u{a0}']))
                .filter(|word| !word.is_empty())
                .collect();
            prop_assert_eq!(joined, words.iter().map(String::as_str).collect::<Vec<_>>());
        } else {
            let widest = words.iter().map(|word| measure(font, word).0).max().unwrap_or(0);
            prop_assert!(widest > max_cols);
        }
    }
}
