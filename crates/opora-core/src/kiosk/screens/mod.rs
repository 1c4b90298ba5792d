//! The screens of the practice kiosk: what each one holds, which numbered choices it offers, and
//! how it reads (its [`ScreenModel`]). One file per family of screens.

pub(crate) mod common;
mod history;
mod home;
mod lessons;
mod money_flow;
mod support;
pub mod voice;

use super::app::App;
use super::flow::Draft;
use super::lesson_run::{DrillStop, LessonAction, LessonRun, Warning};
use crate::bank::{OpId, Operation, Quote, Receipt};
use crate::i18n::I18n;
use crate::screen_model::ScreenModel;

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
}

/// The check screen: the operation as the bank quoted it.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub draft: Draft,
    pub operation: Operation,
    pub quote: Quote,
    pub op_id: OpId,
}

/// The confirmation-code step.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeStep {
    pub check: Check,
    /// The code sent to the simulated phone, once it has arrived.
    pub code: Option<String>,
    pub text: String,
    /// Confirmed and waiting for the bank: further Enter presses do nothing.
    pub pending: bool,
    /// Wrong codes typed in a row.
    pub wrong: u8,
    /// Too many wrong codes: this one no longer works, a new one can be asked for.
    pub expired: bool,
}

/// Wrong codes in a row after which a code stops working, as at a real bank.
pub const CODE_TRIES: u8 = 3;

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
    /// The code expired after too many wrong tries: send a new one.
    NewCode,
    ChangeAmount,
    BlockCard,
    HistoryPage(usize),
    Lesson(LessonAction),
}

/// The stable id of a screen, used for help texts, staff hints and the journal.
pub fn id(screen: &Screen) -> &'static str {
    match screen {
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
];

/// The numbered choices of the current screen, each with what it does.
pub fn actions(app: &App) -> Vec<Action> {
    choices(app).into_iter().map(|(action, _)| action).collect()
}

/// The numbered choices with the message that labels each.
pub(super) fn choices(app: &App) -> Vec<(Action, Label)> {
    let Some(snapshot) = app.snapshot() else {
        return Vec::new();
    };
    match app.screen() {
        Screen::Home => home::home_choices(),
        Screen::Balance => home::balance_choices(),
        Screen::SendWho => money_flow::send_who_choices(snapshot),
        Screen::OwnDirection => money_flow::own_direction_choices(),
        Screen::PayWhat => money_flow::pay_what_choices(snapshot),
        Screen::TopUpWhose => money_flow::topup_whose_choices(snapshot),
        Screen::BillAmount { draft } => money_flow::bill_amount_choices(snapshot, draft),
        Screen::Check(_) => money_flow::check_choices(),
        Screen::Done(_) => money_flow::done_choices(),
        Screen::History { page } => history::history_choices(snapshot, *page),
        Screen::HistoryItem { .. } => history::item_choices(),
        Screen::BlockConfirm { .. } => support::block_confirm_choices(),
        Screen::BlockDone | Screen::BlockAlready | Screen::CardBlockedStop => {
            support::blocked_choices()
        }
        Screen::Help => support::help_choices(),
        Screen::CallStaff | Screen::TrustedPerson => support::back_home_choices(),
        Screen::ScreenHelp { .. } => support::screen_help_choices(),
        Screen::Code(step) if step.expired => money_flow::code_expired_choices(),
        Screen::PhoneEntry { .. } | Screen::AmountEntry { .. } | Screen::Code(_) => Vec::new(),
        Screen::Lessons { page } => lessons::list_choices(app, *page),
        Screen::Lesson(run) => lessons::lesson_choices(run),
        Screen::Drill(stop) => lessons::drill_choices(stop),
        Screen::DrillResult { .. } => lessons::drill_result_choices(),
        Screen::Warning(_) => lessons::warning_choices(),
    }
}

/// The text of a choice: a message id, or something named by the bank's data.
#[derive(Clone, Debug)]
pub(super) enum Label {
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

/// The screen model of the app's current screen. Its `spoken` text comes from building the
/// same screen again with the speech twin of the messages: one source of truth for eye and ear.
pub fn view(app: &App, i18n: &I18n) -> ScreenModel {
    let mut model = build(app, i18n);
    model.spoken = if i18n.is_speech() {
        std::mem::take(&mut model.spoken)
    } else {
        build(app, &i18n.for_speech()).spoken
    };
    model
}

fn build(app: &App, i18n: &I18n) -> ScreenModel {
    let Some(snapshot) = app.snapshot() else {
        return common::loading(app, i18n);
    };
    let mut model = match app.screen() {
        Screen::Home => home::home(snapshot, i18n),
        Screen::Balance => home::balance(snapshot, i18n),
        Screen::SendWho => money_flow::send_who(i18n),
        Screen::OwnDirection => money_flow::own_direction(snapshot, i18n),
        Screen::PayWhat => money_flow::pay_what(i18n),
        Screen::TopUpWhose => money_flow::topup_whose(i18n),
        Screen::PhoneEntry { draft, text } => money_flow::phone_entry(draft, text, i18n),
        Screen::BillAmount { draft } => money_flow::bill_amount(snapshot, draft, i18n),
        Screen::AmountEntry { draft, text } => {
            money_flow::amount_entry(snapshot, draft, text, i18n)
        }
        Screen::Check(check) => money_flow::check(snapshot, check, i18n),
        Screen::Code(step) => money_flow::code(snapshot, step, i18n),
        Screen::Done(receipt) => money_flow::done(snapshot, receipt, i18n),
        Screen::History { page } => history::history(snapshot, *page, i18n),
        Screen::HistoryItem { index } => history::item(snapshot, *index, i18n),
        Screen::BlockConfirm { .. } => support::block_confirm(snapshot, i18n),
        Screen::BlockDone => support::block_done(snapshot, i18n),
        Screen::BlockAlready => support::block_already(snapshot, i18n),
        Screen::CardBlockedStop => support::card_blocked(snapshot, i18n),
        Screen::Help => support::help(snapshot, i18n),
        Screen::CallStaff => support::call_staff(i18n),
        Screen::TrustedPerson => support::trusted_person(i18n),
        Screen::ScreenHelp { of } => support::screen_help(of, i18n),
        Screen::Lessons { page } => lessons::list(app, *page, i18n),
        Screen::Lesson(run) => lessons::lesson(snapshot, run, i18n),
        Screen::Drill(stop) => lessons::drill(snapshot, stop, i18n),
        Screen::DrillResult { drill, stopped } => lessons::drill_result(drill, *stopped, i18n),
        Screen::Warning(warning) => lessons::warning(snapshot, warning, i18n),
    };
    common::finish(app, snapshot, i18n, &mut model);
    model
}
