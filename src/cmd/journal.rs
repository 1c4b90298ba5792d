//! `opora journal export|import|purge`: moving this device's journal to or from a file, and
//! deleting old sessions. Each prints one sentence in the staff member's language; a problem is
//! a sentence on standard error and a failing exit status.
//!
//! An export never lands on Opora's own databases, asks before replacing a file outside its
//! folder (`--force` in scripts), and is private to its owner; an import reads only a regular
//! file, each line bounded, and every event passes the journal's gate.

use std::io::BufReader;
use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;

use super::Cli;
use super::journal_export::{self, ExportFormat};
use crate::files::target::{self, Replace};
use crate::store::journal::Journal;
use crate::store::journal::ndjson::{ImportError, LINE_MAX, LineError};
use opora_core::file_problem::FileProblem;
use opora_core::i18n::I18n;
use opora_core::tr;

/// The furthest back `purge --older-than` may reach: a hundred years.
pub const PURGE_MAX_DAYS: u32 = 36_500;

#[derive(Debug, Subcommand)]
pub enum JournalAction {
    /// Write every event of this device's journal to FILE: newline-delimited JSON (for
    /// `opora journal import`), or for process-mining tools XES or the flat CSV event table.
    Export {
        file: std::path::PathBuf,
        #[arg(long, value_enum, default_value = "ndjson")]
        format: ExportFormat,
    },
    /// Make the typed facts that reports read again from the events alone.
    Rebuild,
    /// Add the events of FILE (another device's export); events already here are skipped.
    Import { file: std::path::PathBuf },
    /// Delete sessions whose last event is older than DAYS days.
    Purge {
        #[arg(long, value_name = "DAYS")]
        older_than: u32,
    },
    /// Send every event the central database has not acknowledged (config set central-url).
    Push {
        /// Events per batch (one server transaction each).
        #[arg(long, default_value_t = crate::central::push::BATCH as u32, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        batch: u32,
    },
}

fn import_error(error: &ImportError, i18n: &I18n) -> String {
    match error {
        ImportError::Line { line, error } => {
            let reason = match error {
                LineError::NoHeader => i18n.t("journal-line-no-header"),
                LineError::TooNew(_) => i18n.t("journal-line-too-new"),
                LineError::BadEvent(detail) => {
                    tr!(i18n, "journal-line-bad-event", detail = detail.clone())
                }
                LineError::TooLong => {
                    let size = FileProblem::TooBig {
                        max_bytes: LINE_MAX as u64,
                    };
                    let reason = size.reason(i18n);
                    tr!(i18n, "journal-line-too-long", size = reason)
                }
                LineError::Invalid(invalid) => {
                    tr!(
                        i18n,
                        "journal-line-invalid",
                        reason = invalid.sentence(i18n)
                    )
                }
                LineError::Conflict(id) => {
                    tr!(i18n, "journal-line-conflict", id = id.to_string())
                }
            };
            tr!(
                i18n,
                "journal-import-bad-line",
                line = i64::try_from(*line).unwrap_or(i64::MAX),
                reason = reason
            )
        }
        ImportError::Io(e) => tr!(i18n, "journal-file-io", reason = e.to_string()),
        ImportError::Store(e) => e.sentence(opora_core::store_error::StoreFile::Journal, i18n),
    }
}

/// Prints the sentence of a success, or fails with the sentence of a problem.
fn said(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(sentence) => {
            println!("{sentence}");
            ExitCode::SUCCESS
        }
        Err(sentence) => fail(&sentence),
    }
}

pub fn fail(sentence: &str) -> ExitCode {
    super::tell(sentence);
    ExitCode::FAILURE
}

/// Opens this device's journal, or says why not.
pub fn open_journal(i18n: &I18n) -> Result<Journal, String> {
    Journal::open(&crate::paths::journal_db())
        .map_err(|e| e.sentence(opora_core::store_error::StoreFile::Journal, i18n))
}

/// `opora journal …`.
pub fn run(cli: &Cli, action: &JournalAction, i18n: &I18n) -> ExitCode {
    if let JournalAction::Push { batch } = action {
        return super::journal_push::run(*batch as usize, i18n);
    }
    if let JournalAction::Purge { older_than } = action
        && *older_than > PURGE_MAX_DAYS
    {
        return fail(&tr!(
            i18n,
            "journal-purge-too-far",
            days = i64::from(*older_than),
            max = i64::from(PURGE_MAX_DAYS)
        ));
    }
    if let JournalAction::Export { file, .. } = action {
        let data = crate::paths::data_dir();
        let own = target::own_files(&data, &crate::paths::config_file());
        let replace = Replace::choose(cli.force, super::parts::wants_plain(cli));
        if let Err(problem) = target::check(file, &data, &own, replace, i18n) {
            return fail(&problem.sentence(i18n));
        }
    }
    let mut journal = match open_journal(i18n) {
        Ok(journal) => journal,
        Err(sentence) => return fail(&sentence),
    };
    match action {
        JournalAction::Export { file, format } if *format != ExportFormat::Ndjson => said(
            journal_export::run(&journal, file, *format, i18n).map_err(|e| import_error(&e, i18n)),
        ),
        JournalAction::Rebuild => said(journal_export::rebuild(&mut journal, i18n)),
        JournalAction::Export { file, .. } => match export_to(&journal, file) {
            Ok(count) => {
                super::say(&tr!(
                    i18n,
                    "journal-exported",
                    count = i64::try_from(count).unwrap_or(i64::MAX),
                    path = file.display().to_string()
                ));
                ExitCode::SUCCESS
            }
            Err(e) => fail(&import_error(&e, i18n)),
        },
        JournalAction::Import { file } => {
            let opened = crate::files::read::open_regular(file, crate::files::read::IMPORT_MAX)
                .map_err(|problem| problem.sentence(file, i18n));
            let result = opened.and_then(|f| {
                journal
                    .import(BufReader::new(f))
                    .map_err(|e| import_error(&e, i18n))
            });
            match result {
                Ok(summary) => {
                    super::say(&tr!(
                        i18n,
                        "journal-imported",
                        added = i64::try_from(summary.added).unwrap_or(i64::MAX),
                        skipped = i64::try_from(summary.already_present).unwrap_or(i64::MAX)
                    ));
                    ExitCode::SUCCESS
                }
                Err(sentence) => fail(&sentence),
            }
        }
        JournalAction::Purge { older_than } => {
            let cutoff = chrono::Utc::now()
                .checked_sub_signed(chrono::Duration::days(i64::from(*older_than)))
                .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC);
            match journal.purge_before(cutoff) {
                Ok(count) => {
                    super::say(&tr!(
                        i18n,
                        "journal-purged",
                        count = i64::try_from(count).unwrap_or(i64::MAX),
                        days = i64::from(*older_than)
                    ));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e.sentence(opora_core::store_error::StoreFile::Journal, i18n)),
            }
        }
        JournalAction::Push { .. } => ExitCode::SUCCESS,
    }
}

/// Writes the export to a private temporary file beside the target first, so a failed export
/// never leaves half a file, and nothing planted beside the target receives it.
fn export_to(journal: &Journal, file: &Path) -> Result<usize, ImportError> {
    let mut outcome: Result<usize, ImportError> = Ok(0);
    let written = crate::files::private::replace_with(file, |out| {
        let mut writer = std::io::BufWriter::new(out);
        outcome = journal.export(&mut writer);
        if outcome.is_err() {
            return Err(std::io::Error::other("export failed"));
        }
        writer.into_inner().map(|_| ()).map_err(|e| e.into_error())
    });
    let count = outcome?;
    written?;
    Ok(count)
}
