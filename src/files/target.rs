//! Checking a file Opora was told to write (a journal export, the speech WAV file, a reminder)
//! before writing it. Opora never writes over its own databases or settings — by their path,
//! through a symbolic link, or as a hard link to the same file; a target whose folder is
//! missing, or that is a folder or a device, is a sentence; and an existing file outside
//! Opora's data folder is replaced only when the person says so: asked on a terminal, or with
//! `--force` in plain mode and scripts.

use opora_core::i18n::I18n;
use opora_core::safe_text;
use opora_core::tr;
use std::io::IsTerminal;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Why a target may not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetProblem {
    /// One of Opora's own databases or its configuration.
    OwnFile {
        path: PathBuf,
    },
    NoFolder {
        folder: PathBuf,
    },
    /// A folder, a device, a FIFO.
    NotAFile {
        path: PathBuf,
    },
    /// An existing file outside Opora's folder, and no one said to replace it.
    Exists {
        path: PathBuf,
    },
    /// Asked, and the answer was no.
    Declined {
        path: PathBuf,
    },
}

impl TargetProblem {
    pub fn sentence(&self, i18n: &I18n) -> String {
        let shown = |p: &Path| safe_text::line(&p.display().to_string()).into_owned();
        match self {
            TargetProblem::OwnFile { path } => tr!(i18n, "target-own-file", path = shown(path)),
            TargetProblem::NoFolder { folder } => {
                tr!(i18n, "target-no-folder", folder = shown(folder))
            }
            TargetProblem::NotAFile { path } => tr!(i18n, "target-not-a-file", path = shown(path)),
            TargetProblem::Exists { path } => tr!(i18n, "target-exists", path = shown(path)),
            TargetProblem::Declined { path } => tr!(i18n, "target-declined", path = shown(path)),
        }
    }
}

/// What to do about an existing file outside Opora's folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Ask on the terminal (when there is one to ask on; otherwise refuse).
    Ask,
    /// `--force`: replace it.
    Force,
    /// Plain mode or a script: refuse, with the sentence naming `--force`.
    Refuse,
}

impl Replace {
    /// `--force` replaces; otherwise ask, except in plain mode where there is no asking.
    pub fn choose(force: bool, plain: bool) -> Replace {
        match (force, plain) {
            (true, _) => Replace::Force,
            (false, true) => Replace::Refuse,
            (false, false) => Replace::Ask,
        }
    }
}

/// Opora's own files in `data_dir`, and the configuration file: never a target.
pub fn own_files(data_dir: &Path, config: &Path) -> Vec<PathBuf> {
    let mut own = vec![config.to_path_buf()];
    for db in ["journal.db", "sandbox.db", "progress.db", "push.db"] {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            own.push(data_dir.join(format!("{db}{suffix}")));
        }
    }
    own
}

/// The folder a path is in, resolved through symbolic links when it exists.
fn folder_of(path: &Path) -> PathBuf {
    let folder = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::canonicalize(&folder).unwrap_or(folder)
}

/// The path with its folder resolved (the file itself may not exist yet).
fn resolved(path: &Path) -> PathBuf {
    match path.file_name() {
        Some(name) => folder_of(path).join(name),
        None => path.to_path_buf(),
    }
}

/// Whether `target` is one of `own`, by path (resolved) or by being the same file (a link).
pub fn is_own(target: &Path, own: &[PathBuf]) -> bool {
    let by_path = resolved(target);
    let same_file = std::fs::metadata(target).ok().map(|m| (m.dev(), m.ino()));
    own.iter().any(|file| {
        resolved(file) == by_path
            || same_file
                .is_some_and(|id| std::fs::metadata(file).is_ok_and(|m| (m.dev(), m.ino()) == id))
    })
}

/// Checks `target` before writing it; asks when it replaces a file outside `data_dir` and
/// `replace` says to ask.
pub fn check(
    target: &Path,
    data_dir: &Path,
    own: &[PathBuf],
    replace: Replace,
    i18n: &I18n,
) -> Result<(), TargetProblem> {
    let path = target.to_path_buf();
    if target.file_name().is_none() {
        return Err(TargetProblem::NotAFile { path });
    }
    let folder = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(TargetProblem::NoFolder { folder });
    }
    if is_own(target, own) {
        return Err(TargetProblem::OwnFile { path });
    }
    let existing = match std::fs::metadata(target) {
        Ok(meta) if !meta.is_file() => return Err(TargetProblem::NotAFile { path }),
        Ok(_) => true,
        Err(_) => false,
    };
    let data = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    if !existing || folder_of(target).starts_with(&data) {
        return Ok(());
    }
    match replace {
        Replace::Force => Ok(()),
        Replace::Refuse => Err(TargetProblem::Exists { path }),
        Replace::Ask if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) => {
            Err(TargetProblem::Exists { path })
        }
        Replace::Ask => {
            if ask(target, i18n) {
                Ok(())
            } else {
                Err(TargetProblem::Declined { path })
            }
        }
    }
}

/// Asks on the terminal whether to replace `target`; yes only for a clear yes.
fn ask(target: &Path, i18n: &I18n) -> bool {
    use std::io::Write;
    let question = tr!(
        i18n,
        "target-ask",
        path = safe_text::line(&target.display().to_string()).into_owned()
    );
    let mut err = std::io::stderr();
    let _ = write!(err, "{question} ");
    let _ = err.flush();
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    is_yes(&answer)
}

/// «да», «д», "yes", "y", in any case.
pub fn is_yes(answer: &str) -> bool {
    matches!(
        answer.trim().to_lowercase().as_str(),
        "да" | "д" | "yes" | "y"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use opora_core::i18n::Lang;

    fn setup() -> (tempfile::TempDir, PathBuf, Vec<PathBuf>) {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        std::fs::create_dir(&data).expect("mkdir");
        std::fs::write(data.join("journal.db"), b"db").expect("write");
        let own = own_files(&data, &data.join("config.toml"));
        (dir, data, own)
    }

    #[test]
    fn own_databases_are_never_targets_by_path_link_or_hard_link() {
        let (dir, data, own) = setup();
        let en = I18n::embedded(Lang::En);
        let refuse = |t: &Path| check(t, &data, &own, Replace::Force, &en);
        assert!(matches!(
            refuse(&data.join("journal.db")),
            Err(TargetProblem::OwnFile { .. })
        ));
        assert!(matches!(
            refuse(&data.join("sandbox.db-wal")),
            Err(TargetProblem::OwnFile { .. })
        ));
        let via_dots = data.join("..").join("data").join("journal.db");
        assert!(matches!(
            refuse(&via_dots),
            Err(TargetProblem::OwnFile { .. })
        ));
        let link = dir.path().join("link.ndjson");
        std::os::unix::fs::symlink(data.join("journal.db"), &link).expect("symlink");
        assert!(matches!(refuse(&link), Err(TargetProblem::OwnFile { .. })));
        let hard = dir.path().join("hard.ndjson");
        std::fs::hard_link(data.join("journal.db"), &hard).expect("hard link");
        assert!(matches!(refuse(&hard), Err(TargetProblem::OwnFile { .. })));
        let folder_link = dir.path().join("d");
        std::os::unix::fs::symlink(&data, &folder_link).expect("symlink");
        assert!(matches!(
            refuse(&folder_link.join("journal.db")),
            Err(TargetProblem::OwnFile { .. })
        ));
    }

    #[test]
    fn missing_folders_existing_files_and_devices_are_sentences() {
        let (dir, data, own) = setup();
        let en = I18n::embedded(Lang::En);
        let missing = dir.path().join("no-such-folder").join("x.ndjson");
        let problem = check(&missing, &data, &own, Replace::Force, &en).expect_err("no folder");
        assert!(matches!(problem, TargetProblem::NoFolder { .. }));
        assert!(problem.sentence(&en).contains("no-such-folder"));
        let outside = dir.path().join("old.ndjson");
        std::fs::write(&outside, b"x").expect("write");
        let problem = check(&outside, &data, &own, Replace::Refuse, &en).expect_err("exists");
        assert!(
            problem.sentence(&en).contains("--force"),
            "{}",
            problem.sentence(&en)
        );
        // Without a terminal to ask on, asking is refusing.
        if !std::io::stdin().is_terminal() {
            assert!(check(&outside, &data, &own, Replace::Ask, &en).is_err());
        }
        assert_eq!(check(&outside, &data, &own, Replace::Force, &en), Ok(()));
        let inside = data.join("export.ndjson");
        std::fs::write(&inside, b"x").expect("write");
        assert_eq!(check(&inside, &data, &own, Replace::Refuse, &en), Ok(()));
        assert!(matches!(
            check(Path::new("/dev/null"), &data, &own, Replace::Force, &en),
            Err(TargetProblem::NotAFile { .. })
        ));
        assert!(matches!(
            check(dir.path(), &data, &own, Replace::Force, &en),
            Err(TargetProblem::NotAFile { .. })
        ));
    }

    #[test]
    fn yes_is_a_clear_yes() {
        assert!(is_yes("да\n") && is_yes(" Y ") && is_yes("yes"));
        assert!(!is_yes("") && !is_yes("нет") && !is_yes("yess"));
    }
}
