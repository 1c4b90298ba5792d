//! `SandboxStore`: the practice bank's state in one SQLite file (bundled SQLite, WAL mode).
//!
//! Opening a file creates its folder, runs the missing migrations from `schema.rs` and writes the
//! demo client when the file is new. `execute` checks and applies an operation in one
//! transaction and records its operation id, so confirming twice moves money once. Every money
//! column is an INTEGER number of kopecks.
//!
//! Errors from SQLite are sorted into what a person can act on: a damaged file (`Corrupt`), a
//! file in use (`Locked`), a file that cannot be written (`ReadOnly`), and so on.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::schema::MIGRATIONS;
use super::tables::Db;
use crate::store::sqlite;
use opora_core::bank::BankError;
use opora_core::bank::demo::DemoData;
use opora_core::bank::operation::{OpId, Operation, Receipt};
use opora_core::bank::rules;
use opora_core::bank::snapshot::Snapshot;
use opora_core::store_error::StoreError;

/// How long to wait for another program that holds the database before saying it is locked.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// Where the bank's "today" comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The computer's local date, read at each use.
    System,
    /// A fixed day, for tests and reproducible scripted sessions.
    Fixed(NaiveDate),
}

impl Clock {
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::System => chrono::Local::now().date_naive(),
            Clock::Fixed(date) => date,
        }
    }
}

/// Where confirmation codes come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codes {
    /// A fresh random code each time, as a real bank sends: a file on disk.
    Random,
    /// The sequence seeded by the demo data: the same after every reset, so screen snapshots
    /// and property tests on an in-memory bank are reproducible.
    Seeded,
}

/// The practice bank's database.
pub struct SandboxStore {
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    codes: Codes,
}

impl SandboxStore {
    /// Opens (or creates) the sandbox database at `path`, with the system clock.
    pub fn open(path: &Path) -> Result<SandboxStore, StoreError> {
        SandboxStore::open_with_clock(path, Clock::System)
    }

    /// Opens (or creates) the sandbox database at `path`. A new file gets the demo client, with
    /// history dated relative to `clock`'s today.
    pub fn open_with_clock(path: &Path, clock: Clock) -> Result<SandboxStore, StoreError> {
        let (conn, version) = sqlite::open_file(path, BUSY_TIMEOUT)?;
        SandboxStore::prepare(conn, path.to_path_buf(), clock, version, Codes::Random)
    }

    /// A sandbox that lives in memory only (tests, property tests), with the system clock.
    pub fn open_in_memory() -> Result<SandboxStore, StoreError> {
        SandboxStore::open_in_memory_with_clock(Clock::System)
    }

    pub fn open_in_memory_with_clock(clock: Clock) -> Result<SandboxStore, StoreError> {
        let (conn, path, version) = sqlite::open_memory(BUSY_TIMEOUT)?;
        SandboxStore::prepare(conn, path, clock, version, Codes::Seeded)
    }

    /// Foreign keys on, the schema brought up to date, the demo client seeded into a new file.
    fn prepare(
        mut conn: Connection,
        path: PathBuf,
        clock: Clock,
        version: i64,
        codes: Codes,
    ) -> Result<SandboxStore, StoreError> {
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(|e| crate::store::sqlite::store_error(&path, e))?;
        migrate(&mut conn, &path, version)?;
        let store = SandboxStore {
            conn,
            path,
            clock,
            codes,
        };
        store.seed_if_empty()?;
        Ok(store)
    }

    /// The file this store uses (`:memory:` for an in-memory one).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The bank's today.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// Changes where today comes from (a test can move to the next month). Existing history keeps
    /// its dates.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Everything the app shows of the demo client, read in one transaction.
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        let snapshot = self.db(&tx).snapshot(self.today())?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(snapshot)
    }

    /// Checks and applies an operation in one transaction. A second call with the same `op_id`
    /// moves nothing and returns the first receipt with `already_done: true`; the same `op_id`
    /// with a different operation is `OpIdConflict`. A refused operation is not recorded, so
    /// its id may be used again.
    pub fn execute(&self, op_id: &OpId, operation: &Operation) -> Result<Receipt, BankError> {
        let tx = self.begin()?;
        let db = self.db(&tx);
        if let Some(first) = db.receipt(op_id)? {
            if first.operation != *operation {
                return Err(BankError::OpIdConflict(op_id.clone()));
            }
            return Ok(Receipt {
                already_done: true,
                ..first
            });
        }
        let today = self.today();
        let snapshot = db.snapshot(today)?;
        let quote = rules::quote(&snapshot, operation)?;
        db.record_operation(op_id, operation, &quote, today)?;
        db.apply(&snapshot, op_id, operation, &quote, today)?;
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(Receipt {
            op_id: op_id.clone(),
            operation: operation.clone(),
            quote,
            executed_at: today,
            already_done: false,
        })
    }

    /// Restores the demo client exactly as on first start (history dated from today), and
    /// restarts the confirmation-code sequence. `opora sandbox reset`.
    pub fn reset(&self) -> Result<(), StoreError> {
        let demo = DemoData::embedded()?;
        let tx = self.begin()?;
        let db = self.db(&tx);
        db.clear()?;
        db.seed(&demo, self.today())?;
        tx.commit().map_err(|e| self.sql(e))
    }

    /// Unblocks the card (a staff command; clients cannot). Returns whether it was blocked.
    pub fn unblock_card(&self) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .execute(
                "UPDATE client SET card_blocked = 0 WHERE card_blocked = 1",
                [],
            )
            .map_err(|e| self.sql(e))?;
        Ok(changed > 0)
    }

    /// Where this store's confirmation codes come from.
    pub fn codes(&self) -> Codes {
        self.codes
    }

    /// Switches to the seeded, reproducible code sequence (tests of a bank on disk).
    pub fn with_seeded_codes(mut self) -> SandboxStore {
        self.codes = Codes::Seeded;
        self
    }

    /// The four-digit confirmation code for an operation, as the simulated phone shows it: the
    /// same again for the same `op_id`, never the same as the code before. A bank on disk sends
    /// a fresh random code each time, as a real bank does, so a code seen on one practice
    /// transfer says nothing about the next; an in-memory bank (tests) uses the sequence seeded
    /// by the demo data, the same after every reset.
    pub fn issue_code(&self, op_id: &OpId) -> Result<String, StoreError> {
        let tx = self.begin()?;
        let sql = |e| self.sql(e);
        let existing: Option<String> = tx
            .query_row(
                "SELECT code FROM confirmation_code WHERE op_id = ?1",
                [op_id.as_str()],
                |row| row.get(0),
            )
            .optional()
            .map_err(sql)?;
        if let Some(code) = existing {
            return Ok(code);
        }
        let (seed, mut counter, last): (i64, i64, Option<String>) = tx
            .query_row(
                "SELECT code_seed, code_counter, last_code FROM client WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .map_err(sql)?;
        let code = loop {
            counter = counter.wrapping_add(1);
            let code = match self.codes {
                Codes::Seeded => confirmation_code(seed, counter),
                Codes::Random => random_code()?,
            };
            if last.as_deref() != Some(code.as_str()) {
                break code;
            }
        };
        tx.execute(
            "INSERT INTO confirmation_code (op_id, code) VALUES (?1, ?2)",
            params![op_id.as_str(), code],
        )
        .map_err(sql)?;
        tx.execute(
            "UPDATE client SET code_counter = ?1, last_code = ?2 WHERE id = 1",
            params![counter, code],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(code)
    }

    fn seed_if_empty(&self) -> Result<(), StoreError> {
        if self.db(&self.conn).is_seeded()? {
            return Ok(());
        }
        let demo = DemoData::embedded()?;
        let tx = self.begin()?;
        let db = self.db(&tx);
        // Another program may have seeded it between the check and the write lock.
        if !db.is_seeded()? {
            db.seed(&demo, self.today())?;
        }
        tx.commit().map_err(|e| self.sql(e))
    }

    /// A write transaction that takes the write lock at once (no deadlock on upgrade).
    fn begin(&self) -> Result<Transaction<'_>, StoreError> {
        Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.sql(e))
    }

    fn db<'a>(&'a self, conn: &'a Connection) -> Db<'a> {
        Db {
            conn,
            path: &self.path,
        }
    }

    fn sql(&self, error: rusqlite::Error) -> StoreError {
        crate::store::sqlite::store_error(&self.path, error)
    }
}

fn migrate(conn: &mut Connection, path: &Path, found: i64) -> Result<(), StoreError> {
    let sql = |e| crate::store::sqlite::store_error(path, e);
    let latest = MIGRATIONS.len();
    match usize::try_from(found) {
        Ok(version) if version == latest => return Ok(()),
        Ok(version) if version > latest => {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                version: found,
            });
        }
        _ => {}
    }
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        // Read again under the write lock: another program may have migrated meanwhile.
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(sql)?;
        let Ok(done) = usize::try_from(version) else {
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
            });
        };
        let Some(step) = MIGRATIONS.get(done) else {
            return Ok(());
        };
        tx.execute_batch(step).map_err(sql)?;
        tx.pragma_update(None, "user_version", version + 1)
            .map_err(sql)?;
        tx.commit().map_err(sql)?;
    }
}

/// A random confirmation code from the system's random source, 1000–9999.
fn random_code() -> Result<String, StoreError> {
    let n = getrandom::u32().map_err(|e| StoreError::Other(e.to_string()))?;
    Ok((1000 + n % 9000).to_string())
}

/// A confirmation code from the seeded sequence: SplitMix64 of the seed and the counter, as
/// 1000–9999 (four digits, no leading zero to mishear).
fn confirmation_code(seed: i64, counter: i64) -> String {
    let mut z = (seed as u64).wrapping_add((counter as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (1000 + z % 9000).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use opora_core::bank::operation::Recipient;
    use opora_core::bank::snapshot::AccountKind;
    use opora_core::money::Money;
    use opora_core::phone::PhoneNumber;

    #[test]
    fn codes_are_four_digits_and_deterministic() {
        for counter in 0..1000 {
            let code = confirmation_code(42, counter);
            assert_eq!(code.len(), 4);
            assert!(!code.starts_with('0'));
            assert_eq!(code, confirmation_code(42, counter));
        }
        assert_ne!(
            (1..20).map(|c| confirmation_code(1, c)).collect::<Vec<_>>(),
            (1..20).map(|c| confirmation_code(2, c)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn operations_survive_the_database() {
        let store = SandboxStore::open_in_memory().unwrap();
        let db = store.db(&store.conn);
        let phone = PhoneNumber::parse("+7 905 700-11-22").unwrap();
        let operations = [
            Operation::Transfer {
                to: Recipient::Payee("daughter".into()),
                amount: Money::from_rubles(1),
            },
            Operation::Transfer {
                to: Recipient::Phone(phone),
                amount: Money::from_rubles(2),
            },
            Operation::OwnTransfer {
                from: AccountKind::Savings,
                to: AccountKind::Card,
                amount: Money::from_rubles(3),
            },
            Operation::PayBill {
                bill: "water".into(),
                amount: Money::from_rubles(4),
            },
            Operation::TopUp {
                phone,
                amount: Money::from_rubles(50),
            },
            Operation::BlockCard,
        ];
        for (i, operation) in operations.iter().enumerate() {
            let id = OpId::new(format!("op-{i}"));
            let receipt = store.execute(&id, operation).unwrap();
            assert_eq!(db.receipt(&id).unwrap(), Some(receipt));
        }
    }
}
