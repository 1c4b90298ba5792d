//! Stamping what happens now: a journal event's UUIDv7 and time, and a new session id, both from
//! the clock (which the core never reads).

use chrono::{DateTime, Utc};
use opora_core::journal::{Event, Payload};
use uuid::Uuid;

/// A new event happening now. Its id comes from the process-wide UUIDv7 generator, which counts
/// within a millisecond, so events sort (and are exported) in the order they were made; its
/// time is the id's own.
pub fn event_now(device: &str, session: &str, payload: Payload) -> Event {
    let id = Uuid::now_v7();
    let at = id
        .get_timestamp()
        .map(|ts| ts.to_unix())
        .and_then(|(secs, nanos)| {
            DateTime::from_timestamp_millis(
                i64::try_from(secs).ok()? * 1000 + i64::from(nanos / 1_000_000),
            )
        })
        .unwrap_or_else(Utc::now);
    Event {
        id,
        device: device.to_string(),
        at,
        session: session.to_string(),
        payload,
    }
}

/// A new session id (UUIDv7 text).
pub fn new_session_id() -> String {
    Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_made_now_keep_their_order_and_time() {
        let events: Vec<Event> = (0..200)
            .map(|i| {
                event_now(
                    "d",
                    "s",
                    Payload::LessonStarted {
                        lesson: format!("{i}"),
                    },
                )
            })
            .collect();
        let ids: Vec<Uuid> = events.iter().map(|e| e.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "ids sort in the order the events were made");
        for event in &events {
            let (secs, nanos) = event.id.get_timestamp().expect("v7").to_unix();
            assert_eq!(
                event.at.timestamp_millis(),
                i64::try_from(secs).expect("small") * 1000 + i64::from(nanos / 1_000_000)
            );
        }
    }
}
