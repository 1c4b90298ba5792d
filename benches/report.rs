//! `opora report` over a journal of one million events, beside the same aggregation run by the
//! `sqlite3` shell on the same file (PRODUCT.md §12: "a report over 1 million events within
//! 1.5× of the same aggregate run by the sqlite3 shell on the same file").
//!
//! The journal is generated here (deterministically: about 50 000 sessions of 20 events, with
//! lessons, steps, errors, help, feedback, follow-ups and two A/B variants). Then, interleaved:
//! - opora: the real binary, `opora report --by segment --format csv`, start to exit;
//! - sqlite3: `sqlite3 journal.db` fed the very statements the report runs
//!   (`opora::report::query::all_statements`), start to exit.
//!
//! `cargo bench --bench report` uses 1 000 000 events and 5 samples each (`OPORA_BENCH_EVENTS`,
//! `OPORA_BENCH_SAMPLES` change them); with `--test`, or without `--bench` (`cargo test
//! --all-targets`), a smoke run of 2 000 events and 1 sample. The verdict is printed; timing
//! never fails the run. The exit code is 1 only when the report itself fails.

use opora::report::query::{Dimension, Period, all_statements};
use opora::store::journal::Journal;
use opora_core::journal::{AgeBand, Channel, Event, InputMode, Outcome, Payload, Segment};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const FULL_EVENTS: usize = 1_000_000;
const QUICK_EVENTS: usize = 2_000;

/// A small deterministic generator (LCG), so every run builds the same journal.
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

fn generate(journal: &mut Journal, events: usize) -> Result<(), String> {
    let mut rng = Lcg(42);
    let start = 1_735_689_600_000_i64; // 2025-01-01
    let mut batch = Vec::with_capacity(10_000);
    let mut written = 0;
    let mut session_no = 0u64;
    let segments = [Segment::Senior, Segment::DigitalAdept, Segment::Other];
    let bands = [
        AgeBand::Under45,
        AgeBand::From45To59,
        AgeBand::From60To74,
        AgeBand::From75,
    ];
    let outcomes = [
        Outcome::Alone,
        Outcome::WithHelp,
        Outcome::NotYet,
        Outcome::Declined,
    ];
    while written < events {
        session_no += 1;
        let session = format!("bench-{session_no}");
        let mut t = start + i64::try_from(session_no).unwrap_or(0) * 600_000;
        let mut at = |step: u64| {
            t += i64::try_from(step).unwrap_or(0) * 1000;
            chrono::DateTime::from_timestamp_millis(t).unwrap_or_default()
        };
        let lesson = ["pay-bill", "send-money", "top-up"][rng.below(3) as usize].to_string();
        let mut push = |batch: &mut Vec<Event>, ms: u64, payload| {
            batch.push(Event::at("bench", &session, at(ms), payload));
        };
        push(
            &mut batch,
            0,
            Payload::SessionStarted {
                staff: format!("staff-{}", rng.below(40)),
                client: Some(format!("{:032x}", rng.below(20_000))),
                segment: segments[rng.below(3) as usize],
                age_band: bands[rng.below(4) as usize],
                channel: Channel::BranchKiosk,
                site: format!("site-{}", rng.below(12)),
                variant: Some(["A", "B"][rng.below(2) as usize].into()),
                goals: vec![lesson.clone()],
            },
        );
        push(
            &mut batch,
            5,
            Payload::LessonStarted {
                lesson: lesson.clone(),
            },
        );
        let steps = 1 + rng.below(6);
        for step in 1..=steps {
            if rng.below(4) == 0 {
                push(
                    &mut batch,
                    3,
                    Payload::ErrorShown {
                        lesson: Some(lesson.clone()),
                        step: Some(step as u32),
                        screen: "amount".into(),
                    },
                );
            }
            if rng.below(5) == 0 {
                push(
                    &mut batch,
                    2,
                    Payload::HelpAsked {
                        lesson: Some(lesson.clone()),
                        step: Some(step as u32),
                        screen: "amount".into(),
                    },
                );
            }
            push(
                &mut batch,
                5 + rng.below(60),
                Payload::StepCompleted {
                    lesson: Some(lesson.clone()),
                    step: step as u32,
                    by: if rng.below(5) == 0 {
                        InputMode::Voice
                    } else {
                        InputMode::Key
                    },
                    helped: rng.below(3) == 0,
                    recognition_accepted: Some(rng.below(10) != 0),
                },
            );
            push(
                &mut batch,
                1,
                Payload::ScreenShown {
                    screen: format!("step-{step}"),
                },
            );
        }
        if steps >= 4 {
            push(
                &mut batch,
                1,
                Payload::LessonCompleted {
                    lesson: lesson.clone(),
                },
            );
        }
        push(
            &mut batch,
            10,
            Payload::Feedback {
                csat: Some(1 + rng.below(5) as u8),
                ces: Some(1 + rng.below(7) as u8),
                nps: Some(rng.below(11) as u8),
            },
        );
        push(
            &mut batch,
            10,
            Payload::SessionEnded {
                outcome: outcomes[rng.below(4) as usize],
                fcr: Some(rng.below(3) != 0),
                complaint: None,
            },
        );
        if rng.below(4) == 0 {
            push(
                &mut batch,
                100,
                Payload::FollowUp {
                    client: format!("{:032x}", rng.below(20_000)),
                    used_alone: rng.below(2) == 0,
                },
            );
        }
        if batch.len() >= 10_000 || written + batch.len() >= events {
            let take = batch.len().min(events - written);
            journal
                .append_all(&batch[..take])
                .map_err(|e| format!("cannot write the journal: {e}"))?;
            written += take;
            batch.clear();
        }
    }
    Ok(())
}

fn opora_binary() -> Result<PathBuf, String> {
    let exe_name = format!("opora{}", std::env::consts::EXE_SUFFIX);
    let from_cargo = option_env!("CARGO_BIN_EXE_opora").map(PathBuf::from);
    let beside = std::env::current_exe().ok().and_then(|exe| {
        let deps = exe.parent()?;
        let profile = if deps.file_name()? == "deps" {
            deps.parent()?
        } else {
            deps
        };
        Some(profile.join(&exe_name))
    });
    from_cargo
        .into_iter()
        .chain(beside)
        .find(|p| p.is_file())
        .ok_or_else(|| "the opora binary is missing; run `cargo build --release` first".to_string())
}

fn time_opora(binary: &Path, home: &Path) -> Result<Duration, String> {
    let started = Instant::now();
    let out = Command::new(binary)
        .args([
            "--lang", "en", "report", "--by", "segment", "--format", "csv",
        ])
        .env("OPORA_HOME", home)
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run opora: {e}"))?;
    let took = started.elapsed();
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!(
            "opora report failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(took)
}

fn time_sqlite(db: &Path, script: &str) -> Option<Duration> {
    let started = Instant::now();
    let mut child = Command::new("sqlite3")
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(script.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    let took = started.elapsed();
    if !out.status.success() {
        eprintln!("  sqlite3 failed: {}", String::from_utf8_lossy(&out.stderr));
        return None;
    }
    Some(took)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--list") {
        println!("report: bench");
        return Ok(());
    }
    let quick = has("--test") || !has("--bench");
    let env_n = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
    };
    let events = if quick {
        QUICK_EVENTS
    } else {
        env_n("OPORA_BENCH_EVENTS").unwrap_or(FULL_EVENTS)
    };
    let samples = if quick {
        1
    } else {
        env_n("OPORA_BENCH_SAMPLES").unwrap_or(5).max(1)
    };
    let binary = opora_binary()?;
    let home = tempfile::tempdir().map_err(|e| format!("cannot make a temp dir: {e}"))?;
    let db = home.path().join("journal.db");
    println!(
        "== opora report over {events} events vs the sqlite3 shell, {samples} samples each =="
    );
    let built = Instant::now();
    {
        let mut journal =
            Journal::open(&db).map_err(|e| format!("cannot open the journal: {e}"))?;
        generate(&mut journal, events)?;
    }
    println!(
        "  journal built in {:.1} s: {}",
        built.elapsed().as_secs_f64(),
        db.display()
    );
    let script = all_statements(Some(Dimension::Segment), Period::default()).join(";\n") + ";\n";
    let sqlite = Command::new("sqlite3").arg("-version").output().is_ok();
    // Warm-up (page cache) for both.
    time_opora(&binary, home.path())?;
    if sqlite {
        let _ = time_sqlite(&db, &script);
    }
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..samples {
        ours.push(time_opora(&binary, home.path())?);
        if sqlite && let Some(t) = time_sqlite(&db, &script) {
            theirs.push(t);
        }
    }
    let ours = median(ours);
    println!("  opora report:  {:.3} s (median)", ours.as_secs_f64());
    if theirs.is_empty() {
        println!("  sqlite3 shell: not measured (install it: scripts/setup.sh test)");
        return Ok(());
    }
    let theirs = median(theirs);
    let ratio = ours.as_secs_f64() / theirs.as_secs_f64().max(1e-9);
    println!("  sqlite3 shell: {:.3} s (median)", theirs.as_secs_f64());
    println!(
        "  ratio: {ratio:.2}× — target ≤ 1.5×: {}{}",
        if ratio <= 1.5 { "met" } else { "NOT met" },
        if quick {
            " (smoke run: too small to judge)"
        } else {
            ""
        }
    );
    Ok(())
}

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("report bench: {message}");
            ExitCode::FAILURE
        }
    }
}
