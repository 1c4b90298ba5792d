//! What the journal records: events (`event`) with a typed payload (`payload`: the session's
//! frame and the client's journey through the kiosk) in closed vocabularies (`values`), the
//! keyed pseudonyms that stand for clients (`pseudonym`), and the one gate every event passes
//! before it is stored (`validate`). The store, import and export are the edge's
//! (`opora::store::journal`).

pub mod client_history;
pub mod event;
pub mod payload;
pub mod pseudonym;
pub mod validate;
pub mod values;

pub use client_history::ClientHistory;
pub use event::Event;
pub use payload::Payload;
pub use pseudonym::{BankKey, ClientRef, ClientRefError};
pub use values::{AgeBand, Channel, InputMode, Outcome, Segment};
