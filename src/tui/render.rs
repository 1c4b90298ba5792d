//! Draws a laid-out screen into a ratatui frame: the band, big headline and fact, the lines, the
//! simulated phone, the field, the notice, the choices and the footer; puts the real cursor on
//! the focused choice (braille displays follow it).

use super::big_text::BigText;
use super::layout::{
    Body, FieldBox, Item, Layout, MIN_COLS, MIN_ROWS, PhoneBox, TextView, layout_scrolled,
    text_width, wrap_plain,
};
use super::theme::Theme;
use opora_core::i18n::I18n;
use opora_core::screen_model::NoticeKind;
use opora_core::screen_model::ScreenModel;
use opora_core::tr;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{HorizontalAlignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

/// Draws the screen, or the sentence asking for a bigger window.
pub fn draw(frame: &mut Frame, model: &ScreenModel, theme: &Theme, i18n: &I18n) {
    draw_scrolled(frame, model, theme, i18n, 0);
}

/// Draws the screen with its secondary text shown from line `scroll` on when it cannot all be
/// shown; returns what part of the text is shown then (`None`: all of it).
pub fn draw_scrolled(
    frame: &mut Frame,
    model: &ScreenModel,
    theme: &Theme,
    i18n: &I18n,
    scroll: usize,
) -> Option<Shown> {
    let area = frame.area();
    let buf = frame.buffer_mut();
    Block::new().style(theme.base).render(area, buf);
    match layout_scrolled(model, area, scroll) {
        Layout::Fits(plan) => {
            for (rect, item) in &plan.items {
                draw_item(buf, rect.intersection(area), item, theme, i18n);
            }
            if let Some(cursor) = plan.cursor
                && area.contains(cursor)
            {
                frame.set_cursor_position(cursor);
            }
            plan.partial_text().map(|view| Shown {
                first: view.first,
                rows: view.lines.len(),
                total: view.total,
            })
        }
        Layout::TooSmall { .. } => {
            let text = tr!(
                i18n,
                "terminal-too-small",
                needcols = i64::from(MIN_COLS),
                needrows = i64::from(MIN_ROWS),
                cols = i64::from(area.width),
                rows = i64::from(area.height)
            );
            let lines: Vec<Line> = wrap_plain(&text, area.width.saturating_sub(2))
                .into_iter()
                .map(Line::from)
                .collect();
            let h = u16::try_from(lines.len())
                .unwrap_or(u16::MAX)
                .min(area.height);
            let y = area.y + area.height.saturating_sub(h) / 2;
            Paragraph::new(lines)
                .style(theme.text)
                .alignment(HorizontalAlignment::Center)
                .render(Rect::new(area.x, y, area.width, h), buf);
            None
        }
    }
}

/// The part of a screen's secondary text that is shown: lines `first..first + rows` of `total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    pub first: usize,
    pub rows: usize,
    pub total: usize,
}

impl Shown {
    /// Where the text starts after PgDn (`forward`) or PgUp: a page on, keeping one line.
    #[must_use]
    pub fn turn(&self, forward: bool) -> usize {
        let step = self.rows.saturating_sub(1).max(1);
        if forward {
            (self.first + step).min(self.total.saturating_sub(self.rows))
        } else {
            self.first.saturating_sub(step)
        }
    }
}

fn draw_item(buf: &mut Buffer, rect: Rect, item: &Item, theme: &Theme, i18n: &I18n) {
    if rect.is_empty() {
        return;
    }
    match item {
        Item::Band(lines) => {
            let lines: Vec<Line> = lines.iter().map(|l| Line::from(l.as_str())).collect();
            Paragraph::new(lines)
                .style(theme.band)
                .alignment(HorizontalAlignment::Center)
                .render(rect, buf);
        }
        Item::Progress(lines) => plain(buf, rect, lines, theme.text),
        Item::Title(body) => draw_body(buf, rect, body, theme.title),
        Item::Fact(body) => draw_body(buf, rect, body, theme.fact),
        Item::KeyLine { caption, value } => {
            let caption_h = u16::try_from(caption.len()).unwrap_or(u16::MAX);
            plain(buf, rect, caption, theme.text);
            let value_rect = Rect::new(
                rect.x,
                rect.y.saturating_add(caption_h),
                rect.width,
                rect.height.saturating_sub(caption_h),
            );
            draw_body(buf, value_rect, value, theme.fact);
        }
        Item::Lines(view) => draw_text(buf, rect, view, theme, i18n),
        Item::Phone(phone) => draw_phone(buf, rect, phone, theme),
        Item::FieldLabel(label) => plain(buf, rect, label, theme.text),
        Item::Field(field) => draw_field(buf, rect, field, theme),
        Item::Notice { kind, lines } => {
            let style = match kind {
                NoticeKind::Error => theme.error,
                NoticeKind::Warning => theme.warning,
                NoticeKind::Success => theme.success,
                NoticeKind::Info => theme.info,
            };
            let marker = match kind {
                NoticeKind::Error | NoticeKind::Warning => "⚠ ",
                NoticeKind::Success => "✓ ",
                NoticeKind::Info => "ℹ ",
            };
            let lines: Vec<String> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{}{l} ", if i == 0 { marker } else { "  " }))
                .collect();
            plain(buf, rect, &lines, style);
        }
        Item::Voice {
            listening,
            small,
            body,
        } => {
            let style = if *listening { theme.info } else { theme.fact };
            let small_h = u16::try_from(small.len()).unwrap_or(u16::MAX);
            let body_h = rect.height.saturating_sub(small_h);
            // The words heard come under «Я услышал:»; what to do comes under «Слушаю…».
            let (small_y, body_y) = if *listening {
                (rect.y + body_h, rect.y)
            } else {
                (rect.y, rect.y + small_h)
            };
            plain(
                buf,
                Rect::new(rect.x, small_y, rect.width, small_h),
                small,
                theme.text,
            );
            draw_body(
                buf,
                Rect::new(rect.x, body_y, rect.width, body_h),
                body,
                style,
            );
        }
        Item::Choice { focused, body } => {
            let style = if *focused { theme.focus } else { theme.choice };
            let marker = if *focused { "▶" } else { " " };
            match body {
                Body::Big(_) => {
                    let text_rect = Rect::new(
                        rect.x + 2,
                        rect.y,
                        rect.width.saturating_sub(2),
                        rect.height,
                    );
                    draw_body(buf, text_rect, body, style);
                    let rows_per_line = match body {
                        Body::Big(big) => big.font.rows(),
                        Body::Plain(_) => 1,
                    };
                    let mid = Rect::new(rect.x, rect.y + rows_per_line / 2, 1, 1);
                    Paragraph::new(marker).style(theme.choice).render(mid, buf);
                }
                Body::Plain(lines) => {
                    let lines: Vec<String> = lines
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let lead = if i == 0 { marker } else { " " };
                            format!("{lead} {l} ")
                        })
                        .collect();
                    plain(buf, rect, &lines, style);
                }
            }
        }
        Item::Staff(lines) => plain(buf, rect, lines, theme.staff),
        Item::Keys(lines) => plain(buf, rect, lines, theme.keys),
        Item::Prompt(lines) => plain(buf, rect, lines, theme.prompt),
    }
}

/// Big text in its font, or ordinary text in bold.
fn draw_body(buf: &mut Buffer, rect: Rect, body: &Body, style: Style) {
    match body {
        Body::Big(big) => BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
            .style(style)
            .render(rect, buf),
        Body::Plain(lines) => plain(buf, rect, lines, style.add_modifier(Modifier::BOLD)),
    }
}

/// The secondary text, and when only part of it fits, a last row saying how to see the rest.
fn draw_text(buf: &mut Buffer, rect: Rect, view: &TextView, theme: &Theme, i18n: &I18n) {
    plain(buf, rect, &view.lines, theme.text);
    if view.is_partial() {
        let more = if view.first + view.lines.len() < view.total {
            i18n.t("text-more-below")
        } else {
            i18n.t("text-more-above")
        };
        let row = u16::try_from(view.lines.len()).unwrap_or(u16::MAX);
        if row < rect.height {
            let line = wrap_plain(&more, rect.width).swap_remove(0);
            plain(
                buf,
                Rect::new(rect.x, rect.y + row, rect.width, 1),
                &[line],
                theme.keys.add_modifier(Modifier::BOLD),
            );
        }
    }
}

fn plain(buf: &mut Buffer, rect: Rect, lines: &[String], style: Style) {
    // Style only the text, not the whole width, so coloured notices read as a label.
    for (i, line) in lines.iter().enumerate() {
        let Ok(dy) = u16::try_from(i) else { break };
        if dy >= rect.height {
            break;
        }
        let width = text_width(line).min(rect.width);
        Paragraph::new(line.as_str())
            .style(style)
            .render(Rect::new(rect.x, rect.y + dy, width, 1), buf);
    }
}

fn draw_phone(buf: &mut Buffer, rect: Rect, phone: &PhoneBox, theme: &Theme) {
    let inner = if phone.framed {
        let block = Block::bordered()
            .border_type(BorderType::Thick)
            .title(format!(" {} ", phone.caption))
            .style(theme.phone);
        let inner = block.inner(rect);
        block.render(rect, buf);
        Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        )
    } else {
        let heading = format!("[{}] {}", phone.caption, phone.sender);
        let caption = format!("[{}]", phone.caption);
        let one_row = text_width(&heading) <= rect.width;
        plain(
            buf,
            rect,
            std::slice::from_ref(&caption),
            theme.phone.add_modifier(Modifier::BOLD),
        );
        let sender_at = if one_row {
            Rect::new(rect.x + text_width(&caption) + 1, rect.y, rect.width, 1)
        } else {
            Rect::new(rect.x, rect.y + 1, rect.width, 1)
        };
        plain(
            buf,
            sender_at.intersection(rect),
            std::slice::from_ref(&phone.sender),
            theme.text,
        );
        let below = if one_row { 1 } else { 2 };
        Rect::new(
            rect.x,
            rect.y.saturating_add(below),
            rect.width,
            rect.height.saturating_sub(below),
        )
    };
    let mut y = inner.y;
    if phone.framed {
        plain(
            buf,
            Rect::new(inner.x, y, inner.width, 1),
            std::slice::from_ref(&phone.sender),
            theme.text,
        );
        y += 1;
    }
    if let Some(big) = &phone.big {
        let h = super::big_text::height_of(big.font, &big.lines);
        BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
            .style(theme.fact)
            .render(
                Rect::new(inner.x, y, inner.width, h).intersection(inner),
                buf,
            );
        y += h;
    }
    let rows = inner.bottom().saturating_sub(y);
    plain(
        buf,
        Rect::new(inner.x, y, inner.width, rows),
        &phone.message,
        theme.phone,
    );
}

fn draw_field(buf: &mut Buffer, rect: Rect, field: &FieldBox, theme: &Theme) {
    if !field.framed {
        // Ordinary text between brackets that show where to type.
        let inner = usize::from(rect.width.saturating_sub(2));
        let pad = inner.saturating_sub(usize::from(text_width(&field.plain)));
        let text = format!("[{}{}]", field.plain, " ".repeat(pad));
        Paragraph::new(text).style(theme.field).render(rect, buf);
        return;
    }
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .style(theme.field);
    let inner = block.inner(rect);
    block.render(rect, buf);
    match &field.big {
        Some(big) => BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
            .style(theme.field)
            .render(inner, buf),
        None => Paragraph::new(field.plain.as_str())
            .style(theme.field)
            .render(inner, buf),
    }
}
