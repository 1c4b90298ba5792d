//! `opora journal export --format xes|csv` opens in pm4py with as many cases and events as
//! `opora report` counts: the real binary writes both files from a journal of generated
//! journeys, and pm4py (installed by `scripts/setup.sh test` into `.deps/analysis`) reads them
//! with `pm4py.read_xes`, and with `pandas.read_csv` + `pm4py.format_dataframe`. A staff
//! override's reason is in the export; the default format stays the NDJSON journal.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use opora::store::journal::Journal;
use opora::store::journal::sample;
use opora_core::journal::{AgeBand, Channel, Event, Outcome, Payload, Segment};

fn opora(home: &Path, args: &[&str]) -> Output {
    Command::new(common::binary())
        .args(["--lang", "en"])
        .args(args)
        .env("OPORA_HOME", home)
        .output()
        .expect("the binary runs")
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Reads both files with pm4py and prints `xes CASES EVENTS` and `csv CASES EVENTS`.
const PM4PY_READER: &str = r#"
import sys, warnings
warnings.filterwarnings("ignore")
import pandas, pm4py
xes = pm4py.read_xes(sys.argv[1])
print("xes", xes["case:concept:name"].nunique(), len(xes))
df = pandas.read_csv(sys.argv[2], dtype=str)
df = pm4py.format_dataframe(df, case_id="case:concept:name", activity_key="concept:name",
                            timestamp_key="time:timestamp")
print("csv", df["case:concept:name"].nunique(), len(df))
reasons = set(xes.get("opora:override_reason", pandas.Series(dtype=str)).dropna())
print("override", ",".join(sorted(reasons)))
print("resources", len(set(df["org:resource"])))
"#;

fn analysis_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".deps/analysis")
}

fn with_override() -> Vec<Event> {
    let at = |s: i64| {
        chrono::DateTime::from_timestamp_millis(1_762_041_600_000 + s * 1000).expect("valid")
    };
    vec![
        Event::at(
            "dev",
            "overridden",
            at(0),
            Payload::SessionStarted {
                staff: "st-9".into(),
                client: Some("0a1b2c3d4e5f60718293a4b5c6d7e8f9".into()),
                segment: Segment::Senior,
                age_band: AgeBand::From75,
                channel: Channel::MobileBrigade,
                site: "Тверь, ул. Ленина \"3\"".into(),
                variant: Some("B".into()),
                goals: vec!["transfer".into()],
            },
        ),
        Event::at(
            "dev",
            "overridden",
            at(60),
            Payload::SessionEnded {
                outcome: Outcome::Alone,
                fcr: Some(true),
                complaint: None,
                computed: Some(Outcome::WithHelp),
                override_reason: Some("done-outside-opora".into()),
            },
        ),
    ]
}

#[test]
fn xes_and_csv_load_in_pm4py_with_the_report_s_counts() {
    let home = tempfile::tempdir().expect("temp");
    {
        let mut journal = Journal::open(&home.path().join("journal.db")).expect("journal");
        sample::journal(11, 6_000, 8, |batch| {
            journal.append_all(batch).map_err(|e| e.to_string())
        })
        .expect("generated");
        journal.append_all(&with_override()).expect("appended");
    }
    let report: serde_json::Value =
        serde_json::from_str(&ok(&opora(home.path(), &["report", "--format", "json"])))
            .expect("report JSON");
    let cases = report["log"]["cases"].as_u64().expect("cases");
    let events = report["log"]["events"].as_u64().expect("events");
    assert!(
        cases > 20 && events > 6_000,
        "{cases} cases, {events} events"
    );

    let xes = home.path().join("journal.xes");
    let csv = home.path().join("journal.csv");
    let said = ok(&opora(
        home.path(),
        &[
            "journal",
            "export",
            "--format",
            "xes",
            xes.to_str().expect("utf-8"),
        ],
    ));
    assert_eq!(
        said.trim(),
        format!(
            "Written to {}: sessions {cases}, events {events}.",
            xes.display()
        )
    );
    ok(&opora(
        home.path(),
        &[
            "journal",
            "export",
            "--format",
            "csv",
            csv.to_str().expect("utf-8"),
        ],
    ));
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(text.starts_with(
        "case:concept:name,concept:name,time:timestamp,org:resource,case:kind,case:segment,"
    ));
    assert!(text.contains(",send-who,"), "screens are activities");
    assert!(
        std::fs::read_to_string(&xes)
            .expect("xes")
            .contains("override_reason")
    );

    let out = Command::new("python3")
        .arg("-c")
        .arg(PM4PY_READER)
        .arg(&xes)
        .arg(&csv)
        .env("PYTHONPATH", analysis_path())
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "pm4py could not read the exports (run scripts/setup.sh test, which installs pm4py \
         into .deps/analysis): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines[0], format!("xes {cases} {events}"), "{said}");
    assert_eq!(lines[1], format!("csv {cases} {events}"), "{said}");
    assert!(
        lines[2].starts_with("override ") && lines[2].contains("done-outside-opora"),
        "{said}"
    );
    let resources: usize = lines[3]
        .strip_prefix("resources ")
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(resources > 10, "clients, staff and anonymous: {said}");
}

#[test]
fn the_default_export_is_still_the_journal() {
    let home = tempfile::tempdir().expect("temp");
    {
        let mut journal = Journal::open(&home.path().join("journal.db")).expect("journal");
        journal.append_all(&with_override()).expect("appended");
    }
    let file = home.path().join("out.ndjson");
    ok(&opora(
        home.path(),
        &["journal", "export", file.to_str().expect("utf-8")],
    ));
    let text = std::fs::read_to_string(&file).expect("written");
    assert!(text.starts_with("{\"format\":\"opora-journal\",\"version\":1}\n"));
    assert_eq!(text.lines().count(), 3);
    let said = ok(&opora(home.path(), &["journal", "rebuild"]));
    assert_eq!(
        said.trim(),
        "The report's tables were made again from the events (2): sessions 1, steps 0."
    );
}
