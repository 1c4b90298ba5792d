//! Placing one screen in an area with the sizes chosen for it: where each part goes, from the
//! practice band at the top to the prompt anchored at the bottom. [`super::layout`] decides the
//! sizes; this module only says whether they fit and how many rows are missing when not.

use super::big_font::ladder;
use super::big_text::{height_of, measure, wrap};
use super::plan::{BigLines, Body, ChoiceMode, FieldBox, Item, PhoneBox, Plan, Sizes, TextView};
use opora_core::screen_model::ScreenModel;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;

/// Width of the simulated phone when it stands beside the screen.
const SIDE_PANEL: u16 = 44;
/// The screen must be at least this wide for the phone to stand beside it.
const SIDE_PANEL_MIN_WIDTH: u16 = 150;
/// The narrowest field drawn in brackets.
const FIELD_MIN: u16 = 12;

/// Why sizes do not fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Misfit {
    /// Something is too wide at these sizes.
    Width,
    /// The content needs this many more rows.
    Rows(u16),
}

/// Columns left free at each side: two, or one up to 100 columns (in 80, a 13-letter headline
/// then fits in 6-column letters).
pub fn margin(width: u16) -> u16 {
    if width >= 100 { 2 } else { 1 }
}

/// Width of ordinary text in terminal cells.
pub fn text_width(text: &str) -> u16 {
    u16::try_from(Span::raw(text).width()).unwrap_or(u16::MAX)
}

/// Wraps ordinary text to a width in terminal cells at spaces. A word wider than the line is
/// broken after a `/`, `-`, `_` or `.` inside it where it can be (a file path, a long
/// compound), and only cut where nothing else is possible.
pub fn wrap_plain(text: &str, width: u16) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width = text_width(word);
            if !line.is_empty() && line_width + 1 + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += 1 + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest = word.to_string();
            while text_width(&rest) > width {
                let (head, tail) = split_long_word(&rest, width);
                lines.push(head);
                rest = tail;
            }
            line_width = text_width(&rest);
            line = rest;
        }
        lines.push(line);
    }
    lines
}

/// The longest head of `word` that fits `width`, ending after a separator when one is there.
fn split_long_word(word: &str, width: u16) -> (String, String) {
    let mut fit = 0;
    let mut after_separator = None;
    for (at, ch) in word.char_indices() {
        let end = at + ch.len_utf8();
        if text_width(&word[..end]) > width {
            break;
        }
        fit = end;
        if matches!(ch, '/' | '-' | '_' | '.') {
            after_separator = Some(end);
        }
    }
    let cut = after_separator
        .unwrap_or(fit)
        .max(word.chars().next().map_or(0, char::len_utf8));
    (word[..cut].to_string(), word[cut..].to_string())
}

fn rows(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The band's text: with its ■ marks when they fit, without them when not, wrapped last.
fn band_lines(text: &str, width: u16) -> Vec<String> {
    let marked = format!("■ {text} ■");
    if text_width(&marked) <= width {
        vec![marked]
    } else {
        wrap_plain(text, width)
    }
}

/// Text drawn big at a level of the ladder, or in ordinary text (`None`). Big text that cannot
/// fit the width is a misfit.
fn body(level: Option<usize>, text: &str, width: u16) -> Result<(u16, Body), Misfit> {
    match level {
        Some(level) => {
            let font = ladder()[level];
            let lines = wrap(font, text, width).ok_or(Misfit::Width)?;
            Ok((height_of(font, &lines), Body::Big(BigLines { font, lines })))
        }
        None => {
            let lines = wrap_plain(text, width);
            Ok((rows(lines.len()), Body::Plain(lines)))
        }
    }
}

/// Whether `wrap` had to break `text` at a no-break space (its last resort).
fn breaks_inside_a_group(text: &str, body: &Body) -> bool {
    let Body::Big(big) = body else { return false };
    let words = |t: &str| {
        t.split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    words(&big.lines.join(" ")) != words(text)
}

/// Lays out the model with the given sizes, or says why it does not fit.
pub(super) fn place(
    model: &ScreenModel,
    area: Rect,
    sizes: &Sizes,
    scroll: usize,
) -> Result<Plan, Misfit> {
    let margin = margin(area.width);
    let x = area.x + margin;
    let full = area.width.checked_sub(2 * margin).ok_or(Misfit::Width)?;
    let side_panel = model.phone.is_some() && sizes.frames && area.width >= SIDE_PANEL_MIN_WIDTH;
    let main = if side_panel {
        full - SIDE_PANEL - 2
    } else {
        full
    };
    let gap = u16::from(sizes.gaps);
    let mut items: Vec<(Rect, Item)> = Vec::new();
    let mut cursor = None;

    // The footer is anchored to the bottom: staff line, keys, prompt.
    let mut footer: Vec<(u16, Item)> = Vec::new();
    if let Some(hint) = model.staff_hint.as_ref().filter(|_| sizes.staff) {
        let lines = wrap_plain(hint, full);
        footer.push((rows(lines.len()), Item::Staff(lines)));
    }
    if sizes.keys && !model.keys.is_empty() {
        let lines = wrap_plain(&model.keys, full);
        footer.push((rows(lines.len()), Item::Keys(lines)));
    }
    let prompt = wrap_plain(&model.prompt, full);
    footer.push((rows(prompt.len()), Item::Prompt(prompt)));
    let footer_height: u16 = footer.iter().map(|(h, _)| *h).sum();
    let bottom = area.bottom().saturating_sub(footer_height);

    let mut y = area.y;
    if let Some(band) = &model.band {
        let lines = band_lines(band, area.width);
        let h = rows(lines.len());
        items.push((Rect::new(area.x, y, area.width, h), Item::Band(lines)));
        y += h;
    }
    if let Some(progress) = model.progress.as_ref().filter(|_| sizes.progress) {
        let lines = wrap_plain(progress, full);
        let h = rows(lines.len());
        items.push((Rect::new(x, y, full, h), Item::Progress(lines)));
        y += h;
    }
    y += gap;
    let top_of_content = y;

    let (h, title) = body(sizes.title, &model.title, main)?;
    items.push((Rect::new(x, y, main, h), Item::Title(title)));
    y += h + gap;

    if let Some(fact) = &model.fact {
        let (h, body) = body(sizes.fact, fact, main)?;
        // An amount split between its digit groups is hard to read: a smaller size instead.
        if breaks_inside_a_group(fact, &body) {
            return Err(Misfit::Width);
        }
        items.push((Rect::new(x, y, main, h), Item::Fact(body)));
        y += h + gap;
    }

    let key_line = model
        .key_line
        .as_ref()
        .filter(|k| k.line < model.lines.len());
    if let Some(key) = key_line {
        // Big, the value goes under its caption; in ordinary text, the line as it is.
        let (caption, (h, value)) = match sizes.fact {
            Some(_) => (
                wrap_plain(&key.caption, main),
                body(sizes.fact, &key.value, main)?,
            ),
            None => (Vec::new(), body(None, &model.lines[key.line], main)?),
        };
        let h = h + rows(caption.len());
        items.push((Rect::new(x, y, main, h), Item::KeyLine { caption, value }));
        y += h + gap;
    }

    let mut text: Vec<String> = Vec::new();
    for (i, line) in model.lines.iter().enumerate() {
        if key_line.is_none_or(|k| k.line != i) {
            text.extend(wrap_plain(line, main));
        }
    }
    // Shown whole; or a part and a row saying how to see the rest; or, when not even that
    // fits, not at all (it is still spoken, and a bigger window shows it).
    let view = match sizes.text_rows {
        _ if text.is_empty() => None,
        Some(0 | 1) => None,
        Some(shown) if usize::from(shown) <= text.len() => {
            let shown = usize::from(shown) - 1;
            let first = scroll.min(text.len() - shown);
            Some(TextView {
                lines: text[first..first + shown].to_vec(),
                first,
                total: text.len(),
            })
        }
        _ => Some(TextView {
            total: text.len(),
            lines: text,
            first: 0,
        }),
    };
    if let Some(view) = view {
        let h = rows(view.lines.len()) + u16::from(view.is_partial());
        items.push((Rect::new(x, y, main, h), Item::Lines(view)));
        y += h + gap;
    }

    if let Some(phone) = &model.phone {
        let (panel_x, panel_y, panel_w) = if side_panel {
            (x + main + 2, top_of_content, SIDE_PANEL)
        } else if sizes.frames {
            (x, y, main.min(60))
        } else {
            (x, y, main)
        };
        let border = if sizes.frames { 2 } else { 0 };
        let inner = panel_w.saturating_sub(2 * border);
        let message = wrap_plain(&phone.message, inner);
        let big = match (&phone.big, sizes.code) {
            (Some(code), Some(level)) => {
                let font = ladder()[level];
                let lines = wrap(font, code, inner)
                    .filter(|l| l.len() == 1)
                    .ok_or(Misfit::Width)?;
                Some(BigLines { font, lines })
            }
            _ => None,
        };
        let big_h = big.as_ref().map_or(0, |b| height_of(b.font, &b.lines));
        // Framed, the caption sits in the border; unframed, it goes before the sender, on the
        // same row when both fit.
        let one_row =
            sizes.frames || text_width(&format!("[{}] {}", phone.caption, phone.sender)) <= inner;
        let heading = if one_row { 1 } else { 2 };
        let h = 2 * u16::from(sizes.frames) + heading + big_h + rows(message.len());
        let rect = Rect::new(panel_x, panel_y, panel_w, h);
        items.push((
            rect,
            Item::Phone(PhoneBox {
                caption: phone.caption.clone(),
                sender: phone.sender.clone(),
                message,
                big,
                framed: sizes.frames,
            }),
        ));
        if !side_panel {
            y += h + gap;
        }
    }

    if let Some(field) = &model.field {
        let label = format!("{}:", field.label);
        let text = format!("{}{}", field.value, field.suffix);
        let big = match sizes.field {
            Some(level) => {
                let font = ladder()[level];
                let lines = wrap(font, &text, main.saturating_sub(2))
                    .filter(|l| l.len() <= 1)
                    .ok_or(Misfit::Width)?;
                Some(BigLines { font, lines })
            }
            None => None,
        };
        // Big text sits in a frame; ordinary text in brackets, beside its label when it fits.
        let framed = sizes.frames || big.is_some();
        let inline =
            !framed && text_width(&label) + 1 + FIELD_MIN.max(text_width(&text) + 3) <= main;
        let label_lines = if inline {
            vec![label]
        } else {
            wrap_plain(&label, main)
        };
        let label_w = if inline {
            text_width(&label_lines[0])
        } else {
            main
        };
        let h = rows(label_lines.len());
        items.push((Rect::new(x, y, label_w, h), Item::FieldLabel(label_lines)));
        let rect = if inline {
            Rect::new(x + label_w + 1, y, main - label_w - 1, 1)
        } else {
            y += h;
            let inner_h = big.as_ref().map_or(1, |b| b.font.rows());
            Rect::new(x, y, main, inner_h + 2 * u16::from(framed))
        };
        // The cursor goes just after what has been typed.
        let end = match &big {
            Some(b) => (
                measure(b.font, &field.value).0,
                b.font.rows().saturating_sub(1),
            ),
            None => (text_width(&field.value), 0),
        };
        let inset = 1;
        cursor = Some(Position::new(
            (rect.x + inset + end.0).min(rect.right().saturating_sub(2)),
            rect.y + u16::from(framed) + end.1,
        ));
        items.push((
            rect,
            Item::Field(FieldBox {
                big,
                plain: text,
                framed,
            }),
        ));
        y = rect.bottom() + gap;
    }

    if let Some(notice) = &model.notice {
        let lines = wrap_plain(
            &format!("{}: {}", notice.label, notice.text),
            main.saturating_sub(2),
        );
        let h = rows(lines.len());
        items.push((
            Rect::new(x, y, main, h),
            Item::Notice {
                kind: notice.kind,
                lines,
            },
        ));
        y += h + gap;
    }

    if let Some(voice) = model.voice.as_ref().filter(|_| sizes.heard) {
        // In ordinary text the whole sentence, «Я услышал: «баланс»», reads best on one line.
        let (small, (h, body)) = match sizes.voice {
            Some(_) => (
                wrap_plain(&voice.small, main.saturating_sub(2)),
                body(sizes.voice, &voice.big, main)?,
            ),
            None => (Vec::new(), body(None, &voice.text, main.saturating_sub(2))?),
        };
        if matches!(&body, Body::Big(big) if big.lines.len() > 2) {
            return Err(Misfit::Width);
        }
        let h = h + rows(small.len());
        items.push((
            Rect::new(x, y, main, h),
            Item::Voice {
                listening: voice.listening,
                small,
                body,
            },
        ));
        y += h + gap;
    }

    for (i, choice) in model.choices.iter().enumerate() {
        let focused = model.focus == Some(i);
        let (h, body) = match sizes.choices {
            ChoiceMode::Big(level) => big_choice(level, choice.key, &choice.label, main)?,
            ChoiceMode::Spaced | ChoiceMode::Packed => body(
                None,
                &format!("{}  {}", choice.key, choice.label),
                main.saturating_sub(4),
            )?,
        };
        let rect = Rect::new(x, y, main, h);
        if focused {
            cursor = Some(choice_cursor(rect, &body));
        }
        items.push((rect, Item::Choice { focused, body }));
        y += h;
        if sizes.choices == ChoiceMode::Spaced && i + 1 < model.choices.len() {
            y += 1;
        }
    }

    // Sections leave a blank row after themselves; only drawn rows must fit.
    let content_end = items.iter().map(|(r, _)| r.bottom()).max().unwrap_or(y);
    if content_end > bottom {
        return Err(Misfit::Rows(content_end - bottom));
    }
    let mut fy = bottom;
    for (h, item) in footer {
        items.push((Rect::new(x, fy, full, h), item));
        fy += h;
    }
    Ok(Plan {
        items,
        cursor,
        sizes: *sizes,
    })
}

/// A choice in big glyphs, its label's further lines under the label rather than the number.
fn big_choice(level: usize, key: u8, label: &str, width: u16) -> Result<(u16, Body), Misfit> {
    let font = ladder()[level];
    let number = format!("{key} ");
    let indent = measure(font, &number).0;
    let lines = wrap(font, label, width.saturating_sub(2 + indent)).ok_or(Misfit::Width)?;
    let lines: Vec<String> = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 {
                number.clone()
            } else {
                " ".repeat(number.chars().count())
            };
            format!("{lead}{line}")
        })
        .collect();
    Ok((height_of(font, &lines), Body::Big(BigLines { font, lines })))
}

/// Just after a choice's label, on its first line: a block cursor there hides nothing.
fn choice_cursor(rect: Rect, body: &Body) -> Position {
    let (col, row) = match body {
        Body::Big(big) => (
            2 + big.lines.first().map_or(0, |l| measure(big.font, l).0),
            big.font.rows() / 2,
        ),
        Body::Plain(lines) => (2 + lines.first().map_or(0, |l| text_width(l)), 0),
    };
    Position::new(
        (rect.x + col).min(rect.right().saturating_sub(1)),
        rect.y + row,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            wrap_plain("Нажмите цифру от 1 до 6", 12),
            ["Нажмите", "цифру от 1", "до 6"]
        );
        assert_eq!(wrap_plain("а\nб", 10), ["а", "б"]);
        assert_eq!(wrap_plain("", 10), [""]);
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_after_a_separator() {
        assert_eq!(
            wrap_plain("в /home/opora/reminders/lost-card.pdf", 20),
            ["в", "/home/opora/", "reminders/lost-card.", "pdf"]
        );
        // Nothing to break at: cut, never lost.
        assert_eq!(wrap_plain("ааааа", 2), ["аа", "аа", "а"]);
    }
}
