//! `opora report` over a journal of one million events, beside peers measured in the same run
//! (PRODUCT.md §12: "a report over 1 million events under 1 s and within 5× of DuckDB on the same
//! events (never slower than the same SQLite version running the same SQL)"), and the
//! dashboard's breakdown switch (issue 10: under 200 ms at 1 million events).
//!
//! The journal is generated here, deterministically (`opora::store::journal::sample`): a few
//! thousand sessions, assisted and self-practice, made mostly of journey events — screens
//! entered, choices by key, arrows and voice, refused input, help, lesson steps — written through
//! `Journal::append_all`, so the typed facts are filled as they are in use. Then, interleaved,
//! each a whole process from start to exit:
//! - opora: the real binary, `opora report --by segment --format csv` (every figure: conversion
//!   and the other session figures, the funnels of every flow and lesson, step times, where
//!   clients get lost);
//! - the same SQLite: SQLite 3.54.1 from the `apsw` wheel (`.deps/py`), whose library is the
//!   same release as rusqlite's bundled one, opening the file as Opora does and running the
//!   statements the report runs (`opora::report::query::all_statements`), fetching and printing
//!   every row (both versions, source ids and differing compile options are printed and must
//!   match);
//! - DuckDB (`.deps/analysis`): the conversion by segment computed from the same events, raw
//!   (`report/duckdb.rs` says how), in its own database file; its figures must equal Opora's;
//! - an extra, labelled so: the system `sqlite3` shell on the same statements, when installed.
//!
//! In-process times are printed too: the report built by the library, DuckDB's query alone, and
//! the dashboard's switch between its seven breakdowns on one open journal.
//!
//! `cargo bench --bench report` uses 1 000 000 events and 5 samples each (`OPORA_BENCH_EVENTS`,
//! `OPORA_BENCH_SAMPLES` change them); with `--test`, or without `--bench` (`cargo test
//! --all-targets`), a smoke run of 3 000 events and 1 sample. The verdicts are printed; timing
//! never fails the run. The exit code is 1 when the report fails, a peer is missing, the
//! same-SQLite peer runs another version, or DuckDB's conversion differs from Opora's.

#[path = "report/duckdb.rs"]
mod duckdb;
#[path = "report/peers.rs"]
mod peers;

use opora::report::dashboard::{BREAKDOWNS, figures};
use opora::report::query::{Dimension, Period, all_statements};
use opora::store::journal::{Journal, sample};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const FULL_EVENTS: usize = 1_000_000;
const QUICK_EVENTS: usize = 3_000;
/// Tasks (flows or lessons) per session, on average: a few thousand sessions per million events.
const TASKS: u32 = 24;

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

/// `opora report --by segment --format csv`, the whole process; its time and output.
fn time_opora(binary: &Path, home: &Path) -> Result<(Duration, String), String> {
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
    Ok((took, String::from_utf8_lossy(&out.stdout).into_owned()))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Opora's conversion rows (`segment,clients,alone`) from its CSV output.
fn opora_conversion(csv: &str) -> Vec<String> {
    let mut rows = Vec::new();
    for line in csv.lines() {
        let cells: Vec<&str> = line.split(',').collect();
        if cells.len() == 11 && cells[0] == "group" && cells[4] == "conversion" && cells[9] != "0" {
            rows.push(format!("{},{},{}", cells[1], cells[9], cells[8]));
        }
    }
    rows
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
        "== opora report over {events} events vs the same SQLite and DuckDB, {samples} samples each =="
    );
    let built = Instant::now();
    let written = {
        let mut journal =
            Journal::open(&db).map_err(|e| format!("cannot open the journal: {e}"))?;
        sample::journal(42, events, TASKS, |batch| {
            journal
                .append_all(batch)
                .map_err(|e| format!("cannot write the journal: {e}"))
        })?
    };
    let (sessions, steps): (i64, i64) = rusqlite::Connection::open(&db)
        .and_then(|c| {
            c.query_row(
                "SELECT (SELECT count(*) FROM session_facts), (SELECT count(*) FROM step_facts)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
        })
        .map_err(|e| e.to_string())?;
    println!(
        "  journal: {written} events in {sessions} sessions ({steps} step rows), written with \
         their facts in {:.1} s ({:.0} events/s)",
        secs(built.elapsed()),
        written as f64 / secs(built.elapsed()).max(1e-9)
    );
    let statements = all_statements(Some(Dimension::Segment), Period::default());
    let script = statements.join(";\n") + ";\n";
    let as_json = serde_json::to_string(&statements).map_err(|e| e.to_string())?;
    peers::same_engine(&peers::bundled_engine()?, &peers::apsw_engine()?)?;
    let duck_version = duckdb::version()?;
    let duck_db = home.path().join("events.duckdb");
    let load = duckdb::load(&db, &home.path().join("events.csv"), &duck_db)?;
    println!(
        "  DuckDB {duck_version}: the same events loaded from CSV into its own file in {:.1} s \
         (not compared)",
        secs(load)
    );
    let sqlite = Command::new("sqlite3").arg("-version").output().ok();
    // Warm-up (page cache) for all, and DuckDB's figures checked against Opora's.
    let (_, csv) = time_opora(&binary, home.path())?;
    peers::time_apsw(&db, &as_json)?;
    let (_, _, duck_rows) = duckdb::run(&duck_db)?;
    let ours_rows = opora_conversion(&csv);
    if duck_rows != ours_rows {
        return Err(format!(
            "DuckDB's conversion by segment {duck_rows:?} differs from Opora's {ours_rows:?}"
        ));
    }
    println!(
        "  conversion by segment (segment,clients,alone), the same from both: {}",
        ours_rows.join("; ")
    );
    if sqlite.is_some() {
        let _ = peers::time_sqlite(&db, &script);
    }
    let (mut ours, mut peer, mut duck, mut duck_query, mut shell) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..samples {
        // Rotate which goes first, so none always runs right after another.
        for k in 0..3 {
            match (i + k) % 3 {
                0 => ours.push(time_opora(&binary, home.path())?.0),
                1 => peer.push(peers::time_apsw(&db, &as_json)?),
                _ => {
                    let (whole, query, _) = duckdb::run(&duck_db)?;
                    duck.push(whole);
                    duck_query.push(query);
                }
            }
        }
        if sqlite.is_some()
            && let Some(t) = peers::time_sqlite(&db, &script)
        {
            shell.push(t);
        }
    }
    // In process: the report built by the library, and the dashboard's switches.
    let journal = Journal::open(&db).map_err(|e| e.to_string())?;
    let mut in_process = Vec::new();
    for _ in 0..samples {
        let fresh = Journal::open(&db).map_err(|e| e.to_string())?;
        let started = Instant::now();
        opora::report::build(&fresh, Some(Dimension::Segment), Period::default())
            .map_err(|e| e.to_string())?;
        in_process.push(started.elapsed());
    }
    // The same figure as DuckDB's, in process: Opora's conversion-by-segment statement alone.
    let mut conversion_alone = Vec::new();
    for _ in 0..samples {
        let conn = rusqlite::Connection::open(&db).map_err(|e| e.to_string())?;
        let started = Instant::now();
        let mut stmt = conn.prepare(&statements[0]).map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| e.to_string())?;
        conversion_alone.push(started.elapsed());
        assert!(
            !rows.is_empty(),
            "the conversion statement returns the segments"
        );
    }
    let first = Instant::now();
    figures(&journal, BREAKDOWNS[0], Period::default()).map_err(|e| e.to_string())?;
    let first = first.elapsed();
    let mut switches = Vec::new();
    for _ in 0..samples {
        for by in BREAKDOWNS.iter().skip(1).chain(&BREAKDOWNS[..1]) {
            let started = Instant::now();
            figures(&journal, *by, Period::default()).map_err(|e| e.to_string())?;
            switches.push(started.elapsed());
        }
    }
    let slowest = switches.iter().max().copied().unwrap_or_default();

    let (ours, peer, duck, duck_query) =
        (median(ours), median(peer), median(duck), median(duck_query));
    let judge = |met: bool| if met { "met" } else { "NOT met" };
    let small = if quick {
        " (smoke run: too small to judge)"
    } else {
        ""
    };
    let ratio = |a: Duration, b: Duration| secs(a) / secs(b).max(1e-9);
    println!(
        "  opora report --by segment (whole process):    {:.3} s (median)",
        secs(ours)
    );
    println!(
        "  same SQLite 3.54.1 via apsw, same SQL:         {:.3} s (median)",
        secs(peer)
    );
    println!(
        "  DuckDB {duck_version}, conversion by segment (whole process): {:.3} s (median); its query alone {:.4} s",
        secs(duck),
        secs(duck_query)
    );
    println!(
        "  opora report built in process:                 {:.3} s (median)",
        secs(median(in_process))
    );
    let conversion_alone = median(conversion_alone);
    println!(
        "  the same figure in process: opora's conversion-by-segment statement {:.4} s, DuckDB's \
         query {:.4} s ({:.2}×)",
        secs(conversion_alone),
        secs(duck_query),
        ratio(conversion_alone, duck_query)
    );
    println!(
        "  target: under 1 s at 1 million events: {}{small}",
        judge(secs(ours) < 1.0)
    );
    println!(
        "  ratio opora / same SQLite: {:.2}× — target: never slower (≤ 1×): {}{small}",
        ratio(ours, peer),
        judge(ratio(ours, peer) <= 1.0)
    );
    println!(
        "  ratio opora / DuckDB (whole processes): {:.2}× — target: within 5×: {}{small}",
        ratio(ours, duck),
        judge(ratio(ours, duck) <= 5.0)
    );
    println!(
        "  dashboard: first figures {:.3} s; breakdown switch median {:.3} s, slowest {:.3} s of \
         {} — target: under 200 ms: {}{small}",
        secs(first),
        secs(median(switches.clone())),
        secs(slowest),
        switches.len(),
        judge(slowest < Duration::from_millis(200))
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
                secs(shell),
                ratio(ours, shell)
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
