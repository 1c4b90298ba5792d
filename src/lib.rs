//! Opora: a large-font, voice-capable terminal assistant that helps older bank clients practise
//! everyday banking safely, and the staff beside them.
//!
//! This crate is the edges and faces around the pure core (`opora_core`): the commands
//! (`cmd`), the full-screen face (`tui`) and the plain linear face (`plain`), Opora's voice
//! (`speech`) and ears (`listen`), the SQLite files (`store`), the carrying out of the core's
//! effects (`edge`), the take-home reminder PDF (`reminder`), the report (`report`), the
//! bank-wide journal on PostgreSQL (`central`), and the files and settings they read (`config`,
//! `paths`, `locales`, `lesson_files`), and the safe handling of every file that crosses the
//! edge (`files`).
//! `ARCHITECTURE.md` is the map.

pub mod central;
pub mod cmd;
pub mod config;
pub mod edge;
pub mod files;
pub mod lesson_files;
pub mod listen;
pub mod locales;
pub mod paths;
pub mod plain;
pub mod reminder;
pub mod report;
pub mod speech;
pub mod store;
pub mod tui;
