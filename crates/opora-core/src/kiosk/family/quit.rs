//! The question `0` on the home screen asks: «Выйти из программы?» — «Да» leaves, «Нет» (the
//! highlighted choice) goes back home, so a key pressed by accident never closes the kiosk.

use super::common::screen;
use crate::i18n::I18n;
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::screen::Action;
use crate::screen_model::ScreenModel;
use crate::voice::lexicon::Concept::*;
use crate::voice::meaning::VoiceCommand;

pub(super) fn quit_choices() -> Vec<Offer> {
    vec![
        Offer::new(Action::Quit, Label::Id("quit-yes")).said(&[Yes]),
        Offer::back("quit-no").said(&[No, Command(VoiceCommand::Home)]),
    ]
}

pub(super) fn quit_confirm(i18n: &I18n) -> ScreenModel {
    let mut model = screen("quit-confirm", i18n);
    model.lines.push(i18n.t("quit-confirm-text"));
    model
}
