//! `opora report` over a journal of one million events, beside the same SQLite version running
//! the very same SQL on the same file (PRODUCT.md §12: "a report over 1 million events under
//! 1 s … never slower than the same SQLite version running the same SQL").
//!
//! The journal is generated here (deterministically: about 50 000 sessions of 20 events, with
//! lessons, steps, errors, help, feedback, follow-ups and two A/B variants). Then, interleaved,
//! each a whole process from start to exit:
//! - opora: the real binary, `opora report --by segment --format csv`;
//! - the peer: SQLite 3.54.1 from the `apsw` wheel (installed by `scripts/setup.sh test` into
//!   `.deps/py`), whose library is the same release as rusqlite's bundled one: a short Python
//!   program opens the file as Opora does (busy timeout, WAL, `synchronous=FULL`), runs the
//!   statements the report runs (`opora::report::query::all_statements`), fetches every row and
//!   prints it. Both SQLite versions and source ids are printed and must be equal, with the
//!   compile options in which the two builds differ;
//! - an extra, labelled so: the system `sqlite3` shell (3.40.1 on Debian 12) on the same
//!   statements, when installed. Its older query planner and JSON functions make it a
//!   comparison of SQLite versions, not of Opora.
//!
//! `cargo bench --bench report` uses 1 000 000 events and 5 samples each (`OPORA_BENCH_EVENTS`,
//! `OPORA_BENCH_SAMPLES` change them); with `--test`, or without `--bench` (`cargo test
//! --all-targets`), a smoke run of 2 000 events and 1 sample. The verdicts are printed; timing
//! never fails the run. The exit code is 1 when the report fails, or the peer is missing or
//! runs another SQLite version (then there is nothing honest to compare with).

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
                computed: None,
                override_reason: None,
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

/// The peer: SQLite through apsw. With `--about` it prints the library's version line, source
/// id and compile options; otherwise it opens the database as Opora's `bank::sqlite` does and
/// runs the statements (a JSON list on standard input), printing every row.
const APSW_PEER: &str = r#"
import json, sys
import apsw
if sys.argv[1] == "--about":
    print(apsw.sqlite_lib_version())
    print(apsw.sqlite3_sourceid())
    print("\n".join(apsw.compile_options))
    sys.exit(0)
statements = json.load(sys.stdin)
con = apsw.Connection(sys.argv[1])
con.set_busy_timeout(5000)
con.execute("PRAGMA user_version").fetchall()
con.execute("PRAGMA journal_mode=WAL").fetchall()
con.execute("PRAGMA synchronous=FULL")
out = sys.stdout
for sql in statements:
    for row in con.execute(sql):
        out.write(",".join("" if v is None else str(v) for v in row))
        out.write("\n")
"#;

/// Where `scripts/setup.sh test` installs the apsw wheel.
fn apsw_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".deps/py")
}

fn apsw_command() -> Command {
    let mut cmd = Command::new("python3");
    cmd.arg("-c").arg(APSW_PEER).env("PYTHONPATH", apsw_path());
    cmd
}

/// SQLite as one side sees it: version, source id, compile options.
struct Engine {
    version: String,
    source_id: String,
    options: Vec<String>,
}

/// rusqlite's bundled SQLite, linked into this bench exactly as into the opora binary (the same
/// crate, features and profile).
fn bundled_engine() -> Result<Engine, String> {
    let conn = rusqlite::Connection::open_in_memory().map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare("PRAGMA compile_options")
        .map_err(|e| e.to_string())?;
    let options = stmt
        .query_map([], |row| row.get::<_, String>(0))
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(|e| e.to_string())?;
    let source_id: String = conn
        .query_row("SELECT sqlite_source_id()", [], |row| row.get(0))
        .map_err(|e| e.to_string())?;
    Ok(Engine {
        version: rusqlite::version().to_string(),
        source_id,
        options,
    })
}

fn apsw_engine() -> Result<Engine, String> {
    let missing = "run `scripts/setup.sh test`, which installs apsw==3.54.1.0 into .deps/py";
    let out = apsw_command()
        .arg("--about")
        .output()
        .map_err(|e| format!("cannot run python3 ({e}): {missing}"))?;
    if !out.status.success() {
        return Err(format!(
            "the apsw peer does not start ({}): {missing}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines().map(str::to_string);
    Ok(Engine {
        version: lines.next().unwrap_or_default(),
        source_id: lines.next().unwrap_or_default(),
        options: lines.collect(),
    })
}

fn time_apsw(db: &Path, statements: &str) -> Result<Duration, String> {
    let started = Instant::now();
    let mut child = apsw_command()
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run the apsw peer: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(statements.as_bytes())
            .map_err(|e| format!("cannot feed the apsw peer: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("waiting for the apsw peer: {e}"))?;
    let took = started.elapsed();
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!(
            "the apsw peer failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(took)
}

/// Prints both engines and the compile options only one of them has; an error unless they are
/// the same SQLite release.
fn same_engine(ours: &Engine, peer: &Engine) -> Result<(), String> {
    println!(
        "  SQLite in opora (rusqlite, bundled): {} ({})",
        ours.version, ours.source_id
    );
    println!(
        "  SQLite in the peer (apsw wheel):     {} ({})",
        peer.version, peer.source_id
    );
    let only = |a: &Engine, b: &Engine| -> String {
        let list: Vec<&str> = a
            .options
            .iter()
            .filter(|o| !o.starts_with("COMPILER=") && !b.options.contains(o))
            .map(String::as_str)
            .collect();
        if list.is_empty() {
            "none".into()
        } else {
            list.join(" ")
        }
    };
    println!(
        "  compile options only opora's build has: {}",
        only(ours, peer)
    );
    println!(
        "  compile options only the peer's has:    {}",
        only(peer, ours)
    );
    println!(
        "  opora's SQLite is compiled by cargo's {} profile (C at opt-level {}); the wheel's by \
         its own {}",
        if cfg!(debug_assertions) {
            "test"
        } else {
            "bench/release"
        },
        if cfg!(debug_assertions) { 0 } else { 3 },
        peer.options
            .iter()
            .find_map(|o| o.strip_prefix("COMPILER="))
            .unwrap_or("compiler")
    );
    if ours.version != peer.version || ours.source_id != peer.source_id {
        return Err(format!(
            "the peer runs SQLite {} but opora runs {}: install the apsw release that matches \
             rusqlite's bundled SQLite (scripts/setup.sh test)",
            peer.version, ours.version
        ));
    }
    Ok(())
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
        "== opora report over {events} events vs the same SQLite running the same SQL, \
         {samples} samples each =="
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
    let statements = all_statements(Some(Dimension::Segment), Period::default());
    let script = statements.join(";\n") + ";\n";
    let as_json = serde_json::to_string(&statements).map_err(|e| e.to_string())?;
    same_engine(&bundled_engine()?, &apsw_engine()?)?;
    let sqlite = Command::new("sqlite3").arg("-version").output().ok();
    // Warm-up (page cache) for all.
    time_opora(&binary, home.path())?;
    time_apsw(&db, &as_json)?;
    if sqlite.is_some() {
        let _ = time_sqlite(&db, &script);
    }
    let (mut ours, mut peer, mut shell) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..samples {
        // Alternate which goes first, so neither always runs right after the other.
        if i % 2 == 0 {
            ours.push(time_opora(&binary, home.path())?);
            peer.push(time_apsw(&db, &as_json)?);
        } else {
            peer.push(time_apsw(&db, &as_json)?);
            ours.push(time_opora(&binary, home.path())?);
        }
        if sqlite.is_some()
            && let Some(t) = time_sqlite(&db, &script)
        {
            shell.push(t);
        }
    }
    let ours = median(ours);
    let peer = median(peer);
    let ratio = ours.as_secs_f64() / peer.as_secs_f64().max(1e-9);
    let judge = |met: bool| if met { "met" } else { "NOT met" };
    let small = if quick {
        " (smoke run: too small to judge)"
    } else {
        ""
    };
    println!(
        "  opora report:               {:.3} s (median)",
        ours.as_secs_f64()
    );
    println!(
        "  same SQLite, same SQL (apsw): {:.3} s (median)",
        peer.as_secs_f64()
    );
    println!(
        "  ratio opora / same SQLite: {ratio:.2}× — target: never slower (≤ 1×): {}{small}",
        judge(ratio <= 1.0)
    );
    println!(
        "  target: a report over 1 million events under 1 s: {}{small}",
        judge(ours.as_secs_f64() < 1.0)
    );
    match (sqlite, shell.is_empty()) {
        (Some(version), false) => {
            let shell = median(shell);
            println!(
                "  extra, another SQLite: the system sqlite3 shell {} {:.3} s (median), \
                 opora / it {:.2}× — this compares SQLite versions, not Opora",
                String::from_utf8_lossy(&version.stdout)
                    .split_whitespace()
                    .next()
                    .unwrap_or("?"),
                shell.as_secs_f64(),
                ours.as_secs_f64() / shell.as_secs_f64().max(1e-9)
            );
        }
        _ => println!("  extra: the system sqlite3 shell is not installed; not measured"),
    }
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
