//! `opora report [--by …] [--from DATE] [--to DATE] [--format table|csv|json] [--central]`:
//! the figures of this device's journal, or with `--central` of every device's sessions in the
//! bank's central database (the same figures, computed by the same code; `crate::central::report`).

use std::process::ExitCode;

use chrono::{NaiveDate, TimeZone, Utc};
use clap::Args;

use crate::central::report::{self, Freshness};
use crate::central::{Central, CentralError, connect, sentence::sentence};
use crate::cmd::journal::open_journal;
use crate::report::format::{Format, csv, json, table};
use crate::report::{Dimension, Period, Report, build};
use opora_core::i18n::I18n;
use opora_core::tr;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Break the figures down by this.
    #[arg(long, value_enum)]
    pub by: Option<Dimension>,
    /// First day of the period (YYYY-MM-DD, UTC), by when sessions started.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Last day of the period, included.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Report over every device, from the central database (`config set central-url`).
    #[arg(long)]
    pub central: bool,
}

/// The start of a day in milliseconds (UTC).
fn day_ms(date: NaiveDate) -> Option<i64> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    Some(Utc.from_utc_datetime(&midnight).timestamp_millis())
}

/// Reads the period; a bad date is a sentence naming it.
pub fn period(from: Option<&str>, to: Option<&str>, i18n: &I18n) -> Result<Period, String> {
    let parse = |text: &str| {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| tr!(i18n, "report-bad-date", date = text.to_string()))
    };
    let from_ms = from.map(parse).transpose()?.and_then(day_ms);
    let to_ms = to
        .map(parse)
        .transpose()?
        .and_then(|d| d.succ_opt())
        .and_then(day_ms);
    Ok(Period { from_ms, to_ms })
}

pub fn run(args: &ReportArgs, i18n: &I18n) -> ExitCode {
    let fail = |sentence: String| {
        super::tell(&sentence);
        ExitCode::FAILURE
    };
    let period = match period(args.from.as_deref(), args.to.as_deref(), i18n) {
        Ok(p) => p,
        Err(sentence) => return fail(sentence),
    };
    let built = if args.central {
        central_report(args, period, i18n)
    } else {
        open_journal(i18n).and_then(|journal| {
            build(&journal, args.by, period)
                .map_err(|e| e.sentence(opora_core::store_error::StoreFile::Journal, i18n))
        })
    };
    match built {
        Ok(report) => {
            let text = match args.format {
                Format::Table => table(&report, i18n),
                Format::Csv => opora_core::safe_text::lines(&csv(&report)).into_owned(),
                Format::Json => json(&report) + "\n",
            };
            use std::io::Write;
            match std::io::stdout().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => fail(e.to_string()),
            }
        }
        Err(sentence) => fail(sentence),
    }
}

/// The report from the central database; what is not yet in its facts is said on stderr.
fn central_report(args: &ReportArgs, period: Period, i18n: &I18n) -> Result<Report, String> {
    let mut central = open_central(i18n)?;
    let said = |e: CentralError| reading_failed(&e, i18n);
    let fresh = report::prepare(&mut central).map_err(said)?;
    freshness(&fresh, i18n);
    report::build(&mut central, args.by, period).map_err(said)
}

/// A connection to the configured central database, or the sentence why not.
pub fn open_central(i18n: &I18n) -> Result<Central, String> {
    let url = super::central::address(None, i18n)?;
    connect(&url).map_err(|e| reading_failed(&e, i18n))
}

/// What went wrong reading the central database, said for a reader (a push's sentences speak of
/// events waiting to be sent).
pub fn reading_failed(error: &CentralError, i18n: &I18n) -> String {
    match error {
        CentralError::Unreachable { server, reason } => tr!(
            i18n,
            "report-central-unreachable",
            server = server.clone(),
            reason = reason.clone()
        ),
        other => sentence(other, i18n),
    }
}

/// Tells, on stderr, when the central facts lag behind what was pushed.
pub fn freshness(fresh: &Freshness, i18n: &I18n) {
    match fresh.as_of {
        None => super::tell(&i18n.t("report-central-never")),
        Some(at) if fresh.waiting > 0 => super::tell(&tr!(
            i18n,
            "report-central-waiting",
            at = at.format("%Y-%m-%d %H:%M UTC").to_string(),
            waiting = fresh.waiting
        )),
        Some(_) => {}
    }
}
