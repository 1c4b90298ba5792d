//! `opora config set|show`: the bank-wide pseudonym key and this device's id, kept in the
//! configuration file (owner-only); `show` says whether the key is set and never prints it.

use super::journal::fail;
use crate::config::{Config, ConfigError};
use clap::Subcommand;
use opora_core::i18n::I18n;
use opora_core::tr;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Set bank-key (the bank-wide pseudonym key, the same on every device) or device-id.
    Set { name: String, value: String },
    /// Show where the configuration is and what is set (never the key itself).
    Show,
}

/// Configuration problems, as sentences that say how to fix them.
pub fn config_error(error: &ConfigError, i18n: &I18n) -> String {
    match error {
        ConfigError::Io { path, reason } => tr!(
            i18n,
            "config-io",
            path = path.display().to_string(),
            reason = reason.clone()
        ),
        ConfigError::Invalid { path, reason } => tr!(
            i18n,
            "config-invalid",
            path = path.display().to_string(),
            reason = reason.clone()
        ),
        ConfigError::NoBankKey { path } => {
            tr!(
                i18n,
                "config-no-bank-key",
                path = path.display().to_string()
            )
        }
        ConfigError::KeyTooShort => i18n.t("config-key-too-short"),
        ConfigError::NoDeviceId { path } => {
            tr!(
                i18n,
                "config-no-device-id",
                path = path.display().to_string()
            )
        }
        ConfigError::BadDeviceId => i18n.t("config-bad-device-id"),
        ConfigError::BadSite => i18n.t("config-bad-site"),
        ConfigError::NotOnOff => i18n.t("config-not-on-off"),
        ConfigError::UnknownSetting(name) => {
            tr!(i18n, "config-unknown-setting", name = name.clone())
        }
    }
}

/// `opora config …`.
pub fn run(action: &ConfigAction, i18n: &I18n) -> ExitCode {
    let path = crate::paths::config_file();
    let mut config = match Config::load(&path) {
        Ok(config) => config,
        Err(e) => return fail(&config_error(&e, i18n)),
    };
    match action {
        ConfigAction::Set { name, value } => {
            match config.set(name, value).and_then(|()| config.save(&path)) {
                Ok(()) => {
                    println!(
                        "{}",
                        tr!(
                            i18n,
                            "config-saved",
                            name = name.clone(),
                            path = path.display().to_string()
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&config_error(&e, i18n)),
            }
        }
        ConfigAction::Show => {
            let yes_no = |set: bool| {
                i18n.t(if set {
                    "config-is-set"
                } else {
                    "config-not-set"
                })
            };
            println!(
                "{}",
                tr!(
                    i18n,
                    "config-shown",
                    path = path.display().to_string(),
                    key = yes_no(config.bank_key.is_some()),
                    device = config.device_id.clone().unwrap_or_else(|| yes_no(false))
                )
            );
            ExitCode::SUCCESS
        }
    }
}
