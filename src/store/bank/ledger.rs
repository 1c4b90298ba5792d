//! The SQL behind `SandboxStore`, part two: applying an executed operation (balances, history
//! lines, the bill paid, the card blocked) and recording it, so that a repeated operation id gets
//! its first receipt back.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::tables::{Db, Line};
use opora_core::bank::operation::{OpId, Operation, Quote, Receipt, Recipient};
use opora_core::bank::rules;
use opora_core::bank::snapshot::{AccountKind, HistoryKind, Localized, Snapshot};
use opora_core::money::Money;
use opora_core::store_error::StoreError;

impl Db<'_> {
    /// Writes one line of history.
    pub(super) fn add_history(&self, line: &Line<'_>) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO history (date, kind, counterparty_ru, counterparty_en, amount,
                     account, phone_transfer, op_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    line.date.to_string(),
                    line.kind.code(),
                    line.counterparty.ru,
                    line.counterparty.en,
                    line.amount.kopecks(),
                    line.account.code(),
                    line.phone_transfer,
                    line.op_id.map(OpId::as_str)
                ],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }

    fn set_balance(&self, account: AccountKind, balance: Money) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE account SET balance = ?1 WHERE kind = ?2",
                params![balance.kopecks(), account.code()],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }

    /// Applies a quoted operation: balances, history lines (the fee as its own line), the bill
    /// marked paid, the card blocked.
    pub(super) fn apply(
        &self,
        snapshot: &Snapshot,
        op_id: &OpId,
        operation: &Operation,
        quote: &Quote,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let line = Line {
            date: today,
            kind: HistoryKind::TransferOut,
            counterparty: &quote.recipient,
            amount: Money::ZERO,
            account: quote.debit_account,
            phone_transfer: false,
            op_id: Some(op_id),
        };
        // Money out of the debited account to someone else, and the fee as its own line.
        let out = |line: Line<'_>, amount: Money| -> Result<(), StoreError> {
            self.set_balance(quote.debit_account, quote.balance_after)?;
            self.add_history(&Line {
                amount: -amount,
                ..line
            })?;
            if quote.fee.is_positive() {
                self.add_history(&Line {
                    kind: HistoryKind::Fee,
                    amount: -quote.fee,
                    phone_transfer: false,
                    ..line
                })?;
            }
            Ok(())
        };
        match operation {
            Operation::Transfer { amount, .. } => {
                let phone_transfer = rules::counts_as_phone_transfer(snapshot, operation);
                out(
                    Line {
                        phone_transfer,
                        ..line
                    },
                    *amount,
                )
            }
            Operation::PayBill { bill, amount } => {
                self.conn
                    .execute("UPDATE bill SET paid = 1 WHERE key = ?1", [bill])
                    .map_err(|e| self.sql(e))?;
                let kind = HistoryKind::Bill;
                out(Line { kind, ..line }, *amount)
            }
            Operation::TopUp { amount, .. } => {
                let kind = HistoryKind::TopUp;
                out(Line { kind, ..line }, *amount)
            }
            Operation::OwnTransfer { from, to, amount } => {
                let credited = snapshot
                    .account(*to)
                    .balance
                    .checked_add(*amount)
                    .ok_or_else(|| StoreError::Other("balance overflow".into()))?;
                self.set_balance(*from, quote.balance_after)?;
                self.set_balance(*to, credited)?;
                let kind = HistoryKind::OwnTransfer;
                self.add_history(&Line {
                    kind,
                    amount: -*amount,
                    ..line
                })?;
                self.add_history(&Line {
                    kind,
                    counterparty: &snapshot.account(*from).name,
                    amount: *amount,
                    account: *to,
                    ..line
                })
            }
            Operation::BlockCard => self
                .conn
                .execute("UPDATE client SET card_blocked = 1 WHERE id = 1", [])
                .map(|_| ())
                .map_err(|e| self.sql(e)),
        }
    }

    pub(super) fn record_operation(
        &self,
        op_id: &OpId,
        operation: &Operation,
        quote: &Quote,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let (kind, target, from, to) = encode(operation);
        self.conn
            .execute(
                "INSERT INTO operation (op_id, kind, target, from_account, to_account, amount,
                     fee, total, balance_after, recipient_ru, recipient_en, debit_account,
                     executed_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    op_id.as_str(),
                    kind,
                    target,
                    from.map(AccountKind::code),
                    to.map(AccountKind::code),
                    operation.amount().map(Money::kopecks),
                    quote.fee.kopecks(),
                    quote.total.kopecks(),
                    quote.balance_after.kopecks(),
                    quote.recipient.ru,
                    quote.recipient.en,
                    quote.debit_account.code(),
                    today.to_string()
                ],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }

    /// The receipt of an operation id executed before, if any.
    pub(super) fn receipt(&self, op_id: &OpId) -> Result<Option<Receipt>, StoreError> {
        type Row = (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<i64>,
        );
        let found = self
            .conn
            .query_row(
                "SELECT kind, target, from_account, to_account, amount, fee, total,
                     balance_after, recipient_ru, recipient_en, debit_account, executed_on
                 FROM operation WHERE op_id = ?1",
                [op_id.as_str()],
                |row| {
                    let op: Row = (
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    );
                    let quote = (
                        Money::from_kopecks(row.get(5)?),
                        Money::from_kopecks(row.get(6)?),
                        Money::from_kopecks(row.get(7)?),
                        Localized::new(row.get::<_, String>(8)?, row.get::<_, String>(9)?),
                        row.get::<_, String>(10)?,
                    );
                    Ok((op, quote, row.get::<_, String>(11)?))
                },
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        let Some((op, (fee, total, balance_after, recipient, debit), executed_on)) = found else {
            return Ok(None);
        };
        let operation = decode(self, op)?;
        Ok(Some(Receipt {
            op_id: op_id.clone(),
            operation,
            quote: Quote {
                fee,
                total,
                balance_after,
                recipient,
                debit_account: self.decode(&debit, AccountKind::from_code)?,
            },
            executed_at: self.date(&executed_on)?,
            already_done: false,
        }))
    }
}

/// An operation as the row of `operation`: kind, target (payee key, phone, bill key), from, to.
fn encode(
    operation: &Operation,
) -> (
    &'static str,
    Option<String>,
    Option<AccountKind>,
    Option<AccountKind>,
) {
    match operation {
        Operation::Transfer {
            to: Recipient::Payee(key),
            ..
        } => ("transfer_payee", Some(key.clone()), None, None),
        Operation::Transfer {
            to: Recipient::Phone(phone),
            ..
        } => ("transfer_phone", Some(phone.e164()), None, None),
        Operation::OwnTransfer { from, to, .. } => ("own_transfer", None, Some(*from), Some(*to)),
        Operation::PayBill { bill, .. } => ("pay_bill", Some(bill.clone()), None, None),
        Operation::TopUp { phone, .. } => ("top_up", Some(phone.e164()), None, None),
        Operation::BlockCard => ("block_card", None, None, None),
    }
}

fn decode(
    db: &Db<'_>,
    (kind, target, from, to, amount): (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i64>,
    ),
) -> Result<Operation, StoreError> {
    let amount = amount.map(Money::from_kopecks);
    let account = |code: Option<String>| {
        code.and_then(|c| AccountKind::from_code(&c))
            .ok_or_else(|| db.corrupt())
    };
    let operation = match (kind.as_str(), target, amount) {
        ("transfer_payee", Some(key), Some(amount)) => Operation::Transfer {
            to: Recipient::Payee(key),
            amount,
        },
        ("transfer_phone", Some(phone), Some(amount)) => Operation::Transfer {
            to: Recipient::Phone(db.phone(&phone)?),
            amount,
        },
        ("own_transfer", None, Some(amount)) => Operation::OwnTransfer {
            from: account(from)?,
            to: account(to)?,
            amount,
        },
        ("pay_bill", Some(bill), Some(amount)) => Operation::PayBill { bill, amount },
        ("top_up", Some(phone), Some(amount)) => Operation::TopUp {
            phone: db.phone(&phone)?,
            amount,
        },
        ("block_card", None, None) => Operation::BlockCard,
        _ => return Err(db.corrupt()),
    };
    Ok(operation)
}
