//! `opora central init|grants`: the central database's administrator creates or migrates the
//! server schema, and prints the statements that give devices an insert-only role and analysts
//! a read-only one. The address is the configured one (`config set central-url`) or `--url`,
//! the password the libpq ways; the administrator's role owns the schema.

use std::process::ExitCode;

use clap::Subcommand;

use crate::central::{CentralError, connect, migrate, schema, sentence::sentence};
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
