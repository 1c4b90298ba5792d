//! Opora's pure core: everything the faces share and nothing that touches the disk, the clock,
//! the terminal or audio. Keys, voice meanings and the edges' answers go in; screen models and
//! effects come out.
//!
//! From the bottom up: `money` and `phone` (values), `i18n` and `words` (every sentence, and
//! numbers as words), `bank` (the practice bank's data and rules), `lessons` (tutorials as data),
//! `journal` (what an assisted session records, pseudonyms), `central` (the central database's
//! address and password file), `voice` (what a phrase means on a
//! screen), `screen_model`, `input` and `program` (what every program shows, reacts to and is), and
//! the two programs: `kiosk` (the practice kiosk) and `assist` (the staff-led assisted session).

pub mod assist;
pub mod bank;
pub mod central;
pub mod file_problem;
pub mod i18n;
pub mod input;
pub mod journal;
pub mod kiosk;
pub mod lang;
pub mod lessons;
pub mod money;
pub mod phone;
pub mod program;
pub mod safe_text;
pub mod screen_model;
pub mod store_error;
pub mod voice;
pub mod words;
