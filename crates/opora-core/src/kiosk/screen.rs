//! The kiosk's screens as data: each [`Screen`] with what it needs, its stable id (help texts,
//! staff hints and the journal refer to it), and what a numbered choice does ([`Action`]). What
//! each screen shows and offers is its family's (`family/`).

use super::flow::{Check, CodeStep, Draft};
use super::lesson_state::{DrillStop, LessonAction, LessonRun, Warning};
use super::question::{Question, VoiceAnswer};
use crate::bank::{OpId, Receipt};

/// One screen and the data it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Home,
    Balance,
    /// Send money, step 1: to whom.
    SendWho,
    /// Between own accounts: which direction.
    OwnDirection,
    /// Pay, step 1: which bill, or a top-up.
    PayWhat,
    /// Top-up: own phone or another number.
    TopUpWhose,
    PhoneEntry {
        draft: Draft,
        text: String,
    },
    /// Pay a bill: the amount due, or another amount.
    BillAmount {
        draft: Draft,
    },
    AmountEntry {
        draft: Draft,
        text: String,
    },
    Check(Check),
    Code(CodeStep),
    Done(Box<Receipt>),
    History {
        page: usize,
    },
    HistoryItem {
        index: usize,
    },
    BlockConfirm {
        op_id: OpId,
    },
    BlockDone,
    BlockAlready,
    /// A money action was started while the card is blocked.
    CardBlockedStop,
    Help,
    CallStaff,
    TrustedPerson,
    /// Help about another screen (`?`).
    ScreenHelp {
        of: &'static str,
    },
    /// The list of lessons, a page at a time.
    Lessons {
        page: usize,
    },
    /// A lesson, at one of its steps or at its end.
    Lesson(Box<LessonRun>),
    /// A fraud drill interrupting a practice transfer.
    Drill(Box<DrillStop>),
    /// What the client's choice in a drill meant.
    DrillResult {
        drill: &'static str,
        stopped: bool,
    },
    /// A real warning before a risky practice transfer.
    Warning(Box<Warning>),
    /// Voice asks before acting: which of two amounts, or «Вы сказали «…»?».
    VoiceQuestion(Box<Question>),
    /// `0` on home: «Выйти из программы?», so a key pressed by accident never closes the kiosk.
    QuitConfirm,
    /// What staff do at the kiosk (F9, a key no client screen names): unblock the practice card.
    StaffMenu,
}

impl Screen {
    /// Whether the screen has a text field (digits type instead of choosing).
    pub fn has_field(&self) -> bool {
        match self {
            Screen::PhoneEntry { .. } | Screen::AmountEntry { .. } => true,
            Screen::Code(step) => !step.expired,
            _ => false,
        }
    }

    pub(super) fn field_text_mut(&mut self) -> Option<&mut String> {
        match self {
            Screen::PhoneEntry { text, .. } | Screen::AmountEntry { text, .. } => Some(text),
            Screen::Code(step) if !step.pending && !step.expired => Some(&mut step.text),
            _ => None,
        }
    }
}

/// What a numbered choice does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Home,
    Back,
    Quit,
    Open(Screen),
    /// Step 1 is done: the draft has its target.
    Target(Draft),
    EnterPhone(Draft),
    EnterAmount(Draft),
    /// The draft is complete (e.g. a bill's amount due): go to the check.
    PayAmount(Draft),
    Confirm,
    ChangeAmount,
    /// The code expired after too many wrong tries: send a new one.
    NewCode,
    BlockCard,
    /// Staff unblock the practice card.
    UnblockCard,
    HistoryPage(usize),
    Lesson(LessonAction),
    /// An answer to a question voice asked.
    Voice(VoiceAnswer),
}

impl Action {
    /// Confirming money or blocking the card: only a key press may take these choices.
    pub fn is_key_only(&self) -> bool {
        matches!(self, Action::Confirm | Action::BlockCard)
    }
}

impl Screen {
    /// The stable id of the screen, used for help texts, staff hints and the journal.
    pub fn id(&self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Balance => "balance",
            Screen::SendWho => "send-who",
            Screen::OwnDirection => "own-direction",
            Screen::PayWhat => "pay-what",
            Screen::TopUpWhose => "topup-whose",
            Screen::PhoneEntry { .. } => "phone-entry",
            Screen::BillAmount { .. } => "bill-amount",
            Screen::AmountEntry { .. } => "amount-entry",
            Screen::Check(_) => "check",
            Screen::Code(_) => "code",
            Screen::Done(_) => "done",
            Screen::History { .. } => "history",
            Screen::HistoryItem { .. } => "history-item",
            Screen::BlockConfirm { .. } => "block-confirm",
            Screen::BlockDone => "block-done",
            Screen::BlockAlready => "block-already",
            Screen::CardBlockedStop => "card-blocked",
            Screen::Help => "help",
            Screen::CallStaff => "call-staff",
            Screen::TrustedPerson => "trusted-person",
            Screen::ScreenHelp { .. } => "screen-help",
            Screen::Lessons { .. } => "lessons",
            Screen::Lesson(run) if run.finished() => "lesson-end",
            Screen::Lesson(_) => "lesson",
            Screen::Drill(_) => "drill",
            Screen::DrillResult { .. } => "drill-result",
            Screen::Warning(_) => "warning",
            Screen::VoiceQuestion(question) => question.id(),
            Screen::QuitConfirm => "quit-confirm",
            Screen::StaffMenu => "kiosk-staff",
        }
    }
}

/// Every screen id, for tests that check each has its texts.
pub const ALL_IDS: &[&str] = &[
    "home",
    "balance",
    "send-who",
    "own-direction",
    "pay-what",
    "topup-whose",
    "phone-entry",
    "bill-amount",
    "amount-entry",
    "check",
    "code",
    "done",
    "history",
    "history-item",
    "block-confirm",
    "block-done",
    "block-already",
    "card-blocked",
    "help",
    "call-staff",
    "trusted-person",
    "screen-help",
    "lessons",
    "lesson",
    "lesson-end",
    "drill",
    "drill-result",
    "warning",
    "quit-confirm",
    "kiosk-staff",
];
