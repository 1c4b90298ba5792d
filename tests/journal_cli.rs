//! The journal and configuration commands through the real binary: two devices' journals merge
//! without duplicates, a second import changes nothing, a bad line is reported by its number and
//! nothing is half-applied, and the configuration is set by command.

mod common;

use opora::store::journal::Journal;
use opora_core::journal::{Event, Outcome, Payload};
use std::path::Path;
use std::process::{Command, Output};

fn opora(home: &Path, args: &[&str]) -> Output {
    Command::new(common::binary())
        .args(["--lang", "en"])
        .args(args)
        .env("OPORA_HOME", home)
        .output()
        .expect("the binary runs")
}

/// The binary with `input` on its standard input.
fn opora_with_input(home: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(common::binary())
        .args(["--lang", "en"])
        .args(args)
        .env("OPORA_HOME", home)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("written");
    child.wait_with_output().expect("finished")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn device_with(home: &Path, device: &str, sessions: usize) {
    let mut journal = Journal::open(&home.join("journal.db")).expect("journal");
    let mut events = Vec::new();
    for _ in 0..sessions {
        // Sessions are UUIDv7, as Opora makes them: imports check.
        let session = opora::store::journal::new_session_id();
        events.push(opora::store::journal::event_now(
            device,
            &session,
            Payload::LessonStarted {
                lesson: "pay".into(),
            },
        ));
        events.push(opora::store::journal::event_now(
            device,
            &session,
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

fn count(home: &Path) -> i64 {
    Journal::open(&home.join("journal.db"))
        .expect("journal")
        .count()
        .expect("count")
}

#[test]
fn two_devices_merge_without_duplicates() {
    let a = tempfile::tempdir().expect("temp");
    let b = tempfile::tempdir().expect("temp");
    device_with(a.path(), "dev-a", 3);
    device_with(b.path(), "dev-b", 2);
    let file = a.path().join("a.ndjson");
    let out = opora(
        a.path(),
        &["journal", "export", file.to_str().expect("utf-8")],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("6 events written"), "{}", text(&out));

    let first = opora(
        b.path(),
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    assert!(first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains("6 new events, 0 already here"),
        "{}",
        text(&first)
    );
    assert_eq!(count(b.path()), 10);
    let events = |home: &Path| {
        Journal::open(&home.join("journal.db"))
            .expect("journal")
            .events()
            .expect("events")
    };
    let before = events(b.path());
    let second = opora(
        b.path(),
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    assert!(second.status.success(), "{}", text(&second));
    assert!(
        text(&second).contains("0 new events, 6 already here"),
        "{}",
        text(&second)
    );
    assert_eq!(count(b.path()), 10);
    assert_eq!(events(b.path()), before, "a second import changes nothing");
}

#[test]
fn a_malformed_line_is_reported_by_number_and_nothing_lands() {
    let a = tempfile::tempdir().expect("temp");
    let b = tempfile::tempdir().expect("temp");
    device_with(a.path(), "dev-a", 2);
    let file = a.path().join("a.ndjson");
    assert!(
        opora(
            a.path(),
            &["journal", "export", file.to_str().expect("utf-8")]
        )
        .status
        .success()
    );
    let mut lines: Vec<String> = std::fs::read_to_string(&file)
        .expect("export")
        .lines()
        .map(str::to_string)
        .collect();
    lines[3] = lines[3].replace("\"payload\"", "\"payloud\"");
    std::fs::write(&file, lines.join("\n")).expect("written");
    let out = opora(
        b.path(),
        &["journal", "import", file.to_str().expect("utf-8")],
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("Nothing was imported. Line 4:"),
        "{}",
        text(&out)
    );
    assert_eq!(count(b.path()), 0);
}

#[test]
fn purge_deletes_old_sessions() {
    let a = tempfile::tempdir().expect("temp");
    let mut journal = Journal::open(&a.path().join("journal.db")).expect("journal");
    let old = chrono::Utc::now() - chrono::Duration::days(100);
    journal
        .append_all(&[
            Event::at(
                "d",
                "old",
                old,
                Payload::LessonStarted { lesson: "x".into() },
            ),
            opora::store::journal::event_now(
                "d",
                "new",
                Payload::LessonStarted { lesson: "x".into() },
            ),
        ])
        .expect("appended");
    drop(journal);
    let out = opora(a.path(), &["journal", "purge", "--older-than", "90"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Deleted 1 events"), "{}", text(&out));
    assert_eq!(count(a.path()), 1);
}

#[test]
fn configuration_by_command() {
    let a = tempfile::tempdir().expect("temp");
    let short = opora_with_input(a.path(), &["config", "set", "bank-key"], "short\n");
    assert!(!short.status.success());
    assert!(
        text(&short).contains("at least 16 characters"),
        "{}",
        text(&short)
    );
    let ok = opora_with_input(
        a.path(),
        &["config", "set", "bank-key"],
        "our bank's long secret\n",
    );
    assert!(ok.status.success(), "{}", text(&ok));
    let ok = opora(a.path(), &["config", "set", "device-id", "tver-3"]);
    assert!(ok.status.success(), "{}", text(&ok));
    let show = opora(a.path(), &["config", "show"]);
    let shown = text(&show);
    assert!(
        shown.contains("Bank key: set") && shown.contains("Device id: tver-3"),
        "{shown}"
    );
    assert!(
        !shown.contains("secret"),
        "the key is never printed: {shown}"
    );
    let file = std::fs::read_to_string(a.path().join("config.toml")).expect("config file");
    assert!(
        file.contains("bank_key = \"our bank's long secret\""),
        "{file}"
    );
}

fn sessions(home: &Path, n: usize) {
    use opora_core::journal::{AgeBand, Channel, Segment};
    let mut journal = Journal::open(&home.join("journal.db")).expect("journal");
    let mut events = Vec::new();
    for i in 0..n {
        let session = format!("s{i}");
        events.push(opora::store::journal::event_now(
            "dev",
            &session,
            Payload::SessionStarted {
                staff: "st".into(),
                client: Some(format!("client-{i}")),
                segment: if i % 2 == 0 {
                    Segment::Senior
                } else {
                    Segment::Other
                },
                age_band: AgeBand::From75,
                channel: Channel::MobileBrigade,
                site: "village, 3".into(),
                variant: None,
                goals: vec!["transfer".into()],
            },
        ));
        events.push(opora::store::journal::event_now(
            "dev",
            &session,
            Payload::SessionEnded {
                outcome: if i % 3 == 0 {
                    Outcome::Alone
                } else {
                    Outcome::NotYet
                },
                fcr: Some(true),
                complaint: None,
                computed: None,
                override_reason: None,
            },
        ));
    }
    journal.append_all(&events).expect("appended");
}

#[test]
fn report_formats_and_a_bad_date() {
    let home = tempfile::tempdir().expect("temp");
    sessions(home.path(), 12);
    let csv = opora(
        home.path(),
        &["report", "--by", "segment", "--format", "csv"],
    );
    assert!(csv.status.success(), "{}", text(&csv));
    let csv = String::from_utf8_lossy(&csv.stdout).to_string();
    // Senior: sessions 0, 2, 4, 6, 8, 10 → alone in 0 and 6: 2 of 6.
    assert!(csv.contains("group,senior,,,conversion,0.333333,"), "{csv}");
    assert!(csv.contains(",2,6,false\n"), "{csv}");
    let json = opora(home.path(), &["report", "--by", "site", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["groups"][0]["group"], "village, 3");
    assert_eq!(value["groups"][0]["conversion"]["n"], 12);
    assert_eq!(value["groups"][0]["conversion"]["k"], 4);
    let bad = opora(home.path(), &["report", "--from", "25.11.2026"]);
    assert!(!bad.status.success());
    assert!(
        text(&bad).contains("\"25.11.2026\" is not a date"),
        "{}",
        text(&bad)
    );
    let period = opora(
        home.path(),
        &["report", "--to", "2000-01-01", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_slice(&period.stdout).expect("JSON");
    assert_eq!(value["groups"], serde_json::json!([]));
    let dashboard = opora(home.path(), &["--plain", "dashboard", "--by", "segment"]);
    assert!(dashboard.status.success(), "{}", text(&dashboard));
    assert!(
        text(&dashboard).contains("opora report --by segment"),
        "{}",
        text(&dashboard)
    );
    assert!(
        text(&dashboard).contains("Conversion (did it alone): 33.3 %"),
        "{}",
        text(&dashboard)
    );
}
