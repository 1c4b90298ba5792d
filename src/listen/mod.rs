//! Voice input: the client says what they want, offline.
//!
//! The path from sound to action, each step in its own file:
//!
//! 1. a [`listener`] captures one utterance — from the microphone ([`mic`], through cpal) or a
//!    WAV file (`--voice-input`) — as 16-bit mono samples at the model's rate ([`resample`]),
//!    ending at silence ([`endpoint`]) or when Space is pressed again;
//! 2. the [`vosk`] recogniser, loaded at run time from libvosk, decodes it in grammar mode with
//!    only the words the current screen accepts ([`grammar`], from its [`context`]), the
//!    universal commands, and decoys;
//! 3. the hand-written [`intent`] parser reads the words against the same context — commands,
//!    choices by number and name, amounts and phone numbers from number words ([`numbers`]),
//!    people and bills by name ([`lexicon`]) — and the core acts on the meaning
//!    ([`opora_core::kiosk::heard`]). Nothing said can confirm money.
//!
//! [`engine`] ties the steps together for one utterance; [`worker`] runs it beside the
//! full-screen kiosk. Models live in `models/<lang>/` (see `models/README.md` and [`model`]).

pub mod endpoint;
pub mod engine;
pub mod listener;
pub mod mic;
pub mod model;
pub mod quiet;
pub mod resample;
pub mod vosk;
pub mod worker;

pub use opora_core::voice::VoiceLang;

/// Adds a line to `voice.log` in Opora's folder (private to its owner); a log that cannot be
/// written is no reason to trouble the client.
fn note_in_voice_log(sentence: &str) {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let log = crate::paths::data_dir().join("voice.log");
    let opened = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(&log);
    if let Ok(mut file) = opened {
        let _ = writeln!(file, "{}", opora_core::safe_text::line(sentence));
    }
}

/// Why voice input cannot be used, or an utterance could not be heard. Each has a sentence in
/// the person's language ([`VoiceError::sentence`]).
#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error("libvosk was not found (tried {tried:?}): {detail}")]
    NoLibrary {
        tried: Vec<std::path::PathBuf>,
        detail: String,
    },
    #[error("no {lang:?} speech model in {tried:?}")]
    NoModel {
        lang: VoiceLang,
        tried: Vec<std::path::PathBuf>,
    },
    #[error("cannot tell the language of the model in {path:?}")]
    ModelLanguageUnknown { path: std::path::PathBuf },
    #[error("the model in {path:?} could not be loaded")]
    ModelFailed { path: std::path::PathBuf },
    #[error("the model knows none of the words of this screen")]
    GrammarEmpty,
    #[error("the recogniser could not be made")]
    RecognizerFailed,
    #[error("no microphone")]
    NoMicrophone,
    #[error("the microphone could not be opened: {detail}")]
    Microphone { detail: String },
    #[error("{path:?} could not be read as WAV: {detail}")]
    InputFile {
        path: std::path::PathBuf,
        detail: String,
    },
}

impl VoiceError {
    /// The sentence the client sees when voice cannot be used: plain words, no file, no path
    /// (a set-up problem is one sentence; a microphone problem says so). The full sentence,
    /// with what was tried and where, is written to `voice.log` in Opora's folder for staff
    /// first; `opora doctor` says it too.
    pub fn tell_client(&self, i18n: &opora_core::i18n::I18n) -> String {
        note_in_voice_log(&self.sentence(i18n));
        match self {
            VoiceError::NoLibrary { .. }
            | VoiceError::NoModel { .. }
            | VoiceError::ModelLanguageUnknown { .. }
            | VoiceError::ModelFailed { .. }
            | VoiceError::GrammarEmpty
            | VoiceError::RecognizerFailed => i18n.t("voice-off-not-set-up"),
            VoiceError::NoMicrophone => i18n.t("voice-off-no-microphone"),
            VoiceError::Microphone { .. } => i18n.t("voice-off-microphone-failed"),
            // A recording given on the command line is staff's own: they get the whole reason.
            VoiceError::InputFile { .. } => self.sentence(i18n),
        }
    }

    /// One sentence saying why voice is off, and what to do, in the person's language.
    pub fn sentence(&self, i18n: &opora_core::i18n::I18n) -> String {
        use opora_core::tr;
        let shown = |p: &std::path::Path| p.display().to_string();
        match self {
            VoiceError::NoLibrary { .. } => i18n.t("voice-off-no-library"),
            VoiceError::NoModel { lang, tried } => tr!(
                i18n,
                "voice-off-no-model",
                lang = lang.code(),
                path = tried.last().map(|p| shown(p)).unwrap_or_default()
            ),
            VoiceError::ModelLanguageUnknown { path } => {
                tr!(i18n, "voice-off-model-language", path = shown(path))
            }
            VoiceError::ModelFailed { path } => {
                tr!(i18n, "voice-off-model-broken", path = shown(path))
            }
            VoiceError::GrammarEmpty | VoiceError::RecognizerFailed => {
                i18n.t("voice-off-recognizer")
            }
            VoiceError::NoMicrophone => i18n.t("voice-off-no-microphone"),
            VoiceError::Microphone { detail } => {
                tr!(i18n, "voice-off-microphone", detail = detail.clone())
            }
            VoiceError::InputFile { path, detail } => tr!(
                i18n,
                "voice-off-input-file",
                path = shown(path),
                detail = detail.clone()
            ),
        }
    }
}
