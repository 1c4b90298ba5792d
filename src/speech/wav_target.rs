//! Where `--speech wav` may write (`--speech-wav FILE`, or `wav` in the configuration's
//! `[speech]` table), checked once before the first screen: never one of Opora's own databases
//! or its settings, not a folder or a device, in a folder that exists; and an existing file
//! outside Opora's folder is replaced only when the person says so — asked on a terminal, or
//! `--force`. The file Opora last wrote speech to is remembered (`speech-wav.last` in the data
//! folder), so a kiosk that restarts is not asked again about its own file.

use crate::files::target::{self, Replace, TargetProblem};
use opora_core::i18n::I18n;
use std::path::{Path, PathBuf};

/// The record of the last WAV target, in the data folder.
fn record(data: &Path) -> PathBuf {
    data.join("speech-wav.last")
}

/// The target as a resolved path (its folder through links), for the record.
fn resolved(wav: &Path) -> String {
    let folder = wav
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    wav.file_name()
        .map_or_else(|| wav.to_path_buf(), |name| folder.join(name))
        .display()
        .to_string()
}

/// Checks the WAV target; on success remembers it as Opora's own speech file.
pub fn check(wav: &Path, force: bool, plain: bool, i18n: &I18n) -> Result<(), TargetProblem> {
    let data = crate::paths::data_dir();
    let own = target::own_files(&data, &crate::paths::config_file());
    let here = resolved(wav);
    let ours = crate::files::read::read_text(&record(&data), 4096)
        .is_ok_and(|previous| previous.trim_end() == here);
    let replace = if ours {
        Replace::Force
    } else {
        Replace::choose(force, plain)
    };
    target::check(wav, &data, &own, replace, i18n)?;
    if !ours && crate::files::private::private_dir(&data).is_ok() {
        let _ = crate::files::private::replace_with(&record(&data), |file| {
            use std::io::Write;
            writeln!(file, "{here}")
        });
    }
    Ok(())
}
