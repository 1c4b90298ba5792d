//! `opora journal export --format xes|csv FILE` (the event log for process-mining tools; the
//! default NDJSON export is `journal.rs`'s) and `opora journal rebuild` (the typed facts made
//! again from the events). Each gives `journal.rs` one sentence in the staff member's language
//! to print.

use std::path::Path;

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

/// Writes the event log to a private temporary file beside FILE first (as the NDJSON export
/// does), so a failed export never leaves half a file and nothing planted beside the target
/// receives it; the sentence saying what was written.
pub fn run(
    journal: &Journal,
    file: &Path,
    format: ExportFormat,
    i18n: &I18n,
) -> Result<String, ImportError> {
    let mut outcome: Result<Written, ImportError> = Ok(Written::default());
    let replaced = crate::files::private::replace_with(file, |out| {
        let mut writer = std::io::BufWriter::new(out);
        outcome = match format {
            ExportFormat::Csv => journal.export_csv(&mut writer),
            _ => journal.export_xes(&mut writer),
        };
        if outcome.is_err() {
            return Err(std::io::Error::other("export failed"));
        }
        writer.into_inner().map(|_| ()).map_err(|e| e.into_error())
    });
    let written = outcome?;
    replaced?;
    Ok(tr!(
        i18n,
        "journal-exported-log",
        cases = count(written.cases),
        events = count(written.events),
        path = file.display().to_string()
    ))
}

/// `opora journal rebuild`: the sentence saying what was made, or why not.
pub fn rebuild(journal: &mut Journal, i18n: &I18n) -> Result<String, String> {
    let summary = journal
        .rebuild_facts()
        .map_err(|e| e.sentence(opora_core::store_error::StoreFile::Journal, i18n))?;
    Ok(tr!(
        i18n,
        "journal-rebuilt",
        events = count(summary.events),
        sessions = count(summary.sessions),
        steps = count(summary.steps)
    ))
}
