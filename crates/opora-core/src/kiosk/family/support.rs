//! Blocking the card (two key presses from home), the help screen with the bank's hotline, and
//! help about the current screen (`?`).

use super::common::screen;
use super::home::{help_offer, open};
use crate::bank::Snapshot;
use crate::i18n::I18n;
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::{Action, Screen};
use crate::screen_model::ScreenModel;
use crate::tr;
use crate::voice::lexicon::Concept::*;

pub(super) fn block_confirm_choices() -> Vec<Offer> {
    vec![
        Offer::new(Action::BlockCard, Label::Id("block-yes")).said(&[Confirm, Block]),
        Offer::back("block-no").said(&[No]),
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

pub(super) fn blocked_choices() -> Vec<Offer> {
    vec![Offer::home(), help_offer("home-help")]
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

pub(super) fn help_choices() -> Vec<Offer> {
    vec![
        // A lost card is what brings most people to help: blocking it is the first choice.
        open(super::home::block_card(), "home-block").said(&[Block]),
        open(Screen::CallStaff, "help-choice-staff").said(&[CallStaff]),
        open(Screen::TrustedPerson, "help-choice-trusted").said(&[Trusted]),
        Offer::home(),
    ]
}

pub(super) fn help(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("help", i18n);
    model.fact = Some(i18n.written_phone(&snapshot.hotline));
    model.lines.push(i18n.t("help-hotline-note"));
    model.lines.push(i18n.t("help-hotline-safety"));
    model
}

pub(super) fn back_home_choices() -> Vec<Offer> {
    vec![Offer::back("choice-back"), Offer::home()]
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

pub(super) fn screen_help_choices() -> Vec<Offer> {
    vec![Offer::back("screen-help-ok")]
}

pub(super) fn screen_help(of: &str, i18n: &I18n) -> ScreenModel {
    let mut model = screen("screen-help", i18n);
    let text = i18n.t(&format!("help-{of}"));
    model.lines.extend(text.lines().map(str::to_string));
    model.lines.push(i18n.t("help-keys"));
    model
}
