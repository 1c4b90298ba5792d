//! `opora dashboard`: the report's figures as a screen — conversion by the chosen breakdown as
//! bars, the step funnel of a chosen lesson as bars, and conversion week by week as a sparkline.
//! Digits 1–7 switch the breakdown, ↑/↓ the lesson, Esc or 0 leaves. The state and its keys are
//! here, a [`Program`] like the kiosk; the figures are built by its edge (`edge::DashboardEdge`)
//! and drawn by `tui::charts`.

use super::{Dimension, Period, Report, WeekFigures, build, weekly};
use crate::store::journal::Journal;
use opora_core::i18n::I18n;
use opora_core::input::Key;
use opora_core::program::{FaceRequest, Program};
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
    /// The figures could not be built (the journal failed): the dashboard ends, and says why.
    pub failure: Option<StoreError>,
    quitting: bool,
}

/// What reaches the dashboard.
#[derive(Debug)]
pub enum DashboardMsg {
    Key(Key),
    /// The figures for the current breakdown, built by the edge.
    Figures(Result<Box<(Report, Vec<WeekFigures>)>, StoreError>),
}

/// What the dashboard asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum DashboardEffect {
    /// Build the figures for this breakdown and period → [`DashboardMsg::Figures`].
    Build {
        by: Dimension,
        period: Period,
    },
    Quit,
}

impl Dashboard {
    /// An empty dashboard, and the effect that fills it.
    pub fn new(by: Dimension, period: Period) -> (Dashboard, Vec<DashboardEffect>) {
        let dash = Dashboard {
            by,
            period,
            report: Report::default(),
            weeks: Vec::new(),
            lesson: 0,
            failure: None,
            quitting: false,
        };
        (dash, vec![DashboardEffect::Build { by, period }])
    }

    /// Takes new figures, keeping the chosen lesson if it is still there.
    fn figures(&mut self, report: Report, weeks: Vec<WeekFigures>) {
        let chosen = self.chosen_lesson().map(|(_, name)| name.to_string());
        self.report = report;
        self.weeks = weeks;
        self.lesson = chosen
            .and_then(|name| self.lessons().iter().position(|l| *l == name))
            .unwrap_or(0);
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

    fn key(&mut self, key: Key) -> Vec<DashboardEffect> {
        let count = self.lessons().len().max(1);
        match key {
            Key::Esc | Key::Quit | Key::Digit(0) => {
                self.quitting = true;
                vec![DashboardEffect::Quit]
            }
            Key::Digit(d @ 1..=7) => {
                self.by = BREAKDOWNS[usize::from(d - 1)];
                vec![DashboardEffect::Build {
                    by: self.by,
                    period: self.period,
                }]
            }
            Key::Down => {
                self.lesson = (self.lesson + 1) % count;
                Vec::new()
            }
            Key::Up => {
                self.lesson = (self.lesson + count - 1) % count;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

impl Program for Dashboard {
    type Msg = DashboardMsg;
    type Effect = DashboardEffect;
    type View = Dashboard;

    fn update(&mut self, msg: DashboardMsg) -> Vec<DashboardEffect> {
        match msg {
            DashboardMsg::Key(key) => self.key(key),
            DashboardMsg::Figures(Ok(figures)) => {
                let (report, weeks) = *figures;
                self.figures(report, weeks);
                Vec::new()
            }
            DashboardMsg::Figures(Err(error)) => {
                self.failure = Some(error);
                self.quitting = true;
                vec![DashboardEffect::Quit]
            }
        }
    }

    fn view(&self, _: &I18n) -> Dashboard {
        self.clone()
    }

    fn is_quitting(&self) -> bool {
        self.quitting
    }

    fn key(key: Key) -> DashboardMsg {
        DashboardMsg::Key(key)
    }

    fn face_request(effect: &DashboardEffect) -> Option<FaceRequest> {
        (*effect == DashboardEffect::Quit).then_some(FaceRequest::Quit)
    }
}

/// Builds the figures the dashboard shows from the journal.
pub fn figures(
    journal: &Journal,
    by: Dimension,
    period: Period,
) -> Result<Box<(Report, Vec<WeekFigures>)>, StoreError> {
    Ok(Box::new((
        build(journal, Some(by), period)?,
        weekly(journal, period)?,
    )))
}
