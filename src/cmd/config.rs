//! `opora config set|show`: the bank-wide pseudonym key and this device's id, kept in the
//! configuration file (owner-only); `show` says whether the key is set and usable and never
//! prints it. The key is never taken from the command line: `config set bank-key` asks for it
//! at a prompt that does not show what is typed, or reads it from standard input.

use crate::config::{Config, ConfigError};
use clap::Subcommand;
use opora_core::i18n::I18n;
use opora_core::journal::pseudonym::BankKey;
use opora_core::tr;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// The longest key read from standard input.
const KEY_INPUT_MAX: u64 = 4096;

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Set device-id NAME, or bank-key (the bank-wide pseudonym key, the same on every
    /// device): the key is asked for without showing it, or read from standard input, never
    /// given here.
    Set { name: String, value: Option<String> },
    /// Show where the configuration is and what is set (never the key itself).
    Show,
}

fn fail(sentence: &str) -> ExitCode {
    super::tell(sentence);
    ExitCode::FAILURE
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
        ConfigError::Unreadable { path, problem } => problem.sentence(path, i18n),
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
        ConfigError::KeyWeak => i18n.t("config-key-weak"),
        ConfigError::KeyOnCommandLine => i18n.t("config-key-on-command-line"),
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
        ConfigError::CentralUrl(problem) => tr!(
            i18n,
            "central-url-invalid",
            reason = crate::central::sentence::url_problem(problem, i18n)
        ),
    }
}

/// Warns on standard error when others may read the configuration file (it holds the key).
pub fn warn_if_exposed(path: &Path, i18n: &I18n) {
    if let Some(mode) = crate::config::exposed(path) {
        super::tell(&tr!(
            i18n,
            "config-exposed",
            path = path.display().to_string(),
            mode = format!("{mode:03o}")
        ));
    }
}

fn is_key(name: &str) -> bool {
    matches!(name, "bank-key" | "bank_key")
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
            let value = match (is_key(name), value) {
                (true, Some(_)) => {
                    return fail(&config_error(&ConfigError::KeyOnCommandLine, i18n));
                }
                (true, None) => match read_key(i18n) {
                    Some(key) => key,
                    None => return fail(&i18n.t("config-key-empty")),
                },
                (false, Some(value)) => value.clone(),
                (false, None) => String::new(),
            };
            match config.set(name, &value).and_then(|()| config.save(&path)) {
                Ok(()) => {
                    super::say(&tr!(
                        i18n,
                        "config-saved",
                        name = name.clone(),
                        path = path.display().to_string()
                    ));
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&config_error(&e, i18n)),
            }
        }
        ConfigAction::Show => {
            warn_if_exposed(&path, i18n);
            let yes_no = |set: bool| {
                i18n.t(if set {
                    "config-is-set"
                } else {
                    "config-not-set"
                })
            };
            let key = match config.bank_key.as_deref().map(BankKey::check) {
                None => yes_no(false),
                Some(Ok(_)) => yes_no(true),
                Some(Err(problem)) => {
                    let reason = config_error(&crate::config::key_error(problem), i18n);
                    tr!(i18n, "config-key-unusable", reason = reason)
                }
            };
            super::say(&tr!(
                i18n,
                "config-shown",
                path = path.display().to_string(),
                key = key,
                device = config.device_id.clone().unwrap_or_else(|| yes_no(false))
            ));
            super::say(&central_line(&config, i18n));
            ExitCode::SUCCESS
        }
    }
}

/// Whether a central database is set, and where its password would come from — never the
/// password.
fn central_line(config: &Config, i18n: &I18n) -> String {
    use crate::central::connect::{PasswordSource, password};
    let url = match config.central() {
        Ok(Some(url)) => url,
        Ok(None) => return i18n.t("config-central-not-set"),
        Err(e) => return config_error(&e, i18n),
    };
    let source = match password(&url) {
        Ok((_, PasswordSource::Environment)) => i18n.t("config-password-env"),
        Ok((_, PasswordSource::File(path))) => {
            tr!(
                i18n,
                "config-password-file",
                path = path.display().to_string()
            )
        }
        Ok((_, PasswordSource::None)) => i18n.t("config-password-none"),
        Err(crate::central::CentralError::PassfileExposed { path }) => tr!(
            i18n,
            "config-password-exposed",
            path = path.display().to_string()
        ),
        Err(e) => crate::central::sentence::sentence(&e, i18n),
    };
    tr!(i18n, "config-central", url = url.shown(), password = source)
}

/// The key: typed at a prompt that does not show it, when standard input is a terminal;
/// otherwise the first line of standard input. `None` when nothing was given.
fn read_key(i18n: &I18n) -> Option<String> {
    let stdin = std::io::stdin();
    let line = if stdin.is_terminal() {
        let mut err = std::io::stderr();
        let _ = write!(err, "{} ", i18n.t("config-key-prompt"));
        let _ = err.flush();
        let echo = EchoOff::new();
        let mut line = String::new();
        let read = stdin.lock().read_line(&mut line);
        drop(echo);
        let _ = writeln!(err);
        read.ok()?;
        line
    } else {
        let mut bytes = Vec::new();
        stdin
            .lock()
            .take(KEY_INPUT_MAX)
            .read_to_end(&mut bytes)
            .ok()?;
        String::from_utf8_lossy(&bytes)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let key = line.trim().to_string();
    (!key.is_empty()).then_some(key)
}

/// The terminal's echo turned off while the key is typed, and back on when dropped.
struct EchoOff {
    saved: Option<libc::termios>,
}

impl EchoOff {
    fn new() -> EchoOff {
        // SAFETY: termios is plain data; tcgetattr fills it or fails, and both calls only
        // touch standard input's terminal settings.
        unsafe {
            let mut term: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut term) != 0 {
                return EchoOff { saved: None };
            }
            let saved = term;
            term.c_lflag &= !libc::ECHO;
            term.c_lflag |= libc::ECHONL;
            if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &term) != 0 {
                return EchoOff { saved: None };
            }
            EchoOff { saved: Some(saved) }
        }
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        if let Some(saved) = &self.saved {
            // SAFETY: restores the settings read in `new`.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved);
            }
        }
    }
}
