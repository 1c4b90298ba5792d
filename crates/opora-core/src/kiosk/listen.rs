//! What the kiosk's current screen accepts by voice, for the recogniser's grammar and the
//! parser: read from the screen's own offers (their voice words, the people and bills they
//! name) and from what its field expects.

use super::family::{choices, view};
use super::lesson_state::LessonAction;
use super::screen::{Action, Screen};
use super::state::App;
use crate::i18n::{I18n, Lang};
use crate::lessons::StepKind;
use crate::voice::VoiceLang;
use crate::voice::context::{BillInfo, ChoiceInfo, Context, Expect, PayeeInfo};
use crate::voice::pieces::label_concepts;

/// What the app's current screen accepts, with labels in the language of `i18n`.
pub fn context(app: &App, i18n: &I18n, lang: VoiceLang) -> Context {
    let model = view(app, i18n);
    let screen = app.screen();
    let choices = choices(app)
        .into_iter()
        .zip(&model.choices)
        .map(|(offer, choice)| {
            // A lesson or a quiz answer is picked by the words of its label.
            let by_label = offer.voice.concepts.is_empty()
                && lang != VoiceLang::Ko
                && matches!(
                    offer.action,
                    Action::Lesson(
                        LessonAction::Open { .. } | LessonAction::List(_) | LessonAction::Answer(_)
                    )
                );
            ChoiceInfo {
                number: choice.key,
                label: choice.label.clone(),
                concepts: if by_label {
                    label_concepts(&choice.label, lang)
                } else {
                    offer.voice.concepts
                },
                payee: offer.voice.payee,
                bill: offer.voice.bill,
                amount: offer.voice.amount,
                key_only: offer.voice.key_only,
                by_label,
            }
        })
        .collect();
    let expect = match screen {
        Screen::AmountEntry { .. } => Expect::Amount,
        Screen::PhoneEntry { .. } => Expect::Phone,
        Screen::Code(_) => Expect::Code,
        Screen::Lesson(run) => match run.step().map(|s| &s.kind) {
            Some(StepKind::Say { phrase }) if !run.finished() => Expect::Phrase(i18n.t(phrase)),
            _ => Expect::Choice,
        },
        _ => Expect::Choice,
    };
    // Names are said in the voice language when Opora has them in it.
    let name_lang = match lang {
        VoiceLang::Ru => Lang::Ru,
        VoiceLang::En => Lang::En,
        VoiceLang::Ko => i18n.lang(),
    };
    let (payees, bills) = match app.snapshot() {
        Some(snapshot) => (
            snapshot
                .payees
                .iter()
                .filter(|p| p.saved)
                .map(|p| PayeeInfo {
                    key: p.key.clone(),
                    relation: p.relation.code().to_string(),
                    name: p.name.get(name_lang).to_string(),
                })
                .collect(),
            snapshot
                .bills
                .iter()
                .map(|b| BillInfo {
                    key: b.key.clone(),
                    kind: b.kind.code().to_string(),
                    provider: b.provider.get(name_lang).to_string(),
                })
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    Context {
        lang,
        screen: model.id,
        expect,
        choices,
        payees,
        bills,
    }
}
