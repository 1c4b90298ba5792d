//! Carrying out what programs ask for, and feeding the answers back as messages: each program
//! has an [`Edge`] (the kiosk's practice bank, the session's journal, the dashboard's report from the journal or
//! the central database),
//! run synchronously by [`pump`] (plain mode, tests) or on a thread of its own by [`Worker`]
//! (the full-screen face, so a slow disk never freezes the screen).

mod bank;
mod central_dashboard;
mod dashboard;
mod journal;
pub mod practice_log;
mod reminder;
mod worker;

pub use bank::BankEdge;
pub use central_dashboard::CentralDashboardEdge;
pub use dashboard::DashboardEdge;
pub use journal::JournalEdge;
pub use practice_log::PracticeLog;
pub use reminder::ReminderMaker;
pub use worker::Worker;

use opora_core::program::{Edge, FaceRequest, Program};
use std::collections::VecDeque;

/// Carries out effects, and the effects their answers cause, synchronously, until the program is
/// quiet. Returns what is the face's to do (repeat, quit, listen…), in order.
pub fn pump<P: Program, E: Edge<P>>(
    program: &mut P,
    edge: &mut E,
    effects: Vec<P::Effect>,
) -> Vec<FaceRequest> {
    let mut queue: VecDeque<P::Effect> = effects.into();
    let mut face = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match P::face_request(&effect) {
            Some(request) => face.push(request),
            None => {
                for msg in edge.handle(effect) {
                    queue.extend(program.update(msg));
                }
            }
        }
    }
    face
}

/// Feeds one message to the program and [`pump`]s what follows.
pub fn drive<P: Program, E: Edge<P>>(
    program: &mut P,
    edge: &mut E,
    msg: P::Msg,
) -> Vec<FaceRequest> {
    let effects = program.update(msg);
    pump(program, edge, effects)
}

/// A fresh, hard-to-repeat session id, so operation ids never collide across runs.
pub fn session_id() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{:x}-{:x}", nanos, std::process::id())
}
