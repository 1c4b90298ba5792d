//! Questions voice asks before acting: which of two amounts was meant («Вы сказали 12 рублей
//! 50 копеек или 1 250 рублей?») and, when the recogniser was unsure, whether it heard right
//! («Вы сказали «баланс»?», 1 — да, 2 — нет). Each is a screen of numbered choices on top of
//! the screen the phrase was said on; an answer takes it away and carries out the reading
//! chosen there, through the same actions as keys.

use super::super::app::{App, Notice};
use super::super::input::Effect;
use super::super::screens::Screen;
use super::{Intent, VoiceNotice};
use crate::money::Money;

/// What voice asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Two readings of an amount, the smaller first.
    WhichAmount { readings: Vec<Intent> },
    /// Whether the words heard were these.
    DidYouSay { heard: String, intent: Intent },
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

impl App {
    /// Asks before acting: shows the question on top of this screen.
    pub(in crate::core) fn ask(&mut self, question: Question) -> Vec<Effect> {
        self.push(Screen::VoiceQuestion(Box::new(question)));
        Vec::new()
    }

    /// The client answered a question: back to the screen it was asked on, then the reading
    /// chosen, as if it had been heard there.
    pub(in crate::core) fn voice_answer(&mut self, answer: VoiceAnswer) -> Vec<Effect> {
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
