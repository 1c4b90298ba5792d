//! Everything Opora keeps in SQLite, one file per concern: the practice bank (`bank`), the
//! journal of sessions (`journal`), how far it has been pushed to the central database
//! (`push_state`) and lesson progress (`progress`), all opened the same way
//! (`sqlite`). The core's types go in and out; no SQL leaves this folder.

pub mod bank;
pub mod journal;
pub mod progress;
pub mod push_state;
pub mod sqlite;
