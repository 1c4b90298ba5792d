//! Readers of number words back into numbers, for the tests of `speech::words` to check what the
//! generators say. They are strict — places in order within a group, scales decreasing,
//! «ноль» only alone, every word known — so that a generator saying «двадцать сто» fails the
//! tests instead of adding up to 120.

/// One group below a thousand as it is read back: which places have been said, so that the
/// places must come in order — hundreds, then tens, then units — and each at most once.
#[derive(Default)]
struct Places {
    value: u64,
    hundreds: bool,
    tens: bool,
    units: bool,
}

impl Places {
    fn add(&mut self, value: u64) -> Option<()> {
        match value {
            100..=900 if !(self.hundreds || self.tens || self.units) => self.hundreds = true,
            20..=90 if !(self.tens || self.units) => self.tens = true,
            10..=19 if !(self.tens || self.units) => {
                self.tens = true;
                self.units = true;
            }
            0..=9 if !self.units => self.units = true,
            _ => return None,
        }
        self.value += value;
        Some(())
    }

    fn is_empty(&self) -> bool {
        !(self.hundreds || self.tens || self.units)
    }
}

/// Reads number words back into a number, strictly: places in order within a group, scales
/// decreasing, «ноль» only alone, every word known — so that a generator saying «двадцать сто»
/// or «тысяча миллион» fails instead of adding up to something. `small` names the words below a
/// thousand; `scale` the scale words; `hundred` multiplies (English "two hundred").
fn strict_value(
    words: &[&str],
    small: impl Fn(&str) -> Option<u64>,
    scale: impl Fn(&str) -> Option<u64>,
    hundred: Option<&str>,
) -> Option<u64> {
    if words.is_empty() {
        return None;
    }
    if words.len() == 1 && small(words[0]) == Some(0) {
        return Some(0);
    }
    let mut total = 0u64;
    let mut last_scale = u64::MAX;
    let mut group = Places::default();
    for word in words {
        if Some(*word) == hundred {
            // Only after units alone: "two hundred".
            if group.hundreds || group.tens || !group.units || group.value == 0 {
                return None;
            }
            group = Places {
                value: group.value * 100,
                hundreds: true,
                ..Places::default()
            };
            continue;
        }
        if let Some(value) = small(word) {
            if value == 0 {
                return None;
            }
            group.add(value)?;
            continue;
        }
        let scale = scale(word)?;
        if scale >= last_scale {
            return None;
        }
        let times = if group.is_empty() { 1 } else { group.value };
        total += times * scale;
        last_scale = scale;
        group = Places::default();
    }
    Some(total + group.value)
}

/// Reads Russian number words back into a number (the inverse of `ru::cardinal`), so that
/// properties can check every number says exactly itself.
pub(super) fn ru_value(words: &str) -> Option<u64> {
    let small = |word: &str| {
        Some(match word {
            "ноль" => 0,
            "один" | "одна" | "одно" => 1,
            "два" | "две" => 2,
            "три" => 3,
            "четыре" => 4,
            "пять" => 5,
            "шесть" => 6,
            "семь" => 7,
            "восемь" => 8,
            "девять" => 9,
            "десять" => 10,
            "одиннадцать" => 11,
            "двенадцать" => 12,
            "тринадцать" => 13,
            "четырнадцать" => 14,
            "пятнадцать" => 15,
            "шестнадцать" => 16,
            "семнадцать" => 17,
            "восемнадцать" => 18,
            "девятнадцать" => 19,
            "двадцать" => 20,
            "тридцать" => 30,
            "сорок" => 40,
            "пятьдесят" => 50,
            "шестьдесят" => 60,
            "семьдесят" => 70,
            "восемьдесят" => 80,
            "девяносто" => 90,
            "сто" => 100,
            "двести" => 200,
            "триста" => 300,
            "четыреста" => 400,
            "пятьсот" => 500,
            "шестьсот" => 600,
            "семьсот" => 700,
            "восемьсот" => 800,
            "девятьсот" => 900,
            _ => return None,
        })
    };
    let scale = |word: &str| {
        Some(match word {
            "тысяча" | "тысячи" | "тысяч" => 1_000,
            "миллион" | "миллиона" | "миллионов" => 1_000_000,
            "миллиард" | "миллиарда" | "миллиардов" => 1_000_000_000,
            "триллион" | "триллиона" | "триллионов" => 1_000_000_000_000,
            _ => return None,
        })
    };
    let words: Vec<&str> = words.split(' ').collect();
    strict_value(&words, small, scale, None)
}

pub(super) fn en_value(words: &str) -> Option<u64> {
    const SMALL: [&str; 20] = [
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
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let small = |word: &str| {
        SMALL
            .iter()
            .position(|w| *w == word)
            .map(|p| p as u64)
            .or_else(|| {
                TENS.iter()
                    .position(|w| *w == word)
                    .map(|p| (p as u64 + 2) * 10)
            })
    };
    let scale = |word: &str| {
        Some(match word {
            "thousand" => 1_000,
            "million" => 1_000_000,
            "billion" => 1_000_000_000,
            "trillion" => 1_000_000_000_000,
            _ => return None,
        })
    };
    let words: Vec<&str> = words.split([' ', '-']).collect();
    strict_value(&words, small, scale, Some("hundred"))
}

#[test]
fn the_readers_refuse_words_out_of_order() {
    for bad in [
        "двадцать сто",
        "сто сто",
        "пять двадцать",
        "один два",
        "тысяча миллион",
        "тысяча тысяча",
        "двенадцать три",
        "ноль пять",
        "",
        "сто рублей",
    ] {
        assert_eq!(ru_value(bad), None, "«{bad}»");
    }
    for bad in [
        "twenty hundred",
        "hundred",
        "five twenty",
        "one two",
        "thousand million",
        "twelve three",
        "two hundred three hundred",
    ] {
        assert_eq!(en_value(bad), None, "{bad}");
    }
    assert_eq!(ru_value("двести двадцать два"), Some(222));
    assert_eq!(ru_value("тысяча двенадцать"), Some(1012));
    assert_eq!(en_value("two hundred twenty-two"), Some(222));
    assert_eq!(en_value("one thousand twelve"), Some(1012));
}
