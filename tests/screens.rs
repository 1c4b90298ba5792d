//! Every screen of the practice kiosk, in Russian and in English, drawn by the ratatui face at
//! 40×12, 80×24, 120×44 and 200×60 and compared with its committed snapshot
//! (`tests/snapshots/screens__<screen>_<lang>.snap`); its colours in the dark and the light theme
//! at 40×12 and 80×24 (`…_themes_<lang>`); and what it says aloud (`…_spoken_<lang>`). Each
//! screen is a test of its own (`home::ru`, `check::spoken_en`…), so a failure names its screen.
//! Review a changed screen with `cargo insta review` or by reading the `.snap.new` file.

mod common;

use common::Session;
use common::fit::fits_everywhere;
use opora::edge::drive;
use opora::tui::render::draw;
use opora::tui::theme::{Theme, ThemeName};
use opora_core::i18n::Lang;
use opora_core::input::Key;
use opora_core::kiosk::Msg;
use opora_core::kiosk::state::VoiceState;
use opora_core::voice::meaning::{Heard, VoiceMsg};
use opora_core::voice::{VoiceLang, parse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

/// The sizes every screen is drawn at: the smallest, a laptop, a roomy terminal, a big one.
const SIZES: [(u16, u16); 4] = [(40, 12), (80, 24), (120, 44), (200, 60)];
/// The sizes the colour themes are checked at.
const THEME_SIZES: [(u16, u16); 2] = [(40, 12), (80, 24)];

/// Generates, for each screen, a module with its tests in both languages, and `paths()`.
macro_rules! screens {
    ($($name:ident => $keys:expr;)*) => {
        $(
            mod $name {
                use super::*;
                #[test]
                fn ru() { drawn(stringify!($name), Lang::Ru, $keys) }
                #[test]
                fn en() { drawn(stringify!($name), Lang::En, $keys) }
                #[test]
                fn themes_ru() { themes(stringify!($name), Lang::Ru, $keys) }
                #[test]
                fn themes_en() { themes(stringify!($name), Lang::En, $keys) }
                #[test]
                fn spoken_ru() { spoken(stringify!($name), Lang::Ru, $keys) }
                #[test]
                fn spoken_en() { spoken(stringify!($name), Lang::En, $keys) }
                #[test]
                fn fits_every_terminal() { fits(stringify!($name), $keys) }
            }
        )*

        /// Every screen's name and the keys that reach it from home.
        fn paths() -> Vec<(&'static str, fn(&mut Session))> {
            vec![$((stringify!($name), $keys as fn(&mut Session))),*]
        }
    };
}

screens! {
    home => |_| {};
    balance => |s| { s.press(1); };
    send_who => |s| { s.press(2); };
    own_direction => |s| { s.press(2).press(5); };
    phone_entry => |s| { s.press(2).press(4).type_text("8912"); };
    phone_entry_error => |s| { s.press(2).press(4).enter("8912345"); };
    phone_unknown => |s| { s.press(2).press(4).enter("8 999 000-00-00"); };
    amount_entry => |s| { s.press(2).press(1).type_text("300"); };
    amount_insufficient => |s| { s.press(2).press(1).enter("99999"); };
    amount_not_number => |s| { s.press(2).press(1).enter("3a0"); };
    check => |s| { s.up_to_check(); };
    check_phone_fee => |s| {
        // Move savings to the card first, then send more than the free monthly amount.
        let code = s.press(2).press(5).press(2).enter("150000").press(1).code();
        s.enter(&code)
            .press(1)
            .press(2)
            .press(4)
            .enter("89057001122")
            .enter("120000")
            // A new payee and more than half the card: the warning, then on.
            .press(2);
    };
    code => |s| { s.up_to_check().press(1); };
    code_wrong => |s| { s.up_to_check().press(1).enter("0000"); };
    done => |s| {
        let code = s.up_to_check().press(1).code();
        s.enter(&code);
    };
    pay_what => |s| { s.press(3); };
    bill_amount => |s| { s.press(3).press(1); };
    bill_check => |s| { s.press(3).press(2).press(1); };
    topup_whose => |s| { s.press(3).press(5); };
    topup_amount => |s| { s.press(3).press(5).press(1).type_text("500"); };
    history => |s| { s.press(1).press(2); };
    history_page2 => |s| { s.press(1).press(2).press(5); };
    history_item => |s| { s.press(1).press(2).press(1); };
    block_confirm => |s| { s.press(4); };
    block_done => |s| { s.press(4).press(1); };
    block_already => |s| { s.press(4).press(1).press(1).press(4); };
    card_blocked => |s| { s.press(4).press(1).press(1).press(2); };
    help => |s| { s.press(6); };
    call_staff => |s| { s.press(6).press(2); };
    trusted_person => |s| { s.press(6).press(3); };
    screen_help => |s| { s.press(2).key(Key::Help); };
    lessons => |s| { s.press(5); };
    lessons_page2 => |s| { s.press(5).press(5); };
    lesson_explain => |s| { s.press(5).press(2); };
    lesson_quiz_wrong => |s| { s.press(5).press(1).press(1).press(1).press(1).press(2); };
    lesson_do_not_yet => |s| { s.press(5).press(2).press(1).press(1).press(1).key(Key::Esc); };
    lesson_say => |s| { s.press(5).press(5).press(3).press(1); };
    lessons_continue => |s| { s.press(5).press(2).press(1).key(Key::Esc); };
    drill_safe_account => |s| {
        s.press(5).press(5).press(1).press(1).press(1).press(1);
        s.press(1).press(1).press(4).enter("+79057001122").enter("1000");
    };
    drill_result => |s| {
        s.press(5).press(5).press(1).press(1).press(1).press(1);
        s.press(1).press(1).press(4).enter("+79057001122").enter("1000").press(2);
    };
    drill_payee_mismatch => |s| {
        s.press(5).press(5).press(1).press(1).press(1).press(1);
        s.press(1).press(1).press(4).enter("+79057001122").enter("1000").press(1).press(1);
        s.press(1).press(1).press(2).enter("200").press(1).press(1).press(1);
        s.press(1).press(1).press(4).enter("+79991012030").enter("300");
    };
    drill_code_request => |s| {
        s.press(5).press(5).press(1).press(1).press(1).press(1);
        s.press(1).press(1).press(4).enter("+79057001122").enter("1000").press(1).press(1);
        s.press(1).press(1).press(2).enter("200").press(1);
    };
    warning => |s| { s.press(2).press(4).enter("+79057001122").enter("100"); };
    lesson_end => |s| {
        s.press(5).press(5).press(3);
        s.press(1).press(1).press(1).press(1).press(1);
    };
    no_such_choice => |s| { s.press(9); };
    voice_listening => |s| {
        s.app.set_voice(VoiceState::Ready);
        s.key(Key::Char(' '));
    };
    voice_heard => |s| {
        s.app.set_voice(VoiceState::Ready);
        let phrase = match s.i18n.lang() {
            Lang::Ru => "перевести пятьсот рублей дочери",
            Lang::En => "send five hundred roubles to my daughter",
        };
        say(s, phrase);
    };
    voice_refused => |s| {
        s.app.set_voice(VoiceState::Ready);
        s.up_to_check();
        let phrase = match s.i18n.lang() {
            Lang::Ru => "подтвердить",
            Lang::En => "confirm",
        };
        say(s, phrase);
    };
}

/// Says a phrase on the current screen, as the voice edge would after recognising it.
fn say(s: &mut Session, text: &str) {
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, VoiceLang::of(s.i18n.lang()));
    let heard = Heard {
        screen: context.screen,
        text: text.to_string(),
        meaning: parse(text, &context),
    };
    drive(
        &mut s.app,
        &mut s.edge,
        Msg::Voice(VoiceMsg::Heard(Some(heard))),
    );
}

fn session(lang: Lang, keys: fn(&mut Session)) -> Session {
    let mut session = Session::new(lang);
    keys(&mut session);
    session
}

fn draw_at(session: &Session, width: u16, height: u16, theme: ThemeName) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let model = session.model();
    terminal
        .draw(|frame| draw(frame, &model, &Theme::new(theme), &session.i18n))
        .expect("draw");
    terminal
}

/// The screen as text: each row without its trailing spaces, then where the cursor is.
fn text_of(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        text.push_str(row.trim_end());
        text.push('\n');
    }
    let backend = terminal.backend();
    if backend.cursor_visible() {
        let cursor = backend.cursor_position();
        text.push_str(&format!("cursor: {}, {}\n", cursor.x, cursor.y));
    }
    text
}

/// The screen's colours: a legend of the styles, then each row as runs of style letters
/// (`a12 b68`: 12 cells in style a, then 68 in style b).
fn styles_of(buffer: &Buffer) -> String {
    let mut legend: Vec<Style> = Vec::new();
    let mut rows = String::new();
    for y in 0..buffer.area.height {
        let mut runs: Vec<(usize, u16)> = Vec::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let style = Style::new()
                .fg(cell.fg)
                .bg(cell.bg)
                .add_modifier(cell.modifier);
            let index = legend.iter().position(|s| *s == style).unwrap_or_else(|| {
                legend.push(style);
                legend.len() - 1
            });
            match runs.last_mut() {
                Some((last, n)) if *last == index => *n += 1,
                _ => runs.push((index, 1)),
            }
        }
        let row: Vec<String> = runs
            .iter()
            .map(|(i, n)| format!("{}{n}", letter(*i)))
            .collect();
        rows.push_str(&row.join(" "));
        rows.push('\n');
    }
    let mut text = String::new();
    for (i, style) in legend.iter().enumerate() {
        text.push_str(&format!(
            "{} = {:?} on {:?} {:?}\n",
            letter(i),
            style.fg.unwrap_or_default(),
            style.bg.unwrap_or_default(),
            style.add_modifier
        ));
    }
    text + &rows
}

fn letter(i: usize) -> char {
    char::from(b'a' + u8::try_from(i % 26).unwrap_or(0))
}

/// The screen at every size, in one snapshot.
fn drawn(name: &str, lang: Lang, keys: fn(&mut Session)) {
    let session = session(lang, keys);
    let model = session.model();
    assert!(model.choices.len() <= 6, "{name}: more than six choices");
    let band = model
        .band
        .clone()
        .expect("the practice band on every screen");
    let mut snapshot = String::new();
    for (width, height) in SIZES {
        let terminal = draw_at(&session, width, height, ThemeName::Mono);
        let text = text_of(&terminal);
        assert!(text.contains(&band), "{name} at {width}×{height}: no band");
        assert!(
            text.contains("cursor:"),
            "{name} at {width}×{height}: no cursor"
        );
        snapshot.push_str(&format!("── {width}×{height} ──\n{text}"));
    }
    insta::assert_snapshot!(format!("{name}_{}", lang.code()), snapshot);
}

/// The screen's colours in the dark and the light theme, in one snapshot.
fn themes(name: &str, lang: Lang, keys: fn(&mut Session)) {
    let session = session(lang, keys);
    let mut snapshot = String::new();
    for theme in [ThemeName::Dark, ThemeName::Light] {
        for (width, height) in THEME_SIZES {
            let terminal = draw_at(&session, width, height, theme);
            let styles = styles_of(terminal.backend().buffer());
            snapshot.push_str(&format!("── {theme:?} {width}×{height} ──\n{styles}"));
        }
    }
    insta::assert_snapshot!(format!("{name}_themes_{}", lang.code()), snapshot);
}

/// What a person who cannot read the screen hears, one sentence per line. The synthesizer gets
/// words only: no digits, no currency signs, no separators meant for the eye.
fn spoken(name: &str, lang: Lang, keys: fn(&mut Session)) {
    let session = session(lang, keys);
    let model = session.model();
    let spoken = &model.spoken;
    assert!(
        !spoken
            .chars()
            .any(|c| c.is_ascii_digit() || "₽·".contains(c)),
        "{name}: {spoken}"
    );
    assert!(spoken.contains(&model.title), "{name}: no title");
    for (number, choice) in model.choices.iter().enumerate() {
        let number = opora_core::words::integer(lang, number as i64 + 1);
        assert!(
            spoken.contains(&format!("{number} — ")),
            "{name}: choice {} is not said with its number: {spoken}",
            choice.key
        );
    }
    insta::assert_snapshot!(
        format!("{name}_spoken_{}", lang.code()),
        spoken.replace(". ", ".\n")
    );
}

/// The screen lays out in every terminal from 40×12 to 300×100, in both languages.
fn fits(name: &str, keys: fn(&mut Session)) {
    for lang in Lang::ALL {
        let model = session(lang, keys).model();
        fits_everywhere(&model, &format!("{name} ({lang:?})"));
    }
}

#[test]
fn every_screen_id_is_reached_by_some_path() {
    let mut seen = std::collections::BTreeSet::new();
    for (_, keys) in paths() {
        seen.insert(session(Lang::Ru, keys).model().id);
    }
    for id in opora_core::kiosk::screen::ALL_IDS {
        assert!(seen.contains(id), "no snapshot path reaches {id}");
    }
}

#[test]
fn below_40_by_12_one_sentence_asks_for_a_bigger_window() {
    for lang in Lang::ALL {
        let session = Session::new(lang);
        let text = text_of(&draw_at(&session, 39, 12, ThemeName::Mono));
        insta::assert_snapshot!(format!("too_small_{}", lang.code()), text);
    }
    let session = Session::new(Lang::Ru);
    for (width, height) in [(39, 12), (40, 11), (30, 8)] {
        let text = text_of(&draw_at(&session, width, height, ThemeName::Mono));
        assert!(text.contains("растяните"), "{width}×{height}: {text}");
        assert!(
            !text.contains("шрифт"),
            "never ask to make the font smaller"
        );
    }
    // One more column and row, and the screen is back.
    let text = text_of(&draw_at(&session, 40, 12, ThemeName::Mono));
    assert!(
        text.contains("Здравствуйте!") && text.contains("1 Баланс"),
        "{text}"
    );
}

#[test]
fn at_80_by_24_the_headline_and_the_balance_are_big() {
    use opora::tui::layout::{Body, Item, Layout, layout};
    use ratatui::layout::Rect;
    let area = Rect::new(0, 0, 80, 24);
    for lang in Lang::ALL {
        for (keys, title) in [(paths()[0].1, true), (paths()[1].1, false)] {
            let model = session(lang, keys).model();
            let Layout::Fits(plan) = layout(&model, area) else {
                panic!("{lang:?} {}: does not fit", model.id);
            };
            let big = plan.items.iter().find_map(|(rect, item)| match item {
                Item::Title(Body::Big(_)) if title => Some(rect.height),
                Item::Fact(Body::Big(_)) if !title => Some(rect.height),
                _ => None,
            });
            assert!(
                big.is_some_and(|rows| rows >= 4),
                "{lang:?} {}: not in big glyphs of 4 rows or more",
                model.id
            );
        }
    }
}

#[test]
fn the_recipient_is_as_big_as_the_amount_on_the_check_screen() {
    use opora::tui::layout::{Body, Item, Layout, layout};
    use ratatui::layout::Rect;
    for lang in Lang::ALL {
        let mut session = Session::new(lang);
        session.up_to_check();
        let model = session.model();
        for (width, height) in [(80, 24), (120, 44), (200, 60)] {
            let Layout::Fits(plan) = layout(&model, Rect::new(0, 0, width, height)) else {
                panic!("{width}×{height}: does not fit");
            };
            let font = |wanted: fn(&Item) -> Option<&Body>| {
                plan.items.iter().find_map(|(_, item)| match wanted(item) {
                    Some(Body::Big(big)) => Some(big.font),
                    _ => None,
                })
            };
            let amount = font(|i| match i {
                Item::Fact(body) => Some(body),
                _ => None,
            });
            let recipient = font(|i| match i {
                Item::KeyLine { value, .. } => Some(value),
                _ => None,
            });
            // Both big, or (when a long name cannot be big beside the amount) both ordinary.
            assert_eq!(amount, recipient, "{lang:?} {width}×{height}");
            assert!(
                amount.is_some() || width < 120,
                "{lang:?} {width}×{height}: the amount is not big"
            );
        }
    }
}

#[test]
fn the_choices_are_big_when_there_is_room() {
    use opora::tui::layout::{ChoiceMode, Layout, layout};
    use ratatui::layout::Rect;
    let model = Session::new(Lang::En).model();
    for (width, height) in [(160, 50), (200, 60)] {
        let Layout::Fits(plan) = layout(&model, Rect::new(0, 0, width, height)) else {
            panic!("{width}×{height}: does not fit");
        };
        assert!(
            matches!(plan.sizes.choices, ChoiceMode::Big(_)),
            "{width}×{height}: {:?}",
            plan.sizes
        );
    }
}

#[test]
fn plus_and_minus_cap_the_size_in_a_roomy_terminal() {
    use opora::tui::layout::{Layout, layout};
    use ratatui::layout::Rect;
    let mut session = Session::new(Lang::Ru);
    session.press(1);
    let fact = |s: &Session| match layout(&s.model(), Rect::new(0, 0, 300, 100)) {
        Layout::Fits(plan) => plan.sizes.fact,
        Layout::TooSmall { .. } => None,
    };
    let largest = fact(&session).expect("a big amount");
    session.key(Key::Smaller).key(Key::Smaller);
    assert_eq!(fact(&session), Some(largest - 2));
    session.key(Key::Bigger);
    assert_eq!(fact(&session), Some(largest - 1));
}
