//! `opora central init|grants|refresh`: the central database's administrator creates or migrates
//! the server schema, prints the statements that give devices an insert-only role and analysts
//! a read-only one, and folds newly pushed events into the facts the reports read (run it from
//! a timer; `opora report --central` run by the owner does it first too). The address is the configured one (`config set central-url`) or `--url`,
//! the password the libpq ways; the administrator's role owns the schema.

use std::process::ExitCode;

use clap::Subcommand;

use crate::central::{CentralError, connect, facts, migrate, schema, sentence::sentence};
use crate::config::Config;
use opora_core::central::CentralUrl;
use opora_core::i18n::I18n;
use opora_core::tr;

#[derive(Debug, Subcommand)]
pub enum CentralAction {
    /// Create the central schema, or bring it up to this Opora's version, then print the
    /// GRANTs for the device and analyst roles.
    Init {
        /// The address to use instead of the configured one (never with a password).
        #[arg(long, value_name = "postgresql://…")]
        url: Option<String>,
    },
    /// Fold the sessions pushed since the last refresh into the facts the reports and BI views
    /// read (as the schema's owner).
    Refresh {
        #[arg(long, value_name = "postgresql://…")]
        url: Option<String>,
    },
    /// Print the GRANTs for the device (insert-only) and analyst (read-only) roles.
    Grants {
        /// The role that owns the schema (the one that ran `central init`).
        #[arg(long, default_value = "opora_owner")]
        owner: String,
    },
}

fn fail(sentence: &str) -> ExitCode {
    super::tell(sentence);
    ExitCode::FAILURE
}

/// Temporary failures (no network, a dropped connection) exit with 75 (`EX_TEMPFAIL`), so a
/// timer or a script can tell "try later" from "fix something".
pub fn failure(error: &CentralError, i18n: &I18n) -> ExitCode {
    super::tell(&sentence(error, i18n));
    match error {
        CentralError::Unreachable { .. } | CentralError::Dropped { .. } => ExitCode::from(75),
        _ => ExitCode::FAILURE,
    }
}

/// The central database's address: `--url`, else the configuration's.
pub fn address(url: Option<&str>, i18n: &I18n) -> Result<CentralUrl, String> {
    if let Some(text) = url {
        return CentralUrl::parse(text).map_err(|p| sentence(&CentralError::Url(p), i18n));
    }
    let config = Config::load(&crate::paths::config_file())
        .map_err(|e| super::config::config_error(&e, i18n))?;
    match config.central() {
        Ok(Some(url)) => Ok(url),
        Ok(None) => Err(sentence(&CentralError::NotSet, i18n)),
        Err(e) => Err(super::config::config_error(&e, i18n)),
    }
}

/// `opora central …`.
pub fn run(action: &CentralAction, i18n: &I18n) -> ExitCode {
    match action {
        CentralAction::Grants { owner } => {
            super::say(&schema::grants(owner));
            ExitCode::SUCCESS
        }
        CentralAction::Refresh { url } => refresh(url.as_deref(), i18n),
        CentralAction::Init { url } => {
            let url = match address(url.as_deref(), i18n) {
                Ok(url) => url,
                Err(sentence) => return fail(&sentence),
            };
            let mut central = match connect(&url) {
                Ok(central) => central,
                Err(e) => return failure(&e, i18n),
            };
            match migrate::init(&mut central) {
                Ok(done) => {
                    let id = if done.from == done.to {
                        "central-up-to-date"
                    } else {
                        "central-initialized"
                    };
                    super::say(&tr!(
                        i18n,
                        id,
                        from = done.from,
                        to = done.to,
                        server = central.peer.server.clone()
                    ));
                    super::say(&schema::grants(&done.owner));
                    ExitCode::SUCCESS
                }
                Err(e) => failure(&e, i18n),
            }
        }
    }
}

/// `opora central refresh`.
fn refresh(url: Option<&str>, i18n: &I18n) -> ExitCode {
    let url = match address(url, i18n) {
        Ok(url) => url,
        Err(sentence) => return fail(&sentence),
    };
    let mut central = match connect(&url) {
        Ok(central) => central,
        Err(e) => return failure(&e, i18n),
    };
    if let Err(e) = migrate::check(&mut central, crate::central::report::NEEDS, true) {
        return failure(&e, i18n);
    }
    match facts::refresh(&mut central, |_| {}) {
        Ok(done) => {
            let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
            super::say(&tr!(
                i18n,
                "central-refreshed",
                server = central.peer.server.clone(),
                sessions = count(done.sessions),
                events = count(done.events)
            ));
            if done.rebuilt {
                super::say(&i18n.t("central-refresh-rebuilt"));
            }
            if done.unknown > 0 {
                super::tell(&tr!(
                    i18n,
                    "central-refresh-unknown",
                    count = count(done.unknown)
                ));
            }
            ExitCode::SUCCESS
        }
        Err(e) => failure(&e, i18n),
    }
}
