//! The DuckDB peer (PyPI `duckdb`, installed by `scripts/setup.sh test` into
//! `.deps/analysis`). The journal's events are written to a CSV file exactly as the `event`
//! table holds them (id, device, at, session, kind, payload as JSON text); DuckDB loads that
//! file once into its own database (timed apart, not compared), then a fresh process opens it
//! and computes the conversion by segment from the raw events: per segment, the clients
//! (pseudonym, or the session for an anonymous client) with an ended assisted session
//! (`session_started` joined with `session_ended`), and of them those whose outcome was
//! "alone". Its rows are checked against Opora's own conversion by segment.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const PEER: &str = r#"
import sys, time
start = time.perf_counter()
import duckdb
if sys.argv[1] == "--version":
    print(duckdb.__version__)
    sys.exit(0)
if sys.argv[1] == "--load":
    con = duckdb.connect(sys.argv[3])
    con.execute("""CREATE TABLE event AS SELECT * FROM read_csv(?, header = true,
        columns = {'id': 'VARCHAR', 'device': 'VARCHAR', 'at': 'BIGINT', 'session': 'VARCHAR',
                   'kind': 'VARCHAR', 'payload': 'JSON'})""", [sys.argv[2]])
    print(con.execute("SELECT count(*) FROM event").fetchone()[0])
    sys.exit(0)
con = duckdb.connect(sys.argv[1], read_only=True)
query_start = time.perf_counter()
rows = con.execute("""
WITH s AS (
    SELECT session, payload->>'segment' AS segment,
           coalesce(payload->>'client', 'anon:' || session) AS client
    FROM event WHERE kind = 'session_started'),
e AS (SELECT session, payload->>'outcome' AS outcome FROM event WHERE kind = 'session_ended')
SELECT segment, count(DISTINCT client),
       count(DISTINCT CASE WHEN outcome = 'alone' THEN client END)
FROM s JOIN e USING (session) GROUP BY segment ORDER BY segment
""").fetchall()
took = time.perf_counter() - query_start
for segment, clients, alone in rows:
    print(f"{segment},{clients},{alone}")
print(f"query_seconds,{took:.6f}")
"#;

fn analysis_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".deps/analysis")
}

fn command() -> Command {
    let mut cmd = Command::new("python3");
    cmd.arg("-c").arg(PEER).env("PYTHONPATH", analysis_path());
    cmd
}

/// DuckDB's version, or why it cannot run.
pub fn version() -> Result<String, String> {
    let out = command()
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "DuckDB does not start ({}): run `scripts/setup.sh test`, which installs duckdb into \
             .deps/analysis",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes the journal's event table to `csv` and loads it into the DuckDB file `db`; the time
/// the load took.
pub fn load(journal_db: &Path, csv: &Path, db: &Path) -> Result<Duration, String> {
    let conn = rusqlite::Connection::open(journal_db).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(csv).map_err(|e| e.to_string())?);
    writeln!(out, "id,device,at,session,kind,payload").map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare("SELECT id, device, at, session, kind, payload FROM event")
        .map_err(|e| e.to_string())?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let text = |i: usize| row.get::<_, String>(i).unwrap_or_default();
        let at: i64 = row.get(2).unwrap_or_default();
        writeln!(
            out,
            "{},{},{at},{},{},{}",
            csv_field(&text(0)),
            csv_field(&text(1)),
            csv_field(&text(3)),
            csv_field(&text(4)),
            csv_field(&text(5))
        )
        .map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    let started = Instant::now();
    let result = command()
        .arg("--load")
        .arg(csv)
        .arg(db)
        .output()
        .map_err(|e| e.to_string())?;
    if !result.status.success() {
        return Err(format!(
            "DuckDB could not load the events: {}",
            String::from_utf8_lossy(&result.stderr)
        ));
    }
    Ok(started.elapsed())
}

/// One run: the whole process's time, the query's own time, and the rows
/// (`segment,clients,alone`).
pub fn run(db: &Path) -> Result<(Duration, Duration, Vec<String>), String> {
    let started = Instant::now();
    let out = command().arg(db).output().map_err(|e| e.to_string())?;
    let took = started.elapsed();
    if !out.status.success() {
        return Err(format!(
            "the DuckDB peer failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut rows = Vec::new();
    let mut query = Duration::ZERO;
    for line in text.lines() {
        match line.strip_prefix("query_seconds,") {
            Some(secs) => query = Duration::from_secs_f64(secs.parse().unwrap_or(0.0)),
            None => rows.push(line.to_string()),
        }
    }
    Ok((took, query, rows))
}
