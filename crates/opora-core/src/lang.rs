//! The languages Opora speaks, on their own so that messages (`i18n`) and number words (`words`)
//! can both name them without depending on each other.

use serde::{Deserialize, Serialize};

/// The languages Opora speaks. Russian first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// `ru`, `en`, `en_GB.UTF-8`, `ru-RU`… → the language, if it is one Opora speaks.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::from_tag(s).ok_or_else(|| format!("unknown language '{s}': use ru or en"))
    }
}
