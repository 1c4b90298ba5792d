//! Speech output: Opora reads every screen aloud. The screen model's `spoken` text (already all
//! words, see `words`) goes to a [`Speaker`]; speakers never block the screen:
//!
//! - [`espeak::Espeak`]: espeak-ng as a child process (GPL, so run, never linked); a new
//!   utterance or a key kills the one in progress. The default on Linux.
//! - [`dispatcher`]: speech-dispatcher through the `tts` crate, created and used only on a worker
//!   thread, every call with a timeout (it can hang forever on a machine without audio).
//! - [`espeak::WavWriter`]: the same voice into a WAV file, for tests and kiosks that play files.
//! - [`recorder::Recorder`]: remembers what it was asked to say, for unit tests.
//!
//! [`edge::SpeechEdge`] runs a speaker on its own thread for the terminal face; [`choose`] picks
//! one for `--speech auto|espeak|dispatcher|wav|off` and explains the choice to `opora doctor`.

pub mod choose;
pub mod dispatcher;
pub mod edge;
pub mod espeak;
pub mod policy;
pub mod recorder;
pub mod wav_target;

use opora_core::i18n::{I18n, Lang};
use opora_core::tr;
use thiserror::Error;

/// How fast to speak, in words per minute. Older listeners want it slow: 150 by default, with
/// pauses between sentences rather than stretched words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate(u16);

impl Rate {
    pub const DEFAULT: Rate = Rate(150);
    pub const SLOWEST: Rate = Rate(90);
    pub const FASTEST: Rate = Rate(240);
    const STEP: u16 = 20;

    /// A rate from words per minute, kept between the slowest and the fastest.
    pub fn wpm(words_per_minute: u16) -> Rate {
        Rate(words_per_minute.clamp(Rate::SLOWEST.0, Rate::FASTEST.0))
    }

    pub fn words_per_minute(self) -> u16 {
        self.0
    }

    /// One step slower, or `None` at the slowest.
    pub fn slower(self) -> Option<Rate> {
        (self.0 > Rate::SLOWEST.0).then(|| Rate::wpm(self.0.saturating_sub(Rate::STEP)))
    }

    /// One step faster, or `None` at the fastest.
    pub fn faster(self) -> Option<Rate> {
        (self.0 < Rate::FASTEST.0).then(|| Rate::wpm(self.0.saturating_add(Rate::STEP)))
    }
}

impl Default for Rate {
    fn default() -> Rate {
        Rate::DEFAULT
    }
}

/// The language and rate of an utterance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Voice {
    pub lang: Lang,
    pub rate: Rate,
}

/// Why speech stopped working. Each becomes one sentence on the screen (see
/// [`SpeechError::sentence`]), and the voice is off from then on.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SpeechError {
    #[error("the program {program} was not found")]
    NoProgram { program: String },
    #[error("there is no sound device")]
    NoAudio,
    #[error("the speech service did not answer within {seconds} s")]
    Timeout { seconds: u64 },
    #[error("the synthesizer failed: {0}")]
    Engine(String),
    #[error("there is no voice for this language")]
    NoVoice,
}

impl SpeechError {
    /// «Голос выключен: …» in the person's language.
    pub fn sentence(&self, i18n: &I18n) -> String {
        let reason = match self {
            SpeechError::NoProgram { program } => {
                tr!(i18n, "speech-failed-no-program", program = program.clone())
            }
            SpeechError::NoAudio => i18n.t("speech-failed-no-audio"),
            SpeechError::Timeout { seconds } => {
                tr!(i18n, "speech-failed-timeout", seconds = *seconds as i64)
            }
            SpeechError::Engine(detail) => {
                tr!(i18n, "speech-failed-engine", detail = detail.clone())
            }
            SpeechError::NoVoice => i18n.t("speech-failed-no-voice"),
        };
        tr!(i18n, "speech-off", reason = reason)
    }
}

/// Something that can say text aloud (or pretend to, for tests). Every method returns at once:
/// speaking happens in a child process, a worker thread or not at all.
pub trait Speaker: Send {
    /// Starts saying `text`, stopping whatever was being said.
    fn say(&mut self, text: &str, voice: Voice) -> Result<(), SpeechError>;

    /// Stops at once (a key was pressed).
    fn stop(&mut self) -> Result<(), SpeechError>;

    /// Looks at the utterance in progress; reports a failure that came after [`Speaker::say`]
    /// returned (the synthesizer died, the device went away).
    fn check(&mut self) -> Result<(), SpeechError> {
        Ok(())
    }

    /// A short name for `opora doctor` and logs: `espeak-ng`, `speech-dispatcher`.
    fn name(&self) -> &'static str;
}

/// Splits spoken text into sentences, where a listener needs a pause.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let at_boundary = matches!(c, '.' | '!' | '?' | '…')
            && (end == text.len() || bytes.get(end) == Some(&b' '));
        if at_boundary {
            let sentence = text[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_steps_stay_within_bounds() {
        assert_eq!(Rate::DEFAULT.words_per_minute(), 150);
        assert_eq!(Rate::DEFAULT.slower(), Some(Rate::wpm(130)));
        assert_eq!(Rate::DEFAULT.faster(), Some(Rate::wpm(170)));
        assert_eq!(Rate::SLOWEST.slower(), None);
        assert_eq!(Rate::FASTEST.faster(), None);
        let mut rate = Rate::DEFAULT;
        while let Some(slower) = rate.slower() {
            assert!(slower.words_per_minute() < rate.words_per_minute());
            rate = slower;
        }
        assert_eq!(rate, Rate::SLOWEST);
    }

    #[test]
    fn sentences_split_where_a_listener_pauses() {
        assert_eq!(
            sentences("Баланс. двадцать рублей. Что дальше? один — Баланс."),
            vec![
                "Баланс.",
                "двадцать рублей.",
                "Что дальше?",
                "один — Баланс."
            ]
        );
        assert_eq!(sentences("Загрузка…"), vec!["Загрузка…"]);
        assert_eq!(sentences("без точки"), vec!["без точки"]);
        assert_eq!(sentences("3.50 рубля."), vec!["3.50 рубля."]);
    }

    #[test]
    fn failures_become_one_sentence_in_each_language() {
        let ru = I18n::embedded(Lang::Ru);
        let en = I18n::embedded(Lang::En);
        let error = SpeechError::Timeout { seconds: 3 };
        assert_eq!(
            error.sentence(&ru),
            "Голос выключен: служба речи не ответила за 3 с"
        );
        assert_eq!(
            error.sentence(&en),
            "The voice is off: the speech service did not answer within 3 s"
        );
        assert!(SpeechError::NoAudio.sentence(&ru).contains("звукового"));
    }
}
