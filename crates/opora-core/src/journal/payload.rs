//! What happened, typed: the session's frame (start, consent, end, feedback, follow-up), and the
//! client's journey through the kiosk, written by the kiosk itself — screens entered, choices
//! taken and how, input refused (the field and why, never what was typed), help, repeats and
//! rate and size changes, going back, what voice heard, operations completed, drills, lesson
//! steps and quiz answers, and staff marks.
//!
//! The serde form is the NDJSON export line and the database's `payload` column: add variants and
//! optional fields, never rename. Every text field here is a stable id from a closed list (screen
//! ids, error codes, flow names) or, for staff and site, what staff typed under the journal's
//! rules; nothing a client types ever reaches a payload.

use super::values::{AgeBand, Channel, InputMode, Outcome, Segment};
use serde::{Deserialize, Serialize};

/// What happened. The `type` tag is also the `kind` column of the database.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Payload {
    /// Consent was given and the session began. `client` is the pseudonym (None: anonymous).
    SessionStarted {
        staff: String,
        client: Option<String>,
        segment: Segment,
        age_band: AgeBand,
        channel: Channel,
        site: String,
        #[serde(default)]
        variant: Option<String>,
        goals: Vec<String>,
    },
    /// The session's end: the conversion check's outcome and whether the need was solved in
    /// this contact (FCR). `computed` is what Opora observed in "now do it alone"; when staff
    /// changed it, `override_reason` says why (a key from a closed list).
    SessionEnded {
        outcome: Outcome,
        fcr: Option<bool>,
        #[serde(default)]
        complaint: Option<String>,
        #[serde(default)]
        computed: Option<Outcome>,
        #[serde(default)]
        override_reason: Option<String>,
    },
    /// A client began practising alone at the kiosk: an anonymous self-practice session.
    PracticeStarted {
        #[serde(default)]
        site: String,
        #[serde(default)]
        variant: Option<String>,
    },
    /// The self-practice session ended (the kiosk closed, or a new client began).
    PracticeEnded {},
    /// A stage of the assisted session's own screens (set-up, feedback) was shown.
    ScreenShown {
        screen: String,
    },
    /// A kiosk screen was entered: its stable id, the flow it belongs to (`send`, `pay`…, or
    /// none), «шаг k из n» when the flow counts its steps, and the lesson it is part of.
    ScreenEntered {
        screen: String,
        #[serde(default)]
        flow: Option<String>,
        #[serde(default)]
        step: Option<u8>,
        #[serde(default)]
        steps: Option<u8>,
        #[serde(default)]
        lesson: Option<String>,
    },
    /// A numbered choice was taken, and how.
    ChoiceTaken {
        screen: String,
        choice: u8,
        by: InputMode,
    },
    /// What was typed into a field was refused: which field and why (an error code).
    InputRefused {
        screen: String,
        field: String,
        reason: String,
    },
    /// Help for a screen was opened (`?`, «помощь»), or the client asked to call staff.
    HelpOpened {
        screen: String,
    },
    /// The screen was said again, the voice made slower or faster, the text bigger or smaller.
    Adjusted {
        screen: String,
        what: String,
    },
    /// Back one screen, or out of an operation altogether (`cancel`).
    WentBack {
        screen: String,
        cancel: bool,
    },
    /// Voice heard something: the meaning it found (a stable description) or why it turned the
    /// phrase down, and how sure the recogniser was (0–100), when it says.
    VoiceHeard {
        screen: String,
        #[serde(default)]
        intent: Option<String>,
        #[serde(default)]
        refusal: Option<String>,
        #[serde(default)]
        confidence: Option<u8>,
    },
    /// Written by staff-led sessions before the kiosk logged its own journey.
    StepCompleted {
        lesson: Option<String>,
        step: u32,
        by: InputMode,
        helped: bool,
        /// For voice: whether the recognised words were accepted as the intended command.
        #[serde(default)]
        recognition_accepted: Option<bool>,
    },
    ErrorShown {
        lesson: Option<String>,
        step: Option<u32>,
        screen: String,
    },
    HelpAsked {
        lesson: Option<String>,
        step: Option<u32>,
        screen: String,
    },
    LessonStarted {
        lesson: String,
    },
    /// A lesson step (1-based) was reached, and finished (or skipped).
    LessonStepStarted {
        lesson: String,
        step: u32,
    },
    LessonStepFinished {
        lesson: String,
        step: u32,
        step_id: String,
        skipped: bool,
    },
    /// A quiz answer: the safe one or not.
    QuizAnswered {
        lesson: String,
        step: u32,
        right: bool,
    },
    LessonCompleted {
        lesson: String,
    },
    /// A fraud drill interrupted a practice transfer.
    DrillShown {
        lesson: String,
        drill: String,
    },
    DrillOutcome {
        lesson: String,
        passed: bool,
        alone: bool,
    },
    /// A practice operation went through: its kind, the fee the check screen showed (kopecks),
    /// and the amount's band (`under_1k`, `1k_10k`, `10k_50k`, `50k_plus`), never the amount.
    OperationCompleted {
        operation: String,
        #[serde(default)]
        fee_shown: Option<i64>,
        #[serde(default)]
        amount_band: Option<String>,
    },
    /// Staff marked that they helped: `asked-aloud` (the client asked them) or
    /// `touched-keyboard` (they pressed keys for the client).
    StaffMarked {
        mark: String,
    },
    /// "Now do it alone" began: hints off, the goals checked against what happens next.
    AloneStarted {},
    /// Client feedback; each answer may be skipped.
    Feedback {
        csat: Option<u8>,
        ces: Option<u8>,
        nps: Option<u8>,
    },
    /// Later contact: has the client used the app alone since?
    FollowUp {
        client: String,
        used_alone: bool,
    },
    /// The client said no to the journal: only this count is kept, with no client data.
    ConsentRefused {
        channel: Channel,
        site: String,
    },
}

impl Payload {
    /// The `type` tag, also the `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Payload::SessionStarted { .. } => "session_started",
            Payload::SessionEnded { .. } => "session_ended",
            Payload::PracticeStarted { .. } => "practice_started",
            Payload::PracticeEnded {} => "practice_ended",
            Payload::ScreenShown { .. } => "screen_shown",
            Payload::ScreenEntered { .. } => "screen_entered",
            Payload::ChoiceTaken { .. } => "choice_taken",
            Payload::InputRefused { .. } => "input_refused",
            Payload::HelpOpened { .. } => "help_opened",
            Payload::Adjusted { .. } => "adjusted",
            Payload::WentBack { .. } => "went_back",
            Payload::VoiceHeard { .. } => "voice_heard",
            Payload::StepCompleted { .. } => "step_completed",
            Payload::ErrorShown { .. } => "error_shown",
            Payload::HelpAsked { .. } => "help_asked",
            Payload::LessonStarted { .. } => "lesson_started",
            Payload::LessonStepStarted { .. } => "lesson_step_started",
            Payload::LessonStepFinished { .. } => "lesson_step_finished",
            Payload::QuizAnswered { .. } => "quiz_answered",
            Payload::LessonCompleted { .. } => "lesson_completed",
            Payload::DrillShown { .. } => "drill_shown",
            Payload::DrillOutcome { .. } => "drill_outcome",
            Payload::OperationCompleted { .. } => "operation_completed",
            Payload::StaffMarked { .. } => "staff_marked",
            Payload::AloneStarted {} => "alone_started",
            Payload::Feedback { .. } => "feedback",
            Payload::FollowUp { .. } => "follow_up",
            Payload::ConsentRefused { .. } => "consent_refused",
        }
    }
}

/// The band an amount falls in, for the journal (never the amount itself).
pub fn amount_band(kopecks: i64) -> &'static str {
    match kopecks / 100 {
        ..1_000 => "under_1k",
        1_000..10_000 => "1k_10k",
        10_000..50_000 => "10k_50k",
        _ => "50k_plus",
    }
}

/// Complaint categories (message ids `assist-complaint-KEY`); the first means none.
pub const COMPLAINTS: [&str; 6] = ["none", "hard-to-use", "staff", "fees", "security", "other"];

/// Staff marks, in the order of the staff menu.
pub const STAFF_MARKS: [&str; 2] = ["asked-aloud", "touched-keyboard"];

/// Why staff may change the outcome Opora observed.
pub const OVERRIDE_REASONS: [&str; 5] = [
    "done-outside-opora",
    "help-not-seen",
    "client-declined",
    "technical-problem",
    "other",
];
