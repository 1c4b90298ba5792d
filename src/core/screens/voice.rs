//! What voice input adds to every screen: «Слушаю…» while listening, «Я услышал: …» after, and
//! the sentence for a phrase that was turned down; and the screens of the questions voice asks
//! before acting ([`Question`]): which amount, and «Вы сказали «…»?».

use super::common::screen;
use super::{Action, Label};
use crate::core::App;
use crate::core::model::{NoticeKind, ScreenModel, VoiceBanner};
use crate::core::voice::{Question, Rejection, VoiceAnswer, VoiceNotice, VoiceState, amount_of};
use crate::i18n::I18n;
use crate::money::Money;
use crate::tr;

/// The ids of the question screens (help texts are `help-<id>`).
pub const VOICE_IDS: &[&str] = &["voice-which-amount", "voice-did-you-say"];

pub(super) fn question_id(question: &Question) -> &'static str {
    match question {
        Question::WhichAmount { .. } => VOICE_IDS[0],
        Question::DidYouSay { .. } => VOICE_IDS[1],
    }
}

pub(super) fn question_choices(question: &Question) -> Vec<(Action, Label)> {
    match question {
        Question::WhichAmount { readings } => {
            let mut out: Vec<(Action, Label)> = readings
                .iter()
                .filter_map(|r| {
                    let amount = amount_of(r)?;
                    Some((
                        Action::Voice(VoiceAnswer::Take(r.clone())),
                        Label::Amount(amount),
                    ))
                })
                .collect();
            out.push((
                Action::Voice(VoiceAnswer::NotThat),
                Label::Id("voice-which-amount-neither"),
            ));
            out
        }
        Question::DidYouSay { intent, .. } => vec![
            (
                Action::Voice(VoiceAnswer::Take(intent.clone())),
                Label::Id("voice-did-you-say-yes"),
            ),
            (
                Action::Voice(VoiceAnswer::NotThat),
                Label::Id("voice-did-you-say-no"),
            ),
        ],
    }
}

/// The question's screen, with what was heard in it.
pub(super) fn question(app: &App, question: &Question, i18n: &I18n) -> ScreenModel {
    let mut model = screen(question_id(question), i18n);
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

/// An amount as a question reads it, roubles and kopecks in words: «12 рублей 50 копеек»,
/// «1 250 рублей»; spoken, all in words.
pub(super) fn amount_label(amount: Money, i18n: &I18n) -> String {
    if i18n.is_speech() {
        return i18n.money(amount);
    }
    let (rubles, kopecks) = (amount.rubles_part(), amount.kopecks_part());
    match (rubles, kopecks) {
        (_, 0) => tr!(
            i18n,
            "voice-amount-rubles",
            rubles = i18n.number(rubles),
            count = rubles
        ),
        (0, _) => tr!(i18n, "voice-amount-kopecks", kopecks = kopecks),
        _ => tr!(
            i18n,
            "voice-amount-rubles-kopecks",
            rubles = i18n.number(rubles),
            count = rubles,
            kopecks = kopecks
        ),
    }
}

/// Adds voice to a finished screen: the banner, and Space among the keys when voice is on.
pub(super) fn finish(app: &App, i18n: &I18n, model: &mut ScreenModel) {
    // A question says the words heard itself, in ordinary text, to leave room for its
    // choices.
    let asks_about_them = matches!(app.screen(), super::Screen::VoiceQuestion(_));
    model.voice = match (app.voice_state(), app.heard()) {
        (VoiceState::Ready, Some(_)) if asks_about_them => None,
        (VoiceState::Listening, _) => Some(VoiceBanner {
            listening: true,
            text: i18n.t("voice-listening"),
            big: i18n.t("voice-listening-big"),
            small: i18n.t("voice-listening-hint"),
        }),
        (_, Some(text)) => Some(VoiceBanner {
            listening: false,
            text: tr!(i18n, "voice-heard", text = text.to_string()),
            big: tr!(i18n, "voice-heard-big", text = text.to_string()),
            small: i18n.t("voice-heard-label"),
        }),
        _ => None,
    };
    let space = match app.voice_state() {
        VoiceState::Ready | VoiceState::Listening => Some("voice-keys"),
        VoiceState::Loading => Some("voice-keys-loading"),
        VoiceState::Off(_) => None,
    };
    if let Some(id) = space {
        model.keys = format!("{} · {}", model.keys, i18n.t(id));
    }
}

/// The notice line for something about voice.
pub(super) fn notice(notice: &VoiceNotice, i18n: &I18n) -> (NoticeKind, String) {
    match notice {
        VoiceNotice::Rejected {
            rejection,
            choices,
            phrase,
        } => (
            NoticeKind::Info,
            rejection_sentence(
                rejection,
                *choices,
                phrase.as_deref().map(|p| i18n.t(p)).as_deref(),
                i18n,
            ),
        ),
        VoiceNotice::Nothing => (NoticeKind::Info, i18n.t("voice-heard-nothing")),
        VoiceNotice::Loading => (NoticeKind::Info, i18n.t("voice-loading")),
        VoiceNotice::Off(reason) => (NoticeKind::Warning, reason.clone()),
        VoiceNotice::Stale => (NoticeKind::Info, i18n.t("voice-stale")),
        VoiceNotice::SaidRight => (NoticeKind::Success, i18n.t("voice-said-right")),
        VoiceNotice::SayAgain => (NoticeKind::Info, i18n.t("voice-say-again")),
        VoiceNotice::Slower => (NoticeKind::Info, i18n.t("voice-slower")),
        VoiceNotice::Faster => (NoticeKind::Info, i18n.t("voice-faster")),
    }
}

/// Why a phrase did nothing, as a sentence that says what to do instead.
pub fn rejection_sentence(
    rejection: &Rejection,
    choices: usize,
    phrase: Option<&str>,
    i18n: &I18n,
) -> String {
    match rejection {
        Rejection::NoSuchChoice(n) if choices > 0 => tr!(
            i18n,
            "voice-reject-no-such-choice",
            number = i64::try_from(*n).unwrap_or(i64::MAX),
            max = choices as i64
        ),
        Rejection::NoSuchChoice(_) => i18n.t("voice-reject-not-on-this-screen"),
        Rejection::NotThePhrase => tr!(
            i18n,
            "voice-reject-not-the-phrase",
            phrase = phrase.unwrap_or_default().to_string()
        ),
        other => i18n.t(&format!("voice-reject-{}", other.code())),
    }
}
