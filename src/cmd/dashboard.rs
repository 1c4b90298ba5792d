//! `opora dashboard [--by …] [--from …] [--to …] [--central]`: the report's figures full screen —
//! conversion by the breakdown as bars, a lesson's funnel, weekly conversion; in plain mode the
//! table. With `--central`, over every device's sessions in the bank's central database.

use super::Cli;
use super::journal::open_journal;
use super::parts::wants_plain;
use super::report::{ReportArgs, freshness, open_central, period, reading_failed};
use crate::central::CentralError;
use crate::edge::{CentralDashboardEdge, DashboardEdge};
use crate::report::Dimension;
use crate::report::dashboard::{Dashboard, FiguresError};
use crate::report::format::Format;
use crate::speech::policy::SpeechPolicy;
use crate::tui::runner::Face;
use crate::tui::theme::Theme;
use clap::Args;
use opora_core::i18n::I18n;
use opora_core::store_error::StoreFile;
use opora_core::tr;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct DashboardArgs {
    /// The breakdown shown first (digits 1–7 switch it).
    #[arg(long, value_enum, default_value = "segment")]
    pub by: Dimension,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Every device's figures, from the central database (`config set central-url`).
    #[arg(long)]
    pub central: bool,
}

/// `opora dashboard`: full screen; in plain mode the same figures as the report's table.
pub fn run(cli: &Cli, args: &DashboardArgs, i18n: &I18n) -> ExitCode {
    let plain = wants_plain(cli);
    let theme = &Theme::from_env(cli.theme, std::env::var_os("NO_COLOR").is_some());
    if plain {
        super::say(&tr!(
            i18n,
            "dashboard-plain",
            by = args.by.name().replace('_', "-")
        ));
        let report = ReportArgs {
            by: Some(args.by),
            from: args.from.clone(),
            to: args.to.clone(),
            format: Format::Table,
            central: args.central,
        };
        return super::report::run(&report, i18n);
    }
    let fail = |sentence: String| {
        super::tell(&sentence);
        ExitCode::FAILURE
    };
    let period = match period(args.from.as_deref(), args.to.as_deref(), i18n) {
        Ok(p) => p,
        Err(sentence) => return fail(sentence),
    };
    let (mut dash, start) = Dashboard::new(args.by, period);
    let face = Face {
        i18n,
        theme,
        speech: SpeechPolicy::silent(i18n.lang()),
        voice: None,
    };
    if args.central {
        let mut central = match open_central(i18n) {
            Ok(central) => central,
            Err(sentence) => return fail(sentence),
        };
        match crate::central::report::prepare(&mut central) {
            Ok(fresh) => freshness(&fresh, i18n),
            Err(e) => return fail(reading_failed(&e, i18n)),
        }
        let edge = CentralDashboardEdge::new(central);
        let failure = edge.failure.clone();
        let ran = crate::tui::runner::run(&mut dash, edge, start, face);
        let kept = failure.lock().ok().and_then(|mut f| f.take());
        return ended(ran, &dash, kept.as_ref(), i18n);
    }
    let journal = match open_journal(i18n) {
        Ok(j) => j,
        Err(sentence) => return fail(sentence),
    };
    let ran = crate::tui::runner::run(&mut dash, DashboardEdge::new(journal), start, face);
    ended(ran, &dash, None, i18n)
}

/// How the dashboard ended: fine, or one sentence why not.
fn ended(
    ran: std::io::Result<()>,
    dash: &Dashboard,
    central: Option<&CentralError>,
    i18n: &I18n,
) -> ExitCode {
    let fail = |sentence: String| {
        super::tell(&sentence);
        ExitCode::FAILURE
    };
    match (ran, &dash.failure) {
        (Err(e), _) => fail(tr!(i18n, "terminal-failed", reason = e.to_string())),
        (Ok(()), None) => ExitCode::SUCCESS,
        (Ok(()), Some(FiguresError::Journal(e))) => fail(e.sentence(StoreFile::Journal, i18n)),
        (Ok(()), Some(FiguresError::Central)) => match central {
            Some(e) => fail(reading_failed(e, i18n)),
            None => ExitCode::FAILURE,
        },
    }
}
