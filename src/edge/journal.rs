//! An assisted session's edge: the journal (each [`AssistEffect::Record`] becomes an event with
//! a UUIDv7, this device's id, the time and the current session id, committed with
//! `synchronous=FULL` before the next one), the returning client's history, the take-home
//! reminder, and the client's practice kiosk (its practice bank, reset per client and for "now
//! do it alone", and lesson progress kept under the client's pseudonym). A failed write is told
//! to the session (staff see it) and nothing else is pretended.

use super::BankEdge;
use crate::store::journal::{Journal, event_now, new_session_id};
use opora_core::assist::{Assist, AssistEffect, AssistMsg};
use opora_core::lessons::progress::PRACTICE_PROFILE;
use opora_core::program::Edge;

pub struct JournalEdge {
    journal: Journal,
    device: String,
    session: String,
    reminders: Option<super::ReminderMaker>,
    bank: Option<BankEdge>,
}

impl JournalEdge {
    pub fn new(journal: Journal, device: &str) -> JournalEdge {
        JournalEdge {
            journal,
            device: device.to_string(),
            session: new_session_id(),
            reminders: None,
            bank: None,
        }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Writes the take-home reminder at the end of a session that had lessons.
    pub fn with_reminders(mut self, reminders: super::ReminderMaker) -> JournalEdge {
        self.reminders = Some(reminders);
        self
    }

    /// The practice bank the client's kiosk runs on.
    pub fn with_bank(mut self, bank: BankEdge) -> JournalEdge {
        self.bank = Some(bank);
        self
    }

    fn record(&mut self, payload: opora_core::journal::Payload) -> Vec<AssistMsg> {
        let event = event_now(&self.device, &self.session, payload);
        match self.journal.append(&event) {
            Ok(()) => Vec::new(),
            Err(e) => vec![AssistMsg::JournalFailed(e)],
        }
    }

    /// The kiosk's answers, as the session's messages.
    fn kiosk(
        &mut self,
        answer: impl FnOnce(&mut BankEdge) -> Vec<opora_core::kiosk::Msg>,
    ) -> Vec<AssistMsg> {
        match &mut self.bank {
            Some(bank) => answer(bank).into_iter().map(AssistMsg::Kiosk).collect(),
            None => Vec::new(),
        }
    }
}

impl Edge<Assist> for JournalEdge {
    fn handle(&mut self, effect: AssistEffect) -> Vec<AssistMsg> {
        match effect {
            AssistEffect::BeginSession => {
                self.session = new_session_id();
                Vec::new()
            }
            AssistEffect::Record(payload) => self.record(payload),
            AssistEffect::LookUpProgress(pseudonym) => match self.journal.progress(&pseudonym) {
                Ok(progress) => vec![AssistMsg::Progress(progress)],
                Err(e) => vec![AssistMsg::JournalFailed(e)],
            },
            AssistEffect::WriteReminder(lessons) => match &self.reminders {
                Some(maker) => vec![AssistMsg::ReminderWritten(maker.write_session(&lessons))],
                None => Vec::new(),
            },
            AssistEffect::Kiosk(effect) => self.kiosk(|bank| bank.handle(effect)),
            AssistEffect::ClientProfile(client) => {
                if let Some(bank) = &mut self.bank {
                    bank.set_profile(client.as_deref().unwrap_or(PRACTICE_PROFILE));
                }
                Vec::new()
            }
            AssistEffect::ResetBank => self.kiosk(BankEdge::reset_bank),
            AssistEffect::UnblockCard => self.kiosk(BankEdge::unblock_card),
            AssistEffect::Face(_) | AssistEffect::Quit => Vec::new(),
        }
    }
}
