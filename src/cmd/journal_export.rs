//! `opora journal export --format xes|csv FILE` (the event log for process-mining tools; the
//! default NDJSON export is `journal.rs`'s) and `opora journal rebuild` (the typed facts made
//! again from the events). Each prints one sentence in the staff member's language.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::journal::{fail, import_error};
use crate::store::journal::Journal;
use crate::store::journal::mining::Written;
use crate::store::journal::ndjson::ImportError;
use opora_core::i18n::I18n;
use opora_core::tr;

/// What `opora journal export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Newline-delimited JSON, for `opora journal import` on another device.
    Ndjson,
    /// IEEE 1849 XES, for ProM, pm4py, Disco, Celonis.
    Xes,
    /// The flat event table (case:concept:name, concept:name, time:timestamp, org:resource).
    Csv,
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Writes the event log beside FILE first, so a failed export never leaves half a file.
pub fn run(journal: &Journal, file: &Path, format: ExportFormat, i18n: &I18n) -> ExitCode {
    let write = || -> Result<Written, ImportError> {
        let mut tmp = file.as_os_str().to_owned();
        tmp.push(".partial");
        let tmp = PathBuf::from(tmp);
        let written = {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            let written = match format {
                ExportFormat::Csv => journal.export_csv(&mut out)?,
                _ => journal.export_xes(&mut out)?,
            };
            out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            written
        };
        std::fs::rename(&tmp, file)?;
        Ok(written)
    };
    match write() {
        Ok(written) => {
            println!(
                "{}",
                tr!(
                    i18n,
                    "journal-exported-log",
                    cases = count(written.cases),
                    events = count(written.events),
                    path = file.display().to_string()
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&import_error(&e, i18n)),
    }
}

/// `opora journal rebuild`.
pub fn rebuild(journal: &mut Journal, i18n: &I18n) -> ExitCode {
    match journal.rebuild_facts() {
        Ok(summary) => {
            println!(
                "{}",
                tr!(
                    i18n,
                    "journal-rebuilt",
                    events = count(summary.events),
                    sessions = count(summary.sessions),
                    steps = count(summary.steps)
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.sentence(opora_core::store_error::StoreFile::Journal, i18n)),
    }
}
