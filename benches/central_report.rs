//! `opora report --central --by segment` over ten million events in a real PostgreSQL
//! (tests/common/pg.rs, PostgreSQL's durable defaults), beside `psql` running the very same
//! statements (`opora::report::query::statements`, PostgreSQL dialect) on the same server and
//! printing every row they return: the same reads, with none of the report's work in Rust (the
//! funnels, step times, intervals and the table).
//!
//! The events are generated as a kiosk writes them (benches/central/journeys.rs, 40 devices)
//! and loaded with `COPY` as a push would leave them (each load queues its sessions); `opora
//! central refresh` then folds them into facts (its time is printed as the set-up it is, with
//! no peer). Both sides are whole processes over TCP on 127.0.0.1 without TLS; the report runs
//! as the schema's owner with nothing left to fold. The conversion by segment of both is
//! checked equal.
//!
//! `cargo bench --bench central_report` uses 10 000 000 events (`OPORA_BENCH_EVENTS` changes
//! it); with `--test`, or without `--bench` (`cargo test --all-targets`), a smoke run of 20 000.
//! The exit code is 1 when a step fails or the two disagree; timing never fails the run.

#[path = "../tests/common/pg.rs"]
mod pg;

#[path = "central/journeys.rs"]
mod journeys;

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use opora::central::copy::{Rows, Value};
use opora::report::Period;
use opora::report::query::{Dialect, Dimension, conversion, sessions_cte, statements};

const FULL_EVENTS: usize = 10_000_000;
const QUICK_EVENTS: usize = 20_000;

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("central report bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn opora(server: &pg::Pg, home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opora"));
    cmd.args(["--lang", "en"])
        .env("OPORA_HOME", home)
        .env("HOME", home)
        .env("PGPASSWORD", &server.password)
        .stdin(Stdio::null());
    cmd
}

fn run(mut cmd: Command, what: &str) -> Result<(f64, String), String> {
    let started = Instant::now();
    let out = cmd.output().map_err(|e| format!("{what}: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!("{what}: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok((seconds, String::from_utf8_lossy(&out.stdout).into_owned()))
}

/// Loads the generated events with COPY, a batch per transaction.
fn load(server: &pg::Pg, db: &str, events: usize) -> Result<usize, String> {
    let mut client = server.admin(db);
    client
        .batch_execute(
            "SELECT opora.ensure_months(opora.month_start_id((now() - interval '400 days')::date),
                                        opora.month_start_id((now() + interval '31 days')::date))",
        )
        .map_err(|e| format!("{e:?}"))?;
    let mut count = 0;
    let mut failed = None;
    journeys::generate(events, 40, 50_000, |batch| {
        if failed.is_some() {
            return;
        }
        let mut rows = Rows::default();
        for event in &batch {
            let payload = serde_json::to_string(&event.payload).unwrap_or_default();
            rows.push(&[
                Value::Text(&event.id.to_string()),
                Value::Text(&event.device),
                Value::Text(&event.at.format("%Y-%m-%d %H:%M:%S%.3f+00").to_string()),
                Value::Text(&event.session),
                Value::Text(event.payload.kind()),
                Value::Text(&payload),
            ]);
        }
        count += batch.len();
        let sent = client.transaction().and_then(|mut tx| {
            rows.send(
                &mut tx,
                "opora.event (id, device, at, session, kind, payload)",
            )?;
            tx.commit()
        });
        if let Err(e) = sent {
            failed = Some(format!("{e:?}"));
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(count),
    }
}

fn bench() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--list") {
        println!("central_report: bench");
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
    let home = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = "bank";
    server
        .admin("postgres")
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .map_err(|e| e.to_string())?;
    let url = server.url("postgres", db, "sslmode=disable");
    let mut init = opora(&server, home.path());
    init.args(["central", "init", "--url", &url]);
    run(init, "central init")?;
    let mut set = opora(&server, home.path());
    set.args(["config", "set", "central-url", &url]);
    run(set, "config set")?;

    let started = Instant::now();
    let count = load(&server, db, events)?;
    println!(
        "== opora report --central --by segment over {count} events vs psql running the same statements (PostgreSQL {version}) =="
    );
    println!(
        "  set-up: {count} events loaded with COPY in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut refresh = opora(&server, home.path());
    refresh.args(["central", "refresh"]);
    let (refresh_s, said) = run(refresh, "central refresh")?;
    println!(
        "  set-up: opora central refresh folded them in {refresh_s:.1} s ({:.0} events/s): {}",
        count as f64 / refresh_s,
        said.trim()
    );
    let mut admin = server.admin(db);
    admin
        .batch_execute("VACUUM ANALYZE")
        .map_err(|e| format!("{e:?}"))?;
    // What an event costs on the server's disk, for sizing (docs/central.md).
    let sizes = admin
        .query_one(
            "SELECT (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits
                     WHERE inhparent = 'opora.event'::regclass)::float8,
                    (SELECT sum(pg_total_relation_size(('opora.' || t)::regclass))
                     FROM unnest(ARRAY['session_facts', 'session_goal', 'step_facts', 'step_name',
                                       'follow_up_facts']) AS t)::float8",
            &[],
        )
        .map_err(|e| format!("{e:?}"))?;
    let (events_bytes, facts_bytes): (f64, f64) = (sizes.get(0), sizes.get(1));
    println!(
        "  on disk: events with their indexes {:.0} MB ({:.0} bytes per event), facts {:.0} MB ({:.0} bytes per event)",
        events_bytes / 1e6,
        events_bytes / count as f64,
        facts_bytes / 1e6,
        facts_bytes / count as f64
    );

    let mut report = opora(&server, home.path());
    report.args(["report", "--central", "--by", "segment"]);
    let (report_s, table) = run(report, "report --central")?;

    let script = home.path().join("report.sql");
    let mut sql = String::from("SET search_path TO opora, pg_catalog;\n");
    let all = statements(
        Dialect::Postgres,
        Some(Dimension::Segment),
        Period::default(),
    );
    let how_many = all.len();
    for statement in all {
        sql.push_str(&statement);
        sql.push_str(";\n");
    }
    std::fs::write(&script, sql).map_err(|e| e.to_string())?;
    let mut psql = server.psql(db);
    psql.arg("-At").arg("-f").arg(&script);
    let (psql_s, printed) = run(psql, "psql")?;

    println!(
        "  opora report --central --by segment: {report_s:.2} s ({} lines of table)",
        table.lines().count()
    );
    println!(
        "  psql, the same {} statements:       {psql_s:.2} s ({} rows printed)",
        how_many,
        printed.lines().count()
    );
    println!("  report takes {:.2}× the time of psql", report_s / psql_s);
    same_conversion(&server, db, home.path())
}

/// The conversion by segment from the report's JSON and from psql, compared.
fn same_conversion(server: &pg::Pg, db: &str, home: &Path) -> Result<(), String> {
    let mut json = opora(server, home);
    json.args(["report", "--central", "--by", "segment", "--format", "json"]);
    let (_, json) = run(json, "report --central json")?;
    let figures: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let mut ours: Vec<String> = figures["groups"]
        .as_array()
        .map(|groups| {
            groups
                .iter()
                .filter(|g| g["clients"].as_u64() > Some(0))
                .map(|g| {
                    format!(
                        "{} {} of {}",
                        g["group"], g["conversion"]["k"], g["clients"]
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let statement = conversion(&sessions_cte(Some(Dimension::Segment), Period::default()));
    let mut psql = server.psql(db);
    psql.arg("-At")
        .arg("-c")
        .arg(format!("SET search_path TO opora; {statement}"));
    let (_, printed) = run(psql, "psql conversion")?;
    let mut theirs: Vec<String> = printed
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').collect();
            (cells.len() >= 3).then(|| format!("\"{}\" {} of {}", cells[0], cells[2], cells[1]))
        })
        .collect();
    ours.sort();
    theirs.sort();
    if ours != theirs || ours.is_empty() {
        return Err(format!("the conversions differ: {ours:?} vs {theirs:?}"));
    }
    println!("  both: {}", ours.join(", ").replace('"', ""));
    Ok(())
}
