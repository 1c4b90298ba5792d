//! The demo client («Мария Ивановна»), read from `assets/demo.toml`, which is embedded in the
//! binary. The store writes it into the database on first start and on reset.
//!
//! A broken file is a `StoreError::BadDemoData` with the reason (and, for TOML syntax, the line),
//! never a panic: the file is data a bank's trainers may edit.

use std::collections::HashSet;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Deserialize;

use super::snapshot::{AccountKind, BillKind, HistoryKind, Limits, Localized, Relation};
use crate::money::Money;
use crate::phone::PhoneNumber;
use crate::store_error::StoreError;

/// The embedded demo data file.
pub const DEMO_TOML: &str = include_str!("../../../../assets/demo.toml");

/// The demo client as written in the TOML file, checked.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    pub hotline: String,
    /// Seed of the confirmation-code sequence.
    pub code_seed: u64,
    pub client: DemoClient,
    pub card: DemoAccount,
    pub savings: DemoAccount,
    pub limits: Limits,
    pub payees: Vec<DemoPayee>,
    pub bills: Vec<DemoBill>,
    pub directory: Vec<DemoDirectoryEntry>,
    pub history: Vec<DemoHistory>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoClient {
    pub name: Localized,
    pub own_phone: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAccount {
    pub name: Localized,
    pub last_four: String,
    pub balance: Money,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPayee {
    pub key: String,
    pub name: Localized,
    pub relation: Relation,
    pub phone: String,
    pub saved: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoBill {
    pub key: String,
    pub provider: Localized,
    pub kind: BillKind,
    pub account_number: String,
    pub due: Money,
    pub paid: bool,
    pub fee_bp: u32,
    pub fee_max: Money,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoDirectoryEntry {
    pub phone: String,
    pub name: Localized,
    /// Absent for a client of this bank.
    #[serde(default)]
    pub bank: Option<Localized>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoHistory {
    pub kind: HistoryKind,
    pub counterparty: Localized,
    pub amount: Money,
    pub account: AccountKind,
    #[serde(default)]
    pub days_ago: Option<u32>,
    #[serde(default)]
    pub day_of_month: Option<u32>,
    #[serde(default)]
    pub months_back: Option<u32>,
    /// A transfer by phone number to another bank (counts towards the monthly free amount).
    #[serde(default)]
    pub phone_transfer: bool,
}

impl DemoData {
    /// The embedded demo client.
    pub fn embedded() -> Result<DemoData, StoreError> {
        DemoData::parse(DEMO_TOML)
    }

    /// Parses and checks demo data.
    pub fn parse(text: &str) -> Result<DemoData, StoreError> {
        let data: DemoData = toml::from_str(text)
            .map_err(|e| StoreError::BadDemoData(format!("assets/demo.toml: {e}")))?;
        data.check().map_err(StoreError::BadDemoData)?;
        Ok(data)
    }

    fn check(&self) -> Result<(), String> {
        phone(&self.client.own_phone)?;
        for (what, account) in [("card", &self.card), ("savings", &self.savings)] {
            if account.last_four.len() != 4
                || !account.last_four.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(format!("{what}: last_four must be four digits"));
            }
            if account.balance.is_negative() {
                return Err(format!("{what}: the balance is negative"));
            }
        }
        let l = &self.limits;
        let amounts = [
            l.transfer_max,
            l.top_up_min,
            l.top_up_max,
            l.bill_max,
            l.phone_free_per_month,
        ];
        if amounts.iter().any(|m| !m.is_positive())
            || l.phone_fee_max.is_negative()
            || l.top_up_min > l.top_up_max
        {
            return Err("limits: amounts must be positive and top_up_min ≤ top_up_max".into());
        }
        let mut keys = HashSet::new();
        for payee in &self.payees {
            phone(&payee.phone).map_err(|e| format!("payee {:?}: {e}", payee.key))?;
            if !keys.insert(payee.key.as_str()) {
                return Err(format!("payee {:?} is listed twice", payee.key));
            }
        }
        let mut keys = HashSet::new();
        for bill in &self.bills {
            if !keys.insert(bill.key.as_str()) {
                return Err(format!("bill {:?} is listed twice", bill.key));
            }
            if bill.due.is_negative() || bill.fee_max.is_negative() || bill.fee_bp > 10_000 {
                return Err(format!(
                    "bill {:?}: due, fee_bp or fee_max out of range",
                    bill.key
                ));
            }
        }
        let mut phones = HashSet::new();
        for entry in &self.directory {
            if !phones.insert(phone(&entry.phone)?) {
                return Err(format!("directory: {} is listed twice", entry.phone));
            }
        }
        for payee in &self.payees {
            if !phones.contains(&phone(&payee.phone)?) {
                return Err(format!(
                    "payee {:?}: the phone is not in the directory",
                    payee.key
                ));
            }
        }
        for (i, entry) in self.history.iter().enumerate() {
            entry
                .check()
                .map_err(|e| format!("history entry {}: {e}", i + 1))?;
        }
        Ok(())
    }

    pub fn own_phone(&self) -> Result<PhoneNumber, StoreError> {
        phone(&self.client.own_phone).map_err(StoreError::BadDemoData)
    }
}

impl DemoHistory {
    fn check(&self) -> Result<(), String> {
        match (self.days_ago, self.day_of_month, self.months_back) {
            (Some(_), None, None) => {}
            (None, Some(1..=31), _) => {}
            (None, Some(_), _) => return Err("day_of_month must be 1 to 31".into()),
            _ => return Err("give either days_ago, or day_of_month (with months_back)".into()),
        }
        let incoming = match self.kind {
            HistoryKind::Pension | HistoryKind::TransferIn | HistoryKind::Interest => Some(true),
            HistoryKind::OwnTransfer => None,
            _ => Some(false),
        };
        match incoming {
            _ if self.amount == Money::ZERO => Err("the amount is zero".into()),
            Some(true) if self.amount.is_negative() => Err("money in must be positive".into()),
            Some(false) if self.amount.is_positive() => Err("money out must be negative".into()),
            _ if self.phone_transfer && self.kind != HistoryKind::TransferOut => {
                Err("only a transfer_out can be a phone_transfer".into())
            }
            _ => Ok(()),
        }
    }

    /// The entry's date when the sandbox is set up on `today`.
    pub fn date(&self, today: NaiveDate) -> Result<NaiveDate, StoreError> {
        let date = match (self.days_ago, self.day_of_month) {
            (Some(days), _) => today.checked_sub_days(Days::new(u64::from(days))),
            (None, Some(day)) => monthly_date(today, day, self.months_back.unwrap_or(0)),
            (None, None) => None,
        };
        date.ok_or_else(|| StoreError::BadDemoData("a history date is out of range".into()))
    }
}

/// The latest day `day` of a month on or before `today`, then `months_back` months earlier; a
/// day past the end of a month means that month's last day.
pub fn monthly_date(today: NaiveDate, day: u32, months_back: u32) -> Option<NaiveDate> {
    let this_month = day_in_month(today.year(), today.month(), day)?;
    let back = if this_month <= today {
        months_back
    } else {
        months_back.checked_add(1)?
    };
    let first = today.with_day(1)?.checked_sub_months(Months::new(back))?;
    day_in_month(first.year(), first.month(), day)
}

fn day_in_month(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    (1..=day.min(31))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
}

fn phone(text: &str) -> Result<PhoneNumber, String> {
    PhoneNumber::parse(text).map_err(|e| format!("{text:?} is not a phone number: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_embedded_demo_parses_and_is_rich_enough() {
        let demo = DemoData::embedded().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(demo.client.name.ru, "Мария Ивановна");
        assert_eq!(demo.card.last_four, "4321");
        assert!(demo.payees.len() >= 3);
        assert!(demo.bills.len() >= 3);
        assert!(demo.history.len() >= 15);
        assert!(demo.directory.len() > demo.payees.len());
        for relation in [Relation::Daughter, Relation::Grandson, Relation::Neighbour] {
            assert!(demo.payees.iter().any(|p| p.relation == relation));
        }
        for kind in [
            BillKind::Electricity,
            BillKind::Water,
            BillKind::MobilePhone,
        ] {
            assert!(demo.bills.iter().any(|b| b.kind == kind));
        }
        let today = date(2025, 3, 1);
        for entry in &demo.history {
            assert!(entry.date(today).unwrap() <= today);
        }
    }

    #[test]
    fn broken_demo_data_is_an_error_with_a_reason() {
        let cases = [
            ("hotline = ", "line 1"),
            (
                &DEMO_TOML.replace("relation = \"grandson\"", "relation = \"uncle\""),
                "uncle",
            ),
            (
                &DEMO_TOML.replace("+7 916 234-56-78", "+7 916 234"),
                "phone",
            ),
            (
                &DEMO_TOML.replace("days_ago = 1\n", "days_ago = 1\nday_of_month = 3\n"),
                "either",
            ),
            (
                &DEMO_TOML.replace("amount = 500_000", "amount = -500_000"),
                "positive",
            ),
            (
                &DEMO_TOML.replace("balance = 2_543_050", "balance = 25430.50"),
                "balance",
            ),
            (
                &DEMO_TOML.replace("key = \"water\"", "key = \"electricity\""),
                "twice",
            ),
            (&format!("{DEMO_TOML}\nsurprise = 1\n"), "surprise"),
        ];
        for (text, needle) in cases {
            match DemoData::parse(text) {
                Err(StoreError::BadDemoData(reason)) => {
                    assert!(reason.contains(needle), "{needle:?} not in {reason:?}")
                }
                other => panic!("expected BadDemoData containing {needle:?}, got {other:?}"),
            }
        }
    }

    #[test]
    fn monthly_dates_fall_on_the_same_day() {
        // The pension on the 4th: today is the 4th, the 10th, or the 3rd.
        assert_eq!(monthly_date(date(2025, 3, 4), 4, 0), Some(date(2025, 3, 4)));
        assert_eq!(
            monthly_date(date(2025, 3, 10), 4, 1),
            Some(date(2025, 2, 4))
        );
        assert_eq!(monthly_date(date(2025, 3, 3), 4, 0), Some(date(2025, 2, 4)));
        assert_eq!(
            monthly_date(date(2025, 1, 3), 4, 0),
            Some(date(2024, 12, 4))
        );
        assert_eq!(
            monthly_date(date(2025, 1, 3), 4, 1),
            Some(date(2024, 11, 4))
        );
        // The last day of a month.
        assert_eq!(
            monthly_date(date(2025, 3, 15), 31, 0),
            Some(date(2025, 2, 28))
        );
        assert_eq!(
            monthly_date(date(2024, 3, 31), 31, 1),
            Some(date(2024, 2, 29))
        );
        assert_eq!(
            monthly_date(date(2025, 5, 1), 31, 0),
            Some(date(2025, 4, 30))
        );
    }
}
