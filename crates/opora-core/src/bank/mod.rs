//! The embedded practice bank (sandbox) as data and rules: a demo client («Мария Ивановна») with
//! a pension card, a savings account, saved payees, bills and a realistic history.
//!
//! - `snapshot`: the plain data the kiosk sees (`Snapshot`);
//! - `operation`: what the client asks for (`Operation`), its price (`Quote`), the `Receipt`;
//! - `rules`: pure checks and fees over a snapshot;
//! - `demo`: the demo client from the embedded `assets/demo.toml`;
//! - `error`: why something was refused (`BankError`).
//!
//! The SQLite store that executes operations once per `OpId` is the edge's
//! (`opora::store::bank`). No real bank is ever called, and no money here is real.

pub mod demo;
pub mod error;
pub mod operation;
pub mod rules;
pub mod snapshot;

pub use error::BankError;
pub use operation::{OpId, Operation, Quote, Receipt, Recipient};
pub use snapshot::{
    Account, AccountKind, Bill, BillKind, DirectoryEntry, HistoryEntry, HistoryKind, Limits,
    Localized, Payee, Relation, Snapshot,
};
