//! What the dashboard's sections say and draw (`charts` stacks them into one page): each
//! group's conversion in words with a bar under it, the chosen funnel's heading, bars and the
//! names of its steps, voice and where clients get lost, and the weekly heading.

use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup};

use super::layout::{text_width, wrap_plain};
use super::theme::Theme;
use crate::report::dashboard::{Dashboard, Funnel, FunnelView};
use crate::report::{GroupFigures, LostFigures};
use opora_core::i18n::I18n;
use opora_core::tr;

/// The widest a conversion bar gets.
const BAR_MAX: u16 = 60;

pub(super) fn pct(share: Option<f64>) -> u64 {
    share.map_or(0, |p| (p * 100.0).round() as u64)
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The groups with assistance attempts (self-practice alone has no conversion to show).
fn attempted(dash: &Dashboard) -> impl Iterator<Item = &GroupFigures> {
    dash.report.groups.iter().filter(|g| g.conversion.n > 0)
}

/// Conversion per group: the heading, then each group's figures in words and a bar under them
/// (the bar lines carry `Some(percent)`).
pub(super) fn conversion(dash: &Dashboard, i18n: &I18n, width: u16) -> Vec<(String, Option<u64>)> {
    let mut out: Vec<(String, Option<u64>)> = wrap_plain(&i18n.t("dashboard-conversion"), width)
        .into_iter()
        .map(|l| (l, None))
        .collect();
    if attempted(dash).next().is_none() {
        out.extend(
            wrap_plain(&i18n.t("report-empty"), width)
                .into_iter()
                .map(|l| (l, None)),
        );
        return out;
    }
    let small = i18n.t("dashboard-small");
    for g in attempted(dash) {
        let c = &g.conversion;
        let label = crate::report::format::group_label(Some(dash.by), &g.group, i18n);
        let text = format!(
            "{label}: {}% [{}–{}] {}/{}{}",
            pct(c.value),
            pct(Some(c.low)),
            pct(Some(c.high)),
            c.k,
            c.n,
            if g.small { small.as_str() } else { "" }
        );
        out.extend(wrap_plain(&text, width).into_iter().map(|l| (l, None)));
        let bar_w = width.min(BAR_MAX);
        let value = pct(c.value).min(100);
        let filled = usize::try_from(value * u64::from(bar_w) / 100).unwrap_or(0);
        let bar = format!(
            "{}{}",
            "█".repeat(filled),
            "░".repeat(usize::from(bar_w).saturating_sub(filled))
        );
        out.push((bar, Some(value)));
    }
    out
}

/// The funnel's heading (where most are lost), and for a money flow the names of its numbered
/// steps, both wrapped to the width.
pub(super) fn funnel_head(
    view: Option<&FunnelView>,
    i18n: &I18n,
    width: u16,
) -> (Vec<String>, Vec<String>) {
    let Some(view) = view else {
        let none = format!(
            "{}: {}",
            i18n.t("dashboard-funnel-none"),
            i18n.t("dashboard-no-lesson")
        );
        return (wrap_plain(&none, width), Vec::new());
    };
    let names = crate::report::format_journey::Names::new(i18n);
    let dropped = view.drop_off.and_then(|i| view.stages.get(i));
    let (title, legend) = match &view.funnel {
        Funnel::Lesson(lesson) => {
            let name = names.lesson(lesson);
            let title = match dropped {
                Some((step, _)) => {
                    tr!(i18n, "dashboard-funnel", lesson = name, step = step.clone())
                }
                None => tr!(i18n, "dashboard-funnel-no-drop", lesson = name),
            };
            (title, String::new())
        }
        Funnel::Flow(flow) => {
            let name = names.flow(flow);
            let title = match dropped {
                Some((screen, _)) => tr!(
                    i18n,
                    "dashboard-flow-funnel",
                    flow = name,
                    step = names.screen(flow, screen)
                ),
                None => tr!(i18n, "dashboard-flow-funnel-no-drop", flow = name),
            };
            let legend: Vec<String> = view
                .stages
                .iter()
                .enumerate()
                .map(|(i, (screen, _))| format!("{} {}", i + 1, names.screen(flow, screen)))
                .collect();
            (title, legend.join(" · "))
        }
    };
    let legend = if legend.is_empty() {
        Vec::new()
    } else {
        wrap_plain(&legend, width)
    };
    (wrap_plain(&title, width), legend)
}

/// The funnel's bars: runs started, then the runs reaching each step, the drop-off marked.
pub(super) fn funnel<'a>(
    view: &FunnelView,
    theme: &Theme,
    i18n: &I18n,
    width: u16,
) -> BarChart<'a> {
    let bar = |label: String, value: u64, style: Style| {
        Bar::with_label(Line::from(label), value)
            .text_value(value.to_string())
            .style(style)
            .value_style(theme.focus)
    };
    let mut bars = vec![bar(i18n.t("dashboard-started"), view.started, theme.choice)];
    for (i, (step, reached)) in view.stages.iter().enumerate() {
        let style = if view.drop_off == Some(i) {
            theme.error
        } else {
            theme.choice
        };
        let label = match view.funnel {
            Funnel::Lesson(_) => step.clone(),
            Funnel::Flow(_) => (i + 1).to_string(),
        };
        bars.push(bar(label, *reached, style));
    }
    let count = u16::try_from(bars.len()).unwrap_or(u16::MAX);
    // As wide as the terminal allows, and never narrower than the first label.
    let label = text_width(&i18n.t("dashboard-started")).max(3);
    let bar_width = (width.saturating_sub(2) / (count + 1)).clamp(label.min(12), 12);
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .max(view.started.max(1))
        .style(theme.text)
}

/// Voice over all groups, and the largest loss and the longest step of any group, wrapped.
pub(super) fn journey_lines(dash: &Dashboard, i18n: &I18n, width: u16) -> Vec<String> {
    let groups = &dash.report.groups;
    let sum = |f: &dyn Fn(&GroupFigures) -> (u64, u64)| {
        groups
            .iter()
            .map(f)
            .fold((0, 0), |(k, n), (a, b)| (k + a, n + b))
    };
    let (by_voice, choices) = sum(&|g| (g.voice.k, g.voice.n));
    let (understood, heard) = sum(&|g| (g.recognition.k, g.recognition.n));
    let share = |k: u64, n: u64| (k * 100 + n / 2).checked_div(n).unwrap_or(0);
    let mut out = vec![tr!(
        i18n,
        "dashboard-voice",
        share = count(share(by_voice, choices)),
        choices = count(choices),
        understood = count(share(understood, heard)),
        heard = count(heard)
    )];
    let label = |g: &str| crate::report::format::group_label(Some(dash.by), g, i18n);
    let lost = &dash.report.lost;
    if let Some(l) = lost
        .iter()
        .filter(|l| l.rank == "loss")
        .max_by_key(|l| l.loss)
    {
        out.push(tr!(
            i18n,
            "dashboard-lost-loss",
            what = lost_step(l, i18n),
            loss = l.loss,
            group = label(&l.group)
        ));
    }
    if let Some(l) = lost.iter().filter(|l| l.rank == "time").max_by(|a, b| {
        a.median_seconds
            .unwrap_or(0.0)
            .total_cmp(&b.median_seconds.unwrap_or(0.0))
    }) {
        out.push(tr!(
            i18n,
            "dashboard-lost-time",
            what = lost_step(l, i18n),
            median = l.median_seconds.unwrap_or(0.0).round() as i64,
            group = label(&l.group)
        ));
    }
    out.iter()
        .flat_map(|line| wrap_plain(line, width))
        .collect()
}

/// Where a client got lost, named as the report names it.
fn lost_step(l: &LostFigures, i18n: &I18n) -> String {
    crate::report::format_journey::lost_step(&crate::report::format_journey::Names::new(i18n), l)
}

pub(super) fn weeks_title(dash: &Dashboard, i18n: &I18n) -> String {
    match (dash.weeks.first(), dash.weeks.last()) {
        (Some(first), Some(last)) => tr!(
            i18n,
            "dashboard-weeks",
            first = first.week.clone(),
            last = last.week.clone(),
            now = i64::try_from(pct(last.conversion.value)).unwrap_or(0)
        ),
        _ => i18n.t("dashboard-weeks-none"),
    }
}
