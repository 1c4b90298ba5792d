//! `opora lessons list|check`: the lessons on offer, and a trainer's files checked with every
//! problem's file, line and reason.

use super::parts::lessons_dir;
use super::{Cli, tell};
use crate::locales::LocaleSource;
use clap::Subcommand;
use opora_core::i18n::I18n;
use opora_core::tr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum LessonsAction {
    /// Every lesson on offer, with its number of steps.
    List,
    /// Check lesson files: the shipped and the trainer's, or only PATH (a file or a folder).
    /// Every problem is printed with its file and line; the exit status is 1 if there are any.
    Check { path: Option<PathBuf> },
}

pub fn run(cli: &Cli, action: &LessonsAction, i18n: &I18n, source: &LocaleSource) -> ExitCode {
    use std::io::Write;
    let catalog = match action {
        LessonsAction::Check { path: Some(path) } => crate::lesson_files::load_path(source, path),
        _ => crate::lesson_files::load(source, lessons_dir(cli).as_deref()),
    };
    let mut out = std::io::stdout().lock();
    match action {
        LessonsAction::List => {
            for lesson in &catalog.lessons {
                let steps = lesson.steps_of(&lesson.variant_for("")).len();
                // Ids and titles come from a trainer's files and a bank's texts: shown, never
                // obeyed by the terminal.
                let line = tr!(
                    i18n,
                    "lessons-list-line",
                    id = lesson.id.clone(),
                    title = i18n.t(&lesson.title),
                    steps = steps as i64
                );
                let _ = writeln!(out, "{}", opora_core::safe_text::line(&line));
            }
            for problem in &catalog.problems {
                tell(&opora_core::lessons::problem_sentence(problem, i18n));
            }
            ExitCode::SUCCESS
        }
        LessonsAction::Check { .. } => {
            for problem in &catalog.problems {
                let _ = writeln!(
                    out,
                    "{}",
                    opora_core::lessons::problem_sentence(problem, i18n)
                );
            }
            if catalog.problems.is_empty() {
                let count = catalog.lessons.len() as i64;
                let _ = writeln!(out, "{}", tr!(i18n, "lessons-check-ok", count = count));
                ExitCode::SUCCESS
            } else {
                let count = catalog.problems.len() as i64;
                let _ = writeln!(out, "{}", tr!(i18n, "lessons-check-failed", count = count));
                ExitCode::FAILURE
            }
        }
    }
}
