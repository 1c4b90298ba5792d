//! Where the report's statements run. The device's SQLite journal is one source ([`Local`]);
//! the bank's PostgreSQL is another (`crate::central::report`). Both hold the same typed facts
//! under the same names and run the very same statements (`query.rs`), so the same events give
//! the same figures: a source only answers a statement with rows of plain [`Cell`]s, and reads
//! the step table (the one large read) in typed columns.

use std::sync::Arc;

use rusqlite::Connection;

use super::journey::{Row, StepTable};
use super::query::Dialect;

/// One value of a result row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    /// A count (never negative; anything else is 0).
    pub fn count(&self) -> u64 {
        match self {
            Cell::Int(v) => u64::try_from(*v).unwrap_or(0),
            _ => 0,
        }
    }

    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(v) => v.to_string(),
            Cell::Real(v) => v.to_string(),
            Cell::Null => String::new(),
        }
    }

    pub fn int(&self) -> i64 {
        match self {
            Cell::Int(v) => *v,
            _ => 0,
        }
    }

    pub fn flag(&self) -> bool {
        self.int() != 0
    }
}

/// A database the report can run its statements on.
pub trait Source {
    type Error;
    fn dialect(&self) -> Dialect;
    /// Every row of `sql`, in order.
    fn rows(&mut self, sql: &str) -> Result<Vec<Vec<Cell>>, Self::Error>;
    /// The step names (`names`: id, track, name, step) and step rows (`steps`: sid, name_id,
    /// role, step_no, after_step, ordinal, ms, errors, help).
    fn step_table(&mut self, names: &str, steps: &str) -> Result<Arc<StepTable>, Self::Error>;
}

/// The device's journal, with the step table kept between reports while the journal does not
/// change (the dashboard switching breakdowns).
pub struct Local<'a> {
    pub conn: &'a Connection,
    pub cache: &'a mut StepCache,
}

impl Source for Local<'_> {
    type Error = rusqlite::Error;

    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn rows(&mut self, sql: &str) -> rusqlite::Result<Vec<Vec<Cell>>> {
        let mut stmt = self.conn.prepare(sql)?;
        let width = stmt.column_count();
        let mut out = Vec::new();
        let mut cursor = stmt.query([])?;
        while let Some(row) = cursor.next()? {
            let mut cells = Vec::with_capacity(width);
            for i in 0..width {
                use rusqlite::types::ValueRef;
                cells.push(match row.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(v) => Cell::Int(v),
                    ValueRef::Real(v) => Cell::Real(v),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Cell::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(cells);
        }
        Ok(out)
    }

    fn step_table(&mut self, names: &str, steps: &str) -> rusqlite::Result<Arc<StepTable>> {
        self.cache.table(self.conn, names, steps)
    }
}

/// The step table as last read, by which statement, and what the journal looked like then (its
/// sessions, their events and the newest one): any append, import or purge changes that.
#[derive(Default)]
pub struct StepCache {
    stamp: Option<(i64, i64, i64, String)>,
    table: Arc<StepTable>,
}

impl StepCache {
    fn table(
        &mut self,
        conn: &Connection,
        names: &str,
        steps: &str,
    ) -> rusqlite::Result<Arc<StepTable>> {
        let stamp = conn.query_row(
            "SELECT count(*), coalesce(sum(events), 0), coalesce(max(last_at), 0) FROM session_facts",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, steps.to_string())),
        )?;
        if self.stamp.as_ref() != Some(&stamp) {
            self.table = Arc::new(read_steps(conn, names, steps)?);
            self.stamp = Some(stamp);
        }
        Ok(self.table.clone())
    }
}

/// Reads the step names and rows (typed integers, read as they are stored).
fn read_steps(conn: &Connection, names: &str, steps: &str) -> rusqlite::Result<StepTable> {
    let mut stmt = conn.prepare(names)?;
    let names = stmt
        .query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(steps)?;
    let mut out = Vec::new();
    let mut cursor = stmt.query([])?;
    while let Some(r) = cursor.next()? {
        let int = |i: usize| -> rusqlite::Result<i64> {
            Ok(r.get_ref(i)?.as_i64_or_null()?.unwrap_or(0))
        };
        let opt =
            |i: usize| -> rusqlite::Result<Option<i64>> { Ok(r.get_ref(i)?.as_i64_or_null()?) };
        out.push(Row {
            sid: int(0)?,
            name_id: int(1)?,
            role: int(2)?,
            step_no: opt(3)?,
            after_step: opt(4)?,
            ordinal: opt(5)?,
            ms: opt(6)?,
            errors: int(7)?,
            help: int(8)?,
        });
    }
    Ok(StepTable { names, rows: out })
}
