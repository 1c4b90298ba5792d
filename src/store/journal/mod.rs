//! The journal's SQLite file: append-only events (`store`, `schema`), stamped with their id and
//! time here (`stamp`), and the NDJSON files that move journals between devices (`ndjson`,
//! streamed in and out by `import`); what a push to the central database sends next (`outbox`).
//! What an event says is the core's (`opora_core::journal`); reports read it (`crate::report`).

pub mod import;
pub mod ndjson;
pub mod outbox;
pub mod schema;
pub mod stamp;
pub mod store;

pub use ndjson::{ImportError, ImportSummary, LineError};
pub use stamp::{event_now, new_session_id};
pub use store::Journal;
