//! The bank-wide journal on a real PostgreSQL (tests/common/pg.rs), through the real binary:
//! `central init` on an empty server, the roles it prints, pushes from two devices at once,
//! pushes killed at random moments and cut off by the server, an unreachable server and a
//! wrong password, and TLS to a server with a self-signed certificate.

mod common;

use common::central::{
    ANALYST_PASSWORD, Central, DEVICE_PASSWORD, OWNER_PASSWORD, add_sessions, local_ids, opora,
    text,
};
use std::collections::BTreeSet;
use std::time::Duration;

#[test]
fn init_on_an_empty_server_creates_the_schema_once_and_prints_the_grants() {
    let central = Central::new("init");
    let mut admin = central.admin();
    let version: String = admin
        .query_one(
            "SELECT value FROM opora.meta WHERE key = 'schema_version'",
            &[],
        )
        .expect("version")
        .get(0);
    assert_eq!(version, opora::central::migrate::known().to_string());
    let partitioned: bool = admin
        .query_one(
            "SELECT relkind = 'p' FROM pg_class WHERE oid = 'opora.event'::regclass",
            &[],
        )
        .expect("event")
        .get(0);
    assert!(partitioned, "opora.event is partitioned");
    let this_month: i64 = admin
        .query_one(
            "SELECT count(*) FROM pg_inherits WHERE inhparent = 'opora.event'::regclass",
            &[],
        )
        .expect("partitions")
        .get(0);
    assert!(this_month >= 1, "this month's partition is made at init");
    let again = central.init();
    assert!(again.status.success(), "{}", text(&again));
    assert!(
        text(&again).contains("already at version"),
        "{}",
        text(&again)
    );
    assert!(text(&again).contains("GRANT INSERT (id, device, at, session, kind, payload)"));
    for role in ["opora_device", "opora_analyst"] {
        let exists: bool = admin
            .query_one(
                "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)",
                &[&role],
            )
            .expect("role")
            .get(0);
        assert!(exists, "{role} made by the printed statements");
    }
}

#[test]
fn the_device_role_can_only_insert_and_nobody_can_change_an_event() {
    let central = Central::new("roles");
    let device = format!("dev_{}", central.db);
    central.role(&device, DEVICE_PASSWORD, "opora_device");
    let analyst = format!("an_{}", central.db);
    central.role(&analyst, ANALYST_PASSWORD, "opora_analyst");
    let dir = central.device(&device, "sslmode=disable");
    add_sessions(&dir, "kiosk-1", 5, 1);
    let pushed = central.push(&dir, Some(DEVICE_PASSWORD), 100);
    assert!(pushed.status.success(), "{}", text(&pushed));

    let connect = |user: &str, password: &str| {
        postgres::Client::connect(
            &format!(
                "host=127.0.0.1 port={} user={user} password={password} dbname={} sslmode=disable",
                central.pg.port, central.db
            ),
            postgres::NoTls,
        )
        .expect("login")
    };
    let mut as_device = connect(&device, DEVICE_PASSWORD);
    for statement in [
        "UPDATE opora.event SET device = 'forged'",
        "DELETE FROM opora.event",
        "SELECT count(*) FROM opora.event",
        "TRUNCATE opora.event",
        "DROP TABLE opora.event",
        "SELECT count(*) FROM opora.session_facts",
        "DELETE FROM opora.fact_queue",
        "INSERT INTO opora.session_facts (sid) VALUES (1)",
    ] {
        let error = as_device.batch_execute(statement).expect_err(statement);
        let code = error.code().map(|c| c.code().to_string());
        assert!(
            matches!(code.as_deref(), Some("42501")),
            "{statement}: {error} ({code:?})"
        );
    }
    let mut as_analyst = connect(&analyst, ANALYST_PASSWORD);
    let seen: i64 = as_analyst
        .query_one("SELECT count(*) FROM opora.event", &[])
        .expect("analysts read")
        .get(0);
    assert_eq!(seen, 15);
    for statement in [
        "UPDATE opora.event SET device = 'x'",
        "DELETE FROM opora.event",
        "INSERT INTO opora.meta VALUES ('x', 'y')",
        "DELETE FROM opora.session_facts",
        "DELETE FROM opora.fact_queue",
    ] {
        let error = as_analyst.batch_execute(statement).expect_err(statement);
        assert_eq!(error.code().map(|c| c.code()), Some("42501"), "{statement}");
    }
    // Even the owner cannot change or delete an event: only whole months go.
    let owner = central.owner.clone();
    let mut as_owner = connect(&owner, OWNER_PASSWORD);
    for statement in [
        "UPDATE opora.event SET device = 'x'",
        "DELETE FROM opora.event",
    ] {
        let error = as_owner.batch_execute(statement).expect_err(statement);
        assert!(
            error.to_string().contains("append-only")
                || format!("{error:?}").contains("append-only"),
            "{error:?}"
        );
    }
}

#[test]
fn two_devices_pushing_at_once_give_the_union_without_duplicates() {
    let central = Central::new("two");
    let (a, b) = (format!("a_{}", central.db), format!("b_{}", central.db));
    central.role(&a, DEVICE_PASSWORD, "opora_device");
    central.role(&b, DEVICE_PASSWORD, "opora_device");
    let dir_a = central.device(&a, "sslmode=disable");
    let dir_b = central.device(&b, "sslmode=disable");
    add_sessions(&dir_a, "kiosk-a", 3_000, 14);
    add_sessions(&dir_b, "kiosk-b", 3_000, 14);
    // The same events on both: b imported a's export before either pushed.
    let export = dir_a.join("a.ndjson");
    let out = opora(&dir_a, central.home.path(), None)
        .args(["journal", "export"])
        .arg(&export)
        .output()
        .expect("export");
    assert!(out.status.success(), "{}", text(&out));
    let out = opora(&dir_b, central.home.path(), None)
        .args(["journal", "import"])
        .arg(&export)
        .output()
        .expect("import");
    assert!(out.status.success(), "{}", text(&out));

    let run = |dir: &std::path::Path| {
        common::central::opora(dir, central.home.path(), Some(DEVICE_PASSWORD))
            .args(["journal", "push", "--batch", "700"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("push starts")
    };
    let (first, second) = (run(&dir_a), run(&dir_b));
    let (first, second) = (
        first.wait_with_output().expect("a ends"),
        second.wait_with_output().expect("b ends"),
    );
    assert!(first.status.success(), "{}", text(&first));
    assert!(second.status.success(), "{}", text(&second));
    let union: BTreeSet<String> = local_ids(&dir_a)
        .union(&local_ids(&dir_b))
        .cloned()
        .collect();
    let (ids, rows) = central.server_ids();
    assert_eq!(ids, union);
    assert_eq!(
        rows,
        i64::try_from(union.len()).expect("fits"),
        "no event twice"
    );
    // A second push has nothing left to send.
    let again = central.push(&dir_b, Some(DEVICE_PASSWORD), 700);
    assert!(text(&again).contains("Nothing to send"), "{}", text(&again));
}

/// A tiny deterministic generator; the seed is printed so a failure can be replayed
/// (`OPORA_TEST_SEED`).
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

#[test]
fn pushes_killed_at_random_moments_lose_nothing_and_double_nothing() {
    let central = Central::new("kill");
    let user = format!("dev_{}", central.db);
    central.role(&user, DEVICE_PASSWORD, "opora_device");
    let dir = central.device(&user, "sslmode=disable");
    let seed = std::env::var("OPORA_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(std::process::id()) * 7919);
    eprintln!("kill test seed: {seed}");
    let mut rng = Lcg(seed);
    let mut killed_mid_way = 0;
    for round in 0..8 {
        add_sessions(&dir, &format!("kiosk-{round}"), 1_500, 3);
        let mut child = common::central::opora(&dir, central.home.path(), Some(DEVICE_PASSWORD))
            .args(["journal", "push", "--batch", "150"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("push starts");
        std::thread::sleep(Duration::from_millis(20 + rng.below(400)));
        if child.try_wait().expect("wait").is_none() {
            killed_mid_way += 1;
        }
        child.kill().ok();
        child.wait().ok();
    }
    // The server cuts a push off too: its connection is terminated while it sends.
    add_sessions(&dir, "kiosk-cut", 4_000, 2);
    let child = common::central::opora(&dir, central.home.path(), Some(DEVICE_PASSWORD))
        .args(["journal", "push", "--batch", "100"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("push starts");
    let mut admin = central.admin();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut cut = false;
    while std::time::Instant::now() < deadline && !cut {
        std::thread::sleep(Duration::from_millis(30));
        cut = admin
            .query_one(
                "SELECT count(pg_terminate_backend(pid)) > 0 FROM pg_stat_activity
                 WHERE usename = $1 AND datname = current_database()",
                &[&user],
            )
            .expect("terminate")
            .get(0);
    }
    let out = child.wait_with_output().expect("push ends");
    eprintln!("connection cut by the server: {cut}");
    if !out.status.success() {
        assert_eq!(out.status.code(), Some(75), "{}", text(&out));
        assert!(
            text(&out).contains("Nothing was lost or sent twice")
                || text(&out).contains("cannot be reached"),
            "{}",
            text(&out)
        );
    }
    let last = central.push(&dir, Some(DEVICE_PASSWORD), 1_000);
    assert!(last.status.success(), "{}", text(&last));
    let local = local_ids(&dir);
    let (ids, rows) = central.server_ids();
    assert_eq!(
        ids, local,
        "server rows are the device's events (seed {seed})"
    );
    assert_eq!(
        rows,
        i64::try_from(local.len()).expect("fits"),
        "none twice (seed {seed})"
    );
    eprintln!("{killed_mid_way} of 8 pushes killed mid-way");
}

#[test]
fn an_unreachable_server_and_a_wrong_password_are_one_sentence_and_a_failing_status() {
    let central = Central::new("fail");
    let user = format!("dev_{}", central.db);
    central.role(&user, DEVICE_PASSWORD, "opora_device");
    let dir = central.device(&user, "sslmode=disable");
    add_sessions(&dir, "kiosk", 10, 1);

    let wrong = central.push(&dir, Some("not-the-password"), 100);
    assert_eq!(wrong.status.code(), Some(1), "{}", text(&wrong));
    let said = text(&wrong);
    assert!(said.contains("refused user"), "{said}");
    assert_eq!(said.trim().lines().count(), 1, "one sentence: {said}");
    assert!(!said.contains("not-the-password") && !said.contains("panicked"));

    let none = central.push(&dir, None, 100);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        text(&none).contains("asks for a password"),
        "{}",
        text(&none)
    );

    let ru = common::central::opora(&dir, central.home.path(), Some("not-the-password"))
        .env("LC_ALL", "ru_RU.UTF-8")
        .args(["journal", "push"])
        .output()
        .expect("runs");
    assert!(
        text(&ru).contains("не пустила пользователя"),
        "{}",
        text(&ru)
    );

    // Nothing here moved: the next good push sends everything.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let gone = central.device(&user, "sslmode=disable");
    let set = opora(&gone, central.home.path(), None)
        .args(["config", "set", "central-url"])
        .arg(format!(
            "postgresql://{user}@127.0.0.1:{port}/{}?connect_timeout=3",
            central.db
        ))
        .output()
        .expect("config");
    assert!(set.status.success());
    add_sessions(&gone, "brigade", 10, 1);
    let unreachable = central.push(&gone, Some(DEVICE_PASSWORD), 100);
    assert_eq!(
        unreachable.status.code(),
        Some(75),
        "{}",
        text(&unreachable)
    );
    let said = text(&unreachable);
    assert!(
        said.contains("cannot be reached") && said.contains("Nothing was lost"),
        "{said}"
    );
    assert_eq!(said.trim().lines().count(), 1, "{said}");

    // The bank-wide report says the same in one sentence, and fails.
    let report = common::central::opora(&gone, central.home.path(), Some(DEVICE_PASSWORD))
        .args(["report", "--central"])
        .output()
        .expect("runs");
    assert_eq!(report.status.code(), Some(1), "{}", text(&report));
    assert!(report.stdout.is_empty());
    assert_eq!(text(&report).trim().lines().count(), 1, "{}", text(&report));
    assert!(
        text(&report).contains("cannot be reached") && text(&report).contains("without --central"),
        "{}",
        text(&report)
    );

    let good = central.push(&dir, Some(DEVICE_PASSWORD), 100);
    assert!(text(&good).contains("Sent 30 events"), "{}", text(&good));
}

#[test]
fn tls_to_a_self_signed_server_works_when_trusted_and_only_then() {
    let central = Central::new("tls");
    let user = format!("dev_{}", central.db);
    central.role(&user, DEVICE_PASSWORD, "opora_device");
    let cert = central.pg.cert.display().to_string();
    let other = central.pg.other_cert.display().to_string();
    // The library is called from this process, whose environment is left alone: the
    // password comes from a passfile named in the address.
    let secrets = tempfile::tempdir().expect("dir");
    let passfile = secrets.path().join("pgpass");
    std::fs::write(&passfile, format!("*:*:*:{user}:{DEVICE_PASSWORD}\n")).expect("passfile");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let connect = |params: &str| {
        let params = format!("{params}&passfile={}", passfile.display());
        let url =
            opora_core::central::CentralUrl::parse(&central.url(&user, &params)).expect("address");
        opora::central::connect(&url)
    };
    for params in [
        format!("sslmode=require&sslrootcert={cert}"),
        format!("sslmode=verify-ca&sslrootcert={cert}"),
        format!("sslmode=verify-full&sslrootcert={cert}"),
        "sslmode=require".to_string(),
    ] {
        let mut central_conn = connect(&params).unwrap_or_else(|e| panic!("{params}: {e}"));
        let ssl: bool = central_conn
            .client
            .query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .expect("ssl")
            .get(0);
        assert!(ssl, "{params}: the connection is encrypted");
    }
    for (params, expected) in [
        (
            format!("sslmode=verify-full&sslrootcert={other}"),
            "Untrusted",
        ),
        (format!("sslmode=require&sslrootcert={other}"), "Untrusted"),
        ("sslmode=verify-full".to_string(), "NoRoots"),
    ] {
        match connect(&params) {
            Ok(_) => panic!("{params}: connected without trusting the server"),
            Err(e) => assert!(format!("{e:?}").starts_with(expected), "{params}: {e:?}"),
        }
    }
    // Through the binary, a push over verify-full with the bank's certificate.
    let dir = central.device(&user, &format!("sslmode=verify-full&sslrootcert={cert}"));
    add_sessions(&dir, "kiosk", 20, 1);
    let out = central.push(&dir, Some(DEVICE_PASSWORD), 100);
    assert!(out.status.success(), "{}", text(&out));
    let refused = central.device(&user, &format!("sslmode=verify-full&sslrootcert={other}"));
    add_sessions(&refused, "kiosk", 1, 1);
    let out = central.push(&refused, Some(DEVICE_PASSWORD), 100);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("certificate is not trusted"),
        "{}",
        text(&out)
    );
}

#[test]
fn the_address_is_kept_without_a_password_and_shown_without_one() {
    let dir = tempfile::tempdir().expect("dir");
    let home = tempfile::tempdir().expect("home");
    let refused = opora(dir.path(), home.path(), None)
        .args([
            "config",
            "set",
            "central-url",
            "postgresql://kiosk:hunter22@db/opora",
        ])
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused).contains("PGPASSWORD"), "{}", text(&refused));
    assert!(!text(&refused).contains("hunter22"));
    let set = opora(dir.path(), home.path(), None)
        .args([
            "config",
            "set",
            "central-url",
            "postgresql://kiosk@db.bank:6432/opora?sslmode=verify-full",
        ])
        .output()
        .expect("runs");
    assert!(set.status.success(), "{}", text(&set));
    let shown = opora(dir.path(), home.path(), Some("hunter22"))
        .args(["config", "show"])
        .output()
        .expect("runs");
    let said = text(&shown);
    assert!(
        said.contains("postgresql://kiosk@db.bank:6432/opora?sslmode=verify-full"),
        "{said}"
    );
    assert!(
        said.contains("from PGPASSWORD") && !said.contains("hunter22"),
        "{said}"
    );
    // A passfile others can read is named, not used.
    let passfile = home.path().join(".pgpass");
    std::fs::write(&passfile, "*:*:*:kiosk:hunter22\n").expect("passfile");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let shown = opora(dir.path(), home.path(), None)
        .args(["config", "show"])
        .output()
        .expect("runs");
    assert!(
        text(&shown).contains("can be read by others"),
        "{}",
        text(&shown)
    );
    std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let shown = opora(dir.path(), home.path(), None)
        .args(["config", "show"])
        .output()
        .expect("runs");
    assert!(
        text(&shown).contains(".pgpass") && !text(&shown).contains("hunter22"),
        "{}",
        text(&shown)
    );
}
