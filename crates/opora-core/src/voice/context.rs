//! What a screen accepts by voice: what kind of answer it expects (a choice, an amount, a phone
//! number, the code, a lesson's phrase), each numbered choice with its label and the meanings
//! that pick it, and the people and bills the client has. The program fills it in from its own
//! screens (`kiosk::listen`); the grammar for the recogniser and the parser of what was heard
//! both read it, so the two never disagree about a screen.

use super::VoiceLang;
use super::lexicon::Concept;

/// What kind of answer the screen waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expect {
    /// One of the numbered choices.
    Choice,
    Amount,
    Phone,
    /// The confirmation code: typed only.
    Code,
    /// A lesson's say-it step: this phrase.
    Phrase(String),
}

/// A numbered choice, as voice sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceInfo {
    pub number: u8,
    /// Its label on the screen.
    pub label: String,
    /// The meanings that pick it («баланс» picks the balance).
    pub concepts: Vec<Concept>,
    /// A saved person it sends money to.
    pub payee: Option<String>,
    /// A bill it pays.
    pub bill: Option<String>,
    /// The amount it stands for (a reading offered by «Какую сумму вы сказали?»).
    pub amount: Option<crate::money::Money>,
    /// Confirming money or blocking the card: a key press only.
    pub key_only: bool,
    /// Its meanings come from the words of its label (a lesson, a quiz answer), not from what
    /// it does: it is picked by them, never a way in for a request.
    pub by_label: bool,
}

/// A saved person the client can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayeeInfo {
    pub key: String,
    /// The relation's code (`daughter`).
    pub relation: String,
    /// The name in the voice language («Ольга»).
    pub name: String,
}

/// A bill the client can name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillInfo {
    pub key: String,
    /// The bill kind's code (`electricity`).
    pub kind: String,
    /// The provider's name («Энергосбыт»).
    pub provider: String,
}

/// Everything voice needs to know about the current screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub lang: VoiceLang,
    /// The screen's id (`home`, `amount-entry`).
    pub screen: &'static str,
    pub expect: Expect,
    pub choices: Vec<ChoiceInfo>,
    pub payees: Vec<PayeeInfo>,
    pub bills: Vec<BillInfo>,
}

impl Context {
    /// The choices that carry a meaning.
    pub fn with_concept(&self, concept: Concept) -> impl Iterator<Item = &ChoiceInfo> {
        self.choices
            .iter()
            .filter(move |c| c.concepts.contains(&concept))
    }

    pub fn has(&self, concept: Concept) -> bool {
        self.with_concept(concept).next().is_some()
    }

    /// Whether the screen is a step of an operation (sending, paying, topping up), where «нет»
    /// and «не надо» mean: cancel it.
    pub fn in_operation(&self) -> bool {
        const STEPS: &[&str] = &[
            "send-who",
            "own-direction",
            "pay-what",
            "topup-whose",
            "phone-entry",
            "bill-amount",
            "amount-entry",
            "check",
            "code",
        ];
        STEPS.contains(&self.screen)
    }
}
