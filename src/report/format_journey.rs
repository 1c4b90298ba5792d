//! The journey's part of the report as text and CSV: each money flow's funnel, the screens off
//! its path, "where clients get lost", and the event log's size. Lessons, flows and screens are
//! named in the reader's language where the app has a name for them (a lesson's title, a
//! screen's title), and by their id otherwise; the CSV and JSON keep the ids.

use std::collections::HashMap;

use super::Report;
use super::journey::{FlowFigures, FlowStage};
use super::lost::LostFigures;
use opora_core::i18n::I18n;
use opora_core::tr;

/// Names for people, in one language.
pub struct Names<'a> {
    i18n: &'a I18n,
    lessons: HashMap<String, String>,
}

impl<'a> Names<'a> {
    /// The shipped lessons' titles in `i18n`'s language.
    pub fn new(i18n: &'a I18n) -> Names<'a> {
        let catalog =
            opora_core::lessons::check_files(&[i18n], opora_core::lessons::shipped_files());
        let lessons = catalog
            .lessons
            .iter()
            .map(|l| (l.id.clone(), i18n.t(&l.title)))
            .collect();
        Names { i18n, lessons }
    }

    /// A lesson's title, or its id.
    pub fn lesson(&self, id: &str) -> String {
        self.lessons
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// A money flow's name (`report-flow-…`), or its id.
    pub fn flow(&self, id: &str) -> String {
        self.known(&format!("report-flow-{id}"), id)
    }

    /// A screen's title as the kiosk shows it in `flow` (`amount-entry-title-topup`, then
    /// `amount-entry-title`), or its id.
    pub fn screen(&self, flow: &str, id: &str) -> String {
        let variant = match flow {
            "send" => "transfer",
            "pay" => "bill",
            other => other,
        };
        let specific = format!("{id}-title-{variant}");
        if self.i18n.has(&specific) {
            return self.i18n.t(&specific);
        }
        self.known(&format!("{id}-title"), id)
    }

    fn known(&self, key: &str, fallback: &str) -> String {
        if self.i18n.has(key) {
            self.i18n.t(key)
        } else {
            fallback.to_string()
        }
    }

    fn screens(&self, flow: &str, screens: &[String]) -> String {
        screens
            .iter()
            .map(|s| self.screen(flow, s))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The flows' lines of the table (`dec` writes a number with one decimal in the language).
pub fn flow_lines(
    report: &Report,
    names: &Names<'_>,
    group: &dyn Fn(&str) -> String,
    dec: &dyn Fn(Option<f64>) -> String,
    line: &mut dyn FnMut(String),
) {
    let i18n = names.i18n;
    for f in &report.flows {
        line(String::new());
        let small = if f.small {
            i18n.t("report-small")
        } else {
            String::new()
        };
        line(tr!(
            i18n,
            "report-flow",
            flow = names.flow(&f.flow),
            group = group(&f.group),
            started = count(f.started),
            small = small
        ));
        if let Some(screen) = &f.drop_off {
            line(tr!(
                i18n,
                "report-drop-off",
                step = names.screen(&f.flow, screen)
            ));
        }
        for (i, s) in f.stages.iter().enumerate() {
            line(stage_line(i18n, names, &f.flow, Some(i + 1), s, dec));
        }
        for s in &f.side {
            line(stage_line(i18n, names, &f.flow, None, s, dec));
        }
    }
}

fn stage_line(
    i18n: &I18n,
    names: &Names<'_>,
    flow: &str,
    place: Option<usize>,
    s: &FlowStage,
    dec: &dyn Fn(Option<f64>) -> String,
) -> String {
    let id = if place.is_some() {
        "report-flow-stage"
    } else {
        "report-flow-side"
    };
    tr!(
        i18n,
        id,
        place = i64::try_from(place.unwrap_or(0)).unwrap_or(0),
        screens = names.screens(flow, &s.screens),
        reached = count(s.reached),
        funnel = dec(s.funnel.map(|f| f * 100.0)),
        loss = s.loss.unwrap_or(0),
        median = dec(s.median_seconds),
        p90 = dec(s.p90_seconds),
        errors = count(s.errors),
        help = count(s.help)
    )
}

/// "Where clients get lost", per group.
pub fn lost_lines(
    report: &Report,
    names: &Names<'_>,
    group: &dyn Fn(&str) -> String,
    dec: &dyn Fn(Option<f64>) -> String,
    line: &mut dyn FnMut(String),
) {
    let i18n = names.i18n;
    let mut current: Option<&str> = None;
    for l in &report.lost {
        if current != Some(l.group.as_str()) {
            line(String::new());
            line(tr!(i18n, "report-lost", group = group(&l.group)));
            current = Some(l.group.as_str());
        }
        let what = lost_step(names, l);
        let text = if l.rank == "loss" {
            tr!(
                i18n,
                "report-lost-loss",
                what = what,
                loss = l.loss,
                share = dec(l.loss_share.map(|s| s * 100.0))
            )
        } else {
            tr!(
                i18n,
                "report-lost-time",
                what = what,
                median = dec(l.median_seconds),
                p90 = dec(l.p90_seconds)
            )
        };
        line(text);
    }
}

/// Where a client got lost, named: the lesson and its step, or the flow and its screens.
pub fn lost_step(names: &Names<'_>, l: &LostFigures) -> String {
    let i18n = names.i18n;
    if l.track == "lesson" {
        tr!(
            i18n,
            "report-lost-lesson-step",
            lesson = names.lesson(&l.name),
            step = l.step.clone()
        )
    } else {
        let screens: Vec<String> = l.step.split(" / ").map(str::to_string).collect();
        tr!(
            i18n,
            "report-lost-flow-step",
            flow = names.flow(&l.name),
            step = names.screens(&l.name, &screens)
        )
    }
}

/// CSV rows of the flows (`flow` and `flow_step`), the lost table (`lost`) and the log
/// (`log`), in the report's columns: section,group,lesson,step,metric,value,low,high,k,n,small.
pub fn csv_rows(report: &Report, out: &mut String) {
    let num = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.6}"));
    let field = |text: &str| {
        if text.contains([',', '"', '\n']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_string()
        }
    };
    let mut row = |section: &str,
                   group: &str,
                   name: &str,
                   step: &str,
                   metric: &str,
                   value: Option<f64>,
                   n: u64,
                   small: bool| {
        out.push_str(&format!(
            "{section},{},{},{},{metric},{},,,,{n},{small}\n",
            field(group),
            field(name),
            field(step),
            num(value)
        ));
    };
    for f in &report.flows {
        flow_csv(f, &mut row);
    }
    for l in &report.lost {
        let metric = format!("lost_by_{}_{}", l.rank, l.track);
        row(
            "lost",
            &l.group,
            &l.name,
            &l.step,
            &metric,
            Some(l.loss as f64),
            l.reached,
            false,
        );
        row(
            "lost",
            &l.group,
            &l.name,
            &l.step,
            "median_seconds",
            l.median_seconds,
            l.reached,
            false,
        );
    }
    row(
        "log",
        "",
        "",
        "",
        "cases",
        Some(report.log.cases as f64),
        report.log.cases,
        false,
    );
    row(
        "log",
        "",
        "",
        "",
        "events",
        Some(report.log.events as f64),
        report.log.events,
        false,
    );
}

type CsvRow<'a> = dyn FnMut(&str, &str, &str, &str, &str, Option<f64>, u64, bool) + 'a;

fn flow_csv(f: &FlowFigures, row: &mut CsvRow<'_>) {
    row(
        "flow",
        &f.group,
        &f.flow,
        "",
        "started",
        Some(f.started as f64),
        f.started,
        f.small,
    );
    if let Some(drop) = &f.drop_off {
        row(
            "flow",
            &f.group,
            &f.flow,
            drop,
            "drop_off_step",
            None,
            f.started,
            f.small,
        );
    }
    for (i, s) in f.stages.iter().chain(&f.side).enumerate() {
        let on_path = i < f.stages.len();
        let step = s.screens.join("/");
        let section = if on_path { "flow_step" } else { "flow_side" };
        for (metric, value) in [
            ("reached", Some(s.reached as f64)),
            ("funnel", s.funnel),
            ("loss", s.loss.map(|l| l as f64)),
            ("median_seconds", s.median_seconds),
            ("p90_seconds", s.p90_seconds),
            ("errors", Some(s.errors as f64)),
            ("help", Some(s.help as f64)),
        ] {
            row(
                section, &f.group, &f.flow, &step, metric, value, s.reached, f.small,
            );
        }
    }
}
