//! The full-screen face of Opora: big bitmap text, the layout that picks the largest size that
//! fits, the renderer of a screen model, themes, and the terminal run loop.

pub mod assist_runner;
pub mod big_text;
pub mod bitmap_font;
pub mod charts;
pub mod keys;
pub mod layout;
pub mod render;
pub mod runner;
pub mod theme;
