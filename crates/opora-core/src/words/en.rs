//! English numbers as words: "twenty-five thousand four hundred thirty roubles and fifty
//! kopecks", "November twenty-fifth", phone numbers digit by digit as English speakers read them.

use super::Grouping;

pub(crate) const ONES: [&str; 20] = [
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

pub(crate) const HUNDRED: &str = "hundred";

pub(crate) const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

pub(crate) const SCALES: [&str; 6] = [
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
];

/// 1–999; nothing for 0.
fn triple(n: u64, out: &mut Vec<String>) {
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        out.push(format!("{} {HUNDRED}", ONES[hundreds as usize]));
    }
    if rest == 0 {
        return;
    }
    if rest < 20 {
        out.push(ONES[rest as usize].to_string());
    } else if rest.is_multiple_of(10) {
        out.push(TENS[(rest / 10) as usize].to_string());
    } else {
        out.push(format!(
            "{}-{}",
            TENS[(rest / 10) as usize],
            ONES[(rest % 10) as usize]
        ));
    }
}

/// A whole number in words: 25430 → "twenty-five thousand four hundred thirty".
pub fn cardinal(n: u64) -> String {
    if n == 0 {
        return ONES[0].to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words = Vec::new();
    for (index, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            continue;
        }
        triple(group, &mut words);
        if index > 0 {
            words.push(SCALES[index - 1].to_string());
        }
    }
    words.join(" ")
}

fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", cardinal(n), if n == 1 { one } else { many })
}

/// "three hundred roubles", "one rouble and one kopeck", "fifty kopecks".
pub fn money(kopecks: i64) -> String {
    let sign = if kopecks < 0 { "minus " } else { "" };
    let all = kopecks.unsigned_abs();
    let (rubles, kop) = (all / 100, all % 100);
    let text = match (rubles, kop) {
        (r, 0) => count(r, "rouble", "roubles"),
        (0, k) => count(k, "kopeck", "kopecks"),
        (r, k) => format!(
            "{} and {}",
            count(r, "rouble", "roubles"),
            count(k, "kopeck", "kopecks")
        ),
    };
    format!("{sign}{text}")
}

pub fn integer(n: i64) -> String {
    let sign = if n < 0 { "minus " } else { "" };
    format!("{sign}{}", cardinal(n.unsigned_abs()))
}

/// Each digit on its own: "4821" → "four eight two one".
pub fn digits(text: &str) -> String {
    text.chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| ONES[d as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A digit group of a phone number: English speakers read the digits one by one.
pub fn digit_group(group: &str) -> String {
    digits(group)
}

/// "first", "twenty-fifth", "thirty-first".
pub fn ordinal(n: u64) -> String {
    let words = cardinal(n);
    // Only the last word changes: "twenty-five" → "twenty-fifth".
    let (head, last) = match words.rfind([' ', '-']) {
        Some(i) => words.split_at(i + 1),
        None => ("", words.as_str()),
    };
    let last = match last {
        "one" => "first".to_string(),
        "two" => "second".to_string(),
        "three" => "third".to_string(),
        "five" => "fifth".to_string(),
        "eight" => "eighth".to_string(),
        "nine" => "ninth".to_string(),
        "twelve" => "twelfth".to_string(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    format!("{head}{last}")
}

/// "November twenty-fifth".
pub fn date(day: u32, month: u32) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let day = ordinal(u64::from(day));
    match month.checked_sub(1).and_then(|m| MONTHS.get(m as usize)) {
        Some(name) => format!("{name} {day}"),
        None => day,
    }
}

pub const GROUPING: Grouping = Grouping {
    plus: "plus",
    separator: ", ",
};
