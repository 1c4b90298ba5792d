//! What the journal records: one [`Event`] per thing that happened in a session (assisted, or a
//! client practising alone at the kiosk), with a typed [`Payload`] (`payload.rs`). Events never
//! carry a name, phone, card or raw client id — only the keyed pseudonym made in `pseudonym.rs`.
//!
//! The serde form of an event is the NDJSON line format of `opora journal export` and the
//! `payload` column of the database, so renaming a variant or field is a schema change: add,
//! never rename.

use chrono::{DateTime, Utc};

use super::payload::Payload;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One journal entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// UUIDv7: unique across devices and ordered by time.
    pub id: Uuid,
    /// The device that wrote it (from the configuration).
    pub device: String,
    /// When it happened (UTC, milliseconds).
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub at: DateTime<Utc>,
    /// The assisted session it belongs to (a UUIDv7 too).
    pub session: String,
    pub payload: Payload,
}

impl Event {
    /// An event at a given time (fixtures, generated journals). Ids of events in the same
    /// millisecond are in no particular order.
    pub fn at(device: &str, session: &str, at: DateTime<Utc>, payload: Payload) -> Event {
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        let ts = uuid::Timestamp::from_unix(
            uuid::NoContext,
            millis / 1000,
            u32::try_from(millis % 1000).unwrap_or(0) * 1_000_000,
        );
        Event {
            id: Uuid::new_v7(ts),
            device: device.to_string(),
            at: DateTime::from_timestamp_millis(at.timestamp_millis()).unwrap_or(at),
            session: session.to_string(),
            payload,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::values::{Channel, Outcome};

    #[test]
    fn kind_is_the_serde_tag() {
        let payloads = [
            Payload::SessionEnded {
                outcome: Outcome::Alone,
                fcr: Some(true),
                complaint: None,
                computed: None,
                override_reason: None,
            },
            Payload::Feedback {
                csat: Some(5),
                ces: None,
                nps: Some(10),
            },
            Payload::ConsentRefused {
                channel: Channel::MobileBrigade,
                site: "Тверь".into(),
            },
        ];
        for payload in payloads {
            let json = serde_json::to_value(&payload).expect("serialises");
            assert_eq!(json["type"], payload.kind());
        }
    }

    #[test]
    fn event_ids_are_v7_and_carry_the_time() {
        let at = DateTime::from_timestamp_millis(1_764_000_000_123).expect("valid");
        let event = Event::at(
            "dev",
            "s",
            at,
            Payload::LessonStarted { lesson: "x".into() },
        );
        assert_eq!(event.id.get_version_num(), 7);
        let (secs, nanos) = event.id.get_timestamp().expect("v7 has a time").to_unix();
        assert_eq!(secs, 1_764_000_000);
        assert_eq!(nanos / 1_000_000, 123);
    }
}
