//! `opora dashboard [--by …] [--from …] [--to …]`: the report's figures full screen — conversion
//! by the breakdown as bars, a lesson's funnel, weekly conversion; in plain mode the table.

use super::Cli;
use super::journal::open_journal;
use super::parts::wants_plain;
use super::report::{ReportArgs, period};
use crate::edge::DashboardEdge;
use crate::report::Dimension;
use crate::report::dashboard::Dashboard;
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
    let journal = match open_journal(i18n) {
        Ok(j) => j,
        Err(sentence) => return fail(sentence),
    };
    let (mut dash, start) = Dashboard::new(args.by, period);
    let face = Face {
        i18n,
        theme,
        speech: SpeechPolicy::silent(i18n.lang()),
        voice: None,
    };
    match crate::tui::runner::run(&mut dash, DashboardEdge::new(journal), start, face) {
        Ok(()) => match &dash.failure {
            None => ExitCode::SUCCESS,
            Some(e) => fail(e.sentence(StoreFile::Journal, i18n)),
        },
        Err(e) => fail(tr!(i18n, "terminal-failed", reason = e.to_string())),
    }
}
