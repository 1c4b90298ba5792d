//! The kiosk's state: the stack of screens the client went through, the practice bank as last
//! seen, the notice about the last action, text size, the staff line, lessons and progress, and
//! whether voice listens — and the read-only questions faces and screens ask of it. How it
//! changes is in `update` (keys, the bank's answers), `lesson_play` and `heard` (voice).

use super::lesson_state::LessonRun;
use super::messages::Effect;
use super::screen::Screen;
use crate::bank::{BankError, Snapshot};
use crate::lessons::Lesson;
use crate::lessons::progress::Progress;
use crate::money::AmountError;
use crate::phone::PhoneError;
use crate::store_error::StoreError;
use crate::voice::meaning::Rejection;
use std::sync::Arc;

/// The longest text a field accepts; more is ignored, not an error.
pub(super) const FIELD_MAX: usize = 18;

/// Text sizes the client can step through with `+` and `-` (0 = smallest big text).
pub const TEXT_SIZES: usize = 4;

/// What went wrong or right with the last action; turned into a sentence by the view.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    NoSuchChoice {
        max: usize,
    },
    Amount(AmountError),
    Phone(PhoneError),
    Bank(BankError),
    Store(StoreError),
    /// The journal could not be written.
    Journal(StoreError),
    WrongCode,
    /// The code is four digits: a letter, a fifth digit or too few digits.
    CodeDigits,
    /// The third wrong code in a row: this code no longer works.
    CodeExpired,
    CodeNotYetArrived,
    /// Problems with locale files, already in the person's language.
    Startup(Vec<String>),
    /// `+` or `-`: the text size now (0-based, of [`TEXT_SIZES`]).
    TextSize(usize),
    /// This file (the reminder) could not be shown on this computer: where it is, to print.
    NotOpened(std::path::PathBuf),
    /// A money action was cancelled before anything moved (its flow: send, own, pay, topup).
    Cancelled(&'static str),
    /// The practice card works again: staff unblocked it, or the lesson that blocked it ended.
    CardUnblocked {
        by_lesson: bool,
    },
    /// About voice input: a phrase turned down, nothing heard, voice off…
    Voice(VoiceNotice),
}

/// Whether voice input can be used now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceState {
    /// Voice is not in use: off by choice (`None`), or a sentence saying why it cannot be.
    Off(Option<String>),
    /// The model is loading; Space will work in a moment.
    Loading,
    Ready,
    /// Listening to the client now.
    Listening,
}

/// What the notice line says about voice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoiceNotice {
    /// A phrase turned down; the screen had `choices` choices; on a say-it step, the message id
    /// of the phrase asked for.
    Rejected {
        rejection: Rejection,
        choices: usize,
        phrase: Option<String>,
    },
    /// Only silence.
    Nothing,
    /// Space before the model has loaded.
    Loading,
    /// Voice is off, for this reason (already a sentence).
    Off(String),
    /// Voice is off because Opora was started with `--voice off`.
    OffByChoice,
    /// The screen changed while the phrase was being said.
    Stale,
    /// A say-it step's phrase, said right.
    SaidRight,
    /// «Нет» to «Вы сказали …?»: say it again.
    SayAgain,
    Slower,
    Faster,
}

/// The whole state of a kiosk session.
#[derive(Debug)]
pub struct App {
    pub(super) stack: Vec<Screen>,
    pub(super) snapshot: Option<Snapshot>,
    pub(super) notice: Option<Notice>,
    pub(super) focus: usize,
    pub(super) text_size: usize,
    pub(super) show_staff: bool,
    pub(super) session: String,
    pub(super) next_op: u64,
    pub(super) quitting: bool,
    /// The lessons this kiosk offers (shipped and a trainer's).
    pub(super) lessons: Vec<Arc<Lesson>>,
    /// How far this client got in them.
    pub(super) progress: Progress,
    /// Whether voice input can be used now.
    pub(super) voice: VoiceState,
    /// The screen last recorded in the journey (stack depth and id), so each screen entered is
    /// recorded once.
    pub(super) recorded_place: Option<(usize, &'static str)>,
    /// The journey is kept (anonymously): the home screen says so in one short line.
    pub(super) journey_kept: bool,
    /// What voice input last heard, shown big until the next action.
    pub(super) heard: Option<String>,
    /// Whether `0` on home may close the program (not inside an assisted session).
    pub(super) can_quit: bool,
    /// A lesson's practice step blocked the card: it is unblocked when the lesson is over.
    pub(super) practice_block: bool,
}

impl App {
    /// A new session at the home screen. `session` makes operation ids unique across runs (the
    /// edges pass something random); the returned effects must be carried out.
    pub fn new(session: impl Into<String>) -> (App, Vec<Effect>) {
        let app = App {
            stack: vec![Screen::Home],
            snapshot: None,
            notice: None,
            focus: 0,
            text_size: TEXT_SIZES - 1,
            show_staff: true,
            session: session.into(),
            next_op: 1,
            quitting: false,
            lessons: Vec::new(),
            progress: Progress::default(),
            voice: VoiceState::Off(None),
            heard: None,
            recorded_place: None,
            journey_kept: false,
            can_quit: true,
            practice_block: false,
        };
        (app, vec![Effect::LoadSnapshot, Effect::LoadProgress])
    }

    /// Offers these lessons under «Обучение».
    pub fn set_lessons(&mut self, lessons: Vec<Arc<Lesson>>) {
        self.lessons = lessons;
    }

    pub fn lessons(&self) -> &[Arc<Lesson>] {
        &self.lessons
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn session(&self) -> &str {
        &self.session
    }

    pub fn screen(&self) -> &Screen {
        // The stack is never empty: popping stops at the home screen.
        self.stack.last().unwrap_or(&Screen::Home)
    }

    pub fn snapshot(&self) -> Option<&Snapshot> {
        self.snapshot.as_ref()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn text_size(&self) -> usize {
        self.text_size
    }

    pub fn show_staff(&self) -> bool {
        self.show_staff
    }

    pub fn is_quitting(&self) -> bool {
        self.quitting
    }

    /// Shows or hides the staff line (an assisted session hides it for "now do it alone").
    pub fn set_show_staff(&mut self, show: bool) {
        self.show_staff = show;
    }

    /// Back to the home screen as for a new visit: nothing typed, nothing noticed, and the
    /// home screen recorded again in the journey.
    pub fn restart(&mut self) {
        self.stack = vec![Screen::Home];
        self.notice = None;
        self.heard = None;
        self.focus = 0;
        self.recorded_place = None;
    }

    /// Inside an assisted session the client cannot close the program from home: staff end
    /// the session.
    pub fn set_can_quit(&mut self, can: bool) {
        self.can_quit = can;
    }

    pub fn can_quit(&self) -> bool {
        self.can_quit
    }

    /// Says on the home screen that the journey is kept, without a name.
    pub fn set_journey_kept(&mut self, kept: bool) {
        self.journey_kept = kept;
    }

    pub fn journey_kept(&self) -> bool {
        self.journey_kept
    }

    /// Shows sentences about start-up problems (e.g. a broken locale file) on the first screen.
    pub fn set_startup_notice(&mut self, sentences: Vec<String>) {
        if !sentences.is_empty() {
            self.notice = Some(Notice::Startup(sentences));
        }
    }

    /// Shows one warning sentence (e.g. that the voice turned itself off) until the next key.
    pub fn show_warning(&mut self, sentence: String) {
        self.notice = Some(Notice::Startup(vec![sentence]));
    }

    pub fn voice_state(&self) -> &VoiceState {
        &self.voice
    }

    /// What voice last heard, while it is shown.
    pub fn heard(&self) -> Option<&str> {
        self.heard.as_deref()
    }

    /// Tells the core whether voice can be used: `Loading` when the edge is loading the model,
    /// `Off(Some(reason))` when it cannot be. Off by default.
    pub fn set_voice(&mut self, state: VoiceState) {
        self.voice = state;
    }

    /// The lesson run the client is in, if any.
    pub fn lesson_run(&self) -> Option<&LessonRun> {
        self.stack.iter().rev().find_map(|s| match s {
            Screen::Lesson(run) => Some(run.as_ref()),
            _ => None,
        })
    }
}
