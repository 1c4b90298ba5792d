//! Reading a file that came from outside (a journal export, a trainer's lesson, a bank's locale
//! file, the configuration): regular files only, and no more than a file of its kind can
//! sensibly hold. A FIFO or a device is refused at once instead of hanging start-up or reading
//! for ever: the file is opened without blocking and looked at (`fstat`) before anything is
//! read.

use opora_core::file_problem::FileProblem;
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// A lesson file (the shipped ones are under 10 KB).
pub const LESSON_MAX: u64 = 256 * 1024;
/// A locale file (the largest shipped one is under 40 KB).
pub const LOCALE_MAX: u64 = 1024 * 1024;
/// The configuration file.
pub const CONFIG_MAX: u64 = 64 * 1024;
/// A journal export: about three million events. Larger journals move through the central
/// database, not files.
pub const IMPORT_MAX: u64 = 1024 * 1024 * 1024;

fn problem(error: &std::io::Error) -> FileProblem {
    FileProblem::Io(error.to_string())
}

/// Opens `path` for reading if it is a regular file of at most `max` bytes (symbolic links are
/// followed to what they point at, which must be a regular file too).
pub fn open_regular(path: &Path, max: u64) -> Result<File, FileProblem> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| problem(&e))?;
    let meta = file.metadata().map_err(|e| problem(&e))?;
    if !meta.file_type().is_file() {
        return Err(FileProblem::NotAFile);
    }
    if meta.len() > max {
        return Err(FileProblem::TooBig { max_bytes: max });
    }
    Ok(file)
}

/// The text of a regular file of at most `max` bytes (checked again while reading, in case it
/// grows).
pub fn read_text(path: &Path, max: u64) -> Result<String, FileProblem> {
    let file = open_regular(path, max)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| problem(&e))?;
    if bytes.len() as u64 > max {
        return Err(FileProblem::TooBig { max_bytes: max });
    }
    String::from_utf8(bytes).map_err(|_| FileProblem::Io("not UTF-8 text".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_of_a_sane_size_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "id = \"x\"\n").expect("write");
        assert_eq!(read_text(&file, 100), Ok("id = \"x\"\n".into()));
        assert_eq!(
            read_text(&file, 4),
            Err(FileProblem::TooBig { max_bytes: 4 })
        );
        assert_eq!(read_text(dir.path(), 100), Err(FileProblem::NotAFile));
        assert_eq!(
            read_text(Path::new("/dev/zero"), 100),
            Err(FileProblem::NotAFile)
        );
        let link = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        assert_eq!(read_text(&link, 100), Err(FileProblem::NotAFile));
        assert!(matches!(
            read_text(&dir.path().join("missing"), 100),
            Err(FileProblem::Io(_))
        ));
    }

    #[test]
    fn a_fifo_is_refused_at_once_not_waited_on() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("lesson.toml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        // With no writer, a blocking open would never return.
        assert_eq!(read_text(&fifo, 100), Err(FileProblem::NotAFile));
    }
}
