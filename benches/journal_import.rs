//! `opora journal import` of a one-million-event file: its peak memory (the bound is 64 MB,
//! whatever the file's size) and its time, beside the `sqlite3` shell loading the very same
//! lines into a table and taking every event's fields out of the JSON in one transaction — the
//! same file read into the same SQLite, with none of import's work: the gate on every field,
//! the check against events already there, the typed facts.
//!
//! Both are whole processes; the peak memory of each is the kernel's count of its largest
//! resident set (`wait4`'s `ru_maxrss`), so it includes the program, its libraries and SQLite's
//! page cache.
//!
//! `cargo bench --bench journal_import` imports 1 000 000 events (`OPORA_BENCH_EVENTS` changes
//! it); with `--test`, or without `--bench` (`cargo test --all-targets`), a smoke run of 20 000.
//! The exit code is 1 when the import fails, counts differ, or the peak passes 64 MB.

#[path = "central/journeys.rs"]
mod journeys;

use std::io::Write;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

const FULL_EVENTS: usize = 1_000_000;
const QUICK_EVENTS: usize = 20_000;
/// The promise: an import never needs more than this, whatever the file's size.
const BOUND_MB: f64 = 64.0;

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("journal import bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a process to its end; its exit status, seconds and peak resident memory in MB.
fn measured(mut command: Command) -> Result<(bool, f64, f64), String> {
    let started = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let pid = libc::pid_t::try_from(child.id()).map_err(|e| e.to_string())?;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet waited for; both pointers are valid for the call.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = started.elapsed().as_secs_f64();
    if reaped != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // ru_maxrss is in kilobytes on Linux.
    Ok((ok, seconds, usage.ru_maxrss as f64 / 1024.0))
}

fn bench() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--list") {
        println!("journal_import: bench");
        return Ok(());
    }
    let quick = has("--test") || !has("--bench");
    let events = if quick {
        QUICK_EVENTS
    } else {
        std::env::var("OPORA_BENCH_EVENTS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(FULL_EVENTS)
    };
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let file = dir.path().join("journal.ndjson");
    let mut count = 0usize;
    {
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(&file).map_err(|e| e.to_string())?);
        writeln!(out, r#"{{"format":"opora-journal","version":1}}"#).map_err(|e| e.to_string())?;
        let mut failed = None;
        journeys::generate(events, 8, 10_000, |batch| {
            for event in &batch {
                if let Err(e) =
                    writeln!(out, "{}", opora::store::journal::ndjson::event_line(event))
                {
                    failed = Some(e.to_string());
                }
            }
            count += batch.len();
        });
        if let Some(e) = failed {
            return Err(e);
        }
        out.flush().map_err(|e| e.to_string())?;
    }
    let size_mb = std::fs::metadata(&file).map_err(|e| e.to_string())?.len() as f64 / 1e6;
    println!(
        "== opora journal import of {count} events ({size_mb:.0} MB of NDJSON) vs the sqlite3 shell loading the same lines =="
    );

    let home = dir.path().join("home");
    let mut import = Command::new(env!("CARGO_BIN_EXE_opora"));
    import
        .args(["--lang", "en", "journal", "import"])
        .arg(&file)
        .env("OPORA_HOME", &home);
    let (ok, import_s, import_mb) = measured(import)?;
    if !ok {
        return Err("opora journal import failed".into());
    }
    let imported = rusqlite::Connection::open(home.join("journal.db"))
        .and_then(|c| c.query_row("SELECT count(*) FROM event", [], |r| r.get::<_, i64>(0)))
        .map_err(|e| e.to_string())?;
    if usize::try_from(imported).ok() != Some(count) {
        return Err(format!("{imported} events imported of {count}"));
    }
    println!(
        "  opora journal import: {import_s:.2} s, {:.0} events/s, peak memory {import_mb:.1} MB (bound {BOUND_MB:.0} MB)",
        count as f64 / import_s
    );
    match peer(dir.path(), &file, count)? {
        Some((peer_s, peer_mb)) => println!(
            "  sqlite3 shell (.import, json_extract): {peer_s:.2} s, {:.0} events/s, peak memory {peer_mb:.1} MB",
            count as f64 / peer_s
        ),
        None => println!("  sqlite3 shell: not installed (scripts/setup.sh test installs it)"),
    }
    if import_mb > BOUND_MB {
        return Err(format!(
            "the import peaked at {import_mb:.1} MB, over the {BOUND_MB:.0} MB bound"
        ));
    }
    println!("  peak within the bound: {import_mb:.1} MB ≤ {BOUND_MB:.0} MB");
    Ok(())
}

/// The `sqlite3` shell loading the file's lines and taking the events' fields out of them.
fn peer(dir: &Path, file: &Path, count: usize) -> Result<Option<(f64, f64)>, String> {
    if Command::new("sqlite3").arg("-version").output().is_err() {
        return Ok(None);
    }
    let db = dir.join("peer.db");
    let script = dir.join("peer.sql");
    std::fs::write(
        &script,
        format!(
            "PRAGMA journal_mode = WAL;\n\
             CREATE TABLE line (text TEXT);\n\
             CREATE TABLE event (id TEXT PRIMARY KEY, device TEXT NOT NULL, at INTEGER NOT NULL,\n\
               session TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL);\n\
             BEGIN;\n\
             .mode ascii\n\
             .separator \"\u{1f}\" \"\\n\"\n\
             .import {} line\n\
             INSERT INTO event SELECT json_extract(text, '$.id'), json_extract(text, '$.device'),\n\
               json_extract(text, '$.at'), json_extract(text, '$.session'),\n\
               json_extract(text, '$.payload.type'), json(json_extract(text, '$.payload'))\n\
             FROM line WHERE json_extract(text, '$.id') IS NOT NULL;\n\
             DELETE FROM line;\n\
             COMMIT;\n",
            file.display()
        ),
    )
    .map_err(|e| e.to_string())?;
    let mut shell = Command::new("sqlite3");
    shell.arg(&db).arg(format!(".read {}", script.display()));
    let (ok, seconds, mb) = measured(shell)?;
    if !ok {
        return Err("the sqlite3 shell failed".into());
    }
    let loaded = rusqlite::Connection::open(&db)
        .and_then(|c| c.query_row("SELECT count(*) FROM event", [], |r| r.get::<_, i64>(0)))
        .map_err(|e| e.to_string())?;
    if usize::try_from(loaded).ok() != Some(count) {
        return Err(format!("the peer loaded {loaded} events of {count}"));
    }
    Ok(Some((seconds, mb)))
}
