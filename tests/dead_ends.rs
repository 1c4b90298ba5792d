//! The kiosk's dead ends and surprises (issue 16, part A), each walked with the keys a client or
//! a staff member would press: the real binary in a pseudo-terminal at 80×24 and 120×40 in
//! Russian and English (`pty`), or in plain mode through standard input, always on a practice
//! bank of its own (`OPORA_HOME=<temp dir>`).

mod common;
#[path = "dead_ends/pty.rs"]
mod pty;
#[path = "common/amounts.rs"]
#[allow(dead_code)]
mod said_amounts;

#[path = "dead_ends/amounts.rs"]
mod amounts;
#[path = "dead_ends/bills.rs"]
mod bills;
#[path = "dead_ends/blocked_card.rs"]
mod blocked_card;
#[path = "dead_ends/by_phone.rs"]
mod by_phone;
#[path = "dead_ends/cancel.rs"]
mod cancel;
#[path = "dead_ends/code_field.rs"]
mod code_field;
#[path = "dead_ends/key_feedback.rs"]
mod key_feedback;
#[path = "dead_ends/keys_told.rs"]
mod keys_told;
#[path = "dead_ends/quit.rs"]
mod quit;
#[path = "dead_ends/reminder_open.rs"]
mod reminder_open;
#[path = "dead_ends/screens_draw.rs"]
mod screens_draw;
#[path = "dead_ends/voice_off.rs"]
mod voice_off;
