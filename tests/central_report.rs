//! The bank-wide report on a real PostgreSQL: the same events in one device's journal and
//! pushed by three devices to the central database give identical reports — every figure, every
//! breakdown, with and without a period, through `opora report` and the plain dashboard — and
//! the BI views say what the report says. An analyst's read-only role reports on the facts as of
//! the last refresh and is told what waits.

mod common;

#[path = "../benches/central/journeys.rs"]
mod journeys;

use std::path::Path;
use std::process::Output;

use chrono::{DateTime, Duration, Utc};
use common::central::{ANALYST_PASSWORD, Central, DEVICE_PASSWORD, OWNER_PASSWORD, opora, text};
use opora::store::journal::Journal;
use opora_core::journal::{Channel, Event, Payload};

/// Lesson sessions of self-practice, follow-ups for some of the generated clients and consent
/// refusals, so every figure of the report has something to count.
fn more_events(generated: &[Event]) -> Vec<Event> {
    let mut out = Vec::new();
    let base = Utc::now() - Duration::days(200);
    let at = |minutes: i64| base + Duration::minutes(minutes);
    for i in 0..40_i64 {
        let device = format!("kiosk-{}", i % 3);
        let session = uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            u64::try_from(at(i * 90).timestamp()).expect("positive"),
            0,
        ))
        .to_string();
        let start = i * 90;
        let mut add = |minute: i64, seconds: i64, payload: Payload| {
            let when: DateTime<Utc> = at(start + minute) + Duration::seconds(seconds);
            out.push(Event::at(&device, &session, when, payload));
        };
        add(
            0,
            0,
            Payload::PracticeStarted {
                site: format!("site-{}", i % 4),
                variant: Some(if i % 2 == 0 { "A" } else { "B" }.into()),
            },
        );
        let lesson = if i % 3 == 0 { "pay" } else { "send" };
        add(
            0,
            5,
            Payload::LessonStarted {
                lesson: lesson.into(),
            },
        );
        let reached = 1 + (i % 4);
        for step in 2..=reached {
            add(
                1,
                step * 17 + i,
                Payload::LessonStepStarted {
                    lesson: lesson.into(),
                    step: u32::try_from(step).expect("small"),
                },
            );
        }
        if reached == 4 {
            add(
                3,
                0,
                Payload::LessonCompleted {
                    lesson: lesson.into(),
                },
            );
        }
        add(4, 0, Payload::PracticeEnded {});
    }
    // Follow-ups for the first clients seen, about a month after.
    let mut clients: Vec<(String, String, DateTime<Utc>)> = Vec::new();
    for event in generated {
        if let Payload::SessionStarted {
            client: Some(client),
            ..
        } = &event.payload
            && clients.iter().all(|(c, ..)| c != client)
        {
            clients.push((client.clone(), event.device.clone(), event.at));
        }
    }
    for (i, (client, device, when)) in clients.iter().take(60).enumerate() {
        let session = opora::store::journal::new_session_id();
        out.push(Event::at(
            device,
            &session,
            (*when + Duration::days(30)).min(Utc::now()),
            Payload::FollowUp {
                client: client.clone(),
                used_alone: i % 3 != 0,
            },
        ));
    }
    for i in 0..7_i64 {
        let session = opora::store::journal::new_session_id();
        out.push(Event::at(
            "kiosk-1",
            &session,
            at(i * 1_000),
            Payload::ConsentRefused {
                channel: Channel::BranchKiosk,
                site: "site-1".into(),
            },
        ));
    }
    out
}

fn append(dir: &Path, events: &[Event]) {
    let mut journal = Journal::open(&dir.join("journal.db")).expect("journal");
    journal.append_all(events).expect("appended");
}

fn report(dir: &Path, central: &Central, password: Option<&str>, args: &[&str]) -> Output {
    let out = opora(dir, central.home.path(), password)
        .arg("report")
        .args(args)
        .output()
        .expect("opora runs");
    assert!(out.status.success(), "report {args:?}: {}", text(&out));
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn local_and_central_reports_print_identical_figures_on_the_same_events() {
    let central = Central::new("report");
    let mut events = Vec::new();
    journeys::generate(6_000, 3, 1_000, |batch| events.extend(batch));
    let extra = more_events(&events);
    events.extend(extra);

    // One device holds every event; three devices each push their own.
    let local = tempfile::tempdir().expect("local");
    append(local.path(), &events);
    let mut later = Vec::new();
    for n in 0..3 {
        let user = format!("dev{n}_{}", central.db);
        central.role(&user, DEVICE_PASSWORD, "opora_device");
        let dir = central.device(&user, "sslmode=disable");
        let name = format!("kiosk-{n}");
        let (mine, rest): (Vec<Event>, Vec<Event>) = events
            .iter()
            .filter(|e| e.device == name)
            .cloned()
            .partition(|e| n != 2 || e.at < Utc::now() - Duration::days(20));
        append(&dir, &mine);
        let pushed = central.push(&dir, Some(DEVICE_PASSWORD), 500);
        assert!(pushed.status.success(), "{}", text(&pushed));
        later.push((dir, rest));
    }
    let owner = central.device(&central.owner, "sslmode=disable");
    let analyst = format!("an_{}", central.db);
    central.role(&analyst, ANALYST_PASSWORD, "opora_analyst");
    let reader = central.device(&analyst, "sslmode=disable");

    // The owner's report folds what was pushed first; an analyst's then reads the same facts.
    let by_owner = report(
        &owner,
        &central,
        Some(OWNER_PASSWORD),
        &["--central", "--format", "json"],
    );
    let by_analyst = report(
        &reader,
        &central,
        Some(ANALYST_PASSWORD),
        &["--central", "--format", "json"],
    );
    assert_eq!(stdout(&by_owner), stdout(&by_analyst));
    assert!(
        String::from_utf8_lossy(&by_analyst.stderr).is_empty(),
        "{}",
        text(&by_analyst)
    );

    // The last device's newest events arrive after the refresh: an analyst is told they wait.
    let (dir, rest) = later.pop().expect("third device");
    assert!(!rest.is_empty(), "some events pushed late");
    append(&dir, &rest);
    let pushed = central.push(&dir, Some(DEVICE_PASSWORD), 500);
    assert!(pushed.status.success(), "{}", text(&pushed));
    let stale = report(&reader, &central, Some(ANALYST_PASSWORD), &["--central"]);
    let said = String::from_utf8_lossy(&stale.stderr);
    assert!(
        said.contains("not in them yet") && said.contains("opora central refresh"),
        "{said}"
    );
    let refreshed = opora(&owner, central.home.path(), Some(OWNER_PASSWORD))
        .args(["central", "refresh"])
        .output()
        .expect("refresh");
    assert!(refreshed.status.success(), "{}", text(&refreshed));
    assert!(
        text(&refreshed).contains("up to date"),
        "{}",
        text(&refreshed)
    );

    let breakdowns: [&[&str]; 10] = [
        &[],
        &["--by", "segment"],
        &["--by", "age-band"],
        &["--by", "channel"],
        &["--by", "site"],
        &["--by", "staff"],
        &["--by", "lesson"],
        &["--by", "variant"],
        &["--by", "segment", "--from", &day(-150), "--to", &day(-40)],
        &["--by", "lesson", "--from", &day(-250)],
    ];
    for args in breakdowns {
        for format in ["json", "table", "csv"] {
            let mut local_args = args.to_vec();
            local_args.extend(["--format", format]);
            let mine = report(local.path(), &central, None, &local_args);
            let mut central_args = local_args.clone();
            central_args.push("--central");
            let theirs = report(&reader, &central, Some(ANALYST_PASSWORD), &central_args);
            assert_eq!(stdout(&mine), stdout(&theirs), "report {local_args:?}");
            assert!(stdout(&mine).len() > 200, "{}", stdout(&mine));
        }
    }
    let figures: serde_json::Value = serde_json::from_str(&stdout(&report(
        local.path(),
        &central,
        None,
        &["--format", "json"],
    )))
    .expect("json");
    assert!(figures["consent_refusals"].as_u64() == Some(7), "{figures}");
    assert!(figures["lessons"].as_array().is_some_and(|l| !l.is_empty()));
    assert!(figures["flows"].as_array().is_some_and(|f| !f.is_empty()));
    let all = &figures["groups"][0];
    assert!(
        all["confirmed_conversion"]["k"]
            .as_u64()
            .is_some_and(|k| k > 0),
        "{all}"
    );

    // The plain dashboard, too.
    let dashboard = |dir: &Path, password: Option<&str>, central_flag: bool| {
        let mut cmd = opora(dir, central.home.path(), password);
        cmd.args(["--plain", "dashboard", "--by", "site"]);
        if central_flag {
            cmd.arg("--central");
        }
        let out = cmd.output().expect("dashboard");
        assert!(out.status.success(), "{}", text(&out));
        stdout(&out)
    };
    assert_eq!(
        dashboard(local.path(), None, false),
        dashboard(&reader, Some(ANALYST_PASSWORD), true)
    );

    views_say_what_the_report_says(&central, local.path());
    the_dashboard_edge_builds_what_the_journal_s_does(&central, local.path());
}

/// The full-screen dashboard's central edge, driven as its worker drives it, gives every
/// breakdown's figures and the weeks exactly as the device's edge does over the same events.
fn the_dashboard_edge_builds_what_the_journal_s_does(central: &Central, local: &Path) {
    use opora::report::dashboard::{BREAKDOWNS, DashboardEffect, DashboardMsg, figures};
    use opora_core::program::Edge;
    let secrets = tempfile::tempdir().expect("dir");
    let passfile = secrets.path().join("pgpass");
    std::fs::write(
        &passfile,
        format!("*:*:*:{}:{OWNER_PASSWORD}\n", central.owner),
    )
    .expect("passfile");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let url = central.url(
        &central.owner,
        &format!("sslmode=disable&passfile={}", passfile.display()),
    );
    let url = opora_core::central::CentralUrl::parse(&url).expect("address");
    let mut connection = opora::central::connect(&url).expect("connects");
    // Facts made by other rules are made again from every event; read a few events at a time,
    // sessions are split across batches, and must come out the same.
    connection
        .client
        .batch_execute("UPDATE opora.meta SET value = '-1' WHERE key = 'fact_rules'")
        .expect("rules");
    let rebuilt =
        opora::central::facts::refresh_fetching(&mut connection, 7, |_| {}).expect("rebuilt");
    assert!(rebuilt.rebuilt && rebuilt.events > 6_000, "{rebuilt:?}");
    opora::central::report::prepare(&mut connection).expect("prepared");
    let mut edge = opora::edge::CentralDashboardEdge::new(connection);
    let journal = Journal::open(&local.join("journal.db")).expect("journal");
    let period = opora::report::Period::default();
    for by in BREAKDOWNS {
        let mine = figures(&journal, by, period).expect("local figures");
        let answer = edge.handle(DashboardEffect::Build { by, period });
        let [DashboardMsg::Figures(Ok(theirs))] = &answer[..] else {
            panic!("{by:?}: {answer:?}");
        };
        assert_eq!(&mine, theirs, "{by:?}");
        assert!(mine.1.len() > 30, "weeks: {:?}", mine.1);
    }
}

fn day(offset: i64) -> String {
    (Utc::now() + Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

/// The BI views, read as an analyst, give the report's counts and intervals.
fn views_say_what_the_report_says(central: &Central, local: &Path) {
    let json = stdout(&report(
        local,
        central,
        None,
        &["--by", "segment", "--format", "json"],
    ));
    let figures: serde_json::Value = serde_json::from_str(&json).expect("json");
    let mut client = postgres::Client::connect(
        &format!(
            "host=127.0.0.1 port={} user=an_{} password={ANALYST_PASSWORD} dbname={} sslmode=disable",
            central.pg.port, central.db, central.db
        ),
        postgres::NoTls,
    )
    .expect("analyst logs in");
    let rows = client
        .query(
            "SELECT segment, clients, did_alone, conversion_low, conversion_high, fcr_answers, \
             fcr_solved FROM opora.opora_conversion_by_segment ORDER BY segment",
            &[],
        )
        .expect("the view");
    // Groups with attempts (self-practice sessions make a group of their own with none).
    let groups: Vec<&serde_json::Value> = figures["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter(|g| g["clients"].as_u64() > Some(0))
        .collect();
    assert_eq!(rows.len(), groups.len());
    assert!(groups.len() >= 3, "{figures}");
    for (row, group) in rows.iter().zip(groups) {
        assert_eq!(
            row.get::<_, String>(0),
            group["group"].as_str().expect("name")
        );
        assert_eq!(
            row.get::<_, i64>(1),
            group["clients"].as_i64().expect("clients")
        );
        assert_eq!(
            row.get::<_, i64>(2),
            group["conversion"]["k"].as_i64().expect("k")
        );
        let close = |a: f64, b: &serde_json::Value| (a - b.as_f64().expect("f64")).abs() < 1e-12;
        assert!(close(row.get(3), &group["conversion"]["low"]), "{group}");
        assert!(close(row.get(4), &group["conversion"]["high"]), "{group}");
        assert_eq!(row.get::<_, i64>(5), group["fcr"]["n"].as_i64().expect("n"));
        assert_eq!(row.get::<_, i64>(6), group["fcr"]["k"].as_i64().expect("k"));
    }
    let weeks: i64 = client
        .query_one("SELECT count(*) FROM opora.opora_conversion_weekly", &[])
        .expect("weekly")
        .get(0);
    assert!(weeks > 30, "{weeks} weeks");
    let attempts: i64 = client
        .query_one(
            "SELECT count(DISTINCT client) FROM opora.opora_attempt",
            &[],
        )
        .expect("attempts")
        .get(0);
    let all = stdout(&report(local, central, None, &["--format", "json"]));
    let all: serde_json::Value = serde_json::from_str(&all).expect("json");
    assert_eq!(Some(attempts), all["groups"][0]["clients"].as_i64());
}
