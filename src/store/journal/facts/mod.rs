//! The journal's typed facts (`session_facts`, `session_goal`, `step_facts`, `step_name`,
//! `follow_up_facts`; schema step 3), kept in step with the events: [`apply`] runs in the same
//! transaction as the events it is given, and [`rebuild`] makes them again from the events
//! alone (`opora journal rebuild`, and on opening a file whose facts were made by other rules).
//!
//! Each session is folded oldest event first (`fold.rs`). An event newer than everything its
//! session has seen continues the saved fold; an older one (an import from another device, say)
//! makes that session be folded again from its events, so the facts never depend on the order
//! in which events arrived.

pub mod fold;
pub mod rows;

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use fold::{Fold, OpenState, SessionRow, StepRow};
use opora_core::journal::{Event, Payload};

/// The version of the rules in `fold.rs`: raise it when they change, and every journal's facts
/// are rebuilt when it is next opened.
pub const RULES: i64 = 1;

/// What a fold saves beside the session's row to go on with the next event.
#[derive(Serialize, Deserialize)]
struct Saved {
    row: SessionRow,
    state: OpenState,
}

/// What a rebuild made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RebuildSummary {
    pub events: u64,
    pub sessions: u64,
    pub steps: u64,
}

/// Whether the event belongs to a session's own story (follow-ups and consent refusals do not:
/// they carry a session id of their own and no journey).
pub fn in_a_session(payload: &Payload) -> bool {
    !matches!(
        payload,
        Payload::FollowUp { .. } | Payload::ConsentRefused { .. }
    )
}

/// Files the facts of freshly written events (call inside their transaction).
pub fn apply(conn: &Connection, events: &[Event]) -> rusqlite::Result<()> {
    let mut order: Vec<&str> = Vec::new();
    let mut groups: HashMap<&str, Vec<&Event>> = HashMap::new();
    let mut names = NameCache::default();
    for event in events {
        if let Payload::FollowUp { client, used_alone } = &event.payload {
            follow_up(conn, event, client, *used_alone)?;
        }
        if !in_a_session(&event.payload) {
            continue;
        }
        let group = groups.entry(event.session.as_str()).or_default();
        if group.is_empty() {
            order.push(event.session.as_str());
        }
        group.push(event);
    }
    for session in order {
        let mut group = groups.remove(session).unwrap_or_default();
        group.sort_by_key(|e| (e.at.timestamp_millis(), e.id));
        let saved: Option<(i64, String)> = conn
            .prepare_cached("SELECT sid, fold FROM session_facts WHERE session = ?1")?
            .query_row([session], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match saved {
            None => {
                let Some(first) = group.first() else { continue };
                let mut fold = Fold::new(first);
                for event in &group {
                    fold.apply(event);
                }
                save(conn, None, &mut fold, &mut names)?;
            }
            Some((sid, text)) => {
                let resumed = serde_json::from_str::<Saved>(&text)
                    .ok()
                    .map(|s| Fold::resume(s.row, s.state));
                match resumed {
                    Some(mut fold) if group.iter().all(|e| fold.is_after(e)) => {
                        for event in &group {
                            fold.apply(event);
                        }
                        save(conn, Some(sid), &mut fold, &mut names)?;
                    }
                    _ => refold(conn, sid, session, &mut names)?,
                }
            }
        }
    }
    Ok(())
}

fn follow_up(
    conn: &Connection,
    event: &Event,
    client: &str,
    used_alone: bool,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO follow_up_facts (event, client, used_alone, at) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        event.id.to_string(),
        client,
        used_alone,
        event.at.timestamp_millis()
    ])?;
    Ok(())
}

/// Reads one `event` row (id, device, at, session, payload) back into an event.
pub(crate) fn event_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let bad = |i: usize, e: String| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    };
    let id: String = row.get(0)?;
    let at: i64 = row.get(2)?;
    let payload: String = row.get(4)?;
    Ok(Event {
        id: id.parse().map_err(|e: uuid::Error| bad(0, e.to_string()))?,
        device: row.get(1)?,
        at: chrono::DateTime::from_timestamp_millis(at).ok_or_else(|| bad(2, "time".into()))?,
        session: row.get(3)?,
        payload: serde_json::from_str(&payload).map_err(|e| bad(4, e.to_string()))?,
    })
}

/// Folds one session again from all its events, keeping its id.
fn refold(
    conn: &Connection,
    sid: i64,
    session: &str,
    names: &mut NameCache,
) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM step_facts WHERE sid = ?1", [sid])?;
    conn.execute("DELETE FROM session_goal WHERE sid = ?1", [sid])?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, device, at, session, payload FROM event WHERE session = ?1 ORDER BY at, id",
    )?;
    let events = stmt
        .query_map([session], event_from_row)?
        .collect::<rusqlite::Result<Vec<Event>>>()?;
    let mut fold: Option<Fold> = None;
    for event in events.iter().filter(|e| in_a_session(&e.payload)) {
        fold.get_or_insert_with(|| Fold::new(event)).apply(event);
    }
    match fold {
        Some(mut fold) => {
            save(conn, Some(sid), &mut fold, names)?;
        }
        None => {
            conn.execute("DELETE FROM session_facts WHERE sid = ?1", [sid])?;
        }
    }
    Ok(())
}

/// Makes every fact again from the events (call inside a transaction).
pub fn rebuild(conn: &Connection) -> rusqlite::Result<RebuildSummary> {
    conn.execute_batch(
        "DELETE FROM step_facts; DELETE FROM session_goal; DELETE FROM session_facts;
         DELETE FROM step_name; DELETE FROM follow_up_facts;",
    )?;
    let mut names = NameCache::default();
    let mut summary = RebuildSummary::default();
    let mut stmt = conn
        .prepare("SELECT id, device, at, session, payload FROM event ORDER BY session, at, id")?;
    let mut rows = stmt.query([])?;
    let mut fold: Option<Fold> = None;
    while let Some(row) = rows.next()? {
        let event = event_from_row(row)?;
        summary.events += 1;
        if let Payload::FollowUp { client, used_alone } = &event.payload {
            follow_up(conn, &event, client, *used_alone)?;
        }
        if !in_a_session(&event.payload) {
            continue;
        }
        if fold
            .as_ref()
            .is_some_and(|f| f.row.session != event.session)
            && let Some(mut done) = fold.take()
        {
            summary.sessions += 1;
            summary.steps += save(conn, None, &mut done, &mut names)?;
        }
        fold.get_or_insert_with(|| Fold::new(&event)).apply(&event);
    }
    if let Some(mut done) = fold {
        summary.sessions += 1;
        summary.steps += save(conn, None, &mut done, &mut names)?;
    }
    conn.execute(
        "UPDATE facts_meta SET value = ?1 WHERE key = 'rules'",
        [RULES],
    )?;
    Ok(summary)
}

/// Rebuilds the facts when they were made by other rules than this build's (or by none).
pub fn ensure_current(conn: &mut Connection) -> rusqlite::Result<()> {
    let rules: i64 = conn.query_row(
        "SELECT value FROM facts_meta WHERE key = 'rules'",
        [],
        |r| r.get(0),
    )?;
    if rules == RULES {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Another process may have rebuilt them while this one waited for the lock.
    let rules: i64 = tx.query_row(
        "SELECT value FROM facts_meta WHERE key = 'rules'",
        [],
        |r| r.get(0),
    )?;
    if rules != RULES {
        rebuild(&tx)?;
    }
    tx.commit()
}

/// Forgets the facts of these sessions (their events are being purged).
pub fn forget(conn: &Connection, sessions: &[String]) -> rusqlite::Result<()> {
    for session in sessions {
        let sid: Option<i64> = conn
            .query_row(
                "SELECT sid FROM session_facts WHERE session = ?1",
                [session],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(sid) = sid {
            conn.execute("DELETE FROM step_facts WHERE sid = ?1", [sid])?;
            conn.execute("DELETE FROM session_goal WHERE sid = ?1", [sid])?;
            conn.execute("DELETE FROM session_facts WHERE sid = ?1", [sid])?;
        }
    }
    conn.execute(
        "DELETE FROM follow_up_facts WHERE event NOT IN (SELECT id FROM event WHERE kind = 'follow_up')",
        [],
    )?;
    Ok(())
}

/// Ids of `step_name` rows, looked up once per (track, name, step).
#[derive(Default)]
struct NameCache(HashMap<(String, String, String), i64>);

impl NameCache {
    fn id(&mut self, conn: &Connection, row: &StepRow) -> rusqlite::Result<i64> {
        let key = (row.track.clone(), row.name.clone(), row.step.clone());
        if let Some(id) = self.0.get(&key) {
            return Ok(*id);
        }
        conn.prepare_cached(
            "INSERT OR IGNORE INTO step_name (track, name, step) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![key.0, key.1, key.2])?;
        let id: i64 = conn
            .prepare_cached(
                "SELECT id FROM step_name WHERE track = ?1 AND name = ?2 AND step = ?3",
            )?
            .query_row(params![key.0, key.1, key.2], |r| r.get(0))?;
        self.0.insert(key, id);
        Ok(id)
    }
}

/// Writes the session's row, its goals and its changed step rows; returns how many step rows.
fn save(
    conn: &Connection,
    sid: Option<i64>,
    fold: &mut Fold,
    names: &mut NameCache,
) -> rusqlite::Result<u64> {
    let changed = fold.take_changes();
    let saved = serde_json::to_string(&Saved {
        row: fold.row.clone(),
        state: fold.state.clone(),
    })
    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let r = &fold.row;
    let values = params![
        r.session,
        r.kind,
        r.device,
        r.started_at,
        r.ended_at,
        r.client,
        r.staff,
        r.segment,
        r.age_band,
        r.channel,
        r.site,
        r.variant,
        r.outcome,
        r.computed_outcome,
        r.override_reason,
        r.fcr,
        r.complaint,
        r.csat,
        r.ces,
        r.nps,
        r.by_key,
        r.by_arrows,
        r.by_voice,
        r.heard_accepted,
        r.heard_refused,
        r.helps,
        r.errors,
        r.adjustments,
        r.backs,
        r.cancels,
        r.staff_marks,
        r.operations,
        r.alone_at,
        r.legacy,
        r.events,
        r.last_at,
        r.last_id,
        saved,
    ];
    const COLUMNS: &str = "session, kind, device, started_at, ended_at, client, staff, segment, \
        age_band, channel, site, variant, outcome, computed_outcome, override_reason, fcr, \
        complaint, csat, ces, nps, by_key, by_arrows, by_voice, heard_accepted, heard_refused, \
        helps, errors, adjustments, backs, cancels, staff_marks, operations, alone_at, legacy, \
        events, last_at, last_id, fold";
    let sid = match sid {
        Some(sid) => {
            let sql = format!(
                "INSERT OR REPLACE INTO session_facts (sid, {COLUMNS}) VALUES (?39, {})",
                (1..=38)
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
            all.push(&sid);
            conn.prepare_cached(&sql)?.execute(all.as_slice())?;
            sid
        }
        None => {
            let sql = format!(
                "INSERT INTO session_facts ({COLUMNS}) VALUES ({})",
                (1..=38)
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            conn.prepare_cached(&sql)?.execute(values)?;
            conn.last_insert_rowid()
        }
    };
    for goal in &fold.row.goals {
        conn.prepare_cached("INSERT OR IGNORE INTO session_goal (sid, goal) VALUES (?1, ?2)")?
            .execute(params![sid, goal])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR REPLACE INTO step_facts (sid, seq, role, name_id, step_no, steps, after_step, \
         ordinal, entered_at, ms, errors, help) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for row in &changed {
        let name = names.id(conn, row)?;
        insert.execute(params![
            sid,
            row.seq,
            row.role as i64,
            name,
            row.step_no,
            row.steps,
            row.after_step,
            row.ordinal,
            row.entered_at,
            row.ms,
            row.errors,
            row.help
        ])?;
    }
    Ok(changed.len() as u64)
}
