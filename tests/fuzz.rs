//! Fuzzing every parser that takes input from outside, on the stable toolchain, inside `cargo
//! test`: journal NDJSON (and its import), lesson TOML, locale FTL, the configuration's TOML,
//! amounts, phone numbers and client references, voice phrases, and whole plain-mode sessions.
//!
//! Each target starts from its committed corpus of interesting inputs (`tests/fuzz/corpus/
//! <target>/`, plus the shipped files of that kind), then mutates them — bit flips, random and
//! chosen bytes and tokens (control characters, quotes, huge numbers, bidi marks), cuts,
//! repeats and splices — until its time is up, checking that nothing panics and that what the
//! target promises holds (no control character in what it prints, nothing it accepts that
//! the journal's gate would refuse…).
//!
//! Time per target: `OPORA_FUZZ_SECS` (the README's test command sets 60; 3 when unset, for a
//! quick local `cargo test`). To fuzz longer, e.g. an hour on one target:
//!
//! ```sh
//! OPORA_FUZZ_SECS=3600 cargo test --release --test fuzz -- journal_ndjson
//! ```
//!
//! A finding is written to `target/fuzz-findings/<target>-<hash>` and the test fails naming it
//! and the seed (`OPORA_FUZZ_SEED=… reruns the same inputs`). Add the file to the target's corpus
//! once it is fixed.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A small, fast, reproducible random source (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens worth inserting into any text input.
const TOKENS: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;pwned\u{7}",
    "\u{9b}31m",
    "\u{0}",
    "\r",
    "\n",
    "\t",
    "\u{202e}",
    "\u{feff}",
    "\"",
    "'",
    "`",
    "\\",
    "=",
    "+",
    "-",
    "@",
    "{",
    "}",
    "[",
    "]",
    "..",
    "/",
    "../../../../tmp/x",
    "99999999999999999999",
    "-1",
    "0",
    "255",
    "1e400",
    "NaN",
    "+7 912 345-67-89",
    "89123456789",
    "4276 1600 1234 5678",
    "Мария Ивановна",
    "ё",
    "₽",
    "😀",
    "\u{fffd}",
];

fn mutate(input: &mut Vec<u8>, rng: &mut Rng, pool: &[Vec<u8>], dict: &[&str], max: usize) {
    for _ in 0..=rng.below(8) {
        let len = input.len();
        match rng.below(10) {
            0 if len > 0 => {
                let at = rng.below(len);
                input[at] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let at = rng.below(len);
                input[at] = rng.next() as u8;
            }
            2 => {
                let at = rng.below(len + 1);
                input.insert(at, rng.next() as u8);
            }
            3 | 4 => {
                let words = if rng.below(2) == 0 && !dict.is_empty() {
                    dict
                } else {
                    TOKENS
                };
                let token = words[rng.below(words.len())].as_bytes();
                let at = rng.below(len + 1);
                input.splice(at..at, token.iter().copied());
            }
            5 if len > 0 => {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(32)).min(len);
                input.drain(from..to);
            }
            6 if len > 0 => {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(64)).min(len);
                let piece: Vec<u8> = input[from..to].to_vec();
                let at = rng.below(len + 1);
                for _ in 0..=rng.below(4) {
                    input.splice(at..at, piece.iter().copied());
                }
            }
            7 if !pool.is_empty() => {
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let to = (from + 1 + rng.below(256)).min(other.len());
                    let at = rng.below(len + 1);
                    input.splice(at..at, other[from..to].iter().copied());
                }
            }
            8 if len > 0 => input.truncate(rng.below(len)),
            _ => {
                // Swap two lines: structure-aware enough for line formats.
                let text = String::from_utf8_lossy(input).into_owned();
                let mut lines: Vec<&str> = text.split('\n').collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(a, b);
                    *input = lines.join("\n").into_bytes();
                }
            }
        }
    }
    input.truncate(max);
}

/// The committed corpus of a target.
fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).expect("corpus file"))
        .collect()
}

fn budget() -> Duration {
    let secs = std::env::var("OPORA_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(3);
    Duration::from_secs(secs)
}

/// Runs `check` on every seed, then on mutations of them until the budget is spent. A panic
/// is a finding: the input is saved and the test fails.
fn fuzz(name: &str, mut seeds: Vec<Vec<u8>>, dict: &[&str], max: usize, check: impl Fn(&[u8])) {
    seeds.extend(corpus(name));
    assert!(!seeds.is_empty(), "{name}: no corpus");
    let seed = std::env::var("OPORA_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    let mut rng = Rng(seed);
    let run = |input: &[u8]| {
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(input))).is_err() {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../fuzz-findings");
            let _ = std::fs::create_dir_all(&dir);
            let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
            });
            let file = dir.join(format!("{name}-{hash:016x}"));
            let _ = std::fs::write(&file, input);
            panic!(
                "{name}: finding saved to {} (OPORA_FUZZ_SEED={seed})",
                file.display()
            );
        }
    };
    for input in &seeds {
        run(input);
    }
    let started = Instant::now();
    let mut pool = seeds.clone();
    let mut runs = seeds.len();
    while started.elapsed() < budget() {
        let mut input = pool[rng.below(pool.len())].clone();
        mutate(&mut input, &mut rng, &pool, dict, max);
        run(&input);
        runs += 1;
        // Keep some mutants, so mutations stack up over time.
        if rng.below(16) == 0 {
            let at = rng.below(pool.len());
            if at >= seeds.len() || pool.len() < seeds.len() * 4 {
                pool.push(input);
            }
        }
        if pool.len() > seeds.len() * 8 {
            pool.truncate(seeds.len() * 4);
        }
    }
    eprintln!(
        "fuzz {name}: {runs} inputs in {:.0?} (OPORA_FUZZ_SEED={seed})",
        started.elapsed()
    );
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Whether `s` holds something a terminal would obey.
fn has_controls(s: &str, keep_newlines: bool) -> bool {
    s.chars()
        .any(|c| opora_core::safe_text::is_unsafe(c) && !(keep_newlines && c == '\n'))
}

#[path = "fuzz/targets.rs"]
mod targets;
