//! The views BI tools (Grafana, Metabase, Superset) read in the central database: the report's
//! figures under stable names, `opora.opora_conversion_by_segment` and the like, over the whole
//! history. Each view is the report's own statement (`report::query`, the text `opora report
//! --central` runs), wrapped to name its columns and to add the share and its Wilson 95 %
//! interval computed as the report computes them (`opora.wilson_low`/`wilson_high`). So a view
//! cannot drift from the report: both are made from one definition, and a test compares them.
//!
//! `opora_attempt` lists the assistance attempts themselves (one row per ended assisted session
//! with consent, the client as the report counts it), so a BI tool can compute conversion over
//! any period it likes with `count(DISTINCT client)`.
//!
//! `opora central init` drops and makes them again every time, so they follow the Opora that
//! ran it.

use crate::report::query::{self, Dialect};
use crate::report::{Period, dashboard::BREAKDOWNS};

/// A share `k ÷ n` with its interval, as columns named `name`, `name_low`, `name_high`.
fn share(k: &str, n: &str, name: &str) -> String {
    format!(
        "{k}::float8 / nullif({n}, 0)::float8 AS {name}, opora.wilson_low({k}, {n}) AS {name}_low, \
         opora.wilson_high({k}, {n}) AS {name}_high"
    )
}

/// One figure of the report, per group: its view's name part, the report's statement for a
/// breakdown, the names of the statement's columns after the group, and what the view shows.
struct Figure {
    name: &'static str,
    statement: fn(&str) -> String,
    columns: &'static [&'static str],
    shown: fn() -> String,
}

const FIGURES: &[Figure] = &[
    Figure {
        name: "conversion",
        statement: query::conversion,
        columns: &[
            "clients",
            "did_alone",
            "confirmed",
            "sessions",
            "fcr_answers",
            "fcr_solved",
        ],
        shown: || {
            format!(
                "clients, did_alone, {}, confirmed, {}, sessions, fcr_answers, fcr_solved, {}",
                share("did_alone", "clients", "conversion"),
                share("confirmed", "clients", "confirmed_conversion"),
                share("fcr_solved", "fcr_answers", "fcr")
            )
        },
    },
    Figure {
        name: "returning",
        statement: query::returning,
        columns: &["known_clients", "returning_clients"],
        shown: || {
            format!(
                "known_clients, returning_clients, {}",
                share("returning_clients", "known_clients", "returning")
            )
        },
    },
    Figure {
        name: "feedback",
        statement: query::feedback,
        columns: &[
            "csat_answers",
            "csat_4_or_5",
            "ces_answers",
            "ces_sum",
            "nps_answers",
            "promoters",
            "detractors",
        ],
        shown: || {
            format!(
                "csat_answers, csat_4_or_5, {}, ces_answers, \
                 ces_sum::float8 / nullif(ces_answers, 0)::float8 AS ces, nps_answers, promoters, \
                 detractors, (promoters::float8 - detractors::float8) * 100::float8 \
                 / nullif(nps_answers, 0)::float8 AS nps",
                share("csat_4_or_5", "csat_answers", "csat")
            )
        },
    },
    Figure {
        name: "voice",
        statement: query::voice,
        columns: &[
            "choices",
            "by_voice",
            "heard_with_verdict",
            "understood",
            "sessions",
            "events",
        ],
        shown: || {
            format!(
                "choices, by_voice, {}, heard_with_verdict, understood, {}, sessions, events",
                share("by_voice", "choices", "voice_share"),
                share("understood", "heard_with_verdict", "recognition")
            )
        },
    },
];

/// Every view's name and its `SELECT`.
pub fn definitions() -> Vec<(String, String)> {
    let all = Period::default();
    let mut out = Vec::new();
    let breakdowns = std::iter::once(None).chain(BREAKDOWNS.iter().copied().map(Some));
    for by in breakdowns {
        for figure in FIGURES {
            // Voice and the event log count every session of the journey; the rest count
            // assistance attempts.
            let base = if figure.name == "voice" {
                query::journey_cte(by, all)
            } else {
                query::sessions_cte(by, all)
            };
            let statement = (figure.statement)(&base);
            let (name, group) = match by {
                None => (format!("opora_{}", figure.name), String::new()),
                Some(d) => (
                    format!("opora_{}_by_{}", figure.name, d.name()),
                    format!("grp AS {}, ", d.name()),
                ),
            };
            let select = format!(
                "SELECT {group}{} FROM ({statement}) AS figures (grp, {})",
                (figure.shown)(),
                figure.columns.join(", ")
            );
            out.push((name, select));
        }
    }
    out.push((
        "opora_conversion_weekly".into(),
        format!(
            "SELECT week, clients, did_alone, {}, sessions FROM ({}) AS figures \
             (week, clients, did_alone, sessions)",
            share("did_alone", "clients", "conversion"),
            query::weekly(Dialect::Postgres, all)
        ),
    ));
    out.push((
        "opora_attempt".into(),
        format!(
            "WITH {} SELECT s.session, s.client, s.known_client, s.outcome, \
             s.outcome = 'alone' AS did_alone, s.fcr, to_timestamp(s.started_at / 1000.0) AS started, \
             f.segment, f.age_band, f.channel, f.site, f.staff, f.variant, f.device \
             FROM s JOIN session_facts f ON f.sid = s.sid WHERE s.ended",
            query::sessions_cte(None, all)
        ),
    ));
    out
}

/// The statements that make every view again (run in one transaction by `central init`; the
/// report's tables are named as they are on a device, so the search path is Opora's schema).
pub fn install_sql() -> String {
    let mut sql = String::from("SET LOCAL search_path TO opora, pg_catalog;\n");
    for (name, select) in definitions() {
        sql.push_str(&format!(
            "DROP VIEW IF EXISTS opora.{name};\nCREATE VIEW opora.{name} AS {select};\n"
        ));
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::query::Dimension;

    #[test]
    fn every_breakdown_has_its_views_under_stable_names() {
        let names: Vec<String> = definitions().into_iter().map(|(n, _)| n).collect();
        for expected in [
            "opora_conversion",
            "opora_conversion_by_segment",
            "opora_conversion_by_age_band",
            "opora_feedback_by_site",
            "opora_returning_by_staff",
            "opora_voice_by_lesson",
            "opora_conversion_by_variant",
            "opora_conversion_weekly",
            "opora_attempt",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} in {names:?}"
            );
        }
        let unique: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "no name twice");
    }

    #[test]
    fn a_view_is_the_report_s_own_statement() {
        let (_, select) = definitions()
            .into_iter()
            .find(|(n, _)| n == "opora_conversion_by_segment")
            .expect("view");
        let statement = query::conversion(&query::sessions_cte(
            Some(Dimension::Segment),
            Period::default(),
        ));
        assert!(select.contains(&statement), "{select}");
        assert!(select.starts_with("SELECT grp AS segment, clients, did_alone"));
    }
}
