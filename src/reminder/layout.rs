//! Where every line of the reminder goes: A4 pages, sizes, spacing, page breaks.
//!
//! The layout is plain data (pages of placed lines and frames in PDF points, origin at the
//! bottom left), so tests can check sizes and margins without reading the PDF back, and the
//! PDF writer only draws what it is given.
//!
//! The order on paper: title, subtitle; the steps, numbered with a hanging indent; the hotline
//! in a thick black frame, huge; the rules, numbered; the footer. A heading never ends a page
//! on its own, and the framed hotline is never split. Page numbers («2 / 3») are added only
//! when there is more than one page.

use super::Reminder;
use super::ReminderError;
use super::pdf_font::{FontFace, Weight};
use super::wrap::wrap;

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.276;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margins: 25 mm.
pub const MARGIN_X: f32 = 70.87;
/// Top margin: 25 mm.
pub const MARGIN_TOP: f32 = 70.87;
/// Bottom margin: 25 mm; page numbers sit inside it.
pub const MARGIN_BOTTOM: f32 = 70.87;
/// The widest a line may be.
pub const MEASURE: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

/// Body text: steps, rules, subtitle, notes, footer.
pub const BODY_SIZE: f32 = 18.0;
/// Section headings.
pub const HEADING_SIZE: f32 = 26.0;
/// The title.
pub const TITLE_SIZE: f32 = 28.0;
/// The hotline number.
pub const HOTLINE_SIZE: f32 = 40.0;
/// Page numbers.
pub const PAGE_NUMBER_SIZE: f32 = 16.0;
/// Baseline-to-baseline distance as a multiple of the font size.
pub const LINE_SPACING: f32 = 1.45;

/// Width of the hotline frame's stroke, and the space between it and the number.
pub const FRAME_STROKE: f32 = 3.0;
const FRAME_PADDING: f32 = 12.0;
/// Space between an item number and its text.
const NUMBER_GAP: f32 = 0.5 * BODY_SIZE;

/// What a line is, for tests and for anyone reading the layout.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Title,
    Subtitle,
    Heading,
    /// The «1.» in front of a step or a rule.
    ItemNumber,
    /// A line of a step or a rule.
    Item,
    Hotline,
    HotlineNote,
    Footer,
    PageNumber,
}

/// One line of text, placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub role: Role,
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    /// Left edge of the text.
    pub x: f32,
    /// Baseline, from the bottom of the page.
    pub baseline: f32,
    /// Drawn width, from the font's advances.
    pub width: f32,
}

/// A stroked black rectangle (the hotline frame).
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<Line>,
    pub frames: Vec<Frame>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
}

/// Lays the reminder out on A4 pages.
pub fn layout(reminder: &Reminder) -> Result<Layout, ReminderError> {
    let regular = FontFace::load(Weight::Regular)?;
    let bold = FontFace::load(Weight::Bold)?;
    let mut flow = Flow::new(&regular, &bold);

    flow.paragraph(&reminder.title, Role::Title, Weight::Bold, TITLE_SIZE);
    if let Some(subtitle) = &reminder.subtitle {
        flow.paragraph(subtitle, Role::Subtitle, Weight::Regular, BODY_SIZE);
    }

    if !reminder.steps.is_empty() {
        flow.heading(&reminder.steps_heading, reminder.steps.first());
        flow.numbered(&reminder.steps);
    }

    flow.heading(&reminder.hotline_heading, Some(&reminder.hotline));
    flow.hotline(&reminder.hotline);
    if let Some(note) = &reminder.hotline_note {
        flow.gap(0.3 * BODY_SIZE);
        flow.paragraph(note, Role::HotlineNote, Weight::Regular, BODY_SIZE);
    }

    if !reminder.rules.is_empty() {
        flow.heading(&reminder.rules_heading, reminder.rules.first());
        flow.numbered(&reminder.rules);
    }

    if let Some(footer) = &reminder.footer {
        flow.gap(BODY_SIZE);
        flow.paragraph(footer, Role::Footer, Weight::Regular, BODY_SIZE);
    }

    Ok(flow.finish())
}

/// Lines of `text` in a box `width` points wide.
fn wrap_pt(font: &FontFace, text: &str, size: f32, width: f32) -> Vec<String> {
    wrap(text.trim(), font.pt_to_units(width, size), |c| {
        font.advance(c)
    })
}

struct Flow<'f> {
    regular: &'f FontFace,
    bold: &'f FontFace,
    pages: Vec<Page>,
    /// Top of the free space on the current page.
    cursor: f32,
}

impl<'f> Flow<'f> {
    fn new(regular: &'f FontFace, bold: &'f FontFace) -> Self {
        Self {
            regular,
            bold,
            pages: vec![Page::default()],
            cursor: PAGE_HEIGHT - MARGIN_TOP,
        }
    }

    fn font(&self, weight: Weight) -> &'f FontFace {
        match weight {
            Weight::Regular => self.regular,
            Weight::Bold => self.bold,
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn at_page_top(&self) -> bool {
        self.cursor >= PAGE_HEIGHT - MARGIN_TOP
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.cursor = PAGE_HEIGHT - MARGIN_TOP;
    }

    /// Starts a new page unless `height` points still fit on this one.
    fn ensure(&mut self, height: f32) {
        if self.cursor - height < MARGIN_BOTTOM && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    fn gap(&mut self, height: f32) {
        if !self.at_page_top() {
            self.cursor -= height;
        }
    }

    /// Places one line whose box is `size × LINE_SPACING` high, starting a new page if needed.
    fn line(&mut self, text: String, role: Role, weight: Weight, size: f32, x: f32) -> f32 {
        let height = size * LINE_SPACING;
        self.ensure(height);
        let baseline = self.baseline_in_box(self.cursor, weight, size);
        let width = self.font(weight).width_pt(&text, size);
        self.page().lines.push(Line {
            text,
            role,
            weight,
            size,
            x,
            baseline,
            width,
        });
        self.cursor -= height;
        baseline
    }

    /// The baseline of a line box whose top is `top`: the glyphs' ascender-to-descender
    /// height sits in the middle of the box.
    fn baseline_in_box(&self, top: f32, weight: Weight, size: f32) -> f32 {
        let (ascender, descender) = self.font(weight).vertical_metrics();
        let half_leading = (size * LINE_SPACING - (ascender - descender) * size) / 2.0;
        top - half_leading - ascender * size
    }

    fn paragraph(&mut self, text: &str, role: Role, weight: Weight, size: f32) {
        for line in wrap_pt(self.font(weight), text, size, MEASURE) {
            self.line(line, role, weight, size, MARGIN_X);
        }
    }

    /// A section heading, kept on the same page as the first line of what follows it.
    fn heading(&mut self, text: &str, first_of_section: Option<&String>) {
        let lines = wrap_pt(self.bold, text, HEADING_SIZE, MEASURE);
        self.gap(BODY_SIZE);
        let after = 0.25 * BODY_SIZE;
        // The gap after the heading and one line of what follows must fit too.
        let next = match first_of_section {
            Some(_) => after + BODY_SIZE * LINE_SPACING,
            None => 0.0,
        };
        self.ensure(lines.len() as f32 * HEADING_SIZE * LINE_SPACING + next);
        for line in lines {
            self.line(line, Role::Heading, Weight::Bold, HEADING_SIZE, MARGIN_X);
        }
        self.gap(after);
    }

    /// Numbered items («1.», «2.», …) with a hanging indent: wrapped lines start under the
    /// first letter of the item, not under its number.
    fn numbered(&mut self, items: &[String]) {
        let label_width = |n: usize| self.bold.width_pt(&format!("{n}."), BODY_SIZE);
        let indent = label_width(items.len()).max(label_width(8)) + NUMBER_GAP;
        let text_x = MARGIN_X + indent;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.gap(0.4 * BODY_SIZE);
            }
            let mut lines = wrap_pt(self.regular, item, BODY_SIZE, MEASURE - indent).into_iter();
            let first = lines.next().unwrap_or_default();
            let baseline = self.line(first, Role::Item, Weight::Regular, BODY_SIZE, text_x);
            let label = format!("{}.", i + 1);
            let width = self.bold.width_pt(&label, BODY_SIZE);
            self.page().lines.push(Line {
                text: label,
                role: Role::ItemNumber,
                weight: Weight::Bold,
                size: BODY_SIZE,
                x: MARGIN_X,
                baseline,
                width,
            });
            for line in lines {
                self.line(line, Role::Item, Weight::Regular, BODY_SIZE, text_x);
            }
        }
    }

    /// The hotline, huge and bold inside a thick frame; the whole frame stays on one page.
    fn hotline(&mut self, number: &str) {
        let inset = FRAME_STROKE + FRAME_PADDING;
        let lines = wrap_pt(self.bold, number, HOTLINE_SIZE, MEASURE - 2.0 * inset);
        let text_height = lines.len() as f32 * HOTLINE_SIZE * LINE_SPACING;
        let height = text_height + 2.0 * inset;
        if height > PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM {
            // Absurdly long: no frame could hold it on one page, so it simply flows.
            for line in lines {
                self.line(line, Role::Hotline, Weight::Bold, HOTLINE_SIZE, MARGIN_X);
            }
            return;
        }
        self.ensure(height);
        let top = self.cursor;
        self.cursor -= inset;
        for line in lines {
            self.line(
                line,
                Role::Hotline,
                Weight::Bold,
                HOTLINE_SIZE,
                MARGIN_X + inset,
            );
        }
        self.cursor -= inset;
        // The stroke is centred on the path: inset the path by half the stroke so the frame's
        // outer edge is exactly on the margins.
        let half = FRAME_STROKE / 2.0;
        let frame = Frame {
            x: MARGIN_X + half,
            y: self.cursor + half,
            width: MEASURE - FRAME_STROKE,
            height: top - self.cursor - FRAME_STROKE,
        };
        self.page().frames.push(frame);
    }

    fn finish(mut self) -> Layout {
        let count = self.pages.len();
        if count > 1 {
            for (i, page) in self.pages.iter_mut().enumerate() {
                let text = format!("{} / {count}", i + 1);
                let width = self.regular.width_pt(&text, PAGE_NUMBER_SIZE);
                page.lines.push(Line {
                    text,
                    role: Role::PageNumber,
                    weight: Weight::Regular,
                    size: PAGE_NUMBER_SIZE,
                    x: (PAGE_WIDTH - width) / 2.0,
                    baseline: MARGIN_BOTTOM / 2.0,
                    width,
                });
            }
        }
        Layout { pages: self.pages }
    }
}
