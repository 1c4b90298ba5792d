//! `opora`: the practice kiosk for a client practising alone, full screen or in plain lines.
//! Their journey is kept as an anonymous self-practice session unless the device says not to.

use super::client::{self, ClientParts};
use super::config::config_error;
use super::journal::open_journal;
use super::parts::wants_plain;
use super::{Cli, tell};
use crate::config::Config;
use crate::edge::PracticeLog;
use crate::locales::LocaleSource;
use opora_core::i18n::I18n;
use opora_core::tr;
use std::process::ExitCode;

pub fn run(cli: &Cli, i18n: &I18n, source: &LocaleSource) -> ExitCode {
    let plain = wants_plain(cli);
    let ClientParts {
        mut app,
        start,
        mut edge,
        senses,
        mut problems,
        ..
    } = match client::build(cli, i18n, source, plain) {
        Ok(parts) => parts,
        Err(sentence) => {
            tell(&sentence);
            return ExitCode::FAILURE;
        }
    };
    match practice_log(i18n) {
        Ok(Some(log)) => {
            edge = edge.with_practice_log(log);
            app.set_journey_kept(true);
        }
        Ok(None) => {}
        Err(sentence) => problems.push(sentence),
    }
    app.set_startup_notice(problems.clone());
    let result = if plain {
        client::plain_face(
            &mut app,
            &mut edge,
            start,
            senses,
            &problems,
            |app| app,
            i18n,
        )
    } else {
        client::full_screen(cli, &mut app, edge, start, senses, i18n)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) if plain => {
            tell(&tr!(i18n, "input-failed", reason = e.to_string()));
            ExitCode::FAILURE
        }
        Err(e) => {
            tell(&tr!(i18n, "terminal-failed", reason = e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// The journal for a client practising alone: `None` when the device turned it off; a
/// sentence when the configuration or the journal cannot be read (the kiosk goes on without).
fn practice_log(i18n: &I18n) -> Result<Option<PracticeLog>, String> {
    let path = crate::paths::config_file();
    let config = Config::load(&path).map_err(|e| config_error(&e, i18n))?;
    if !config.keeps_self_practice() {
        return Ok(None);
    }
    let journal = open_journal(i18n)?;
    let device = config.device_id.as_deref().unwrap_or("unnamed-device");
    let site = config.site.as_deref().unwrap_or("");
    Ok(Some(PracticeLog::new(journal, device, site)))
}
