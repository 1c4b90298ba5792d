//! A lesson as the kiosk plays it: the run (which lesson, which variant, which step, how far
//! the client got with it), a fraud drill interrupting a practice transfer, the real warning
//! before a risky one, and what a choice on a lesson screen does.

use super::flow::Check;
use crate::lessons::{Drill, Lesson, Step, StepKind};
use std::path::PathBuf;
use std::sync::Arc;

/// Lessons shown per page of the list.
pub const LESSONS_PER_PAGE: usize = 4;

/// A lesson being played.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonRun {
    pub lesson: Arc<Lesson>,
    /// The A/B variant this session got ("" when the lesson has one version).
    pub variant: String,
    /// Index into the variant's steps; equal to their count at the end.
    pub at: usize,
    pub state: StepState,
    /// At the end: where the reminder was written, or why it could not be.
    pub reminder: Option<Result<PathBuf, String>>,
}

/// How far the client got with the current step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepState {
    Fresh,
    /// A quiz answer was chosen (its index) and it was safe or not.
    Answered {
        choice: usize,
        safe: bool,
    },
    /// A do-it step's goal was met in the practice bank.
    GoalMet,
    /// The client came back from the operation without meeting the goal.
    NotYet,
    /// A drill was met; `stopped` is what the client did.
    Drilled {
        stopped: bool,
    },
}

impl LessonRun {
    pub fn steps(&self) -> Vec<&Step> {
        self.lesson.steps_of(&self.variant)
    }

    pub fn step(&self) -> Option<&Step> {
        self.steps().get(self.at).copied()
    }

    pub fn finished(&self) -> bool {
        self.at >= self.steps().len()
    }

    /// Whether the client may go on to the next step.
    pub fn can_go_on(&self) -> bool {
        match self.step().map(|s| &s.kind) {
            None => false,
            Some(StepKind::Explain | StepKind::Say { .. }) => true,
            Some(StepKind::Quiz { .. }) => {
                matches!(self.state, StepState::Answered { safe: true, .. })
            }
            Some(StepKind::Do { .. }) => {
                matches!(self.state, StepState::GoalMet | StepState::Drilled { .. })
            }
        }
    }
}

/// A drill interrupting a transfer: what happens if the client goes on.
#[derive(Clone, Debug, PartialEq)]
pub struct DrillStop {
    pub drill: Drill,
    pub check: Check,
}

/// Why a practice transfer gets a real warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningReason {
    /// The number is not one of the saved people.
    NewPayee,
    /// More than half of what is on the card.
    BigAmount,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub reasons: Vec<WarningReason>,
    pub check: Check,
}

/// What a choice on a lesson screen does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonAction {
    /// Open the lesson list at a page.
    List(usize),
    /// Start a lesson from its beginning (or resume it when `resume`).
    Open {
        id: String,
        resume: bool,
    },
    Next,
    /// Begin the do-it step's operation.
    Begin,
    Skip,
    Answer(usize),
    /// Leave the lesson for the list.
    Leave,
    /// Leave the lesson for the home screen.
    Exit,
    WriteReminder,
    OpenReminder,
    /// In a drill: stop (true) or go on (false).
    DrillChoice(bool),
    /// Back from a drill's result to the lesson.
    BackToLesson,
    /// After a real warning: cancel (false) or go on to the check (true).
    WarningChoice(bool),
}
