//! Every screen of the practice kiosk, in Russian and in English, rendered by the ratatui face
//! into a test terminal and compared with its committed snapshot (`tests/snapshots/`).
//! Review a changed screen with `cargo insta review` or by reading the `.snap.new` file.

mod common;

use common::Session;
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

const WIDTH: u16 = 120;
const HEIGHT: u16 = 44;

/// A named way to reach a screen from home.
struct Path {
    name: &'static str,
    keys: fn(&mut Session),
}

fn paths() -> Vec<Path> {
    vec![
        Path {
            name: "home",
            keys: |_| {},
        },
        Path {
            name: "balance",
            keys: |s| {
                s.press(1);
            },
        },
        Path {
            name: "send_who",
            keys: |s| {
                s.press(2);
            },
        },
        Path {
            name: "own_direction",
            keys: |s| {
                s.press(2).press(5);
            },
        },
        Path {
            name: "phone_entry",
            keys: |s| {
                s.press(2).press(4).type_text("8912");
            },
        },
        Path {
            name: "phone_entry_error",
            keys: |s| {
                s.press(2).press(4).enter("8912345");
            },
        },
        Path {
            name: "phone_unknown",
            keys: |s| {
                s.press(2).press(4).enter("8 999 000-00-00");
            },
        },
        Path {
            name: "amount_entry",
            keys: |s| {
                s.press(2).press(1).type_text("300");
            },
        },
        Path {
            name: "amount_insufficient",
            keys: |s| {
                s.press(2).press(1).enter("99999");
            },
        },
        Path {
            name: "amount_not_number",
            keys: |s| {
                s.press(2).press(1).enter("3a0");
            },
        },
        Path {
            name: "check",
            keys: |s| {
                s.up_to_check();
            },
        },
        Path {
            name: "check_phone_fee",
            keys: |s| {
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
            },
        },
        Path {
            name: "code",
            keys: |s| {
                s.up_to_check().press(1);
            },
        },
        Path {
            name: "code_wrong",
            keys: |s| {
                s.up_to_check().press(1).enter("0000");
            },
        },
        Path {
            name: "done",
            keys: |s| {
                let code = s.up_to_check().press(1).code();
                s.enter(&code);
            },
        },
        Path {
            name: "pay_what",
            keys: |s| {
                s.press(3);
            },
        },
        Path {
            name: "bill_amount",
            keys: |s| {
                s.press(3).press(1);
            },
        },
        Path {
            name: "bill_check",
            keys: |s| {
                s.press(3).press(2).press(1);
            },
        },
        Path {
            name: "topup_whose",
            keys: |s| {
                s.press(3).press(5);
            },
        },
        Path {
            name: "topup_amount",
            keys: |s| {
                s.press(3).press(5).press(1).type_text("500");
            },
        },
        Path {
            name: "history",
            keys: |s| {
                s.press(4);
            },
        },
        Path {
            name: "history_page2",
            keys: |s| {
                s.press(4).press(5);
            },
        },
        Path {
            name: "history_item",
            keys: |s| {
                s.press(4).press(1);
            },
        },
        Path {
            name: "block_confirm",
            keys: |s| {
                s.press(6).press(1);
            },
        },
        Path {
            name: "block_done",
            keys: |s| {
                s.press(6).press(1).press(1);
            },
        },
        Path {
            name: "block_already",
            keys: |s| {
                s.press(6).press(1).press(1).press(1).press(6).press(1);
            },
        },
        Path {
            name: "card_blocked",
            keys: |s| {
                s.press(6).press(1).press(1).press(1).press(2);
            },
        },
        Path {
            name: "help",
            keys: |s| {
                s.press(6);
            },
        },
        Path {
            name: "call_staff",
            keys: |s| {
                s.press(6).press(2);
            },
        },
        Path {
            name: "trusted_person",
            keys: |s| {
                s.press(6).press(3);
            },
        },
        Path {
            name: "screen_help",
            keys: |s| {
                s.press(2).key(Key::Help);
            },
        },
        Path {
            name: "lessons",
            keys: |s| {
                s.press(5);
            },
        },
        Path {
            name: "lessons_page2",
            keys: |s| {
                s.press(5).press(5);
            },
        },
        Path {
            name: "lesson_explain",
            keys: |s| {
                s.press(5).press(2);
            },
        },
        Path {
            name: "lesson_quiz_wrong",
            keys: |s| {
                s.press(5).press(1).press(1).press(1).press(1).press(2);
            },
        },
        Path {
            name: "lesson_do_not_yet",
            keys: |s| {
                s.press(5).press(2).press(1).press(1).press(1).key(Key::Esc);
            },
        },
        Path {
            name: "lesson_say",
            keys: |s| {
                s.press(5).press(5).press(3).press(1);
            },
        },
        Path {
            name: "lessons_continue",
            keys: |s| {
                s.press(5).press(2).press(1).key(Key::Esc);
            },
        },
        Path {
            name: "drill_safe_account",
            keys: |s| {
                s.press(5).press(5).press(1).press(1).press(1).press(1);
                s.press(1)
                    .press(1)
                    .press(4)
                    .enter("+79057001122")
                    .enter("1000");
            },
        },
        Path {
            name: "drill_result",
            keys: |s| {
                s.press(5).press(5).press(1).press(1).press(1).press(1);
                s.press(1)
                    .press(1)
                    .press(4)
                    .enter("+79057001122")
                    .enter("1000")
                    .press(2);
            },
        },
        Path {
            name: "drill_payee_mismatch",
            keys: |s| {
                s.press(5).press(5).press(1).press(1).press(1).press(1);
                s.press(1)
                    .press(1)
                    .press(4)
                    .enter("+79057001122")
                    .enter("1000")
                    .press(1)
                    .press(1);
                s.press(1)
                    .press(1)
                    .press(2)
                    .enter("200")
                    .press(1)
                    .press(1)
                    .press(1);
                s.press(1)
                    .press(1)
                    .press(4)
                    .enter("+79991012030")
                    .enter("300");
            },
        },
        Path {
            name: "drill_code_request",
            keys: |s| {
                s.press(5).press(5).press(1).press(1).press(1).press(1);
                s.press(1)
                    .press(1)
                    .press(4)
                    .enter("+79057001122")
                    .enter("1000")
                    .press(1)
                    .press(1);
                s.press(1).press(1).press(2).enter("200").press(1);
            },
        },
        Path {
            name: "warning",
            keys: |s| {
                s.press(2).press(4).enter("+79057001122").enter("100");
            },
        },
        Path {
            name: "lesson_end",
            keys: |s| {
                s.press(5).press(5).press(3);
                s.press(1).press(1).press(1).press(1).press(1);
            },
        },
        Path {
            name: "no_such_choice",
            keys: |s| {
                s.press(9);
            },
        },
        Path {
            name: "voice_listening",
            keys: |s| {
                s.app.set_voice(VoiceState::Ready);
                s.key(Key::Char(' '));
            },
        },
        Path {
            name: "voice_heard",
            keys: |s| {
                s.app.set_voice(VoiceState::Ready);
                let phrase = match s.i18n.lang() {
                    Lang::Ru => "перевести пятьсот рублей дочери",
                    Lang::En => "send five hundred roubles to my daughter",
                };
                say(s, phrase);
            },
        },
        Path {
            name: "voice_refused",
            keys: |s| {
                s.app.set_voice(VoiceState::Ready);
                s.up_to_check();
                let phrase = match s.i18n.lang() {
                    Lang::Ru => "подтвердить",
                    Lang::En => "confirm",
                };
                say(s, phrase);
            },
        },
    ]
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

fn render(session: &Session, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let model = session.model();
    let theme = Theme::new(ThemeName::Mono);
    terminal
        .draw(|frame| draw(frame, &model, &theme, &session.i18n))
        .expect("draw");
    let mut text = format!("{}\n", terminal.backend());
    let backend = terminal.backend();
    if backend.cursor_visible() {
        let cursor = backend.cursor_position();
        text.push_str(&format!("cursor: {}, {}\n", cursor.x, cursor.y));
    }
    text
}

#[test]
fn every_screen_in_both_languages() {
    for lang in Lang::ALL {
        for path in paths() {
            let mut session = Session::new(lang);
            (path.keys)(&mut session);
            let model = session.model();
            assert!(
                model.choices.len() <= 6,
                "{}: more than six choices",
                path.name
            );
            assert!(model.band.is_some(), "{}: no practice band", path.name);
            assert!(!model.spoken.is_empty(), "{}: nothing to say", path.name);
            let name = format!("{}_{}", lang.code(), path.name);
            insta::assert_snapshot!(name, render(&session, WIDTH, HEIGHT));
        }
    }
}

#[test]
fn every_screen_id_is_reached_by_some_path() {
    let mut seen = std::collections::BTreeSet::new();
    for path in paths() {
        let mut session = Session::new(Lang::Ru);
        (path.keys)(&mut session);
        seen.insert(session.model().id);
    }
    for id in opora_core::kiosk::screen::ALL_IDS {
        assert!(seen.contains(id), "no snapshot path reaches {id}");
    }
}

#[test]
fn a_small_terminal_asks_to_be_enlarged() {
    for lang in Lang::ALL {
        let session = Session::new(lang);
        let text = render(&session, 50, 16);
        let name = format!("{}_too_small", lang.code());
        insta::assert_snapshot!(name, text);
    }
    let session = Session::new(Lang::Ru);
    assert!(render(&session, 50, 16).contains("Увеличьте окно"));
}

#[test]
fn the_band_and_the_cursor_are_on_every_screen() {
    for path in paths() {
        let mut session = Session::new(Lang::Ru);
        (path.keys)(&mut session);
        let text = render(&session, WIDTH, HEIGHT);
        assert!(
            text.contains("УЧЕБНЫЙ РЕЖИМ — деньги не настоящие"),
            "{}",
            path.name
        );
        assert!(text.contains("cursor:"), "{}", path.name);
    }
}

#[test]
fn the_largest_size_that_fits_is_used_and_plus_minus_step_it() {
    use opora::tui::layout::{Layout, layout};
    use ratatui::layout::Rect;
    let mut session = Session::new(Lang::Ru);
    session.press(1);
    let sizes = |s: &Session, w, h| match layout(&s.model(), Rect::new(0, 0, w, h)) {
        Layout::Fits(plan) => Some(plan.sizes.headline),
        Layout::TooSmall { .. } => None,
    };
    assert_eq!(sizes(&session, 200, 60), Some(3));
    assert!(sizes(&session, 110, 34) < Some(3));
    session.key(Key::Smaller).key(Key::Smaller);
    assert_eq!(sizes(&session, 200, 60), Some(1));
    session.key(Key::Bigger);
    assert_eq!(sizes(&session, 200, 60), Some(2));
}

/// What a person who cannot read the screen hears on every screen, in both languages: checked
/// against snapshots (`spoken_<lang>_<screen>`), one sentence per line. The synthesizer gets
/// words only: no digits, no currency signs, no separators meant for the eye.
#[test]
fn every_screen_is_spoken_in_both_languages() {
    for lang in Lang::ALL {
        for path in paths() {
            let mut session = Session::new(lang);
            (path.keys)(&mut session);
            let model = session.model();
            let spoken = &model.spoken;
            assert!(
                !spoken
                    .chars()
                    .any(|c| c.is_ascii_digit() || "₽·".contains(c)),
                "{}: {spoken}",
                path.name
            );
            assert!(spoken.contains(&model.title), "{}: no title", path.name);
            for (number, choice) in model.choices.iter().enumerate() {
                let number = opora_core::words::integer(lang, number as i64 + 1);
                assert!(
                    spoken.contains(&format!("{number} — ")),
                    "{}: choice {} is not said with its number: {spoken}",
                    path.name,
                    choice.key
                );
            }
            let name = format!("spoken_{}_{}", lang.code(), path.name);
            insta::assert_snapshot!(name, spoken.replace(". ", ".\n"));
        }
    }
}
