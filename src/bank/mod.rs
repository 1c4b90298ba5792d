//! The embedded practice bank (sandbox): a demo client («Мария Ивановна») with a pension card, a
//! savings account, saved payees, bills and a realistic history, in a local SQLite file.
//!
//! - `model`: the plain data the app sees (`Snapshot`);
//! - `operation`: what the client asks for (`Operation`), its price (`Quote`), the `Receipt`;
//! - `rules`: pure checks and fees over a snapshot;
//! - `store`: `SandboxStore`, the database, which executes operations once per `OpId`
//!   (its SQL is in the private `tables` and `ledger`);
//! - `demo`: the demo client from the embedded `assets/demo.toml`;
//! - `schema`: the migrations; `error`: why something was refused or failed.
//!
//! No real bank is ever called, and no money here is real.

pub mod demo;
pub mod error;
mod ledger;
pub mod model;
pub mod operation;
pub mod rules;
pub mod schema;
pub(crate) mod sqlite;
pub mod store;
mod tables;

pub use error::{BankError, StoreError};
pub use model::{
    Account, AccountKind, Bill, BillKind, DirectoryEntry, HistoryEntry, HistoryKind, Limits,
    Localized, Payee, Relation, Snapshot,
};
pub use operation::{OpId, Operation, Quote, Receipt, Recipient};
pub use store::{Clock, SandboxStore};
