//! Blocking the card (two key presses from home), the help screen with the bank's hotline, and
//! help about the current screen (`?`).

use super::common::screen;
use super::{Action, Label, Screen};
use crate::bank::Snapshot;
use crate::i18n::I18n;
use crate::screen_model::ScreenModel;
use crate::tr;

pub(super) fn block_confirm_choices() -> Vec<(Action, Label)> {
    vec![
        (Action::BlockCard, Label::Id("block-yes")),
        (Action::Back, Label::Id("block-no")),
    ]
}

fn card_line(snapshot: &Snapshot, i18n: &I18n) -> String {
    tr!(
        i18n,
        "balance-card",
        name = snapshot.card.name.get(i18n.lang()).to_string(),
        last = snapshot.card.last_four.clone()
    )
}

pub(super) fn block_confirm(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("block-confirm", i18n);
    model.lines.push(card_line(snapshot, i18n));
    model.lines.push(i18n.t("block-confirm-what"));
    model.lines.push(i18n.t("block-confirm-unblock"));
    model
}

pub(super) fn blocked_choices() -> Vec<(Action, Label)> {
    vec![
        (Action::Home, Label::Id("choice-home")),
        (Action::Open(Screen::Help), Label::Id("home-help")),
    ]
}

pub(super) fn block_done(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("block-done", i18n);
    model.lines.push(card_line(snapshot, i18n));
    model.lines.push(i18n.t("block-done-money-safe"));
    model.lines.push(i18n.t("block-done-next"));
    model.fact = Some(i18n.written_phone(&snapshot.hotline));
    model
}

pub(super) fn block_already(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("block-already", i18n);
    model.lines.push(card_line(snapshot, i18n));
    model.lines.push(i18n.t("block-confirm-unblock"));
    model
}

pub(super) fn card_blocked(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("card-blocked", i18n);
    model.lines.push(card_line(snapshot, i18n));
    model.lines.push(i18n.t("error-card-blocked"));
    model
}

pub(super) fn help_choices() -> Vec<(Action, Label)> {
    vec![
        // A lost card is what brings most people to help: blocking it is the first choice.
        (
            Action::Open(Screen::BlockConfirm {
                op_id: crate::bank::OpId::new(""),
            }),
            Label::Id("home-block"),
        ),
        (
            Action::Open(Screen::CallStaff),
            Label::Id("help-choice-staff"),
        ),
        (
            Action::Open(Screen::TrustedPerson),
            Label::Id("help-choice-trusted"),
        ),
        (Action::Home, Label::Id("choice-home")),
    ]
}

pub(super) fn help(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("help", i18n);
    model.fact = Some(i18n.written_phone(&snapshot.hotline));
    model.lines.push(i18n.t("help-hotline-note"));
    model.lines.push(i18n.t("help-hotline-safety"));
    model
}

pub(super) fn back_home_choices() -> Vec<(Action, Label)> {
    vec![
        (Action::Back, Label::Id("choice-back")),
        (Action::Home, Label::Id("choice-home")),
    ]
}

pub(super) fn call_staff(i18n: &I18n) -> ScreenModel {
    let mut model = screen("call-staff", i18n);
    model.lines.push(i18n.t("call-staff-text"));
    model
}

pub(super) fn trusted_person(i18n: &I18n) -> ScreenModel {
    let mut model = screen("trusted-person", i18n);
    model.lines.push(i18n.t("trusted-person-what"));
    model.lines.push(i18n.t("trusted-person-how"));
    model.lines.push(i18n.t("trusted-person-where"));
    model
}

pub(super) fn screen_help_choices() -> Vec<(Action, Label)> {
    vec![(Action::Back, Label::Id("screen-help-ok"))]
}

pub(super) fn screen_help(of: &str, i18n: &I18n) -> ScreenModel {
    let mut model = screen("screen-help", i18n);
    let text = i18n.t(&format!("help-{of}"));
    model.lines.extend(text.lines().map(str::to_string));
    model.lines.push(i18n.t("help-keys"));
    model
}
