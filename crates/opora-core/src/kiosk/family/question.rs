//! The screens of the questions voice asks before acting ([`Question`]): which of two amounts
//! was meant, and «Вы сказали «…»?». Their choices carry the readings, and are picked by
//! number, by «да»/«нет», or by saying the amount again.

use super::common::{amount_label, screen};
use crate::i18n::I18n;
use crate::kiosk::offer::{Label, Offer};
use crate::kiosk::question::{Question, VoiceAnswer, amount_of};
use crate::kiosk::screen::Action;
use crate::kiosk::state::App;
use crate::screen_model::ScreenModel;
use crate::tr;
use crate::voice::lexicon::Concept::{No, Yes};

pub(super) fn question_choices(question: &Question) -> Vec<Offer> {
    let answer = |answer: VoiceAnswer, label: Label| Offer::new(Action::Voice(answer), label);
    match question {
        Question::WhichAmount { readings } => {
            let mut out: Vec<Offer> = readings
                .iter()
                .filter_map(|r| {
                    let amount = amount_of(r)?;
                    let mut offer = answer(VoiceAnswer::Take(r.clone()), Label::Amount(amount));
                    offer.voice.amount = Some(amount);
                    Some(offer)
                })
                .collect();
            out.push(
                answer(
                    VoiceAnswer::NotThat,
                    Label::Id("voice-which-amount-neither"),
                )
                .said(&[No]),
            );
            out
        }
        Question::DidYouSay { intent, .. } => vec![
            answer(
                VoiceAnswer::Take(intent.clone()),
                Label::Id("voice-did-you-say-yes"),
            )
            .said(&[Yes]),
            answer(VoiceAnswer::NotThat, Label::Id("voice-did-you-say-no")).said(&[No]),
        ],
    }
}

/// The question's screen, with what was heard in it.
pub(super) fn question(app: &App, question: &Question, i18n: &I18n) -> ScreenModel {
    let mut model = screen(question.id(), i18n);
    match question {
        Question::WhichAmount { readings } => {
            if let Some(heard) = app.heard() {
                model
                    .lines
                    .push(tr!(i18n, "voice-heard", text = heard.to_string()));
            }
            let amounts: Vec<String> = readings
                .iter()
                .filter_map(amount_of)
                .map(|m| amount_label(m, i18n))
                .collect();
            if let [first, second] = amounts.as_slice() {
                model.lines.push(tr!(
                    i18n,
                    "voice-which-amount-question",
                    first = first.clone(),
                    second = second.clone()
                ));
            }
            model.lines.push(i18n.t("voice-which-amount-why"));
        }
        Question::DidYouSay { heard, .. } => {
            model.title = tr!(i18n, "voice-did-you-say-title", text = heard.clone());
            model.lines.push(i18n.t("voice-did-you-say-why"));
        }
    }
    model
}
