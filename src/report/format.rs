//! The report as a terminal table (in the staff member's language), as CSV (one figure per row,
//! for spreadsheets) and as JSON (the whole structure, for other tools). Recorded names reach
//! the terminal and spreadsheets as text only: control characters escaped, formulas defused.

use super::stats::Share;
use super::{GroupFigures, Report};
use opora_core::i18n::I18n;
use opora_core::tr;

/// Output formats of `opora report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// A number with one decimal, in the language's decimal separator.
fn dec(i18n: &I18n, v: f64) -> String {
    let text = format!("{v:.1}");
    match i18n.lang() {
        opora_core::i18n::Lang::Ru => text.replace('.', ","),
        opora_core::i18n::Lang::En => text,
    }
}

/// «62,5 % [40,1–80,3] 5/8», or «—» with no cases.
fn share(i18n: &I18n, s: &Share) -> String {
    match s.value {
        None => "—".to_string(),
        Some(p) => format!(
            "{} % [{}–{}] {}/{}",
            dec(i18n, p * 100.0),
            dec(i18n, s.low * 100.0),
            dec(i18n, s.high * 100.0),
            s.k,
            s.n
        ),
    }
}

fn opt(i18n: &I18n, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| dec(i18n, v))
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The human-readable table, with every control character in a recorded name (a site, a staff
/// id, a lesson) shown as an escape, never sent to the terminal.
pub fn table(report: &Report, i18n: &I18n) -> String {
    opora_core::safe_text::lines(&raw_table(report, i18n)).into_owned()
}

fn raw_table(report: &Report, i18n: &I18n) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    let by = report
        .by
        .map_or_else(|| i18n.t("report-by-all"), |d| dimension_label(d, i18n));
    line(tr!(i18n, "report-title", by = by));
    if report.groups.is_empty() {
        line(i18n.t("report-empty"));
    }
    for g in &report.groups {
        line(String::new());
        line(group_heading(report.by, g, i18n));
        line(tr!(
            i18n,
            "report-conversion",
            value = share(i18n, &g.conversion)
        ));
        line(tr!(
            i18n,
            "report-confirmed",
            value = share(i18n, &g.confirmed_conversion)
        ));
        line(tr!(i18n, "report-fcr", value = share(i18n, &g.fcr)));
        line(tr!(
            i18n,
            "report-returning",
            value = share(i18n, &g.returning)
        ));
        line(tr!(i18n, "report-csat", value = share(i18n, &g.csat)));
        line(tr!(
            i18n,
            "report-ces",
            value = opt(i18n, g.ces),
            answers = count(g.ces_answers)
        ));
        line(tr!(
            i18n,
            "report-nps",
            value = opt(i18n, g.nps),
            answers = count(g.nps_answers)
        ));
        line(tr!(i18n, "report-voice", value = share(i18n, &g.voice)));
        line(tr!(
            i18n,
            "report-recognition",
            value = share(i18n, &g.recognition)
        ));
        if g.journeys > g.sessions {
            line(tr!(i18n, "report-journeys", count = count(g.journeys)));
        }
    }
    let names = super::format_journey::Names::new(i18n);
    let label = |g: &str| group_label(report.by, g, i18n);
    let decimal = |v: Option<f64>| opt(i18n, v);
    super::format_journey::flow_lines(report, &names, &label, &decimal, &mut line);
    for l in &report.lessons {
        line(String::new());
        let small = if l.small {
            i18n.t("report-small")
        } else {
            String::new()
        };
        line(tr!(
            i18n,
            "report-lesson",
            lesson = names.lesson(&l.lesson),
            group = group_label(report.by, &l.group, i18n),
            value = share(i18n, &l.completion),
            small = small
        ));
        if let Some(step) = l.drop_off_step {
            line(tr!(i18n, "report-drop-off", step = i64::from(step)));
        }
        for s in &l.steps {
            line(tr!(
                i18n,
                "report-step",
                step = i64::from(s.step),
                reached = count(s.reached),
                funnel = opt(i18n, s.funnel.map(|f| f * 100.0)),
                loss = s.loss,
                median = opt(i18n, s.median_seconds),
                p90 = opt(i18n, s.p90_seconds),
                errors = count(s.errors),
                help = count(s.help)
            ));
        }
    }
    super::format_journey::lost_lines(report, &names, &label, &decimal, &mut line);
    if !report.variants.is_empty() {
        line(String::new());
        line(i18n.t("report-variants"));
        for v in &report.variants {
            let small = if v.small {
                i18n.t("report-small")
            } else {
                String::new()
            };
            line(tr!(
                i18n,
                "report-variant",
                variant = v.variant.clone(),
                value = share(i18n, &v.conversion),
                small = small
            ));
            if let (Some(versus), Some(d)) = (&v.versus, &v.difference) {
                line(tr!(
                    i18n,
                    "report-variant-difference",
                    versus = versus.clone(),
                    value = opt(i18n, d.value.map(|x| x * 100.0)),
                    low = dec(i18n, d.low * 100.0),
                    high = dec(i18n, d.high * 100.0)
                ));
            }
        }
    }
    line(String::new());
    line(tr!(
        i18n,
        "report-refusals",
        count = count(report.consent_refusals)
    ));
    line(tr!(
        i18n,
        "report-log",
        cases = count(report.log.cases),
        events = count(report.log.events)
    ));
    out
}

/// A breakdown's name in the reader's language (`report-by-…`).
pub fn dimension_label(by: super::Dimension, i18n: &I18n) -> String {
    i18n.t(&format!("report-by-{}", by.name().replace('_', "-")))
}

/// A group's name for people: segments and channels in the reader's language, `-` (sessions
/// with no such value: self-practice at the kiosk) said so, other values (sites, staff ids,
/// lessons, variants, age bands) as recorded.
pub fn group_label(by: Option<super::Dimension>, value: &str, i18n: &I18n) -> String {
    use super::Dimension;
    if value == "-" && by.is_some() {
        return i18n.t("report-group-none");
    }
    let prefix = match by {
        Some(Dimension::Segment) => "assist-segment-",
        Some(Dimension::Channel) => "assist-channel-",
        _ => return value.to_string(),
    };
    let id = format!("{prefix}{}", value.replace('_', "-"));
    if i18n.has(&id) {
        i18n.t(&id)
    } else {
        value.to_string()
    }
}

fn group_heading(by: Option<super::Dimension>, g: &GroupFigures, i18n: &I18n) -> String {
    let small = if g.small {
        i18n.t("report-small")
    } else {
        String::new()
    };
    tr!(
        i18n,
        "report-group",
        group = group_label(by, &g.group, i18n),
        clients = count(g.clients),
        sessions = count(g.sessions),
        small = small
    )
}

/// One CSV row.
struct Row<'a> {
    section: &'a str,
    group: &'a str,
    lesson: &'a str,
    step: Option<u32>,
    metric: &'a str,
    value: Option<f64>,
    interval: Option<(f64, f64)>,
    k: Option<u64>,
    n: u64,
    small: bool,
}

/// A text cell: quoted as CSV needs, control characters escaped, and never the start of a
/// spreadsheet formula (`=`, `+`, `-`, `@`…: the OWASP rule), since sites, staff ids and
/// variants may come from another device's journal.
fn field(text: &str) -> String {
    opora_core::safe_text::csv_cell(text)
}

fn push(out: &mut String, row: Row<'_>) {
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.6}"));
    let (low, high) = row
        .interval
        .map_or((String::new(), String::new()), |(l, h)| {
            (num(Some(l)), num(Some(h)))
        });
    out.push_str(&format!(
        "{},{},{},{},{},{},{low},{high},{},{},{}\n",
        row.section,
        field(row.group),
        field(row.lesson),
        row.step.map_or_else(String::new, |s| s.to_string()),
        field(row.metric),
        num(row.value),
        row.k.map_or_else(String::new, |k| k.to_string()),
        row.n,
        row.small
    ));
}

fn share_row<'a>(
    section: &'a str,
    group: &'a str,
    metric: &'a str,
    s: &Share,
    small: bool,
) -> Row<'a> {
    Row {
        section,
        group,
        lesson: "",
        step: None,
        metric,
        value: s.value,
        interval: Some((s.low, s.high)),
        k: Some(s.k),
        n: s.n,
        small,
    }
}

/// CSV: `section,group,lesson,step,metric,value,low,high,k,n,small`, one figure per row.
pub fn csv(report: &Report) -> String {
    let mut out = String::from("section,group,lesson,step,metric,value,low,high,k,n,small\n");
    for g in &report.groups {
        for (metric, s) in [
            ("conversion", &g.conversion),
            ("confirmed_conversion", &g.confirmed_conversion),
            ("fcr", &g.fcr),
            ("returning", &g.returning),
            ("csat", &g.csat),
            ("voice_share", &g.voice),
            ("recognition_acceptance", &g.recognition),
        ] {
            push(&mut out, share_row("group", &g.group, metric, s, g.small));
        }
        for (metric, value, n) in [
            ("clients", Some(g.clients as f64), g.clients),
            ("sessions", Some(g.sessions as f64), g.sessions),
            ("ces", g.ces, g.ces_answers),
            ("nps", g.nps, g.nps_answers),
        ] {
            push(
                &mut out,
                Row {
                    value,
                    interval: None,
                    k: None,
                    n,
                    ..share_row("group", &g.group, metric, &g.conversion, g.small)
                },
            );
        }
    }
    for l in &report.lessons {
        let base = |metric: &'static str, step: Option<u32>, value: Option<f64>, n: u64| Row {
            section: if step.is_some() { "step" } else { "lesson" },
            group: &l.group,
            lesson: &l.lesson,
            step,
            metric,
            value,
            interval: None,
            k: None,
            n,
            small: l.small,
        };
        push(
            &mut out,
            Row {
                lesson: &l.lesson,
                ..share_row("lesson", &l.group, "completion", &l.completion, l.small)
            },
        );
        push(
            &mut out,
            base(
                "drop_off_step",
                None,
                l.drop_off_step.map(f64::from),
                l.completion.n,
            ),
        );
        for s in &l.steps {
            let step = Some(s.step);
            push(
                &mut out,
                base("reached", step, Some(s.reached as f64), l.completion.n),
            );
            push(&mut out, base("funnel", step, s.funnel, l.completion.n));
            push(
                &mut out,
                base("loss", step, Some(s.loss as f64), l.completion.n),
            );
            push(
                &mut out,
                base("median_seconds", step, s.median_seconds, s.reached),
            );
            push(
                &mut out,
                base("p90_seconds", step, s.p90_seconds, s.reached),
            );
            push(
                &mut out,
                base("errors", step, Some(s.errors as f64), s.reached),
            );
            push(&mut out, base("help", step, Some(s.help as f64), s.reached));
        }
    }
    for v in &report.variants {
        push(
            &mut out,
            share_row("variant", &v.variant, "conversion", &v.conversion, v.small),
        );
        if let (Some(versus), Some(d)) = (&v.versus, &v.difference) {
            let metric = format!("difference_vs_{versus}");
            push(
                &mut out,
                Row {
                    section: "variant",
                    group: &v.variant,
                    lesson: "",
                    step: None,
                    metric: &metric,
                    value: d.value,
                    interval: Some((d.low, d.high)),
                    k: None,
                    n: v.conversion.n,
                    small: v.small,
                },
            );
        }
    }
    super::format_journey::csv_rows(report, &mut out);
    push(
        &mut out,
        Row {
            section: "all",
            group: "",
            lesson: "",
            step: None,
            metric: "consent_refusals",
            value: Some(report.consent_refusals as f64),
            interval: None,
            k: None,
            n: report.consent_refusals,
            small: false,
        },
    );
    out
}

/// JSON: the whole report.
pub fn json(report: &Report) -> String {
    let text = serde_json::to_string_pretty(report)
        .unwrap_or_else(|_| unreachable!("plain data serialises"));
    // A recorded name never acts on a terminal the JSON is printed to.
    opora_core::safe_text::json(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::dashboard::BREAKDOWNS;
    use opora_core::i18n::Lang;

    #[test]
    fn every_breakdown_is_named_in_both_languages() {
        for lang in Lang::ALL {
            let i18n = I18n::embedded(lang);
            for by in BREAKDOWNS {
                let id = format!("report-by-{}", by.name().replace('_', "-"));
                assert!(i18n.has(&id), "{lang:?}: {id}");
            }
        }
        let ru = I18n::embedded(Lang::Ru);
        assert_eq!(
            group_label(Some(crate::report::Dimension::Segment), "senior", &ru),
            "Старшее поколение"
        );
        assert_eq!(
            group_label(Some(crate::report::Dimension::Site), "senior", &ru),
            "senior"
        );
    }
}
