//! The full-screen face of Opora: the runner every program runs on (`runner`), the one owner of
//! the terminal (`terminal`), big bitmap text (`big_text`, `big_font`, `bitmap_font`), the
//! layout that fits every screen to every terminal from 40×12 (`layout`, `place`, `plan`), the renderer
//! of a screen model, the dashboard's charts, keys and themes.

pub mod big_font;
pub mod big_text;
pub mod bitmap_font;
pub mod chart_parts;
pub mod charts;
pub mod keys;
pub mod layout;
pub mod place;
pub mod plan;
pub mod render;
pub mod runner;
pub mod terminal;
pub mod theme;
