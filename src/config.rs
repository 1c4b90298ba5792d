//! The device's configuration file: the bank-wide pseudonym key and this device's id, set once
//! per device by `opora config set bank-key` (the key is typed at a prompt that does not show
//! it, or read from standard input — never from the command line, where `ps` and the shell's
//! history would keep it) and `opora config set device-id …`, or by editing the file
//! (`$OPORA_HOME/config.toml`, else `~/.config/opora/config.toml`):
//!
//! ```toml
//! bank_key = "the same secret on every device of the bank"
//! device_id = "tver-branch-3"
//! site = "Тверь, отделение 3"      # recorded with self-practice sessions
//! self_practice_journal = false    # do not keep clients practising alone (kept by default)
//! central_url = "postgresql://kiosk_tver_3@db.bank:5432/opora?sslmode=verify-full"
//!
//! [speech]
//! mode = "espeak"
//! ```
//!
//! The file is its owner's alone: written `0600` through a new temporary file beside it,
//! created exclusively and never through a symbolic link, then renamed into place. A file that
//! others may read is still used, with a warning ([`exposed`]). Error messages never repeat a
//! value from the file: the value might be the key.

use serde::{Deserialize, Serialize};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use thiserror::Error;

use opora_core::journal::pseudonym::{BankKey, KEY_MIN_CHARS, KeyProblem};

/// What the file holds. Unknown keys are kept out (a typo is an error, not silently ignored).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// Where this device stands (a branch, a brigade), recorded with self-practice sessions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Whether a client practising alone at the kiosk is kept in the journal as an anonymous
    /// self-practice session (default: yes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_practice_journal: Option<bool>,
    /// The bank-wide journal on PostgreSQL (`opora journal push`, `report --central`): its
    /// address, never with a password (`central::connect` takes that from `PGPASSWORD` or a
    /// passfile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub central_url: Option<String>,
    /// The `[speech]` table, read by `speech::choose`; kept as it is when the file is rewritten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speech: Option<toml::Table>,
    /// The `[kiosk]` table (the terminal's font and size), read by the kiosk's session script
    /// `scripts/kiosk/opora-kiosk-session`; kept as it is when the file is rewritten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk: Option<toml::Table>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("the configuration file {path:?} cannot be read or written: {reason}")]
    Io { path: PathBuf, reason: String },
    /// Not a regular file, too large, or refused by the system.
    #[error("the configuration file {path:?} cannot be read: {problem:?}")]
    Unreadable {
        path: PathBuf,
        problem: opora_core::file_problem::FileProblem,
    },
    #[error("the configuration file {path:?} is not valid: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("no bank-wide pseudonym key is set in {path:?}")]
    NoBankKey { path: PathBuf },
    #[error("the bank key must have at least {KEY_MIN_CHARS} characters")]
    KeyTooShort,
    #[error("the bank key is too easy to guess")]
    KeyWeak,
    /// `config set bank-key VALUE`: the key on the command line.
    #[error("the bank key is never given on the command line")]
    KeyOnCommandLine,
    #[error("no device id is set in {path:?}")]
    NoDeviceId { path: PathBuf },
    #[error("a device id has 1 to 64 letters, digits, dots, dashes or underscores")]
    BadDeviceId,
    #[error("a site has 1 to 40 letters, digits, spaces, dots, commas or dashes")]
    BadSite,
    #[error("say on or off")]
    NotOnOff,
    #[error("unknown setting {0:?}")]
    UnknownSetting(String),
    #[error("the central database address is not valid: {0}")]
    CentralUrl(opora_core::central::UrlProblem),
}

/// What an assisted session needs from the configuration.
#[derive(Clone, Debug)]
pub struct JournalSettings {
    pub key: BankKey,
    pub device_id: String,
}

impl Config {
    /// Reads the file; a missing file is an empty configuration.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match crate::files::read::read_text(path, crate::files::read::CONFIG_MAX) {
            Ok(text) => text,
            Err(_) if !path.exists() => return Ok(Config::default()),
            Err(problem) => {
                return Err(ConfigError::Unreadable {
                    path: path.to_path_buf(),
                    problem,
                });
            }
        };
        Config::parse(&text).map_err(|reason| ConfigError::Invalid {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Reads the file's text. The error names the line and what is wrong, never the value
    /// found there (it may be the key).
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| {
                text.get(..span.start.min(text.len()))
                    .map_or(1, |head| head.matches('\n').count() + 1)
            });
            let reason = redact(e.message());
            match line {
                Some(line) => format!("line {line}: {reason}"),
                None => reason,
            }
        })
    }

    /// Writes the file (creating its folder, private), readable by its owner only, replaced
    /// whole through a new temporary file.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let io = |e: std::io::Error| ConfigError::Io {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::files::private::private_dir(dir).map_err(io)?;
        }
        let text = toml::to_string(self).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            reason: redact(&e.to_string()),
        })?;
        crate::files::private::replace_with(path, |file| {
            use std::io::Write;
            file.write_all(text.as_bytes())
        })
        .map_err(io)
    }

    /// Changes one setting by its command-line name (`bank-key`, `device-id`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ConfigError> {
        match name {
            "bank-key" | "bank_key" => {
                let key = value.trim();
                BankKey::check(key).map_err(key_error)?;
                self.bank_key = Some(key.to_string());
            }
            "device-id" | "device_id" => {
                let id = value.trim();
                if !valid_device_id(id) {
                    return Err(ConfigError::BadDeviceId);
                }
                self.device_id = Some(id.to_string());
            }
            "site" => {
                let site = value.trim();
                use opora_core::journal::validate::{TextRule, text};
                if text(site, TextRule::Label).is_err() {
                    return Err(ConfigError::BadSite);
                }
                self.site = Some(site.to_string());
            }
            "self-practice-journal" | "self_practice_journal" => {
                self.self_practice_journal = Some(match value.trim() {
                    "on" | "yes" | "true" => true,
                    "off" | "no" | "false" => false,
                    _ => return Err(ConfigError::NotOnOff),
                });
            }
            "central-url" | "central_url" => {
                let text = value.trim();
                self.central_url = if matches!(text, "" | "off" | "none") {
                    None
                } else {
                    let url = opora_core::central::CentralUrl::parse(text)
                        .map_err(ConfigError::CentralUrl)?;
                    Some(url.shown())
                };
            }
            other => return Err(ConfigError::UnknownSetting(other.to_string())),
        }
        Ok(())
    }

    /// The central database's address, if one is set (a password in it is refused here too:
    /// the file may have been edited by hand).
    pub fn central(&self) -> Result<Option<opora_core::central::CentralUrl>, ConfigError> {
        self.central_url
            .as_deref()
            .map(|text| {
                opora_core::central::CentralUrl::parse(text).map_err(ConfigError::CentralUrl)
            })
            .transpose()
    }

    /// Whether a client practising alone is kept in the journal (yes unless turned off).
    pub fn keeps_self_practice(&self) -> bool {
        self.self_practice_journal.unwrap_or(true)
    }

    /// The key and device id, or which one is missing.
    pub fn journal_settings(&self, path: &Path) -> Result<JournalSettings, ConfigError> {
        let key = match self.bank_key.as_deref() {
            None => {
                return Err(ConfigError::NoBankKey {
                    path: path.to_path_buf(),
                });
            }
            Some(text) => BankKey::check(text).map_err(key_error)?,
        };
        let device_id = match self.device_id.as_deref() {
            None => {
                return Err(ConfigError::NoDeviceId {
                    path: path.to_path_buf(),
                });
            }
            Some(id) if !valid_device_id(id) => return Err(ConfigError::BadDeviceId),
            Some(id) => id.to_string(),
        };
        Ok(JournalSettings { key, device_id })
    }
}

/// What is wrong with a key, as a configuration error.
pub fn key_error(problem: KeyProblem) -> ConfigError {
    match problem {
        KeyProblem::TooShort => ConfigError::KeyTooShort,
        KeyProblem::Weak => ConfigError::KeyWeak,
    }
}

/// The journal's own rule for device ids (`journal::validate`), so every event it stamps passes.
fn valid_device_id(id: &str) -> bool {
    opora_core::journal::validate::text(id, opora_core::journal::validate::TextRule::Device).is_ok()
}

/// The parser's words without the values it quotes (`invalid type: integer \`1234…\``): the
/// value may be the bank key. The names of settings stay, so a typo is still easy to find.
pub(crate) fn redact(message: &str) -> String {
    const NAMES: [&str; 7] = [
        "bank_key",
        "device_id",
        "speech",
        "mode",
        "rate",
        "wav",
        "central_url",
    ];
    let mut out = String::new();
    let mut quoted: Option<String> = None;
    for c in message.chars() {
        match (&mut quoted, c) {
            (None, '`' | '"' | '\'') => quoted = Some(String::new()),
            (None, c) => out.push(c),
            (Some(inside), '`' | '"' | '\'') => {
                if NAMES.contains(&inside.as_str()) {
                    out.push_str(&format!("`{inside}`"));
                } else {
                    out.push('…');
                }
                quoted = None;
            }
            (Some(inside), c) => inside.push(c),
        }
    }
    if quoted.is_some() {
        out.push('…');
    }
    opora_core::safe_text::line(out.trim()).into_owned()
}

/// Whether the configuration file may be read by other users of this computer (it holds the
/// bank key): its mode, when it does.
pub fn exposed(path: &Path) -> Option<u32> {
    let meta = std::fs::metadata(path).ok()?;
    let mode = meta.mode() & 0o777;
    (mode & 0o044 != 0).then_some(mode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_save_load_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sub").join("config.toml");
        assert_eq!(Config::load(&path), Ok(Config::default()));
        let mut config = Config::default();
        assert_eq!(
            config.journal_settings(&path).map(|_| ()),
            Err(ConfigError::NoBankKey { path: path.clone() })
        );
        assert_eq!(
            config.set("bank-key", "short"),
            Err(ConfigError::KeyTooShort)
        );
        config
            .set("bank-key", "a bank-wide secret key")
            .expect("long key");
        assert_eq!(
            config.journal_settings(&path).map(|_| ()),
            Err(ConfigError::NoDeviceId { path: path.clone() })
        );
        assert_eq!(
            config.set("device-id", "a b"),
            Err(ConfigError::BadDeviceId)
        );
        config.set("device-id", "tver-3").expect("valid id");
        config.save(&path).expect("saved");
        let loaded = Config::load(&path).expect("loaded");
        assert_eq!(loaded, config);
        assert_eq!(
            loaded.journal_settings(&path).expect("complete").device_id,
            "tver-3"
        );
    }

    #[test]
    fn errors_never_repeat_the_key() {
        for text in [
            "bank_key = 1234567890123456789\n",
            "bank_key = \"s3cr3t-k3y-v4lu3-XYZ\"\nbank_key = \"s3cr3t-k3y-v4lu3-XYZ\"\n",
            "bank_key = [\"s3cr3t-k3y-v4lu3-XYZ\"]\n",
            "bank_key = 's3cr3t-k3y-v4lu3-XYZ\n",
        ] {
            let reason = Config::parse(text).expect_err("invalid");
            assert!(
                !reason.contains("1234567890123456789") && !reason.contains("s3cr3t"),
                "{reason}"
            );
        }
    }

    #[test]
    fn a_typo_still_names_the_settings() {
        let reason = Config::parse("bank_kye = \"x\"\n").expect_err("typo");
        assert!(reason.contains("line 1"), "{reason}");
        assert!(
            reason.contains("`bank_key`") && reason.contains("`speech`"),
            "{reason}"
        );
    }

    #[test]
    fn weak_keys_are_refused_when_set_and_when_read() {
        let mut config = Config::default();
        assert_eq!(
            config.set("bank-key", "aaaaaaaaaaaaaaaa"),
            Err(ConfigError::KeyWeak)
        );
        let written = Config {
            bank_key: Some("aaaaaaaaaaaaaaaa".into()),
            device_id: Some("d".into()),
            ..Config::default()
        };
        assert_eq!(
            written.journal_settings(Path::new("c")).map(|_| ()),
            Err(ConfigError::KeyWeak)
        );
    }

    #[test]
    fn a_typo_in_the_file_is_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "bank_kye = \"x\"\n").expect("written");
        assert!(matches!(
            Config::load(&path),
            Err(ConfigError::Invalid { .. })
        ));
    }

    #[test]
    fn the_speech_table_lives_in_the_same_file_and_survives_config_set() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "device_id = \"tver-3\"\n\n[speech]\nmode = \"off\"\nrate = 130\n",
        )
        .expect("written");
        let mut config = Config::load(&path).expect("the speech table is allowed");
        config
            .set("bank-key", "a bank-wide secret key")
            .expect("long key");
        config.save(&path).expect("saved");
        let again = Config::load(&path).expect("loaded");
        assert_eq!(again.device_id.as_deref(), Some("tver-3"));
        assert_eq!(again.speech, config.speech);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("[speech]") && text.contains("rate = 130"),
            "{text}"
        );
    }

    #[test]
    fn the_kiosk_table_is_allowed_and_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[kiosk]\nfont = \"Terminus\"\nfont_size = 40\n").expect("written");
        let mut config = Config::load(&path).expect("the kiosk table is allowed");
        config.set("device-id", "kiosk-1").expect("a good id");
        config.save(&path).expect("saved");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(
            text.contains("[kiosk]") && text.contains("font_size = 40"),
            "{text}"
        );
    }
}
