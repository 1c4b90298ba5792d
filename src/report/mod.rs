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
//!
//! The statements (`query.rs`) run on a [`source::Source`]: the device's journal, or the bank's
//! central database (`crate::central::report`), which holds the same facts under the same names.

pub mod dashboard;
pub mod format;
pub mod format_journey;
pub mod journey;
pub mod lost;
pub mod query;
pub mod source;
pub mod stats;

use serde::Serialize;

use crate::store::journal::Journal;
pub use journey::{FlowFigures, FlowStage, LessonFigures, StepFigures};
pub use lost::LostFigures;
use opora_core::store_error::StoreError;
pub use query::{Dimension, Period};
use source::{Cell, Local, Source, StepCache};
pub use stats::{Difference, Share};
use stats::{newcombe, wilson};

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

/// Builds the report from the journal.
pub fn build(
    journal: &Journal,
    by: Option<Dimension>,
    period: Period,
) -> Result<Report, StoreError> {
    with_local(journal, |source| compute(source, by, period))
}

/// Runs `f` on the journal as a [`Source`]. The step rows read for one breakdown serve the next
/// while the journal has not changed (the dashboard switching breakdowns); they are kept with
/// the journal's connection.
fn with_local<T>(
    journal: &Journal,
    f: impl FnOnce(&mut Local<'_>) -> rusqlite::Result<T>,
) -> Result<T, StoreError> {
    let mut memo = journal.reader_memo();
    if !memo.as_ref().is_some_and(|m| m.is::<StepCache>()) {
        *memo = Some(Box::new(StepCache::default()));
    }
    let cache = memo
        .as_mut()
        .and_then(|m| m.downcast_mut::<StepCache>())
        .unwrap_or_else(|| unreachable!("the memo was just made a step cache"));
    let mut source = Local {
        conn: journal.conn(),
        cache,
    };
    f(&mut source).map_err(|e| journal.sql(e))
}

/// The report from any source of the journal's facts: the device's, or the bank's.
pub fn compute<S: Source>(
    source: &mut S,
    by: Option<Dimension>,
    period: Period,
) -> Result<Report, S::Error> {
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
    ]: [String; 10] = query::statements(source.dialect(), by, period)
        .try_into()
        .unwrap_or_else(|_| unreachable!("statements returns ten statements"));

    let mut groups: Vec<GroupFigures> = source
        .rows(&conversion)?
        .into_iter()
        .map(|r| {
            let clients = r[1].count();
            GroupFigures {
                conversion: wilson(r[2].count(), clients),
                confirmed_conversion: wilson(r[3].count(), clients),
                sessions: r[4].count(),
                fcr: wilson(r[6].count(), r[5].count()),
                ..GroupFigures::empty(r[0].text(), clients)
            }
        })
        .collect();
    let find = |groups: &mut Vec<GroupFigures>, name: String| -> usize {
        if let Some(i) = groups.iter().position(|g| g.group == name) {
            return i;
        }
        groups.push(GroupFigures::empty(name, 0));
        groups.len() - 1
    };
    for r in source.rows(&returning)? {
        let i = find(&mut groups, r[0].text());
        groups[i].returning = wilson(r[2].count(), r[1].count());
    }
    for r in source.rows(&feedback)? {
        let cells: Vec<u64> = r[1..].iter().map(Cell::count).collect();
        let [
            csat_n,
            csat_top,
            ces_n,
            ces_sum,
            nps_n,
            promoters,
            detractors,
        ] = cells[..]
        else {
            continue;
        };
        let i = find(&mut groups, r[0].text());
        let g = &mut groups[i];
        g.csat = wilson(csat_top, csat_n);
        g.ces_answers = ces_n;
        g.ces = (ces_n > 0).then(|| ces_sum as f64 / ces_n as f64);
        g.nps_answers = nps_n;
        g.nps = (nps_n > 0).then(|| (promoters as f64 - detractors as f64) * 100.0 / nps_n as f64);
    }
    let mut log = LogFigures::default();
    for r in source.rows(&voice)? {
        let cells: Vec<u64> = r[1..].iter().map(Cell::count).collect();
        let [choices, by_voice, judged, accepted, cases, events] = cells[..] else {
            continue;
        };
        let i = find(&mut groups, r[0].text());
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
        log = event_log(source, period)?;
    }

    let mut sessions_of = |sql: &str| -> Result<Vec<(i64, String, bool)>, S::Error> {
        Ok(source
            .rows(sql)?
            .into_iter()
            .map(|r| (r[0].int(), r[1].text(), r[2].flag()))
            .collect())
    };
    let sessions = sessions_of(&journey_sessions)?;
    let lesson_sessions = sessions_of(&lesson_sessions)?;
    let steps = source.step_table(&step_names, &step_rows)?;
    let inputs = journey::Inputs {
        sessions,
        lesson_sessions,
        by_lesson: by == Some(Dimension::Lesson),
        steps: &steps,
    };
    let (lessons, flows) = journey::compute(&inputs);
    let lost = lost::where_lost(&lessons, &flows);

    let mut tested: Vec<(String, Share)> = source
        .rows(&variants)?
        .into_iter()
        .map(|r| (r[0].text(), wilson(r[2].count(), r[1].count())))
        .filter(|(v, _)| v != "-")
        .collect();
    // In the order of their names, whatever the database's collation.
    tested.sort_by(|a, b| a.0.cmp(&b.0));
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
    let consent_refusals = source
        .rows(&refusals)?
        .first()
        .and_then(|r| r.first())
        .map_or(0, Cell::count);
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
fn event_log<S: Source>(source: &mut S, period: Period) -> Result<LogFigures, S::Error> {
    let journey = query::journey_cte(None, period);
    let rows = source.rows(&format!(
        "WITH {journey} SELECT count(*), CAST(coalesce(sum(f.events), 0) AS BIGINT) FROM j \
         JOIN session_facts f ON f.sid = j.sid"
    ))?;
    let cell = |i: usize| rows.first().and_then(|r| r.get(i)).map_or(0, Cell::count);
    Ok(LogFigures {
        cases: cell(0),
        events: cell(1),
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
    with_local(journal, |source| weeks(source, period))
}

/// [`weekly`] from any source.
pub fn weeks<S: Source>(source: &mut S, period: Period) -> Result<Vec<WeekFigures>, S::Error> {
    Ok(source
        .rows(&query::weekly(source.dialect(), period))?
        .into_iter()
        .map(|r| WeekFigures {
            week: r[0].text(),
            conversion: wilson(r[2].count(), r[1].count()),
            sessions: r[3].count(),
        })
        .collect())
}
