//! The device's configuration file: the bank-wide pseudonym key and this device's id, set once
//! per device by `opora config set bank-key …` / `opora config set device-id …` or by editing
//! the file (`$OPORA_HOME/config.toml`, else `~/.config/opora/config.toml`):
//!
//! ```toml
//! bank_key = "the same secret on every device of the bank"
//! device_id = "tver-branch-3"
//! ```

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use thiserror::Error;

use crate::journal::pseudonym::{BankKey, KEY_MIN_CHARS};

/// What the file holds. Unknown keys are kept out (a typo is an error, not silently ignored).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
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
    #[error("the configuration file {path:?} is not valid: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("no bank-wide pseudonym key is set in {path:?}")]
    NoBankKey { path: PathBuf },
    #[error("the bank key must have at least {KEY_MIN_CHARS} characters")]
    KeyTooShort,
    #[error("no device id is set in {path:?}")]
    NoDeviceId { path: PathBuf },
    #[error("a device id has 1 to 64 letters, digits, dots, dashes or underscores")]
    BadDeviceId,
    #[error("unknown setting {0:?}")]
    UnknownSetting(String),
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
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(ConfigError::Io {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                });
            }
        };
        toml::from_str(&text).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            reason: e.message().to_string(),
        })
    }

    /// Writes the file (creating its folder), readable by its owner only.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let io = |e: std::io::Error| ConfigError::Io {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let text = toml::to_string(self).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let tmp = path.with_extension("toml.new");
        {
            use std::io::Write;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(&tmp).map_err(io)?;
            file.write_all(text.as_bytes()).map_err(io)?;
            file.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, path).map_err(io)
    }

    /// Changes one setting by its command-line name (`bank-key`, `device-id`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ConfigError> {
        match name {
            "bank-key" | "bank_key" => {
                let key = value.trim();
                if BankKey::new(key).is_none() {
                    return Err(ConfigError::KeyTooShort);
                }
                self.bank_key = Some(key.to_string());
            }
            "device-id" | "device_id" => {
                let id = value.trim();
                if !valid_device_id(id) {
                    return Err(ConfigError::BadDeviceId);
                }
                self.device_id = Some(id.to_string());
            }
            other => return Err(ConfigError::UnknownSetting(other.to_string())),
        }
        Ok(())
    }

    /// The key and device id, or which one is missing.
    pub fn journal_settings(&self, path: &Path) -> Result<JournalSettings, ConfigError> {
        let key = match self.bank_key.as_deref() {
            None => {
                return Err(ConfigError::NoBankKey {
                    path: path.to_path_buf(),
                });
            }
            Some(text) => BankKey::new(text).ok_or(ConfigError::KeyTooShort)?,
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

fn valid_device_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
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
            .set("bank-key", "0123456789abcdef-secret")
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
            .set("bank-key", "0123456789abcdef-secret")
            .expect("long key");
        config.save(&path).expect("saved");
        let speech = crate::speech::choose::read_config(&path).expect("speech settings");
        let again = Config::load(&path).expect("loaded");
        assert_eq!(again.device_id.as_deref(), Some("tver-3"));
        assert_eq!(again.speech, config.speech);
        assert!(format!("{speech:?}").contains("130"), "{speech:?}");
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
