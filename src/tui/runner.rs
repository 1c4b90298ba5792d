//! The full-screen runner: runs any [`Program`] (the kiosk, the assisted session, the
//! dashboard). Everything that happens reaches it as one message in one inbox — keys and
//! resizes from the terminal's thread, answers from the program's edge on its worker thread,
//! what the voice thread heard — and it redraws once for whatever has arrived. It hands work
//! back out: the edge's work to the worker, what to say to the speech policy (a new screen is
//! spoken; any key stops the voice), what to listen for to the voice thread (the screen's
//! grammar). Ctrl-C, SIGTERM, SIGHUP, panics and a closed window all end it cleanly
//! ([`Screen`]).

use super::keys::{map_key, page_turn};
use super::render::Shown;
use super::terminal::Screen;
use super::theme::Theme;
use crate::edge::{Worker, pump};
use crate::listen::engine::Prepared;
use crate::listen::worker::{VoiceEvent, VoiceWorker};
use crate::speech::policy::SpeechPolicy;
use crossterm::event::Event;
use opora_core::i18n::I18n;
use opora_core::program::{Edge, FaceRequest, Program};
use opora_core::screen_model::ScreenModel;
use opora_core::voice::VoiceLang;
use ratatui::Frame;
use ratatui::layout::Size;
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How often the loop looks at signals, the window size and the terminal's health while idle.
const TICK: Duration = Duration::from_millis(40);
/// How often the program re-reads what another process may change ([`Program::refresh`]).
const REFRESH: Duration = Duration::from_secs(1);

/// What a program shows, as the full-screen face draws it.
pub trait Drawable {
    /// Draws the view with its text from row `scroll` on when it cannot all be shown; returns
    /// what part of the text is shown then (`None`: all of it), for PgDn and PgUp.
    fn draw(&self, frame: &mut Frame, theme: &Theme, i18n: &I18n, scroll: usize) -> Option<Shown>;
    /// Changes when a new screen is shown, which is then painted from scratch.
    fn screen_key(&self) -> String;
    /// Changes when the text leafed through changes: another text starts at its top.
    fn text_key(&self) -> String;
    /// The screen as the speech policy reads it, if it is spoken at all.
    fn spoken(&self) -> Option<&ScreenModel>;
}

impl Drawable for ScreenModel {
    fn draw(&self, frame: &mut Frame, theme: &Theme, i18n: &I18n, scroll: usize) -> Option<Shown> {
        super::render::draw_scrolled(frame, self, theme, i18n, scroll)
    }

    fn screen_key(&self) -> String {
        format!("{}\n{}", self.id, self.title)
    }

    fn text_key(&self) -> String {
        self.lines.join("\n")
    }

    fn spoken(&self) -> Option<&ScreenModel> {
        Some(self)
    }
}

/// Voice input for the runner: the model ready to load, and the language to listen in.
pub struct VoiceSetup {
    pub prepared: Prepared,
    pub lang: VoiceLang,
    /// Say at once, on screen, if the model fails to load (`--voice on`).
    pub announce: bool,
}

/// The face's own parts: the texts, the colours, the voice and the ears.
pub struct Face<'a> {
    pub i18n: &'a I18n,
    pub theme: &'a Theme,
    pub speech: SpeechPolicy,
    pub voice: Option<VoiceSetup>,
}

/// What reaches the loop.
enum Incoming<M> {
    /// A key press, a resize or another terminal event.
    Terminal(Event),
    /// The program's edge answered.
    Reply(M),
    /// The voice thread loaded its model, or heard something.
    Voice(VoiceEvent),
}

/// Runs `program` full screen until it quits, a signal arrives or the terminal goes away. The
/// `start` effects are carried out before the first frame, so the first screen is complete.
pub fn run<P, E>(program: &mut P, mut edge: E, start: Vec<P::Effect>, face: Face) -> io::Result<()>
where
    P: Program,
    P::View: Drawable,
    E: Edge<P>,
{
    let first_requests = pump(program, &mut edge, start);
    let (inbox_tx, inbox) = mpsc::channel::<Incoming<P::Msg>>();
    let replies = inbox_tx.clone();
    let worker = Worker::spawn(edge, move |msg| replies.send(Incoming::Reply(msg)).is_ok());
    let listener = face.voice.map(|setup| Listener {
        worker: VoiceWorker::spawn(setup.prepared, inbox_tx.clone()),
        lang: setup.lang,
        announce: setup.announce,
    });
    // Quadrant glyphs unless the terminal or the configuration says its font lacks them.
    super::big_font::choose_from_env();
    let mut screen = Screen::open(inbox_tx, Incoming::Terminal)?;
    let mut run = Run {
        program,
        worker: &worker,
        i18n: face.i18n,
        theme: face.theme,
        speech: face.speech,
        listener,
        page: Page::default(),
    };
    run.face(first_requests);
    let result = run.run(&mut screen, &inbox);
    // A write that failed because the terminal went away is that hang-up, not an error.
    match result {
        Err(_) if screen.hung_up() => screen.close(),
        Err(error) => {
            screen.close()?;
            Err(error)
        }
        Ok(()) => screen.close(),
    }
}

impl<M> From<VoiceEvent> for Incoming<M> {
    fn from(event: VoiceEvent) -> Incoming<M> {
        Incoming::Voice(event)
    }
}

/// The voice thread and what the loop needs to ask it to listen.
struct Listener {
    worker: VoiceWorker,
    lang: VoiceLang,
    announce: bool,
}

/// The loop and what it works with.
struct Run<'a, P: Program> {
    program: &'a mut P,
    worker: &'a Worker<P>,
    i18n: &'a I18n,
    theme: &'a Theme,
    speech: SpeechPolicy,
    listener: Option<Listener>,
    page: Page,
}

/// Where the text starts when it does not all fit (PgDn, PgUp), which text that is, and what
/// part of it the last frame showed.
#[derive(Default)]
struct Page {
    scroll: usize,
    text: String,
    shown: Option<Shown>,
}

impl<P> Run<'_, P>
where
    P: Program,
    P::View: Drawable,
{
    fn run(&mut self, screen: &mut Screen, inbox: &Receiver<Incoming<P::Msg>>) -> io::Result<()> {
        let mut dirty = true;
        let mut shown: Option<String> = None;
        let mut size: Option<Size> = None;
        let mut refreshed = Instant::now();
        loop {
            if self.program.is_quitting() || screen.should_stop() {
                return Ok(());
            }
            if let Some(error) = self.speech.take_failure() {
                self.program.show_warning(error.sentence(self.i18n));
                dirty = true;
            }
            // A resize that came before the input thread listened for it still changes the size.
            let now = screen.terminal()?.size()?;
            if size != Some(now) {
                size = Some(now);
                shown = None;
                dirty = true;
            }
            if dirty {
                let view = self.program.view(self.i18n);
                let key = view.screen_key();
                if shown.as_ref() != Some(&key) {
                    screen.repaint()?;
                    shown = Some(key);
                }
                let text = view.text_key();
                if self.page.text != text {
                    self.page = Page {
                        text,
                        ..Page::default()
                    };
                }
                let (theme, i18n, scroll) = (self.theme, self.i18n, self.page.scroll);
                let mut shown = None;
                screen
                    .terminal()?
                    .draw(|frame| shown = view.draw(frame, theme, i18n, scroll))?;
                self.page.shown = shown;
                if let Some(model) = view.spoken() {
                    self.speech.screen(model);
                }
                dirty = false;
            }
            let first = match inbox.recv_timeout(TICK) {
                Ok(incoming) => Some(incoming),
                Err(RecvTimeoutError::Timeout) => None,
                // Every sender gone: nothing can happen any more.
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            };
            // Everything that has arrived, then one frame: a paste of many keys is drawn once.
            for incoming in first.into_iter().chain(inbox.try_iter()) {
                dirty |= self.handle(incoming);
            }
            if refreshed.elapsed() >= REFRESH {
                refreshed = Instant::now();
                let effects = self.program.refresh();
                self.dispatch(effects);
            }
        }
    }

    /// Feeds one incoming message to the program; true when the screen may have changed.
    fn handle(&mut self, incoming: Incoming<P::Msg>) -> bool {
        match incoming {
            Incoming::Reply(msg) => {
                let effects = self.program.update(msg);
                self.dispatch(effects);
                true
            }
            Incoming::Terminal(Event::Key(key)) if page_turn(key, self.page.shown).is_some() => {
                self.page.scroll = page_turn(key, self.page.shown).unwrap_or(0);
                true
            }
            Incoming::Terminal(Event::Key(key)) => match map_key(key) {
                Some(key) => {
                    // Any key silences the voice at once; a new screen is then spoken afresh.
                    self.speech.hush();
                    let effects = self.program.update(P::key(key));
                    self.dispatch(effects);
                    true
                }
                None => false,
            },
            Incoming::Terminal(Event::Resize(..)) => true,
            Incoming::Terminal(_) => false,
            Incoming::Voice(event) => {
                let announce = self.listener.as_ref().is_some_and(|l| l.announce);
                match P::voice(event.into_msg(self.i18n, announce)) {
                    Some(msg) => {
                        let effects = self.program.update(msg);
                        self.dispatch(effects);
                        true
                    }
                    None => false,
                }
            }
        }
    }

    /// Sends the edge's work to its worker; does what is the face's here.
    fn dispatch(&mut self, effects: Vec<P::Effect>) {
        for effect in effects {
            match P::face_request(&effect) {
                Some(request) => self.face(vec![request]),
                None => self.worker.send(effect),
            }
        }
    }

    fn face(&mut self, requests: Vec<FaceRequest>) {
        for request in requests {
            match request {
                FaceRequest::Quit => {}
                // `r`, `<`, `>` on a computer that does not speak: the screen says so.
                FaceRequest::RepeatScreen | FaceRequest::SpeechRate(_) if !self.speech.is_on() => {
                    self.program.show_warning(self.i18n.t("sound-off-here"));
                }
                FaceRequest::RepeatScreen => self.speech.repeat(),
                FaceRequest::SpeechRate(step) => self.speech.step_rate(step, self.i18n),
                FaceRequest::Listen => {
                    if let Some(listener) = &self.listener
                        && let Some(context) = self.program.voice_context(self.i18n, listener.lang)
                    {
                        // The voice must not talk over the client, nor hear itself.
                        self.speech.hush();
                        listener.worker.listen(context);
                    }
                }
                FaceRequest::StopListening => {
                    if let Some(listener) = &self.listener {
                        listener.worker.stop();
                    }
                }
            }
        }
    }
}
