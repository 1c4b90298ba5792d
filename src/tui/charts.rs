//! Drawing the dashboard (`report::dashboard`): conversion per group (its figures in words and
//! a bar, small groups marked), vertical bars for the chosen flow's or lesson's funnel with its
//! steps named below, voice and where clients get lost in a few lines, and a sparkline of weekly
//! conversion (the sections' contents are `chart_parts`). The title stays at the top and the
//! keys at the bottom; the sections between are drawn as one page which, in a terminal too
//! small for all of it, PgDn and PgUp leaf through. The full-screen runner runs it like any
//! program.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Sparkline, Widget};

use super::chart_parts::{conversion, funnel, funnel_head, journey_lines, pct, weeks_title};
use super::layout::wrap_plain;
use super::render::Shown;
use super::theme::Theme;
use crate::report::dashboard::Dashboard;
use opora_core::i18n::I18n;
use opora_core::tr;

/// Rows of the funnel's bars and of the weekly sparkline.
const FUNNEL_ROWS: u16 = 8;
const WEEK_ROWS: u16 = 3;

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
    let view = dash.funnel_view();
    let (funnel_head, legend) = funnel_head(view.as_ref(), i18n, width);
    let journey = journey_lines(dash, i18n, width);
    let weeks_head = wrap_plain(&weeks_title(dash, i18n), width);
    let funnel_h = if view.is_some() { FUNNEL_ROWS } else { 0 };
    let height = rows(
        &conversion
            .iter()
            .map(|(l, _)| l.clone())
            .collect::<Vec<_>>(),
    ) + 1
        + rows(&funnel_head)
        + funnel_h
        + rows(&legend)
        + 1
        + rows(&journey)
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
    let text = |page: &mut Buffer, y: &mut u16, text: &[String]| {
        lines(page, Rect::new(0, *y, width, rows(text)), text, theme.text);
        *y += rows(text);
    };
    text(&mut page, &mut y, &funnel_head);
    if let Some(view) = &view {
        funnel(view, theme, i18n, width).render(Rect::new(0, y, width, funnel_h), &mut page);
        y += funnel_h;
    }
    text(&mut page, &mut y, &legend);
    y += 1;
    text(&mut page, &mut y, &journey);
    y += 1;
    text(&mut page, &mut y, &weeks_head);
    let data: Vec<u64> = dash.weeks.iter().map(|w| pct(w.conversion.value)).collect();
    Sparkline::default()
        .data(&data)
        .max(100)
        .style(theme.choice)
        .render(Rect::new(0, y, width, WEEK_ROWS), &mut page);
    page
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
