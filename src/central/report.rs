//! `opora report --central` and `opora dashboard --central`: the report of `crate::report`,
//! computed by the same code from the same statements, over the central database's facts (every
//! device's sessions) instead of one device's journal.
//!
//! Before reporting, the facts are brought up to date (`facts.rs`) when the connected role may
//! (the schema's owner); an analyst's read-only role reports on the facts as of the last
//! refresh and is told how many sessions wait ([`Freshness`]).

use std::sync::Arc;

use postgres::fallible_iterator::FallibleIterator;
use postgres::types::Type;

use super::connect::Central;
use super::error::{CentralError, classify};
use super::facts;
use super::migrate;
use crate::report::journey::{Row, StepTable};
use crate::report::query::Dialect;
use crate::report::source::{Cell, Source};
use crate::report::{Dimension, Period, Report, WeekFigures, compute, weeks};

/// The schema version the central report needs (the facts of step 2).
pub const NEEDS: i64 = 2;

/// How current the central facts are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Freshness {
    /// Sessions this report folded first (0 for a role that may not).
    pub refreshed: u64,
    /// Sessions with events the facts do not have yet (only when this role may not refresh).
    pub waiting: i64,
    /// When the facts were last refreshed.
    pub as_of: Option<chrono::DateTime<chrono::Utc>>,
}

/// The central database as a [`Source`] of the report: Opora's schema first on the search path,
/// so the statements name the tables as on a device.
struct Server<'a> {
    client: &'a mut postgres::Client,
}

impl Source for Server<'_> {
    type Error = postgres::Error;

    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn rows(&mut self, sql: &str) -> Result<Vec<Vec<Cell>>, postgres::Error> {
        let rows = self.client.query(sql, &[])?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut cells = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let ty = column.type_();
                let cell = if *ty == Type::INT8 {
                    row.get::<_, Option<i64>>(i).map(Cell::Int)
                } else if *ty == Type::INT4 {
                    row.get::<_, Option<i32>>(i).map(|v| Cell::Int(v.into()))
                } else if *ty == Type::INT2 {
                    row.get::<_, Option<i16>>(i).map(|v| Cell::Int(v.into()))
                } else if *ty == Type::BOOL {
                    row.get::<_, Option<bool>>(i).map(|v| Cell::Int(v.into()))
                } else if *ty == Type::FLOAT8 {
                    row.get::<_, Option<f64>>(i).map(Cell::Real)
                } else {
                    row.try_get::<_, Option<String>>(i)?.map(Cell::Text)
                };
                cells.push(cell.unwrap_or(Cell::Null));
            }
            out.push(cells);
        }
        Ok(out)
    }

    fn step_table(&mut self, names: &str, steps: &str) -> Result<Arc<StepTable>, postgres::Error> {
        let names = self
            .client
            .query(names, &[])?
            .into_iter()
            .map(|r| {
                (
                    i64::from(r.get::<_, i32>(0)),
                    (r.get(1), r.get(2), r.get(3)),
                )
            })
            .collect();
        // Streamed: millions of step rows are never all in the driver's buffers at once.
        let mut cursor = self.client.query_raw(
            steps,
            std::iter::empty::<&(dyn postgres::types::ToSql + Sync)>(),
        )?;
        let mut rows = Vec::new();
        let small = |v: Option<i32>| v.map(i64::from);
        while let Some(r) = cursor.next()? {
            rows.push(Row {
                sid: r.get(0),
                name_id: r.get::<_, i32>(1).into(),
                role: r.get::<_, i16>(2).into(),
                step_no: small(r.get(3)),
                after_step: small(r.get(4)),
                ordinal: small(r.get(5)),
                ms: r.get(6),
                errors: r.get::<_, i32>(7).into(),
                help: r.get::<_, i32>(8).into(),
            });
        }
        Ok(Arc::new(StepTable { names, rows }))
    }
}

/// Checks the schema and brings the facts up to date where this role may.
pub fn prepare(central: &mut Central) -> Result<Freshness, CentralError> {
    migrate::check(central, NEEDS, true)?;
    let mut fresh = Freshness::default();
    if facts::may_refresh(central)? {
        fresh.refreshed = facts::refresh(central, |_| {})?.sessions;
    } else {
        let (waiting, _) = facts::waiting(central)?;
        fresh.waiting = waiting;
    }
    fresh.as_of = facts::waiting(central)?.1;
    let peer = central.peer.clone();
    central
        .client
        .batch_execute("SET search_path TO opora, pg_catalog")
        .map_err(|e| classify(&e, &peer))?;
    Ok(fresh)
}

/// The report over every device's sessions (call [`prepare`] first).
pub fn build(
    central: &mut Central,
    by: Option<Dimension>,
    period: Period,
) -> Result<Report, CentralError> {
    let peer = central.peer.clone();
    let mut server = Server {
        client: &mut central.client,
    };
    compute(&mut server, by, period).map_err(|e| classify(&e, &peer))
}

/// Conversion week by week over every device's sessions.
pub fn weekly(central: &mut Central, period: Period) -> Result<Vec<WeekFigures>, CentralError> {
    let peer = central.peer.clone();
    let mut server = Server {
        client: &mut central.client,
    };
    weeks(&mut server, period).map_err(|e| classify(&e, &peer))
}
