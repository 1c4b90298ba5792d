//! Every sentence a person sees or hears comes from here: Fluent messages in `locales/<lang>/`,
//! plus locale-aware money and date formatting (ICU4X).
//!
//! The shipped locale files are compiled into the binary, so Opora always has words to speak.
//! A bank may point `OPORA_LOCALES` (or `--locales`) at its own copy of the `locales/` folder;
//! the edge reads it (`opora::locales`), and a missing or broken file there is reported in one
//! sentence and the built-in text is used.

/// Builds Fluent arguments from `name = value` pairs and formats a message.
///
/// `tr!(i18n, "step", n = 2, total = 4)`; values are anything `FluentValue` converts from
/// (strings, integers).
#[macro_export]
macro_rules! tr {
    ($i18n:expr, $id:expr) => {
        $i18n.t($id)
    };
    ($i18n:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $i18n.format($id, Some(&args))
    }};
}
pub use crate::tr;

mod detect;
mod file_problem;
mod format;
mod sources;

pub use crate::lang::Lang;
pub use detect::detect_lang;
pub use sources::{LocaleFiles, LocaleProblem, embedded_sources, parse};

pub use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use std::rc::Rc;
use std::sync::Arc;

/// The messages and formatters of one language.
///
/// The same messages serve the eye and the ear: [`I18n::for_speech`] gives a twin that says
/// money, numbers, dates and phone numbers in words and prefers a `speech-<id>` message where the
/// locale has one (written for listening, e.g. «Шаг второй из четырёх»).
pub struct I18n {
    lang: Lang,
    bundle: Arc<FluentBundle<FluentResource>>,
    /// The built-in messages, when a bank's files are used: a message the bank's copy defines
    /// without a value still has the built-in text.
    fallback: Option<Arc<FluentBundle<FluentResource>>>,
    numbers: Rc<format::Numbers>,
    problems: Vec<LocaleProblem>,
    speech: bool,
}

impl I18n {
    /// The built-in messages of `lang`. Never fails: the embedded files are checked by tests.
    pub fn embedded(lang: Lang) -> I18n {
        I18n::build(lang, None)
    }

    /// Messages from a bank's own copy of the files; any file that is missing or broken there
    /// is replaced by the built-in one and listed in [`I18n::problems`].
    pub fn with_files(lang: Lang, files: &dyn LocaleFiles) -> I18n {
        I18n::build(lang, Some(files))
    }

    fn build(lang: Lang, files: Option<&dyn LocaleFiles>) -> I18n {
        let (bundle, problems) = sources::bundle(lang, files);
        let fallback = files.map(|_| Arc::new(sources::bundle(lang, None).0));
        I18n {
            lang,
            bundle: Arc::new(bundle),
            fallback,
            numbers: Rc::new(format::Numbers::new(lang)),
            problems,
            speech: false,
        }
    }

    /// The same messages, for speaking: amounts, numbers, dates and phone numbers in words.
    /// Cheap: the messages are shared, not copied.
    pub fn for_speech(&self) -> I18n {
        I18n {
            lang: self.lang,
            bundle: Arc::clone(&self.bundle),
            fallback: self.fallback.clone(),
            numbers: Rc::clone(&self.numbers),
            problems: self.problems.clone(),
            speech: true,
        }
    }

    /// Whether this is the twin made by [`I18n::for_speech`].
    pub fn is_speech(&self) -> bool {
        self.speech
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Files that could not be used, each with what went wrong; the UI states them once.
    pub fn problems(&self) -> &[LocaleProblem] {
        &self.problems
    }

    /// The sentences describing [`I18n::problems`], in this language.
    pub fn problem_sentences(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| match p {
                LocaleProblem::Missing { path } => {
                    tr!(
                        self,
                        "locale-file-missing",
                        path = path.display().to_string()
                    )
                }
                LocaleProblem::Broken { path, line, reason } => tr!(
                    self,
                    "locale-file-broken",
                    path = path.display().to_string(),
                    line = *line as i64,
                    reason = reason.clone()
                ),
                LocaleProblem::Unreadable { path, problem } => tr!(
                    self,
                    "locale-file-unreadable",
                    path = path.display().to_string(),
                    reason = problem.reason(self)
                ),
                LocaleProblem::Incomplete { path, missing } => tr!(
                    self,
                    "locale-file-incomplete",
                    path = path.display().to_string(),
                    count = i64::try_from(missing.len()).unwrap_or(i64::MAX),
                    example = missing.first().cloned().unwrap_or_default()
                ),
            })
            // A bank's folder and its files' words are shown, never obeyed.
            .map(|sentence| crate::safe_text::line(&sentence).into_owned())
            .collect()
    }

    /// Whether a message id exists in this language.
    pub fn has(&self, id: &str) -> bool {
        self.pattern(id).is_some()
    }

    /// The message's pattern and the bundle it is in: the bank's copy first, then the
    /// built-in one.
    fn pattern(
        &self,
        id: &str,
    ) -> Option<(
        &FluentBundle<FluentResource>,
        &fluent_syntax::ast::Pattern<&str>,
    )> {
        std::iter::once(&self.bundle)
            .chain(self.fallback.iter())
            .find_map(|bundle| {
                let pattern = bundle.get_message(id).and_then(|m| m.value())?;
                Some((bundle.as_ref(), pattern))
            })
    }

    /// The message `id` without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments; use the [`tr!`](crate::tr) macro to build them.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        if self.speech
            && let Some((bundle, pattern)) = self.pattern(&format!("speech-{id}"))
        {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        let Some((bundle, pattern)) = self.pattern(id) else {
            // A missing id is a bug caught by the locale tests; show the id rather than nothing.
            return format!("⟨{id}⟩");
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// `25 430,50 ₽` / `₽25,430.50`; kopecks are shown only when there are some.
    pub fn money(&self, amount: crate::money::Money) -> String {
        if self.speech {
            return crate::words::money(self.lang, amount);
        }
        let number = self.numbers.amount(amount.abs());
        let text = tr!(self, "money", amount = number);
        if amount.is_negative() {
            format!("−{text}")
        } else {
            text
        }
    }

    /// `+25 000 ₽` or `−1 245,60 ₽`: an amount with its direction, for history.
    pub fn signed_money(&self, amount: crate::money::Money) -> String {
        if self.speech {
            crate::words::signed_money(self.lang, amount)
        } else if amount.is_negative() {
            self.money(amount)
        } else {
            format!("+{}", self.money(amount))
        }
    }

    /// An integer with the language's digit grouping: `100 000` / `100,000`.
    pub fn number(&self, n: i64) -> String {
        if self.speech {
            return crate::words::integer(self.lang, n);
        }
        self.numbers.integer(n)
    }

    /// A mobile number as people write it (`+7 912 345-67-89`), or say it.
    pub fn phone(&self, phone: &crate::phone::PhoneNumber) -> String {
        self.written_phone(&phone.pretty())
    }

    /// Any written phone number (the bank's hotline `8 800 100-00-00`), or as it is said.
    pub fn written_phone(&self, written: &str) -> String {
        if self.speech {
            crate::words::phone(self.lang, written)
        } else {
            written.to_string()
        }
    }

    /// A confirmation code: as shown, or digit by digit.
    pub fn code(&self, code: &str) -> String {
        if self.speech {
            crate::words::digits(self.lang, code)
        } else {
            code.to_string()
        }
    }

    /// A day of the year as people say it: `25 ноября` / `November 25`.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        if self.speech {
            return crate::words::date(self.lang, date);
        }
        self.numbers.day_month(date)
    }
}

/// Converts a value into a Fluent argument (used by [`tr!`](crate::tr)).
pub fn arg<'a, T: Into<FluentValue<'a>>>(value: T) -> FluentValue<'a> {
    value.into()
}
