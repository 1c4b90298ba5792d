//! The Fluent files of a language: the copy compiled into the binary, and a bank's own copy
//! handed in by the edge ([`LocaleFiles`]), which falls back to the built-in one file by file.

use super::Lang;
use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use std::path::{Path, PathBuf};

/// The Fluent files Opora ships, per language, compiled in.
const EMBEDDED: &[(Lang, &str, &str)] = &[
    (
        Lang::Ru,
        "opora.ftl",
        include_str!("../../../../locales/ru/opora.ftl"),
    ),
    (
        Lang::En,
        "opora.ftl",
        include_str!("../../../../locales/en/opora.ftl"),
    ),
    (
        Lang::Ru,
        "lessons.ftl",
        include_str!("../../../../locales/ru/lessons.ftl"),
    ),
    (
        Lang::En,
        "lessons.ftl",
        include_str!("../../../../locales/en/lessons.ftl"),
    ),
    (
        Lang::Ru,
        "speech.ftl",
        include_str!("../../../../locales/ru/speech.ftl"),
    ),
    (
        Lang::En,
        "speech.ftl",
        include_str!("../../../../locales/en/speech.ftl"),
    ),
    (
        Lang::Ru,
        "journal.ftl",
        include_str!("../../../../locales/ru/journal.ftl"),
    ),
    (
        Lang::En,
        "journal.ftl",
        include_str!("../../../../locales/en/journal.ftl"),
    ),
    (
        Lang::Ru,
        "report.ftl",
        include_str!("../../../../locales/ru/report.ftl"),
    ),
    (
        Lang::En,
        "report.ftl",
        include_str!("../../../../locales/en/report.ftl"),
    ),
    (
        Lang::Ru,
        "assist.ftl",
        include_str!("../../../../locales/ru/assist.ftl"),
    ),
    (
        Lang::En,
        "assist.ftl",
        include_str!("../../../../locales/en/assist.ftl"),
    ),
    (
        Lang::Ru,
        "voice.ftl",
        include_str!("../../../../locales/ru/voice.ftl"),
    ),
    (
        Lang::En,
        "voice.ftl",
        include_str!("../../../../locales/en/voice.ftl"),
    ),
    (
        Lang::Ru,
        "safety.ftl",
        include_str!("../../../../locales/ru/safety.ftl"),
    ),
    (
        Lang::En,
        "safety.ftl",
        include_str!("../../../../locales/en/safety.ftl"),
    ),
    (
        Lang::Ru,
        "kiosk.ftl",
        include_str!("../../../../locales/ru/kiosk.ftl"),
    ),
    (
        Lang::En,
        "kiosk.ftl",
        include_str!("../../../../locales/en/kiosk.ftl"),
    ),
    (
        Lang::Ru,
        "central.ftl",
        include_str!("../../../../locales/ru/central.ftl"),
    ),
    (
        Lang::En,
        "central.ftl",
        include_str!("../../../../locales/en/central.ftl"),
    ),
];

/// The one file a bank's own locale folder must hold for each language.
const MAIN_FILE: &str = "opora.ftl";

/// A bank's own copy of the locale files, as the edge reads it. The core reads no files.
pub trait LocaleFiles {
    /// The file `name` (`opora.ftl`) of `lang`: its path and text, or why it cannot be read.
    fn read(&self, lang: Lang, name: &str) -> Result<(PathBuf, String), LocaleProblem>;
}

/// A locale file that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LocaleProblem {
    Missing {
        path: PathBuf,
    },
    Broken {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    /// Not a regular file, or larger than a locale file can be.
    Unreadable {
        path: PathBuf,
        problem: crate::file_problem::FileProblem,
    },
    /// A valid file that lacks some of the built-in messages: those come from the built-in
    /// copy, one by one.
    Incomplete {
        path: PathBuf,
        missing: Vec<String>,
    },
}

pub(super) fn bundle(
    lang: Lang,
    files: Option<&dyn LocaleFiles>,
) -> (FluentBundle<FluentResource>, Vec<LocaleProblem>) {
    let langid = match lang {
        Lang::Ru => unic_langid::langid!("ru"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    for (file_lang, name, text) in EMBEDDED {
        if *file_lang != lang {
            continue;
        }
        let resource = match files {
            None => None,
            Some(files) => {
                match files
                    .read(lang, name)
                    .and_then(|(path, text)| Ok((parse(&path, text)?, path)))
                {
                    Ok((resource, path)) => {
                        let missing = missing_messages(&resource, text);
                        if !missing.is_empty() {
                            problems.push(LocaleProblem::Incomplete { path, missing });
                        }
                        Some(resource)
                    }
                    // Only the main file is required in a bank's folder; the others (added
                    // by later features) fall back to the built-in copy when absent.
                    Err(LocaleProblem::Missing { .. }) if *name != MAIN_FILE => None,
                    Err(problem) => {
                        problems.push(problem);
                        None
                    }
                }
            }
        };
        // Duplicate ids are caught by the locale tests; the first definition wins here. The
        // built-in file goes in after a bank's copy of it, so a message the copy lacks is
        // still there (and the copy's own ones win).
        if let Some(resource) = resource {
            let _ = bundle.add_resource(resource);
        }
        let _ = bundle.add_resource(parse_embedded(text));
    }
    (bundle, problems)
}

/// The ids of the messages of the built-in file `embedded` that `resource` does not define.
fn missing_messages(resource: &FluentResource, embedded: &'static str) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let defined: std::collections::HashSet<&str> = resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) if m.value.is_some() => Some(m.id.name),
            _ => None,
        })
        .collect();
    parse_embedded(embedded)
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) if m.value.is_some() && !defined.contains(m.id.name) => {
                Some(m.id.name.to_string())
            }
            _ => None,
        })
        .collect()
}

fn parse_embedded(text: &'static str) -> FluentResource {
    FluentResource::try_new(text.to_owned()).unwrap_or_else(|(resource, _)| resource)
}

/// Parses one Fluent file; the first syntax error is reported with its line.
pub fn parse(path: &Path, text: String) -> Result<FluentResource, LocaleProblem> {
    let line_of = |offset: usize, text: &str| {
        text.get(..offset.min(text.len()))
            .map_or(1, |head| head.matches('\n').count() + 1)
    };
    let copy = text.clone();
    FluentResource::try_new(text).map_err(|(_, errors)| {
        let first = errors.first();
        LocaleProblem::Broken {
            path: path.to_owned(),
            line: first.map_or(1, |e| line_of(e.pos.start, &copy)),
            reason: first.map_or_else(String::new, |e| e.kind.to_string()),
        }
    })
}

/// The built-in Fluent text of a language (for tests and `opora doctor`).
pub fn embedded_sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    EMBEDDED
        .iter()
        .filter(move |(l, _, _)| *l == lang)
        .map(|(_, name, text)| (*name, *text))
}
