//! The number-word readers never panic, and read back what a number→words generator (written
//! here, for the tests only) says: whole numbers up to the billions in Russian, English and
//! Korean, and amounts in roubles and kopecks through the amount screen's parser. And the round
//! trip the kiosk relies on: every amount Opora says aloud (`speech::words`) is read back by
//! its own voice parser as the same amount.
//!
//! Numbers and amounts are drawn log-uniformly, so that 1 ₽ and 10 000 ₽ are as likely as
//! 10 000 000 ₽, with the amounts clients say most often weighted in.

mod common;

use opora_core::i18n::Lang;
use opora_core::money::Money;
use opora_core::voice::context::Context;
use opora_core::voice::meaning::{Intent, Meaning};
use opora_core::voice::numbers::{read, words};
use opora_core::voice::{VoiceLang, parse};
use proptest::prelude::*;
use std::sync::LazyLock;

const RU_UNITS: [&str; 20] = [
    "ноль",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];
const RU_TENS: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];
const RU_HUNDREDS: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];

/// Russian words for 1–999, feminine («одна», «две») for thousands.
fn ru_group(n: u64, feminine: bool) -> Vec<String> {
    let mut out = Vec::new();
    if n >= 100 {
        out.push(RU_HUNDREDS[(n / 100) as usize].to_string());
    }
    let rest = n % 100;
    if rest >= 20 {
        out.push(RU_TENS[(rest / 10) as usize].to_string());
        if !rest.is_multiple_of(10) {
            out.push(ru_unit(rest % 10, feminine));
        }
    } else if rest > 0 {
        out.push(ru_unit(rest, feminine));
    }
    out
}

fn ru_unit(n: u64, feminine: bool) -> String {
    match (n, feminine) {
        (1, true) => "одна".into(),
        (2, true) => "две".into(),
        _ => RU_UNITS[n as usize].into(),
    }
}

/// The form of a noun after a number: 1 → one, 2–4 → few, else many.
fn ru_plural<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (last, tens) = (n % 10, n % 100);
    if (11..=14).contains(&tens) {
        many
    } else if last == 1 {
        one
    } else if (2..=4).contains(&last) {
        few
    } else {
        many
    }
}

fn ru_words(n: u64) -> Vec<String> {
    if n == 0 {
        return vec!["ноль".into()];
    }
    let mut out = Vec::new();
    let scales = [
        (
            1_000_000_000,
            false,
            ["миллиард", "миллиарда", "миллиардов"],
        ),
        (1_000_000, false, ["миллион", "миллиона", "миллионов"]),
        (1_000, true, ["тысяча", "тысячи", "тысяч"]),
    ];
    let mut rest = n;
    for (scale, feminine, [one, few, many]) in scales {
        let count = rest / scale;
        rest %= scale;
        if count > 0 {
            out.extend(ru_group(count, feminine));
            out.push(ru_plural(count, one, few, many).into());
        }
    }
    out.extend(ru_group(rest, false));
    out
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn en_group(n: u64, and: bool) -> Vec<String> {
    let mut out = Vec::new();
    if n >= 100 {
        out.push(EN_UNITS[(n / 100) as usize].to_string());
        out.push("hundred".into());
        if and && !n.is_multiple_of(100) {
            out.push("and".into());
        }
    }
    let rest = n % 100;
    if rest >= 20 {
        out.push(EN_TENS[(rest / 10) as usize].into());
        if !rest.is_multiple_of(10) {
            out.push(EN_UNITS[(rest % 10) as usize].into());
        }
    } else if rest > 0 {
        out.push(EN_UNITS[rest as usize].into());
    }
    out
}

/// British ("and" after hundreds) or American style.
fn en_words(n: u64, and: bool) -> Vec<String> {
    if n == 0 {
        return vec!["zero".into()];
    }
    let mut out = Vec::new();
    let mut rest = n;
    for (scale, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ] {
        let count = rest / scale;
        rest %= scale;
        if count > 0 {
            out.extend(en_group(count, and));
            out.push(name.into());
        }
    }
    out.extend(en_group(rest, and));
    out
}

const KO_DIGITS: [&str; 10] = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];

/// Sino-Korean, run together in groups of four places as people write it (천이백오십).
fn ko_words(n: u64) -> Vec<String> {
    if n == 0 {
        return vec!["영".into()];
    }
    let group = |g: u64| -> String {
        let mut s = String::new();
        for (place, name) in [(1000, "천"), (100, "백"), (10, "십")] {
            let d = g / place % 10;
            if d == 1 {
                s.push_str(name);
            } else if d > 1 {
                s.push_str(KO_DIGITS[d as usize]);
                s.push_str(name);
            }
        }
        s.push_str(KO_DIGITS[(g % 10) as usize]);
        s
    };
    let mut out = Vec::new();
    let (eok, man, rest) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
    if eok > 0 {
        out.push(format!(
            "{}억",
            if eok == 1 { String::new() } else { group(eok) }
        ));
    }
    if man > 0 {
        out.push(format!(
            "{}만",
            if man == 1 { String::new() } else { group(man) }
        ));
    }
    if rest > 0 {
        out.push(group(rest));
    }
    out
}

/// A whole number between `min` and `max`, drawn log-uniformly.
fn log_uniform(min: u64, max: u64) -> impl Strategy<Value = u64> {
    let (lo, hi) = ((min.max(1) as f64).ln(), (max as f64).ln());
    (0.0f64..=1.0).prop_map(move |u| ((lo + u * (hi - lo)).exp().round() as u64).clamp(min, max))
}

/// Amounts clients say most, in kopecks: round sums, a pension, a phone top-up, a bill.
const EVERYDAY: &[u64] = &[
    5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 50_000, 75_000, 100_000, 120_000, 150_000,
    200_000, 250_000, 300_000, 500_000, 1_000_000, 1_500_000, 2_543_050, 124_560, 1_250, 99,
];

/// An amount in kopecks from 0,01 ₽ to 10 000 000 ₽: log-uniform, or one of the everyday ones.
fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => log_uniform(1, 1_000_000_000),
        1 => prop::sample::select(EVERYDAY),
    ]
}

/// A whole number up to the billions: log-uniform, zero, or an everyday number.
fn whole() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => log_uniform(1, 999_999_999_999),
        1 => Just(0u64),
        1 => prop::sample::select(&[1u64, 2, 5, 12, 21, 100, 500, 1000, 1250, 2000, 25_430][..]),
    ]
}

fn read_all(lang: VoiceLang, tokens: &[String]) -> Option<u64> {
    read(lang, tokens)
        .filter(|r| r.tokens == tokens.len())
        .map(|r| r.value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn russian_words_read_back(n in whole()) {
        let words = ru_words(n);
        prop_assert_eq!(read_all(VoiceLang::Ru, &words), Some(n), "{:?}", words);
    }

    #[test]
    fn english_words_read_back(n in whole(), and in any::<bool>()) {
        let words = en_words(n, and);
        prop_assert_eq!(read_all(VoiceLang::En, &words), Some(n), "{:?}", words);
    }

    #[test]
    fn korean_words_read_back(n in whole()) {
        let words = ko_words(n);
        prop_assert_eq!(read_all(VoiceLang::Ko, &words), Some(n), "{:?}", words);
    }

    /// Any sequence of number words and other words: the readers answer, never panic, and
    /// never claim more words than there are.
    #[test]
    fn readers_never_panic(picks in prop::collection::vec((0usize..3, 0usize..60), 0..14),
                           junk in "[a-zа-я0-9 ,.]{0,12}") {
        for lang in VoiceLang::ALL {
            let vocabulary = words(lang);
            let mut tokens: Vec<String> = picks
                .iter()
                .map(|(kind, i)| match kind {
                    0 | 1 => vocabulary[i % vocabulary.len()].to_string(),
                    _ => junk.clone(),
                })
                .collect();
            tokens.push(junk.clone());
            if let Some(r) = read(lang, &tokens) {
                prop_assert!(r.tokens >= 1 && r.tokens <= tokens.len());
            }
        }
    }
}

/// The home screen and the amount screen in each voice language, built once.
static CONTEXTS: LazyLock<Vec<(Context, Context)>> = LazyLock::new(|| {
    VoiceLang::ALL
        .into_iter()
        .map(|lang| {
            let ui = if lang == VoiceLang::En {
                Lang::En
            } else {
                Lang::Ru
            };
            let mut s = common::Session::new(ui);
            let home = opora_core::kiosk::listen::context(&s.app, &s.i18n, lang);
            s.press(2).press(1);
            let amount = opora_core::kiosk::listen::context(&s.app, &s.i18n, lang);
            assert_eq!(amount.screen, "amount-entry");
            (home, amount)
        })
        .collect()
});

fn amount_context(lang: VoiceLang) -> &'static Context {
    let i = VoiceLang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &CONTEXTS[i].1
}

fn ru_amount(kopecks: u64) -> String {
    let (rub, kop) = (kopecks / 100, kopecks % 100);
    let mut out = Vec::new();
    if rub > 0 {
        out.extend(ru_words(rub));
        out.push(ru_plural(rub, "рубль", "рубля", "рублей").into());
    }
    if kop > 0 {
        out.extend(ru_group(kop, true));
        out.push(ru_plural(kop, "копейка", "копейки", "копеек").into());
    }
    out.join(" ")
}

fn en_amount(kopecks: u64) -> String {
    let (rub, kop) = (kopecks / 100, kopecks % 100);
    let mut out = Vec::new();
    if rub > 0 {
        out.extend(en_words(rub, true));
        out.push(if rub == 1 { "rouble" } else { "roubles" }.into());
    }
    if kop > 0 {
        if rub > 0 {
            out.push("and".into());
        }
        out.extend(en_group(kop, true));
        out.push(if kop == 1 { "kopeck" } else { "kopecks" }.into());
    }
    out.join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// An amount said in words comes out as the same kopecks on the amount screen.
    #[test]
    fn amounts_in_words_read_back(kopecks in amount()) {
        let ru = amount_context(VoiceLang::Ru);
        let en = amount_context(VoiceLang::En);
        let want: Meaning = Ok(Intent::Amount(Money::from_kopecks(kopecks as i64)));
        let said = ru_amount(kopecks);
        prop_assert_eq!(parse(&said, ru), want.clone(), "{}", said);
        let said = en_amount(kopecks);
        prop_assert_eq!(parse(&said, en), want, "{}", said);
    }

    /// The round trip: an amount as Opora itself says it (the words its speaker gets) is read
    /// back by its voice parser as the same amount, in both languages.
    #[test]
    fn what_opora_says_it_reads_back(kopecks in amount()) {
        let money = Money::from_kopecks(kopecks as i64);
        let want: Meaning = Ok(Intent::Amount(money));
        for (voice, lang) in [(VoiceLang::Ru, Lang::Ru), (VoiceLang::En, Lang::En)] {
            let said = opora_core::words::money(lang, money);
            prop_assert_eq!(parse(&said, amount_context(voice)), want.clone(), "{}", said);
        }
    }

    /// Whatever is typed or heard, the parser answers on every screen and never panics.
    #[test]
    fn the_parser_never_panics(text in "\\PC{0,40}") {
        for (home, amount) in CONTEXTS.iter() {
            let _ = parse(&text, home);
            let _ = parse(&text, amount);
        }
    }

    /// Phrases strung together from the screens' own grammar words, as a recogniser would.
    #[test]
    fn grammar_words_in_any_order_never_panic(picks in prop::collection::vec(0usize..1000, 1..8)) {
        for (home, amount) in CONTEXTS.iter() {
            for context in [home, amount] {
                let words = opora_core::voice::grammar::words(context);
                let phrase: Vec<&str> =
                    picks.iter().map(|i| words[i % words.len()].as_str()).collect();
                let _ = parse(&phrase.join(" "), context);
            }
        }
    }
}

#[test]
fn the_strategies_draw_what_clients_say() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let draws: Vec<u64> = (0..2000)
        .map(|_| amount().new_tree(&mut runner).map(|t| t.current()))
        .collect::<Result<_, _>>()
        .expect("draws");
    let share = |range: std::ops::Range<u64>| {
        draws.iter().filter(|k| range.contains(k)).count() as f64 / draws.len() as f64
    };
    // Under 100 000 ₽ is most of what clients send; uniform draws would give 0.01 %.
    assert!(share(1..10_000_000) > 0.6, "{}", share(1..10_000_000));
    assert!(share(1..10_000) > 0.1, "kopecks and a few roubles");
    assert!(share(10_000_000..1_000_000_001) > 0.1, "large amounts too");
    assert!(draws.iter().all(|k| (1..=1_000_000_000).contains(k)));
}

#[test]
fn the_generators_say_what_people_say() {
    assert_eq!(ru_words(1250).join(" "), "одна тысяча двести пятьдесят");
    assert_eq!(ru_words(2_000_002).join(" "), "два миллиона два");
    assert_eq!(
        en_words(1250, true).join(" "),
        "one thousand two hundred and fifty"
    );
    assert_eq!(ko_words(1250).join(" "), "천이백오십");
    assert_eq!(ko_words(25_000).join(" "), "이만 오천");
    assert_eq!(ru_amount(10_050), "сто рублей пятьдесят копеек");
    assert_eq!(en_amount(101), "one rouble and one kopeck");
}
