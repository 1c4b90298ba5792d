//! What voice input adds to every screen: «Слушаю…» while listening, «Я услышал: …» after, and
//! the sentence for a phrase that was turned down.

use crate::i18n::I18n;
use crate::kiosk::state::{App, VoiceNotice, VoiceState};
use crate::screen_model::{NoticeKind, ScreenModel, VoiceBanner};
use crate::tr;
use crate::voice::meaning::Rejection;

/// Adds voice to a finished screen: the banner, and Space among the keys when voice is on.
pub(super) fn finish(app: &App, i18n: &I18n, model: &mut ScreenModel) {
    // A question says the words heard itself, in ordinary text, to leave room for its
    // choices.
    let asks_about_them = matches!(app.screen(), crate::kiosk::screen::Screen::VoiceQuestion(_));
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
        VoiceNotice::OffByChoice => (NoticeKind::Warning, i18n.t("voice-off-by-choice")),
        VoiceNotice::Stale => (NoticeKind::Info, i18n.t("voice-stale")),
        VoiceNotice::SayAgain => (NoticeKind::Info, i18n.t("voice-say-again")),
        VoiceNotice::SaidRight => (NoticeKind::Success, i18n.t("voice-said-right")),
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
