//! How far each client got: which lessons and steps are done and where they stopped, so
//! "continue" resumes, plus every fraud-drill outcome. Kept in its own SQLite file
//! (`progress.db`), apart from the practice bank, which is reset for every client.
//!
//! Clients are pseudonymous profile ids; until assisted sessions supply them, the kiosk uses one
//! local practice profile.

use crate::store::sqlite;
use opora_core::store_error::StoreError;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

pub use opora_core::lessons::progress::PRACTICE_PROFILE;
use opora_core::lessons::progress::{LessonEvent, LessonProgress, Progress};

const SCHEMA_VERSION: i64 = 1;
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

pub struct ProgressStore {
    conn: Connection,
    path: PathBuf,
}

impl ProgressStore {
    pub fn open(path: &Path) -> Result<ProgressStore, StoreError> {
        let (conn, version) = sqlite::open_file(path, BUSY_TIMEOUT)?;
        ProgressStore::migrated(conn, path.to_path_buf(), version)
    }

    pub fn open_in_memory() -> Result<ProgressStore, StoreError> {
        let (conn, path, version) = sqlite::open_memory(BUSY_TIMEOUT)?;
        ProgressStore::migrated(conn, path, version)
    }

    fn migrated(
        conn: Connection,
        path: PathBuf,
        version: i64,
    ) -> Result<ProgressStore, StoreError> {
        let err = |e| crate::store::sqlite::store_error(&path, e);
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path, version });
        }
        if version < 1 {
            conn.execute_batch(
                "BEGIN;
                 CREATE TABLE lesson_progress (
                     profile TEXT NOT NULL,
                     lesson TEXT NOT NULL,
                     variant TEXT NOT NULL,
                     step INTEGER NOT NULL,
                     completed INTEGER NOT NULL DEFAULT 0,
                     touched INTEGER NOT NULL,
                     PRIMARY KEY (profile, lesson)
                 );
                 CREATE TABLE step_done (
                     profile TEXT NOT NULL,
                     lesson TEXT NOT NULL,
                     step TEXT NOT NULL,
                     skipped INTEGER NOT NULL,
                     at TEXT NOT NULL DEFAULT (datetime('now'))
                 );
                 CREATE TABLE quiz_answer (
                     profile TEXT NOT NULL,
                     session TEXT NOT NULL,
                     lesson TEXT NOT NULL,
                     step TEXT NOT NULL,
                     safe INTEGER NOT NULL,
                     at TEXT NOT NULL DEFAULT (datetime('now'))
                 );
                 CREATE TABLE drill_outcome (
                     profile TEXT NOT NULL,
                     session TEXT NOT NULL,
                     lesson TEXT NOT NULL,
                     drill TEXT NOT NULL,
                     stopped INTEGER NOT NULL,
                     at TEXT NOT NULL DEFAULT (datetime('now'))
                 );
                 PRAGMA user_version = 1;
                 COMMIT;",
            )
            .map_err(err)?;
        }
        Ok(ProgressStore { conn, path })
    }

    fn err(&self, error: rusqlite::Error) -> StoreError {
        crate::store::sqlite::store_error(&self.path, error)
    }

    pub fn load(&self, profile: &str) -> Result<Progress, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT lesson, variant, step, completed FROM lesson_progress
                 WHERE profile = ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([profile], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    LessonProgress {
                        variant: r.get(1)?,
                        step: usize::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                        completed: r.get::<_, i64>(3)? != 0,
                    },
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut progress = Progress::default();
        for row in rows {
            let (lesson, state) = row.map_err(|e| self.err(e))?;
            progress.lessons.insert(lesson, state);
        }
        progress.resume = self
            .conn
            .query_row(
                "SELECT lesson FROM lesson_progress WHERE profile = ?1 AND completed = 0
                 ORDER BY touched DESC LIMIT 1",
                [profile],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(progress)
    }

    /// Keeps one event. Each is its own transaction: a power cut loses at most this one.
    pub fn record(
        &mut self,
        profile: &str,
        session: &str,
        event: &LessonEvent,
    ) -> Result<(), StoreError> {
        let touched: i64 = self
            .conn
            .query_row(
                "SELECT coalesce(max(touched), 0) + 1 FROM lesson_progress",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        let result = match event {
            LessonEvent::Started { lesson, variant } => self.conn.execute(
                "INSERT INTO lesson_progress (profile, lesson, variant, step, completed, touched)
                 VALUES (?1, ?2, ?3, 0, 0, ?4)
                 ON CONFLICT (profile, lesson) DO UPDATE SET
                     variant = excluded.variant, step = 0, completed = 0, touched = excluded.touched",
                params![profile, lesson, variant, touched],
            ),
            LessonEvent::Reached {
                lesson,
                variant,
                index,
            } => self.conn.execute(
                "INSERT INTO lesson_progress (profile, lesson, variant, step, completed, touched)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5)
                 ON CONFLICT (profile, lesson) DO UPDATE SET
                     variant = excluded.variant, step = excluded.step, touched = excluded.touched",
                params![profile, lesson, variant, *index as i64, touched],
            ),
            LessonEvent::StepDone {
                lesson,
                step,
                skipped,
                ..
            } => self.conn.execute(
                "INSERT INTO step_done (profile, lesson, step, skipped) VALUES (?1, ?2, ?3, ?4)",
                params![profile, lesson, step, *skipped],
            ),
            LessonEvent::QuizAnswered {
                lesson, step, safe, ..
            } => self.conn.execute(
                "INSERT INTO quiz_answer (profile, session, lesson, step, safe)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![profile, session, lesson, step, *safe],
            ),
            LessonEvent::Drill {
                lesson,
                drill,
                stopped,
            } => self.conn.execute(
                "INSERT INTO drill_outcome (profile, session, lesson, drill, stopped)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![profile, session, lesson, drill, *stopped],
            ),
            LessonEvent::Completed { lesson, variant } => self.conn.execute(
                "INSERT INTO lesson_progress (profile, lesson, variant, step, completed, touched)
                 VALUES (?1, ?2, ?3, 0, 1, ?4)
                 ON CONFLICT (profile, lesson) DO UPDATE SET
                     completed = 1, step = 0, touched = excluded.touched",
                params![profile, lesson, variant, touched],
            ),
        };
        result.map(|_| ()).map_err(|e| self.err(e))
    }

    /// Drill outcomes of one session, oldest first: (lesson, drill, stopped).
    pub fn drills(&self, session: &str) -> Result<Vec<(String, String, bool)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT lesson, drill, stopped FROM drill_outcome WHERE session = ?1
                 ORDER BY rowid",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([session], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? != 0))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started(store: &mut ProgressStore, lesson: &str) {
        let event = LessonEvent::Started {
            lesson: lesson.into(),
            variant: "a".into(),
        };
        store
            .record(PRACTICE_PROFILE, "s1", &event)
            .expect("record");
    }

    #[test]
    fn continue_resumes_the_last_unfinished_lesson_at_its_step() {
        let mut store = ProgressStore::open_in_memory().expect("store");
        started(&mut store, "send-safely");
        started(&mut store, "pay-bills");
        let reached = LessonEvent::Reached {
            lesson: "send-safely".into(),
            variant: "a".into(),
            index: 3,
        };
        store
            .record(PRACTICE_PROFILE, "s1", &reached)
            .expect("reach");
        let progress = store.load(PRACTICE_PROFILE).expect("load");
        assert_eq!(progress.resume.as_deref(), Some("send-safely"));
        assert_eq!(progress.lessons["send-safely"].step, 3);
        assert_eq!(progress.lessons["pay-bills"].step, 0);

        let done = LessonEvent::Completed {
            lesson: "send-safely".into(),
            variant: "a".into(),
        };
        store
            .record(PRACTICE_PROFILE, "s1", &done)
            .expect("complete");
        let progress = store.load(PRACTICE_PROFILE).expect("load");
        assert!(progress.lessons["send-safely"].completed);
        assert_eq!(progress.resume.as_deref(), Some("pay-bills"));
        // Another profile sees nothing.
        assert_eq!(store.load("other").expect("load"), Progress::default());
    }

    #[test]
    fn drill_outcomes_are_kept_per_session() {
        let mut store = ProgressStore::open_in_memory().expect("store");
        for (session, stopped) in [("s1", true), ("s2", false)] {
            let event = LessonEvent::Drill {
                lesson: "fraud-call".into(),
                drill: "safe-account".into(),
                stopped,
            };
            store
                .record(PRACTICE_PROFILE, session, &event)
                .expect("record");
        }
        assert_eq!(
            store.drills("s1").expect("drills"),
            vec![("fraud-call".into(), "safe-account".into(), true)]
        );
    }

    #[test]
    fn a_file_from_a_newer_opora_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("progress.db");
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("PRAGMA user_version = 99;")
            .expect("set");
        drop(conn);
        assert!(matches!(
            ProgressStore::open(&path),
            Err(StoreError::TooNew { version: 99, .. })
        ));
    }
}
