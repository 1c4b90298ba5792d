//! Numbers, money, phone numbers and dates as words, for speech. This is grammar, not UI text,
//! so it is code: `ru` agrees numbers with what they count (1 рубль, 2 рубля, 5 рублей; одна
//! копейка, две тысячи), `en` says the same in English. The speaker receives words, never
//! digits, so every synthesizer reads amounts the same correct way.

pub mod en;
pub mod ru;

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;

use crate::lang::Lang;
use crate::money::Money;

/// How a language reads a written phone number: the word for `+`, and what goes between groups
/// (a comma makes the synthesizer pause, as a person dictating does).
pub struct Grouping {
    pub plus: &'static str,
    pub separator: &'static str,
}

/// An amount: «двадцать один рубль пятьдесят копеек» / "twenty-one roubles and fifty kopecks".
pub fn money(lang: Lang, amount: Money) -> String {
    match lang {
        Lang::Ru => ru::money(amount.kopecks()),
        Lang::En => en::money(amount.kopecks()),
    }
}

/// An amount with its direction, for history: «плюс сто рублей», «минус пять рублей».
pub fn signed_money(lang: Lang, amount: Money) -> String {
    let plus = match lang {
        Lang::Ru => ru::GROUPING.plus,
        Lang::En => en::GROUPING.plus,
    };
    if amount.is_positive() {
        format!("{plus} {}", money(lang, amount))
    } else {
        money(lang, amount)
    }
}

/// A whole number: «сто двадцать один» / "one hundred twenty-one".
pub fn integer(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Ru => ru::integer(n),
        Lang::En => en::integer(n),
    }
}

/// Each digit alone, for codes: «четыре восемь два один».
pub fn digits(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Ru => ru::digits(text),
        Lang::En => en::digits(text),
    }
}

/// A written phone number (`+7 912 345-67-89`, `8 800 100-00-00`) read group by group:
/// «плюс семь, девятьсот двенадцать, триста сорок пять, шестьдесят семь, восемьдесят девять».
/// Groups are the runs of digits as written; a leading zero in a group is said («ноль пять»).
pub fn phone(lang: Lang, written: &str) -> String {
    let (grouping, group): (&Grouping, fn(&str) -> String) = match lang {
        Lang::Ru => (&ru::GROUPING, ru::digit_group),
        Lang::En => (&en::GROUPING, en::digit_group),
    };
    let mut parts: Vec<String> = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(group)
        .collect();
    if written.trim_start().starts_with('+')
        && let Some(first) = parts.first_mut()
    {
        *first = format!("{} {first}", grouping.plus);
    }
    parts.join(grouping.separator)
}

/// A day of the year: «двадцать пятое ноября» / "November twenty-fifth".
pub fn date(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        Lang::Ru => ru::date(date.day(), date.month()),
        Lang::En => en::date(date.day(), date.month()),
    }
}

/// Replaces every run of digits in `text` with words (for numbers the messages carry as
/// digits, e.g. «Всего операций: 21»): what remains for the synthesizer is only words. The
/// masked end of a card number («•• 4321») is said digit by digit, without the dots.
pub fn spell_numbers(lang: Lang, text: &str) -> String {
    const MASK: &str = "•• ";
    let mut out = String::with_capacity(text.len() * 2);
    let mut run = String::new();
    let mut masked = false;
    let flush = |run: &mut String, out: &mut String, masked: bool| {
        if !run.is_empty() {
            match run.parse::<i64>() {
                Ok(n) if !masked => out.push_str(&integer(lang, n)),
                _ => out.push_str(&digits(lang, run)),
            }
            run.clear();
        }
    };
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix(MASK) {
            flush(&mut run, &mut out, masked);
            masked = true;
            rest = after;
            continue;
        }
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out, masked);
            masked = false;
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut run, &mut out, masked);
    out
}
