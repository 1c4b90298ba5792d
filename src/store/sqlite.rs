//! How Opora opens its SQLite files (the practice bank, the journal, lesson progress): the folder
//! is created private (0700) and the files are the owner's alone (0600, tightened if an older
//! Opora made them readable); a write-protected file or folder is named as such at once instead
//! of being opened read-only; and every connection gets a busy timeout, WAL on disk and
//! `synchronous=FULL`. The schema version (`user_version`) is handed back for the caller's own
//! migrations.

use opora_core::store_error::StoreError;
use rusqlite::ErrorCode;
use rusqlite::{Connection, MAIN_DB};
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Opens (or creates) the database at `path`; the connection and its schema version.
pub(crate) fn open_file(path: &Path, busy: Duration) -> Result<(Connection, i64), StoreError> {
    open_file_as_is(path, busy).map_err(|error| match error {
        // SQLite says only "cannot open" when it may not create the file or its WAL beside it.
        StoreError::CannotOpen { path } if folder_is_read_only(&path) => {
            StoreError::ReadOnly { path }
        }
        other => other,
    })
}

fn open_file_as_is(path: &Path, busy: Duration) -> Result<(Connection, i64), StoreError> {
    let io = |e: std::io::Error| crate::store::sqlite::io_store_error(path, &e);
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        crate::files::private::private_dir(dir).map_err(io)?;
    }
    // The file, its WAL and its shared memory are the owner's alone (SQLite gives the WAL and
    // shared-memory files the database's own permissions). A new file starts empty and 0600.
    match crate::files::private::create_new(path) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(io(e)),
    }
    for side in ["", "-wal", "-shm", "-journal"] {
        let mut file = path.as_os_str().to_owned();
        file.push(side);
        let _ = crate::files::private::tighten(Path::new(&file));
    }
    if path.exists() {
        // SQLite would quietly open a write-protected file read-only; say so at once instead.
        OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(|e| crate::store::sqlite::io_store_error(path, &e))?;
    }
    let conn = Connection::open(path).map_err(|e| crate::store::sqlite::store_error(path, e))?;
    let version = prepare(&conn, path, true, busy)?;
    Ok((conn, version))
}

/// A database in memory (tests); its "path" for messages is `:memory:`.
pub(crate) fn open_memory(busy: Duration) -> Result<(Connection, PathBuf, i64), StoreError> {
    let path = PathBuf::from(":memory:");
    let conn =
        Connection::open_in_memory().map_err(|e| crate::store::sqlite::store_error(&path, e))?;
    let version = prepare(&conn, &path, false, busy)?;
    Ok((conn, path, version))
}

/// Busy timeout, the first read (a file that is not a database fails here), refusal of a
/// read-only file, WAL on disk, `synchronous=FULL`. Returns `user_version`.
fn prepare(
    conn: &Connection,
    path: &Path,
    on_disk: bool,
    busy: Duration,
) -> Result<i64, StoreError> {
    let sql = |e| crate::store::sqlite::store_error(path, e);
    conn.busy_timeout(busy).map_err(sql)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sql)?;
    if conn.is_readonly(MAIN_DB).map_err(sql)? {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    if on_disk {
        let _mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(sql)?;
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    Ok(version)
}

/// Whether the folder of `path` refuses new files (so SQLite could not create the database or
/// its WAL there).
fn folder_is_read_only(path: &Path) -> bool {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let probe = dir.join(format!(".opora-write-probe-{}", std::process::id()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            false
        }
        Err(e) => matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
    }
}

/// Classifies an SQLite error by what a person can do about it.
pub fn store_error(path: &Path, error: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Corrupt { path },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => StoreError::ReadOnly { path },
        Some(ErrorCode::CannotOpen) => StoreError::CannotOpen { path },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        // A row Opora always keeps (the practice client, say) is gone: the file was edited.
        _ if matches!(error, rusqlite::Error::QueryReturnedNoRows) => StoreError::Corrupt { path },
        _ => StoreError::Other(error.to_string()),
    }
}

/// Classifies a file-system error met while preparing the database's folder.
pub fn io_store_error(path: &Path, error: &std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    match error.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            StoreError::ReadOnly { path }
        }
        std::io::ErrorKind::StorageFull => StoreError::DiskFull { path },
        _ => StoreError::CannotOpen { path },
    }
}
