//! Keeping the sound system's chatter off the kiosk's screen. ALSA (and JACK, and PulseAudio's
//! ALSA plug-in) print warnings straight to standard error when a device is opened — "unknown
//! PCM", "cannot find card" — and in the full-screen kiosk standard error is the screen. While
//! the microphone is in use, standard error goes to a log file in Opora's data folder instead;
//! it comes back when the kiosk ends, and before a panic message is printed.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::path::Path;
use std::sync::Once;
use std::sync::atomic::{AtomicI32, Ordering};

/// The saved standard error, for the panic hook (−1 when not quieted).
static SAVED: AtomicI32 = AtomicI32::new(-1);
static PANIC_HOOK: Once = Once::new();

/// Standard error sent to a file until this is dropped.
pub struct QuietStderr {
    saved: OwnedFd,
}

impl QuietStderr {
    /// Sends standard error to `log`, emptied first.
    pub fn to_file(log: &Path) -> io::Result<QuietStderr> {
        QuietStderr::open(log, false)
    }

    /// Sends standard error to the end of `log`.
    pub fn append_to(log: &Path) -> io::Result<QuietStderr> {
        QuietStderr::open(log, true)
    }

    fn open(log: &Path, append: bool) -> io::Result<QuietStderr> {
        if let Some(dir) = log.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(log)?;
        let saved = rustix::io::dup(rustix::stdio::stderr())?;
        rustix::stdio::dup2_stderr(&file)?;
        SAVED.store(saved.as_raw_fd(), Ordering::SeqCst);
        // A panic is printed where the person can see it.
        PANIC_HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore_now();
                previous(info);
            }));
        });
        Ok(QuietStderr { saved })
    }
}

/// Puts the saved standard error back, if it was taken.
fn restore_now() {
    let fd: RawFd = SAVED.swap(-1, Ordering::SeqCst);
    if fd >= 0 {
        // SAFETY: `fd` is the QuietStderr's saved descriptor, still open: it is closed only by
        // the QuietStderr's drop, which takes it out of SAVED first. ManuallyDrop keeps this
        // borrowed copy from closing it.
        let saved = std::mem::ManuallyDrop::new(unsafe { OwnedFd::from_raw_fd(fd) });
        let _ = rustix::stdio::dup2_stderr(&*saved);
    }
}

impl Drop for QuietStderr {
    fn drop(&mut self) {
        if SAVED.swap(-1, Ordering::SeqCst) >= 0 {
            let _ = rustix::stdio::dup2_stderr(&self.saved);
        }
    }
}
