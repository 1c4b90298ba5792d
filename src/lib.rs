//! Opora: a large-font, voice-capable terminal assistant that helps older bank clients practise
//! everyday banking safely, and the staff beside them.
//!
//! One core, several faces: `core` is a pure state machine (keys in, screen models and effects
//! out); `ui` (ratatui) and `plain` (linear text) render the same screen model; `runtime`
//! carries out the core's effects; `bank` is the embedded practice bank; `i18n` holds every
//! user-visible sentence (Fluent).

pub mod assist_cli;
pub mod bank;
pub mod cli;
pub mod config;
pub mod core;
pub mod i18n;
pub mod journal;
pub mod lessons;
pub mod money;
pub mod paths;
pub mod phone;
pub mod plain;
pub mod reminder;
pub mod report;
pub mod runtime;
pub mod speech;
pub mod ui;
pub mod voice;
