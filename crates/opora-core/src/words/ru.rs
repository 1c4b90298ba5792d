//! Russian numbers as words, with the agreement Russian grammar asks for: the gender of the
//! noun counted (один рубль, одна копейка, две тысячи) and its form after the number (1 рубль,
//! 2 рубля, 5 рублей, 11 рублей, 21 рубль). Written by hand: no library does this for Russian.

use super::Grouping;

/// The grammatical gender of what is counted; it changes «один/одна/одно», «два/две».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

/// The three forms a noun takes after a number: 1 рубль, 2 рубля, 5 рублей.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Forms {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub gender: Gender,
}

pub const RUBLE: Forms = Forms {
    one: "рубль",
    few: "рубля",
    many: "рублей",
    gender: Gender::Masculine,
};

pub const KOPECK: Forms = Forms {
    one: "копейка",
    few: "копейки",
    many: "копеек",
    gender: Gender::Feminine,
};

pub(crate) const ZERO: &str = "ноль";

/// Every gender, for readers that accept a digit's word in any of them.
pub(crate) const GENDERS: [Gender; 3] = [Gender::Masculine, Gender::Feminine, Gender::Neuter];

/// The scales above a thousand, with their gender (тысяча is feminine, the rest masculine).
pub(crate) const SCALES: [Forms; 6] = [
    Forms {
        one: "тысяча",
        few: "тысячи",
        many: "тысяч",
        gender: Gender::Feminine,
    },
    Forms {
        one: "миллион",
        few: "миллиона",
        many: "миллионов",
        gender: Gender::Masculine,
    },
    Forms {
        one: "миллиард",
        few: "миллиарда",
        many: "миллиардов",
        gender: Gender::Masculine,
    },
    Forms {
        one: "триллион",
        few: "триллиона",
        many: "триллионов",
        gender: Gender::Masculine,
    },
    Forms {
        one: "квадриллион",
        few: "квадриллиона",
        many: "квадриллионов",
        gender: Gender::Masculine,
    },
    Forms {
        one: "квинтиллион",
        few: "квинтиллиона",
        many: "квинтиллионов",
        gender: Gender::Masculine,
    },
];

pub(crate) const TEENS: [&str; 10] = [
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

pub(crate) const TENS: [&str; 10] = [
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

pub(crate) const HUNDREDS: [&str; 10] = [
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

/// The word for the digit `d` (1–9) agreeing with `gender`; nothing for other digits.
pub(crate) fn unit(d: u64, gender: Gender) -> &'static str {
    match (d, gender) {
        (1, Gender::Masculine) => "один",
        (1, Gender::Feminine) => "одна",
        (1, Gender::Neuter) => "одно",
        (2, Gender::Feminine) => "две",
        (2, _) => "два",
        (3, _) => "три",
        (4, _) => "четыре",
        (5, _) => "пять",
        (6, _) => "шесть",
        (7, _) => "семь",
        (8, _) => "восемь",
        (9, _) => "девять",
        _ => "",
    }
}

/// Which form of a noun follows `n`: 1, 21, 101 → one; 2–4, 22–24 → few; the rest (and
/// 11–14) → many.
pub fn form(n: u64, forms: &Forms) -> &'static str {
    let last_two = n % 100;
    let last = n % 10;
    if (11..=14).contains(&last_two) {
        forms.many
    } else if last == 1 {
        forms.one
    } else if (2..=4).contains(&last) {
        forms.few
    } else {
        forms.many
    }
}

/// Words for 1–999 in the given gender; nothing for 0.
fn triple(n: u64, gender: Gender, out: &mut Vec<&'static str>) {
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        out.push(HUNDREDS[hundreds as usize]);
    }
    if (10..20).contains(&rest) {
        out.push(TEENS[(rest - 10) as usize]);
        return;
    }
    if rest >= 20 {
        out.push(TENS[(rest / 10) as usize]);
    }
    if !rest.is_multiple_of(10) {
        out.push(unit(rest % 10, gender));
    }
}

/// A whole number in words, agreeing with a noun of `gender`: `cardinal(2, Feminine)` is «две».
pub fn cardinal(n: u64, gender: Gender) -> String {
    if n == 0 {
        return ZERO.to_string();
    }
    // Groups of three digits, lowest first.
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<&'static str> = Vec::new();
    for (index, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        if index == 0 {
            triple(group, gender, &mut words);
        } else {
            let scale = &SCALES[index - 1];
            triple(group, scale.gender, &mut words);
            words.push(form(group, scale));
        }
    }
    words.join(" ")
}

/// A number followed by a noun in the right form: «двадцать один рубль», «пять копеек».
pub fn count(n: u64, forms: &Forms) -> String {
    format!("{} {}", cardinal(n, forms.gender), form(n, forms))
}

/// An amount of money: «двадцать пять тысяч четыреста тридцать рублей пятьдесят копеек».
/// Kopecks are said only when there are some; «пятьдесят копеек» alone when there are no roubles.
pub fn money(kopecks: i64) -> String {
    let sign = if kopecks < 0 { "минус " } else { "" };
    let all = kopecks.unsigned_abs();
    let (rubles, kop) = (all / 100, all % 100);
    let text = match (rubles, kop) {
        (0, 0) => count(0, &RUBLE),
        (r, 0) => count(r, &RUBLE),
        (0, k) => count(k, &KOPECK),
        (r, k) => format!("{} {}", count(r, &RUBLE), count(k, &KOPECK)),
    };
    format!("{sign}{text}")
}

/// A signed whole number: «минус пять».
pub fn integer(n: i64) -> String {
    let sign = if n < 0 { "минус " } else { "" };
    format!("{sign}{}", cardinal(n.unsigned_abs(), Gender::Masculine))
}

/// A digit group of a phone number as Russians read it: «345» → «триста сорок пять»,
/// «05» → «ноль пять», «00» → «ноль ноль», «100» → «сто».
pub fn digit_group(group: &str) -> String {
    let mut words = Vec::new();
    let digits: Vec<u64> = group
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(u64::from)
        .collect();
    let zeros = digits.iter().take_while(|&&d| d == 0).count();
    for _ in 0..zeros {
        words.push("ноль".to_string());
    }
    let rest = &digits[zeros..];
    if !rest.is_empty() {
        let value = rest.iter().fold(0u64, |acc, d| acc * 10 + d);
        words.push(cardinal(value, Gender::Masculine));
    }
    words.join(" ")
}

/// Each digit on its own: «4821» → «четыре восемь два один» (confirmation codes).
pub fn digits(text: &str) -> String {
    text.chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| match d {
            0 => "ноль",
            d => unit(u64::from(d), Gender::Masculine),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The ordinal of a day of the month in the neuter nominative (число): «двадцать пятое».
pub fn day_ordinal(day: u32) -> String {
    const ORDINALS: [&str; 20] = [
        "",
        "первое",
        "второе",
        "третье",
        "четвёртое",
        "пятое",
        "шестое",
        "седьмое",
        "восьмое",
        "девятое",
        "десятое",
        "одиннадцатое",
        "двенадцатое",
        "тринадцатое",
        "четырнадцатое",
        "пятнадцатое",
        "шестнадцатое",
        "семнадцатое",
        "восемнадцатое",
        "девятнадцатое",
    ];
    match day {
        1..=19 => ORDINALS[day as usize].to_string(),
        20 => "двадцатое".to_string(),
        30 => "тридцатое".to_string(),
        21..=29 => format!("двадцать {}", ORDINALS[(day - 20) as usize]),
        31 => "тридцать первое".to_string(),
        // Not a day of a month; said as a plain number rather than not at all.
        _ => cardinal(u64::from(day), Gender::Neuter),
    }
}

/// A day of the year: «двадцать пятое ноября».
pub fn date(day: u32, month: u32) -> String {
    const MONTHS: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let day = day_ordinal(day);
    match month.checked_sub(1).and_then(|m| MONTHS.get(m as usize)) {
        Some(name) => format!("{day} {name}"),
        None => day,
    }
}

/// Words for «плюс» and the pause between groups of a phone number.
pub const GROUPING: Grouping = Grouping {
    plus: "плюс",
    separator: ", ",
};
