//! The assisted session full screen: the kiosk's renderer drawing the session's screens. A
//! simple loop — the journal's writes are small and synchronous — that redraws after every key
//! and on resize, and ends cleanly on Ctrl-C, SIGTERM or SIGHUP.

use super::keys::map_key;
use super::render::draw;
use super::theme::Theme;
use crate::core::assist::{Assist, AssistEffect, AssistMsg, view};
use crate::i18n::I18n;
use crate::runtime::{JournalEdge, drive_assist, run_assist_effects};
use crossterm::event::{self, Event};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    let mut terminal = ratatui::try_init()?;
    let result = (|| -> io::Result<()> {
        let mut dirty = true;
        while !stop.load(Ordering::Relaxed) {
            if dirty {
                let model = view(assist, i18n);
                terminal.draw(|frame| draw(frame, &model, theme, i18n))?;
                dirty = false;
            }
            if !event::poll(TICK)? {
                continue;
            }
            match event::read()? {
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
    ratatui::try_restore()?;
    result
}
