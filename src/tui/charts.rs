//! Drawing the dashboard (`report::dashboard`): conversion per group (its figures in words and
//! a bar, small groups marked), vertical bars for the chosen lesson's funnel, and a sparkline of
//! weekly conversion. The title stays at the top and the keys at the bottom; the sections
//! between are drawn as one page which, in a terminal too small for all of it, PgDn and PgUp
//! leaf through. The full-screen runner runs it like any program.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Sparkline, Widget};

use super::layout::{text_width, wrap_plain};
use super::render::Shown;
use super::theme::Theme;
use crate::report::dashboard::Dashboard;
use opora_core::i18n::I18n;
use opora_core::tr;

/// Rows of the funnel's bars and of the weekly sparkline.
const FUNNEL_ROWS: u16 = 8;
const WEEK_ROWS: u16 = 3;
/// The widest a conversion bar gets.
const BAR_MAX: u16 = 60;

fn pct(share: Option<f64>) -> u64 {
    share.map_or(0, |p| (p * 100.0).round() as u64)
}

pub fn draw(frame: &mut Frame, dash: &Dashboard, theme: &Theme, i18n: &I18n) {
    draw_scrolled(frame, dash, theme, i18n, 0);
}

/// Draws the dashboard with its sections shown from row `scroll` on when they do not all fit;
/// returns which rows are shown then (`None`: all of them).
pub fn draw_scrolled(
    frame: &mut Frame,
    dash: &Dashboard,
    theme: &Theme,
    i18n: &I18n,
    scroll: usize,
) -> Option<Shown> {
    let area = frame.area();
    let buf = frame.buffer_mut();
    Block::new().style(theme.base).render(area, buf);
    let title = wrap_plain(
        &tr!(
            i18n,
            "dashboard-title",
            by = crate::report::format::dimension_label(dash.by, i18n)
        ),
        area.width,
    );
    let keys = wrap_plain(&i18n.t("dashboard-keys"), area.width);
    let title_h = rows(&title).min(area.height);
    lines(
        buf,
        Rect::new(area.x, area.y, area.width, title_h),
        &title,
        theme.title.add_modifier(Modifier::BOLD),
    );
    let keys_h = rows(&keys).min(area.height - title_h);
    let keys_y = area.bottom() - keys_h;
    lines(
        buf,
        Rect::new(area.x, keys_y, area.width, keys_h),
        &keys,
        theme.keys,
    );

    let page = page(dash, theme, i18n, area.width);
    let room = usize::from(keys_y - (area.y + title_h));
    let total = usize::from(page.area.height);
    let partial = total > room;
    let shown = if partial {
        room.saturating_sub(1)
    } else {
        total
    };
    let first = scroll.min(total - shown);
    for dy in 0..shown {
        for x in 0..area.width {
            let (Ok(from), Ok(to)) = (u16::try_from(first + dy), u16::try_from(dy)) else {
                continue;
            };
            buf[(area.x + x, area.y + title_h + to)] = page[(x, from)].clone();
        }
    }
    if !partial || room == 0 {
        return None;
    }
    let more = if first + shown < total {
        i18n.t("text-more-below")
    } else {
        i18n.t("text-more-above")
    };
    let marker_y = area.y + title_h + u16::try_from(shown).unwrap_or(0);
    let marker = wrap_plain(&more, area.width).swap_remove(0);
    lines(
        buf,
        Rect::new(area.x, marker_y, area.width, 1),
        &[marker],
        theme.keys.add_modifier(Modifier::BOLD),
    );
    Some(Shown {
        first,
        rows: shown,
        total,
    })
}

fn rows(lines: &[String]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}

fn lines(buf: &mut Buffer, rect: Rect, text: &[String], style: ratatui::style::Style) {
    let text: Vec<Line> = text.iter().map(|l| Line::from(l.as_str())).collect();
    Paragraph::new(text).style(style).render(rect, buf);
}

/// The sections, one under another, as a page as wide as the terminal and as tall as they are.
fn page(dash: &Dashboard, theme: &Theme, i18n: &I18n, width: u16) -> Buffer {
    let conversion = conversion(dash, i18n, width);
    let funnel_head = wrap_plain(&funnel_title(dash, i18n), width);
    let weeks_head = wrap_plain(&weeks_title(dash, i18n), width);
    let funnel_h = if dash.chosen_lesson().is_some() {
        FUNNEL_ROWS
    } else {
        0
    };
    let height = rows(
        &conversion
            .iter()
            .map(|(l, _)| l.clone())
            .collect::<Vec<_>>(),
    ) + 1
        + rows(&funnel_head)
        + funnel_h
        + 1
        + rows(&weeks_head)
        + WEEK_ROWS;
    let mut page = Buffer::empty(Rect::new(0, 0, width, height));
    Block::new().style(theme.base).render(page.area, &mut page);
    let mut y = 0;
    for (line, bar) in &conversion {
        let style = if bar.is_some() {
            theme.choice
        } else {
            theme.text
        };
        lines(
            &mut page,
            Rect::new(0, y, width, 1),
            std::slice::from_ref(line),
            style,
        );
        y += 1;
    }
    y += 1;
    lines(
        &mut page,
        Rect::new(0, y, width, rows(&funnel_head)),
        &funnel_head,
        theme.text,
    );
    y += rows(&funnel_head);
    if funnel_h > 0 {
        funnel(dash, theme, i18n, width).render(Rect::new(0, y, width, funnel_h), &mut page);
        y += funnel_h;
    }
    y += 1;
    lines(
        &mut page,
        Rect::new(0, y, width, rows(&weeks_head)),
        &weeks_head,
        theme.text,
    );
    y += rows(&weeks_head);
    let data: Vec<u64> = dash.weeks.iter().map(|w| pct(w.conversion.value)).collect();
    Sparkline::default()
        .data(&data)
        .max(100)
        .style(theme.choice)
        .render(Rect::new(0, y, width, WEEK_ROWS), &mut page);
    page
}

/// Conversion per group: the heading, then each group's figures in words and a bar under them
/// (the bar lines carry `Some(percent)`).
fn conversion(dash: &Dashboard, i18n: &I18n, width: u16) -> Vec<(String, Option<u64>)> {
    let mut out: Vec<(String, Option<u64>)> = wrap_plain(&i18n.t("dashboard-conversion"), width)
        .into_iter()
        .map(|l| (l, None))
        .collect();
    if dash.report.groups.is_empty() {
        out.extend(
            wrap_plain(&i18n.t("report-empty"), width)
                .into_iter()
                .map(|l| (l, None)),
        );
        return out;
    }
    let small = i18n.t("dashboard-small");
    for g in &dash.report.groups {
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

fn funnel_title(dash: &Dashboard, i18n: &I18n) -> String {
    let Some((_, name)) = dash.chosen_lesson() else {
        return format!(
            "{}: {}",
            i18n.t("dashboard-funnel-none"),
            i18n.t("dashboard-no-lesson")
        );
    };
    match funnel_steps(dash, &name).2 {
        Some(step) => tr!(
            i18n,
            "dashboard-funnel",
            lesson = name,
            step = i64::from(step)
        ),
        None => tr!(i18n, "dashboard-funnel-no-drop", lesson = name),
    }
}

/// The chosen lesson over all groups of the breakdown: runs started, runs reaching each step,
/// and the drop-off step (the largest loss from the step before).
fn funnel_steps(dash: &Dashboard, name: &str) -> (u64, Vec<(u32, u64)>, Option<u32>) {
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
    let mut previous = started;
    let mut drop_off: Option<(u64, u32)> = None;
    for (&step, &reached) in &steps {
        let loss = previous.saturating_sub(reached);
        if loss > 0 && drop_off.is_none_or(|(w, _)| loss > w) {
            drop_off = Some((loss, step));
        }
        previous = reached;
    }
    (
        started,
        steps.into_iter().collect(),
        drop_off.map(|(_, step)| step),
    )
}

fn funnel<'a>(dash: &Dashboard, theme: &Theme, i18n: &I18n, width: u16) -> BarChart<'a> {
    let name = dash
        .chosen_lesson()
        .map(|(_, name)| name)
        .unwrap_or_default();
    let (started, steps, drop_off) = funnel_steps(dash, &name);
    let mut bars = vec![
        Bar::with_label(Line::from(i18n.t("dashboard-started")), started)
            .text_value(started.to_string())
            .style(theme.choice)
            .value_style(theme.focus),
    ];
    for (step, reached) in &steps {
        let style = if drop_off == Some(*step) {
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
    let count = u16::try_from(bars.len()).unwrap_or(u16::MAX);
    // As wide as the terminal allows, and never narrower than the first label.
    let label = text_width(&i18n.t("dashboard-started")).max(3);
    let bar_width = (width.saturating_sub(2) / (count + 1)).clamp(label.min(12), 12);
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .max(started.max(1))
        .style(theme.text)
}

fn weeks_title(dash: &Dashboard, i18n: &I18n) -> String {
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

impl super::runner::Drawable for Dashboard {
    fn draw(&self, frame: &mut Frame, theme: &Theme, i18n: &I18n, scroll: usize) -> Option<Shown> {
        draw_scrolled(frame, self, theme, i18n, scroll)
    }

    fn screen_key(&self) -> String {
        format!("dashboard {}", self.by.name())
    }

    fn text_key(&self) -> String {
        self.screen_key()
    }

    fn spoken(&self) -> Option<&opora_core::screen_model::ScreenModel> {
        None
    }
}
