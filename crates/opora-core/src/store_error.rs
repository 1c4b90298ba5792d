//! Trouble with one of Opora's database files that staff can act on (a corrupted, locked or
//! read-only file, a full disk), and the sentence that says what to do about it, which names the
//! file by what it holds: the practice bank or the journal.

use crate::i18n::I18n;
use crate::tr;
use std::path::PathBuf;
use thiserror::Error;

/// Trouble with a database file (or the embedded demo data).
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
    /// An event the journal's gate refused (`journal::validate`): nothing was written.
    #[error("the event was not recorded: {0}")]
    Invalid(crate::journal::validate::Invalid),
}

/// Which file a [`StoreError`] is about, for the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreFile {
    /// The practice bank (and the lesson progress beside it).
    Bank,
    /// The journal of sessions.
    Journal,
}

impl StoreError {
    /// The problem as a sentence that says what to do, naming the file by what it holds.
    pub fn sentence(&self, file: StoreFile, i18n: &I18n) -> String {
        let prefix = match file {
            StoreFile::Bank => "error-db",
            StoreFile::Journal => "journal-db",
        };
        let (kind, path) = match self {
            StoreError::Corrupt { path } => ("corrupt", path),
            StoreError::Locked { path } => ("locked", path),
            StoreError::ReadOnly { path } => ("readonly", path),
            StoreError::CannotOpen { path } => ("cannot-open", path),
            StoreError::DiskFull { path } => ("disk-full", path),
            StoreError::TooNew { path, .. } => ("too-new", path),
            StoreError::Invalid(invalid) => {
                return tr!(
                    i18n,
                    "journal-event-refused",
                    reason = invalid.sentence(i18n)
                );
            }
            StoreError::BadDemoData(reason) | StoreError::Other(reason) => {
                let id = format!("{prefix}-other");
                return tr!(i18n, &id, reason = reason.clone());
            }
        };
        let id = format!("{prefix}-{kind}");
        tr!(i18n, &id, path = path.display().to_string())
    }

    /// Every kind of problem, as the message ids name them (`error-db-<kind>`).
    pub const KINDS: [&'static str; 7] = [
        "corrupt",
        "locked",
        "readonly",
        "cannot-open",
        "disk-full",
        "too-new",
        "other",
    ];
}
