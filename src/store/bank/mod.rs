//! The practice bank's SQLite file: `SandboxStore` executes operations once per `OpId` (its SQL
//! is in the private `tables` and `ledger`); `schema` holds the migrations. The data and rules
//! are the core's (`opora_core::bank`).

mod ledger;
pub mod schema;
pub mod store;
mod tables;

pub use store::{Clock, Codes, SandboxStore};
