//! The home screen (six operations: 1 is the balance, with the history behind it; 4 blocks the
//! card) and the balance.

use super::common::screen;
use crate::bank::Snapshot;
use crate::i18n::I18n;
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::{Action, Screen};
use crate::screen_model::ScreenModel;
use crate::tr;
use crate::voice::lexicon::Concept::*;
use crate::voice::meaning::VoiceCommand;

pub(super) fn home_choices() -> Vec<Offer> {
    vec![
        // The history is one press further, on the balance screen («история» still opens it).
        open(Screen::Balance, "home-balance-history").said(&[Balance, History]),
        open(Screen::SendWho, "home-send").said(&[Send]),
        open(Screen::PayWhat, "home-pay").said(&[Pay]),
        // A lost card is urgent: blocking it takes two presses from here, this and «Да».
        open(block_card(), "home-block").said(&[Block]),
        open(Screen::Lessons { page: 0 }, "home-lessons").said(&[Lessons]),
        help_offer("home-help"),
    ]
}

/// The question before blocking the card.
pub(super) fn block_card() -> Screen {
    Screen::BlockConfirm {
        op_id: crate::bank::OpId::new(""),
    }
}

/// A choice that opens a screen.
pub(super) fn open(screen: Screen, label: &'static str) -> Offer {
    Offer::new(Action::Open(screen), Label::Id(label))
}

/// The help screen with the bank's number, by «помощь» too.
pub(super) fn help_offer(label: &'static str) -> Offer {
    open(Screen::Help, label).said(&[HelpPlace, Command(VoiceCommand::Help)])
}

pub(super) fn home(snapshot: &Snapshot, journey_kept: bool, i18n: &I18n) -> ScreenModel {
    let mut model = screen("home", i18n);
    model.lines.push(tr!(
        i18n,
        "home-question",
        name = snapshot.client.get(i18n.lang()).to_string()
    ));
    if journey_kept {
        model.lines.push(i18n.t("home-journal-note"));
    }
    model
}

pub(super) fn balance_choices() -> Vec<Offer> {
    vec![
        open(Screen::SendWho, "home-send").said(&[Send]),
        open(Screen::History { page: 0 }, "home-history").said(&[History]),
        Offer::home(),
    ]
}

pub(super) fn balance(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("balance", i18n);
    let card = &snapshot.card;
    model.fact = Some(i18n.money(card.balance));
    model.lines.push(tr!(
        i18n,
        "balance-card",
        name = card.name.get(i18n.lang()).to_string(),
        last = card.last_four.clone()
    ));
    if snapshot.card_blocked {
        model.lines.push(i18n.t("balance-card-blocked"));
    }
    model.lines.push(tr!(
        i18n,
        "balance-savings",
        name = snapshot.savings.name.get(i18n.lang()).to_string(),
        amount = i18n.money(snapshot.savings.balance)
    ));
    model
}
