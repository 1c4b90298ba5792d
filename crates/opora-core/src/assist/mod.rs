//! The staff-led assisted session (`opora assist`) as a pure state machine, beside the kiosk's:
//! keys in, [`AssistEffect`]s out (journal writes, a look-up of a returning client's progress),
//! and a [`ScreenModel`] for the terminal and the plain face (`view.rs`).
//!
//! The order is PRODUCT.md §6: staff id → client reference (bank id or phone, turned into the
//! keyed pseudonym at once; or anonymous) → segment → age band → channel → site → consent (no:
//! only a counted refusal is recorded) → goals → practice with the staff line → "now do it
//! alone" with hints off, giving the outcome → FCR → CSAT, CES, NPS (each skippable) →
//! complaint category → the end, with the take-home reminder when lessons were goals.
//! `opora assist follow-up` runs the short form: staff id → client → "used the app alone since?".
//!
//! Nothing is recorded before consent. The typed client reference never leaves this module: it
//! is hashed on Enter and the field is cleared.

mod view;

pub use view::{ALL_IDS, view};

use crate::input::Key;
use crate::journal::{
    AgeBand, BankKey, Channel, ClientHistory, ClientRef, ClientRefError, InputMode, Outcome,
    Payload, Segment,
};
use crate::store_error::StoreError;

/// A goal of a session: an operation of the practice bank, or a lesson. Lessons come as data
/// (their key and title), so new ones need no change here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    /// Stable key, written to the journal (`transfer`, `lesson-pay-bill`).
    pub key: String,
    pub kind: GoalKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalKind {
    /// Label and staff hint come from `assist-goal-KEY` and `assist-hint-KEY`.
    Operation,
    /// A lesson with its own title (in the session's language). `drill` is set when the lesson
    /// holds a fraud drill, whose outcome staff record when the lesson is done.
    Lesson { title: String, drill: bool },
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
                drill: false,
            },
        }
    }

    /// The lesson holds a fraud drill.
    pub fn with_drill(mut self) -> Goal {
        if let GoalKind::Lesson { drill, .. } = &mut self.kind {
            *drill = true;
        }
        self
    }

    pub fn has_drill(&self) -> bool {
        matches!(self.kind, GoalKind::Lesson { drill: true, .. })
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
    Practice,
    /// After a lesson with a fraud drill: did the client stop?
    Drill,
    Alone,
    Fcr,
    Csat,
    Ces,
    Nps,
    Complaint,
    Done,
    FollowUpAnswer,
    FollowUpDone,
}

/// What the session asks its edge to do.
#[derive(Clone, Debug, PartialEq)]
pub enum AssistEffect {
    /// A new session id for the events that follow.
    BeginSession,
    /// Append an event to the journal.
    Record(Payload),
    /// Look up what this pseudonym did before → [`AssistMsg::Progress`].
    LookUpProgress(String),
    /// Write the take-home reminder for these lessons (keys) → [`AssistMsg::ReminderWritten`].
    WriteReminder(Vec<String>),
    Quit,
}

#[derive(Debug)]
pub enum AssistMsg {
    Key(Key),
    Progress(ClientHistory),
    /// The journal could not record; staff see why on every screen.
    JournalFailed(StoreError),
    /// The take-home reminder's file, or a sentence saying why there is none.
    ReminderWritten(Result<std::path::PathBuf, String>),
}

/// Complaint categories (message ids `assist-complaint-KEY`); the first means none.
pub const COMPLAINTS: [&str; 6] = ["none", "hard-to-use", "staff", "fees", "security", "other"];

/// The session's state.
#[derive(Clone, Debug)]
pub struct Assist {
    mode: Mode,
    key: BankKey,
    catalogue: Vec<Goal>,
    stage: Stage,
    /// The field being typed.
    text: String,
    /// A message id for the notice under the field or choices.
    notice: Option<Notice>,
    staff: String,
    client: Option<String>,
    segment: Option<Segment>,
    age_band: Option<AgeBand>,
    channel: Option<Channel>,
    site: String,
    variant: Option<String>,
    goals: Vec<usize>,
    /// Index into `goals` of the goal being practised.
    current: usize,
    /// Steps done per goal (parallel to `goals`).
    steps: Vec<u32>,
    done_goals: Vec<bool>,
    outcome: Option<Outcome>,
    fcr: Option<bool>,
    scores: [Option<u8>; 3],
    progress: Option<ClientHistory>,
    /// The take-home reminder written at the end.
    reminder: Option<Result<std::path::PathBuf, String>>,
    show_staff: bool,
    journal_problem: Option<StoreError>,
    quitting: bool,
}

/// A notice to show: an error (with its message id) or a confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Error(&'static str),
    ClientRef(ClientRefError),
    Recorded(&'static str),
}

/// Goals per page of the goals screen (choices 1–4; 5 = more, 6 = done).
pub const GOALS_PER_PAGE: usize = 4;

impl Assist {
    /// A new session (or follow-up) with the bank's key and the goals on offer.
    pub fn new(mode: Mode, key: BankKey, catalogue: Vec<Goal>) -> (Assist, Vec<AssistEffect>) {
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
            current: 0,
            steps: Vec::new(),
            done_goals: Vec::new(),
            outcome: None,
            fcr: None,
            scores: [None; 3],
            progress: None,
            reminder: None,
            show_staff: true,
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

    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    pub fn has_field(&self) -> bool {
        matches!(
            self.stage,
            Stage::Staff
                | Stage::ClientId { .. }
                | Stage::Site
                | Stage::Csat
                | Stage::Ces
                | Stage::Nps
        )
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
                return Vec::new();
            }
            Key::Esc => {
                self.back();
                return Vec::new();
            }
            _ => {}
        }
        if self.has_field() {
            return self.field_key(key);
        }
        match key {
            Key::Digit(d) => self.choose(u32::from(d)),
            Key::Number(n) => self.choose(n),
            _ => Vec::new(),
        }
    }

    /// Typing into a field. Keys that mean something else on choice screens are letters here.
    fn field_key(&mut self, key: Key) -> Vec<AssistEffect> {
        let typed = match key {
            Key::Digit(d) => Some(char::from(b'0' + d.min(9))),
            Key::Char(c) => Some(c),
            Key::Repeat => Some('r'),
            Key::Smaller => Some('-'),
            Key::Bigger => Some('+'),
            Key::Help => Some('?'),
            Key::Number(n) => {
                self.text = n.to_string();
                return self.submit();
            }
            Key::Backspace => {
                self.text.pop();
                None
            }
            Key::Enter => return self.submit(),
            _ => None,
        };
        if let Some(c) = typed
            && self.text.chars().count() < 64
        {
            self.text.push(c);
        }
        Vec::new()
    }

    fn go(&mut self, stage: Stage) -> Vec<AssistEffect> {
        self.stage = stage;
        self.text.clear();
        self.notice = None;
        if self.recording() {
            vec![AssistEffect::Record(Payload::ScreenShown {
                screen: view::stage_id(stage).to_string(),
            })]
        } else {
            Vec::new()
        }
    }

    /// Whether consent was given and the session is under way.
    fn recording(&self) -> bool {
        self.mode == Mode::Session
            && matches!(
                self.stage,
                Stage::Goals { .. }
                    | Stage::Practice
                    | Stage::Drill
                    | Stage::Alone
                    | Stage::Fcr
                    | Stage::Csat
                    | Stage::Ces
                    | Stage::Nps
                    | Stage::Complaint
            )
    }

    fn error(&mut self, id: &'static str) -> Vec<AssistEffect> {
        self.notice = Some(Notice::Error(id));
        Vec::new()
    }

    fn submit(&mut self) -> Vec<AssistEffect> {
        let text = self.text.trim().to_string();
        match self.stage {
            Stage::Staff => {
                if let Some(id) = label_problem(&text, "assist-error-staff") {
                    self.text.clear();
                    return self.error(id);
                }
                self.staff = text;
                self.go(Stage::ClientKind)
            }
            Stage::ClientId { phone } => {
                let parsed = if phone {
                    ClientRef::phone(&text)
                } else {
                    ClientRef::bank_id(&text)
                };
                // The raw reference goes no further than this function.
                self.text.clear();
                match parsed {
                    Err(e) => {
                        self.notice = Some(Notice::ClientRef(e));
                        Vec::new()
                    }
                    Ok(reference) => {
                        let pseudonym = reference.pseudonym(&self.key);
                        self.client = Some(pseudonym.clone());
                        let mut effects = vec![AssistEffect::LookUpProgress(pseudonym)];
                        effects.extend(self.go(match self.mode {
                            Mode::Session => Stage::Segment,
                            Mode::FollowUp => Stage::FollowUpAnswer,
                        }));
                        effects
                    }
                }
            }
            Stage::Site => {
                if let Some(id) = label_problem(&text, "assist-error-site") {
                    self.text.clear();
                    return self.error(id);
                }
                self.site = text;
                self.go(Stage::Consent)
            }
            Stage::Csat | Stage::Ces | Stage::Nps => {
                let (index, range, next) = match self.stage {
                    Stage::Csat => (0, 1..=5, Stage::Ces),
                    Stage::Ces => (1, 1..=7, Stage::Nps),
                    _ => (2, 0..=10, Stage::Complaint),
                };
                if text.is_empty() || text == "-" {
                    self.scores[index] = None;
                    return self.go(next);
                }
                match text.parse::<u8>() {
                    Ok(score) if range.contains(&score) => {
                        self.scores[index] = Some(score);
                        self.go(next)
                    }
                    _ => {
                        self.text.clear();
                        self.error(match index {
                            0 => "assist-error-csat",
                            1 => "assist-error-ces",
                            _ => "assist-error-nps",
                        })
                    }
                }
            }
            _ => Vec::new(),
        }
    }

    fn choose(&mut self, n: u32) -> Vec<AssistEffect> {
        match self.stage {
            Stage::ClientKind => match (n, self.mode) {
                (1, _) => self.go(Stage::ClientId { phone: false }),
                (2, _) => self.go(Stage::ClientId { phone: true }),
                (3, Mode::Session) => {
                    self.client = None;
                    self.progress = None;
                    self.go(Stage::Segment)
                }
                _ => Vec::new(),
            },
            Stage::Segment => {
                let Some(segment) =
                    pick(n, &[Segment::Senior, Segment::DigitalAdept, Segment::Other])
                else {
                    return Vec::new();
                };
                self.segment = Some(segment);
                self.go(Stage::AgeBand)
            }
            Stage::AgeBand => {
                let bands = [
                    AgeBand::Under45,
                    AgeBand::From45To59,
                    AgeBand::From60To74,
                    AgeBand::From75,
                ];
                let Some(band) = pick(n, &bands) else {
                    return Vec::new();
                };
                self.age_band = Some(band);
                self.go(Stage::Channel)
            }
            Stage::Channel => {
                let channels = [
                    Channel::BranchKiosk,
                    Channel::MobileBrigade,
                    Channel::SelfPractice,
                ];
                let Some(channel) = pick(n, &channels) else {
                    return Vec::new();
                };
                self.channel = Some(channel);
                self.go(Stage::Site)
            }
            Stage::Consent => match n {
                1 => self.go(Stage::Goals { page: 0 }),
                2 => {
                    let refusal = Payload::ConsentRefused {
                        channel: self.channel.unwrap_or(Channel::BranchKiosk),
                        site: self.site.clone(),
                    };
                    // Forget who the client was: nothing but the count is kept.
                    self.client = None;
                    self.progress = None;
                    let mut effects = vec![AssistEffect::Record(refusal)];
                    effects.extend(self.go(Stage::Refused));
                    effects
                }
                _ => Vec::new(),
            },
            Stage::Refused | Stage::Done | Stage::FollowUpDone => match n {
                1 => self.restart(),
                2 => {
                    self.quitting = true;
                    vec![AssistEffect::Quit]
                }
                _ => Vec::new(),
            },
            Stage::Goals { page } => self.choose_goal(page, n),
            Stage::Practice => self.practice(n),
            Stage::Drill => self.drill(n),
            Stage::Alone => {
                let outcomes = [
                    Outcome::Alone,
                    Outcome::WithHelp,
                    Outcome::NotYet,
                    Outcome::Declined,
                ];
                let Some(outcome) = pick(n, &outcomes) else {
                    return Vec::new();
                };
                self.outcome = Some(outcome);
                self.go(Stage::Fcr)
            }
            Stage::Fcr => {
                self.fcr = match n {
                    1 => Some(true),
                    2 => Some(false),
                    3 => None,
                    _ => return Vec::new(),
                };
                self.go(Stage::Csat)
            }
            Stage::Complaint => {
                let Some(category) = pick(n, &COMPLAINTS) else {
                    return Vec::new();
                };
                let [csat, ces, nps] = self.scores;
                let mut effects = vec![
                    AssistEffect::Record(Payload::Feedback { csat, ces, nps }),
                    AssistEffect::Record(Payload::SessionEnded {
                        outcome: self.outcome.unwrap_or(Outcome::NotYet),
                        fcr: self.fcr,
                        complaint: (category != "none").then(|| category.to_string()),
                    }),
                ];
                effects.extend(self.go(Stage::Done));
                // The lessons practised go home on paper.
                let lessons: Vec<String> = self
                    .goals
                    .iter()
                    .filter_map(|&i| self.catalogue.get(i))
                    .filter(|g| g.is_lesson())
                    .map(|g| g.key.clone())
                    .collect();
                if !lessons.is_empty() {
                    effects.push(AssistEffect::WriteReminder(lessons));
                }
                effects
            }
            Stage::FollowUpAnswer => {
                let used_alone = match n {
                    1 => true,
                    2 => false,
                    _ => return Vec::new(),
                };
                let Some(client) = self.client.clone() else {
                    return Vec::new();
                };
                let mut effects = vec![AssistEffect::Record(Payload::FollowUp {
                    client,
                    used_alone,
                })];
                effects.extend(self.go(Stage::FollowUpDone));
                effects
            }
            _ => Vec::new(),
        }
    }

    fn choose_goal(&mut self, page: usize, n: u32) -> Vec<AssistEffect> {
        let pages = self.catalogue.len().div_ceil(GOALS_PER_PAGE).max(1);
        match n {
            1..=4 => {
                let index = page * GOALS_PER_PAGE + (n as usize - 1);
                if index < self.catalogue.len() {
                    if let Some(at) = self.goals.iter().position(|g| *g == index) {
                        self.goals.remove(at);
                    } else {
                        self.goals.push(index);
                    }
                    self.notice = None;
                }
                Vec::new()
            }
            5 if pages > 1 => {
                self.stage = Stage::Goals {
                    page: (page + 1) % pages,
                };
                Vec::new()
            }
            6 => {
                if self.goals.is_empty() {
                    return self.error("assist-error-no-goal");
                }
                self.begin_practice()
            }
            _ => Vec::new(),
        }
    }

    fn begin_practice(&mut self) -> Vec<AssistEffect> {
        self.steps = vec![0; self.goals.len()];
        self.done_goals = vec![false; self.goals.len()];
        self.current = 0;
        let mut effects = vec![AssistEffect::Record(Payload::SessionStarted {
            staff: self.staff.clone(),
            client: self.client.clone(),
            segment: self.segment.unwrap_or(Segment::Other),
            age_band: self.age_band.unwrap_or(AgeBand::From60To74),
            channel: self.channel.unwrap_or(Channel::BranchKiosk),
            site: self.site.clone(),
            variant: self.variant.clone(),
            goals: self
                .goals
                .iter()
                .map(|&i| self.catalogue[i].key.clone())
                .collect(),
        })];
        effects.extend(self.go(Stage::Practice));
        effects.extend(self.start_goal());
        effects
    }

    fn current_goal(&self) -> Option<&Goal> {
        self.goals.get(self.current).map(|&i| &self.catalogue[i])
    }

    fn start_goal(&self) -> Vec<AssistEffect> {
        match self.current_goal() {
            Some(goal) if goal.is_lesson() => vec![AssistEffect::Record(Payload::LessonStarted {
                lesson: goal.key.clone(),
            })],
            _ => Vec::new(),
        }
    }

    fn practice(&mut self, n: u32) -> Vec<AssistEffect> {
        let Some(goal) = self.current_goal().cloned() else {
            return self.go(Stage::Alone);
        };
        let lesson = Some(goal.key.clone());
        let step = self.steps[self.current];
        let record = |payload| vec![AssistEffect::Record(payload)];
        match n {
            1 | 2 => {
                self.steps[self.current] += 1;
                self.notice = Some(Notice::Recorded("assist-recorded-step"));
                record(Payload::StepCompleted {
                    lesson,
                    step: step + 1,
                    by: InputMode::Key,
                    helped: n == 2,
                    recognition_accepted: None,
                })
            }
            3 => {
                self.notice = Some(Notice::Recorded("assist-recorded-help"));
                record(Payload::HelpAsked {
                    lesson,
                    step: Some(step + 1),
                    screen: goal.key.clone(),
                })
            }
            4 => {
                self.notice = Some(Notice::Recorded("assist-recorded-error"));
                record(Payload::ErrorShown {
                    lesson,
                    step: Some(step + 1),
                    screen: goal.key.clone(),
                })
            }
            5 => {
                self.done_goals[self.current] = true;
                let mut effects = record(if goal.is_lesson() {
                    Payload::LessonCompleted {
                        lesson: goal.key.clone(),
                    }
                } else {
                    Payload::OperationCompleted {
                        operation: goal.key.clone(),
                    }
                });
                if goal.has_drill() {
                    effects.extend(self.go(Stage::Drill));
                } else {
                    effects.extend(self.next_goal());
                }
                effects
            }
            6 => self.go(Stage::Alone),
            _ => Vec::new(),
        }
    }

    /// The next goal not yet done, or the "now do it alone" check when all are.
    fn next_goal(&mut self) -> Vec<AssistEffect> {
        match (0..self.goals.len()).find(|&i| !self.done_goals[i]) {
            Some(next) => {
                self.current = next;
                // From the drill question back to practice; within practice, stay.
                let mut effects = if self.stage == Stage::Practice {
                    Vec::new()
                } else {
                    self.go(Stage::Practice)
                };
                self.notice = Some(Notice::Recorded("assist-recorded-goal"));
                effects.extend(self.start_goal());
                effects
            }
            None => self.go(Stage::Alone),
        }
    }

    /// What the client did in the lesson's fraud drill: stopped alone, stopped with a hint, or
    /// went on.
    fn drill(&mut self, n: u32) -> Vec<AssistEffect> {
        let (passed, alone) = match n {
            1 => (true, true),
            2 => (true, false),
            3 => (false, false),
            _ => return Vec::new(),
        };
        let lesson = self
            .current_goal()
            .map(|g| g.key.clone())
            .unwrap_or_default();
        let mut effects = vec![AssistEffect::Record(Payload::DrillOutcome {
            lesson,
            passed,
            alone,
        })];
        effects.extend(self.next_goal());
        effects
    }

    /// Back one stage; only before consent (what was recorded stays recorded).
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
            _ => return,
        };
        self.stage = previous;
        self.text.clear();
        self.notice = None;
    }

    /// The next client: a fresh session with the same staff member, channel and site.
    fn restart(&mut self) -> Vec<AssistEffect> {
        let (staff, channel, site) = (self.staff.clone(), self.channel, self.site.clone());
        let (mut fresh, mut effects) = Assist::new(
            self.mode,
            self.key.clone(),
            std::mem::take(&mut self.catalogue),
        );
        fresh.staff = staff;
        fresh.channel = channel;
        fresh.site = site;
        fresh.variant = self.variant.clone();
        fresh.show_staff = self.show_staff;
        fresh.stage = Stage::ClientKind;
        *self = fresh;
        effects.truncate(1);
        effects
    }
}

fn pick<T: Copy>(n: u32, items: &[T]) -> Option<T> {
    let index = usize::try_from(n).ok()?.checked_sub(1)?;
    items.get(index).copied()
}

/// Staff ids and site names go into the journal: the journal's own rule for them
/// (`journal::validate`), so nothing typed here is refused later. `None` when the text is fine,
/// else the message saying why (`pattern` when it is the characters or the length). What was
/// typed is cleared by the caller: it may be a phone number or a name.
fn label_problem(text: &str, pattern: &'static str) -> Option<&'static str> {
    use crate::journal::validate::{Reason, TextRule};
    match crate::journal::validate::text(text, TextRule::Label) {
        Ok(()) => None,
        Err(Reason::Text(_)) => Some(pattern),
        Err(reason) => Some(reason.message_id()),
    }
}

#[cfg(test)]
mod tests;
