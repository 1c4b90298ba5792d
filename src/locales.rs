//! Where the messages come from: the copy compiled into the binary, or a bank's own copy of the
//! `locales/` folder (`--locales`, `OPORA_LOCALES`), read here and handed to the core's
//! [`I18n`]; a missing or broken file there falls back to the built-in one, with a sentence, and
//! so does a file that is not a regular file or is larger than a locale file can be.

use opora_core::file_problem::FileProblem;
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
        match crate::files::read::read_text(&path, crate::files::read::LOCALE_MAX) {
            Ok(text) => Ok((path, text)),
            Err(FileProblem::Io(_)) if !path.exists() => Err(LocaleProblem::Missing { path }),
            Err(problem) => Err(LocaleProblem::Unreadable { path, problem }),
        }
    }
}

#[cfg(test)]
#[path = "locales_tests.rs"]
mod tests;
