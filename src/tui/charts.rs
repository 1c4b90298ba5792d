//! Drawing the dashboard (`report::dashboard`): a horizontal bar per group for conversion (with
//! its interval and count, small groups marked), vertical bars for the chosen flow's or lesson's
//! funnel with its steps named below, voice and where clients get lost in three lines, and a
//! sparkline of weekly conversion. The full-screen runner runs it like any program.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Sparkline, Wrap};

use super::theme::Theme;
use crate::report::dashboard::{Dashboard, Funnel};
use opora_core::i18n::I18n;
use opora_core::tr;

fn pct(share: Option<f64>) -> u64 {
    share.map_or(0, |p| (p * 100.0).round() as u64)
}

pub fn draw(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n) {
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base), area);
    let groups = attempted(dash).count().max(1) as u16;
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Length((groups * 2 + 1).min(area.height / 2)),
            Constraint::Min(8),
            Constraint::Length(3),
            Constraint::Length(5),
            Constraint::Length(2),
        ])
        .split(area);
    frame.render_widget(
        Paragraph::new(tr!(
            i18n,
            "dashboard-title",
            by = crate::report::format::dimension_label(dash.by, i18n)
        ))
        .style(theme.title),
        rows[0],
    );
    conversion(frame, dash, theme, i18n, rows[1]);
    funnel(frame, dash, theme, i18n, rows[2]);
    journey_lines(frame, dash, theme, i18n, rows[3]);
    weeks(frame, dash, theme, i18n, rows[4]);
    frame.render_widget(
        Paragraph::new(i18n.t("dashboard-keys"))
            .style(theme.keys)
            .wrap(Wrap { trim: true }),
        rows[5],
    );
}

/// The groups with assistance attempts (self-practice alone has no conversion to show).
fn attempted(dash: &Dashboard) -> impl Iterator<Item = &crate::report::GroupFigures> {
    dash.report.groups.iter().filter(|g| g.conversion.n > 0)
}

fn conversion(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n, area: Rect) {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(i18n.t("dashboard-conversion"))
        .style(theme.text);
    if attempted(dash).next().is_none() {
        frame.render_widget(Paragraph::new(i18n.t("report-empty")).block(block), area);
        return;
    }
    let small = i18n.t("dashboard-small");
    let bars: Vec<Bar> = attempted(dash)
        .map(|g| {
            let c = &g.conversion;
            let text = format!(
                "{}% [{}–{}] {}/{}{}",
                pct(c.value),
                pct(Some(c.low)),
                pct(Some(c.high)),
                c.k,
                c.n,
                if g.small { small.as_str() } else { "" }
            );
            let label = crate::report::format::group_label(Some(dash.by), &g.group, i18n);
            Bar::with_label(Line::from(label), pct(c.value))
                .text_value(text)
                .style(theme.choice)
                .value_style(theme.focus)
        })
        .collect();
    let chart = BarChart::horizontal(bars)
        .block(block)
        .bar_width(1)
        .bar_gap(1)
        .max(100);
    frame.render_widget(chart, area);
}

fn funnel(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n, area: Rect) {
    let Some(view) = dash.funnel_view() else {
        let block = Block::new()
            .borders(Borders::TOP)
            .title(i18n.t("dashboard-funnel-none"));
        frame.render_widget(
            Paragraph::new(i18n.t("dashboard-no-lesson"))
                .block(block)
                .style(theme.text),
            area,
        );
        return;
    };
    let names = crate::report::format_journey::Names::new(i18n);
    let (title, legend) = match &view.funnel {
        Funnel::Lesson(lesson) => {
            let name = names.lesson(lesson);
            let title = match view.drop_off.and_then(|i| view.stages.get(i)) {
                Some((step, _)) => {
                    tr!(i18n, "dashboard-funnel", lesson = name, step = step.clone())
                }
                None => tr!(i18n, "dashboard-funnel-no-drop", lesson = name),
            };
            (title, None)
        }
        Funnel::Flow(flow) => {
            let name = names.flow(flow);
            let title = match view.drop_off.and_then(|i| view.stages.get(i)) {
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
            (title, Some(legend.join(" · ")))
        }
    };
    let mut bars = vec![
        Bar::with_label(Line::from(i18n.t("dashboard-started")), view.started)
            .text_value(view.started.to_string())
            .style(theme.choice)
            .value_style(theme.focus),
    ];
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
        bars.push(
            Bar::with_label(Line::from(label), *reached)
                .text_value(reached.to_string())
                .style(style)
                .value_style(theme.focus),
        );
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .title(title)
        .style(theme.text);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let parts = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Min(3),
            Constraint::Length(u16::from(legend.is_some())),
        ])
        .split(inner);
    let width = (parts[0].width.saturating_sub(2) / (bars.len() as u16 + 1)).clamp(3, 12);
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1)
        .max(view.started.max(1));
    frame.render_widget(chart, parts[0]);
    if let Some(legend) = legend {
        frame.render_widget(Paragraph::new(legend).style(theme.text), parts[1]);
    }
}

/// Voice over all groups, and the largest loss and the longest step of any group.
fn journey_lines(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n, area: Rect) {
    let groups = &dash.report.groups;
    let sum = |f: &dyn Fn(&crate::report::GroupFigures) -> (u64, u64)| {
        groups
            .iter()
            .map(f)
            .fold((0, 0), |(k, n), (a, b)| (k + a, n + b))
    };
    let (by_voice, choices) = sum(&|g| (g.voice.k, g.voice.n));
    let (understood, heard) = sum(&|g| (g.recognition.k, g.recognition.n));
    let share = |k: u64, n: u64| (k * 100 + n / 2).checked_div(n).unwrap_or(0);
    let mut lines = vec![Line::from(tr!(
        i18n,
        "dashboard-voice",
        share = i64::try_from(share(by_voice, choices)).unwrap_or(0),
        choices = i64::try_from(choices).unwrap_or(0),
        understood = i64::try_from(share(understood, heard)).unwrap_or(0),
        heard = i64::try_from(heard).unwrap_or(0)
    ))];
    let names = crate::report::format_journey::Names::new(i18n);
    let what = |l: &crate::report::LostFigures| {
        if l.track == "lesson" {
            tr!(
                i18n,
                "report-lost-lesson-step",
                lesson = names.lesson(&l.name),
                step = l.step.clone()
            )
        } else {
            let screens: Vec<String> = l.step.split(" / ").map(str::to_string).collect();
            let step = screens
                .iter()
                .map(|s| names.screen(&l.name, s))
                .collect::<Vec<_>>()
                .join(" / ");
            tr!(
                i18n,
                "report-lost-flow-step",
                flow = names.flow(&l.name),
                step = step
            )
        }
    };
    let label = |g: &str| crate::report::format::group_label(Some(dash.by), g, i18n);
    if let Some(l) = dash
        .report
        .lost
        .iter()
        .filter(|l| l.rank == "loss")
        .max_by_key(|l| l.loss)
    {
        lines.push(Line::from(tr!(
            i18n,
            "dashboard-lost-loss",
            what = what(l),
            loss = l.loss,
            group = label(&l.group)
        )));
    }
    if let Some(l) = dash
        .report
        .lost
        .iter()
        .filter(|l| l.rank == "time")
        .max_by(|a, b| {
            a.median_seconds
                .unwrap_or(0.0)
                .total_cmp(&b.median_seconds.unwrap_or(0.0))
        })
    {
        lines.push(Line::from(tr!(
            i18n,
            "dashboard-lost-time",
            what = what(l),
            median = l.median_seconds.unwrap_or(0.0).round() as i64,
            group = label(&l.group)
        )));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.text), area);
}

fn weeks(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n, area: Rect) {
    let data: Vec<u64> = dash.weeks.iter().map(|w| pct(w.conversion.value)).collect();
    let title = match (dash.weeks.first(), dash.weeks.last()) {
        (Some(first), Some(last)) => tr!(
            i18n,
            "dashboard-weeks",
            first = first.week.clone(),
            last = last.week.clone(),
            now = i64::try_from(pct(last.conversion.value)).unwrap_or(0)
        ),
        _ => i18n.t("dashboard-weeks-none"),
    };
    let spark = Sparkline::default()
        .block(Block::new().borders(Borders::TOP).title(title))
        .data(&data)
        .max(100)
        .style(theme.choice);
    frame.render_widget(spark, area);
}

impl super::runner::Drawable for Dashboard {
    fn draw(&self, frame: &mut Frame, theme: &Theme, i18n: &I18n) {
        draw(frame, self, theme, i18n);
    }

    fn screen_key(&self) -> String {
        format!("dashboard {}", self.by.name())
    }

    fn spoken(&self) -> Option<&opora_core::screen_model::ScreenModel> {
        None
    }
}
