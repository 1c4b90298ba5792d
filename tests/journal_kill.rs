//! Killing `opora assist` at random moments loses nothing committed and never damages the
//! journal (PRODUCT.md §8, §12). Each round runs a scripted session in plain mode, feeding one
//! line at a time and waiting for the next prompt — by then the events of that line are
//! committed — and reads which events the journal holds, from another connection. It then sends
//! the next line and kills the process (SIGKILL) after a random short delay, often in the middle
//! of a write. Afterwards the file must pass `PRAGMA integrity_check` and hold every event seen
//! before the kill, and its typed facts must equal a rebuild from its events.

mod common;

use opora::store::journal::Journal;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const ROUNDS: usize = 24;

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Two whole sessions: set-up, practice on the kiosk (its journey written by itself), staff
/// marks, "now do it alone", an outcome changed with a reason, feedback; then an anonymous
/// client whose session staff end at once.
fn script() -> Vec<&'static str> {
    concat!(
        "st-7\n2\n8 951 472-36-18\n1\n4\n1\nTver 3\n1\n2\n3\n6\n",
        "1\n2\n4\nback\nstaff\n1\nstaff\n3\n1\n2\nstaff\n3\n2\n3\n4\n",
        "1\n5\n3\n10\n1\n1\n",
        "3\n1\n2\n3\nSite 9\n1\n2\n6\n1\nstaff\n5\n1\n2\n3\n\n\n0\n4\n2\n"
    )
    .lines()
    .collect()
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
fn killing_at_random_moments_loses_nothing_committed() {
    let home = tempfile::tempdir().expect("temp");
    // The key comes on standard input, never on the command line.
    for (args, input) in [
        (
            &["config", "set", "bank-key"][..],
            "the bank's shared secret key\n",
        ),
        (&["config", "set", "device-id", "kill-test"][..], ""),
    ] {
        let mut child = Command::new(common::binary())
            .args(args)
            .env("OPORA_HOME", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("written");
        assert!(child.wait().expect("finished").success());
    }
    let db = home.path().join("journal.db");
    let lines = script();
    let mut rng = Lcg(7);
    let mut killed_mid_session = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(common::binary())
            .args(["--lang", "en", "--plain", "assist"])
            .env("OPORA_HOME", home.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        let mut stdin = child.stdin.take().expect("stdin");
        let mut stdout = child.stdout.take().expect("stdout");
        // Counts prompts (" > ") as they arrive.
        let (tx, prompts) = mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            let mut tail = Vec::new();
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                tail.extend_from_slice(&buf[..n]);
                while let Some(at) = tail.windows(3).position(|w| w == b" > ") {
                    tail.drain(..at + 3);
                    if tx.send(()).is_err() {
                        return;
                    }
                }
            }
        });
        let wait_prompt = |prompts: &mpsc::Receiver<()>| {
            prompts
                .recv_timeout(Duration::from_secs(20))
                .expect("the next prompt")
        };
        wait_prompt(&prompts);
        let kill_after = 1 + rng.below(lines.len() as u64 - 1) as usize;
        for line in &lines[..kill_after] {
            writeln!(stdin, "{line}").expect("line sent");
            wait_prompt(&prompts);
        }
        let committed = ids(&db);
        // The next line, and a kill somewhere in its handling.
        let _ = writeln!(stdin, "{}", lines[kill_after]);
        let _ = stdin.flush();
        std::thread::sleep(Duration::from_micros(rng.below(3_000)));
        child.kill().expect("killed");
        let _ = child.wait();
        drop(stdin);
        let _ = reader.join();
        if kill_after > 8 {
            killed_mid_session += 1;
        }

        let journal = Journal::open(&db).expect("the journal opens after a kill");
        let check: String = rusqlite::Connection::open(&db)
            .expect("opens")
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity check runs");
        assert_eq!(check, "ok", "round {round}: damaged after a kill");
        // The typed facts agree with the events: a rebuild makes the same rows.
        let mut journal = journal;
        let filled = journal.facts_snapshot().expect("facts");
        journal.rebuild_facts().expect("rebuilt");
        assert_eq!(
            journal.facts_snapshot().expect("facts"),
            filled,
            "round {round}: the facts disagree with the events"
        );
        drop(journal);
        let after = ids(&db);
        let lost: Vec<_> = committed.difference(&after).collect();
        assert!(
            lost.is_empty(),
            "round {round}: lost committed events {lost:?}"
        );
    }
    assert!(
        killed_mid_session > ROUNDS / 3,
        "most kills happen after consent"
    );
    assert!(!ids(&db).is_empty());

    // Unkilled, the script is two whole sessions.
    let fresh = tempfile::tempdir().expect("temp");
    std::fs::copy(
        home.path().join("config.toml"),
        fresh.path().join("config.toml"),
    )
    .expect("copied");
    let mut child = Command::new(common::binary())
        .args(["--lang", "en", "--plain", "assist"])
        .env("OPORA_HOME", fresh.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    let all: String = lines.iter().map(|l| format!("{l}\n")).collect();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(all.as_bytes())
        .expect("sent");
    let out = child.wait_with_output().expect("finished");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Goodbye!"));
    let ended = Journal::open(&fresh.path().join("journal.db"))
        .expect("journal")
        .events()
        .expect("events")
        .into_iter()
        .filter(|e| e.payload.kind() == "session_ended")
        .count();
    assert_eq!(ended, 2);
}
