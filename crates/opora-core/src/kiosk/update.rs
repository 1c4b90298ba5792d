//! How the kiosk changes: a key, or an answer from the practice bank, moves it from screen to
//! screen and asks the edges for work ([`Effect`]). It does no I/O; the faces and the tests
//! drive it the same way. Lessons (`lesson_play`) and voice (`heard`) add their own steps.

use super::family;
use super::flow::{CODE_TRIES, Check, CodeStep, Draft, Flow, Target};
use super::messages::{Effect, Msg};
use super::screen::{Action, Screen};
use super::state::{App, FIELD_MAX, Notice, TEXT_SIZES, VoiceNotice};
use crate::bank::{self, BankError, OpId, Operation, Receipt};
use crate::input::{Key, RateStep};
use crate::journal::InputMode;
use crate::money::parse_amount;
use crate::phone::PhoneNumber;

impl App {
    /// Reacts to one message; returns what the edges must do, with the steps of the client's
    /// journey for the journal (a new screen is recorded once it is shown).
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = Vec::new();
        for effect in self.handle(msg) {
            // A lesson event goes to the progress store and, as a journey step, to the journal.
            let journey = match &effect {
                Effect::Lesson(event) => {
                    Some(Effect::Record(super::journey::lesson_payload(event)))
                }
                _ => None,
            };
            effects.push(effect);
            effects.extend(journey);
        }
        effects.extend(self.end_practice_block());
        self.note_screen(&mut effects);
        effects
    }

    /// Records the screen now shown, if it was not the last one recorded.
    pub(super) fn note_screen(&mut self, effects: &mut Vec<Effect>) {
        if self.snapshot.is_some() && self.recorded_place != Some(self.journey_place()) {
            self.recorded_place = Some(self.journey_place());
            effects.extend(self.entered());
        }
    }

    fn handle(&mut self, msg: Msg) -> Vec<Effect> {
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
            Msg::FileOpened { path, opened } => {
                if !opened {
                    self.notice = Some(Notice::NotOpened(path));
                }
                Vec::new()
            }
            Msg::Voice(msg) => self.on_voice(msg),
            Msg::JournalFailed(error) => {
                self.notice = Some(Notice::Journal(error));
                Vec::new()
            }
        }
    }

    fn on_key(&mut self, key: Key) -> Vec<Effect> {
        // A notice is about the last action, and so is what voice heard: the next key starts
        // afresh (keys that only change how the screen looks keep them).
        let had_notice = self.notice.take();
        let had_heard = self.heard.take();
        match key {
            Key::Char(' ') if self.voice_takes_space() => self.on_space(),
            // Space where voice is off by choice: say so rather than do nothing.
            Key::Char(' ') if !self.screen().has_field() => {
                self.notice = Some(Notice::Voice(VoiceNotice::OffByChoice));
                Vec::new()
            }
            Key::Quit => self.quit(),
            Key::Esc => self.go_back(),
            Key::Help => self.open_screen_help(),
            Key::Repeat => {
                (self.notice, self.heard) = (had_notice, had_heard);
                vec![self.adjusted("repeat"), Effect::RepeatScreen]
            }
            Key::Slower | Key::Faster => {
                self.notice = had_notice;
                let (step, what) = if key == Key::Slower {
                    (RateStep::Slower, "slower")
                } else {
                    (RateStep::Faster, "faster")
                };
                vec![self.adjusted(what), Effect::SpeechRate(step)]
            }
            Key::Bigger => {
                (self.notice, self.heard) = (had_notice, had_heard);
                self.text_size = (self.text_size + 1).min(TEXT_SIZES - 1);
                self.say_text_size();
                vec![self.adjusted("bigger")]
            }
            Key::Smaller => {
                (self.notice, self.heard) = (had_notice, had_heard);
                self.text_size = self.text_size.saturating_sub(1);
                self.say_text_size();
                vec![self.adjusted("smaller")]
            }
            Key::ToggleStaff => {
                (self.notice, self.heard) = (had_notice, had_heard);
                self.show_staff = !self.show_staff;
                Vec::new()
            }
            // The staff menu (an assisted session keeps this key for its own menu).
            Key::Staff => self.staff_key(),
            _ if self.screen().has_field() => self.on_field_key(key),
            Key::Digit(0) | Key::Number(0)
                if matches!(self.screen(), Screen::Home) && self.can_quit =>
            {
                self.ask_to_quit()
            }
            Key::Digit(n) => self.choose(usize::from(n), InputMode::Key),
            Key::Number(n) => self.choose(usize::try_from(n).unwrap_or(usize::MAX), InputMode::Key),
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
            Key::Enter => self.choose(self.focus + 1, InputMode::Arrows),
            Key::Char(_) | Key::Backspace => Vec::new(),
        }
    }

    fn quit(&mut self) -> Vec<Effect> {
        self.quitting = true;
        vec![Effect::Quit]
    }

    /// `0` on home asks first, with «Нет» highlighted: Enter or a stray key stays.
    fn ask_to_quit(&mut self) -> Vec<Effect> {
        self.push(Screen::QuitConfirm);
        self.focus = 1;
        Vec::new()
    }

    /// The actions of the current screen, in the order of their numbers.
    pub fn actions(&self) -> Vec<Action> {
        family::choices(self)
            .into_iter()
            .map(|offer| offer.action)
            .collect()
    }

    /// Esc, «назад»: back one screen.
    pub(super) fn go_back(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.stack.len() > 1 {
            effects.push(self.went_back(false));
        }
        self.back();
        effects
    }

    /// `?`, «помощь»: what this screen is for and which keys work here.
    pub(super) fn open_screen_help(&mut self) -> Vec<Effect> {
        if matches!(self.screen(), Screen::ScreenHelp { .. }) {
            return Vec::new();
        }
        let effects = vec![self.help_opened()];
        let of = self.screen().id();
        self.push(Screen::ScreenHelp { of });
        effects
    }

    /// Takes the choice with this number, however it was chosen.
    pub(super) fn choose(&mut self, number: usize, by: InputMode) -> Vec<Effect> {
        let actions = self.actions();
        match number.checked_sub(1).and_then(|i| actions.get(i)) {
            Some(action) => {
                let mut effects = vec![self.choice_taken(number, by)];
                effects.extend(self.perform(action.clone()));
                effects
            }
            None => {
                if !actions.is_empty() {
                    self.notice = Some(Notice::NoSuchChoice { max: actions.len() });
                }
                Vec::new()
            }
        }
    }

    fn on_field_key(&mut self, key: Key) -> Vec<Effect> {
        if matches!(self.screen(), Screen::Code(_)) {
            return self.on_code_key(key);
        }
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
                    vec![self.refused("phone", error.code())]
                }
            },
            Screen::AmountEntry { draft, text } => match parse_amount(&text) {
                Ok(amount) => self.show_check(draft.with_amount(amount)),
                Err(error) => {
                    self.notice = Some(Notice::Amount(error));
                    vec![self.refused("amount", error.code())]
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
        // Sending to one's own number is refused here, before the amount (any other mobile
        // number is a practice payee, at this bank or another).
        if let (Target::Phone(phone), Some(snapshot)) = (&target, &self.snapshot)
            && *phone == snapshot.own_phone
        {
            let error = BankError::OwnPhone;
            let refused = self.refused("phone", error.code());
            self.notice = Some(Notice::Bank(error));
            return vec![refused];
        }
        self.push(Screen::AmountEntry {
            draft: draft.with_target(target),
            text: String::new(),
        });
        Vec::new()
    }

    /// Quotes the draft and shows the check screen, or says why it cannot go ahead.
    fn show_check(&mut self, draft: Draft) -> Vec<Effect> {
        let (Some(snapshot), Some(operation)) = (&self.snapshot, draft.operation()) else {
            return Vec::new();
        };
        match bank::rules::quote(snapshot, &operation) {
            Ok(quote) => {
                let op_id = OpId::new(format!("{}-{}", self.session, self.next_op));
                self.next_op += 1;
                let check = Check {
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
                Vec::new()
            }
            Err(error) => {
                let refused = self.refused("amount", error.code());
                self.notice = Some(Notice::Bank(error));
                vec![refused]
            }
        }
    }

    fn submit_code(&mut self, code: CodeStep) -> Vec<Effect> {
        if code.pending {
            return Vec::new();
        }
        let Some(expected) = &code.code else {
            self.notice = Some(Notice::CodeNotYetArrived);
            return vec![self.refused("code", "not-arrived")];
        };
        let typed: String = code.text.chars().filter(|c| !c.is_whitespace()).collect();
        // Too few digits is a slip of the fingers, not a wrong code: no try is used up.
        if typed.chars().count() != super::flow::CODE_DIGITS {
            self.notice = Some(Notice::CodeDigits);
            return vec![self.refused("code", "not-four-digits")];
        }
        if typed != *expected {
            let mut expired = false;
            if let Screen::Code(step) = self.top_mut() {
                step.text.clear();
                step.wrong += 1;
                if step.wrong >= CODE_TRIES {
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
            let reason = if expired {
                "code-expired"
            } else {
                "wrong-code"
            };
            return vec![self.refused("code", reason)];
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
                if !receipt.already_done {
                    effects.push(super::journey::operation_completed(&receipt));
                }
                let in_lesson = self.lesson_run().is_some();
                self.note_block(receipt.operation == Operation::BlockCard && in_lesson);
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
            Action::Home => {
                // Home from inside a money action abandons it, and says nothing moved.
                let cancel = self.in_flow().then(|| self.went_back(true));
                let flow = super::journey::place(self.screen()).0;
                self.home();
                self.say_cancelled(flow);
                return cancel.into_iter().collect();
            }
            Action::Back => return self.go_back(),
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
                    let mut effects = self.lesson_place_check(&other);
                    // Asking for staff is asking for help.
                    if matches!(other, Screen::CallStaff) {
                        effects.push(self.help_opened());
                    }
                    self.push(other);
                    return effects;
                }
            },
            Action::Target(draft) => self.after_target(draft),
            Action::EnterPhone(draft) => self.push(Screen::PhoneEntry {
                draft,
                text: String::new(),
            }),
            Action::PayAmount(draft) => return self.show_check(draft),
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
                    self.push(Screen::Code(CodeStep {
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
            // Back to where the amount was chosen.
            Action::ChangeAmount => return self.go_back(),
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
            Action::BlockCard => {
                if let Screen::BlockConfirm { op_id } = self.screen() {
                    return vec![Effect::Execute {
                        op_id: op_id.clone(),
                        operation: Operation::BlockCard,
                    }];
                }
            }
            Action::UnblockCard => return self.staff_unblock(),
            Action::HistoryPage(page) => {
                if let Screen::History { page: current } = self.top_mut() {
                    *current = page;
                    self.focus = 0;
                }
            }
            Action::Lesson(action) => return self.lesson_action(action),
            Action::Voice(answer) => return self.voice_answer(answer),
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
