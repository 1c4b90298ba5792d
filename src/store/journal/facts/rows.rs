//! The rows a fold (`fold.rs`) makes — a session's row of `session_facts` and its rows of
//! `step_facts` — and the state it saves to go on with the next event.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a step row stands for (the `role` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// A kiosk screen was entered (`screen_entered`).
    Visit = 0,
    /// A lesson step was reached (`lesson_step_started`).
    LessonStep = 1,
    /// A lesson began (`lesson_started`): step 1 of the journey, unless the session is legacy.
    LessonStart = 2,
    /// A lesson was completed.
    LessonDone = 3,
    /// Legacy: staff ticked a lesson step as done (`step_completed`).
    LegacyStep = 4,
    /// Legacy: an error shown or help asked on a lesson step, with no step reached.
    LegacyMark = 5,
}

impl Role {
    pub fn from_code(code: i64) -> Option<Role> {
        Some(match code {
            0 => Role::Visit,
            1 => Role::LessonStep,
            2 => Role::LessonStart,
            3 => Role::LessonDone,
            4 => Role::LegacyStep,
            5 => Role::LegacyMark,
            _ => return None,
        })
    }
}

/// The session's row of `session_facts` (without its database id).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionRow {
    pub session: String,
    /// `assisted`, `practice` (anonymous self-practice) or `partial` (no start seen).
    pub kind: String,
    pub device: String,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub client: Option<String>,
    pub staff: Option<String>,
    pub segment: Option<String>,
    pub age_band: Option<String>,
    pub channel: Option<String>,
    pub site: Option<String>,
    pub variant: Option<String>,
    pub goals: Vec<String>,
    pub outcome: Option<String>,
    pub computed_outcome: Option<String>,
    pub override_reason: Option<String>,
    pub fcr: Option<bool>,
    pub complaint: Option<String>,
    pub csat: Option<u8>,
    pub ces: Option<u8>,
    pub nps: Option<u8>,
    pub by_key: u32,
    pub by_arrows: u32,
    pub by_voice: u32,
    pub heard_accepted: u32,
    pub heard_refused: u32,
    pub helps: u32,
    pub errors: u32,
    pub adjustments: u32,
    pub backs: u32,
    pub cancels: u32,
    pub staff_marks: u32,
    pub operations: u32,
    pub alone_at: Option<i64>,
    /// Written by the staff-ticked version (step_completed, error_shown, help_asked).
    pub legacy: bool,
    pub events: u32,
    pub last_at: i64,
    pub last_id: String,
}

/// One row of `step_facts` (its name through `step_name`: track, name, step).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepRow {
    pub seq: u32,
    pub role: Role,
    /// `flow` (a screen of a money flow), `screen` (outside any flow) or `lesson`.
    pub track: String,
    /// The flow or lesson id; empty for screens outside a flow.
    pub name: String,
    /// The screen id, or the lesson step's number (`start` and `done` for a lesson's ends).
    pub step: String,
    pub step_no: Option<u32>,
    pub steps: Option<u32>,
    /// For a flow's screen without a step number: the last numbered step before it in the run.
    pub after_step: Option<u32>,
    /// The visit's place in its run through the flow (1, 2, …).
    pub ordinal: Option<u32>,
    pub entered_at: i64,
    /// Milliseconds until the next step (None while it is open).
    pub ms: Option<i64>,
    pub errors: u32,
    pub help: u32,
    #[serde(skip)]
    pub dirty: bool,
}

/// A run through one flow: consecutive screens of the same flow.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub flow: String,
    pub ordinal: u32,
    pub last_numbered: Option<u32>,
}

/// What can still change after the last event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpenState {
    pub next_seq: u32,
    /// Rows that may still change: the open visit, recent visits, open lesson steps.
    pub rows: Vec<StepRow>,
    /// The open visit's seq.
    pub screen: Option<u32>,
    /// The open step row of each lesson.
    pub lessons: BTreeMap<String, u32>,
    pub active_lesson: Option<String>,
    pub run: Option<Run>,
    /// Legacy: the time of the last lesson_started or step_completed of each lesson.
    pub legacy_last: BTreeMap<String, i64>,
}
