//! The assisted session full screen: the kiosk's renderer drawing the session's screens. A
//! simple loop — the journal's writes are small and synchronous — that redraws after every key
//! and on resize, and ends cleanly on Ctrl-C, SIGTERM, SIGHUP or a terminal that has gone away
//! (crossterm would otherwise read a hung-up terminal in an endless loop).

use super::keys::{map_key, page_turn};
use super::render::draw_scrolled;
use super::theme::Theme;
use crate::core::assist::{Assist, AssistEffect, AssistMsg, view};
use crate::i18n::I18n;
use crate::runtime::{JournalEdge, drive_assist, run_assist_effects};
use crossterm::event::{self, Event};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// How often the loop looks at signals while waiting for a key.
const TICK: Duration = Duration::from_millis(100);

pub fn run(
    assist: &mut Assist,
    edge: &mut JournalEdge,
    i18n: &I18n,
    theme: &Theme,
    start: Vec<AssistEffect>,
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    if run_assist_effects(assist, edge, start) {
        return Ok(());
    }
    super::big_font::choose_from_env();
    let hang_up = HangUpWatch::new();
    let mut terminal = ratatui::try_init()?;
    let keys = spawn_input_thread()?;
    let result = (|| -> io::Result<()> {
        let mut dirty = true;
        // Where the text starts when it does not all fit (PgDn, PgUp), and what was shown.
        let (mut scroll, mut shown, mut text) = (0, None, Vec::new());
        while !stop.load(Ordering::Relaxed) && !hang_up.hung_up() {
            if dirty {
                let model = view(assist, i18n);
                if text != model.lines {
                    scroll = 0;
                    text.clone_from(&model.lines);
                }
                terminal.draw(|frame| shown = draw_scrolled(frame, &model, theme, i18n, scroll))?;
                dirty = false;
            }
            let event = match keys.recv_timeout(TICK) {
                Ok(event) => event,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => continue,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            };
            match event {
                Event::Key(key) if page_turn(key, shown).is_some() => {
                    scroll = page_turn(key, shown).unwrap_or(0);
                    dirty = true;
                }
                Event::Key(key) => {
                    if let Some(key) = map_key(key) {
                        if drive_assist(assist, edge, AssistMsg::Key(key)) {
                            return Ok(());
                        }
                        dirty = true;
                    }
                }
                Event::Resize(..) => {
                    terminal.clear()?;
                    dirty = true;
                }
                _ => {}
            }
        }
        Ok(())
    })();
    if hang_up.hung_up() {
        // Nothing is left to restore, and writing to a hung-up terminal only fails.
        std::mem::forget(terminal);
        return Ok(());
    }
    ratatui::try_restore()?;
    result
}

/// Reads terminal events on a thread of their own: crossterm reads a hung-up terminal in an
/// endless loop, which must not freeze the loop that notices the hang-up.
pub(crate) fn spawn_input_thread() -> io::Result<Receiver<Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("opora-keys".into())
        .spawn(move || {
            while let Ok(event) = event::read() {
                if tx.send(event).is_err() {
                    return;
                }
            }
        })?;
    Ok(rx)
}

/// Notices a terminal that has hung up (its window closed, its connection dropped), by asking
/// the system about standard input without reading it.
#[derive(Clone, Copy)]
pub(crate) struct HangUpWatch {
    stdin_is_terminal: bool,
}

impl HangUpWatch {
    pub(crate) fn new() -> HangUpWatch {
        use std::io::IsTerminal;
        HangUpWatch {
            stdin_is_terminal: io::stdin().is_terminal(),
        }
    }

    pub(crate) fn hung_up(self) -> bool {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        if !self.stdin_is_terminal {
            return false;
        }
        let stdin = rustix::stdio::stdin();
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
