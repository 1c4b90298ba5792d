//! The staff-led assisted session (`opora assist`) as a pure state machine: the kiosk with a
//! staff layer. Keys, what voice heard and the edges' answers in; [`AssistEffect`]s out (journal
//! writes, the practice bank's work, a look-up of a returning client's history); a
//! [`ScreenModel`](crate::screen_model::ScreenModel) for every face.
//!
//! The order is PRODUCT.md §6. Set-up (`stage`, choices in `choices.rs`): staff id → client
//! (bank id or phone, turned into the keyed pseudonym at once; or anonymous) → segment → age
//! band → channel → site → consent (no: only a counted refusal is recorded) → goals. Then the
//! client practises on the real kiosk, which writes its journey by itself (`practice.rs`); the
//! staff line shows the goals' hints, and staff-only actions sit behind the staff key (F9,
//! `staff` in plain mode) that no client screen mentions. "Now do it alone" runs the kiosk
//! again with hints off, on a fresh practice bank, and the outcome is observed: every goal
//! reached with no help opened and no staff mark is "did it alone". Staff confirm it or change
//! it with a reason; then FCR, CSAT, CES, NPS, a complaint category, and the reminder.
//! `opora assist follow-up` runs the short form: staff id → client → "used the app alone since?".
//!
//! Nothing is recorded before consent. The typed client reference never leaves this module: it
//! is hashed on Enter and the field is cleared.

mod choices;
mod practice;
mod setup;
mod view;
mod view_stage;

pub use choices::{COMPLAINTS, GOALS_PER_PAGE, Pick, StaffAction};
pub use practice::Watch;
pub use view::{ALL_IDS, stage_id, view};

use crate::i18n::I18n;
use crate::input::Key;
use crate::journal::{AgeBand, BankKey, Channel, ClientHistory, ClientRefError, Outcome, Segment};
use crate::kiosk::{self, App};
use crate::program::{FaceRequest, Program};
use crate::store_error::StoreError;
use crate::voice::meaning::VoiceMsg;
use crate::voice::{Context, VoiceLang};

/// A goal of a session: an operation of the practice bank, or a lesson. Lessons come as data
/// (their key and title), so new ones need no change here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    /// Stable key, written to the journal (`transfer`, a lesson's id).
    pub key: String,
    pub kind: GoalKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalKind {
    /// Label and staff hint come from `assist-goal-KEY` and `assist-hint-KEY`.
    Operation,
    /// A lesson with its own title (in the session's language).
    Lesson { title: String },
}

/// The practice bank's operations, in the kiosk's order.
pub const OPERATIONS: [&str; 6] = [
    "balance",
    "transfer",
    "pay",
    "top-up",
    "history",
    "block-card",
];

impl Goal {
    pub fn operation(key: &str) -> Goal {
        Goal {
            key: key.to_string(),
            kind: GoalKind::Operation,
        }
    }

    pub fn lesson(key: &str, title: &str) -> Goal {
        Goal {
            key: key.to_string(),
            kind: GoalKind::Lesson {
                title: title.to_string(),
            },
        }
    }

    pub fn is_lesson(&self) -> bool {
        matches!(self.kind, GoalKind::Lesson { .. })
    }
}

/// A full session or a follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Session,
    FollowUp,
}

/// Where the session is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Staff,
    ClientKind,
    ClientId {
        phone: bool,
    },
    Segment,
    AgeBand,
    Channel,
    Site,
    Consent,
    Refused,
    Goals {
        page: usize,
    },
    /// The client practises in the kiosk, with the staff line's hints.
    Practice,
    /// "Now do it alone": the kiosk without hints, watched.
    Alone,
    /// What Opora observed, for staff to confirm or change.
    Outcome,
    /// Staff change the observed outcome to this one…
    ChangeOutcome,
    /// …for a reason.
    OverrideReason {
        outcome: Outcome,
    },
    Fcr,
    Csat,
    Ces,
    Nps,
    Complaint,
    Done,
    FollowUpAnswer,
    FollowUpDone,
}

/// What the session asks its edge (or its face) to do.
#[derive(Clone, Debug, PartialEq)]
pub enum AssistEffect {
    /// A new session id for the events that follow.
    BeginSession,
    /// Append an event to the journal.
    Record(crate::journal::Payload),
    /// Look up what this pseudonym did before → [`AssistMsg::Progress`].
    LookUpProgress(String),
    /// Write the take-home reminder for these lessons (keys) → [`AssistMsg::ReminderWritten`].
    WriteReminder(Vec<String>),
    /// The kiosk's work for the practice bank → [`AssistMsg::Kiosk`].
    Kiosk(kiosk::Effect),
    /// Keep lesson progress under this client's pseudonym (none: the anonymous profile).
    ClientProfile(Option<String>),
    /// A fresh practice bank (for the client, and again for "now do it alone").
    ResetBank,
    /// Unblock the practice card (staff only).
    UnblockCard,
    /// Something for the face: say the screen again, another rate, listen.
    Face(FaceRequest),
    Quit,
}

#[derive(Debug)]
pub enum AssistMsg {
    Key(Key),
    /// What voice input heard, for the kiosk.
    Voice(VoiceMsg),
    /// The practice bank answered the kiosk.
    Kiosk(kiosk::Msg),
    Progress(ClientHistory),
    /// The journal could not record; staff see why on every screen.
    JournalFailed(StoreError),
    /// The take-home reminder's file, or a sentence saying why there is none.
    ReminderWritten(Result<std::path::PathBuf, String>),
}

/// A notice to show: an error (with its message id) or a confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(&'static str),
    ClientRef(ClientRefError),
    Done(&'static str),
}

/// The session's state.
pub struct Assist {
    mode: Mode,
    key: BankKey,
    catalogue: Vec<Goal>,
    stage: Stage,
    /// The field being typed.
    text: String,
    notice: Option<Notice>,
    staff: String,
    client: Option<String>,
    segment: Option<Segment>,
    age_band: Option<AgeBand>,
    channel: Option<Channel>,
    site: String,
    variant: Option<String>,
    /// Indexes into `catalogue`.
    goals: Vec<usize>,
    /// The client's practice kiosk, and its first effects (sent when practice begins).
    kiosk: App,
    kiosk_start: Vec<kiosk::Effect>,
    /// The staff menu is open over the client's screen (and which of its choices has focus).
    staff_menu: Option<usize>,
    /// What was seen in practice, and in "now do it alone".
    practice_watch: Watch,
    alone_watch: Option<Watch>,
    computed: Option<Outcome>,
    outcome: Option<Outcome>,
    override_reason: Option<&'static str>,
    fcr: Option<bool>,
    scores: [Option<u8>; 3],
    progress: Option<ClientHistory>,
    reminder: Option<Result<std::path::PathBuf, String>>,
    show_staff: bool,
    focus: usize,
    journal_problem: Option<StoreError>,
    quitting: bool,
}

impl Assist {
    /// A new session (or follow-up) with the bank's key, the goals on offer, and the client's
    /// kiosk (with its lessons) and the effects that start it, sent when practice begins.
    pub fn new(
        mode: Mode,
        key: BankKey,
        catalogue: Vec<Goal>,
        (mut kiosk, kiosk_start): (App, Vec<kiosk::Effect>),
    ) -> (Assist, Vec<AssistEffect>) {
        // The client cannot close the session from the kiosk's home screen.
        kiosk.set_can_quit(false);
        let assist = Assist {
            mode,
            key,
            catalogue,
            stage: Stage::Staff,
            text: String::new(),
            notice: None,
            staff: String::new(),
            client: None,
            segment: None,
            age_band: None,
            channel: None,
            site: String::new(),
            variant: None,
            goals: Vec::new(),
            kiosk,
            kiosk_start,
            staff_menu: None,
            practice_watch: Watch::default(),
            alone_watch: None,
            computed: None,
            outcome: None,
            override_reason: None,
            fcr: None,
            scores: [None; 3],
            progress: None,
            reminder: None,
            show_staff: true,
            focus: 0,
            journal_problem: None,
            quitting: false,
        };
        (assist, vec![AssistEffect::BeginSession])
    }

    /// The A/B variant this device runs (from the command line), recorded with each session.
    pub fn set_variant(&mut self, variant: Option<String>) {
        self.variant = variant;
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The client's kiosk inside the session (voice input is set up on it).
    pub fn kiosk_mut(&mut self) -> &mut App {
        &mut self.kiosk
    }

    /// Whether the staff menu is open.
    pub fn staff_menu_open(&self) -> bool {
        self.staff_menu.is_some()
    }

    /// What Opora observed in "now do it alone" (or would conclude now).
    pub fn computed_outcome(&self) -> Option<Outcome> {
        self.computed
    }

    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    /// Whether the client is on the kiosk now (practice or "now do it alone").
    fn in_kiosk(&self) -> bool {
        matches!(self.stage, Stage::Practice | Stage::Alone) && self.staff_menu.is_none()
    }

    pub fn update(&mut self, msg: AssistMsg) -> Vec<AssistEffect> {
        match msg {
            AssistMsg::Progress(progress) => {
                self.progress = (progress.sessions > 0).then_some(progress);
                Vec::new()
            }
            AssistMsg::JournalFailed(error) => {
                self.journal_problem = Some(error);
                Vec::new()
            }
            AssistMsg::ReminderWritten(result) => {
                self.reminder = Some(result);
                Vec::new()
            }
            AssistMsg::Kiosk(msg) => {
                let effects = self.kiosk.update(msg);
                self.take_kiosk_effects(effects)
            }
            AssistMsg::Voice(msg) if self.in_kiosk() => {
                let effects = self.kiosk.update(kiosk::Msg::Voice(msg));
                self.take_kiosk_effects(effects)
            }
            AssistMsg::Voice(_) => Vec::new(),
            AssistMsg::Key(key) => self.key(key),
        }
    }

    /// The take-home reminder of this session, once written (or why it was not).
    pub fn reminder(&self) -> Option<&Result<std::path::PathBuf, String>> {
        self.reminder.as_ref()
    }

    fn key(&mut self, key: Key) -> Vec<AssistEffect> {
        match key {
            Key::Quit => {
                self.quitting = true;
                return vec![AssistEffect::Quit];
            }
            Key::ToggleStaff => {
                self.show_staff = !self.show_staff;
                if self.stage == Stage::Practice {
                    self.kiosk.update(kiosk::Msg::Key(Key::ToggleStaff));
                }
                return Vec::new();
            }
            _ => {}
        }
        if matches!(self.stage, Stage::Practice | Stage::Alone) {
            return self.practice_key(key);
        }
        if key == Key::Esc {
            self.back();
            return Vec::new();
        }
        if self.has_field() {
            return self.field_key(key);
        }
        self.choice_key(key)
    }

    /// Back one stage: during set-up, before consent (what was recorded stays recorded), and
    /// from the outcome's change back to the outcome. What was typed is kept.
    fn back(&mut self) {
        let previous = match self.stage {
            Stage::ClientKind => Stage::Staff,
            Stage::ClientId { .. } => Stage::ClientKind,
            Stage::Segment => Stage::ClientKind,
            Stage::AgeBand => Stage::Segment,
            Stage::Channel => Stage::AgeBand,
            Stage::Site => Stage::Channel,
            Stage::Consent => Stage::Site,
            Stage::FollowUpAnswer => Stage::ClientKind,
            Stage::ChangeOutcome => Stage::Outcome,
            Stage::OverrideReason { .. } => Stage::ChangeOutcome,
            _ => return,
        };
        self.stage = previous;
        self.text = match previous {
            Stage::Staff => self.staff.clone(),
            Stage::Site => self.site.clone(),
            _ => String::new(),
        };
        self.notice = None;
        self.focus = 0;
    }

    /// The next client: a fresh session with the same staff member, channel and site.
    fn restart(&mut self) -> Vec<AssistEffect> {
        self.kiosk.restart();
        self.kiosk.set_show_staff(true);
        self.kiosk_start = vec![kiosk::Effect::LoadSnapshot, kiosk::Effect::LoadProgress];
        self.stage = Stage::ClientKind;
        self.text.clear();
        self.notice = None;
        self.client = None;
        self.segment = None;
        self.age_band = None;
        self.goals.clear();
        self.staff_menu = None;
        self.practice_watch = Watch::default();
        self.alone_watch = None;
        self.computed = None;
        self.outcome = None;
        self.override_reason = None;
        self.fcr = None;
        self.scores = [None; 3];
        self.progress = None;
        self.reminder = None;
        self.journal_problem = None;
        self.focus = 0;
        vec![AssistEffect::BeginSession]
    }
}

impl Program for Assist {
    type Msg = AssistMsg;
    type Effect = AssistEffect;
    type View = crate::screen_model::ScreenModel;

    fn update(&mut self, msg: AssistMsg) -> Vec<AssistEffect> {
        Assist::update(self, msg)
    }

    fn view(&self, i18n: &I18n) -> Self::View {
        view(self, i18n)
    }

    fn is_quitting(&self) -> bool {
        Assist::is_quitting(self)
    }

    fn key(key: Key) -> AssistMsg {
        AssistMsg::Key(key)
    }

    fn face_request(effect: &AssistEffect) -> Option<FaceRequest> {
        match effect {
            AssistEffect::Quit => Some(FaceRequest::Quit),
            AssistEffect::Face(request) => Some(*request),
            _ => None,
        }
    }

    fn voice(msg: VoiceMsg) -> Option<AssistMsg> {
        Some(AssistMsg::Voice(msg))
    }

    fn voice_context(&self, i18n: &I18n, lang: VoiceLang) -> Option<Context> {
        self.in_kiosk()
            .then(|| kiosk::listen::context(&self.kiosk, i18n, lang))
    }

    fn show_warning(&mut self, sentence: String) {
        self.kiosk.show_warning(sentence);
    }

    /// While the client is at the kiosk, its practice bank is re-read as the kiosk's is.
    fn refresh(&self) -> Vec<AssistEffect> {
        if self.in_kiosk() {
            self.kiosk
                .refresh()
                .into_iter()
                .map(AssistEffect::Kiosk)
                .collect()
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests;
