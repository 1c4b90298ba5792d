//! What `opora journal push` sends: the journal's events in the order they were written here
//! (SQLite's rowid, which only grows while rows are added, whatever the events' own times —
//! an import of an old journal comes after everything before it), read a batch at a time.
//! The push remembers the rowid and the id of the last event the server acknowledged.

use rusqlite::{OptionalExtension, params};

use super::store::Journal;
use opora_core::store_error::StoreError;

/// One event as stored, ready to send: the payload is the stored JSON text.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub rowid: i64,
    pub id: uuid::Uuid,
    pub device: String,
    pub at_ms: i64,
    pub session: String,
    pub kind: String,
    pub payload: String,
}

impl Journal {
    /// Up to `limit` events written after `rowid`, in the order they were written.
    pub fn outgoing_after(&self, rowid: i64, limit: usize) -> Result<Vec<Outgoing>, StoreError> {
        let sql = |e| self.sql(e);
        let mut stmt = self
            .conn()
            .prepare_cached(
                "SELECT rowid, id, device, at, session, kind, payload FROM event
                 WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
            )
            .map_err(sql)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(params![rowid, limit], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })
            .map_err(sql)?;
        let mut out = Vec::new();
        for row in rows {
            let (rowid, id, device, at_ms, session, kind, payload) = row.map_err(sql)?;
            let id = id.parse().map_err(|_| StoreError::Corrupt {
                path: self.path().to_path_buf(),
            })?;
            out.push(Outgoing {
                rowid,
                id,
                device,
                at_ms,
                session,
                kind,
                payload,
            });
        }
        Ok(out)
    }

    /// The id of the event at `rowid`, if there still is one.
    pub fn id_at_rowid(&self, rowid: i64) -> Result<Option<String>, StoreError> {
        self.conn()
            .query_row("SELECT id FROM event WHERE rowid = ?1", [rowid], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.sql(e))
    }

    /// How many events were written after `rowid`.
    pub fn count_after(&self, rowid: i64) -> Result<u64, StoreError> {
        self.conn()
            .query_row(
                "SELECT count(*) FROM event WHERE rowid > ?1",
                [rowid],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| u64::try_from(n).unwrap_or(0))
            .map_err(|e| self.sql(e))
    }
}
