//! `opora dashboard`: the report's figures as a screen — conversion by the chosen breakdown as
//! bars, the step funnel of a chosen lesson as bars, and conversion week by week as a sparkline.
//! Digits 1–7 switch the breakdown, ↑/↓ the lesson, Esc or 0 leaves. The state and its keys are
//! here (pure); drawing is `ui::dashboard`.

use super::{Dimension, Period, Report, WeekFigures, build, weekly};
use crate::store::journal::Journal;
use opora_core::input::Key;
use opora_core::store_error::StoreError;

/// The breakdowns in the order of their keys 1–7.
pub const BREAKDOWNS: [Dimension; 7] = [
    Dimension::Segment,
    Dimension::AgeBand,
    Dimension::Channel,
    Dimension::Site,
    Dimension::Staff,
    Dimension::Lesson,
    Dimension::Variant,
];

/// What the dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub by: Dimension,
    pub period: Period,
    pub report: Report,
    pub weeks: Vec<WeekFigures>,
    /// Index into `lessons()` of the lesson whose funnel is shown.
    pub lesson: usize,
}

/// What a key asks of the dashboard's face.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DashboardAction {
    Nothing,
    /// The breakdown changed: build the report again.
    Rebuild,
    Redraw,
    Quit,
}

impl Dashboard {
    pub fn load(journal: &Journal, by: Dimension, period: Period) -> Result<Dashboard, StoreError> {
        Ok(Dashboard {
            by,
            period,
            report: build(journal, Some(by), period)?,
            weeks: weekly(journal, period)?,
            lesson: 0,
        })
    }

    /// Builds the figures again for the current breakdown, keeping the chosen lesson if it is
    /// still there.
    pub fn reload(&mut self, journal: &Journal) -> Result<(), StoreError> {
        let chosen = self.chosen_lesson().map(|(_, name)| name.to_string());
        self.report = build(journal, Some(self.by), self.period)?;
        self.weeks = weekly(journal, self.period)?;
        self.lesson = chosen
            .and_then(|name| self.lessons().iter().position(|l| *l == name))
            .unwrap_or(0);
        Ok(())
    }

    /// The lessons with figures, by name (all groups together).
    pub fn lessons(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .report
            .lessons
            .iter()
            .map(|l| l.lesson.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// The chosen lesson's index and name.
    pub fn chosen_lesson(&self) -> Option<(usize, String)> {
        let lessons = self.lessons();
        lessons
            .get(self.lesson)
            .map(|name| (self.lesson, name.clone()))
    }

    pub fn key(&mut self, key: Key) -> DashboardAction {
        let count = self.lessons().len().max(1);
        match key {
            Key::Esc | Key::Quit | Key::Digit(0) => DashboardAction::Quit,
            Key::Digit(d @ 1..=7) => {
                self.by = BREAKDOWNS[usize::from(d - 1)];
                DashboardAction::Rebuild
            }
            Key::Down => {
                self.lesson = (self.lesson + 1) % count;
                DashboardAction::Redraw
            }
            Key::Up => {
                self.lesson = (self.lesson + count - 1) % count;
                DashboardAction::Redraw
            }
            _ => DashboardAction::Nothing,
        }
    }
}
