//! Reading lessons from disk: the shipped lessons (compiled in) plus every `*.toml` in a
//! trainer's folder, checked by the core ([`check_files`]) against the texts and the practice
//! bank's demo data. A file is read only when it is a regular file of at most
//! [`LESSON_MAX`](crate::files::read::LESSON_MAX) bytes: a FIFO or a link to a device in the
//! folder is one problem, never a hang.

use crate::locales::{self, LocaleSource};
use opora_core::file_problem::FileProblem;
use opora_core::i18n::{I18n, Lang};
use opora_core::lessons::{Catalog, LessonText, check_files, shipped_files};
use std::path::{Path, PathBuf};

/// The shipped lessons plus every `*.toml` in `extra` (a trainer's folder), checked against the
/// texts of both languages and the practice bank's demo data.
pub fn load(locales: &LocaleSource, extra: Option<&Path>) -> Catalog {
    let ru = locales::load(Lang::Ru, locales);
    let en = locales::load(Lang::En, locales);
    check_files(&[&ru, &en], all_files(extra))
}

/// [`load`] for a kiosk or a session running in one language: the texts are checked in that
/// language only (the shipped lessons are checked in both by the tests and by `opora lessons
/// check`), which keeps start-up quick.
pub fn for_language(i18n: &I18n, extra: Option<&Path>) -> Catalog {
    check_files(&[i18n], all_files(extra))
}

/// Only the files at `path` (one file or a folder of them): what `opora lessons check` runs.
pub fn load_path(locales: &LocaleSource, path: &Path) -> Catalog {
    let files = if path.is_dir() {
        read_dir(path)
    } else {
        vec![(path.to_path_buf(), read(path))]
    };
    let ru = locales::load(Lang::Ru, locales);
    let en = locales::load(Lang::En, locales);
    check_files(&[&ru, &en], files)
}

/// The shipped lesson files and a trainer's folder.
fn all_files(extra: Option<&Path>) -> Vec<(PathBuf, LessonText)> {
    let mut files = shipped_files();
    if let Some(dir) = extra {
        files.extend(read_dir(dir));
    }
    files
}

fn read(path: &Path) -> LessonText {
    crate::files::read::read_text(path, crate::files::read::LESSON_MAX)
}

/// Every `*.toml` in a folder, sorted by name; an unreadable folder is one problem.
fn read_dir(dir: &Path) -> Vec<(PathBuf, LessonText)> {
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            paths
                .into_iter()
                .map(|p| {
                    let text = read(&p);
                    (p, text)
                })
                .collect()
        }
        Err(error) => vec![(dir.to_path_buf(), Err(FileProblem::Io(error.to_string())))],
    }
}
