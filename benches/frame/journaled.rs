//! Key to frame with the journal on: the kiosk as the full-screen runner runs it — its edge on a
//! worker thread, answers through an inbox — once writing nothing, once writing every step of
//! the journey to a journal file on disk (`synchronous=FULL`, as in use). The journal is written
//! on the worker, never on the UI thread, so the two figures must be the same; the events the
//! journal holds at the end prove it was written.

use super::{Kiosk, SCENARIOS, Scenario, TARGET, ms};
use opora::edge::{BankEdge, PracticeLog, Worker, pump};
use opora::store::bank::{Clock, SandboxStore};
use opora::store::journal::Journal;
use opora_core::kiosk::{App, Msg};
use opora_core::program::Program;
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// The kiosk with its edge on a worker, and the inbox its answers come to.
struct Threaded {
    kiosk: Kiosk,
    worker: Worker<App>,
    inbox: Receiver<Msg>,
}

impl Threaded {
    fn new(size: (u16, u16), journal: Option<&Path>) -> Threaded {
        let store = SandboxStore::open_in_memory_with_clock(Clock::Fixed(super::today()))
            .expect("in-memory sandbox");
        let mut edge = BankEdge::new(store);
        if let Some(path) = journal {
            let journal = Journal::open(path).expect("journal file");
            edge = edge.with_practice_log(PracticeLog::new(journal, "bench", "bench-site"));
        }
        let (mut app, start) = App::new("bench");
        pump(&mut app, &mut edge, start);
        let (tx, inbox) = mpsc::channel();
        let worker = Worker::spawn(edge, move |msg| tx.send(msg).is_ok());
        let kiosk = Kiosk::with_app(app, size);
        Threaded {
            kiosk,
            worker,
            inbox,
        }
    }

    fn dispatch(&mut self, msg: Msg) {
        for effect in self.kiosk.app.update(msg) {
            if App::face_request(&effect).is_none() {
                self.worker.send(effect);
            }
        }
    }

    /// What the runner does for one key: update, hand the work out, take what has already
    /// come back, draw once.
    fn key_to_frame(&mut self, key: opora_core::input::Key) {
        self.dispatch(Msg::Key(key));
        while let Ok(msg) = self.inbox.try_recv() {
            self.dispatch(msg);
        }
        self.kiosk.frame(super::Renderer::Opora);
    }

    /// Takes every answer still on its way (not timed), so each key starts from a settled kiosk.
    fn settle(&mut self) {
        while let Ok(msg) = self.inbox.recv_timeout(Duration::from_millis(3)) {
            self.dispatch(msg);
        }
    }

    fn measure(&mut self, scenario: Scenario, presses: usize) -> Vec<Duration> {
        for &key in scenario.setup {
            self.key_to_frame(key);
            self.settle();
        }
        let mut times: Vec<Duration> = (0..presses)
            .map(|step| {
                let key = scenario.keys[step % scenario.keys.len()];
                let start = Instant::now();
                self.key_to_frame(key);
                let took = start.elapsed();
                self.settle();
                took
            })
            .collect();
        times.sort_unstable();
        times
    }
}

fn quantile(times: &[Duration], q: f64) -> Duration {
    let rank = ((q * times.len() as f64).ceil() as usize).clamp(1, times.len().max(1)) - 1;
    times.get(rank).copied().unwrap_or_default()
}

/// Prints key-to-frame at `size` with the journal off and on, side by side.
pub fn summary(size: (u16, u16), quick: bool) {
    let presses = if quick { 10 } else { 400 };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.db");
    println!();
    println!(
        "== key press → drawn frame with the journal, {}×{}, edge on a worker thread, {presses} \
         keys each ==",
        size.0, size.1
    );
    println!("{:<34} {:>12} {:>12}", "", "median", "p90");
    let mut worst = [Duration::ZERO; 2];
    for scenario in SCENARIOS {
        for (i, journal) in [None, Some(path.as_path())].into_iter().enumerate() {
            let mut kiosk = Threaded::new(size, journal);
            let times = kiosk.measure(scenario, presses);
            let name = if journal.is_some() {
                "journal_on"
            } else {
                "journal_off"
            };
            println!(
                "{:<34} {:>12} {:>12}",
                format!("{name}/{}", scenario.name),
                ms(quantile(&times, 0.5)),
                ms(quantile(&times, 0.9))
            );
            worst[i] = worst[i].max(quantile(&times, 0.9));
        }
    }
    let written = Journal::open(&path)
        .and_then(|j| j.count())
        .expect("the journal reads back");
    println!(
        "journal on: {written} events written with synchronous=FULL; worst p90 {} with the \
         journal, {} without (target under {} → {})",
        ms(worst[1]),
        ms(worst[0]),
        ms(TARGET),
        if worst[1] < TARGET { "PASS" } else { "FAIL" }
    );
    assert!(written > 0, "the journal was written");
}
