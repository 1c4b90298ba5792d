//! How far this device's journal has reached each central database (`push.db` beside the
//! journal): the rowid and id of the last event a server has acknowledged — written only after
//! the server committed the batch holding it, so a push killed at any moment sends that batch
//! again next time (the server skips ids it has) and never skips one.
//!
//! The mark is kept per server (the id `opora central init` gave it), so pointing a device at a
//! new server sends everything again. If the event at the mark is gone or is another event
//! (a purge removed the journal's newest rows, so rowids may be given out again), the next push
//! starts from the beginning: slower, never lossy.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

use crate::store::sqlite;
use opora_core::store_error::StoreError;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SCHEMA: &str = "CREATE TABLE IF NOT EXISTS pushed (
    server TEXT PRIMARY KEY,
    high_water INTEGER NOT NULL,
    high_water_id TEXT NOT NULL,
    events INTEGER NOT NULL,
    at INTEGER NOT NULL
) STRICT;";

/// The last event a server acknowledged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub rowid: i64,
    pub id: String,
}

/// The push marks of this device.
pub struct PushState {
    conn: Connection,
    path: PathBuf,
}

impl PushState {
    /// Opens (or creates) the file at `path`.
    pub fn open(path: &Path) -> Result<PushState, StoreError> {
        let (conn, version) = sqlite::open_file(path, BUSY_TIMEOUT)?;
        if version > 1 {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                version,
            });
        }
        let sql = |e| sqlite::store_error(path, e);
        conn.execute_batch(SCHEMA).map_err(sql)?;
        conn.pragma_update(None, "user_version", 1).map_err(sql)?;
        Ok(PushState {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn sql(&self, e: rusqlite::Error) -> StoreError {
        sqlite::store_error(&self.path, e)
    }

    /// The mark for `server`, if it has acknowledged anything.
    pub fn mark(&self, server: &str) -> Result<Option<Mark>, StoreError> {
        self.conn
            .query_row(
                "SELECT high_water, high_water_id FROM pushed WHERE server = ?1",
                [server],
                |r| {
                    Ok(Mark {
                        rowid: r.get(0)?,
                        id: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// Events acknowledged by `server` in all.
    pub fn acknowledged(&self, server: &str) -> Result<u64, StoreError> {
        self.conn
            .query_row(
                "SELECT events FROM pushed WHERE server = ?1",
                [server],
                |r| r.get::<_, i64>(0),
            )
            .optional()
            .map(|n| n.map_or(0, |n| u64::try_from(n).unwrap_or(0)))
            .map_err(|e| self.sql(e))
    }

    /// Moves the mark forward (never back: two pushes at once both end at the furthest), after
    /// `server` committed `events` more; committed before this returns.
    pub fn advance(
        &self,
        server: &str,
        mark: &Mark,
        events: u64,
        at_ms: i64,
    ) -> Result<(), StoreError> {
        let events = i64::try_from(events).unwrap_or(i64::MAX);
        self.conn
            .execute(
                "INSERT INTO pushed (server, high_water, high_water_id, events, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (server) DO UPDATE SET
                    high_water = excluded.high_water,
                    high_water_id = excluded.high_water_id,
                    events = pushed.events + excluded.events,
                    at = excluded.at
                 WHERE excluded.high_water > pushed.high_water",
                params![server, mark.rowid, mark.id, events, at_ms],
            )
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }

    /// Starts `server` again from the beginning (its mark no longer names an event here).
    pub fn forget(&self, server: &str) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM pushed WHERE server = ?1", [server])
            .map(|_| ())
            .map_err(|e| self.sql(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_move_forward_and_survive_reopening() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("push.db");
        let state = PushState::open(&path).expect("opened");
        assert_eq!(state.mark("s1").expect("mark"), None);
        let m = |rowid: i64| Mark {
            rowid,
            id: format!("id-{rowid}"),
        };
        state.advance("s1", &m(10), 10, 1).expect("advanced");
        state.advance("s1", &m(5), 5, 2).expect("a late push");
        assert_eq!(state.mark("s1").expect("mark"), Some(m(10)));
        state.advance("s1", &m(20), 10, 3).expect("advanced");
        drop(state);
        let state = PushState::open(&path).expect("reopened");
        assert_eq!(state.mark("s1").expect("mark"), Some(m(20)));
        assert_eq!(state.acknowledged("s1").expect("count"), 20);
        assert_eq!(state.mark("s2").expect("other server"), None);
        state.forget("s1").expect("forgot");
        assert_eq!(state.mark("s1").expect("mark"), None);
    }
}
