//! Opening the written reminder with the system's viewer, without waiting for it.
//!
//! The viewer is `$OPORA_VIEWER` when it is set (one program, no arguments: a name looked up on
//! `PATH`, or a path), otherwise `xdg-open`. It is started detached: its own process group, no terminal for input or
//! output (so it cannot scribble over the kiosk's screen), and a small thread that reaps it when
//! it exits. The kiosk waits only a moment ([`FAILS_WITHIN`]) to hear whether it failed at once,
//! as `xdg-open` does on a computer with no program for PDF files; without a graphical display
//! and no `OPORA_VIEWER`, nothing can show a PDF and none is started.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::ReminderError;

/// The environment variable that names the viewer instead of `xdg-open`.
pub const VIEWER_ENV: &str = "OPORA_VIEWER";
/// The viewer used when `OPORA_VIEWER` is not set.
pub const DEFAULT_VIEWER: &str = "xdg-open";
/// How long a viewer is watched for failing at once (a viewer still running then is showing the
/// file, or will).
pub const FAILS_WITHIN: std::time::Duration = std::time::Duration::from_millis(1500);

/// Opens `path` with `$OPORA_VIEWER` or `xdg-open`, detached; returns as soon as the viewer has
/// started. [`ReminderError::NoViewer`] when neither can be found.
pub fn open_in_viewer(path: &Path) -> Result<(), ReminderError> {
    let chosen = std::env::var_os(VIEWER_ENV).filter(|v| !v.is_empty());
    let search = std::env::var_os("PATH");
    let display = ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
    // A text console shows no PDF: `xdg-open` would only look for a text browser there.
    if chosen.is_none() && !display {
        return Err(ReminderError::NoViewer {
            viewer: PathBuf::from(DEFAULT_VIEWER),
            path: path.to_path_buf(),
        });
    }
    open_with(chosen.as_deref(), search.as_deref(), path)
}

/// [`open_in_viewer`] with the environment passed in, so tests need not change the process's.
pub(crate) fn open_with(
    chosen: Option<&OsStr>,
    search: Option<&OsStr>,
    path: &Path,
) -> Result<(), ReminderError> {
    let wanted = chosen
        .filter(|v| !v.is_empty())
        .unwrap_or(OsStr::new(DEFAULT_VIEWER));
    let program = find_program(wanted, search).ok_or_else(|| ReminderError::NoViewer {
        viewer: PathBuf::from(wanted),
        path: path.to_path_buf(),
    })?;
    let mut command = Command::new(&program);
    command
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Not in the kiosk's process group: a Ctrl-C meant for the kiosk leaves it alone.
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(|source| ReminderError::Viewer {
        viewer: program.clone(),
        source,
    })?;
    // Reap the viewer whenever it exits, so it never lingers as a zombie; say how it ended.
    let (ended_tx, ended) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("reminder-viewer".to_string())
        .spawn(move || {
            let _ = ended_tx.send(child.wait().map(|status| status.success()));
        })
        .map_err(|source| ReminderError::Viewer {
            viewer: program.clone(),
            source,
        })?;
    match ended.recv_timeout(FAILS_WITHIN) {
        Ok(Ok(false)) => Err(ReminderError::ViewerFailed { viewer: program }),
        _ => Ok(()),
    }
}

/// `name` itself when it contains a slash, otherwise the first executable file called `name` in
/// the `search` path.
fn find_program(name: &OsStr, search: Option<&OsStr>) -> Option<PathBuf> {
    let as_path = Path::new(name);
    if name.as_encoded_bytes().contains(&b'/') {
        return is_executable(as_path).then(|| as_path.to_path_buf());
    }
    let search: OsString = search?.to_os_string();
    std::env::split_paths(&search)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        true
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};

    fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        path
    }

    /// Starts the viewer, retrying while a fresh script is still held open for writing by a
    /// child that another test thread is forking at that moment ("Text file busy"): a race of
    /// parallel tests, not of Opora.
    fn open_retrying(viewer: Option<&OsStr>, path_var: Option<&OsStr>, pdf: &Path) {
        for _ in 0..100 {
            match open_with(viewer, path_var, pdf) {
                Err(ReminderError::Viewer { source, .. })
                    if source.kind() == std::io::ErrorKind::ExecutableFileBusy =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => {
                    other.expect("the viewer starts");
                    return;
                }
            }
        }
        panic!("the viewer script stayed busy");
    }

    fn wait_for(path: &Path) -> String {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(40) {
            if let Ok(text) = std::fs::read_to_string(path)
                && text.ends_with('\n')
            {
                return text;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the viewer never wrote {}", path.display());
    }

    #[test]
    fn the_chosen_viewer_gets_the_path_and_we_do_not_wait_for_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let seen = dir.path().join("seen");
        let go = dir.path().join("go");
        // The viewer stays open until the test lets it go (or gives up after 30 s), like a
        // person reading the PDF; only then does it write down the path it got.
        let viewer = script(
            dir.path(),
            "slow-viewer",
            &format!(
                "i=0; while [ ! -e '{go}' ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done\n\
                 printf '%s\\n' \"$1\" > '{seen}'",
                go = go.display(),
                seen = seen.display()
            ),
        );
        let pdf = dir.path().join("памятка.pdf");
        open_retrying(Some(viewer.as_os_str()), None, &pdf);
        assert!(!seen.exists(), "open_with waited for the viewer to close");
        std::fs::write(&go, "").expect("let the viewer go");
        assert_eq!(wait_for(&seen), format!("{}\n", pdf.display()));
        // A name (not a path) is looked up on PATH.
        let fast = dir.path().join("fast");
        script(
            dir.path(),
            "viewer-on-path",
            &format!("printf '%s\\n' \"$1\" > '{}'", fast.display()),
        );
        open_retrying(
            Some(OsStr::new("viewer-on-path")),
            Some(dir.path().as_os_str()),
            &pdf,
        );
        assert_eq!(wait_for(&fast), format!("{}\n", pdf.display()));
    }

    #[test]
    fn xdg_open_is_the_default_and_its_absence_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pdf = dir.path().join("reminder.pdf");
        let err = open_with(None, Some(dir.path().as_os_str()), &pdf).expect_err("no viewer");
        assert!(
            matches!(&err, ReminderError::NoViewer { viewer, .. } if viewer == Path::new("xdg-open"))
        );
        let err = open_with(Some(OsStr::new("")), None, &pdf).expect_err("no PATH at all");
        assert!(matches!(err, ReminderError::NoViewer { .. }));

        let seen = dir.path().join("seen");
        script(
            dir.path(),
            "xdg-open",
            &format!("printf '%s\\n' \"$1\" > '{}'", seen.display()),
        );
        open_retrying(None, Some(dir.path().as_os_str()), &pdf);
        assert_eq!(wait_for(&seen), format!("{}\n", pdf.display()));
    }

    #[test]
    fn a_viewer_that_fails_at_once_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let failing = script(dir.path(), "no-pdf-program", "exit 3");
        let pdf = dir.path().join("reminder.pdf");
        let mut result = open_with(Some(failing.as_os_str()), None, &pdf);
        // A parallel test's fork may hold the fresh script open for a moment.
        for _ in 0..100 {
            match &result {
                Err(ReminderError::Viewer { source, .. })
                    if source.kind() == std::io::ErrorKind::ExecutableFileBusy =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                    result = open_with(Some(failing.as_os_str()), None, &pdf);
                }
                _ => break,
            }
        }
        assert!(
            matches!(result, Err(ReminderError::ViewerFailed { .. })),
            "{result:?}"
        );
    }

    #[test]
    fn a_file_that_is_not_executable_is_no_viewer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let plain = dir.path().join("not-a-program");
        std::fs::write(&plain, "text").expect("write");
        let err = open_with(Some(plain.as_os_str()), None, Path::new("x.pdf")).expect_err("none");
        assert!(matches!(err, ReminderError::NoViewer { .. }));
    }
}
