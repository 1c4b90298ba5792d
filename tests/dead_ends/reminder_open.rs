//! Item 10: «Открыть памятку» on a computer that cannot show a PDF (no viewer, or one that
//! fails) says where the file is and that staff can print it, instead of doing nothing.

use super::common::talk::Talk;

/// The number of the line `label` on a plain screen, if it is there.
fn number(screen: &str, label: &str) -> Option<String> {
    screen.lines().find_map(|line| {
        let (n, rest) = line.split_once(". ")?;
        (rest.trim() == label && n.chars().all(|c| c.is_ascii_digit())).then(|| n.to_string())
    })
}

/// Walks the first lesson to its end (going on, skipping do-it steps, trying quiz answers in
/// turn) and saves its reminder; returns the screen that offers to open it.
fn lesson_with_reminder(talk: &mut Talk, en: bool) -> String {
    let [first, next, skip, save, open] = if en {
        [
            "First steps",
            "Next",
            "Skip this step",
            "Save a reminder to print",
            "Open the reminder",
        ]
    } else {
        [
            "Первые шаги",
            "Дальше",
            "Пропустить этот шаг",
            "Сохранить памятку для печати",
            "Открыть памятку",
        ]
    };
    let list = talk.say("5");
    let mut screen = talk.say(&number(&list, first).expect("the first lesson"));
    let mut answer = 0;
    for _ in 0..60 {
        if let Some(n) = number(&screen, save) {
            let saved = talk.say(&n);
            assert!(number(&saved, open).is_some(), "{saved}");
            return saved;
        }
        let line = match (number(&screen, next), number(&screen, skip)) {
            (Some(n), _) | (None, Some(n)) => {
                answer = 0;
                n
            }
            _ => {
                answer = answer % 3 + 1;
                answer.to_string()
            }
        };
        let after = talk.say(&line);
        if !after.trim().is_empty() {
            screen = after;
        }
    }
    panic!("the lesson never ended:\n{screen}");
}

#[test]
fn a_reminder_that_cannot_be_shown_says_where_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-viewer");
    for (lang, viewer, said) in [
        (
            "ru",
            missing.to_str().unwrap_or_default(),
            "Открыть памятку на этом компьютере нечем",
        ),
        ("ru", "false", "Открыть памятку на этом компьютере нечем"),
        (
            "en",
            missing.to_str().unwrap_or_default(),
            "This computer has nothing to open the reminder with",
        ),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut talk =
            Talk::start_with_env(home.path(), &["--lang", lang], &[("OPORA_VIEWER", viewer)]);
        let saved = lesson_with_reminder(&mut talk, lang == "en");
        let open = number(
            &saved,
            if lang == "en" {
                "Open the reminder"
            } else {
                "Открыть памятку"
            },
        )
        .expect("open");
        let after = talk.say(&open);
        assert!(after.contains(said), "{viewer}: {after}");
        assert!(after.contains("reminders/"), "the file's place: {after}");
        assert!(
            after.contains(if lang == "en" {
                "staff"
            } else {
                "сотрудник"
            }),
            "{after}"
        );
        assert!(talk.finish().success());
    }
}

#[test]
fn a_viewer_that_opens_it_needs_no_sentence() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let viewer = dir.path().join("viewer");
    let seen = dir.path().join("seen");
    std::fs::write(
        &viewer,
        format!("#!/bin/sh\necho \"$1\" > {}\n", seen.display()),
    )
    .expect("viewer");
    std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Talk::start_with_env(
        home.path(),
        &["--lang", "ru"],
        &[("OPORA_VIEWER", viewer.to_str().unwrap_or_default())],
    );
    let saved = lesson_with_reminder(&mut talk, false);
    let after = talk.say(&number(&saved, "Открыть памятку").expect("open"));
    assert!(!after.contains("нечем"), "{after}");
    assert!(talk.finish().success());
    let start = std::time::Instant::now();
    while !seen.exists() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let opened = std::fs::read_to_string(&seen).unwrap_or_default();
    assert!(opened.contains("reminders/"), "{opened:?}");
}
