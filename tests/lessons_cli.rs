//! Lessons through the real binary: `opora lessons list|check`, and a whole lesson played in
//! plain mode through stdin, ending with the take-home reminder written as a PDF whose text is
//! read back with `pdftotext`.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn opora(home: &std::path::Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(common::binary())
        .args(args)
        .env("OPORA_HOME", home)
        .env("OPORA_TODAY", "2026-11-25")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("OPORA_LOCALES")
        .env_remove("OPORA_LESSONS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn opora");
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_shipped_lessons_pass_the_checker() {
    let home = tempfile::tempdir().expect("home");
    let out = opora(home.path(), &["lessons", "check", "--lang", "en"], "");
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(text(&out.stdout), "Lessons checked: 8. No problems.\n");

    let out = opora(home.path(), &["lessons", "list", "--lang", "ru"], "");
    assert!(out.status.success());
    let list = text(&out.stdout);
    assert!(
        list.contains("fraud-call — Звонок мошенника (7 шагов)"),
        "{list}"
    );
    assert_eq!(list.lines().count(), 8);
}

#[test]
fn a_broken_lesson_fails_the_check_with_file_line_and_reason() {
    let home = tempfile::tempdir().expect("home");
    let dir = home.path().join("trainer");
    std::fs::create_dir_all(&dir).expect("dir");
    let broken = dir.join("broken.toml");
    std::fs::write(
        &broken,
        "id = \"x\"\ntitle = \"l-send-title\"\nsummary = \"l-send-summary\"\n\n[[step]]\nid = \"a\"\nkind = \"do\"\ntext = \"l-send-intro\"\ngoal = { operation = \"send\", payee = \"cousin\" }\n",
    )
    .expect("write");
    let out = opora(
        home.path(),
        &[
            "lessons",
            "check",
            "--lang",
            "ru",
            dir.to_str().expect("utf-8"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report.contains(&format!(
            "{}, строка 9: в учебном банке нет получателя «cousin»",
            broken.display()
        )),
        "{report}"
    );
    assert!(report.contains("Найдено ошибок: 1."));

    // Without PATH, a trainer's folder is checked together with the shipped lessons.
    let out = opora(
        home.path(),
        &[
            "lessons",
            "check",
            "--lessons",
            dir.to_str().expect("utf-8"),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_lesson_played_in_plain_mode_ends_with_a_printable_reminder() {
    let home = tempfile::tempdir().expect("home");
    // Home → 5 lessons → 4 «Потеряли карту»; explain, explain; find help (start, Esc, next);
    // quiz: a wrong answer, then the right one, next; block the card (start, yes, back to the
    // lesson, next); explain; the end: save the reminder.
    let input = "5\n4\n1\n1\n1\nesc\n1\n2\n1\n1\n1\n1\n1\n1\n1\n1\n";
    let out = opora(home.path(), &["--plain", "--lang", "ru"], input);
    let screen = text(&out.stdout);
    assert!(out.status.success(), "{screen}\n{}", text(&out.stderr));
    assert!(
        screen.contains("Нет. Заблокированная карта сама не заработает."),
        "{screen}"
    );
    assert!(screen.contains("Урок пройден!"), "{screen}");
    let pdf = home
        .path()
        .join("reminders")
        .join("2026-11-25-lost-card-ru.pdf");
    assert!(
        screen.contains(&format!("Памятка сохранена: {}", pdf.display())),
        "{screen}"
    );
    let extracted = Command::new("pdftotext")
        .args([pdf.to_str().expect("utf-8"), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh test");
    assert!(extracted.status.success());
    // Lines wrap where the layout decides; compare words.
    let words = text(&extracted.stdout)
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("Потеряли карту"), "{words}");
    assert!(words.contains("Три правила против мошенников"), "{words}");
    let hotline = "8 800 000-00-00";
    assert!(words.contains(hotline), "{words}");
    // Progress was kept: the lesson is marked done in the list.
    let out = opora(home.path(), &["--plain", "--lang", "ru"], "5\n");
    assert!(
        text(&out.stdout).contains("4. Потеряли карту (пройден)"),
        "{}",
        text(&out.stdout)
    );
}
