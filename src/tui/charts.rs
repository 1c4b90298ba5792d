//! Drawing the dashboard (`report::dashboard`): a horizontal bar per group for conversion (with
//! its interval and count, small groups marked), vertical bars for the chosen lesson's funnel,
//! and a sparkline of weekly conversion. The full-screen runner runs it like any program.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Sparkline, Wrap};

use super::theme::Theme;
use crate::report::dashboard::Dashboard;
use opora_core::i18n::I18n;
use opora_core::tr;

fn pct(share: Option<f64>) -> u64 {
    share.map_or(0, |p| (p * 100.0).round() as u64)
}

pub fn draw(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n) {
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base), area);
    let groups = dash.report.groups.len().max(1) as u16;
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Length((groups * 2 + 1).min(area.height / 2)),
            Constraint::Min(8),
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
    weeks(frame, dash, theme, i18n, rows[3]);
    frame.render_widget(
        Paragraph::new(i18n.t("dashboard-keys"))
            .style(theme.keys)
            .wrap(Wrap { trim: true }),
        rows[4],
    );
}

fn conversion(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n, area: Rect) {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(i18n.t("dashboard-conversion"))
        .style(theme.text);
    if dash.report.groups.is_empty() {
        frame.render_widget(Paragraph::new(i18n.t("report-empty")).block(block), area);
        return;
    }
    let small = i18n.t("dashboard-small");
    let bars: Vec<Bar> = dash
        .report
        .groups
        .iter()
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
    let Some((_, name)) = dash.chosen_lesson() else {
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
    // The chosen lesson over all groups of the breakdown: runs and steps summed.
    let rows: Vec<_> = dash
        .report
        .lessons
        .iter()
        .filter(|l| l.lesson == name)
        .collect();
    let started: u64 = rows.iter().map(|l| l.completion.n).sum();
    let mut steps: std::collections::BTreeMap<u32, u64> = std::collections::BTreeMap::new();
    for l in &rows {
        for s in &l.steps {
            *steps.entry(s.step).or_default() += s.reached;
        }
    }
    // The drop-off step of the summed funnel: the largest loss from the step before.
    let mut previous = started;
    let mut drop_off: Option<(u64, u32)> = None;
    for (&step, &reached) in &steps {
        let loss = previous.saturating_sub(reached);
        if loss > 0 && drop_off.is_none_or(|(w, _)| loss > w) {
            drop_off = Some((loss, step));
        }
        previous = reached;
    }
    let title = match drop_off {
        Some((_, step)) => tr!(
            i18n,
            "dashboard-funnel",
            lesson = name.clone(),
            step = i64::from(step)
        ),
        None => tr!(i18n, "dashboard-funnel-no-drop", lesson = name.clone()),
    };
    let mut bars = vec![
        Bar::with_label(Line::from(i18n.t("dashboard-started")), started)
            .text_value(started.to_string())
            .style(theme.choice)
            .value_style(theme.focus),
    ];
    for (step, reached) in &steps {
        let style = if drop_off.is_some_and(|(_, s)| s == *step) {
            theme.error
        } else {
            theme.choice
        };
        bars.push(
            Bar::with_label(Line::from(step.to_string()), *reached)
                .text_value(reached.to_string())
                .style(style)
                .value_style(theme.focus),
        );
    }
    let width = (area.width.saturating_sub(2) / (bars.len() as u16 + 1)).clamp(3, 12);
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .block(
            Block::new()
                .borders(Borders::TOP)
                .title(title)
                .style(theme.text),
        )
        .bar_width(width)
        .bar_gap(1)
        .max(started.max(1));
    frame.render_widget(chart, area);
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
