//! The journal's SQLite file: append-only events (`store`, `schema`), stamped with their id and
//! time here (`stamp`), the NDJSON files that move journals between devices (`ndjson`, streamed
//! in and out by `import`), what a push to the central database sends next (`outbox`), and the
//! event log for process-mining tools (`mining`, written as `xes` or `csv`).
//! What an event says is the core's (`opora_core::journal`); its typed facts, filled as events
//! are appended, are `facts`'; reports read them (`crate::report`).

pub mod csv;
pub mod facts;
pub mod import;
pub mod mining;
pub mod ndjson;
pub mod outbox;
pub mod sample;
pub mod schema;
pub mod stamp;
pub mod store;
pub mod xes;

pub use ndjson::{ImportError, ImportSummary, LineError};
pub use stamp::{event_now, new_session_id};
pub use store::Journal;
