//! Fixtures for the central-journal tests: a fresh database on the test server with Opora's
//! schema made by the real `opora central init` (run as an owner role) and the roles it prints
//! applied by `psql`, as an administrator would; devices with journals of their own; and the
//! real binary run with a clean PostgreSQL environment (no `~/.pgpass`, no `PG*` variables but
//! the ones a test gives).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use super::pg::{Pg, server};
use opora::store::journal::Journal;
use opora_core::journal::{Event, Outcome, Payload};

/// A database with the central schema, and its roles' passwords.
pub struct Central {
    pub pg: &'static Pg,
    pub db: String,
    pub owner: String,
    /// A temporary home for processes (no ~/.pgpass, no ~/.postgresql).
    pub home: tempfile::TempDir,
}

pub const OWNER_PASSWORD: &str = "owner-pass-1";
pub const DEVICE_PASSWORD: &str = "device-pass-1";
pub const ANALYST_PASSWORD: &str = "analyst-pass-1";

/// The real binary with `OPORA_HOME`, `HOME` and only the PostgreSQL variables given.
pub fn opora(opora_home: &Path, home: &Path, password: Option<&str>) -> Command {
    let mut cmd = Command::new(super::binary());
    // English unless a test says otherwise (LC_ALL decides the language).
    cmd.env("LC_ALL", "en_US.UTF-8")
        .env("OPORA_HOME", opora_home)
        .env("HOME", home)
        .stdin(Stdio::null());
    for var in [
        "PGPASSWORD",
        "PGPASSFILE",
        "PGUSER",
        "PGSSLMODE",
        "PGSSLROOTCERT",
        "PGHOST",
        "OPORA_CONFIG",
    ] {
        cmd.env_remove(var);
    }
    if let Some(password) = password {
        cmd.env("PGPASSWORD", password);
    }
    cmd
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

impl Central {
    /// A new database, `opora central init` as its owner, the printed grants applied.
    pub fn new(hint: &str) -> Central {
        let pg = server();
        let db = pg.create_db(hint);
        let owner = format!("owner_{db}");
        pg.run_as_superuser(
            &db,
            &format!(
                "CREATE ROLE {owner} LOGIN PASSWORD '{OWNER_PASSWORD}'; \
                 GRANT CREATE, CONNECT ON DATABASE {db} TO {owner};"
            ),
        );
        let central = Central {
            pg,
            db,
            owner,
            home: tempfile::tempdir().expect("temp home"),
        };
        let out = central.init();
        assert!(out.status.success(), "central init: {}", text(&out));
        let printed = String::from_utf8_lossy(&out.stdout).into_owned();
        let sql: String = printed
            .lines()
            .skip_while(|l| !l.starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(sql.contains("GRANT INSERT"), "grants printed: {printed}");
        central.apply(&sql);
        central
    }

    /// `opora central init --url …` as the owner.
    pub fn init(&self) -> Output {
        let dir = tempfile::tempdir().expect("temp dir");
        opora(dir.path(), self.home.path(), Some(OWNER_PASSWORD))
            .args([
                "central",
                "init",
                "--url",
                &self.url(&self.owner, "sslmode=disable"),
            ])
            .output()
            .expect("opora runs")
    }

    /// SQL run by `psql` as the superuser (one at a time: roles are server-wide).
    pub fn apply(&self, sql: &str) {
        let _guard = self.pg.roles_lock();
        let mut child = self
            .pg
            .psql(&self.db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("psql runs");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(sql.as_bytes())
            .expect("sql written");
        let out = child.wait_with_output().expect("psql ends");
        assert!(out.status.success(), "psql: {}", text(&out));
    }

    pub fn url(&self, user: &str, params: &str) -> String {
        self.pg.url(user, &self.db, params)
    }

    /// A login role in `group` (`opora_device`, `opora_analyst`) with `password`.
    pub fn role(&self, name: &str, password: &str, group: &str) {
        self.pg.login_role(&self.db, name, password, group);
    }

    /// A device: its own Opora folder, configured for this database as login `user`.
    pub fn device(&self, user: &str, params: &str) -> PathBuf {
        let dir = tempfile::tempdir().expect("device dir").keep();
        let out = opora(&dir, self.home.path(), None)
            .args(["config", "set", "central-url", &self.url(user, params)])
            .output()
            .expect("opora runs");
        assert!(out.status.success(), "config set: {}", text(&out));
        dir
    }

    /// `opora journal push` on a device.
    pub fn push(&self, device: &Path, password: Option<&str>, batch: usize) -> Output {
        opora(device, self.home.path(), password)
            .args(["journal", "push", "--batch", &batch.to_string()])
            .output()
            .expect("opora runs")
    }

    /// The superuser's connection to this database.
    pub fn admin(&self) -> postgres::Client {
        self.pg.admin(&self.db)
    }

    /// Every event id on the server, and how many rows there are.
    pub fn server_ids(&self) -> (std::collections::BTreeSet<String>, i64) {
        let mut client = self.admin();
        let rows = client
            .query("SELECT id::text FROM opora.event", &[])
            .expect("ids");
        let ids = rows.iter().map(|r| r.get::<_, String>(0)).collect();
        (ids, i64::try_from(rows.len()).unwrap_or(i64::MAX))
    }
}

/// The ids of every event in a device's journal.
pub fn local_ids(device: &Path) -> std::collections::BTreeSet<String> {
    Journal::open(&device.join("journal.db"))
        .expect("journal")
        .events()
        .expect("events")
        .into_iter()
        .map(|e| e.id.to_string())
        .collect()
}

/// Adds `sessions` sessions of three events each to a device's journal, spread over the last
/// `months` months (so pushes create month partitions).
pub fn add_sessions(device: &Path, name: &str, sessions: usize, months: i64) {
    let mut journal = Journal::open(&device.join("journal.db")).expect("journal");
    let now = chrono::Utc::now().timestamp_millis();
    let span = months.max(1) * 30 * 86_400_000;
    let mut events = Vec::with_capacity(sessions * 3);
    for i in 0..sessions {
        let offset =
            i64::try_from(i).unwrap_or(0) * span / i64::try_from(sessions.max(1)).unwrap_or(1);
        let at = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(now - span + offset + ms).expect("time")
        };
        // Sessions are UUIDv7, as Opora makes them (imports check).
        let session = opora::store::journal::new_session_id();
        events.push(Event::at(
            name,
            &session,
            at(0),
            Payload::LessonStarted {
                lesson: "pay".into(),
            },
        ));
        events.push(Event::at(
            name,
            &session,
            at(1_000),
            Payload::LessonCompleted {
                lesson: "pay".into(),
            },
        ));
        events.push(Event::at(
            name,
            &session,
            at(2_000),
            Payload::SessionEnded {
                outcome: Outcome::Alone,
                fcr: Some(true),
                complaint: None,
                computed: None,
                override_reason: None,
            },
        ));
    }
    journal.append_all(&events).expect("appended");
}
