//! Every sentence a person sees or hears comes from here: Fluent messages in `locales/<lang>/`,
//! plus locale-aware money and date formatting.

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
}
