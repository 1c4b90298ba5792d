//! The home screen (six operations: 1 is the balance, with the history behind it; 4 blocks the
//! card) and the balance.

use super::common::screen;
use super::{Action, Label, Screen};
use crate::bank::Snapshot;
use crate::core::model::ScreenModel;
use crate::i18n::I18n;
use crate::tr;

pub(super) fn home_choices() -> Vec<(Action, Label)> {
    vec![
        // The history is one press further, on the balance screen.
        (
            Action::Open(Screen::Balance),
            Label::Id("home-balance-history"),
        ),
        (Action::Open(Screen::SendWho), Label::Id("home-send")),
        (Action::Open(Screen::PayWhat), Label::Id("home-pay")),
        // A lost card is urgent: blocking it takes two presses from here, this and «Да».
        (
            Action::Open(Screen::BlockConfirm {
                op_id: crate::bank::OpId::new(""),
            }),
            Label::Id("home-block"),
        ),
        (
            Action::Open(Screen::Lessons { page: 0 }),
            Label::Id("home-lessons"),
        ),
        (Action::Open(Screen::Help), Label::Id("home-help")),
    ]
}

pub(super) fn home(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("home", i18n);
    model.lines.push(tr!(
        i18n,
        "home-question",
        name = snapshot.client.get(i18n.lang()).to_string()
    ));
    model
}

pub(super) fn balance_choices() -> Vec<(Action, Label)> {
    vec![
        (Action::Open(Screen::SendWho), Label::Id("home-send")),
        (
            Action::Open(Screen::History { page: 0 }),
            Label::Id("home-history"),
        ),
        (Action::Home, Label::Id("choice-home")),
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
