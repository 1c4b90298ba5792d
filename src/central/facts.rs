//! `opora central refresh`: the server's typed facts made from its events by the very rules a
//! device uses (`store::journal::facts::fold`), so the central report reads what a device's
//! report would read over the same events.
//!
//! Pushes queue the sessions they add events to (`opora.fact_queue`, schema step 2). A refresh,
//! in one transaction, takes every queued session, reads all their events through a cursor in
//! the order a device folds them (by session, then time, then id), folds each session from its
//! first event, and writes its rows in place of the old ones (`COPY`) as soon as its last event
//! has been read: one sort of the events, and memory for a batch of them, however many sessions
//! wait. A session keeps its `sid`; follow-ups are filed by their event id. A push that commits
//! while a refresh runs leaves its own queue rows behind, so the next refresh folds that session
//! again: nothing is missed. Refreshes run one at a time (an advisory lock), and reports read
//! the facts as they were until a refresh commits.
//!
//! When this Opora's rules differ from those the facts were made by (`fact_rules` in
//! `opora.meta`), every fact is deleted and every session queued, in the same transaction: the
//! facts are made again, and readers see the old ones until then.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use postgres::{GenericClient, Transaction};

use super::connect::Central;
use super::copy::{Rows, Value};
use super::error::{CentralError, classify};
use crate::store::journal::facts::fold::{Fold, SessionRow, StepRow};
use crate::store::journal::facts::{RULES, in_a_session};
use opora_core::journal::{Event, Payload};

/// Events read per fetch from the refresh's cursor (a few megabytes).
pub const FETCH: i64 = 20_000;

const LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext('opora.refresh'))";

/// What a refresh did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RefreshSummary {
    pub sessions: u64,
    pub events: u64,
    /// Events of a kind this Opora does not know (pushed by a newer one): left out.
    pub unknown: u64,
    /// The facts were made again from every event (other rules made them).
    pub rebuilt: bool,
}

/// Whether the connected role may refresh (the schema's owner, or a role given its rights).
pub fn may_refresh(central: &mut Central) -> Result<bool, CentralError> {
    let peer = central.peer.clone();
    let row = central
        .client
        .query_one(
            "SELECT has_table_privilege('opora.session_facts', 'INSERT')
                AND has_table_privilege('opora.fact_queue', 'DELETE')",
            &[],
        )
        .map_err(|e| classify(&e, &peer))?;
    Ok(row.get(0))
}

/// How many sessions wait to be folded, and when the facts were last refreshed.
pub fn waiting(central: &mut Central) -> Result<(i64, Option<DateTime<Utc>>), CentralError> {
    let peer = central.peer.clone();
    let row = central
        .client
        .query_one(
            "SELECT (SELECT count(DISTINCT session) FROM opora.fact_queue),
                    (SELECT nullif(value, '') FROM opora.meta WHERE key = 'facts_at')",
            &[],
        )
        .map_err(|e| classify(&e, &peer))?;
    let at: Option<String> = row.get(1);
    let at = at
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(DateTime::from_timestamp_millis);
    Ok((row.get(0), at))
}

/// Folds every queued session; `progress` hears the sessions folded so far.
pub fn refresh(
    central: &mut Central,
    progress: impl FnMut(u64),
) -> Result<RefreshSummary, CentralError> {
    refresh_fetching(central, FETCH, progress)
}

/// [`refresh`], reading `fetch` events at a time (tests split sessions across batches).
pub fn refresh_fetching(
    central: &mut Central,
    fetch: i64,
    mut progress: impl FnMut(u64),
) -> Result<RefreshSummary, CentralError> {
    let peer = central.peer.clone();
    let sql = |e: postgres::Error| classify(&e, &peer);
    let mut summary = RefreshSummary::default();
    let mut tx = central.client.transaction().map_err(sql)?;
    tx.batch_execute(LOCK).map_err(sql)?;
    let rules: String = tx
        .query_one("SELECT value FROM opora.meta WHERE key = 'fact_rules'", &[])
        .map_err(sql)?
        .get(0);
    // '0': never made (a new schema, which queued every event it had): nothing to undo.
    if rules != "0" && rules != RULES.to_string() {
        // DELETE, not TRUNCATE: reports go on reading the old facts, and pushes go on queueing,
        // until this transaction commits.
        tx.batch_execute(
            "DELETE FROM opora.step_facts; DELETE FROM opora.session_goal;
             DELETE FROM opora.session_facts; DELETE FROM opora.follow_up_facts;
             INSERT INTO opora.fact_queue (session) SELECT DISTINCT session FROM opora.event;",
        )
        .map_err(sql)?;
        summary.rebuilt = true;
    }
    if rules != RULES.to_string() {
        tx.execute(
            "UPDATE opora.meta SET value = $1 WHERE key = 'fact_rules'",
            &[&RULES.to_string()],
        )
        .map_err(sql)?;
    }
    let mut names = names(&mut tx).map_err(sql)?;
    fold_queued(
        &mut tx,
        &mut names,
        fetch.max(1),
        &mut summary,
        &mut progress,
    )
    .map_err(sql)?;
    tx.execute(
        "UPDATE opora.meta SET value = $1 WHERE key = 'facts_at'",
        &[&Utc::now().timestamp_millis().to_string()],
    )
    .map_err(sql)?;
    tx.commit().map_err(sql)?;
    Ok(summary)
}

/// Step names by (track, name, step).
type Names = HashMap<(String, String, String), i32>;

fn names(client: &mut impl GenericClient) -> Result<Names, postgres::Error> {
    Ok(client
        .query("SELECT id, track, name, step FROM opora.step_name", &[])?
        .into_iter()
        .map(|r| ((r.get(1), r.get(2), r.get(3)), r.get(0)))
        .collect())
}

/// Takes every queued session and folds it from its events, read through a cursor a batch at
/// a time (one sort of the events, however many sessions wait), writing each batch's sessions
/// as soon as their last event has been read.
fn fold_queued(
    tx: &mut Transaction<'_>,
    names: &mut Names,
    fetch: i64,
    summary: &mut RefreshSummary,
    progress: &mut impl FnMut(u64),
) -> Result<(), postgres::Error> {
    tx.batch_execute(
        "SET LOCAL work_mem = '256MB';
         CREATE TEMP TABLE refresh_taken ON COMMIT DROP AS
             WITH taken AS (DELETE FROM opora.fact_queue RETURNING session)
             SELECT DISTINCT session FROM taken;
         ANALYZE refresh_taken;
         DECLARE refresh_events NO SCROLL CURSOR FOR
             SELECT e.id, e.device, e.at, e.session, e.payload::text
             FROM opora.event e JOIN refresh_taken t ON t.session = e.session
             ORDER BY e.session, e.at, e.id;",
    )?;
    let fetch = format!("FETCH {fetch} FROM refresh_events");
    // The session the last batch ended in: its next events may be in the next batch.
    let mut open: Option<Fold> = None;
    loop {
        let rows = tx.query(fetch.as_str(), &[])?;
        let end = rows.is_empty();
        let mut done: Vec<Fold> = Vec::new();
        let mut follow_ups = Rows::default();
        for row in rows {
            let payload: String = row.get(4);
            let Ok(payload) = serde_json::from_str::<Payload>(&payload) else {
                summary.unknown += 1;
                continue;
            };
            let at: DateTime<Utc> = row.get(2);
            let event = Event {
                id: row.get(0),
                device: row.get(1),
                at: DateTime::from_timestamp_millis(at.timestamp_millis()).unwrap_or_default(),
                session: row.get(3),
                payload,
            };
            summary.events += 1;
            if let Payload::FollowUp { client, used_alone } = &event.payload {
                follow_ups.push(&[
                    Value::Text(&event.id.to_string()),
                    Value::Text(client),
                    Value::Bool(*used_alone),
                    Value::Int(event.at.timestamp_millis()),
                ]);
            }
            if !in_a_session(&event.payload) {
                continue;
            }
            match open.as_mut() {
                Some(fold) if fold.row.session == event.session => fold.apply(&event),
                _ => {
                    done.extend(open.take());
                    let mut fold = Fold::new(&event);
                    fold.apply(&event);
                    open = Some(fold);
                }
            }
        }
        if end {
            done.extend(open.take());
        }
        summary.sessions += done.len() as u64;
        write(tx, names, done)?;
        if follow_ups.count > 0 {
            tx.batch_execute(
                "CREATE TEMP TABLE IF NOT EXISTS new_follow_up (LIKE opora.follow_up_facts)
                 ON COMMIT DROP;
                 TRUNCATE new_follow_up;",
            )?;
            follow_ups.send(tx, "new_follow_up")?;
            tx.batch_execute(
                "INSERT INTO opora.follow_up_facts SELECT * FROM new_follow_up ON CONFLICT DO NOTHING",
            )?;
        }
        progress(summary.sessions);
        if end {
            return Ok(());
        }
    }
}

/// Replaces the facts of the folded sessions by their folds (a session keeps its `sid`).
fn write(
    tx: &mut Transaction<'_>,
    names: &mut Names,
    folds: Vec<Fold>,
) -> Result<(), postgres::Error> {
    if folds.is_empty() {
        return Ok(());
    }
    let taken: Vec<String> = folds.iter().map(|f| f.row.session.clone()).collect();
    let mut sids: HashMap<String, i64> = tx
        .query(
            "SELECT session, sid FROM opora.session_facts WHERE session = ANY($1)",
            &[&taken],
        )?
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let old: Vec<i64> = sids.values().copied().collect();
    tx.execute("DELETE FROM opora.step_facts WHERE sid = ANY($1)", &[&old])?;
    tx.execute(
        "DELETE FROM opora.session_goal WHERE sid = ANY($1)",
        &[&old],
    )?;
    tx.execute(
        "DELETE FROM opora.session_facts WHERE sid = ANY($1)",
        &[&old],
    )?;
    let new = folds
        .iter()
        .filter(|f| !sids.contains_key(&f.row.session))
        .count();
    let fresh: Vec<i64> = tx
        .query(
            "SELECT nextval('opora.session_sid') FROM generate_series(1, $1::bigint)",
            &[&i64::try_from(new).unwrap_or(0)],
        )?
        .into_iter()
        .map(|r| r.get(0))
        .collect();
    let mut fresh = fresh.into_iter();
    let (mut sessions, mut goals, mut steps) = (Rows::default(), Rows::default(), Rows::default());
    for mut fold in folds {
        let changed = fold.take_changes();
        let sid = match sids.get(&fold.row.session) {
            Some(sid) => *sid,
            None => {
                let sid = fresh.next().unwrap_or_default();
                sids.insert(fold.row.session.clone(), sid);
                sid
            }
        };
        session_row(&mut sessions, sid, &fold.row);
        for goal in &fold.row.goals {
            goals.push(&[Value::Int(sid), Value::Text(goal)]);
        }
        // A row may leave the fold's state and change again: the last of each seq is the one.
        let mut last: HashMap<u32, &StepRow> = HashMap::new();
        for row in &changed {
            last.insert(row.seq, row);
        }
        let mut rows: Vec<&StepRow> = last.into_values().collect();
        rows.sort_by_key(|r| r.seq);
        for row in rows {
            let name = name_id(tx, names, row)?;
            step_row(&mut steps, sid, name, row);
        }
    }
    sessions.send(tx, "opora.session_facts")?;
    goals.send(tx, "opora.session_goal")?;
    steps.send(tx, "opora.step_facts")?;
    Ok(())
}

fn name_id(
    tx: &mut Transaction<'_>,
    names: &mut Names,
    row: &StepRow,
) -> Result<i32, postgres::Error> {
    let key = (row.track.clone(), row.name.clone(), row.step.clone());
    if let Some(id) = names.get(&key) {
        return Ok(*id);
    }
    let id: i32 = tx
        .query_one(
            "INSERT INTO opora.step_name (track, name, step) VALUES ($1, $2, $3)
             ON CONFLICT (track, name, step) DO UPDATE SET track = EXCLUDED.track RETURNING id",
            &[&key.0, &key.1, &key.2],
        )?
        .get(0);
    names.insert(key, id);
    Ok(id)
}

fn int(n: impl Into<i64>) -> Value<'static> {
    Value::Int(n.into())
}

fn text(t: &Option<String>) -> Value<'_> {
    t.as_deref().into()
}

fn session_row(out: &mut Rows, sid: i64, r: &SessionRow) {
    let small = |n: Option<u8>| n.map(i64::from);
    out.push(&[
        int(sid),
        Value::Text(&r.session),
        Value::Text(&r.kind),
        Value::Text(&r.device),
        int(r.started_at),
        r.ended_at.into(),
        text(&r.client),
        text(&r.staff),
        text(&r.segment),
        text(&r.age_band),
        text(&r.channel),
        text(&r.site),
        text(&r.variant),
        text(&r.outcome),
        text(&r.computed_outcome),
        text(&r.override_reason),
        r.fcr.map_or(Value::Null, Value::Bool),
        text(&r.complaint),
        small(r.csat).into(),
        small(r.ces).into(),
        small(r.nps).into(),
        int(r.by_key),
        int(r.by_arrows),
        int(r.by_voice),
        int(r.heard_accepted),
        int(r.heard_refused),
        int(r.helps),
        int(r.errors),
        int(r.adjustments),
        int(r.backs),
        int(r.cancels),
        int(r.staff_marks),
        int(r.operations),
        r.alone_at.into(),
        Value::Bool(r.legacy),
        int(r.events),
        int(r.last_at),
        Value::Text(&r.last_id),
    ]);
}

fn step_row(out: &mut Rows, sid: i64, name: i32, r: &StepRow) {
    let opt = |n: Option<u32>| n.map(i64::from);
    out.push(&[
        int(sid),
        int(r.seq),
        int(r.role as i64),
        int(name),
        opt(r.step_no).into(),
        opt(r.steps).into(),
        opt(r.after_step).into(),
        opt(r.ordinal).into(),
        int(r.entered_at),
        r.ms.into(),
        int(r.errors),
        int(r.help),
    ]);
}
