//! A numbered choice as its screen's family offers it: what it does ([`Action`]), its label
//! ([`Label`]), and what picks it by voice ([`Spoken`]). Keeping the three together means a
//! screen's voice words are written beside its choices, and the recogniser's grammar and the
//! parser read them from there (`kiosk::listen`).

use super::screen::Action;
use crate::voice::lexicon::Concept;
use crate::voice::meaning::VoiceCommand;

/// One numbered choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub action: Action,
    pub label: Label,
    pub voice: Spoken,
}

/// What picks a choice by voice, besides its number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spoken {
    /// The meanings that pick it («баланс» picks the balance).
    pub concepts: Vec<Concept>,
    /// A saved person it sends money to, by the bank's key.
    pub payee: Option<String>,
    /// A bill it pays, by the bank's key.
    pub bill: Option<String>,
    /// The amount it stands for (a reading offered by «Какую сумму вы сказали?»).
    pub amount: Option<crate::money::Money>,
    /// Confirming money or blocking the card: a key press only, never a voice.
    pub key_only: bool,
}

impl Offer {
    pub fn new(action: Action, label: Label) -> Offer {
        let key_only = action.is_key_only();
        Offer {
            action,
            label,
            voice: Spoken {
                key_only,
                ..Spoken::default()
            },
        }
    }

    /// The words (meanings) that pick it.
    pub fn said(mut self, concepts: &[Concept]) -> Offer {
        self.voice.concepts.extend_from_slice(concepts);
        self
    }

    /// Picked by naming this saved person.
    pub fn payee(mut self, key: &str) -> Offer {
        self.voice.payee = Some(key.to_string());
        self
    }

    /// Picked by naming this bill.
    pub fn bill(mut self, key: &str) -> Offer {
        self.voice.bill = Some(key.to_string());
        self
    }

    /// «На главную»: home, or back to the lesson that sent the client into an operation.
    pub fn home() -> Offer {
        Offer::new(Action::Home, Label::Id("choice-home"))
            .said(&[Concept::Command(VoiceCommand::Home)])
    }

    /// «Назад», labelled by `id`.
    pub fn back(id: &'static str) -> Offer {
        Offer::new(Action::Back, Label::Id(id)).said(&[Concept::Command(VoiceCommand::Back)])
    }
}

/// The text of a choice: a message id, or something named by the bank's data.
#[derive(Clone, Debug, PartialEq)]
pub enum Label {
    Id(&'static str),
    /// A saved person: «Ольга (дочь)».
    Payee(String),
    /// A bill with its amount due.
    Bill(String),
    /// The client's own phone number.
    OwnPhone,
    /// «Оплатить 1 245,60 ₽».
    PayDue(crate::money::Money),
    /// One line of history.
    HistoryEntry(usize),
    /// An amount in words and digits: «12 рублей 50 копеек».
    Amount(crate::money::Money),
    /// A message id named by data (a lesson's title, a quiz answer).
    Message(String),
    /// «Продолжить: <lesson title>».
    Continue(String),
    /// A lesson in the list, marked when already done.
    LessonItem {
        title: String,
        done: bool,
        staff: bool,
    },
}
