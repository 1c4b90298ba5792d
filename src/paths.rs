//! Where Opora keeps its files: `OPORA_HOME` when set (tests and scripts), otherwise the XDG
//! data directory (`~/.local/share/opora`).

use std::path::PathBuf;

/// The folder for every file Opora writes.
pub fn data_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("OPORA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(home);
    }
    directories::ProjectDirs::from("", "", "opora")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".opora"))
}

/// The practice bank's database.
pub fn sandbox_db() -> PathBuf {
    data_dir().join("sandbox.db")
}

/// Lesson progress and drill outcomes, kept apart from the practice bank (which is reset).
pub fn progress_db() -> PathBuf {
    data_dir().join("progress.db")
}

/// The journal of assisted sessions (kept apart from the practice bank).
pub fn journal_db() -> PathBuf {
    data_dir().join("journal.db")
}

/// The configuration file (bank-wide pseudonym key, device id, speech): the file `OPORA_CONFIG`
/// names, else `config.toml` in `OPORA_HOME` when set, else in the XDG config folder
/// (`~/.config/opora/config.toml`).
pub fn config_file() -> PathBuf {
    if let Some(file) = std::env::var_os("OPORA_CONFIG").filter(|v| !v.is_empty()) {
        return PathBuf::from(file);
    }
    if let Some(home) = std::env::var_os("OPORA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(home).join("config.toml");
    }
    directories::ProjectDirs::from("", "", "opora")
        .map(|dirs| dirs.config_dir().join("config.toml"))
        .unwrap_or_else(|| PathBuf::from(".opora").join("config.toml"))
}
