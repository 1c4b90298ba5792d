//! The journal as an assisted session's effects see it: each [`AssistEffect::Record`] becomes
//! an event with a UUIDv7, this device's id, the time and the current session id, committed
//! before the next key is read. A failed write is told to the session (staff see it) and
//! nothing else is pretended.

use crate::store::journal::{Journal, event_now, new_session_id};
use opora_core::assist::{Assist, AssistEffect, AssistMsg};
use opora_core::program::Edge;

pub struct JournalEdge {
    journal: Journal,
    device: String,
    session: String,
    reminders: Option<super::ReminderMaker>,
}

impl JournalEdge {
    pub fn new(journal: Journal, device: &str) -> JournalEdge {
        JournalEdge {
            journal,
            device: device.to_string(),
            session: new_session_id(),
            reminders: None,
        }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Carries out one effect; returns the messages that answer it. `Quit` is the face's.
    /// Writes the take-home reminder at the end of a session that had lessons.
    pub fn with_reminders(mut self, reminders: super::ReminderMaker) -> JournalEdge {
        self.reminders = Some(reminders);
        self
    }

    fn handle_effect(&mut self, effect: &AssistEffect) -> Vec<AssistMsg> {
        match effect {
            AssistEffect::BeginSession => {
                self.session = new_session_id();
                Vec::new()
            }
            AssistEffect::Record(payload) => {
                let event = event_now(&self.device, &self.session, payload.clone());
                match self.journal.append(&event) {
                    Ok(()) => Vec::new(),
                    Err(e) => vec![AssistMsg::JournalFailed(e)],
                }
            }
            AssistEffect::LookUpProgress(pseudonym) => match self.journal.progress(pseudonym) {
                Ok(progress) => vec![AssistMsg::Progress(progress)],
                Err(e) => vec![AssistMsg::JournalFailed(e)],
            },
            AssistEffect::WriteReminder(lessons) => match &self.reminders {
                Some(maker) => vec![AssistMsg::ReminderWritten(maker.write_session(lessons))],
                None => Vec::new(),
            },
            AssistEffect::Quit => Vec::new(),
        }
    }
}

impl Edge<Assist> for JournalEdge {
    fn handle(&mut self, effect: AssistEffect) -> Vec<AssistMsg> {
        self.handle_effect(&effect)
    }
}
