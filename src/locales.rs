//! Where the messages come from: the copy compiled into the binary, or a bank's own copy of the
//! `locales/` folder (`--locales`, `OPORA_LOCALES`), read here and handed to the core's
//! [`I18n`]; a missing or broken file there falls back to the built-in one, with a sentence.

use opora_core::i18n::{I18n, Lang, LocaleFiles, LocaleProblem};
use std::path::PathBuf;

/// Where the messages come from.
#[derive(Clone, Debug, Default)]
pub enum LocaleSource {
    /// The copy compiled into the binary.
    #[default]
    Embedded,
    /// A `locales/` folder on disk (holding `ru/`, `en/`), e.g. a bank's edited copy.
    Dir(PathBuf),
}

/// The messages of `lang` from `source`.
pub fn load(lang: Lang, source: &LocaleSource) -> I18n {
    match source {
        LocaleSource::Embedded => I18n::embedded(lang),
        LocaleSource::Dir(dir) => I18n::with_files(lang, &Folder(dir.clone())),
    }
}

/// A bank's `locales/` folder.
struct Folder(PathBuf);

impl LocaleFiles for Folder {
    fn read(&self, lang: Lang, name: &str) -> Result<(PathBuf, String), LocaleProblem> {
        let path = self.0.join(lang.code()).join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok((path, text)),
            Err(_) => Err(LocaleProblem::Missing { path }),
        }
    }
}

#[cfg(test)]
#[path = "locales_tests.rs"]
mod tests;
