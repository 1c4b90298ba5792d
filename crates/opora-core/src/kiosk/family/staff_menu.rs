//! The staff menu of the kiosk alone (F9, or «сотрудник» in plain mode; no client screen names
//! it): the practice card's state, and unblocking it when a client or a lesson blocked it.

use super::common::screen;
use crate::bank::Snapshot;
use crate::i18n::I18n;
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::Action;
use crate::screen_model::ScreenModel;

pub(super) fn staff_choices(snapshot: &Snapshot) -> Vec<Offer> {
    let mut choices = Vec::new();
    if snapshot.card_blocked {
        choices.push(Offer::new(
            Action::UnblockCard,
            Label::Id("kiosk-staff-unblock"),
        ));
    }
    choices.push(Offer::back("choice-back"));
    choices
}

pub(super) fn staff_menu(snapshot: &Snapshot, i18n: &I18n) -> ScreenModel {
    let mut model = screen("kiosk-staff", i18n);
    model.lines.push(i18n.t(if snapshot.card_blocked {
        "kiosk-staff-card-blocked"
    } else {
        "kiosk-staff-card-works"
    }));
    model
}
