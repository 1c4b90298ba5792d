//! `opora dashboard`: the report's figures as a screen — conversion by the chosen breakdown as
//! bars, the funnel of a chosen money flow or lesson as bars, voice and where clients get lost
//! in a few lines, and conversion week by week as a sparkline. Digits 1–7 switch the breakdown,
//! ↑/↓ the funnel (flows, then lessons), Esc or 0 leaves. The state and its keys are
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

/// A funnel the dashboard can show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Funnel {
    Flow(String),
    Lesson(String),
}

/// What the dashboard shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    pub by: Dimension,
    pub period: Period,
    pub report: Report,
    pub weeks: Vec<WeekFigures>,
    /// Index into `funnels()` of the funnel shown.
    pub lesson: usize,
    /// The figures could not be built: the dashboard ends, and says why.
    pub failure: Option<FiguresError>,
    quitting: bool,
}

/// What reaches the dashboard.
#[derive(Debug)]
pub enum DashboardMsg {
    Key(Key),
    /// The figures for the current breakdown, built by the edge.
    Figures(Result<Box<(Report, Vec<WeekFigures>)>, FiguresError>),
}

/// Why the figures could not be built.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FiguresError {
    /// The device's journal failed.
    #[error(transparent)]
    Journal(StoreError),
    /// The central database failed; its edge (`edge::CentralDashboardEdge`) keeps what it said.
    #[error("the central database failed")]
    Central,
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

    /// Takes new figures, keeping the chosen funnel if it is still there.
    fn figures(&mut self, report: Report, weeks: Vec<WeekFigures>) {
        let chosen = self.chosen();
        self.report = report;
        self.weeks = weeks;
        self.lesson = chosen
            .and_then(|c| self.funnels().iter().position(|f| *f == c))
            .unwrap_or(0);
    }

    /// The funnels with figures: money flows, then lessons (all groups together).
    pub fn funnels(&self) -> Vec<Funnel> {
        let mut flows: Vec<String> = self.report.flows.iter().map(|f| f.flow.clone()).collect();
        flows.sort();
        flows.dedup();
        flows
            .into_iter()
            .map(Funnel::Flow)
            .chain(self.lessons().into_iter().map(Funnel::Lesson))
            .collect()
    }

    /// The funnel shown.
    pub fn chosen(&self) -> Option<Funnel> {
        self.funnels().get(self.lesson).cloned()
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

    /// The funnel shown, when it is a lesson's: its index in `funnels()` and the lesson.
    pub fn chosen_lesson(&self) -> Option<(usize, String)> {
        match self.chosen()? {
            Funnel::Lesson(name) => Some((self.lesson, name)),
            Funnel::Flow(_) => None,
        }
    }

    fn key(&mut self, key: Key) -> Vec<DashboardEffect> {
        let count = self.funnels().len().max(1);
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

/// A funnel summed over the breakdown's groups, as the dashboard draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelView {
    pub funnel: Funnel,
    pub started: u64,
    /// Each stage: its name (a lesson step's number, or a flow stage's first screen id) and the
    /// sessions that reached it.
    pub stages: Vec<(String, u64)>,
    /// The stage losing the most sessions from the one before.
    pub drop_off: Option<usize>,
}

impl Dashboard {
    /// The chosen funnel, over all groups.
    pub fn funnel_view(&self) -> Option<FunnelView> {
        let funnel = self.chosen()?;
        let mut started = 0;
        let mut stages: std::collections::BTreeMap<(u32, usize), (String, u64)> =
            std::collections::BTreeMap::new();
        match &funnel {
            Funnel::Lesson(name) => {
                for l in self.report.lessons.iter().filter(|l| l.lesson == *name) {
                    started += l.completion.n;
                    for s in &l.steps {
                        stages
                            .entry((s.step, 0))
                            .or_insert((s.step.to_string(), 0))
                            .1 += s.reached;
                    }
                }
            }
            Funnel::Flow(name) => {
                for f in self.report.flows.iter().filter(|f| f.flow == *name) {
                    started += f.started;
                    for (i, s) in f.stages.iter().enumerate() {
                        let key = match s.step {
                            Some(k) => (k, 0),
                            None => (u32::MAX, i),
                        };
                        let label = s.screens.first().cloned().unwrap_or_default();
                        stages.entry(key).or_insert((label, 0)).1 += s.reached;
                    }
                }
            }
        }
        let stages: Vec<(String, u64)> = stages.into_values().collect();
        let mut previous = started;
        let mut drop_off: Option<(u64, usize)> = None;
        for (i, (_, reached)) in stages.iter().enumerate() {
            let loss = previous.saturating_sub(*reached);
            if loss > 0 && drop_off.is_none_or(|(w, _)| loss > w) {
                drop_off = Some((loss, i));
            }
            previous = *reached;
        }
        Some(FunnelView {
            funnel,
            started,
            stages,
            drop_off: drop_off.map(|(_, i)| i),
        })
    }
}

/// Builds the figures the dashboard shows from the journal.
pub fn figures(
    journal: &Journal,
    by: Dimension,
    period: Period,
) -> Result<Box<(Report, Vec<WeekFigures>)>, FiguresError> {
    let built = || -> Result<_, StoreError> {
        Ok(Box::new((
            build(journal, Some(by), period)?,
            weekly(journal, period)?,
        )))
    };
    built().map_err(FiguresError::Journal)
}
