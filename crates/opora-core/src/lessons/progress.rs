//! How far each client got in the lessons, as the kiosk sees it: which lessons and steps are
//! done and where they stopped, so "continue" resumes ([`Progress`]), and what happened in a
//! lesson ([`LessonEvent`]) for the edge to keep (`opora::store::progress`).

use std::collections::HashMap;

/// The profile of a kiosk used without an assisted session.
pub const PRACTICE_PROFILE: &str = "practice";

/// What happened in a lesson, as the core reports it. The progress store keeps it; the journal
/// can log the same events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonEvent {
    Started {
        lesson: String,
        variant: String,
    },
    /// The client is now at step `index` (of the variant's steps): where "continue" resumes.
    Reached {
        lesson: String,
        variant: String,
        index: usize,
    },
    /// Step `step` (its id; `index` in the variant's steps) was done or skipped.
    StepDone {
        lesson: String,
        step: String,
        index: usize,
        skipped: bool,
    },
    QuizAnswered {
        lesson: String,
        step: String,
        index: usize,
        safe: bool,
    },
    Drill {
        lesson: String,
        drill: String,
        stopped: bool,
    },
    Completed {
        lesson: String,
        variant: String,
    },
}

/// One lesson's state for a profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonProgress {
    pub variant: String,
    /// The step to show next (an index into the variant's steps).
    pub step: usize,
    pub completed: bool,
}

/// Everything known about one profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub lessons: HashMap<String, LessonProgress>,
    /// The lesson touched last and not yet completed: what "continue" opens.
    pub resume: Option<String>,
}
