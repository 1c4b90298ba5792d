//! Amounts from the pieces of a phrase: «пятьсот», «тысяча двести пятьдесят рублей», «сто
//! рублей пятьдесят копеек», «пятьдесят копеек», «полтора рубля», «две сотни», «пятихатка»,
//! "one hundred roubles and fifty kopecks". Two numbers in a row that people use for roubles
//! and kopecks as often as for hundreds — «двенадцать пятьдесят», "twelve fifty" — are both
//! readings, for the screen to ask about; anything else that is not one amount is refused.

use super::pieces::Piece;
use crate::money::{MAX_RUBLE_DIGITS, Money};
use crate::voice::meaning::Rejection;

/// An amount as said: one, or two readings to choose from (the smaller first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    One(Money),
    Either(Money, Money),
}

impl Said {
    pub fn readings(self) -> Vec<Money> {
        match self {
            Said::One(m) => vec![m],
            Said::Either(a, b) => vec![a, b],
        }
    }
}

/// The largest amount in kopecks, plus one: what no amount field takes.
fn limit() -> i64 {
    10_i64.pow(MAX_RUBLE_DIGITS as u32) * 100
}

/// Reads the amount the number and currency pieces say; `None` when they say none.
pub fn amount(parts: &[&Piece]) -> Result<Option<Said>, Rejection> {
    use super::lexicon::Concept::{Major, Minor};
    use Piece::{Amount, Concept as C, Decimal, Number as N};
    // «полтора рубля»: a half of a rouble is fifty kopecks.
    if let [N(r), C(Major)] = parts
        && r.half
    {
        return check(Said::One(kopecks(rubles(r.value)? + 50)));
    }
    // A currency word at the end adds nothing to the number before it.
    let parts = match parts {
        [rest @ .., C(Major)] if !rest.is_empty() && !matches!(rest.last(), Some(C(_))) => rest,
        other => other,
    };
    let said = match parts {
        [] => return Ok(None),
        [Decimal(m)] => Said::One(*m),
        [N(r)] if !r.half => Said::One(kopecks(rubles(r.value)?)),
        [N(r), C(Major), N(k)] | [N(r), C(Major), N(k), C(Minor)]
            if k.value < 100 && !r.half && !k.half =>
        {
            Said::One(kopecks(rubles(r.value)? + k.value as i64))
        }
        [N(k), C(Minor)] if k.value < 100 && !k.half => Said::One(kopecks(k.value as i64)),
        [Amount(v)] => Said::One(kopecks(*v)),
        // «две сотни», «полторы сотни», «три косаря».
        [N(n), Amount(v)] if n.value <= 999 => {
            let half = if n.half { v / 2 } else { 0 };
            let value = (n.value as i64)
                .checked_mul(*v)
                .and_then(|x| x.checked_add(half))
                .ok_or(Rejection::AmountTooBig)?;
            Said::One(kopecks(value))
        }
        // «двенадцать пятьдесят», "twelve fifty": 12,50 ₽ or 1 250 ₽.
        [N(a), N(b)] if a.small && b.two_digit && !a.half && !b.half => {
            let whole = a.value * 100 + b.value;
            Said::Either(kopecks(whole as i64), kopecks(rubles(whole)?))
        }
        _ => return Err(Rejection::BadAmount),
    };
    check(said)
}

/// The amount, unless a reading is zero or more than any field takes.
fn check(said: Said) -> Result<Option<Said>, Rejection> {
    for reading in said.readings() {
        if reading.kopecks() <= 0 {
            return Err(Rejection::AmountZero);
        }
        if reading.kopecks() >= limit() {
            return Err(Rejection::AmountTooBig);
        }
    }
    Ok(Some(said))
}

fn kopecks(value: i64) -> Money {
    Money::from_kopecks(value)
}

/// Whole roubles as kopecks, refusing what no amount field would take.
fn rubles(value: u64) -> Result<i64, Rejection> {
    i64::try_from(value)
        .ok()
        .and_then(|v| v.checked_mul(100))
        .filter(|k| *k < limit())
        .ok_or(Rejection::AmountTooBig)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voice::VoiceLang;
    use crate::voice::context::{Context, Expect};
    use crate::voice::pieces::scan;
    use crate::voice::text::tokens;

    fn read(text: &str, lang: VoiceLang) -> Result<Option<Said>, Rejection> {
        let context = Context {
            lang,
            screen: "amount-entry",
            expect: Expect::Amount,
            choices: Vec::new(),
            payees: Vec::new(),
            bills: Vec::new(),
        };
        let pieces = scan(&tokens(text), &context);
        let parts: Vec<&Piece> = pieces.iter().filter(|p| p.is_amount()).collect();
        amount(&parts)
    }

    fn one(rubles: i64, kopecks: i64) -> Result<Option<Said>, Rejection> {
        Ok(Some(Said::One(Money::from_kopecks(rubles * 100 + kopecks))))
    }

    #[test]
    fn colloquial_amounts() {
        let ru = VoiceLang::Ru;
        assert_eq!(read("полтора рубля", ru), one(1, 50));
        assert_eq!(read("две с половиной тысячи", ru), one(2500, 0));
        assert_eq!(read("две тысячи с половиной рублей", ru), one(2500, 0));
        assert_eq!(read("полтинник", ru), one(50, 0));
        assert_eq!(read("пятихатку", ru), one(500, 0));
        assert_eq!(read("косарь", ru), one(1000, 0));
        assert_eq!(read("два косаря", ru), one(2000, 0));
        assert_eq!(read("три сотни рублей", ru), one(300, 0));
        assert_eq!(read("полторы сотни", ru), one(150, 0));
        assert_eq!(read("полсотни", ru), one(50, 0));
        assert_eq!(read("полтора", ru), Err(Rejection::BadAmount));
        let en = VoiceLang::En;
        assert_eq!(read("two and a half thousand", en), one(2500, 0));
        assert_eq!(read("one and a half thousand roubles", en), one(1500, 0));
        assert_eq!(read("one and a half roubles", en), one(1, 50));
    }

    #[test]
    fn two_readings_are_both_kept() {
        let either = |a: i64, b: i64| {
            Ok(Some(Said::Either(
                Money::from_kopecks(a),
                Money::from_kopecks(b),
            )))
        };
        assert_eq!(
            read("двенадцать пятьдесят", VoiceLang::Ru),
            either(1250, 125_000)
        );
        assert_eq!(read("пять пятьдесят", VoiceLang::Ru), either(550, 55_000));
        assert_eq!(read("twelve fifty", VoiceLang::En), either(1250, 125_000));
        assert_eq!(
            read("one fifty roubles", VoiceLang::En),
            either(150, 15_000)
        );
        // Not a price said in two halves: refused.
        assert_eq!(
            read("двенадцать пять", VoiceLang::Ru),
            Err(Rejection::BadAmount)
        );
        assert_eq!(read("сто пятьдесят", VoiceLang::Ru), one(150, 0));
        assert_eq!(
            read("пятьдесят пятьсот", VoiceLang::Ru),
            Err(Rejection::BadAmount)
        );
    }
}
