//! Voice in the kiosk: acting on what a phrase means (`voice::meaning`), through the same
//! actions as keys; no meaning can confirm money or block the card: those stay key presses.
//!
//! Space starts listening ([`Effect::Listen`]) and, while listening, stops it; what was heard
//! arrives as [`Msg::Voice`], is shown big («Я услышал: …») and, if it means something here, is
//! carried out: a command like its key, a choice like its digit, a request («перевести пятьсот
//! рублей дочери») step by step through the same screens, stopping at the check screen.

use super::flow::Target;
use super::lesson_state::LessonAction;
use super::messages::{Effect, Msg};
use super::question::{Question, VoiceAnswer};
use super::screen::{Action, Screen};
use super::state::{App, Notice, VoiceNotice, VoiceState};
use crate::input::{Key, RateStep};
use crate::journal::InputMode;
use crate::lessons::StepKind;
use crate::money::Money;
use crate::voice::meaning::{Heard, Intent, Rejection, TransferTo, VoiceCommand, VoiceMsg};

impl App {
    /// Whether Space is for voice (otherwise it types a space into a field).
    pub(super) fn voice_takes_space(&self) -> bool {
        !matches!(self.voice, VoiceState::Off(None))
    }

    /// Space: start listening, stop, or say why not.
    pub(super) fn on_space(&mut self) -> Vec<Effect> {
        match &self.voice {
            VoiceState::Ready => {
                self.voice = VoiceState::Listening;
                vec![Effect::Listen]
            }
            VoiceState::Listening => vec![Effect::StopListening],
            VoiceState::Loading => {
                self.notice = Some(Notice::Voice(VoiceNotice::Loading));
                Vec::new()
            }
            VoiceState::Off(Some(reason)) => {
                self.notice = Some(Notice::Voice(VoiceNotice::Off(reason.clone())));
                Vec::new()
            }
            VoiceState::Off(None) => Vec::new(),
        }
    }

    pub(super) fn on_voice(&mut self, msg: VoiceMsg) -> Vec<Effect> {
        match msg {
            VoiceMsg::Ready => {
                if self.voice == VoiceState::Loading {
                    self.voice = VoiceState::Ready;
                }
                Vec::new()
            }
            VoiceMsg::Unavailable { reason, announce } => {
                // A client who pressed Space while voice was loading is waiting for it: tell
                // them it will not come, instead of leaving «press Space again» on screen.
                let waiting = matches!(self.notice, Some(Notice::Voice(VoiceNotice::Loading)));
                if announce || waiting {
                    self.notice = Some(Notice::Voice(VoiceNotice::Off(reason.clone())));
                }
                self.voice = VoiceState::Off(Some(reason));
                Vec::new()
            }
            VoiceMsg::Failed(reason) => {
                self.notice = Some(Notice::Voice(VoiceNotice::Off(reason.clone())));
                self.voice = VoiceState::Off(Some(reason));
                Vec::new()
            }
            VoiceMsg::Heard(heard) => {
                if self.voice == VoiceState::Listening {
                    self.voice = VoiceState::Ready;
                }
                match heard {
                    None => {
                        self.notice = Some(Notice::Voice(VoiceNotice::Nothing));
                        Vec::new()
                    }
                    Some(heard) => self.on_heard(heard),
                }
            }
        }
    }

    fn on_heard(&mut self, heard: Heard) -> Vec<Effect> {
        self.notice = None;
        let recorded = self.voice_heard(&heard);
        self.heard = Some(heard.text);
        if heard.screen != self.screen().id() {
            self.notice = Some(Notice::Voice(VoiceNotice::Stale));
            return vec![recorded];
        }
        let mut effects = vec![recorded];
        match heard.meaning {
            Ok(intent) => effects.extend(self.act_on(intent)),
            Err(rejection) => self.reject(rejection),
        }
        effects
    }

    fn reject(&mut self, rejection: Rejection) {
        let phrase = self
            .lesson_run()
            .and_then(|run| match run.step().map(|s| &s.kind) {
                Some(StepKind::Say { phrase }) => Some(phrase.clone()),
                _ => None,
            });
        self.notice = Some(Notice::Voice(VoiceNotice::Rejected {
            rejection,
            choices: self.actions().len(),
            phrase,
        }));
    }

    /// Carries out a meaning through the same actions as keys. Nothing here confirms money or
    /// blocks the card: those choices are refused, and the code is never typed by voice.
    fn act_on(&mut self, intent: Intent) -> Vec<Effect> {
        match intent {
            Intent::Command(command) => self.voice_command(command),
            Intent::Choose(n) => self.voice_choose(usize::from(n)),
            Intent::Transfer { to, amount } => {
                let mut effects =
                    self.perform_first(|a| matches!(a, Action::Open(Screen::SendWho)));
                if matches!(self.screen(), Screen::SendWho) {
                    effects.extend(match &to {
                        Some(TransferTo::Payee(key)) => self.perform_first(|a| {
                            matches!(a, Action::Target(d)
                                if d.target == Some(Target::Payee(key.clone())))
                        }),
                        Some(TransferTo::ByPhone) => {
                            self.perform_first(|a| matches!(a, Action::EnterPhone(_)))
                        }
                        None => Vec::new(),
                    });
                }
                effects.extend(self.fill_amount(amount));
                effects
            }
            Intent::PayBill { bill, amount } => {
                let mut effects =
                    self.perform_first(|a| matches!(a, Action::Open(Screen::PayWhat)));
                effects.extend(self.perform_first(|a| {
                    matches!(a, Action::Target(d) if d.target == Some(Target::Bill(bill.clone())))
                }));
                if amount.is_some() {
                    effects.extend(self.perform_first(|a| matches!(a, Action::EnterAmount(_))));
                    effects.extend(self.fill_amount(amount));
                }
                effects
            }
            Intent::TopUp { own, amount } => {
                let mut effects =
                    self.perform_first(|a| matches!(a, Action::Open(Screen::PayWhat)));
                effects
                    .extend(self.perform_first(|a| matches!(a, Action::Open(Screen::TopUpWhose))));
                if matches!(self.screen(), Screen::TopUpWhose) {
                    effects.extend(match own {
                        Some(true) => self.perform_first(|a| {
                            matches!(a, Action::Target(d) if matches!(d.target, Some(Target::TopUp(_))))
                        }),
                        Some(false) => self.perform_first(|a| matches!(a, Action::EnterPhone(_))),
                        None => Vec::new(),
                    });
                }
                effects.extend(self.fill_amount(amount));
                effects
            }
            Intent::Block => {
                let mut effects = self.perform_first(|a| matches!(a, Action::Open(Screen::Help)));
                effects.extend(
                    self.perform_first(|a| matches!(a, Action::Open(Screen::BlockConfirm { .. }))),
                );
                effects
            }
            Intent::Amount(amount) => {
                // «Другая сумма» or «Изменить сумму» first, when this is not the amount screen.
                let mut effects = Vec::new();
                if !matches!(self.screen(), Screen::AmountEntry { .. }) {
                    effects.extend(self.perform_first(|a| {
                        matches!(a, Action::EnterAmount(_) | Action::ChangeAmount)
                    }));
                }
                effects.extend(self.fill_amount(Some(amount)));
                effects
            }
            Intent::Phone(digits) => {
                if let Screen::PhoneEntry { text, .. } = self.top_mut() {
                    *text = digits;
                    return self.submit_field();
                }
                Vec::new()
            }
            Intent::Either(readings) => self.ask(Question::WhichAmount { readings }),
            // Money has its own check screen and needs a key there: no second question.
            Intent::DidYouSay(intent) if intent.is_money() => self.act_on(*intent),
            Intent::DidYouSay(intent) => {
                let heard = self.heard.clone().unwrap_or_default();
                self.ask(Question::DidYouSay {
                    heard,
                    intent: *intent,
                })
            }
            Intent::Said => {
                let on_say_step = self.lesson_run().is_some_and(|run| {
                    matches!(run.step().map(|s| &s.kind), Some(StepKind::Say { .. }))
                }) && matches!(self.screen(), Screen::Lesson(_));
                if !on_say_step {
                    return Vec::new();
                }
                let effects = self.perform(Action::Lesson(LessonAction::Next));
                self.notice = Some(Notice::Voice(VoiceNotice::SaidRight));
                effects
            }
        }
    }

    fn voice_command(&mut self, command: VoiceCommand) -> Vec<Effect> {
        match command {
            VoiceCommand::Back => self.go_back(),
            // As «На главную»: a money action abandoned says nothing moved.
            VoiceCommand::Home | VoiceCommand::Cancel => self.perform(Action::Home),
            VoiceCommand::Help => {
                let heard = self.heard.take();
                let effects = self.update(Msg::Key(Key::Help));
                self.heard = heard;
                effects
            }
            VoiceCommand::Repeat => vec![self.adjusted("repeat"), Effect::RepeatScreen],
            VoiceCommand::Slower => {
                self.notice = Some(Notice::Voice(VoiceNotice::Slower));
                vec![
                    self.adjusted("slower"),
                    Effect::SpeechRate(RateStep::Slower),
                ]
            }
            VoiceCommand::Faster => {
                self.notice = Some(Notice::Voice(VoiceNotice::Faster));
                vec![
                    self.adjusted("faster"),
                    Effect::SpeechRate(RateStep::Faster),
                ]
            }
        }
    }

    /// A numbered choice, unless it confirms money or blocks the card.
    fn voice_choose(&mut self, number: usize) -> Vec<Effect> {
        let actions = self.actions();
        match number.checked_sub(1).and_then(|i| actions.get(i)) {
            Some(action) if key_only(action) => {
                self.reject(Rejection::KeyOnly);
                Vec::new()
            }
            Some(_) => self.choose(number, InputMode::Voice),
            None => {
                self.reject(Rejection::NoSuchChoice(number as u64));
                Vec::new()
            }
        }
    }

    /// Performs the first of the screen's choices that matches, if any (never a key-only one):
    /// how a request walks through the screens (home → «Перевести деньги» → «Ольга»).
    /// Each screen it walks through is recorded in the journey, as if chosen by voice.
    fn perform_first(&mut self, pick: impl Fn(&Action) -> bool) -> Vec<Effect> {
        let actions = self.actions();
        let Some(index) = actions.iter().position(|a| pick(a) && !key_only(a)) else {
            return Vec::new();
        };
        let mut effects = vec![self.choice_taken(index + 1, InputMode::Voice)];
        effects.extend(self.perform(actions[index].clone()));
        self.note_screen(&mut effects);
        effects
    }

    /// Types the amount into the amount field and submits it, as keys would: the check screen
    /// follows, or the field's own error.
    fn fill_amount(&mut self, amount: Option<Money>) -> Vec<Effect> {
        let Some(amount) = amount else {
            return Vec::new();
        };
        if let Screen::AmountEntry { text, .. } = self.top_mut() {
            *text = if amount.kopecks_part() == 0 {
                amount.rubles_part().to_string()
            } else {
                format!("{},{:02}", amount.rubles_part(), amount.kopecks_part())
            };
            return self.submit_field();
        }
        Vec::new()
    }
}

impl App {
    /// Asks before acting: shows the question on top of this screen.
    fn ask(&mut self, question: Question) -> Vec<Effect> {
        self.push(Screen::VoiceQuestion(Box::new(question)));
        Vec::new()
    }

    /// The client answered a question: back to the screen it was asked on, then the reading
    /// chosen, as if it had been heard there.
    pub(super) fn voice_answer(&mut self, answer: VoiceAnswer) -> Vec<Effect> {
        if !matches!(self.screen(), Screen::VoiceQuestion(_)) {
            return Vec::new();
        }
        self.back();
        match answer {
            VoiceAnswer::Take(intent) => self.act_on(intent),
            VoiceAnswer::NotThat => {
                self.notice = Some(Notice::Voice(VoiceNotice::SayAgain));
                Vec::new()
            }
        }
    }
}

/// Choices that only a key press may take: confirming money and blocking the card.
fn key_only(action: &Action) -> bool {
    matches!(action, Action::Confirm | Action::BlockCard)
}
