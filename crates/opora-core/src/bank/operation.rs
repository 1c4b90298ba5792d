//! What the client asks the sandbox bank to do (`Operation`), what it would cost (`Quote`, shown
//! on the check screen) and what was done (`Receipt`).
//!
//! Each confirmed draft carries an `OpId` that the caller creates once; the bank executes an
//! operation id at most once, so confirming twice never sends twice.

use chrono::NaiveDate;

use super::snapshot::{AccountKind, Localized};
use crate::money::Money;
use crate::phone::PhoneNumber;

/// Who a transfer goes to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Recipient {
    /// A saved payee, by key (`daughter`).
    Payee(String),
    /// Anyone the bank's directory knows, by phone number.
    Phone(PhoneNumber),
}

/// A money action, or blocking the card.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Operation {
    /// Send money from the card to another person.
    Transfer { to: Recipient, amount: Money },
    /// Move money between the client's card and savings account.
    OwnTransfer {
        from: AccountKind,
        to: AccountKind,
        amount: Money,
    },
    /// Pay a bill (by key) from the card.
    PayBill { bill: String, amount: Money },
    /// Top up a mobile phone from the card.
    TopUp { phone: PhoneNumber, amount: Money },
    /// Block the card at once (unblocking is a staff command).
    BlockCard,
}

impl Operation {
    /// The operation's kind as the journal and the session goals name it.
    pub fn kind_code(&self) -> &'static str {
        match self {
            Operation::Transfer { .. } => "transfer",
            Operation::OwnTransfer { .. } => "own-transfer",
            Operation::PayBill { .. } => "pay",
            Operation::TopUp { .. } => "top-up",
            Operation::BlockCard => "block-card",
        }
    }

    /// The amount the client typed, if the operation moves money.
    pub fn amount(&self) -> Option<Money> {
        match self {
            Operation::Transfer { amount, .. }
            | Operation::OwnTransfer { amount, .. }
            | Operation::PayBill { amount, .. }
            | Operation::TopUp { amount, .. } => Some(*amount),
            Operation::BlockCard => None,
        }
    }
}

/// The identity of one confirmed draft. Executing the same id twice moves money once.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OpId(String);

impl OpId {
    pub fn new(id: impl Into<String>) -> OpId {
        OpId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for OpId {
    fn from(id: &str) -> OpId {
        OpId::new(id)
    }
}

impl From<String> for OpId {
    fn from(id: String) -> OpId {
        OpId(id)
    }
}

/// What an operation would do, for the check screen: who, the fee, the total, and the balance
/// after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub fee: Money,
    /// The amount plus the fee: what leaves the debited account.
    pub total: Money,
    /// The balance of `debit_account` after the operation.
    pub balance_after: Money,
    /// Who receives the money, as the bank shows it: a saved payee's name, the masked name from
    /// the directory for a transfer by phone («Ольга С.»), a bill's provider, the phone number of
    /// a top-up, the product name of the receiving own account; for `BlockCard`, the card's name.
    pub recipient: Localized,
    pub debit_account: AccountKind,
}

/// What was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub op_id: OpId,
    pub operation: Operation,
    pub quote: Quote,
    /// The bank's day of the operation.
    pub executed_at: NaiveDate,
    /// `true` when this operation id had already been executed: nothing moved this time, and
    /// this is the first receipt again.
    pub already_done: bool,
}
