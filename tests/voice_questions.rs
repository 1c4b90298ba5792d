//! The questions voice asks before acting, in the kiosk's core and on screen: an amount heard
//! two ways («двенадцать пятьдесят», "twelve fifty") is offered as numbered choices, and a
//! phrase the recogniser was unsure of is checked («Вы сказали «баланс»?», 1 — да, 2 — нет) —
//! never one that moves money. Each question screen is rendered into a test terminal at two
//! sizes in both languages and compared with its snapshot; its spoken form too.

mod common;

use common::Session;
use opora::edge::drive;
use opora::tui::render::draw;
use opora::tui::theme::{Theme, ThemeName};
use opora_core::i18n::Lang;
use opora_core::input::Key;
use opora_core::kiosk::state::VoiceState;
use opora_core::kiosk::{Effect, Msg};
use opora_core::voice::meaning::{Heard, Intent, VoiceMsg};
use opora_core::voice::{VoiceLang, parse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn with_voice(lang: Lang) -> Session {
    let mut s = Session::new(lang);
    s.app.set_voice(VoiceState::Ready);
    s
}

/// Says `text` on the current screen, as the voice edge would after recognising it.
fn say(s: &mut Session, text: &str) -> Vec<Effect> {
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, VoiceLang::of(s.i18n.lang()));
    let meaning = parse(text, &context);
    hear(s, text, meaning)
}

fn hear(s: &mut Session, text: &str, meaning: opora_core::voice::meaning::Meaning) -> Vec<Effect> {
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, VoiceLang::of(s.i18n.lang()));
    let heard = Heard {
        screen: context.screen,
        text: text.to_string(),
        meaning,
    };
    s.send(Msg::Voice(VoiceMsg::Heard(Some(heard))))
}

fn labels(s: &Session) -> Vec<String> {
    s.model().choices.into_iter().map(|c| c.label).collect()
}

#[test]
fn an_amount_heard_two_ways_is_asked_in_russian() {
    let mut s = with_voice(Lang::Ru);
    s.press(2).press(1);
    assert_eq!(s.model().id, "amount-entry");
    say(&mut s, "двенадцать пятьдесят");
    let model = s.model();
    assert_eq!(model.id, "voice-which-amount");
    assert_eq!(model.title, "Какую сумму?");
    assert!(
        model
            .lines
            .contains(&"Вы сказали 12 рублей 50 копеек или 1\u{a0}250 рублей?".to_string()),
        "{:?}",
        model.lines
    );
    assert_eq!(
        labels(&s),
        [
            "12 рублей 50 копеек",
            "1\u{a0}250 рублей",
            "Ни то, ни другое"
        ]
    );
    assert!(
        model
            .spoken
            .contains("один — двенадцать рублей пятьдесят копеек"),
        "{}",
        model.spoken
    );
    // The key takes the reading, fills the field and goes on to the check screen.
    s.press(2);
    let model = s.model();
    assert_eq!(model.id, "check");
    assert_eq!(model.fact.as_deref(), Some("1\u{a0}250 ₽"));
}

#[test]
fn an_amount_heard_two_ways_is_asked_in_english_and_answered_by_voice() {
    let mut s = with_voice(Lang::En);
    say(&mut s, "send twelve fifty to my grandson");
    assert_eq!(s.model().id, "voice-which-amount");
    assert_eq!(
        labels(&s),
        ["12 roubles 50 kopecks", "1,250 roubles", "Neither"]
    );
    assert!(
        s.model()
            .lines
            .contains(&"Did you say 12 roubles 50 kopecks or 1,250 roubles?".to_string())
    );
    // Said again in full, the amount picks its choice; the request goes on from home.
    say(&mut s, "twelve roubles fifty kopecks");
    let model = s.model();
    assert_eq!(model.id, "check");
    assert_eq!(model.fact.as_deref(), Some("₽12.50"));
    assert!(model.lines.iter().any(|l| l.contains("Dima")), "{model:?}");
}

#[test]
fn neither_goes_back_to_say_it_again() {
    let mut s = with_voice(Lang::Ru);
    s.press(2).press(1);
    say(&mut s, "пять пятьдесят");
    assert_eq!(s.model().id, "voice-which-amount");
    say(&mut s, "третий");
    let model = s.model();
    assert_eq!(model.id, "amount-entry");
    assert_eq!(
        model.notice.map(|n| n.text).as_deref(),
        Some("Хорошо. Скажите ещё раз или нажмите цифру.")
    );
    assert!(model.field.is_some_and(|f| f.value.is_empty()));
    // Esc leaves the question too.
    say(&mut s, "пять пятьдесят");
    s.key(Key::Esc);
    assert_eq!(s.model().id, "amount-entry");
}

#[test]
fn an_unsure_phrase_is_checked_first_in_both_languages() {
    for (lang, text, title, yes, no) in [
        (Lang::Ru, "баланс", "Вы сказали «баланс»?", "да", "нет"),
        (Lang::En, "balance", "Did you say \"balance\"?", "yes", "no"),
    ] {
        let mut s = with_voice(lang);
        hear(
            &mut s,
            text,
            Ok(Intent::DidYouSay(Box::new(Intent::Choose(1)))),
        );
        let model = s.model();
        assert_eq!(model.id, "voice-did-you-say", "{lang:?}");
        assert_eq!(model.title, title);
        assert_eq!(model.choices.len(), 2);
        // «нет»: back to the screen it was said on, to say it again.
        say(&mut s, no);
        assert_eq!(s.model().id, "home", "{lang:?}");
        assert!(s.model().notice.is_some());
        hear(
            &mut s,
            text,
            Ok(Intent::DidYouSay(Box::new(Intent::Choose(1)))),
        );
        // «да»: what was heard is carried out.
        say(&mut s, yes);
        assert_eq!(s.model().id, "balance", "{lang:?}");
    }
}

#[test]
fn money_is_never_asked_twice() {
    let mut s = with_voice(Lang::Ru);
    s.press(2).press(1);
    let amount = opora_core::money::Money::from_rubles(500);
    hear(
        &mut s,
        "пятьсот",
        Ok(Intent::DidYouSay(Box::new(Intent::Amount(amount)))),
    );
    // Straight to the check screen, which asks for a key anyway.
    assert_eq!(s.model().id, "check");
}

#[test]
fn a_question_heard_after_the_screen_changed_does_nothing() {
    let mut s = with_voice(Lang::Ru);
    s.press(2).press(1);
    say(&mut s, "двенадцать пятьдесят");
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, VoiceLang::Ru);
    s.key(Key::Esc);
    let stale = Heard {
        screen: context.screen,
        text: "первый".into(),
        meaning: parse("первый", &context),
    };
    drive(
        &mut s.app,
        &mut s.edge,
        Msg::Voice(VoiceMsg::Heard(Some(stale))),
    );
    assert_eq!(s.model().id, "amount-entry");
}

fn render(session: &Session, width: u16, height: u16, theme: ThemeName) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let model = session.model();
    let theme = Theme::new(theme);
    terminal
        .draw(|frame| draw(frame, &model, &theme, &session.i18n))
        .expect("draw");
    format!("{}\n", terminal.backend())
}

/// A session on a question screen: which amount, or «Вы сказали …?».
fn on_question(lang: Lang, which: bool) -> Session {
    let mut s = with_voice(lang);
    let (amount, unsure) = match lang {
        Lang::Ru => ("двенадцать пятьдесят", "баланс"),
        Lang::En => ("twelve fifty", "balance"),
    };
    if which {
        s.press(2).press(1);
        say(&mut s, amount);
    } else {
        hear(
            &mut s,
            unsure,
            Ok(Intent::DidYouSay(Box::new(Intent::Choose(1)))),
        );
    }
    s
}

/// The screen at the usual size and a smaller one, in two themes, and as it is spoken (words
/// only); it fits every terminal from 40×12. One test per screen and language, so a change
/// names its screen.
fn looks_and_sounds_right(lang: Lang, which: bool) {
    let session = on_question(lang, which);
    let name = if which { "which_amount" } else { "did_you_say" };
    let model = session.model();
    assert!(
        !model
            .spoken
            .chars()
            .any(|c| c.is_ascii_digit() || "₽".contains(c)),
        "{name}: {}",
        model.spoken
    );
    common::fit::fits_everywhere(&model, name);
    let code = lang.code();
    insta::assert_snapshot!(
        format!("{code}_{name}_120x44"),
        render(&session, 120, 44, ThemeName::Mono)
    );
    insta::assert_snapshot!(
        format!("{code}_{name}_100x34"),
        render(&session, 100, 34, ThemeName::Dark)
    );
    insta::assert_snapshot!(
        format!("spoken_{code}_{name}"),
        model.spoken.replace(". ", ".\n")
    );
}

#[test]
fn which_amount_in_russian() {
    looks_and_sounds_right(Lang::Ru, true);
}

#[test]
fn which_amount_in_english() {
    looks_and_sounds_right(Lang::En, true);
}

#[test]
fn did_you_say_in_russian() {
    looks_and_sounds_right(Lang::Ru, false);
}

#[test]
fn did_you_say_in_english() {
    looks_and_sounds_right(Lang::En, false);
}
