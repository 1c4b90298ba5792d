//! The report's SQL: every aggregate is computed by SQLite over the journal's `event` table and
//! its `session_facts` view (`journal/schema.rs`), grouped by one breakdown. Only step-time
//! percentiles are finished in Rust, from per-step durations computed in SQL with a window
//! function.
//!
//! The statements are plain text with the breakdown column and the period written in (both come
//! from fixed choices and integers, never from free text), so the benchmark can hand the very
//! same statements to the `sqlite3` shell.

use serde::Serialize;

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

/// The sessions of the period with their group: `s(session, client, known_client, grp,
/// ended, outcome, fcr, started_at)`. A breakdown by lesson counts a session under each goal.
pub fn sessions_cte(by: Option<Dimension>, period: Period) -> String {
    let mut filter = String::from("1");
    if let Some(from) = period.from_ms {
        filter.push_str(&format!(" AND f.started_at >= {from}"));
    }
    if let Some(to) = period.to_ms {
        filter.push_str(&format!(" AND f.started_at < {to}"));
    }
    let (grp, from) = match by {
        None => ("'all'".to_string(), "session_facts f".to_string()),
        Some(Dimension::Lesson) => (
            "g.value".to_string(),
            "session_facts f, json_each(f.goals) g".to_string(),
        ),
        Some(d) => (
            format!("COALESCE(f.{}, '-')", d.name()),
            "session_facts f".to_string(),
        ),
    };
    format!(
        "s AS (SELECT f.session, f.client, f.known_client, f.ended, f.outcome, f.fcr, \
         f.started_at, {grp} AS grp FROM {from} WHERE {filter})"
    )
}

/// Per group: clients with an attempt, of them "did it alone", of them confirmed by a
/// follow-up; ended sessions, of them with an FCR answer, of them solved.
pub fn conversion(cte: &str) -> String {
    format!(
        "WITH {cte}, confirmed AS (SELECT DISTINCT json_extract(payload, '$.client') AS client \
         FROM event WHERE kind = 'follow_up' AND json_extract(payload, '$.used_alone') = 1) \
         SELECT grp, count(DISTINCT client), \
         count(DISTINCT CASE WHEN outcome = 'alone' THEN client END), \
         count(DISTINCT CASE WHEN client IN (SELECT client FROM confirmed) THEN client END), \
         count(*), count(fcr), coalesce(sum(fcr = 1), 0) \
         FROM s WHERE ended GROUP BY grp ORDER BY grp"
    )
}

/// Per group: known clients, of them with two or more sessions.
pub fn returning(cte: &str) -> String {
    format!(
        "WITH {cte} SELECT grp, count(*), coalesce(sum(n >= 2), 0) FROM \
         (SELECT grp, client, count(*) AS n FROM s WHERE known_client GROUP BY grp, client) \
         GROUP BY grp ORDER BY grp"
    )
}

/// Per group: CSAT answers and 4–5s, CES answers and their sum, NPS answers, promoters and
/// detractors.
pub fn feedback(cte: &str) -> String {
    format!(
        "WITH {cte}, fb AS (SELECT s.grp, json_extract(e.payload, '$.csat') AS csat, \
         json_extract(e.payload, '$.ces') AS ces, json_extract(e.payload, '$.nps') AS nps \
         FROM event e JOIN s ON s.session = e.session WHERE e.kind = 'feedback') \
         SELECT grp, count(csat), coalesce(sum(csat >= 4), 0), count(ces), coalesce(sum(ces), 0), \
         count(nps), coalesce(sum(nps >= 9), 0), coalesce(sum(nps <= 6), 0) \
         FROM fb GROUP BY grp ORDER BY grp"
    )
}

/// Per group: steps done, by voice, voice steps with a recognition verdict, accepted ones.
pub fn voice(cte: &str) -> String {
    format!(
        "WITH {cte}, st AS (SELECT s.grp, json_extract(e.payload, '$.by') AS by, \
         json_extract(e.payload, '$.recognition_accepted') AS acc \
         FROM event e JOIN s ON s.session = e.session WHERE e.kind = 'step_completed') \
         SELECT grp, count(*), coalesce(sum(by = 'voice'), 0), \
         count(CASE WHEN by = 'voice' THEN acc END), coalesce(sum(by = 'voice' AND acc = 1), 0) \
         FROM st GROUP BY grp ORDER BY grp"
    )
}

/// Per group and lesson: runs started and completed (distinct sessions).
pub fn lessons(cte: &str, by_lesson: bool) -> String {
    let grp = lesson_grp(by_lesson);
    format!(
        "WITH {cte}, l AS (SELECT DISTINCT {grp} AS grp, e.session, e.kind, \
         json_extract(e.payload, '$.lesson') AS lesson FROM event e JOIN s ON s.session = e.session \
         WHERE e.kind IN ('lesson_started', 'lesson_completed')) \
         SELECT grp, lesson, coalesce(sum(kind = 'lesson_started'), 0), \
         coalesce(sum(kind = 'lesson_completed'), 0) FROM l GROUP BY grp, lesson ORDER BY grp, lesson"
    )
}

/// Per group, lesson and step: runs that completed the step, errors and help requests.
pub fn steps(cte: &str, by_lesson: bool) -> String {
    let grp = lesson_grp(by_lesson);
    format!(
        "WITH {cte}, st AS (SELECT {grp} AS grp, e.session, e.kind, \
         json_extract(e.payload, '$.lesson') AS lesson, json_extract(e.payload, '$.step') AS step \
         FROM event e JOIN s ON s.session = e.session \
         WHERE e.kind IN ('step_completed', 'error_shown', 'help_asked')) \
         SELECT grp, lesson, step, count(DISTINCT CASE WHEN kind = 'step_completed' THEN session END), \
         coalesce(sum(kind = 'error_shown'), 0), coalesce(sum(kind = 'help_asked'), 0) \
         FROM st WHERE lesson IS NOT NULL AND step IS NOT NULL \
         GROUP BY grp, lesson, step ORDER BY grp, lesson, step"
    )
}

/// Per group, lesson and step: each step's duration in milliseconds, from the previous step
/// (or the lesson's start) in the same session, ordered for percentiles.
pub fn step_times(cte: &str, by_lesson: bool) -> String {
    let grp = lesson_grp(by_lesson);
    format!(
        "WITH {cte}, t AS (SELECT {grp} AS grp, json_extract(e.payload, '$.lesson') AS lesson, \
         json_extract(e.payload, '$.step') AS step, e.kind, \
         e.at - lag(e.at) OVER (PARTITION BY e.session, json_extract(e.payload, '$.lesson') \
         ORDER BY e.at, e.id) AS ms FROM event e JOIN s ON s.session = e.session \
         WHERE e.kind IN ('lesson_started', 'step_completed')) \
         SELECT grp, lesson, step, ms FROM t WHERE kind = 'step_completed' AND ms IS NOT NULL \
         AND lesson IS NOT NULL ORDER BY grp, lesson, step, ms"
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

/// Consent refusals in the period (counted, nothing else is known about them).
pub fn refusals(period: Period) -> String {
    let mut filter = String::from("kind = 'consent_refused'");
    if let Some(from) = period.from_ms {
        filter.push_str(&format!(" AND at >= {from}"));
    }
    if let Some(to) = period.to_ms {
        filter.push_str(&format!(" AND at < {to}"));
    }
    format!("SELECT count(*) FROM event WHERE {filter}")
}

/// Lesson figures of a breakdown by lesson use the event's own lesson; otherwise the session's
/// group.
fn lesson_grp(by_lesson: bool) -> &'static str {
    if by_lesson {
        "json_extract(e.payload, '$.lesson')"
    } else {
        "s.grp"
    }
}

/// Every statement a report runs, in order (the benchmark gives them to `sqlite3`).
pub fn all_statements(by: Option<Dimension>, period: Period) -> Vec<String> {
    let by_lesson = by == Some(Dimension::Lesson);
    // A breakdown by lesson for lesson figures uses each event's lesson, so the session CTE
    // must not multiply sessions by their goals there.
    let cte = sessions_cte(by, period);
    let lesson_cte = if by_lesson {
        sessions_cte(None, period)
    } else {
        cte.clone()
    };
    vec![
        conversion(&cte),
        returning(&cte),
        feedback(&cte),
        voice(&cte),
        lessons(&lesson_cte, by_lesson),
        steps(&lesson_cte, by_lesson),
        step_times(&lesson_cte, by_lesson),
        variants(period),
        refusals(period),
    ]
}

/// Per week of the period (`YYYY-WW`, weeks starting on Monday, UTC): clients with an attempt
/// and of them "did it alone", and ended sessions.
pub fn weekly(period: Period) -> String {
    let cte = sessions_cte(None, period);
    format!(
        "WITH {cte} SELECT strftime('%Y-%W', started_at / 1000, 'unixepoch') AS week, \
         count(DISTINCT client), count(DISTINCT CASE WHEN outcome = 'alone' THEN client END), \
         count(*) FROM s WHERE ended GROUP BY week ORDER BY week"
    )
}
