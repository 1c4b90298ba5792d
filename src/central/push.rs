//! `opora journal push`: every event of this device's journal the central database has not
//! acknowledged, in batches, oldest written first.
//!
//! Each batch is one server transaction: a multi-row `INSERT … SELECT FROM unnest(…)` of typed
//! arrays (one statement, one round trip, binary parameters) with `ON CONFLICT DO NOTHING`, so
//! an event the server has — pushed before a kill, or by another device that imported it — is
//! skipped, never doubled. (No conflict target: naming `(id)` would need SELECT on it, which
//! the insert-only device role has not; the id is the table's only unique key.) Only after the server commits does the device move
//! its mark (`store::push_state`), so a kill or a dropped connection at any moment loses nothing:
//! the next push sends at most that one batch again. Devices pushing at once never wait for each
//! other except on the very same ids.

use chrono::DateTime;

use super::connect::Central;
use super::error::{CentralError, classify};
use super::migrate::ServerInfo;
use crate::store::journal::Journal;
use crate::store::journal::outbox::Outgoing;
use crate::store::push_state::{Mark, PushState};

/// Events per batch (about 4 MB of payloads).
pub const BATCH: usize = 10_000;

/// What a push did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PushSummary {
    /// Events sent and acknowledged.
    pub sent: u64,
    /// Of them, new to the server (the rest it had already).
    pub new_there: u64,
    /// Acknowledged by this server in all, this push included.
    pub total: u64,
    /// Whether this push started again from the first event (a new server, or the mark lost).
    pub from_start: bool,
}

const INSERT: &str = "INSERT INTO opora.event (id, device, at, session, kind, payload)
    SELECT id, device, at, session, kind, payload::jsonb
    FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[])
        AS batch (id, device, at, session, kind, payload)
    ON CONFLICT DO NOTHING";

/// Sends what `server` lacks, `batch` events at a time; `progress` hears the count sent so far.
pub fn push(
    central: &mut Central,
    server: &ServerInfo,
    journal: &Journal,
    state: &PushState,
    batch: usize,
    mut progress: impl FnMut(u64),
) -> Result<PushSummary, CentralError> {
    let peer = central.peer.clone();
    let sql = |e: postgres::Error| classify(&e, &peer);
    let mut summary = PushSummary::default();
    let mut after = match state.mark(&server.server_id)? {
        Some(mark) if journal.id_at_rowid(mark.rowid)?.as_deref() == Some(mark.id.as_str()) => {
            mark.rowid
        }
        Some(_) => {
            state.forget(&server.server_id)?;
            summary.from_start = true;
            0
        }
        None => {
            summary.from_start = true;
            0
        }
    };
    let insert = central.client.prepare(INSERT).map_err(sql)?;
    loop {
        let rows = journal.outgoing_after(after, batch.max(1))?;
        let Some(last) = rows.last() else { break };
        let mark = Mark {
            rowid: last.rowid,
            id: last.id.to_string(),
        };
        let (first_id, last_id) = id_range(&rows);
        central
            .client
            .execute("SELECT opora.ensure_months($1, $2)", &[&first_id, &last_id])
            .map_err(sql)?;
        let count = rows.len() as u64;
        let columns = Columns::from(rows);
        let mut tx = central.client.transaction().map_err(sql)?;
        let added = tx
            .execute(
                &insert,
                &[
                    &columns.ids,
                    &columns.devices,
                    &columns.ats,
                    &columns.sessions,
                    &columns.kinds,
                    &columns.payloads,
                ],
            )
            .map_err(sql)?;
        tx.commit().map_err(sql)?;
        state.advance(
            &server.server_id,
            &mark,
            count,
            chrono::Utc::now().timestamp_millis(),
        )?;
        summary.sent += count;
        summary.new_there += added;
        after = mark.rowid;
        progress(summary.sent);
    }
    summary.total = state.acknowledged(&server.server_id)?;
    Ok(summary)
}

/// The smallest and largest ids of a batch (ids of imported events are in any order).
fn id_range(rows: &[Outgoing]) -> (uuid::Uuid, uuid::Uuid) {
    let first = rows.iter().map(|r| r.id).min().unwrap_or_default();
    let last = rows.iter().map(|r| r.id).max().unwrap_or_default();
    (first, last)
}

/// A batch as one array per column.
struct Columns {
    ids: Vec<uuid::Uuid>,
    devices: Vec<String>,
    ats: Vec<DateTime<chrono::Utc>>,
    sessions: Vec<String>,
    kinds: Vec<String>,
    payloads: Vec<String>,
}

impl From<Vec<Outgoing>> for Columns {
    fn from(rows: Vec<Outgoing>) -> Columns {
        let mut c = Columns {
            ids: Vec::with_capacity(rows.len()),
            devices: Vec::with_capacity(rows.len()),
            ats: Vec::with_capacity(rows.len()),
            sessions: Vec::with_capacity(rows.len()),
            kinds: Vec::with_capacity(rows.len()),
            payloads: Vec::with_capacity(rows.len()),
        };
        for row in rows {
            c.ids.push(row.id);
            c.devices.push(row.device);
            c.ats
                .push(DateTime::from_timestamp_millis(row.at_ms).unwrap_or_default());
            c.sessions.push(row.session);
            c.kinds.push(row.kind);
            c.payloads.push(row.payload);
        }
        c
    }
}
