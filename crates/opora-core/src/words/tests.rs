//! Hand-checked tables and properties for the number words. The Russian table was written and
//! checked by reading each line aloud; the properties read the words back into numbers.

use super::oracle::{en_value, ru_value};
use super::ru::{self, Gender};
use super::*;
use chrono::NaiveDate;
use proptest::prelude::*;

/// (kopecks, how a Russian speaker says the amount).
const RU_MONEY: &[(i64, &str)] = &[
    (0, "ноль рублей"),
    (1, "одна копейка"),
    (2, "две копейки"),
    (3, "три копейки"),
    (4, "четыре копейки"),
    (5, "пять копеек"),
    (10, "десять копеек"),
    (11, "одиннадцать копеек"),
    (12, "двенадцать копеек"),
    (14, "четырнадцать копеек"),
    (15, "пятнадцать копеек"),
    (20, "двадцать копеек"),
    (21, "двадцать одна копейка"),
    (22, "двадцать две копейки"),
    (25, "двадцать пять копеек"),
    (50, "пятьдесят копеек"),
    (99, "девяносто девять копеек"),
    (100, "один рубль"),
    (101, "один рубль одна копейка"),
    (102, "один рубль две копейки"),
    (111, "один рубль одиннадцать копеек"),
    (200, "два рубля"),
    (300, "три рубля"),
    (400, "четыре рубля"),
    (500, "пять рублей"),
    (1_000, "десять рублей"),
    (1_100, "одиннадцать рублей"),
    (1_200, "двенадцать рублей"),
    (1_300, "тринадцать рублей"),
    (1_400, "четырнадцать рублей"),
    (1_900, "девятнадцать рублей"),
    (2_000, "двадцать рублей"),
    (2_100, "двадцать один рубль"),
    (2_200, "двадцать два рубля"),
    (2_500, "двадцать пять рублей"),
    (3_100, "тридцать один рубль"),
    (4_300, "сорок три рубля"),
    (9_900, "девяносто девять рублей"),
    (10_000, "сто рублей"),
    (10_100, "сто один рубль"),
    (11_100, "сто одиннадцать рублей"),
    (11_200, "сто двенадцать рублей"),
    (12_100, "сто двадцать один рубль"),
    (20_000, "двести рублей"),
    (30_000, "триста рублей"),
    (30_050, "триста рублей пятьдесят копеек"),
    (40_000, "четыреста рублей"),
    (50_000, "пятьсот рублей"),
    (60_000, "шестьсот рублей"),
    (70_000, "семьсот рублей"),
    (80_000, "восемьсот рублей"),
    (90_000, "девятьсот рублей"),
    (
        99_999,
        "девятьсот девяносто девять рублей девяносто девять копеек",
    ),
    (100_000, "одна тысяча рублей"),
    (100_100, "одна тысяча один рубль"),
    (
        124_560,
        "одна тысяча двести сорок пять рублей шестьдесят копеек",
    ),
    (200_000, "две тысячи рублей"),
    (300_000, "три тысячи рублей"),
    (400_000, "четыре тысячи рублей"),
    (500_000, "пять тысяч рублей"),
    (1_000_000, "десять тысяч рублей"),
    (1_100_000, "одиннадцать тысяч рублей"),
    (1_200_000, "двенадцать тысяч рублей"),
    (1_400_000, "четырнадцать тысяч рублей"),
    (2_100_000, "двадцать одна тысяча рублей"),
    (2_200_000, "двадцать две тысячи рублей"),
    (2_500_000, "двадцать пять тысяч рублей"),
    (
        2_543_050,
        "двадцать пять тысяч четыреста тридцать рублей пятьдесят копеек",
    ),
    (5_000_000, "пятьдесят тысяч рублей"),
    (10_000_000, "сто тысяч рублей"),
    (10_100_000, "сто одна тысяча рублей"),
    (10_200_000, "сто две тысячи рублей"),
    (11_100_000, "сто одиннадцать тысяч рублей"),
    (50_000_000, "пятьсот тысяч рублей"),
    (
        99_999_900,
        "девятьсот девяносто девять тысяч девятьсот девяносто девять рублей",
    ),
    (100_000_000, "один миллион рублей"),
    (100_000_100, "один миллион один рубль"),
    (200_000_000, "два миллиона рублей"),
    (500_000_000, "пять миллионов рублей"),
    (2_100_000_000, "двадцать один миллион рублей"),
    (1_100_000_000, "одиннадцать миллионов рублей"),
    (
        12_345_678_900,
        "сто двадцать три миллиона четыреста пятьдесят шесть тысяч семьсот восемьдесят девять рублей",
    ),
    (
        99_999_999_999,
        "девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять рублей девяносто девять копеек",
    ),
    (100_000_000_000, "один миллиард рублей"),
    (300_000_000_000, "три миллиарда рублей"),
    (-30_000, "минус триста рублей"),
    (
        -124_560,
        "минус одна тысяча двести сорок пять рублей шестьдесят копеек",
    ),
    (-1, "минус одна копейка"),
];

/// (number, masculine cardinal).
const RU_CARDINAL: &[(u64, &str)] = &[
    (0, "ноль"),
    (1, "один"),
    (7, "семь"),
    (13, "тринадцать"),
    (16, "шестнадцать"),
    (17, "семнадцать"),
    (18, "восемнадцать"),
    (30, "тридцать"),
    (40, "сорок"),
    (60, "шестьдесят"),
    (70, "семьдесят"),
    (80, "восемьдесят"),
    (90, "девяносто"),
    (101, "сто один"),
    (110, "сто десять"),
    (1_001, "одна тысяча один"),
    (1_010, "одна тысяча десять"),
    (2_002, "две тысячи два"),
    (1_000_001, "один миллион один"),
    (1_001_000, "один миллион одна тысяча"),
    (2_002_002, "два миллиона две тысячи два"),
    (12_000_000, "двенадцать миллионов"),
    (
        999_999_999,
        "девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять",
    ),
    (1_000_000_000, "один миллиард"),
];

#[test]
fn russian_money_table() {
    for (kopecks, words) in RU_MONEY {
        assert_eq!(
            ru::money(*kopecks),
            *words,
            "{kopecks} kopecks are said wrongly"
        );
    }
}

#[test]
fn russian_cardinal_table() {
    for (n, words) in RU_CARDINAL {
        assert_eq!(ru::cardinal(*n, Gender::Masculine), *words, "{n}");
    }
}

#[test]
fn russian_genders() {
    assert_eq!(ru::cardinal(1, Gender::Feminine), "одна");
    assert_eq!(ru::cardinal(2, Gender::Feminine), "две");
    assert_eq!(ru::cardinal(1, Gender::Neuter), "одно");
    assert_eq!(ru::cardinal(2, Gender::Neuter), "два");
    assert_eq!(ru::cardinal(22, Gender::Feminine), "двадцать две");
    assert_eq!(ru::cardinal(21, Gender::Neuter), "двадцать одно");
}

#[test]
fn russian_table_is_big_enough() {
    let cases = RU_MONEY.len()
        + RU_CARDINAL.len()
        + RU_PHONES.len()
        + RU_DATES.len()
        + RU_DIGIT_GROUPS.len();
    assert!(cases >= 100, "only {cases} hand-checked Russian cases");
}

const RU_PHONES: &[(&str, &str)] = &[
    (
        "+7 912 345-67-89",
        "плюс семь, девятьсот двенадцать, триста сорок пять, шестьдесят семь, восемьдесят девять",
    ),
    (
        "8 800 100-00-00",
        "восемь, восемьсот, сто, ноль ноль, ноль ноль",
    ),
    (
        "+7 901 005-07-10",
        "плюс семь, девятьсот один, ноль ноль пять, ноль семь, десять",
    ),
    (
        "+7 999 111-11-12",
        "плюс семь, девятьсот девяносто девять, сто одиннадцать, одиннадцать, двенадцать",
    ),
    (
        "+7 (920) 040-21-02",
        "плюс семь, девятьсот двадцать, ноль сорок, двадцать один, ноль два",
    ),
];

const RU_DIGIT_GROUPS: &[(&str, &str)] = &[
    ("05", "ноль пять"),
    ("00", "ноль ноль"),
    ("000", "ноль ноль ноль"),
    ("012", "ноль двенадцать"),
    ("001", "ноль ноль один"),
    ("100", "сто"),
    ("10", "десять"),
    ("01", "ноль один"),
];

#[test]
fn russian_phone_numbers() {
    for (written, words) in RU_PHONES {
        assert_eq!(phone(Lang::Ru, written), *words, "{written}");
    }
    for (group, words) in RU_DIGIT_GROUPS {
        assert_eq!(ru::digit_group(group), *words, "{group}");
    }
}

const RU_DATES: &[((u32, u32), &str)] = &[
    ((1, 1), "первое января"),
    ((2, 2), "второе февраля"),
    ((3, 3), "третье марта"),
    ((4, 4), "четвёртое апреля"),
    ((5, 5), "пятое мая"),
    ((6, 6), "шестое июня"),
    ((7, 7), "седьмое июля"),
    ((8, 8), "восьмое августа"),
    ((9, 9), "девятое сентября"),
    ((10, 10), "десятое октября"),
    ((11, 11), "одиннадцатое ноября"),
    ((12, 12), "двенадцатое декабря"),
    ((13, 1), "тринадцатое января"),
    ((19, 3), "девятнадцатое марта"),
    ((20, 5), "двадцатое мая"),
    ((21, 6), "двадцать первое июня"),
    ((22, 7), "двадцать второе июля"),
    ((23, 2), "двадцать третье февраля"),
    ((25, 11), "двадцать пятое ноября"),
    ((29, 2), "двадцать девятое февраля"),
    ((30, 4), "тридцатое апреля"),
    ((31, 12), "тридцать первое декабря"),
];

#[test]
fn russian_dates() {
    for ((day, month), words) in RU_DATES {
        assert_eq!(ru::date(*day, *month), *words);
    }
    let day = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    assert_eq!(date(Lang::Ru, day), "двадцать пятое ноября");
}

#[test]
fn english_table() {
    let money_cases: &[(i64, &str)] = &[
        (0, "zero roubles"),
        (1, "one kopeck"),
        (50, "fifty kopecks"),
        (100, "one rouble"),
        (101, "one rouble and one kopeck"),
        (2_100, "twenty-one roubles"),
        (30_050, "three hundred roubles and fifty kopecks"),
        (
            2_543_050,
            "twenty-five thousand four hundred thirty roubles and fifty kopecks",
        ),
        (100_000_000, "one million roubles"),
        (-30_000, "minus three hundred roubles"),
    ];
    for (kopecks, words) in money_cases {
        assert_eq!(en::money(*kopecks), *words);
    }
    assert_eq!(
        en::cardinal(999_999_999),
        "nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine"
    );
    assert_eq!(en::cardinal(1_000_001), "one million one");
    assert_eq!(en::cardinal(40), "forty");
    let dates: &[((u32, u32), &str)] = &[
        ((1, 1), "January first"),
        ((2, 2), "February second"),
        ((3, 3), "March third"),
        ((5, 5), "May fifth"),
        ((8, 8), "August eighth"),
        ((9, 9), "September ninth"),
        ((12, 12), "December twelfth"),
        ((20, 6), "June twentieth"),
        ((25, 11), "November twenty-fifth"),
        ((30, 4), "April thirtieth"),
        ((31, 10), "October thirty-first"),
    ];
    for ((day, month), words) in dates {
        assert_eq!(en::date(*day, *month), *words);
    }
    assert_eq!(
        phone(Lang::En, "+7 912 345-67-89"),
        "plus seven, nine one two, three four five, six seven, eight nine"
    );
    assert_eq!(en::digits("4821"), "four eight two one");
}

#[test]
fn digits_in_messages_become_words() {
    assert_eq!(
        spell_numbers(Lang::Ru, "Всего шагов: 4. Дней: 12"),
        "Всего шагов: четыре. Дней: двенадцать"
    );
    assert_eq!(spell_numbers(Lang::En, "Step 2 of 4"), "Step two of four");
    assert_eq!(spell_numbers(Lang::Ru, "без цифр"), "без цифр");
    assert_eq!(
        spell_numbers(Lang::Ru, "Карта МИР •• 4321"),
        "Карта МИР четыре три два один"
    );
}

/// A whole number between 1 and `max`, drawn log-uniformly, or an everyday one.
fn number(max: u64) -> impl Strategy<Value = u64> {
    let hi = (max as f64).ln();
    prop_oneof![
        4 => (0.0f64..=1.0).prop_map(move |u| ((u * hi).exp().round() as u64).clamp(1, max)),
        1 => prop::sample::select(&[0u64, 1, 2, 5, 11, 21, 100, 101, 1000, 1250, 2002][..]),
    ]
}

/// The form a Russian noun takes after `n`, worked out the long way.
fn expected_form(n: u64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => "many",
        (1, _) => "one",
        (2..=4, _) => "few",
        _ => "many",
    }
}

proptest! {
    #[test]
    fn every_russian_number_says_itself(n in number(999_999_999_999)) {
        let words = ru::cardinal(n, Gender::Masculine);
        prop_assert_eq!(ru_value(&words), Some(n), "{}", words);
        prop_assert!(!words.contains("  ") && !words.starts_with(' ') && !words.ends_with(' '));
    }

    #[test]
    fn every_english_number_says_itself(n in number(999_999_999_999)) {
        let words = en::cardinal(n);
        prop_assert_eq!(en_value(&words), Some(n), "{}", words);
    }

    #[test]
    fn roubles_and_kopecks_agree_with_their_number(kopecks in number(99_999_999_999)) {
        let kopecks = kopecks as i64;
        let words = ru::money(kopecks);
        let (rubles, kop) = ((kopecks / 100) as u64, (kopecks % 100) as u64);
        let expect_ruble = match expected_form(rubles) {
            "one" => "рубль",
            "few" => "рубля",
            _ => "рублей",
        };
        let expect_kopeck = match expected_form(kop) {
            "one" => "копейка",
            "few" => "копейки",
            _ => "копеек",
        };
        if rubles > 0 || kop == 0 {
            prop_assert!(words.contains(&format!(" {expect_ruble}")), "{}", words);
        }
        if kop > 0 {
            prop_assert!(words.ends_with(&format!(" {expect_kopeck}")), "{}", words);
            // Kopecks are feminine: одна/две, never один/два right before the noun.
            prop_assert!(!words.ends_with("один копейка") && !words.ends_with("два копейки"));
        }
        // Thousands are feminine too.
        prop_assert!(!words.contains("один тысяча") && !words.contains("два тысячи"), "{}", words);
    }

    #[test]
    fn phone_groups_keep_every_digit(groups in proptest::collection::vec("[0-9]{1,3}", 1..6)) {
        let written = groups.join("-");
        let said = phone(Lang::Ru, &written);
        let parts: Vec<&str> = said.split(", ").collect();
        prop_assert_eq!(parts.len(), groups.len());
        for (group, part) in groups.iter().zip(parts) {
            let zeros = group.chars().take_while(|c| *c == '0').count();
            let words: Vec<&str> = part.split(' ').collect();
            prop_assert!(words.iter().take(zeros).all(|w| *w == "ноль"), "{}", part);
            let rest = words[zeros..].join(" ");
            let value: u64 = group.parse().unwrap_or(0);
            if value > 0 {
                prop_assert_eq!(ru_value(&rest), Some(value));
            } else {
                prop_assert!(rest.is_empty());
            }
        }
    }

    #[test]
    fn every_day_of_the_year_is_said(day in 0u32..366) {
        let date = NaiveDate::from_yo_opt(2024, day + 1).expect("a day of 2024");
        let ru = super::date(Lang::Ru, date);
        let en = super::date(Lang::En, date);
        prop_assert!(ru.contains("ое ") || ru.contains("ье "), "{}", ru);
        prop_assert!(!ru.chars().any(|c| c.is_ascii_digit()));
        prop_assert!(en.ends_with("th") || en.ends_with("st") || en.ends_with("nd") || en.ends_with("rd"), "{}", en);
    }
}
