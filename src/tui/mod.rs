//! The full-screen face of Opora: the runner every program runs on (`runner`), the one owner of
//! the terminal (`terminal`), big bitmap text (`big_text`, `bitmap_font`), the layout that picks
//! the largest size that fits, the renderer of a screen model, the dashboard's charts, keys and
//! themes.

pub mod big_text;
pub mod bitmap_font;
pub mod charts;
pub mod keys;
pub mod layout;
pub mod render;
pub mod runner;
pub mod terminal;
pub mod theme;
