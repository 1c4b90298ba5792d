//! Plain linear mode through stdin, and the sentences people get when input or files are bad —
//! all through the real binary, each run in its own `OPORA_HOME`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

fn opora(home: &std::path::Path) -> Command {
    with_test_env(Command::new(common::binary()), home)
}

/// The same, run by a user whom permission bits bind: `nobody` when the tests run as root.
fn opora_unprivileged(home: &std::path::Path) -> Command {
    with_test_env(
        common::unprivileged::runner().command(&common::binary()),
        home,
    )
}

fn with_test_env(mut cmd: Command, home: &std::path::Path) -> Command {
    cmd.env("OPORA_HOME", home)
        .env("OPORA_TODAY", "2026-11-25")
        .env("OPORA_SPEECH", "off")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("OPORA_LOCALES")
        .env_remove("ACCESSIBLE");
    cmd
}

/// Runs opora with the given stdin and arguments.
fn run(home: &std::path::Path, args: &[&str], input: &str) -> Output {
    run_command(opora(home), args, input)
}

/// Runs opora as [`opora_unprivileged`] with the given stdin and arguments.
fn run_unprivileged(home: &std::path::Path, args: &[&str], input: &str) -> Output {
    run_command(opora_unprivileged(home), args, input)
}

fn run_command(mut cmd: Command, args: &[&str], input: &str) -> Output {
    let mut child = cmd
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn opora");
    // Opora may finish before reading everything (it quits, or cannot start): that is fine.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    child.wait_with_output().expect("wait for opora")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_balance_in_english_then_end_of_input_exits_cleanly() {
    // The issue's own check: printf '1\n' | OPORA_HOME=$(mktemp -d) opora --plain --lang en
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), &["--plain", "--lang", "en"], "1\n");
    let text = stdout(&out);
    assert!(out.status.success(), "{out:?}");
    assert!(text.contains("PRACTICE MODE — not real money"), "{text}");
    assert!(text.contains("₽25,430.50"), "{text}");
    assert!(
        text.lines().any(|l| l.ends_with("> ") || l.contains("> ")),
        "{text}"
    );
}

#[test]
fn each_screen_is_printed_once_with_a_prompt_ending_in_an_arrow() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), &["--plain"], "1\n");
    let text = stdout(&out);
    assert_eq!(
        text.matches("== УЧЕБНЫЙ РЕЖИМ — деньги не настоящие ==")
            .count(),
        2,
        "{text}"
    );
    assert_eq!(text.matches("1. Баланс").count(), 1, "{text}");
    assert!(text.contains("Нажмите цифру от 1 до 6 > "), "{text}");
    assert!(text.contains("25\u{a0}430,50 ₽"), "{text}");
}

#[test]
fn term_dumb_and_accessible_choose_plain_mode() {
    for (name, value) in [("TERM", "dumb"), ("ACCESSIBLE", "1")] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut child = opora(home.path())
            .env(name, value)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"0\n")
            .expect("write");
        let out = child.wait_with_output().expect("wait");
        let text = stdout(&out);
        assert!(out.status.success());
        assert!(text.contains("1. Баланс"), "{name}: {text}");
        assert!(
            !text.contains("\x1b["),
            "{name}: no escape sequences in plain mode"
        );
    }
}

/// A plain-mode session that answers prompts as they come, like a person at a screen reader.
struct Conversation {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    seen: String,
}

impl Conversation {
    fn start(home: &std::path::Path, args: &[&str]) -> Conversation {
        let mut child = opora(home)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            // Prompts have no newline: read byte-wise and cut at "> " as well as at newlines.
            let mut reader = BufReader::new(stdout);
            let mut current = Vec::new();
            let mut byte = [0u8; 1];
            while let Ok(1) = reader.read(&mut byte) {
                current.push(byte[0]);
                if byte[0] == b'\n' || current.ends_with(b"> ") {
                    let _ = tx.send(String::from_utf8_lossy(&current).into_owned());
                    current.clear();
                }
            }
            let _ = reader.fill_buf();
        });
        Conversation {
            child,
            stdin,
            lines: rx,
            seen: String::new(),
        }
    }

    /// Reads until the next prompt; returns what was printed since the last one.
    fn until_prompt(&mut self) -> String {
        let mut screen = String::new();
        loop {
            let piece = self
                .lines
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("no prompt; so far:\n{}{screen}", self.seen));
            screen.push_str(&piece);
            if piece.ends_with("> ") {
                self.seen.push_str(&screen);
                return screen;
            }
        }
    }

    fn say(&mut self, line: &str) -> String {
        writeln!(self.stdin, "{line}").expect("write");
        self.until_prompt()
    }

    fn finish(mut self) -> std::process::ExitStatus {
        drop(self.stdin);
        self.child.wait().expect("wait")
    }
}

fn code_in(screen: &str) -> String {
    screen
        .split("Код ")
        .skip(1)
        .find_map(|s| {
            let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
            (digits.len() == 4).then_some(digits)
        })
        .unwrap_or_else(|| panic!("no code in:\n{screen}"))
}

#[test]
fn a_whole_transfer_by_phone_number_with_mistakes_along_the_way() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Conversation::start(home.path(), &["--plain"]);
    talk.until_prompt();
    assert!(talk.say("2").contains("Кому перевести?"));
    assert!(talk.say("4").contains("Номер:"));
    // Bad numbers get a sentence that says what to do, and the same screen stays.
    assert!(talk.say("8 912 34").contains("В номере 6 цифр, а нужно 11"));
    assert!(
        talk.say("+1 212 555 0100")
            .contains("Это не российский номер")
    );
    assert!(
        talk.say("8 495 123-45-67")
            .contains("Это не мобильный номер")
    );
    assert!(
        talk.say("8 999 000-00-00")
            .contains("не найден среди клиентов банка")
    );
    let amount = talk.say("8 905 700-11-22");
    assert!(amount.contains("Сергей Н., +7 905 700-11-22"), "{amount}");
    // Bad amounts, each with its sentence.
    assert!(talk.say("0").contains("Сумма не может быть нулём"));
    assert!(talk.say("-300").contains("не может быть со знаком минус"));
    assert!(talk.say("три сотни").contains("только цифры"));
    assert!(talk.say("12345678901").contains("Слишком длинное число"));
    assert!(talk.say("100,555").contains("не больше двух цифр копеек"));
    assert!(talk.say("30000").contains("Не хватает денег"));
    // A number that is not a saved person gets a real warning first; cancelling is choice 1.
    let warning = talk.say("1500,50");
    assert!(
        warning.contains("Этого номера нет среди ваших получателей"),
        "{warning}"
    );
    let check = talk.say("2");
    assert!(check.contains("Проверьте"), "{check}");
    assert!(check.contains("Всего спишется: 1\u{a0}500,50 ₽"), "{check}");
    let code_screen = talk.say("1");
    let code = code_in(&code_screen);
    assert!(talk.say("0000").contains("Код не подходит"));
    let done = talk.say(&code);
    assert!(done.contains("Перевод выполнен"), "{done}");
    assert!(done.contains("Остаток: 23\u{a0}930 ₽"), "{done}");
    // Back home and to the balance: the money moved once.
    talk.say("1");
    let balance = talk.say("1");
    assert!(balance.contains("23\u{a0}930 ₽"), "{balance}");
    assert!(talk.finish().success());
}

#[test]
fn help_back_and_unknown_words() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Conversation::start(home.path(), &["--plain", "--lang", "en"]);
    talk.until_prompt();
    assert!(talk.say("?").contains("This is the home screen"));
    assert!(talk.say("back").contains("1. Balance"));
    assert!(talk.say("hello").contains("I did not understand"));
    assert!(talk.say("7").contains("There is no such number here"));
    assert!(talk.say("5").contains("Choose a lesson"));
    assert!(talk.say("esc").contains("1. Balance"));
    assert!(talk.say("6").contains("1. Block card"));
    assert!(talk.say("1").contains("Block the card?"));
    assert!(talk.say("esc").contains("1. Block card"));
    assert!(talk.say("esc").contains("1. Balance"));
    let bye = {
        writeln!(talk.stdin, "0").expect("write");
        let mut rest = String::new();
        // Until opora closes its output; still open after 10 s without a word is a failure.
        loop {
            match talk.lines.recv_timeout(Duration::from_secs(10)) {
                Ok(piece) => rest.push_str(&piece),
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    panic!("opora neither wrote nor ended for 10 s after `0`; so far:\n{rest}")
                }
            }
        }
        rest
    };
    assert!(bye.contains("Goodbye!"), "{bye}");
    assert!(talk.finish().success());
}

#[test]
fn a_lost_card_is_blocked_in_two_presses_from_home() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), &["--plain"], "4\n1\n");
    let text = stdout(&out);
    assert!(text.contains("4. Заблокировать карту"), "{text}");
    assert!(
        text.contains("Заблокировать карту?"),
        "it asks first: {text}"
    );
    assert!(text.contains("Карта заблокирована"), "{text}");
}

#[test]
fn blocking_is_the_first_choice_of_help_and_only_staff_unblock() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = run(home.path(), &["--plain"], "6\n1\n1\n");
    assert!(stdout(&out).contains("Карта заблокирована"));
    // Paying with a blocked card is refused with a sentence.
    let out = run(home.path(), &["--plain"], "3\n");
    assert!(stdout(&out).contains("Карта заблокирована, платить ею нельзя"));
    // Staff unblock.
    let out = run(home.path(), &["sandbox", "unblock-card"], "");
    assert!(out.status.success());
    assert!(stdout(&out).contains("разблокирована"));
    let out = run(home.path(), &["--plain"], "3\n");
    assert!(stdout(&out).contains("Что оплатить?"));
}

#[test]
fn sandbox_reset_restores_the_demo_state() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut talk = Conversation::start(home.path(), &["--plain"]);
    talk.until_prompt();
    talk.say("2");
    talk.say("1");
    talk.say("1000");
    let code = code_in(&talk.say("1"));
    assert!(talk.say(&code).contains("Остаток: 24\u{a0}430,50 ₽"));
    assert!(talk.finish().success());
    let out = run(home.path(), &["sandbox", "reset"], "");
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("Учебный банк восстановлен"));
    let out = run(home.path(), &["--plain"], "1\n");
    assert!(stdout(&out).contains("25\u{a0}430,50 ₽"));
}

#[test]
fn a_damaged_database_gets_a_sentence_and_reset_repairs_it() {
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::write(home.path().join("sandbox.db"), vec![0x5a; 8192]).expect("write garbage");
    let out = run(home.path(), &["--plain"], "1\n");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("Файл учебного банка повреждён"), "{err}");
    assert!(err.contains("opora sandbox reset"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = run(home.path(), &["sandbox", "reset"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(home.path().join("sandbox.db.damaged").exists());
    let out = run(home.path(), &["--plain", "--lang", "en"], "1\n");
    assert!(stdout(&out).contains("₽25,430.50"));
}

#[test]
fn a_locked_database_gets_a_sentence() {
    let home = tempfile::tempdir().expect("temp dir");
    // Create it, then hold it in exclusive mode from another connection.
    assert!(run(home.path(), &["--plain"], "").status.success());
    let conn = rusqlite::Connection::open(home.path().join("sandbox.db")).expect("open");
    conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;")
        .expect("lock");
    let out = run(home.path(), &["--plain", "--lang", "en"], "1\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("Another program is using the practice bank file"),
        "{err}"
    );
    drop(conn);
}

#[test]
fn a_folder_that_cannot_be_created_gets_a_sentence() {
    // Nothing can create a folder under /proc, root included.
    let out = run(
        std::path::Path::new("/proc/opora-test"),
        &["--plain"],
        "1\n",
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("Не удалось открыть файл учебного банка: /proc/opora-test/sandbox.db. Проверьте, что папка существует"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

// Permission bits bind every user but root, and CI runs as root: the next two run opora as
// `nobody` then (tests/common/unprivileged.rs), and expect the same sentence whoever runs them.

#[test]
fn a_read_only_folder_gets_a_sentence() {
    let home = tempfile::tempdir().expect("temp dir");
    let runner = common::unprivileged::runner();
    runner.own(home.path());
    common::unprivileged::set_mode(home.path(), 0o555);
    let out = run_unprivileged(home.path(), &["--plain"], "1\n");
    common::unprivileged::set_mode(home.path(), 0o755);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let db = home.path().join("sandbox.db");
    assert!(
        err.contains(&format!(
            "Файл учебного банка нельзя изменить: {}. Попросите сотрудника разрешить запись",
            db.display()
        )),
        "{err}"
    );
    assert!(stdout(&out).is_empty(), "no screen without a bank");
}

#[test]
fn a_read_only_database_file_gets_a_sentence() {
    let home = tempfile::tempdir().expect("temp dir");
    let runner = common::unprivileged::runner();
    runner.own(home.path());
    let created = run_unprivileged(home.path(), &["--plain"], "");
    assert!(created.status.success(), "{}", stderr(&created));
    let db = home.path().join("sandbox.db");
    common::unprivileged::set_mode(&db, 0o444);
    let out = run_unprivileged(home.path(), &["--plain", "--lang", "en"], "1\n");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "The practice bank file cannot be changed: {}. Ask staff to allow writing",
            db.display()
        )),
        "{err}"
    );
    assert!(!stdout(&out).contains("₽25,430.50"), "{}", stdout(&out));
}

#[test]
fn a_missing_or_broken_locale_file_is_named_and_the_built_in_text_used() {
    let home = tempfile::tempdir().expect("temp dir");
    let locales = tempfile::tempdir().expect("temp dir");
    let out = run(
        home.path(),
        &[
            "--plain",
            "--locales",
            &locales.path().display().to_string(),
        ],
        "1\n",
    );
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("Нет файла с текстами"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("25\u{a0}430,50 ₽"));

    std::fs::create_dir_all(locales.path().join("en")).expect("mkdir");
    std::fs::write(
        locales.path().join("en/opora.ftl"),
        "home-balance = Money\nnot a message\n",
    )
    .expect("write");
    let out = Command::new(common::binary())
        .env("OPORA_HOME", home.path())
        .env("OPORA_LOCALES", locales.path())
        .args(["--plain", "--lang", "en"])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("line 2"), "{err}");
    assert!(stdout(&out).contains("1. Balance"), "built-in text is used");
}
