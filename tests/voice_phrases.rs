//! What phrases mean, screen by screen: the tables in `tests/voice_phrases/{ru,en}.txt` (at
//! least 300 Russian and 150 English phrasings, near misses that must be rejected among them)
//! read against the real screens of a practice session. Each screen's grammar is checked too:
//! every choice can be said by number, and the grammar holds the words that pick it.

mod common;

use common::Session;
use opora::core::App;
use opora::core::voice::{Describe, Intent, Rejection};
use opora::i18n::Lang;
use opora::voice::context::{Context, Expect};
use opora::voice::{VoiceLang, grammar, parse};

/// Drives a fresh session to the named screen.
fn session_at(screen: &str, lang: Lang) -> Session {
    let mut s = Session::new(lang);
    match screen {
        "home" => {}
        "balance" => {
            s.press(1);
        }
        "send-who" => {
            s.press(2);
        }
        "amount" => {
            s.press(2).press(1);
        }
        "phone" => {
            s.press(2).press(4);
        }
        "check" => {
            s.up_to_check();
        }
        "code" => {
            s.up_to_check().press(1);
        }
        "done" => {
            s.up_to_check().press(1);
            let code = s.code();
            s.enter(&code);
        }
        "own-direction" => {
            s.press(2).press(5);
        }
        "pay-what" => {
            s.press(3);
        }
        "bill-amount" => {
            s.press(3).press(1);
        }
        "topup-whose" => {
            s.press(3).press(5);
        }
        "history" => {
            s.press(1).press(2);
        }
        "help" => {
            s.press(6);
        }
        "block-confirm" => {
            s.press(4);
        }
        "lessons" => {
            s.press(5);
        }
        "lesson" => {
            s.press(5).press(1);
        }
        "say" => {
            // The voice lesson is on the second page of the list; its first say-it step
            // follows the introduction.
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
                .expect("the voice lesson in the list");
            s.press(n).press(1);
        }
        other => panic!("no such screen in the tables: {other}"),
    }
    s
}

fn expected_id(screen: &str) -> &str {
    match screen {
        "amount" => "amount-entry",
        "phone" => "phone-entry",
        "say" => "lesson",
        other => other,
    }
}

fn context_at(screen: &str, lang: VoiceLang) -> (Context, App) {
    let ui = match lang {
        VoiceLang::En => Lang::En,
        _ => Lang::Ru,
    };
    let s = session_at(screen, ui);
    let context = Context::of(&s.app, &s.i18n, lang);
    assert_eq!(context.screen, expected_id(screen), "reaching {screen}");
    (context, s.app)
}

/// Runs one table; returns how many phrasings it held.
fn run_table(text: &str, lang: VoiceLang) -> usize {
    let mut screen = String::new();
    let mut context = None;
    let mut rows = 0;
    let mut failures = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            screen = name.to_string();
            context = Some(context_at(name, lang).0);
            continue;
        }
        let (phrase, want) = line
            .split_once("=>")
            .unwrap_or_else(|| panic!("line {}: no `=>` in «{line}»", number + 1));
        let context = context
            .as_ref()
            .unwrap_or_else(|| panic!("line {}: no [screen] before it", number + 1));
        let got = Describe(&parse(phrase.trim(), context)).to_string();
        if got != want.trim() {
            failures.push(format!(
                "line {} [{screen}] «{}»: want `{}`, got `{got}`",
                number + 1,
                phrase.trim(),
                want.trim()
            ));
        }
        rows += 1;
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    rows
}

#[test]
fn russian_phrasings() {
    let rows = run_table(include_str!("voice_phrases/ru.txt"), VoiceLang::Ru);
    assert!(rows >= 300, "only {rows} Russian phrasings");
}

#[test]
fn english_phrasings() {
    let rows = run_table(include_str!("voice_phrases/en.txt"), VoiceLang::En);
    assert!(rows >= 150, "only {rows} English phrasings");
}

#[test]
fn korean_choices_by_number_and_commands() {
    let rows = run_table(include_str!("voice_phrases/ko.txt"), VoiceLang::Ko);
    assert!(rows >= 20, "only {rows} Korean phrasings");
}

const SCREENS: &[&str] = &[
    "home",
    "balance",
    "send-who",
    "amount",
    "phone",
    "check",
    "code",
    "done",
    "own-direction",
    "pay-what",
    "bill-amount",
    "topup-whose",
    "history",
    "help",
    "block-confirm",
    "lessons",
    "lesson",
    "say",
];

/// On every screen, in every language, each choice can be said by its number, and the grammar
/// holds those words; a choice that confirms money is refused instead.
#[test]
fn every_choice_can_be_said_by_number_and_is_in_the_grammar() {
    for lang in VoiceLang::ALL {
        for screen in SCREENS {
            let (context, _) = context_at(screen, lang);
            let words = grammar::words(&context);
            for choice in &context.choices {
                let said = opora::voice::numbers::choice_words(lang, choice.number);
                for word in said {
                    assert!(
                        words.contains(&word.to_string()),
                        "{lang:?} {screen}: «{word}» not in the grammar"
                    );
                    let meaning = parse(word, &context);
                    let want = if choice.key_only {
                        Err(Rejection::KeyOnly)
                    } else {
                        Ok(Intent::Choose(choice.number))
                    };
                    assert_eq!(meaning, want, "{lang:?} {screen}: «{word}»");
                }
            }
        }
    }
}

/// Every choice's label, said as it is written, picks that choice (or is refused when it
/// confirms money), and every word of it is in the grammar.
#[test]
fn every_label_said_aloud_picks_its_choice() {
    for lang in [VoiceLang::Ru, VoiceLang::En] {
        for screen in SCREENS {
            let (context, _) = context_at(screen, lang);
            let words = grammar::words(&context);
            for choice in &context.choices {
                // History lines and amounts carry digits and dates nobody says as written.
                if choice.label.chars().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                for word in opora::voice::text::tokens(&choice.label) {
                    assert!(
                        words.contains(&word),
                        "{lang:?} {screen}: «{word}» of «{}» not in the grammar",
                        choice.label
                    );
                }
                let meaning = parse(&choice.label, &context);
                let ok = if choice.key_only {
                    meaning == Err(Rejection::KeyOnly)
                } else {
                    matches!(meaning, Ok(Intent::Choose(n)) if n == choice.number)
                        // «На главную», «Назад» act as the commands they are.
                        || matches!(meaning, Ok(Intent::Command(_)))
                };
                assert!(
                    ok,
                    "{lang:?} {screen}: label «{}» (choice {}) means {}",
                    choice.label,
                    choice.number,
                    Describe(&meaning)
                );
            }
        }
    }
}

/// The grammar is what the screen accepts: the universal commands everywhere, amount words on
/// the amount screen, digits on the phone screen, the phrase on a say-it step, decoys always,
/// and nothing of the code.
#[test]
fn grammars_follow_the_screen() {
    let has = |context: &Context, word: &str| grammar::words(context).contains(&word.to_string());
    let (home, _) = context_at("home", VoiceLang::Ru);
    for word in [
        "назад",
        "домой",
        "помощь",
        "повтори",
        "медленнее",
        "быстрее",
        "отмена",
    ] {
        assert!(has(&home, word), "{word}");
    }
    assert!(has(&home, "баланс") && has(&home, "дочери") && has(&home, "пятьсот"));
    assert!(has(&home, "алло"), "decoys");
    let (amount, _) = context_at("amount", VoiceLang::Ru);
    assert!(has(&amount, "пятьсот") && has(&amount, "копеек") && has(&amount, "тысяча"));
    assert!(!has(&amount, "баланс") && !has(&amount, "дочери"));
    let (phone, _) = context_at("phone", VoiceLang::Ru);
    assert!(has(&phone, "девятьсот") && has(&phone, "плюс") && !has(&phone, "рублей"));
    let (code, _) = context_at("code", VoiceLang::Ru);
    assert_eq!(code.expect, Expect::Code);
    assert!(!has(&code, "один") && has(&code, "назад"));
    let (say, _) = context_at("say", VoiceLang::Ru);
    assert_eq!(say.expect, Expect::Phrase("Баланс".to_string()));
    assert!(has(&say, "баланс"));
    let (ko, _) = context_at("home", VoiceLang::Ko);
    let words = grammar::words(&ko);
    for word in ["일", "삼", "사", "오", "육", "취소", "다시", "아니요"] {
        assert!(words.contains(&word.to_string()), "{word}: {words:?}");
    }
    assert!(
        words
            .iter()
            .all(|w| !w.chars().any(|c| c.is_ascii_alphabetic()))
    );
}

/// Each language has a sentence for every kind of rejection.
#[test]
fn every_rejection_has_a_sentence() {
    for lang in Lang::ALL {
        let i18n = opora::i18n::I18n::embedded(lang);
        for rejection in Rejection::all() {
            let sentence = opora::core::screens::voice::rejection_sentence(
                &rejection,
                3,
                Some("Баланс"),
                &i18n,
            );
            assert!(
                !sentence.starts_with('⟨') && sentence.len() > 10,
                "{sentence}"
            );
        }
    }
}
