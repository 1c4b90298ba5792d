//! Why the sandbox bank refused something, or could not do it.
//!
//! `BankError` is a refusal a client can act on («недостаточно средств», «карта заблокирована»),
//! or trouble with the bank's file ([`StoreError`]). Every variant is meant to become one
//! sentence in `locales/`; the `Display` texts here are for logs and developers only.

use thiserror::Error;

use super::operation::OpId;
use crate::money::Money;
use crate::store_error::StoreError;

/// A domain refusal: nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BankError {
    #[error("the amount must be more than zero")]
    AmountNotPositive,
    #[error("the card is blocked; nothing can be paid from it")]
    CardBlocked,
    #[error("the card is already blocked")]
    CardAlreadyBlocked,
    #[error("not enough money: {} kopecks available", available.kopecks())]
    InsufficientFunds { available: Money },
    #[error("the amount is above the limit of {} kopecks", limit.kopecks())]
    AboveLimit { limit: Money },
    #[error("the amount is below the minimum of {} kopecks", minimum.kopecks())]
    BelowMinimum { minimum: Money },
    #[error("there is no saved payee {0:?}")]
    UnknownPayee(String),
    #[error("there is no bill {0:?}")]
    UnknownBill(String),
    #[error("money cannot be sent by phone number to the client's own number")]
    OwnPhone,
    #[error("the bill {0:?} is already paid")]
    BillAlreadyPaid(String),
    #[error("money cannot be moved from an account to the same account")]
    SameAccount,
    #[error("operation id {:?} was already used for a different operation", .0.as_str())]
    OpIdConflict(OpId),
    #[error(transparent)]
    Storage(#[from] StoreError),
}

impl BankError {
    /// A stable code for the journal.
    pub fn code(&self) -> &'static str {
        match self {
            BankError::AmountNotPositive => "amount-not-positive",
            BankError::CardBlocked => "card-blocked",
            BankError::CardAlreadyBlocked => "card-already-blocked",
            BankError::InsufficientFunds { .. } => "insufficient-funds",
            BankError::AboveLimit { .. } => "above-limit",
            BankError::BelowMinimum { .. } => "below-minimum",
            BankError::UnknownPayee(_) => "unknown-payee",
            BankError::UnknownBill(_) => "unknown-bill",
            BankError::OwnPhone => "own-phone",
            BankError::BillAlreadyPaid(_) => "bill-already-paid",
            BankError::SameAccount => "same-account",
            BankError::OpIdConflict(_) => "op-id-conflict",
            BankError::Storage(_) => "storage",
        }
    }
}
