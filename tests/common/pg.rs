//! A real PostgreSQL for the central-journal tests and benchmarks, from Debian's `postgresql`
//! package (`scripts/setup.sh test` installs it): `initdb` into a temporary folder, a
//! self-signed certificate made by `openssl` so TLS can be tested, and `pg_ctl start` on a free
//! port of 127.0.0.1 (and a Unix socket in the same folder). One server per test binary
//! ([`server`]); each test makes its own database on it ([`Pg::create_db`]).
//!
//! PostgreSQL refuses to run as root, and CI runs as root: then the server's programs run as the
//! `postgres` user (`setpriv`), who owns the folder; as anyone else they run as that user.
//!
//! The server is stopped, and its folder removed, by a watchdog started with it: a small shell
//! loop, in a process group of its own, that waits for the test binary to end — passed, failed,
//! panicked or killed — and then runs `pg_ctl stop -m immediate`.
//!
//! Shared by `tests/` and `benches/` (through `#[path]`), so it uses nothing else in `common`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// How the server is tuned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tuning {
    /// Tests: no fsync, nothing waits for the disk.
    Fast,
    /// Benchmarks: PostgreSQL's durable defaults, more shared buffers.
    Durable,
}

/// A running server.
pub struct Pg {
    pub port: u16,
    /// The temporary folder: `data/`, the socket, the certificates, the log.
    pub root: PathBuf,
    /// The superuser `postgres`'s password.
    pub password: String,
    /// The server's self-signed certificate (PEM): what a client must be told to trust.
    pub cert: PathBuf,
    /// Another self-signed certificate the server does not use (a wrong root to trust).
    pub other_cert: PathBuf,
    pub bin: PathBuf,
    /// The user the server's programs run as, when this process is root.
    run_as: Option<(u32, u32)>,
}

static SERVER: OnceLock<Pg> = OnceLock::new();
static ROLES: Mutex<()> = Mutex::new(());
static NEXT_DB: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// The server of this test binary, started on first use.
pub fn server() -> &'static Pg {
    SERVER.get_or_init(|| Pg::start(Tuning::Fast).unwrap_or_else(|e| panic!("{e}")))
}

/// The folder of PostgreSQL's programs: `OPORA_PG_BIN`, else the newest
/// `/usr/lib/postgresql/*/bin` (Debian's layout).
pub fn bin_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("OPORA_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| missing())?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, bin)| bin).ok_or_else(missing)
}

fn missing() -> String {
    "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup.sh test"
        .to_string()
}

fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The ids of a user from /etc/passwd.
fn user_ids(name: &str) -> Option<(u32, u32)> {
    let text = std::fs::read_to_string("/etc/passwd").ok()?;
    text.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.first() == Some(&name))
            .then(|| Some((fields[2].parse().ok()?, fields[3].parse().ok()?)))?
    })
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

impl Pg {
    /// `initdb`, certificates, `pg_ctl start`, and the watchdog.
    pub fn start(tuning: Tuning) -> Result<Pg, String> {
        let bin = bin_dir()?;
        let run_as =
            (effective_uid() == 0).then(|| user_ids("postgres").unwrap_or((65_534, 65_534)));
        let root = tempfile::Builder::new()
            .prefix("opora-pg-")
            .tempdir()
            .map_err(|e| e.to_string())?
            .keep();
        let mut pg = Pg {
            port: 0,
            password: format!("su-{}-{}", std::process::id(), free_port()?),
            cert: root.join("server.crt"),
            other_cert: root.join("other.crt"),
            root,
            bin,
            run_as,
        };
        pg.certificates()?;
        std::fs::write(pg.root.join("pw"), &pg.password).map_err(|e| e.to_string())?;
        pg.give_away(&["", "pw", "server.key", "server.crt"])?;
        let data = pg.root.join("data");
        let out = pg
            .program("initdb")
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "scram-sha-256", "-E", "UTF8"])
            .args(["--locale=C", "--no-sync", "--pwfile"])
            .arg(pg.root.join("pw"))
            .output()
            .map_err(|e| format!("initdb cannot run: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "initdb failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        pg.watchdog()?;
        let mut last = String::new();
        for _ in 0..5 {
            pg.port = free_port()?;
            pg.configure(tuning)?;
            let out = pg
                .program("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(pg.root.join("log"))
                .args(["-w", "-t", "60", "start"])
                .stdout(Stdio::null())
                .output()
                .map_err(|e| format!("pg_ctl cannot run: {e}"))?;
            if out.status.success() {
                return Ok(pg);
            }
            last = std::fs::read_to_string(pg.root.join("log")).unwrap_or_default();
        }
        Err(format!("PostgreSQL did not start:\n{last}"))
    }

    /// A self-signed certificate for 127.0.0.1 and localhost, made as administrators make one
    /// (`openssl req -x509`), and another one the server does not use.
    fn certificates(&self) -> Result<(), String> {
        for (key, cert) in [("server.key", "server.crt"), ("other.key", "other.crt")] {
            let out = Command::new("openssl")
                .args(["req", "-x509", "-newkey", "ec", "-pkeyopt"])
                .args(["ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650"])
                .args(["-subj", "/CN=localhost", "-addext"])
                .arg("subjectAltName=DNS:localhost,IP:127.0.0.1")
                .arg("-keyout")
                .arg(self.root.join(key))
                .arg("-out")
                .arg(self.root.join(cert))
                .output()
                .map_err(|e| format!("openssl cannot run ({e}): run scripts/setup.sh test"))?;
            if !out.status.success() {
                return Err(format!(
                    "openssl failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
        set_mode(&self.root.join("server.key"), 0o600)
    }

    /// Makes files in the folder the server user's (when this process is root).
    fn give_away(&self, names: &[&str]) -> Result<(), String> {
        set_mode(&self.root, 0o755)?;
        if let Some((uid, gid)) = self.run_as {
            for name in names {
                let path = if name.is_empty() {
                    self.root.clone()
                } else {
                    self.root.join(name)
                };
                std::os::unix::fs::chown(&path, Some(uid), Some(gid))
                    .map_err(|e| format!("chown {}: {e}", path.display()))?;
            }
        }
        Ok(())
    }

    fn configure(&self, tuning: Tuning) -> Result<(), String> {
        let root = self.root.display();
        let mut conf = format!(
            "listen_addresses = '127.0.0.1'\nport = {}\nunix_socket_directories = '{root}'\n\
             ssl = on\nssl_cert_file = '{root}/server.crt'\nssl_key_file = '{root}/server.key'\n\
             max_connections = 200\n",
            self.port
        );
        conf.push_str(match tuning {
            Tuning::Fast => "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n",
            Tuning::Durable => "shared_buffers = '512MB'\nmax_wal_size = '4GB'\n",
        });
        let path = self.root.join("data").join("postgresql.auto.conf");
        std::fs::write(&path, conf).map_err(|e| e.to_string())?;
        if let Some((uid, gid)) = self.run_as {
            std::os::unix::fs::chown(&path, Some(uid), Some(gid)).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// One of PostgreSQL's programs, run as the server's user.
    pub fn program(&self, name: &str) -> Command {
        let path = self.bin.join(name);
        let mut cmd = match self.run_as {
            None => Command::new(path),
            Some((uid, gid)) => {
                let mut cmd = Command::new("setpriv");
                cmd.arg(format!("--reuid={uid}"))
                    .arg(format!("--regid={gid}"))
                    .args(["--clear-groups", "--"])
                    .arg(path);
                cmd
            }
        };
        cmd.env("LC_ALL", "C").current_dir(&self.root);
        cmd
    }

    /// Stops the server when this process ends, however it ends, and removes its folder.
    fn watchdog(&self) -> Result<(), String> {
        use std::os::unix::process::CommandExt;
        let stop = self.program("pg_ctl");
        let mut words: Vec<String> = vec![stop.get_program().to_string_lossy().into_owned()];
        words.extend(stop.get_args().map(|a| a.to_string_lossy().into_owned()));
        words.extend(
            [
                "-D",
                &self.root.join("data").to_string_lossy(),
                "-m",
                "immediate",
                "stop",
            ]
            .map(str::to_string),
        );
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; cd /; LC_ALL=C {stop} >/dev/null 2>&1; rm -rf '{root}'",
            pid = std::process::id(),
            stop = quoted.join(" "),
            root = self.root.display()
        );
        Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map(|_| ())
            .map_err(|e| format!("the watchdog cannot start: {e}"))
    }

    /// A `postgresql://` address of this server over TCP.
    pub fn url(&self, user: &str, db: &str, params: &str) -> String {
        let sep = if params.is_empty() { "" } else { "?" };
        format!(
            "postgresql://{user}@127.0.0.1:{}/{db}{sep}{params}",
            self.port
        )
    }

    /// The superuser's connection to `db` (no TLS).
    pub fn admin(&self, db: &str) -> postgres::Client {
        let config = format!(
            "host=127.0.0.1 port={} user=postgres password={} dbname={db} sslmode=disable",
            self.port, self.password
        );
        postgres::Client::connect(&config, postgres::NoTls)
            .unwrap_or_else(|e| panic!("connect to {db} as postgres: {e}"))
    }

    /// A new, empty database for one test; its name.
    pub fn create_db(&self, hint: &str) -> String {
        let n = NEXT_DB.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let name: String = format!("t_{hint}_{n}")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        self.admin("postgres")
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("create database {name}: {e}"));
        name
    }

    /// Runs SQL as the superuser in `db`, one at a time across tests where it creates roles
    /// (roles belong to the whole server).
    pub fn run_as_superuser(&self, db: &str, sql: &str) {
        let _one_at_a_time = self.roles_lock();
        self.admin(db)
            .batch_execute(sql)
            .unwrap_or_else(|e| panic!("as postgres in {db}: {e}\n{sql}"));
    }

    /// Held while roles are created (they belong to the whole server).
    pub fn roles_lock(&self) -> std::sync::MutexGuard<'static, ()> {
        ROLES.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A login role with a password, member of `group` (e.g. `opora_device`).
    pub fn login_role(&self, db: &str, name: &str, password: &str, group: &str) {
        self.run_as_superuser(
            db,
            &format!(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN \
                 CREATE ROLE {name} LOGIN PASSWORD '{password}'; END IF; END $$; \
                 GRANT {group} TO {name}; GRANT CONNECT ON DATABASE {db} TO {name};"
            ),
        );
    }

    /// `psql` (the client, from the same PostgreSQL) on `db` as the superuser.
    pub fn psql(&self, db: &str) -> Command {
        let mut cmd = Command::new(self.bin.join("psql"));
        cmd.args([
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
        ])
        .arg("-p")
        .arg(self.port.to_string())
        .arg("-d")
        .arg(db)
        .env("PGPASSWORD", &self.password)
        .env("PGSSLMODE", "disable")
        .env("LC_ALL", "C");
        cmd
    }
}

fn set_mode(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| format!("chmod {}: {e}", path.display()))
}
