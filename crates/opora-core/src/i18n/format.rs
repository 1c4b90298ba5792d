//! Locale-aware numbers and dates through ICU4X (CLDR data compiled in): Russian groups digits
//! with a no-break space and uses a decimal comma, English a comma and a point.

use super::Lang;
use crate::money::Money;
use icu::datetime::DateTimeFormatter;
use icu::datetime::fieldsets::MD;
use icu::datetime::input::Date;
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use icu::locale::{Locale, locale};

pub(super) struct Numbers {
    decimal: Option<DecimalFormatter>,
    day_month: Option<DateTimeFormatter<MD>>,
}

impl Numbers {
    pub(super) fn new(lang: Lang) -> Numbers {
        let loc: Locale = match lang {
            Lang::Ru => locale!("ru"),
            Lang::En => locale!("en"),
        };
        Numbers {
            decimal: DecimalFormatter::try_new(loc.clone().into(), Default::default()).ok(),
            day_month: DateTimeFormatter::try_new(loc.into(), MD::long()).ok(),
        }
    }

    /// The number part of an amount: `25 430,50`, or `300` when there are no kopecks.
    pub(super) fn amount(&self, amount: Money) -> String {
        let mut decimal = Decimal::from(amount.kopecks());
        decimal.multiply_pow10(-2);
        if amount.kopecks_part() == 0 {
            decimal = Decimal::from(amount.kopecks() / 100);
        }
        match &self.decimal {
            Some(f) => f.format(&decimal).to_string(),
            None => decimal.to_string(),
        }
    }

    pub(super) fn integer(&self, n: i64) -> String {
        let decimal = Decimal::from(n);
        match &self.decimal {
            Some(f) => f.format(&decimal).to_string(),
            None => n.to_string(),
        }
    }

    pub(super) fn day_month(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let iso = u8::try_from(date.month())
            .ok()
            .zip(u8::try_from(date.day()).ok())
            .and_then(|(m, d)| Date::try_new_iso(date.year(), m, d).ok());
        match (&self.day_month, iso) {
            (Some(f), Some(d)) => f.format(&d).to_string(),
            _ => date.format("%d.%m").to_string(),
        }
    }
}
