//! The full-screen face of Opora: big bitmap text, the layout that picks the largest size that
//! fits, the renderer of a screen model, themes, and the terminal run loop.

pub mod assist;
pub mod big_font;
pub mod big_text;
pub mod dashboard;
pub mod font;
pub mod keys;
pub mod layout;
pub mod place;
pub mod render;
pub mod terminal;
pub mod theme;
