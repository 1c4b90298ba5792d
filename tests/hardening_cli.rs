//! Regression tests for issue 15's findings, through the real binary: each of these failed
//! before the hardening (a panic, a file written where it must not be, something personal or
//! out of range stored, a raw control character on the terminal, a hang).

mod common;

use common::run::{Runner, control_in};
use opora::store::journal::Journal;
use std::path::Path;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(30);

/// A data folder with the bank key and device id set, in the file (as an administrator would
/// write it), then rewritten by `config set`.
fn configured() -> (tempfile::TempDir, Runner) {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    std::fs::write(
        home.path().join("config.toml"),
        "bank_key = \"the bank's shared secret key\"\n",
    )
    .expect("config");
    let device = opora.run(&["config", "set", "device-id", "tver-3"], b"", LIMIT);
    assert!(device.ok(), "{}", device.all());
    (home, opora)
}

/// A whole assisted session (see tests/assist_plain.rs), client by bank id `reference`.
fn session(reference: &str) -> String {
    // As in tests/assist_plain.rs: the balance practised, then done alone and observed.
    format!(
        "st-7\n1\n{reference}\n1\n4\n1\nTver 3\n1\n1\n6\n\
         1\n2\nstaff\n3\n1\n2\nstaff\n3\n1\n1\n5\n\n10\n1\n2\n"
    )
}

fn events(home: &Path) -> Vec<opora_core::journal::Event> {
    Journal::open(&home.join("journal.db"))
        .expect("journal")
        .events()
        .expect("events")
}

#[test]
fn the_documented_lesson_options_do_not_crash() {
    let (home, opora) = configured();
    let lessons = home.path().join("trainer");
    std::fs::create_dir(&lessons).expect("mkdir");
    let dir = lessons.to_str().expect("utf-8");
    for args in [
        &["assist", "--plain", "--lesson", "pay=Pay"][..],
        &["--lessons", dir, "assist", "--plain"][..],
        &["--lessons", dir, "assist", "--plain", "--lesson", "pay=Pay"][..],
    ] {
        let ran = opora.run(args, b"", LIMIT);
        assert!(ran.calm() && ran.ok(), "{args:?}: {}", ran.all());
    }
    let bad = opora.run(&["assist", "--plain", "--lesson", "../x=X"], b"", LIMIT);
    assert!(bad.calm() && !bad.ok(), "{}", bad.all());
    assert!(bad.err().contains("--lesson"), "{}", bad.err());
}

#[test]
fn a_lesson_id_that_leaves_the_folder_or_hides_text_is_refused() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    let lessons = home.path().join("trainer");
    std::fs::create_dir(&lessons).expect("mkdir");
    let body = "audience = \"clients\"\ntitle = \"l-send-title\"\nsummary = \"l-send-summary\"\n\
                recap = [\"l-send-recap-1\"]\n\n[[step]]\nid = \"a\"\nkind = \"explain\"\n\
                text = \"l-send-intro\"\n";
    for (file, id) in [
        ("traversal.toml", "x/../../../../tmp/opora-issue-15"),
        ("empty.toml", ""),
        ("control.toml", "pay\\u001b]0;pwned\\u0007"),
    ] {
        std::fs::write(lessons.join(file), format!("id = \"{id}\"\n{body}")).expect("write");
    }
    let check = opora.run(
        &["lessons", "check", lessons.to_str().expect("utf-8")],
        b"",
        LIMIT,
    );
    assert!(check.calm() && !check.ok(), "{}", check.all());
    assert_eq!(
        check.out().matches("имя урока").count(),
        3,
        "{}",
        check.out()
    );
    assert_eq!(control_in(&check.stdout), None, "{}", check.out());
    let list = opora.run(
        &[
            "--lessons",
            lessons.to_str().expect("utf-8"),
            "lessons",
            "list",
        ],
        b"",
        LIMIT,
    );
    assert!(list.calm() && list.ok(), "{}", list.all());
    assert!(!list.out().contains("tmp"), "{}", list.out());
    assert_eq!(control_in(&list.stdout), None);
    assert_eq!(control_in(&list.stderr), None);
    assert!(!Path::new("/tmp/opora-issue-15-ru.pdf").exists());
}

#[test]
fn hostile_journal_files_are_refused_whole_with_the_line() {
    let (home, opora) = configured();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus/journal_ndjson");
    for name in [
        "client-raw-phone.ndjson",
        "staff-name.ndjson",
        "site-esc-nul.ndjson",
        "variant-card.ndjson",
        "goal-traversal.ndjson",
        "far-future.ndjson",
        "non-v7-id.ndjson",
        "scores-out-of-range.ndjson",
        "complaint-free-text.ndjson",
        "same-id-twice.ndjson",
    ] {
        let file = corpus.join(name);
        let ran = opora.run(
            &["journal", "import", file.to_str().expect("utf-8")],
            b"",
            LIMIT,
        );
        assert!(ran.calm() && !ran.ok(), "{name}: {}", ran.all());
        assert!(
            ran.err().contains("Ничего не загружено. Строка"),
            "{name}: {}",
            ran.err()
        );
        assert_eq!(control_in(&ran.stderr), None, "{name}: {}", ran.err());
    }
    assert!(events(home.path()).is_empty(), "nothing was imported");
    for path in ["/dev/zero", "/dev/null"] {
        let ran = opora.run(&["journal", "import", path], b"", LIMIT);
        assert!(ran.calm() && !ran.ok(), "{path}: {}", ran.all());
        assert!(ran.err().contains("не обычный файл"), "{}", ran.err());
    }
}

#[test]
fn recorded_text_reaches_the_terminal_and_spreadsheets_as_text() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    // A journal written before the gate (or by hand): a site with an escape sequence and
    // one that is a formula.
    let mut journal = Journal::open(&home.path().join("journal.db")).expect("journal");
    let mut fixture = Vec::new();
    for (i, site) in [
        "Tver\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}",
        "=HYPERLINK(\"http://x\")",
    ]
    .iter()
    .enumerate()
    {
        let session = opora::store::journal::new_session_id();
        fixture.push(opora::store::journal::event_now(
            "dev",
            &session,
            opora_core::journal::Payload::SessionStarted {
                staff: format!("st-{i}"),
                client: None,
                segment: opora_core::journal::Segment::Senior,
                age_band: opora_core::journal::AgeBand::From75,
                channel: opora_core::journal::Channel::BranchKiosk,
                site: (*site).to_string(),
                variant: None,
                goals: vec!["transfer".into()],
            },
        ));
        fixture.push(opora::store::journal::event_now(
            "dev",
            &session,
            opora_core::journal::Payload::SessionEnded {
                outcome: opora_core::journal::Outcome::Alone,
                fcr: Some(true),
                complaint: None,
                computed: None,
                override_reason: None,
            },
        ));
    }
    journal.append_all(&fixture).expect("fixture");
    drop(journal);
    let table = opora.run(&["report", "--by", "site"], b"", LIMIT);
    assert!(table.ok(), "{}", table.all());
    assert_eq!(control_in(&table.stdout), None, "{}", table.out());
    assert!(table.out().contains("Tver\\x1B]0;pwned"), "{}", table.out());
    let csv = opora.run(&["report", "--by", "site", "--format", "csv"], b"", LIMIT);
    assert!(csv.ok(), "{}", csv.all());
    assert_eq!(control_in(&csv.stdout), None);
    assert!(
        csv.out().contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{}",
        csv.out()
    );
    assert!(!csv.out().contains(",=HYPERLINK"), "{}", csv.out());
    let json = opora.run(&["report", "--by", "site", "--format", "json"], b"", LIMIT);
    assert!(json.ok(), "{}", json.all());
    assert_eq!(control_in(&json.stdout), None, "{}", json.out());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("still JSON");
    let sites: Vec<&str> = value["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter_map(|g| g["group"].as_str())
        .collect();
    assert!(
        sites.iter().any(|s| s.contains('\u{1b}')),
        "the data itself is kept: {sites:?}"
    );
}

#[test]
fn plain_mode_echoes_short_safe_text_and_survives_broken_input() {
    let home = tempfile::tempdir().expect("temp dir");
    let opora = Runner::new(home.path());
    let mut input = b"\x1b]0;pwned\x07\n\xff\xfe\n".to_vec();
    input.extend(std::iter::repeat_n(b'z', 2_000_000));
    input.extend_from_slice(b"\n1\n");
    let ran = opora.run(&["--plain"], &input, LIMIT);
    assert!(ran.calm() && ran.ok(), "{}", ran.err());
    assert_eq!(control_in(&ran.stdout), None);
    assert!(
        ran.out().contains("Не понял «\\x1B]0;pwned\\x07»"),
        "{}",
        ran.out()
    );
    assert!(
        ran.out().contains("Не понял «\u{fffd}\u{fffd}»"),
        "{}",
        ran.out()
    );
    assert!(
        ran.out().len() < 100_000,
        "the megabyte line is not repeated"
    );
    assert!(
        ran.out().contains("Баланс"),
        "the kiosk went on: {}",
        ran.out()
    );
}

#[test]
fn invalid_utf8_does_not_end_an_assisted_session() {
    let (home, opora) = configured();
    // One byte that is not UTF-8, on a line of its own right after the site.
    let script = session("AB1234");
    let cut = script.find("Tver 3\n").expect("site") + "Tver 3\n".len();
    let mut bytes = script.as_bytes()[..cut].to_vec();
    bytes.extend_from_slice(b"\xff\n");
    bytes.extend_from_slice(&script.as_bytes()[cut..]);
    let ran = opora.run(&["--plain", "assist"], &bytes, LIMIT);
    assert!(ran.calm() && ran.ok(), "{}", ran.all());
    assert!(ran.out().contains("Не понял «\u{fffd}»"), "{}", ran.out());
    let kinds: Vec<&'static str> = events(home.path())
        .iter()
        .map(|e| e.payload.kind())
        .collect();
    assert!(kinds.contains(&"session_ended"), "{kinds:?}");
}
