//! The local journal of assisted sessions: typed events (`event`), the keyed pseudonyms that
//! stand for clients (`pseudonym`), the append-only SQLite store (`store`, `schema`) and the
//! NDJSON files that move journals between devices (`ndjson`). Reports read it (`crate::report`).

pub mod cli;
pub mod event;
pub mod ndjson;
pub mod pseudonym;
pub mod schema;
pub mod store;

pub use event::{AgeBand, Channel, Event, InputMode, Outcome, Payload, Segment, new_session_id};
pub use ndjson::{ImportError, ImportSummary, LineError};
pub use pseudonym::{BankKey, ClientRef, ClientRefError};
pub use store::{Journal, Progress};
