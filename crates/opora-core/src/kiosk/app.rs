//! The state machine at the heart of Opora: messages in (keys, replies from the bank), effects
//! out. It does no I/O; the terminal, the plain mode and tests drive it the same way.

use super::flow::{Draft, Flow, Target};
use super::screens::{self, Action, Screen};
use crate::bank::{self, BankError, OpId, Operation, Receipt, Snapshot};
use crate::input::{Effect, Key, Msg, RateStep};
use crate::lessons::Lesson;
use crate::lessons::progress::Progress;
use crate::money::{AmountError, parse_amount};
use crate::phone::{PhoneError, PhoneNumber};
use crate::store_error::StoreError;
use std::sync::Arc;

/// The longest text a field accepts; more is ignored, not an error.
const FIELD_MAX: usize = 18;

/// Text sizes the client can step through with `+` and `-` (0 = smallest big text).
pub const TEXT_SIZES: usize = 4;

/// What went wrong or right with the last action; turned into a sentence by the view.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    NoSuchChoice {
        max: usize,
    },
    Amount(AmountError),
    Phone(PhoneError),
    Bank(BankError),
    Store(StoreError),
    WrongCode,
    /// The third wrong code in a row: this code no longer works.
    CodeExpired,
    CodeNotYetArrived,
    /// Problems with locale files, already in the person's language.
    Startup(Vec<String>),
    /// About voice input: a phrase turned down, nothing heard, voice off…
    Voice(super::heard::VoiceNotice),
}

/// The whole state of a kiosk session.
#[derive(Debug)]
pub struct App {
    pub(super) stack: Vec<Screen>,
    pub(super) snapshot: Option<Snapshot>,
    pub(super) notice: Option<Notice>,
    pub(super) focus: usize,
    text_size: usize,
    show_staff: bool,
    pub(super) session: String,
    pub(super) next_op: u64,
    quitting: bool,
    /// The lessons this kiosk offers (shipped and a trainer's).
    pub(super) lessons: Vec<Arc<Lesson>>,
    /// How far this client got in them.
    pub(super) progress: Progress,
    /// Whether voice input can be used now.
    pub(super) voice: super::heard::VoiceState,
    /// What voice input last heard, shown big until the next action.
    pub(super) heard: Option<String>,
}

impl App {
    /// A new session at the home screen. `session` makes operation ids unique across runs (the
    /// edges pass something random); the returned effects must be carried out.
    pub fn new(session: impl Into<String>) -> (App, Vec<Effect>) {
        let app = App {
            stack: vec![Screen::Home],
            snapshot: None,
            notice: None,
            focus: 0,
            text_size: TEXT_SIZES - 1,
            show_staff: true,
            session: session.into(),
            next_op: 1,
            quitting: false,
            lessons: Vec::new(),
            progress: Progress::default(),
            voice: super::heard::VoiceState::Off(None),
            heard: None,
        };
        (app, vec![Effect::LoadSnapshot, Effect::LoadProgress])
    }

    /// Offers these lessons under «Обучение».
    pub fn set_lessons(&mut self, lessons: Vec<Arc<Lesson>>) {
        self.lessons = lessons;
    }

    pub fn lessons(&self) -> &[Arc<Lesson>] {
        &self.lessons
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn session(&self) -> &str {
        &self.session
    }

    pub fn screen(&self) -> &Screen {
        // The stack is never empty: popping stops at the home screen.
        self.stack.last().unwrap_or(&Screen::Home)
    }

    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.snapshot.as_ref()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn text_size(&self) -> usize {
        self.text_size
    }

    pub fn show_staff(&self) -> bool {
        self.show_staff
    }

    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    /// Shows sentences about start-up problems (e.g. a broken locale file) on the first screen.
    pub fn set_startup_notice(&mut self, sentences: Vec<String>) {
        if !sentences.is_empty() {
            self.notice = Some(Notice::Startup(sentences));
        }
    }

    /// Shows one warning sentence (e.g. that the voice turned itself off) until the next key.
    pub fn show_warning(&mut self, sentence: String) {
        self.notice = Some(Notice::Startup(vec![sentence]));
    }

    /// Reacts to one message; returns what the edges must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => self.on_key(key),
            Msg::Snapshot(Ok(snapshot)) => {
                self.snapshot = Some(*snapshot);
                Vec::new()
            }
            Msg::Snapshot(Err(error)) => {
                self.notice = Some(Notice::Store(error));
                Vec::new()
            }
            Msg::CodeIssued { op_id, result } => {
                if let Screen::Code(code) = self.top_mut()
                    && code.check.op_id == op_id
                {
                    match result {
                        Ok(text) => code.code = Some(text),
                        Err(error) => self.notice = Some(Notice::Store(error)),
                    }
                }
                Vec::new()
            }
            Msg::Executed { op_id, result } => self.on_executed(op_id, result),
            Msg::Progress(Ok(progress)) => {
                self.progress = progress;
                Vec::new()
            }
            Msg::Progress(Err(error)) => {
                self.notice = Some(Notice::Store(error));
                Vec::new()
            }
            Msg::ReminderWritten(result) => {
                self.reminder_written(result);
                Vec::new()
            }
            Msg::Voice(msg) => self.on_voice(msg),
        }
    }

    fn on_key(&mut self, key: Key) -> Vec<Effect> {
        // A notice is about the last action, and so is what voice heard: the next key starts
        // afresh (keys that only change how the screen looks keep them).
        let had_notice = self.notice.take();
        let had_heard = self.heard.take();
        match key {
            Key::Char(' ') if self.voice_takes_space() => self.on_space(),
            Key::Quit => self.quit(),
            Key::Esc => {
                self.back();
                Vec::new()
            }
            Key::Help => {
                if !matches!(self.screen(), Screen::ScreenHelp { .. }) {
                    let of = screens::id(self.screen());
                    self.push(Screen::ScreenHelp { of });
                }
                Vec::new()
            }
            Key::Repeat => {
                (self.notice, self.heard) = (had_notice, had_heard);
                vec![Effect::RepeatScreen]
            }
            Key::Slower | Key::Faster => {
                self.notice = had_notice;
                let step = if key == Key::Slower {
                    RateStep::Slower
                } else {
                    RateStep::Faster
                };
                vec![Effect::SpeechRate(step)]
            }
            Key::Bigger => {
                (self.notice, self.heard) = (had_notice, had_heard);
                self.text_size = (self.text_size + 1).min(TEXT_SIZES - 1);
                Vec::new()
            }
            Key::Smaller => {
                (self.notice, self.heard) = (had_notice, had_heard);
                self.text_size = self.text_size.saturating_sub(1);
                Vec::new()
            }
            Key::ToggleStaff => {
                (self.notice, self.heard) = (had_notice, had_heard);
                self.show_staff = !self.show_staff;
                Vec::new()
            }
            _ if self.screen().has_field() => self.on_field_key(key),
            Key::Digit(0) if matches!(self.screen(), Screen::Home) => self.quit(),
            Key::Digit(n) => self.choose(usize::from(n)),
            Key::Number(0) if matches!(self.screen(), Screen::Home) => self.quit(),
            Key::Number(n) => self.choose(usize::try_from(n).unwrap_or(usize::MAX)),
            Key::Up => {
                self.focus = self.focus.saturating_sub(1);
                Vec::new()
            }
            Key::Down => {
                let count = self.actions().len();
                if self.focus + 1 < count {
                    self.focus += 1;
                }
                Vec::new()
            }
            Key::Enter => self.choose(self.focus + 1),
            Key::Char(_) | Key::Backspace => Vec::new(),
        }
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.quitting = true;
        vec![Effect::Quit]
    }

    /// The actions of the current screen, in the order of their numbers.
    pub fn actions(&self) -> Vec<Action> {
        screens::actions(self)
    }

    pub(super) fn choose(&mut self, number: usize) -> Vec<Effect> {
        let actions = self.actions();
        match number.checked_sub(1).and_then(|i| actions.get(i)) {
            Some(action) => self.perform(action.clone()),
            None => {
                if !actions.is_empty() {
                    self.notice = Some(Notice::NoSuchChoice { max: actions.len() });
                }
                Vec::new()
            }
        }
    }

    fn on_field_key(&mut self, key: Key) -> Vec<Effect> {
        let Some(text) = self.top_mut().field_text_mut() else {
            return Vec::new();
        };
        match key {
            Key::Digit(d) if text.chars().count() < FIELD_MAX => text.push(char::from(b'0' + d)),
            Key::Char(c) if text.chars().count() < FIELD_MAX && !c.is_control() => text.push(c),
            Key::Backspace => {
                text.pop();
            }
            Key::Enter => return self.submit_field(),
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn submit_field(&mut self) -> Vec<Effect> {
        match self.screen().clone() {
            Screen::PhoneEntry { draft, text } => match PhoneNumber::parse(&text) {
                Ok(phone) => self.phone_entered(draft, phone),
                Err(error) => {
                    self.notice = Some(Notice::Phone(error));
                    Vec::new()
                }
            },
            Screen::AmountEntry { draft, text } => match parse_amount(&text) {
                Ok(amount) => {
                    self.show_check(draft.with_amount(amount));
                    Vec::new()
                }
                Err(error) => {
                    self.notice = Some(Notice::Amount(error));
                    Vec::new()
                }
            },
            Screen::Code(code) => self.submit_code(code),
            _ => Vec::new(),
        }
    }

    fn phone_entered(&mut self, draft: Draft, phone: PhoneNumber) -> Vec<Effect> {
        let target = match draft.flow {
            Flow::TopUp => Target::TopUp(phone),
            _ => Target::Phone(phone),
        };
        // Sending to a number nobody at the bank has is refused here, before the amount.
        if let (Target::Phone(phone), Some(snapshot)) = (&target, &self.snapshot)
            && snapshot.directory_entry(phone).is_none()
        {
            self.notice = Some(Notice::Bank(BankError::UnknownPhone(*phone)));
            return Vec::new();
        }
        self.push(Screen::AmountEntry {
            draft: draft.with_target(target),
            text: String::new(),
        });
        Vec::new()
    }

    /// Quotes the draft and shows the check screen, or says why it cannot go ahead.
    fn show_check(&mut self, draft: Draft) {
        let (Some(snapshot), Some(operation)) = (&self.snapshot, draft.operation()) else {
            return;
        };
        match bank::rules::quote(snapshot, &operation) {
            Ok(quote) => {
                let op_id = OpId::new(format!("{}-{}", self.session, self.next_op));
                self.next_op += 1;
                let check = screens::Check {
                    draft,
                    operation,
                    quote,
                    op_id,
                };
                // A lesson's fraud drill interrupts here; outside drills, a risky transfer
                // gets a real warning first.
                let screen = self
                    .drill_before_check(&check)
                    .or_else(|| self.warning_before_check(&check))
                    .unwrap_or(Screen::Check(check));
                self.push(screen);
            }
            Err(error) => self.notice = Some(Notice::Bank(error)),
        }
    }

    fn submit_code(&mut self, code: screens::CodeStep) -> Vec<Effect> {
        if code.pending {
            return Vec::new();
        }
        let Some(expected) = &code.code else {
            self.notice = Some(Notice::CodeNotYetArrived);
            return Vec::new();
        };
        let typed: String = code.text.chars().filter(|c| !c.is_whitespace()).collect();
        if typed != *expected {
            let mut expired = false;
            if let Screen::Code(step) = self.top_mut() {
                step.text.clear();
                step.wrong += 1;
                if step.wrong >= screens::CODE_TRIES {
                    step.expired = true;
                    step.code = None;
                    expired = true;
                }
            }
            self.notice = Some(if expired {
                Notice::CodeExpired
            } else {
                Notice::WrongCode
            });
            return Vec::new();
        }
        if let Screen::Code(step) = self.top_mut() {
            step.pending = true;
        }
        vec![Effect::Execute {
            op_id: code.check.op_id.clone(),
            operation: code.check.operation.clone(),
        }]
    }

    fn on_executed(&mut self, op_id: OpId, result: Result<Receipt, BankError>) -> Vec<Effect> {
        let waiting = match self.screen() {
            Screen::Code(step) => step.check.op_id == op_id,
            Screen::BlockConfirm { op_id: id } => *id == op_id,
            _ => false,
        };
        if !waiting {
            // A late or repeated reply for an operation already shown as done.
            return Vec::new();
        }
        let mut effects = Vec::new();
        match result {
            Ok(receipt) => {
                effects.extend(self.lesson_goal_check(&receipt));
                let done = match receipt.operation {
                    Operation::BlockCard => Screen::BlockDone,
                    _ => Screen::Done(Box::new(receipt)),
                };
                // After money has moved there is no way back into the flow: home (or the
                // lesson that asked for it), then done.
                self.stack.truncate(self.base_len());
                self.stack.push(done);
                self.focus = 0;
            }
            Err(error) => {
                if let Screen::Code(step) = self.top_mut() {
                    step.pending = false;
                }
                self.notice = Some(Notice::Bank(error));
            }
        }
        effects.push(Effect::LoadSnapshot);
        effects
    }

    /// Carries out what a numbered choice stands for.
    pub(super) fn perform(&mut self, action: Action) -> Vec<Effect> {
        let card_blocked = self.snapshot.as_ref().is_some_and(|s| s.card_blocked);
        match action {
            Action::Home => self.home(),
            Action::Back => self.back(),
            Action::Quit => return self.quit(),
            Action::Open(screen) => match screen {
                Screen::SendWho | Screen::PayWhat if card_blocked => {
                    self.push(Screen::CardBlockedStop)
                }
                Screen::BlockConfirm { .. } if card_blocked => self.push(Screen::BlockAlready),
                Screen::BlockConfirm { .. } => {
                    let op_id = OpId::new(format!("{}-{}", self.session, self.next_op));
                    self.next_op += 1;
                    self.push(Screen::BlockConfirm { op_id });
                }
                other => {
                    // A finished operation is not a place to come back to.
                    if matches!(self.screen(), Screen::Done(_) | Screen::BlockDone) {
                        self.stack.pop();
                    }
                    let effects = self.lesson_place_check(&other);
                    self.push(other);
                    return effects;
                }
            },
            Action::Target(draft) => self.after_target(draft),
            Action::EnterPhone(draft) => self.push(Screen::PhoneEntry {
                draft,
                text: String::new(),
            }),
            Action::PayAmount(draft) => self.show_check(draft),
            Action::EnterAmount(draft) => self.push(Screen::AmountEntry {
                draft,
                text: String::new(),
            }),
            Action::Confirm => {
                if let Screen::Check(check) = self.screen().clone() {
                    if let Some(drill) = self.drill_at_code(&check) {
                        self.push(drill);
                        return Vec::new();
                    }
                    let op_id = check.op_id.clone();
                    self.push(Screen::Code(screens::CodeStep {
                        check,
                        code: None,
                        text: String::new(),
                        pending: false,
                        wrong: 0,
                        expired: false,
                    }));
                    return vec![Effect::IssueCode { op_id }];
                }
            }
            Action::NewCode => {
                // The old code is dead; the same operation gets a new id and a new code.
                let op_id = OpId::new(format!("{}-{}", self.session, self.next_op));
                self.next_op += 1;
                if let Screen::Code(step) = self.top_mut()
                    && step.expired
                {
                    step.check.op_id = op_id.clone();
                    step.expired = false;
                    step.wrong = 0;
                    step.code = None;
                    step.text.clear();
                    self.focus = 0;
                    return vec![Effect::IssueCode { op_id }];
                }
            }
            Action::ChangeAmount => {
                // Back to where the amount was chosen.
                self.back();
            }
            Action::BlockCard => {
                if let Screen::BlockConfirm { op_id } = self.screen() {
                    return vec![Effect::Execute {
                        op_id: op_id.clone(),
                        operation: Operation::BlockCard,
                    }];
                }
            }
            Action::HistoryPage(page) => {
                if let Screen::History { page: current } = self.top_mut() {
                    *current = page;
                    self.focus = 0;
                }
            }
            Action::Lesson(action) => return self.lesson_action(action),
        }
        Vec::new()
    }

    /// Step 1 chose a target: bills go to their amount choice, the rest to the amount field.
    fn after_target(&mut self, draft: Draft) {
        match (&draft.flow, &draft.target) {
            (Flow::Bill, Some(Target::Bill(_))) => self.push(Screen::BillAmount { draft }),
            _ => self.push(Screen::AmountEntry {
                draft,
                text: String::new(),
            }),
        }
    }

    pub(super) fn push(&mut self, screen: Screen) {
        self.stack.push(screen);
        self.focus = 0;
    }

    pub(super) fn back(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
        if let Screen::Code(step) = self.top_mut() {
            step.text.clear();
        }
        self.focus = 0;
    }

    /// Home, or inside a lesson the lesson's step: where "home" leads from an operation.
    pub(super) fn home(&mut self) {
        self.stack.truncate(self.base_len());
        self.focus = 0;
    }

    /// How much of the stack an operation returns to: the home screen, or up to the lesson
    /// that sent the client into the operation.
    pub(super) fn base_len(&self) -> usize {
        self.stack
            .iter()
            .rposition(|s| matches!(s, Screen::Lesson(_)))
            .map_or(1, |i| i + 1)
    }

    pub(super) fn top_mut(&mut self) -> &mut Screen {
        if self.stack.is_empty() {
            self.stack.push(Screen::Home);
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }
}
