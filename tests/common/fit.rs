//! The property every screen must have in every terminal from 40×12 to 300×100: it lays out,
//! everything lies inside the window without overlapping, no word is cut, and the prompt, every
//! choice, the practice band, the field and the notice are on it.

use opora::tui::big_text::{height_of, measure};
use opora::tui::layout::{Body, Item, Layout, Plan, layout, text_width, wrap_plain};
use opora_core::screen_model::ScreenModel;
use ratatui::layout::Rect;

/// Widths and heights walked: the edges, the sizes people meet (a kiosk with a 32–48 px font
/// has 60–100 columns, a laptop 80×24), and odd sizes between.
pub const WIDTHS: [u16; 9] = [40, 47, 60, 80, 100, 120, 160, 200, 300];
pub const HEIGHTS: [u16; 9] = [12, 15, 20, 24, 32, 44, 50, 60, 100];
/// A coarser grid for walks through many screens (every step of every lesson).
pub const FEW_WIDTHS: [u16; 5] = [40, 60, 80, 120, 200];
pub const FEW_HEIGHTS: [u16; 5] = [12, 16, 24, 44, 60];

/// Checks `model` at every size of the grid; `name` says which screen in a failure.
pub fn fits_everywhere(model: &ScreenModel, name: &str) {
    fits_on(model, name, &WIDTHS, &HEIGHTS);
}

/// Checks `model` at every combination of `widths` and `heights`.
pub fn fits_on(model: &ScreenModel, name: &str, widths: &[u16], heights: &[u16]) {
    for &width in widths {
        for &height in heights {
            fits(model, Rect::new(0, 0, width, height), name);
        }
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split([' ', '\n']).filter(|w| !w.is_empty()).collect()
}

fn lines_of(body: &Body) -> &[String] {
    match body {
        Body::Big(big) => &big.lines,
        Body::Plain(lines) => lines,
    }
}

/// The source text's words appear whole, in order, in the drawn lines. A word wider than the
/// line (a file path) may only be broken after a `/`, `-`, `_` or `.` inside it.
fn same_words(drawn: &[String], source: &str, what: &str, at: &dyn Fn() -> String) {
    let drawn = drawn.join(" ");
    let source_words = words(source);
    let mut joined: Vec<String> = Vec::new();
    let mut glued = false;
    for word in words(&drawn) {
        match joined.last_mut() {
            Some(last) if glued => last.push_str(word),
            _ => joined.push(word.to_string()),
        }
        let whole =
            source_words.get(joined.len() - 1) == joined.last().map(String::as_str).as_ref();
        glued = !whole && word.ends_with(['/', '-', '_', '.']);
    }
    if joined != source_words {
        panic!(
            "{}: {what} is cut or changed: {drawn:?}\n  drawn: {joined:?}\n  wanted: {source_words:?}",
            at()
        );
    }
}

/// Checks one size.
pub fn fits(model: &ScreenModel, area: Rect, name: &str) {
    let at = format!("{name} at {}×{}", area.width, area.height);
    let plan = match layout(model, area) {
        Layout::Fits(plan) => plan,
        Layout::TooSmall { .. } => panic!("{at}: does not fit: {:#?}", model.text_lines()),
    };
    inside_and_apart(&plan, area, &at);
    let mut choices = 0;
    let mut prompt = false;
    for (rect, item) in &plan.items {
        let at = &|| format!("{at}, {item:?}");
        match item {
            Item::Title(body) => same_words(lines_of(body), &model.title, "the title", at),
            Item::Fact(body) => {
                let fact = model.fact.as_deref().unwrap_or_default();
                same_words(lines_of(body), fact, "the fact", at);
            }
            Item::KeyLine { caption, value } => {
                let key = model.key_line.as_ref().expect("a key line in the model");
                match value {
                    // Big: the value under its caption.
                    Body::Big(big) => {
                        same_words(caption, &key.caption, "the key line's caption", at);
                        same_words(&big.lines, &key.value, "the key line", at);
                    }
                    // Ordinary text: the line as it is.
                    Body::Plain(lines) => {
                        same_words(lines, &model.lines[key.line], "the key line", at)
                    }
                }
            }
            Item::Lines(view) => {
                let text: Vec<&String> = model
                    .lines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| model.key_line.as_ref().is_none_or(|k| k.line != *i))
                    .map(|(_, line)| line)
                    .collect();
                let all: Vec<String> = text
                    .iter()
                    .flat_map(|l| wrap_plain(l, rect.width))
                    .collect();
                let joined: Vec<&str> = text.iter().map(|l| l.as_str()).collect();
                same_words(&all, &joined.join(" "), "the text", at);
                assert_eq!(all.len(), view.total, "{}", at());
                assert!(
                    all[view.first..view.first + view.lines.len()] == view.lines[..],
                    "{}: the shown text is not a part of the whole",
                    at()
                );
                assert!(
                    !view.lines.is_empty(),
                    "{}: not one line of the text is shown",
                    at()
                );
            }
            Item::Prompt(lines) => {
                prompt = true;
                same_words(lines, &model.prompt, "the prompt", at);
            }
            Item::Choice { body, .. } => {
                let choice = &model.choices[choices];
                choices += 1;
                let label = format!("{} {}", choice.key, choice.label);
                same_words(lines_of(body), &label, "a choice", at);
            }
            Item::Notice { lines, .. } => {
                let notice = model.notice.as_ref().expect("a notice in the model");
                let text = format!("{}: {}", notice.label, notice.text);
                same_words(lines, &text, "the notice", at);
            }
            Item::Band(lines) => {
                let band = model.band.as_deref().unwrap_or_default();
                let shown = lines.join(" ").replace('■', "");
                assert!(words(&shown) == words(band), "{}: the band is cut", at());
            }
            Item::Staff(lines) => same_words(
                lines,
                model.staff_hint.as_deref().unwrap_or_default(),
                "the staff line",
                at,
            ),
            Item::Keys(lines) => same_words(lines, &model.keys, "the keys line", at),
            Item::Progress(lines) => same_words(
                lines,
                model.progress.as_deref().unwrap_or_default(),
                "the progress",
                at,
            ),
            Item::FieldLabel(_) | Item::Field(_) | Item::Phone(_) | Item::Voice { .. } => {}
        }
    }
    assert!(prompt, "{at}: no prompt");
    assert_eq!(choices, model.choices.len(), "{at}: a choice is missing");
    let has = |f: fn(&Item) -> bool| plan.items.iter().any(|(_, item)| f(item));
    if model.band.is_some() {
        assert!(
            has(|i| matches!(i, Item::Band(_))),
            "{at}: no practice band"
        );
    }
    if model.field.is_some() {
        assert!(has(|i| matches!(i, Item::Field(_))), "{at}: no field");
        assert!(plan.cursor.is_some(), "{at}: no cursor in the field");
    }
    if model.notice.is_some() {
        assert!(has(|i| matches!(i, Item::Notice { .. })), "{at}: no notice");
    }
    if model.phone.is_some() {
        assert!(has(|i| matches!(i, Item::Phone(_))), "{at}: no phone");
    }
    if model.focus.is_some() {
        let cursor = plan.cursor.expect("a cursor on the focused choice");
        assert!(area.contains(cursor), "{at}: the cursor is outside");
    }
}

/// Every item lies inside the area, no two overlap, and every line fits its item's width.
fn inside_and_apart(plan: &Plan, area: Rect, at: &str) {
    for (i, (rect, item)) in plan.items.iter().enumerate() {
        assert!(
            rect.right() <= area.right() && rect.bottom() <= area.bottom() && !rect.is_empty(),
            "{at}: {item:?} at {rect:?} is outside"
        );
        for (other, other_item) in &plan.items[i + 1..] {
            assert!(
                !rect.intersects(*other),
                "{at}: {item:?} at {rect:?} overlaps {other_item:?} at {other:?}"
            );
        }
        let body_fits = |body: &Body, width: u16, height: u16| match body {
            Body::Big(big) => {
                big.lines.iter().all(|l| measure(big.font, l).0 <= width)
                    && height_of(big.font, &big.lines) <= height
            }
            Body::Plain(lines) => {
                lines.iter().all(|l| text_width(l) <= width) && rows(lines) <= height
            }
        };
        let fits = match item {
            Item::Title(body) | Item::Fact(body) => body_fits(body, rect.width, rect.height),
            Item::KeyLine { value, .. } => body_fits(value, rect.width, rect.height),
            Item::Choice { body, .. } => body_fits(body, rect.width.saturating_sub(2), rect.height),
            Item::Lines(view) => view.lines.iter().all(|l| text_width(l) <= rect.width),
            Item::Prompt(lines) | Item::Keys(lines) | Item::Staff(lines) | Item::Band(lines) => {
                lines.iter().all(|l| text_width(l) <= rect.width) && rows(lines) <= rect.height
            }
            _ => true,
        };
        assert!(fits, "{at}: {item:?} does not fit its place {rect:?}");
    }
}

fn rows(lines: &[String]) -> u16 {
    u16::try_from(lines.len()).unwrap_or(u16::MAX)
}
