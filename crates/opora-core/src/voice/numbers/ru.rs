//! Russian cardinal numbers: «ноль» … «девятьсот девяносто девять миллиардов …», «полторы
//! тысячи», «полтысячи», colloquial «тыща». Case and gender are not checked («две тысячи» and
//! «два тысячи» both read as 2000: recognisers and people both slip there); the order of the
//! places is («пятьдесят пятьсот» is two numbers, not one). The words are those Opora says
//! (`words::ru`'s tables, shared), and the forms only people say.

use super::{Group, Read};
use crate::words::ru::{GENDERS, HUNDREDS, SCALES, TEENS, TENS, ZERO, unit};

enum Word {
    Zero,
    Unit(u64),
    Teen(u64),
    Ten(u64),
    Hundred(u64),
    Scale(u64),
    /// «полтора», «полторы»: one and a half of the scale that follows.
    OneAndHalf,
    /// «полтысячи»: five hundred.
    HalfThousand,
}

/// The forms people say that Opora's own speech never writes (`words::ru` has the rest):
/// oblique cases, colloquial «тыща», halves.
fn heard_only(token: &str) -> Option<Word> {
    use Word::*;
    Some(match token {
        "нуль" => Zero,
        "одну" | "одного" | "одной" => Unit(1),
        "двух" => Unit(2),
        "трех" => Unit(3),
        "четырех" => Unit(4),
        "пяти" => Unit(5),
        "шести" => Unit(6),
        "семи" => Unit(7),
        "восьми" => Unit(8),
        "девяти" => Unit(9),
        "тысячу" | "тыща" | "тыщи" | "тыщ" | "тыщу" => Scale(1_000),
        "полтора" | "полторы" => OneAndHalf,
        "полтысячи" => HalfThousand,
        _ => return None,
    })
}

/// How many scales (тысяча, миллион, миллиард) a number said aloud goes up to.
const SCALES_HEARD: usize = 3;

fn word(token: &str) -> Option<Word> {
    use Word::*;
    if token == ZERO {
        return Some(Zero);
    }
    if let Some(word) = heard_only(token) {
        return Some(word);
    }
    if let Some(d) = (1..=9).find(|&d| GENDERS.iter().any(|&g| unit(d, g) == token)) {
        return Some(Unit(d));
    }
    let place = |table: &[&str]| {
        table
            .iter()
            .position(|w| !w.is_empty() && *w == token)
            .map(|i| i as u64)
    };
    if let Some(i) = place(&TEENS) {
        return Some(Teen(10 + i));
    }
    if let Some(i) = place(&TENS) {
        return Some(Ten(10 * i));
    }
    if let Some(i) = place(&HUNDREDS) {
        return Some(Hundred(100 * i));
    }
    SCALES
        .iter()
        .take(SCALES_HEARD)
        .zip([1_000, 1_000_000, 1_000_000_000])
        .find(|(forms, _)| [forms.one, forms.few, forms.many].contains(&token))
        .map(|(_, scale)| Scale(scale))
}

/// Every word the recogniser should listen for on amount and phone screens: the words Opora
/// itself says (from `words::ru`, up to millions), and the heard-only forms people use most.
pub fn words() -> Vec<&'static str> {
    let mut out = vec![ZERO];
    for d in 1..=9 {
        for gender in GENDERS {
            let word = unit(d, gender);
            if !out.contains(&word) {
                out.push(word);
            }
        }
    }
    out.extend(TEENS);
    out.extend(TENS.iter().chain(&HUNDREDS).filter(|w| !w.is_empty()));
    for forms in SCALES.iter().take(2) {
        out.extend([forms.one, forms.few, forms.many]);
    }
    out.extend([
        "одну",
        "полторы",
        "полтора",
        "полтысячи",
        "тыща",
        "тыщи",
        "тыщу",
        "тыщ",
        "тысячу",
        "с",
        "половиной",
    ]);
    out
}

/// Choices 1–6 by number, as said.
pub const CHOICE_WORDS: &[&[&str]] = &[
    &["один", "первый", "первая", "первое", "первую", "первой"],
    &["два", "второй", "вторая", "второе", "вторую"],
    &["три", "третий", "третья", "третье", "третью", "третьей"],
    &[
        "четыре",
        "четвертый",
        "четвертая",
        "четвертое",
        "четвертую",
        "четвертой",
    ],
    &["пять", "пятый", "пятая", "пятое", "пятую", "пятой"],
    &["шесть", "шестой", "шестая", "шестое", "шестую"],
];

/// Ordinal words for choosing: «второй», «третью».
pub const ORDINALS: &[(&str, u64)] = &[
    ("первый", 1),
    ("первая", 1),
    ("первое", 1),
    ("первую", 1),
    ("первой", 1),
    ("второй", 2),
    ("вторая", 2),
    ("второе", 2),
    ("вторую", 2),
    ("третий", 3),
    ("третья", 3),
    ("третье", 3),
    ("третью", 3),
    ("третьей", 3),
    ("четвертый", 4),
    ("четвертая", 4),
    ("четвертое", 4),
    ("четвертую", 4),
    ("четвертой", 4),
    ("пятый", 5),
    ("пятая", 5),
    ("пятое", 5),
    ("пятую", 5),
    ("пятой", 5),
    ("шестой", 6),
    ("шестая", 6),
    ("шестое", 6),
    ("шестую", 6),
];

/// «с половиной» at `i`: how many tokens it takes.
fn and_a_half(tokens: &[String], i: usize) -> Option<usize> {
    let with = tokens.get(i)?;
    let half = tokens.get(i + 1)?;
    (matches!(with.as_str(), "с" | "со") && matches!(half.as_str(), "половиной" | "половинкой"))
        .then_some(2)
}

/// Reads the longest Russian number at the start of `tokens`.
pub fn read(tokens: &[String]) -> Option<Read> {
    let mut total: u64 = 0;
    let mut group = Group::default();
    // The last scale used: each one must be smaller than the one before.
    let mut last_scale = u64::MAX;
    let mut used = 0;
    let mut i = 0;
    let done = |value: u64, used: usize, group: &Group, total: u64, half: bool| Read {
        value,
        tokens: used,
        two_digit: total == 0 && !half && group.two_digit(),
        small: total == 0 && !half && group.small(),
        half,
    };
    while let Some(token) = tokens.get(i) {
        if let Some(len) = and_a_half(tokens, i).filter(|_| used > 0) {
            match tokens.get(i + len).and_then(|t| word(t)) {
                // «две с половиной тысячи»: two and a half thousand.
                Some(Word::Scale(scale)) if !group.is_empty() && scale < last_scale => {
                    total = total
                        .saturating_add(group.value.saturating_mul(scale))
                        .saturating_add(scale / 2);
                    return Some(Read::whole(total, i + len + 1));
                }
                // «две тысячи с половиной»: half of the scale just said.
                _ if group.is_empty() && last_scale < u64::MAX => {
                    return Some(Read::whole(total.saturating_add(last_scale / 2), i + len));
                }
                // «два с половиной» (рубля, сотни): a half of what follows.
                _ if !group.is_empty() && total == 0 => {
                    return Some(done(group.value, i + len, &group, total, true));
                }
                _ => break,
            }
        }
        let Some(w) = word(token) else { break };
        match w {
            Word::Zero => {
                // «ноль» is a number on its own, never part of another.
                if used == 0 {
                    return Some(Read::whole(0, 1));
                }
                break;
            }
            Word::Unit(n) if group.unit(n) => {}
            Word::Teen(n) if group.teen(n) => {}
            Word::Ten(n) if group.tens(n) => {}
            Word::Hundred(n) if group.hundreds(n) => {}
            Word::Scale(scale) if scale < last_scale => {
                let times = if group.is_empty() { 1 } else { group.value };
                total = total.saturating_add(times.saturating_mul(scale));
                last_scale = scale;
                group = Group::default();
            }
            Word::OneAndHalf if group.is_empty() => {
                // «полторы тысячи»; alone, «полтора» is one and a half of what follows.
                match tokens.get(i + 1).and_then(|t| word(t)) {
                    Some(Word::Scale(scale)) if scale < last_scale => {
                        total = total.saturating_add(scale.saturating_mul(3) / 2);
                        last_scale = scale;
                        i += 1;
                    }
                    _ if used == 0 => {
                        let mut one = Group::default();
                        one.unit(1);
                        return Some(done(1, 1, &one, 0, true));
                    }
                    _ => break,
                }
            }
            Word::HalfThousand if group.is_empty() && last_scale > 1_000 => {
                total = total.saturating_add(500);
                last_scale = 1_000;
            }
            _ => break,
        }
        i += 1;
        used = i;
    }
    (used > 0).then(|| {
        done(
            total.saturating_add(group.value),
            used,
            &group,
            total,
            false,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(u64, usize)> {
        read(&crate::voice::text::tokens(text)).map(|r| (r.value, r.tokens))
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(value("пятьсот"), Some((500, 1)));
        assert_eq!(value("тысяча двести пятьдесят"), Some((1250, 3)));
        assert_eq!(value("две тысячи триста сорок пять"), Some((2345, 5)));
        assert_eq!(
            value("двадцать пять тысяч четыреста тридцать"),
            Some((25430, 5))
        );
        assert_eq!(value("сто"), Some((100, 1)));
        assert_eq!(value("одиннадцать"), Some((11, 1)));
        assert_eq!(value("миллион"), Some((1_000_000, 1)));
        assert_eq!(
            value(
                "сто двадцать три миллиона четыреста пятьдесят шесть тысяч семьсот восемьдесят девять"
            ),
            Some((123_456_789, 11))
        );
        assert_eq!(value("полторы тысячи"), Some((1500, 2)));
        assert_eq!(value("полтысячи"), Some((500, 1)));
        assert_eq!(value("тыща"), Some((1000, 1)));
        assert_eq!(value("ноль"), Some((0, 1)));
    }

    #[test]
    fn numbers_end_where_the_order_breaks() {
        assert_eq!(value("пятьдесят пятьсот"), Some((50, 1)));
        assert_eq!(value("пять пять"), Some((5, 1)));
        assert_eq!(value("тысяча тысяча"), Some((1000, 1)));
        assert_eq!(value("двенадцать пять"), Some((12, 1)));
        assert_eq!(value("двадцать десять"), Some((20, 1)));
        assert_eq!(value("ноль пять"), Some((0, 1)));
        assert_eq!(value("пять ноль"), Some((5, 1)));
        assert_eq!(value("полторы"), Some((1, 1)));
        assert_eq!(value("рублей"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn halves() {
        assert_eq!(value("две с половиной тысячи"), Some((2500, 4)));
        assert_eq!(value("две тысячи с половиной"), Some((2500, 4)));
        assert_eq!(value("полтора миллиона"), Some((1_500_000, 2)));
        assert_eq!(value("три с половиной миллиона"), Some((3_500_000, 4)));
        let read = |t: &str| super::read(&crate::voice::text::tokens(t));
        assert!(read("полтора").is_some_and(|r| r.half && r.value == 1));
        assert!(read("два с половиной").is_some_and(|r| r.half && r.value == 2 && r.tokens == 3));
        assert!(read("двести с половиной").is_some_and(|r| r.half));
        assert_eq!(value("с половиной"), None);
        assert_eq!(value("тысяча тысяч с половиной"), Some((1000, 1)));
    }

    #[test]
    fn two_digit_groups_are_marked() {
        let read = |t: &str| super::read(&crate::voice::text::tokens(t));
        assert!(read("пятьдесят").is_some_and(|r| r.two_digit));
        assert!(read("двадцать пять").is_some_and(|r| r.two_digit));
        assert!(!read("пять").is_some_and(|r| r.two_digit));
        assert!(!read("сто пятьдесят").is_some_and(|r| r.two_digit));
        assert!(read("двенадцать").is_some_and(|r| r.small));
        assert!(read("пять").is_some_and(|r| r.small));
        assert!(!read("сто").is_some_and(|r| r.small));
        assert!(!read("тысяча двенадцать").is_some_and(|r| r.small));
    }
}
