//! The report benchmark's peers, each a whole process run on the same journal: SQLite 3.54.1
//! through apsw (the release rusqlite bundles: the same engine running the same SQL), DuckDB
//! computing the conversion by segment over the same events, and, as a labelled extra, the
//! system `sqlite3` shell.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn time_sqlite(db: &Path, script: &str) -> Option<Duration> {
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
pub struct Engine {
    version: String,
    source_id: String,
    options: Vec<String>,
}

/// rusqlite's bundled SQLite, linked into this bench exactly as into the opora binary (the same
/// crate, features and profile).
pub fn bundled_engine() -> Result<Engine, String> {
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

pub fn apsw_engine() -> Result<Engine, String> {
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

pub fn time_apsw(db: &Path, statements: &str) -> Result<Duration, String> {
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
pub fn same_engine(ours: &Engine, peer: &Engine) -> Result<(), String> {
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
