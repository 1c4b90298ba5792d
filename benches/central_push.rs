//! `opora journal push` of a device journal of one million events into a real PostgreSQL
//! (tests/common/pg.rs, with PostgreSQL's durable defaults), beside `psql \copy` loading the very
//! same rows from a CSV file into the same table shape on the same server (a second database
//! with the same schema, made by the same `central init`): the fastest way PostgreSQL's own
//! client has to load rows, with none of push's work — reading the journal, batching, skipping
//! ids the server has, recording its mark.
//!
//! Both are whole processes timed from start to exit, over TCP on 127.0.0.1 without TLS. The
//! rows are checked equal afterwards (count and a checksum of ids).
//!
//! `cargo bench --bench central_push` uses 1 000 000 events (`OPORA_BENCH_EVENTS` changes it);
//! with `--test`, or without `--bench` (`cargo test --all-targets`), a smoke run of 20 000.
//! The exit code is 1 when a push or the peer fails; timing never fails the run.

#[path = "../tests/common/pg.rs"]
mod pg;

#[path = "central/journeys.rs"]
mod journeys;

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use opora::store::journal::Journal;

const FULL_EVENTS: usize = 1_000_000;
const QUICK_EVENTS: usize = 20_000;

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("central push bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A database with the central schema made by `opora central init` as the superuser.
fn central_db(server: &pg::Pg, home: &Path, name: &str) -> Result<String, String> {
    server
        .admin("postgres")
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .map_err(|e| e.to_string())?;
    let out = Command::new(env!("CARGO_BIN_EXE_opora"))
        .args(["--lang", "en", "central", "init", "--url"])
        .arg(server.url("postgres", name, "sslmode=disable"))
        .env("OPORA_HOME", home)
        .env("HOME", home)
        .env("PGPASSWORD", &server.password)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "central init: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(name.to_string())
}

fn bench() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--list") {
        println!("central_push: bench");
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
    let server = pg::Pg::start(pg::Tuning::Durable)?;
    let version: String = server
        .admin("postgres")
        .query_one("SHOW server_version", &[])
        .map_err(|e| e.to_string())?
        .get(0);
    println!(
        "== opora journal push of {events} events vs psql \\copy of the same rows (PostgreSQL {version}) =="
    );
    let home = tempfile::tempdir().map_err(|e| e.to_string())?;
    let device = home.path().join("device");
    std::fs::create_dir_all(&device).map_err(|e| e.to_string())?;
    let built = Instant::now();
    let mut count = 0usize;
    {
        let mut journal = Journal::open(&device.join("journal.db")).map_err(|e| e.to_string())?;
        let mut failed = None;
        journeys::generate(events, 1, 10_000, |batch| {
            count += batch.len();
            if let Err(e) = journal.append_all(&batch) {
                failed = Some(e.to_string());
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
    }
    println!(
        "  device journal of {count} events built in {:.1} s",
        built.elapsed().as_secs_f64()
    );

    let pushed_db = central_db(&server, home.path(), "pushed")?;
    let copied_db = central_db(&server, home.path(), "copied")?;
    let set = Command::new(env!("CARGO_BIN_EXE_opora"))
        .args(["config", "set", "central-url"])
        .arg(server.url("postgres", &pushed_db, "sslmode=disable"))
        .env("OPORA_HOME", &device)
        .output()
        .map_err(|e| e.to_string())?;
    if !set.status.success() {
        return Err(String::from_utf8_lossy(&set.stderr).into_owned());
    }

    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_opora"))
        .args(["--lang", "en", "journal", "push"])
        .env("OPORA_HOME", &device)
        .env("HOME", home.path())
        .env("PGPASSWORD", &server.password)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| e.to_string())?;
    let push_s = started.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!(
            "push failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    println!("  {}", String::from_utf8_lossy(&out.stdout).trim());

    // The same rows as CSV, read from the same journal.
    let csv = home.path().join("events.csv");
    write_csv(&device.join("journal.db"), &csv)?;
    let mut admin = server.admin(&copied_db);
    admin
        .batch_execute(
            "SELECT opora.ensure_months(opora.month_start_id((now() - interval '400 days')::date),
                                        opora.month_start_id((now() + interval '31 days')::date))",
        )
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let out = server
        .psql(&copied_db)
        .arg("-c")
        .arg(format!(
            "\\copy opora.event (id, device, at, session, kind, payload) FROM '{}' WITH (FORMAT csv)",
            csv.display()
        ))
        .output()
        .map_err(|e| e.to_string())?;
    let copy_s = started.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!(
            "psql \\copy failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }

    let sum = |db: &str| -> Result<(i64, String), String> {
        let row = server
            .admin(db)
            .query_one(
                "SELECT count(*), md5(string_agg(id::text, ',' ORDER BY id)) FROM opora.event",
                &[],
            )
            .map_err(|e| e.to_string())?;
        Ok((row.get(0), row.get(1)))
    };
    let (pushed, copied) = (sum(&pushed_db)?, sum(&copied_db)?);
    if pushed != copied || usize::try_from(pushed.0).ok() != Some(count) {
        return Err(format!(
            "the rows differ: pushed {pushed:?}, copied {copied:?}, local {count}"
        ));
    }
    let rate = |s: f64| count as f64 / s;
    println!(
        "  opora journal push: {push_s:.2} s, {:.0} events/s",
        rate(push_s)
    );
    println!(
        "  psql \\copy (CSV):   {copy_s:.2} s, {:.0} events/s",
        rate(copy_s)
    );
    println!(
        "  push takes {:.2}× the time of \\copy; the same {count} rows on both sides",
        push_s / copy_s
    );
    Ok(())
}

/// Every event of the journal as CSV rows (id, device, at, session, kind, payload).
fn write_csv(journal: &Path, csv: &Path) -> Result<(), String> {
    use std::io::Write;
    let conn = rusqlite::Connection::open(journal).map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare("SELECT id, device, at, session, kind, payload FROM event ORDER BY rowid")
        .map_err(|e| e.to_string())?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(csv).map_err(|e| e.to_string())?);
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let get = |i: usize| row.get::<_, String>(i).map_err(|e| e.to_string());
        let at: i64 = row.get(2).map_err(|e| e.to_string())?;
        let at = chrono::DateTime::from_timestamp_millis(at).unwrap_or_default();
        writeln!(
            out,
            "{},{},{},{},{},{}",
            get(0)?,
            quote(&get(1)?),
            at.format("%Y-%m-%d %H:%M:%S%.3f+00"),
            quote(&get(3)?),
            quote(&get(4)?),
            quote(&get(5)?)
        )
        .map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
