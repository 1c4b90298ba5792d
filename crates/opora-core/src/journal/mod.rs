//! What the journal of assisted sessions records: typed events (`event`) and the keyed
//! pseudonyms that stand for clients (`pseudonym`), and the one gate every event passes before
//! it is stored (`validate`). The store, import and export are the edge's
//! (`opora::store::journal`).

pub mod client_history;
pub mod event;
pub mod pseudonym;
pub mod validate;

pub use client_history::ClientHistory;
pub use event::{AgeBand, Channel, Event, InputMode, Outcome, Payload, Segment};
pub use pseudonym::{BankKey, ClientRef, ClientRefError};
