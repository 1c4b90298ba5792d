//! `Journal`: the append-only event log in its own SQLite file (`journal.db` in the data
//! folder), WAL mode with `synchronous=FULL`, so a crash or a power cut loses at most the event
//! being written and never corrupts what was committed.
//!
//! Each `append` is its own transaction, passes the journal's gate first, and also files the
//! event's typed facts (`facts`): the facts never disagree with the events that were
//! committed. Imports (`ndjson.rs`) run in one transaction: a file is applied whole or not at
//! all, and `INSERT OR IGNORE` by event id makes a second import of the same file change
//! nothing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::schema::MIGRATIONS;
use crate::store::sqlite;
use opora_core::journal::ClientHistory;
use opora_core::journal::event::Event;
use opora_core::store_error::StoreError;

const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The journal database.
pub struct Journal {
    conn: Connection,
    path: PathBuf,
    /// What a reader (the report) keeps between queries on this connection.
    memo: std::cell::RefCell<Option<Box<dyn std::any::Any + Send>>>,
}

impl Journal {
    /// Opens (or creates) the journal at `path`.
    pub fn open(path: &Path) -> Result<Journal, StoreError> {
        let (conn, version) = sqlite::open_file(path, BUSY_TIMEOUT)?;
        Journal::migrated(conn, path.to_path_buf(), version)
    }

    /// A journal in memory (tests).
    pub fn open_in_memory() -> Result<Journal, StoreError> {
        let (conn, path, version) = sqlite::open_memory(BUSY_TIMEOUT)?;
        Journal::migrated(conn, path, version)
    }

    fn migrated(mut conn: Connection, path: PathBuf, version: i64) -> Result<Journal, StoreError> {
        migrate(&mut conn, &path, version)?;
        super::facts::ensure_current(&mut conn)
            .map_err(|e| crate::store::sqlite::store_error(&path, e))?;
        Ok(Journal {
            conn,
            path,
            memo: std::cell::RefCell::new(None),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for reports (read-only use).
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A slot where a reader keeps what it read, for its next query on this journal (it must
    /// check itself whether the journal changed since).
    pub(crate) fn reader_memo(
        &self,
    ) -> std::cell::RefMut<'_, Option<Box<dyn std::any::Any + Send>>> {
        self.memo.borrow_mut()
    }

    pub(crate) fn sql(&self, e: rusqlite::Error) -> StoreError {
        crate::store::sqlite::store_error(&self.path, e)
    }

    /// Writes one event and its facts, committed before this returns, if it passes the
    /// journal's gate (`opora_core::journal::validate`) against this device's clock.
    pub fn append(&self, event: &Event) -> Result<(), StoreError> {
        opora_core::journal::validate::check(event, Utc::now()).map_err(StoreError::Invalid)?;
        let write = || -> rusqlite::Result<()> {
            let tx = self.conn.unchecked_transaction()?;
            insert(&tx, event, false)?;
            super::facts::apply(&tx, std::slice::from_ref(event))?;
            tx.commit()
        };
        write().map_err(|e| self.sql(e))
    }

    /// Writes many events and their facts in one transaction, unchecked: generated fixtures
    /// and benchmarks only (their sessions and clients are short made-up names). Everything
    /// from a person or a file goes through [`Journal::append`] or [`Journal::import`].
    pub fn append_all(&mut self, events: &[Event]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let sql = |e| crate::store::sqlite::store_error(&path, e);
        let tx = self.conn.transaction().map_err(sql)?;
        for event in events {
            insert(&tx, event, false).map_err(sql)?;
        }
        super::facts::apply(&tx, events).map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Makes the typed facts again from the events alone (`opora journal rebuild`).
    pub fn rebuild_facts(&mut self) -> Result<super::facts::RebuildSummary, StoreError> {
        let path = self.path.clone();
        let sql = |e| crate::store::sqlite::store_error(&path, e);
        let tx = self.transaction()?;
        let summary = super::facts::rebuild(&tx).map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(summary)
    }

    /// Every typed fact as text, one line per row, in an order that does not depend on the order
    /// events arrived in (tests compare it before and after a rebuild).
    pub fn facts_snapshot(&self) -> Result<Vec<String>, StoreError> {
        let statements = [
            "SELECT f.session, f.kind, f.device, f.started_at, f.ended_at, f.client, f.staff, \
             f.segment, f.age_band, f.channel, f.site, f.variant, f.outcome, f.computed_outcome, \
             f.override_reason, f.fcr, f.complaint, f.csat, f.ces, f.nps, f.by_key, f.by_arrows, \
             f.by_voice, f.heard_accepted, f.heard_refused, f.helps, f.errors, f.adjustments, \
             f.backs, f.cancels, f.staff_marks, f.operations, f.alone_at, f.legacy, f.events, \
             f.last_at, f.last_id, f.fold FROM session_facts f ORDER BY f.session",
            "SELECT f.session, g.goal FROM session_goal g JOIN session_facts f ON f.sid = g.sid \
             ORDER BY f.session, g.goal",
            "SELECT f.session, t.seq, t.role, n.track, n.name, n.step, t.step_no, t.steps, \
             t.after_step, t.ordinal, t.entered_at, t.ms, t.errors, t.help FROM step_facts t \
             JOIN session_facts f ON f.sid = t.sid JOIN step_name n ON n.id = t.name_id \
             ORDER BY f.session, t.seq",
            "SELECT event, client, used_alone, at FROM follow_up_facts ORDER BY event",
        ];
        let mut lines = Vec::new();
        for sql in statements {
            let mut stmt = self.conn.prepare(sql).map_err(|e| self.sql(e))?;
            let width = stmt.column_count();
            let rows = stmt
                .query_map([], |row| {
                    (0..width)
                        .map(|i| {
                            row.get::<_, rusqlite::types::Value>(i)
                                .map(|v| format!("{v:?}"))
                        })
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|cells| cells.join("|"))
                })
                .map_err(|e| self.sql(e))?;
            for row in rows {
                lines.push(row.map_err(|e| self.sql(e))?);
            }
        }
        Ok(lines)
    }

    /// How many events the journal holds.
    pub fn count(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM event", [], |row| row.get(0))
            .map_err(|e| self.sql(e))
    }

    /// Every event, oldest first (by UUIDv7, which orders by time).
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, device, at, session, payload FROM event ORDER BY id")
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                ))
            })
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, device, at, session, payload) = row.map_err(|e| self.sql(e))?;
            let broken = || StoreError::Corrupt {
                path: self.path.clone(),
            };
            out.push(Event {
                id: id.parse().map_err(|_| broken())?,
                device,
                at: DateTime::from_timestamp_millis(at).ok_or_else(broken)?,
                session,
                payload: serde_json::from_str(&payload).map_err(|_| broken())?,
            });
        }
        Ok(out)
    }

    /// Deletes every session whose last event is older than `cutoff` (retention). Returns how
    /// many events went.
    pub fn purge_before(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        let purge = || -> rusqlite::Result<usize> {
            let tx = self.conn.unchecked_transaction()?;
            let sessions: Vec<String> = tx
                .prepare("SELECT session FROM event GROUP BY session HAVING max(at) < ?1")?
                .query_map(params![cutoff.timestamp_millis()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut gone = 0;
            for session in &sessions {
                gone += tx.execute("DELETE FROM event WHERE session = ?1", [session])?;
            }
            super::facts::forget(&tx, &sessions)?;
            tx.commit()?;
            Ok(gone)
        };
        purge().map_err(|e| self.sql(e))
    }

    /// What the client with this pseudonym has done in earlier sessions (this device's and
    /// imported ones).
    pub fn progress(&self, pseudonym: &str) -> Result<ClientHistory, StoreError> {
        let sql = |e| crate::store::sqlite::store_error(&self.path, e);
        let sessions: u32 = self
            .conn
            .query_row(
                "SELECT count(*) FROM session_facts WHERE client = ?1 AND kind = 'assisted'",
                [pseudonym],
                |row| row.get(0),
            )
            .map_err(sql)?;
        let last_outcome: Option<String> = self
            .conn
            .query_row(
                "SELECT outcome FROM session_facts WHERE client = ?1 AND kind = 'assisted'
                 AND outcome IS NOT NULL ORDER BY started_at DESC LIMIT 1",
                [pseudonym],
                |row| row.get(0),
            )
            .optional()
            .map_err(sql)?
            .flatten();
        let lessons = |role: super::facts::fold::Role| -> Result<Vec<String>, StoreError> {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT n.name FROM step_facts t
                     JOIN session_facts f ON f.sid = t.sid
                     JOIN step_name n ON n.id = t.name_id
                     WHERE f.client = ?1 AND t.role = ?2
                     GROUP BY n.name ORDER BY min(t.entered_at)",
                )
                .map_err(sql)?;
            let rows = stmt
                .query_map(params![pseudonym, role as i64], |row| {
                    row.get::<_, String>(0)
                })
                .map_err(sql)?;
            rows.collect::<Result<Vec<_>, _>>().map_err(sql)
        };
        let lessons_done = lessons(super::facts::fold::Role::LessonDone)?;
        let lessons_open = lessons(super::facts::fold::Role::LessonStart)?
            .into_iter()
            .filter(|l| !lessons_done.contains(l))
            .collect();
        Ok(ClientHistory {
            sessions,
            lessons_done,
            lessons_open,
            last_outcome,
        })
    }

    /// Starts a write transaction for an import.
    pub(crate) fn transaction(&mut self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        let path = self.path.clone();
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| crate::store::sqlite::store_error(&path, e))
    }
}

/// Inserts one event; with `or_ignore`, an event already present is left alone. Returns whether
/// a row was added.
pub(crate) fn insert(conn: &Connection, event: &Event, or_ignore: bool) -> rusqlite::Result<bool> {
    let payload = serde_json::to_string(&event.payload)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let verb = if or_ignore {
        "INSERT OR IGNORE"
    } else {
        "INSERT"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "{verb} INTO event (id, device, at, session, kind, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    ))?;
    let added = stmt.execute(params![
        event.id.to_string(),
        event.device,
        event.at.timestamp_millis(),
        event.session,
        event.payload.kind(),
        payload
    ])?;
    Ok(added > 0)
}

fn migrate(conn: &mut Connection, path: &Path, version: i64) -> Result<(), StoreError> {
    let sql = |e| crate::store::sqlite::store_error(path, e);
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    if version > known {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            version,
        });
    }
    for (step, text) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(version).unwrap_or(0))
    {
        let tx = conn.transaction().map_err(sql)?;
        tx.execute_batch(text).map_err(sql)?;
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(step + 1).unwrap_or(i64::MAX),
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use opora_core::journal::{AgeBand, Channel, Outcome, Payload, Segment};

    fn ms(n: i64) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(n).expect("valid")
    }

    fn started(client: Option<&str>) -> Payload {
        Payload::SessionStarted {
            staff: "st1".into(),
            client: client.map(str::to_string),
            segment: Segment::Senior,
            age_band: AgeBand::From75,
            channel: Channel::BranchKiosk,
            site: "Тверь-3".into(),
            variant: None,
            goals: vec!["transfer".into()],
        }
    }

    #[test]
    fn a_file_keeps_events_and_refuses_updates() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("j").join("journal.db");
        let event = crate::store::journal::event_now(
            "d",
            &crate::store::journal::new_session_id(),
            started(Some("0123456789abcdef0123456789abcdef")),
        );
        {
            let journal = Journal::open(&path).expect("opened");
            let refused = Event::at("d", "s1", ms(1_000), started(Some("p1")));
            assert!(
                matches!(journal.append(&refused), Err(StoreError::Invalid(_))),
                "the gate stands before every append"
            );
            journal.append(&event).expect("appended");
            assert!(journal.append(&event).is_err(), "an id is written once");
            let refused = journal
                .conn()
                .execute("UPDATE event SET device = 'x'", [])
                .expect_err("append-only");
            assert!(refused.to_string().contains("append-only"));
        }
        let journal = Journal::open(&path).expect("reopened");
        assert_eq!(journal.events().expect("events"), vec![event]);
        let mode: String = journal
            .conn()
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .expect("mode");
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_corrupt() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("journal.db");
        std::fs::write(&path, b"this is not sqlite at all, not at all, no").expect("written");
        assert!(matches!(
            Journal::open(&path),
            Err(StoreError::Corrupt { .. })
        ));
    }

    #[test]
    fn purge_removes_whole_old_sessions_only() {
        let mut journal = Journal::open_in_memory().expect("journal");
        journal
            .append_all(&[
                Event::at("d", "old", ms(1_000), started(None)),
                Event::at(
                    "d",
                    "old",
                    ms(2_000),
                    Payload::SessionEnded {
                        outcome: Outcome::Alone,
                        fcr: None,
                        complaint: None,
                        computed: None,
                        override_reason: None,
                    },
                ),
                Event::at("d", "spans", ms(2_000), started(None)),
                Event::at(
                    "d",
                    "spans",
                    ms(9_000),
                    Payload::LessonStarted { lesson: "x".into() },
                ),
            ])
            .expect("appended");
        assert_eq!(journal.purge_before(ms(5_000)).expect("purged"), 2);
        assert_eq!(journal.count().expect("count"), 2);
    }

    #[test]
    fn progress_of_a_returning_client() {
        let mut journal = Journal::open_in_memory().expect("journal");
        journal
            .append_all(&[
                Event::at("d", "a", ms(1_000), started(Some("p1"))),
                Event::at(
                    "d",
                    "a",
                    ms(1_100),
                    Payload::LessonStarted {
                        lesson: "pay".into(),
                    },
                ),
                Event::at(
                    "d",
                    "a",
                    ms(1_200),
                    Payload::LessonCompleted {
                        lesson: "pay".into(),
                    },
                ),
                Event::at(
                    "d",
                    "a",
                    ms(1_300),
                    Payload::LessonStarted {
                        lesson: "send".into(),
                    },
                ),
                Event::at(
                    "d",
                    "a",
                    ms(1_400),
                    Payload::SessionEnded {
                        outcome: Outcome::WithHelp,
                        fcr: Some(true),
                        complaint: None,
                        computed: None,
                        override_reason: None,
                    },
                ),
                Event::at("e", "b", ms(2_000), started(Some("p2"))),
            ])
            .expect("appended");
        let progress = journal.progress("p1").expect("progress");
        assert_eq!(
            progress,
            ClientHistory {
                sessions: 1,
                lessons_done: vec!["pay".into()],
                lessons_open: vec!["send".into()],
                last_outcome: Some("with_help".into()),
            }
        );
        assert_eq!(
            journal.progress("nobody").expect("progress"),
            ClientHistory::default()
        );
    }
}
