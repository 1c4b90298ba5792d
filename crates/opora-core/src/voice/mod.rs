//! What a spoken phrase means on a screen, without any sound: the commands that work
//! everywhere, the words for each screen's choices, amounts and phone numbers from number words
//! (`numbers`), people and bills by name (`lexicon`), the parser (`intent`) and the word list a
//! recogniser listens for (`grammar`), both read from the screen's [`Context`]. Capturing and
//! recognising sound is the edge's (`opora::listen`).

pub mod amount;
pub mod context;
pub mod doubt;
pub mod grammar;
pub mod intent;
pub mod lexicon;
pub mod meaning;
pub mod numbers;
pub mod pieces;
pub mod text;

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
