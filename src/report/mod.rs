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
//! - Lesson completion = completed ÷ started (runs = sessions); funnel: reached step k ÷
//!   started, where reaching a step means completing it; the drop-off step loses the most runs.
//! - Step time: median and p90 (nearest rank) of seconds from the previous step (or the lesson's
//!   start); errors and help requests per step.
//! - CSAT = share of 4–5 on 1–5; CES = mean on 1–7; NPS = % of 9–10 minus % of 0–6.
//! - FCR = solved ÷ ended sessions with an answer. Voice share = steps by voice ÷ steps;
//!   recognition acceptance = accepted ÷ voice steps with a verdict.
//! - Returning = clients (with a pseudonym) with two or more sessions ÷ clients.
//! - A/B: conversion per variant and each variant's difference from the first, with
//!   Newcombe's 95 % interval.
//!
//! Groups with fewer than [`SMALL_GROUP`] clients are reported but marked `small`.

pub mod dashboard;
pub mod format;
pub mod query;
pub mod stats;

use rusqlite::Connection;
use serde::Serialize;

use crate::store::journal::Journal;
use opora_core::store_error::StoreError;
pub use query::{Dimension, Period};
use stats::{Difference, Share, median, newcombe, percentile, wilson};

/// Fewer clients than this in a group: shown, but marked.
pub const SMALL_GROUP: u64 = 5;

/// Everything `opora report` shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub by: Option<Dimension>,
    pub groups: Vec<GroupFigures>,
    pub lessons: Vec<LessonFigures>,
    pub variants: Vec<VariantFigures>,
    pub consent_refusals: u64,
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
}

/// One lesson within one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LessonFigures {
    pub group: String,
    pub lesson: String,
    pub small: bool,
    /// Completed ÷ started.
    pub completion: Share,
    pub steps: Vec<StepFigures>,
    pub drop_off_step: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepFigures {
    pub step: u32,
    /// Runs that completed this step.
    pub reached: u64,
    /// Reached ÷ started.
    pub funnel: Option<f64>,
    /// Runs lost since the previous step (or the start).
    pub loss: i64,
    pub median_seconds: Option<f64>,
    pub p90_seconds: Option<f64>,
    pub errors: u64,
    pub help: u64,
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
    compute(journal.conn(), by, period).map_err(|e| journal.sql(e))
}

fn compute(conn: &Connection, by: Option<Dimension>, period: Period) -> rusqlite::Result<Report> {
    let [
        conversion,
        returning,
        feedback,
        voice,
        lessons,
        steps,
        times,
        variants,
        refusals,
    ]: [String; 9] = query::all_statements(by, period)
        .try_into()
        .unwrap_or_else(|_| unreachable!("all_statements returns nine statements"));

    let mut groups: Vec<GroupFigures> = rows(conn, &conversion, |r| {
        let clients = u(r.get(1)?);
        Ok(GroupFigures {
            group: r.get(0)?,
            clients,
            small: clients < SMALL_GROUP,
            conversion: wilson(u(r.get(2)?), clients),
            confirmed_conversion: wilson(u(r.get(3)?), clients),
            sessions: u(r.get(4)?),
            fcr: wilson(u(r.get(6)?), u(r.get(5)?)),
            returning: wilson(0, 0),
            csat: wilson(0, 0),
            ces: None,
            ces_answers: 0,
            nps: None,
            nps_answers: 0,
            voice: wilson(0, 0),
            recognition: wilson(0, 0),
        })
    })?;
    let find = |groups: &mut Vec<GroupFigures>, name: String| -> usize {
        if let Some(i) = groups.iter().position(|g| g.group == name) {
            return i;
        }
        groups.push(GroupFigures {
            group: name,
            clients: 0,
            small: true,
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
        });
        groups.len() - 1
    };
    for (name, n, k) in rows(conn, &returning, |r| {
        Ok((r.get(0)?, u(r.get(1)?), u(r.get(2)?)))
    })? {
        let i = find(&mut groups, name);
        groups[i].returning = wilson(k, n);
    }
    for row in rows(conn, &feedback, |r| {
        Ok((
            r.get::<_, String>(0)?,
            [
                u(r.get(1)?),
                u(r.get(2)?),
                u(r.get(3)?),
                u(r.get(4)?),
                u(r.get(5)?),
                u(r.get(6)?),
                u(r.get(7)?),
            ],
        ))
    })? {
        let (name, cells) = row;
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
    for (name, steps_n, by_voice, judged, accepted) in rows(conn, &voice, |r| {
        Ok((
            r.get::<_, String>(0)?,
            u(r.get(1)?),
            u(r.get(2)?),
            u(r.get(3)?),
            u(r.get(4)?),
        ))
    })? {
        let i = find(&mut groups, name);
        groups[i].voice = wilson(by_voice, steps_n);
        groups[i].recognition = wilson(accepted, judged);
    }
    groups.sort_by(|a, b| a.group.cmp(&b.group));

    let mut lesson_rows: Vec<LessonFigures> = rows(conn, &lessons, |r| {
        let started = u(r.get(2)?);
        Ok(LessonFigures {
            group: r.get(0)?,
            lesson: r.get(1)?,
            small: started < SMALL_GROUP,
            completion: wilson(u(r.get(3)?), started),
            steps: Vec::new(),
            drop_off_step: None,
        })
    })?;
    let step_rows = rows(conn, &steps, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            u(r.get(3)?),
            u(r.get(4)?),
            u(r.get(5)?),
        ))
    })?;
    let time_rows = rows(conn, &times, |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut durations: std::collections::BTreeMap<(String, String, i64), Vec<f64>> =
        std::collections::BTreeMap::new();
    for (g, l, s, ms) in time_rows {
        durations
            .entry((g, l, s))
            .or_default()
            .push(ms as f64 / 1000.0);
    }
    for lesson in &mut lesson_rows {
        let started = lesson.completion.n;
        let mut previous = i64::try_from(started).unwrap_or(i64::MAX);
        let mut worst: Option<(i64, u32)> = None;
        for (_, _, step, reached, errors, help) in step_rows
            .iter()
            .filter(|(g, l, ..)| *g == lesson.group && *l == lesson.lesson)
        {
            let Ok(step) = u32::try_from(*step) else {
                continue;
            };
            let mut seconds = durations
                .remove(&(lesson.group.clone(), lesson.lesson.clone(), i64::from(step)))
                .unwrap_or_default();
            seconds.sort_by(f64::total_cmp);
            let reached_i = i64::try_from(*reached).unwrap_or(i64::MAX);
            let loss = previous - reached_i;
            if loss > 0 && worst.is_none_or(|(w, _)| loss > w) {
                worst = Some((loss, step));
            }
            previous = reached_i;
            lesson.steps.push(StepFigures {
                step,
                reached: *reached,
                funnel: (started > 0).then(|| *reached as f64 / started as f64),
                loss,
                median_seconds: median(&seconds),
                p90_seconds: percentile(&seconds, 0.9),
                errors: *errors,
                help: *help,
            });
        }
        lesson.drop_off_step = worst.map(|(_, step)| step);
    }

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
        lessons: lesson_rows,
        variants,
        consent_refusals,
    })
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
