//! What each screen of the kiosk shows and offers, one file per family of screens: its view (a
//! [`ScreenModel`]) and its numbered choices ([`Offer`]s, each with what it does, its label and
//! the words that pick it by voice). Here they are dispatched by screen and finished the same
//! way (`common`).

mod common;
mod history;
mod home;
mod lessons;
mod money_flow;
mod question;
mod quit;
mod staff_menu;
mod support;
pub mod voice;

pub use common::{amount_error, bank_error, bill_kind, payee_name, phone_error};
pub use history::PAGE as HISTORY_PAGE;

use super::offer::Offer;
use super::screen::Screen;
use super::state::App;
use crate::i18n::I18n;
use crate::screen_model::ScreenModel;

/// The numbered choices of the current screen, in the order of their numbers.
pub fn choices(app: &App) -> Vec<Offer> {
    let Some(snapshot) = app.snapshot() else {
        return Vec::new();
    };
    match app.screen() {
        Screen::Home => home::home_choices(snapshot),
        Screen::Balance => home::balance_choices(snapshot),
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
        Screen::Help => support::help_choices(snapshot),
        Screen::CallStaff | Screen::TrustedPerson => support::back_home_choices(),
        Screen::ScreenHelp { .. } => support::screen_help_choices(),
        Screen::Code(step) if step.expired => money_flow::code_expired_choices(),
        Screen::PhoneEntry { .. } | Screen::AmountEntry { .. } | Screen::Code(_) => Vec::new(),
        Screen::Lessons { page } => lessons::list_choices(app, *page),
        Screen::Lesson(run) => lessons::lesson_choices(run),
        Screen::Drill(stop) => lessons::drill_choices(stop),
        Screen::DrillResult { .. } => lessons::drill_result_choices(),
        Screen::Warning(_) => lessons::warning_choices(),
        Screen::VoiceQuestion(question) => question::question_choices(question),
        Screen::QuitConfirm => quit::quit_choices(),
        Screen::StaffMenu => staff_menu::staff_choices(snapshot),
    }
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
        Screen::Home => home::home(snapshot, app.journey_kept(), i18n),
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
        Screen::VoiceQuestion(question) => question::question(app, question, i18n),
        Screen::QuitConfirm => quit::quit_confirm(i18n),
        Screen::StaffMenu => staff_menu::staff_menu(snapshot, i18n),
    };
    common::finish(app, snapshot, choices(app), i18n, &mut model);
    model
}
