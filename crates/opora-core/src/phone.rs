//! Russian phone numbers: normalising what a person types (`8 912 345-67-89`, `+7(912)3456789`)
//! to one form, and saying precisely why a number is not one.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A Russian mobile number, kept as its ten national digits (after +7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PhoneNumber([u8; 10]);

/// Why typed text is not a Russian mobile number. Each maps to a sentence in `locales/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PhoneError {
    #[error("no number was entered")]
    Empty,
    #[error("the number contains letters or other signs")]
    BadCharacter,
    #[error("the number has {0} digits, a Russian number has 11 (or 10 after +7)")]
    WrongLength(usize),
    #[error("the number is not a Russian one (+7 or 8)")]
    NotRussian,
    #[error("the number is not a mobile one (mobile numbers start with +7 9)")]
    NotMobile,
}

impl PhoneError {
    /// A stable code for the journal (never the typed text).
    pub fn code(self) -> &'static str {
        match self {
            PhoneError::Empty => "empty",
            PhoneError::BadCharacter => "bad-character",
            PhoneError::WrongLength(_) => "wrong-length",
            PhoneError::NotRussian => "not-russian",
            PhoneError::NotMobile => "not-mobile",
        }
    }
}

impl PhoneNumber {
    /// Parses `+7 912 345-67-89`, `8 (912) 345 67 89`, `79123456789` or the ten national digits.
    pub fn parse(input: &str) -> Result<PhoneNumber, PhoneError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, rest) = match text.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut digits = Vec::with_capacity(11);
        for ch in rest.chars() {
            match ch {
                '0'..='9' => digits.push(ch as u8 - b'0'),
                ' ' | '\u{a0}' | '-' | '‐' | '–' | '(' | ')' | '.' => {}
                _ => return Err(PhoneError::BadCharacter),
            }
        }
        if digits.is_empty() {
            return Err(PhoneError::BadCharacter);
        }
        let national: &[u8] = match (plus, digits.len(), digits[0]) {
            (true, 11, 7) => &digits[1..],
            (true, _, 7) => return Err(PhoneError::WrongLength(digits.len())),
            (true, _, _) => return Err(PhoneError::NotRussian),
            (false, 11, 7 | 8) => &digits[1..],
            (false, 11, _) => return Err(PhoneError::NotRussian),
            (false, 10, _) => &digits[..],
            (false, n, _) => return Err(PhoneError::WrongLength(n)),
        };
        if national[0] != 9 {
            return Err(PhoneError::NotMobile);
        }
        let mut out = [0u8; 10];
        out.copy_from_slice(national);
        Ok(PhoneNumber(out))
    }

    /// The international form without spaces: `+79123456789`.
    pub fn e164(&self) -> String {
        let mut out = String::from("+7");
        out.extend(self.0.iter().map(|d| char::from(b'0' + d)));
        out
    }

    /// The form Russians write and read: `+7 912 345-67-89`.
    pub fn pretty(&self) -> String {
        let d: String = self.0.iter().map(|d| char::from(b'0' + d)).collect();
        format!("+7 {} {}-{}-{}", &d[0..3], &d[3..6], &d[6..8], &d[8..10])
    }

    /// The last four digits, for masked display (`•• 67-89`).
    pub fn last_four(&self) -> String {
        let d: String = self.0[6..].iter().map(|d| char::from(b'0' + d)).collect();
        format!("{}-{}", &d[0..2], &d[2..4])
    }

    /// The ten national digits.
    pub fn digits(&self) -> [u8; 10] {
        self.0
    }
}

impl std::str::FromStr for PhoneNumber {
    type Err = PhoneError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PhoneNumber::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_the_usual_ways_of_writing_a_number() {
        for text in [
            "+7 912 345-67-89",
            "+79123456789",
            "89123456789",
            "8 (912) 345-67-89",
            "79123456789",
            "9123456789",
            " 8-912-345-67-89 ",
            "+7 (912) 345 67 89",
        ] {
            let phone = PhoneNumber::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(phone.e164(), "+79123456789");
            assert_eq!(phone.pretty(), "+7 912 345-67-89");
            assert_eq!(phone.last_four(), "67-89");
        }
    }

    #[test]
    fn says_why_a_number_is_wrong() {
        let cases = [
            ("", PhoneError::Empty),
            ("  ", PhoneError::Empty),
            ("+", PhoneError::BadCharacter),
            ("8912abc4567", PhoneError::BadCharacter),
            ("+7 912 345 67", PhoneError::WrongLength(9)),
            ("8912345678", PhoneError::NotMobile), // ten digits starting with 8: a landline code
            ("891234567", PhoneError::WrongLength(9)),
            ("891234567890", PhoneError::WrongLength(12)),
            ("+1 212 555 0100", PhoneError::NotRussian),
            ("59123456789", PhoneError::NotRussian),
            ("+7 495 123-45-67", PhoneError::NotMobile),
            ("84951234567", PhoneError::NotMobile),
        ];
        for (text, error) in cases {
            assert_eq!(PhoneNumber::parse(text), Err(error), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in ".{0,30}") {
            let _ = PhoneNumber::parse(&text);
        }

        #[test]
        fn every_written_form_of_a_mobile_number_is_the_same_number(
            // Real mobile codes (9xx) with the common ones weighted in, and any subscriber
            // number.
            code in prop_oneof![
                3 => proptest::sample::select(vec!["912", "916", "926", "903", "905", "915", "977", "999"])
                    .prop_map(String::from),
                1 => "9[0-9]{2}",
            ],
            subscriber in "[0-9]{7}",
            prefix in proptest::sample::select(vec!["+7", "8", "7", "+7 ", "8 ", ""]),
            brackets in any::<bool>(),
            separator in proptest::sample::select(vec!["", " ", "-"]),
            split in proptest::sample::select(vec![[3usize, 5], [3, 7], [7, 7]]),
            padding in proptest::sample::select(vec!["", " ", "  "]),
        ) {
            let national = format!("{code}{subscriber}");
            let code_part = if brackets && !prefix.is_empty() {
                format!("({code}) ")
            } else {
                format!("{code}{separator}")
            };
            // The subscriber number in up to three groups: 345-67-89, 345 6789 or 3456789.
            let [a, b] = split;
            let mut rest = subscriber[..a].to_string();
            for (from, to) in [(a, b), (b, 7)] {
                if from < to {
                    rest.push_str(separator);
                    rest.push_str(&subscriber[from..to]);
                }
            }
            let text = format!("{padding}{prefix}{code_part}{rest}{padding}");
            let phone = PhoneNumber::parse(&text)
                .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            prop_assert_eq!(phone.e164(), format!("+7{national}"));
            prop_assert_eq!(PhoneNumber::parse(&phone.pretty()), Ok(phone));
        }
    }
}
