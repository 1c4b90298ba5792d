//! The sandbox bank's rules, as pure functions over a `Snapshot`: may this operation be done,
//! and what would it cost?
//!
//! Fees follow what Russian banks commonly charge, so the practice is realistic:
//! - a transfer to a saved payee, or by phone number to a client of this bank: free;
//! - a transfer by phone number to another bank (Faster Payments System, СБП) — a number in the
//!   directory with a bank, or any other mobile number, which the practice bank treats as a
//!   client of another bank whose name it cannot show — free up to
//!   `phone_free_per_month` (100 000 ₽) per calendar month, counting the phone transfers already
//!   made this month; then `phone_fee_bp` (0.5 %) of the part of this transfer above what is left
//!   free, at most `phone_fee_max` (1 500 ₽) per transfer;
//! - a bill: the provider's own rate and cap (`Bill::fee_bp`, `Bill::fee_max`), e.g. electricity
//!   free, water 1 % at most 50 ₽;
//! - a phone top-up and a move between the client's own accounts: free.
//!
//! Limits (`Limits`, from the demo data): a transfer to another person at most `transfer_max`
//! (150 000 ₽); a top-up between `top_up_min` and `top_up_max` (10–15 000 ₽), to any valid mobile
//! number; a bill payment at most `bill_max` (100 000 ₽). A move between own accounts is limited
//! only by the balance. A bill already paid is refused (`BillAlreadyPaid`): paying any amount
//! marks a bill paid, the sandbox does not track partial payments.
//!
//! Checks come in the order a person would want to hear them: a blocked card first, then who
//! (unknown payee, bill or number; a bill already paid), then how much (not positive, below a
//! minimum, above a limit), then whether the money is there (amount plus fee within the balance).

use super::error::BankError;
use super::operation::{Operation, Quote, Recipient};
use super::snapshot::{AccountKind, Limits, Localized, Snapshot};
use crate::money::Money;

/// Checks an operation against the client's state and prices it. Nothing changes.
pub fn quote(snapshot: &Snapshot, operation: &Operation) -> Result<Quote, BankError> {
    match operation {
        Operation::Transfer { to, amount } => {
            card_usable(snapshot)?;
            let (recipient, fee) = match to {
                Recipient::Payee(key) => {
                    let payee = snapshot
                        .payee(key)
                        .ok_or_else(|| BankError::UnknownPayee(key.clone()))?;
                    (payee.name.clone(), Money::ZERO)
                }
                Recipient::Phone(phone) => {
                    if *phone == snapshot.own_phone {
                        return Err(BankError::OwnPhone);
                    }
                    let fee = if counts_as_phone_transfer(snapshot, operation) {
                        phone_transfer_fee(
                            &snapshot.limits,
                            snapshot.phone_transfers_this_month,
                            *amount,
                        )
                    } else {
                        Money::ZERO
                    };
                    let name = snapshot.directory_entry(phone).map_or_else(
                        || Localized::same(phone.pretty()),
                        |entry| entry.name.clone(),
                    );
                    (name, fee)
                }
            };
            positive(*amount)?;
            at_most(*amount, snapshot.limits.transfer_max)?;
            debit(snapshot, AccountKind::Card, *amount, fee, recipient)
        }
        Operation::OwnTransfer { from, to, amount } => {
            if *from == AccountKind::Card {
                card_usable(snapshot)?;
            }
            if from == to {
                return Err(BankError::SameAccount);
            }
            positive(*amount)?;
            let recipient = snapshot.account(*to).name.clone();
            debit(snapshot, *from, *amount, Money::ZERO, recipient)
        }
        Operation::PayBill { bill, amount } => {
            card_usable(snapshot)?;
            let found = snapshot
                .bill(bill)
                .ok_or_else(|| BankError::UnknownBill(bill.clone()))?;
            if found.paid {
                return Err(BankError::BillAlreadyPaid(bill.clone()));
            }
            positive(*amount)?;
            at_most(*amount, snapshot.limits.bill_max)?;
            let fee = amount.percent_bp(found.fee_bp).min(found.fee_max);
            debit(
                snapshot,
                AccountKind::Card,
                *amount,
                fee,
                found.provider.clone(),
            )
        }
        Operation::TopUp { phone, amount } => {
            card_usable(snapshot)?;
            positive(*amount)?;
            if *amount < snapshot.limits.top_up_min {
                return Err(BankError::BelowMinimum {
                    minimum: snapshot.limits.top_up_min,
                });
            }
            at_most(*amount, snapshot.limits.top_up_max)?;
            let recipient = Localized::same(phone.pretty());
            debit(snapshot, AccountKind::Card, *amount, Money::ZERO, recipient)
        }
        Operation::BlockCard => {
            if snapshot.card_blocked {
                return Err(BankError::CardAlreadyBlocked);
            }
            Ok(Quote {
                fee: Money::ZERO,
                total: Money::ZERO,
                balance_after: snapshot.card.balance,
                recipient: snapshot.card.name.clone(),
                debit_account: AccountKind::Card,
            })
        }
    }
}

/// The fee for a transfer by phone number to another bank (СБП): free while the month's phone
/// transfers, this one included, stay within `phone_free_per_month`; otherwise `phone_fee_bp` of
/// the part above it, rounded half up to the kopeck, at most `phone_fee_max`.
pub fn phone_transfer_fee(limits: &Limits, already_this_month: Money, amount: Money) -> Money {
    let still_free = limits
        .phone_free_per_month
        .checked_sub(already_this_month.max(Money::ZERO))
        .unwrap_or(Money::ZERO)
        .max(Money::ZERO);
    let above = amount
        .checked_sub(still_free)
        .unwrap_or(Money::ZERO)
        .max(Money::ZERO);
    above
        .percent_bp(limits.phone_fee_bp)
        .min(limits.phone_fee_max)
}

/// Whether a transfer counts towards the monthly free amount of phone transfers: a transfer by
/// phone number to a client of another bank (a number the directory does not know is one).
pub fn counts_as_phone_transfer(snapshot: &Snapshot, operation: &Operation) -> bool {
    match operation {
        Operation::Transfer {
            to: Recipient::Phone(phone),
            ..
        } => other_bank(snapshot, phone),
        _ => false,
    }
}

/// Whether a phone number belongs to a client of another bank: one the directory names with a
/// bank, or one it does not know.
pub fn other_bank(snapshot: &Snapshot, phone: &crate::phone::PhoneNumber) -> bool {
    snapshot
        .directory_entry(phone)
        .is_none_or(|entry| entry.bank.is_some())
}

fn card_usable(snapshot: &Snapshot) -> Result<(), BankError> {
    if snapshot.card_blocked {
        Err(BankError::CardBlocked)
    } else {
        Ok(())
    }
}

fn positive(amount: Money) -> Result<(), BankError> {
    if amount.is_positive() {
        Ok(())
    } else {
        Err(BankError::AmountNotPositive)
    }
}

fn at_most(amount: Money, limit: Money) -> Result<(), BankError> {
    if amount > limit {
        Err(BankError::AboveLimit { limit })
    } else {
        Ok(())
    }
}

fn debit(
    snapshot: &Snapshot,
    account: AccountKind,
    amount: Money,
    fee: Money,
    recipient: Localized,
) -> Result<Quote, BankError> {
    let available = snapshot.account(account).balance;
    let short = BankError::InsufficientFunds { available };
    let total = amount.checked_add(fee).ok_or_else(|| short.clone())?;
    if total > available {
        return Err(short);
    }
    let balance_after = available.checked_sub(total).ok_or(short)?;
    Ok(Quote {
        fee,
        total,
        balance_after,
        recipient,
        debit_account: account,
    })
}

#[cfg(test)]
mod tests;
