//! The one owner of the terminal in full-screen mode: set-up and restore (also on panic), the
//! signals that end a program (Ctrl-C, SIGTERM, SIGHUP), the thread that reads keys, a watch
//! for a terminal that has gone away, and repainting without asking the terminal anything.
//!
//! Two hard-won rules live here. Crossterm reads a hung-up terminal in an endless loop (every
//! read returns zero bytes), so keys are read on a thread of their own and the hang-up is
//! noticed by asking the system about standard input, never by reading it; and a hung-up
//! terminal is never restored or dropped (that writes to a dead standard error and aborts).
//! `Terminal::clear` first asks the terminal where its cursor is, and a terminal that never
//! answers (some emulators, test harnesses) would stop the program: [`Screen::repaint`] clears
//! without asking.

use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;
use ratatui::backend::{Backend, ClearType};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

/// The terminal while a program runs full screen.
pub struct Screen {
    terminal: Option<DefaultTerminal>,
    watch: HangUpWatch,
    stop: Arc<AtomicBool>,
}

impl Screen {
    /// Takes over the terminal (alternate screen, raw mode; restored on panic too) and starts
    /// reading its events into `inbox`, each wrapped by `wrap`.
    pub fn open<T: Send + 'static>(
        inbox: Sender<T>,
        wrap: impl Fn(Event) -> T + Send + 'static,
    ) -> io::Result<Screen> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGHUP,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        // Asked before the terminal can hang up: a hung-up terminal no longer says it is one.
        let watch = HangUpWatch::new();
        let terminal = ratatui::try_init()?;
        std::thread::Builder::new()
            .name("opora-keys".into())
            .spawn(move || {
                while let Ok(event) = event::read() {
                    if inbox.send(wrap(event)).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Screen {
            terminal: Some(terminal),
            watch,
            stop,
        })
    }

    /// A signal asked the program to stop, or the terminal went away.
    pub fn should_stop(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || self.watch.hung_up()
    }

    pub fn hung_up(&self) -> bool {
        self.watch.hung_up()
    }

    /// The terminal, to draw on.
    pub fn terminal(&mut self) -> io::Result<&mut DefaultTerminal> {
        self.terminal
            .as_mut()
            .ok_or_else(|| io::Error::other("the terminal was already given back"))
    }

    /// Clears the whole screen and makes the next draw paint every cell, without the cursor
    /// query `Terminal::clear` makes. Some terminals (xterm with TrueType fonts) leave slivers
    /// of big block letters behind when cells are only overwritten, so a new screen and a
    /// resize are painted from scratch.
    pub fn repaint(&mut self) -> io::Result<()> {
        let terminal = self.terminal()?;
        terminal.backend_mut().clear_region(ClearType::All)?;
        // After a draw the current buffer is already empty; swapping makes the previous frame's
        // buffer current and empties it too, so the next diff is taken against a blank screen.
        terminal.swap_buffers();
        Ok(())
    }

    /// Gives the terminal back: restored, or, if it hung up, left alone (nothing is left to
    /// restore, and writing to it only fails).
    pub fn close(mut self) -> io::Result<()> {
        self.give_back()
    }

    fn give_back(&mut self) -> io::Result<()> {
        match self.terminal.take() {
            Some(terminal) if self.watch.hung_up() => {
                std::mem::forget(terminal);
                Ok(())
            }
            Some(_) => ratatui::try_restore(),
            None => Ok(()),
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.give_back();
    }
}

/// Watches the terminal on standard input for a hang-up.
#[derive(Clone, Copy)]
struct HangUpWatch {
    /// When standard input is not the terminal, crossterm reads /dev/tty and there is nothing
    /// to watch.
    stdin_is_terminal: bool,
}

impl HangUpWatch {
    fn new() -> HangUpWatch {
        use std::io::IsTerminal;
        HangUpWatch {
            stdin_is_terminal: io::stdin().is_terminal(),
        }
    }

    /// Whether the terminal is gone (its window closed, its connection dropped). Asks the
    /// system without reading anything, so it never competes with the input thread.
    fn hung_up(self) -> bool {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        if !self.stdin_is_terminal {
            return false;
        }
        let stdin = rustix::stdio::stdin();
        // No events asked for: hang-up and error are always reported.
        let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
        let now = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        match poll(&mut fds, Some(&now)) {
            Ok(0) | Err(_) => false,
            Ok(_) => fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        }
    }
}
