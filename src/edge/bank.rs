//! The kiosk's edge: the practice bank (operations, codes, snapshots), the lesson progress store
//! beside it, and the take-home reminders.

use super::ReminderMaker;
use super::practice_log::PracticeLog;
use crate::store::bank::SandboxStore;
use crate::store::progress::ProgressStore;
use opora_core::kiosk::App;
use opora_core::kiosk::{Effect, Msg};
use opora_core::lessons::progress::{PRACTICE_PROFILE, Progress};
use opora_core::program::Edge;

/// The practice bank (and the lesson progress store beside it) as the core's effects see them.
pub struct BankEdge {
    store: SandboxStore,
    progress: Option<ProgressStore>,
    reminders: Option<ReminderMaker>,
    profile: String,
    session: String,
    /// The journal of a client practising alone; `None` in an assisted session (the session
    /// keeps the journey) or when the device does not keep self-practice.
    practice: Option<PracticeLog>,
}

impl BankEdge {
    pub fn new(store: SandboxStore) -> BankEdge {
        BankEdge {
            store,
            progress: None,
            reminders: None,
            profile: PRACTICE_PROFILE.to_string(),
            session: String::new(),
            practice: None,
        }
    }

    /// Keeps the journey of a client practising alone, as an anonymous session.
    pub fn with_practice_log(mut self, log: PracticeLog) -> BankEdge {
        self.practice = Some(log);
        self
    }

    /// Keeps lesson progress under this profile (a client's pseudonym) from now on.
    pub fn set_profile(&mut self, profile: &str) {
        self.profile = profile.to_string();
    }

    /// A fresh practice bank for the next client (or for "now do it alone").
    pub fn reset_bank(&mut self) -> Vec<Msg> {
        match self.store.reset() {
            Ok(()) => vec![Msg::Snapshot(self.store.snapshot().map(Box::new))],
            Err(error) => vec![Msg::Snapshot(Err(error))],
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

    /// Staff unblock the practice card (a lesson blocked it, or the client did).
    pub fn unblock_card(&mut self) -> Vec<Msg> {
        match self.store.unblock_card() {
            Ok(_) => vec![Msg::Snapshot(self.store.snapshot().map(Box::new))],
            Err(error) => vec![Msg::Snapshot(Err(error))],
        }
    }

    /// Carries out one effect; returns the messages that answer it. Effects that are not about
    /// the bank (speech, quitting) are the caller's and answer nothing here.
    fn handle_effect(&mut self, effect: &Effect) -> Vec<Msg> {
        match effect {
            Effect::Record(payload) => match &mut self.practice {
                Some(log) => match log.record(payload.clone()) {
                    Ok(()) => Vec::new(),
                    // Said once; the kiosk goes on without keeping the journey.
                    Err(error) => {
                        self.practice = None;
                        vec![Msg::JournalFailed(error)]
                    }
                },
                None => Vec::new(),
            },
            Effect::LoadSnapshot => vec![Msg::Snapshot(self.store.snapshot().map(Box::new))],
            Effect::UnblockCard => self.unblock_card(),
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
                let opened = self
                    .reminders
                    .as_ref()
                    .is_some_and(|maker| maker.open(path));
                vec![Msg::FileOpened {
                    path: path.clone(),
                    opened,
                }]
            }
            Effect::RepeatScreen
            | Effect::Quit
            | Effect::Listen
            | Effect::StopListening
            | Effect::SpeechRate(_) => Vec::new(),
        }
    }
}

impl Edge<App> for BankEdge {
    fn handle(&mut self, effect: Effect) -> Vec<Msg> {
        self.handle_effect(&effect)
    }
}
