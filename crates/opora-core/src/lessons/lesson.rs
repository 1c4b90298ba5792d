//! What a lesson is once its file has been read and checked: steps of four kinds, goals that a
//! practice operation must meet, fraud drills, and the lines of the take-home reminder. Every
//! text is a Fluent message id; the words live in `locales/`.

use crate::bank::{Operation, Receipt, Recipient, Snapshot};
use crate::money::Money;
use crate::phone::PhoneNumber;

/// One tutorial.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// Stable id (`send-safely`), also the file name without `.toml`.
    pub id: String,
    pub audience: Audience,
    /// Message id of the title.
    pub title: String,
    /// Message id of a one-sentence summary, shown in the list.
    pub summary: String,
    /// A/B variants (`["a", "b"]`); empty when the lesson has one version.
    pub variants: Vec<String>,
    pub steps: Vec<Step>,
    /// Message ids of the lines the take-home reminder lists under "what we did".
    pub recap: Vec<String>,
}

/// Who a lesson is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Clients,
    Staff,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Unique within the lesson; progress and the journal refer to it.
    pub id: String,
    /// Only in this A/B variant; `None` in every variant.
    pub variant: Option<String>,
    /// Message id of what the step says.
    pub text: String,
    pub kind: StepKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StepKind {
    /// One fact per screen.
    Explain,
    /// A real practice operation; done when the goal is met. A drill may interrupt it.
    Do { goal: Goal, drill: Option<Drill> },
    /// Choose the safe answer; a wrong one explains why and lets them try again.
    Quiz { answers: Vec<Answer> },
    /// Say a phrase aloud (voice practice): heard by voice input, or a key press when voice is
    /// off.
    Say { phrase: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Message id of the answer.
    pub text: String,
    pub safe: bool,
    /// Message id of why it is safe or not, shown after choosing it.
    pub why: String,
}

/// What a do-it step asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    /// Send money to a saved payee (by key) or to a phone number; any amount when `None`.
    Send {
        payee: Option<String>,
        phone: Option<PhoneNumber>,
        amount: Option<Money>,
    },
    /// Pay a bill (by key; any bill when `None`).
    PayBill {
        bill: Option<String>,
        amount: Option<Money>,
    },
    /// Top up a phone (any number when `None`).
    TopUp {
        phone: Option<PhoneNumber>,
        amount: Option<Money>,
    },
    /// Move money between own accounts.
    OwnTransfer {
        amount: Option<Money>,
    },
    BlockCard,
    /// Find a screen: the balance, the history, or help with the bank's number.
    Open(Place),
}

/// Screens a do-it step can ask the client to find.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Balance,
    History,
    Help,
}

/// A scripted fraud situation inside a practice transfer.
#[derive(Clone, Debug, PartialEq)]
pub enum Drill {
    /// A "call from the bank's security service" urging a transfer to a "safe account".
    SafeAccount,
    /// The bank's name for the recipient does not match who the client meant (Confirmation of
    /// Payee); `expected` is the message id of the name the client was told.
    PayeeMismatch { expected: String },
    /// Someone pressing the client to hurry.
    Hurry,
    /// Someone asking the client to read out the confirmation code.
    CodeRequest,
}

impl Drill {
    /// Stable name, used in files, progress and the journal.
    pub fn name(&self) -> &'static str {
        match self {
            Drill::SafeAccount => "safe-account",
            Drill::PayeeMismatch { .. } => "payee-mismatch",
            Drill::Hurry => "hurry",
            Drill::CodeRequest => "code-request",
        }
    }

    /// Whether the drill interrupts at the code step rather than at the check.
    pub fn at_code(&self) -> bool {
        matches!(self, Drill::CodeRequest)
    }
}

impl Lesson {
    /// The steps of one variant, in order.
    pub fn steps_of(&self, variant: &str) -> Vec<&Step> {
        self.steps
            .iter()
            .filter(|s| s.variant.as_deref().is_none_or(|v| v == variant))
            .collect()
    }

    /// The variant a session gets: the same session and lesson always give the same answer.
    pub fn variant_for(&self, session: &str) -> String {
        if self.variants.is_empty() {
            return String::new();
        }
        // FNV-1a: tiny, stable across versions and platforms (unlike `DefaultHasher`).
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in session.bytes().chain([0]).chain(self.id.bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let index = usize::try_from(hash % self.variants.len() as u64).unwrap_or(0);
        self.variants[index].clone()
    }
}

impl Goal {
    /// Whether a finished operation meets this goal.
    pub fn met_by(&self, receipt: &Receipt, snapshot: &Snapshot) -> bool {
        let amount_ok = |want: &Option<Money>, got: Money| want.is_none_or(|w| w == got);
        match (self, &receipt.operation) {
            (
                Goal::Send {
                    payee,
                    phone,
                    amount: want,
                },
                Operation::Transfer { to, amount },
            ) => {
                let to_phone = match to {
                    Recipient::Payee(key) => snapshot.payee(key).map(|p| p.phone),
                    Recipient::Phone(phone) => Some(*phone),
                };
                let payee_ok = payee.as_ref().is_none_or(|key| {
                    matches!(to, Recipient::Payee(k) if k == key)
                        || snapshot.payee(key).map(|p| p.phone) == to_phone
                });
                let phone_ok = phone.is_none_or(|p| Some(p) == to_phone);
                payee_ok && phone_ok && amount_ok(want, *amount)
            }
            (Goal::PayBill { bill, amount: want }, Operation::PayBill { bill: key, amount }) => {
                bill.as_ref().is_none_or(|b| b == key) && amount_ok(want, *amount)
            }
            (
                Goal::TopUp {
                    phone,
                    amount: want,
                },
                Operation::TopUp { phone: to, amount },
            ) => phone.is_none_or(|p| p == *to) && amount_ok(want, *amount),
            (Goal::OwnTransfer { amount: want }, Operation::OwnTransfer { amount, .. }) => {
                amount_ok(want, *amount)
            }
            (Goal::BlockCard, Operation::BlockCard) => true,
            _ => false,
        }
    }

    /// Whether the goal is met by a money action (so a drill can interrupt it).
    pub fn moves_money(&self) -> bool {
        !matches!(self, Goal::BlockCard | Goal::Open(_))
    }
}
