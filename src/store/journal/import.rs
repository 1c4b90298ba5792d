//! Journals in and out without a memory wall: an import reads its file line by line
//! (`ndjson::EventLines`) and writes each event as it goes, all in one transaction — the first bad
//! line rolls everything back, so a file is still applied whole or not at all — and an export
//! reads the journal one event at a time ([`Journal::each_event`]). Memory stays that of a few
//! lines and SQLite's page cache (a large transaction spills to the WAL file, not to memory),
//! whatever the file's size.

use std::io::BufRead;

use chrono::{DateTime, Utc};

use super::ndjson::{EventLines, ImportError, ImportSummary, LineError};
use super::store::{Journal, insert};
use opora_core::journal::{Event, Payload};

/// Added events whose facts are filed together (a few megabytes of events).
const FACTS_CHUNK: usize = 4096;

impl Journal {
    /// Adds the events of a journal file, all or nothing, checked against this device's clock.
    pub fn import(&mut self, input: impl BufRead) -> Result<ImportSummary, ImportError> {
        self.import_at(input, Utc::now())
    }

    /// [`Journal::import`] with the clock given (tests).
    pub fn import_at(
        &mut self,
        input: impl BufRead,
        now: DateTime<Utc>,
    ) -> Result<ImportSummary, ImportError> {
        let path = self.path().to_path_buf();
        let sql = |e| crate::store::sqlite::store_error(&path, e);
        let tx = self.transaction()?;
        let mut summary = ImportSummary::default();
        // The facts of the added events are filed a chunk at a time, in the same transaction
        // (they do not depend on the order events arrive in, so chunks give the same facts).
        let mut added = Vec::with_capacity(FACTS_CHUNK);
        for item in EventLines::new(input) {
            // Any error returns early; dropping the transaction rolls back what was added.
            let (line, event) = item?;
            let bad = |error| ImportError::Line { line, error };
            opora_core::journal::validate::check(&event, now)
                .map_err(|invalid| bad(LineError::Invalid(invalid)))?;
            if insert(&tx, &event, true).map_err(sql)? {
                summary.added += 1;
                added.push(event);
                if added.len() == FACTS_CHUNK {
                    super::facts::apply(&tx, &added).map_err(sql)?;
                    added.clear();
                }
            } else if same_as_stored(&tx, &event).map_err(sql)? {
                summary.already_present += 1;
            } else {
                return Err(bad(LineError::Conflict(event.id)));
            }
        }
        super::facts::apply(&tx, &added).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(summary)
    }

    /// Hands every event to `each`, oldest first (by UUIDv7), reading one at a time.
    pub fn each_event(
        &self,
        mut each: impl FnMut(Event) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        let sql = |e| self.sql(e);
        let mut stmt = self
            .conn()
            .prepare("SELECT id, device, at, session, payload FROM event ORDER BY id")
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(row) = rows.next().map_err(sql)? {
            let broken = || opora_core::store_error::StoreError::Corrupt {
                path: self.path().to_path_buf(),
            };
            let id: String = row.get(0).map_err(sql)?;
            let at: i64 = row.get(2).map_err(sql)?;
            let payload: String = row.get(4).map_err(sql)?;
            each(Event {
                id: id.parse().map_err(|_| broken())?,
                device: row.get(1).map_err(sql)?,
                at: DateTime::from_timestamp_millis(at).ok_or_else(broken)?,
                session: row.get(3).map_err(sql)?,
                payload: serde_json::from_str(&payload).map_err(|_| broken())?,
            })?;
        }
        Ok(())
    }
}

/// Whether the event stored under `event.id` says the same as `event`.
fn same_as_stored(conn: &rusqlite::Connection, event: &Event) -> rusqlite::Result<bool> {
    let (device, at, session, payload): (String, i64, String, String) = conn.query_row(
        "SELECT device, at, session, payload FROM event WHERE id = ?1",
        [event.id.to_string()],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
    )?;
    let stored: Option<Payload> = serde_json::from_str(&payload).ok();
    Ok(device == event.device
        && at == event.at.timestamp_millis()
        && session == event.session
        && stored.as_ref() == Some(&event.payload))
}
