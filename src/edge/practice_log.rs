//! The journal of a client practising alone at the kiosk: an anonymous self-practice session
//! (no pseudonym) that begins with the first step a client takes and ends when the kiosk closes,
//! or when a new client starts after the kiosk stood untouched for a while. Nothing here limits
//! the client's time: the pause only tells one visitor's journey from the next one's.

use crate::store::journal::{Journal, event_now, new_session_id};
use opora_core::journal::{Event, Payload};
use opora_core::store_error::StoreError;
use std::time::{Duration, Instant};

/// Untouched this long, the kiosk's next step belongs to a new visitor.
pub const NEW_VISITOR_AFTER: Duration = Duration::from_secs(10 * 60);

/// One device's self-practice sessions, written as they happen.
pub struct PracticeLog {
    journal: Journal,
    device: String,
    site: String,
    /// The session under way, and when its last step was written.
    current: Option<(String, Instant, Event)>,
}

impl PracticeLog {
    pub fn new(journal: Journal, device: &str, site: &str) -> PracticeLog {
        PracticeLog {
            journal,
            device: device.to_string(),
            site: site.to_string(),
            current: None,
        }
    }

    /// Appends one step of the journey, beginning a session (or ending a stale one) first.
    pub fn record(&mut self, payload: Payload) -> Result<(), StoreError> {
        self.record_at(payload, Instant::now())
    }

    fn record_at(&mut self, payload: Payload, now: Instant) -> Result<(), StoreError> {
        if let Some((_, last, _)) = &self.current
            && now.duration_since(*last) >= NEW_VISITOR_AFTER
        {
            self.end()?;
        }
        let session = match &self.current {
            Some((session, ..)) => session.clone(),
            None => {
                let session = new_session_id();
                self.journal.append(&event_now(
                    &self.device,
                    &session,
                    Payload::PracticeStarted {
                        site: self.site.clone(),
                        variant: None,
                    },
                ))?;
                session
            }
        };
        let event = event_now(&self.device, &session, payload);
        self.journal.append(&event)?;
        self.current = Some((session, now, event));
        Ok(())
    }

    /// Ends the session under way, just after its last step (a millisecond later, so the end
    /// sorts after it: ids made in one millisecond have no order).
    pub fn end(&mut self) -> Result<(), StoreError> {
        let Some((session, _, last)) = self.current.take() else {
            return Ok(());
        };
        let at = last.at + chrono::Duration::milliseconds(1);
        let end = Event::at(&self.device, &session, at, Payload::PracticeEnded {});
        self.journal.append(&end)
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }
}

impl Drop for PracticeLog {
    fn drop(&mut self) {
        // The kiosk is closing: the visitor's session ends with it (a failure here has nobody
        // left to tell; the session then simply has no end, as after a power cut).
        let _ = self.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(log: &PracticeLog) -> Vec<(String, &'static str)> {
        log.journal()
            .events()
            .expect("events")
            .into_iter()
            .map(|e| (e.session.clone(), e.payload.kind()))
            .collect()
    }

    fn help() -> Payload {
        Payload::HelpOpened {
            screen: "home".into(),
        }
    }

    #[test]
    fn the_first_step_begins_an_anonymous_session_and_closing_ends_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("journal.db");
        {
            let mut log = PracticeLog::new(Journal::open(&path).expect("open"), "kiosk-1", "");
            log.record(help()).expect("recorded");
            log.record(help()).expect("recorded");
        }
        let log = PracticeLog::new(Journal::open(&path).expect("open"), "kiosk-1", "");
        let events = kinds(&log);
        let names: Vec<&str> = events.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            names,
            [
                "practice_started",
                "help_opened",
                "help_opened",
                "practice_ended"
            ]
        );
        assert!(events.iter().all(|(s, _)| *s == events[0].0), "one session");
    }

    #[test]
    fn a_long_pause_tells_one_visitor_from_the_next() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = Journal::open(&dir.path().join("journal.db")).expect("open");
        let mut log = PracticeLog::new(journal, "kiosk-1", "");
        let start = Instant::now();
        log.record_at(help(), start).expect("recorded");
        log.record_at(help(), start + Duration::from_secs(60))
            .expect("same visitor");
        log.record_at(help(), start + Duration::from_secs(60) + NEW_VISITOR_AFTER)
            .expect("next visitor");
        let events = kinds(&log);
        let first = events[0].0.clone();
        let of = |same: bool| -> Vec<&str> {
            events
                .iter()
                .filter(|(s, _)| (*s == first) == same)
                .map(|(_, k)| *k)
                .collect()
        };
        assert_eq!(
            of(true),
            [
                "practice_started",
                "help_opened",
                "help_opened",
                "practice_ended"
            ]
        );
        assert_eq!(of(false), ["practice_started", "help_opened"]);
    }
}
