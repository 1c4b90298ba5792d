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
//!    ([`crate::core::voice`]). Nothing said can confirm money.
//!
//! [`engine`] ties the steps together for one utterance; [`worker`] runs it beside the
//! full-screen kiosk. Models live in `models/<lang>/` (see `models/README.md` and [`model`]).

pub mod amount;
pub mod check;
pub mod context;
pub mod doubt;
pub mod endpoint;
pub mod engine;
pub mod explain;
pub mod grammar;
pub mod intent;
pub mod lexicon;
pub mod listener;
pub mod mic;
pub mod model;
pub mod numbers;
pub mod pieces;
pub mod quiet;
pub mod resample;
pub mod text;
pub mod vosk;
pub mod worker;

pub use context::Context;
pub use intent::parse;

use serde::{Deserialize, Serialize};

/// The languages Opora listens in. Korean is there because its model is the one obtainable
/// from the package registries here: it proves the real pipeline in tests and demos, with
/// choices said by number and the commands; Russian and English are what clients speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VoiceLang {
    #[default]
    Ru,
    En,
    Ko,
}

impl VoiceLang {
    pub const ALL: [VoiceLang; 3] = [VoiceLang::Ru, VoiceLang::En, VoiceLang::Ko];

    pub fn code(self) -> &'static str {
        match self {
            VoiceLang::Ru => "ru",
            VoiceLang::En => "en",
            VoiceLang::Ko => "ko",
        }
    }

    pub fn from_code(code: &str) -> Option<VoiceLang> {
        VoiceLang::ALL
            .into_iter()
            .find(|l| l.code() == code.trim().to_ascii_lowercase())
    }

    /// The voice language that goes with the screen language.
    pub fn of(lang: crate::i18n::Lang) -> VoiceLang {
        match lang {
            crate::i18n::Lang::Ru => VoiceLang::Ru,
            crate::i18n::Lang::En => VoiceLang::En,
        }
    }
}

impl std::str::FromStr for VoiceLang {
    type Err = String;
    fn from_str(s: &str) -> Result<VoiceLang, String> {
        VoiceLang::from_code(s)
            .ok_or_else(|| format!("unknown voice language '{s}': use ru, en or ko"))
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
    /// One sentence saying why voice is off, and what to do, in the person's language.
    pub fn sentence(&self, i18n: &crate::i18n::I18n) -> String {
        use crate::tr;
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
