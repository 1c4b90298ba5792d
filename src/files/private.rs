//! Opora's files are its owner's alone: the data folder is `0700`; databases, exports,
//! reminders, the configuration and the speech file `0600`. The process's file mode mask is set
//! to `077` first thing ([`restrict_umask`]), so whatever SQLite, espeak-ng or Opora creates is
//! private; folders and files made by an older Opora are tightened when opened.
//!
//! Files that replace another (the configuration, an export, a reminder) are written to a new
//! temporary file beside the target, created exclusively (`O_EXCL`) and without following a
//! symbolic link (`O_NOFOLLOW`), then renamed over it: a leftover or planted `*.tmp` or a
//! symbolic link of that name can never receive the content.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Sets the file mode mask to `077`: files and folders created from now on are private.
pub fn restrict_umask() {
    // SAFETY: umask only changes this process's mask and cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

fn mine(meta: &std::fs::Metadata) -> bool {
    // SAFETY: getuid cannot fail.
    meta.uid() == unsafe { libc::getuid() }
}

/// Creates `dir` (and missing parents) as `0700`; an existing folder of ours that others may
/// enter loses the others' rights (the owner's stay as they are: a folder someone made
/// read-only stays read-only and is reported as such) — unless it is a shared folder (sticky, like `/tmp`) or the
/// home folder, which are not Opora's to change (`opora doctor` says so instead).
pub fn private_dir(dir: &Path) -> io::Result<()> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {
            let shared = meta.mode() & 0o1000 != 0
                || std::env::var_os("HOME").is_some_and(|home| {
                    std::fs::canonicalize(home).ok() == std::fs::canonicalize(dir).ok()
                });
            if mine(&meta) && meta.mode() & 0o077 != 0 && !shared {
                let owner_only = meta.mode() & 0o700;
                std::fs::set_permissions(dir, std::fs::Permissions::from_mode(owner_only))?;
            }
            Ok(())
        }
        _ => std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir),
    }
}

/// Takes the others' rights from an existing file of ours (a file made by an older Opora); the
/// owner's stay as they are, so a write-protected file stays write-protected and is reported as
/// such. A missing file is fine.
pub fn tighten(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() && mine(&meta) && meta.mode() & 0o077 != 0 => {
            let owner_only = meta.mode() & 0o700;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(owner_only))
        }
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Creates a new file `0600`; fails if anything (a file, a symbolic link) has that name.
pub fn create_new(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

/// A new private temporary file beside `target` (same folder, so a rename can replace the
/// target), with a name no one can have planted in advance.
pub fn temp_beside(target: &Path) -> io::Result<(PathBuf, File)> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut last = None;
    for _ in 0..16 {
        let salt = getrandom::u64().unwrap_or_else(|_| u64::from(std::process::id()));
        let mut temp = std::ffi::OsString::from(".");
        temp.push(name);
        temp.push(format!(".{salt:016x}.tmp"));
        let path = dir.join(temp);
        match create_new(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// Writes `target` whole or not at all: a private temporary file beside it, synced, then
/// renamed over it. The target ends up `0600`.
pub fn replace_with(
    target: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let (temp, mut file) = temp_beside(target)?;
    let result = write(&mut file)
        .and_then(|()| file.flush())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::symlink_metadata(path).expect("exists").mode() & 0o777
    }

    #[test]
    fn folders_and_files_become_private() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("a").join("opora");
        private_dir(&data).expect("made");
        assert_eq!(mode(&data), 0o700);
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        private_dir(&data).expect("tightened");
        assert_eq!(mode(&data), 0o700);
        let file = data.join("journal.db");
        std::fs::write(&file, b"").expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        tighten(&file).expect("tightened");
        assert_eq!(mode(&file), 0o600);
        tighten(&data.join("missing")).expect("a missing file is fine");
    }

    #[test]
    fn a_planted_link_never_receives_the_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep me").expect("write");
        let link = dir.path().join("config.toml.new");
        std::os::unix::fs::symlink(&victim, &link).expect("symlink");
        assert_eq!(
            create_new(&link).expect_err("a link is refused").kind(),
            io::ErrorKind::AlreadyExists
        );
        let target = dir.path().join("config.toml");
        replace_with(&target, |f| f.write_all(b"bank_key = \"secret\"\n")).expect("replaced");
        assert_eq!(std::fs::read(&victim).expect("read"), b"keep me");
        assert_eq!(mode(&target), 0o600);
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
