//! The bank-wide journal on PostgreSQL, the part that needs no network: reading the central
//! database's address (`url`, libpq's URI form, never with a password) and libpq's password
//! file (`passfile`). Connecting, pushing and reporting are the edge's (`opora::central`).

pub mod passfile;
pub mod url;

pub use url::{CentralUrl, Host, SslMode, UrlProblem};
