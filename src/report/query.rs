//! The report's SQL over the journal's typed facts (`journal/schema.rs`, step 3): the
//! session-level figures are aggregated by SQLite from `session_facts`, grouped by one
//! breakdown; the journey's funnels, step times and losses are finished in Rust from one read
//! of `step_facts` (integer columns only), grouped by the sessions' groups.
//!
//! The statements are plain text with the breakdown column and the period written in (both come
//! from fixed choices and integers, never from free text), so the benchmark can hand the very
//! same statements to the `sqlite3` shell. They are written in the SQL that SQLite and
//! PostgreSQL both read (`count(CASE …)` rather than summing comparisons, `CAST(… AS BIGINT)`,
//! named subqueries), so the bank's central database runs the very same text over the same
//! facts (`crate::central`); only the two statements that turn milliseconds into dates differ
//! by [`Dialect`].

use serde::Serialize;

/// The SQL a statement is written for, where the two differ (dates).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// What figures can be broken down by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Segment,
    AgeBand,
    Channel,
    Site,
    Staff,
    Lesson,
    Variant,
}

impl Dimension {
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Segment => "segment",
            Dimension::AgeBand => "age_band",
            Dimension::Channel => "channel",
            Dimension::Site => "site",
            Dimension::Staff => "staff",
            Dimension::Lesson => "lesson",
            Dimension::Variant => "variant",
        }
    }
}

/// The period, as milliseconds since 1970 (UTC), start inclusive, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
}

/// The period's filter on `session_facts f`.
fn period_filter(period: Period) -> String {
    let mut filter = String::new();
    if let Some(from) = period.from_ms {
        filter.push_str(&format!(" AND f.started_at >= {from}"));
    }
    if let Some(to) = period.to_ms {
        filter.push_str(&format!(" AND f.started_at < {to}"));
    }
    filter
}

/// The group expression and the tables it needs.
fn group_of(by: Option<Dimension>) -> (String, &'static str) {
    match by {
        None => ("'all'".to_string(), "session_facts f"),
        Some(Dimension::Lesson) => (
            "g.goal".to_string(),
            "session_facts f JOIN session_goal g ON g.sid = f.sid",
        ),
        Some(d) => (format!("COALESCE(f.{}, '-')", d.name()), "session_facts f"),
    }
}

/// The assisted sessions of the period with their group: `s(sid, session, client, known_client,
/// grp, ended, outcome, fcr, started_at)`. A breakdown by lesson counts a session under each
/// goal. Self-practice sessions are not assistance attempts and are not here.
pub fn sessions_cte(by: Option<Dimension>, period: Period) -> String {
    let (grp, from) = group_of(by);
    format!(
        "s AS (SELECT f.sid, f.session, COALESCE(f.client, 'anon:' || f.session) AS client, \
         f.client IS NOT NULL AS known_client, f.outcome IS NOT NULL AS ended, f.outcome, f.fcr, \
         f.started_at, {grp} AS grp FROM {from} WHERE f.kind = 'assisted'{})",
        period_filter(period)
    )
}

/// Every session of the period (assisted, self-practice, or with no start seen) with its
/// group, for the journey's figures: `j(sid, grp, legacy)`.
pub fn journey_cte(by: Option<Dimension>, period: Period) -> String {
    let (grp, from) = group_of(by);
    format!(
        "j AS (SELECT f.sid, {grp} AS grp, f.legacy FROM {from} WHERE 1 = 1{})",
        period_filter(period)
    )
}

/// Per group: clients with an attempt, of them "did it alone", of them confirmed by a
/// follow-up; ended sessions, of them with an FCR answer, of them solved.
pub fn conversion(cte: &str) -> String {
    format!(
        "WITH {cte}, confirmed AS (SELECT DISTINCT client FROM follow_up_facts WHERE used_alone) \
         SELECT grp, count(DISTINCT client), \
         count(DISTINCT CASE WHEN outcome = 'alone' THEN client END), \
         count(DISTINCT CASE WHEN client IN (SELECT client FROM confirmed) THEN client END), \
         count(*), count(fcr), count(CASE WHEN fcr THEN 1 END) \
         FROM s WHERE ended GROUP BY grp ORDER BY grp"
    )
}

/// Per group: known clients, of them with two or more sessions.
pub fn returning(cte: &str) -> String {
    format!(
        "WITH {cte} SELECT grp, count(*), count(CASE WHEN n >= 2 THEN 1 END) FROM \
         (SELECT grp, client, count(*) AS n FROM s WHERE known_client GROUP BY grp, client) \
         AS per_client GROUP BY grp ORDER BY grp"
    )
}

/// Per group: CSAT answers and 4–5s, CES answers and their sum, NPS answers, promoters and
/// detractors.
pub fn feedback(cte: &str) -> String {
    format!(
        "WITH {cte} SELECT s.grp, count(f.csat), count(CASE WHEN f.csat >= 4 THEN 1 END), \
         count(f.ces), CAST(coalesce(sum(f.ces), 0) AS BIGINT), count(f.nps), \
         count(CASE WHEN f.nps >= 9 THEN 1 END), count(CASE WHEN f.nps <= 6 THEN 1 END) \
         FROM s JOIN session_facts f ON f.sid = s.sid \
         WHERE f.csat IS NOT NULL OR f.ces IS NOT NULL OR f.nps IS NOT NULL \
         GROUP BY s.grp ORDER BY s.grp"
    )
}

/// Per group, over every session of the journey: choices taken, of them by voice; phrases voice
/// heard with a verdict, of them understood; and the event log's cases and events.
pub fn voice(journey: &str) -> String {
    format!(
        "WITH {journey} SELECT j.grp, \
         CAST(coalesce(sum(f.by_key + f.by_arrows + f.by_voice), 0) AS BIGINT), \
         CAST(coalesce(sum(f.by_voice), 0) AS BIGINT), \
         CAST(coalesce(sum(f.heard_accepted + f.heard_refused), 0) AS BIGINT), \
         CAST(coalesce(sum(f.heard_accepted), 0) AS BIGINT), count(*), \
         CAST(coalesce(sum(f.events), 0) AS BIGINT) \
         FROM j JOIN session_facts f ON f.sid = j.sid GROUP BY j.grp ORDER BY j.grp"
    )
}

/// The sessions of the journey with their group and whether they are legacy (one row per
/// group a session is in).
pub fn journey_sessions(journey: &str) -> String {
    format!("WITH {journey} SELECT sid, grp, legacy FROM j")
}

/// The names of steps.
pub fn step_names() -> String {
    "SELECT id, track, name, step FROM step_name".to_string()
}

/// The step rows of flows and lessons (not screens outside them), in typed columns, by session
/// (the report groups them in Rust); with a period, only those of the period's sessions, so a
/// month of a bank's history reads a month of rows.
pub fn step_rows(period: Period) -> String {
    let of_period = if period == Period::default() {
        String::new()
    } else {
        format!(
            " AND sid IN (SELECT f.sid FROM session_facts f WHERE 1 = 1{})",
            period_filter(period)
        )
    };
    format!(
        "SELECT sid, name_id, role, step_no, after_step, ordinal, ms, errors, help FROM step_facts \
         WHERE name_id IN (SELECT id FROM step_name WHERE track <> 'screen'){of_period} \
         ORDER BY sid, seq"
    )
}

/// Per variant (whole period, not broken down): clients with an attempt and "did it alone".
pub fn variants(period: Period) -> String {
    let cte = sessions_cte(Some(Dimension::Variant), period);
    format!(
        "WITH {cte} SELECT grp, count(DISTINCT client), \
         count(DISTINCT CASE WHEN outcome = 'alone' THEN client END) \
         FROM s WHERE ended GROUP BY grp ORDER BY grp"
    )
}

/// A time in milliseconds as the event table's `at` compares with it.
fn event_time(dialect: Dialect, ms: i64) -> String {
    match dialect {
        Dialect::Sqlite => ms.to_string(),
        // Milliseconds are exact in a double at this size; to_timestamp keeps microseconds.
        Dialect::Postgres => format!("to_timestamp({ms}::double precision / 1000)"),
    }
}

/// Consent refusals in the period (counted, nothing else is known about them).
pub fn refusals(dialect: Dialect, period: Period) -> String {
    let mut filter = String::from("kind = 'consent_refused'");
    if let Some(from) = period.from_ms {
        filter.push_str(&format!(" AND at >= {}", event_time(dialect, from)));
    }
    if let Some(to) = period.to_ms {
        filter.push_str(&format!(" AND at < {}", event_time(dialect, to)));
    }
    format!("SELECT count(*) FROM event WHERE {filter}")
}

/// Every statement a report on the device's journal runs, in order (the benchmark gives them to
/// the peer).
pub fn all_statements(by: Option<Dimension>, period: Period) -> Vec<String> {
    statements(Dialect::Sqlite, by, period)
}

/// Every statement a report runs, in order, in `dialect`.
pub fn statements(dialect: Dialect, by: Option<Dimension>, period: Period) -> Vec<String> {
    let cte = sessions_cte(by, period);
    // Lesson figures broken down by lesson use each step's own lesson, so the journey's
    // sessions are then not multiplied by their goals.
    let journey = journey_cte(by, period);
    let lesson_journey = if by == Some(Dimension::Lesson) {
        journey_cte(None, period)
    } else {
        journey.clone()
    };
    vec![
        conversion(&cte),
        returning(&cte),
        feedback(&cte),
        voice(&journey),
        journey_sessions(&journey),
        journey_sessions(&lesson_journey),
        step_names(),
        step_rows(period),
        variants(period),
        refusals(dialect, period),
    ]
}

/// The week of `started_at` as `YYYY-WW`: SQLite's `%W`, weeks starting on Monday, week 00
/// before the year's first Monday (UTC). PostgreSQL has no such pattern: the same number is
/// `(day of the year + 7 − ISO weekday) / 7`.
fn week_of_start(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "strftime('%Y-%W', started_at / 1000, 'unixepoch')",
        Dialect::Postgres => {
            "to_char(to_timestamp(started_at / 1000) AT TIME ZONE 'UTC', 'YYYY') || '-' || \
             lpad(((extract(doy FROM to_timestamp(started_at / 1000) AT TIME ZONE 'UTC')::int + 7 \
             - extract(isodow FROM to_timestamp(started_at / 1000) AT TIME ZONE 'UTC')::int) / 7)::text, \
             2, '0')"
        }
    }
}

/// Per week of the period (`YYYY-WW`, weeks starting on Monday, UTC): clients with an attempt
/// and of them "did it alone", and ended sessions.
pub fn weekly(dialect: Dialect, period: Period) -> String {
    let cte = sessions_cte(None, period);
    let week = week_of_start(dialect);
    format!(
        "WITH {cte} SELECT {week} AS week, \
         count(DISTINCT client), count(DISTINCT CASE WHEN outcome = 'alone' THEN client END), \
         count(*) FROM s WHERE ended GROUP BY week ORDER BY week"
    )
}
