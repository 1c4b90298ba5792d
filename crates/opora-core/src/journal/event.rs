//! What the journal records: one [`Event`] per thing that happened in an assisted session, with a
//! typed [`Payload`]. Events never carry a name, phone, card or raw client id — only the keyed
//! pseudonym made in `pseudonym.rs`.
//!
//! The serde form of an event is the NDJSON line format of `opora journal export` and the
//! `payload` column of the database, so renaming a variant or field is a schema change: add,
//! never rename.

use chrono::{DateTime, Utc};

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

/// The client groups of the bank's strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Senior,
    DigitalAdept,
    Other,
}

/// Age bands: <45, 45–59, 60–74, 75+.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "<45")]
    Under45,
    #[serde(rename = "45-59")]
    From45To59,
    #[serde(rename = "60-74")]
    From60To74,
    #[serde(rename = "75+")]
    From75,
}

/// Where the session happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    BranchKiosk,
    MobileBrigade,
    SelfPractice,
}

/// The result of the "now do it alone" check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Alone,
    WithHelp,
    NotYet,
    Declined,
}

/// How a step was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputMode {
    Key,
    Voice,
}

/// What happened. The `type` tag is also the `kind` column of the database.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Payload {
    /// Consent was given and the session began. `client` is the pseudonym (None: anonymous).
    SessionStarted {
        staff: String,
        client: Option<String>,
        segment: Segment,
        age_band: AgeBand,
        channel: Channel,
        site: String,
        #[serde(default)]
        variant: Option<String>,
        goals: Vec<String>,
    },
    /// The session's end: the conversion check's outcome and whether the need was solved in
    /// this contact (FCR).
    SessionEnded {
        outcome: Outcome,
        fcr: Option<bool>,
        #[serde(default)]
        complaint: Option<String>,
    },
    ScreenShown {
        screen: String,
    },
    StepCompleted {
        lesson: Option<String>,
        step: u32,
        by: InputMode,
        helped: bool,
        /// For voice: whether the recognised words were accepted as the intended command.
        #[serde(default)]
        recognition_accepted: Option<bool>,
    },
    ErrorShown {
        lesson: Option<String>,
        step: Option<u32>,
        screen: String,
    },
    HelpAsked {
        lesson: Option<String>,
        step: Option<u32>,
        screen: String,
    },
    LessonStarted {
        lesson: String,
    },
    LessonCompleted {
        lesson: String,
    },
    DrillOutcome {
        lesson: String,
        passed: bool,
        alone: bool,
    },
    OperationCompleted {
        operation: String,
    },
    /// Client feedback; each answer may be skipped.
    Feedback {
        csat: Option<u8>,
        ces: Option<u8>,
        nps: Option<u8>,
    },
    /// Later contact: has the client used the app alone since?
    FollowUp {
        client: String,
        used_alone: bool,
    },
    /// The client said no to the journal: only this count is kept, with no client data.
    ConsentRefused {
        channel: Channel,
        site: String,
    },
}

impl Payload {
    /// The `type` tag, also the `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Payload::SessionStarted { .. } => "session_started",
            Payload::SessionEnded { .. } => "session_ended",
            Payload::ScreenShown { .. } => "screen_shown",
            Payload::StepCompleted { .. } => "step_completed",
            Payload::ErrorShown { .. } => "error_shown",
            Payload::HelpAsked { .. } => "help_asked",
            Payload::LessonStarted { .. } => "lesson_started",
            Payload::LessonCompleted { .. } => "lesson_completed",
            Payload::DrillOutcome { .. } => "drill_outcome",
            Payload::OperationCompleted { .. } => "operation_completed",
            Payload::Feedback { .. } => "feedback",
            Payload::FollowUp { .. } => "follow_up",
            Payload::ConsentRefused { .. } => "consent_refused",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_the_serde_tag() {
        let payloads = [
            Payload::SessionEnded {
                outcome: Outcome::Alone,
                fcr: Some(true),
                complaint: None,
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
