//! The journal as an event log for process-mining tools (PRODUCT.md §7): one case per session
//! (assisted or self-practice), its events oldest first, each with an activity, a time and a
//! resource. `xes.rs` and `csv.rs` write it; `opora report` counts the same cases and events.
//!
//! - The activity is a stable id in English, the same in every language and on every device:
//!   the screen's id for a screen entered (`send-who`, `amount-entry`, `check`, `code`, `done`),
//!   and for other events their kind with what tells them apart (`lesson-step:pay-bills:2`,
//!   `operation-completed:send`, `staff-marked:asked-aloud`, `input-refused`, `help-opened`).
//! - The resource is who acted: the staff id for staff actions (starting and ending the
//!   session, the set-up and feedback stages, staff marks, "now do it alone"), otherwise the
//!   client's pseudonym, or `anonymous`.
//! - Every other field of the event goes along as an attribute `opora:<field>`, and the case
//!   carries segment, age band, channel, site, variant, kind and outcome. All of these are closed
//!   ids, pseudonyms or what staff typed for staff and site: the journal never holds a name, a
//!   phone number or a client's id, so no export can.
//!
//! Follow-ups and consent refusals are not part of any client's journey and are not exported.
//! Cases are read one at a time, so memory stays small whatever the journal's size.

use rusqlite::params;

use super::facts::event_from_row;
use super::store::Journal;
use opora_core::journal::{Event, Payload};
use opora_core::store_error::StoreError;

/// One session as a case.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Case {
    pub session: String,
    pub kind: String,
    pub client: Option<String>,
    pub staff: Option<String>,
    /// (attribute, value): segment, age_band, channel, site, variant, outcome, computed
    /// outcome, override reason — those the session has.
    pub attributes: Vec<(&'static str, String)>,
}

impl Case {
    /// The resource of an event of this case.
    pub fn resource(&self, payload: &Payload) -> String {
        let staff_action = matches!(
            payload,
            Payload::SessionStarted { .. }
                | Payload::SessionEnded { .. }
                | Payload::ScreenShown { .. }
                | Payload::StaffMarked { .. }
                | Payload::AloneStarted {}
        );
        match (staff_action, &self.staff, &self.client) {
            (true, Some(staff), _) => staff.clone(),
            (_, _, Some(client)) => client.clone(),
            _ => "anonymous".to_string(),
        }
    }
}

/// The activity of an event (a stable id).
pub fn activity(payload: &Payload) -> String {
    match payload {
        Payload::ScreenEntered { screen, .. } => screen.clone(),
        Payload::ScreenShown { screen } => format!("staff-screen:{screen}"),
        Payload::Adjusted { what, .. } => format!("adjusted:{what}"),
        Payload::WentBack { cancel: true, .. } => "cancelled".into(),
        Payload::WentBack { .. } => "went-back".into(),
        Payload::VoiceHeard {
            intent: Some(_), ..
        } => "voice-heard".into(),
        Payload::VoiceHeard { .. } => "voice-refused".into(),
        Payload::StepCompleted { lesson, step, .. } => {
            format!("step-done:{}:{step}", lesson.as_deref().unwrap_or("-"))
        }
        Payload::LessonStarted { lesson } => format!("lesson-started:{lesson}"),
        Payload::LessonStepStarted { lesson, step } => format!("lesson-step:{lesson}:{step}"),
        Payload::LessonStepFinished { lesson, step, .. } => {
            format!("lesson-step-finished:{lesson}:{step}")
        }
        Payload::LessonCompleted { lesson } => format!("lesson-completed:{lesson}"),
        Payload::DrillShown { drill, .. } => format!("drill-shown:{drill}"),
        Payload::OperationCompleted { operation, .. } => {
            format!("operation-completed:{operation}")
        }
        Payload::StaffMarked { mark } => format!("staff-marked:{mark}"),
        other => other.kind().replace('_', "-"),
    }
}

/// A typed attribute value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Bool(bool),
}

/// The event's own fields (other than its type) as attributes, in the payload's order.
pub fn fields(payload: &Payload) -> Vec<(String, Value)> {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(payload) else {
        return Vec::new();
    };
    map.into_iter()
        .filter(|(key, _)| key != "type")
        .filter_map(|(key, value)| {
            let value = match value {
                serde_json::Value::String(s) => Value::Text(s),
                serde_json::Value::Bool(b) => Value::Bool(b),
                serde_json::Value::Number(n) => Value::Int(n.as_i64()?),
                serde_json::Value::Array(items) => Value::Text(
                    items
                        .iter()
                        .filter_map(|i| i.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                _ => return None,
            };
            Some((format!("opora:{key}"), value))
        })
        .collect()
}

/// Whether the event belongs to a case (see the module's comment).
pub fn in_a_case(payload: &Payload) -> bool {
    !matches!(
        payload,
        Payload::FollowUp { .. } | Payload::ConsentRefused { .. }
    )
}

/// How many cases and events were written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub cases: u64,
    pub events: u64,
}

impl Journal {
    /// Calls `each` with every case and its events, cases by when they started.
    pub fn for_each_case(
        &self,
        mut each: impl FnMut(&Case, &[Event]) -> std::io::Result<()>,
    ) -> Result<Written, super::ImportError> {
        let conn = self.conn();
        let sql = |e| self.sql(e);
        let mut cases = conn
            .prepare(
                "SELECT session, kind, client, staff, segment, age_band, channel, site, variant, \
                 outcome, computed_outcome, override_reason FROM session_facts \
                 ORDER BY started_at, session",
            )
            .map_err(sql)?;
        let mut events = conn
            .prepare(
                "SELECT id, device, at, session, payload FROM event WHERE session = ?1 \
                 ORDER BY at, id",
            )
            .map_err(sql)?;
        let mut rows = cases.query([]).map_err(sql)?;
        let mut written = Written::default();
        while let Some(row) = rows.next().map_err(sql)? {
            let text = |i: usize| row.get::<_, Option<String>>(i).map_err(sql);
            let mut case = Case {
                session: row.get(0).map_err(sql)?,
                kind: row.get(1).map_err(sql)?,
                client: text(2)?,
                staff: text(3)?,
                attributes: Vec::new(),
            };
            for (i, name) in [
                (4, "segment"),
                (5, "age_band"),
                (6, "channel"),
                (7, "site"),
                (8, "variant"),
                (9, "outcome"),
                (10, "computed_outcome"),
                (11, "override_reason"),
            ] {
                if let Some(value) = text(i)? {
                    case.attributes.push((name, value));
                }
            }
            let list: Vec<Event> = events
                .query_map(params![case.session], event_from_row)
                .map_err(sql)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|_| StoreError::Corrupt {
                    path: self.path().to_path_buf(),
                })?
                .into_iter()
                .filter(|e| in_a_case(&e.payload))
                .collect();
            each(&case, &list)?;
            written.cases += 1;
            written.events += list.len() as u64;
        }
        Ok(written)
    }
}

/// An event's time as XES and pm4py read it: `2025-01-01T10:00:00.123+00:00`.
pub fn timestamp(event: &Event) -> String {
    event.at.format("%Y-%m-%dT%H:%M:%S%.3f+00:00").to_string()
}
