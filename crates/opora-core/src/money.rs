//! Money as an integer number of kopecks, and the parser for amounts a person types or says.
//!
//! There are no floats anywhere near money in Opora. An amount is a signed count of kopecks
//! (1 ₽ = 100 kopecks), so that history can hold debits; the operations of the bank only ever
//! accept positive amounts. Formatting for people («25 430,50 ₽») lives in `i18n`, because it
//! depends on the language.

use serde::{Deserialize, Serialize};
use thiserror::Error;

mod separators;

/// The largest number of rouble digits a person may type: 999 999 999 ₽.
pub const MAX_RUBLE_DIGITS: usize = 9;

/// An amount of money in kopecks.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_kopecks(kopecks: i64) -> Money {
        Money(kopecks)
    }

    /// Whole roubles. Saturates instead of overflowing (no real amount comes near `i64::MAX`).
    pub const fn from_rubles(rubles: i64) -> Money {
        Money(rubles.saturating_mul(100))
    }

    pub const fn kopecks(self) -> i64 {
        self.0
    }

    /// The whole-rouble part of the absolute value.
    pub const fn rubles_part(self) -> i64 {
        (self.0 / 100).abs()
    }

    /// The kopeck part (0–99) of the absolute value.
    pub const fn kopecks_part(self) -> i64 {
        (self.0 % 100).abs()
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub const fn abs(self) -> Money {
        Money(self.0.saturating_abs())
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    /// A share of this amount in basis points (1 bp = 0.01 %), rounded half up to the kopeck,
    /// as banks round fees. `percent_bp(50)` is 0.5 %.
    pub fn percent_bp(self, basis_points: u32) -> Money {
        let product = i128::from(self.0) * i128::from(basis_points);
        let rounded = (product + 5_000).div_euclid(10_000);
        Money(i64::try_from(rounded).unwrap_or(i64::MAX))
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other { self } else { other }
    }

    pub fn max(self, other: Money) -> Money {
        if self >= other { self } else { other }
    }
}

impl std::ops::Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).fold(0i64, i64::saturating_add))
    }
}

/// Why a typed amount is not an amount. Each maps to a sentence in `locales/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum AmountError {
    #[error("no amount was entered")]
    Empty,
    #[error("the amount is negative")]
    Negative,
    #[error("the amount is zero")]
    Zero,
    #[error("the amount contains something other than digits")]
    NotANumber,
    #[error("the amount has more than {MAX_RUBLE_DIGITS} rouble digits")]
    TooManyDigits,
    #[error("the amount has more than two digits of kopecks")]
    TooManyDecimals,
}

impl AmountError {
    /// A stable code for the journal (never the typed text).
    pub fn code(self) -> &'static str {
        match self {
            AmountError::Empty => "empty",
            AmountError::Negative => "negative",
            AmountError::Zero => "zero",
            AmountError::NotANumber => "not-a-number",
            AmountError::TooManyDigits => "too-many-digits",
            AmountError::TooManyDecimals => "too-many-decimals",
        }
    }
}

/// Parses an amount as a person types it: `300`, `300,50`, `300.5`, `25 430,50`, `1 000 ₽`,
/// `1,000`, `₽25,430.50`, «1.000,50».
///
/// Spaces (also no-break spaces) may group digits, and so may commas or points in groups of three
/// ([`separators`]); a comma or a point followed by one or two digits separates kopecks; a rouble
/// sign before or after, or «руб»/«р» after, is allowed. A leading minus is reported as
/// `Negative` so the person hears what is wrong rather than "not a number".
pub fn parse_amount(input: &str) -> Result<Money, AmountError> {
    let mut text = input.trim();
    if let Some(stripped) = text.strip_prefix('₽') {
        text = stripped.trim_start();
    }
    for suffix in ["₽", "руб.", "руб", "р.", "р", "rub", "RUB"] {
        if let Some(stripped) = text.strip_suffix(suffix) {
            text = stripped.trim_end();
            break;
        }
    }
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    let (negative, body) = match text.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };

    let (rubles, kopecks) = separators::split(body)?;
    if rubles.is_empty() && kopecks.is_empty() {
        return Err(AmountError::NotANumber);
    }
    let significant = rubles.trim_start_matches('0');
    if significant.len() > MAX_RUBLE_DIGITS {
        return Err(AmountError::TooManyDigits);
    }
    if kopecks.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    let whole: i64 = if significant.is_empty() {
        0
    } else {
        significant
            .parse()
            .map_err(|_| AmountError::TooManyDigits)?
    };
    let fraction: i64 = match kopecks.len() {
        0 => 0,
        1 => {
            kopecks
                .parse::<i64>()
                .map_err(|_| AmountError::NotANumber)?
                * 10
        }
        _ => kopecks.parse().map_err(|_| AmountError::NotANumber)?,
    };
    let total = whole * 100 + fraction;
    if negative && total != 0 {
        return Err(AmountError::Negative);
    }
    if total == 0 {
        return Err(AmountError::Zero);
    }
    Ok(Money(total))
}

/// Amounts as clients say them, for the property tests (shared with the integration tests).
#[cfg(test)]
#[path = "../../../tests/common/amounts.rs"]
#[allow(dead_code)]
mod said_amounts;

#[cfg(test)]
mod tests {
    use super::said_amounts::{log_uniform_rubles, said_kopecks};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_the_ways_people_type_amounts() {
        let cases = [
            ("300", 30_000),
            ("300,50", 30_050),
            ("300.5", 30_050),
            ("0,01", 1),
            (",5", 50),
            ("25 430,50", 2_543_050),
            ("25\u{a0}430,50 ₽", 2_543_050),
            ("1 000 руб", 100_000),
            ("  7 ", 700),
            ("007", 700),
            ("999999999,99", 99_999_999_999),
            ("100р", 10_000),
            // Thousands marks, as English screens and Russian hands write them.
            ("1,000", 100_000),
            ("1,234", 123_400),
            ("₽25,430.50", 2_543_050),
            ("₽ 1,000", 100_000),
            ("1,000,000", 100_000_000),
            ("1.000", 100_000),
            ("1.000,50", 100_050),
            ("1 000,5", 100_050),
            ("12.500 ₽", 1_250_000),
            ("1,5", 150),
            ("300.", 30_000),
        ];
        for (text, kopecks) in cases {
            assert_eq!(parse_amount(text), Ok(Money(kopecks)), "{text:?}");
        }
    }

    #[test]
    fn explains_what_is_wrong() {
        let cases = [
            ("", AmountError::Empty),
            ("   ", AmountError::Empty),
            ("₽", AmountError::Empty),
            ("-300", AmountError::Negative),
            ("− 5", AmountError::Negative),
            ("0", AmountError::Zero),
            ("0,00", AmountError::Zero),
            ("-0", AmountError::Zero),
            ("триста", AmountError::NotANumber),
            ("12a", AmountError::NotANumber),
            ("1,2,3", AmountError::NotANumber),
            ("1,5 0", AmountError::NotANumber),
            ("1,000,50", AmountError::NotANumber),
            ("1,000.000,5", AmountError::NotANumber),
            ("12,34,567", AmountError::NotANumber),
            (",", AmountError::NotANumber),
            ("1e5", AmountError::NotANumber),
            ("1000000000", AmountError::TooManyDigits),
            ("99999999999999999999999", AmountError::TooManyDigits),
            ("1,2345", AmountError::TooManyDecimals),
            ("0,125", AmountError::TooManyDecimals),
            (",500", AmountError::TooManyDecimals),
            ("1000,000", AmountError::TooManyDecimals),
        ];
        for (text, error) in cases {
            assert_eq!(parse_amount(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn fees_round_half_up_to_the_kopeck() {
        assert_eq!(Money(100_000).percent_bp(50), Money(500));
        assert_eq!(Money(101).percent_bp(50), Money(1)); // 0.505 → 1
        assert_eq!(Money(99).percent_bp(50), Money(0)); // 0.495 → 0
        assert_eq!(Money(100).percent_bp(50), Money(1)); // 0.5 → 1
        assert_eq!(Money(i64::MAX).percent_bp(10_000), Money(i64::MAX));
    }

    #[test]
    fn parts_of_an_amount() {
        let m = Money(-2_543_050);
        assert_eq!((m.rubles_part(), m.kopecks_part()), (25_430, 50));
        assert!(m.is_negative());
        assert_eq!(-m, Money(2_543_050));
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in ".{0,40}") {
            let _ = parse_amount(&text);
        }

        #[test]
        fn formatted_amounts_parse_back(kopecks in said_kopecks(9), comma in any::<bool>(), group in any::<bool>()) {
            let rubles = kopecks / 100;
            let digits = rubles.to_string();
            let grouped = if group {
                let mut out = String::new();
                for (i, ch) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        out.push('\u{a0}');
                    }
                    out.push(ch);
                }
                out
            } else {
                digits
            };
            let text = format!("{grouped}{}{:02}", if comma { ',' } else { '.' }, kopecks % 100);
            prop_assert_eq!(parse_amount(&text), Ok(Money(kopecks)));
        }

        /// Amounts as people write them: thousands grouped by a space, a no-break space, a
        /// comma or a point (or not at all), kopecks after a comma or a point — or left out
        /// when there are none — and a rouble sign before or after.
        #[test]
        fn written_amounts_parse_back(
            kopecks in said_kopecks(9),
            (group, decimal) in proptest::sample::select(vec![
                ("", ','), (" ", ','), ("\u{a0}", ','), (".", ','),
                ("", '.'), (",", '.'), (" ", '.'),
            ]),
            drop_zero_kopecks in any::<bool>(),
            sign in proptest::sample::select(vec!["", "₽", " ₽", "₽ ", " руб"]),
        ) {
            let digits = (kopecks / 100).to_string();
            let mut rubles = String::new();
            for (i, ch) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    rubles.push_str(group);
                }
                rubles.push(ch);
            }
            let cents = kopecks % 100;
            let number = if cents == 0 && drop_zero_kopecks {
                rubles
            } else {
                format!("{rubles}{decimal}{cents:02}")
            };
            let text = if sign.starts_with('₽') {
                format!("{sign}{number}")
            } else {
                format!("{number}{sign}")
            };
            prop_assert_eq!(parse_amount(&text), Ok(Money(kopecks)), "{:?}", text);
        }

        #[test]
        fn parsed_amounts_are_positive(text in "[-0-9 ,.]{0,16}") {
            if let Ok(money) = parse_amount(&text) {
                prop_assert!(money.is_positive());
            }
        }

        #[test]
        fn fee_is_never_more_than_the_rate(
            kopecks in prop_oneof![
                8 => said_kopecks(9),
                1 => Just(0i64),
                1 => log_uniform_rubles(16).prop_map(|r| r * 100),
            ],
            bp in prop_oneof![
                4 => proptest::sample::select(vec![0u32, 10, 50, 100, 150, 300, 10_000]),
                1 => 0u32..=10_000,
            ],
        ) {
            let fee = Money(kopecks).percent_bp(bp);
            prop_assert!(fee.kopecks() >= 0);
            prop_assert!(i128::from(fee.kopecks()) * 10_000 <= i128::from(kopecks) * i128::from(bp) + 5_000);
        }
    }
}
