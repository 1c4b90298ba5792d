//! Questions voice asks before acting: which of two amounts was meant («Вы сказали 12 рублей
//! 50 копеек или 1 250 рублей?») and, when the recogniser was unsure, whether it heard right
//! («Вы сказали «баланс»?», 1 — да, 2 — нет). Each is a screen of numbered choices on top of
//! the screen the phrase was said on; an answer takes it away and carries out the reading
//! chosen there, through the same actions as keys (`heard.rs`).

use crate::money::Money;
use crate::voice::meaning::Intent;

/// What voice asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Two readings of an amount, the smaller first.
    WhichAmount { readings: Vec<Intent> },
    /// Whether the words heard were these.
    DidYouSay { heard: String, intent: Intent },
}

/// The ids of the question screens (help texts are `help-<id>`).
pub const VOICE_IDS: &[&str] = &["voice-which-amount", "voice-did-you-say"];

impl Question {
    pub fn id(&self) -> &'static str {
        match self {
            Question::WhichAmount { .. } => VOICE_IDS[0],
            Question::DidYouSay { .. } => VOICE_IDS[1],
        }
    }
}

/// An answer to a question, as a choice on its screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceAnswer {
    /// Carry out this reading.
    Take(Intent),
    /// Not what was said: back to the screen, to say it again.
    NotThat,
}

/// The amount an intent carries, if any.
pub fn amount_of(intent: &Intent) -> Option<Money> {
    match intent {
        Intent::Amount(m) => Some(*m),
        Intent::Transfer { amount, .. }
        | Intent::PayBill { amount, .. }
        | Intent::TopUp { amount, .. } => *amount,
        _ => None,
    }
}
