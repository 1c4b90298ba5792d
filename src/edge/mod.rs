//! The edges of the core: carrying out its effects against the practice bank and feeding the
//! answers back as messages — synchronously (plain mode, tests) or on a worker thread (the
//! terminal UI, so a slow disk never freezes the screen).

mod journal_edge;
mod worker;

pub use journal_edge::{JournalEdge, drive_assist, run_assist_effects};

pub use worker::BankWorker;

mod reminder;

pub use reminder::ReminderMaker;

use crate::store::bank::SandboxStore;
use crate::store::progress::ProgressStore;
use opora_core::input::{Effect, Msg};
use opora_core::kiosk::App;
use opora_core::lessons::progress::{PRACTICE_PROFILE, Progress};

/// The practice bank (and the lesson progress store beside it) as the core's effects see them.
pub struct BankEdge {
    store: SandboxStore,
    progress: Option<ProgressStore>,
    reminders: Option<ReminderMaker>,
    profile: String,
    session: String,
}

impl BankEdge {
    pub fn new(store: SandboxStore) -> BankEdge {
        BankEdge {
            store,
            progress: None,
            reminders: None,
            profile: PRACTICE_PROFILE.to_string(),
            session: String::new(),
        }
    }

    /// Keeps lesson progress and drill outcomes in `progress` for this session.
    pub fn with_progress(mut self, progress: ProgressStore, session: &str) -> BankEdge {
        self.progress = Some(progress);
        self.session = session.to_string();
        self
    }

    /// Writes take-home reminders.
    pub fn with_reminders(mut self, reminders: ReminderMaker) -> BankEdge {
        self.reminders = Some(reminders);
        self
    }

    /// Carries out one effect; returns the messages that answer it. Effects that are not about
    /// the bank (speech, quitting) are the caller's and answer nothing here.
    pub fn handle(&mut self, effect: &Effect) -> Vec<Msg> {
        match effect {
            Effect::LoadSnapshot => vec![Msg::Snapshot(self.store.snapshot().map(Box::new))],
            Effect::IssueCode { op_id } => vec![Msg::CodeIssued {
                op_id: op_id.clone(),
                result: self.store.issue_code(op_id),
            }],
            Effect::Execute { op_id, operation } => vec![Msg::Executed {
                op_id: op_id.clone(),
                result: self.store.execute(op_id, operation),
            }],
            Effect::LoadProgress => vec![Msg::Progress(match &self.progress {
                Some(store) => store.load(&self.profile),
                None => Ok(Progress::default()),
            })],
            Effect::Lesson(event) => match &mut self.progress {
                // The lesson goes on either way; the screen says why progress was not kept.
                Some(store) => match store.record(&self.profile, &self.session, event) {
                    Ok(()) => Vec::new(),
                    Err(error) => vec![Msg::Progress(Err(error))],
                },
                None => Vec::new(),
            },
            Effect::WriteReminder { lesson } => {
                let snapshot = self.store.snapshot().ok();
                vec![Msg::ReminderWritten(match &self.reminders {
                    Some(maker) => maker.write(lesson, snapshot.as_ref()),
                    None => Err(String::new()),
                })]
            }
            Effect::OpenFile(path) => {
                if let Some(maker) = &self.reminders {
                    maker.open(path);
                }
                Vec::new()
            }
            Effect::RepeatScreen
            | Effect::Quit
            | Effect::Listen
            | Effect::StopListening
            | Effect::SpeechRate(_) => Vec::new(),
        }
    }
}

/// Feeds a message to the app and carries out every effect that follows, until the app is
/// quiet. Returns the effects that are not the bank's (repeat, quit, voice) for the face to
/// handle.
pub fn drive(app: &mut App, edge: &mut BankEdge, msg: Msg) -> Vec<Effect> {
    let effects = app.update(msg);
    run_effects(app, edge, effects)
}

/// Carries out effects (and the effects their answers cause) synchronously.
pub fn run_effects(app: &mut App, edge: &mut BankEdge, effects: Vec<Effect>) -> Vec<Effect> {
    let mut queue: std::collections::VecDeque<Effect> = effects.into();
    let mut rest = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::RepeatScreen
            | Effect::Quit
            | Effect::Listen
            | Effect::StopListening
            | Effect::SpeechRate(_) => rest.push(effect),
            bank_effect => {
                for msg in edge.handle(&bank_effect) {
                    queue.extend(app.update(msg));
                }
            }
        }
    }
    rest
}

/// A fresh, hard-to-repeat session id, so operation ids never collide across runs.
pub fn session_id() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{:x}-{:x}", nanos, std::process::id())
}
