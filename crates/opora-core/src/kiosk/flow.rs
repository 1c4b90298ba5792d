//! A money action being prepared: who or what it is for and how much, step by step, until it
//! becomes an [`Operation`] the bank can quote and carry out.
//!
//! Every money flow has the same four steps, so the client always knows where they are:
//! 1 who or what → 2 how much → 3 check → 4 confirmation code.

use crate::bank::{AccountKind, OpId, Operation, Quote, Recipient};
use crate::money::Money;
use crate::phone::PhoneNumber;

/// Which kind of money action this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Money to someone: a saved person or a phone number.
    Send,
    /// Between the client's own card and savings account.
    Own,
    /// A bill from the list.
    Bill,
    /// Topping up a mobile phone.
    TopUp,
}

/// The target chosen in step 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Payee(String),
    Phone(PhoneNumber),
    Own { from: AccountKind, to: AccountKind },
    Bill(String),
    TopUp(PhoneNumber),
}

/// The logical steps of every money flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Target = 1,
    Amount = 2,
    Check = 3,
    Code = 4,
}

impl Step {
    pub const TOTAL: u8 = 4;

    pub fn number(self) -> u8 {
        self as u8
    }

    /// The message id naming the step.
    pub fn message_id(self) -> &'static str {
        match self {
            Step::Target => "step-target",
            Step::Amount => "step-amount",
            Step::Check => "step-check",
            Step::Code => "step-code",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub flow: Flow,
    pub target: Option<Target>,
    pub amount: Option<Money>,
}

impl Draft {
    pub fn new(flow: Flow) -> Draft {
        Draft {
            flow,
            target: None,
            amount: None,
        }
    }

    pub fn with_target(mut self, target: Target) -> Draft {
        self.target = Some(target);
        self
    }

    pub fn with_amount(mut self, amount: Money) -> Draft {
        self.amount = Some(amount);
        self
    }

    /// The bank operation this draft describes, once target and amount are known.
    pub fn operation(&self) -> Option<Operation> {
        let amount = self.amount?;
        Some(match self.target.clone()? {
            Target::Payee(key) => Operation::Transfer {
                to: Recipient::Payee(key),
                amount,
            },
            Target::Phone(phone) => Operation::Transfer {
                to: Recipient::Phone(phone),
                amount,
            },
            Target::Own { from, to } => Operation::OwnTransfer { from, to, amount },
            Target::Bill(bill) => Operation::PayBill { bill, amount },
            Target::TopUp(phone) => Operation::TopUp { phone, amount },
        })
    }
}

/// The check screen: the operation as the bank quoted it.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub draft: Draft,
    pub operation: Operation,
    pub quote: Quote,
    pub op_id: OpId,
}

/// The confirmation-code step.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeStep {
    pub check: Check,
    /// The code sent to the simulated phone, once it has arrived.
    pub code: Option<String>,
    pub text: String,
    /// Confirmed and waiting for the bank: further Enter presses do nothing.
    pub pending: bool,
    /// Wrong codes typed in a row.
    pub wrong: u8,
    /// Too many wrong codes: this one no longer works, a new one can be asked for.
    pub expired: bool,
}

/// Wrong codes in a row after which a code stops working, as at a real bank.
pub const CODE_TRIES: u8 = 3;

/// Digits in a confirmation code (the practice bank sends 1000–9999).
pub const CODE_DIGITS: usize = 4;
