//! Voice in the kiosk's core: Space, «Слушаю…», «Я услышал: …», requests that fill a form and
//! walk through the screens to the check screen and stop there, refusals, lessons' say-it steps
//! — and, whatever is said on whatever screen, no money moves and the card is not blocked.

mod common;

use common::Session;
use opora::edge::drive;
use opora_core::i18n::Lang;
use opora_core::input::Key;
use opora_core::kiosk::state::VoiceState;
use opora_core::kiosk::{Effect, Msg};
use opora_core::voice::meaning::{Heard, VoiceMsg};
use opora_core::voice::{VoiceLang, parse};
use proptest::prelude::*;

/// Says `text` on the current screen, as the voice edge would after recognising it.
fn say(s: &mut Session, text: &str) -> Vec<Effect> {
    let lang = VoiceLang::of(s.i18n.lang());
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, lang);
    let heard = Heard {
        screen: context.screen,
        text: text.to_string(),
        meaning: parse(text, &context),
    };
    s.send(Msg::Voice(VoiceMsg::Heard(Some(heard))))
}

fn with_voice(lang: Lang) -> Session {
    let mut s = Session::new(lang);
    s.app.set_voice(VoiceState::Ready);
    s
}

#[test]
fn space_listens_shows_it_and_stops_on_a_second_press() {
    let mut s = with_voice(Lang::Ru);
    let effects = s.send(Msg::Key(Key::Char(' ')));
    assert_eq!(effects, vec![Effect::Listen]);
    let model = s.model();
    let banner = model.voice.expect("a voice banner");
    assert!(banner.listening);
    assert_eq!(banner.text, "Слушаю… Говорите. Пробел — закончить.");
    assert!(
        model.keys.ends_with("Пробел — сказать голосом"),
        "{}",
        model.keys
    );
    let effects = s.send(Msg::Key(Key::Char(' ')));
    assert_eq!(effects, vec![Effect::StopListening]);
    s.send(Msg::Voice(VoiceMsg::Heard(None)));
    assert_eq!(s.app.voice_state(), &VoiceState::Ready);
    let notice = s.model().notice.expect("a notice");
    assert!(notice.text.starts_with("Я ничего не услышал"), "{notice:?}");
}

#[test]
fn what_was_heard_is_shown_big_and_a_command_acts() {
    let mut s = with_voice(Lang::Ru);
    s.key(Key::Char(' '));
    say(&mut s, "баланс");
    let model = s.model();
    assert_eq!(model.id, "balance");
    let banner = model.voice.expect("banner");
    assert!(!banner.listening);
    assert_eq!(banner.text, "Я услышал: «баланс»");
    assert!(
        model.spoken.starts_with("Я услышал: «баланс»."),
        "{}",
        model.spoken
    );
    // The next key starts afresh.
    s.key(Key::Esc);
    assert_eq!(s.model().voice, None);
    assert_eq!(s.model().id, "home");
}

#[test]
fn a_transfer_request_fills_the_form_and_stops_at_the_check_screen() {
    let mut s = with_voice(Lang::Ru);
    let effects = say(&mut s, "перевести тысячу двести пятьдесят рублей дочери");
    assert!(
        effects
            .iter()
            .all(|e| !matches!(e, Effect::Execute { .. } | Effect::IssueCode { .. }))
    );
    let model = s.model();
    assert_eq!(model.id, "check");
    assert_eq!(model.fact.as_deref(), Some("1\u{a0}250 ₽"));
    assert!(model.lines.iter().any(|l| l.contains("Ольга")), "{model:?}");
    // Confirming by voice is refused, by number or by word.
    for phrase in ["подтвердить", "один", "всё верно", "отправить"]
    {
        say(&mut s, phrase);
        let model = s.model();
        assert_eq!(model.id, "check", "«{phrase}»");
        let notice = model.notice.expect("a refusal");
        assert!(notice.text.contains("нажмите клавишу"), "{notice:?}");
    }
    // The key does it.
    s.press(1);
    assert_eq!(s.model().id, "code");
    // On the code screen only keys type the code.
    say(&mut s, "один два три четыре");
    assert_eq!(s.model().id, "code");
    assert!(s.model().field.is_some_and(|f| f.value.is_empty()));
    let code = s.code();
    s.enter(&code);
    assert_eq!(s.model().id, "done");
}

#[test]
fn an_amount_on_the_check_screen_changes_it() {
    let mut s = with_voice(Lang::Ru);
    s.up_to_check();
    assert_eq!(s.model().fact.as_deref(), Some("300 ₽"));
    say(&mut s, "пятьсот рублей пятьдесят копеек");
    let model = s.model();
    assert_eq!(model.id, "check");
    assert_eq!(model.fact.as_deref(), Some("500,50 ₽"));
}

#[test]
fn bills_top_ups_and_blocking_walk_through_their_screens() {
    let mut s = with_voice(Lang::Ru);
    say(&mut s, "оплатить свет");
    assert_eq!(s.model().id, "bill-amount");
    s.key(Key::Esc).key(Key::Esc).key(Key::Esc);
    say(&mut s, "оплатить воду семьсот рублей");
    assert_eq!(s.model().id, "check");
    assert_eq!(s.model().fact.as_deref(), Some("700 ₽"));
    s.key(Key::Esc).key(Key::Esc).key(Key::Esc).key(Key::Esc);
    assert_eq!(s.model().id, "home");
    say(&mut s, "пополнить телефон на сто рублей");
    assert_eq!(s.model().id, "check");
    assert!(
        s.model().lines.iter().any(|l| l.contains("912")),
        "{:?}",
        s.model().lines
    );
    say(&mut s, "домой");
    assert_eq!(s.model().id, "home");
    say(&mut s, "карту украли");
    assert_eq!(s.model().id, "block-confirm");
    say(&mut s, "да заблокировать");
    assert_eq!(s.model().id, "block-confirm");
    say(&mut s, "нет");
    // Back where blocking was chosen: home, two presses from blocking.
    assert_eq!(s.model().id, "home");
}

#[test]
fn a_phone_number_said_in_groups_fills_the_phone_screen() {
    let mut s = with_voice(Lang::Ru);
    say(&mut s, "перевести по номеру телефона");
    assert_eq!(s.model().id, "phone-entry");
    say(&mut s, "девятьсот пять семьсот одиннадцать двадцать два");
    // 905 711 22 is nobody's number: the same sentence as typing it.
    assert_eq!(s.model().id, "phone-entry");
    assert!(s.model().notice.is_some());
    say(
        &mut s,
        "восемь девятьсот двадцать шесть триста сорок пять двенадцать девяносто",
    );
    assert_eq!(s.model().id, "amount-entry");
}

#[test]
fn refusals_and_a_changed_screen_say_why() {
    let mut s = with_voice(Lang::Ru);
    say(&mut s, "семь");
    let notice = s.model().notice.expect("notice");
    assert_eq!(notice.text, "Пункта 7 здесь нет. Есть пункты от 1 до 6.");
    // A phrase heard for another screen does nothing.
    let context = opora_core::kiosk::listen::context(&s.app, &s.i18n, VoiceLang::Ru);
    s.press(1);
    let stale = Heard {
        screen: context.screen,
        text: "история".into(),
        meaning: parse("история", &context),
    };
    drive(
        &mut s.app,
        &mut s.edge,
        Msg::Voice(VoiceMsg::Heard(Some(stale))),
    );
    assert_eq!(s.model().id, "balance");
    assert!(
        s.model()
            .notice
            .is_some_and(|n| n.text.contains("экран сменился"))
    );
}

#[test]
fn voice_off_says_why_when_space_is_pressed_and_otherwise_types_a_space() {
    let mut s = Session::new(Lang::En);
    s.press(2).press(1);
    s.key(Key::Char(' '));
    assert_eq!(s.model().field.map(|f| f.value), Some(" ".to_string()));
    s.app
        .set_voice(VoiceState::Off(Some("Voice is off: no microphone.".into())));
    let effects = s.send(Msg::Key(Key::Char(' ')));
    assert!(effects.is_empty());
    assert_eq!(
        s.model().notice.map(|n| n.text),
        Some("Voice is off: no microphone.".to_string())
    );
    s.app.set_voice(VoiceState::Loading);
    s.key(Key::Char(' '));
    assert!(s.model().notice.is_some_and(|n| n.text.contains("loading")));
    s.send(Msg::Voice(VoiceMsg::Ready));
    assert_eq!(s.app.voice_state(), &VoiceState::Ready);
    drive(
        &mut s.app,
        &mut s.edge,
        Msg::Voice(VoiceMsg::Failed(
            "Voice is off: the microphone went away.".into(),
        )),
    );
    assert_eq!(
        s.app.voice_state(),
        &VoiceState::Off(Some("Voice is off: the microphone went away.".into()))
    );
}

#[test]
fn a_say_it_step_is_completed_by_saying_the_phrase() {
    let mut s = with_voice(Lang::Ru);
    s.press(5);
    let more = s.model().choices.len() as u8;
    s.press(more);
    let title = s.i18n.t("l-voice-title");
    let n = s
        .model()
        .choices
        .iter()
        .find(|c| c.label == title)
        .map(|c| c.key)
        .expect("the voice lesson");
    s.press(n).press(1);
    assert_eq!(s.model().fact.as_deref(), Some("«Баланс»"));
    say(&mut s, "история");
    assert_eq!(s.model().fact.as_deref(), Some("«Баланс»"));
    assert!(
        s.model()
            .notice
            .is_some_and(|n| n.text == "Это другие слова. Попробуйте сказать: «Баланс».")
    );
    say(&mut s, "баланс");
    let model = s.model();
    assert_eq!(model.fact.as_deref(), Some("«Назад»"), "the next step");
    assert_eq!(
        model.notice.map(|n| n.text),
        Some("Верно! Эти слова я услышал.".to_string())
    );
    // «Назад» is this step's phrase, not the command.
    say(&mut s, "назад");
    assert_eq!(s.model().fact.as_deref(), Some("«Повтори»"));
}

/// Words any screen might hear, and keys to move between screens.
fn phrase() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "подтвердить",
        "один",
        "два",
        "три",
        "четыре",
        "пять",
        "шесть",
        "всё верно",
        "да заблокировать",
        "заблокировать карту",
        "перевести пятьсот рублей дочери",
        "перевести внуку тысячу рублей",
        "оплатить свет",
        "оплатить воду сто рублей",
        "пополнить телефон на сто рублей",
        "назад",
        "домой",
        "отмена",
        "продолжить",
        "отправить",
        "пятьсот рублей",
        "дальше",
        "начать",
        "нет",
        "изменить сумму",
        "девятьсот двадцать шесть триста сорок пять двенадцать девяносто",
        "обучение",
        "первый",
        "второй",
        "баланс",
        "история",
        "помощь",
        "по номеру телефона",
        "восемь девятьсот шестнадцать двести тридцать четыре пятьдесят шесть семьдесят восемь",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Whatever is said, in whatever order, interleaved with digit keys that move around: no
    /// voice message ever issues a code, moves money or blocks the card.
    #[test]
    fn nothing_said_moves_money_or_blocks_the_card(
        steps in prop::collection::vec((phrase(), prop::option::of(1u8..=6)), 1..25)
    ) {
        let mut s = with_voice(Lang::Ru);
        for (text, key) in steps {
            let before = s.app.snapshot().map(|snap| (snap.card.balance, snap.card_blocked));
            let effects = say(&mut s, &text);
            prop_assert!(
                effects.iter().all(|e| !matches!(e, Effect::Execute { .. } | Effect::IssueCode { .. })),
                "«{}» gave {:?}", text, effects
            );
            let after = s.app.snapshot().map(|snap| (snap.card.balance, snap.card_blocked));
            prop_assert_eq!(before, after, "«{}» changed the bank", text);
            // Keys move on (and may confirm or block: that is the client's own press).
            if let Some(digit) = key {
                s.press(digit);
            }
        }
    }
}
