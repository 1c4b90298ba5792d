//! The plain linear face, for screen readers, braille displays and scripts: each screen printed
//! once as numbered lines (`print`), one line read at a time and read as a command (`command`),
//! any program run on it (`runner`). No full-screen redraws.

pub mod command;
pub mod print;
pub mod runner;
pub mod safe_io;

pub use runner::{PlainFace, PlainVoice, run};
