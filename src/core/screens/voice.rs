//! What voice input adds to every screen: «Слушаю…» while listening, «Я услышал: …» after, and
//! the sentence for a phrase that was turned down.

use crate::core::voice::Rejection;
use crate::i18n::I18n;
use crate::tr;

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
