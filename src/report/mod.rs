//! `opora report`: the metrics of PRODUCT.md §7 over the journal, exactly as defined there,
//! broken down by one of segment, age band, channel, site, staff, lesson or variant, and filtered
//! by period (by when each session started).
//!
//! - Conversion: clients whose outcome was "did it alone" ÷ clients with an attempt (an ended
//!   session with consent). Confirmed conversion: clients with an attempt and a follow-up saying
//!   they have used the app alone ÷ the same clients with an attempt. An anonymous session is a
//!   client of its own. Both with the Wilson 95 % interval and the counts. Follow-ups count
//!   whenever they were recorded (they usually come a month after the period); one saying "yes"
//!   confirms the client even if a later one says "no".
//! - The journey (`journey.rs`): a funnel per money flow and per lesson from the screens and
//!   lesson steps the kiosk logged (reached step k ÷ started, sessions), the drop-off step, median
//!   and p90 seconds per step, errors and help per step, and "where clients get lost".
//!   Completion = completed ÷ started. Self-practice sessions count here (they are journeys),
//!   not in conversion (they are not assistance attempts).
//! - CSAT = share of 4–5 on 1–5; CES = mean on 1–7; NPS = % of 9–10 minus % of 0–6.
//! - FCR = solved ÷ ended sessions with an answer. Voice share = choices taken by voice ÷ all
//!   choices (`choice_taken`; in journals of the staff-ticked version, steps ticked "by voice" ÷
//!   steps); recognition acceptance = phrases voice understood ÷ phrases with a verdict
//!   (`voice_heard`: an intent, or a refusal; ticked voice steps with a verdict before).
//! - The event log: sessions (cases) and their events, as `opora journal export --format xes`
//!   writes them.
//! - Returning = clients (with a pseudonym) with two or more sessions ÷ clients.
//! - A/B: conversion per variant and each variant's difference from the first, with
//!   Newcombe's 95 % interval.
//!
//! Groups with fewer than [`SMALL_GROUP`] clients are reported but marked `small`.

pub mod dashboard;
pub mod format;
pub mod format_journey;
pub mod journey;
pub mod lost;
pub mod query;
pub mod stats;

use rusqlite::Connection;
use serde::Serialize;

use crate::store::journal::Journal;
pub use journey::{FlowFigures, FlowStage, LessonFigures, StepFigures};
pub use lost::LostFigures;
use opora_core::store_error::StoreError;
pub use query::{Dimension, Period};
use stats::{Difference, Share, newcombe, wilson};

/// Fewer clients than this in a group: shown, but marked.
pub const SMALL_GROUP: u64 = 5;

/// Everything `opora report` shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub by: Option<Dimension>,
    pub groups: Vec<GroupFigures>,
    pub lessons: Vec<LessonFigures>,
    pub flows: Vec<FlowFigures>,
    /// Where clients get lost: per group, the largest losses and the longest times.
    pub lost: Vec<LostFigures>,
    pub variants: Vec<VariantFigures>,
    pub consent_refusals: u64,
    /// The event log of the period: sessions (cases) and their events.
    pub log: LogFigures,
}

/// The event log as process-mining tools see it (`opora journal export --format xes|csv`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct LogFigures {
    pub cases: u64,
    pub events: u64,
}

/// The session-level figures of one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupFigures {
    pub group: String,
    /// Clients with an attempt.
    pub clients: u64,
    pub small: bool,
    pub sessions: u64,
    pub conversion: Share,
    pub confirmed_conversion: Share,
    pub fcr: Share,
    pub returning: Share,
    pub csat: Share,
    pub ces: Option<f64>,
    pub ces_answers: u64,
    pub nps: Option<f64>,
    pub nps_answers: u64,
    pub voice: Share,
    pub recognition: Share,
    /// Sessions of the journey in this group, self-practice included.
    pub journeys: u64,
}

impl GroupFigures {
    fn empty(group: String, clients: u64) -> GroupFigures {
        GroupFigures {
            group,
            clients,
            small: clients < SMALL_GROUP,
            sessions: 0,
            conversion: wilson(0, 0),
            confirmed_conversion: wilson(0, 0),
            fcr: wilson(0, 0),
            returning: wilson(0, 0),
            csat: wilson(0, 0),
            ces: None,
            ces_answers: 0,
            nps: None,
            nps_answers: 0,
            voice: wilson(0, 0),
            recognition: wilson(0, 0),
            journeys: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VariantFigures {
    pub variant: String,
    pub small: bool,
    pub conversion: Share,
    /// The difference from the first variant (none for the first itself).
    pub versus: Option<String>,
    pub difference: Option<Difference>,
}

fn u(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// Runs one statement, mapping each row.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    f: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    stmt.query_map([], |row| f(row))?.collect()
}

/// Builds the report from the journal.
pub fn build(
    journal: &Journal,
    by: Option<Dimension>,
    period: Period,
) -> Result<Report, StoreError> {
    // The step rows read for one breakdown serve the next while the journal has not changed
    // (the dashboard switching breakdowns); they are kept with the journal's connection.
    let mut memo = journal.reader_memo();
    if !memo.as_ref().is_some_and(|m| m.is::<StepCache>()) {
        *memo = Some(Box::new(StepCache::default()));
    }
    let cache = memo
        .as_mut()
        .and_then(|m| m.downcast_mut::<StepCache>())
        .unwrap_or_else(|| unreachable!("the memo was just made a step cache"));
    compute(journal.conn(), by, period, cache).map_err(|e| journal.sql(e))
}

/// The step table as last read, and what the journal looked like then (its sessions, their
/// events and the newest one): any append, import or purge changes that.
#[derive(Default)]
struct StepCache {
    stamp: Option<(i64, i64, i64)>,
    table: std::sync::Arc<journey::StepTable>,
}

impl StepCache {
    fn table(
        &mut self,
        conn: &Connection,
        names: &str,
        steps: &str,
    ) -> rusqlite::Result<std::sync::Arc<journey::StepTable>> {
        let stamp = conn.query_row(
            "SELECT count(*), coalesce(sum(events), 0), coalesce(max(last_at), 0) FROM session_facts",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        if self.stamp != Some(stamp) {
            self.table = std::sync::Arc::new(read_steps(conn, names, steps)?);
            self.stamp = Some(stamp);
        }
        Ok(self.table.clone())
    }
}

/// Reads the step names and rows (typed integers, read as they are stored).
fn read_steps(conn: &Connection, names: &str, steps: &str) -> rusqlite::Result<journey::StepTable> {
    let names = rows(conn, names, |r| {
        Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?)))
    })?
    .into_iter()
    .collect();
    let mut stmt = conn.prepare(steps)?;
    let mut out = Vec::new();
    let mut cursor = stmt.query([])?;
    while let Some(r) = cursor.next()? {
        let int = |i: usize| -> rusqlite::Result<i64> {
            Ok(r.get_ref(i)?.as_i64_or_null()?.unwrap_or(0))
        };
        let opt =
            |i: usize| -> rusqlite::Result<Option<i64>> { Ok(r.get_ref(i)?.as_i64_or_null()?) };
        out.push(journey::Row {
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
    Ok(journey::StepTable { names, rows: out })
}

fn compute(
    conn: &Connection,
    by: Option<Dimension>,
    period: Period,
    cache: &mut StepCache,
) -> rusqlite::Result<Report> {
    let [
        conversion,
        returning,
        feedback,
        voice,
        journey_sessions,
        lesson_sessions,
        step_names,
        step_rows,
        variants,
        refusals,
    ]: [String; 10] = query::all_statements(by, period)
        .try_into()
        .unwrap_or_else(|_| unreachable!("all_statements returns ten statements"));

    let mut groups: Vec<GroupFigures> = rows(conn, &conversion, |r| {
        let clients = u(r.get(1)?);
        Ok(GroupFigures {
            conversion: wilson(u(r.get(2)?), clients),
            confirmed_conversion: wilson(u(r.get(3)?), clients),
            sessions: u(r.get(4)?),
            fcr: wilson(u(r.get(6)?), u(r.get(5)?)),
            ..GroupFigures::empty(r.get(0)?, clients)
        })
    })?;
    let find = |groups: &mut Vec<GroupFigures>, name: String| -> usize {
        if let Some(i) = groups.iter().position(|g| g.group == name) {
            return i;
        }
        groups.push(GroupFigures::empty(name, 0));
        groups.len() - 1
    };
    for (name, n, k) in rows(conn, &returning, |r| {
        Ok((r.get(0)?, u(r.get(1)?), u(r.get(2)?)))
    })? {
        let i = find(&mut groups, name);
        groups[i].returning = wilson(k, n);
    }
    for (name, cells) in rows(conn, &feedback, |r| {
        let mut cells = [0u64; 7];
        for (i, cell) in cells.iter_mut().enumerate() {
            *cell = u(r.get(i + 1)?);
        }
        Ok((r.get::<_, String>(0)?, cells))
    })? {
        let [
            csat_n,
            csat_top,
            ces_n,
            ces_sum,
            nps_n,
            promoters,
            detractors,
        ] = cells;
        let i = find(&mut groups, name);
        let g = &mut groups[i];
        g.csat = wilson(csat_top, csat_n);
        g.ces_answers = ces_n;
        g.ces = (ces_n > 0).then(|| ces_sum as f64 / ces_n as f64);
        g.nps_answers = nps_n;
        g.nps = (nps_n > 0).then(|| (promoters as f64 - detractors as f64) * 100.0 / nps_n as f64);
    }
    let mut log = LogFigures::default();
    for (name, cells) in rows(conn, &voice, |r| {
        let mut cells = [0u64; 6];
        for (i, cell) in cells.iter_mut().enumerate() {
            *cell = u(r.get(i + 1)?);
        }
        Ok((r.get::<_, String>(0)?, cells))
    })? {
        let [choices, by_voice, judged, accepted, cases, events] = cells;
        let i = find(&mut groups, name);
        groups[i].voice = wilson(by_voice, choices);
        groups[i].recognition = wilson(accepted, judged);
        groups[i].journeys = cases;
        log.cases += cases;
        log.events += events;
    }
    groups.sort_by(|a, b| a.group.cmp(&b.group));
    if by.is_some_and(|d| d == Dimension::Lesson) || by.is_none() {
        // Sessions counted under several goals (or all in one group) are counted once in the
        // log: take it from the whole period.
        log = event_log(conn, period)?;
    }

    let sessions_of = |sql: &str| {
        rows(conn, sql, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })
    };
    let steps = cache.table(conn, &step_names, &step_rows)?;
    let inputs = journey::Inputs {
        sessions: sessions_of(&journey_sessions)?,
        lesson_sessions: sessions_of(&lesson_sessions)?,
        by_lesson: by == Some(Dimension::Lesson),
        steps: &steps,
    };
    let (lessons, flows) = journey::compute(&inputs);
    let lost = lost::where_lost(&lessons, &flows);

    let variant_shares = rows(conn, &variants, |r| {
        Ok((r.get::<_, String>(0)?, wilson(u(r.get(2)?), u(r.get(1)?))))
    })?;
    let tested: Vec<_> = variant_shares
        .into_iter()
        .filter(|(v, _)| v != "-")
        .collect();
    let variants = if tested.len() < 2 {
        Vec::new()
    } else {
        let (base_name, base) = tested[0].clone();
        tested
            .iter()
            .enumerate()
            .map(|(i, (name, share))| VariantFigures {
                variant: name.clone(),
                small: share.n < SMALL_GROUP,
                conversion: *share,
                versus: (i > 0).then(|| base_name.clone()),
                difference: (i > 0).then(|| newcombe(share, &base)),
            })
            .collect()
    };
    let consent_refusals = u(conn.query_row(&refusals, [], |r| r.get(0))?);
    Ok(Report {
        by,
        groups,
        lessons,
        flows,
        lost,
        variants,
        consent_refusals,
        log,
    })
}

/// The sessions of the period and their events, each counted once.
fn event_log(conn: &Connection, period: Period) -> rusqlite::Result<LogFigures> {
    let journey = query::journey_cte(None, period);
    conn.query_row(
        &format!(
            "WITH {journey} SELECT count(*), coalesce(sum(f.events), 0) FROM j \
             JOIN session_facts f ON f.sid = j.sid"
        ),
        [],
        |r| {
            Ok(LogFigures {
                cases: u(r.get(0)?),
                events: u(r.get(1)?),
            })
        },
    )
}

/// Conversion in one week (for the dashboard's sparkline).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekFigures {
    /// `YYYY-WW`.
    pub week: String,
    pub sessions: u64,
    pub conversion: Share,
}

/// Conversion week by week, oldest first.
pub fn weekly(journal: &Journal, period: Period) -> Result<Vec<WeekFigures>, StoreError> {
    rows(journal.conn(), &query::weekly(period), |r| {
        Ok(WeekFigures {
            week: r.get(0)?,
            conversion: wilson(u(r.get(2)?), u(r.get(1)?)),
            sessions: u(r.get(3)?),
        })
    })
    .map_err(|e| journal.sql(e))
}
