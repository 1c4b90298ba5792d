//! Russian cardinal numbers: «ноль» … «девятьсот девяносто девять миллиардов …», «полторы
//! тысячи», «полтысячи», colloquial «тыща». Case and gender are not checked («две тысячи» and
//! «два тысячи» both read as 2000: recognisers and people both slip there); the order of the
//! places is («пятьдесят пятьсот» is two numbers, not one).

use super::{Group, Read};

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

fn word(token: &str) -> Option<Word> {
    use Word::*;
    Some(match token {
        "ноль" | "нуль" => Zero,
        "один" | "одна" | "одно" | "одну" | "одного" | "одной" => {
            Unit(1)
        }
        "два" | "две" | "двух" => Unit(2),
        "три" | "трех" => Unit(3),
        "четыре" | "четырех" => Unit(4),
        "пять" | "пяти" => Unit(5),
        "шесть" | "шести" => Unit(6),
        "семь" | "семи" => Unit(7),
        "восемь" | "восьми" => Unit(8),
        "девять" | "девяти" => Unit(9),
        "десять" => Teen(10),
        "одиннадцать" => Teen(11),
        "двенадцать" => Teen(12),
        "тринадцать" => Teen(13),
        "четырнадцать" => Teen(14),
        "пятнадцать" => Teen(15),
        "шестнадцать" => Teen(16),
        "семнадцать" => Teen(17),
        "восемнадцать" => Teen(18),
        "девятнадцать" => Teen(19),
        "двадцать" => Ten(20),
        "тридцать" => Ten(30),
        "сорок" => Ten(40),
        "пятьдесят" => Ten(50),
        "шестьдесят" => Ten(60),
        "семьдесят" => Ten(70),
        "восемьдесят" => Ten(80),
        "девяносто" => Ten(90),
        "сто" => Hundred(100),
        "двести" => Hundred(200),
        "триста" => Hundred(300),
        "четыреста" => Hundred(400),
        "пятьсот" => Hundred(500),
        "шестьсот" => Hundred(600),
        "семьсот" => Hundred(700),
        "восемьсот" => Hundred(800),
        "девятьсот" => Hundred(900),
        "тысяча" | "тысячи" | "тысяч" | "тысячу" | "тыща" | "тыщи" | "тыщ" | "тыщу" => {
            Scale(1_000)
        }
        "миллион" | "миллиона" | "миллионов" => Scale(1_000_000),
        "миллиард" | "миллиарда" | "миллиардов" => Scale(1_000_000_000),
        "полтора" | "полторы" => OneAndHalf,
        "полтысячи" => HalfThousand,
        _ => return None,
    })
}

/// Every word this reader knows, for the recogniser's grammar.
pub const WORDS: &[&str] = &[
    "ноль",
    "один",
    "одна",
    "одну",
    "два",
    "две",
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
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
    "тысяча",
    "тысячи",
    "тысяч",
    "миллион",
    "миллиона",
    "миллионов",
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
];

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
