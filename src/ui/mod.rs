//! The full-screen face of Opora: ratatui widgets (big bitmap text) and the terminal run loop.

pub mod big_text;
pub mod font;
