//! Draws a laid-out screen into a ratatui frame: the band, big headline and fact, the lines, the
//! simulated phone, the field, the notice, the choices and the footer; puts the real cursor on
//! the focused choice (braille displays follow it).

use super::big_text::BigText;
use super::layout::{ChoiceBody, FieldBox, Item, Layout, PhoneBox, layout, wrap_plain};
use super::theme::Theme;
use opora_core::i18n::I18n;
use opora_core::screen_model::NoticeKind;
use opora_core::screen_model::ScreenModel;
use opora_core::tr;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{HorizontalAlignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

/// Draws the screen, or the sentence asking for a bigger window.
pub fn draw(frame: &mut Frame, model: &ScreenModel, theme: &Theme, i18n: &I18n) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    Block::new().style(theme.base).render(area, buf);
    match layout(model, area) {
        Layout::Fits(plan) => {
            for (rect, item) in &plan.items {
                draw_item(buf, rect.intersection(area), item, theme);
            }
            if let Some(cursor) = plan.cursor
                && area.contains(cursor)
            {
                frame.set_cursor_position(cursor);
            }
        }
        Layout::TooSmall { cols, rows } => {
            let text = tr!(
                i18n,
                "terminal-too-small",
                needcols = i64::from(cols),
                needrows = i64::from(rows),
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
        }
    }
}

fn draw_item(buf: &mut Buffer, rect: Rect, item: &Item, theme: &Theme) {
    if rect.is_empty() {
        return;
    }
    match item {
        Item::Band(text) => {
            Paragraph::new(format!("■ {text} ■"))
                .style(theme.band)
                .alignment(HorizontalAlignment::Center)
                .render(rect, buf);
        }
        Item::Progress(text) => Paragraph::new(text.as_str())
            .style(theme.text)
            .render(rect, buf),
        Item::Title(big) => {
            BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
                .style(theme.title)
                .render(rect, buf);
        }
        Item::Fact(big) => {
            BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
                .style(theme.fact)
                .render(rect, buf);
        }
        Item::Lines(lines) => plain(buf, rect, lines, theme.text),
        Item::Phone(phone) => draw_phone(buf, rect, phone, theme),
        Item::FieldLabel(label) => {
            Paragraph::new(format!("{label}:"))
                .style(theme.text)
                .render(rect, buf);
        }
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
            let body_rect = Rect::new(rect.x, body_y, rect.width, body_h);
            match body {
                ChoiceBody::Big(big) => {
                    BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
                        .style(style)
                        .render(body_rect, buf);
                }
                ChoiceBody::Plain(lines) => plain(buf, body_rect, lines, style),
            }
        }
        Item::Choice { focused, body } => {
            let style = if *focused { theme.focus } else { theme.choice };
            let marker = if *focused { "▶" } else { " " };
            match body {
                ChoiceBody::Big(big) => {
                    let text_rect = Rect::new(
                        rect.x + 2,
                        rect.y,
                        rect.width.saturating_sub(2),
                        rect.height,
                    );
                    BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
                        .style(style)
                        .render(text_rect, buf);
                    let mid = Rect::new(rect.x, rect.y + rect.height / 2, 1, 1);
                    Paragraph::new(marker).style(theme.choice).render(mid, buf);
                }
                ChoiceBody::Plain(lines) => {
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
        Item::Prompt(text) => Paragraph::new(text.as_str())
            .style(theme.prompt)
            .render(rect, buf),
    }
}

fn plain(buf: &mut Buffer, rect: Rect, lines: &[String], style: Style) {
    let lines: Vec<Line> = lines.iter().map(|l| Line::from(l.as_str())).collect();
    // Style only the text, not the whole width, so coloured notices read as a label.
    for (i, line) in lines.into_iter().enumerate() {
        let Ok(dy) = u16::try_from(i) else { break };
        if dy >= rect.height {
            break;
        }
        let width = u16::try_from(line.width())
            .unwrap_or(u16::MAX)
            .min(rect.width);
        Paragraph::new(line)
            .style(style)
            .render(Rect::new(rect.x, rect.y + dy, width, 1), buf);
    }
}

fn draw_phone(buf: &mut Buffer, rect: Rect, phone: &PhoneBox, theme: &Theme) {
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .title(format!(" {} ", phone.caption))
        .style(theme.phone);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let inner = Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    );
    let mut y = inner.y;
    Paragraph::new(phone.sender.as_str())
        .style(theme.text)
        .render(Rect::new(inner.x, y, inner.width, 1), buf);
    y += 1;
    if let Some(big) = &phone.big {
        let h = super::big_text::height_of(big.font, &big.lines);
        BigText::from_lines(big.font, big.lines.iter().map(String::as_str))
            .style(theme.fact)
            .render(
                Rect::new(inner.x, y, inner.width, h).intersection(inner),
                buf,
            );
        y += h + 1;
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
