//! The recogniser's grammar and the parser agree, both ways, on every screen in Russian and
//! English:
//! - every phrase the word tables and the held-out set accept can come out of the recogniser
//!   with that screen's grammar and mean the same: each word is in it, or comes out as the
//!   grammar's `[unk]` and the phrase means the same without it;
//! - every word of the grammar is used by some phrase the parser accepts on that screen (a
//!   word nothing accepts only gives the recogniser a wrong place to land).

mod common;

use opora_core::voice::context::Context;
use opora_core::voice::lexicon::{Concept, lexicon};
use opora_core::voice::meaning::{Meaning, Rejection};
use opora_core::voice::pieces::scan;
use opora_core::voice::text::{UNKNOWN, tokens};
use opora_core::voice::{VoiceLang, grammar, parse};

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
    "which-amount",
    "did-you-say",
];

fn tables(lang: VoiceLang) -> Vec<(&'static str, &'static str)> {
    match lang {
        VoiceLang::Ru => vec![
            ("voice_phrases/ru.txt", include_str!("voice_phrases/ru.txt")),
            ("voice_heldout/ru.txt", include_str!("voice_heldout/ru.txt")),
        ],
        _ => vec![
            ("voice_phrases/en.txt", include_str!("voice_phrases/en.txt")),
            ("voice_heldout/en.txt", include_str!("voice_heldout/en.txt")),
        ],
    }
}

/// Understood: a meaning, or a refusal that says why in a way only those words can (confirming
/// money, saying the code aloud).
fn accepted(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Ok(_) | Err(Rejection::KeyOnly | Rejection::CodeByKeys)
    )
}

#[test]
fn every_accepted_phrase_can_be_heard_with_its_screens_grammar() {
    for lang in [VoiceLang::Ru, VoiceLang::En] {
        let mut failures = Vec::new();
        let mut checked = 0;
        let screens: Vec<(Context, Vec<String>)> = SCREENS
            .iter()
            .map(|screen| {
                let context = common::voice::context_at(screen, lang);
                let words = grammar::words(&context);
                (context, words)
            })
            .collect();
        for (file, text) in tables(lang) {
            for row in common::voice::table_rows(text) {
                // Typed digits never come out of a recogniser.
                if row.want.starts_with("reject") || row.phrase.chars().any(|c| c.is_ascii_digit())
                {
                    continue;
                }
                let at = SCREENS
                    .iter()
                    .position(|s| *s == row.screen)
                    .unwrap_or_else(|| panic!("no screen {}", row.screen));
                let (context, words) = &screens[at];
                let context = context.clone();
                // A word outside the grammar comes out as `[unk]`.
                let heard: Vec<String> = tokens(&row.phrase)
                    .into_iter()
                    .map(|w| {
                        if words.contains(&w) {
                            w
                        } else {
                            UNKNOWN.to_string()
                        }
                    })
                    .collect();
                let as_heard = parse(&heard.join(" "), &context);
                if as_heard != parse(&row.phrase, &context) {
                    failures.push(format!(
                        "{file}:{} [{}] «{}» heard as «{}» means something else",
                        row.line,
                        row.screen,
                        row.phrase,
                        heard.join(" ")
                    ));
                }
                checked += 1;
            }
        }
        assert!(checked > 300, "{lang:?}: only {checked} phrases");
        assert!(failures.is_empty(), "{lang:?}:\n{}", failures.join("\n"));
    }
}

/// Whether some accepted phrase uses the word. Tried in turn, cheapest first: the word alone;
/// with something the screen accepts before or after it; a word of an amount among other
/// words of amounts, alone or in a request; every phrase of the lexicon with it, alone, with
/// something the screen accepts, and with the words a rule puts it together with.
fn used(word: &str, context: &Context, carriers: &[String]) -> bool {
    let lex = lexicon(context.lang);
    let accepts = |phrase: String| accepted(&parse(&phrase, context));
    if accepts(word.to_string()) {
        return true;
    }
    for carrier in carriers {
        if tokens(carrier).iter().any(|t| t == word) && accepts(carrier.clone()) {
            return true;
        }
    }
    for carrier in carriers {
        if accepts(format!("{word} {carrier}")) || accepts(format!("{carrier} {word}")) {
            return true;
        }
    }
    let in_amount = scan(&[word.to_string()], context)
        .first()
        .is_some_and(|p| p.is_amount())
        || ["полтора", "полторы", "с", "половиной", "and", "half", "a"].contains(&word);
    if in_amount {
        let numbers: &[&str] = match context.lang {
            VoiceLang::Ru => &["два", "две", "тысячи", "рублей", "сто", "двадцать", "один"],
            _ => &[
                "two", "thousand", "roubles", "one", "hundred", "twenty", "a", "and",
            ],
        };
        let mut amounts = vec![match context.lang {
            VoiceLang::Ru => "две с половиной тысячи".to_string(),
            _ => "two and a half thousand".to_string(),
        }];
        for n in numbers {
            amounts.push(format!("{n} {word}"));
            amounts.push(format!("{word} {n}"));
            for m in numbers {
                amounts.push(format!("{n} {word} {m}"));
            }
        }
        for amount in amounts
            .iter()
            .filter(|a| tokens(a).iter().any(|t| t == word))
        {
            if accepts(amount.clone()) {
                return true;
            }
            for carrier in carriers {
                if accepts(format!("{carrier} {amount}")) {
                    return true;
                }
            }
        }
    }
    for (phrase, concept) in &lex.phrases {
        if !phrase.iter().any(|w| w == word) {
            continue;
        }
        let phrase = phrase.join(" ");
        if accepts(phrase.clone()) {
            return true;
        }
        for carrier in carriers {
            if accepts(format!("{phrase} {carrier}")) {
                return true;
            }
        }
        for rule in lex.rules.iter().filter(|r| r.when.contains(concept)) {
            let others: Vec<String> = rule
                .when
                .iter()
                .filter(|c| *c != concept)
                .filter_map(|c| lex.phrases_for(*c).next().map(|p| p.join(" ")))
                .collect();
            if accepts(format!("{phrase} {}", others.join(" "))) {
                return true;
            }
        }
    }
    false
}

#[test]
fn every_grammar_word_is_used_by_an_accepted_phrase() {
    for lang in [VoiceLang::Ru, VoiceLang::En] {
        let mut dead = Vec::new();
        for screen in SCREENS {
            let context = common::voice::context_at(screen, lang);
            // Things this screen accepts, to carry words that mean nothing alone.
            let lex = lexicon(lang);
            let mut carriers: Vec<String> =
                ["назад", "back"].iter().map(|s| s.to_string()).collect();
            carriers.extend(context.choices.iter().map(|c| c.label.clone()));
            // An amount a question offers, as Opora says it.
            let screen_lang = match lang {
                VoiceLang::Ru => opora_core::i18n::Lang::Ru,
                _ => opora_core::i18n::Lang::En,
            };
            carriers.extend(
                context
                    .choices
                    .iter()
                    .filter_map(|c| c.amount)
                    .map(|m| opora_core::words::money(screen_lang, m)),
            );
            // Each choice by its first ordinal, and by the first phrase of its meaning.
            for choice in &context.choices {
                if let Some(word) =
                    opora_core::voice::numbers::choice_words(lang, choice.number).get(1)
                {
                    carriers.push(word.to_string());
                }
                for concept in &choice.concepts {
                    if let Some(p) = lex.phrases_for(*concept).next() {
                        carriers.push(p.join(" "));
                    }
                }
            }
            if let Some(p) = lex.phrases_for(Concept::Balance).next() {
                carriers.push(p.join(" "));
            }
            // Requests that carry an amount: to the first saved person, for the first bill; an
            // amount; a phone number.
            let hundred = match lang {
                VoiceLang::Ru => "сто рублей",
                _ => "one hundred roubles",
            };
            let send = lex.phrases_for(Concept::Send).next().map(|p| p.join(" "));
            let pay = lex.phrases_for(Concept::Pay).next().map(|p| p.join(" "));
            if let (Some(send), Some(payee)) = (send, context.payees.first()) {
                carriers.push(format!("{send} {}", payee.name));
                carriers.push(format!("{send} {} {hundred}", payee.name));
            }
            if let (Some(pay), Some(bill)) = (pay, context.bills.first()) {
                carriers.push(format!("{pay} {}", bill.provider));
            }
            carriers.push(hundred.to_string());
            carriers.push(
                match lang {
                    VoiceLang::Ru => "восемь девятьсот шестнадцать",
                    _ => "eight nine one six",
                }
                .to_string(),
            );
            for word in grammar::words(&context) {
                if word == UNKNOWN {
                    continue;
                }
                if !used(&word, &context, &carriers) {
                    dead.push(format!("[{screen}] «{word}»"));
                }
            }
        }
        assert!(
            dead.is_empty(),
            "{lang:?}: {} grammar words no accepted phrase uses:\n{}",
            dead.len(),
            dead.iter()
                .take(300)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn every_grammar_but_koreans_has_unk() {
    for lang in VoiceLang::ALL {
        for screen in SCREENS {
            let context = common::voice::context_at(screen, lang);
            let has = grammar::words(&context).contains(&UNKNOWN.to_string());
            assert_eq!(has, lang != VoiceLang::Ko, "{lang:?} {screen}");
        }
    }
}
