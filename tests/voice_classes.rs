//! Every class of phrasing issue 13 found refused, in Russian and in English: filler and
//! politeness around a request (and noise still refused), everyday ways of asking, word forms
//! (a woman's past, polite and familiar imperatives, putting money on a phone), the amounts
//! people say, an amount heard two ways, and the small bugs — a command said twice, a refusal
//! on the amount screen, a comparative with «по-».

mod common;

use opora_core::voice::meaning::Describe;
use opora_core::voice::{VoiceLang, parse};

/// Each phrase on its screen means what is written beside it.
fn check(lang: VoiceLang, rows: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (screen, phrase, want) in rows {
        let context = common::voice::context_at(screen, lang);
        let got = Describe(&parse(phrase, &context)).to_string();
        if got != *want {
            failures.push(format!("[{screen}] «{phrase}»: want `{want}`, got `{got}`"));
        }
    }
    assert!(failures.is_empty(), "{lang:?}:\n{}", failures.join("\n"));
}

#[test]
fn filler_and_politeness_are_skipped_and_noise_is_not() {
    check(
        VoiceLang::Ru,
        &[
            ("home", "ну покажите мне пожалуйста баланс", "choose 1"),
            ("home", "скажите а где история", "choose 1"),
            ("home", "баланс [unk]", "choose 1"),
            ("home", "будьте добры баланс", "choose 1"),
            // More unknown than known: noise.
            ("home", "[unk] [unk] баланс", "reject not-understood"),
            ("home", "бананы апельсины история", "reject not-understood"),
            // Beside money an unknown word may be what was not understood.
            ("amount", "пятьсот [unk]", "reject not-understood"),
            (
                "home",
                "перевести [unk] пятьсот рублей",
                "reject not-understood",
            ),
            ("home", "перевести маме", "reject not-understood"),
        ],
    );
    check(
        VoiceLang::En,
        &[
            ("home", "could you show me the balance please", "choose 1"),
            ("home", "i'd like to see the history", "choose 1"),
            ("home", "[unk] balance please", "choose 1"),
            ("home", "kindly balance", "choose 1"),
            ("home", "[unk] [unk] balance", "reject not-understood"),
            ("amount", "five hundred [unk]", "reject not-understood"),
            ("home", "send money to my mum", "reject not-understood"),
        ],
    );
}

#[test]
fn everyday_ways_of_asking() {
    check(
        VoiceLang::Ru,
        &[
            ("home", "пришла ли пенсия", "choose 1"),
            ("home", "пенсию перечислили", "choose 1"),
            ("home", "у меня украли карточку", "choose 4"),
            ("home", "карту забрали", "choose 4"),
            ("home", "последние платежи", "choose 1"),
            ("home", "сколько у меня осталось", "choose 1"),
        ],
    );
    check(
        VoiceLang::En,
        &[
            ("home", "has my pension come in", "choose 1"),
            ("home", "my card was stolen", "choose 4"),
            ("home", "someone took my card", "choose 4"),
            ("home", "recent payments", "choose 1"),
            ("home", "what's my balance", "choose 1"),
            ("home", "how much money do i have", "choose 1"),
            ("home", "how much have i got", "choose 1"),
        ],
    );
}

#[test]
fn word_forms_come_from_the_lemma_tables() {
    check(
        VoiceLang::Ru,
        &[
            ("home", "я забыла как перевести", "choose 2"),
            (
                "home",
                "я отправила бы дочке сто рублей",
                "transfer daughter 100.00",
            ),
            ("home", "оплатите свет", "pay electricity -"),
            ("home", "покажи историю", "choose 1"),
            (
                "home",
                "отправьте внуку двести рублей",
                "transfer grandson 200.00",
            ),
            ("home", "положите на телефон сто рублей", "topup own 100.00"),
            ("home", "закиньте на телефон двести", "topup own 200.00"),
            ("home", "кинь денег на телефон", "topup - -"),
            ("home", "потеряла карточку", "choose 4"),
            ("home", "потерял карточку", "choose 4"),
        ],
    );
    check(
        VoiceLang::En,
        &[
            ("home", "i sent money to my daughter", "transfer daughter -"),
            ("home", "paying the gas", "pay gas -"),
            ("home", "put some money on my phone", "topup own -"),
            (
                "home",
                "put two hundred roubles on a phone",
                "topup own 200.00",
            ),
            ("home", "i've lost my card", "choose 4"),
        ],
    );
}

#[test]
fn amounts_people_say() {
    check(
        VoiceLang::Ru,
        &[
            ("amount", "две с половиной тысячи", "amount 2500.00"),
            ("amount", "две тысячи с половиной", "amount 2500.00"),
            ("amount", "полтора рубля", "amount 1.50"),
            ("amount", "полторы тысячи", "amount 1500.00"),
            ("amount", "ровно тысячу", "amount 1000.00"),
            ("amount", "сотня", "amount 100.00"),
            ("amount", "две сотни", "amount 200.00"),
            ("amount", "полтинник", "amount 50.00"),
            ("amount", "пятихатка", "amount 500.00"),
            ("amount", "косарь", "amount 1000.00"),
            ("amount", "три косаря", "amount 3000.00"),
            ("home", "дочке пятихатку", "transfer daughter 500.00"),
        ],
    );
    check(
        VoiceLang::En,
        &[
            ("amount", "two and a half thousand", "amount 2500.00"),
            ("amount", "one and a half thousand", "amount 1500.00"),
            ("amount", "one and a half roubles", "amount 1.50"),
            ("amount", "exactly one thousand", "amount 1000.00"),
            ("amount", "a grand", "amount 1000.00"),
            (
                "home",
                "send my grandson two and a half thousand",
                "transfer grandson 2500.00",
            ),
        ],
    );
}

#[test]
fn an_amount_heard_two_ways_is_asked_the_same_way_in_both_languages() {
    check(
        VoiceLang::Ru,
        &[
            (
                "amount",
                "двенадцать пятьдесят",
                "either amount 12.50 | amount 1250.00",
            ),
            (
                "home",
                "перевести дочке двенадцать пятьдесят",
                "either transfer daughter 12.50 | transfer daughter 1250.00",
            ),
            // A whole number said whole is not asked about.
            ("amount", "тысяча двести пятьдесят", "amount 1250.00"),
            (
                "amount",
                "двенадцать рублей пятьдесят копеек",
                "amount 12.50",
            ),
        ],
    );
    check(
        VoiceLang::En,
        &[
            (
                "amount",
                "twelve fifty",
                "either amount 12.50 | amount 1250.00",
            ),
            (
                "home",
                "send my daughter twelve fifty",
                "either transfer daughter 12.50 | transfer daughter 1250.00",
            ),
            ("amount", "twelve hundred and fifty", "amount 1250.00"),
            ("amount", "twelve roubles fifty kopecks", "amount 12.50"),
        ],
    );
}

#[test]
fn the_small_bugs() {
    check(
        VoiceLang::Ru,
        &[
            // Two words for the same command.
            ("home", "назад назад", "command back"),
            ("balance", "вернуться назад", "command back"),
            ("home", "повтори ещё раз", "command repeat"),
            // A refusal on the amount screen cancels.
            ("amount", "не надо", "command cancel"),
            ("amount", "нет не надо", "command cancel"),
            // A comparative with its prefix.
            ("home", "по-медленнее", "command slower"),
            ("home", "по-быстрее пожалуйста", "command faster"),
            // Two different commands are still two.
            ("home", "назад домой", "reject ambiguous"),
        ],
    );
    check(
        VoiceLang::En,
        &[
            ("home", "back back", "command back"),
            ("home", "go back go back", "command back"),
            ("amount", "no thanks", "command cancel"),
            ("amount", "no", "command cancel"),
            ("home", "a bit slower please", "command slower"),
            ("home", "back home", "reject ambiguous"),
        ],
    );
}
