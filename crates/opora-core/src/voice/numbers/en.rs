//! English cardinal numbers: "zero" … "nine hundred and ninety nine billion …", "a hundred",
//! "twelve hundred" (1200), "one hundred and five". "oh" is a zero only inside phone numbers,
//! where the phone reader asks for it. The colloquial "twelve fifty" (1250) is two numbers
//! here; the amount parser joins them.

use super::{Group, Read};
use crate::words::en::{HUNDRED, ONES, SCALES, TENS};

enum Word {
    Zero,
    Unit(u64),
    Teen(u64),
    Ten(u64),
    Hundred,
    Scale(u64),
    /// "a" before "hundred", "thousand", "million".
    A,
    /// "and" after hundreds or a scale, before what follows.
    And,
}

/// The forms people say that Opora's own speech never writes (`words::en` has the rest).
fn heard_only(token: &str) -> Option<Word> {
    use Word::*;
    Some(match token {
        "nought" | "nil" => Zero,
        "fourty" => Ten(40),
        "hundreds" => Hundred,
        "grand" => Scale(1_000),
        "a" => A,
        "and" => And,
        _ => return None,
    })
}

fn word(token: &str) -> Option<Word> {
    use Word::*;
    if let Some(word) = heard_only(token) {
        return Some(word);
    }
    if let Some(n) = ONES.iter().position(|w| *w == token) {
        let n = n as u64;
        return Some(match n {
            0 => Zero,
            1..=9 => Unit(n),
            _ => Teen(n),
        });
    }
    if let Some(i) = TENS.iter().position(|w| !w.is_empty() && *w == token) {
        return Some(Ten(10 * i as u64));
    }
    if token == HUNDRED {
        return Some(Hundred);
    }
    // Up to billions, singular or plural ("thousands").
    SCALES
        .iter()
        .zip([1_000, 1_000_000, 1_000_000_000])
        .find(|(scale, _)| token.strip_suffix('s').unwrap_or(token) == **scale)
        .map(|(_, value)| Scale(value))
}

/// Every word the recogniser should listen for on amount and phone screens: the words Opora
/// itself says (from `words::en`, up to millions), and "a", "and", "half".
pub fn words() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = ONES.to_vec();
    out.extend(TENS.iter().filter(|w| !w.is_empty()));
    out.push(HUNDRED);
    out.extend(SCALES.iter().take(2));
    out.extend(["a", "and", "half"]);
    out
}

/// Choices 1–6 by number, as said.
pub const CHOICE_WORDS: &[&[&str]] = &[
    &["one", "first"],
    &["two", "second"],
    &["three", "third"],
    &["four", "fourth"],
    &["five", "fifth"],
    &["six", "sixth"],
];

/// Ordinal words for choosing: "second".
pub const ORDINALS: &[(&str, u64)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
];

/// Reads the longest English number at the start of `tokens`.
pub fn read(tokens: &[String]) -> Option<Read> {
    let mut total: u64 = 0;
    let mut group = Group::default();
    // "twelve hundred": the hundreds of this group, once said.
    let mut hundred_said = false;
    let mut last_scale = u64::MAX;
    let mut used = 0;
    let next = |i: usize| tokens.get(i).and_then(|t| word(t));
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let half_here = used > 0
            && tokens
                .get(i..i + 3)
                .is_some_and(|t| t == ["and", "a", "half"]);
        if half_here {
            match next(i + 3) {
                // "two and a half thousand".
                Some(Word::Scale(scale)) if !group.is_empty() && scale < last_scale => {
                    total = total
                        .saturating_add(group.value.saturating_mul(scale))
                        .saturating_add(scale / 2);
                    return Some(Read::whole(total, i + 4));
                }
                // "a thousand and a half".
                _ if group.is_empty() && last_scale < u64::MAX => {
                    return Some(Read::whole(total.saturating_add(last_scale / 2), i + 3));
                }
                // "one and a half" (roubles): a half of what follows.
                _ if !group.is_empty() && total == 0 && !hundred_said => {
                    return Some(Read {
                        value: group.value,
                        tokens: i + 3,
                        two_digit: false,
                        small: false,
                        half: true,
                    });
                }
                _ => break,
            }
        }
        let Some(w) = word(token) else { break };
        match w {
            Word::Zero => {
                if used == 0 {
                    return Some(Read::whole(0, 1));
                }
                break;
            }
            Word::Unit(n) if group.unit(n) => {}
            Word::Teen(n) if group.teen(n) => {}
            Word::Ten(n) if group.tens(n) => {}
            Word::A if group.is_empty() && !hundred_said => {
                if !matches!(next(i + 1), Some(Word::Hundred | Word::Scale(_))) {
                    break;
                }
                group.unit(1);
            }
            Word::Hundred if !hundred_said => {
                // "hundred" multiplies what was said before it in this group (1–99), or is
                // one hundred on its own.
                let times = if group.is_empty() { 1 } else { group.value };
                group = Group {
                    value: times.saturating_mul(100),
                    hundreds: true,
                    tens: false,
                    units: false,
                };
                hundred_said = true;
            }
            Word::Scale(scale) if scale < last_scale => {
                let times = if group.is_empty() { 1 } else { group.value };
                total = total.saturating_add(times.saturating_mul(scale));
                last_scale = scale;
                group = Group::default();
                hundred_said = false;
            }
            Word::And if used > 0 && (hundred_said || total > 0) && group_open(&group) => {
                // Only when a unit, teen or tens follows.
                if !matches!(
                    next(i + 1),
                    Some(Word::Unit(_) | Word::Teen(_) | Word::Ten(_))
                ) {
                    break;
                }
                i += 1;
                continue;
            }
            _ => break,
        }
        i += 1;
        used = i;
    }
    (used > 0).then(|| Read {
        value: total.saturating_add(group.value),
        tokens: used,
        two_digit: total == 0 && !hundred_said && group.two_digit(),
        small: total == 0 && !hundred_said && group.small(),
        half: false,
    })
}

/// Whether tens or units may still follow in this group.
fn group_open(group: &Group) -> bool {
    !group.tens && !group.units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(u64, usize)> {
        read(&crate::voice::text::tokens(text)).map(|r| (r.value, r.tokens))
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(value("five hundred"), Some((500, 2)));
        assert_eq!(value("twelve hundred"), Some((1200, 2)));
        assert_eq!(value("one hundred and fifty"), Some((150, 4)));
        assert_eq!(value("one hundred fifty"), Some((150, 3)));
        assert_eq!(value("a hundred"), Some((100, 2)));
        assert_eq!(value("a thousand"), Some((1000, 2)));
        assert_eq!(
            value("two thousand three hundred and forty five"),
            Some((2345, 7))
        );
        assert_eq!(value("one thousand and five"), Some((1005, 4)));
        assert_eq!(value("twenty-five"), Some((25, 2)));
        assert_eq!(value("a million"), Some((1_000_000, 2)));
        assert_eq!(value("zero"), Some((0, 1)));
    }

    #[test]
    fn halves() {
        assert_eq!(value("two and a half thousand"), Some((2500, 5)));
        assert_eq!(value("one and a half million"), Some((1_500_000, 5)));
        assert_eq!(value("a thousand and a half"), Some((1500, 5)));
        let read = |t: &str| super::read(&crate::voice::text::tokens(t));
        assert!(read("one and a half").is_some_and(|r| r.half && r.value == 1 && r.tokens == 4));
        assert!(read("twelve").is_some_and(|r| r.small && r.two_digit));
        assert!(read("five").is_some_and(|r| r.small && !r.two_digit));
        assert!(read("fifty").is_some_and(|r| r.small && r.two_digit));
        assert!(!read("a hundred").is_some_and(|r| r.small));
    }

    #[test]
    fn numbers_end_where_the_order_breaks() {
        assert_eq!(value("twelve fifty"), Some((12, 1)));
        assert_eq!(value("one fifty"), Some((1, 1)));
        assert_eq!(value("five five"), Some((5, 1)));
        assert_eq!(value("thousand thousand"), Some((1000, 1)));
        assert_eq!(value("hundred hundred"), Some((100, 1)));
        assert_eq!(value("a dog"), None);
        assert_eq!(value("and five"), None);
        assert_eq!(value("five hundred and"), Some((500, 2)));
        assert_eq!(value("roubles"), None);
    }
}
