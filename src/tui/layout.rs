//! Which size each part of a screen gets, so that the whole screen fits any terminal from
//! 40×12 up and what the client acts on is the biggest thing on it.
//!
//! The search starts from the plainest arrangement — every text ordinary, no blank rows, no
//! keys line, no staff line — which fits every screen from 40×12 up (a long text is shown a
//! part at a time, PgDn/PgUp leafing through it). Then, while the screen still fits, it gives
//! room in the order of what matters to the client: the fact (an amount, the recipient beside
//! it), the code on the phone, the field being typed into, what voice heard, the choices, and
//! only then the headline, each in the smallest big glyphs; then the keys line, the staff line,
//! frames and blank rows; and last it grows the big parts one step at a time, the headline never
//! beyond the biggest thing the client acts on. Decoration therefore shrinks first when space is
//! short: the greeting before the choices, the staff line before the prompt.

use super::big_font::ladder;
use super::place::{Misfit, place};
pub use super::place::{margin, text_width, wrap_plain};
pub use super::plan::{
    BigLines, Body, ChoiceMode, FieldBox, Item, Layout, PhoneBox, Plan, Sizes, TextView,
};
use opora_core::kiosk::state::TEXT_SIZES;
use opora_core::screen_model::ScreenModel;
use ratatui::layout::Rect;

/// The smallest terminal every screen fits.
pub const MIN_COLS: u16 = 40;
pub const MIN_ROWS: u16 = 12;

/// Lays out the model in the area with the largest sizes that fit.
#[must_use]
pub fn layout(model: &ScreenModel, area: Rect) -> Layout {
    layout_scrolled(model, area, 0)
}

/// Lays out the model; when its secondary text cannot all be shown, the part from line
/// `scroll` on is.
#[must_use]
pub fn layout_scrolled(model: &ScreenModel, area: Rect, scroll: usize) -> Layout {
    let too_small = Layout::TooSmall {
        cols: MIN_COLS,
        rows: MIN_ROWS,
    };
    if area.width < MIN_COLS || area.height < MIN_ROWS {
        return too_small;
    }
    let plan = match place(model, area, &Sizes::PLAIN, scroll) {
        Ok(plan) => plan,
        Err(Misfit::Rows(_)) => {
            return squeeze(model, area, scroll).map_or(too_small, Layout::Fits);
        }
        Err(Misfit::Width) => return too_small,
    };
    let mut search = Search {
        model,
        area,
        scroll,
        cap: largest_level(model.text_size),
        plan,
    };
    search.grow();
    Layout::Fits(search.plan)
}

/// When even the plainest arrangement is too tall: the secondary text a part at a time (or
/// left out), then without the progress line, then without what voice heard. Nothing else grows.
fn squeeze(model: &ScreenModel, area: Rect, scroll: usize) -> Option<Plan> {
    let text = text_rows(model, area);
    let mut sizes = Sizes::PLAIN;
    let steps: [fn(&mut Sizes); 3] = [|_| {}, |s| s.progress = false, |s| s.heard = false];
    for step in steps {
        step(&mut sizes);
        sizes.text_rows = None;
        match place(model, area, &sizes, scroll) {
            Ok(plan) => return Some(plan),
            Err(Misfit::Rows(missing)) => {
                sizes.text_rows = Some(text.saturating_sub(missing));
                if let Ok(plan) = place(model, area, &sizes, scroll) {
                    return Some(plan);
                }
            }
            Err(Misfit::Width) => return None,
        }
    }
    None
}

/// Rows the secondary text takes in the plainest arrangement.
fn text_rows(model: &ScreenModel, area: Rect) -> u16 {
    let Ok(plan) = place(
        model,
        Rect::new(area.x, area.y, area.width, u16::MAX / 2),
        &Sizes::PLAIN,
        0,
    ) else {
        return 0;
    };
    plan.items
        .iter()
        .find_map(|(rect, item)| matches!(item, Item::Lines(_)).then_some(rect.height))
        .unwrap_or(0)
}

/// The largest level of [`ladder`] the client's `+`/`-` setting allows: the largest size at the
/// top setting, one size smaller for each step down.
fn largest_level(text_size: usize) -> usize {
    let top = ladder().len().saturating_sub(1);
    let steps_down = (TEXT_SIZES - 1).saturating_sub(text_size);
    top.saturating_sub(steps_down).max(1)
}

/// The parts that can be big.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Fact,
    Field,
    Code,
    Voice,
    Choices,
    Title,
}

impl Part {
    fn level(self, sizes: &Sizes) -> Option<usize> {
        match self {
            Part::Fact => sizes.fact,
            Part::Field => sizes.field,
            Part::Code => sizes.code,
            Part::Voice => sizes.voice,
            Part::Title => sizes.title,
            Part::Choices => match sizes.choices {
                ChoiceMode::Big(level) => Some(level),
                _ => None,
            },
        }
    }

    fn set(self, sizes: &mut Sizes, level: usize) {
        match self {
            Part::Fact => sizes.fact = Some(level),
            Part::Field => sizes.field = Some(level),
            Part::Code => sizes.code = Some(level),
            Part::Voice => sizes.voice = Some(level),
            Part::Title => sizes.title = Some(level),
            Part::Choices => sizes.choices = ChoiceMode::Big(level),
        }
    }
}

/// The greedy search: the current best plan, improved one change at a time.
struct Search<'m> {
    model: &'m ScreenModel,
    area: Rect,
    scroll: usize,
    cap: usize,
    plan: Plan,
}

impl Search<'_> {
    /// Applies the change if the screen still fits with it.
    fn try_with(&mut self, change: impl FnOnce(&mut Sizes)) -> bool {
        let mut sizes = self.plan.sizes;
        change(&mut sizes);
        if sizes == self.plan.sizes {
            return false;
        }
        match place(self.model, self.area, &sizes, self.scroll) {
            Ok(plan) => {
                self.plan = plan;
                true
            }
            Err(_) => false,
        }
    }

    /// Makes a part big in the smallest size: the shortest (the 6×12 font) where it fits the
    /// width, the narrow quadrant size where not.
    fn smallest_big(&mut self, part: Part) -> bool {
        let ladder = ladder();
        let mut smallest: Vec<usize> = (0..ladder.len().min(2)).collect();
        smallest.sort_by_key(|&level| ladder[level].rows());
        smallest
            .into_iter()
            .any(|level| self.try_with(|s| part.set(s, level)))
    }

    fn grow(&mut self) {
        let model = self.model;
        if model.fact.is_some() {
            self.smallest_big(Part::Fact);
        }
        // The code to read before the field it is typed into.
        if model.phone.as_ref().is_some_and(|p| p.big.is_some()) {
            self.smallest_big(Part::Code);
        }
        if model.field.is_some() {
            self.smallest_big(Part::Field);
        }
        if model.voice.is_some() {
            self.smallest_big(Part::Voice);
        }
        // Big choices before a big headline: the greeting shrinks before the choices do.
        if !model.choices.is_empty() {
            self.smallest_big(Part::Choices);
        }
        // The headline is never big beside an amount, a field or a code in ordinary text.
        let sizes = self.plan.sizes;
        let plain_fact = (model.fact.is_some() && sizes.fact.is_none())
            || (model.field.is_some() && sizes.field.is_none())
            || (model.phone.as_ref().is_some_and(|p| p.big.is_some()) && sizes.code.is_none());
        if !plain_fact {
            self.smallest_big(Part::Title);
        }
        self.try_with(|s| s.keys = true);
        self.try_with(|s| s.staff = true);
        self.try_with(|s| s.frames = true);
        self.try_with(|s| s.gaps = true);
        if self.plan.sizes.choices == ChoiceMode::Packed && !model.choices.is_empty() {
            self.try_with(|s| s.choices = ChoiceMode::Spaced);
        }
        // Then one step at a time, round the parts, while something grows.
        let parts = [
            Part::Fact,
            Part::Code,
            Part::Field,
            Part::Voice,
            Part::Choices,
            Part::Title,
        ];
        loop {
            let mut grew = false;
            for part in parts {
                let sizes = self.plan.sizes;
                let Some(level) = part.level(&sizes) else {
                    continue;
                };
                let next = level + 1;
                let cap = if part == Part::Title {
                    self.title_cap()
                } else {
                    self.cap
                };
                if next <= cap {
                    grew |= self.try_with(|s| part.set(s, next));
                }
            }
            if !grew {
                break;
            }
        }
    }

    /// The headline is never bigger than the biggest thing the client acts on.
    fn title_cap(&self) -> usize {
        let sizes = &self.plan.sizes;
        let acted_on = [Part::Fact, Part::Field, Part::Code, Part::Choices]
            .into_iter()
            .filter_map(|part| part.level(sizes))
            .max();
        match acted_on {
            Some(level) => level.min(self.cap),
            None => sizes.title.unwrap_or(0),
        }
    }
}
