//! The full-screen run loop. Everything that happens reaches it as one message in one inbox:
//! keys and resizes from the input thread, answers from the bank's thread, a failure from the
//! speech thread, what the voice thread heard. It redraws, and hands work back out: bank work to
//! the bank's thread, what to say to the speech thread (a new screen is spoken; any key stops
//! the voice), what to listen for to the voice thread (the screen's grammar). Ctrl-C, SIGTERM,
//! SIGHUP, panics and a closed window all end it cleanly.

use super::keys::{map_key, page_turn};
use super::render::{Shown, draw_scrolled};
use super::theme::Theme;
use crate::core::{App, Effect, Msg, RateStep, ScreenModel, view};
use crate::i18n::I18n;
use crate::runtime::{BankEdge, BankWorker};
use crate::speech::edge::SpeechEdge;
use crate::speech::{Rate, Speaker, SpeechError, Voice};
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
    /// The voice failed and is off.
    SpeechFailed(SpeechError),
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
    speech: Speech,
    start: Vec<Effect>,
    listening: Option<VoiceSetup>,
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
    let listener = listening.map(|setup| VoiceEdge {
        worker: VoiceWorker::spawn(setup.prepared, inbox_tx.clone()),
        lang: setup.lang,
        announce: setup.announce,
    });
    let voice = Voice {
        lang: i18n.lang(),
        rate: speech.rate,
    };
    let speaker = match speech.speaker {
        Some(speaker) => {
            let failures = inbox_tx.clone();
            match SpeechEdge::spawn(speaker, move |error| {
                let _ = failures.send(Incoming::SpeechFailed(error));
            }) {
                Ok(edge) => Some(edge),
                Err(error) => {
                    app.show_warning(SpeechError::Engine(error.to_string()).sentence(i18n));
                    None
                }
            }
        }
        None => None,
    };
    super::big_font::choose_from_env();
    // Installs a panic hook that restores the terminal before the panic message is printed.
    let watch = HangUpWatch::new();
    let mut terminal = ratatui::try_init()?;
    spawn_input_thread(inbox_tx)?;
    let mut kiosk = Kiosk {
        app,
        worker: &worker,
        inbox: &inbox,
        i18n,
        theme,
        stop: &stop,
        watch,
        speaker,
        voice,
        listener: listener.as_ref(),
        said: None,
        say_again: None,
        page: (0, None),
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
    inbox: &'a Receiver<Incoming>,
    i18n: &'a I18n,
    theme: &'a Theme,
    stop: &'a AtomicBool,
    watch: HangUpWatch,
    /// The speech thread; `None` when the voice is off.
    speaker: Option<SpeechEdge>,
    voice: Voice,
    /// The voice-input thread; `None` when voice input is off.
    listener: Option<&'a VoiceEdge>,
    /// The screen last sent to the speaker: its spoken text without the notice, and the notice.
    said: Option<(String, Option<String>)>,
    /// Say the screen on the next frame even if it has not changed, after this preface (`r`, a
    /// rate step).
    say_again: Option<String>,
    /// Where the screen's text starts when it does not all fit (PgDn, PgUp), and what was shown.
    page: (usize, Option<Shown>),
}

/// Speech for the run loop: a speaker (none when the voice is off) and the starting rate.
pub struct Speech {
    pub speaker: Option<Box<dyn Speaker>>,
    pub rate: Rate,
}

impl Kiosk<'_> {
    fn run(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        start: Vec<Effect>,
    ) -> io::Result<Ending> {
        self.dispatch(start);
        let mut dirty = true;
        let mut shown: Option<(&'static str, String)> = None;
        let mut text: Vec<String> = Vec::new();
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
                // Another text starts at its top.
                if text != model.lines {
                    self.page.0 = 0;
                    text.clone_from(&model.lines);
                }
                let scroll = self.page.0;
                terminal.draw(|frame| {
                    self.page.1 = draw_scrolled(frame, &model, self.theme, self.i18n, scroll);
                })?;
                self.speak(&model);
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
                dirty |= self.handle(incoming);
            }
            if self.watch.hung_up() {
                return Ok(Ending::HungUp);
            }
        }
    }
}

impl Kiosk<'_> {
    /// Feeds one incoming message to the state machine; true when the screen may have changed.
    fn handle(&mut self, incoming: Incoming) -> bool {
        match incoming {
            Incoming::Bank(msg) => {
                let effects = self.app.update(msg);
                self.dispatch(effects);
                true
            }
            Incoming::Terminal(Event::Key(key)) if page_turn(key, self.page.1).is_some() => {
                self.page.0 = page_turn(key, self.page.1).unwrap_or(0);
                true
            }
            Incoming::Terminal(Event::Key(key)) => match map_key(key) {
                Some(key) => {
                    // Any key silences the voice at once; a new screen is then spoken afresh.
                    if let Some(speaker) = &self.speaker {
                        speaker.stop();
                    }
                    let effects = self.app.update(Msg::Key(key));
                    self.dispatch(effects);
                    true
                }
                None => false,
            },
            Incoming::Terminal(Event::Resize(..)) => true,
            Incoming::Terminal(_) => false,
            Incoming::SpeechFailed(error) => {
                self.speaker = None;
                self.app.show_warning(error.sentence(self.i18n));
                true
            }
            Incoming::Voice(event) => {
                let announce = self.listener.is_some_and(|v| v.announce);
                let effects = self
                    .app
                    .update(Msg::Voice(event.into_msg(self.i18n, announce)));
                self.dispatch(effects);
                true
            }
        }
    }

    /// Sends bank work to the worker; handles what is about speech here.
    fn dispatch(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::RepeatScreen => self.say_again = Some(String::new()),
                Effect::SpeechRate(step) => self.step_rate(step),
                Effect::Listen => {
                    if let Some(listener) = self.listener {
                        // The voice must not talk over the client, nor hear itself.
                        if let Some(speaker) = &self.speaker {
                            speaker.stop();
                        }
                        let context = Context::of(self.app, self.i18n, listener.lang);
                        listener.worker.listen(context);
                    }
                }
                Effect::StopListening => {
                    if let Some(listener) = self.listener {
                        listener.worker.stop();
                    }
                }
                Effect::Quit => {}
                bank => self.worker.send(bank),
            }
        }
    }

    /// Steps the rate and has the screen said again at the new rate, after a word that says
    /// what changed («Медленнее.»), or that the rate is already at its end.
    fn step_rate(&mut self, step: RateStep) {
        let (next, changed, at_end) = match step {
            RateStep::Slower => (self.voice.rate.slower(), "speech-slower", "speech-slowest"),
            RateStep::Faster => (self.voice.rate.faster(), "speech-faster", "speech-fastest"),
        };
        let preface = match next {
            Some(rate) => {
                self.voice.rate = rate;
                self.i18n.t(changed)
            }
            None => self.i18n.t(at_end),
        };
        self.say_again = Some(preface);
    }

    /// Says the screen when it is a new one, when a new notice (an error, a result) appeared on
    /// it, or when asked to say it again. A notice that merely went away (the next key) is not
    /// worth reading the whole screen again.
    fn speak(&mut self, model: &ScreenModel) {
        let Some(speaker) = &self.speaker else {
            return;
        };
        let notice = model
            .notice
            .as_ref()
            .map(|n| format!("{}: {}", n.label, n.text));
        let mut without_notice = model.clone();
        without_notice.notice = None;
        // What is typed into a field is not news to the person typing it.
        without_notice.field = None;
        let screen = (
            model.id.to_string() + &without_notice.text_lines().join("\n"),
            notice,
        );
        let again = self.say_again.take();
        let new_screen = self.said.as_ref().is_none_or(|(s, _)| *s != screen.0);
        let new_notice =
            screen.1.is_some() && self.said.as_ref().is_none_or(|(_, n)| *n != screen.1);
        self.said = Some(screen);
        if again.is_none() && !new_screen && !new_notice {
            return;
        }
        let text = match again.filter(|p| !p.is_empty()) {
            Some(preface) => format!("{preface} {}", model.spoken),
            None => model.spoken.clone(),
        };
        speaker.say(&text, self.voice);
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
