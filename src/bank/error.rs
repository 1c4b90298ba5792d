//! Why the sandbox bank refused something, or could not do it.
//!
//! `BankError` is a refusal a client can act on («недостаточно средств», «карта заблокирована»);
//! `StoreError` is trouble with the database file that staff can act on (a corrupted, locked or
//! read-only file). Every variant is meant to become one sentence in `locales/`; the `Display`
//! texts here are for logs and developers only.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;
use thiserror::Error;

use super::operation::OpId;
use crate::money::Money;
use crate::phone::PhoneNumber;

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
    #[error("no client of any bank has the number {}", .0.pretty())]
    UnknownPhone(PhoneNumber),
    #[error("the bill {0:?} is already paid")]
    BillAlreadyPaid(String),
    #[error("money cannot be moved from an account to the same account")]
    SameAccount,
    #[error("operation id {:?} was already used for a different operation", .0.as_str())]
    OpIdConflict(OpId),
    #[error(transparent)]
    Storage(#[from] StoreError),
}

/// Trouble with the sandbox database or the embedded demo data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    #[error("the database file {path:?} is damaged or is not a database")]
    Corrupt { path: PathBuf },
    #[error("the database file {path:?} is in use by another program")]
    Locked { path: PathBuf },
    #[error("the database file {path:?} cannot be written (read-only file, folder or disk)")]
    ReadOnly { path: PathBuf },
    #[error("the database file {path:?} cannot be opened or created")]
    CannotOpen { path: PathBuf },
    #[error("the disk holding {path:?} is full")]
    DiskFull { path: PathBuf },
    #[error("the database file {path:?} was written by a newer Opora (schema version {version})")]
    TooNew { path: PathBuf, version: i64 },
    #[error("the demo client data is broken: {0}")]
    BadDemoData(String),
    #[error("database error: {0}")]
    Other(String),
}

impl StoreError {
    /// Classifies an SQLite error by what a person can do about it.
    pub(crate) fn from_sqlite(path: &Path, error: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StoreError::Corrupt { path }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path }
            }
            Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
                StoreError::ReadOnly { path }
            }
            Some(ErrorCode::CannotOpen) => StoreError::CannotOpen { path },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
            _ => StoreError::Other(error.to_string()),
        }
    }

    /// Classifies a file-system error met while preparing the database's folder.
    pub(crate) fn from_io(path: &Path, error: &std::io::Error) -> StoreError {
        let path = path.to_path_buf();
        match error.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnly { path }
            }
            std::io::ErrorKind::StorageFull => StoreError::DiskFull { path },
            _ => StoreError::CannotOpen { path },
        }
    }
}
