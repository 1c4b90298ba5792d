//! The journal's SQLite file: append-only events (`store`, `schema`), stamped with their id and
//! time here (`stamp`), and the NDJSON files that move journals between devices (`ndjson`).
//! What an event says is the core's (`opora_core::journal`); its typed facts, filled as events
//! are appended, are `facts`'; reports read them (`crate::report`).

pub mod facts;
pub mod ndjson;
pub mod sample;
pub mod schema;
pub mod stamp;
pub mod store;

pub use ndjson::{ImportError, ImportSummary, LineError};
pub use stamp::{event_now, new_session_id};
pub use store::Journal;
