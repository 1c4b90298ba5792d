//! Where each part of a screen goes: the largest text sizes that let the whole screen fit, or a
//! "too small" verdict with the size that would be needed.
//!
//! Sizes are tried from large to small: the title and the fact in the biggest font the client's
//! `+`/`-` setting allows, the choices in big letters when there is room, then in ordinary bold
//! text with a blank row between them, then packed. The first arrangement that fits is used.

use super::big_text::{height_of, measure, wrap};
use super::bitmap_font::{BitmapFont, bundled_fonts};
use opora_core::screen_model::NoticeKind;
use opora_core::screen_model::ScreenModel;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;

/// Columns left free at each side.
const MARGIN: u16 = 2;
/// Width of the simulated phone when it stands beside the screen.
const SIDE_PANEL: u16 = 44;
/// The screen must be at least this wide for the phone to stand beside it.
const SIDE_PANEL_MIN_WIDTH: u16 = 150;

/// How the choices are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceMode {
    /// In the smallest big font.
    Big,
    /// Ordinary bold text, a blank row between choices.
    Spaced,
    /// Ordinary bold text, one under another.
    Packed,
}

/// One arrangement to try: the font index (into [`bundled_fonts`]) for the title and fact, and
/// how the choices are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub headline: usize,
    pub choices: ChoiceMode,
    /// The last resort: the field and the phone's code in ordinary text too.
    pub compact: bool,
}

/// The arrangements to try, best first, for a size setting (0 = smallest, 3 = largest).
pub fn candidates(setting: usize) -> Vec<Sizes> {
    let order = [
        (3, ChoiceMode::Big),
        (2, ChoiceMode::Big),
        (3, ChoiceMode::Spaced),
        (2, ChoiceMode::Spaced),
        (1, ChoiceMode::Big),
        (1, ChoiceMode::Spaced),
        (0, ChoiceMode::Big),
        (0, ChoiceMode::Spaced),
        (3, ChoiceMode::Packed),
        (2, ChoiceMode::Packed),
        (1, ChoiceMode::Packed),
        (0, ChoiceMode::Packed),
    ];
    let max_font = bundled_fonts().len().saturating_sub(1);
    let mut out: Vec<Sizes> = order
        .into_iter()
        .filter(|(h, _)| *h <= setting.min(max_font))
        .map(|(headline, choices)| Sizes {
            headline,
            choices,
            compact: false,
        })
        .collect();
    out.push(Sizes {
        headline: 0,
        choices: ChoiceMode::Packed,
        compact: true,
    });
    out
}

/// What to draw in one place.
#[derive(Clone, Debug)]
pub enum Item {
    Band(String),
    Progress(String),
    Title(BigLines),
    Fact(BigLines),
    Lines(Vec<String>),
    Phone(PhoneBox),
    FieldLabel(String),
    Field(FieldBox),
    Notice {
        kind: NoticeKind,
        lines: Vec<String>,
    },
    /// «Слушаю…» or «Я услышал: …»: the words big when they fit in two lines, else ordinary
    /// text; `small` is the ordinary line above the words heard, or below «Слушаю…».
    Voice {
        listening: bool,
        small: Vec<String>,
        body: ChoiceBody,
    },
    Choice {
        focused: bool,
        body: ChoiceBody,
    },
    Staff(Vec<String>),
    Keys(Vec<String>),
    Prompt(String),
}

#[derive(Clone, Debug)]
pub struct BigLines {
    pub font: &'static BitmapFont,
    pub lines: Vec<String>,
}

#[derive(Clone, Debug)]
pub enum ChoiceBody {
    Big(BigLines),
    Plain(Vec<String>),
}

#[derive(Clone, Debug)]
pub struct PhoneBox {
    pub caption: String,
    pub sender: String,
    pub message: Vec<String>,
    pub big: Option<BigLines>,
}

#[derive(Clone, Debug)]
pub struct FieldBox {
    /// Big text of the value, or plain text when no font fits.
    pub big: Option<BigLines>,
    pub plain: String,
    /// Where the text ends (for the cursor), relative to the box's inner area.
    pub end: (u16, u16),
}

/// A laid-out screen.
#[derive(Clone, Debug)]
pub struct Plan {
    pub items: Vec<(Rect, Item)>,
    /// Where the real terminal cursor goes: the focused choice, or the end of the field.
    pub cursor: Option<Position>,
    pub sizes: Sizes,
}

/// The layout of a screen in an area: a plan, or the size it would need.
#[derive(Clone, Debug)]
pub enum Layout {
    Fits(Plan),
    TooSmall { cols: u16, rows: u16 },
}

/// Lays out the model in the area with the largest sizes that fit.
pub fn layout(model: &ScreenModel, area: Rect) -> Layout {
    for sizes in candidates(model.text_size) {
        if let Some(plan) = plan(model, area, sizes) {
            return Layout::Fits(plan);
        }
    }
    Layout::TooSmall {
        cols: needed_cols(model),
        rows: needed_rows(model),
    }
}

/// The narrowest width in which the smallest arrangement can fit.
fn needed_cols(model: &ScreenModel) -> u16 {
    let font = smallest();
    let widest_word = [Some(&model.title), model.fact.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|text| text.split(' '))
        .map(|word| measure(font, word).0)
        .max()
        .unwrap_or(0);
    (widest_word + 2 * MARGIN).max(60)
}

/// The height the smallest arrangement takes in a generous width.
fn needed_rows(model: &ScreenModel) -> u16 {
    let width = needed_cols(model).max(100);
    let tall = Rect::new(0, 0, width, 2000);
    let smallest = Sizes {
        headline: 0,
        choices: ChoiceMode::Packed,
        compact: true,
    };
    plan(model, tall, smallest).map_or(u16::MAX, |p| {
        let is_footer =
            |item: &Item| matches!(item, Item::Staff(_) | Item::Keys(_) | Item::Prompt(_));
        let content = p
            .items
            .iter()
            .filter(|(_, item)| !is_footer(item))
            .map(|(r, _)| r.bottom())
            .max()
            .unwrap_or(0);
        let footer: u16 = p
            .items
            .iter()
            .filter(|(_, item)| is_footer(item))
            .map(|(r, _)| r.height)
            .sum();
        content + footer
    })
}

fn smallest() -> &'static BitmapFont {
    // The bundled fonts are compiled in and checked by tests; there is always one.
    &bundled_fonts()[0]
}

fn font(index: usize) -> &'static BitmapFont {
    let fonts = bundled_fonts();
    &fonts[index.min(fonts.len() - 1)]
}

/// Wraps ordinary text to a width in terminal cells, at spaces; long words are cut.
pub fn wrap_plain(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if Span::raw(candidate.as_str()).width() <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut rest: String = word.to_string();
            while Span::raw(rest.as_str()).width() > width {
                let cut: String = rest.chars().take(width).collect();
                rest = rest.chars().skip(width).collect();
                lines.push(cut);
            }
            line = rest;
        }
        lines.push(line);
    }
    lines
}

/// Whether `wrap` had to break `text` at a no-break space (its last resort).
fn breaks_inside_a_group(text: &str, lines: &[String]) -> bool {
    let words = |t: &str| {
        t.split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    words(&lines.join(" ")) != words(text)
}

fn rows(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Lays out the model with the given sizes; `None` if it does not fit.
pub fn plan(model: &ScreenModel, area: Rect, sizes: Sizes) -> Option<Plan> {
    if area.width < 2 * MARGIN + 16 || area.height < 8 {
        return None;
    }
    let x = area.x + MARGIN;
    let full = area.width - 2 * MARGIN;
    let side_panel = model.phone.is_some() && area.width >= SIDE_PANEL_MIN_WIDTH;
    let main = if side_panel {
        full - SIDE_PANEL - 2
    } else {
        full
    };
    let headline_font = font(sizes.headline);
    let mut items: Vec<(Rect, Item)> = Vec::new();
    let mut cursor = None;
    let mut y = area.y;

    // The footer is anchored to the bottom: prompt, keys, staff line.
    let mut footer: Vec<(u16, Item)> = Vec::new();
    if let Some(hint) = &model.staff_hint {
        let lines = wrap_plain(hint, full);
        footer.push((rows(lines.len()), Item::Staff(lines)));
    }
    let keys = wrap_plain(&model.keys, full);
    footer.push((rows(keys.len()), Item::Keys(keys)));
    footer.push((1, Item::Prompt(model.prompt.clone())));
    let footer_height: u16 = footer.iter().map(|(h, _)| *h).sum();
    let bottom = area.bottom().checked_sub(footer_height)?;

    if let Some(band) = &model.band {
        items.push((
            Rect::new(area.x, y, area.width, 1),
            Item::Band(band.clone()),
        ));
        y += 1;
    }
    if let Some(progress) = &model.progress {
        items.push((Rect::new(x, y, full, 1), Item::Progress(progress.clone())));
        y += 1;
    }
    y += 1;
    let top_of_content = y;

    let title = wrap(headline_font, &model.title, main)?;
    let h = height_of(headline_font, &title);
    items.push((
        Rect::new(x, y, main, h),
        Item::Title(BigLines {
            font: headline_font,
            lines: title,
        }),
    ));
    y += h + 1;

    if let Some(fact) = &model.fact {
        let lines = wrap(headline_font, fact, main)?;
        // An amount split between its digit groups is hard to read: use a smaller size instead,
        // unless this is the last resort.
        if !sizes.compact && breaks_inside_a_group(fact, &lines) {
            return None;
        }
        let h = height_of(headline_font, &lines);
        items.push((
            Rect::new(x, y, main, h),
            Item::Fact(BigLines {
                font: headline_font,
                lines,
            }),
        ));
        y += h + 1;
    }

    let mut text_lines = Vec::new();
    for line in &model.lines {
        text_lines.extend(wrap_plain(line, main));
    }
    if !text_lines.is_empty() {
        let h = rows(text_lines.len());
        items.push((Rect::new(x, y, main, h), Item::Lines(text_lines)));
        y += h + 1;
    }

    if let Some(phone) = &model.phone {
        let (panel_x, panel_y, panel_w) = if side_panel {
            (x + main + 2, top_of_content, SIDE_PANEL)
        } else {
            (x, y, main.min(60))
        };
        let inner = panel_w.saturating_sub(4);
        let message = wrap_plain(&phone.message, inner);
        let big = phone
            .big
            .as_ref()
            .filter(|_| !sizes.compact)
            .and_then(|code| {
                (0..=sizes.headline.min(1)).rev().find_map(|i| {
                    let f = font(i);
                    wrap(f, code, inner)
                        .filter(|l| l.len() == 1)
                        .map(|lines| BigLines { font: f, lines })
                })
            });
        let big_h = big.as_ref().map_or(0, |b| height_of(b.font, &b.lines) + 1);
        let h = 2 + 1 + rows(message.len()) + big_h + 1;
        let rect = Rect::new(panel_x, panel_y, panel_w, h);
        if rect.bottom() > bottom {
            return None;
        }
        items.push((
            rect,
            Item::Phone(PhoneBox {
                caption: phone.caption.clone(),
                sender: phone.sender.clone(),
                message,
                big,
            }),
        ));
        if !side_panel {
            y += h + 1;
        }
    }

    if let Some(field) = &model.field {
        items.push((
            Rect::new(x, y, main, 1),
            Item::FieldLabel(field.label.clone()),
        ));
        y += 1;
        let text = format!("{}{}", field.value, field.suffix);
        let inner = main.saturating_sub(2);
        let big = if sizes.compact {
            None
        } else {
            (0..=sizes.headline).rev().find_map(|i| {
                let f = font(i);
                wrap(f, &text, inner)
                    .filter(|l| l.len() <= 1)
                    .map(|lines| BigLines { font: f, lines })
            })
        };
        let (h, end) = match &big {
            Some(b) => {
                let value_cols = measure(b.font, &field.value).0;
                let h = height_of(b.font, &[""]);
                (h, (value_cols, h.saturating_sub(1)))
            }
            None => (1, (rows(field.value.chars().count()), 0)),
        };
        let rect = Rect::new(x, y, main, h + 2);
        cursor = Some(Position::new(
            rect.x + 1 + end.0.min(inner),
            rect.y + 1 + end.1,
        ));
        items.push((
            rect,
            Item::Field(FieldBox {
                big,
                plain: text,
                end,
            }),
        ));
        y += h + 3;
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
        y += h + 1;
    }

    if let Some(voice) = &model.voice {
        let font = smallest();
        let big = match sizes.choices {
            ChoiceMode::Big | ChoiceMode::Spaced if !sizes.compact => {
                wrap(font, &voice.big, main).filter(|lines| lines.len() <= 2)
            }
            _ => None,
        };
        let small = wrap_plain(&voice.small, main.saturating_sub(2));
        let (h, body) = match big {
            Some(lines) => (
                height_of(font, &lines),
                ChoiceBody::Big(BigLines { font, lines }),
            ),
            None => {
                let lines = wrap_plain(&voice.big, main.saturating_sub(2));
                (rows(lines.len()), ChoiceBody::Plain(lines))
            }
        };
        items.push((
            Rect::new(x, y, main, h + rows(small.len())),
            Item::Voice {
                listening: voice.listening,
                small: small.clone(),
                body,
            },
        ));
        y += h + rows(small.len()) + 1;
    }

    for (i, choice) in model.choices.iter().enumerate() {
        let focused = model.focus == Some(i);
        let text = format!("{}  {}", choice.key, choice.label);
        let (h, body) = match sizes.choices {
            ChoiceMode::Big => {
                let f = smallest();
                let lines = wrap(f, &format!("{} {}", choice.key, choice.label), main - 2)?;
                (
                    height_of(f, &lines),
                    ChoiceBody::Big(BigLines { font: f, lines }),
                )
            }
            ChoiceMode::Spaced | ChoiceMode::Packed => {
                let lines = wrap_plain(&text, main.saturating_sub(4));
                (rows(lines.len()), ChoiceBody::Plain(lines))
            }
        };
        let rect = Rect::new(x, y, main, h);
        if focused {
            // Just after the label, on its first line: a block cursor there hides nothing.
            let (col, row) = match &body {
                ChoiceBody::Big(big) => (
                    2 + big.lines.first().map_or(0, |l| measure(big.font, l).0),
                    height_of(big.font, &[""]) / 2,
                ),
                ChoiceBody::Plain(lines) => (
                    2 + lines.first().map_or(0, |l| {
                        u16::try_from(Span::raw(l.as_str()).width()).unwrap_or(u16::MAX)
                    }),
                    0,
                ),
            };
            cursor = Some(Position::new(
                (rect.x + col).min(rect.right().saturating_sub(1)),
                rect.y + row,
            ));
        }
        items.push((rect, Item::Choice { focused, body }));
        y += h;
        if sizes.choices != ChoiceMode::Packed && i + 1 < model.choices.len() {
            y += 1;
        }
    }

    // Sections leave a blank row after themselves; only drawn rows must fit.
    let content_end = items.iter().map(|(r, _)| r.bottom()).max().unwrap_or(y);
    if content_end > bottom {
        return None;
    }
    let mut fy = bottom;
    for (h, item) in footer {
        items.push((Rect::new(x, fy, full, h), item));
        fy += h;
    }
    Some(Plan {
        items,
        cursor,
        sizes,
    })
}
