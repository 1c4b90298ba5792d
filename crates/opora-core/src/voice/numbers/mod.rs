//! Number words to integers, written by hand for each language Opora listens in: Russian
//! («тысяча двести пятьдесят»), English ("twelve hundred", "one hundred and five") and Korean
//! Sino-Korean numerals (삼백, the only model obtainable here being Korean).
//!
//! Each reader takes the longest well-formed number at the start of a token slice and says how
//! many tokens it used, so that «пятьдесят пятьсот» reads as 50 followed by something else (the
//! amount parser then rejects it) and a phone number said in groups («девятьсот шестнадцать
//! двести тридцать четыре») reads as one number per group. Readers never panic and never
//! overflow: values saturate far above any amount the bank accepts.

pub mod en;
pub mod ko;
pub mod ru;

use super::VoiceLang;

/// A number read from the start of a token slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Read {
    pub value: u64,
    /// How many tokens it took.
    pub tokens: usize,
    /// Said as tens, a teen or tens and a unit and nothing else (10–99, "fifty", "twenty five"):
    /// the second half of "twelve fifty" / «двенадцать пятьдесят».
    pub two_digit: bool,
    /// Said as one group below a hundred, with no hundreds and no scale (1–99, «пять»,
    /// "twelve"): the first half of "twelve fifty".
    pub small: bool,
    /// Followed by "and a half" / «с половиной» (or said as «полтора») with no scale after
    /// it: a half of whatever unit comes next («полтора рубля», «две с половиной сотни»).
    pub half: bool,
}

impl Read {
    /// A plain whole number that took `tokens` tokens.
    pub fn whole(value: u64, tokens: usize) -> Read {
        Read {
            value,
            tokens,
            two_digit: false,
            small: false,
            half: false,
        }
    }
}

/// Reads the longest number at the start of `tokens`: number words of the language, or a token
/// of ASCII digits (a typed phrase).
pub fn read(lang: VoiceLang, tokens: &[String]) -> Option<Read> {
    if let Some(first) = tokens.first()
        && !first.is_empty()
        && first.chars().all(|c| c.is_ascii_digit())
    {
        let value = first.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Read {
            value,
            tokens: 1,
            two_digit: first.len() == 2 && !first.starts_with('0'),
            small: first.len() <= 2 && value > 0,
            half: false,
        });
    }
    match lang {
        VoiceLang::Ru => ru::read(tokens),
        VoiceLang::En => en::read(tokens),
        VoiceLang::Ko => ko::read(tokens),
    }
}

/// Every number word of a language, for the recogniser's grammar on amount and phone screens.
pub fn words(lang: VoiceLang) -> Vec<&'static str> {
    match lang {
        VoiceLang::Ru => ru::words(),
        VoiceLang::En => en::words(),
        VoiceLang::Ko => ko::WORDS.to_vec(),
    }
}

/// The words for the numbers of choices 1–6, cardinal and ordinal.
pub fn choice_words(lang: VoiceLang, number: u8) -> &'static [&'static str] {
    let table = match lang {
        VoiceLang::Ru => ru::CHOICE_WORDS,
        VoiceLang::En => en::CHOICE_WORDS,
        VoiceLang::Ko => ko::CHOICE_WORDS,
    };
    table
        .get(usize::from(number).wrapping_sub(1))
        .copied()
        .unwrap_or(&[])
}

/// An ordinal number word («второй», "second") for choosing, if this token is one.
pub fn ordinal(lang: VoiceLang, token: &str) -> Option<u64> {
    let table: &[(&str, u64)] = match lang {
        VoiceLang::Ru => ru::ORDINALS,
        VoiceLang::En => en::ORDINALS,
        VoiceLang::Ko => &[],
    };
    table.iter().find(|(w, _)| *w == token).map(|(_, n)| *n)
}

/// The state of one group below a thousand while reading: which places have been said.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Group {
    pub value: u64,
    pub hundreds: bool,
    pub tens: bool,
    pub units: bool,
}

impl Group {
    pub fn is_empty(&self) -> bool {
        !(self.hundreds || self.tens || self.units)
    }

    /// Adds a unit (0–9); false if the group already has one.
    pub fn unit(&mut self, n: u64) -> bool {
        if self.units {
            return false;
        }
        self.units = true;
        self.value += n;
        true
    }

    /// Adds a teen (10–19): it takes the tens and the units.
    pub fn teen(&mut self, n: u64) -> bool {
        if self.tens || self.units {
            return false;
        }
        self.tens = true;
        self.units = true;
        self.value += n;
        true
    }

    /// Adds tens (20–90): only before the units.
    pub fn tens(&mut self, n: u64) -> bool {
        if self.tens || self.units {
            return false;
        }
        self.tens = true;
        self.value += n;
        true
    }

    /// Adds hundreds (100–900): only first.
    pub fn hundreds(&mut self, n: u64) -> bool {
        if !self.is_empty() {
            return false;
        }
        self.hundreds = true;
        self.value += n;
        true
    }

    /// Whether the group is tens, a teen, or tens and a unit, with no hundreds.
    pub fn two_digit(&self) -> bool {
        !self.hundreds && self.tens && (10..=99).contains(&self.value)
    }

    /// Whether the group is 1–99 said without hundreds.
    pub fn small(&self) -> bool {
        !self.hundreds && (1..=99).contains(&self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        crate::voice::text::tokens(text)
    }

    #[test]
    fn digits_typed_are_numbers_too() {
        let read = read(VoiceLang::Ru, &toks("500 рублей"));
        assert_eq!(read.map(|r| (r.value, r.tokens)), Some((500, 1)));
        assert_eq!(
            super::read(VoiceLang::En, &toks("99999999999999999999999")).map(|r| r.value),
            Some(u64::MAX)
        );
    }

    #[test]
    fn choice_words_cover_one_to_six() {
        for lang in [VoiceLang::Ru, VoiceLang::En, VoiceLang::Ko] {
            for n in 1..=6 {
                assert!(!choice_words(lang, n).is_empty(), "{lang:?} {n}");
            }
            assert!(choice_words(lang, 0).is_empty());
            assert!(choice_words(lang, 7).is_empty());
        }
    }
}
