//! `opora journal export|import|purge`: moving this device's journal to or from a file, and
//! deleting old sessions. Each prints one sentence in the staff member's language; a problem is
//! a sentence on standard error and a failing exit status.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use super::journal_export::{self, ExportFormat};
use crate::store::journal::Journal;
use crate::store::journal::ndjson::{ImportError, LineError};
use opora_core::i18n::I18n;
use opora_core::tr;

#[derive(Debug, Subcommand)]
pub enum JournalAction {
    /// Write every event of this device's journal to FILE: newline-delimited JSON (for
    /// `opora journal import`), or for process-mining tools XES or the flat CSV event table.
    Export {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "ndjson")]
        format: ExportFormat,
    },
    /// Make the typed facts that reports read again from the events alone.
    Rebuild,
    /// Add the events of FILE (another device's export); events already here are skipped.
    Import { file: PathBuf },
    /// Delete sessions whose last event is older than DAYS days.
    Purge {
        #[arg(long, value_name = "DAYS")]
        older_than: u32,
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
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{sentence}");
    ExitCode::FAILURE
}

/// Opens this device's journal, or says why not.
pub fn open_journal(i18n: &I18n) -> Result<Journal, String> {
    Journal::open(&crate::paths::journal_db())
        .map_err(|e| e.sentence(opora_core::store_error::StoreFile::Journal, i18n))
}

/// `opora journal …`.
pub fn run(action: &JournalAction, i18n: &I18n) -> ExitCode {
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
                println!(
                    "{}",
                    tr!(
                        i18n,
                        "journal-exported",
                        count = i64::try_from(count).unwrap_or(i64::MAX),
                        path = file.display().to_string()
                    )
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&import_error(&e, i18n)),
        },
        JournalAction::Import { file } => {
            let opened = std::fs::File::open(file)
                .map_err(|e| tr!(i18n, "journal-file-io", reason = e.to_string()));
            let result = opened.and_then(|f| {
                journal
                    .import(BufReader::new(f))
                    .map_err(|e| import_error(&e, i18n))
            });
            match result {
                Ok(summary) => {
                    println!(
                        "{}",
                        tr!(
                            i18n,
                            "journal-imported",
                            added = i64::try_from(summary.added).unwrap_or(i64::MAX),
                            skipped = i64::try_from(summary.already_present).unwrap_or(i64::MAX)
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(sentence) => fail(&sentence),
            }
        }
        JournalAction::Purge { older_than } => {
            let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(*older_than));
            match journal.purge_before(cutoff) {
                Ok(count) => {
                    println!(
                        "{}",
                        tr!(
                            i18n,
                            "journal-purged",
                            count = i64::try_from(count).unwrap_or(i64::MAX),
                            days = i64::from(*older_than)
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e.sentence(opora_core::store_error::StoreFile::Journal, i18n)),
            }
        }
    }
}

/// Writes the export beside the target first, so a failed export never leaves half a file.
fn export_to(journal: &Journal, file: &Path) -> Result<usize, ImportError> {
    let mut tmp = file.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = PathBuf::from(tmp);
    let count = {
        let out = std::fs::File::create(&tmp)?;
        let mut writer = std::io::BufWriter::new(out);
        let count = journal.export(&mut writer)?;
        writer
            .into_inner()
            .map_err(|e| e.into_error())?
            .sync_all()?;
        count
    };
    std::fs::rename(&tmp, file)?;
    Ok(count)
}
