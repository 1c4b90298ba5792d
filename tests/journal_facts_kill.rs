//! Killing a process at random moments while it appends journey events loses no committed event
//! and never leaves the typed facts disagreeing with the events (PRODUCT.md §8, §12; issue 10).
//!
//! The writer is this test binary run again as a child (`OPORA_KILL_WRITER` names the journal):
//! it appends generated sessions' events one at a time (and now and then a few in one
//! transaction, as an import does), printing each event's id once its transaction has
//! committed. The parent kills it (SIGKILL) after a random number of committed events plus a
//! random few hundred microseconds, often in the middle of a write; then the file must pass
//! `PRAGMA integrity_check`, hold every event printed, and its facts must equal the facts
//! rebuilt from its events. The next round goes on appending to the same file, so sessions are
//! continued across kills.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use opora::store::journal::Journal;
use opora::store::journal::sample::{Lcg, session};

const ROUNDS: u64 = 16;
const WRITER: &str = "OPORA_KILL_WRITER";

/// The child: appends until killed (run only by the test below, which names its journal).
#[test]
#[ignore = "the kill test's child process, started by the test below"]
fn writer_process() {
    let Some(path) = std::env::var_os(WRITER) else {
        panic!("{WRITER} names the journal this child appends to");
    };
    let seed: u64 = std::env::var("OPORA_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut journal = Journal::open(Path::new(&path)).expect("the journal opens");
    let mut rng = Lcg(seed);
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        // Sessions interleave: two at a time, like two devices merged, so some events arrive
        // older than their session's newest (each round's sessions are new).
        let start = 1_735_689_600_000 + i64::try_from(seed * 1000 + n).unwrap_or(0) * 600_000;
        let a = session(&mut rng, &format!("k{seed}-{n}-a"), start, 3);
        let b = session(&mut rng, &format!("k{seed}-{n}-b"), start + 1_000, 3);
        let mut all: Vec<_> = a.into_iter().chain(b).collect();
        all.sort_by_key(|e| e.id);
        let mut i = 0;
        while i < all.len() {
            let take = if rng.below(10) == 0 { 5 } else { 1 };
            let chunk = &all[i..(i + take).min(all.len())];
            // One event or a few per transaction (unchecked: the generated sessions have
            // short made-up names the journal's gate would refuse).
            journal.append_all(chunk).expect("appended");
            for event in chunk {
                writeln!(out, "{}", event.id).expect("stdout");
            }
            out.flush().expect("stdout");
            i += take;
        }
    }
}

fn ids(path: &Path) -> BTreeSet<String> {
    Journal::open(path)
        .expect("the journal opens")
        .events()
        .expect("events")
        .into_iter()
        .map(|e| e.id.to_string())
        .collect()
}

#[test]
fn killing_the_writer_never_loses_events_nor_leaves_facts_behind() {
    if std::env::var_os(WRITER).is_some() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    let db = dir.path().join("journal.db");
    let mut rng = Lcg(99);
    let mut total_committed = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(std::env::current_exe().expect("this test binary"))
            .args([
                "--exact",
                "writer_process",
                "--ignored",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(WRITER, &db)
            .env("OPORA_KILL_SEED", (round + 1).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the writer starts");
        let stdout = child.stdout.take().expect("stdout");
        let wanted = 20 + rng.below(400) as usize;
        let mut committed = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            // The test harness prints its own lines too; ids are UUIDs.
            if line.len() == 36 && line.chars().filter(|c| *c == '-').count() == 4 {
                committed.push(line);
            }
            if committed.len() >= wanted {
                break;
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(800)));
        child.kill().expect("killed");
        let _ = child.wait();
        assert!(
            committed.len() >= wanted,
            "round {round}: the writer stopped after {} events",
            committed.len()
        );
        total_committed += committed.len();

        let check: String = rusqlite::Connection::open(&db)
            .expect("opens")
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check runs");
        assert_eq!(check, "ok", "round {round}: damaged after a kill");
        let present = ids(&db);
        let lost: Vec<&String> = committed
            .iter()
            .filter(|id| !present.contains(*id))
            .collect();
        assert!(
            lost.is_empty(),
            "round {round}: lost committed events {lost:?}"
        );

        let mut journal = Journal::open(&db).expect("opens");
        let filled = journal.facts_snapshot().expect("facts");
        journal.rebuild_facts().expect("rebuilt");
        let rebuilt = journal.facts_snapshot().expect("facts");
        if filled != rebuilt {
            let differ: Vec<_> = filled
                .iter()
                .zip(&rebuilt)
                .filter(|(a, b)| a != b)
                .take(3)
                .collect();
            panic!(
                "round {round}: the facts disagree with a rebuild ({} vs {} rows): {differ:?}",
                filled.len(),
                rebuilt.len()
            );
        }
    }
    assert!(total_committed > ROUNDS as usize * 20);
}
