//! Plain data the rest of Opora sees of the sandbox bank: one `Snapshot` of the demo client.
//!
//! Only proper names and demo-specific texts are `Localized` (a client's name, a shop, a
//! provider). Words that are the same for every client — relation names, kinds of bills,
//! accounts and history entries — are enums here and are translated by the UI from `locales/`.
//! Each enum has a stable lowercase `code()`, used in the demo TOML and in the database.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::money::Money;
use crate::phone::PhoneNumber;

/// A text given in every language Opora speaks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub ru: String,
    pub en: String,
}

impl Localized {
    pub fn new(ru: impl Into<String>, en: impl Into<String>) -> Localized {
        Localized {
            ru: ru.into(),
            en: en.into(),
        }
    }

    /// A text written the same way in every language (a phone number).
    pub fn same(text: impl Into<String>) -> Localized {
        let text = text.into();
        Localized {
            ru: text.clone(),
            en: text,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

/// Declares a fieldless enum with a stable text code for TOML and SQL, from one list.
macro_rules! coded_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(into = "&'static str", try_from = "String")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code used in the demo TOML and in the database.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl From<$name> for &'static str {
            fn from(value: $name) -> &'static str {
                value.code()
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(code: String) -> Result<$name, String> {
                $name::from_code(&code).ok_or_else(|| {
                    let known: Vec<&str> = $name::ALL.iter().map(|v| v.code()).collect();
                    format!("unknown {} {code:?} (known: {})", stringify!($name), known.join(", "))
                })
            }
        }
    };
}

coded_enum! {
    /// The demo client's two accounts.
    pub enum AccountKind {
        /// The pension card (МИР); every payment goes from it.
        Card = "card",
        Savings = "savings",
    }
}

coded_enum! {
    /// Who a saved payee is to the client.
    pub enum Relation {
        Daughter = "daughter",
        Son = "son",
        Granddaughter = "granddaughter",
        Grandson = "grandson",
        Neighbour = "neighbour",
        Friend = "friend",
        Other = "other",
    }
}

coded_enum! {
    /// What a bill is for.
    pub enum BillKind {
        Electricity = "electricity",
        Water = "water",
        Gas = "gas",
        Heating = "heating",
        MobilePhone = "mobile_phone",
        Internet = "internet",
    }
}

coded_enum! {
    /// What a line of history is.
    pub enum HistoryKind {
        Pension = "pension",
        Purchase = "purchase",
        TransferOut = "transfer_out",
        TransferIn = "transfer_in",
        Bill = "bill",
        TopUp = "top_up",
        OwnTransfer = "own_transfer",
        Interest = "interest",
        CashWithdrawal = "cash_withdrawal",
        /// A bank fee, written as its own line right after the operation it belongs to.
        Fee = "fee",
    }
}

/// One of the client's accounts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub kind: AccountKind,
    /// The bank's product name («Пенсионная карта МИР»).
    pub name: Localized,
    /// The last four digits of the card or account number, e.g. `4321`.
    pub last_four: String,
    pub balance: Money,
}

/// A person the client sends money to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payee {
    /// Stable key, e.g. `daughter`; what `Recipient::Payee` names.
    pub key: String,
    pub name: Localized,
    pub relation: Relation,
    pub phone: PhoneNumber,
    /// In the client's saved list (a «шаблон»). A payee that is not saved is a new one, which is
    /// one of the triggers for a fraud warning.
    pub saved: bool,
}

/// A bill the client can pay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    /// Stable key, e.g. `electricity`; what `Operation::PayBill` names.
    pub key: String,
    pub provider: Localized,
    pub kind: BillKind,
    /// The client's account number with the provider (лицевой счёт), or the phone number.
    pub account_number: String,
    /// The amount due this month; the UI pre-fills it.
    pub due: Money,
    pub paid: bool,
    /// The bank's fee for paying this provider, in basis points (100 = 1 %)…
    pub fee_bp: u32,
    /// …and at most this much per payment.
    pub fee_max: Money,
}

/// A person reachable by a transfer by phone number: what the bank's lookup shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub phone: PhoneNumber,
    /// The masked name the bank shows before a transfer («Ольга С.»).
    pub name: Localized,
    /// The recipient's bank, or `None` for a client of this bank. Transfers to other banks go
    /// through the Faster Payments System (СБП) and count towards its monthly free amount.
    pub bank: Option<Localized>,
}

/// One line of the client's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryEntry {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: HistoryKind,
    pub counterparty: Localized,
    /// Signed: minus for money out of `account`.
    pub amount: Money,
    pub account: AccountKind,
}

/// The bank's limits, and the fee schedule for transfers by phone number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// The largest single transfer to another person.
    pub transfer_max: Money,
    pub top_up_min: Money,
    pub top_up_max: Money,
    /// The largest single bill payment.
    pub bill_max: Money,
    /// Transfers by phone number to other banks are free up to this much per calendar month…
    pub phone_free_per_month: Money,
    /// …then cost this share of the part above it, in basis points (50 = 0.5 %)…
    pub phone_fee_bp: u32,
    /// …but at most this much per transfer.
    pub phone_fee_max: Money,
}

/// Everything the app may show of the demo client, at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// How the app addresses the client («Мария Ивановна»).
    pub client: Localized,
    pub card: Account,
    pub savings: Account,
    pub card_blocked: bool,
    pub own_phone: PhoneNumber,
    pub payees: Vec<Payee>,
    pub bills: Vec<Bill>,
    /// Who a transfer by phone number can reach (saved payees are in it too).
    pub directory: Vec<DirectoryEntry>,
    /// Newest first.
    pub history: Vec<HistoryEntry>,
    /// The sum of transfers by phone number to other banks (СБП) made in the calendar month of
    /// `today`; the basis of the phone-transfer fee.
    pub phone_transfers_this_month: Money,
    pub today: NaiveDate,
    pub limits: Limits,
    /// The bank's hotline, shown big on the help screen.
    pub hotline: String,
}

impl Snapshot {
    pub fn account(&self, kind: AccountKind) -> &Account {
        match kind {
            AccountKind::Card => &self.card,
            AccountKind::Savings => &self.savings,
        }
    }

    pub fn payee(&self, key: &str) -> Option<&Payee> {
        self.payees.iter().find(|p| p.key == key)
    }

    pub fn bill(&self, key: &str) -> Option<&Bill> {
        self.bills.iter().find(|b| b.key == key)
    }

    pub fn directory_entry(&self, phone: &PhoneNumber) -> Option<&DirectoryEntry> {
        self.directory.iter().find(|e| e.phone == *phone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in AccountKind::ALL {
            assert_eq!(AccountKind::from_code(kind.code()), Some(*kind));
        }
        for kind in Relation::ALL {
            assert_eq!(Relation::from_code(kind.code()), Some(*kind));
        }
        for kind in BillKind::ALL {
            assert_eq!(BillKind::from_code(kind.code()), Some(*kind));
        }
        for kind in HistoryKind::ALL {
            assert_eq!(HistoryKind::from_code(kind.code()), Some(*kind));
        }
        assert_eq!(HistoryKind::from_code("Pension"), None);
    }

    #[test]
    fn localized_picks_the_language() {
        let name = Localized::new("Мария Ивановна", "Maria Ivanovna");
        assert_eq!(name.get(Lang::Ru), "Мария Ивановна");
        assert_eq!(name.get(Lang::En), "Maria Ivanovna");
        assert_eq!(Localized::same("x").get(Lang::En), "x");
    }
}
