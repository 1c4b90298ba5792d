//! What a spoken phrase means on the screen it was said on ([`Intent`]), or why it was turned
//! down ([`Rejection`]), and what the voice edge reports ([`VoiceMsg`]). The parser
//! (`voice::intent`) makes these; the kiosk acts on them through the same actions as keys, and
//! no meaning can confirm money or block the card: those stay key presses.

use crate::money::Money;
use std::fmt;

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
