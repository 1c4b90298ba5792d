//! The bank-wide journal on PostgreSQL: devices push their events when they can, analysts
//! report across every branch and brigade (`docs/central.md`).
//!
//! - `connect`: from the address in the configuration to a connection, the password the libpq
//!   ways (`PGPASSWORD`, a passfile), TLS through `tls` with libpq's `sslmode` meanings;
//! - `schema` and `migrate`: the server's schema as versioned steps, and the roles' grants;
//! - `push`: this device's events the server lacks, idempotent by event id, resumable;
//! - `facts`: the server's typed facts, made from its events by the device's own rules
//!   (`opora central refresh`), written with `copy`;
//! - `report`: the report of `crate::report` over those facts, and `views` for BI tools;
//! - `error` and `sentence`: what went wrong, as one sentence in the staff member's language.
//!
//! The address itself is read in the core (`opora_core::central`), which knows no PostgreSQL.

pub mod connect;
pub mod copy;
pub mod error;
pub mod facts;
pub mod migrate;
pub mod push;
pub mod report;
pub mod schema;
pub mod sentence;
pub mod tls;
pub mod views;

pub use connect::{Central, connect};
pub use error::CentralError;
