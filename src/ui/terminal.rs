//! The full-screen run loop: reads keys, hands bank work to the worker thread, redraws. Ctrl-C,
//! SIGTERM, SIGHUP and panics all leave the terminal as it was found.

use super::keys::map_key;
use super::render::draw;
use super::theme::Theme;
use crate::core::{App, Effect, Msg, view};
use crate::i18n::I18n;
use crate::runtime::BankWorker;
use crossterm::event::{self, Event};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long to wait for a key before looking at the bank's answers and signals again.
const TICK: Duration = Duration::from_millis(40);

/// Runs the kiosk until the person quits or a signal arrives.
pub fn run(
    app: &mut App,
    worker: &BankWorker,
    i18n: &I18n,
    theme: &Theme,
    start: Vec<Effect>,
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    // Installs a panic hook that restores the terminal before the panic message is printed.
    let mut terminal = ratatui::try_init()?;
    let result = run_loop(&mut terminal, app, worker, i18n, theme, start, &stop);
    ratatui::try_restore()?;
    result
}

fn run_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    worker: &BankWorker,
    i18n: &I18n,
    theme: &Theme,
    start: Vec<Effect>,
    stop: &AtomicBool,
) -> io::Result<()> {
    dispatch(app, worker, start);
    let mut dirty = true;
    let mut shown: Option<(&'static str, String)> = None;
    while !app.is_quitting() && !stop.load(Ordering::Relaxed) {
        while let Some(msg) = worker.try_recv() {
            let effects = app.update(msg);
            dispatch(app, worker, effects);
            dirty = true;
        }
        if dirty {
            let model = view(app, i18n);
            // A new screen is painted from scratch: some terminals (xterm with TrueType fonts)
            // leave slivers of big block letters behind when cells are only overwritten.
            let screen = (model.id, model.title.clone());
            if shown.as_ref() != Some(&screen) {
                terminal.clear()?;
                shown = Some(screen);
            }
            terminal.draw(|frame| draw(frame, &model, theme, i18n))?;
            dirty = false;
        }
        if event::poll(TICK)? {
            match event::read()? {
                Event::Key(key) => {
                    if let Some(key) = map_key(key) {
                        let effects = app.update(Msg::Key(key));
                        dispatch(app, worker, effects);
                        dirty = true;
                    }
                }
                Event::Resize(..) => dirty = true,
                _ => {}
            }
        }
    }
    Ok(())
}

/// Sends bank work to the worker; speech effects will be handled here once speech exists.
fn dispatch(_app: &mut App, worker: &BankWorker, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::RepeatScreen | Effect::Quit => {}
            bank => worker.send(bank),
        }
    }
}
