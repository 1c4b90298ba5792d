//! The SQL behind `SandboxStore`, part one: a `Db` handle over a connection or a transaction,
//! writing the demo client into empty tables and reading a `Snapshot` back.
//!
//! A value in the file that Opora never writes (an unknown code, a bad phone number or date) is
//! reported as `StoreError::Corrupt`: the file was damaged or edited by hand.

use std::path::Path;

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{Connection, params};

use opora_core::bank::demo::DemoData;
use opora_core::bank::operation::OpId;
use opora_core::bank::snapshot::{
    Account, AccountKind, Bill, BillKind, DirectoryEntry, HistoryEntry, HistoryKind, Limits,
    Localized, Payee, Relation, Snapshot,
};
use opora_core::money::Money;
use opora_core::phone::PhoneNumber;
use opora_core::store_error::StoreError;

/// One line of history to write.
#[derive(Clone, Copy)]
pub(super) struct Line<'a> {
    pub date: NaiveDate,
    pub kind: HistoryKind,
    pub counterparty: &'a Localized,
    /// Signed: minus for money out of `account`.
    pub amount: Money,
    pub account: AccountKind,
    /// A transfer by phone number to another bank (counts towards the monthly free amount).
    pub phone_transfer: bool,
    /// The operation that wrote it; `None` for the demo's own history.
    pub op_id: Option<&'a OpId>,
}

/// Reads and writes of the bank's tables, on a connection or inside a transaction.
pub(super) struct Db<'a> {
    pub(super) conn: &'a Connection,
    pub(super) path: &'a Path,
}

impl Db<'_> {
    pub(super) fn sql(&self, error: rusqlite::Error) -> StoreError {
        crate::store::sqlite::store_error(self.path, error)
    }

    /// A value in the file that Opora never writes: the file was damaged or edited.
    pub(super) fn corrupt(&self) -> StoreError {
        StoreError::Corrupt {
            path: self.path.to_path_buf(),
        }
    }

    pub(super) fn decode<T>(
        &self,
        code: &str,
        from_code: fn(&str) -> Option<T>,
    ) -> Result<T, StoreError> {
        from_code(code).ok_or_else(|| self.corrupt())
    }

    pub(super) fn phone(&self, text: &str) -> Result<PhoneNumber, StoreError> {
        PhoneNumber::parse(text).map_err(|_| self.corrupt())
    }

    pub(super) fn date(&self, text: &str) -> Result<NaiveDate, StoreError> {
        text.parse().map_err(|_| self.corrupt())
    }

    /// Whether the demo client is there. A file with accounts but no client row was damaged
    /// or edited: it is `Corrupt` (`opora sandbox reset` mends it), never seeded over.
    pub(super) fn is_seeded(&self) -> Result<bool, StoreError> {
        let (client, accounts): (bool, bool) = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM client), EXISTS (SELECT 1 FROM account)",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .map_err(|e| self.sql(e))?;
        if !client && accounts {
            return Err(self.corrupt());
        }
        Ok(client)
    }

    pub(super) fn clear(&self) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "DELETE FROM history; DELETE FROM confirmation_code; DELETE FROM operation;
                 DELETE FROM payee; DELETE FROM bill; DELETE FROM directory;
                 DELETE FROM account; DELETE FROM client;",
            )
            .map_err(|e| self.sql(e))
    }

    pub(super) fn seed(&self, demo: &DemoData, today: NaiveDate) -> Result<(), StoreError> {
        let sql = |e| self.sql(e);
        let limits = &demo.limits;
        self.conn
            .execute(
                "INSERT INTO client (id, name_ru, name_en, own_phone, hotline, card_blocked,
                     transfer_max, top_up_min, top_up_max, bill_max, phone_free_per_month,
                     phone_fee_bp, phone_fee_max, code_seed, code_counter, last_code)
                 VALUES (1, ?1, ?2, ?3, ?4, 0, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, NULL)",
                params![
                    demo.client.name.ru,
                    demo.client.name.en,
                    demo.own_phone()?.e164(),
                    demo.hotline,
                    limits.transfer_max.kopecks(),
                    limits.top_up_min.kopecks(),
                    limits.top_up_max.kopecks(),
                    limits.bill_max.kopecks(),
                    limits.phone_free_per_month.kopecks(),
                    limits.phone_fee_bp,
                    limits.phone_fee_max.kopecks(),
                    demo.code_seed as i64,
                ],
            )
            .map_err(sql)?;
        for (kind, account) in [
            (AccountKind::Card, &demo.card),
            (AccountKind::Savings, &demo.savings),
        ] {
            self.conn
                .execute(
                    "INSERT INTO account (kind, name_ru, name_en, last_four, balance)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        kind.code(),
                        account.name.ru,
                        account.name.en,
                        account.last_four,
                        account.balance.kopecks()
                    ],
                )
                .map_err(sql)?;
        }
        let bad = |e: opora_core::phone::PhoneError| StoreError::BadDemoData(e.to_string());
        for (position, payee) in (0i64..).zip(&demo.payees) {
            self.conn
                .execute(
                    "INSERT INTO payee (key, position, name_ru, name_en, relation, phone, saved)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        payee.key,
                        position,
                        payee.name.ru,
                        payee.name.en,
                        payee.relation.code(),
                        PhoneNumber::parse(&payee.phone).map_err(bad)?.e164(),
                        payee.saved
                    ],
                )
                .map_err(sql)?;
        }
        for (position, bill) in (0i64..).zip(&demo.bills) {
            self.conn
                .execute(
                    "INSERT INTO bill (key, position, provider_ru, provider_en, kind,
                         account_number, due, paid, fee_bp, fee_max)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        bill.key,
                        position,
                        bill.provider.ru,
                        bill.provider.en,
                        bill.kind.code(),
                        bill.account_number,
                        bill.due.kopecks(),
                        bill.paid,
                        bill.fee_bp,
                        bill.fee_max.kopecks()
                    ],
                )
                .map_err(sql)?;
        }
        for (position, entry) in (0i64..).zip(&demo.directory) {
            self.conn
                .execute(
                    "INSERT INTO directory (phone, position, name_ru, name_en, bank_ru, bank_en)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        PhoneNumber::parse(&entry.phone).map_err(bad)?.e164(),
                        position,
                        entry.name.ru,
                        entry.name.en,
                        entry.bank.as_ref().map(|b| &b.ru),
                        entry.bank.as_ref().map(|b| &b.en)
                    ],
                )
                .map_err(sql)?;
        }
        // Oldest first, so that ids grow with time; entries of one day keep the file's order.
        let mut history = Vec::with_capacity(demo.history.len());
        for (index, entry) in demo.history.iter().enumerate() {
            history.push((entry.date(today)?, index, entry));
        }
        history.sort_by_key(|(date, index, _)| (*date, *index));
        for (date, _, entry) in history {
            self.add_history(&Line {
                date,
                kind: entry.kind,
                counterparty: &entry.counterparty,
                amount: entry.amount,
                account: entry.account,
                phone_transfer: entry.phone_transfer,
                op_id: None,
            })?;
        }
        Ok(())
    }

    pub(super) fn snapshot(&self, today: NaiveDate) -> Result<Snapshot, StoreError> {
        let sql = |e| self.sql(e);
        let (client, own_phone, hotline, card_blocked, limits) = self
            .conn
            .query_row(
                "SELECT name_ru, name_en, own_phone, hotline, card_blocked, transfer_max,
                     top_up_min, top_up_max, bill_max, phone_free_per_month, phone_fee_bp,
                     phone_fee_max
                 FROM client WHERE id = 1",
                [],
                |row| {
                    let limits = Limits {
                        transfer_max: Money::from_kopecks(row.get(5)?),
                        top_up_min: Money::from_kopecks(row.get(6)?),
                        top_up_max: Money::from_kopecks(row.get(7)?),
                        bill_max: Money::from_kopecks(row.get(8)?),
                        phone_free_per_month: Money::from_kopecks(row.get(9)?),
                        phone_fee_bp: row.get(10)?,
                        phone_fee_max: Money::from_kopecks(row.get(11)?),
                    };
                    Ok((
                        Localized::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, bool>(4)?,
                        limits,
                    ))
                },
            )
            .map_err(sql)?;

        let mut card = None;
        let mut savings = None;
        let mut stmt = self
            .conn
            .prepare("SELECT kind, name_ru, name_en, last_four, balance FROM account")
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    Localized::new(row.get::<_, String>(1)?, row.get::<_, String>(2)?),
                    row.get::<_, String>(3)?,
                    Money::from_kopecks(row.get(4)?),
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (kind, name, last_four, balance) = row.map_err(sql)?;
            let kind = self.decode(&kind, AccountKind::from_code)?;
            let account = Account {
                kind,
                name,
                last_four,
                balance,
            };
            match kind {
                AccountKind::Card => card = Some(account),
                AccountKind::Savings => savings = Some(account),
            }
        }
        let (Some(card), Some(savings)) = (card, savings) else {
            return Err(self.corrupt());
        };

        let mut payees = Vec::new();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT key, name_ru, name_en, relation, phone, saved FROM payee ORDER BY position",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    Localized::new(row.get::<_, String>(1)?, row.get::<_, String>(2)?),
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, bool>(5)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (key, name, relation, phone, saved) = row.map_err(sql)?;
            payees.push(Payee {
                key,
                name,
                relation: self.decode(&relation, Relation::from_code)?,
                phone: self.phone(&phone)?,
                saved,
            });
        }

        let mut bills = Vec::new();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT key, provider_ru, provider_en, kind, account_number, due, paid, fee_bp,
                     fee_max
                 FROM bill ORDER BY position",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    Localized::new(row.get::<_, String>(1)?, row.get::<_, String>(2)?),
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    Money::from_kopecks(row.get(5)?),
                    row.get::<_, bool>(6)?,
                    row.get::<_, u32>(7)?,
                    Money::from_kopecks(row.get(8)?),
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (key, provider, kind, account_number, due, paid, fee_bp, fee_max) =
                row.map_err(sql)?;
            bills.push(Bill {
                key,
                provider,
                kind: self.decode(&kind, BillKind::from_code)?,
                account_number,
                due,
                paid,
                fee_bp,
                fee_max,
            });
        }

        let mut directory = Vec::new();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT phone, name_ru, name_en, bank_ru, bank_en FROM directory ORDER BY position",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    Localized::new(row.get::<_, String>(1)?, row.get::<_, String>(2)?),
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (phone, name, bank_ru, bank_en) = row.map_err(sql)?;
            directory.push(DirectoryEntry {
                phone: self.phone(&phone)?,
                name,
                bank: bank_ru.zip(bank_en).map(|(ru, en)| Localized::new(ru, en)),
            });
        }

        let mut history = Vec::new();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, date, kind, counterparty_ru, counterparty_en, amount, account
                 FROM history ORDER BY date DESC, id DESC",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    Localized::new(row.get::<_, String>(3)?, row.get::<_, String>(4)?),
                    Money::from_kopecks(row.get(5)?),
                    row.get::<_, String>(6)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, date, kind, counterparty, amount, account) = row.map_err(sql)?;
            history.push(HistoryEntry {
                id,
                date: self.date(&date)?,
                kind: self.decode(&kind, HistoryKind::from_code)?,
                counterparty,
                amount,
                account: self.decode(&account, AccountKind::from_code)?,
            });
        }

        Ok(Snapshot {
            client,
            card,
            savings,
            card_blocked,
            own_phone: self.phone(&own_phone)?,
            payees,
            bills,
            directory,
            history,
            phone_transfers_this_month: self.phone_transfers_in_month_of(today)?,
            today,
            limits,
            hotline,
        })
    }

    /// The sum of transfers by phone number to other banks in the calendar month of `day`.
    fn phone_transfers_in_month_of(&self, day: NaiveDate) -> Result<Money, StoreError> {
        let start = day.with_day(1).ok_or_else(|| self.corrupt())?;
        let end = start
            .checked_add_months(Months::new(1))
            .ok_or_else(|| self.corrupt())?;
        let sum: i64 = self
            .conn
            .query_row(
                "SELECT COALESCE(-SUM(amount), 0) FROM history
                 WHERE kind = ?1 AND phone_transfer = 1 AND date >= ?2 AND date < ?3",
                params![
                    HistoryKind::TransferOut.code(),
                    start.to_string(),
                    end.to_string()
                ],
                |row| row.get(0),
            )
            .map_err(|e| self.sql(e))?;
        Ok(Money::from_kopecks(sum))
    }
}
