//! The full-screen run loop. Everything that happens reaches it as one message in one inbox:
//! keys and resizes from the input thread, answers from the bank's thread, what the voice
//! thread heard. It redraws, and hands work back out. Ctrl-C, SIGTERM, SIGHUP, panics and a
//! closed window all end it cleanly.

use super::keys::map_key;
use super::render::draw;
use super::theme::Theme;
use crate::core::{App, Effect, Msg, view};
use crate::i18n::I18n;
use crate::runtime::{BankEdge, BankWorker};
use crate::voice::engine::Prepared;
use crate::voice::worker::{VoiceEvent, VoiceWorker};
use crate::voice::{Context, VoiceLang};
use crossterm::event::{self, Event};
use ratatui::backend::{Backend, ClearType};
use ratatui::layout::Size;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// How often the loop looks at signals, the window size and the terminal's health while idle.
const TICK: Duration = Duration::from_millis(40);

/// What reaches the run loop.
enum Incoming {
    /// A key press, a resize or another terminal event.
    Terminal(Event),
    /// The bank answered.
    Bank(Msg),
    /// The voice thread loaded its model, or heard something.
    Voice(VoiceEvent),
}

impl From<Msg> for Incoming {
    fn from(msg: Msg) -> Incoming {
        Incoming::Bank(msg)
    }
}

impl From<VoiceEvent> for Incoming {
    fn from(event: VoiceEvent) -> Incoming {
        Incoming::Voice(event)
    }
}

/// Voice input for the run loop: the model ready to load, and the language to listen in.
pub struct VoiceSetup {
    pub prepared: Prepared,
    pub lang: VoiceLang,
    /// Say at once, on screen, if the model fails to load (`--voice on`).
    pub announce: bool,
}

/// The voice thread and what the loop needs to ask it to listen.
struct VoiceEdge {
    worker: VoiceWorker,
    lang: VoiceLang,
    announce: bool,
}

/// Runs the kiosk until the person quits, a signal arrives or the terminal goes away.
pub fn run(
    app: &mut App,
    edge: BankEdge,
    i18n: &I18n,
    theme: &Theme,
    start: Vec<Effect>,
) -> io::Result<()> {
    run_with_voice(app, edge, i18n, theme, start, None)
}

/// [`run`], with voice input when `voice` is given: its model loads on the voice thread while
/// the first screens are already shown.
pub fn run_with_voice(
    app: &mut App,
    edge: BankEdge,
    i18n: &I18n,
    theme: &Theme,
    start: Vec<Effect>,
    voice: Option<VoiceSetup>,
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let (inbox_tx, inbox) = mpsc::channel::<Incoming>();
    let worker = BankWorker::spawn(edge, inbox_tx.clone());
    let voice = voice.map(|setup| VoiceEdge {
        worker: VoiceWorker::spawn(setup.prepared, inbox_tx.clone()),
        lang: setup.lang,
        announce: setup.announce,
    });
    // Installs a panic hook that restores the terminal before the panic message is printed.
    let watch = HangUpWatch::new();
    let mut terminal = ratatui::try_init()?;
    spawn_input_thread(inbox_tx)?;
    let mut kiosk = Kiosk {
        app,
        worker: &worker,
        voice: voice.as_ref(),
        inbox: &inbox,
        i18n,
        theme,
        stop: &stop,
        watch,
    };
    let ending = kiosk.run(&mut terminal, start);
    match ending {
        Ok(Ending::Quit) => ratatui::try_restore(),
        // Nothing is left to restore, and writing to a hung-up terminal only fails (a write that
        // failed mid-frame is the same hang-up). The terminal is not dropped either: its drop
        // would try to show the cursor and print the failure to a standard error that is gone.
        Ok(Ending::HungUp) => {
            std::mem::forget(terminal);
            Ok(())
        }
        Err(_) if watch.hung_up() => {
            std::mem::forget(terminal);
            Ok(())
        }
        Err(error) => {
            ratatui::try_restore()?;
            Err(error)
        }
    }
}

/// Why the run loop stopped.
enum Ending {
    /// The person quit, or a signal asked us to stop.
    Quit,
    /// The terminal went away.
    HungUp,
}

/// Reads terminal events on a thread of its own. Crossterm reads a hung-up terminal in an
/// endless loop (every read returns zero bytes); on this thread that cannot freeze the kiosk,
/// and the run loop, which watches the terminal itself, ends the process soon after.
fn spawn_input_thread(inbox: Sender<Incoming>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("opora-keys".into())
        .spawn(move || {
            while let Ok(event) = event::read() {
                if inbox.send(Incoming::Terminal(event)).is_err() {
                    return;
                }
            }
        })
        .map(|_| ())
}

/// The run loop and what it works with.
struct Kiosk<'a> {
    app: &'a mut App,
    worker: &'a BankWorker,
    voice: Option<&'a VoiceEdge>,
    inbox: &'a Receiver<Incoming>,
    i18n: &'a I18n,
    theme: &'a Theme,
    stop: &'a AtomicBool,
    watch: HangUpWatch,
}

impl Kiosk<'_> {
    fn run(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        start: Vec<Effect>,
    ) -> io::Result<Ending> {
        let edges = Edges {
            bank: self.worker,
            voice: self.voice,
            i18n: self.i18n,
        };
        edges.dispatch(self.app, start);
        let mut dirty = true;
        let mut shown: Option<(&'static str, String)> = None;
        let mut size: Option<Size> = None;
        loop {
            if self.app.is_quitting() || self.stop.load(Ordering::Relaxed) {
                // SIGHUP arrives together with the hang-up itself.
                return Ok(if self.watch.hung_up() {
                    Ending::HungUp
                } else {
                    Ending::Quit
                });
            }
            // A resize that came before the input thread listened for it still changes the size.
            let now = terminal.size()?;
            if size != Some(now) {
                size = Some(now);
                dirty = true;
            }
            if dirty {
                let model = view(self.app, self.i18n);
                // A new screen is painted from scratch: some terminals (xterm with TrueType
                // fonts) leave slivers of big block letters behind when cells are only
                // overwritten.
                let screen = (model.id, model.title.clone());
                if shown.as_ref() != Some(&screen) {
                    repaint_from_scratch(terminal)?;
                    shown = Some(screen);
                }
                terminal.draw(|frame| draw(frame, &model, self.theme, self.i18n))?;
                dirty = false;
            }
            let first = match self.inbox.recv_timeout(TICK) {
                Ok(incoming) => Some(incoming),
                Err(RecvTimeoutError::Timeout) => None,
                // Both senders gone: nothing can happen any more.
                Err(RecvTimeoutError::Disconnected) => return Ok(Ending::Quit),
            };
            // Everything that has arrived, then one frame: a paste of many keys is drawn once.
            for incoming in first.into_iter().chain(self.inbox.try_iter()) {
                dirty |= edges.handle(self.app, incoming);
            }
            if self.watch.hung_up() {
                return Ok(Ending::HungUp);
            }
        }
    }
}

/// Where the loop hands work out.
struct Edges<'a> {
    bank: &'a BankWorker,
    voice: Option<&'a VoiceEdge>,
    i18n: &'a I18n,
}

impl Edges<'_> {
    /// Feeds one incoming message to the state machine; true when the screen may have changed.
    fn handle(&self, app: &mut App, incoming: Incoming) -> bool {
        let msg = match incoming {
            Incoming::Bank(msg) => msg,
            Incoming::Voice(event) => {
                let announce = self.voice.is_some_and(|v| v.announce);
                Msg::Voice(event.into_msg(self.i18n, announce))
            }
            Incoming::Terminal(Event::Key(key)) => match map_key(key) {
                Some(key) => Msg::Key(key),
                None => return false,
            },
            Incoming::Terminal(Event::Resize(..)) => return true,
            Incoming::Terminal(_) => return false,
        };
        let effects = app.update(msg);
        self.dispatch(app, effects);
        true
    }

    /// Sends bank work to the bank's thread and listening to the voice thread; speech effects
    /// will be handled here once speech exists.
    fn dispatch(&self, app: &App, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Listen => {
                    if let Some(voice) = self.voice {
                        voice.worker.listen(Context::of(app, self.i18n, voice.lang));
                    }
                }
                Effect::StopListening => {
                    if let Some(voice) = self.voice {
                        voice.worker.stop();
                    }
                }
                Effect::RepeatScreen | Effect::Quit | Effect::SpeechRate { .. } => {}
                bank => self.bank.send(bank),
            }
        }
    }
}

/// Watches the terminal on standard input for a hang-up.
#[derive(Clone, Copy)]
struct HangUpWatch {
    /// Asked once, at start: a hung-up terminal no longer answers "are you a terminal?". When
    /// standard input is not the terminal, crossterm reads /dev/tty and there is nothing to watch.
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
        self.stdin_is_terminal && stdin_hung_up()
    }
}

fn stdin_hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
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

/// Clears the whole screen and makes the next draw paint every cell. `Terminal::clear` would do
/// the same but first asks the terminal where its cursor is, and a terminal that never answers
/// (some emulators, test harnesses) would then stop the kiosk.
fn repaint_from_scratch(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    terminal.backend_mut().clear_region(ClearType::All)?;
    // After a draw the current buffer is already empty; swapping makes the previous frame's
    // buffer current and empties it too, so the next diff is taken against a blank screen.
    terminal.swap_buffers();
    Ok(())
}
