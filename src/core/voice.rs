//! Voice input as the core sees it: what a recognised phrase means on the screen it was said
//! on ([`Intent`]), or why it was turned down ([`Rejection`]). The words themselves are parsed
//! at the edge (`src/voice`); the core acts only on meanings, through the same actions as keys,
//! and no meaning can confirm money or block the card: those stay key presses.
//!
//! Space starts listening ([`Effect::Listen`]) and, while listening, stops it; what was heard
//! arrives as [`Msg::Voice`], is shown big («Я услышал: …») and, if it means something here, is
//! carried out: a command like its key, a choice like its digit, a request («перевести пятьсот
//! рублей дочери») step by step through the same screens, stopping at the check screen.

use super::app::{App, Notice};
use super::flow::Target;
use super::input::{Effect, Key, Msg, RateStep};
use super::lessons::LessonAction;
use super::screens::{self, Action, Screen};
use crate::lessons::StepKind;
use crate::money::Money;
use std::fmt;

mod question;
pub use question::{Question, VoiceAnswer, amount_of};

/// The commands that work on every screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VoiceCommand {
    /// «назад»: like Esc.
    Back,
    /// «домой», «на главную».
    Home,
    /// «помощь»: like `?`.
    Help,
    /// «повтори»: say the screen again.
    Repeat,
    /// «медленнее»: speak more slowly.
    Slower,
    /// «быстрее»: speak faster.
    Faster,
    /// «отмена»: leave the operation (home, or back to the lesson).
    Cancel,
}

impl VoiceCommand {
    pub const ALL: [VoiceCommand; 7] = [
        VoiceCommand::Back,
        VoiceCommand::Home,
        VoiceCommand::Help,
        VoiceCommand::Repeat,
        VoiceCommand::Slower,
        VoiceCommand::Faster,
        VoiceCommand::Cancel,
    ];

    pub fn code(self) -> &'static str {
        match self {
            VoiceCommand::Back => "back",
            VoiceCommand::Home => "home",
            VoiceCommand::Help => "help",
            VoiceCommand::Repeat => "repeat",
            VoiceCommand::Slower => "slower",
            VoiceCommand::Faster => "faster",
            VoiceCommand::Cancel => "cancel",
        }
    }
}

/// To whom a transfer said by voice goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransferTo {
    /// A saved person, by the bank's key for them (`daughter`).
    Payee(String),
    /// «по номеру телефона»: the phone-number screen.
    ByPhone,
}

/// What a phrase means on the screen it was said on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intent {
    Command(VoiceCommand),
    /// The screen's choice with this number, said by number («два», «второй») or by name.
    Choose(u8),
    /// Send money, filling in what was said: «перевести пятьсот рублей дочери».
    Transfer {
        to: Option<TransferTo>,
        amount: Option<Money>,
    },
    /// Pay a bill (by the bank's key for it): «оплатить свет».
    PayBill {
        bill: String,
        amount: Option<Money>,
    },
    /// Top up a phone: the client's own (`Some(true)`), another (`Some(false)`) or not said
    /// yet: «пополнить мой телефон на сто рублей».
    TopUp {
        own: Option<bool>,
        amount: Option<Money>,
    },
    /// Open the card-blocking question, from wherever it can be reached.
    Block,
    /// An amount: for the amount field, or on a screen that offers «Другая сумма» or
    /// «Изменить сумму», through that choice.
    Amount(Money),
    /// A phone number for the phone field, as the digits heard (a leading `+` if said).
    Phone(String),
    /// The phrase a lesson's say-it step asked for.
    Said,
    /// An amount heard two ways ("twelve fifty": 12,50 ₽ or 1 250 ₽): the screen asks which,
    /// as numbered choices, before anything is filled in. The smaller first.
    Either(Vec<Intent>),
    /// What was heard, but the recogniser was unsure of the words that decide it: the screen
    /// asks «Вы сказали «…»?» first. Never for money, which has its own check screen.
    DidYouSay(Box<Intent>),
}

impl Intent {
    /// Whether carrying it out fills in or moves towards moving money (a transfer, a bill, a
    /// top-up, an amount, a phone number): those are checked on the check screen, by a key.
    pub fn is_money(&self) -> bool {
        match self {
            Intent::Transfer { .. }
            | Intent::PayBill { .. }
            | Intent::TopUp { .. }
            | Intent::Amount(_)
            | Intent::Phone(_) => true,
            Intent::Either(readings) => readings.iter().any(Intent::is_money),
            Intent::DidYouSay(inner) => inner.is_money(),
            Intent::Command(_) | Intent::Choose(_) | Intent::Block | Intent::Said => false,
        }
    }
}

/// Why a phrase does nothing. Each becomes a sentence in `locales/*/voice.ftl`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// Nothing in it means anything here.
    NotUnderstood,
    /// A meaning this screen has no choice for.
    NotOnThisScreen,
    /// A number with no choice behind it.
    NoSuchChoice(u64),
    /// Confirming money or blocking the card: only a key press does that.
    KeyOnly,
    /// The confirmation code is typed, never said aloud.
    CodeByKeys,
    /// Number words that do not make an amount.
    BadAmount,
    AmountZero,
    AmountTooBig,
    /// Two meanings at once («назад домой»).
    Ambiguous,
    /// A transfer with an amount but nobody to send it to.
    NeedPayee,
    /// An amount for a phone number not given yet: the number comes first.
    PhoneFirst,
    /// On a say-it step, something other than the phrase.
    NotThePhrase,
}

impl Rejection {
    /// One of each kind, for tests that check every kind has its sentence.
    pub fn all() -> Vec<Rejection> {
        vec![
            Rejection::NotUnderstood,
            Rejection::NotOnThisScreen,
            Rejection::NoSuchChoice(0),
            Rejection::KeyOnly,
            Rejection::CodeByKeys,
            Rejection::BadAmount,
            Rejection::AmountZero,
            Rejection::AmountTooBig,
            Rejection::Ambiguous,
            Rejection::NeedPayee,
            Rejection::PhoneFirst,
            Rejection::NotThePhrase,
        ]
    }

    pub fn code(&self) -> &'static str {
        match self {
            Rejection::NotUnderstood => "not-understood",
            Rejection::NotOnThisScreen => "not-on-this-screen",
            Rejection::NoSuchChoice(_) => "no-such-choice",
            Rejection::KeyOnly => "key-only",
            Rejection::CodeByKeys => "code-by-keys",
            Rejection::BadAmount => "bad-amount",
            Rejection::AmountZero => "amount-zero",
            Rejection::AmountTooBig => "amount-too-big",
            Rejection::Ambiguous => "ambiguous",
            Rejection::NeedPayee => "need-payee",
            Rejection::PhoneFirst => "phone-first",
            Rejection::NotThePhrase => "not-the-phrase",
        }
    }
}

/// A phrase's meaning, or why it has none.
pub type Meaning = Result<Intent, Rejection>;

/// What the recogniser heard, and what it means on the screen it was heard on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heard {
    /// The id of the screen whose grammar and choices the phrase was understood against; a
    /// phrase that arrives after the screen changed is not acted on.
    pub screen: &'static str,
    /// The words, as recognised.
    pub text: String,
    pub meaning: Meaning,
}

/// Whether voice input can be used now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceState {
    /// Voice is not in use: off by choice (`None`), or a sentence saying why it cannot be.
    Off(Option<String>),
    /// The model is loading; Space will work in a moment.
    Loading,
    Ready,
    /// Listening to the client now.
    Listening,
}

/// Amounts in the compact form tables and JSON use: `500.00`.
pub fn amount_text(amount: Money) -> String {
    format!("{}.{:02}", amount.rubles_part(), amount.kopecks_part())
}

/// A compact, stable description: `transfer daughter 500.00`, `reject key-only`. Used by the
/// phrase tables in tests and by `opora voice parse`.
pub struct Describe<'a>(pub &'a Meaning);

impl fmt::Display for Describe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = |a: &Option<Money>| a.map_or_else(|| "-".to_string(), amount_text);
        match self.0 {
            Ok(Intent::Command(c)) => write!(f, "command {}", c.code()),
            Ok(Intent::Choose(n)) => write!(f, "choose {n}"),
            Ok(Intent::Transfer { to, amount: a }) => {
                let to = match to {
                    Some(TransferTo::Payee(key)) => key.as_str(),
                    Some(TransferTo::ByPhone) => "by-phone",
                    None => "-",
                };
                write!(f, "transfer {to} {}", amount(a))
            }
            Ok(Intent::PayBill { bill, amount: a }) => write!(f, "pay {bill} {}", amount(a)),
            Ok(Intent::TopUp { own, amount: a }) => {
                let whose = match own {
                    Some(true) => "own",
                    Some(false) => "other",
                    None => "-",
                };
                write!(f, "topup {whose} {}", amount(a))
            }
            Ok(Intent::Block) => write!(f, "block"),
            Ok(Intent::Amount(a)) => write!(f, "amount {}", amount_text(*a)),
            Ok(Intent::Phone(digits)) => write!(f, "phone {digits}"),
            Ok(Intent::Said) => write!(f, "said"),
            Ok(Intent::Either(readings)) => {
                let readings: Vec<String> = readings
                    .iter()
                    .map(|r| Describe(&Ok(r.clone())).to_string())
                    .collect();
                write!(f, "either {}", readings.join(" | "))
            }
            Ok(Intent::DidYouSay(inner)) => {
                write!(f, "did-you-say {}", Describe(&Ok((**inner).clone())))
            }
            Err(Rejection::NoSuchChoice(n)) => write!(f, "reject no-such-choice {n}"),
            Err(r) => write!(f, "reject {}", r.code()),
        }
    }
}

/// What the voice edge tells the core.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceMsg {
    /// The model is loaded: Space works.
    Ready,
    /// Voice cannot be used, and this sentence says why; `announce` shows it at once.
    Unavailable { reason: String, announce: bool },
    /// One utterance: what was heard, or nothing.
    Heard(Option<Heard>),
    /// Listening failed (the microphone went away): voice is off, for this reason.
    Failed(String),
}

/// What the notice line says about voice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceNotice {
    /// A phrase turned down; the screen had `choices` choices; on a say-it step, the message id
    /// of the phrase asked for.
    Rejected {
        rejection: Rejection,
        choices: usize,
        phrase: Option<String>,
    },
    /// Only silence.
    Nothing,
    /// Space before the model has loaded.
    Loading,
    /// Voice is off, for this reason (already a sentence).
    Off(String),
    /// The screen changed while the phrase was being said.
    Stale,
    /// A say-it step's phrase, said right.
    SaidRight,
    /// «Нет» to «Вы сказали …?»: say it again.
    SayAgain,
    Slower,
    Faster,
}

impl App {
    pub fn voice_state(&self) -> &VoiceState {
        &self.voice
    }

    /// What voice last heard, while it is shown.
    pub fn heard(&self) -> Option<&str> {
        self.heard.as_deref()
    }

    /// Tells the core whether voice can be used: `Loading` when the edge is loading the model,
    /// `Off(Some(reason))` when it cannot be. Off by default.
    pub fn set_voice(&mut self, state: VoiceState) {
        self.voice = state;
    }

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
                if announce {
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
        self.heard = Some(heard.text);
        if heard.screen != screens::id(self.screen()) {
            self.notice = Some(Notice::Voice(VoiceNotice::Stale));
            return Vec::new();
        }
        match heard.meaning {
            Ok(intent) => self.act_on(intent),
            Err(rejection) => {
                self.reject(rejection);
                Vec::new()
            }
        }
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
            VoiceCommand::Back => {
                self.back();
                Vec::new()
            }
            VoiceCommand::Home | VoiceCommand::Cancel => {
                self.home();
                Vec::new()
            }
            VoiceCommand::Help => {
                let heard = self.heard.take();
                let effects = self.update(Msg::Key(Key::Help));
                self.heard = heard;
                effects
            }
            VoiceCommand::Repeat => vec![Effect::RepeatScreen],
            VoiceCommand::Slower => {
                self.notice = Some(Notice::Voice(VoiceNotice::Slower));
                vec![Effect::SpeechRate(RateStep::Slower)]
            }
            VoiceCommand::Faster => {
                self.notice = Some(Notice::Voice(VoiceNotice::Faster));
                vec![Effect::SpeechRate(RateStep::Faster)]
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
            Some(_) => self.choose(number),
            None => {
                self.reject(Rejection::NoSuchChoice(number as u64));
                Vec::new()
            }
        }
    }

    /// Performs the first of the screen's choices that matches, if any (never a key-only one):
    /// how a request walks through the screens (home → «Перевести деньги» → «Ольга»).
    fn perform_first(&mut self, pick: impl Fn(&Action) -> bool) -> Vec<Effect> {
        match self.actions().into_iter().find(|a| pick(a) && !key_only(a)) {
            Some(action) => self.perform(action),
            None => Vec::new(),
        }
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

/// Choices that only a key press may take: confirming money and blocking the card.
fn key_only(action: &Action) -> bool {
    matches!(action, Action::Confirm | Action::BlockCard)
}
